"""Tables in a Word referat: which lay out the page and which belong to the text.

ESDH templates set much of a referat in tables: the item's title and case number side by side,
a members list with a status column, a row of labels over a row of values. Those are read as
the lines they stand for ("Afbud: Anne Holm (A)", "Sagsnr.: 24/1001"). A table of figures or a
timetable stays a table, with the header rows Word repeats on each page.
"""

from __future__ import annotations

import itertools
import re
from typing import Protocol
from xml.etree.ElementTree import Element

from meetingtui.importers import casenumber
from meetingtui.importers.classify import known_heading
from meetingtui.importers.heads import item_head
from meetingtui.importers.source import Block, Table


class Reading(Protocol):
    """What the tables need of the document being read."""

    page: int

    def cell(self, cell: Element) -> list[Block]:
        """The lines of a table cell, read like the body."""
        ...


def table_lines(table: Element, ctx: Reading, lines: list[Block]) -> None:
    rows = table.findall("tr")
    if len(rows) >= 2 and _people_grid(rows, ctx, lines):
        return
    labels = _label_row(rows[0], ctx) if len(rows) >= 2 else None
    if labels is not None:
        # A metadata table with the labels in its first row ("Sagsnr. | Ansvarlig | Dato")
        # and the values below: each value is read as "Label: value".
        for row in rows[1:]:
            values = [" ".join(ln.text for ln in ctx.cell(c)) for c in row.findall("tc")]
            if len(values) != len(labels):
                _row_lines(row, ctx, lines)
                continue
            for label, value in zip(labels, values, strict=True):
                if value:
                    lines.append(Block(f"{label.rstrip(':')}: {value}", ctx.page))
        return
    grid = [[ctx.cell(c) for c in row.findall("tc")] for row in rows]
    if _content_table(grid):
        cells = [[" ".join(b.text for b in cell) for cell in row] for row in grid]
        header = sum(1 for _ in itertools.takewhile(_header_row, rows))
        flat = "\n".join("  ".join(c for c in row if c) for row in cells)
        lines.append(Block(flat, ctx.page, table=Table(cells, min(header, len(cells)))))
        return
    for row in rows:
        _row_lines(row, ctx, lines)


def _header_row(row: Element) -> bool:
    """A row Word repeats at the top of each page: the table's header row."""
    trpr = row.find("trPr")
    return trpr is not None and trpr.find("tblHeader") is not None


def _content_table(grid: list[list[list[Block]]]) -> bool:
    """A table of the text itself (figures, a timetable), not one that lays out the page: two
    rows and two columns at least, and no cell holding an item heading, a label with its value
    or a heading of the referat."""
    if len(grid) < 2 or max(len(row) for row in grid) < 2:
        return False
    labels = 0
    for row in grid:
        for cell in row:
            for block in cell:
                text = block.text.strip()
                if item_head(block) is not None or known_heading(block) or casenumber.label(text):
                    return False
        first = row[0][0].text.strip() if row and row[0] else ""
        labels += first.endswith(":")
    return labels < len(grid) / 2


_NAME_COLUMN = re.compile(r"(?i)^(?:navn|medlem|medlemmer|deltager|deltagere|mødedeltager)$")
_PARTY_COLUMN = re.compile(r"(?i)^(?:parti|partibogstav|liste|gruppe|organisation|repræsenterer)$")
_STATUS_COLUMN = re.compile(r"(?i)^(?:status|fremmøde|deltagelse|til stede|tilstede|deltager)$")
_ROLE_COLUMN = re.compile(r"(?i)^(?:rolle|funktion|titel|hverv)$")
# A status cell and the header label that says the same thing in a list of people
_STATUS_LABELS = (
    (re.compile(r"(?i)^(?:afbud|meldt afbud|fraværende med afbud)\b"), "Afbud"),
    (re.compile(r"(?i)^(?:fraværende|fravær|ikke til stede|udeblevet|nej)\b"), "Fraværende"),
    (re.compile(r"(?i)^(?:stedfortræder|suppleant)\b"), "Stedfortræder"),
    (
        re.compile(r"(?i)^(?:til stede|tilstede|deltog|deltager|fremmødt|mødt|ja|x|✓)\b"),
        "Deltagere",
    ),
)


