"""A whole scripted meeting through the command API, and bad input that must change nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingtui.errors import CommandRefused, ConfirmationRequired, StorageError
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    Choice,
    DissentKind,
    ItemStatus,
    MeetingStatus,
    MotionKind,
    MovementKind,
    VoteResult,
)
from meetingtui.queries import list_meetings
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage import records
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests import databases
from tests.meetings import budget_meeting, ticking_clock


@pytest.fixture
def svc(db_path: Path):
    """The økonomiudvalg's meeting, stored once per run and copied (tests/databases.py)."""
    meeting_id = databases.built_once("service budget_meeting", db_path, _store_budget_meeting)
    service = MeetingService.open(db_path, meeting_id, clock=ticking_clock())
    yield service
    service.close()


def _store_budget_meeting(db_path: Path) -> int:
    conn = connect(db_path)
    try:
        return create_meeting(conn, budget_meeting())
    finally:
        conn.close()


def dump(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def roll_call(svc: MeetingService) -> None:
    svc.open_meeting()
    for p in svc.meeting.participants:
        status = Attendance.AFBUD if p.name == "Lise Bach" else Attendance.PRESENT
        svc.set_attendance(p.id, status)


def test_whole_meeting_is_stored(svc: MeetingService, db_path: Path) -> None:
    roll_call(svc)
    sub = svc.seat_substitute("Niels Vinther", "V", 6).created_id
    svc.start_item(1)
    svc.record_decision(1, "Godkendt.")
    svc.start_item(2)
    svc.declare_inhabil(2, 7, "Er bestyrelsesmedlem i foreningen")
    main_motion = svc.add_motion(2, "Indstillingen").created_id
    amendment = svc.add_motion(
        2,
        "Beløbet hæves til 2 mio. kr.",
        kind=MotionKind.AENDRINGSFORSLAG,
        proposer="V",
        amends=main_motion,
    ).created_id
    with pytest.raises(ConfirmationRequired):
        svc.open_vote(2, motion_id=main_motion)  # the amendment goes first
    amend_vote = svc.open_vote(2, motion_id=amendment).created_id
    svc.cast_party(amend_vote, "V", Choice.FOR)
    svc.cast_party(amend_vote, "A", Choice.AGAINST)
    svc.cast_party(amend_vote, "F", Choice.AGAINST)
    svc.cast_ballot(amend_vote, 9, Choice.FOR)
    svc.close_vote(amend_vote)
    vote = svc.open_vote(2, motion_id=main_motion).created_id
    svc.cast_party(vote, "A", Choice.FOR)
    svc.cast_party(vote, "V", Choice.AGAINST)
    svc.cast_ballot(vote, 8, Choice.ABSTAIN)
    svc.cast_ballot(vote, 9, Choice.AGAINST)
    with pytest.raises(CommandRefused):
        svc.cast_ballot(vote, 7, Choice.FOR)  # inhabil
    svc.close_vote(vote)
    warned = svc.add_dissent(2, 9, "Ole Dam (O) ønsker sin modstand ført til protokols.")
    assert warned.warnings == []
    svc.record_decision(2, "Indstillingen faldt.")
    svc.start_item(3)
    for member in (1, 2, 3, 4):
        assert svc.leave(member).warnings == []
    outcome = svc.leave(5)  # 4 of 9 seats left: below half
    assert outcome.warnings and outcome.warnings[0].key == "warn.quorum_lost"
    with pytest.raises(ConfirmationRequired) as exc:
        svc.record_decision(3, "Taget til efterretning.")
    assert "beslutningsdygtigt" in exc.value.message
    svc.arrive(1)
    svc.record_decision(3, "Taget til efterretning.")
    svc.postpone_item(4, "Afventer nye tal")
    election_item = svc.meeting.items[0].id
    held = svc.hold_election(
        election_item,
        "næstformand",
        ["Anne Møller", "Karen Holm"],
        {1: "Anne Møller", 7: "Karen Holm"},
    )
    assert held.warnings[-1].key == "warn.election_tie"
    assert "Anne Møller og Karen Holm" in held.warnings[-1].message  # as the referat names them
    svc.close_meeting()
    svc.approve_minutes()

    conn = connect(db_path)
    stored = records.load_meeting(conn, svc.meeting.id)
    assert stored == svc.meeting
    assert stored.status is MeetingStatus.APPROVED
    assert [i.status for i in stored.items] == [
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,
        ItemStatus.DECIDED,
        ItemStatus.POSTPONED,
    ]
    item2 = stored.items[1]
    assert item2.absences[0].kind is AbsenceKind.INHABIL and item2.absences[0].participant_id == 7
    first, second = item2.votes
    assert (
        first.result is VoteResult.REJECTED
    )  # V 3 (Niels in Lise's seat) + O 1 for, A 3 + F 1 against
    assert (second.counts.for_, second.counts.against, second.counts.abstain) == (3, 4, 1)
    assert second.result is VoteResult.REJECTED
    assert {b.name for b in second.ballots} >= {"Niels Vinther", "Ole Dam"}
    assert sub in {b.participant_id for b in second.ballots}
    assert item2.dissents[0].kind is DissentKind.PROTOKOLTILFOERSEL
    departed = stored.participant(2)
    assert departed.movements[-1].kind is MovementKind.LEFT
    assert departed.movements[-1].item_id == 3
    assert stored.items[0].elections[0].elected is None
    assert stored.items[0].elections[0].tied == ["Anne Møller", "Karen Holm"]
    assert verify(conn).ok
    assert list_meetings(conn)[0].status is MeetingStatus.APPROVED
    conn.close()


def test_undo_reverts_the_last_action_and_keeps_the_log(svc: MeetingService, db_path: Path) -> None:
    roll_call(svc)
    svc.start_item(1)
    svc.record_decision(1, "Godkendt.")
    svc.undo()
    assert svc.meeting.items[0].decision == ""
    assert svc.meeting.items[0].status is ItemStatus.CURRENT
    svc.undo()  # the start of item 1
    assert svc.meeting.current_item_id is None
    conn = connect(db_path)
    assert records.load_meeting(conn, svc.meeting.id) == svc.meeting
    types = [r[0] for r in conn.execute("SELECT type FROM events ORDER BY seq")]
    assert types[-2:] == ["undone", "undone"] and "decision_recorded" in types
    assert verify(conn).ok
    conn.close()


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(lambda s: s.set_attendance(99, Attendance.PRESENT), id="unknown member"),
        pytest.param(lambda s: s.start_item(42), id="unknown item"),
        pytest.param(
            lambda s: s.cast_ballot(s.vote_id, 6, Choice.FOR), id="ballot by absent member"
        ),
        pytest.param(
            lambda s: s.cast_ballot(s.vote_id, 7, Choice.FOR), id="ballot by inhabil member"
        ),
        pytest.param(
            lambda s: s.cast_ballot(s.closed_vote_id, 1, Choice.FOR), id="ballot after close"
        ),
        pytest.param(lambda s: s.cast_ballot(s.vote_id, 10, Choice.FOR), id="observer ballot"),
        pytest.param(lambda s: s.record_decision(1, "\x00\x07 \x1b"), id="only control characters"),
        pytest.param(lambda s: s.record_decision(1, "x" * 20_001), id="text too long"),
        pytest.param(lambda s: s.set_attendance(1, "maybe"), id="bad attendance value"),
        pytest.param(lambda s: s.cast_party(s.vote_id, "Ø", Choice.FOR), id="party with no voters"),
        pytest.param(lambda s: s.approve_minutes(), id="approve an open meeting"),
        pytest.param(lambda s: s.open_meeting(), id="open an open meeting"),
        pytest.param(lambda s: s.cast_ballot(s.vote_id, 1, "ja"), id="bad choice"),
        pytest.param(lambda s: s.add_motion(1, "Tekst", kind="forslag"), id="bad motion kind"),
        pytest.param(lambda s: s.add_dissent(1, 1, "Tekst", kind="klage"), id="bad dissent kind"),
        pytest.param(lambda s: s.add_motion(1, "Tekst", amends=1), id="amends, not an amendment"),
        pytest.param(lambda s: s.seat_substitute("Vikar", "", 10), id="substitute for observer"),
        pytest.param(lambda s: s.hold_election(1, "formand", ["A"], {}), id="election, no ballots"),
        pytest.param(lambda s: s.open_election(1, "formand", []), id="election, no candidates"),
        pytest.param(lambda s: s.close_election(99), id="close an unknown election"),
    ],
)
def test_bad_commands_are_refused_and_change_nothing(svc, db_path, action) -> None:
    roll_call(svc)
    svc.set_attendance(6, Attendance.AFBUD)
    svc.start_item(1)
    svc.declare_inhabil(1, 7)
    svc.closed_vote_id = svc.open_vote(1).created_id
    svc.cast_ballot(svc.closed_vote_id, 1, Choice.FOR)
    svc.close_vote(svc.closed_vote_id)
    svc.vote_id = svc.open_vote(1, description="Tillægsbevilling").created_id
    before = dump(db_path)
    record_before = svc.meeting.model_copy(deep=True)
    with pytest.raises(CommandRefused) as exc:
        action(svc)
    assert exc.value.message and "Traceback" not in exc.value.message
    assert dump(db_path) == before
    assert svc.meeting == record_before


