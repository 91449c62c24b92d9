"""Leaving a meeting with a vote or an election open asks first; the other irreversible steps
(closing a vote, closing the meeting, approving the minutes) ask too, and a key typed ahead
after the key that opens a question goes to the question, never to the screen below it."""

from __future__ import annotations

from pathlib import Path

from meetingtui.models import MeetingStatus, Vote
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.start import StartScreen
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import screen_text, showing, until

SIZE = (100, 30)


def _vote_open(db_path: Path) -> tuple[int, int]:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.record_decision(1, "Godkendt.")
        service.start_item(2)
        vote_id = service.open_vote(2).created_id
        assert vote_id is not None
        service.cast_party(vote_id, "A", "for")
    return meeting_id, vote_id


def _vote(db_path: Path, meeting_id: int, vote_id: int) -> Vote:
    item = stored(db_path, meeting_id).item(2)
    assert item is not None
    vote = item.vote(vote_id)
    assert vote is not None
    return vote


def _ballots(db_path: Path, meeting_id: int, vote_id: int) -> dict[str, str]:
    return {b.name: b.choice.value for b in _vote(db_path, meeting_id, vote_id).ballots}


async def test_ctrl_q_with_an_open_vote_asks_and_no_keeps_the_vote(db_path: Path) -> None:
    meeting_id, vote_id = _vote_open(db_path)
    before = _ballots(db_path, meeting_id, vote_id)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the open vote resumed")
        # Ctrl+Q and a key typed right after it: the key reaches the question, which has no
        # use for it; no ballot is cast on the vote below.
        await pilot.press("ctrl+q", "f")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        text = screen_text(app)
        assert "Afstemningen om punkt 2 er åben" in text
        assert "Forlad mødet alligevel?" in text
        assert _ballots(db_path, meeting_id, vote_id) == before
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "back on the vote")
        assert app.is_running
        # Ctrl+Q then j, typed as one: the app quits; the vote stays open with its ballots.
        await pilot.press("ctrl+q", "j")
        await until(pilot, lambda: not app.is_running, "the app quit")
    assert _vote(db_path, meeting_id, vote_id).is_open
    assert _ballots(db_path, meeting_id, vote_id) == before


async def test_ctrl_q_with_an_open_election_asks(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_election(1, "næstformand", ["Anne Møller", "Karen Holm"])
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ElectionScreen), "the open election")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        assert "Valget af næstformand under punkt 1 er åbent" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ElectionScreen), "back on it")
        assert app.is_running


async def test_f3_with_an_open_vote_asks_before_releasing_the_meeting(db_path: Path) -> None:
    meeting_id, _ = _vote_open(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the open vote resumed")
        await pilot.press("f3")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        assert "Tilbage til møderne?" in screen_text(app)
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, StartScreen), "the meetings")
        assert app.service is None


async def test_ctrl_q_quits_at_once_without_an_open_vote_and_in_a_follower(
    db_path: Path,
) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, "the app quit")
    # A follower leaves nothing open by quitting: it never asks.
    meeting_id, _ = _vote_open(db_path)
    writer = MeetingService.open(db_path, meeting_id, clock=clock)
    try:
        follower = build_app(db_path, meeting_id, readonly=True, clock=clock)
        async with follower.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(follower.screen, VoteScreen), "the vote")
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not follower.is_running, "the follower quit")
    finally:
        writer.close()


async def test_closing_a_vote_asks_and_the_typed_ahead_answer_is_the_answer(
    db_path: Path,
) -> None:
    meeting_id, vote_id = _vote_open(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the open vote resumed")
        await pilot.press("l", "n")
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "back on the vote")
        assert _vote(db_path, meeting_id, vote_id).is_open
        await pilot.press("l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        assert "Afslut afstemningen med dette resultat?" in screen_text(app)
        await pilot.press("j")
        await until(pilot, lambda: not _vote(db_path, meeting_id, vote_id).is_open)
        assert stored(db_path, meeting_id).status is MeetingStatus.OPEN


async def test_ctrl_q_with_a_decision_half_typed_asks_and_no_keeps_the_text(
    db_path: Path,
) -> None:
    """A secretary types half a decision and hits Ctrl+Q (for Ctrl+W, say): it quit at once and
    the text was gone. Now it asks, names the dialog, and No goes back to the text."""
    from meetingtui.screens.dialogs import DecisionDialog
    from meetingtui.screens.notefield import NoteField
    from tests.tui_support import press, type_text

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "d")
        await type_text(pilot, "Udvalget drøftede sagen og")
        await press(pilot, "ctrl+q")
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        assert "Teksten i »Beslutning — 1. Godkendelse af dagsorden« er ikke gemt" in (
            screen_text(app)
        )
        await press(pilot, "n")
        assert isinstance(app.screen, DecisionDialog)
        field = app.screen.query_one("#decision-text", NoteField)
        assert field.text == "Udvalget drøftede sagen og"
        await press(pilot, "ctrl+q", "j")
        await until(pilot, lambda: not app.is_running, "quit after the yes")
