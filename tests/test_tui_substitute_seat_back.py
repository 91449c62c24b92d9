"""When a member arrives, the substitute seated for them no longer votes (ksl § 15); the roll
call says so beside the substitute and in its banner, as the vote already counts it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, store, stored
from tests.tui_support import Notices, press, rendered, until


def substitute_seated_for_soeren(db_path: Path) -> int:
    """Søren Friis (F) sent afbud; Sara Suppleant (F) took his seat; item 1 under way."""
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "afbud" if person.id == 7 else "present")
        service.seat_substitute("Sara Suppleant", "F", 7)
        service.start_item(1)
    return meeting_id


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_roll_call_says_the_substitute_no_longer_votes(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = substitute_seated_for_soeren(db_path)
    sara = next(p.id for p in stored(db_path, meeting_id).participants if p.name.startswith("Sara"))
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        table = app.screen.query_one("#roster", DataTable)

        def sara_says() -> str:
            return str(table.get_cell(str(sara), "attendance"))

        def banner() -> str:
            return rendered(app.screen.query_one("#rollcall-banner", Static))

        assert "stemmer ikke" not in sara_says()
        table.move_cursor(row=table.get_row_index("7"))
        await press(pilot, "z", "k")  # a key that means nothing, then Søren arrives
        if isinstance(app.screen, ConfirmDialog):  # arrived now, or was the roll call wrong
            await press(pilot, "j")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "back on the roll")
        await until(pilot, lambda: "stemmer ikke" in sara_says(), "Sara marked")
        assert "Sara Suppleant stemmer ikke: Søren Friis er til stede" in banner()
        await press(pilot, "escape")
        assert isinstance(app.screen, MeetingScreen)
    record = stored(db_path, meeting_id)
    assert sara not in {p.id for p in rules.eligible_voters(record, record.item(1))}


async def test_s_on_a_present_member_says_so_before_offering_anyone(db_path: Path) -> None:
    # A stranger pressed s on a member in the room: a list of names came up, and only the pick
    # was refused. Now nothing is offered; the refusal comes first.
    meeting_id = substitute_seated_for_soeren(db_path)
    seated = len(stored(db_path, meeting_id).participants)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        table = app.screen.query_one("#roster", DataTable)
        table.move_cursor(row=table.get_row_index("1"))  # present
        await press(pilot, "s")
        await until(pilot, lambda: notices.mention("er til stede"), "the refusal")
        assert isinstance(app.screen, RollCallScreen)
        table.move_cursor(row=table.get_row_index("7"))  # Søren's seat is Sara's already
        await press(pilot, "s")
        await until(pilot, lambda: notices.mention("allerede Søren Friis"), "the seat taken")
        assert isinstance(app.screen, RollCallScreen)
    assert len(stored(db_path, meeting_id).participants) == seated
