"""Agenda XML exported by the ESDH systems Acadre and eDoc (the files OS2dagsorden imports).

Two schemas are read, both recognised by their element names, never the file name:

- Acadre: `root/table[@name=agenda]` of nested `table` elements whose values are
  `fields/field[@name=...]` children: `committee` (name, members), `meeting` (date, finish,
  location, `meetmember` with an `absent` flag) and `agendaitemparents` (its `sort` is the item
  number, which may count across the year, e.g. 715) holding an `agendaitem` (name, caseno,
  accessname "Åben"/"Lukket", absent, excuse) with `bullet` tables (bulletname = heading,
  bulletcontent = HTML; "Beslutning i <udvalg> den <dato>" bullets are the decision history)
  and `enclosure` tables (attachments).
- eDoc (Fujitsu agenda schema): `Committee{Name, Meeting{MeetingDateTime, EndDateTime,
  MeetingLocation, MeetingParticipants, MeetingParticipantExternals, Agenda{Type,
  AgendaElements/AgendaElement{AccessIsPublic, SortOrder, Absences, HandlingItem{SerialNo,
  Title, CaseNumber, HandlingPlan/Handling{Placement, CommitteeName, MeetingDate, Decision},
  CasePresentations/CasePresentation{Title, Content, IsDecision}, Attachments}}}}}`.
  A decision that is not released reads "Beslutning ikke frigivet" and is not a decision.

Elements are matched by local name without regard to case, so namespaces and other versions
of the schemas read the same.
"""

from __future__ import annotations

import re
from datetime import datetime
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
    MeetingKind,
    MeetingStatus,
    Participant,
    Role,
)

FORMAT = "esdh-xml"

_ACADRE_MARKS = (b'<table name="agendaitem"', b'name="bulletname"')
_EDOC_MARKS = (b"AgendaElement", b"HandlingItem")
_PUBLISHING_MARKS = (b"<MeetingAgendaItem", b"<AgendaItemNumber", b"<FullText")


def sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    if b"fujitsu.dk/agenda" in head:
        return True
    return any(
        all(mark in data for mark in marks)
        for marks in (_ACADRE_MARKS, _EDOC_MARKS, _PUBLISHING_MARKS)
    )


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    root = common.parse_xml(data)
    acadre = [t for t in _all(root, "table") if t.get("name", "").lower() == "agenda"]
    if acadre:
        meetings = [_acadre_meeting(table, source=source) for table in acadre]
    elif _local(root) == "meeting" and _child(root, "MeetingAgendaTypes") is not None:
        meetings = [_publishing_meeting(root, source=source)]
    else:
        meetings = [
            _edoc_meeting(meeting, committee, source=source)
            for committee in _all(root, "Committee")
            for meeting in _children(committee, "Meeting")
        ]
    if not meetings:
        raise InputError("import.error.xml_shape", field="Agenda")
    return meetings


# --------------------------------------------------------------------------- element helpers


def _local(element: Element) -> str:
    return str(element.tag).lower()


def _all(element: Element, name: str) -> list[Element]:
    lowered = name.lower()
    return [e for e in element.iter() if _local(e) == lowered]


def _child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    lowered = name.lower()
    return next((c for c in element if _local(c) == lowered), None)


def _children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    lowered = name.lower()
    return [c for c in element if _local(c) == lowered]


def _text(element: Element | None, *path: str) -> str:
    for name in path:
        element = _child(element, name)
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "ja", "yes")


def _role(text: str) -> Role:
    lowered = text.strip().lower()
    if lowered.startswith("formand"):
        return Role.FORMAND
    if lowered.startswith("næstformand"):
        return Role.NAESTFORMAND
    if lowered.startswith("stedfortræder"):
        return Role.STEDFORTRAEDER
    if lowered.startswith(("observatør", "tilforordnet", "sekretær")):
        return Role.OBSERVATOER
    return Role.MEDLEM


def _kind_of(title: str) -> MeetingKind:
    return MeetingKind.EKSTRAORDINAERT if "ekstraordin" in title.lower() else MeetingKind.ORDINAERT


