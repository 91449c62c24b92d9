"""One item per file: systems that publish each item of a meeting as a document of its own.

Each such file reads as a meeting with one item. Files of the same meeting (the same body on
the same day, the same kind of document) imported together are one meeting again: its items in number order, its header
facts taken from whichever file states them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from meetingtui.models import AgendaItem, Attendance, DocumentKind, Meeting, MeetingStatus


def is_item_file(meetings: Sequence[Meeting]) -> bool:
    """A file that holds one meeting with one item."""
    return len(meetings) == 1 and len(meetings[0].items) == 1


def _key(meeting: Meeting) -> tuple[str, str]:
    return (" ".join(meeting.body.casefold().split()), meeting.starts_at.date().isoformat())


def undecided_unnamed(meeting: Meeting) -> bool:
    """A one-item file that names no kind ("Referat", "Dagsorden") and decides nothing: read
    as a dagsorden, but it may as well be an item its referat left undecided (postponed, or its
    decision field left empty)."""
    return (
        meeting.document_kind is DocumentKind.DAGSORDEN
        and not meeting.kind_stated
        and not any(item.decision for item in meeting.items)
    )


def groups(meetings: Sequence[Meeting]) -> list[list[int]]:
    """Indexes of the meetings that are one meeting: the same body on the same day, at the
    same time when both state one, and the same kind of document. A file that names no kind
    and decides nothing goes with the dagsorden of its meeting, else with the referat, unless
    the referat decides an item of its number: then it stands alone, after the referat, and
    the referat stored first refuses it (a file without a decision never takes the place of a
    decided item)."""
    found: dict[tuple[str, str], list[list[int]]] = {}
    later: list[int] = []
    for index, meeting in enumerate(meetings):
        if undecided_unnamed(meeting):
            later.append(index)
            continue
        candidates = found.setdefault(_key(meeting), [])
        home = next((g for g in candidates if _one_meeting(meetings[g[0]], meeting)), None)
        if home is None:
            candidates.append([index])
        else:
            home.append(index)
    alone: list[list[int]] = []
    for index in later:
        meeting = meetings[index]
        candidates = [
            g for g in found.setdefault(_key(meeting), []) if _same_time(meetings[g[0]], meeting)
        ]
        agenda = [g for g in candidates if meetings[g[0]].document_kind is meeting.document_kind]
        referat = [g for g in candidates if meetings[g[0]].document_kind is DocumentKind.REFERAT]
        if agenda:
            agenda[0].append(index)
        elif referat and not _decides(meetings, referat[0], meeting.items[0].number):
            referat[0].append(index)
        elif referat:
            alone.append([index])
        else:
            found[_key(meeting)].append([index])
    return [group for candidates in found.values() for group in candidates] + alone


def _one_meeting(a: Meeting, b: Meeting) -> bool:
    return _same_time(a, b) and a.document_kind is b.document_kind


def _decides(meetings: Sequence[Meeting], group: list[int], number: str) -> bool:
    from meetingtui.importers.heads import plain_number

    return any(
        plain_number(item.number) == plain_number(number) and item.decision
        for i in group
        for item in meetings[i].items
    )


def _same_time(a: Meeting, b: Meeting) -> bool:
    midnight = (a.starts_at.hour, a.starts_at.minute) == (0, 0) or (
        b.starts_at.hour,
        b.starts_at.minute,
    ) == (0, 0)
    return midnight or a.starts_at == b.starts_at


def number_order(number: str) -> tuple[int, str]:
    """Items in number order: "3" before "3a" before "10"; a number without digits last."""
    match = re.match(r"\d+", number)
    return (int(match.group()) if match else 10**9, number)


def merge(meetings: Sequence[Meeting]) -> Meeting:
    """One meeting from the item files of one meeting: items in number order (an item that
    comes twice is kept once), header facts from the first file that states each."""
    first = meetings[0].model_copy(deep=True)
    items: dict[tuple[str, str, str], AgendaItem] = {}
    for meeting in meetings:
        for item in meeting.items:
            key = (item.number, item.title.casefold(), item.case_number)
            items.setdefault(key, item.model_copy(deep=True))
    first.items = sorted(items.values(), key=lambda i: number_order(i.number))
    for n, item in enumerate(first.items, start=1):
        item.id = n
    for meeting in meetings[1:]:
        if (first.starts_at.hour, first.starts_at.minute) == (0, 0):
            first.starts_at = meeting.starts_at
        first.ends_at = first.ends_at or meeting.ends_at
        first.location = first.location or meeting.location
        first.title = first.title or meeting.title
        _merge_people(first, meeting)
        first.unplaced.extend(u for u in meeting.unplaced if u not in first.unplaced)
        if meeting.document_kind is DocumentKind.REFERAT:
            first.document_kind = DocumentKind.REFERAT
            first.status = MeetingStatus.CLOSED
    first.source = ", ".join(dict.fromkeys(m.source for m in meetings if m.source))
    _renumber_records(first)
    return first


def _merge_people(into: Meeting, other: Meeting) -> None:
    for person in other.participants:
        known = next((p for p in into.participants if p.name == person.name), None)
        if known is None:
            copy = person.model_copy(deep=True)
            copy.id = into.next_id("participant")
            copy.substitute_for = None
            into.participants.append(copy)
        elif known.attendance is Attendance.UNKNOWN:
            known.attendance = person.attendance


def _renumber_records(meeting: Meeting) -> None:
    """Votes and dissents numbered across the meeting, links to its participants again."""
    from meetingtui.importers.finish import number_and_link

    by_name = {p.name.casefold(): p.id for p in meeting.participants}
    election_id = 0
    for item in meeting.items:
        for election in item.elections:
            election_id += 1
            election.id = election_id
        for absence in item.absences:
            absence.participant_id = by_name.get(absence.name.casefold())
        for vote in item.votes:
            for ballot in vote.ballots:
                ballot.participant_id = by_name.get(ballot.name.casefold())
        for dissent in item.dissents:
            dissent.participant_id = None
    number_and_link(meeting)
