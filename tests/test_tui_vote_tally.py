"""The vote's tally shows every line it has: the ballots that no longer count (a member who
voted and then left), and the tie's words at 60 columns. Its height was a fixed three rows,
two of them text, so the third line never showed and a long second line was cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from meetingtui.screens.app import build_app
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
from tests.tui_support import until


def drawn(tally: Static) -> str:
    width, height = tally.outer_size
    lines = tally.render_lines(Region(0, 0, width, height)) if width else []
    return "\n".join(strip.text.strip() for strip in lines)


def a_vote(db_path: Path, *, leaves: bool) -> int:
    """Item 1's vote: A and F for, V and C against; Bo Hilsted (A) leaves after voting if
    `leaves`, F abstains if not (either way a tie, 3 to 3)."""
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        vote = service.open_vote(1).created_id
        assert vote is not None
        service.cast_party(vote, "A", "for")
        service.cast_party(vote, "V", "against")
        service.cast_party(vote, "F", "for" if leaves else "abstain")
        service.cast_party(vote, "C", "against")
        if leaves:
            service.leave(1)
    return meeting_id


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_a_ballot_that_no_longer_counts_is_named_in_the_tally(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = a_vote(db_path, leaves=True)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        tally = app.screen.query_one("#tally", Static)
        await until(pilot, lambda: "Bo Hilsted" in drawn(tally), drawn(tally))
        assert "Tæller ikke længere" in drawn(tally)


async def test_the_tie_is_read_whole_at_60_columns(db_path: Path) -> None:
    meeting_id = a_vote(db_path, leaves=False)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        tally = app.screen.query_one("#tally", Static)
        await until(pilot, lambda: "FORKASTET" in drawn(tally), drawn(tally))
        words = " ".join(drawn(tally).split())
        assert "(stemmelighed: forslaget bortfalder)" in words, words
