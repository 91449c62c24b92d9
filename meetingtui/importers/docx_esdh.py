"""DOCX referats and dagsordener exported by ESDH systems (Acadre, SBSYS, eDoc, Prepare).

The document body is read in order, paragraphs and table cells alike, into `Block`s that carry
the paragraph style (heading, table of contents) and bold runs as hints, and then read by the
same pipeline as any other referat. The zip container is checked before anything is
unpacked, and the XML is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from meetingtui.errors import InputError, MeetingError
from meetingtui.importers import zipparts
from meetingtui.importers.closed import part_mark, title_mark
from meetingtui.importers.furniture import closed_running_header, strip_running_lines
from meetingtui.importers.source import Block, Source
from meetingtui.importers.text import clean_line
from meetingtui.importers.xmlsafe import parse_xml
from meetingtui.models import Meeting

FORMAT = "docx-esdh"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PAGE_BREAK = "\f"  # marks a page break inside a paragraph's text while it is read
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc


def sniff(data: bytes) -> bool:
    if data.startswith(_OLE_MAGIC):
        return True  # parse() explains that it must be saved as an unencrypted .docx
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


_FURNITURE_PARTS = tuple(f"word/{kind}{n}.xml" for kind in ("header", "footer") for n in (1, 2, 3))
# What a lost part costs the reading, for the warning.
_LOST = {"word/styles.xml": "styles", "word/numbering.xml": "numbering"}


def read(data: bytes, *, source: str = "") -> list[Source]:
    names = ("word/document.xml", "word/styles.xml", "word/numbering.xml", *_FURNITURE_PARTS)
    read_parts = zipparts.read_parts(data, names, source=source)
    parts = read_parts.found
    if "word/document.xml" not in parts:
        if read_parts.damaged:
            raise InputError("import.docx.document_cut", source=source)
        raise InputError("import.docx.no_document", source=source)
    warnings: list[tuple[str, dict[str, object]]] = []
    if read_parts.damaged:
        # The document part is whole; say what else could not be read.
        warnings.append(("import.docx.recovered", {}))
        warnings.extend((f"import.docx.lost.{_LOST[n]}", {}) for n in read_parts.lost if n in _LOST)
    ctx = _Context()
    try:
        root = parse_xml(parts["word/document.xml"])
        if "word/styles.xml" in parts:
            _read_styles(parse_xml(parts["word/styles.xml"]), ctx)
        if "word/numbering.xml" in parts:
            _read_numbering(parse_xml(parts["word/numbering.xml"]), ctx)
    except MeetingError as exc:
        raise InputError("import.docx.corrupt", source=source, reason=exc.message) from exc
    body = root.find("body")
    if body is None:
        raise InputError("import.docx.no_document", source=source)
    lines: list[Block] = []
    _walk(body, ctx, lines)
    closed_header = _closed_page_furniture(parts)
    if ctx.page == 0:
        return [Source(lines, unplaced=ctx.floating, warnings=warnings, closed_part=closed_header)]
    # Page breaks (explicit, or where Word last laid out a page) let repeated page furniture
    # typed into the body ("Økonomiudvalget 12-03-2024", "Side 2 af 7") be recognised.
    pages: list[list[Block]] = [[] for _ in range(ctx.page + 1)]
    for line in lines:
        pages[line.page].append(line)
    closed = closed_header or closed_running_header(pages)
    pages, dropped, _last = strip_running_lines(pages, cautious=True)
    blocks = [b for page in pages for b in page]
    return [Source(blocks, unplaced=ctx.floating, dropped_lines=dropped, closed_part=closed,
                   warnings=warnings)]  # fmt: skip


def _closed_page_furniture(parts: dict[str, bytes]) -> bool:
    """A page header or footer that says the document is closed ("Lukket referat")."""
    for name in _FURNITURE_PARTS:
        if name not in parts:
            continue
        try:
            root = parse_xml(parts[name])
        except MeetingError:
            continue  # a broken header cannot close anything; the body is read as usual
        paragraphs = ["".join(t.text or "" for t in p.iter("t")) for p in root.iter("p")]
        if any(part_mark(text.strip()) is True or title_mark(text)[0] is True
               for text in paragraphs if text.strip()):  # fmt: skip
            return True
    return False


def _attr(element: Element | None, name: str) -> str:
    if element is None:
        return ""
    return element.get(f"{_W}{name}") or element.get(name) or ""


@dataclass
class _Level:
    fmt: str = "decimal"
    start: int = 1
    text: str = "%1."


@dataclass
class _Context:
    """Style names and list numbering of one document, and the list counters while reading it.

    Word keeps the number of a numbered paragraph out of its text (w:numPr); an item heading
    "3. Budget" may hold only "Budget". The number is rebuilt from numbering.xml the way Word
    counts it: per abstract list and level, deeper levels restarting under a new parent.
    """

    styles: dict[str, str] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)  # numId, ilvl
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> lvls
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start
    counters: dict[str, list[int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    page: int = 0  # page breaks seen so far
    floating: list[str] = field(default_factory=list)  # text of text boxes

    def number(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of list `num_id` at `ilvl` ("" for
        bullets and unknown lists)."""
        abstract = self.abstract_of.get(num_id)
        levels = self.levels.get(abstract or "")
        if abstract is None or levels is None or not 0 <= ilvl < 9:
            return ""
        counts = self.counters.setdefault(abstract, [0] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for (oid, olvl), start in self.overrides.items():
                if oid == num_id:
                    counts[olvl] = start - 1
        level = levels.get(ilvl, _Level())
        counts[ilvl] = (counts[ilvl] or level.start - 1) + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if level.fmt not in ("decimal", "decimalZero"):
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            return str(counts[k] or levels.get(k, _Level()).start)

        return re.sub(r"%([1-9])", value, level.text).strip()


def _read_styles(root: Element, ctx: _Context) -> None:
    for style in root.iter("style"):
        style_id = _attr(style, "styleId")
        ctx.styles[style_id] = _attr(style.find("name"), "val").lower()
        num_pr = style.find("pPr/numPr")
        if num_pr is not None and _attr(num_pr.find("numId"), "val"):
            ilvl = _attr(num_pr.find("ilvl"), "val")
            ctx.style_numbering[style_id] = (
                _attr(num_pr.find("numId"), "val"),
                int(ilvl) if ilvl.isdigit() else 0,
            )


def _read_numbering(root: Element, ctx: _Context) -> None:
    for abstract in root.findall("abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in abstract.findall("lvl"):
            ilvl = _attr(lvl, "ilvl")
            start = _attr(lvl.find("start"), "val")
            if ilvl.isdigit():
                levels[int(ilvl)] = _Level(
                    fmt=_attr(lvl.find("numFmt"), "val") or "decimal",
                    start=int(start) if start.isdigit() else 1,
                    text=_attr(lvl.find("lvlText"), "val"),
                )
        ctx.levels[_attr(abstract, "abstractNumId")] = levels
    for num in root.findall("num"):
        num_id = _attr(num, "numId")
        ctx.abstract_of[num_id] = _attr(num.find("abstractNumId"), "val")
        for override in num.findall("lvlOverride"):
            ilvl, start = _attr(override, "ilvl"), _attr(override.find("startOverride"), "val")
            if ilvl.isdigit() and start.isdigit():
                ctx.overrides[(num_id, int(ilvl))] = int(start)


def _walk(container: Element, ctx: _Context, lines: list[Block]) -> None:
    for child in container:
        if child.tag == "p":
            lines.extend(_paragraph_lines(child, ctx))
        elif child.tag == "tbl":
            _table_lines(child, ctx, lines)
        elif child.tag in ("sdt", "sdtContent", "customXml", "smartTag"):
            _walk(child, ctx, lines)


def _table_lines(table: Element, ctx: _Context, lines: list[Block]) -> None:
    rows = table.findall("tr")
    if len(rows) >= 2 and _people_grid(rows, ctx, lines):
        return
    labels = _label_row(rows[0], ctx) if len(rows) >= 2 else None
    if labels is not None:
        # A metadata table with the labels in its first row ("Sagsnr. | Ansvarlig | Dato")
        # and the values below: each value is read as "Label: value".
        for row in rows[1:]:
            values = [" ".join(ln.text for ln in _cell_lines(c, ctx)) for c in row.findall("tc")]
            if len(values) != len(labels):
                _row_lines(row, ctx, lines)
                continue
            for label, value in zip(labels, values, strict=True):
                if value:
                    lines.append(Block(f"{label.rstrip(':')}: {value}", ctx.page))
        return
    for row in rows:
        _row_lines(row, ctx, lines)


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


def _people_grid(rows: list[Element], ctx: _Context, lines: list[Block]) -> bool:
    """A members table with a header row ("Navn | Parti | Status"): each member becomes an
    "Afbud: Name (Party)"-style line, the form the header parser reads. False if it is not one."""
    head = [" ".join(ln.text for ln in _cell_lines(c, ctx)).strip() for c in rows[0].findall("tc")]
    name_col = next((k for k, h in enumerate(head) if _NAME_COLUMN.match(h)), None)
    if name_col is None or len(head) < 2:
        return False
    party_col = next((k for k, h in enumerate(head) if _PARTY_COLUMN.match(h)), None)
    status_col = next(
        (k for k, h in enumerate(head) if k != name_col and _STATUS_COLUMN.match(h)), None
    )
    role_col = next((k for k, h in enumerate(head) if _ROLE_COLUMN.match(h)), None)
    if party_col is None and status_col is None:
        return False
    for row in rows[1:]:
        cells = [" ".join(ln.text for ln in _cell_lines(c, ctx)).strip() for c in row.findall("tc")]
        if len(cells) != len(head) or not cells[name_col]:
            lines.append(Block("  ".join(c for c in cells if c), ctx.page))
            continue
        person = cells[name_col]
        if role_col is not None and cells[role_col]:
            person = f"{cells[role_col]} {person}"
        if party_col is not None and cells[party_col]:
            person = f"{person} ({cells[party_col]})"
        status = cells[status_col] if status_col is not None else ""
        label = next((lab for pat, lab in _STATUS_LABELS if pat.match(status)), None)
        if label is None and status:
            lines.append(Block(f"{person}: {status}", ctx.page))  # kept as written
        else:
            lines.append(Block(f"{label or 'Deltagere'}: {person}", ctx.page))
    return True


_LABEL_WORDS = re.compile(
    r"(?i)^(?:sagsnr\.?|sags nr\.?|sagsnummer|j\.\s?nr\.?|journalnr\.?|ansvarlig|sagsbehandler|"
    r"dato|mødedato|udvalg|forvaltning|afdeling|enhed|kompetence|beslutningskompetence|"
    r"dokumentnr\.?|status|åben/lukket|åben|punkt|pkt\.?|sted|tidspunkt)\s*:?$"
)


def _label_row(row: Element, ctx: _Context) -> list[str] | None:
    cells = [[ln.text for ln in _cell_lines(c, ctx)] for c in row.findall("tc")]
    if len(cells) < 2 or any(len(c) != 1 for c in cells):
        return None
    texts = [c[0] for c in cells]
    if all(_LABEL_WORDS.match(t) for t in texts) and any(
        re.match(r"(?i)^(?:sagsnr|sags nr|sagsnummer|j\.\s?nr|journalnr)", t) for t in texts
    ):
        return texts
    return None


def _cell_lines(cell: Element, ctx: _Context) -> list[Block]:
    out: list[Block] = []
    _walk(cell, ctx, out)
    return out


def _row_lines(row: Element, ctx: _Context, lines: list[Block]) -> None:
    cells: list[list[Block]] = []
    for cell in row.findall("tc"):
        cell_lines = _cell_lines(cell, ctx)
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


def _paragraph_lines(paragraph: Element, ctx: _Context) -> list[Block]:
    ppr = paragraph.find("pPr")
    style_id = _attr(ppr.find("pStyle") if ppr is not None else None, "val")
    style = ctx.styles.get(style_id, "")
    level = _heading_level(style)
    heading = level > 0
    toc = style.startswith(("toc", "indholdsfortegnelse"))
    chunks: list[str] = []
    bold_runs: list[bool] = []
    if (
        ppr is not None
        and ppr.find("pageBreakBefore") is not None
        and (_attr(ppr.find("pageBreakBefore"), "val") not in ("0", "false", "off"))
    ):
        chunks.append(_PAGE_BREAK)
    boxes: list[Element] = []
    for run in _runs(paragraph, boxes):
        rpr = run.find("rPr")
        bold_el = rpr.find("b") if rpr is not None else None
        bold = bold_el is not None and _attr(bold_el, "val") not in ("0", "false", "off")
        text = []
        for node in run:
            if node.tag == "t":
                text.append(node.text or "")
            elif node.tag == "tab":
                text.append("\t")
            elif node.tag == "noBreakHyphen":
                text.append("-")  # "24‑001234" typed with Ctrl+Shift+-
            elif node.tag == "lastRenderedPageBreak" or (
                node.tag == "br" and _attr(node, "type") == "page"
            ):
                text.append(_PAGE_BREAK)
            elif node.tag in ("br", "cr"):
                text.append("\n")
        joined = "".join(text)
        chunks.append(joined)
        if joined.strip():
            bold_runs.append(bold)
    style_bold = "bold" in style or "fed" in style
    is_bold = (bool(bold_runs) and all(bold_runs)) or style_bold
    segments = "".join(chunks).split(_PAGE_BREAK)
    first = next((k for k, seg in enumerate(segments) if seg.strip()), None)
    label = _list_label(ppr, style_id, ctx) if first is not None else ""
    if (
        first is not None
        and label
        and (heading or is_bold)
        and not re.match(r"\s*\d", segments[first])
    ):
        # Only headings get their number back: that is where an item's number lives; body
        # lists keep their text as written.
        segments[first] = f"{label} {segments[first].lstrip()}"
    out = []
    for k, segment in enumerate(segments):
        if k:
            ctx.page += 1
        for part in segment.split("\n"):
            text = clean_line(part)
            if text:
                out.append(Block(text, ctx.page, is_bold, level, toc))
    for box in boxes:
        # A text box floats where the layout puts it (a letterhead, an address): its text is
        # kept with the meeting, out of the reading order of the referat.
        box_lines: list[Block] = []
        _walk(box, ctx, box_lines)
        if box_lines:
            ctx.floating.append("\n".join(ln.text for ln in box_lines))
    return out


def _runs(element: Element, boxes: list[Element]) -> Iterator[Element]:
    """The runs of a paragraph in order (inside hyperlinks, fields, insertions), without the
    fallback copy of alternate content and with text boxes set aside: Word stores a text box
    twice (drawing and VML fallback), and its paragraphs are not part of the anchoring one."""
    for child in element:
        if child.tag in ("Fallback", "del", "moveFrom"):
            continue  # a fallback copy, or text deleted or moved away in tracked changes
        if child.tag == "txbxContent":
            boxes.append(child)
            continue
        if child.tag == "r":
            yield child
        yield from _runs(child, boxes)


# Custom paragraph styles ESDH templates give their item headings ("Dagsordenspunkt",
# "Punktoverskrift", "AgendaItemTitle")
_ITEM_STYLE = re.compile(
    r"dagsordens?punkt|punktoverskrift|punkttitel|sagsoverskrift|sagstitel|agenda\s*item|"
    r"agendaitem|item\s*heading|itemheading|punkt\s*overskrift"
)


def _heading_level(style: str) -> int:
    """The heading level a paragraph style name gives ("heading 2", "Overskrift 3", a custom
    item heading style); 0 for body text."""
    if style.startswith(("title", "titel")) or _ITEM_STYLE.search(style):
        return 1
    if style.startswith(("heading", "overskrift")):
        digits = re.search(r"\d", style)
        return int(digits.group()) if digits else 1
    return 0


def _list_label(ppr: Element | None, style_id: str, ctx: _Context) -> str:
    """The list number Word shows before the paragraph, counting every numbered paragraph."""
    num_pr = ppr.find("numPr") if ppr is not None else None
    if num_pr is not None:
        num_id = _attr(num_pr.find("numId"), "val")
        ilvl_text = _attr(num_pr.find("ilvl"), "val")
        ilvl = int(ilvl_text) if ilvl_text.isdigit() else 0
    elif style_id in ctx.style_numbering:
        num_id, ilvl = ctx.style_numbering[style_id]
    else:
        return ""
    if not num_id or num_id == "0":
        return ""  # numId 0 switches a style's numbering off
    return ctx.number(num_id, ilvl)
