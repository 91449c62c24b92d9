"""Closing a vote or an election, the confirmation names the members present who may vote and
cast no ballot, the same way for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui import rules
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.vote import VoteScreen
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.test_pickers_and_elections import demo_at_item, elect
from tests.tui_support import press, screen_text, showing, until

SIZES = [(80, 24), (60, 20)]


@pytest.mark.parametrize("size", SIZES)
async def test_closing_a_vote_names_who_did_not_vote(db_path: Path, size: tuple[int, int]) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "v", "f", "down", "i", "z", "l")  # A for, V against; a stray key
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        assert (
            "2 stemmeberettigede har ikke stemt: Karen Holm (C), Søren Friis (F)."
            in screen_text(app)
        )
        await press(pilot, "n")  # not yet: the two vote
        assert isinstance(app.screen, VoteScreen)
        await press(pilot, "down", "f", "down", "f", "l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked again")
        assert "har ikke stemt" not in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, VoteScreen)
    assert stored(db_path, meeting_id).item(1).votes[0].is_open


@pytest.mark.parametrize("size", SIZES)
async def test_closing_an_election_names_who_did_not_vote(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise", "1", "2", "z", "l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        meeting = app.service.meeting
        item = meeting.item(2)
        assert item is not None
        missing = rules.not_voted(meeting, item, (b.voter_id for b in item.elections[0].ballots))
        assert len(missing) > 1
        names = ", ".join(person.label for person in missing)
        expected = f"{len(missing)} stemmeberettigede har ikke stemt: {names}."
        assert expected in screen_text(app)
        await press(pilot, "escape")  # back to the election, still open
        assert isinstance(app.screen, ElectionScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, MeetingScreen)
    assert stored(db_path, meeting_id).item(2).elections[0].is_open
