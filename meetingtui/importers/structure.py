"""A part's blocks as the record keeps them: paragraphs (PDF lines joined again where the layout
wrapped them), lists with their numbering, tables with their header rows, and the bold and
italic the source set. Its plain text is derived from that, so search and every reader of
`text` see the same words.

The blocks are made in their dumped form, the plain dicts `model_dump(mode="json")` gives of
the record's `Paragraph`, `ListBlock` and `TableBlock` (`RawBlock`), and kept so in the items
the pipeline fills: storing an import needs exactly that form (the event's JSON, the state
rows), and a byråd meeting's two thousand paragraphs made into models, each with its runs, only
to be dumped again cost a tenth of its parse. `meeting_models` makes the models, the same
objects as made directly, for every other reader of the record (`importers.meetings_of` does,
unless an import for storing asks it not to).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

from meetingtui.importers.built import made
from meetingtui.importers.source import Block, Cont, Table
from meetingtui.models import (
    ContentBlock,
    ListBlock,
    ListItem,
    Meeting,
    Paragraph,
    TableBlock,
    TextRun,
    clean_text,
    list_label,
)

# A block as `model_dump(mode="json")` gives it: {"type": "paragraph", "runs": [{"text", "bold",
# "italic"}]}, {"type": "list", "ordered", "start", "numbering", "items": [{"runs", "level"}]},
# {"type": "table", "rows", "header_rows"}.
RawBlock = dict[str, Any]

# Lists typed into the text ("1. at ...", "2) ...", "a) ...", "• ...", "- ...").
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zA-Z])\)\s+(\S.*)$")
_BULLET = re.compile(r"^[•\-–*·▪]\s+(\S.*)$")
_BULLETS = frozenset("•-–*·▪")  # the first characters `_BULLET` takes
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
    return raw_text(content(blocks))


def raw_text(blocks: list[RawBlock]) -> str:
    """`models.blocks_text` of the blocks in their dumped form (a test holds them equal)."""
    lines: list[str] = []
    for block in blocks:
        kind = block["type"]
        if kind == "paragraph":
            runs = block["runs"]  # most paragraphs are one run: its text is the paragraph's
            lines.append(runs[0]["text"] if len(runs) == 1 else "".join([r["text"] for r in runs]))
        elif kind == "list":
            ordered, numbering, number = block["ordered"], block["numbering"], block["start"]
            for item in block["items"]:
                level = item["level"]
                mark = list_label(ordered, numbering, number) if level == 0 else "–"
                if level == 0:
                    number += 1
                text = "".join([r["text"] for r in item["runs"]])
                lines.append(f"{'  ' * level}{mark} {text}")
        else:
            lines.extend("  ".join(c for c in row if c) for row in block["rows"])
    return "\n".join([line for line in lines if line.strip()]).strip()


def clean_joined(text: str) -> str:
    """`clean_text` of a `raw_text`: joined from cleaned runs and cells by newlines, spaces and
    list marks, it holds nothing for the cleaning to take out (a test holds them equal), but a
    run that begins with a combining mark composes with the one before in NFC. Scanning a byråd
    meeting's 200,000 characters of sections again for what cannot be there was about 2 % of
    its parse."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


# While a part is read, a run is a mutable [text, bold, italic] and a paragraph or list item a
# list of runs; the record's models are built once at the end (an archive holds hundreds of
# thousands of runs, and merging wrapped lines would otherwise rebuild them line by line).
_Run = list  # [text, bold, italic]
_Numbering = Literal["decimal", "lower-letter", "upper-letter"]


class _List:
    __slots__ = ("items", "numbering", "ordered", "start")

    def __init__(self, ordered: bool, start: int, numbering: _Numbering) -> None:
        self.ordered, self.start, self.numbering = ordered, start, numbering
        self.items: list[tuple[list[_Run], int]] = []

    def next_number(self) -> int:
        return self.start + sum(1 for _runs, level in self.items if level == 0)


def _runs(block: Block) -> list[_Run]:
    if block.spans:
        return [[s.text, s.bold, s.italic] for s in block.spans]
    return [[block.text, bool(block.bold), bool(block.italic)]]


def _append(runs: list[_Run], more: list[_Run], joint: str) -> None:
    """`more` after `runs`, joined by `joint` (a space for a wrapped line, a newline for a
    line break), neighbouring runs of the same emphasis merged."""
    if runs and joint == " " and runs[-1][0].endswith("-") and more:
        # A word broken at the line end: "p-" + "huse" is "p-huse", "Teknik-" + "og" keeps it.
        last = runs[-1][0]
        joint = " " if _KEEP_SPACE.match(more[0][0]) or not last[-2:-1].isalpha() else ""
    first = True
    for text, bold, italic in more:
        if first and runs:
            text = joint + text
        first = False
        if runs and runs[-1][1] == bold and runs[-1][2] == italic:
            runs[-1][0] += text
        else:
            runs.append([text, bold, italic])


def _built(runs: list[_Run]) -> list[dict[str, Any]]:
    return [{"text": clean_text(t), "bold": b, "italic": i} for t, b, i in runs]


