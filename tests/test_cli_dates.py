"""The command line writes dates and times as the screens do: "03.01.2017 kl. 16.30" in Danish,
"3 Jan 2017 16:30" with --lang en; the --json output keeps the ISO form for scripts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from meetingtui.cli import main
from tests.mail_support import SENDER, Inbox, config_file, held_meeting, smtp_server
from tests.structured_documents import firstagenda_referat


def cli(db: Path, *args: str) -> str:
    if "--lang" not in args:  # the language of an earlier call stays set in this process
        args = ("--lang", "da", *args)
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_list_shows_the_start_as_the_screens_do(db_path: Path) -> None:
    cli(db_path, "demo", "--no-open")
    danish = cli(db_path, "list")
    assert "03.01.2017 kl. 16.30" in danish and "2017-01-03" not in danish
    english = cli(db_path, "--lang", "en", "list")
    assert "3 Jan 2017 16:30" in english and "2017-01-03" not in english
    [listed] = json.loads(cli(db_path, "list", "--json"))
    assert listed["starts_at"] == "2017-01-03T16:30:00"


def test_list_columns_line_up_in_english(db_path: Path, tmp_path: Path) -> None:
    cli(db_path, "demo", "--no-open")  # 3 Jan 2017
    agenda = tmp_path / "møde.toml"
    agenda.write_text(
        '[meeting]\nbody = "Børne- og Skoleudvalget"\ndate = 2025-05-16\n'
        '[[members]]\nname = "A"\n[[items]]\nnumber = "1"\ntitle = "Skolestruktur"\n',
        encoding="utf-8",
    )
    cli(db_path, "new", str(agenda))
    lines = cli(db_path, "--lang", "en", "list").splitlines()
    assert len(lines) == 2 and any("16 May 2025" in line for line in lines)
    assert len({line.index("planned") for line in lines}) == 1, lines


def test_search_and_case_show_short_dates(db_path: Path, tmp_path: Path) -> None:
    referat = tmp_path / "referat.json"
    referat.write_text(json.dumps(firstagenda_referat(), ensure_ascii=False), encoding="utf-8")
    cli(db_path, "import", str(referat))
    danish = cli(db_path, "search", "lokalplan")
    assert danish.startswith("05.03.2024 · ") and "2024-03-05" not in danish
    assert cli(db_path, "--lang", "en", "search", "lokalplan").startswith("5 Mar 2024 · ")
    [hit] = json.loads(cli(db_path, "search", "lokalplan", "--json"))
    assert hit["date"] == "2024-03-05"
    case = cli(db_path, "case", "24-000777")
    assert "\n05.03.2024 · " in case and "2024-03-05" not in case
    assert "\n5 Mar 2024 · " in cli(db_path, "--lang", "en", "case", "24-000777")


def test_the_delivery_report_names_an_earlier_sending_the_short_way(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    with smtp_server(Inbox()) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        cli(db_path, "--config", str(config), "send", str(meeting_id))
    danish = cli(db_path, "send", str(meeting_id), "--dry-run")
    assert re.search(r"allerede sendt \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d", danish), danish
    english = cli(db_path, "--lang", "en", "send", str(meeting_id), "--dry-run")
    assert re.search(r"already sent \d{1,2} \w{3} \d{4} \d\d:\d\d", english), english
