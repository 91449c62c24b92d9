"""FirstAgenda Publication JSON: `Udvalg`, `Moede` and `Dagsordenpunkter` with HTML fields.

Known quirks of the family: `IsOpen` is false on every item, so closed items are recognised by
their caption ("Lukket: ..."); sections are headings inside `Felter[].Html` (an <h3> "Beslutning"
and an <h3> "Fremstilling" with <h4> sections in it, or one field per section named by `Navn`);
the public text of a closed item is its decision without a heading; per-item absence lives in
`ExternalAgendaItemAttendees` and in "Fraværende: ..." lines of the decision. Keys are looked up
without regard to case because exports from other versions spell them differently.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from meetingtui.errors import InputError

if TYPE_CHECKING:
    from meetingtui.importers.source import Source
from meetingtui.importers import common
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    DecisionEntry,
    DocumentKind,
    ItemAbsence,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
)

FORMAT = "firstagenda-json"
_MARKERS = (b'"Dagsordenpunkter"', b'"dagsordenpunkter"', b'"DagsordenPunkter"')


def sniff(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[") and any(marker in data for marker in _MARKERS)


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """A key of a JSON object by any of `names`, ignoring case."""
    if not isinstance(obj, dict):
        return default
    for name in names:
        if obj.get(name) is not None:
            return obj[name]
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value is not None:
            return value
    return default


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    try:
        document = json.loads(common.decode_bytes(data))
    except json.JSONDecodeError as error:
        reason = f"{error.msg} (line {error.lineno})"
        raise InputError("import.error.json_invalid", reason=reason) from None
    except RecursionError:
        raise InputError("import.error.too_deep") from None
    documents = document if isinstance(document, list) else [document]
    meetings = [meeting_from(doc, source=source) for doc in documents if isinstance(doc, dict)]
    if not meetings:
        raise InputError("import.error.no_meetings")
    return meetings


# --------------------------------------------------------------------------- items


def field_blocks(fields: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """(lead text, blocks) of an item's fields: each (name, html) field is split at its headings;
    a named field is a section of its own."""
    lead_parts: list[str] = []
    blocks: list[tuple[str, str]] = []
    for name, html in fields:
        lead, inner = common.html_blocks(html) if html else ("", [])
        if name:
            blocks.append((name, lead))
        elif lead and re.search(r"\w", lead):
            if blocks:
                blocks[-1] = (blocks[-1][0], (blocks[-1][1] + "\n" + lead).strip())
            else:
                lead_parts.append(lead)
        blocks.extend(inner)
    return "\n".join(lead_parts).strip(), blocks


def build_item(
    item_id: int,
    number: str,
    title: str,
    *,
    case_number: str,
    lead: str,
    blocks: list[tuple[str, str]],
    attachments: list[str],
    attendees: list[tuple[str, str]],
    participants: list[Participant],
) -> AgendaItem:
    """One FirstAgenda item from its text blocks; shared by the JSON and HTML importers."""
    history: list[DecisionEntry] = []
    kept: list[tuple[str, str]] = []
    for heading, text in blocks:
        if common.heading_kind(heading) == "history" and (
            entries := common.parse_case_history(text)
        ):
            history.extend(entries)
        elif heading or text:
            kept.append((heading, text))
    closed, _ = common.closed_marker(title)
    has_decision = any(common.heading_kind(h) == "decision" for h, _ in kept)
    if closed and lead and not has_decision:
        # The public text of a closed FirstAgenda item is its decision, given without a heading.
        kept.insert(0, ("Beslutning", lead))
        lead = ""
    item = common.assemble_item(
        item_id,
        number,
        title,
        case_number=case_number,
        blocks=kept,
        lead=lead,
        participants=participants,
    )
    # An empty heading such as "Fremstilling" only groups the sections after it.
    item.sections = [s for s in item.sections if s.text]
    item.attachments.extend(a for a in attachments if a not in item.attachments)
    if history:
        own = item.decision_history or (
            [DecisionEntry(text=item.decision)] if item.decision else []
        )
        item.decision_history = history + own
    for name, reason in attendees:
        clean, _aff = common.split_name(name)
        kind = AbsenceKind.INHABIL if "inhabil" in reason.lower() else AbsenceKind.ABSENT
        if clean and all(a.name != clean or a.kind is not kind for a in item.absences):
            item.absences.append(ItemAbsence(name=clean, kind=kind, reason=reason))
    common.link_participants(item.absences, participants)
    return item


# --------------------------------------------------------------------------- meeting


def _participants(raw: Any) -> list[Participant]:
    participants: list[Participant] = []
    for entry in raw if isinstance(raw, list) else []:
        name, affiliation = common.split_name(_text(_get(entry, "Name", "Navn")))
        if not name:
            continue
        attendance = Attendance.UNKNOWN
        if _get(entry, "ParticipationCancelled", "Afbud") is True:
            attendance = Attendance.AFBUD
        elif _get(entry, "Absent", "Fravaerende") is True:
            attendance = Attendance.FRAVAERENDE
        participants.append(
            Participant(
                id=len(participants) + 1,
                name=name,
                affiliation=affiliation,
                attendance=attendance,
            )
        )
    return participants


def meeting_from(doc: dict[str, Any], *, source: str = "") -> Meeting:
    committee = _get(doc, "Udvalg", "Committee")
    moede = _get(doc, "Moede", "Meeting") or {}
    raw_items = _get(doc, "Dagsordenpunkter", "AgendaItems")
    if not isinstance(raw_items, list):
        raise InputError("import.error.json_shape", field="Dagsordenpunkter")
    body = _text(_get(committee, "Navn", "Name")) if isinstance(committee, dict) else ""
    if not body:
        raise InputError("import.error.json_shape", field="Udvalg.Navn")
    when = _text(_get(moede, "Dato", "MeetingBeginUtc", "Date"))
    starts_at = common.parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    ends_at = common.parse_datetime(_text(_get(moede, "MeetingEndUtc", "Slut")))
    participants = _participants(_get(moede, "Moededeltagere", "Participants"))

    ordered = sorted(
        (entry for entry in raw_items if isinstance(entry, dict)),
        key=lambda entry: (
            _get(entry, "Sorting") if isinstance(_get(entry, "Sorting"), int) else 10**9
        ),
    )
    items: list[AgendaItem] = []
    for entry in ordered:
        fields = [
            (_text(_get(f, "Navn", "Name")), _text(_get(f, "Html", "Tekst", "Text")))
            for f in _get(entry, "Felter", "Fields", default=[])
            if isinstance(f, dict)
        ]
        lead, blocks = field_blocks(fields)
        decision = _text(_get(entry, "ItemDecision"))
        if decision:
            blocks.append(("Beslutning", common.html_to_text(decision)))
        attachments = [
            _text(_get(b, "Navn", "Name"))
            for b in _get(entry, "Bilag", "Attachments", default=[]) or []
            if isinstance(b, dict) and _text(_get(b, "Navn", "Name"))
        ]
        attendees = [
            (_text(_get(a, "Name", "Navn")), _text(_get(a, "Reason", "Aarsag")) or "Fraværende")
            for a in _get(entry, "ExternalAgendaItemAttendees", default=[]) or []
            if isinstance(a, dict)
        ]
        item = build_item(
            len(items) + 1,
            _text(_get(entry, "Number", "Punktnummer")) or str(len(items) + 1),
            _text(_get(entry, "Caption", "Navn", "Title")),
            case_number=_text(_get(entry, "CaseNumber", "SagsNummer")),
            lead=lead,
            blocks=blocks,
            attachments=attachments,
            attendees=attendees,
            participants=participants,
        )
        item.unplaced.extend(_unknown_text(entry))
        items.append(item)
    named = f"{_text(_get(moede, 'Navn', 'Name'))} {_text(_get(moede, 'Description'))}"
    meeting = Meeting(
        body=body,
        title=_meeting_title(moede),
        kind=MeetingKind.EKSTRAORDINAERT
        if "ekstraordin" in named.lower()
        else MeetingKind.ORDINAERT,
        starts_at=starts_at,
        ends_at=ends_at,
        location=_text(_get(moede, "Sted", "Location")),
        participants=participants,
        items=items,
        source=source,
    )
    return finish(meeting)


_KNOWN_ITEM_KEYS = {
    "number", "punktnummer", "caption", "navn", "title", "casenumber", "sagsnummer", "felter",
    "fields", "bilag", "attachments", "externalagendaitemattendees", "itemdecision", "sorting",
    "isopen", "id", "integrationuid", "corporationuid", "agendauid", "sourceid",
    "casepresentationuid", "lydfiler", "ressourcer", "presentations", "documents",
}  # fmt: skip


def _unknown_text(entry: dict[str, Any]) -> list[str]:
    """Text in item fields this importer does not know (other export versions): kept as
    unplaced rather than dropped. Identifiers and links have no spaces and are skipped."""
    found = []
    for key, value in entry.items():
        if str(key).lower() in _KNOWN_ITEM_KEYS or not isinstance(value, str):
            continue
        text = common.html_to_text(value)
        if " " in text.strip() and len(text) > 20 and not text.startswith("http"):
            found.append(f"{key}: {text}")
    return found


def _meeting_title(moede: Any) -> str:
    """The meeting's own title; "Dagsorden"/"Referat" only name the document kind."""
    name = _text(_get(moede, "Navn", "Name"))
    if name.lower() in ("dagsorden", "referat", "beslutningsprotokol"):
        name = ""
    if _get(moede, "IsSupplementaryAgenda") is True:
        name = name or "Tillægsdagsorden"
    return _text(_get(moede, "Description")) or name


