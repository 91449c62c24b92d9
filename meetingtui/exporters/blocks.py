"""What a referat is made of: a flat list of blocks, each a kind of paragraph the renderers
(Word, Markdown, PDF through Word) draw in their own way; and free text turned into blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """What a block is; each renderer maps it to a paragraph style."""

    MUNICIPALITY = "municipality"
    TITLE = "title"
    META = "meta"
    DRAFT = "draft"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    HEADING3 = "heading3"  # a heading under a heading-only one ("Fremstilling")
    BODY = "body"
    LINE = "line"  # a labelled line: "Afbud: ..."
    TOC = "toc"
    CASE = "case"
    CLOSED = "closed"
    DECISION_HEADING = "decision_heading"
    DECISION = "decision"
    VOTE = "vote"
    DISSENT = "dissent"
    ATTENDANCE = "attendance"
    ATTACHMENT = "attachment"
    LIST = "list"  # an item of a list in a section's text
    TABLE = "table"
    SIGNATURE = "signature"
    CHECKSUM = "checksum"


class ListMark(Enum):
    """A block that is an item of a list: a real list in every format, never typed "1."."""

    NUMBERED = "numbered"
    BULLET = "bullet"


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    text: str
    lead: str = ""  # a bold lead-in before the text ("Afbud:"); a TOC entry's item number
    anchor: str = ""  # bookmark this block defines (item headings)
    link: str = ""  # bookmark this block points to (table of contents)
    new_page: bool = False
    list_mark: ListMark | None = None
    number: int = 0  # the item's number in a numbered list; a new list starts where it breaks
    cells: tuple[tuple[str, ...], ...] = ()  # a table: the header row, then the rows
    # Imported text with its source's structure (a paragraph's bold and italic, a list item, a
    # table's header rows): renderers draw it from this (see `source_layout.py`).
    rich: object = None


# Typed list items in imported or agenda text: "1. at ...", "2) ...", "• ...", "- ...".
_NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
_BULLET_LINE = re.compile(r"^\s*[•\-–*·▪]\s+(\S.*)$")


def split_lines(text: str) -> list[str]:
    """Paragraphs of a free text: one per non-blank line, trailing space removed."""
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def text_blocks(text: str) -> list[Block]:
    """A free text's paragraphs, with typed lists made real lists. A run of numbered lines
    becomes a list only when its numbers follow each other (a lone line only when it is "1."),
    so the numbers a reader sees never change."""
    lines = split_lines(text)
    marks: list[tuple[ListMark | None, int, str]] = []
    for line in lines:
        numbered = _NUMBERED_LINE.match(line)
        bullet = _BULLET_LINE.match(line)
        if numbered:
            marks.append((ListMark.NUMBERED, int(numbered.group(1)), numbered.group(2)))
        elif bullet:
            marks.append((ListMark.BULLET, 0, bullet.group(1)))
        else:
            marks.append((None, 0, line))
    blocks: list[Block] = []
    index = 0
    while index < len(marks):
        mark, number, content = marks[index]
        if mark is ListMark.NUMBERED:
            end = index + 1
            while (
                end < len(marks)
                and marks[end][0] is ListMark.NUMBERED
                and marks[end][1] == marks[end - 1][1] + 1
            ):
                end += 1
            if end - index > 1 or number == 1:
                blocks.extend(
                    Block(Kind.LIST, c, list_mark=ListMark.NUMBERED, number=n)
                    for _, n, c in marks[index:end]
                )
            else:
                blocks.append(Block(Kind.BODY, lines[index]))
            index = end
        elif mark is ListMark.BULLET:
            blocks.append(Block(Kind.LIST, content, list_mark=ListMark.BULLET))
            index += 1
        else:
            blocks.append(Block(Kind.BODY, content))
            index += 1
    return blocks
