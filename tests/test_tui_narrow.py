"""In an 80×24 terminal what matters stays in sight: the roll-call answer, the ballot of each
member, the item under way, every quick pick. (The 80×24 snapshots show the whole screens.)"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from meetingtui.demo import build_demo_meeting
from meetingtui.models import DocumentKind
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import DecisionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.rolltable import RollTable, fitted
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, store
from tests.tui_support import until

NARROW = (80, 24)


def test_a_narrow_table_shortens_the_name_not_the_figures() -> None:
    columns = [("Navn", 22), ("Stemme", 8), ("Parti", 10)]
    assert fitted(columns, 60) == columns
    assert fitted(columns, 36) == [("Navn", 16), ("Stemme", 8), ("Parti", 10)]
    # The name never shrinks below six cells.
    assert fitted(columns, 10)[0] == ("Navn", 6)


async def test_the_roll_call_answer_is_in_sight_at_80_columns(db_path: Path) -> None:
    # The demo meeting: long roles and organisations ("observatør (uden stemmeret)",
    # "Områdebestyrelse, dagtilbud") pushed the answer off an 80-column screen.
    meeting_id = store(db_path, build_demo_meeting())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=NARROW) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        table = app.screen.query_one("#roster", DataTable)
        await until(pilot, lambda: table.row_count > 0, "the members")
        ends = 0
        for column in table.ordered_columns:
            ends += column.get_render_width(table)
            if str(column.key.value) == "attendance":
                break
        assert ends <= table.size.width, "the attendance column is cut off"


async def test_every_ballot_is_in_sight_at_80_columns(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(1)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=NARROW) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        for table_id in ("#members", "#parties"):
            table = app.screen.query_one(table_id, RollTable)
            await until(pilot, lambda t=table: t.size.width > 0, "laid out")
            used = sum(width for _, width in table.columns) + len(table.columns) - 1
            assert used <= table.size.width, f"{table_id} columns run off the screen"
        labels = [label for label, _ in app.screen.query_one("#members", RollTable).columns]
        assert labels[:2] == ["Navn", "Stemme"]


async def test_the_item_under_way_and_every_quick_pick_at_80x24(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=NARROW) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        info = app.screen.query_one("#status-info", Static)
        # Three lines in a box three lines high: the third is the item under way.
        assert info.styles.text_wrap == "nowrap"
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision")
        picks = app.screen.query_one(OptionList)
        await until(pilot, lambda: picks.size.height > 0, "laid out")
        assert picks.size.height >= picks.option_count == 7


async def test_the_meetings_list_fits_80_columns(db_path: Path) -> None:
    # A long committee name and title, and an imported dagsorden: the kind used to be cut off
    # ("mødeafvikl") and the list scrolled sideways.
    meeting = committee_meeting().model_copy(
        update={"body": "Børne-, Unge- og Uddannelsesudvalget", "title": "Ekstraordinært møde"}
    )
    store(db_path, meeting)
    store(
        db_path, build_demo_meeting().model_copy(update={"document_kind": DocumentKind.DAGSORDEN})
    )
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=NARROW) as pilot:
        table = app.screen.query_one("#meetings", DataTable)
        await until(pilot, lambda: table.row_count == 2, "the meetings")
        used = sum(column.get_render_width(table) for column in table.ordered_columns)
        assert used <= table.size.width, f"{used} cells in {table.size.width}"
        kinds = {str(table.get_row_at(n)[-1]) for n in range(2)}
        assert kinds == {"møde", "dagsorden"}
        assert "Børne-, Unge- og…" in {str(table.get_row_at(n)[1]) for n in range(2)}


async def test_below_76_columns_the_item_text_goes_under_the_agenda(db_path: Path) -> None:
    """At 60 columns (half a laptop screen) the item's text beside the 50-column agenda was
    eight letters wide ("Eventuel" / "t"); it goes under the agenda, and back beside it when
    the window widens again."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(60, 22)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.pause()
        text = app.screen.query_one("#item-text", Static)
        assert app.screen.query_one("#meeting-body").has_class("-stacked")
        assert text.size.width >= 50 and text.region.y > app.screen.query_one("#agenda").region.y
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: not app.screen.query_one("#meeting-body").has_class("-stacked"),
                    "beside the agenda again")  # fmt: skip
        await pilot.pause()
        assert text.region.x >= 50
