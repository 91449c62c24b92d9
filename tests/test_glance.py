"""The glance (a meeting read straight from its tables) says what the record says."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from meetingtui import rules
from meetingtui.errors import StorageError
from meetingtui.glance import Glance, read_glance
from meetingtui.models import Meeting
from meetingtui.screens.widgets import time_on_item
from meetingtui.service import MeetingService
from meetingtui.storage import records
from meetingtui.storage.db import connect
from meetingtui.storage.lock import acquire_lock
from tests.meetings import FixedClock, committee_meeting, store


def _both(db_path: Path, meeting_id: int) -> tuple[Glance, Meeting]:
    conn = connect(db_path)
    try:
        return read_glance(conn, meeting_id), records.load_meeting(conn, meeting_id)
    finally:
        conn.close()


def _people(meeting: Glance | Meeting) -> list[tuple[object, ...]]:
    return [
        (
            p.id,
            p.name,
            p.affiliation,
            p.role,
            p.votes,
            p.attendance,
            p.substitute_for,
            p.label,
            p.is_present_now,
            [(m.kind, m.at, m.item_id) for m in p.movements],
        )
        for p in meeting.participants
    ]


def _items(meeting: Glance | Meeting) -> list[tuple[object, ...]]:
    return [
        (
            i.id,
            i.number,
            i.title,
            i.closed,
            i.status,
            i.started_at,
            i.ended_at,
            [(a.participant_id, a.kind) for a in i.absences],
        )
        for i in meeting.items
    ]


def _head(meeting: Glance | Meeting) -> tuple[object, ...]:
    current = meeting.current_item
    return (
        meeting.id,
        meeting.body,
        meeting.title,
        meeting.starts_at,
        meeting.status,
        meeting.opened_at,
        meeting.closed_at,
        current.id if current is not None else None,
    )


def test_a_planned_meeting_reads_the_same_in_a_glance(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    glance, record = _both(db_path, meeting_id)
    assert _head(glance) == _head(record)
    assert _people(glance) == _people(record)
    assert _items(glance) == _items(record)
    assert rules.quorum(glance, None) == rules.quorum(record, None)


def test_a_meeting_under_way_reads_the_same_in_a_glance(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "afbud" if person.id == 7 else "present")
        service.seat_substitute("Sara Suppleant", "F", 7)
        service.set_attendance(service.meeting.participants[-1].id, "present")
        service.start_item(1)
        service.declare_inhabil(1, 2, "Ejer naboejendommen")
        clock.now += timedelta(minutes=12)
        service.leave(3)
        service.record_decision(1, "Godkendt.", confirm=True)
        service.start_item(2)
        clock.now += timedelta(minutes=5)
        service.arrive(3)
    glance, record = _both(db_path, meeting_id)
    assert _head(glance) == _head(record)
    assert _people(glance) == _people(record)
    assert _items(glance) == _items(record)
    assert any(p[9] for p in _people(record))  # movements were recorded
    for item in [None, *record.items]:
        glance_item = glance.item(item.id) if item is not None else None
        assert rules.quorum(glance, glance_item) == rules.quorum(record, item)


def test_a_glance_counts_the_stretches_of_an_item_taken_up_twice(db_path: Path) -> None:
    """Item 2 under way 17.05–17.10 and again from 17.15: at 17.20 it has had 0:10, not the
    0:15 from its first start; the first frame says what the record says."""
    from tests.test_item_sessions import _at

    clock = FixedClock(_at(17, 0))
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for item_id in (1, 2, 3, 2):
            service.start_item(item_id)
            clock.now += timedelta(minutes=5)
    glance, record = _both(db_path, meeting_id)
    now = _at(17, 20)
    seen = [time_on_item(glance, i, now) for i in glance.items]
    assert seen == [time_on_item(record, i, now) for i in record.items]
    assert seen[1] == "0:10"
    assert [(s.item_id, s.started_at, s.ended_at) for s in glance.item_sessions] == [
        (s.item_id, s.started_at, s.ended_at) for s in record.item_sessions
    ]


def test_a_glance_at_a_missing_meeting_is_refused(db_path: Path) -> None:
    conn = connect(db_path)
    try:
        with pytest.raises(StorageError) as refused:
            read_glance(conn, 42)
    finally:
        conn.close()
    assert refused.value.key == "storage.no_meeting"


def test_a_record_that_fails_to_load_releases_connection_and_lock(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())
    conn = connect(db_path)
    lock = acquire_lock(db_path, meeting_id)

    def broken(*args: object) -> Meeting:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(records, "load_meeting", broken)
    with pytest.raises(sqlite3.OperationalError):
        MeetingService.attach(conn, meeting_id, readonly=False, lock=lock)
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")  # closed
    acquire_lock(db_path, meeting_id).close()  # free again
