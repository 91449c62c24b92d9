"""An 80×24 terminal: the item under way stays in the status bar, and a dialog taller than the
terminal scrolls to the field the secretary types in.

Found by the real-terminal scenario (tests/test_tui_scenario.py): narrowed to 80×24, the
header's first line wrapped and pushed "BEHANDLES: …" out of its three-line box, and the
protokoltilførsel's text field lay below the dialog's edge, typed into but never seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from meetingtui.agenda_file import parse_agenda
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import DecisionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.notefield import NoteField
from meetingtui.screens.record_dialogs import DissentDialog
from meetingtui.service import MeetingService
from tests.lejre_2017_01_03 import agenda_toml
from tests.meetings import FixedClock, opened_with_everyone
from tests.tui_support import type_text, until


async def test_the_item_under_way_stays_in_the_status_bar_at_80_columns(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, parse_agenda(agenda_toml()), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.start_item(4)  # the longest title
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        info = app.screen.query_one("#status-info", Static)
        await until(pilot, lambda: info.size.width > 0, "the status bar laid out")

        def lines() -> list[str]:
            width, height = info.size
            return [strip.text for strip in info.render_lines(Region(0, 0, width, height))]

        await until(pilot, lambda: any("BEHANDLES:" in line for line in lines()), str(lines()))
        shown = lines()
        assert shown[0].startswith("17, stk. 4-udvalget")
        assert shown[1].startswith("ÅBENT")
        assert shown[2].startswith("BEHANDLES:  4. Møde- og procesplan")
        assert shown[2].rstrip().endswith("…")  # cut short, and says so


@pytest.mark.parametrize(
    ("lang", "when", "cut"),
    [("da", " · 03.01.2017 kl. 16.30", True), ("en", " · 3 Jan 2017 16:30", False)],
)
async def test_the_meeting_s_date_and_time_are_whole_in_the_status_bar_at_80_columns(
    db_path: Path, lang: str, when: str, cut: bool
) -> None:
    """The body and title give way with "…"; the date and time of the meeting stay readable
    (they were cut to "03.01.2017 kl…")."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, parse_agenda(agenda_toml()), clock)
    app = build_app(db_path, meeting_id, lang=lang, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        info = app.screen.query_one("#status-info", Static)

        def first_line() -> str:
            width, height = info.size
            lines = info.render_lines(Region(0, 0, width, height)) if width else []
            return lines[0].text.rstrip() if lines else ""

        await until(pilot, lambda: first_line().endswith(when), repr(first_line()))
        assert first_line().startswith("17, stk. 4-udvalget")
        assert ("…" in first_line()) is cut  # the shorter English line has room for the title


def on_screen(screen: Screen[object], widget: Widget) -> bool:
    """Whether the widget is drawn where it is (not scrolled or clipped away)."""
    region = widget.region
    if region.height == 0:
        return False
    found, _ = screen.get_widget_at(region.x + 1, region.y + region.height // 2)
    return found is widget or widget in found.ancestors


def at_item_4(db_path: Path, clock: FixedClock) -> int:
    """The meeting opened with everyone present and item 4 under way."""
    meeting_id = opened_with_everyone(db_path, parse_agenda(agenda_toml()), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.start_item(4)
    return meeting_id


async def test_a_tall_dialog_keeps_its_title_in_view(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = at_item_4(db_path, clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision dialog")
        dialog = app.screen
        title = dialog.query_one(".dialog-title", Label)
        field = dialog.query_one("#decision-text")
        await until(pilot, lambda: field.has_focus and on_screen(dialog, field), "the text field")
        await pilot.pause(0.2)
        # Which item the decision is for stays on screen above the field typed in.
        assert "Beslutning — 4." in str(title.render())
        assert on_screen(dialog, title)


async def test_a_dialog_taller_than_the_terminal_scrolls_to_the_field_typed_in(
    db_path: Path,
) -> None:
    clock = FixedClock()
    meeting_id = at_item_4(db_path, clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, DissentDialog), "the dissent dialog")
        dialog = app.screen
        for key in ("L", "o", "u", "enter", "enter"):  # the member, then the kind
            await pilot.press(key)
        field = dialog.query_one("#dissent-text", NoteField)
        await until(pilot, lambda: field.has_focus, "the text field focused")
        await type_text(pilot, "Grønt råd")

        # The field the secretary types in is on screen, not cut off below the dialog's edge.
        await until(pilot, lambda: on_screen(dialog, field), f"the text field ({field.region})")
