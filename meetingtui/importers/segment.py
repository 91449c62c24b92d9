"""Where each item begins: the item boundaries a structured source states, or the item
headings of a document confirmed by what surrounds them.

A numbered line is an item only when something confirms it: strong wording ("Punkt 3"), a
bold face or heading style, a case number or a known heading right below it, or its title in
the table of contents. Numbered lists inside an item ("1. at ...") and numbers inside wrapped
sentences are not items.
"""

from __future__ import annotations

import re

from meetingtui.importers import casenumber
from meetingtui.importers.classify import (
    ATTENDANCE_KIND,
    SECTION,
    classify,
    known_heading,
    norm,
)
from meetingtui.importers.closed import FIELD_LINE
from meetingtui.importers.heads import ItemHead, item_head, title_key
from meetingtui.importers.source import Block
from meetingtui.importers.vocabulary import SECTIONS


def explicit_items(blocks: list[Block]) -> list[ItemHead]:
    """The items a structured source marks, in order."""
    heads = []
    for index, block in enumerate(blocks):
        if block.item is not None:
            start = block.item
            heads.append(ItemHead(index, start.number, start.title, bool(start.closed), True))
    return heads


def _number(head: ItemHead) -> int | None:
    match = re.match(r"\d+", head.number)
    return int(match.group()) if match else None


def find_items(blocks: list[Block], start: int, toc_keys: set[str]) -> list[ItemHead]:
    """The confirmed item headings of a document, from block `start` on."""
    heads: list[ItemHead] = []
    last_number = -1
    i = start
    while i < len(blocks):
        block = blocks[i]
        head = item_head(block)
        if head is not None and not head.strong and i > start:
            prev = blocks[i - 1]
            numeric = _number(head)
            numeric_jump = numeric is not None and last_number >= 0 and numeric > last_number + 30
            # A number inside a wrapped sentence, not an item: the line before runs on (ends in
            # a small letter or a comma) and is long enough to be a full line of prose. Short
            # lines ("Til toppen", an attachment name) end in small letters too.
            wrapped = (
                not (heads and heads[-1].index == i - 1)  # the line before is an item heading
                and prev.page == block.page and _runs_on(prev.text) and not _attendance(prev)
                and (len(prev.text) >= 45 or prev.text.endswith(",")
                     or re.match(r"^(?:\d{1,3}[.)]|[•\-–])\s", prev.text) is not None)
                and not block.bold
            )  # fmt: skip
            # A case number right under it makes it an item whatever the line above ends in (a
            # one-line header "Referat Byrådet 3. marts 2024 kl. 17 i Byrådssalen").
            if numeric_jump or (wrapped and not _case_below(blocks[i + 1 : i + 3])):
                head = None
        if (
            head is not None
            and heads
            and heads[-1].index == i - 1
            and not heads[-1].title
            and (not head.number)
        ):
            head = None  # "Pkt. 2" over "Lukket punkt: Eventuelt": the title of that item
        if head is not None:
            head.index = i
            head.bold = block.bold
            confirmed = head.strong or bool(block.bold) or block.heading
            prev_text = blocks[i - 1].text.strip() if i > start else ""
            if casenumber.is_number(prev_text) and (not heads or heads[-1].index < i - 2):
                # SBSYS prints the case number (KLE-style) on the line above the heading.
                head.case_before = prev_text
                confirmed = True
            if head.weak:
                confirmed = _case_below(blocks[_after_fields(blocks, i + 1) :][:2])
            elif not confirmed:
                confirmed = _confirmed_below(blocks[i + 1 : i + 5]) or (
                    title_key(head.title) in toc_keys
                )
            numeric = _number(head)
            lettered = head.number[-1:].isalpha() and numeric == last_number  # "2a" after "2"
            if (confirmed and numeric is not None and not head.strong and numeric <= last_number
                    and not lettered):  # fmt: skip
                confirmed = False  # numbering goes backwards: a list inside an item
            if confirmed and not head.title and i > start:
                head.title_before = _title_above(blocks, i, heads)
            if confirmed:
                heads.append(head)
                if numeric is not None:
                    last_number = numeric
                i += 1
                continue
        # Flattened text: the item title is the text right before "Sagsnr.:"
        case = casenumber.label(block.text)
        if (
            case and i > start and (not heads or heads[-1].index < i - 3)
            and not (heads and _fields_since(blocks, heads[-1], i))
        ):  # fmt: skip
            prev = blocks[i - 1]
            if classify(prev) is None and len(prev.text) <= 250 and prev.text.strip():
                heads.append(ItemHead(i - 1, "", prev.text.strip(), False, True))
        i += 1
    return heads