def _people_grid(rows: list[Element], ctx: Reading, lines: list[Block]) -> bool:
    """A members table with a header row ("Navn | Parti | Status"): each member becomes an
    "Afbud: Name (Party)"-style line, the form the header parser reads. A table with two
    members a row ("Navn | Parti | Navn | Parti") gives both. False if it is not one."""
    head = [" ".join(ln.text for ln in ctx.cell(c)).strip() for c in rows[0].findall("tc")]
    starts = [k for k, h in enumerate(head) if _NAME_COLUMN.match(h)]
    if not starts or len(head) < 2:
        return False
    # one member a row: any column is the member's; two or more: those up to the next name
    bounds = [0] if len(starts) == 1 else starts
    groups = [
        _columns(head, name, a, b)
        for name, a, b in zip(starts, bounds, [*starts[1:], len(head)], strict=True)
    ]
    if all(party is None and status is None for _name, party, status, _role in groups):
        return False
    for row in rows[1:]:
        cells = [" ".join(ln.text for ln in ctx.cell(c)).strip() for c in row.findall("tc")]
        if len(cells) != len(head) or not cells[starts[0]]:
            lines.append(Block("  ".join(c for c in cells if c), ctx.page))
            continue
        for name_col, party_col, status_col, role_col in groups:
            if cells[name_col]:
                lines.append(Block(_member(cells, name_col, party_col, status_col, role_col),
                                   ctx.page))  # fmt: skip
    return True


def _columns(
    head: list[str], name: int, start: int, end: int
) -> tuple[int, int | None, int | None, int | None]:
    """(name, party, status, role) columns of one member's columns in a members table."""

    def find(pattern: re.Pattern[str]) -> int | None:
        return next((k for k in range(start, end) if k != name and pattern.match(head[k])), None)

    return name, find(_PARTY_COLUMN), find(_STATUS_COLUMN), find(_ROLE_COLUMN)


def _member(
    cells: list[str], name_col: int, party_col: int | None, status_col: int | None,
    role_col: int | None,
) -> str:  # fmt: skip
    person = cells[name_col]
    if role_col is not None and cells[role_col]:
        person = f"{cells[role_col]} {person}"
    if party_col is not None and cells[party_col]:
        person = f"{person} ({cells[party_col]})"
    status = cells[status_col] if status_col is not None else ""
    label = next((lab for pat, lab in _STATUS_LABELS if pat.match(status)), None)
    if label is None and status:
        return f"{person}: {status}"  # kept as written
    return f"{label or 'Deltagere'}: {person}"


_LABEL_WORDS = re.compile(
    r"(?i)^(?:sagsnr\.?|sags nr\.?|sagsnummer|j\.\s?nr\.?|journalnr\.?|ansvarlig|sagsbehandler|"
    r"dato|mødedato|udvalg|forvaltning|afdeling|enhed|kompetence|beslutningskompetence|"
    r"dokumentnr\.?|status|åben/lukket|åben|punkt|pkt\.?|sted|tidspunkt)\s*:?$"
)


def _label_row(row: Element, ctx: Reading) -> list[str] | None:
    cells = [[ln.text for ln in ctx.cell(c)] for c in row.findall("tc")]
    if len(cells) < 2 or any(len(c) != 1 for c in cells):
        return None
    texts = [c[0] for c in cells]

    def case_label(text: str) -> bool:
        found = casenumber.label(text)
        return found is not None and not found.group("rest").strip()

    def document_label(text: str) -> bool:
        found = casenumber.NOT_LABEL.match(text)
        return found is not None and found.end() == len(text)

    if all(_LABEL_WORDS.match(t) or case_label(t) or document_label(t) for t in texts) and any(
        case_label(t) for t in texts
    ):
        return texts
    return None


def _row_lines(row: Element, ctx: Reading, lines: list[Block]) -> None:
    cells: list[list[Block]] = []
    for cell in row.findall("tc"):
        cell_lines = ctx.cell(cell)
        texts = [ln.text for ln in cell_lines]
        if cell_lines and (not cells or texts != [ln.text for ln in cells[-1]]):
            cells.append(cell_lines)  # merged cells repeat their text; keep it once
    if not cells:
        return
    single = all(len(c) == 1 for c in cells)
    if single and len(cells) > 1 and cells[0][0].text.rstrip().endswith(":"):
        # A label cell and its value: "Sagsnr.:" | "12/27845"
        first = cells[0][0]
        joined = " ".join(c[0].text for c in cells)
        lines.append(Block(joined, first.page, first.bold, first.level, first.toc))
    elif single and len(cells) > 2:
        lines.append(Block("  ".join(c[0].text for c in cells), ctx.page))
    else:
        for cell_lines in cells:
            lines.extend(cell_lines)
