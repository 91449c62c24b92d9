"""Rules of procedure (styrelsesloven) as pure functions over the meeting record.

They never raise for a broken rule: they return figures and `RuleWarning`s that the command API
turns into refusals or confirmations and the UI shows inline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from meetingtui.errors import RuleWarning
from meetingtui.i18n import join_names
from meetingtui.vocabulary import (
    AbsenceKind,
    Attendance,
    Choice,
    MeetingStatus,
    MotionKind,
    MovementKind,
    VoteResult,
)

if TYPE_CHECKING:
    from meetingtui.glance import Glance, GlanceItem, GlanceParticipant
    from meetingtui.models import (
        AgendaItem,
        Ballot,
        ElectionBallot,
        Meeting,
        Participant,
        Vote,
        VoteCounts,
    )

    # The quorum figures read only who is there: the glance drawn before the record loads
    # answers them as well as the record.
    AnyMeeting = Meeting | Glance
    AnyItem = AgendaItem | GlanceItem
    AnyParticipant = Participant | GlanceParticipant


@dataclass(frozen=True)
class Quorum:
    """Beslutningsdygtighed (§ 11 stk. 2): at least half of the members present."""

    present: int
    needed: int
    seats: int

    @property
    def met(self) -> bool:
        # A body with no voting members decides nothing: "0 af 0" is never a quorum.
        return self.seats > 0 and self.present >= self.needed


@dataclass(frozen=True)
class ElectionOutcome:
    elected: str | None
    tied: tuple[str, ...]
    votes: dict[str, int]


@overload
def seats(meeting: Meeting) -> list[Participant]: ...
@overload
def seats(meeting: Glance) -> list[GlanceParticipant]: ...
@overload
def seats(meeting: AnyMeeting) -> list[AnyParticipant]: ...
def seats(meeting: AnyMeeting) -> list[Any]:
    """Voting members who hold a seat; a substitute takes a seat, it does not add one."""
    return [p for p in meeting.participants if p.votes and p.substitute_for is None]


@overload
def item_under_way(meeting: Meeting) -> AgendaItem | None: ...
@overload
def item_under_way(meeting: Glance) -> GlanceItem | None: ...
@overload
def item_under_way(meeting: AnyMeeting) -> AnyItem | None: ...
def item_under_way(meeting: AnyMeeting) -> Any:
    """The item whose attendance counts now: the item under way while the meeting runs. Once it
    is closed none is (the record still names the last item, where a reopening resumes): the
    meeting's own attendance counts, not that of its last item."""
    if meeting.closed_at is not None:
        return None
    return meeting.current_item


def takes_part(meeting: AnyMeeting, item: AnyItem | None, person: AnyParticipant) -> bool:
    """Present now and not absent from or inhabil for the item."""
    if not person.is_present_now:
        return False
    return item is None or item.absence_of(person.id) is None


@overload
def eligible_voters(meeting: Meeting, item: AgendaItem | None) -> list[Participant]: ...
@overload
def eligible_voters(meeting: Glance, item: GlanceItem | None) -> list[GlanceParticipant]: ...
@overload
def eligible_voters(meeting: AnyMeeting, item: AnyItem | None) -> list[AnyParticipant]: ...
def eligible_voters(meeting: AnyMeeting, item: AnyItem | None) -> list[Any]:
    """Who may vote: present voting members and seated substitutes, not inhabil or departed.

    A substitute votes only while the member whose seat it takes is not there.
    """
    return _voters(meeting, lambda person: takes_part(meeting, item, person))


def _voters(meeting: AnyMeeting, there: Callable[[Any], bool]) -> list[Any]:
    """The voting members `there` says are there, and the substitutes among them whose seat's
    member is not: one rule for the quorum now and at a past moment."""
    voters: list[Any] = []
    for person in meeting.participants:
        if not person.votes or not there(person):
            continue
        if person.substitute_for is not None:
            seat_holder = meeting.participant(person.substitute_for)
            if seat_holder is not None and there(seat_holder):
                continue
        voters.append(person)
    return voters