def _attendance(block: Block) -> bool:
    """ "Fraværende: Per Dam (Ø), Karen Holm indkaldt", "Afbud: Lise Vig (V), næstformand": a
    list of people that ends in a remark or a role in small letters, and ends there."""
    head = classify(block)
    return head is not None and head.kind == ATTENDANCE_KIND


def _runs_on(text: str) -> bool:
    """A line that may go on in the next: its last word in small letters with no full stop after
    it ("... godkendt af"), or a comma at its end. A line ending in a capitalised word ("...,
    2635 Ishøj") is a name or a place, and a numbered line under it starts afresh."""
    return re.search(r"(?:^|\s)[a-zæøå](?:\S*[a-zæøå])?$|,$", text.rstrip()) is not None


def _confirmed_below(window: list[Block]) -> bool:
    """A case number or a known heading of an item follows the numbered line."""
    for block in window:
        head = classify(block)
        if head is not None and head.kind != SECTION:
            return True
        if casenumber.is_number(block.text) or (head is not None and norm(head.text) in SECTIONS):
            return True
    return False


def _fields_since(blocks: list[Block], head: ItemHead, index: int) -> bool:
    """Only the item's other fields ("Ansvarlig: Bo Hansen", "Offentlighed: Ikke offentlig")
    stand between `head` (and its title on the next line) and line `index`: the case number
    there is that item's, and the field above it is no title."""
    first = head.index + 1 + (not head.title)
    between = blocks[first:index]
    return 0 < len(between) <= 4 and all(FIELD_LINE.match(b.text.strip()) for b in between)


def _after_fields(blocks: list[Block], k: int) -> int:
    """The first line from `k` on after the item's other fields ("Ansvarlig: Bo Hansen",
    "Offentlighed: Ikke offentlig"), which may stand between a heading and its case number."""
    end = min(len(blocks), k + 4)
    while k < end and FIELD_LINE.match(blocks[k].text.strip()) and not _case_below([blocks[k]]):
        k += 1
    return k


def _case_below(window: list[Block]) -> bool:
    """A case number (labelled or alone) on one of the next lines."""
    return any(
        casenumber.is_number(b.text)
        or casenumber.label(b.text) is not None
        or casenumber.after_document_number(b.text.strip())[1]  # "Dok.nr.: 5 Sagsnr.: 24/1"
        for b in window
    )


def _title_above(blocks: list[Block], index: int, heads: list[ItemHead]) -> str:
    """A bare "Sag nr. 130" whose next line is a heading takes its title from the line above."""
    below = blocks[index + 1] if index + 1 < len(blocks) else None
    below_head = item_head(below) if below is not None else None
    if below_head is not None and not below_head.number:
        return ""  # "Pkt. 2" over "Lukket punkt: Eventuelt": the title is on the next line
    if below is not None and not (
        casenumber.is_number(below.text) or casenumber.label(below.text)
        or known_heading(below) or below_head is not None
    ):  # fmt: skip
        return ""  # the title is on the next line ("Pkt. 42" / "Beslutninger om dagsordenen")
    above = blocks[index - 1]
    text = above.text.strip()
    if heads and heads[-1].index >= index - 1:
        return ""
    if (
        len(text) > 200 or text.endswith((".", ":")) or known_heading(above)
        or casenumber.is_number(text) or (classify(above) is not None and not above.bold)
    ):  # fmt: skip
        return ""
    return text