def _typed_list(block: Block) -> tuple[bool, int, str] | None:
    """(ordered, number, text) of a line that types its own list mark."""
    text = block.text
    first = text[:1]  # most lines start with neither: no pattern is tried
    if first.isdecimal() and (m := _NUMBERED.match(text)) is not None:
        return True, int(m.group(1)), m.group(2)
    if first in _BULLETS and (m := _BULLET.match(text)) is not None:
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


def _numbering(label: str) -> _Numbering:
    value = label.rstrip(".)")
    if len(value) == 1 and value.isalpha():
        return "upper-letter" if value.isupper() else "lower-letter"
    return "decimal"


def content(blocks: list[Block]) -> list[RawBlock]:
    """The structured content of a part's blocks, in order, in the dumped form."""
    marks = [_list_mark(b) for b in blocks]
    if not any(marks) and all(b.cont is Cont.NEW for b in blocks):
        # Most parts: paragraphs and tables of their own, no list and no line joined to another.
        return [_paragraph(b) if b.table is None else _table(b.table) for b in blocks]
    out: list[list[_Run] | _List | RawBlock] = []  # a paragraph is its list of runs
    typed_ok = _typed_lists_that_count(blocks, marks)
    for index, block in enumerate(blocks):
        if block.table is not None:
            out.append(_table(block.table))
            continue
        mark = marks[index] if (block.list_label or typed_ok[index]) else None
        previous = out[-1] if out else None
        if mark is None:
            joint = "\n" if block.cont is Cont.BREAK else " "
            if block.cont is not Cont.NEW and isinstance(previous, list):
                _append(previous, _runs(block), joint)
            elif block.cont is not Cont.NEW and isinstance(previous, _List):
                _append(previous.items[-1][0], _runs(block), joint)
            else:
                out.append(_runs(block))
            continue
        ordered, number, text = mark
        runs = _runs(block) if block.list_label else [[text, bool(block.bold), bool(block.italic)]]
        level = block.list_level
        numbering = _numbering(block.list_label) if block.list_label else "decimal"
        if isinstance(previous, _List) and (
            level > 0  # a list inside an item belongs to the item's list
            or (
                previous.ordered == ordered
                and (not ordered or number == previous.next_number())
                and previous.numbering == numbering
            )
        ):
            previous.items.append((runs, level))
        else:
            listed = _List(ordered, max(number, 1), numbering)
            listed.items.append((runs, level))
            out.append(listed)
    return [_model(block) for block in out]


def _paragraph(block: Block) -> RawBlock:
    if block.spans:
        runs = [{"text": clean_text(s.text), "bold": s.bold, "italic": s.italic}
                for s in block.spans]  # fmt: skip
    else:
        runs = [{"text": clean_text(block.text), "bold": bool(block.bold),
                 "italic": bool(block.italic)}]  # fmt: skip
    return {"type": "paragraph", "runs": runs}


def _table(table: Table) -> RawBlock:
    rows = [[clean_text(c) for c in row] for row in table.rows]
    return {"type": "table", "rows": rows, "header_rows": table.header_rows}


def _model(block: list[_Run] | _List | RawBlock) -> RawBlock:
    if isinstance(block, list):
        return {"type": "paragraph", "runs": _built(block)}
    if isinstance(block, _List):
        items = [{"runs": _built(r), "level": lv} for r, lv in block.items]
        return {"type": "list", "ordered": block.ordered, "start": block.start,
                "numbering": block.numbering, "items": items}  # fmt: skip
    return block


# --- the record's models of the dumped form -------------------------------------------------


def meeting_models(meeting: Meeting) -> None:
    """The blocks of the meeting's sections and parts kept in their dumped form made into the
    record's models, in place (the lists are the same; blocks already models stay)."""
    for item in meeting.items:
        for section in item.sections:
            if section.blocks:
                section.blocks[:] = [_as_model(b) for b in section.blocks]
        for part in item.layout:
            if part.blocks:
                part.blocks[:] = [_as_model(b) for b in part.blocks]


def _runs_of(runs: list[dict[str, Any]]) -> list[TextRun]:
    return [made(TextRun, {"text": r["text"], "bold": r["bold"], "italic": r["italic"]})
            for r in runs]  # fmt: skip


def _as_model(block: RawBlock | ContentBlock) -> ContentBlock:
    """The model the importer made of a block before it kept the dumped form: the same fields,
    and the same fields set, as validation would not be run either."""
    if type(block) is not dict:
        return block  # type: ignore[return-value]
    kind = block["type"]
    if kind == "paragraph":
        return made(Paragraph, {"type": "paragraph", "runs": _runs_of(block["runs"])})
    if kind == "list":
        items = [made(ListItem, {"runs": _runs_of(i["runs"]), "level": i["level"]})
                 for i in block["items"]]  # fmt: skip
        return ListBlock.model_construct(ordered=block["ordered"], start=block["start"],
                                         numbering=block["numbering"], items=items)  # fmt: skip
    return TableBlock.model_construct(rows=block["rows"], header_rows=block["header_rows"])


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
