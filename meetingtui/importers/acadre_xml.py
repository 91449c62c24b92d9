"""Agenda XML exported by Acadre (the files OS2dagsorden imports).

`root/table[@name=agenda]` of nested `table` elements whose values are `fields/field[@name=...]`
children: `committee` (name, members), `meeting` (date, finish, location, `meetmember` with an
`absent` flag) and `agendaitemparents` (its `sort` is the item number, which may count across
the year, e.g. 715) holding an `agendaitem` (name, caseno, accessname "Åben"/"Lukket", absent,
excuse) with `bullet` tables (bulletname = heading, bulletcontent = HTML; "Beslutning i
<udvalg> den <dato>" bullets are the decision history) and `enclosure` tables (attachments).
Elements are matched by local name without regard to case.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from meetingtui.dates import parse_datetime
from meetingtui.errors import InputError
from meetingtui.importers import html
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.importers.text import normalise_space, split_name, split_names, split_person
from meetingtui.importers.vocabulary import DOCUMENT_KINDS, ROLE_WORDS
from meetingtui.importers.xmlsafe import children, is_true, parse_xml
from meetingtui.models import AbsenceKind, Attendance, ItemAbsence, Meeting, Participant, Role

FORMAT = "acadre-xml"

_MARKS = (b'<table name="agendaitem"', b'name="bulletname"')


def sniff(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and all(mark in data for mark in _MARKS)


def read(data: bytes, *, source: str = "") -> list[Source]:
    root = parse_xml(data)
    agendas = [t for t in root.iter() if _local(t) == "table" and _name(t) == "agenda"]
    sources = [_source(table) for table in agendas]
    if not sources:
        raise InputError("import.error.xml_shape", field="Agenda")
    return sources


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def _local(element: Element) -> str:
    return str(element.tag).lower()


def _name(table: Element) -> str:
    return table.get("name", "").lower()


def _fields(table: Element | None) -> dict[str, str]:
    """The `field` values of a table: `<field name="x">value</field>` (and the attribute form
    `<field x="value"/>` of Acadre's meeting index files)."""
    values: dict[str, str] = {}
    for fields in children(table, "fields"):
        for field in children(fields, "field"):
            name = field.get("name")
            text = "".join(field.itertext()).strip()
            if name is not None and (text or name.lower() not in values):
                values.setdefault(name.lower(), text)
    return values


def _tables(table: Element | None, name: str) -> list[Element]:
    return [t for t in children(table, "table") if _name(t) == name]


def _int(text: str) -> int:
    return int(text) if text.strip().isdigit() else 10**9


def role_of(text: str) -> Role:
    """The role a roster writes ("Formand", "Næstformand", "Stedfortræder", "Sekretær")."""
    lowered = text.strip().lower()
    for word, role in ROLE_WORDS.items():
        if lowered.startswith(word):
            return Role(role)
    return Role.MEDLEM


def _participants(meeting: Element | None, committee: Element | None, referat: bool):
    members = [m for group in _tables(meeting, "meetmember") for m in _tables(group, "member")] or [
        m for group in _tables(committee, "commember") for m in _tables(group, "member")
    ]
    participants: list[Participant] = []
    for member in members:
        values = _fields(member)
        name, affiliation, named_role = split_person(values.get("name", ""))
        if not name:
            continue
        absent = values.get("absent", "")
        if is_true(absent):
            attendance = Attendance.ABSENT
        elif absent and referat:
            attendance = Attendance.PRESENT
        else:
            attendance = Attendance.UNKNOWN
        stated_role = values.get("role", "")
        role = role_of(stated_role) if stated_role.strip() else named_role or Role.MEDLEM
        participants.append(
            Participant(
                id=len(participants) + 1,
                name=name,
                role=role,
                affiliation=affiliation or values.get("party", ""),
                attendance=attendance,
                votes=role.votes_by_default,
            )
        )
    return participants


def _item(parent: Element) -> tuple[ItemStart, list[Block]]:
    item_table = next(iter(_tables(parent, "agendaitem")), None)
    values = _fields(item_table)
    bullets = sorted(
        enumerate(_tables(item_table, "bullet")),
        key=lambda pair: (_int(_fields(pair[1]).get("bulletsortorder", "")), pair[0]),
    )
    blocks: list[Block] = []
    for _position, bullet in bullets:
        bullet_values = _fields(bullet)
        content = html.blocks(bullet_values.get("bulletcontent", ""), level_offset=2)
        if content:
            heading = normalise_space(bullet_values.get("bulletname", ""))
            blocks.append(Block(heading, level=2, bold=True))
            blocks.extend(content)
    access = values.get("accessname", "").lower()
    absences: list[ItemAbsence] = []
    for key, reason in (("absent", "Fraværende"), ("excuse", "Afbud")):
        for name in split_names(values.get(key, "")):
            clean, _aff = split_name(name)
            if clean and all(a.name != clean for a in absences):
                absences.append(ItemAbsence(name=clean, kind=AbsenceKind.ABSENT, reason=reason))
    attachments = [_fields(e).get("name", "") for e in _tables(item_table, "enclosure")]
    start = ItemStart(
        number=_fields(parent).get("sort", ""),
        title=values.get("name", ""),
        case_number=values.get("caseno", ""),
        closed=True if any(word in access for word in ("lukket", "fortrolig")) else None,
        attachments=[a for a in attachments if a],
        absences=absences,
    )
    return start, blocks


def _source(agenda: Element) -> Source:
    agenda_values = _fields(agenda)
    committee = next(iter(_tables(agenda, "committee")), None)
    meeting_table = next(iter(_tables(agenda, "meeting")), None)
    meeting_values = _fields(meeting_table)
    body = _fields(committee).get("name", "")
    if not body:
        raise InputError("import.error.xml_shape", field="committee/name")
    when = meeting_values.get("date", "")
    starts_at = parse_datetime(when)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    document_word = (
        agenda_values.get("name", "").split()[0].lower()
        if agenda_values.get("name", "").split()
        else ""
    )
    kind_word = DOCUMENT_KINDS.get(document_word, "")
    title = meeting_values.get("name", "")
    facts = HeaderFacts(
        body=body,
        title=title,
        kind_word=kind_word,
        starts_at=starts_at,
        ends_at=parse_datetime(meeting_values.get("finish", "")),
        location=meeting_values.get("location", ""),
        extraordinary="ekstraordin" in title.lower(),
        participants=_participants(meeting_table, committee, kind_word == "referat"),
    )
    parents = sorted(
        enumerate(_tables(agenda, "agendaitemparents")),
        key=lambda pair: (_int(_fields(pair[1]).get("sort", "")), pair[0]),
    )
    blocks: list[Block] = []
    for _position, parent in parents:
        start, content = _item(parent)
        blocks.append(Block("", item=start))
        blocks.extend(content)
    return Source(blocks, facts=facts)