@overload
def seat_taken_back(meeting: Meeting, person: Participant) -> Participant | None: ...
@overload
def seat_taken_back(meeting: Glance, person: GlanceParticipant) -> GlanceParticipant | None: ...
@overload
def seat_taken_back(meeting: AnyMeeting, person: AnyParticipant) -> AnyParticipant | None: ...
def seat_taken_back(meeting: AnyMeeting, person: AnyParticipant) -> Any:
    """The member back in the seat this substitute holds, or None. A seated substitute votes
    only while the member whose seat it takes is not there (ksl § 15)."""
    if person.substitute_for is None:
        return None
    holder = meeting.participant(person.substitute_for)
    if holder is None or not takes_part(meeting, None, holder):
        return None
    return holder


def quorum(meeting: AnyMeeting, item: AnyItem | None) -> Quorum:
    return _quorum_of(meeting, len(eligible_voters(meeting, item)))


def _quorum_of(meeting: AnyMeeting, present: int) -> Quorum:
    total = len(seats(meeting))
    return Quorum(present=present, needed=(total + 1) // 2, seats=total)


def count_ballots(ballots: Iterable[Ballot]) -> VoteCounts:
    from meetingtui.models import VoteCounts

    counter = Counter(b.choice for b in ballots)
    return VoteCounts(
        for_=counter[Choice.FOR], against=counter[Choice.AGAINST], abstain=counter[Choice.ABSTAIN]
    )


def result_of(counts: VoteCounts) -> VoteResult:
    """§ 11 stk. 3: adopted by a majority of the votes cast; abstentions do not count; a tie falls."""
    return VoteResult.ADOPTED if counts.for_ > counts.against else VoteResult.REJECTED


def election_outcome(ballots: Iterable[ElectionBallot], candidates: list[str]) -> ElectionOutcome:
    """Most votes wins; a tie at the top is reported with the tied names, never guessed."""
    votes = dict.fromkeys(candidates, 0)
    for ballot in ballots:
        votes[ballot.candidate] = votes.get(ballot.candidate, 0) + 1
    if not votes or max(votes.values()) == 0:
        return ElectionOutcome(elected=None, tied=(), votes=votes)
    top = max(votes.values())
    leaders = tuple(name for name, n in votes.items() if n == top)
    if len(leaders) > 1:
        return ElectionOutcome(elected=None, tied=leaders, votes=votes)
    return ElectionOutcome(elected=leaders[0], tied=(), votes=votes)


# Warnings of a state that stands until it changes (the header says it all along), not of
# the act that met it: said once when it begins, not again with every act while it lasts.
STANDING_WARNINGS = frozenset({"warn.quorum_lost", "warn.no_voting_members"})


def quorum_warnings(meeting: Meeting, item: AgendaItem | None) -> list[RuleWarning]:
    status = quorum(meeting, item)
    if status.met:
        return []
    if status.seats == 0:
        return [RuleWarning("warn.no_voting_members")]
    return [
        RuleWarning(
            "warn.quorum_lost",
            {"present": status.present, "needed": status.needed, "seats": status.seats},
        )
    ]


def membership_warnings(meeting: AnyMeeting) -> list[RuleWarning]:
    """What a meeting lacks before it can decide anything: voting members at all."""
    return [] if seats(meeting) else [RuleWarning("warn.no_voting_members")]


def amendment_order_warnings(item: AgendaItem, motion_id: int | None) -> list[RuleWarning]:
    """Amendments are voted on before the proposal they amend."""
    # An amendment without a target amends the item's indstilling, voted as motion None.
    voted = {v.motion_id for v in item.votes if not v.is_open}
    pending = [
        m
        for m in item.motions
        if m.kind is MotionKind.AENDRINGSFORSLAG and m.amends == motion_id and m.id not in voted
    ]
    if not pending:
        return []
    return [RuleWarning("warn.amendments_first", {"count": len(pending)})]


# A decision that reads as adopting the indstilling: "Godkendt.", "Tiltrådt.", "Anbefales.",
# "Indstillingen godkendt.", "Godkendt med den ændring, at ..." ("Ikke godkendt." does not).
_ADOPTS = re.compile(r"(indstillingen\s+(blev\s+)?)?(godkend|tiltr[aå]d|anbefal)", re.IGNORECASE)


def decision_vote_warnings(item: AgendaItem, text: str) -> list[RuleWarning]:
    """A decision that says the indstilling was adopted when the last vote on it fell (a
    quick pick pressed after the vote): said before it is recorded, for the referat would
    then say both."""
    on_indstilling = [
        vote
        for vote in item.votes
        if not vote.is_open
        and (
            (vote.motion_id is None and not vote.description)
            or any(
                m.id == vote.motion_id and m.kind is MotionKind.INDSTILLING for m in item.motions
            )
        )
    ]
    if not on_indstilling or not _ADOPTS.match(text.strip()):
        return []
    last = on_indstilling[-1]
    counts = last.counts or count_ballots(last.ballots)
    if (last.result or result_of(counts)) is not VoteResult.REJECTED:
        return []
    params = {"for_": counts.for_, "against": counts.against, "text": text.strip()}
    return [RuleWarning("warn.decision_against_vote", params)]


# "Gert Fabrin blev valgt som næstformand.", "... blev enstemmigt valgt ...".
_ELECTED = re.compile(r"(?P<name>\S.*?)\s+blev\s+(?:enstemmigt\s+)?valgt\b", re.IGNORECASE)


def decision_election_warnings(item: AgendaItem, text: str) -> list[RuleWarning]:
    """A decision that names someone elected when the election it names (its office in the
    same sentence; else the last under the item) elected no one (a tie) or another of its
    candidates: said before it is recorded."""
    closed = [e for e in item.elections if not e.is_open]
    warnings: list[RuleWarning] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()) if closed else []:
        said = _ELECTED.match(sentence)
        if said is None:
            continue
        rest = sentence[said.end() :]
        named = [e for e in closed if e.office.strip() and _names(rest, e.office)]
        election = (named or closed)[-1]
        params = {"office": election.office, "text": text.strip()}
        if election.elected is None:
            tied = join_names(election.tied) if election.tied else "-"
            warnings.append(
                RuleWarning("warn.decision_election_undecided", {**params, "tied": tied})
            )
        elif said.group("name").strip().casefold() in {
            c.casefold() for c in election.candidates if c != election.elected
        }:
            warnings.append(
                RuleWarning("warn.decision_election_other", {**params, "elected": election.elected})
            )
    # Two sentences naming one tie: said once (a warning's params are not hashable).
    return [w for n, w in enumerate(warnings) if w not in warnings[:n]]


