"""The speakers' list screen driven with the Pilot: type-ahead, replik, remove, limits,
clocks, and snapshots."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from meetingtui import speakers
from meetingtui.keymap import UiConfig
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.speakers import SpeakerPicker, SpeakersScreen, matches
from meetingtui.service import MeetingService
from tests import databases
from tests.meetings import (
    FixedClock,
    committee_meeting,
    debate_under_way,
    opened_with_everyone,
    speaking_on_its_own_clock,
    stored,
)
from tests.tui_support import Notices, type_text, until

SIZE = (100, 30)


def test_type_ahead_matches_word_starts_of_name_and_party() -> None:
    assert matches("me", "Mette Lund (A)") and matches("lu", "Mette Lund (A)")
    assert matches("m l", "Mette Lund (A)") and not matches("m k", "Mette Lund (A)")
    assert matches("v", "Anne Møller (V)") and not matches("ette", "Mette Lund (A)")
    assert matches("ø", "Per Østergaard (V)") and matches("", "Bo Hilsted (A)")


def test_minutes_are_read_as_a_secretary_types_them() -> None:
    typed = {
        "3": 180,
        "2:30": 150,
        "2.30": 150,
        " ": None,
        "0:45": 45,
        "3 min": 180,
        "3 min.": 180,
        "5 minutter": 300,
        "2,5": 150,  # two and a half minutes, not 2:05
        "1.5 min": 90,
        "90 sek": 90,
        "45 s": 45,
        "4 Min": 240,
    }
    assert {text: speakers.parse_minutes(text) for text in typed} == typed
    for bad in ("tre", "2:75", "-1", "1:2:3", "2:5", "1,5 sek", "3 timer", "min"):
        with pytest.raises(Exception, match="Ugyldig taletid"):
            speakers.parse_minutes(bad)
    assert speakers.minutes_text(150) == "2:30" and speakers.minutes_text(180) == "3"


async def test_reply_remove_limits_and_back(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await type_text(pilot, "anne")
        await pilot.press("enter")  # Anne Møller
        await pilot.press("t", *"v", "down", "enter")  # V: the second of Venstre, Per
        await pilot.press("n")  # Anne speaks
        await pilot.press("r")
        await type_text(pilot, "søren")
        await pilot.press("enter")  # Søren Friis replies
        await pilot.pause()
        item = stored(db_path, meeting_id).item(1)
        assert [(s.name, s.reply) for s in item.speakers] == [
            ("Anne Møller", False),
            ("Søren Friis", True),
            ("Per Østergaard", False),
        ]
        # Per changes his mind: off the list (cursor on the third row).
        await pilot.press("down", "down", "x")
        await pilot.pause()
        assert [s.name for s in stored(db_path, meeting_id).item(1).speakers] == [
            "Anne Møller",
            "Søren Friis",
        ]
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "2:30")
        await pilot.press("enter")
        await type_text(pilot, "10")
        await pilot.press("enter")
        await pilot.pause()
        item = stored(db_path, meeting_id).item(1)
        assert (item.speaker_limit_seconds, item.debate_limit_seconds) == (150, 600)
        clock.now += timedelta(seconds=40)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        screen.tick()
        clocks = str(screen.query_one("#speakers-clocks").render())
        assert "Har ordet: Anne Møller (V)" in clocks
        assert "Taletid tilbage: 1:50" in clocks and "Punktets taletid tilbage: 9:20" in clocks
        clock.now += timedelta(minutes=2)
        screen.tick()
        assert "Taletiden er overskredet med 0:10" in str(
            screen.query_one("#speakers-clocks").render()
        )
        assert screen.query_one("#speakers-clocks").has_class("-over")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_a_bad_limit_says_so_and_changes_nothing(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await pilot.press("t", "escape", "l")
        await type_text(pilot, "fem")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: notices.mention("Ugyldig taletid: fem."), "the refusal said")
        assert stored(db_path, meeting_id).item(1).speaker_limit_seconds is None
        # The form is back with what was typed, to be corrected.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        field = app.screen.query_one("#field-0", Input)
        assert field.value == "fem"
        field.value = ""
        await type_text(pilot, "2,5")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen), "the form closes")
    assert stored(db_path, meeting_id).item(1).speaker_limit_seconds == 150


async def test_the_picker_offers_only_who_may_speak(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.declare_inhabil(1, 6, "")  # Karen Holm
        service.leave(5)  # Per Østergaard
        service.add_speaker(1, 2)  # Mette Lund is already waiting
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpeakerPicker)
        offered = [label for _, label in picker.people]
        assert offered == [
            "Bo Hilsted (A)",
            "Jens Kragh (A)",
            "Anne Møller (V)",
            "Søren Friis (F)",
            "Hanne Ravn",
        ]
        await type_text(pilot, "zz")
        await pilot.press("enter")  # nobody matches: nothing is added
        await pilot.pause()
        assert isinstance(app.screen, SpeakerPicker)
        assert len(stored(db_path, meeting_id).item(1).speakers) == 1


def _debate(db_path: Path, clock: FixedClock) -> int:
    """The debate under way, with a replik asked for and 30 s into the second speaker."""
    meeting_id = debate_under_way(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.add_speaker(1, 3, reply=True)
    clock.now += timedelta(seconds=30)
    return meeting_id


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_speakers_snapshot(snap_compare, tmp_path: Path, theme: str) -> None:
    clock = FixedClock()
    db_path = tmp_path / "meetings.db"
    # The same state for every theme and size: built once per run (tests/databases.py).
    meeting_id = databases.state_built_once("speakers debate", db_path, clock, _debate)
    app = build_app(db_path, meeting_id, config=UiConfig(theme=theme), clock=clock)
    assert snap_compare(app, press=("t", "escape"), terminal_size=SIZE)


async def test_enter_gives_the_floor_to_the_selected_speaker(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        for member in (2, 4, 7):
            service.add_speaker(1, member)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await pilot.press("t", "escape", "down", "down", "enter")
        await pilot.pause()
        item = stored(db_path, meeting_id).item(1)
        assert speakers.speaking(item).name == "Søren Friis"
        assert [s.name for s in item.speakers] == ["Søren Friis", "Mette Lund", "Anne Møller"]
        assert notices.texts == []  # one start, no refusal for a second one


async def test_a_long_organisation_is_cut_with_an_ellipsis_not_to_another_word(
    db_path: Path,
) -> None:
    """A § 17, stk. 4-udvalg seats organisations, not party letters: "Ældrerådet" cut to the
    column's width read "Ældreråd", "Områdebestyrelse, dagtilbud" "Områdeb"."""
    meeting = committee_meeting()
    meeting.participants[1].affiliation = "Områdebestyrelse, dagtilbud"
    meeting.participants[3].affiliation = "Ældrerådet"
    meeting_id = opened_with_everyone(db_path, meeting, FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.add_speaker(1, 2)
        service.add_speaker(1, 4)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("t", "escape")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen), "the speakers' list")
        table = app.screen.query_one("#speakers", DataTable)
        parties = [str(table.get_cell(key, "party")) for key in table.rows]
    assert parties == ["Områdebestyrels…", "Ældrerådet"]


