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
from typing import Any

from meetingtui.dates import parse_datetime
from meetingtui.errors import InputError
from meetingtui.importers import html
from meetingtui.importers.built import built
from meetingtui.importers.people import listed_people
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.importers.text import decode_bytes, split_name
from meetingtui.models import AbsenceKind, Attendance, ItemAbsence, Meeting, Participant

FORMAT = "firstagenda-json"
_MARKERS = (b'"Dagsordenpunkter"', b'"dagsordenpunkter"', b'"DagsordenPunkter"')


def sniff(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[") and any(marker in data for marker in _MARKERS)


def get(obj: Any, *names: str, default: Any = None) -> Any:
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


def read(data: bytes, *, source: str = "") -> list[Source]:
    text = decode_bytes(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        # Python's reason is English; the archivist gets where, and whether the file simply stops.
        stops = error.msg.startswith("Unterminated") or error.pos >= len(text.rstrip())
        key = "import.error.json_truncated" if stops else "import.error.json_invalid"
        raise InputError(key, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise InputError("import.error.too_deep") from None
    documents = document if isinstance(document, list) else [document]
    sources = [_source(doc) for doc in documents if isinstance(doc, dict)]
    if not sources:
        raise InputError("import.error.no_meetings")
    return sources


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def _source(doc: dict[str, Any]) -> Source:
    committee = get(doc, "Udvalg", "Committee")
    moede = get(doc, "Moede", "Meeting") or {}
    raw_items = get(doc, "Dagsordenpunkter", "AgendaItems")
    if not isinstance(raw_items, list):
        raise InputError("import.error.json_shape", field="Dagsordenpunkter")
    body = _text(get(committee, "Navn", "Name")) if isinstance(committee, dict) else ""
    if not body:
        raise InputError("import.error.json_shape", field="Udvalg.Navn")
    when = _text(get(moede, "Dato", "MeetingBeginUtc", "Date"))
    starts_at = parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    named = f"{_text(get(moede, 'Navn', 'Name'))} {_text(get(moede, 'Description'))}"
    facts = HeaderFacts(
        body=body,
        title=_meeting_title(moede),
        starts_at=starts_at,
        ends_at=parse_datetime(_text(get(moede, "MeetingEndUtc", "Slut"))),
        location=_text(get(moede, "Sted", "Location")),
        extraordinary="ekstraordin" in named.lower(),
        participants=_participants(get(moede, "Moededeltagere", "Participants")),
    )
    ordered = sorted(
        (entry for entry in raw_items if isinstance(entry, dict)),
        key=lambda entry: (
            get(entry, "Sorting") if isinstance(get(entry, "Sorting"), int) else 10**9
        ),
    )
    blocks: list[Block] = []
    for entry in ordered:
        blocks.append(Block("", item=_item_start(entry, len(blocks))))
        blocks.extend(item_blocks(entry))
    return Source(blocks, facts=facts)


def _item_start(entry: dict[str, Any], position: int) -> ItemStart:
    attachments = [
        _text(get(b, "Navn", "Name"))
        for b in get(entry, "Bilag", "Attachments", default=[]) or []
        if isinstance(b, dict) and _text(get(b, "Navn", "Name"))
    ]
    absences = []
    for attendee in get(entry, "ExternalAgendaItemAttendees", default=[]) or []:
        if not isinstance(attendee, dict):
            continue
        name, _aff = split_name(_text(get(attendee, "Name", "Navn")))
        reason = _text(get(attendee, "Reason", "Aarsag")) or "Fraværende"
        kind = AbsenceKind.INHABIL if "inhabil" in reason.lower() else AbsenceKind.ABSENT
        if name:
            absences.append(built(ItemAbsence, name=name, kind=kind, reason=reason))
    return ItemStart(
        number=_text(get(entry, "Number", "Punktnummer")),
        title=_text(get(entry, "Caption", "Navn", "Title")),
        case_number=_text(get(entry, "CaseNumber", "SagsNummer")),
        closed=None,  # IsOpen is false on every item of real exports: the caption tells
        attachments=attachments,
        absences=absences,
        unplaced=_unknown_text(entry),
    )


def item_blocks(entry: dict[str, Any]) -> list[Block]:
    """The item's text: each field's HTML, a named field under its name as a heading."""
    out: list[Block] = []
    for field in get(entry, "Felter", "Fields", default=[]) or []:
        if not isinstance(field, dict):
            continue
        name = _text(get(field, "Navn", "Name"))
        content = _text(get(field, "Html", "Tekst", "Text"))
        if name:
            out.append(Block(name, level=2, bold=True))
        out.extend(html.blocks(content, level_offset=1 if name else 0))
    decision = _text(get(entry, "ItemDecision"))
    if decision:
        out.append(Block("Beslutning", level=2, bold=True))
        out.extend(html.blocks(decision, level_offset=1))
    return out


def _participants(raw: Any) -> list[Participant]:
    entries: list[tuple[str, Attendance | None]] = []
    for entry in raw if isinstance(raw, list) else []:
        attendance = None
        if get(entry, "ParticipationCancelled", "Afbud") is True:
            attendance = Attendance.AFBUD
        elif get(entry, "Absent", "Fravaerende") is True:
            attendance = Attendance.ABSENT
        entries.append((_text(get(entry, "Name", "Navn")), attendance))
    return listed_people(entries)


_KNOWN_ITEM_KEYS = {
    "number",
    "punktnummer",
    "caption",
    "navn",
    "title",
    "casenumber",
    "sagsnummer",
    "felter",
    "fields",
    "bilag",
    "attachments",
    "externalagendaitemattendees",
    "itemdecision",
    "sorting",
    "isopen",
    "id",
    "integrationuid",
    "corporationuid",
    "agendauid",
    "sourceid",
    "casepresentationuid",
    "lydfiler",
    "ressourcer",
    "presentations",
    "documents",
}


def _unknown_text(entry: dict[str, Any]) -> list[str]:
    """Text in item fields this reader does not know (other export versions): kept as
    unplaced rather than dropped. Identifiers and links have no spaces and are skipped."""
    found = []
    for key, value in entry.items():
        if str(key).lower() in _KNOWN_ITEM_KEYS or not isinstance(value, str):
            continue
        text = "\n".join(b.text for b in html.blocks(value))
        if " " in text.strip() and len(text) > 20 and not text.startswith("http"):
            found.append(f"{key}: {text}")
    return found


def _meeting_title(moede: Any) -> str:
    """The meeting's own title; "Dagsorden"/"Referat" only name the document kind."""
    name = _text(get(moede, "Navn", "Name"))
    if name.lower() in ("dagsorden", "referat", "beslutningsprotokol"):
        name = ""
    if get(moede, "IsSupplementaryAgenda") is True:
        name = name or "Tillægsdagsorden"
    return _text(get(moede, "Description")) or name
