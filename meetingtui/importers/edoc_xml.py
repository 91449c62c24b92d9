"""Agenda XML exported by eDoc: the agenda schema and the publishing export.

The agenda schema (Fujitsu): `Committee{Name, Meeting{MeetingDateTime, EndDateTime,
MeetingLocation, MeetingParticipants, MeetingParticipantExternals, Agenda{Type,
AgendaElements/AgendaElement{AccessIsPublic, SortOrder, Absences, HandlingItem{SerialNo,
Title, CaseNumber, HandlingPlan/Handling{Placement, CommitteeName, MeetingDate, Decision},
CasePresentations/CasePresentation{Title, Content, IsDecision}, Attachments}}}}}`. A decision
that is not released reads "Beslutning ikke frigivet" and is not a decision.

The publishing export (`Meeting{Committee, MeetingDate, MeetingState, MeetingAgendaTypes/
MeetingAgendaType{AgendaType, MeetingAgendaItems/MeetingAgendaItem{AgendaItemNumber,
Document{Title, Attachments}, FullText}}}`) carries each item as one text whose paragraphs and
headings were glued together ("...anlægsbevillingSagsnr.: 2012-28504SammendragDet årlige").
Breaks are put back where a lower-case letter, digit or stop runs into a capital, and the lines
that result are read like any document's.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from meetingtui.dates import parse_datetime
from meetingtui.errors import InputError
from meetingtui.importers import html
from meetingtui.importers.acadre_xml import role_of
from meetingtui.importers.decisions import is_released
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.importers.text import normalise_space, split_name, split_person
from meetingtui.importers.vocabulary import DOCUMENT_KINDS, SECTIONS
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

FORMAT = "edoc-xml"

_AGENDA_MARKS = (b"AgendaElement", b"HandlingItem")
_PUBLISHING_MARKS = (b"<MeetingAgendaItem", b"<AgendaItemNumber", b"<FullText")


def sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    if b"fujitsu.dk/agenda" in head:
        return True
    return any(all(m in data for m in marks) for marks in (_AGENDA_MARKS, _PUBLISHING_MARKS))


def read(data: bytes, *, source: str = "") -> list[Source]:
    root = parse_xml(data)
    if str(root.tag).lower() == "meeting" and child(root, "MeetingAgendaTypes") is not None:
        return [_publishing(root)]
    sources = [
        _agenda(meeting, committee)
        for committee in root.iter()
        if str(committee.tag).lower() == "committee"
        for meeting in children(committee, "Meeting")
    ]
    if not sources:
        raise InputError("import.error.xml_shape", field="Agenda")
    return sources


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def _int(text: str) -> int:
    return int(text) if text.strip().isdigit() else 10**9


def _kind_word(text: str) -> str:
    word = text.split()[0].lower() if text.split() else ""
    return DOCUMENT_KINDS.get(word, "")


# --------------------------------------------------------------------------- agenda schema


def _participants(meeting: Element) -> list[Participant]:
    participants: list[Participant] = []
    for member in children(child(meeting, "MeetingParticipants"), "MeetingParticipant"):
        name, affiliation, named_role = split_person(element_text(member, "Name"))
        if not name:
            continue
        stated_role = element_text(member, "RoleInMeeting")
        role = role_of(stated_role) if stated_role.strip() else named_role or Role.MEDLEM
        participate = element_text(member, "Participate")
        participants.append(
            Participant(
                id=len(participants) + 1,
                name=name,
                affiliation=affiliation or element_text(member, "PoliticalPartyList"),
                role=role,
                votes=role.votes_by_default,
                # Not taking part is registered before the meeting: apologies sent.
                attendance=(
                    Attendance.AFBUD
                    if participate and not is_true(participate)
                    else Attendance.UNKNOWN
                ),
            )
        )
    externals = children(
        child(meeting, "MeetingParticipantExternals"), "MeetingParticipantExternal"
    )
    for external in externals:
        name, affiliation = split_name(element_text(external, "Name"))
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


def _agenda_item(element: Element) -> tuple[ItemStart, list[Block]]:
    handling = child(element, "HandlingItem")
    plan = children(child(handling, "HandlingPlan"), "Handling")
    earlier: list[DecisionEntry] = []
    for entry in plan:
        decision = "\n".join(b.text for b in html.blocks(element_text(entry, "Decision")))
        if not decision or not is_released(decision):
            continue
        if element_text(entry, "Placement").lower() == "this":
            continue  # this meeting's decision is also a case presentation; read it there
        earlier.append(
            DecisionEntry(
                body=element_text(entry, "CommitteeName"),
                date=element_text(entry, "MeetingDate"),
                text=decision,
            )
        )
    blocks: list[Block] = []
    own_decision = False
    for presentation in children(child(handling, "CasePresentations"), "CasePresentation"):
        content = html.blocks(element_text(presentation, "Content"), level_offset=2)
        if not content or not is_released("\n".join(b.text for b in content)):
            continue
        is_decision = is_true(element_text(presentation, "IsDecision"))
        own_decision |= is_decision
        heading = normalise_space(element_text(presentation, "Title"))
        blocks.append(Block(heading, level=2, bold=True, role="decision" if is_decision else ""))
        blocks.extend(content)
    if not own_decision:
        this = next((h for h in plan if element_text(h, "Placement").lower() == "this"), None)
        content = html.blocks(element_text(this, "Decision"), level_offset=2)
        if content and is_released("\n".join(b.text for b in content)):
            blocks.append(Block("Beslutning", level=2, bold=True, role="decision"))
            blocks.extend(content)
    absences = []
    for absence in list(child(element, "Absences") or []):
        name, _aff = split_name(element_text(absence, "Name") or "".join(absence.itertext()))
        if name:
            reason = (
                element_text(absence, "Reason") or element_text(absence, "Type") or "Fraværende"
            )
            kind = AbsenceKind.INHABIL if "inhabil" in reason.lower() else AbsenceKind.ABSENT
            absences.append(ItemAbsence(name=name, kind=kind, reason=reason))
    public = element_text(element, "AccessIsPublic")
    attachments = [
        element_text(a, "Title") for a in children(child(handling, "Attachments"), "Attachment")
    ]
    start = ItemStart(
        number=element_text(handling, "SerialNo") or element_text(element, "SortOrder"),
        title=element_text(handling, "Title") or element_text(handling, "NeutralTitle"),
        case_number=element_text(handling, "CaseNumber"),
        closed=(not is_true(public)) if public else None,
        attachments=[a for a in attachments if a],
        absences=absences,
        earlier=earlier,
    )
    return start, blocks


def _agenda(meeting: Element, committee: Element) -> Source:
    agenda = child(meeting, "Agenda")
    when = element_text(meeting, "MeetingDateTime")
    body = element_text(committee, "Name")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee/Name")
    starts_at = parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    facts = HeaderFacts(
        body=body,
        kind_word=_kind_word(element_text(agenda, "Type")),
        starts_at=starts_at,
        ends_at=parse_datetime(element_text(meeting, "EndDateTime")),
        location=element_text(meeting, "MeetingLocation")
        or element_text(committee, "DefaultLocation"),
        participants=_participants(meeting),
    )
    description = element_text(meeting, "DescriptionText")
    if description:
        facts.unplaced.append(description)
    elements = children(child(agenda, "AgendaElements"), "AgendaElement")
    ordered = sorted(
        enumerate(elements), key=lambda p: (_int(element_text(p[1], "SortOrder")), p[0])
    )
    blocks: list[Block] = []
    for _position, element in ordered:
        start, content = _agenda_item(element)
        blocks.append(Block("", item=start))
        blocks.extend(content)
    return Source(blocks, facts=facts)


# --------------------------------------------------------------------------- publishing export

_GLUED = re.compile(r"(?<=[a-zæøå0-9.:)])(?=[A-ZÆØÅ])")
# Headings the export glues to the text around them.
_GLUED_HEADINGS = sorted(
    (*SECTIONS, "bilag", "beslutningen træffes af", "indstilling"), key=len, reverse=True
)
_HEADS = "|".join(re.escape(h) for h in _GLUED_HEADINGS)
# A heading glued after a sentence ("... proces. Sagsfremstilling") or before a number
# ("Bilag2012-200782 - Bygningsliste").
_HEAD_AFTER_SENTENCE = re.compile(rf"^(.*[.!?:])\s+({_HEADS})$", re.I)
_HEAD_BEFORE_NUMBER = re.compile(rf"^({_HEADS})(?=\d)(.+)$", re.I)


def unglue(full_text: str) -> list[str]:
    """The lines of a glued text: breaks put back before capitals that follow a small letter,
    a digit or a stop, and around headings glued to a sentence or a number."""
    lines: list[str] = []
    for raw in full_text.replace("\t", " ").split("\n"):
        for line in _GLUED.split(raw):
            line = line.strip()
            if match := _HEAD_AFTER_SENTENCE.match(line) or _HEAD_BEFORE_NUMBER.match(line):
                lines.extend(part.strip() for part in match.groups())
            elif line:
                lines.append(line)
    return lines


def _publishing(root: Element) -> Source:
    body = element_text(root, "Committee")
    if not body:
        raise InputError("import.error.xml_shape", field="Committee")
    when = element_text(root, "MeetingDate")
    starts_at = parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    facts = HeaderFacts(
        body=body, starts_at=starts_at, kind_word=_kind_word(element_text(root, "MeetingState"))
    )
    blocks: list[Block] = []
    for agenda_type in children(child(root, "MeetingAgendaTypes"), "MeetingAgendaType"):
        closed = "lukket" in element_text(agenda_type, "AgendaType").lower()
        agenda_items = children(child(agenda_type, "MeetingAgendaItems"), "MeetingAgendaItem")
        for element in agenda_items:
            document = child(element, "Document")
            number = element_text(element, "AgendaItemNumber")
            title = element_text(document, "Title") or element_text(document, "NeutralTitle")
            lines = unglue(element_text(element, "FullText"))
            if lines and number and lines[0].startswith(number) and title and title in lines[0]:
                lines = lines[1:]  # "2. Title" repeats the item heading
            attachments = [
                element_text(a, "Title")
                for a in children(child(document, "Attachments"), "Attachment")
            ]
            start = ItemStart(
                number=number,
                title=title,
                closed=True if closed else None,
                attachments=[a for a in attachments if a],
            )
            blocks.append(Block("", item=start))
            blocks.extend(Block(line) for line in lines)
    return Source(blocks, facts=facts)
