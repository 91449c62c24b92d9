"""The text of a part of an item, from its blocks."""

from __future__ import annotations

from meetingtui.importers.source import Block


def block_line(block: Block) -> str:
    """One block as a line of plain text: a list paragraph with its number or bullet, a table
    row by row."""
    if block.table is not None:
        return "\n".join("  ".join(c for c in row if c) for row in block.table.rows)
    if block.list_label:
        return f"{block.list_label} {block.text}"
    return block.text


def part_text(blocks: list[Block]) -> str:
    return "\n".join(block_line(b) for b in blocks).strip()