def test_closing_a_closed_meeting_is_refused(svc: MeetingService, db_path: Path) -> None:
    roll_call(svc)
    svc.close_meeting()
    before = dump(db_path)
    with pytest.raises(CommandRefused) as exc:
        svc.close_meeting()
    assert "lukket" in exc.value.message
    with pytest.raises(CommandRefused):
        svc.record_decision(1, "Godkendt.")
    assert dump(db_path) == before


def test_control_characters_are_removed_but_emoji_and_rtl_kept(svc: MeetingService) -> None:
    roll_call(svc)
    svc.record_decision(1, "Godkendt\x07 med bemærkning 👍 — مرحبا\x1b")
    assert svc.meeting.items[0].decision == "Godkendt med bemærkning 👍 — مرحبا"


def test_a_second_writer_is_refused_and_a_follower_sees_changes(svc, db_path) -> None:
    with pytest.raises(StorageError) as exc:
        MeetingService.open(db_path, svc.meeting.id)
    assert "allerede åbent" in exc.value.message
    follower = MeetingService.open(db_path, svc.meeting.id, readonly=True)
    assert follower.refresh() is False
    svc.open_meeting()
    assert follower.refresh() is True
    assert follower.meeting.status is MeetingStatus.OPEN
    with pytest.raises(CommandRefused):
        follower.set_attendance(1, Attendance.PRESENT)
    follower.close()
    svc.close()
    again = MeetingService.open(db_path, svc.meeting.id)  # the lock went with the writer
    again.close()


