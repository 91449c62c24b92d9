"""The core command line. One test runs the installed console script as a user would (its own
process, its exit codes); the others call the same click command in this process, which spares
an interpreter start-up per call and still sees the exit code and both output streams."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from meetingtui.cli import main


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script in its own process."""
    exe = shutil.which("meetingtui", path=str(Path(sys.executable).parent)) or "meetingtui"
    env = {k: v for k, v in os.environ.items() if k != "MEETINGTUI_DB"}
    return subprocess.run(
        [exe, "--db", str(db), *args], capture_output=True, text=True, env=env, check=False
    )


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, db: Path) -> Ran:
    """The same command in this process. An exception the command does not turn into a message
    and an exit code propagates and fails the test, as a traceback would show in a terminal."""
    result = CliRunner(env={"MEETINGTUI_DB": None}).invoke(
        main, ["--db", str(db), *args], catch_exceptions=False
    )
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_demo_list_verify(db_path: Path) -> None:
    first = run("demo", "--no-open", db=db_path)
    assert first.returncode == 0, first.stderr
    again = run("demo", "--no-open", db=db_path)
    assert again.stdout == first.stdout  # created once
    listed = json.loads(run("list", "--json", db=db_path).stdout)
    assert listed[0]["id"] == int(first.stdout)
    assert listed[0]["body"] == "17, stk. 4-udvalget"
    assert listed[0]["starts_at"] == "2017-01-03T16:30:00"
    assert listed[0]["status"] == "planned"
    verified = run("verify", db=db_path)
    assert verified.returncode == 0 and "intakt" in verified.stdout


def test_new_from_agenda_and_errors(db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "møde.toml"
    agenda.write_text(
        '[meeting]\nbody = "Børne- og Skoleudvalget"\ndate = 2025-05-06\n'
        '[[members]]\nname = "A"\n[[items]]\nnumber = "1"\ntitle = "Skolestruktur"\n',
        encoding="utf-8",
    )
    created = invoke("new", str(agenda), db=db_path)
    assert created.returncode == 0 and "Børne- og Skoleudvalget" in created.stdout
    assert "1 punkt fra dagsordenen (toml)." in created.stdout  # not "1 punkter"
    broken = tmp_path / "broken.toml"
    broken.write_text('[meeting]\nbody = "X"\n', encoding="utf-8")
    failed = invoke("new", str(broken), db=db_path)
    assert failed.returncode == 2
    assert "broken.toml" in failed.stderr and "Traceback" not in failed.stderr
    listed = json.loads(invoke("list", "--json", db=db_path).stdout)
    assert len(listed) == 1


def test_english_messages(db_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(db_path), "--lang", "en", "list"])
    assert result.exit_code == 0
    assert "There are no meetings" in result.output


def test_verify_fails_on_tampering(db_path: Path) -> None:
    import sqlite3

    invoke("demo", "--no-open", db=db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE items SET title = 'Noget andet' WHERE id = 2")
    conn.commit()
    conn.close()
    result = invoke("verify", db=db_path)
    assert result.returncode == 1 and "afviger" in result.stderr


def test_verify_a_printed_hash(db_path: Path) -> None:
    import sqlite3

    invoke("demo", "--no-open", db=db_path)
    head = sqlite3.connect(db_path).execute("SELECT hash FROM chain_head").fetchone()[0]
    assert invoke("verify", "--hash", head[:16], db=db_path).returncode == 0
    assert invoke("verify", "--hash", "deadbeefdeadbeef", db=db_path).returncode == 1
    # The refusals in-process: the console script itself is proven above.
    for not_a_hash in ("6", "%", "_" * 16, "deadbeef"):
        refused = CliRunner().invoke(main, ["--db", str(db_path), "verify", "--hash", not_a_hash])
        assert refused.exit_code == 2 and "hexadecimale" in refused.stderr, not_a_hash


def test_verify_says_when_a_referat_is_out_of_date(db_path: Path) -> None:
    import sqlite3

    from meetingtui.service import MeetingService

    meeting_id = int(invoke("demo", "--no-open", db=db_path).stdout)
    printed = sqlite3.connect(db_path).execute("SELECT hash FROM chain_head").fetchone()[0]
    with MeetingService.open(db_path, meeting_id) as svc:
        svc.open_meeting()
    result = invoke("verify", "--hash", printed, db=db_path)
    assert result.returncode == 1
    assert "1 senere hændelse" in result.stderr
    # The meeting by its committee and date, not the database's id.
    assert "mødet i 17, stk. 4-udvalget den 03.01.2017 har 1 senere" in result.stderr


def test_help_comes_from_the_catalog() -> None:
    danish = CliRunner().invoke(main, ["demo", "--help"])
    assert "Opret (én gang) og åbn demomødet" in danish.output
    english = CliRunner().invoke(main, ["--lang", "en", "demo", "--help"])
    assert "Create (once) and open the demo meeting" in english.output
    CliRunner().invoke(main, ["--lang", "da", "list", "--help"])
