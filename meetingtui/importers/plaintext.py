"""Plain text extracted from a PDF referat or dagsorden (pdftotext, copy-paste, web transcripts).

Three layouts occur: pages separated by form feeds (pdftotext), a web viewer's "transcript"
with one numbered line per page, and plain lines with no page breaks at all.
"""

from __future__ import annotations

import re

from meetingtui.errors import InputError
from meetingtui.importers import casenumber, limits, reflow
from meetingtui.importers.classify import ATTENDANCE_KIND, SECTION, classify
from meetingtui.importers.furniture import (
    closed_running_header,
    dropped_from_first_page,
    split_attachment_pages,
    strip_running_lines,
)
from meetingtui.importers.heads import item_head
from meetingtui.importers.source import Block, Cont, Source
from meetingtui.importers.text import clean_line, decode_document
from meetingtui.models import Meeting

FORMAT = "text-referat"

# "Referat", "... Udvalgets møde", or a one-item file's "Økonomiudvalget, 12.03.2024, pkt. 7"
_MARKERS = re.compile(
    rb"(?i)(referat|dagsorden|beslutningsprotokol|s m\xc3\xb8de\b|"
    rb"\d{2,4},?\s+(?:pkt\.?|punkt)\s*\d{1,4}\b)"
)
_STRUCTURE = re.compile(
    rb"(?i)(sagsnr|beslutning|indholdsfortegnelse|punkt\s+\d|indstilling|sagsfremstilling)"
)
_ITEM_LABELS = re.compile(
    rb"(?im)^[ \t]*(beslutning|indstilling|sagsfremstilling|beslutningskompetence|resum\xc3\xa9|"
    rb"sagsnr\.?|sag nr\.)\b"
)
_SNIFF_LINES = 4000
_PAGE_LINE = re.compile(r"^(\d{1,4})(?:\s+(.*))?$")
_PAGE_FOOTER = re.compile(r"(?i)\bside\s*\d+(?:\s*(?:af|/)\s*\d+)?\b|^\d+\s*(?:af|/)\s*\d+$")


def sniff(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = decode_document(data[:16384]).encode("utf-8", "replace")
    elif b"\x00" in head:
        return False
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"[", b"<") or stripped.startswith(b"%PDF") or head[:2] == b"PK":
        return False
    window = data[:400_000]
    marked = _MARKERS.search(head[:6000]) is not None
    if marked and _STRUCTURE.search(window):
        return True
    # Web copies of a referat may lack the word "referat"; several item labels still tell.
    if len({m.group(1).lower() for m in _ITEM_LABELS.finditer(window)}) >= 3:
        return True
    # Systems whose only labels are "Sags nr." and "Afgørelse": the items themselves tell.
    return _confirmed_items(decode_document(window)) >= (1 if marked else 2)


def _confirmed_items(text: str) -> int:
    """How many item headings ("1. Budget 2025", "Punkt 3: ...") have a case number or one of
    an item's labelled parts (a decision, an indstilling) right under them: a meeting's item
    structure, which a letter's or a list's numbered lines do not have."""
    lines = [line.strip() for line in text.split("\n")[:_SNIFF_LINES] if line.strip()]
    found = 0
    for k, line in enumerate(lines):
        if len(line) > 250 or item_head(Block(line)) is None:
            continue
        for below in lines[k + 1 : k + 5]:
            if item_head(Block(below)) is not None:
                break
            kind = classify(Block(below))
            if casenumber.label(below) is not None or (
                kind is not None and kind.kind not in (SECTION, ATTENDANCE_KIND)
            ):
                found += 1
                break
        if found >= 2:
            break
    return found


def read(data: bytes, *, source: str = "") -> list[Source]:
    limits.check_size(data, limits.MAX_TEXT_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    text = decode_document(data).replace("\r\n", "\n").replace("\r", "\n")
    unplaced: list[str] = []
    if "\f" in text:
        pages = [_lines(chunk, n) for n, chunk in enumerate(text.split("\f"))]
    else:
        transcript = _transcript_pages(text.split("\n"))
        if transcript is not None:
            pages, before, after = transcript
            unplaced.extend(t for t in (before, after) if t)
        else:
            pages = [_lines(text, 0)]
    pages = [p for p in pages if p]
    dropped = 0
    closed = closed_running_header(pages)
    running_header: list[str] = []
    if len(pages) > 1:
        stripped, dropped, last_with_header = strip_running_lines(pages)
        running_header = dropped_from_first_page(pages, stripped)
        pages, attachments = split_attachment_pages(stripped, last_with_header)
        unplaced.extend(attachments)
    elif pages:
        kept = _drop_repeated_footers(pages[0])
        dropped = len(pages[0]) - len(kept)
        pages = [kept]
    blocks = [b for page in pages for b in page]
    return [Source(blocks, unplaced=unplaced, dropped_lines=dropped, closed_part=closed,
                   running_header=running_header)]  # fmt: skip


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)


