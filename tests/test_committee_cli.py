"""`meetingtui committee import | export | list | roster`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from meetingtui.cli import main
from tests.committee_fixtures import OEKONOMIUDVALGET, write


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_import_list_roster_export(db_path: Path, tmp_path: Path) -> None:
    created = cli(db_path, "committee", "import", str(write(tmp_path)))
    assert created.exit_code == 0, created.output
    assert "Økonomiudvalget er oprettet" in created.output
    again = cli(db_path, "committee", "import", str(write(tmp_path)))
    assert "uændret" in again.output

    [listed] = json.loads(cli(db_path, "committee", "list", "--json").output)
    assert listed["name"] == "Økonomiudvalget"
    assert listed["periods"] == [
        {"name": "2022-2025", "starts": "2022-01-01", "ends": "2025-12-31"}
    ]

    roster = json.loads(
        cli(
            db_path, "committee", "roster", "økonomiudvalget", "--on", "2025-03-11", "--json"
        ).output
    )
    assert roster["period"] == "2022-2025"
    assert [m["name"] for m in roster["members"]][:2] == ["Bo Hilsted", "Anne Møller"]
    assert [(s["affiliation"], s["rank"], s["name"]) for s in roster["substitutes"]] == [
        ("A", 1, "Lars Nielsen"),
        ("A", 2, "Eva Bak"),
        ("V", 1, "Ib Thomsen"),
    ]
    text = cli(db_path, "committee", "roster", "Økonomiudvalget", "--on", "2024-05-31").output
    assert "Mette Lund (A)" in text and "Kim Holm" not in text
    # A Danish sentence says the date the Danish way, not "den 2024-05-31".
    assert text.startswith("Økonomiudvalget den 31. maj 2024 (valgperiode 2022-2025):")

    target = tmp_path / "ud" / "oeu.toml"
    exported = cli(db_path, "committee", "export", "Økonomiudvalget", "-o", str(target))
    assert exported.exit_code == 0
    assert 'name = "Økonomiudvalget"' in target.read_text(encoding="utf-8")


def test_errors_are_one_line_and_change_nothing(db_path: Path, tmp_path: Path) -> None:
    unknown = cli(db_path, "committee", "roster", "Teknik- og Miljøudvalget")
    assert unknown.exit_code == 2
    assert unknown.output.strip() == (
        "Der findes intet udvalg Teknik- og Miljøudvalget; der er ingen udvalg endnu "
        "(importér en udvalgsfil)."
    )
    bad = write(tmp_path, OEKONOMIUDVALGET.replace('kind = "udvalg"', 'kind = "klub"'), "bad.toml")
    refused = cli(db_path, "committee", "import", str(bad))
    assert refused.exit_code == 2
    assert refused.output.startswith(f"{bad}: feltet committee.kind:")
    assert "Traceback" not in refused.output
    assert json.loads(cli(db_path, "committee", "list", "--json").output) == []
    missing = cli(db_path, "committee", "import", str(tmp_path / "nope.toml"))
    assert missing.exit_code == 2 and "findes ikke" in missing.output


def test_english(db_path: Path, tmp_path: Path) -> None:
    cli(db_path, "committee", "import", str(write(tmp_path)))
    result = cli(
        db_path, "--lang", "en", "committee", "roster", "Økonomiudvalget", "--on", "2030-01-01"
    )
    assert result.exit_code == 2
    assert "has no term that covers 1 January 2030." in result.output
    helped = cli(db_path, "--lang", "en", "committee", "import", "--help")
    assert "Create or update a committee" in helped.output


def test_roster_on_a_date_typed_the_danish_way(db_path: Path, tmp_path: Path) -> None:
    cli(db_path, "committee", "import", str(write(tmp_path)))
    danish = cli(db_path, "committee", "roster", "Økonomiudvalget", "--on", "31.05.2024")
    assert danish.exit_code == 0, danish.output
    iso = cli(db_path, "committee", "roster", "Økonomiudvalget", "--on", "2024-05-31")
    assert danish.output == iso.output
    assert danish.output.startswith("Økonomiudvalget den 31. maj 2024 (valgperiode 2022-2025):")
    nonsense = cli(db_path, "committee", "roster", "Økonomiudvalget", "--on", "31.02.2024")
    assert nonsense.exit_code == 2
    assert nonsense.output.strip() == (
        "31.02.2024 er ikke en dato; skriv den som 11.03.2025 eller 2025-03-11."
    )
    english = cli(db_path, "--lang", "en", "committee", "roster", "Økonomiudvalget", "--on", "x")
    assert english.output.strip() == "x is not a date; write it as 11.03.2025 or 2025-03-11."
