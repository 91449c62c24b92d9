"""A ballot is cast once; changing it is a deliberate, visible and undoable act.

The defect this guards against: a vote resumed after a restart put the cursor back on the first
party, and the next key silently turned a cast "imod" into "for".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static

from meetingtui.errors import CommandRefused, ConfirmationRequired
from meetingtui.models import Choice
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.rolltable import RollTable
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, demo_at_item, stored
from tests.tui_support import SIZE, press


def choices(db_path: Path, meeting_id: int) -> dict[str, Choice]:
    vote = stored(db_path, meeting_id).item(4).votes[0]
    return {b.name: b.choice for b in vote.ballots}


async def test_a_resumed_vote_starts_on_the_first_row_without_a_ballot(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 4)
    first = build_app(db_path, meeting_id, clock=FixedClock())
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # A for, Områdebestyrelse imod, Skolebestyrelse for; then the app is quit.
        await press(pilot, "v", "f", "down", "i", "down", "f")
    assert choices(db_path, meeting_id) == {
        "Carsten Rasmussen": Choice.FOR,
        "Christina Knudsen": Choice.AGAINST,
        "Kristina Garth Grüner": Choice.FOR,
    }

    again = build_app(db_path, meeting_id, clock=FixedClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, VoteScreen)
        parties = again.screen.query_one("#parties", RollTable)
        members = again.screen.query_one("#members", RollTable)
        assert parties.keys[parties.cursor_row] == "Ældrerådet"
        assert members.keys[members.cursor_row] == "5"  # Keld Mortensen, the first not voted
        await press(pilot, "f", "down", "f")
    after = choices(db_path, meeting_id)
    assert after["Christina Knudsen"] is Choice.AGAINST
    assert after["Keld Mortensen"] is Choice.FOR and after["Jan Andersen"] is Choice.FOR


async def test_changing_a_cast_ballot_asks_first_and_can_be_undone(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 4)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "v", "f", "down", "i", "down", "f")
        # To the names; Christina Knudsen is the second.
        await press(pilot, "tab", "home", "down", "f")
        assert isinstance(app.screen, ConfirmDialog)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Christina Knudsen: imod → for" in shown
        await press(pilot, "n")  # not meant: nothing changes
        assert choices(db_path, meeting_id)["Christina Knudsen"] is Choice.AGAINST
        await press(pilot, "f", "j")
        assert choices(db_path, meeting_id)["Christina Knudsen"] is Choice.FOR
        await press(pilot, "ctrl+z")
        assert choices(db_path, meeting_id)["Christina Knudsen"] is Choice.AGAINST
    conn = sqlite3.connect(db_path)
    types = [r[0] for r in conn.execute("SELECT type FROM events ORDER BY seq")]
    conn.close()
    assert types[-2:] == ["ballot_changed", "undone"]


def test_a_party_key_casts_only_the_missing_ballots(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 4)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        vote_id = service.open_vote(4).created_id
        service.cast_ballot(vote_id, 3, "against")
        # The whole "Områdebestyrelse, dagtilbud" block has voted: a party key changes nothing
        # without confirmation.
        with pytest.raises(ConfirmationRequired) as asked:
            service.cast_party(vote_id, "Områdebestyrelse, dagtilbud", "for")
        assert [w.message for w in asked.value.warnings] == ["Christina Knudsen: imod → for"]
        with pytest.raises(CommandRefused):
            service.cast_party(vote_id, "Områdebestyrelse, dagtilbud", "against")
        with pytest.raises(CommandRefused):
            service.cast_ballot(vote_id, 3, "against")
        assert service.meeting.item(4).votes[0].ballots[0].choice is Choice.AGAINST
        # The rest vote for: one command, the cast ballot kept.
        service.cast_rest(vote_id, "for")
        ballots = {b.name: b.choice for b in service.meeting.item(4).votes[0].ballots}
        assert ballots["Christina Knudsen"] is Choice.AGAINST
        assert list(ballots.values()).count(Choice.FOR) == 9
        with pytest.raises(CommandRefused):
            service.cast_rest(vote_id, "for")


async def test_after_an_undo_the_next_key_votes_for_the_same_party(db_path: Path) -> None:
    """f, ↓, i, Ctrl+Z, f: Områdebestyrelse voted for after all; the party after it has no
    ballot."""
    meeting_id = demo_at_item(db_path, 4)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "v", "f", "down", "i", "ctrl+z", "f")
    assert choices(db_path, meeting_id) == {
        "Carsten Rasmussen": Choice.FOR,
        "Christina Knudsen": Choice.FOR,
    }