def _record_decisions(
    item: AgendaItem,
    decisions: list[DecisionEntry],
    participants: list[Participant],
    meeting_date: datetime,
) -> None:
    """Record decision entries; when the last one is dated before this meeting, every entry is
    history from earlier meetings (agendas repeat the decisions of a resumed case) and the item
    has no decision of its own yet."""
    decisions = [d for d in decisions if d.text]
    last = common.parse_date(decisions[-1].date) if decisions and decisions[-1].date else None
    if last is not None and last < meeting_date.date():
        item.decision_history = decisions
        return
    common.apply_decisions(item, decisions, participants)


def _finish(meeting: Meeting, document_word: str) -> Meeting:
    decided = any(item.decision for item in meeting.items)
    says_referat = bool(re.match(r"\s*(referat|beslutningsprotokol)", document_word, re.I))
    is_referat = decided or says_referat
    meeting.document_kind = DocumentKind.REFERAT if is_referat else DocumentKind.DAGSORDEN
    meeting.status = MeetingStatus.CLOSED if is_referat else MeetingStatus.PLANNED
    if is_referat:
        for person in meeting.participants:
            if person.attendance is Attendance.UNKNOWN and person.votes:
                person.attendance = Attendance.PRESENT
    return common.finish_meeting(meeting)


# --------------------------------------------------------------------------- Acadre


def _fields(table: Element | None) -> dict[str, str]:
    """The `field` values of a table: `<field name="x">value</field>` (and the attribute form
    `<field x="value"/>` of Acadre's meeting index files)."""
    values: dict[str, str] = {}
    for fields in _children(table, "fields"):
        for field in _children(fields, "field"):
            name = field.get("name")
            text = "".join(field.itertext()).strip()
            if name is not None and (text or name.lower() not in values):
                values.setdefault(name.lower(), text)
    return values


def _tables(table: Element | None, name: str) -> list[Element]:
    return [t for t in _children(table, "table") if t.get("name", "").lower() == name]


def _acadre_participants(meeting_table: Element | None, committee: Element | None, referat: bool):
    members = [
        m for group in _tables(meeting_table, "meetmember") for m in _tables(group, "member")
    ] or [m for group in _tables(committee, "commember") for m in _tables(group, "member")]
    participants: list[Participant] = []
    for member in members:
        values = _fields(member)
        name, affiliation = common.split_name(values.get("name", ""))
        if not name:
            continue
        absent = values.get("absent", "")
        if _true(absent):
            attendance = Attendance.FRAVAERENDE
        elif absent and referat:
            attendance = Attendance.PRESENT
        else:
            attendance = Attendance.UNKNOWN
        participants.append(
            Participant(
                id=len(participants) + 1,
                name=name,
                affiliation=affiliation or values.get("party", ""),
                role=_role(values.get("role", "")),
                attendance=attendance,
            )
        )
    return participants


def _acadre_item(
    parent: Element, item_id: int, participants: list[Participant], meeting_date: datetime
) -> AgendaItem:
    item_table = next(iter(_tables(parent, "agendaitem")), None)
    values = _fields(item_table)
    bullets = sorted(
        enumerate(_tables(item_table, "bullet")),
        key=lambda pair: (_int(_fields(pair[1]).get("bulletsortorder", "")), pair[0]),
    )
    blocks = []
    for _position, bullet in bullets:
        bullet_values = _fields(bullet)
        heading = common.normalise_space(bullet_values.get("bulletname", ""))
        text = common.html_to_text(bullet_values.get("bulletcontent", ""))
        if text or common.heading_kind(heading) == "decision":
            blocks.append((heading, text))
    access = values.get("accessname", "").lower()
    decisions = [
        DecisionEntry(body=body, date=date, text=text)
        for heading, text in blocks
        if common.heading_kind(heading) == "decision"
        for body, date in [common.decision_entry_head(heading)]
    ]
    item = common.assemble_item(
        item_id,
        _fields(parent).get("sort", "") or str(item_id),
        values.get("name", ""),
        case_number=values.get("caseno", ""),
        blocks=[(h, t) for h, t in blocks if t and common.heading_kind(h) != "decision"],
        closed=any(word in access for word in ("lukket", "fortrolig")) or None,
        participants=participants,
    )
    _record_decisions(item, decisions, participants, meeting_date)
    for enclosure in _tables(item_table, "enclosure"):
        name = _fields(enclosure).get("name", "")
        if name and name not in item.attachments:
            item.attachments.append(name)
    for key, reason in (("absent", "Fraværende"), ("excuse", "Afbud")):
        for name in common.split_names(values.get(key, "")):
            clean, _aff = common.split_name(name)
            if clean and all(a.name != clean for a in item.absences):
                item.absences.append(
                    ItemAbsence(name=clean, kind=AbsenceKind.ABSENT, reason=reason)
                )
    common.link_participants(item.absences, participants)
    return item


