"""A dialog's own keys are where a secretary looks for them: the command palette opened over a
dialog offers its keys (Ctrl+S saves, Esc cancels), and F1 inside a dialog lists the dialog's
keys before those of the screen underneath."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.command import CommandList, CommandPalette

from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.dialogs import DecisionDialog
from meetingtui.screens.help import HelpScreen, keys_table
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.notefield import NoteField
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.test_form_save import _retype, _time_dialog_of_item_2
from tests.test_item_sessions import _at, item_2_taken_up_again
from tests.tui_support import press, type_text, until

SIZE = (100, 30)


def _palette_lines(app: MeetingApp) -> list[str]:
    hits = app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(n).prompt) for n in range(hits.option_count)]


def _help_text(app: MeetingApp) -> str:
    """The help's table as it reads, built from what the help screen was given."""
    help_screen = app.screen
    assert isinstance(help_screen, HelpScreen)
    console = Console(width=98, record=True)
    console.print(keys_table(app.keymap, first=help_screen.scope, own=help_screen.own))
    return console.export_text()


async def test_the_palette_over_the_time_dialog_saves_it(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=SIZE) as pilot:
        fields = await _time_dialog_of_item_2(pilot, app)
        await press(pilot, "tab")
        await _retype(pilot, fields[1], "17.25")
        await press(pilot, "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await type_text(pilot, "gem")
        await until(pilot, lambda: any("Gem" in line for line in _palette_lines(app)), "Gem")
        # The screen underneath is held off by the dialog: its keys are not offered.
        assert not any("Næste punkt" in line for line in _palette_lines(app))
        await press(pilot, "enter")
        await until(pilot, lambda: stored(db_path, meeting_id).closed_at == _at(17, 25), "saved")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back, corrected")


async def test_the_palette_over_a_dialog_cancels_it_in_english(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, lang="en", clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision")
        await press(pilot, "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await type_text(pilot, "cancel")
        await until(pilot, lambda: any("Cancel" in x for x in _palette_lines(app)), "Cancel")
        await press(pilot, "enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the dialog gone")
    assert stored(db_path, meeting_id).item(1).decision == ""  # type: ignore[union-attr]


async def test_f1_in_a_dialog_lists_its_own_keys_first(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision")
        await type_text(pilot, "Godkendt")
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = _help_text(app)
        assert "Denne dialog" in text
        assert text.index("Denne dialog") < text.index("Gem") < text.index("Næste punkt")
        await press(pilot, "escape")  # closes the help, not the dialog with its text
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the dialog again")
        assert app.screen.query_one(NoteField).text == "Godkendt"


async def test_f1_on_a_screen_still_lists_the_screens_keys_first(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = _help_text(app)
        assert "Denne dialog" not in text
        assert text.index("Næste punkt") < text.index("Hjælp")
