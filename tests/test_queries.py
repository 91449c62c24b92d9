"""The read API (meetingtui.queries): what the CLI, the screens, the live page and mail read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingtui import queries
from meetingtui.errors import StorageError
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.vocabulary import MeetingStatus
from tests.meetings import FixedClock, byraad_meeting, store


def test_meetings_their_records_and_the_glance(db_path: Path, open_committee: int) -> None:
    byraad = store(db_path, byraad_meeting())
    conn = queries.open_reading(db_path)
    summaries = queries.list_meetings(conn)
    assert [(s.id, s.body, s.status, s.items) for s in summaries] == [
        (byraad, "Byrådet", MeetingStatus.PLANNED, 2),
        (open_committee, "Økonomiudvalget", MeetingStatus.OPEN, 4),
    ]
    assert queries.meeting_exists(conn, byraad) and not queries.meeting_exists(conn, 99)
    record, head = queries.checked_record(conn, open_committee)
    assert record.current_item_id == 1 and head == queries.chain_head(conn, open_committee)
    assert queries.load_record(conn, open_committee) == record
    glance = queries.glance(conn, open_committee)
    assert [p.name for p in glance.participants] == [p.name for p in record.participants]
    with pytest.raises(StorageError) as missing:
        queries.checked_record(conn, 99)
    assert missing.value.key == "storage.no_meeting"


def test_a_printed_hash_and_the_events_after_it(db_path: Path, open_committee: int) -> None:
    conn = queries.open_reading(db_path)
    printed = queries.chain_head(conn, open_committee)
    found = queries.find_printed_hash(conn, printed[:16])
    assert found is not None and (found.meeting_id, found.later_events) == (open_committee, 0)
    with MeetingService.open(db_path, open_committee, clock=FixedClock()) as service:
        service.record_decision(1, "Godkendt.")
        service.start_item(2)
    later = queries.find_printed_hash(conn, printed[:16])
    assert later is not None and later.later_events == 2
    assert later.meeting_head == queries.chain_head(conn, open_committee) != printed
    assert queries.find_printed_hash(conn, "deadbeefdeadbeef") is None
    totals = queries.totals(conn)
    assert (totals.meetings, totals.head) == (1, queries.chain_head(conn))
    assert totals.events == conn.execute("SELECT count(*) FROM events").fetchone()[0] > 2


def test_search_case_history_and_browsing(db_path: Path, open_committee: int) -> None:
    conn = connect(db_path)
    [year] = queries.archive_years(conn)
    assert (year.body, year.year, year.meetings) == ("Økonomiudvalget", "2025", 1)
    [meeting] = queries.archive_meetings(conn, year.body, year.year)
    assert meeting.meeting_id == open_committee
    items = queries.archive_items(conn, open_committee)
    assert [i.number for i in items] == ["1", "2", "3", "4"] and items[2].closed
    hits = queries.search(conn, "daginstitution").hits
    assert [(h.meeting_id, h.number) for h in hits] == [(open_committee, "2")]
    [entry] = queries.case_history(conn, "25-004411")
    assert entry.title == "Anlægsbevilling til ny daginstitution i Viby"


def test_a_newer_release_is_read_with_a_note(db_path: Path, open_committee: int) -> None:
    raw = sqlite3.connect(db_path)
    with raw:  # a migration this release does not know
        raw.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('meetingtui', 'm999_from_a_newer_release', '2031-01-01 00:00:00')"
        )
    raw.close()
    with pytest.raises(StorageError):
        queries.open_reading(db_path)
    notes: list[str] = []
    conn = queries.open_reading(db_path, note=notes.append)
    assert queries.meeting_exists(conn, open_committee)
    assert len(notes) == 1 and "nyere" in notes[0]
