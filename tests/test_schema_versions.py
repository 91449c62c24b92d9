"""A database from a newer release is never written; a damaged migration record is diagnosed;
a meeting whose tables disagree with its events is neither shown nor exported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.errors import StorageError
from meetingtui.screens.app import build_app
from meetingtui.screens.start import StartScreen
from meetingtui.service import MeetingService
from meetingtui.storage.db import APPLIED_MIGRATIONS, connect
from tests.meetings import FixedClock, committee_meeting, store, stored
from tests.tui_support import Notices, until

AGENDA = (
    '[meeting]\nbody = "Børne- og Skoleudvalget"\ndate = 2025-05-06\n'
    '[[members]]\nname = "Karen Holm"\n[[items]]\nnumber = "1"\ntitle = "Skolestruktur"\n'
)


def cli(db_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    return result.exit_code, result.stdout, result.stderr


def raw(db_path: Path, *statements: str) -> None:
    conn = sqlite3.connect(db_path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def newer(db_path: Path) -> int:
    """A database a newer release has opened: it applied a migration this one does not know."""
    meeting_id = store(db_path, committee_meeting())
    raw(
        db_path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('meetingtui', 'm999_from_a_newer_release', '2031-01-01 00:00:00')",
    )
    return meeting_id


def test_new_and_import_refuse_a_newer_schema_naming_both_versions(
    db_path: Path, newer: int, tmp_path: Path
) -> None:
    agenda = tmp_path / "møde.toml"
    agenda.write_text(AGENDA, encoding="utf-8")
    code, _, err = cli(db_path, "new", str(agenda))
    assert code == 2
    assert (
        f"skemaversion {APPLIED_MIGRATIONS + 1}" in err
        and f"til og med {APPLIED_MIGRATIONS}" in err
    )
    export = tmp_path / "referat.json"
    assert cli(db_path, "export", str(newer), "--format", "json", "-o", str(export))[0] == 0
    code, _, err = cli(db_path, "import", str(export))
    assert code == 2 and "nyere version" in err
    assert count(db_path, "meetings") == 1 and count(db_path, "events") == 1


def test_the_writer_refuses_a_newer_schema(db_path: Path, newer: int) -> None:
    with pytest.raises(StorageError) as refused:
        MeetingService.open(db_path, newer)
    assert refused.value.key == "storage.newer_schema"


def test_list_and_verify_read_a_newer_schema_and_say_so(db_path: Path, newer: int) -> None:
    code, out, err = cli(db_path, "list", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == newer
    assert "nyere version" in err and "ændres ikke" in err
    code, out, err = cli(db_path, "verify")
    assert code == 0 and "intakt" in out and "nyere version" in err


def test_a_missing_migration_row_between_applied_ones_is_diagnosed(db_path: Path) -> None:
    store(db_path, committee_meeting())
    raw(db_path, "DELETE FROM _sqlite_migrations WHERE name = 'm001_initial'")
    with pytest.raises(StorageError) as refused:
        connect(db_path)
    assert refused.value.key == "storage.migration_missing"
    assert "m001_initial" in refused.value.message
    code, _, err = cli(db_path, "list")
    assert code == 2 and "m001_initial" in err and "_sqlite_migrations" in err


# Migrations that only rewrite values: running one again is harmless, so its missing row is
# no damage to diagnose.
DATA_ONLY = {"language_001_glossary_values", "importers_002_plain_item_numbers"}


def last_migrations(migration_set: str) -> list[str]:
    """The set's last migration that changes the schema, and the data-only ones after it."""
    from meetingtui.storage.db import registered_migrations

    names = registered_migrations()[migration_set]
    last = max(n for n, name in enumerate(names) if name not in DATA_ONLY)
    return names[last:]


@pytest.mark.parametrize("migration_set", ["meetingtui", "meetingtui-search"])
def test_a_missing_last_migration_row_is_diagnosed(db_path: Path, migration_set: str) -> None:
    store(db_path, committee_meeting())
    missing = last_migrations(migration_set)
    names = ", ".join(f"'{name}'" for name in missing)
    raw(
        db_path,
        f"DELETE FROM _sqlite_migrations WHERE name IN ({names}) "
        f"AND migration_set = '{migration_set}'",
    )
    with pytest.raises(StorageError) as refused:
        connect(db_path)
    assert refused.value.key == "storage.migration_failed"
    assert "passer ikke til tabellerne" in refused.value.message
    # nothing changed
    assert count(db_path, "_sqlite_migrations") == APPLIED_MIGRATIONS - len(missing)


def test_a_data_migration_whose_row_is_missing_runs_again_harmlessly(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    # Its row and the rows (and columns) of the migrations after it, as a crash left them.
    raw(db_path, "ALTER TABLE elections DROP COLUMN acclamation")
    raw(db_path, "ALTER TABLE meetings DROP COLUMN item_sessions")
    raw(db_path, "ALTER TABLE items DROP COLUMN decided_at")
    raw(
        db_path,
        "DELETE FROM _sqlite_migrations WHERE name IN "
        "('language_001_glossary_values', 'live_002_election_acclamation', "
        "'importers_002_plain_item_numbers', 'live_003_item_sessions', 'live_004_decided_at')",
    )
    connect(db_path).close()
    assert count(db_path, "_sqlite_migrations") == APPLIED_MIGRATIONS
    assert cli(db_path, "verify")[0] == 0 and stored(db_path, meeting_id).participants


@pytest.fixture
def hand_edited(db_path: Path) -> int:
    meeting_id = store(db_path, committee_meeting())
    raw(db_path, "UPDATE items SET title = 'Salg af grund til underpris' WHERE id = 3")
    return meeting_id


def test_export_of_a_hand_edited_meeting_says_so_and_writes_nothing(
    db_path: Path, hand_edited: int, tmp_path: Path
) -> None:
    target = tmp_path / "referat.docx"
    code, out, err = cli(db_path, "export", str(hand_edited), "-o", str(target))
    assert code == 2
    assert "afviger fra sine hændelser i tabellen items" in err and "intet er vist" in err
    assert not target.exists()
    code, out, _ = cli(db_path, "export", str(hand_edited), "--format", "md", "-o", "-")
    assert code == 2 and "underpris" not in out


def test_opening_a_hand_edited_meeting_says_so(db_path: Path, hand_edited: int) -> None:
    with pytest.raises(StorageError) as refused:
        MeetingService.open(db_path, hand_edited, readonly=True)
    assert refused.value.key == "storage.record_mismatch"


async def test_the_app_does_not_show_a_hand_edited_meeting(db_path: Path, hand_edited: int) -> None:
    app = build_app(db_path, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=(100, 30), message_hook=notices) as pilot:
        await pilot.pause()
        app.open_meeting(hand_edited, readonly=True)
        await until(pilot, lambda: notices.mention("tabellen items"), "the mismatch said")
        assert isinstance(app.screen, StartScreen) and app.service is None