async def test_speaking_time_counts_on_the_meetings_own_clock(db_path: Path) -> None:
    """A meeting held on another day than its date (the demo, a meeting entered afterwards)
    stamps its events on its own clock; the speaking time was counted against the wall clock
    and showed years ("5210862") instead of 1:30."""
    meeting_id, clock = speaking_on_its_own_clock(db_path)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("t", "escape")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen), "the speakers' list")
        clock.now += timedelta(seconds=90)
        app.screen.refresh_view()
        table = app.screen.query_one("#speakers", DataTable)
        spoken = [str(table.get_cell(key, "time")) for key in table.rows]
    assert spoken == ["1:30"]


async def test_the_speakers_time_counts_in_the_list_as_they_speak(db_path: Path) -> None:
    """The list's time column counts the one speaking as the clocks line does. It stood at the
    time when the list last changed: "Bo Hansen 0:00" beside "Taletiden er overskredet med
    0:08"."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await type_text(pilot, "anne")
        await pilot.press("enter", "n")  # Anne Møller has the floor
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen), "the list")
        screen = app.screen
        table = screen.query_one("#speakers", DataTable)
        await until(pilot, lambda: str(table.get_row_at(0)[0]) == "▶", "Anne speaking")
        assert str(table.get_row_at(0)[4]) == "0:00"
        clock.now += timedelta(minutes=1, seconds=5)
        screen.tick()
        assert str(table.get_row_at(0)[4]) == "1:05"
