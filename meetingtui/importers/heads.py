"""Item headings as agenda systems print them, one line at a time.

"1. Godkendelse af dagsorden", "Punkt 1: ...", "Pkt. 42", "Sag nr. 74 Orientering",
"715. ...", "Nr.60 - ...", "Punkt 412 (Åben) Vejbelysning", "412 Vejbelysning (Lukket)", "Lukket punkt 12:
...", the item referred to ("Ad 3) Budget", "Ad pkt. 3: Budget", "3. punkt: Budget"), and "3
Salg af ejendom" when set in bold or a heading style. Whether a candidate really
starts an item is decided by `segment` from what surrounds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from meetingtui.importers.closed import title_mark
from meetingtui.importers.decisions import is_decision_phrase
from meetingtui.importers.source import Block
from meetingtui.importers.vocabulary import CLOSED_MARKERS, OPEN_MARKERS, alternation
from meetingtui.models import plain_item_number

_PUNKT = re.compile(
    r"(?i)^(?:punkt|pkt\.?|dagsordenspunkt|sag)\s+(?:nr\.?\s*)?(\d{1,4}[a-z]?)(?![/\d]|-\d)"
    r"\s*[:.\-–)]?\s*(.*)$"
)
_MARKS = alternation((*OPEN_MARKERS, *CLOSED_MARKERS))
_NUM_MARK = re.compile(rf"(?i)^(\d{{1,4}}[a-z]?)\.?\s+\(({_MARKS})\)\s*[:.\-–]?\s*(.*)$")
_NUM_TITLE_MARK = re.compile(rf"(?i)^(\d{{1,4}}[a-z]?)\.?\s+(.+?)\s*\(({_MARKS})\)$")
# "3. Title", "3) Title", "3 - Title"
_NUMBERED = re.compile(r"^(\d{1,4}[a-zA-Z]?)(?:\s*[.)]|\s+[-–](?=\s))(?:\s+|(?=[A-ZÆØÅ]))(\S.*)$")
_LUKKET_PUNKT = re.compile(
    r"(?i)^lukket\s+(?:punkt|sag)\b\s*[:.\-–]?\s*(?:(\d{1,4}[a-z]?)\b\s*[:.\-–]?\s*)?(.*)$"
)
# "Ad 3) Budget", "Ad pkt. 3: Budget", "Ad punkt 3 - Budget": the item referred to, its heading
# without the "Ad" ("to item 3"); "Adgangsvej til ...", "Ad hoc-udvalg" have no number after it.
_AD = re.compile(
    r"(?i)^ad\.?\s+(?=(?:punkt|pkt\.?)\s*(?:nr\.?\s*)?\d|\d{1,4}[a-z]?\s*[.):\-–]\s*\S)"
)
# "Ad 3: Budget": the number and a colon, which no other heading form has
_AD_COLON = re.compile(r"^(\d{1,4}[a-z]?)\s*:\s*(\S.*)$")
# "3. punkt: Budget", "3. pkt. - Budget": the number before the word
_NUMBER_PUNKT = re.compile(r"(?i)^(\d{1,4}[a-z]?)\.?\s*(?:punkt|pkt\.?)\s*[:.\-–]\s*(\S.*)$")
# "Nr.60 - Godkendelse af dagsordenen", "Nr. 61: Salg af grund": an item only when something
# confirms it, as for "3. Title"
_NR = re.compile(r"(?i)^nr\.?\s*(\d{1,4}[a-z]?)(?![/\d]|-\d)\s*[:.\-–)]?\s*(\S.*)$")
# A heading "3 Title"; up to three digits, so that a year ("2024 Budget") is no item number.
_BARE_NUMBER_TITLE = re.compile(r"^(\d{1,3}[a-z]?)\s+([A-ZÆØÅ][^\n]{1,250})$")
TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d*\s*$|\s{2,}\d{1,3}$")
ITEM_START = re.compile(r"(?i)^(?:punkt|pkt\.?)\s+\d|^\d{1,4}[a-z]?(?:[.)]|\s[-–])\s")


@dataclass
class ItemHead:
    index: int  # block index of the heading
    number: str
    title: str
    closed: bool
    strong: bool  # the wording alone makes it an item ("Punkt 3", "Lukket punkt")
    bold: bool | None = None
    case_before: str = ""  # a case number printed on the line above the heading (SBSYS)
    title_before: str = ""  # "Lokalplan 145\nSag nr. 130": the title above a bare number line
    weak: bool = False  # "3 Salg af ejendom" unstyled: an item only with a case number under it

    @property
    def lines_before(self) -> int:
        return 1 if (self.case_before or self.title_before) else 0


def item_head(block: Block) -> ItemHead | None:
    """The item heading `block` would be, or None."""
    text = block.text.strip()
    if block.toc or block.table is not None or TOC_ENTRY.search(text):
        return None
    ad = _AD.match(text)
    if ad is not None:
        # "Ad 3) Budget 2025": the heading after "Ad"; "Ad 1) Godkendt." under a decision
        # answers the indstilling's first point and is no item
        text = text[ad.end() :]
        colon = _AD_COLON.match(text)
        if colon is not None:
            text = f"{colon.group(1)}. {colon.group(2)}"
        head = _head(block, text)
        if head is None or is_decision_phrase(head.title) or head.title[:1].islower():
            return None
        return head
    return _head(block, text)


def _head(block: Block, text: str) -> ItemHead | None:
    m = _NUMBER_PUNKT.match(text)
    if m and not m.group(2)[:1].islower():
        return ItemHead(0, m.group(1), m.group(2).strip(), False, True)
    m = _PUNKT.match(text)
    if m:
        title = m.group(2).strip()
        if title[:1].islower():
            return None  # "Sag 3 udgår.", "Punkt 9 blev udsat": a sentence about an item
        return ItemHead(0, m.group(1), title, False, True)
    m = _NUM_MARK.match(text)
    if m:
        closed = bool(title_mark(f"({m.group(2)})")[0])
        return ItemHead(0, m.group(1), m.group(3).strip(), closed, True)
    m = _LUKKET_PUNKT.match(text)
    if m and not m.group(1) and re.match(r"(?i)[,a-zæøå]|jf\.|jvf\.|§", m.group(2).strip()):
        # "Lukket punkt, jf. styrelseslovens § 10", "Lukket punkt - behandles for lukkede
        # døre": the mark of the item above and its reason, not an item.
        return None
    if m and (m.group(1) or m.group(2).strip()):
        # A bare "Lukket punkt" line is the mark of the item above it, not an item.
        return ItemHead(0, m.group(1) or "", m.group(2).strip() or "Lukket punkt", True, True)
    m = _NUM_TITLE_MARK.match(text)
    if m:
        closed = bool(title_mark(f"({m.group(3)})")[0])
        return ItemHead(0, m.group(1), m.group(2).strip(), closed, True)
    m = _NUMBERED.match(text) or _NR.match(text)
    if m:
        title = m.group(2).strip()
        if title[0].islower() or len(title) > 250 or title.lower().startswith(("at ", "at:")):
            return None
        if re.match(r"\d{4}\b", title) and len(m.group(1)) <= 2 and not block.bold:
            return None  # "1. 2017 ..." is a date or list, not an item
        return ItemHead(0, m.group(1), title, False, False)
    m = _BARE_NUMBER_TITLE.match(text)
    if m:
        # "3 Salg af ejendom": the number without a dot, as a heading style or bold sets it;
        # unstyled (plain text), only a case number right under it makes it an item.
        weak = not (block.heading or block.bold)
        return ItemHead(0, m.group(1), m.group(2).strip(), False, False, weak=weak)
    return None


def plain_number(number: str) -> str:
    """An item's number as the agenda means it (`models.plain_item_number`, which the
    database's migration of older imports uses too)."""
    return plain_item_number(number)


@lru_cache(maxsize=8192)
def title_key(title: str) -> str:
    """A title reduced to letters and digits, to recognise it repeated or in the contents."""
    _closed, title = title_mark(title)
    return re.sub(r"[^a-zæøå0-9]+", "", title.lower())[:60]
