"""SBSYS "Publication" XML: `Agenda{Meeting{When, Until, Where, Members}, Committee, Items}`.

Each `Item` has `Number`, `Caption`, `IsPublic`, `Case/Number`, `Enclosures` and
`Fields/ItemField{Caption, Content, IsFeedback, Index}`, where `Content` is HTML and decision
fields carry `IsFeedback=True`. Other versions of the schema differ in element order, optional
elements and namespaces, so elements are found by local name, case-insensitively, wherever they
sit below their parent. A publication may hold several agendas; each becomes a meeting.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from meetingtui.dates import parse_date, parse_datetime
from meetingtui.errors import InputError
from meetingtui.importers import html
from meetingtui.importers.decisions import entry_head
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.importers.text import normalise_space, split_name, split_person
from meetingtui.importers.xmlsafe import child, children, element_text, is_true, parse_xml
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    DecisionEntry,
    ItemAbsence,
    Meeting,
    Participant,
    Role,
)

FORMAT = "sbsys-xml"


def sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    return (b"<Publication" in head or b"<Agenda" in data[:65536]) and b"<Item" in data


def read(data: bytes, *, source: str = "") -> list[Source]:
    root = parse_xml(data)
    agendas = (
        [root]
        if str(root.tag).lower() == "agenda"
        else [element for element in root.iter() if str(element.tag).lower() == "agenda"]
    )
    agendas = [a for a in agendas if child(a, "Items") is not None or child(a, "Meeting")]
    if not agendas:
        raise InputError("import.error.xml_shape", field="Agenda")
    return [_source(agenda) for agenda in agendas]


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


# --------------------------------------------------------------------------- participants

_PRESENT = re.compile(r"^(participat|attend|present|deltager|deltog|til stede)", re.I)
_ABSENT = re.compile(r"(not|non|ikke|absent|cancel|declin|afbud|fravær|udebl)", re.I)
_UNDECIDED = re.compile(
    r"decided|unknown|ikke\s+(?:bestemt|afklaret|besvaret)|ubestemt|afventer", re.I
)


def _attendance(status: str, note: str, value: str = "") -> Attendance:
    said = f"{status} {note}".lower()
    if _UNDECIDED.search(status) or (not status and value.strip() == "0"):
        # "NotDecided" / "Ikke bestemt" (value 0): nobody has answered yet.
        return Attendance.UNKNOWN if not note else _attendance("", note)
    if not status and value.strip() in ("1", "4"):
        return Attendance.PRESENT  # the values SBSYS uses for taking part
    if "afbud" in said:
        return Attendance.AFBUD
    if "fravær" in said:
        return Attendance.ABSENT
    if _ABSENT.search(status):
        return Attendance.AFBUD
    if _PRESENT.search(status):
        return Attendance.PRESENT
    return Attendance.UNKNOWN


def _participant(number: int, said: str, attendance: Attendance) -> Participant | None:
    """A member as the XML names them ("Bo Hansen (A) (Formand)"); None without a name."""
    name, affiliation, role = split_person(said)
    if not name:
        return None
    role = role or Role.MEDLEM
    return Participant(
        id=number,
        name=name,
        affiliation=affiliation,
        role=role,
        votes=role.votes_by_default,
        attendance=attendance,
    )


def _participants(agenda: Element, meeting: Element | None) -> list[Participant]:
    participants: list[Participant] = []
    members = children(child(meeting, "Members"), "MeetingMember")
    if members:
        for member in members:
            attendance = _attendance(
                element_text(member, "ParticipationStatusAsText"),
                element_text(member, "ParticipationNote"),
                element_text(member, "ParticipationStatusAsValue"),
            )
            found = _participant(len(participants) + 1, element_text(member, "Name"), attendance)
            if found:
                participants.append(found)
        return participants
    committee = child(agenda, "Committee")
    for member in children(child(committee, "Members"), "CommitteeMember"):
        said = element_text(child(member, "Member"), "Name")
        found = _participant(len(participants) + 1, said, Attendance.UNKNOWN)
        if found:
            participants.append(found)
    return participants


# --------------------------------------------------------------------------- items


def _field_index(field: Element, position: int) -> tuple[int, int]:
    raw = element_text(field, "Index")
    return (int(raw), position) if raw.isdigit() else (10**9, position)


def _item_blocks(element: Element) -> list[Block]:
    """The item's fields in their order: each caption a heading, decision fields marked as
    decisions by `IsFeedback`."""
    fields = sorted(
        enumerate(children(child(element, "Fields"), "ItemField")),
        key=lambda pair: _field_index(pair[1], pair[0]),
    )
    out: list[Block] = []
    for _position, field in fields:
        caption = normalise_space(element_text(field, "Caption"))
        content = html.blocks(element_text(field, "Content"), level_offset=2)
        if not content:
            continue
        feedback = is_true(element_text(field, "IsFeedback"))
        if caption or feedback:
            role = "decision" if feedback else ""
            out.append(Block(caption or "Beslutning", level=2, bold=True, role=role))
        out.extend(content)
    return out


def _item_start(element: Element, participants: list[Participant]) -> ItemStart:
    case = child(element, "Case")
    case_number = element_text(case, "Number")
    if not case_number:
        # Some versions only give "16/1234 - Title".
        combined = element_text(case, "NumberAndTitle")
        case_number = combined.split(" - ", 1)[0].strip() if " - " in combined else ""
    public = element_text(element, "IsPublic")
    number = element_text(element, "Number") or element.get("Nummer") or element.get("Number")
    attachments = [
        element_text(enclosure, "Name") or element_text(enclosure, "FileName")
        for enclosure in children(child(element, "Enclosures"), "Enclosure")
    ]
    return ItemStart(
        number=number or "",
        title=element_text(element, "Caption")
        or element_text(element, "Title")
        or element_text(element, "Name"),
        case_number=case_number,
        closed=(not is_true(public)) if public else None,
        attachments=[a for a in attachments if a],
        absences=_item_absences(element, participants),
        earlier=_item_history(element),
    )


def _item_history(element: Element) -> list[DecisionEntry]:
    """Decisions of earlier meetings (`ItemHistory`, newer versions): each entry has a
    `Caption`, HTML `Content` and `MeetingDetails{CommitteeName, MeetingDueDate}`."""
    history = child(element, "ItemHistory")
    if history is None:
        return []
    entries = [history] if child(history, "Content") is not None else list(history)
    found = []
    for entry in entries:
        text = "\n".join(b.text for b in html.blocks(element_text(entry, "Content")))
        if not text:
            continue
        details = child(entry, "MeetingDetails")
        body = element_text(details, "CommitteeName")
        when = element_text(details, "MeetingDueDate") or element_text(details, "MeetingDate")
        caption = element_text(entry, "Caption")
        if not body and caption:
            body, when = entry_head(caption, marked=True) or ("", when)
        parsed = parse_date(when) if when else None
        found.append(
            DecisionEntry(
                body=body, date=parsed.strftime("%d-%m-%Y") if parsed else when, text=text
            )
        )
    return found


def _item_absences(element: Element, participants: list[Participant]) -> list[ItemAbsence]:
    """Members marked as not taking part in this item, unless absent from the meeting."""
    away = {
        p.name.casefold()
        for p in participants
        if p.attendance in (Attendance.AFBUD, Attendance.ABSENT)
    }
    found: list[ItemAbsence] = []
    for member in children(child(element, "Members"), "ItemMember"):
        status = element_text(member, "ParticipationStatusAsText")
        note = element_text(member, "ParticipationNote")
        said = _attendance(status, note, element_text(member, "ParticipationStatusAsValue"))
        name, _aff = split_name(element_text(member, "Name"))
        if not name or name.casefold() in away:
            continue
        if "inhabil" in note.lower():
            kind = AbsenceKind.INHABIL
        elif said in (Attendance.AFBUD, Attendance.ABSENT):
            kind = AbsenceKind.ABSENT
        else:
            continue
        if all(a.name != name for a in found):
            found.append(ItemAbsence(name=name, kind=kind, reason=note or status))
    return found


# --------------------------------------------------------------------------- meeting


def _source(agenda: Element) -> Source:
    meeting_el = child(agenda, "Meeting")
    committee = child(agenda, "Committee")
    body = element_text(committee, "Name") or element_text(agenda, "Name")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee/Name")
    when = (
        element_text(meeting_el, "When")
        or element_text(meeting_el, "Start")
        or element_text(meeting_el, "Date")
    )
    starts_at = parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    participants = _participants(agenda, meeting_el)
    facts = HeaderFacts(
        body=body,
        starts_at=starts_at,
        ends_at=parse_datetime(
            element_text(meeting_el, "Until") or element_text(meeting_el, "End")
        ),
        location=element_text(meeting_el, "Where")
        or element_text(meeting_el, "Location")
        or element_text(committee, "DefaultMeetingPlace"),
        participants=participants,
        unmarked_present=False,  # "Ikke bestemt": nobody has answered; it stays unknown
    )
    blocks: list[Block] = []
    for element in children(child(agenda, "Items"), "Item"):
        blocks.append(Block("", item=_item_start(element, participants)))
        blocks.extend(_item_blocks(element))
    return Source(blocks, facts=facts)
