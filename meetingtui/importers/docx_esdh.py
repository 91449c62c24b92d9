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
from meetingtui.importers import docx_tables, zipparts
from meetingtui.importers.closed import part_mark, title_mark
from meetingtui.importers.furniture import closed_running_header, strip_running_lines
from meetingtui.importers.source import Block, Cont, Source, Span
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


_FURNITURE_PARTS = tuple(
    f"word/{kind}{n}.xml" for kind in ("header", "footer") for n in range(1, 10)
)
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
    if read_parts.damaged and _furniture_lost(root, parts):
        # A lost header may have said "Lukket referat": the items are closed, and the warning
        # says why (a false "open" publishes a secret).
        warnings.append(("import.docx.lost.furniture", {}))
        closed_header = True
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


def _furniture_lost(root: Element, parts: dict[str, bytes]) -> bool:
    """The document refers to more page headers and footers than could be read."""
    referenced = {
        value
        for tag in ("headerReference", "footerReference")
        for ref in root.iter(tag)
        for key, value in ref.attrib.items()
        if key == "id" or key.endswith("}id")
    }
    return len(referenced) > sum(1 for name in _FURNITURE_PARTS if name in parts)


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

    def cell(self, cell: Element) -> list[Block]:
        """The lines of a table cell, read like the body (see `docx_tables.Reading`)."""
        out: list[Block] = []
        _walk(cell, self, out)
        return out

    def number(self, num_id: str, ilvl: int) -> str:
        """The label Word shows for the next paragraph of list `num_id` at `ilvl` ("•" for
        bullets, "" for unknown lists)."""
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
        if level.fmt == "bullet":
            return "•"
        if level.fmt not in ("decimal", "decimalZero", "lowerLetter", "upperLetter"):
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            number = counts[k] or levels.get(k, _Level()).start
            fmt = levels.get(k, _Level()).fmt
            if fmt in ("lowerLetter", "upperLetter") and 1 <= number <= 26:
                letter = chr(ord("a") + number - 1)
                return letter.upper() if fmt == "upperLetter" else letter
            return str(number)

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
            docx_tables.table_lines(child, ctx, lines)
        elif child.tag in ("sdt", "sdtContent", "customXml", "smartTag"):
            _walk(child, ctx, lines)


def _paragraph_lines(paragraph: Element, ctx: _Context) -> list[Block]:
    ppr = paragraph.find("pPr")
    style_id = _attr(ppr.find("pStyle") if ppr is not None else None, "val")
    style = ctx.styles.get(style_id, "")
    level = _heading_level(style)
    heading = level > 0
    toc = style.startswith(("toc", "indholdsfortegnelse"))
    chunks: list[str] = []
    bold_runs: list[bool] = []
    spans: list[Span] = []
    if (
        ppr is not None
        and ppr.find("pageBreakBefore") is not None
        and (_attr(ppr.find("pageBreakBefore"), "val") not in ("0", "false", "off"))
    ):
        chunks.append(_PAGE_BREAK)
    boxes: list[Element] = []
    for run in _runs(paragraph, boxes):
        rpr = run.find("rPr")
        bold = _switch(rpr, "b")
        italic = _switch(rpr, "i")
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
        if joined:
            spans.append(Span(joined, bold, italic))
        if joined.strip():
            bold_runs.append(bold)
    style_bold = "bold" in style or "fed" in style
    is_bold = (bool(bold_runs) and all(bold_runs)) or style_bold
    segments = "".join(chunks).split(_PAGE_BREAK)
    first = next((k for k, seg in enumerate(segments) if seg.strip()), None)
    label, list_level = _list_label(ppr, style_id, ctx) if first is not None else ("", 0)
    numbered_heading = (
        first is not None
        and label[:1].isdigit()
        and (heading or is_bold)
        and not re.match(r"\s*\d", segments[first])
    )
    if numbered_heading and first is not None:
        # A heading gets its number back in its text: that is where an item's number lives.
        segments[first] = f"{label} {segments[first].lstrip()}"
    italic = bool(spans) and all(s.italic for s in spans if s.text.strip())
    mixed = any(s.bold or s.italic for s in spans if s.text.strip()) and not (is_bold or italic)
    out: list[Block] = []
    for k, segment in enumerate(segments):
        if k:
            ctx.page += 1
        for n, part in enumerate(segment.split("\n")):
            line = clean_line(part)
            if not line:
                continue
            block = Block(line, ctx.page, is_bold, level, toc, italic=italic)
            if n and out:
                block.cont = Cont.BREAK  # a line break the author typed inside the paragraph
            out.append(block)
    if out and label and not numbered_heading and not heading:
        out[0].list_label, out[0].list_level = label, list_level  # a list paragraph
    if len(out) == 1 and mixed and len(segments) == 1:
        out[0].spans = _clean_spans(spans)
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


def _list_label(ppr: Element | None, style_id: str, ctx: _Context) -> tuple[str, int]:
    """(the number or bullet Word shows before the paragraph, its list level), counting every
    numbered paragraph; ("", 0) for a paragraph of no list."""
    num_pr = ppr.find("numPr") if ppr is not None else None
    if num_pr is not None:
        num_id = _attr(num_pr.find("numId"), "val")
        ilvl_text = _attr(num_pr.find("ilvl"), "val")
        ilvl = int(ilvl_text) if ilvl_text.isdigit() else 0
    elif style_id in ctx.style_numbering:
        num_id, ilvl = ctx.style_numbering[style_id]
    else:
        return "", 0
    if not num_id or num_id == "0":
        return "", 0  # numId 0 switches a style's numbering off
    return ctx.number(num_id, ilvl), ilvl


def _switch(rpr: Element | None, name: str) -> bool:
    """A run property that is on (`<w:b/>`, `<w:i w:val="1"/>`), not switched off."""
    element = rpr.find(name) if rpr is not None else None
    return element is not None and _attr(element, "val") not in ("0", "false", "off")


def _clean_spans(spans: list[Span]) -> tuple[Span, ...]:
    """The runs of a one-line paragraph with its spaces as `clean_line` leaves them."""
    out: list[Span] = []
    for span in spans:
        text = " ".join(span.text.replace("\t", " ").split(" "))
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + text, span.bold, span.italic)
        else:
            out.append(Span(text, span.bold, span.italic))
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return tuple(s for s in out if s.text)
