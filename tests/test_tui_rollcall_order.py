"""The roll call goes from one unanswered member to the next: an afbud sent before the meeting,
or answers given before a restart, are never overwritten by the keys of the roll call."""

from __future__ import annotations

from pathlib import Path

from meetingtui.demo import build_demo_meeting
from meetingtui.models import Attendance
from meetingtui.screens.app import build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, store, stored
from tests.tui_support import press, until

SIZE = (100, 30)


def attendance(db_path: Path, meeting_id: int) -> dict[str, Attendance]:
    return {p.name: p.attendance for p in stored(db_path, meeting_id).participants}


async def test_one_key_per_unanswered_member_keeps_the_afbud_sent_before(db_path: Path) -> None:
    meeting_id = store(db_path, build_demo_meeting())  # two members sent afbud beforehand
    before = attendance(db_path, meeting_id)
    afbud = [name for name, answer in before.items() if answer is Attendance.AFBUD]
    unanswered = [name for name, answer in before.items() if answer is Attendance.UNKNOWN]
    assert len(afbud) == 2
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        await press(pilot, *"t" * len(unanswered))
    after = attendance(db_path, meeting_id)
    assert {name: after[name] for name in afbud} == {name: Attendance.AFBUD for name in afbud}
    assert {after[name] for name in unanswered} == {Attendance.PRESENT}


async def test_a_roll_call_resumed_after_a_restart_goes_on_where_it_stopped(
    db_path: Path,
) -> None:
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        people = [p for p in service.meeting.participants if p.attendance is Attendance.UNKNOWN]
        service.set_attendance(people[0].id, "present")
        service.set_attendance(people[1].id, "fravaerende")
    before = attendance(db_path, meeting_id)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        await press(pilot, "a")  # afbud for the first member still unanswered
    after = attendance(db_path, meeting_id)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {people[2].name}
    assert after[people[2].name] is Attendance.AFBUD


async def test_after_an_undo_the_next_key_answers_for_the_same_member(db_path: Path) -> None:
    """t, t, Ctrl+Z, a: the second member sent afbud after all; the third is still unanswered."""
    meeting_id = store(db_path, build_demo_meeting())
    before = stored(db_path, meeting_id).participants
    unanswered = [p.name for p in before if p.attendance is Attendance.UNKNOWN]
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        await press(pilot, "t", "t", "ctrl+z", "a")
    after = attendance(db_path, meeting_id)
    assert after[unanswered[0]] is Attendance.PRESENT
    assert after[unanswered[1]] is Attendance.AFBUD
    assert after[unanswered[2]] is Attendance.UNKNOWN
