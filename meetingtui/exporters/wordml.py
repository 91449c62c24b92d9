"""WordprocessingML building blocks: runs, list paragraphs with real Word numbering, tables with
a marked header row.

Written as XML text and parsed once by the caller (see `docx.py` for why). Every renderer of
.docx content uses these, so a list is always a Word list (`w:numPr`: screen readers announce
"list, 3 items", and Word renumbers it) and a table always has a header row that repeats on
every page and is read out as column headers (`w:tblHeader`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import Enum
from typing import cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

# Characters XML 1.0 forbids; the record is already clean, but an export must never fail.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RTL_RANGE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def xml_escape(text: str) -> str:
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr_escape(text: str) -> str:
    return xml_escape(text).replace('"', "&quot;")


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    if not _RTL_RANGE.search(text):
        return False
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def runs(text: str, *, bold: bool = False, rtl: bool = False) -> str:
    """Runs for `text`: a line break for each newline, a tab for each tab."""
    props = ("<w:b/>" if bold else "") + ("<w:rtl/>" if rtl else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    out = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if piece:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>')
    return "".join(out)


def field(instruction: str, cached: str) -> str:
    """A complex field (PAGE, NUMPAGES, PAGEREF) with the result shown until it is computed."""
    result = f'<w:r><w:t xml:space="preserve">{xml_escape(cached)}</w:t></w:r>' if cached else ""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# --- lists ------------------------------------------------------------------------------------


class ListKind(Enum):
    NUMBERED = "numbered"  # 1. 2. 3. (a) b) c) and i. ii. on deeper levels)
    BULLET = "bullet"  # • – ▪


_LEVELS = {
    ListKind.NUMBERED: (("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3.")),
    ListKind.BULLET: (("bullet", "•"), ("bullet", "–"), ("bullet", "▪")),
}
_LIST_INDENT = 567  # each level 1 cm further in; the number hangs in 0.63 cm


def _abstract_num_xml(abstract_id: int, kind: ListKind, base_indent: int) -> str:
    levels = []
    for level, (fmt, text) in enumerate(_LEVELS[kind]):
        left = base_indent + _LIST_INDENT * (level + 1)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """The document's list definitions. `new_list` gives every list its own `w:num`, so each
    starts at its own first number instead of continuing the list before it."""

    def __init__(self, document_part: DocumentPart) -> None:
        part: XmlPart
        try:
            part = cast(XmlPart, document_part.part_related_by(RT.NUMBERING))
        except KeyError:
            # python-docx cannot create a numbering part itself (NumberingPart.new is missing).
            element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
            part = NumberingPart(
                PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document_part.package
            )
            document_part.relate_to(part, RT.NUMBERING)
        self._root: etree._Element = part.element
        self._next_abstract = 1 + max(
            (int(e.get(f"{_W}abstractNumId")) for e in self._root.iter(f"{_W}abstractNum")),
            default=-1,
        )
        self._next_num = 1 + max(
            (int(e.get(f"{_W}numId")) for e in self._root.iter(f"{_W}num")), default=0
        )
        self._abstract: dict[tuple[ListKind, int], int] = {}

    def _abstract_id(self, kind: ListKind, indent: int) -> int:
        key = (kind, indent)
        if key not in self._abstract:
            abstract_id = self._next_abstract
            self._next_abstract += 1
            element = parse_xml(_abstract_num_xml(abstract_id, kind, indent))
            # The schema puts every abstractNum before the first num.
            first_num = self._root.find(f"{_W}num")
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self._root.append(element)
            self._abstract[key] = abstract_id
        return self._abstract[key]

    def new_list(self, kind: ListKind, start: int = 1, *, indent: int = 0) -> int:
        """A new list of `kind` whose first item is numbered `start`; returns its numId.
        `indent` (twips) moves the whole list in, e.g. to line up with indented paragraphs."""
        abstract_id = self._abstract_id(kind, indent)
        num_id = self._next_num
        self._next_num += 1
        self._root.append(
            parse_xml(
                f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return num_id


def list_paragraph_xml(content: str, style_id: str, num_id: int, level: int = 0) -> str:
    """A paragraph that is item of list `num_id` (from `Numbering.new_list`) at `level`."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>'
        f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        f"</w:pPr>{content}</w:p>"
    )


# --- tables -----------------------------------------------------------------------------------

_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
_BORDERS = "".join(_BORDER.format(side=s) for s in ("top", "left", "bottom", "right"))
_INNER = "".join(_BORDER.format(side=s) for s in ("insideH", "insideV"))


def _cell(text: str, width: int, *, header: bool, style_id: str) -> str:
    lines = text.split("\n") if text else [""]
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:spacing w:before="0" w:after="0"/></w:pPr>'
        f"{runs(line, bold=header)}</w:p>"
        for line in lines
    )
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'


def table_xml(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    style_id: str,
    indent: int = 0,
    caption: str = "",
) -> str:
    """A table whose first row is the header row (repeated on each page, read as column
    headers). A newline inside a cell starts a new paragraph in it. Widths are in twips;
    `caption` is the table's name for screen readers (Word's alt-text title)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header_row = "".join(
        _cell(text, w, header=True, style_id=style_id)
        for text, w in zip(header, widths, strict=True)
    )
    body_rows = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(
            _cell(text, w, header=False, style_id=style_id)
            for text, w in zip(row, widths, strict=True)
        )
        + "</w:tr>"
        for row in rows
    )
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
        f"<w:tblBorders>{_BORDERS}{_INNER}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        + (f'<w:tblCaption w:val="{attr_escape(caption)}"/>' if caption else "")
        + f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header_row}</w:tr>{body_rows}</w:tbl>"
    )
