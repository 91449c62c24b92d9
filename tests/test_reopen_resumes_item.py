"""A reopened meeting resumes the item it was closed on: that item is under way again, and its
stretch of treatment goes on until the meeting closes again.

The defect: after a reopening the header said "BEHANDLES: 5. Eventuelt" while the agenda said
"⚠ uafgjort", and closing again moved the item's end to the second close while its stretch still
ended at the first: the record (and the JSON) said item 5 ended at 16.34 and that it was under
treatment only until 16.33; a departure recorded under it after the reopening lay outside it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from meetingtui.models import ItemStatus, Meeting
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import checked_meeting
from tests.meetings import START, FixedClock, committee_meeting, store, stored

AT_17 = START + timedelta(minutes=30)
DEMO_EVENING = datetime(2026, 12, 1, 19, 58)  # a meeting run years after its date


def _at(hour: int, minute: int) -> datetime:
    return datetime(2025, 3, 11, hour, minute)


def _closed_on_item_2(db_path: Path, clock: FixedClock) -> int:
    """Item 1 at 17.00, item 2 at 17.05, the meeting closed at 17.10 with item 2 undecided."""
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "present")
        for item_id in (1, 2):
            service.start_item(item_id)
            clock.now += timedelta(minutes=5)
        service.close_meeting()
    return meeting_id


def _ends_agree(meeting: Meeting) -> None:
    """Every item's own end is the end of its last stretch."""
    for item in meeting.items:
        sessions = meeting.sessions_of(item)
        if sessions:
            assert item.ended_at == sessions[-1].ended_at, item.number


def test_the_item_closed_on_is_under_way_again_after_a_reopening(db_path: Path) -> None:
    clock = FixedClock(AT_17)
    meeting_id = _closed_on_item_2(db_path, clock)
    clock.now = _at(19, 0)  # the chair reopens it the same evening
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.reopen_meeting("Pkt. 2 blev ikke afsluttet.")
        item = service.meeting.item(2)
        assert item is not None
        assert service.meeting.current_item_id == 2
        assert item.status is ItemStatus.CURRENT and item.ended_at is None
        clock.now += timedelta(minutes=2)
        service.leave(7)  # Søren Friis leaves under item 2, now under way again
        service.record_decision(2, "Godkendt.")
        clock.now += timedelta(minutes=1)
        service.close_meeting()
    record = stored(db_path, meeting_id)
    assert [(s.item_id, s.started_at, s.ended_at) for s in record.item_sessions] == [
        (1, _at(17, 0), _at(17, 5)),
        (2, _at(17, 5), _at(17, 10)),
        (2, _at(19, 0), _at(19, 3)),
    ]
    _ends_agree(record)
    item = record.item(2)
    assert item is not None and item.ended_at == record.closed_at == _at(19, 3)
    conn = connect(db_path)
    try:
        assert checked_meeting(conn, meeting_id)[0] == record  # replays to the same record
    finally:
        conn.close()


def test_on_its_own_clock_the_item_goes_on_from_where_the_meeting_ended(db_path: Path) -> None:
    """A meeting run on another day resumes its own clock where it ended: the item's stretch
    simply goes on, one stretch, not two that meet."""
    clock = FixedClock(DEMO_EVENING)
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()  # 16.30 on its own clock
        for person in service.meeting.participants:
            service.set_attendance(person.id, "present")
        service.start_item(1)
        clock.now += timedelta(minutes=5)
        service.close_meeting()  # 16.35
    clock.now = DEMO_EVENING + timedelta(days=1)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.reopen_meeting("Beslutningen manglede.")
        clock.now += timedelta(minutes=3)
        service.record_decision(1, "Godkendt.")
        service.close_meeting()
    record = stored(db_path, meeting_id)
    assert [(s.item_id, s.started_at, s.ended_at) for s in record.item_sessions] == [
        (1, _at(16, 30), _at(16, 38)),
    ]
    _ends_agree(record)
    assert record.closed_at == _at(16, 38)


def test_an_item_ended_before_the_close_is_not_resumed(db_path: Path) -> None:
    """The item's end corrected to before the meeting's end: it was not under way at the close,
    so after a reopening no item is; the secretary takes one up."""
    clock = FixedClock(AT_17)
    meeting_id = _closed_on_item_2(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.correct_time("item_end", "17.08", item_id=2)
    clock.now = _at(19, 0)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.reopen_meeting("Fejl i pkt. 1.")
        assert service.meeting.current_item is None
        service.start_item(1)
        clock.now += timedelta(minutes=1)
        service.close_meeting()
    record = stored(db_path, meeting_id)
    _ends_agree(record)
    item = record.item(2)
    assert item is not None and item.ended_at == _at(17, 8)
