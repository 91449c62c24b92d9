"""The finishing step, the same for every reader: item numbers as the agenda means them ("01"
is item 1), what each decision says (attendance, status, votes, dissents, elections), referat
or dagsorden, who took part, and ids and links as a live meeting has them."""

from __future__ import annotations

from meetingtui.importers.attendance import parse_attendance
from meetingtui.importers.decisions import is_postponed
from meetingtui.importers.dissents import parse_dissents
from meetingtui.importers.elections import parse_elections
from meetingtui.importers.heads import plain_number
from meetingtui.importers.people import split_people, without_role
from meetingtui.importers.seats import Seat, missed_items
from meetingtui.importers.text import split_name
from meetingtui.importers.votes import parse_votes
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Dissent,
    DocumentKind,
    ItemAbsence,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Participant,
    Role,
    Vote,
)


def finish(meeting: Meeting, kind_word: str, *, unmarked_present: bool = True) -> Meeting:
    """Decisions → status, votes, dissents, elections, absences; referat or dagsorden; the
    attendance of members the source lists without a status; unique ids and links."""
    election_id = 0  # elections are numbered across the meeting, as live meetings do
    seats: list[Seat] = []
    remarked: list[tuple[str, list[str]]] = []
    for item in meeting.items:
        item.number = plain_number(item.number)
        if not item.decision:
            continue
        read_decision(item)
        # the substitutes the item's attendance lines name, under the decision or a heading,
        # and the members they name with the items they missed
        facts = parse_attendance("\n".join(item.attendance_notes))
        seats += facts.seats
        remarked += facts.some_items
        item.elections = parse_elections(item.decision, first_id=election_id + 1)
        election_id += len(item.elections)
    _items_remarked(meeting, remarked)
    decided = any(item.decision for item in meeting.items)
    meeting.state_kind(bool(kind_word))
    if decided or kind_word == "referat":
        meeting.document_kind = DocumentKind.REFERAT
        meeting.status = MeetingStatus.CLOSED
        _substitutes_from_items(meeting, seats)
        _attendance_from_items(meeting, unmarked_present=unmarked_present)
    else:
        meeting.document_kind = DocumentKind.DAGSORDEN
        meeting.status = MeetingStatus.PLANNED
    return number_and_link(meeting)


def read_decision(item: AgendaItem) -> None:
    """Attendance lines out of the decision text into absences and notes; status, votes and
    dissents from what remains."""
    facts = parse_attendance(item.decision)
    item.absences.extend(
        a for a in facts.absences
        if all(a.name != b.name or a.kind != b.kind for b in item.absences)
    )  # fmt: skip
    item.attendance_notes.extend(n for n in facts.notes if n not in item.attendance_notes)
    _drop_shadowed_absences(item)
    if facts.remaining and facts.remaining != item.decision:
        for entry in item.decision_history:
            if entry.text == item.decision:
                entry.text = facts.remaining  # the entry of this meeting reads as the decision
        item.decision = facts.remaining
    item.status = ItemStatus.POSTPONED if is_postponed(item.decision) else ItemStatus.DECIDED
    if item.status is ItemStatus.POSTPONED:
        item.postponed_reason = item.decision
    item.votes = parse_votes(item.decision)
    item.dissents = parse_dissents(item.decision)


def _items_remarked(meeting: Meeting, remarked: list[tuple[str, list[str]]]) -> None:
    """ "X deltog ikke i behandlingen af punkt 3-5" under any item's decision: X is absent from
    the meeting's items 3 to 5, whichever item the line stands under."""
    numbers = [item.number for item in meeting.items]
    for who, spec in remarked:
        found = split_people(who)  # "Signe Holm, F" as "Signe Holm (F)"
        name = without_role(found[0][0] if found else split_name(who)[0])[1]
        missed = missed_items(spec, numbers)
        for item in meeting.items:
            if name and item.number in missed and all(a.name != name for a in item.absences):
                item.absences.append(
                    ItemAbsence(
                        name=name, kind=AbsenceKind.ABSENT, reason="Deltog ikke i behandlingen"
                    )
                )


