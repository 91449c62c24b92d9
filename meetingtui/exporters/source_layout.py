"""An imported item as its source laid it out: its headings in the source's order and wording,
each with its paragraphs, lists and tables (`AgendaItem.layout`, `Section.blocks`).

A referat exported again from the archive reads like the municipality's own: no heading
moves, nothing is printed twice. The decision is printed as the source wrote it, with its
votes, dissents and attendance lines in place; only what the source stated as data and never
wrote (an absence from an attendance list, attachments listed beside the text) is added.
"""

from __future__ import annotations

from meetingtui.exporters.blocks import Block, Kind, ListMark, split_lines, text_blocks
from meetingtui.exporters.outline import Outline
from meetingtui.exporters.phrasing import absence_line, decision_heading, written_date
from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date
from meetingtui.models import (
    AgendaItem,
    ContentBlock,
    ListBlock,
    Meeting,
    Paragraph,
    PartKind,
    Section,
    TableBlock,
)

# The heading a part gets when the source wrote none ("" keeps it without a heading).
_DEFAULT_HEADING = {
    PartKind.RECOMMENDATION: "export.recommendation",
    PartKind.AUTHORITY: "export.decision_authority",
    PartKind.ATTACHMENTS: "export.attachments",
}


def content_blocks(blocks: list[ContentBlock], kind: Kind = Kind.BODY) -> list[Block]:
    """Referat blocks for structured text: a paragraph each, a list item each, a table."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                out.append(Block(kind, block.text, rich=block))
        elif isinstance(block, ListBlock):
            number = block.start
            for item in block.items:
                out.append(
                    Block(
                        Kind.LIST,
                        item.text,
                        list_mark=ListMark.NUMBERED if block.ordered else ListMark.BULLET,
                        number=number,
                        rich=(block, item),
                    )
                )
                number += item.level == 0
        elif isinstance(block, TableBlock) and block.rows:
            cells = tuple(tuple(row) for row in block.rows)
            out.append(Block(Kind.TABLE, "", cells=cells, rich=block))
    return out


# A decision, the case history and the attachments stand at the item's upper level.
_GROUP_ENDS = frozenset({PartKind.DECISION, PartKind.HISTORY, PartKind.ATTACHMENTS})
_SAME_OR_ABOVE = frozenset({Kind.HEADING1, Kind.HEADING2, Kind.DECISION_HEADING})


def _section(section: Section, heading: str, level: Kind = Kind.HEADING2) -> list[Block]:
    out = [Block(level, heading.strip())] if heading.strip() else []
    if section.blocks:
        return out + content_blocks(section.blocks)
    return out + text_blocks(section.text)


def body_blocks(meeting: Meeting, item: AgendaItem, formula: str | None) -> list[Block]:
    """The item's text after its heading, case number and closed mark, in the source's order."""
    out: list[Block] = []
    attachments_done = decision_done = False
    outline = Outline(_headings(item))
    group_heads: list[int] = []  # headings with no text of their own, where they are in `out`
    for part in item.layout:
        if part.kind in _GROUP_ENDS:
            outline.end_group()
        if part.kind is PartKind.SECTION or part.kind is PartKind.TEXT:
            if 0 <= part.index < len(item.sections):
                section = item.sections[part.index]
                out.extend(_section(section, section.heading, outline.level(section.heading)))
            elif part.heading.strip():
                level = outline.level(part.heading, heading_only=True)
                if level is Kind.HEADING2:
                    group_heads.append(len(out))
                out.append(Block(level, part.heading.strip()))
            continue
        heading = part.heading.strip() or (
            t(_DEFAULT_HEADING[part.kind]) if part.kind in _DEFAULT_HEADING else ""
        )
        if part.kind is PartKind.DECISION:
            decision_done = True
            out.append(Block(Kind.DECISION_HEADING, heading or _formula(meeting, item, formula)))
            out.extend(content_blocks(part.blocks, Kind.DECISION))
        elif part.kind is PartKind.ATTACHMENTS:
            if attachments_done or not item.attachments:
                continue
            attachments_done = True
            out.append(Block(Kind.HEADING2, heading))
            out.extend(_attachments(item))
            continue
        else:
            if heading:
                out.append(Block(outline.level(heading), heading))
            kind = Kind.ATTENDANCE if part.kind is PartKind.ATTENDANCE else Kind.BODY
            out.extend(content_blocks(part.blocks, kind))
    if not decision_done and item.decision.strip():
        out.append(Block(Kind.DECISION_HEADING, _formula(meeting, item, formula)))
        out.extend(Block(Kind.DECISION, line) for line in split_lines(item.decision))
    out = _without_empty_groups(out, group_heads)
    out.extend(_unwritten_absences(meeting, item, " ".join(b.text for b in out)))
    if not attachments_done and item.attachments:
        out.append(Block(Kind.HEADING2, t("export.attachments")))
        out.extend(_attachments(item))
    return out


def _headings(item: AgendaItem) -> list[str]:
    """The headings of the item's parts that can stand in a group."""
    out = []
    for part in item.layout:
        if part.kind in _GROUP_ENDS:
            continue
        if part.kind in (PartKind.SECTION, PartKind.TEXT) and 0 <= part.index < len(item.sections):
            out.append(item.sections[part.index].heading)
        else:
            out.append(part.heading)
    return out


def _without_empty_groups(blocks: list[Block], group_heads: list[int]) -> list[Block]:
    """Drop a heading-only heading that nothing came under: an empty entry in the outline."""
    empty = {n for n in group_heads if n + 1 == len(blocks) or blocks[n + 1].kind in _SAME_OR_ABOVE}
    return [block for n, block in enumerate(blocks) if n not in empty] if empty else blocks


def _formula(meeting: Meeting, item: AgendaItem, formula: str | None) -> str:
    """The decision heading the source left out: the committee's formula for this meeting."""
    current = next((e for e in reversed(item.decision_history) if e.text == item.decision), None)
    body = current.body if current is not None and current.body else meeting.body
    when = (
        written_date(current.date)
        if current is not None and current.date.strip()
        else long_date(meeting.starts_at.date())
    )
    return decision_heading(formula, body, when)


def _attachments(item: AgendaItem) -> list[Block]:
    return [
        Block(Kind.ATTACHMENT, name.strip(), list_mark=ListMark.NUMBERED, number=n)
        for n, name in enumerate(item.attachments, start=1)
    ]


def _unwritten_absences(meeting: Meeting, item: AgendaItem, printed: str) -> list[Block]:
    """Absences the source stated as data (an attendance list beside the text) and never
    wrote: one line each, as a live referat writes them."""
    written = printed + " " + " ".join(item.attendance_notes)
    lines = []
    for absence in item.absences:
        if absence.name in written:
            continue
        # An imported attendance list's "reason" is its status ("Inhabil"), which the line
        # already says, so it is not repeated.
        unreasoned = absence.model_copy(update={"reason": ""})
        lines.append(Block(Kind.ATTENDANCE, absence_line(meeting, unreasoned)))
    return lines
