"""The vote screen in a narrow terminal: at 80×24 the instruction under the tally is read whole,
in Danish and in English (it was cut: "…; Tab: enkelte medlemmer;…"); at 60×20 the party blocks
are told apart and the one the next key votes for is in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from meetingtui.demo import build_demo_meeting
from meetingtui.i18n import set_language, t
from meetingtui.screens.app import build_app
from meetingtui.screens.rolltable import RollTable
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
from tests.tui_support import until


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    ("size", "key"), [((80, 24), "tui.no_ballots"), ((60, 20), "tui.no_ballots_short")]
)
async def test_the_vote_instruction_is_whole(
    db_path: Path, lang: str, size: tuple[int, int], key: str
) -> None:
    """At 80 columns the instruction is read whole; at 60 it was cut ("…; Tab: ét medlem ·
    r/R: re"), and now the short one is read whole."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(1)
    app = build_app(db_path, meeting_id, lang=lang, clock=clock)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        tally = app.screen.query_one("#tally", Static)
        set_language(lang)
        hint = t(key, party="f/i/u", rest="r/R")

        def lines() -> list[str]:
            width, height = tally.outer_size
            drawn = tally.render_lines(Region(0, 0, width, height)) if width else []
            return [strip.text.strip() for strip in drawn]

        await until(
            pilot, lambda: any(line.startswith(hint[:14]) for line in lines()), str(lines())
        )
        assert hint in lines(), lines()


async def test_long_groups_stay_apart_in_a_60_column_vote(db_path: Path) -> None:
    """At 60 columns the party column has seven cells: "Kommunal leder" and "Kommunal
    medarbejder" (the demo's § 17, stk. 4-udvalg) both read "Kommun…", and the secretary could
    not tell which block a key would vote for. Now "K. led…" and "K. med…"."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, build_demo_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(service.meeting.items[0].id)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        parties = app.screen.query_one("#parties", RollTable)
        await until(pilot, lambda: parties.row_count > 0, "the parties")
        width = parties.columns[0][1]
        shown = [row[:width].strip() for row in parties.plain_rows()]
        assert width < len("Kommunal leder")
        assert len(set(shown)) == len(shown), shown
        assert "K. led…" in shown and "K. med…" in shown, shown


async def test_the_block_the_next_key_votes_for_is_in_sight_at_20_rows(db_path: Path) -> None:
    """At 60×20 the party table shows seven rows above a horizontal scrollbar; the cursor went
    on to the eighth, under the scrollbar, and the secretary voted for a block not in sight."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, build_demo_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(service.meeting.items[0].id)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        parties = app.screen.query_one("#parties", RollTable)
        await until(pilot, lambda: parties.row_count > 0, "the parties")
        for expected in range(1, parties.row_count):
            await pilot.press("f", "down")
            await until(pilot, lambda n=expected: parties.cursor_row == n, str(expected))
            top = parties.scroll_offset.y
            seen = parties.scrollable_content_region.height
            assert top <= parties.cursor_row < top + seen, (parties.cursor_row, top, seen)
