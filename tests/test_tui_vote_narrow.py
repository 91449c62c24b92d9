"""The vote screen at 80×24: the instruction under the tally is read whole, in Danish and in
English (it was cut: "…; Tab: enkelte medlemmer;…")."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from meetingtui.i18n import set_language, t
from meetingtui.screens.app import build_app
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
from tests.tui_support import until


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_vote_instruction_is_whole_at_80_columns(db_path: Path, lang: str) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(1)
    app = build_app(db_path, meeting_id, lang=lang, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        tally = app.screen.query_one("#tally", Static)
        set_language(lang)
        hint = t("tui.no_ballots")

        def lines() -> list[str]:
            width, height = tally.outer_size
            drawn = tally.render_lines(Region(0, 0, width, height)) if width else []
            return [strip.text.strip() for strip in drawn]

        await until(
            pilot, lambda: any(line.startswith(hint[:14]) for line in lines()), str(lines())
        )
        assert hint in lines(), lines()