def _int(text: str) -> int:
    return int(text) if text.strip().isdigit() else 10**9


def _acadre_meeting(agenda: Element, *, source: str) -> Meeting:
    agenda_values = _fields(agenda)
    committee = next(iter(_tables(agenda, "committee")), None)
    meeting_table = next(iter(_tables(agenda, "meeting")), None)
    meeting_values = _fields(meeting_table)
    body = _fields(committee).get("name", "")
    if not body:
        raise InputError("import.error.xml_shape", field="committee/name")
    when = meeting_values.get("date", "")
    starts_at = common.parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    document_word = agenda_values.get("name", "")
    referat = document_word.lower().startswith(("referat", "beslutningsprotokol"))
    participants = _acadre_participants(meeting_table, committee, referat)
    parents = sorted(
        enumerate(_tables(agenda, "agendaitemparents")),
        key=lambda pair: (_int(_fields(pair[1]).get("sort", "")), pair[0]),
    )
    items = [
        _acadre_item(parent, index + 1, participants, starts_at)
        for index, (_position, parent) in enumerate(parents)
    ]
    title = meeting_values.get("name", "")
    meeting = Meeting(
        body=body,
        title=title,
        kind=_kind_of(title),
        starts_at=starts_at,
        ends_at=common.parse_datetime(meeting_values.get("finish", "")),
        location=meeting_values.get("location", ""),
        participants=participants,
        items=items,
        source=source,
    )
    return _finish(meeting, document_word)


# --------------------------------------------------------------------------- eDoc

_NOT_RELEASED = re.compile(r"^\s*beslutning(en)?\s+(er\s+)?ikke\s+frigivet\s*\.?\s*$", re.I)


def _edoc_participants(meeting: Element) -> list[Participant]:
    participants: list[Participant] = []
    for member in _children(_child(meeting, "MeetingParticipants"), "MeetingParticipant"):
        name, affiliation = common.split_name(_text(member, "Name"))
        if not name:
            continue
        participate = _text(member, "Participate")
        participants.append(
            Participant(
                id=len(participants) + 1,
                name=name,
                affiliation=affiliation or _text(member, "PoliticalPartyList"),
                role=_role(_text(member, "RoleInMeeting")),
                # Not taking part is registered before the meeting: apologies sent.
                attendance=(
                    Attendance.AFBUD
                    if participate and not _true(participate)
                    else Attendance.UNKNOWN
                ),
            )
        )
    for external in _children(
        _child(meeting, "MeetingParticipantExternals"), "MeetingParticipantExternal"
    ):
        name, affiliation = common.split_name(_text(external, "Name"))
        if name:
            participants.append(
                Participant(
                    id=len(participants) + 1,
                    name=name,
                    affiliation=affiliation,
                    role=Role.OBSERVATOER,
                    votes=False,
                )
            )
    return participants


