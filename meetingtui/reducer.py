"""Events applied to the meeting record. The same code runs live and on replay (undo, verify).

Each event type has one function that mutates the `Meeting` and says what it touched, so
storage rewrites only those rows. Validation happens before, in the command API: here an
event is a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from meetingtui import rules
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Ballot,
    Choice,
    Dissent,
    Election,
    ElectionBallot,
    ItemAbsence,
    ItemSession,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Motion,
    Movement,
    MovementKind,
    Participant,
    Reopening,
    Role,
    Vote,
)
from meetingtui.storage.touched import Touched

Payload = dict[str, Any]
Reducer = Callable[[Meeting, Payload, datetime], Touched]
REDUCERS: dict[str, Reducer] = {}

# Events that replace the whole meeting; they start a meeting's history and cannot be undone.
ORIGIN_EVENTS = ("meeting_created", "meeting_imported")


def reducer(name: str) -> Callable[[Reducer], Reducer]:
    def register(fn: Reducer) -> Reducer:
        REDUCERS[name] = fn
        return fn

    return register


def apply(meeting: Meeting, type_: str, payload: Payload, at: datetime) -> Touched:
    return REDUCERS[type_](meeting, payload, at)


UNDO_EVENT = "undone"


def effective(
    events: list[tuple[int, str, Payload, datetime]],
) -> list[tuple[int, str, Payload, datetime]]:
    """The events that still count: `undone` events cancel the event they name."""
    cancelled = {payload["seq"] for _, type_, payload, _ in events if type_ == UNDO_EVENT}
    return [e for e in events if e[1] != UNDO_EVENT and e[0] not in cancelled]


def replay(events: list[tuple[int, str, Payload, datetime]]) -> Meeting:
    """Build a meeting from its whole history (seq, type, payload, at), undos included."""
    live = effective(events)
    if not live or live[0][1] not in ORIGIN_EVENTS:
        raise ValueError("a meeting's history starts with its creation or import")
    meeting = Meeting.model_validate(live[0][2]["meeting"])
    meeting.id = live[0][2].get("meeting_id", meeting.id)
    for _, type_, payload, at in live[1:]:
        apply(meeting, type_, payload, at)
    return meeting


def _item(meeting: Meeting, item_id: int) -> AgendaItem:
    item = meeting.item(item_id)
    assert item is not None, item_id
    return item


def _person(meeting: Meeting, participant_id: int) -> Participant:
    person = meeting.participant(participant_id)
    assert person is not None, participant_id
    return person


@reducer("meeting_opened")
def _opened(m: Meeting, p: Payload, at: datetime) -> Touched:
    m.status, m.opened_at = MeetingStatus.OPEN, at
    return Touched(meeting=True)


@reducer("attendance_set")
def _attendance(m: Meeting, p: Payload, at: datetime) -> Touched:
    person = _person(m, p["participant_id"])
    person.attendance = Attendance(p["attendance"])
    return Touched(participants=True)


@reducer("substitute_seated")
def _substitute(m: Meeting, p: Payload, at: datetime) -> Touched:
    m.participants.append(
        Participant(
            id=p["participant_id"],
            name=p["name"],
            affiliation=p["affiliation"],
            role=Role.STEDFORTRAEDER,
            votes=True,
            attendance=Attendance.PRESENT,
            substitute_for=p["for"],
        )
    )
    return Touched(participants=True)


def _move(m: Meeting, p: Payload, at: datetime, kind: MovementKind) -> Touched:
    _person(m, p["participant_id"]).movements.append(
        Movement(kind=kind, at=at, item_id=p.get("item_id"))
    )
    return Touched(participants=True)


@reducer("arrived")
def _arrived(m: Meeting, p: Payload, at: datetime) -> Touched:
    # Arrivals recorded before the arrival said "present" keep the roll-call answer they had.
    if "attendance" in p:
        _person(m, p["participant_id"]).attendance = Attendance(p["attendance"])
    return _move(m, p, at, MovementKind.ARRIVED)


@reducer("left")
def _left(m: Meeting, p: Payload, at: datetime) -> Touched:
    return _move(m, p, at, MovementKind.LEFT)


def end_session(m: Meeting, at: datetime) -> None:
    """The stretch of treatment under way, if any, ends at `at`."""
    for session in m.item_sessions:
        if session.ended_at is None:
            session.ended_at = at


def _seed_sessions(m: Meeting) -> None:
    """A meeting begun before sessions were kept: its items' times so far, one stretch each in
    the order they began, as the record has them."""
    if m.item_sessions:
        return
    begun = sorted(
        (i for i in enumerate(m.items) if i[1].started_at is not None),
        key=lambda i: (i[1].started_at, i[0]),
    )
    m.item_sessions = [
        ItemSession(item_id=item.id, started_at=item.started_at, ended_at=item.ended_at)
        for _, item in begun
        if item.started_at is not None
    ]


def _leave_current_item(m: Meeting, at: datetime, touched: Touched) -> None:
    """The item under way stops its clock; undecided, it goes back to pending."""
    end_session(m, at)
    current = m.current_item
    if current is None:
        return
    current.ended_at = at
    if current.status is ItemStatus.CURRENT:
        current.status = ItemStatus.PENDING
    touched.items.add(current.id)


@reducer("item_started")
def _started(m: Meeting, p: Payload, at: datetime) -> Touched:
    touched = Touched(meeting=True)
    # Events recorded since sessions are kept say so; an older record's items keep only their
    # first start and last end, and a postponed item stays postponed (each replays to exactly
    # what its tables hold).
    sessions = bool(p.get("session"))
    if sessions:
        _seed_sessions(m)
    _leave_current_item(m, at, touched)
    item = _item(m, p["item_id"])
    if item.started_at is None:
        item.started_at = at
    item.ended_at = None
    if sessions:
        m.item_sessions.append(ItemSession(item_id=item.id, started_at=at))
    if item.status is ItemStatus.PENDING:
        item.status = ItemStatus.CURRENT
    elif sessions and item.status is ItemStatus.POSTPONED:
        # A postponed item taken up again is under treatment: the postponement no longer
        # stands (the agenda said "udsat" over the item being debated). Ctrl+Z takes it back.
        item.status, item.postponed_reason = ItemStatus.CURRENT, ""
    m.current_item_id = item.id
    touched.items.add(item.id)
    return touched


@reducer("decision_recorded")
def _decision(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.decision, item.status = p["text"], ItemStatus.DECIDED
    # Decisions recorded since items keep their moment say so; an earlier release's have none
    # (each replays to exactly what its tables hold). A decision recorded again (its text
    # mended, the item taken up again) is the one the record keeps, so its moment is too.
    item.decided_at = at if p.get("stamped") else None
    return Touched(items={item.id})


@reducer("public_decision_set")
def _public_decision(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.public_decision = p["text"]
    return Touched(items={item.id})


@reducer("item_postponed")
def _postponed(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.status, item.postponed_reason = ItemStatus.POSTPONED, p.get("reason", "")
    if p.get("clears_decision"):
        item.decision, item.decided_at = "", None
    return Touched(items={item.id})


@reducer("motion_added")
def _motion(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.motions.append(
        Motion(
            id=p["motion_id"],
            kind=p["kind"],
            text=p["text"],
            proposer=p.get("proposer", ""),
            amends=p.get("amends"),
        )
    )
    return Touched(children={(item.id, "motions")})


@reducer("vote_opened")
def _vote_opened(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.votes.append(
        Vote(id=p["vote_id"], motion_id=p.get("motion_id"), description=p.get("description", ""))
    )
    return Touched(votes={p["vote_id"]})


@reducer("ballots_cast")
def _ballots(m: Meeting, p: Payload, at: datetime) -> Touched:
    found = m.find_vote(p["vote_id"])
    assert found is not None
    _, vote = found
    positions = {b.participant_id: n for n, b in enumerate(vote.ballots)}
    touched = Touched()
    for cast in p["ballots"]:
        person = _person(m, cast["participant_id"])
        ballot = Ballot(
            participant_id=person.id,
            name=person.name,
            affiliation=person.affiliation,
            choice=Choice(cast["choice"]),
        )
        if person.id in positions:
            vote.ballots[positions[person.id]] = ballot
        else:
            positions[person.id] = len(vote.ballots)
            vote.ballots.append(ballot)
        touched.ballots.add((vote.id, positions[person.id]))
    return touched


@reducer("ballot_changed")
def _ballot_changed(m: Meeting, p: Payload, at: datetime) -> Touched:
    """Ballots already cast, changed on purpose; the event keeps the old and the new choice."""
    found = m.find_vote(p["vote_id"])
    assert found is not None
    _, vote = found
    positions = {b.participant_id: n for n, b in enumerate(vote.ballots)}
    touched = Touched()
    for change in p["changes"]:
        position = positions[change["participant_id"]]
        vote.ballots[position].choice = Choice(change["to"])
        touched.ballots.add((vote.id, position))
    return touched


@reducer("vote_closed")
def _vote_closed(m: Meeting, p: Payload, at: datetime) -> Touched:
    found = m.find_vote(p["vote_id"])
    assert found is not None
    _, vote = found
    vote.is_open = False
    discarded = set(p.get("discarded", []))
    vote.ballots = [b for b in vote.ballots if b.participant_id not in discarded]
    vote.counts = rules.count_ballots(vote.ballots)
    vote.result = rules.result_of(vote.counts)
    return Touched(votes={vote.id})


@reducer("election_opened")
def _election_opened(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.elections.append(
        Election(id=p["election_id"], office=p["office"], candidates=p["candidates"], is_open=True)
    )
    return Touched(children={(item.id, "elections")})


def _found_election(m: Meeting, election_id: int) -> tuple[AgendaItem, Election]:
    found = m.find_election(election_id)
    assert found is not None
    return found


@reducer("election_ballot_cast")
def _election_ballot(m: Meeting, p: Payload, at: datetime) -> Touched:
    """A member names a candidate; naming another later replaces the first ballot."""
    item, election = _found_election(m, p["election_id"])
    person = _person(m, p["voter_id"])
    ballot = ElectionBallot(voter_id=person.id, voter=person.name, candidate=p["candidate"])
    for n, cast in enumerate(election.ballots):
        if cast.voter_id == person.id:
            election.ballots[n] = ballot
            break
    else:
        election.ballots.append(ballot)
    return Touched(children={(item.id, "elections")})


@reducer("election_closed")
def _election_closed(m: Meeting, p: Payload, at: datetime) -> Touched:
    item, election = _found_election(m, p["election_id"])
    discarded = set(p.get("discarded", []))
    election.ballots = [b for b in election.ballots if b.voter_id not in discarded]
    outcome = rules.election_outcome(election.ballots, election.candidates)
    election.elected = outcome.elected
    election.tied = list(outcome.tied)
    election.is_open = False
    return Touched(children={(item.id, "elections")})


@reducer("election_held")
def _election_held(m: Meeting, p: Payload, at: datetime) -> Touched:
    """An election taken whole (the command line and older records)."""
    item = _item(m, p["item_id"])
    ballots = [
        ElectionBallot(
            voter_id=b["voter_id"], voter=_person(m, b["voter_id"]).name, candidate=b["candidate"]
        )
        for b in p["ballots"]
    ]
    outcome = rules.election_outcome(ballots, p["candidates"])
    item.elections.append(
        Election(
            id=p["election_id"],
            office=p["office"],
            candidates=p["candidates"],
            ballots=ballots,
            elected=outcome.elected,
            tied=list(outcome.tied),
            acclamation=p.get("acclamation", False),
        )
    )
    return Touched(children={(item.id, "elections")})


@reducer("dissent_added")
def _dissent(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.dissents.append(
        Dissent(
            id=p["dissent_id"],
            kind=p["kind"],
            participant_id=p.get("participant_id"),
            who=p["who"],
            text=p["text"],
        )
    )
    return Touched(children={(item.id, "dissents")})


@reducer("item_absence_set")
def _absence(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    person = _person(m, p["participant_id"])
    item.absences = [a for a in item.absences if a.participant_id != person.id]
    item.absences.append(
        ItemAbsence(
            participant_id=person.id,
            name=person.name,
            kind=AbsenceKind(p["kind"]),
            reason=p.get("reason", ""),
        )
    )
    return Touched(children={(item.id, "item_absences")})


@reducer("item_absence_cleared")
def _absence_cleared(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.absences = [a for a in item.absences if a.participant_id != p["participant_id"]]
    return Touched(children={(item.id, "item_absences")})


@reducer("meeting_closed")
def _closed(m: Meeting, p: Payload, at: datetime) -> Touched:
    touched = Touched(meeting=True)
    _leave_current_item(m, at, touched)
    m.status, m.closed_at = MeetingStatus.CLOSED, at
    return touched


@reducer("minutes_approved")
def _approved(m: Meeting, p: Payload, at: datetime) -> Touched:
    m.status, m.approved_at = MeetingStatus.APPROVED, at
    return Touched(meeting=True)


# An imported meeting's item numbers written as its import now writes them ("01" -> "1"): the
# event the database's migration of an earlier release's imports appends (storage.schema).
ITEM_NUMBERS_PLAIN = "item_numbers_plain"


@reducer(ITEM_NUMBERS_PLAIN)
def _numbers_plain(m: Meeting, p: Payload, at: datetime) -> Touched:
    for item_id, number in p["numbers"]:
        _item(m, item_id).number = number
    return Touched(items={item_id for item_id, _number in p["numbers"]})


# The speakers' list, agenda changes and time corrections keep their events beside their
# rules; importing them registers them (replay and verify need every event type).
import meetingtui.agenda_changes  # noqa: E402
import meetingtui.corrections  # noqa: E402
import meetingtui.item_join  # noqa: E402
import meetingtui.speakers  # noqa: E402, F401


@reducer("meeting_reopened")
def _reopened(m: Meeting, p: Payload, at: datetime) -> Touched:
    """A closed or approved meeting opened again, with the reason; the end and the approval
    are taken back and every referat printed before is superseded."""
    closed_at = m.closed_at
    m.reopenings.append(
        Reopening(
            at=at,
            reason=p["reason"],
            from_status=MeetingStatus(p["from"]),
            superseded_head=p.get("superseded_head", ""),
        )
    )
    m.status, m.closed_at, m.approved_at = MeetingStatus.OPEN, None, None
    # Reopenings recorded since the item closed on resumes say so; an earlier release's leave
    # the item ended (each replays to exactly what its tables hold).
    if p.get("resumes_item"):
        own = p.get("own_clock") and p.get("resumes_at")
        _resume_item(m, closed_at, datetime.fromisoformat(p["resumes_at"]) if own else at)
    return Touched(everything=True)


def _resume_item(m: Meeting, closed_at: datetime | None, resumes: datetime) -> None:
    """The item under way when the meeting closed is under way again from `resumes` (where the
    meeting's clock goes on): on its own clock its stretch simply goes on, on the wall clock a
    new stretch begins. An item that had ended before the close is not under way: none is."""
    item = m.current_item
    if item is None:
        return
    if item.ended_at is None or item.ended_at != closed_at:
        m.current_item_id = None
        return
    _seed_sessions(m)
    sessions = m.sessions_of(item)
    if sessions and sessions[-1].ended_at == resumes:
        sessions[-1].ended_at = None
    else:
        m.item_sessions.append(ItemSession(item_id=item.id, started_at=resumes))
    item.ended_at = None
    if item.status is ItemStatus.PENDING:
        item.status = ItemStatus.CURRENT