def test_closing_a_meeting_indexes_it_for_search(svc: MeetingService, db_path: Path) -> None:
    from meetingtui.storage.search import search

    roll_call(svc)
    svc.start_item(2)
    svc.record_decision(2, "Anlægsbevillingen til skolerenovering blev godkendt.")
    conn = connect(db_path)
    assert search(conn, "skolerenovering").hits == []  # the index follows at the close
    svc.close_meeting()
    hits = search(conn, "skolerenovering").hits
    assert [(h.meeting_id, h.number) for h in hits] == [(svc.meeting.id, "2")]
    conn.close()


def test_a_writer_in_another_process_is_refused(svc: MeetingService, db_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from meetingtui.errors import StorageError\n"
        "from meetingtui.service import MeetingService\n"
        "try:\n"
        f"    MeetingService.open({str(db_path)!r}, {svc.meeting.id})\n"
        "except StorageError as exc:\n"
        "    print(exc.message); sys.exit(3)\n"
        "print('opened')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3, result.stderr
    assert "anden proces" in result.stdout
    svc.close()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "opened"


def test_ballots_of_members_who_can_no_longer_vote_are_not_counted(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    vote = svc.open_vote(1).created_id
    svc.cast_ballot(vote, 7, Choice.FOR)
    svc.cast_ballot(vote, 8, Choice.FOR)
    svc.cast_ballot(vote, 9, Choice.AGAINST)
    svc.declare_inhabil(1, 7, "Bestyrelsesmedlem")
    svc.leave(8)
    with pytest.raises(ConfirmationRequired) as exc:
        svc.close_vote(vote)
    assert "Karen Holm, Søren Friis" in exc.value.message
    svc.close_vote(vote, confirm=True)
    closed = svc.meeting.items[0].votes[0]
    assert [b.name for b in closed.ballots] == ["Ole Dam"]
    assert (closed.counts.for_, closed.counts.against) == (0, 1)
    assert closed.result is VoteResult.REJECTED


def test_one_seat_one_vote_with_substitutes(svc: MeetingService) -> None:
    roll_call(svc)  # Lise Bach (V, id 6) sent apologies
    sub = svc.seat_substitute("Niels Vinther", "V", 6).created_id
    with pytest.raises(CommandRefused):
        svc.seat_substitute("Anden Vikar", "V", 6)  # the seat is taken
    svc.start_item(1)
    vote = svc.open_vote(1).created_id
    svc.cast_ballot(vote, sub, Choice.FOR)
    svc.arrive(6)  # Lise comes after all: her seat is hers again
    with pytest.raises(CommandRefused):
        svc.cast_ballot(vote, sub, Choice.FOR)
    svc.cast_ballot(vote, 6, Choice.AGAINST)
    svc.close_vote(vote, confirm=True)
    closed = svc.meeting.items[0].votes[0]
    assert [(b.name, b.choice) for b in closed.ballots] == [("Lise Bach", Choice.AGAINST)]


def test_an_amendment_to_the_indstilling_is_voted_first(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    amendment = svc.add_motion(1, "Beløbet hæves", kind=MotionKind.AENDRINGSFORSLAG).created_id
    with pytest.raises(ConfirmationRequired) as exc:
        svc.open_vote(1)  # the indstilling itself
    assert exc.value.warnings[0].key == "warn.amendments_first"
    first = svc.open_vote(1, motion_id=amendment).created_id
    svc.cast_party(first, "A", Choice.FOR)
    svc.close_vote(first)
    assert svc.open_vote(1).warnings == []


def test_approved_minutes_are_frozen(svc: MeetingService, db_path) -> None:
    """Nothing changes approved minutes, undo included; the log is left as it was."""
    roll_call(svc)
    svc.start_item(1)
    svc.record_decision(1, "Godkendt.")
    svc.close_meeting()
    svc.approve_minutes()
    with pytest.raises(CommandRefused):
        svc.record_decision(1, "Ændret efter godkendelsen")
    before = dump(db_path)
    with pytest.raises(CommandRefused):
        svc.undo()
    assert dump(db_path) == before
    assert svc.meeting.status is MeetingStatus.APPROVED


def test_postponing_needs_the_quorum(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    for member in (1, 2, 3, 4, 5):
        svc.leave(member)
    with pytest.raises(ConfirmationRequired):
        svc.postpone_item(1, "Afventer nye tal")
    svc.postpone_item(1, "Afventer nye tal", confirm=True)
    assert svc.meeting.items[0].status is ItemStatus.POSTPONED


def test_a_roll_call_answer_does_not_erase_arrivals_and_departures(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(2)
    svc.leave(3)
    with pytest.raises(CommandRefused) as exc:
        svc.set_attendance(3, Attendance.PRESENT)
    assert "Kommer/Går" in exc.value.message
    assert svc.meeting.participant(3).movements[-1].item_id == 2


def test_a_broken_import_is_a_failure_not_already_present(db_path: Path) -> None:
    from meetingtui.models import AgendaItem
    from meetingtui.service import import_meeting

    meeting = budget_meeting()
    meeting.items.append(AgendaItem(id=1, number="9", title="Samme id som punkt 1"))
    conn = connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        import_meeting(conn, meeting, content_hash="abc")
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0


def test_an_election_is_stored_ballot_by_ballot(svc: MeetingService, db_path: Path) -> None:
    roll_call(svc)  # Lise Bach (id 6) sent apologies
    svc.start_item(1)
    election = svc.open_election(1, "næstformand", ["Anne Møller", "Karen Holm"]).created_id
    assert election is not None
    with pytest.raises(CommandRefused):
        svc.open_election(1, "formand", ["Bo Hilsted"])  # one open election at a time
    svc.cast_election_ballot(election, 1, "Anne Møller")
    svc.cast_election_ballot(election, 2, "Karen Holm")
    svc.cast_election_ballot(election, 2, "Anne Møller")  # a second key replaces the first
    svc.cast_election_ballot(election, 7, "Karen Holm")
    for refused in (
        lambda: svc.cast_election_ballot(election, 6, "Anne Møller"),  # not present
        lambda: svc.cast_election_ballot(election, 3, "Ole Dam"),  # not a candidate
        lambda: svc.cast_election_ballot(99, 3, "Anne Møller"),  # no such election
        svc.close_meeting,  # the election is still open
    ):
        with pytest.raises(CommandRefused):
            refused()
    # What a fresh process reads after a crash here: every ballot typed so far.
    conn = connect(db_path)
    open_now = records.load_meeting(conn, svc.meeting.id).items[0].elections[0]
    assert open_now.is_open
    assert [(b.voter, b.candidate) for b in open_now.ballots] == [
        ("Bo Hilsted", "Anne Møller"),
        ("Mette Lund", "Anne Møller"),
        ("Karen Holm", "Karen Holm"),
    ]
    svc.leave(7)
    with pytest.raises(ConfirmationRequired) as exc:
        svc.close_election(election)
    assert "Karen Holm" in exc.value.message  # her ballot no longer counts
    svc.close_election(election, confirm=True)
    with pytest.raises(CommandRefused):
        svc.cast_election_ballot(election, 3, "Anne Møller")  # closed
    held = records.load_meeting(conn, svc.meeting.id).items[0].elections[0]
    assert (held.elected, held.is_open, len(held.ballots)) == ("Anne Møller", False, 2)
    assert held == svc.meeting.items[0].elections[0]
    assert verify(conn).ok
    conn.close()


def test_a_tied_election_elects_nobody_and_undo_reopens_it(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    election = svc.open_election(1, "formand", ["Bo Hilsted", "Anne Møller"]).created_id
    assert election is not None
    svc.cast_election_ballot(election, 1, "Bo Hilsted")
    svc.cast_election_ballot(election, 4, "Anne Møller")
    closed = svc.close_election(election)
    assert closed.warnings[-1].key == "warn.election_tie"
    tied = svc.meeting.items[0].elections[0]
    assert tied.elected is None and tied.tied == ["Bo Hilsted", "Anne Møller"]
    svc.undo()
    reopened = svc.meeting.items[0].elections[0]
    assert reopened.is_open and reopened.tied == [] and len(reopened.ballots) == 2


def test_an_election_with_no_ballot_left_to_count_is_refused(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    election = svc.open_election(1, "formand", ["Bo Hilsted"]).created_id
    assert election is not None
    svc.cast_election_ballot(election, 7, "Bo Hilsted")
    svc.leave(7)
    with pytest.raises(CommandRefused) as refused:
        svc.close_election(election, confirm=True)
    assert "Karen Holm" in refused.value.message
    assert svc.meeting.items[0].elections[0].is_open


def test_no_decision_while_an_election_is_open(svc: MeetingService) -> None:
    roll_call(svc)
    svc.start_item(1)
    svc.open_election(1, "formand", ["Bo Hilsted"])
    with pytest.raises(CommandRefused):
        svc.record_decision(1, "Godkendt.")
    with pytest.raises(CommandRefused):
        svc.hold_election(1, "næstformand", ["Bo Hilsted"], {1: "Bo Hilsted"})