def _edoc_item(
    element: Element, item_id: int, participants: list[Participant], meeting_date: datetime
) -> AgendaItem:
    handling = _child(element, "HandlingItem")
    blocks: list[tuple[str, str]] = []
    decisions: list[DecisionEntry] = []
    for handling_entry in _children(_child(handling, "HandlingPlan"), "Handling"):
        decision = common.html_to_text(_text(handling_entry, "Decision"))
        if not decision or _NOT_RELEASED.match(decision):
            continue
        if _text(handling_entry, "Placement").lower() == "this":
            continue  # this meeting's decision is also a case presentation; read it there
        decisions.append(
            DecisionEntry(
                body=_text(handling_entry, "CommitteeName"),
                date=_text(handling_entry, "MeetingDate"),
                text=decision,
            )
        )
    own_decision = False
    for presentation in _children(_child(handling, "CasePresentations"), "CasePresentation"):
        heading = common.normalise_space(_text(presentation, "Title"))
        text = common.html_to_text(_text(presentation, "Content"))
        if not text or _NOT_RELEASED.match(text):
            continue
        if _true(_text(presentation, "IsDecision")):
            own_decision = True
            body, date = common.decision_entry_head(heading)
            decisions.append(DecisionEntry(body=body, date=date, text=text))
        else:
            blocks.append((heading, text))
    if not own_decision:
        this = next(
            (
                h
                for h in _children(_child(handling, "HandlingPlan"), "Handling")
                if _text(h, "Placement").lower() == "this"
            ),
            None,
        )
        text = common.html_to_text(_text(this, "Decision"))
        if text and not _NOT_RELEASED.match(text):
            decisions.append(DecisionEntry(text=text))
    public = _text(element, "AccessIsPublic")
    item = common.assemble_item(
        item_id,
        _text(handling, "SerialNo") or _text(element, "SortOrder") or str(item_id),
        _text(handling, "Title") or _text(handling, "NeutralTitle"),
        case_number=_text(handling, "CaseNumber"),
        blocks=[(h, t) for h, t in blocks if common.heading_kind(h) != "decision"],
        closed=(not _true(public)) if public else None,
        participants=participants,
    )
    _record_decisions(item, decisions, participants, meeting_date)
    for attachment in _children(_child(handling, "Attachments"), "Attachment"):
        title = _text(attachment, "Title")
        if title:
            item.attachments.append(title)
    for absence in list(_child(element, "Absences") or []):
        name = _text(absence, "Name") or "".join(absence.itertext()).strip()
        clean, _aff = common.split_name(name)
        if clean:
            reason = _text(absence, "Reason") or _text(absence, "Type") or "Fraværende"
            kind = AbsenceKind.INHABIL if "inhabil" in reason.lower() else AbsenceKind.ABSENT
            item.absences.append(ItemAbsence(name=clean, kind=kind, reason=reason))
    common.link_participants(item.absences, participants)
    return item


def _edoc_meeting(meeting: Element, committee: Element, *, source: str) -> Meeting:
    agenda = _child(meeting, "Agenda")
    elements = _children(_child(agenda, "AgendaElements"), "AgendaElement")
    when = _text(meeting, "MeetingDateTime")
    body = _text(committee, "Name")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee/Name")
    starts_at = common.parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    participants = _edoc_participants(meeting)
    ordered = sorted(enumerate(elements), key=lambda p: (_int(_text(p[1], "SortOrder")), p[0]))
    items = [
        _edoc_item(element, index + 1, participants, starts_at)
        for index, (_position, element) in enumerate(ordered)
    ]
    description = _text(meeting, "DescriptionText")
    result = Meeting(
        body=body,
        starts_at=starts_at,
        ends_at=common.parse_datetime(_text(meeting, "EndDateTime")),
        location=_text(meeting, "MeetingLocation") or _text(committee, "DefaultLocation"),
        participants=participants,
        items=items,
        source=source,
    )
    if description:
        result.unplaced.append(description)
    return _finish(result, _text(agenda, "Type"))


# --------------------------------------------------------------------------- eDoc publishing

# eDoc's publishing export (`Meeting{Committee, MeetingDate, MeetingState, MeetingAgendaTypes/
# MeetingAgendaType{AgendaType, MeetingAgendaItems/MeetingAgendaItem{AgendaItemNumber,
# Document{Title, Attachments}, FullText}}}`) carries each item as one text whose paragraphs and
# headings were glued together ("...anlægsbevillingSagsnr.: 2012-28504SammendragDet årlige").
# Breaks are put back where a lower-case letter, digit or stop runs into a capital, and the
# known section headings are read from the lines that result.
_GLUED = re.compile(r"(?<=[a-zæøå0-9.:)])(?=[A-ZÆØÅ])")
_GLUED_HEADINGS = {
    "sammendrag", "resumé", "resume", "baggrund", "sagsfremstilling", "sagsbeskrivelse",
    "supplerende sagsfremstilling", "vurdering", "økonomi", "økonomiske konsekvenser",
    "økonomiske konsekvenser og finansiering", "finansiering", "høring", "lovgrundlag",
    "retsgrundlag", "kommunikation", "bilag", "beslutningen træffes af", "indstilling",
    "tidsplan", "videre proces", "konsekvenser",
}  # fmt: skip
_GLUED_DECISION = re.compile(r"\bbeslutning\s+den\s+\d{1,2}[.\-]\d{1,2}[.\-]\d{4}", re.I)
_ITEM_PUNKT = re.compile(r"\s*Punkt\s*\d+\w*\s*$", re.I)


