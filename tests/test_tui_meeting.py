"""A whole meeting driven from the keyboard with the Pilot; the stored record is what counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from meetingtui import rules
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    Choice,
    DissentKind,
    ItemStatus,
    MeetingStatus,
    MovementKind,
    VoteResult,
)
from meetingtui.screens.app import build_app
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.vote import VoteScreen
from tests.meetings import (
    FixedClock,
    committee_meeting,
    opened_with_everyone,
    store,
    stored,
)
from tests.tui_support import Notices, press, type_text, until

SIZE = (100, 30)


def screen_text(app: object, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return str(widget.render())


@pytest.mark.slow
async def test_whole_meeting_from_roll_call_to_closing(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # A planned meeting opens on the roll call.
        assert isinstance(app.screen, RollCallScreen)
        await press(pilot, "o")
        assert stored(db_path, meeting_id).status is MeetingStatus.OPEN

        # Roll call: one key per member; Søren Friis (F) sends apologies.
        await press(pilot, "t", "t", "t", "t", "t", "t", "a", "t")
        # His substitute takes the seat (name typed, party prefilled).
        await press(pilot, "up", "s")
        await type_text(pilot, "Eva Holt")
        await press(pilot, "enter", "enter")
        record = stored(db_path, meeting_id)
        assert record.participant(7).attendance is Attendance.AFBUD
        substitute = record.participants[-1]
        assert (substitute.name, substitute.substitute_for, substitute.affiliation) == (
            "Eva Holt",
            7,
            "F",
        )

        # Item 1: a unanimous decision with a quick pick.
        await press(pilot, "m")
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "n", "d", "1", "enter")
        item1 = stored(db_path, meeting_id).item(1)
        assert (item1.status, item1.decision) == (ItemStatus.DECIDED, "Godkendt.")

        # Item 2: a vote by party blocks that ties (3 for, 3 against, 1 abstains) and falls.
        await press(pilot, "n", "v")
        assert isinstance(app.screen, VoteScreen)
        await press(pilot, "f", "down", "i", "down", "u", "down", "i")
        assert "stemmelighed" in screen_text(app, "#tally")
        # Closing a vote is final: the result is shown and confirmed.
        await press(pilot, "l")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "j")
        assert isinstance(app.screen, MeetingScreen)
        vote = stored(db_path, meeting_id).item(2).votes[0]
        assert not vote.is_open
        assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == (3, 3, 1)
        assert vote.result is VoteResult.REJECTED
        # A free-text decision, then Anne Møller (V), who voted against, enters a dissent.
        await press(pilot, "d")
        await type_text(pilot, "Indstillingen faldt")
        await press(pilot, "enter")
        await press(pilot, "b", "down", "down", "down", "enter", "enter")
        await type_text(pilot, "V kan ikke støtte bevillingen")
        await press(pilot, "enter")
        item2 = stored(db_path, meeting_id).item(2)
        assert item2.decision == "Indstillingen faldt"
        assert [(d.who, d.kind, d.text) for d in item2.dissents] == [
            ("Anne Møller (V)", DissentKind.PROTOKOLTILFOERSEL, "V kan ikke støtte bevillingen")
        ]

        # Item 3: Karen Holm (C) is inhabil; she is out of the vote and of the quorum.
        await press(pilot, "n", "i", *["down"] * 5, "enter")
        await type_text(pilot, "ejer naboejendommen")
        await press(pilot, "enter")
        record = stored(db_path, meeting_id)
        absence = record.item(3).absence_of(6)
        assert absence is not None and absence.kind is AbsenceKind.INHABIL
        assert absence.reason == "ejer naboejendommen"
        assert rules.quorum(record, record.item(3)).present == 6
        await press(pilot, "v", "f", "down", "f", "down", "f", "l", "j")
        vote3 = stored(db_path, meeting_id).item(3).votes[0]
        assert 6 not in {b.participant_id for b in vote3.ballots}
        assert len(vote3.ballots) == 6 and vote3.result is VoteResult.ADOPTED
        await press(pilot, "d", "5", "enter")

        # Four members leave during item 3: the quorum is lost and the screen says so.
        for _ in range(4):
            await press(pilot, "g", "enter")
        record = stored(db_path, meeting_id)
        left = [p.name for p in record.participants if not p.is_present_now and p.movements]
        assert left == ["Bo Hilsted", "Mette Lund", "Jens Kragh", "Anne Møller"]
        assert all(
            p.movements[-1].kind is MovementKind.LEFT and p.movements[-1].item_id == 3
            for p in record.participants
            if p.name in left
        )
        assert "IKKE BESLUTNINGSDYGTIGT" in screen_text(app, "#status-quorum")
        assert "ikke beslutningsdygtigt" in screen_text(app, "#inline-warnings")

        # Item 4: without quorum the decision waits for the chair's confirmation.
        await press(pilot, "n", "d", "1", "enter")
        assert isinstance(app.screen, ConfirmDialog)
        assert stored(db_path, meeting_id).item(4).decision == ""
        await press(pilot, "j")
        assert stored(db_path, meeting_id).item(4).decision == "Godkendt."

        # Closing: nothing open; closing is final, so it is confirmed.
        await press(pilot, "a")
        assert isinstance(app.screen, ClosingScreen)
        assert "Alle punkter" in screen_text(app, "#open-points")
        await press(pilot, "l", "j")

    record = stored(db_path, meeting_id)
    assert record.status is MeetingStatus.CLOSED
    assert [i.status for i in record.items] == [ItemStatus.DECIDED] * 4
    assert record.item(2).votes[0].ballots[0].choice is Choice.FOR


async def test_undo_takes_back_the_last_action(db_path: Path) -> None:

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d", "1", "enter")
        assert stored(db_path, meeting_id).item(1).decision == "Godkendt."
        # A decision is not a small entry: undo names it and waits for a yes.
        await press(pilot, "ctrl+z", "j")
        assert stored(db_path, meeting_id).item(1).decision == ""
        assert "Godkendt" not in screen_text(app, "#item-text").split("Indstilling")[0]


async def test_refused_command_changes_nothing_and_says_why(db_path: Path) -> None:

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await press(pilot, "v", "f", "escape")
        before = stored(db_path, meeting_id)
        # A decision while the vote is open: the dialog warns, the command API refuses.
        await press(pilot, "d")
        assert "åben afstemning" in str(app.screen.query_one(".warning", Static).render())
        await press(pilot, "1", "enter")
        assert stored(db_path, meeting_id) == before
        await until(pilot, lambda: notices.mention("åben afstemning"), "the refusal said")


async def test_reopening_resumes_on_the_same_item_and_open_vote(db_path: Path) -> None:

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "n", "v", "f")
    # A new app (as after a crash): same item, the open vote on top with its ballots.
    again = build_app(db_path, meeting_id, clock=FixedClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.service.meeting.current_item_id == 2
        assert isinstance(again.screen, VoteScreen)
        assert "FOR 3" in screen_text(again, "#tally")
        await press(pilot, "escape")
        assert isinstance(again.screen, MeetingScreen)
        assert "2. Anlægsbevilling" in screen_text(again, "#status-info")


async def test_read_only_follower_sees_changes_and_cannot_change(db_path: Path) -> None:
    from meetingtui.service import MeetingService

    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    writer = MeetingService.open(db_path, meeting_id, clock=clock)
    follower = build_app(db_path, meeting_id, readonly=True, clock=clock)
    follower.follow_interval = 0.05
    try:
        async with follower.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "KUN LÆSNING" in screen_text(follower, "#status-info")
            # Keys that change the record do nothing in a follower.
            await press(pilot, "d")
            assert isinstance(follower.screen, MeetingScreen)
            writer.record_decision(1, "Godkendt")
            writer.start_item(2)
            await until(pilot, lambda: follower.service.meeting.current_item_id == 2)
            assert "2. Anlægsbevilling" in screen_text(follower, "#status-info")
            # A vote the writer opens is on the follower's screen until it closes.
            vote_id = writer.open_vote(2).created_id
            await until(pilot, lambda: isinstance(follower.screen, VoteScreen), "the vote shown")
            writer.cast_party(vote_id, "A", "for")
            await until(pilot, lambda: "FOR 3" in screen_text(follower, "#tally"))
            writer.close_vote(vote_id)
            await until(
                pilot,
                lambda: (
                    isinstance(follower.screen, MeetingScreen)
                    and "VEDTAGET" in screen_text(follower, "#item-text")
                ),
                "the vote closed and its result shown",
            )
            # So is an election, ballot by ballot.
            election = writer.open_election(2, "næstformand", ["Anne Møller"]).created_id
            await until(pilot, lambda: isinstance(follower.screen, ElectionScreen), "election")
            writer.cast_election_ballot(election, 1, "Anne Møller")
            await until(pilot, lambda: "Anne Møller: 1" in screen_text(follower, "#election-tally"))
            writer.close_election(election)
            await until(
                pilot,
                lambda: (
                    isinstance(follower.screen, MeetingScreen)
                    and "Anne Møller blev valgt" in screen_text(follower, "#item-text")
                ),
                "the election closed and its result shown",
            )
    finally:
        writer.close()


async def test_second_writer_is_offered_read_only(db_path: Path) -> None:
    from meetingtui.service import MeetingService

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    writer = MeetingService.open(db_path, meeting_id)
    try:
        app = build_app(db_path, meeting_id, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            await press(pilot, "j")
            assert app.readonly and isinstance(app.screen, MeetingScreen)
    finally:
        writer.close()


async def test_back_to_the_meetings_releases_the_meeting(db_path: Path) -> None:
    from meetingtui.screens.start import StartScreen
    from meetingtui.service import MeetingService

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "f3")
        assert isinstance(app.screen, StartScreen) and app.service is None
        # The writer's lock is gone: another process may take the meeting now.
        MeetingService.open(db_path, meeting_id).close()
        await press(pilot, "enter")
        assert isinstance(app.screen, MeetingScreen)