def _substitutes_from_items(meeting: Meeting, seats: list[Seat]) -> None:
    """ "Fraværende: Per Dam (Ø) - Karen Holm (Ø) mødte som stedfortræder", "Karen Holm (Ø)
    deltog som stedfortræder for Per Dam (Ø)" under a decision: the substitute took part,
    present in the member's seat. A meeting that lists its members gets the substitute; one
    that lists none gets the member named too, so that the seat is someone's."""
    listed = bool(meeting.participants)
    for seat in seats:
        name, affiliation = split_name(seat.substitute)
        absent, absent_party = split_name(seat.absent) if seat.absent else ("", "")
        if not name or _named(meeting, name):
            continue
        if absent and not listed and not _named(meeting, absent):
            _join(meeting, Participant(id=0, name=absent, affiliation=absent_party))
        whose = next((p.id for p in meeting.participants if p.name == absent), None)
        _join(
            meeting,
            Participant(
                id=0,
                name=name,
                affiliation=affiliation,
                role=Role.STEDFORTRAEDER,
                attendance=Attendance.PRESENT,
                substitute_for=whose,
            ),
        )


def _named(meeting: Meeting, name: str) -> bool:
    return any(p.name.casefold() == name.casefold() for p in meeting.participants)


def _join(meeting: Meeting, person: Participant) -> None:
    person.id = max((p.id for p in meeting.participants), default=0) + 1
    meeting.participants.append(person)


def _drop_shadowed_absences(item: AgendaItem) -> None:
    """ "X erklærede sig inhabil og deltog ikke ..." reads as inhabil X and absent "X ... og":
    the longer name that starts with an inhabil member's name is the same person."""
    inhabil = [a.name for a in item.absences if a.kind is AbsenceKind.INHABIL]
    item.absences = [
        a for a in item.absences
        if a.kind is AbsenceKind.INHABIL
        or not any(a.name != n and a.name.startswith(n + " ") for n in inhabil)
    ]  # fmt: skip


def _attendance_from_items(meeting: Meeting, *, unmarked_present: bool) -> None:
    """In a referat, a member listed without a status who is absent from every decided item
    was not at the meeting; otherwise, where the source records only absences, the member
    took part."""
    decided = [item for item in meeting.items if item.decision]
    link = {p.name.casefold(): p.id for p in meeting.participants}
    first_reasons: list[dict[int | None, str]] = []
    for item in decided:
        reasons: dict[int | None, str] = {}
        for absence in item.absences:
            pid = absence.participant_id or link.get(absence.name.casefold())
            reasons.setdefault(pid, absence.reason)
        first_reasons.append(reasons)
    for person in meeting.participants:
        if person.attendance is not Attendance.UNKNOWN:
            continue
        stated = [by_id.get(person.id) for by_id in first_reasons]
        if decided and all(r is not None and "inhabil" not in r.lower() for r in stated):
            afbud = any("afbud" in (r or "").lower() for r in stated)
            person.attendance = Attendance.AFBUD if afbud else Attendance.ABSENT
        elif unmarked_present and person.votes:
            person.attendance = Attendance.PRESENT


def number_and_link(meeting: Meeting) -> Meeting:
    """Give votes and dissents ids unique within the meeting (as live meetings number them) and
    link item absences, ballots and dissents to participants by name."""
    vote_id = dissent_id = 0
    by_name = {p.name.casefold(): p.id for p in meeting.participants}
    for item in meeting.items:
        for vote in item.votes:
            vote_id += 1
            vote.id = vote_id
        for dissent in item.dissents:
            dissent_id += 1
            dissent.id = dissent_id
        _link(item.absences, item.votes, item.dissents, by_name)
        _learn_affiliations(item, meeting.participants)
    return meeting


def _link(
    absences: list[ItemAbsence], votes: list[Vote], dissents: list[Dissent], by_name: dict[str, int]
) -> None:
    for absence in absences:
        if absence.participant_id is None:
            absence.participant_id = by_name.get(absence.name.casefold())
    for vote in votes:
        for ballot in vote.ballots:
            if ballot.participant_id is None:
                ballot.participant_id = by_name.get(ballot.name.casefold())
    for dissent in dissents:
        if dissent.participant_id is None:
            dissent.participant_id = by_name.get(split_name(dissent.who)[0].casefold())


def _learn_affiliations(item: AgendaItem, participants: list[Participant]) -> None:
    """A member listed without a party gets the one the referat writes after their name."""
    stated = {b.participant_id: b.affiliation for v in item.votes for b in v.ballots}
    for person in participants:
        if not person.affiliation and stated.get(person.id):
            person.affiliation = stated[person.id]


def unplaced_count(meeting: Meeting) -> int:
    """How many pieces of text an importer could not place, meeting and items together."""
    return len(meeting.unplaced) + sum(len(item.unplaced) for item in meeting.items)
