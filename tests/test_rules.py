"""Rules of procedure: unit tests and properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetingtui import rules
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    Ballot,
    Choice,
    ElectionBallot,
    ItemAbsence,
    Motion,
    MotionKind,
    Movement,
    MovementKind,
    Participant,
    Role,
    Vote,
    VoteCounts,
    VoteResult,
)
from tests.meetings import budget_meeting


def present_meeting():
    meeting = budget_meeting()
    for p in meeting.participants:
        p.attendance = Attendance.PRESENT
    return meeting


def test_majority_of_votes_cast_abstentions_do_not_count() -> None:
    assert rules.result_of(VoteCounts(for_=2, against=1, abstain=2)) is VoteResult.ADOPTED


def test_tie_means_the_proposal_falls() -> None:
    assert rules.result_of(VoteCounts(for_=3, against=3, abstain=1)) is VoteResult.REJECTED


def test_quorum_is_at_least_half_of_the_seats() -> None:
    meeting = present_meeting()  # 9 voting seats, observer does not count
    assert rules.quorum(meeting, None) == rules.Quorum(present=9, needed=5, seats=9)
    for p in meeting.participants[:5]:
        p.attendance = Attendance.AFBUD
    status = rules.quorum(meeting, None)
    assert (status.present, status.met) == (4, False)


def test_inhabil_and_departed_members_do_not_count_but_substitutes_do() -> None:
    meeting = present_meeting()
    item = meeting.items[0]
    item.absences.append(ItemAbsence(participant_id=1, name="Bo Hilsted", kind=AbsenceKind.INHABIL))
    meeting.participants[1].movements.append(Movement(kind=MovementKind.LEFT, at=meeting.starts_at))
    assert rules.quorum(meeting, item).present == 7
    assert rules.quorum(meeting, meeting.items[1]).present == 8
    meeting.participants[2].attendance = Attendance.AFBUD
    meeting.participants.append(
        Participant(
            id=11,
            name="Ib Stedfortræder",
            affiliation="A",
            role=Role.STEDFORTRAEDER,
            attendance=Attendance.PRESENT,
            substitute_for=3,
        )
    )
    assert rules.quorum(meeting, meeting.items[1]).present == 8
    assert rules.quorum(meeting, meeting.items[1]).seats == 9


def test_substitute_does_not_vote_while_the_member_is_there() -> None:
    meeting = present_meeting()
    sub = Participant(
        id=11,
        name="Ib",
        affiliation="A",
        role=Role.STEDFORTRAEDER,
        attendance=Attendance.PRESENT,
        substitute_for=3,
    )
    meeting.participants.append(sub)
    assert rules.ineligibility_reason(meeting, None, sub) == "refuse.reason_seat_taken"
    meeting.participants[2].attendance = Attendance.ABSENT
    assert rules.ineligibility_reason(meeting, None, sub) is None


def test_who_may_vote() -> None:
    meeting = present_meeting()
    item = meeting.items[0]
    item.absences.append(
        ItemAbsence(participant_id=4, name="Anne Møller", kind=AbsenceKind.INHABIL)
    )
    item.absences.append(ItemAbsence(participant_id=5, name="Per Østergaard"))
    meeting.participants[5].attendance = Attendance.AFBUD
    reasons = {p.id: rules.ineligibility_reason(meeting, item, p) for p in meeting.participants}
    assert reasons[4] == "refuse.reason_inhabil"
    assert reasons[5] == "refuse.reason_item_absent"
    assert reasons[6] == "refuse.reason_absent"
    assert reasons[10] == "refuse.reason_non_voting"
    assert [p.id for p in rules.eligible_voters(meeting, item)] == [1, 2, 3, 7, 8, 9]


def test_election_tie_is_reported_not_guessed() -> None:
    ballots = [
        ElectionBallot(voter="a", candidate="Gert"),
        ElectionBallot(voter="b", candidate="Lars"),
    ]
    outcome = rules.election_outcome(ballots, ["Gert", "Lars", "Louise"])
    assert outcome.elected is None and outcome.tied == ("Gert", "Lars")
    ballots.append(ElectionBallot(voter="c", candidate="Gert"))
    assert rules.election_outcome(ballots, ["Gert", "Lars"]).elected == "Gert"


def test_amendments_are_voted_first() -> None:
    item = budget_meeting().items[0]
    item.motions = [
        Motion(id=1, text="Indstillingen"),
        Motion(id=2, kind=MotionKind.AENDRINGSFORSLAG, text="Beløbet hæves", amends=1),
    ]
    assert rules.amendment_order_warnings(item, 1)[0].key == "warn.amendments_first"
    item.votes.append(Vote(id=1, motion_id=2, is_open=False))
    assert rules.amendment_order_warnings(item, 1) == []


def test_protokoltilfoersel_by_a_member_who_did_not_vote_against_warns() -> None:
    meeting = budget_meeting()
    item = meeting.items[0]
    item.votes.append(
        Vote(
            id=1,
            is_open=False,
            ballots=[
                Ballot(participant_id=8, name="Søren", choice=Choice.AGAINST),
                Ballot(participant_id=1, name="Bo", choice=Choice.FOR),
            ],
        )
    )
    for person in meeting.participants:
        person.attendance = Attendance.PRESENT
    assert rules.dissent_warnings(meeting, item, 8, "protokoltilførsel") == []
    warned = rules.dissent_warnings(meeting, item, 1, "protokoltilførsel")
    assert [w.key for w in warned] == ["warn.dissent_not_against"]
    assert rules.dissent_warnings(meeting, item, 1, "mindretalsudtalelse") == []


def test_a_dissent_by_a_member_who_took_no_part_in_the_decision_warns() -> None:
    """Picked by a few letters, the wrong member (one who sent afbud, or inhabil in the item)
    is said before the dissent counts."""
    meeting = budget_meeting()
    item = meeting.items[0]
    for person in meeting.participants:
        person.attendance = Attendance.PRESENT
    meeting.participants[1].attendance = Attendance.AFBUD
    item.absences.append(ItemAbsence(participant_id=3, name="Jens", kind=AbsenceKind.INHABIL))
    item.absences.append(ItemAbsence(participant_id=4, name="Anne", kind=AbsenceKind.ABSENT))

    def keys(pid: int) -> list[str]:
        return [w.key for w in rules.dissent_warnings(meeting, item, pid, "mindretalsudtalelse")]

    assert keys(2) == ["warn.dissent_not_at_meeting"]
    assert keys(3) == ["warn.dissent_inhabil"]
    assert keys(4) == ["warn.dissent_absent"]
    assert keys(5) == []
    name = meeting.participants[1].name
    assert rules.dissent_warnings(meeting, item, 2, "mindretalsudtalelse")[0].message == (
        f"{name} er ikke registreret som til stede ved mødet og har ikke deltaget i beslutningen."
    )
    # One who came late took part: the roll call's afbud is not the last word.
    meeting.participants[1].movements.append(
        Movement(kind=MovementKind.ARRIVED, at=meeting.starts_at)
    )
    assert keys(2) == []


choices = st.sampled_from(list(Choice))


@given(st.lists(choices, max_size=60))
def test_tally_property(cast: list[Choice]) -> None:
    ballots = [Ballot(name=f"m{n}", choice=c) for n, c in enumerate(cast)]
    counts = rules.count_ballots(ballots)
    assert counts.for_ + counts.against + counts.abstain == len(cast)
    adopted = rules.result_of(counts) is VoteResult.ADOPTED
    assert adopted == (cast.count(Choice.FOR) > cast.count(Choice.AGAINST))
    # Abstentions never change the result.
    more = [*ballots, Ballot(name="x", choice=Choice.ABSTAIN)]
    assert rules.result_of(rules.count_ballots(more)) is rules.result_of(counts)


@given(
    st.lists(st.sampled_from(list(Attendance)), min_size=9, max_size=9),
    st.sets(st.integers(1, 9)),
    st.sets(st.integers(1, 9)),
)
def test_quorum_and_eligibility_properties(
    attendance: list[Attendance], inhabil: set[int], departed: set[int]
) -> None:
    meeting = budget_meeting()
    item = meeting.items[0]
    for p, a in zip(meeting.participants, attendance, strict=False):
        p.attendance = a
        if p.id in departed and a is Attendance.PRESENT:
            p.movements.append(Movement(kind=MovementKind.LEFT, at=meeting.starts_at))
    for pid in inhabil:
        item.absences.append(
            ItemAbsence(participant_id=pid, name=str(pid), kind=AbsenceKind.INHABIL)
        )
    voters = rules.eligible_voters(meeting, item)
    for p in voters:
        assert p.votes and p.is_present_now and p.id not in inhabil
    status = rules.quorum(meeting, item)
    assert status.present == len(voters)
    assert status.met == (2 * len(voters) >= 9)


def test_a_meeting_without_voting_members_is_never_quorate() -> None:
    # An imported dagsorden has items but no members: "0 af 0" must not read as a quorum.
    meeting = budget_meeting()
    meeting.participants = [p for p in meeting.participants if not p.votes]  # the observer
    meeting.participants[0].attendance = Attendance.PRESENT
    status = rules.quorum(meeting, meeting.items[0])
    assert (status.seats, status.present, status.met) == (0, 0, False)
    [warning] = rules.quorum_warnings(meeting, meeting.items[0])
    assert warning.key == "warn.no_voting_members"
    assert "ingen stemmeberettigede medlemmer" in warning.message
    meeting.participants = []
    assert not rules.quorum(meeting, None).met