def finish(meeting: Meeting) -> Meeting:
    """Referat or dagsorden, meeting-level attendance read from the items, unique ids."""
    decided = [item for item in meeting.items if item.decision]
    meeting.document_kind = DocumentKind.REFERAT if decided else DocumentKind.DAGSORDEN
    meeting.status = MeetingStatus.CLOSED if decided else MeetingStatus.PLANNED
    if decided:
        # Per decided item, the reason of each participant's first absence entry: one pass over
        # the absences instead of one per participant and item.
        first_reasons: list[dict[int | None, str]] = []
        for item in decided:
            reasons_by_id: dict[int | None, str] = {}
            for absence in item.absences:
                reasons_by_id.setdefault(absence.participant_id, absence.reason)
            first_reasons.append(reasons_by_id)
        for person in meeting.participants:
            if person.attendance is not Attendance.UNKNOWN:
                continue
            reasons = [by_id.get(person.id) for by_id in first_reasons]
            if all(r is not None and "inhabil" not in r.lower() for r in reasons):
                # Absent from every decided item: the member was not at the meeting.
                afbud = any("afbud" in (r or "").lower() for r in reasons)
                person.attendance = Attendance.AFBUD if afbud else Attendance.FRAVAERENDE
            else:
                person.attendance = Attendance.PRESENT
    return common.finish_meeting(meeting)


def read(data: bytes, *, source: str = "") -> list[Source]:
    from meetingtui.importers.source import Source

    return [Source([], record=meeting) for meeting in parse(data, source=source)]
