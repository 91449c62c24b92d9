"""A text of several lines pasted into a one-line field is kept whole, its lines joined. A title
or a motion copied from the agenda's PDF arrives broken over lines, and the field kept only the
first line: "Orientering om vinterberedskab" went into the record for "Orientering om
vinterberedskab og saltning af cykelstier", without a word."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from meetingtui.models import MotionKind
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, FormDialog, PickDialog
from meetingtui.screens.election_setup import ElectionDialog
from meetingtui.screens.lineinput import one_line
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.record_dialogs import MotionDialog
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import SIZE, press, showing, until

TITLE = "Orientering om vinterberedskab\r\nog saltning af cykelstier\n"


async def paste(pilot: Pilot[None], text: str, field: Input | None = None) -> None:
    """`text` pasted into `field` (the focused one), as a terminal's bracketed paste delivers
    it."""
    target = field or pilot.app.focused
    assert target is not None
    target.post_message(events.Paste(text))
    await pilot.pause()


def test_the_lines_are_joined_as_they_read() -> None:
    assert one_line(TITLE) == "Orientering om vinterberedskab og saltning af cykelstier"
    assert one_line("  Gert Fabrin\n\n Louise Holm ", ", ") == "Gert Fabrin, Louise Holm"


async def test_a_pasted_title_of_two_lines_is_the_new_item_s_whole_title(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        await pilot.press("enter")  # a new item
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
        await paste(pilot, TITLE)
        field = app.screen.query_one("#field-1", Input)
        assert field.value == "Orientering om vinterberedskab og saltning af cykelstier"
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the chair's approval")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
    title = stored(db_path, meeting_id).item(5).title
    assert title == "Orientering om vinterberedskab og saltning af cykelstier"


async def test_a_pasted_motion_keeps_its_every_line(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "m")
        await until(pilot, lambda: isinstance(app.screen, MotionDialog), "the motion dialog")
        app.screen.query_one("#motion-text", Input).focus()
        await paste(pilot, "Sagen sendes i høring\nhos Ældrerådet og Handicaprådet.")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).item(1).motions, "the motion")  # type: ignore[union-attr]
    [motion] = stored(db_path, meeting_id).item(1).motions  # type: ignore[union-attr]
    assert motion.kind is MotionKind.AENDRINGSFORSLAG
    assert motion.text == "Sagen sendes i høring hos Ældrerådet og Handicaprådet."


async def test_candidates_pasted_one_a_line_are_a_list(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "e")
        await until(pilot, lambda: isinstance(app.screen, ElectionDialog), "the election")
        field = app.screen.query_one("#candidates", Input)
        await paste(pilot, "Anne Møller\nKaren Holm\n", field)
        assert field.value == "Anne Møller, Karen Holm"