def _names(text: str, word: str) -> bool:
    """Whether `text` has `word` as a word of its own ("formand" is not in "næstformand")."""
    return re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", text, re.IGNORECASE) is not None


def dissent_warnings(
    meeting: Meeting, item: AgendaItem, participant_id: int | None, kind: str
) -> list[RuleWarning]:
    """A dissent belongs to a member who took part in the decision: one who was at the meeting
    and not inhabil or absent for the item; a protokoltilførsel to one who voted against
    (§ 13 stk. 2). A member picked by mistake (one who sent afbud) is said before it counts."""
    person = meeting.participant(participant_id) if participant_id is not None else None
    if person is None:
        return []
    warnings = []
    absence = item.absence_of(person.id)
    came = any(m.kind is MovementKind.ARRIVED for m in person.movements)
    if person.attendance is not Attendance.PRESENT and not came:
        warnings.append(RuleWarning("warn.dissent_not_at_meeting", {"name": person.name}))
    elif absence is not None:
        warnings.append(RuleWarning(f"warn.dissent_{absence.kind.value}", {"name": person.name}))
    if kind == "protokoltilførsel" and not any(
        b.participant_id == person.id and b.choice is Choice.AGAINST
        for v in item.votes
        for b in v.ballots
    ):
        warnings.append(RuleWarning("warn.dissent_not_against"))
    return warnings


def inhabil_names(item: AgendaItem) -> list[str]:
    return [a.name for a in item.absences if a.kind is AbsenceKind.INHABIL]