_HEADS = "|".join(sorted((re.escape(h) for h in _GLUED_HEADINGS), key=len, reverse=True))
# A heading glued after a sentence ("... proces. Sagsfremstilling") or before a number
# ("Bilag2012-200782 - Bygningsliste").
_HEAD_AFTER_SENTENCE = re.compile(rf"^(.*[.!?:])\s+({_HEADS})$", re.I)
_HEAD_BEFORE_NUMBER = re.compile(rf"^({_HEADS})(?=\d)(.+)$", re.I)


def _unglue(full_text: str) -> list[str]:
    lines: list[str] = []
    for raw in full_text.replace("\t", " ").split("\n"):
        for line in _GLUED.split(raw):
            line = line.strip()
            if match := _HEAD_AFTER_SENTENCE.match(line) or _HEAD_BEFORE_NUMBER.match(line):
                lines.extend(part.strip() for part in match.groups())
            elif line:
                lines.append(line)
    return lines


def _glued_item(
    number: str, title: str, full_text: str
) -> tuple[str, list[tuple[str, str]], list[DecisionEntry], list[str]]:
    """(case number, blocks, decisions, unplaced lines) of one item's glued text."""
    lines = _unglue(full_text)
    if lines and lines[0].startswith(number) and title and title in lines[0]:
        lines = lines[1:]  # "2. Title" repeats the item heading
    case_number = ""
    unplaced: list[str] = []
    blocks: list[tuple[str, list[str]]] = [("", [])]
    decisions: list[DecisionEntry] = []
    in_decision = False
    for line in lines:
        case = re.match(r"^sagsnr\.?\s*:\s*(\S+)$", line, re.I)
        if case and not case_number:
            case_number = case.group(1)
            continue
        if re.match(r"^dok\.?\s*nr\.?\s*:", line, re.I):
            unplaced.append(line)  # the document's own number in the ESDH system
            continue
        if _GLUED_DECISION.search(line) and common.heading_kind(line) == "decision":
            body, when = common.decision_entry_head(_ITEM_PUNKT.sub("", line))
            decisions.append(DecisionEntry(body=body, date=when))
            in_decision = True
            continue
        if line.lower().rstrip(":") in _GLUED_HEADINGS:
            blocks.append((line.rstrip(":"), []))
            in_decision = False
            continue
        if in_decision:
            decisions[-1].text = (decisions[-1].text + "\n" + line).strip()
        else:
            blocks[-1][1].append(line)
    kept = [(heading, "\n".join(text)) for heading, text in blocks if text]
    return case_number, kept, decisions, unplaced


def _publishing_meeting(root: Element, *, source: str) -> Meeting:
    body = _text(root, "Committee")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee")
    when = _text(root, "MeetingDate")
    starts_at = common.parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    items: list[AgendaItem] = []
    for agenda_type in _children(_child(root, "MeetingAgendaTypes"), "MeetingAgendaType"):
        closed = "lukket" in _text(agenda_type, "AgendaType").lower()
        agenda_items = _children(_child(agenda_type, "MeetingAgendaItems"), "MeetingAgendaItem")
        for element in agenda_items:
            document = _child(element, "Document")
            number = _text(element, "AgendaItemNumber") or str(len(items) + 1)
            title = _text(document, "Title") or _text(document, "NeutralTitle")
            case_number, blocks, decisions, unplaced = _glued_item(
                number, title, _text(element, "FullText")
            )
            item = common.assemble_item(
                len(items) + 1,
                number,
                title,
                case_number=case_number,
                blocks=blocks,
                closed=closed or None,
            )
            _record_decisions(item, decisions, [], starts_at)
            item.unplaced.extend(unplaced)
            for attachment in _children(_child(document, "Attachments"), "Attachment"):
                name = _text(attachment, "Title")
                if name and not any(a.endswith(name) for a in item.attachments):
                    item.attachments.append(name)
            items.append(item)
    meeting = Meeting(body=body, starts_at=starts_at, items=items, source=source)
    return _finish(meeting, _text(root, "MeetingState"))


def read(data: bytes, *, source: str = "") -> list[Source]:
    from meetingtui.importers.source import Source

    return [Source([], record=meeting) for meeting in parse(data, source=source)]
