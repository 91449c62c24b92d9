"""A one-item file imported after its meeting: the item joins the meeting already archived.

Some systems publish each item of a meeting as a file of its own, and an archivist may get
item 7 a week after importing items 1-6. Such a file belongs to the IMPORTED meeting of the
same body on the same day (at the same time when both state one, and of the same kind of
document): its item is added there in number order, never to a meeting recorded live in
meetingtui. Like every change of a record it is a command: validated against the committed
record, then its `item_imported` event and the state in one transaction, replayed by undo
and `verify` like any other event.

The same item again (the same number, and the same file or the same text) is already
present. The same number with another text is refused and changes nothing: an archived
record is never overwritten by a file that disagrees with it. One exception: an item that an
earlier file added without a decision (the item as its dagsorden had it) gives way to a file
of the same item, same title, that holds its decision; the referat's own items never do.

A file that names no kind of document and has no decision reads as a dagsorden, yet it may be
an item its referat left undecided (postponed, its decision field empty): with no dagsorden of
the meeting in the archive, it joins the referat, undecided. It never replaces an item the
referat holds, and a file that calls itself a dagsorden never joins a referat.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from enum import StrEnum
from typing import Any

from meetingtui.clock import Clock, local_now
from meetingtui.errors import CommandRefused
from meetingtui.models import (
    AgendaItem,
    Attendance,
    DocumentKind,
    Meeting,
    OcrNote,
    Participant,
)
from meetingtui.reducer import Payload, effective, reducer
from meetingtui.storage.touched import Touched

ITEM_IMPORTED = "item_imported"
IMPORT_ORIGIN = "meeting_imported"


class Joined(StrEnum):
    """What joining a file did to its meeting."""

    ADDED = "added"
    REPLACED = "replaced"  # an undecided item an earlier file added, replaced by its decision
    PRESENT = "present"  # the meeting holds the item already: nothing changed


# Keys that link records to each other inside one meeting: renumbered when an item moves
# into another meeting, so they say nothing about what the item says.
_LINKS = frozenset({"id", "item_id", "participant_id", "voter_id", "motion_id", "amends"})


def _number(number: str) -> str:
    """The item number compared: "01" stored by an earlier import is item 1 of a file today."""
    from meetingtui.importers.heads import plain_number

    return plain_number(" ".join(number.casefold().split()))


def _body(body: str) -> str:
    return " ".join(body.casefold().split())


def _midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute) == (0, 0)


def _order(number: str) -> tuple[int, str]:
    from meetingtui.importers.itemfiles import number_order

    return number_order(number)


def meeting_label(meeting: Meeting) -> str:
    """ "Økonomiudvalget den 12. marts 2024": the meeting as the archivist names it."""
    from meetingtui.i18n import t
    from meetingtui.i18n.dates import long_date

    return t("import.meeting_label", body=meeting.body, date=long_date(meeting.starts_at.date()))


# --- which meeting ---------------------------------------------------------------------------


def _origin(conn: sqlite3.Connection, meeting_id: int) -> str:
    row = conn.execute(
        "SELECT type FROM events WHERE meeting_id = ? ORDER BY seq LIMIT 1", (meeting_id,)
    ).fetchone()
    return row[0] if row else ""


def kind_fits(stored: DocumentKind, parsed: Meeting) -> bool:
    """The file's kind of document fits the meeting's: the same kind, or an undecided item
    that names no kind and a referat (never a dagsorden item to a referat that names itself
    one, never a referat item to a dagsorden)."""
    from meetingtui.importers.itemfiles import undecided_unnamed

    return stored is parsed.document_kind or (
        stored is DocumentKind.REFERAT and undecided_unnamed(parsed)
    )


def home_meeting(conn: sqlite3.Connection, meeting: Meeting) -> int | None:
    """The imported meeting the one-item `meeting` belongs to, or None. A meeting of the same
    kind comes first; an undecided item that names no kind goes to the referat of its meeting
    when there is no dagsorden of it. CommandRefused when it fits more than one (two meetings
    of the body that day, and the file states no time)."""
    day = meeting.starts_at.date().isoformat()
    rows = conn.execute(
        "SELECT id, body, starts_at, document_kind FROM meetings "
        "WHERE substr(starts_at, 1, 10) = ? AND document_kind != ?",
        (day, DocumentKind.LIVE.value),
    ).fetchall()
    same_kind: list[int] = []
    other_kind: list[int] = []
    for meeting_id, body, starts_at, kind in rows:
        when = datetime.fromisoformat(starts_at)
        same_time = _midnight(when) or _midnight(meeting.starts_at) or when == meeting.starts_at
        if (
            _body(body) == _body(meeting.body)
            and kind_fits(DocumentKind(kind), meeting)
            and same_time
            and _origin(conn, meeting_id) == IMPORT_ORIGIN
        ):
            (same_kind if kind == meeting.document_kind.value else other_kind).append(meeting_id)
    fits = same_kind or other_kind
    if len(fits) > 1:
        raise CommandRefused(
            "refuse.item_file_ambiguous",
            number=meeting.items[0].number,
            meeting=meeting_label(meeting),
            count=len(fits),
        )
    return fits[0] if fits else None


# --- is it there already ---------------------------------------------------------------------


def _content(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _content(v) for k, v in value.items() if k not in _LINKS}
    if isinstance(value, list):
        return [_content(v) for v in value]
    return value


def same_content(a: AgendaItem, b: AgendaItem) -> bool:
    """The two items say the same (their ids and links inside their meetings aside)."""
    first, second = _content(a.model_dump(mode="json")), _content(b.model_dump(mode="json"))
    first["number"], second["number"] = _number(a.number), _number(b.number)
    return bool(first == second)


def file_hashes(history: list[tuple[int, str, Payload, datetime]]) -> dict[str, set[str]]:
    """Item number -> content hashes of the files that brought that item, from the events
    that still count (an undone addition brought nothing)."""
    found: dict[str, set[str]] = {}
    for _seq, type_, payload, _at in effective(history):
        if type_ == IMPORT_ORIGIN:
            hashes = dict(payload.get("item_hashes") or {})
            items = payload["meeting"].get("items", [])
            if not hashes and len(items) == 1 and payload.get("content_hash"):
                hashes = {items[0]["number"]: payload["content_hash"]}  # a one-item file alone
        elif type_ == ITEM_IMPORTED:
            hashes = {payload["item"]["number"]: payload["content_hash"]}
        else:
            continue
        for number, brought in hashes.items():
            found.setdefault(_number(number), set()).update(
                brought if isinstance(brought, list) else [brought]
            )
    return found


def joined_item_ids(history: list[tuple[int, str, Payload, datetime]]) -> set[int]:
    """The items that files joined to the meeting (not the meeting's own document's)."""
    return {p["item_id"] for _seq, type_, p, _at in effective(history) if type_ == ITEM_IMPORTED}


def _replaceable(old: AgendaItem, new: AgendaItem, joined: set[int]) -> bool:
    """An undecided item a file joined, and the same item (same title) with its decision."""
    same_title = " ".join(old.title.casefold().split()) == " ".join(new.title.casefold().split())
    return bool(new.decision) and not old.decision and old.id in joined and same_title


# --- the event --------------------------------------------------------------------------------


def _position(meeting: Meeting, number: str) -> int:
    """After the last item with a lower number: closed items printed last stay last."""
    order = _order(number)
    lower = [n for n, item in enumerate(meeting.items) if _order(item.number) < order]
    return lower[-1] + 1 if lower else 0


def _renumber(meeting: Meeting, item: AgendaItem, people: dict[str, int]) -> None:
    """The item's records get ids free in `meeting` and link to its participants by name."""
    from meetingtui.importers.text import split_name

    item.id = meeting.next_id("item")
    motions = {m.id: meeting.next_id("motion") + n for n, m in enumerate(item.motions)}
    for motion in item.motions:
        motion.id = motions[motion.id]
        motion.amends = motions.get(motion.amends) if motion.amends is not None else None
    for n, vote in enumerate(item.votes):
        vote.id = meeting.next_id("vote") + n
        vote.motion_id = motions.get(vote.motion_id) if vote.motion_id is not None else None
        for ballot in vote.ballots:
            ballot.participant_id = people.get(ballot.name.casefold())
    for n, election in enumerate(item.elections):
        election.id = meeting.next_id("election") + n
        for cast in election.ballots:
            cast.voter_id = people.get(cast.voter.casefold())
    for n, dissent in enumerate(item.dissents):
        dissent.id = meeting.next_id("dissent") + n
        # "Dorte Eg (F)" or a party: linked by name, as the importer links them.
        dissent.participant_id = people.get(split_name(dissent.who)[0].casefold())
    for n, speaker in enumerate(item.speakers):
        speaker.id = meeting.next_id("speaker") + n
        speaker.participant_id = people.get(speaker.name.casefold())
    for absence in item.absences:
        absence.participant_id = people.get(absence.name.casefold())