def ineligibility_reason(
    meeting: Meeting, item: AgendaItem | None, person: Participant
) -> str | None:
    """Why `person` may not vote on `item` (a catalog key), or None when they may."""
    if not person.votes:
        return "refuse.reason_non_voting"
    if not person.is_present_now:
        return "refuse.reason_absent"
    absence = item.absence_of(person.id) if item is not None else None
    if absence is not None:
        if absence.kind is AbsenceKind.INHABIL:
            return "refuse.reason_inhabil"
        return "refuse.reason_item_absent"
    if person.substitute_for is not None:
        seat_holder = meeting.participant(person.substitute_for)
        if seat_holder is not None and takes_part(meeting, item, seat_holder):
            return "refuse.reason_seat_taken"
    return None


def no_longer_eligible(
    meeting: Meeting, item: AgendaItem, voter_ids: Iterable[int | None]
) -> list[int]:
    """Of these voters, those who may no longer vote on the item (left, inhabil, seat taken)."""
    stale = []
    for voter_id in voter_ids:
        person = meeting.participant(voter_id) if voter_id is not None else None
        if person is not None and ineligibility_reason(meeting, item, person) is not None:
            stale.append(person.id)
    return stale


def ineligible_ballots(meeting: Meeting, item: AgendaItem, vote: Vote) -> list[Ballot]:
    """Ballots cast by members who may no longer vote on the item."""
    stale = set(no_longer_eligible(meeting, item, (b.participant_id for b in vote.ballots)))
    return [b for b in vote.ballots if b.participant_id in stale]


@dataclass(frozen=True)
class LiveTally:
    """An open vote as it stands: only ballots of members who may vote now count."""

    counts: VoteCounts
    counted: int  # ballots that count
    stale: tuple[tuple[Ballot, str], ...]  # ballots that no longer count, with the reason key
    missing: int  # members who may vote and have not


def not_voted(
    meeting: Meeting, item: AgendaItem, voter_ids: Iterable[int | None]
) -> list[Participant]:
    """The members who may vote on the item now and have cast no ballot (`voter_ids`: those
    who did, in a vote or an election): what the chair is told before closing either."""
    voted = set(voter_ids)
    return [p for p in eligible_voters(meeting, item) if p.id not in voted]


def live_tally(meeting: Meeting, item: AgendaItem, vote: Vote) -> LiveTally:
    """What closing the vote now would count: a ballot cast by a member who has since left, become
    inhabil or given the seat back is named, not counted."""
    counting: list[Ballot] = []
    stale: list[tuple[Ballot, str]] = []
    for ballot in vote.ballots:
        person = meeting.participant(ballot.participant_id) if ballot.participant_id else None
        reason = ineligibility_reason(meeting, item, person) if person is not None else None
        if reason is None:
            counting.append(ballot)
        else:
            stale.append((ballot, reason))
    missing = len(not_voted(meeting, item, (b.participant_id for b in counting)))
    return LiveTally(count_ballots(counting), len(counting), tuple(stale), missing)


def took_part_in(meeting: Meeting, participant_id: int) -> AgendaItem | None:
    """The first item whose record shows the member there: a ballot cast, a vote in an
    election, a dissent of their own, a turn on the speakers' list. A roll-call answer that
    says they never came would contradict it."""
    for item in meeting.items:
        if (
            any(b.participant_id == participant_id for v in item.votes for b in v.ballots)
            or any(b.voter_id == participant_id for e in item.elections for b in e.ballots)
            or any(d.participant_id == participant_id for d in item.dissents)
            or any(
                s.participant_id == participant_id and s.started_at is not None
                for s in item.speakers
            )
        ):
            return item
    return None


def answer_needs_when(meeting: Meeting, person: Participant, attendance: Attendance) -> bool:
    """Whether a roll-call answer must say when: once an item has been taken up, an answer that
    changes whether the member is there may mean an arrival or departure now, or a roll call
    recorded wrong, and the two make different records of the items before."""
    return (
        meeting.status is MeetingStatus.OPEN
        and not person.movements
        and (person.attendance is Attendance.PRESENT) != (attendance is Attendance.PRESENT)
        and any(item.started_at is not None for item in meeting.items)
    )
