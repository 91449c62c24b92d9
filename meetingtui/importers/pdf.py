"""Referat and dagsorden PDFs with a text layer, as Danish agenda systems produce them.

pypdfium2 extracts the text page by page, offline. Bold lines are marked from the font weight
of each line's first letter (one lookup per line keeps extraction fast); the classifier uses
them as a hint for item and section headings.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from typing import TYPE_CHECKING

from meetingtui.errors import InputError
from meetingtui.importers import limits, ocr, reflow
from meetingtui.importers.furniture import (
    closed_running_header,
    dropped_from_first_page,
    split_attachment_pages,
    strip_running_lines,
)
from meetingtui.importers.reflow import Geometry
from meetingtui.importers.source import Block, Source
from meetingtui.importers.text import clean_line
from meetingtui.models import Meeting

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

FORMAT = "pdf-referat"

# A document with fewer letters than this has no usable text layer (a scan, a drawing).
_MIN_LETTERS_PER_DOCUMENT = 40


def sniff(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


@ocr.reads_scans  # a scan without a text layer is read through OCR when the machine has it
def read(data: bytes, *, source: str = "", scanned: bool = False) -> list[Source]:
    pages = extract_pages(data, source=source, scanned=scanned)
    closed = closed_running_header(pages)
    stripped, dropped, last_with_header = strip_running_lines(pages)
    running_header = dropped_from_first_page(pages, stripped)
    pages, attachments = split_attachment_pages(stripped, last_with_header)
    blocks = [b for page in pages for b in page]
    return [Source(blocks, unplaced=attachments, dropped_lines=dropped, closed_part=closed,
                   running_header=running_header)]  # fmt: skip


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def extract_pages(data: bytes, *, source: str = "", scanned: bool = False) -> list[list[Block]]:
    """Lines of every page, with a bold hint; raises InputError for unreadable PDFs. `scanned`:
    the text layer is OCR's (its positions are less exact)."""
    limits.check_size(data, limits.MAX_FILE_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    # Loaded here, where a PDF is read: loading PDFium cost every other import 0.06-0.14 s.
    # The helpers below call the raw functions per character, so the module is kept global.
    global pdfium_c
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason or "security" in reason:
            raise InputError("import.pdf.encrypted", source=source) from exc
        raise InputError("import.pdf.corrupt", source=source, reason=str(exc)) from exc
    try:
        count = len(pdf)
        if count > limits.MAX_PDF_PAGES:
            raise InputError("import.pdf.too_many_pages", source=source, pages=count,
                             limit=limits.MAX_PDF_PAGES)  # fmt: skip
        pages: list[list[tuple[str, int, Geometry | None]]] = []
        for index in range(count):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                raise InputError("import.pdf.corrupt", source=source, reason=str(exc)) from exc
            pages.append(_page_lines(textpage))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    letters = sum(ch.isalpha() for page in pages for text, _w, _g in page for ch in text)
    if letters < _MIN_LETTERS_PER_DOCUMENT:
        raise InputError("import.pdf.no_text", source=source, pages=len(pages))
    weights = Counter(w for page in pages for _t, w, _g in page if w > 0)
    body_weight = weights.most_common(1)[0][0] if weights else 400
    out: list[list[Block]] = []
    for index, page in enumerate(pages):
        blocks = []
        boxes = []
        for text, weight, box in page:
            cleaned = clean_line(text)
            if cleaned:
                blocks.append(Block(cleaned, index, _is_bold(weight, body_weight)))
                boxes.append(box)
        # The layout's line breaks are no paragraphs.
        reflow.by_geometry(blocks, boxes, scanned=scanned)
        out.append(blocks)
    return out


def _page_lines(textpage: pdfium.PdfTextPage) -> list[tuple[str, int, Geometry | None]]:
    """(text, font weight, where it stands) of each line of a page."""
    text = textpage.get_text_range()
    out: list[tuple[str, int, Geometry | None]] = []
    pos = 0
    raw = textpage.raw
    for chunk in text.splitlines(keepends=True):
        line = chunk.rstrip("\r\n")
        weight = -1
        for offset, ch in enumerate(line):
            if ch.isalnum():
                weight = pdfium_c.FPDFText_GetFontWeight(raw, pos + offset)
                if weight < 600:
                    # Embedded subsets (LibreOffice, Word) often report 400 for a bold face;
                    # the font's name ("DejaVuSerif-Bold") still says it.
                    named = _weight_from_name(raw, pos + offset)
                    weight = named if named >= 600 or weight <= 0 else weight
                break
        box = _geometry(raw, pos, line)
        out.append((_hyphens(_column_gaps(raw, pos, line, box)), weight, box))
        pos += len(chunk)
    return out


# PDFium joins a word broken at the line end and marks the hyphen U+FFFE. It is a hyphen in
# the text ("p-huse"); before "og" it ends a shortened word ("Teknik- og Miljøudvalget").
_LINE_HYPHEN = re.compile("\ufffe(?=(?:og|eller|samt|til|fra|som)\\b)")


def _hyphens(line: str) -> str:
    if "\ufffe" not in line:
        return line
    return _LINE_HYPHEN.sub("- ", line).replace("\ufffe", "-")


_BOX = [ctypes.c_double() for _ in range(4)]
_BOX_REFS = [ctypes.byref(value) for value in _BOX]


def _box(raw: object, index: int) -> tuple[float, float, float, float] | None:
    if not pdfium_c.FPDFText_GetCharBox(raw, index, *_BOX_REFS):
        return None
    return _BOX[0].value, _BOX[1].value, _BOX[2].value, _BOX[3].value  # left, right, bottom, top


def _geometry(raw: object, pos: int, line: str) -> Geometry | None:
    """The line's box from its first and last characters, and its first word's width."""
    stripped = line.rstrip()
    start = len(line) - len(line.lstrip())
    if not stripped.strip():
        return None
    first = _box(raw, pos + start)
    last = _box(raw, pos + len(stripped) - 1)
    space = stripped.find(" ", start)
    word_end = _box(raw, pos + (space - 1 if space > start else len(stripped) - 1))
    if first is None or last is None or word_end is None:
        return None
    # A line PDFium joined at a broken word (U+FFFE) reaches the margin where it breaks.
    widest = max(
        [last[1], *(box[1] for k, ch in enumerate(stripped) if ch == "\ufffe"
                    if (box := _box(raw, pos + k)) is not None)]
    )  # fmt: skip
    return Geometry(first[0], last[1], max(first[3], last[3]), min(first[2], last[2]),
                    word_end[1] - first[0], widest)  # fmt: skip


# A gap between two words wider than this many ems on one line is a column's edge (a space
# is a quarter of an em, a justified line's widest some one em).
_COLUMN_GAP_EMS = 2.0
# Lines longer than this are running text, not columns; they are not measured (speed).
_COLUMN_LINE_MAX = 160
# A line wider than this many ems a character stands in more than one column, or is spread out:
# text averages about half an em a character, capitals some two thirds.
_SPREAD_EMS = 0.75


def _column_gaps(raw: object, pos: int, line: str, box: Geometry | None) -> str:
    """The line with each gap between columns (members in two columns, placed side by side
    by position) as a run of spaces, as a text export has it: PDFium writes one space there,
    so "Bo Krag (A), formand" and "Lise Vig (V)" read as one list with a role between them.
    The spaces PDFium made up for a gap in the text and runs of several are measured; a single
    space the document wrote only where the line is much wider than its characters fill (a
    layout program may write one space and then place the next column far to the right;
    measuring every space of running text would cost)."""
    if " " not in line.strip() or len(line) > _COLUMN_LINE_MAX:
        return line
    size = 0.0
    every = False
    if box is not None:
        size = pdfium_c.FPDFText_GetFontSize(raw, pos + len(line) - len(line.lstrip()))
        every = box.right - box.left > _SPREAD_EMS * size * len(line.strip())
    out: list[str] = []
    last = 0
    for run in _SPACE_RUN.finditer(line):
        start, end = run.span()
        if start == 0 or end == len(line):
            continue
        if end - start == 1 and not every and not pdfium_c.FPDFText_IsGenerated(raw, pos + start):
            continue
        size = size or pdfium_c.FPDFText_GetFontSize(raw, pos + start - 1)
        if _wide_gap(raw, pos + start - 1, pos + end, size):
            out += [line[last:start], "    "]
            last = end
    return "".join([*out, line[last:]]) if out else line


_SPACE_RUN = re.compile(" +")


def _wide_gap(raw: object, before: int, after: int, size: float) -> bool:
    """Whether the characters at `before` and `after` stand apart on one line by a column's
    gap, measured in the font's size."""
    if size <= 0:
        return False
    left, right = _box(raw, before), _box(raw, after)
    if left is None or right is None:
        return False
    same_line = abs(left[2] - right[2]) < size / 2 or abs(left[3] - right[3]) < size / 2
    return same_line and right[0] - left[1] > _COLUMN_GAP_EMS * size


_NAME_BUFFER = ctypes.create_string_buffer(256)


def _weight_from_name(raw: object, index: int) -> int:
    """Standard fonts (Helvetica-Bold) and many embedded subsets report no usable weight; their
    name says it."""
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME_BUFFER, 256, ctypes.byref(flags))
    if length <= 0:
        return -1
    name = _NAME_BUFFER.value.decode("latin-1", "replace").lower()
    return 700 if ("bold" in name or "black" in name or "heavy" in name) else 400


def _is_bold(weight: int, body_weight: int) -> bool | None:
    if weight <= 0:
        return None
    return weight >= 600 or weight >= body_weight + 90
