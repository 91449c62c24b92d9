"""FirstAgenda publication web pages (the public "Dagsorden"/"Referat" page of one meeting).

The page header names the body (`span.udvalg`), the time (`span.dato`: "onsdag den 8. oktober
2025 kl. 16.00"), the place (`span.sted`) and, when published, the participants
(`td.deltagere`). Each item is a `tr.punktrow`: number in the first cell's label, title in
`h2.overskrift`, case number in `span.sagsnummer`, and the same field HTML as the JSON export
(`#sagsfremstillingContainer` with <h3> sections) followed by "Bilag" links. Agenda pages carry
no decisions; minutes pages add a "Beslutning" heading, which the shared item builder reads.
Page chrome (navigation, menus, dialogs, scripts) is not meeting text and is skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from meetingtui.errors import InputError

if TYPE_CHECKING:
    from meetingtui.importers.source import Source
from meetingtui.importers import common
from meetingtui.importers.common import Node
from meetingtui.importers.firstagenda_json import build_item, finish
from meetingtui.models import Attendance, DocumentKind, Meeting, MeetingStatus, Participant

FORMAT = "firstagenda-html"
_MARKERS = (b"punktrow", b"sagsfremstillingContainer", b"dagsordenDetaljer")


def sniff(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not (head.startswith((b"<!doctype html", b"<html")) or b"<html" in head):
        return False
    return sum(marker in data for marker in _MARKERS) >= 2


def _first_text(root: Node, css_class: str) -> str:
    node = root.find_class(css_class)
    return node.text() if node is not None else ""


def _participants(root: Node, is_referat: bool) -> list[Participant]:
    cell = root.find_class("deltagere")
    if cell is None:
        return []
    participants: list[Participant] = []
    default = Attendance.PRESENT if is_referat else Attendance.UNKNOWN
    for line in cell.text().split("\n"):
        attendance = default
        label = re.match(r"^\s*(afbud|fraværende|fravær|til stede|deltagere)\s*:\s*", line, re.I)
        if label:
            word = label.group(1).lower()
            attendance = (
                Attendance.AFBUD
                if word == "afbud"
                else Attendance.FRAVAERENDE
                if word.startswith("fravær")
                else Attendance.PRESENT
            )
            line = line[label.end() :]
        for piece in common.split_names(line):
            name, affiliation = common.split_name(piece)
            if name and len(name) <= 80:
                participants.append(
                    Participant(
                        id=len(participants) + 1,
                        name=name,
                        affiliation=affiliation,
                        attendance=attendance,
                    )
                )
    return participants


def _item_parts(row: Node) -> tuple[str, str, str, Node | None, list[str], bool]:
    cells = [child for child in row.children if isinstance(child, Node) and child.tag == "td"]
    number_node = cells[0].find_class("label") if cells else None
    number = number_node.text() if number_node is not None else (cells[0].text() if cells else "")
    title_node = row.find_class("overskrift")
    title = title_node.text() if title_node is not None else ""
    case_node = row.find_class("sagsnummer")
    case_number = case_node.text() if case_node is not None else ""
    details = row.find_class("details") or row.find_class("punkt")
    attachments = [a.text() for a in row.find_all_class("bilag-link", "a") if a.text()]
    closed_label = any(
        "lukket" in n.text().lower() for n in row.find_all_class("label") if n is not number_node
    )
    if details is not None:
        # The case number and the attachment list are read above; the rest is the item text.
        details.children = [
            child
            for child in details.children
            if not (isinstance(child, Node) and child.has_class("sagsnummer"))
        ]
    return number, title, case_number, details, attachments, closed_label


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    root = common.parse_html(common.decode_bytes(data))
    rows = root.find_all_class("punktrow", "tr")
    body = _first_text(root, "udvalg")
    if not body:
        raise InputError("import.error.html_shape", field="udvalg")
    heading = _first_text(root, "green") or _first_text(root, "title")
    when = _first_text(root, "dato") or heading
    starts_at = common.parse_datetime(when) or common.parse_datetime(heading)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    says_referat = bool(re.match(r"^\s*(referat|beslutningsprotokol)", heading, re.I))
    participants = _participants(root, says_referat)

    items = []
    for row in rows:
        number, title, case_number, details, attachments, closed_label = _item_parts(row)
        lead, blocks = common.html_blocks(details) if details is not None else ("", [])
        if attachments:
            blocks = [(h, t) for h, t in blocks if common.heading_kind(h) != "attachments"]
        blocks = [(h, t) for h, t in blocks if h or re.search(r"\w", t)]
        if not re.search(r"\w", lead):
            lead = ""
        item = build_item(
            len(items) + 1,
            number or str(len(items) + 1),
            ("Lukket: " + title) if closed_label and title else title,
            case_number=case_number,
            lead=lead,
            blocks=blocks,
            attachments=attachments,
            attendees=[],
            participants=participants,
        )
        items.append(item)
    if not items:
        raise InputError("import.error.html_shape", field="punktrow")
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        location=_first_text(root, "sted"),
        participants=participants,
        items=items,
        source=source,
    )
    description = root.find_class("information") or next(
        (n for n in root.iter("span") if "data-meeting-description" in n.attrs), None
    )
    if description is not None and description.text():
        meeting.unplaced.append(description.text())
    meeting = finish(meeting)
    if says_referat and meeting.document_kind is DocumentKind.DAGSORDEN:
        # The page calls itself a referat even though no decision text was published.
        meeting.document_kind = DocumentKind.REFERAT
        meeting.status = MeetingStatus.CLOSED
    return [meeting]


def read(data: bytes, *, source: str = "") -> list[Source]:
    from meetingtui.importers.source import Source

    return [Source([], record=meeting) for meeting in parse(data, source=source)]
