"""The moment a decision is recorded is kept on its item (`decided_at`), so the referat judges
the quorum when the decision was made (styrelseslovens § 11, stk. 2), not only over the whole
item. Undo, a decision recorded again, an item taken up again, corrected times and a database
of the release before each leave the record true."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from meetingtui import importers, quorum_moments
from meetingtui.exporters import export
from meetingtui.exporters.json_export import json_schema, to_json_dict
from meetingtui.i18n.dates import clock as clock_text
from meetingtui.models import Meeting
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from meetingtui.vocabulary import Attendance, TimeKind
from tests.databases import rewrite_events
from tests.meetings import START, FixedClock, budget_meeting, store, stored

AT_DECISION = "Udvalget var ikke beslutningsdygtigt, da beslutningen blev truffet"
THROUGHOUT = "Udvalget var ikke beslutningsdygtigt under punktets behandling"
LEAVERS = (1, 2, 3, 4)  # of the eight there: four leave, four stay (five make a quorum of 9)


@pytest.fixture
def meeting(db_path: Path) -> Iterator[MeetingService]:
    """The nine-seat økonomiudvalg opened, eight members there (one sent afbud), on a clock
    that moves a minute at each entry."""
    meeting_id = store(db_path, budget_meeting(items=4))
    service = MeetingService.open(
        db_path, meeting_id, clock=FixedClock(START, step=timedelta(minutes=1))
    )
    service.open_meeting()
    for person in service.meeting.participants:
        service.set_attendance(
            person.id, Attendance.AFBUD if person.id == 9 else Attendance.PRESENT
        )
    try:
        yield service
    finally:
        service.close()


def _referat(record: Meeting) -> str:
    return export(record, "md", public=False, chain_head="").decode()


def _item_text(markdown: str, number: int) -> str:
    start = markdown.index(f"\n## {number}. ")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def _finished(service: MeetingService, db_path: Path) -> Meeting:
    """The meeting closed and read back as a fresh process reads it, its tables checked
    against its events."""
    service.close_meeting()
    _assert_verified(db_path)
    assert service.meeting.id is not None
    return stored(db_path, service.meeting.id)


def _assert_verified(db_path: Path) -> None:
    """The tables hold what the events say, as `verify` checks them."""
    conn = connect(db_path)
    try:
        assert verify(conn).ok
    finally:
        conn.close()


def _newest_at(db_path: Path) -> datetime:
    """The newest entry's moment (the meeting's creation is stamped on the real day)."""
    conn = sqlite3.connect(db_path)
    try:
        return datetime.fromisoformat(
            conn.execute("SELECT at FROM events ORDER BY seq DESC").fetchone()[0]
        )
    finally:
        conn.close()


def test_quorum_lost_under_the_item_then_its_decision_is_marked(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)  # eight there: a quorum when the item is taken up
    for member in LEAVERS:
        meeting.leave(member)
    meeting.record_decision(1, "Godkendt.", confirm=True)
    decided = _newest_at(db_path)
    record = _finished(meeting, db_path)
    assert record.item(1).decided_at == decided  # type: ignore[union-attr]
    text = _item_text(_referat(record), 1)
    assert (
        f"{AT_DECISION}: 4 af 9 medlemmer deltog, mindst 5 skal være til stede "
        "(styrelseslovens § 11, stk. 2)."
    ) in text
    assert THROUGHOUT not in text


def test_quorum_regained_before_the_decision_is_not_marked(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    for member in LEAVERS:
        meeting.leave(member)
    meeting.arrive(1)  # five again
    meeting.record_decision(1, "Godkendt.")
    record = _finished(meeting, db_path)
    assert record.item(1).decided_at is not None  # type: ignore[union-attr]
    assert "beslutningsdygtigt" not in _referat(record)


def test_undo_takes_the_moment_back_with_the_decision(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    for member in LEAVERS:
        meeting.leave(member)
    meeting.record_decision(1, "Godkendt.", confirm=True)
    first = _newest_at(db_path)
    meeting.undo()
    item = meeting.meeting.item(1)
    assert item is not None and (item.decision, item.decided_at) == ("", None)
    # Recorded again past the warning, then once more after a member came back: the last one
    # is the record's decision, with its moment; undoing it gives the first one back.
    meeting.record_decision(1, "Godkendt.", confirm=True)
    again = _newest_at(db_path)
    assert again > first
    meeting.arrive(1)
    meeting.record_decision(1, "Godkendt med den ændring, at puljen deles.")
    assert "beslutningsdygtigt" not in _item_text(_referat(meeting.meeting), 1)
    assert meeting.undo_step().type == "decision_recorded"
    meeting.undo()
    item = meeting.meeting.item(1)
    assert item is not None and (item.decision, item.decided_at) == ("Godkendt.", again)
    record = _finished(meeting, db_path)
    # One member back after the decision: at its moment four were there.
    assert f"{AT_DECISION}: 4 af 9" in _item_text(_referat(record), 1)


def test_a_decision_typed_in_under_the_next_item_is_not_judged_at_that_moment(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    for member in LEAVERS:
        meeting.leave(member)
    meeting.start_item(2)
    meeting.record_decision(1, "Godkendt.", confirm=True)
    record = _finished(meeting, db_path)
    item = record.item(1)
    assert item is not None and item.decided_at is not None
    # It was recorded while item 2 was under way: when item 1's decision was made the record
    # does not say, and item 1 had a quorum when it was taken up.
    assert quorum_moments.decision_moment(record, item) is None
    assert "beslutningsdygtigt" not in _referat(record)


def _five_leave_and_item_1_decided(service: MeetingService) -> None:
    """Everyone present, item 1 taken up, five of seven leave, item 1 decided: on a clock that
    stands still, all in one moment."""
    service.open_meeting()
    for person in service.meeting.participants:
        service.set_attendance(person.id, Attendance.PRESENT)
    service.start_item(1)
    for member in (1, 2, 3, 4, 5):
        service.leave(member)
    service.record_decision(1, "Godkendt.", confirm=True)


def test_a_departure_stamped_in_the_decisions_own_moment_is_no_proof(db_path: Path) -> None:
    # On a clock that stands still every entry has the same moment: whether the members left
    # before or after the decision the times cannot say.
    meeting_id = store(db_path, budget_meeting(items=4))
    with MeetingService.open(db_path, meeting_id, clock=FixedClock(START)) as service:
        _five_leave_and_item_1_decided(service)
        record = service.meeting
        item = record.item(1)
        assert item is not None and quorum_moments.decision_moment(record, item) == START
        assert quorum_moments.quorum_lacking_at_decision(record, item) is None


def test_an_item_taken_up_again_keeps_the_moment_of_its_decision(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    meeting.record_decision(1, "Godkendt.")
    decided = _newest_at(db_path)
    meeting.start_item(2)
    for member in LEAVERS:
        meeting.leave(member)
    meeting.start_item(1)  # taken up again, its decision standing, the quorum gone
    meeting.start_item(3)
    meeting.close_meeting()
    meeting.reopen_meeting("Punkt 3 mangler sin beslutning.")
    meeting.record_decision(3, "Taget til efterretning.", confirm=True)
    record = _finished(meeting, db_path)
    assert record.item(1).decided_at == decided  # type: ignore[union-attr]
    markdown = _referat(record)
    assert "beslutningsdygtigt" not in _item_text(markdown, 1)
    assert f"{AT_DECISION}: 4 af 9" in _item_text(markdown, 3)


def test_corrected_departures_are_judged_against_the_decisions_moment(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    started = _newest_at(db_path)
    meeting.record_decision(1, "Godkendt.")
    for member in LEAVERS:
        meeting.leave(member)
    assert "beslutningsdygtigt" not in _referat(meeting.meeting)
    # The secretary finds the four left as the item was taken up, before the decision.
    for member in LEAVERS:
        meeting.correct_time(TimeKind.DEPARTURE, clock_text(started), participant_id=member)
    record = _finished(meeting, db_path)
    assert f"{AT_DECISION}: 4 af 9" in _item_text(_referat(record), 1)
    # After the meeting the secretary corrects the item's end to before the decision: its
    # moment is no longer under the item, which was taken up with a quorum (the four left
    # under it, so after it was taken up, though in the same minute): nothing says the
    # decision lacked one, by either rule.
    meeting.correct_time(TimeKind.ITEM_END, clock_text(started), item_id=1)
    item = meeting.meeting.item(1)
    assert item is not None and quorum_moments.decision_moment(meeting.meeting, item) is None
    assert quorum_moments.quorum_lacking_throughout(meeting.meeting, item) is None
    assert "beslutningsdygtigt" not in _item_text(_referat(meeting.meeting), 1)


def _as_the_release_before(db_path: Path) -> None:
    """The database as the release before left it: decisions' events without the moment, no
    column for it, and the migration that adds it not applied."""
    raw = sqlite3.connect(db_path)
    rewrite_events(raw, lambda payload: payload.replace('"stamped":true,', ""))
    raw.execute("ALTER TABLE items DROP COLUMN decided_at")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'live_004_decided_at'")
    raw.commit()
    raw.close()


def test_a_database_of_the_release_before_opens_and_goes_on(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    for member in LEAVERS:
        meeting.leave(member)
    meeting.record_decision(1, "Godkendt.", confirm=True)  # the quorum lost under the item
    meeting.start_item(2)
    meeting.record_decision(2, "Godkendt.", confirm=True)  # none at any moment of it
    meeting.close_meeting()
    meeting_id = meeting.meeting.id
    assert meeting_id is not None
    meeting.close()
    _as_the_release_before(db_path)

    conn = connect(db_path)  # migrates
    try:
        assert "decided_at" in {row[1] for row in conn.execute("PRAGMA table_info(items)")}
        assert verify(conn).ok
    finally:
        conn.close()
    record = stored(db_path, meeting_id)
    assert [i.decided_at for i in record.items] == [None] * 4
    # Without the moments the referat judges as it did: only the item without a quorum at any
    # moment is marked.
    markdown = _referat(record)
    assert THROUGHOUT not in _item_text(markdown, 1) and AT_DECISION not in markdown
    assert f"{THROUGHOUT}: højst 4 af 9" in _item_text(markdown, 2)

    # Reopened after the upgrade, a decision recorded now keeps its moment.
    clock = FixedClock(START + timedelta(hours=2), step=timedelta(minutes=1))
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.reopen_meeting("Punkt 3 mangler sin beslutning.")
        service.start_item(3)
        service.record_decision(3, "Taget til efterretning.", confirm=True)
        service.close_meeting()
    _assert_verified(db_path)
    record = stored(db_path, meeting_id)
    assert record.item(3).decided_at is not None  # type: ignore[union-attr]
    assert f"{AT_DECISION}: 4 af 9" in _item_text(_referat(record), 3)


def test_the_json_export_carries_the_moment_and_reads_older_files(
    meeting: MeetingService, db_path: Path
) -> None:
    meeting.start_item(1)
    meeting.record_decision(1, "Godkendt.")
    meeting.start_item(4)  # the closed item
    meeting.record_decision(4, "Salget godkendes.")
    record = _finished(meeting, db_path)
    data = to_json_dict(record, public=False)
    assert data["format_version"] == 4
    jsonschema.validate(data, json_schema())
    decided = record.item(1).decided_at  # type: ignore[union-attr]
    assert decided is not None and data["items"][0]["decided_at"] == decided.isoformat()
    assert data["items"][1]["decided_at"] is None
    again = importers.parse(json.dumps(data).encode())[1][0]
    assert again.item(1).decided_at == decided  # type: ignore[union-attr]
    # A closed item tells the public nothing of when it was decided.
    public = to_json_dict(record, public=True)
    assert "decided_at" not in public["items"][3] and public["items"][0]["decided_at"]
    # A file of version 3 has no moments: it reads as a record without them.
    older = dict(data, format_version=3)
    older["items"] = [{k: v for k, v in i.items() if k != "decided_at"} for i in data["items"]]
    fmt, [read] = importers.parse(json.dumps(older).encode(), source="referat-3.json")
    assert fmt == "meetingtui" and [i.decided_at for i in read.items] == [None] * 4


def test_a_clock_that_stands_still_marks_no_item_either_rule_would_decline(
    db_path: Path,
) -> None:
    # Every entry in the same moment: the five may have left after the decision, so its
    # moment proves nothing. The same record without the moment (the release before, an
    # import) is not marked by the rule of no quorum at any moment either: the five left
    # under the item, so after it was taken up, and as it was taken up it had a quorum.
    meeting_id = store(db_path, budget_meeting(items=4))
    with MeetingService.open(db_path, meeting_id, clock=FixedClock(START)) as service:
        _five_leave_and_item_1_decided(service)
        service.start_item(2)  # none there at any moment of it: marked by both rules
        service.record_decision(2, "Godkendt.", confirm=True)
        service.close_meeting()
    record = stored(db_path, meeting_id)
    first, second = record.item(1), record.item(2)
    assert first is not None and quorum_moments.quorum_lacking_at_decision(record, first) is None
    assert (
        second is not None and quorum_moments.quorum_lacking_at_decision(record, second) is not None
    )
    markdown = _referat(record)
    assert "beslutningsdygtigt" not in _item_text(markdown, 1)
    assert f"{AT_DECISION}: 4 af 9" in _item_text(markdown, 2)

    _as_the_release_before(db_path)
    connect(db_path).close()  # migrates
    record = stored(db_path, meeting_id)
    first = record.item(1)
    assert first is not None and first.decided_at is None
    assert quorum_moments.quorum_lacking_throughout(record, first) is None
    markdown = _referat(record)
    assert "beslutningsdygtigt" not in _item_text(markdown, 1)
    assert f"{THROUGHOUT}: højst 4 af 9" in _item_text(markdown, 2)