def _lines(chunk: str, page: int) -> list[Block]:
    """The lines of a page; a line the layout wrapped continues its paragraph, a blank line
    always ends one."""
    blocks: list[Block] = []
    after_blank: set[int] = set()
    for raw in chunk.split("\n"):
        text = clean_line(raw)
        if text:
            blocks.append(Block(text, page))
        else:
            after_blank.add(len(blocks))
    reflow.by_length(blocks)
    for index in after_blank:
        if index < len(blocks):
            blocks[index].cont = Cont.NEW
    return blocks


def _transcript_pages(raw_lines: list[str]) -> tuple[list[list[Block]], str, str] | None:
    """A viewer transcript: "1 <page one>", "2 <page two>", ... each page on one line."""
    numbered = [
        (i, int(m.group(1)), m.group(2) or "")
        for i, raw in enumerate(raw_lines)
        if (m := _PAGE_LINE.match(raw.strip()))
    ]
    run: list[tuple[int, int, str]] = []
    for entry in numbered:
        if not run and entry[1] == 1:
            run = [entry]
        elif run and entry[1] == run[-1][1] + 1:
            run.append(entry)
    if len(run) < 3 or sum(len(t) for _, _, t in run) / len(run) < 120:
        return None
    first, last = run[0][0], run[-1][0]
    pages: list[list[Block]] = []
    page_starts = {i for i, _, _ in run}
    for i in range(first, last + 1):
        raw = raw_lines[i].strip()
        if i in page_starts:
            m = _PAGE_LINE.match(raw)
            pages.append([Block(clean_line(m.group(2) or ""), len(pages))] if m else [])
        elif raw and pages:
            pages[-1].append(Block(clean_line(raw), len(pages) - 1))
    pages = [[_without_page_mark(b) for b in page] for page in pages]
    pages = [[b for b in page if b.text] for page in pages]
    before = "\n".join(ln.strip() for ln in raw_lines[:first] if ln.strip())
    after = "\n".join(ln.strip() for ln in raw_lines[last + 1 :] if ln.strip())
    return pages, before, after


# A viewer transcript keeps each page's footer at the end of its line: "... Godkendt. Side 3 af 56"
_TRAILING_PAGE_MARK = re.compile(r"(?i)\s+side\s+\d{1,4}(?:\s*(?:af|/)\s*\d{1,4})?\s*$")


def _without_page_mark(block: Block) -> Block:
    if len(block.text) < 40 or not _TRAILING_PAGE_MARK.search(block.text):
        return block
    return block.with_text(_TRAILING_PAGE_MARK.sub("", block.text))


def _drop_repeated_footers(blocks: list[Block]) -> list[Block]:
    """Without page breaks, drop only lines that look like page footers ("Side 3 af 12", "3/12"
    with the same page count each time); "16/4835" twice is two case numbers."""
    shapes: dict[str, list[str]] = {}
    for block in blocks:
        if len(block.text) <= 100 and _PAGE_FOOTER.search(block.text):
            shapes.setdefault(re.sub(r"\d+", "#", block.text.lower()), []).append(block.text)
    repeated = {k for k, texts in shapes.items() if len(texts) >= 2 and _counts_pages(texts)}
    return [
        b for b in blocks
        if not (len(b.text) <= 100 and re.sub(r"\d+", "#", b.text.lower()) in repeated)
    ]  # fmt: skip


def _counts_pages(texts: list[str]) -> bool:
    """Footers count pages: "Side N" in words, or "N af M" / "N/M" with one page count M."""
    if any(re.search(r"(?i)\bside\b", t) for t in texts):
        return True
    pairs = [tuple(int(x) for x in re.findall(r"\d+", t)[:2]) for t in texts]
    totals = {pair[1] for pair in pairs if len(pair) == 2}
    return len(totals) == 1 and all(len(p) == 2 and p[0] <= p[1] <= 2000 for p in pairs)
