"""Ctrl+S saves a dialog from whichever field has the cursor, checked exactly as Enter in the
last field is: the time dialog of an item taken up twice (six times) needs no walk through the
four after the one corrected, and a time refused is said and saves nothing. The same key saves
every dialog with fields: a new item, an election, a motion, a dissent, a decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from meetingtui.keymap import DEFAULT_KEYMAP, UiConfig
from meetingtui.models import DissentKind, MotionKind
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import DecisionDialog, FormDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.election_setup import ElectionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.record_dialogs import DissentDialog, MotionDialog
from meetingtui.screens.widgets import KeyBar
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.test_item_sessions import _at, item_2_taken_up_again
from tests.test_pickers_and_elections import demo_at_item
from tests.tui_support import Notices, press, type_text, until

SIZE = (100, 30)


def _footer(app: object) -> str:
    bar = app.screen.query_one(KeyBar)  # type: ignore[attr-defined]
    return " ".join(f"{key} {words}" for key, words, _action, _on in bar._entries)


async def _time_dialog_of_item_2(pilot, app) -> list[Input]:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
    agenda = app.screen.query_one("#agenda", DataTable)
    agenda.move_cursor(row=agenda.get_row_index("2"))
    await press(pilot, "c")
    await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
    fields = list(app.screen.query(Input))
    assert [f.value for f in fields] == ["17.00", "17.20", "17.05", "17.10", "17.15", "17.20"]
    return fields


async def _retype(pilot, field: Input, text: str) -> None:  # type: ignore[no-untyped-def]
    """Clear the field with the cursor and type, as at the keyboard."""
    await until(pilot, lambda: field.has_focus, "the cursor in the field")
    await press(pilot, "end", *["backspace"] * len(field.value))
    await type_text(pilot, text)
    await until(pilot, lambda: field.value == text, f"{text} typed")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_ctrl_s_saves_the_time_dialog_from_its_second_field(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id)
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=size) as pilot:
        fields = await _time_dialog_of_item_2(pilot, app)
        assert "ctrl+s Gem" in _footer(app)
        await press(pilot, "tab")  # field 2 of 6: when the meeting ended
        await _retype(pilot, fields[1], "17.25")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).closed_at == _at(17, 25), "saved")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back, corrected")
    record = stored(db_path, meeting_id)
    # The item under way at the close ended with it; the other times stand.
    assert record.item(2).ended_at == _at(17, 25)  # type: ignore[union-attr]
    assert record.opened_at == before.opened_at
    assert record.item_sessions[:3] == before.item_sessions[:3]


async def test_ctrl_s_saves_a_stretch_corrected_in_the_middle(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id).item_sessions
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=SIZE) as pilot:
        fields = await _time_dialog_of_item_2(pilot, app)
        await press(pilot, "enter", "enter", "enter")  # Enter walks to field 4 of 6
        await _retype(pilot, fields[3], "17.08")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back, corrected")
        await until(
            pilot, lambda: stored(db_path, meeting_id).item_sessions != before, "the correction"
        )
    record = stored(db_path, meeting_id)
    assert [(s.started_at, s.ended_at) for s in record.sessions_of(record.item(2))] == [  # type: ignore[arg-type]
        (_at(17, 5), _at(17, 8)),
        (_at(17, 15), _at(17, 20)),
    ]


async def test_a_time_refused_on_ctrl_s_is_said_and_nothing_is_saved(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        fields = await _time_dialog_of_item_2(pilot, app)
        await press(pilot, "tab")
        await _retype(pilot, fields[1], "17.7")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: notices.texts, "the refusal")
        # The dialog is back as typed, at the time refused, for the secretary to mend.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the dialog again")
        again = list(app.screen.query(Input))
        await until(pilot, lambda: again[1].has_focus, "the time refused, with the cursor")
        assert again[1].value == "17.7"
        # Mended, Ctrl+S again saves it.
        await _retype(pilot, again[1], "17.25")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).closed_at == _at(17, 25), "saved")
    assert any("17.7" in text for text in notices.texts), notices.texts
    assert stored(db_path, meeting_id).closed_at == _at(17, 25) != before.closed_at


async def test_ctrl_s_adds_an_item_from_its_number_field(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "o")
        await until(pilot, lambda: app.screen.query(OptionList), "the agenda menu")
        await press(pilot, "enter")  # an item added
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
        await type_text(pilot, "Trafiksikkerhed ved skolen")
        await press(pilot, "shift+tab")  # back to the number proposed
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, FormDialog), "the form closed")
        # The chair's approval is asked first, as after Enter in the title.
        await press(pilot, "j")
        await until(
            pilot,
            lambda: any(
                i.title == "Trafiksikkerhed ved skolen" for i in stored(db_path, meeting_id).items
            ),
            "the item added",
        )


async def test_ctrl_s_starts_an_election_from_the_office_field(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 2)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await press(pilot, "e")
        assert isinstance(app.screen, ElectionDialog)
        assert "ctrl+s Gem" in _footer(app)
        await press(pilot, "ctrl+s")  # no candidate yet: said, nothing started
        await until(pilot, lambda: notices.mention("mindst én kandidat"), "what is missing")
        assert isinstance(app.screen, ElectionDialog)
        await type_text(pilot, "Gert, Louise")
        await press(pilot, "shift+tab")  # back to the office, prefilled from the title
        await until(pilot, lambda: app.screen.query_one("#office", Input).has_focus, "office")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ElectionScreen), "the election")
        await until(pilot, lambda: stored(db_path, meeting_id).item(2).elections, "stored")  # type: ignore[union-attr]
    [election] = stored(db_path, meeting_id).item(2).elections  # type: ignore[union-attr]
    assert election.office == "næstformand" and election.is_open
    assert election.candidates == ["Gert Fabrin", "Louise Holm"]


async def test_ctrl_s_records_a_motion_without_its_proposer(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "m")
        await until(pilot, lambda: isinstance(app.screen, MotionDialog), "the motion dialog")
        await press(pilot, "ctrl+s")  # from the kind, nothing typed: said, nothing recorded
        await until(pilot, lambda: notices.mention("Skriv forslagets tekst"), "what is missing")
        assert isinstance(app.screen, MotionDialog)
        await until(pilot, lambda: app.screen.query_one("#motion-text", Input).has_focus, "text")
        await type_text(pilot, "Sagen sendes i høring")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).item(1).motions, "the motion")  # type: ignore[union-attr]
    [motion] = stored(db_path, meeting_id).item(1).motions  # type: ignore[union-attr]
    assert (motion.kind, motion.text, motion.proposer) == (
        MotionKind.AENDRINGSFORSLAG,
        "Sagen sendes i høring",
        "",
    )


async def test_ctrl_s_in_the_dissent_dialog_asks_for_the_text_then_records(
    db_path: Path,
) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "b")
        await until(pilot, lambda: isinstance(app.screen, DissentDialog), "the dissent dialog")
        await type_text(pilot, "karen")
        await press(pilot, "enter")  # on to the kind: a protokoltilførsel
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: notices.mention("Skriv teksten"), "what is missing")
        assert isinstance(app.screen, DissentDialog)
        await type_text(pilot, "Imod salget.")
        await press(pilot, "shift+tab")  # back to the kinds: saved from there all the same
        await until(pilot, lambda: app.screen.query_one("#kind", OptionList).has_focus, "kinds")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).item(1).dissents, "the dissent")  # type: ignore[union-attr]
    [dissent] = stored(db_path, meeting_id).item(1).dissents  # type: ignore[union-attr]
    assert dissent.text == "Imod salget." and dissent.kind is DissentKind.PROTOKOLTILFOERSEL


async def test_ctrl_s_records_the_decision_as_enter_does(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision dialog")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: notices.mention("Skriv beslutningen"), "what is missing")
        assert isinstance(app.screen, DecisionDialog)
        await type_text(pilot, "Godkendt med en bemærkning.")
        await press(pilot, "ctrl+s")
        await until(pilot, lambda: stored(db_path, meeting_id).item(1).decision, "the decision")  # type: ignore[union-attr]
    assert stored(db_path, meeting_id).item(1).decision == "Godkendt med en bemærkning."  # type: ignore[union-attr]


async def test_the_save_key_follows_the_keymap(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    keymap = {**DEFAULT_KEYMAP, "form.save": "f9"}
    config = UiConfig(keymap=keymap)
    app = build_app(db_path, meeting_id, config=config, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=SIZE) as pilot:
        fields = await _time_dialog_of_item_2(pilot, app)
        assert "f9 Gem" in _footer(app) and "ctrl+s" not in _footer(app)
        await press(pilot, "tab")
        await _retype(pilot, fields[1], "17.25")
        await press(pilot, "f9")
        await until(pilot, lambda: stored(db_path, meeting_id).closed_at == _at(17, 25), "saved")
    assert stored(db_path, meeting_id).closed_at == _at(17, 25)
