"""A roll-call answer given after items were treated: the secretary is asked whether the member
arrived (or left) now or the roll call was wrong, since the two make different records of the
items before; and no answer may say a member who voted was never there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.demo import build_demo_meeting
from meetingtui.errors import CommandRefused
from meetingtui.models import Attendance, Meeting, MovementKind
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.dialogs import PickDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, store, stored
from tests.tui_support import SIZE, Notices, press, until

CARSTEN, KELD, GERT, LOUISE = 1, 5, 8, 9


def _item_one_voted(db_path: Path) -> int:
    """The demo meeting open, six members present, item 1 under way with Carsten's ballot."""
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
        for person_id in (1, 3, 4, 6, 10, 11):
            service.set_attendance(person_id, "present")
        service.start_item(1)
        vote_id = service.open_vote(1).created_id
        assert vote_id is not None
        service.cast_ballot(vote_id, CARSTEN, "for")
        service.close_vote(vote_id, confirm=True)
    return meeting_id


def _person(record: Meeting, person_id: int) -> tuple[Attendance, list[MovementKind]]:
    person = record.participant(person_id)
    assert person is not None
    return person.attendance, [m.kind for m in person.movements]


def test_a_member_who_voted_cannot_be_given_afbud(db_path: Path) -> None:
    meeting_id = _item_one_voted(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        for answer in ("afbud", "fravaerende", "unknown"):
            with pytest.raises(CommandRefused, match="punkt 1"):
                service.set_attendance(CARSTEN, answer)
        service.leave(CARSTEN)  # leaving is what happened, and says when
    assert _person(stored(db_path, meeting_id), CARSTEN) == (
        Attendance.PRESENT,
        [MovementKind.LEFT],
    )


def _cursor_on(app: MeetingApp, person_id: int) -> None:
    app.screen.query_one("#roster", DataTable).move_cursor(row=person_id - 1)


async def test_present_after_items_asks_arrived_now_or_roll_call_wrong(db_path: Path) -> None:
    meeting_id = _item_one_voted(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")

        # Keld came late: "t", then the first answer, "arrived now, during item 1".
        _cursor_on(app, KELD)
        await press(pilot, "t")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await press(pilot, "enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "answered")
        assert _person(stored(db_path, meeting_id), KELD)[1] == [MovementKind.ARRIVED]

        # Gert was there all along; the roll call missed him.
        _cursor_on(app, GERT)
        await press(pilot, "t")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await press(pilot, "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "answered")
        assert _person(stored(db_path, meeting_id), GERT) == (Attendance.PRESENT, [])

        # Escape at the question changes nothing.
        _cursor_on(app, LOUISE)
        await press(pilot, "t")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await press(pilot, "escape")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "back")
        assert _person(stored(db_path, meeting_id), LOUISE) == (Attendance.UNKNOWN, [])

        # Carsten voted under item 1: "never here" is refused, and says why.
        _cursor_on(app, CARSTEN)
        await press(pilot, "a")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await press(pilot, "down", "enter")
        await until(pilot, lambda: notices.mention("punkt 1"), "the refusal")
        assert _person(stored(db_path, meeting_id), CARSTEN) == (Attendance.PRESENT, [])


async def test_before_any_item_the_roll_call_asks_nothing(db_path: Path) -> None:
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        _cursor_on(app, CARSTEN)
        await press(pilot, "t")
        assert isinstance(app.screen, RollCallScreen)
    assert _person(stored(db_path, meeting_id), CARSTEN) == (Attendance.PRESENT, [])


@pytest.mark.parametrize("answer", ["now", "roll call wrong"])
async def test_after_the_question_the_cursor_goes_on_to_the_next_unanswered(
    db_path: Path, answer: str
) -> None:
    """As after a plain answer: one key (and the question's answer) per member, then the next
    member still without an answer, not the member just answered."""
    meeting_id = _item_one_voted(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        roll_call = app.screen
        _cursor_on(app, KELD)
        await press(pilot, "t")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await press(pilot, *(["enter"] if answer == "now" else ["down", "enter"]))
        await until(pilot, lambda: app.screen is roll_call, "answered")
        record = stored(db_path, meeting_id)
        assert _person(record, KELD)[0] is Attendance.PRESENT
        unanswered = [
            n for n, p in enumerate(record.participants) if p.attendance is Attendance.UNKNOWN
        ]
        following = next(n for n in unanswered if n > KELD - 1)
        table = roll_call.query_one("#roster", DataTable)
        await until(pilot, lambda: table.cursor_row == following, "on the next unanswered")


async def test_the_question_is_read_whole_in_a_small_terminal(db_path: Path) -> None:
    """At 60×20, in English, a long name and party in the title: the dialog has room for all of
    it, and the question's first line ("What happened?") is not scrolled out of view."""
    meeting_id = _item_one_voted(db_path)
    app = build_app(db_path, meeting_id, lang="en", clock=FixedClock())
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        _cursor_on(app, 10)  # Bitten Persson (Kommunal leder), present
        await press(pilot, "f")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the question")
        await pilot.pause()
        assert "Bitten Persson (Kommunal leder)" in app.screen.dialog_title
        box = app.screen.query_one(".dialog")
        assert box.max_scroll_y == 0  # nothing of it out of view
