"""Referat and dagsorden PDFs with a text layer, as Danish agenda systems produce them.

pypdfium2 extracts the text page by page, offline. Bold lines are marked from the font weight
of each line's first letter (one lookup per line keeps extraction fast); the classifier uses
them as a hint for item and section headings.
"""

from __future__ import annotations

import ctypes
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from meetingtui.errors import InputError
from meetingtui.importers import limits, ocr
from meetingtui.importers.furniture import (
    closed_running_header,
    split_attachment_pages,
    strip_running_lines,
)
from meetingtui.importers.source import Block, Source
from meetingtui.importers.text import clean_line
from meetingtui.models import Meeting

FORMAT = "pdf-referat"

# A document with fewer letters than this has no usable text layer (a scan, a drawing).
_MIN_LETTERS_PER_DOCUMENT = 40


def sniff(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


@ocr.reads_scans  # a scan without a text layer is read through OCR when the machine has it
def read(data: bytes, *, source: str = "") -> list[Source]:
    pages = extract_pages(data, source=source)
    closed = closed_running_header(pages)
    pages, dropped, last_with_header = strip_running_lines(pages)
    pages, attachments = split_attachment_pages(pages, last_with_header)
    blocks = [b for page in pages for b in page]
    return [Source(blocks, unplaced=attachments, dropped_lines=dropped, closed_part=closed)]


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def extract_pages(data: bytes, *, source: str = "") -> list[list[Block]]:
    """Lines of every page, with a bold hint; raises InputError for unreadable PDFs."""
    limits.check_size(data, limits.MAX_FILE_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
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
        pages: list[list[tuple[str, int]]] = []
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
    letters = sum(ch.isalpha() for page in pages for text, _ in page for ch in text)
    if letters < _MIN_LETTERS_PER_DOCUMENT:
        raise InputError("import.pdf.no_text", source=source, pages=len(pages))
    weights = Counter(w for page in pages for _, w in page if w > 0)
    body_weight = weights.most_common(1)[0][0] if weights else 400
    out: list[list[Block]] = []
    for index, page in enumerate(pages):
        blocks = []
        for text, weight in page:
            cleaned = clean_line(text)
            if cleaned:
                blocks.append(Block(cleaned, index, _is_bold(weight, body_weight)))
        out.append(blocks)
    return out


def _page_lines(textpage: pdfium.PdfTextPage) -> list[tuple[str, int]]:
    # PDFium marks a hyphen at a line break as U+FFFE; it is a hyphen in the text. One
    # character for one keeps the positions used for the bold hints.
    text = textpage.get_text_range().replace("\ufffe", "-")
    out: list[tuple[str, int]] = []
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
        out.append((line, weight))
        pos += len(chunk)
    return out


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