def _facts(meeting: Meeting, parsed: Meeting) -> dict[str, Any]:
    """Header facts the meeting lacks and the file states; nothing stated is replaced."""
    facts: dict[str, Any] = {}
    for name in ("location", "title", "municipality"):
        if not getattr(meeting, name) and getattr(parsed, name):
            facts[name] = getattr(parsed, name)
    if meeting.ends_at is None and parsed.ends_at is not None:
        facts["ends_at"] = parsed.ends_at.isoformat()
    if _midnight(meeting.starts_at) and not _midnight(parsed.starts_at):
        facts["starts_at"] = parsed.starts_at.isoformat()
    if meeting.ocr is None and parsed.ocr is not None:
        facts["ocr"] = parsed.ocr.model_dump(mode="json")
    sources = [s for s in meeting.source.split(", ") if s]
    if parsed.source and parsed.source not in sources:
        facts["source"] = ", ".join([*sources, parsed.source])
    return facts


def item_payload(meeting: Meeting, parsed: Meeting, content_hash: str) -> Payload:
    """The `item_imported` event adding the one item of `parsed` to `meeting`: the item with
    its final ids, the file's people the meeting did not list, and the header facts the meeting
    lacks. Everything the reducer needs is in it, so replay gives exactly this state."""
    known = {p.name.casefold(): p for p in meeting.participants}
    next_id = meeting.next_id("participant")
    added: list[Participant] = []
    attendance: list[dict[str, Any]] = []
    ids: dict[int, int] = {}
    for person in parsed.participants:
        existing = known.get(person.name.casefold())
        if existing is None:
            copy = person.model_copy(deep=True)
            copy.id, next_id = next_id, next_id + 1
            ids[person.id] = copy.id
            known[copy.name.casefold()] = copy
            added.append(copy)
            continue
        ids[person.id] = existing.id
        if (
            existing.attendance is Attendance.UNKNOWN
            and person.attendance is not Attendance.UNKNOWN
        ):
            attendance.append(
                {"participant_id": existing.id, "attendance": person.attendance.value}
            )
    for copy in added:
        copy.substitute_for = ids.get(copy.substitute_for) if copy.substitute_for else None
    item = parsed.items[0].model_copy(deep=True)
    _renumber(meeting, item, {name: p.id for name, p in known.items()})
    return {
        "item_id": item.id,
        "item": item.model_dump(mode="json"),
        "position": _position(meeting, item.number),
        "content_hash": content_hash,
        "participants": [p.model_dump(mode="json") for p in added],
        "attendance": attendance,
        "meeting": _facts(meeting, parsed),
        "unplaced": [u for u in parsed.unplaced if u not in meeting.unplaced],
    }


