"""Imported text with its source's structure in the Word referat: paragraphs with their bold
and italic runs, lists as real Word lists (numbered or bulleted, nested levels kept), tables
with the source's header rows marked as header rows.

`docx.py` hands every block that carries `rich` content (see `source_layout.py`) to
`Renderer.element`; everything else about the document (styles, sections, the other blocks)
stays there. Lists and tables are written with the building blocks of `wordml.py`.
"""

from __future__ import annotations

from meetingtui.exporters.blocks import Block
from meetingtui.exporters.wordml import (
    ListKind,
    Numbering,
    attr_escape,
    is_rtl,
    list_paragraph_xml,
    xml_escape,
)
from meetingtui.models import ListBlock, ListItem, Paragraph, TableBlock, TextRun

_BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
_BORDERS = "".join(
    _BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def runs_xml(text_runs: list[TextRun], *, rtl: bool = False) -> str:
    """Word runs for text runs: bold and italic as the source set them, a line break for a
    newline, a tab for a tab."""
    out = []
    for run in text_runs:
        props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
        props += "<w:rtl/>" if rtl else ""
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        for n, line in enumerate(run.text.split("\n")):
            if n:
                out.append(f"<w:r>{rpr}<w:br/></w:r>")
            for m, piece in enumerate(line.split("\t")):
                if m:
                    out.append(f"<w:r>{rpr}<w:tab/></w:r>")
                if piece:
                    out.append(
                        f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>'
                    )
    return "".join(out)


class Renderer:
    """The rich blocks of one document; a list keeps one Word list across its items."""

    def __init__(self, numbering: Numbering, width: int) -> None:
        self._numbering = numbering
        self._width = width
        self._lists: dict[int, int] = {}  # id of a ListBlock -> its Word numId

    def element(self, block: Block, style_id: str) -> str:
        """The paragraph or table of one block whose `rich` content says how it looks."""
        rich = block.rich
        if isinstance(rich, Paragraph):
            rtl = is_rtl(rich.text)
            ppr = f'<w:pStyle w:val="{style_id}"/>' + ("<w:bidi/>" if rtl else "")
            return f"<w:p><w:pPr>{ppr}</w:pPr>{runs_xml(rich.runs, rtl=rtl)}</w:p>"
        if isinstance(rich, tuple) and isinstance(rich[0], ListBlock):
            return self._list_item(rich[0], rich[1], style_id)
        if isinstance(rich, TableBlock):
            return self._table(rich, style_id)
        raise TypeError(f"no rendering for {type(rich).__name__}")

    def _list_item(self, block: ListBlock, item: ListItem, style_id: str) -> str:
        content = runs_xml(item.runs, rtl=is_rtl(item.text))
        if block.ordered and block.numbering != "decimal":
            # Word's own lists here count 1, 2, 3: a list lettered A, B, C keeps its letters
            # as written, so the numbers a reader sees never change.
            index = next(k for k, i in enumerate(block.items) if i is item)
            position = sum(1 for i in block.items[:index] if i.level == 0)
            label = block.label(block.start + position) if item.level == 0 else "–"
            return (
                f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
                f'<w:r><w:t xml:space="preserve">{xml_escape(label)} </w:t></w:r>{content}</w:p>'
            )
        key = id(block)
        if key not in self._lists:
            kind = ListKind.NUMBERED if block.ordered else ListKind.BULLET
            self._lists[key] = self._numbering.new_list(kind, start=max(block.start, 1))
        level = min(max(item.level, 0), 2)  # the referat's lists define three levels
        return list_paragraph_xml(content, style_id, self._lists[key], level)

    def _table(self, table: TableBlock, style_id: str) -> str:
        columns = max(len(row) for row in table.rows)
        width = max(self._width // columns, 567)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
        rows = []
        for index, row in enumerate(table.rows):
            header = index < table.header_rows
            cells = [*row, *[""] * (columns - len(row))]
            trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
            rows.append(
                f"<w:tr><w:trPr>{trpr}</w:trPr>"
                + "".join(self._cell(text, width, style_id, header=header) for text in cells)
                + "</w:tr>"
            )
        look = "0420" if table.header_rows else "0400"
        first_row = "1" if table.header_rows else "0"
        return (
            "<w:tbl><w:tblPr>"
            f'<w:tblW w:w="{width * columns}" w:type="dxa"/>'
            f"<w:tblBorders>{_BORDERS}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            "</w:tblCellMar>"
            f'<w:tblLook w:val="{look}" w:firstRow="{first_row}" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    @staticmethod
    def _cell(text: str, width: int, style_id: str, *, header: bool) -> str:
        paragraphs = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{attr_escape(style_id)}"/>'
            '<w:spacing w:before="0" w:after="0"/></w:pPr>'
            + runs_xml([TextRun(text=line, bold=header)])
            + "</w:p>"
            for line in (text.split("\n") if text else [""])
        )
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'
