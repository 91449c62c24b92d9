"""SBSYS "Publication" XML: `Agenda{Meeting{When, Until, Where, Members}, Committee, Items}`.

Each `Item` has `Number`, `Caption`, `IsPublic`, `Case/Number`, `Enclosures` and
`Fields/ItemField{Caption, Content, IsFeedback, Index}`, where `Content` is HTML and decision
fields carry `IsFeedback=True`. Other versions of the schema differ in element order, optional
elements and namespaces, so elements are found by local name, case-insensitively, wherever they
sit below their parent. A publication may hold several agendas; each becomes a meeting.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

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
    MeetingStatus,
    Participant,
)

FORMAT = "sbsys-xml"


def sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    return (b"<Publication" in head or b"<Agenda" in data[:65536]) and b"<Item" in data


def _children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    lowered = name.lower()
    return [child for child in element if str(child.tag).lower() == lowered]


def _child(element: Element | None, *names: str) -> Element | None:
    for name in names:
        found = _children(element, name)
        if found:
            return found[0]
    return None


def _text(element: Element | None, *names: str) -> str:
    child = _child(element, *names) if names else element
    if child is None:
        return ""
    return "".join(child.itertext()).strip()


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "ja", "yes")


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    root = common.parse_xml(data)
    agendas = (
        [root]
        if str(root.tag).lower() == "agenda"
        else [element for element in root.iter() if str(element.tag).lower() == "agenda"]
    )
    agendas = [a for a in agendas if _child(a, "Items") is not None or _child(a, "Meeting")]
    if not agendas:
        raise InputError("import.error.xml_shape", field="Agenda")
    return [_meeting(agenda, source=source) for agenda in agendas]


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
        return Attendance.FRAVAERENDE
    if _ABSENT.search(status):
        return Attendance.AFBUD
    if _PRESENT.search(status):
        return Attendance.PRESENT
    return Attendance.UNKNOWN


def _participants(agenda: Element, meeting: Element | None) -> list[Participant]:
    members = _children(_child(meeting, "Members"), "MeetingMember")
    participants: list[Participant] = []
    if members:
        for member in members:
            name, affiliation = common.split_name(_text(member, "Name"))
            if not name:
                continue
            participants.append(
                Participant(
                    id=len(participants) + 1,
                    name=name,
                    affiliation=affiliation,
                    attendance=_attendance(
                        _text(member, "ParticipationStatusAsText"),
                        _text(member, "ParticipationNote"),
                        _text(member, "ParticipationStatusAsValue"),
                    ),
                )
            )
        return participants
    committee = _child(agenda, "Committee")
    for member in _children(_child(committee, "Members"), "CommitteeMember"):
        name, affiliation = common.split_name(_text(_child(member, "Member"), "Name"))
        if name:
            participants.append(
                Participant(id=len(participants) + 1, name=name, affiliation=affiliation)
            )
    return participants


# --------------------------------------------------------------------------- items


def _field_index(field: Element, position: int) -> tuple[int, int]:
    raw = _text(field, "Index")
    return (int(raw), position) if raw.isdigit() else (10**9, position)


def _item(element: Element, item_id: int, participants: list[Participant]) -> AgendaItem:
    fields = sorted(
        enumerate(_children(_child(element, "Fields"), "ItemField")),
        key=lambda pair: _field_index(pair[1], pair[0]),
    )
    lead: list[str] = []
    blocks: list[tuple[str, str]] = []
    decisions: list[DecisionEntry] = []
    for _position, field in fields:
        caption = common.normalise_space(_text(field, "Caption"))
        text = common.html_to_text(_text(field, "Content"))
        if _true(_text(field, "IsFeedback")) or common.heading_kind(caption) == "decision":
            if text:
                entry_body, entry_date = common.decision_entry_head(caption)
                decisions.append(DecisionEntry(body=entry_body, date=entry_date, text=text))
            continue
        if not text:
            continue
        if caption:
            blocks.append((caption, text))
        else:
            lead.append(text)
    case = _child(element, "Case")
    case_number = _text(case, "Number")
    if not case_number:
        # Some versions only give "16/1234 - Title".
        combined = _text(case, "NumberAndTitle")
        case_number = combined.split(" - ", 1)[0].strip() if " - " in combined else ""
    public = _text(element, "IsPublic")
    number = _text(element, "Number") or element.get("Nummer") or element.get("Number")
    item = common.assemble_item(
        item_id,
        number or str(item_id),
        _text(element, "Caption", "Title", "Name"),
        case_number=case_number,
        blocks=blocks,
        lead="\n".join(lead),
        closed=(not _true(public)) if public else None,
        participants=participants,
    )
    common.apply_decisions(item, decisions, participants)
    history = _item_history(element)
    if history:
        own = item.decision_history or (
            [DecisionEntry(body=decisions[-1].body, date=decisions[-1].date, text=item.decision)]
            if item.decision
            else []
        )
        item.decision_history = history + own
    for enclosure in _children(_child(element, "Enclosures"), "Enclosure"):
        name = _text(enclosure, "Name") or _text(enclosure, "FileName")
        if name:
            item.attachments.append(name)
    _item_absences(element, item, participants)
    return item


def _item_history(element: Element) -> list[DecisionEntry]:
    """Decisions of earlier meetings (`ItemHistory`, newer versions): each entry has a
    `Caption`, HTML `Content` and `MeetingDetails{CommitteeName, MeetingDueDate}`."""
    history = _child(element, "ItemHistory")
    if history is None:
        return []
    entries = [history] if _child(history, "Content") is not None else list(history)
    found = []
    for entry in entries:
        text = common.html_to_text(_text(entry, "Content"))
        if not text:
            continue
        details = _child(entry, "MeetingDetails")
        body = _text(details, "CommitteeName")
        when = _text(details, "MeetingDueDate", "MeetingDate")
        caption = _text(entry, "Caption")
        if not body and caption:
            body, when = common.decision_entry_head(caption)
        parsed = common.parse_date(when) if when else None
        found.append(
            DecisionEntry(
                body=body, date=parsed.strftime("%d-%m-%Y") if parsed else when, text=text
            )
        )
    return found


def _item_absences(element: Element, item: AgendaItem, participants: list[Participant]) -> None:
    """Members marked as not taking part in this item, unless already absent from the meeting."""
    away = {
        p.name.casefold()
        for p in participants
        if p.attendance in (Attendance.AFBUD, Attendance.FRAVAERENDE)
    }
    for member in _children(_child(element, "Members"), "ItemMember"):
        status = _text(member, "ParticipationStatusAsText")
        note = _text(member, "ParticipationNote")
        said = _attendance(status, note, _text(member, "ParticipationStatusAsValue"))
        name, _aff = common.split_name(_text(member, "Name"))
        if not name or name.casefold() in away:
            continue
        if "inhabil" in note.lower():
            kind = AbsenceKind.INHABIL
        elif said in (Attendance.AFBUD, Attendance.FRAVAERENDE):
            kind = AbsenceKind.ABSENT
        else:
            continue
        if all(a.name != name for a in item.absences):
            item.absences.append(ItemAbsence(name=name, kind=kind, reason=note or status))
    common.link_participants(item.absences, participants)


# --------------------------------------------------------------------------- meeting


def _meeting(agenda: Element, *, source: str) -> Meeting:
    meeting_el = _child(agenda, "Meeting")
    committee = _child(agenda, "Committee")
    body = _text(committee, "Name") or _text(agenda, "Name")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee/Name")
    when = _text(meeting_el, "When", "Start", "Date")
    starts_at = common.parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    participants = _participants(agenda, meeting_el)
    items = [
        _item(element, index + 1, participants)
        for index, element in enumerate(_children(_child(agenda, "Items"), "Item"))
    ]
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        ends_at=common.parse_datetime(_text(meeting_el, "Until", "End")),
        location=_text(meeting_el, "Where", "Location") or _text(committee, "DefaultMeetingPlace"),
        participants=participants,
        items=items,
        source=source,
    )
    decided = any(item.decision for item in items)
    meeting.document_kind = DocumentKind.REFERAT if decided else DocumentKind.DAGSORDEN
    meeting.status = MeetingStatus.CLOSED if decided else MeetingStatus.PLANNED
    return common.finish_meeting(meeting)


def read(data: bytes, *, source: str = "") -> list[Source]:
    from meetingtui.importers.source import Source

    return [Source([], record=meeting) for meeting in parse(data, source=source)]
