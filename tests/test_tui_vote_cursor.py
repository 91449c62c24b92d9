"""The named vote's cursor stays on the row just voted. It moved on by itself, so a secretary
who pressed ↓ after each entry, out of habit, skipped a party and the next key voted for the
party after it, without a word. Now ↓ moves on; a wrong key on the same row is corrected by the
right one (asked first); and before the vote is recorded its close question shows the vote line
as the referat will write it."""

from __future__ import annotations

from pathlib import Path

from meetingtui.models import Choice
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rolltable import RollTable
from meetingtui.screens.vote import VoteScreen
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import SIZE, press, screen_text, showing, until


def by_party(db_path: Path, meeting_id: int) -> dict[str, set[Choice]]:
    vote = stored(db_path, meeting_id).item(1).votes[0]
    parties: dict[str, set[Choice]] = {}
    for ballot in vote.ballots:
        parties.setdefault(ballot.affiliation, set()).add(ballot.choice)
    return parties


async def test_down_after_each_party_votes_each_party_as_meant(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "v")
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        parties = app.screen.query_one("#parties", RollTable)
        await until(pilot, lambda: parties.row_count == 4, "the parties")
        # A for, V against, C abstains, F against: a key, then ↓, as a habit.
        await press(pilot, "f")
        assert parties.keys[parties.cursor_row] == "A"  # still on the block just voted
        await press(pilot, "down", "i", "down", "u", "down", "i", "down")
    assert by_party(db_path, meeting_id) == {
        "A": {Choice.FOR},
        "V": {Choice.AGAINST},
        "C": {Choice.ABSTAIN},
        "F": {Choice.AGAINST},
    }


async def test_a_wrong_party_key_is_put_right_on_the_same_row(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "v")
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        # V meant against, entered for: the right key on the same row asks, then puts it right.
        await press(pilot, "f", "down", "f")
        await press(pilot, "i")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        assert "Anne Møller: for → imod" in screen_text(app)
        await press(pilot, "j")
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "back to the vote")
        assert by_party(db_path, meeting_id)["V"] == {Choice.AGAINST}
        # Closing shows the line the referat will write: who voted how, by party.
        await press(pilot, "down", "u", "down", "f", "l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked to close")
        shown = " ".join(screen_text(app).split())
        assert (
            "I referatet: For stemte: A og F (4). Imod stemte: V (2). Undlod at stemme: C (1)."
            in shown
        ), shown
        await press(pilot, "n")
    assert stored(db_path, meeting_id).item(1).votes[0].is_open