@reducer(ITEM_IMPORTED)
def _item_imported(m: Meeting, p: Payload, at: datetime) -> Touched:
    if "replaces" in p:  # the undecided item a file added earlier, at the same place
        m.items = [i for i in m.items if i.id != p["replaces"]]
    m.items.insert(p["position"], AgendaItem.model_validate(p["item"]))
    m.participants.extend(Participant.model_validate(person) for person in p["participants"])
    for change in p["attendance"]:
        person = m.participant(change["participant_id"])
        assert person is not None, change
        person.attendance = Attendance(change["attendance"])
    facts = p["meeting"]
    for name in ("location", "title", "municipality", "source"):
        if name in facts:
            setattr(m, name, facts[name])
    for name in ("starts_at", "ends_at"):
        if name in facts:
            setattr(m, name, datetime.fromisoformat(facts[name]))
    if "ocr" in facts:
        m.ocr = OcrNote.model_validate(facts["ocr"])
    m.unplaced.extend(p["unplaced"])
    return Touched(everything=True)


# --- the command ------------------------------------------------------------------------------


def join_item(
    conn: sqlite3.Connection,
    meeting_id: int,
    parsed: Meeting,
    *,
    content_hash: str,
    clock: Clock = local_now,
) -> Joined:
    """Add the one item of the imported file `parsed` to the imported meeting `meeting_id`.

    ADDED, REPLACED when it took the place of the undecided item an earlier file added, PRESENT
    when the meeting already holds it (the same number, and the same file or the same text).
    CommandRefused, changing nothing, when the file is not one item of this meeting or the
    meeting holds another text under the number.
    """
    from meetingtui.reducer import apply
    from meetingtui.storage import events, records, search_index
    from meetingtui.storage.db import transaction
    from meetingtui.verify import checked_meeting

    if len(parsed.items) != 1:
        raise CommandRefused("refuse.item_file_not_one_item", count=len(parsed.items))
    item = parsed.items[0]
    with transaction(conn):
        meeting = checked_meeting(conn, meeting_id)[0]
        name = meeting_label(meeting)
        if _origin(conn, meeting_id) != IMPORT_ORIGIN or meeting.document_kind is DocumentKind.LIVE:
            raise CommandRefused("refuse.item_file_live_meeting", meeting=name)
        if (
            _body(meeting.body) != _body(parsed.body)
            or meeting.starts_at.date() != parsed.starts_at.date()
            or not kind_fits(meeting.document_kind, parsed)
        ):
            raise CommandRefused(
                "refuse.item_file_other_meeting", meeting=name, file=meeting_label(parsed)
            )
        same_number = [i for i in meeting.items if _number(i.number) == _number(item.number)]
        replaces: int | None = None
        if same_number:
            history = [
                (e.seq, e.type, e.payload, datetime.fromisoformat(e.at))
                for e in events.meeting_events(conn, meeting_id)
            ]
            if content_hash in file_hashes(history).get(_number(item.number), set()) or any(
                same_content(existing, item) for existing in same_number
            ):
                return Joined.PRESENT
            if not item.decision and any(existing.decision for existing in same_number):
                # The referat's item has its decision; a file without one (the item as the
                # dagsorden had it) never takes its place.
                raise CommandRefused("refuse.item_file_undecided", number=item.number, meeting=name)
            if len(same_number) != 1 or not _replaceable(
                same_number[0], item, joined_item_ids(history)
            ):
                raise CommandRefused("refuse.item_file_differs", number=item.number, meeting=name)
            replaces = same_number[0].id
        payload = item_payload(meeting, parsed, content_hash)
        if replaces is not None:
            payload["replaces"] = replaces
        at = clock()
        events.append(conn, meeting_id, ITEM_IMPORTED, at.isoformat(), payload)
        touched = apply(meeting, ITEM_IMPORTED, payload, at)
        records.write_touched(conn, meeting, touched)
        search_index.index_meeting(conn, meeting_id)
    return Joined.ADDED if replaces is None else Joined.REPLACED
