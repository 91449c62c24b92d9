"""The database file: pragmas, damage, the audit chain and tamper detection."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingtui.errors import StorageError
from meetingtui.models import Attendance, Choice
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect, default_path
from meetingtui.verify import verify
from tests.meetings import budget_meeting, ticking_clock


def recorded_meeting(db_path: Path) -> int:
    conn = connect(db_path)
    meeting_id = create_meeting(conn, budget_meeting())
    conn.close()
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as svc:
        svc.open_meeting()
        for p in svc.meeting.participants:
            svc.set_attendance(p.id, Attendance.PRESENT)
        svc.start_item(1)
        vote = svc.open_vote(1).created_id
        svc.cast_party(vote, "A", Choice.FOR)
        svc.cast_party(vote, "V", Choice.ABSTAIN)  # adopted: "Godkendt." agrees with it
        svc.close_vote(vote)
        svc.record_decision(1, "Godkendt.")
    return meeting_id


def test_pragmas(db_path: Path) -> None:
    conn = connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_default_path_honours_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MEETINGTUI_DB", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv("MEETINGTUI_DB")
    assert default_path().name == "meetingtui.db"


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    bogus = tmp_path / "referat.db"
    bogus.write_bytes("Referat fra mødet\n".encode() * 500)
    with pytest.raises(StorageError) as exc:
        connect(bogus)
    assert "referat.db" in exc.value.message


def test_a_damaged_database_is_reported(db_path: Path) -> None:
    recorded_meeting(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db_path.read_bytes())
    # Scribble over the b-tree pages after the schema page.
    for offset in range(page_size * 2, min(len(data), page_size * 6), 7):
        data[offset] = 0xFF
    db_path.write_bytes(bytes(data))
    with pytest.raises(StorageError) as exc:
        connect(db_path)
    assert "beskadiget" in exc.value.message or "ikke en meetingtui-database" in exc.value.message


def test_verify_passes_on_a_recorded_meeting(db_path: Path) -> None:
    recorded_meeting(db_path)
    conn = connect(db_path)
    report = verify(conn)
    assert report.ok and report.events > 10


def _tamper(db_path: Path, *statements: str) -> list[str]:
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return [p.key for p in verify(connect(db_path)).problems]


def test_the_event_log_refuses_edits(db_path: Path) -> None:
    recorded_meeting(db_path)
    conn = connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE events SET payload = '{}' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM events WHERE seq = 3")


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (
            [
                "UPDATE events SET payload = replace(payload, 'Godkendt', 'Forkastet') "
                "WHERE type = 'decision_recorded'"
            ],
            "verify.broken_hash",
        ),
        (["UPDATE events SET at = '2025-03-11T23:59:00' WHERE seq = 5"], "verify.broken_hash"),
        (["DELETE FROM events WHERE seq = 4"], "verify.broken_link"),
        (["DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"], "verify.missing_events"),
        (["UPDATE items SET decision = 'Forkastet' WHERE id = 1"], "verify.state_mismatch"),
        (["DELETE FROM ballots WHERE position = 0"], "verify.state_mismatch"),
        (["UPDATE participants SET attendance = 'afbud' WHERE id = 2"], "verify.state_mismatch"),
    ],
)
def test_hand_edits_are_detected(db_path: Path, statements: list[str], expected: str) -> None:
    recorded_meeting(db_path)
    assert expected in _tamper(db_path, *statements)


def test_every_event_row_is_covered(db_path: Path) -> None:
    """Editing any single event, whichever, breaks the chain at that event."""
    recorded_meeting(db_path)
    conn = sqlite3.connect(db_path)
    seqs = [r[0] for r in conn.execute("SELECT seq FROM events")]
    conn.close()
    for seq in seqs:
        copy = db_path.with_name(f"copy{seq}.db")
        src = sqlite3.connect(db_path)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        problems = _tamper(copy, f"UPDATE events SET type = type || ' ' WHERE seq = {seq}")
        assert problems and problems[0] in ("verify.broken_hash", "verify.broken_link"), seq


def test_transactions_nest_as_savepoints(db_path: Path) -> None:
    from meetingtui.service import import_meeting
    from meetingtui.storage.db import transaction

    conn = connect(db_path)
    with pytest.raises(RuntimeError), transaction(conn):
        import_meeting(conn, budget_meeting(), content_hash="a")
        import_meeting(conn, budget_meeting(), content_hash="b")
        raise RuntimeError("the disk filled up")  # the whole file goes, not half of it
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    with transaction(conn):
        assert import_meeting(conn, budget_meeting(), content_hash="a") == 1
        assert import_meeting(conn, budget_meeting(), content_hash="a") is None
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    assert verify(conn).ok


def test_the_fast_path_knows_every_migration(db_path: Path) -> None:
    from meetingtui.storage import db

    known = db.registered_migrations()
    assert sum(len(names) for names in known.values()) == db.APPLIED_MIGRATIONS
    conn = connect(db_path)
    assert db.is_current(conn)


def test_every_meeting_table_is_known_to_the_projection(db_path: Path) -> None:
    from meetingtui.storage import register
    from meetingtui.storage.columns import COLUMNS, MEETING_TABLES

    conn = connect(db_path)
    tables = {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if any(col[1] == "meeting_id" for col in conn.execute(f"PRAGMA table_info({name})"))
    }
    # Addresses and deliveries name a meeting but are the register's, verified from its events.
    assert tables - {"events", "item_search"} - set(register.TABLES) == set(MEETING_TABLES)
    for table, (_, register_columns) in register.TABLES.items():
        columns = [col[1] for col in conn.execute(f"PRAGMA table_info({table})")]
        assert columns == list(register_columns), table
    for table in MEETING_TABLES:
        columns = [col[1] for col in conn.execute(f"PRAGMA table_info({table})")]
        assert columns == list(COLUMNS[table]), table


@pytest.mark.parametrize(
    ("statement", "table"),
    [
        ("INSERT INTO ballots VALUES (1, 1, 99, 7, 'Karen Holm', 'C', 'for')", "ballots"),
        ("UPDATE sections SET text = 'Ny tekst' WHERE item_id = 2", "sections"),
        ("UPDATE meetings SET location = 'Et andet sted'", "meetings"),
        ("DELETE FROM movements", "movements"),
    ],
)
def test_a_mismatch_names_its_table(db_path: Path, statement: str, table: str) -> None:
    meeting_id = recorded_meeting(db_path)
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as svc:
        svc.leave(3)
    conn = sqlite3.connect(db_path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    [problem] = verify(connect(db_path)).problems
    assert (problem.params["meeting_id"], problem.params["table"]) == (meeting_id, table)
    assert problem.message.startswith("Mødet i Økonomiudvalget den ")


def test_an_edited_content_hash_is_detected(db_path: Path) -> None:
    """The import hash decides what counts as already imported; editing it is tampering."""
    from meetingtui.service import import_meeting

    conn = connect(db_path)
    import_meeting(conn, budget_meeting(), content_hash="a" * 64)
    assert verify(conn).ok
    conn.execute("UPDATE meetings SET content_hash = ?", ("b" * 64,))
    [problem] = verify(conn).problems
    assert problem.params["table"] == "meetings"


# The tables of the migration `committees_001_rosters_and_deliveries`, in the order it creates them.
COMMITTEE_TABLES = (
    "committees",
    "committee_periods",
    "committee_roster",
    "meeting_committee",
    "meeting_addresses",
    "referat_deliveries",
)


def test_a_database_from_before_open_elections_is_migrated(db_path: Path) -> None:
    conn = connect(db_path)
    meeting_id = create_meeting(conn, budget_meeting())
    conn.close()
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, Attendance.PRESENT)
        # No item is taken up: that release kept no stretches of treatment, and its events
        # would say so.
        service.hold_election(1, "formand", ["Bo Hilsted"], {1: "Bo Hilsted", 2: "Bo Hilsted"})
    # Take the database back to how the release before open elections left it (the later
    # committee and speakers' list tables, the public decision, agenda changes and reopenings did
    # not exist then either).
    raw = sqlite3.connect(db_path)
    raw.execute("ALTER TABLE elections DROP COLUMN is_open")
    for table in COMMITTEE_TABLES:
        raw.execute(f"DROP TABLE {table}")
    raw.execute("DROP TABLE speakers")
    raw.execute("DROP TABLE speaking_limits")
    raw.execute("ALTER TABLE items DROP COLUMN public_decision")
    # Nor the OCR note of scanned meetings, nor the Danish stems of search, nor the
    # structure of imported text.
    raw.execute("ALTER TABLE meetings DROP COLUMN ocr")
    for trigger in ("item_stems_ai", "item_stems_ad", "item_stems_au"):
        raw.execute(f"DROP TRIGGER {trigger}")
    raw.execute("DROP TABLE item_stems_fts")
    for column in ("title_stems", "text_stems", "decision_stems"):
        raw.execute(f"ALTER TABLE item_search DROP COLUMN {column}")
    raw.execute("ALTER TABLE items DROP COLUMN layout")
    raw.execute("ALTER TABLE sections DROP COLUMN blocks")
    raw.execute("ALTER TABLE decision_history DROP COLUMN number")
    raw.execute("ALTER TABLE meetings DROP COLUMN agenda_changes")
    raw.execute("ALTER TABLE meetings DROP COLUMN reopenings")
    raw.execute("ALTER TABLE elections DROP COLUMN acclamation")
    raw.execute("ALTER TABLE meetings DROP COLUMN item_sessions")
    raw.execute("ALTER TABLE items DROP COLUMN decided_at")
    raw.execute(
        "DELETE FROM _sqlite_migrations WHERE name IN ('m002_open_elections', "
        "'committees_001_rosters_and_deliveries', 'speakers_lists', "
        "'referat_001_public_decision', 'archive_001_ocr_note', 'm004_danish_stems', "
        "'importers_001_source_structure', 'live_001_agenda_changes_and_reopenings', "
        "'language_001_glossary_values', 'live_002_election_acclamation', "
        "'importers_002_plain_item_numbers', 'live_003_item_sessions', "
        "'live_004_decided_at')"
    )
    raw.commit()
    raw.close()
    # Read-only, it cannot migrate: it says so instead of misreading the old tables.
    with pytest.raises(StorageError) as outdated:
        connect(db_path, readonly=True)
    assert outdated.value.key == "storage.older_schema"
    conn = connect(db_path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(elections)")]
    assert columns[-2:] == ["is_open", "acclamation"]
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as service:
        held = service.meeting.items[0].elections[0]
        assert (held.elected, held.is_open) == ("Bo Hilsted", False)
    assert verify(conn).ok
    conn.close()
