"""FirstAgenda publication web pages (the public "Dagsorden"/"Referat" page of one meeting).

The page header names the body (`span.udvalg`), the time (`span.dato`: "onsdag den 8. oktober
2025 kl. 16.00"), the place (`span.sted`) and, when published, the participants
(`td.deltagere`). Each item is a `tr.punktrow`: number in the first cell's label, title in
`h2.overskrift`, case number in `span.sagsnummer`, and the same field HTML as the JSON export
(`#sagsfremstillingContainer` with <h3> sections) followed by "Bilag" links. Agenda pages carry
no decisions; minutes pages add a "Beslutning" heading. Page chrome (navigation, menus, dialogs,
scripts) is not meeting text and is skipped.
"""

from __future__ import annotations

import re
from typing import Any

from meetingtui.dates import parse_datetime
from meetingtui.errors import InputError
from meetingtui.importers import html
from meetingtui.importers.people import listed_people
from meetingtui.importers.source import Block, HeaderFacts, ItemStart, Source
from meetingtui.importers.text import decode_bytes
from meetingtui.importers.vocabulary import ABSENT_LABELS, PRESENT_LABELS, alternation
from meetingtui.models import Attendance, Meeting, Participant

FORMAT = "firstagenda-html"
_MARKERS = (b"punktrow", b"sagsfremstillingContainer", b"dagsordenDetaljer")


def sniff(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not (head.startswith((b"<!doctype html", b"<html")) or b"<html" in head):
        return False
    return sum(marker in data for marker in _MARKERS) >= 2


def _with_class(root: Any, name: str, tag: str = "*") -> list[Any]:
    return root.xpath(f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _first_text(root: Any, name: str) -> str:
    found = _with_class(root, name)
    return html.text(found[0]) if found else ""


def read(data: bytes, *, source: str = "") -> list[Source]:
    root = html.parse(decode_bytes(data))
    if root is None:
        raise InputError("import.error.html_shape", field="html")
    body = _first_text(root, "udvalg")
    if not body:
        raise InputError("import.error.html_shape", field="udvalg")
    heading = _first_text(root, "green") or _first_text(root, "title")
    when = _first_text(root, "dato") or heading
    starts_at = parse_datetime(when) or parse_datetime(heading)
    if starts_at is None:
        raise InputError("import.error.no_date", value=when or "-")
    says_referat = bool(re.match(r"^\s*(referat|beslutningsprotokol)", heading, re.I))
    facts = HeaderFacts(
        body=body,
        starts_at=starts_at,
        location=_first_text(root, "sted"),
        kind_word="referat" if says_referat else "",
        participants=_participants(root, says_referat),
    )
    description = _with_class(root, "information") or root.xpath(
        "//span[@data-meeting-description]"
    )
    if description and html.text(description[0]):
        facts.unplaced.append(html.text(description[0]))
    blocks: list[Block] = []
    for row in _with_class(root, "punktrow", "tr"):
        start, details = _item(row, len(blocks))
        blocks.append(Block("", item=start))
        if details is not None:
            blocks.extend(html.element_blocks(details))
    if not blocks:
        raise InputError("import.error.html_shape", field="punktrow")
    return [Source(blocks, facts=facts)]


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


# "Afbud: ...", "Fraværende: ...", "Deltagere: ..." in the participants cell: the vocabulary's
# attendance labels.
_ATTENDANCE_LABEL = re.compile(
    rf"(?i)^\s*(?P<label>{alternation([*ABSENT_LABELS, *PRESENT_LABELS])})\s*:\s*"
)


def _participants(root: Any, is_referat: bool) -> list[Participant]:
    cells = _with_class(root, "deltagere")
    if not cells:
        return []
    default = Attendance.PRESENT if is_referat else None
    lines: list[tuple[str, Attendance | None]] = []
    for block in html.element_blocks(cells[0]):
        line = block.text
        attendance = default
        label = _ATTENDANCE_LABEL.match(line)
        if label:
            word = " ".join(label.group("label").lower().split())
            attendance = Attendance(ABSENT_LABELS.get(word, Attendance.PRESENT.value))
            line = line[label.end() :]
        lines.append((line, attendance))
    return listed_people(lines)


def _item(row: Any, position: int) -> tuple[ItemStart, Any]:
    cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() == "td"]
    labels = _with_class(cells[0], "label") if cells else []
    labels = [n for n in labels if n.getparent() is not None and _inside(n, cells[0])]
    number = html.text(labels[0]) if labels else (html.text(cells[0]) if cells else "")
    title_node = _inside_row(row, "overskrift")
    case_node = _inside_row(row, "sagsnummer")
    details = _inside_row(row, "details")
    if details is None:
        details = _inside_row(row, "punkt")
    attachments = [html.text(a) for a in _all_inside_row(row, "bilag-link", "a") if html.text(a)]
    closed_label = any(
        "lukket" in html.text(n).lower()
        for n in _all_inside_row(row, "label")
        if not (labels and n is labels[0])
    )
    if details is not None:
        # The case number and the attachment list are read above; the rest is the item text.
        for node in [*_all_inside(details, "sagsnummer"), *_all_inside(details, "bilag-link")]:
            _drop(node)
        if attachments:
            _drop_attachment_heading(details)
    title = html.text(title_node) if title_node is not None else ""
    start = ItemStart(
        number=number,
        title=title,
        case_number=html.text(case_node) if case_node is not None else "",
        closed=True if closed_label else None,
        attachments=attachments,
    )
    return start, details


def _inside(node: Any, ancestor: Any) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def _all_inside(root: Any, name: str, tag: str = "*") -> list[Any]:
    return root.xpath(f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def _all_inside_row(row: Any, name: str, tag: str = "*") -> list[Any]:
    return _all_inside(row, name, tag)


def _inside_row(row: Any, name: str) -> Any:
    found = _all_inside(row, name)
    return found[0] if found else None


def _drop(node: Any) -> None:
    """Remove an element but keep the text after it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)


def _drop_attachment_heading(details: Any) -> None:
    """The "Bilag" heading above the links: the links are read as attachments already."""
    for heading in details.xpath(".//h1|.//h2|.//h3|.//h4"):
        if html.text(heading).strip(" :").lower() == "bilag":
            following = heading.getnext()
            if following is not None and following.tag.lower() in ("ul", "ol"):
                _drop(following)
            _drop(heading)
