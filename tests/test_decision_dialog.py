"""The decision field records what the secretary typed, exactly; digits are quick picks only
while the field is empty; long texts take several lines; a stray Escape loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from meetingtui.models import DissentKind, ItemStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, DecisionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.notefield import NoteField
from meetingtui.screens.record_dialogs import DissentDialog
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.test_pickers_and_elections import demo_at_item, elect
from tests.tui_support import press, type_text

SIZE = (100, 30)


def field_text(app: object) -> str:
    return app.screen.query_one("#decision-text", NoteField).text  # type: ignore[attr-defined]


async def test_typed_decision_text_is_recorded_exactly(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await type_text(pilot, "Udvalget godkendte dagsordenen med en tilføjelse")
        await press(pilot, "enter")
        assert isinstance(app.screen, MeetingScreen)
    item = stored(db_path, meeting_id).item(1)
    assert item.decision == "Udvalget godkendte dagsordenen med en tilføjelse"
    assert item.status is ItemStatus.DECIDED


async def test_digits_pick_only_while_the_field_is_empty(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d", "3")
        assert field_text(app) == "Taget til efterretning."
        # The field is no longer empty: a digit is text now.
        await press(pilot, "backspace", "space", "2")
        assert field_text(app) == "Taget til efterretning 2"
        # Emptied again, a digit picks again.
        await press(pilot, *["backspace"] * len(field_text(app)), "1")
        assert field_text(app) == "Godkendt."
        await press(pilot, "escape")  # a quick pick was not typed: nothing to lose
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "d")
        await type_text(pilot, "Sagen genoptages på mødet den 2. april")
        await press(pilot, "enter")
    assert stored(db_path, meeting_id).item(1).decision == "Sagen genoptages på mødet den 2. april"


async def test_a_decision_and_a_protokoltilfoersel_take_several_lines(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await type_text(pilot, "Godkendt med disse ændringer:")
        await press(pilot, "ctrl+j")
        await type_text(pilot, "1. Beløbet nedsættes.")
        await press(pilot, "enter")
        await press(pilot, "b", "enter", "enter")
        assert isinstance(app.screen, DissentDialog)
        await type_text(pilot, "A kan ikke støtte indstillingen,")
        await press(pilot, "ctrl+j")
        await type_text(pilot, "fordi økonomien ikke er afklaret.")
        await press(pilot, "enter")
    item = stored(db_path, meeting_id).item(1)
    assert item.decision == "Godkendt med disse ændringer:\n1. Beløbet nedsættes."
    dissent = item.dissents[0]
    assert dissent.kind is DissentKind.PROTOKOLTILFOERSEL
    assert dissent.text == "A kan ikke støtte indstillingen,\nfordi økonomien ikke er afklaret."


async def test_escape_asks_before_throwing_typed_text_away(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        await type_text(pilot, "Udvalget anbefaler forslaget")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "escape")  # a second stray Escape keeps the text
        assert isinstance(app.screen, DecisionDialog)
        assert field_text(app) == "Udvalget anbefaler forslaget"
        await press(pilot, "escape", "j")
        assert isinstance(app.screen, MeetingScreen)
    assert stored(db_path, meeting_id).item(1).decision == ""


async def test_a_dissent_names_who_was_not_there_before_it_counts(db_path: Path) -> None:
    """Per Østergaard sent afbud: the picker marks him, and picking him says at once that he
    took no part in the decision (the demo recorded a protokoltilførsel by a member who was
    not there, without a word)."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.set_attendance(5, "afbud")
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "b")
        assert isinstance(app.screen, DissentDialog)
        await type_text(pilot, "per")
        await pilot.pause()
        shown = app.screen.query_one("#who OptionList", OptionList)
        assert str(shown.get_option_at_index(0).prompt) == "Per Østergaard (V)  [ikke til stede]"
        warning = str(app.screen.query_one("#dissent-warning", Static).render())
        assert "Per Østergaard er ikke registreret som til stede ved mødet" in warning


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_digit_picks_over_the_election_sentence_offered(
    db_path: Path, size: tuple[int, int]
) -> None:
    """After an election, d offers its sentence; "1" picks "Godkendt." instead of making
    "… valgt som næstformand.1", and once the text is touched a digit is text again."""
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise", *"1112211111", "l", "x", "j")
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "d")
        assert field_text(app) == "Gert Fabrin blev valgt som næstformand."
        await press(pilot, "1")
        assert field_text(app) == "Godkendt."
        await press(pilot, "escape")  # nothing typed: closes at once, nothing recorded
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "d")
        assert field_text(app) == "Gert Fabrin blev valgt som næstformand."
        # Touched, the text is the secretary's: a digit is a digit.
        await press(pilot, "backspace")
        await type_text(pilot, " (2. gang)")
        await press(pilot, "3", "escape")
        assert isinstance(app.screen, ConfirmDialog)  # typed text is not lost to one Escape
        await press(pilot, "n", "enter")
        assert isinstance(app.screen, MeetingScreen)
    item = stored(db_path, meeting_id).item(2)
    assert item.decision == "Gert Fabrin blev valgt som næstformand (2. gang)3"
