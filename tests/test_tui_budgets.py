"""Keystroke budgets: each test sends exactly the keys of its budget through the Pilot, nothing
else, and then checks the stored record. The proof is that the record is right after those keys.

The figures are printed (run with -s) for the README.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from meetingtui.models import Attendance, Choice, ItemStatus, VoteResult
from meetingtui.screens.app import build_app
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from tests.meetings import (
    BYRAAD_PARTIES,
    FixedClock,
    byraad_meeting,
    committee_meeting,
    opened_with_everyone,
    store,
    stored,
)

SIZE = (100, 30)


class Keys:
    """Sends keys, one at a time as a user types them, and counts them for the printed figure."""

    def __init__(self, pilot: Pilot[None]) -> None:
        self.pilot = pilot
        self.count = 0

    async def __call__(self, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)  # returns once the app has handled it and gone idle
            self.count += 1
        await self.pilot.pause()


async def test_unanimous_decision_with_a_quick_pick_takes_three_keys(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        keys = Keys(pilot)
        await keys("d", "1", "enter")
        item = stored(db_path, meeting_id).item(1)
        assert (item.status, item.decision) == (ItemStatus.DECIDED, "Godkendt.")
        print(f"\nunanimous decision with a quick pick: {keys.count} keystrokes")


async def test_next_item_takes_one_key(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("n")
        assert stored(db_path, meeting_id).current_item_id == 2
        print(f"\nnext item: {keys.count} keystroke")


async def test_31_member_named_vote_in_party_blocks_within_fifteen_keys(db_path: Path) -> None:
    meeting = byraad_meeting()
    assert len(meeting.participants) == 31
    meeting_id = opened_with_everyone(db_path, meeting, FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        # A, V, O, F, C, Ø, B in seating order: A and F for; V, C against; O, Ø, B abstain.
        # The cursor stays on the block just voted (↓ pressed by habit must not skip one).
        await keys("v", "f", "down", "i", "down", "u", "down", "f", "down", "i", "down", "u")
        await keys("down", "u", "l", "j")
        assert isinstance(app.screen, MeetingScreen)
        vote = stored(db_path, meeting_id).item(1).votes[0]
        assert not vote.is_open and len(vote.ballots) == 31
        by_party = {b.affiliation: b.choice for b in vote.ballots}
        assert by_party == {
            "A": Choice.FOR,
            "V": Choice.AGAINST,
            "O": Choice.ABSTAIN,
            "F": Choice.FOR,
            "C": Choice.AGAINST,
            "Ø": Choice.ABSTAIN,
            "B": Choice.ABSTAIN,
        }
        assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == (12, 11, 8)
        assert vote.result is VoteResult.ADOPTED
        print(
            f"\n31-member named vote in {len(BYRAAD_PARTIES)} party blocks: {keys.count} keystrokes"
        )


async def test_party_block_then_individual_correction(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, byraad_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        # A votes for as a block; then one A member (second in the roll) abstains instead,
        # which changes a cast ballot and is confirmed.
        await keys("v", "f", "tab", "down", "u", "j")
        vote = stored(db_path, meeting_id).item(1).votes[0]
        choices = {b.name: b.choice for b in vote.ballots}
        assert choices["Medlem A1"] is Choice.FOR
        assert choices["Medlem A2"] is Choice.ABSTAIN
        assert sum(1 for c in choices.values() if c is Choice.FOR) == 8


async def test_add_a_speaker_within_four_keys_and_next_speaker_in_one(db_path: Path) -> None:
    from meetingtui import speakers
    from meetingtui.screens.speakers import SpeakersScreen

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        # The speakers' list: add a speaker by typing a few letters of the name (4 keys) ...
        await keys("t", "m", "e", "enter")  # "me": Mette Lund
        assert isinstance(app.screen, SpeakersScreen)
        item = stored(db_path, meeting_id).item(1)
        assert [s.name for s in item.speakers] == ["Mette Lund"]
        added = keys.count
        keys.count = 0
        await keys("n")  # ... then give the floor (1 key)
        current = speakers.speaking(stored(db_path, meeting_id).item(1))
        assert current is not None and current.name == "Mette Lund"
        print(f"\nadd a speaker: {added} keystrokes; next speaker: {keys.count} keystroke")


async def test_31_member_vote_with_two_dissenters_and_the_rest_for(db_path: Path) -> None:
    meeting = byraad_meeting()
    meeting_id = opened_with_everyone(db_path, meeting, FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        # Within the budget of 6 keys: B's two members vote against (the last party row); the
        # rest for; close and confirm.
        await keys("v", "end", "i", "r", "l", "j")
        assert isinstance(app.screen, MeetingScreen)
        vote = stored(db_path, meeting_id).item(1).votes[0]
        assert not vote.is_open and len(vote.ballots) == 31
        against = sorted(b.name for b in vote.ballots if b.choice is Choice.AGAINST)
        assert against == ["Medlem B1", "Medlem B2"]
        assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == (29, 2, 0)
        assert vote.result is VoteResult.ADOPTED
        print(f"\n31-member vote, 2 dissenters, the rest for: {keys.count} keystrokes")


ACCLAMATION_BUDGET = 3


async def test_election_by_acclamation_within_three_keys_and_the_name(db_path: Path) -> None:
    from meetingtui.demo import build_demo_meeting

    meeting = build_demo_meeting()
    for person in meeting.participants:
        if person.attendance is Attendance.UNKNOWN:
            person.attendance = Attendance.PRESENT
    meeting_id = store(db_path, meeting)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
        service.start_item(2)  # "Valg af næstformand": the office is read from the title
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = Keys(pilot)
        await keys("e")
        typed = "Gert"  # the candidate's name is content, like a decision's text
        for letter in typed:
            await pilot.press(letter)
        await pilot.pause()
        await keys("enter", "j")
        assert isinstance(app.screen, MeetingScreen)
    (election,) = stored(db_path, meeting_id).item(2).elections
    assert (election.office, election.elected, election.acclamation) == (
        "næstformand",
        "Gert Fabrin",
        True,
    )
    assert len(election.ballots) == 10  # everyone who may vote
    assert keys.count <= ACCLAMATION_BUDGET
    print(
        f"\nelection by acclamation: {keys.count} keystrokes and {len(typed)} letters of the name"
    )
