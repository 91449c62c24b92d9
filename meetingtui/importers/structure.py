"""A part's blocks as the record keeps them: paragraphs (PDF lines joined again where the layout
wrapped them), lists with their numbering, tables with their header rows, and the bold and
italic the source set. Its plain text is derived from that, so search and every reader of
`text` see the same words.
"""

from __future__ import annotations

import re
from typing import Literal

from meetingtui.importers.source import Block, Cont
from meetingtui.models import (
    ContentBlock,
    ListBlock,
    ListItem,
    Paragraph,
    TableBlock,
    TextRun,
    blocks_text,
    clean_text,
)

# Lists typed into the text ("1. at ...", "2) ...", "a) ...", "• ...", "- ...").
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zA-Z])\)\s+(\S.*)$")
_BULLET = re.compile(r"^[•\-–*·▪]\s+(\S.*)$")
_ORDERED_LABEL = re.compile(r"^(\d{1,3}|[a-zA-Z])[.)]$")
# After a line-break hyphen these words keep their space: "Teknik- og Miljøudvalget".
_KEEP_SPACE = re.compile(r"^(?:og|eller|samt|til|fra|som)\b")


def block_line(block: Block) -> str:
    """One block as a line of plain text: a list paragraph with its number or bullet, a table
    row by row."""
    if block.table is not None:
        return "\n".join("  ".join(c for c in row if c) for row in block.table.rows)
    if block.list_label:
        return f"{block.list_label} {block.text}"
    return block.text


def part_text(blocks: list[Block]) -> str:
    return blocks_text(content(blocks))


def _run(text: str, bold: bool, italic: bool) -> TextRun:
    # Built without validation: an archive holds hundreds of thousands of runs, and the one
    # thing validation does to them, cleaning the text, is done here.
    return TextRun.model_construct(text=clean_text(text), bold=bold, italic=italic)


def _runs(block: Block) -> list[TextRun]:
    if block.spans:
        return [_run(s.text, s.bold, s.italic) for s in block.spans]
    return [_run(block.text, bool(block.bold), bool(block.italic))]


def _append(runs: list[TextRun], more: list[TextRun], joint: str) -> None:
    """`more` after `runs`, joined by `joint` (a space for a wrapped line, a newline for a
    line break), neighbouring runs of the same emphasis merged."""
    if runs and joint == " " and runs[-1].text.endswith("-") and more:
        # A word broken at the line end: "p-" + "huse" is "p-huse", "Teknik-" + "og" keeps it.
        last = runs[-1].text
        joint = " " if _KEEP_SPACE.match(more[0].text) or not last[-2:-1].isalpha() else ""
    first = True
    for run in more:
        text = (joint + run.text) if first and runs else run.text
        first = False
        if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
            runs[-1] = _run(runs[-1].text + text, run.bold, run.italic)
        else:
            runs.append(_run(text, run.bold, run.italic))


def _typed_list(block: Block) -> tuple[bool, int, str] | None:
    """(ordered, number, text) of a line that types its own list mark."""
    text = block.text
    if (m := _NUMBERED.match(text)) is not None:
        return True, int(m.group(1)), m.group(2)
    if (m := _BULLET.match(text)) is not None:
        return False, 0, m.group(1)
    return None


def _label_number(label: str) -> tuple[bool, int]:
    """(ordered, number) of a list label the source shows ("3.", "2.1.", "b)", "•")."""
    digits = re.findall(r"\d+", label)
    if digits:
        return True, int(digits[-1])
    m = _ORDERED_LABEL.match(label)
    if m is None:
        return False, 0
    return True, ord(m.group(1).lower()) - ord("a") + 1


def _numbering(label: str) -> Literal["decimal", "lower-letter", "upper-letter"]:
    value = label.rstrip(".)")
    if len(value) == 1 and value.isalpha():
        return "upper-letter" if value.isupper() else "lower-letter"
    return "decimal"


def content(blocks: list[Block]) -> list[ContentBlock]:
    """The structured content of a part's blocks, in order."""
    out: list[ContentBlock] = []
    marks = [_list_mark(b) for b in blocks]
    typed_ok = _typed_lists_that_count(blocks, marks)
    for index, block in enumerate(blocks):
        if block.table is not None:
            rows = [[clean_text(c) for c in row] for row in block.table.rows]
            out.append(TableBlock.model_construct(rows=rows, header_rows=block.table.header_rows))
            continue
        mark = marks[index] if (block.list_label or typed_ok[index]) else None
        previous = out[-1] if out else None
        joins = block.cont is not Cont.NEW and previous is not None
        if mark is None and joins and isinstance(previous, Paragraph):
            _append(previous.runs, _runs(block), "\n" if block.cont is Cont.BREAK else " ")
            continue
        if mark is None and joins and isinstance(previous, ListBlock):
            item = previous.items[-1]
            _append(item.runs, _runs(block), "\n" if block.cont is Cont.BREAK else " ")
            continue
        if mark is None:
            out.append(Paragraph.model_construct(runs=_runs(block)))
            continue
        ordered, number, text = mark
        runs = (
            _runs(block) if block.list_label else [_run(text, bool(block.bold), bool(block.italic))]
        )
        level = block.list_level
        numbering = _numbering(block.list_label) if block.list_label else "decimal"
        same_list = isinstance(previous, ListBlock) and (
            level > 0  # a list inside an item belongs to the item's list
            or (
                previous.ordered == ordered
                and (not ordered or number == _next_number(previous))
                and previous.numbering == numbering
            )
        )
        if same_list:
            assert isinstance(previous, ListBlock)
            previous.items.append(ListItem.model_construct(runs=runs, level=level))
        else:
            out.append(
                ListBlock.model_construct(ordered=ordered, start=max(number, 1), numbering=numbering,
                                          items=[ListItem.model_construct(runs=runs, level=level)])
            )  # fmt: skip
    return out


def _list_mark(block: Block) -> tuple[bool, int, str] | None:
    if block.list_label:
        ordered, number = _label_number(block.list_label)
        return ordered, number, block.text
    if block.table is not None:
        return None
    return _typed_list(block)


def _typed_lists_that_count(
    blocks: list[Block], marks: list[tuple[bool, int, str] | None]
) -> list[bool]:
    """A typed numbered line is a list item only in a run of lines numbered one after the
    other (a lone line only when it is "1."), so the numbers a reader sees never change."""
    ok = [False] * len(blocks)
    index = 0
    while index < len(blocks):
        mark = marks[index]
        if mark is None or blocks[index].list_label:
            index += 1
            continue
        ordered, number, _text = mark
        if not ordered:
            ok[index] = True
            index += 1
            continue
        end = index + 1
        expected = number + 1
        while end < len(blocks):
            nxt = marks[end]
            if nxt is not None and not blocks[end].list_label and nxt[0] and nxt[1] == expected:
                expected += 1
                end += 1
            elif nxt is None and blocks[end].cont is not Cont.NEW:
                end += 1  # a wrapped line of the item before
            else:
                break
        numbered = [k for k in range(index, end) if marks[k] is not None]
        if len(numbered) > 1 or number == 1:
            for k in numbered:
                ok[k] = True
        index = end
    return ok


def _next_number(block: ListBlock) -> int:
    return block.start + sum(1 for item in block.items if item.level == 0)
