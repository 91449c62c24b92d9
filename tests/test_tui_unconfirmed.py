"""What waits on a rule's warning is never lost by the answer: a decision typed without a
quorum, then Enter, then the warning — No gives the text back in the decision dialog, Ctrl+Q
asks first, and Yes records it without the warning shown again as a notification."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.dialogs import ConfirmDialog, DecisionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.notefield import NoteField
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import SIZE, Notices, press, screen_text, showing, type_text, until

DECISION = "Udvalget godkendte planen med den ændring, at Bo Hilsted skriver til rådet"


def _without_quorum(db_path: Path) -> int:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        for person_id in (1, 2, 3, 4):  # four of seven leave: no quorum
            service.leave(person_id)
    return meeting_id


async def _typed_and_warned(app: MeetingApp, pilot: Pilot[None]) -> None:
    await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
    await press(pilot, "d")
    await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision dialog")
    await type_text(pilot, DECISION)
    await press(pilot, "enter")
    # The dialog is the screen a moment before its text is composed: wait for the words.
    await until(
        pilot,
        lambda: showing(app, ConfirmDialog) and "beslutningsdygtig" in screen_text(app),
        "the quorum warning",
    )


async def test_no_at_the_warning_gives_the_typed_decision_back(db_path: Path) -> None:
    meeting_id = _without_quorum(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await _typed_and_warned(app, pilot)
        await press(pilot, "escape")  # "wait" — not "throw my text away"
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the dialog again")
        assert app.screen.query_one("#decision-text", NoteField).text == DECISION
        assert stored(db_path, meeting_id).item(1).decision == ""
        # Escape in the dialog now asks before the text goes, as it does for any typed text.
        await press(pilot, "escape")
        await until(pilot, lambda: showing(app, ConfirmDialog), "discard question")
        await press(pilot, "n")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the text kept")
        await press(pilot, "enter", "j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "recorded")
    assert stored(db_path, meeting_id).item(1).decision == DECISION


async def test_ctrl_q_at_the_warning_asks_and_yes_to_it_records(db_path: Path) -> None:
    meeting_id = _without_quorum(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await _typed_and_warned(app, pilot)
        await press(pilot, "ctrl+q")
        await until(pilot, lambda: "er ikke besvaret" in screen_text(app), "the quit question")
        await press(pilot, "n")  # stay
        await until(pilot, lambda: "beslutningsdygtig" in screen_text(app), "the warning again")
        assert app.is_running
        before = len(notices.mention("beslutningsdygtig"))
        await press(pilot, "j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "recorded")
        # The chair has just read the warning and said go on: no toast repeats it.
        assert len(notices.mention("beslutningsdygtig")) == before
    assert stored(db_path, meeting_id).item(1).decision == DECISION


async def test_ctrl_q_then_yes_at_the_warning_quits_and_records_nothing(db_path: Path) -> None:
    meeting_id = _without_quorum(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await _typed_and_warned(app, pilot)
        await press(pilot, "ctrl+q")
        await until(pilot, lambda: "er ikke besvaret" in screen_text(app), "the quit question")
        await pilot.press("j")
        await until(pilot, lambda: not app.is_running, "the app quit")
    assert stored(db_path, meeting_id).item(1).decision == ""


async def test_a_quorum_lost_is_said_once_not_with_every_act(db_path: Path) -> None:
    """At 80 columns a toast covers half the item: the standing warning is said when it begins
    and stays in the header (and under the agenda); taking up the next items does not toast
    it again. Once the quorum is back, losing it again is said again."""
    meeting_id = _without_quorum(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "n")
        await until(pilot, lambda: notices.mention("ikke beslutningsdygtigt"), "said once")
        await press(pilot, "n", "n")
        await until(pilot, lambda: app.service.meeting.current_item_id == 4, "item 4 taken up")
        assert len(notices.mention("ikke beslutningsdygtigt")) == 1
        header = str(app.screen.query_one("#status-quorum", Static).render())
        assert "IKKE BESLUTNINGSDYGTIGT" in header and "3 af 7" in header
        # Two come back: the quorum is there. They leave again: said again, once.
        for person_id in (1, 2):
            app.run_command(app.service.arrive, person_id)
        for person_id in (1, 2):
            app.run_command(app.service.leave, person_id)
        await pilot.pause()
        assert len(notices.mention("ikke beslutningsdygtigt")) == 2
