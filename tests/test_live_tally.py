"""An open vote counts only those who may vote now, and says which cast ballots no longer count.

The defect: a vote screen showed "FOR 7 … Resultat hvis afsluttet nu: VEDTAGET" while 5 of the
12 members were present, because it counted the ballots of members who had left.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from meetingtui import rules
from meetingtui.screens.app import build_app
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.vote import VoteScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, demo_at_item
from tests.tui_support import SIZE


def vote_then_departures(db_path: Path) -> int:
    """Demo meeting, item 4: seven for, two against; then five of those for leave."""
    meeting_id = demo_at_item(db_path, 4)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        vote_id = service.open_vote(4).created_id
        voters = service.eligible_voters()
        for person in voters[:7]:
            service.cast_ballot(vote_id, person.id, "for")
        for person in voters[7:9]:
            service.cast_ballot(vote_id, person.id, "against")
        for person in voters[2:7]:
            service.leave(person.id)
    return meeting_id


def test_live_tally_counts_only_those_who_may_vote_now(db_path: Path) -> None:
    meeting_id = vote_then_departures(db_path)
    with MeetingService.open(db_path, meeting_id, readonly=True) as service:
        item = service.meeting.item(4)
        live = rules.live_tally(service.meeting, item, item.votes[0])
    assert (live.counts.for_, live.counts.against, live.counts.abstain) == (2, 2, 0)
    assert len(live.stale) == 5 and {reason for _, reason in live.stale} == {"refuse.reason_absent"}
    assert live.missing == 1  # the tenth voter has not voted


async def test_the_vote_screen_says_which_ballots_no_longer_count(db_path: Path) -> None:
    meeting_id = vote_then_departures(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, VoteScreen)
        tally = str(app.screen.query_one("#tally", Static).render())
        assert "FOR 2" in tally and "IMOD 2" in tally
        assert "VEDTAGET" not in tally and "FORKASTET" in tally
        assert "ikke beslutningsdygtigt" in tally
        assert "Tæller ikke længere: Kristina Garth Grüner (ikke til stede), Keld" in tally
        quorum = str(app.screen.query_one("#status-quorum", Static).render())
        assert "5 af 12" in quorum
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        item_text = str(app.screen.query_one("#item-text", Static).render())
        assert "for 2, imod 2" in item_text
