"""The referat as Markdown, for a quick read in a terminal, a mail or a wiki."""

from __future__ import annotations

import re

from meetingtui.exporters import referat
from meetingtui.exporters.blocks import Block, Kind, ListMark
from meetingtui.exporters.redact import prepare
from meetingtui.models import ListBlock, Meeting, Paragraph, TableBlock, TextRun

# Characters that would start Markdown markup inside running text.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")


def _escape_line_start(match: re.Match[str]) -> str:
    # A heading mark gets a backslash before it, a list number one before its dot: CommonMark
    # keeps a backslash before a digit as a visible character.
    indent, mark, number, dot = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{dot}"


def escape(text: str, *, line_start: bool = True) -> str:
    """Text shown as itself; `line_start` also escapes what would begin a heading or list."""
    text = _INLINE.sub(r"\\\1", text)
    if line_start:
        text = _LINE_START.sub(_escape_line_start, text)
    return text


_PREFIXED = {
    Kind.TITLE,
    Kind.HEADING1,
    Kind.HEADING2,
    Kind.HEADING3,
    Kind.DECISION_HEADING,
    Kind.TOC,
    Kind.DISSENT,
    Kind.SIGNATURE,
}


def _table(block: Block) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return (
            "| "
            + " | ".join(escape(c, line_start=False).replace("\n", "<br>") for c in cells)
            + " |"
        )

    header, *rows = block.cells
    lines = [f"**{escape(block.text)}**", "", row(header), "|" + "---|" * len(header)]
    lines.extend(row(r) for r in rows)
    return "\n".join(lines)


def _runs(runs: list[TextRun]) -> str:
    """Text with its source's emphasis: **bold**, *italic*; a line break kept as one."""
    out = []
    for run in runs:
        text = escape(run.text, line_start=False).replace("\n", "  \n")
        core = text.strip()
        if core and (run.bold or run.italic):
            mark = "***" if run.bold and run.italic else "**" if run.bold else "*"
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core}{mark}{trail}"
        out.append(text)
    return "".join(out)


def _rich(block: Block) -> str:
    """Imported text with its source's structure: a paragraph, a list item, a table."""
    rich = block.rich
    if isinstance(rich, Paragraph):
        return escape_start(_runs(rich.runs))
    if isinstance(rich, tuple) and isinstance(rich[0], ListBlock):
        listing, item = rich
        indent = "   " * item.level
        if listing.ordered and item.level == 0:
            mark = (
                f"{block.number}."
                if listing.numbering == "decimal"
                else f"- {listing.label(block.number)}"
            )
        else:
            mark = "-"
        return f"{indent}{mark} {_runs(item.runs)}"
    if isinstance(rich, TableBlock):
        return _rich_table(rich)
    return escape(block.text)


def escape_start(text: str) -> str:
    """Escape only what would make a paragraph's first characters a heading or list."""
    return _LINE_START.sub(_escape_line_start, text)


def _rich_table(table: TableBlock) -> str:
    columns = max(len(row) for row in table.rows)

    def row(cells: list[str]) -> str:
        padded = [*cells, *[""] * (columns - len(cells))]
        return (
            "| "
            + " | ".join(escape(c, line_start=False).replace("\n", "<br>") for c in padded)
            + " |"
        )

    # Markdown tables always have a header row: a table without one gets an empty one.
    head = table.rows[0] if table.header_rows else [""] * columns
    body = table.rows[1:] if table.header_rows else table.rows
    return "\n".join([row(head), "|" + "---|" * columns, *(row(r) for r in body)])


def _line(block: Block) -> str:
    if block.rich is not None:
        return _rich(block)
    kind = block.kind
    if block.list_mark is ListMark.NUMBERED:
        # "1. Bilag.pdf": the number makes it an ordered list item.
        return f"{block.number}. {escape(block.text, line_start=False)}"
    if block.list_mark is ListMark.BULLET:
        return f"- {escape(block.text, line_start=False)}"
    if kind is Kind.TABLE:
        return _table(block)
    if kind is Kind.TOC:
        return f"- {escape(block.lead, line_start=False)} {escape(block.text, line_start=False)}"
    text = escape(block.text, line_start=kind not in _PREFIXED and not block.lead)
    if block.lead:
        text = f"**{escape(block.lead)}** {text}"
    if kind is Kind.TITLE:
        return f"# {text}"
    if kind is Kind.HEADING1:
        return f"## {text}"
    if kind in (Kind.HEADING2, Kind.DECISION_HEADING):
        return f"### {text}"
    if kind is Kind.HEADING3:
        return f"#### {text}"
    if kind in (Kind.CLOSED, Kind.DRAFT, Kind.MUNICIPALITY):
        return f"**{text}**"
    if kind is Kind.DISSENT:
        return f"> {text}"
    if kind in (Kind.ATTENDANCE, Kind.CASE):
        return f"*{text}*"
    if kind is Kind.SIGNATURE:
        return f"- {text}: ______________________"
    return text


def to_markdown(
    meeting: Meeting, *, public: bool = True, chain_head: str = "", show_closed_titles: bool = True
) -> str:
    prepared = prepare(meeting, public=public, show_closed_titles=show_closed_titles)
    blocks = referat.build(prepared, public=public, chain_head=chain_head)
    out: list[str] = []
    for block in blocks:
        if block.new_page and out:
            out.append("---")
        out.append(_line(block))
    return "\n\n".join(out) + "\n"
