"""The table of contents (indholdsfortegnelse): found so that its entries never become items,
and read so that an item heading that repeats an entry's title is recognised as one."""

from __future__ import annotations

import re

from meetingtui.importers import casenumber
from meetingtui.importers.classify import known_heading
from meetingtui.importers.closed import part_mark, title_mark
from meetingtui.importers.heads import TOC_ENTRY, item_head, title_key
from meetingtui.importers.source import Block
from meetingtui.importers.vocabulary import TOC_HEADINGS, alternation

# An entry's number: "3. ", "Punkt 3 ", "Pkt. 3: ", "Ad 3) ", "Ad pkt. 3: "
_ENTRY_NUMBER = re.compile(r"(?i)^(?:ad\.?\s+)?(?:punkt\s+|pkt\.?\s+)?\d{1,4}[a-z]?[.):]?\s+")
_TOC_HEAD = re.compile(rf"(?i)^{alternation(TOC_HEADINGS)}(?=\b|\d)|^punkter:?$")


def is_contents_heading(text: str) -> bool:
    return _TOC_HEAD.match(text) is not None


def find_contents(blocks: list[Block]) -> tuple[int, int]:
    """(start, end) block indexes of the table of contents; (-1, -1) if there is none."""
    limit = max(60, len(blocks) // 3)
    for i, block in enumerate(blocks[:limit]):
        if not (_TOC_HEAD.match(block.text) or block.toc):
            continue
        end = i + 1
        page = block.page
        first = next(
            (_entry_number(b) for b in blocks[end : end + 3] if part_mark(b.text) is None), None
        )
        expected = first if first is not None else -1
        while end < len(blocks):
            text = blocks[end].text.strip()
            nxt = blocks[end + 1].text.strip() if end + 1 < len(blocks) else ""
            if (
                blocks[end].toc
                or part_mark(text) is not None  # "Åbne punkter" / "Lukkede punkter" in the list
                or TOC_ENTRY.search(text)
                or re.fullmatch(r"\d{1,3}", text)
                or re.match(r"(?i)^punkt\s*nr\.?.*side$", text)
            ):
                end += 1
                continue
            # a wrapped entry: its continuation carries the leader and the page number
            if len(text) < 200 and TOC_ENTRY.search(nxt) and blocks[end].page == page:
                end += 1
                continue
            # Contents without leaders or page numbers: a run of consecutively numbered titles.
            number = _entry_number(blocks[end])
            if number is not None and number == expected and not _starts_item_body(blocks, end):
                expected = number + 1
                end += 1
                continue
            break
        end = _rest_of_page(blocks, i, end)
        while end > i + 1 and part_mark(blocks[end - 1].text) is not None:
            end -= 1  # a part heading after the last entry opens the items' own part
        if _TOC_HEAD.match(block.text) and len(block.text) > 120:
            end = max(end, i + 1)  # flattened text: the whole contents on the heading line
        elif end == i + 1 and not block.toc:
            continue  # no entry follows: a section of an item named "Indhold", not contents
        return i, end
    return -1, -1


def _rest_of_page(blocks: list[Block], start: int, end: int) -> int:
    """Where contents whose leaders were partly lost end: a scanned contents page read by OCR
    has entries with leaders beside entries without ("Godkendelse af dagsorden." over
    "Salg af grund......"), so the run of entries stops at the first without. When the page
    has entries with leaders and every line left on the page can only be an entry (a title, a
    closed mark, a part heading: no case number, label, section heading or item's own text),
    the rest of the page is the contents too (the first entry may be one without). The page
    after it must exist: the items follow."""
    page = blocks[start].page
    page_end = next((k for k in range(end, len(blocks)) if blocks[k].page != page), len(blocks))
    if end >= page_end or page_end >= len(blocks):
        return end
    if not any(TOC_ENTRY.search(b.text) for b in blocks[start + 1 : page_end]):
        return end
    if all(_only_an_entry(blocks, k) for k in range(end, page_end)):
        return page_end
    return end


def _only_an_entry(blocks: list[Block], index: int) -> bool:
    text = blocks[index].text.strip()
    if TOC_ENTRY.search(text) or part_mark(text) is not None:
        return True
    closed, title = title_mark(text)
    if closed:
        text = title  # "Lukket: Personalesag." is an entry, not a label
    # A label ("Fraværende:", "Afbud: Bo Hansen") starts a list the contents never holds; a
    # long entry may end in a leader OCR read as a colon ("…mod diskrimination i Aarhu:").
    if len(text) > 150 or (text.endswith(":") and len(text) < 40) or ":" in text[:30]:
        return False
    if casenumber.is_number(text) or known_heading(blocks[index]):
        return False
    return item_head(blocks[index]) is None or not _starts_item_body(blocks, index)


def entry_titles(blocks: list[Block]) -> set[str]:
    """The titles the contents lists, as `title_key`s."""
    titles = set()
    for block in blocks:
        text = TOC_ENTRY.sub("", block.text).strip()
        text = _ENTRY_NUMBER.sub("", text)
        if text:
            titles.add(title_key(text))
    return titles


def closed_entries(blocks: list[Block]) -> tuple[set[str], set[str]]:
    """(numbers, title keys) of the entries the contents marks closed: a marker in the entry
    ("3. Personalesag (Lukket punkt) .... 4") or the entry listed under a "Lukkede punkter"
    part. Some systems say an item is closed only here, so the item must be closed too."""
    numbers: set[str] = set()
    keys: set[str] = set()
    part_closed = False
    for block in blocks:
        text = block.text.strip()
        part = part_mark(text)
        if part is not None:
            part_closed = part
            continue
        entry = TOC_ENTRY.sub("", text).strip()
        marked, title = title_mark(entry)
        if not (part_closed or marked):
            continue
        head = item_head(Block(entry))
        if head is not None and head.number:
            numbers.add(head.number.lstrip("0") or "0")
        title = _ENTRY_NUMBER.sub("", title)
        keys.add(title_key(title))
        keys.add(title_key(re.sub(r"\s+\d{1,3}$", "", title)))  # without its page number
    keys.discard("")
    return numbers, keys


def _entry_number(block: Block) -> int | None:
    head = item_head(block)
    if head is None or not head.number[:1].isdigit() or len(block.text) > 200:
        return None
    match = re.match(r"\d+", head.number)
    return int(match.group()) if match else None


def _starts_item_body(blocks: list[Block], index: int) -> bool:
    """The numbered line is followed by an item's own headings: it is an item, not an entry."""
    for block in blocks[index + 1 : index + 4]:
        if part_mark(block.text) is not None:
            continue
        if item_head(block) is not None:
            return False  # the next entry comes first
        if casenumber.is_number(block.text) or known_heading(block):
            return True
    return False
