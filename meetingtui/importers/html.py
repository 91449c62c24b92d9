"""HTML as agenda systems publish it (FirstAgenda pages and field HTML, SBSYS, Acadre and eDoc
field contents) turned into blocks: headings with their level, paragraphs with bold and italic,
list paragraphs with the number or bullet the page shows, and tables with their header rows.

Untrusted input is parsed by lxml's HTML parser without network access; scripts, styles and
comments are never text.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from meetingtui.errors import InputError
from meetingtui.importers.source import Block, Cont, Span, Table

_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, default_doctype=False
)
_SKIP = frozenset({"script", "style", "template", "noscript", "head", "title", "button", "form",
                   "nav", "select", "option", "input", "svg"})  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK = frozenset({"p", "div", "section", "article", "header", "footer", "blockquote", "pre",
                    "dl", "dt", "dd", "main", "aside", "body", "html", "figure", "figcaption",
                    "address", "center", "fieldset", "hr", "caption"})  # fmt: skip
_PARAGRAPH = _BLOCK | {"li"}  # a block of its own, read the same way
_BOLD = frozenset({"b", "strong"})
_INLINE = frozenset(
    {
        "span",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "font",
        "sup",
        "sub",
        "small",
        "cite",
        "abbr",
        "mark",
        "s",
        "strike",
        "ins",
        "del",
        "label",
        "time",
    }
)
_ITALIC = frozenset({"i", "em", "cite"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)


def parse(html: str) -> Any:
    """The element tree of an HTML document or fragment (None when it holds nothing)."""
    if not html.strip():
        return None
    try:
        root = etree.fromstring(f"<div>{html}</div>" if "<html" not in html[:2000].lower()
                                else html, _PARSER)  # fmt: skip
    except (etree.ParserError, ValueError):
        return None
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in _PARSER.error_log):
        # Recovering, lxml drops without a word a text of 10 MB in one piece: refuse the file.
        raise InputError("import.error.html_limit")
    return root


def blocks(html: str, *, level_offset: int = 0) -> list[Block]:
    """The blocks of an HTML fragment in reading order. `level_offset` moves its headings
    below a heading the caller adds (a field named "Beslutning" over <h3> subheadings).
    Headings are what the HTML marks as headings; every other block has the role "text"."""
    if "<" not in html:
        return _plain(html)
    root = parse(html)
    return element_blocks(root, level_offset=level_offset) if root is not None else []


# The elements that have a style: one search of the tree in C.
_STYLED = etree.XPath("descendant-or-self::*[@style]")


def element_blocks(root: Any, *, level_offset: int = 0) -> list[Block]:
    walker = _Walker(level_offset)
    # lxml gives one element the same Python object while a reference to it is held.
    walker.styled = set(_STYLED(root))
    walker.walk(root)
    walker.flush()
    return walker.out  # every block but a heading has the role "text", given as it is made


def text(element: Any) -> str:
    """The plain text of an element, spaces normalised."""
    if element is None:
        return ""
    return " ".join("".join(_texts(element)).split())


def _texts(element: Any) -> list[str]:
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in _SKIP:
        tail = element.tail
        return [tail] if tail else []
    out = [element.text or ""]
    if len(element):  # lxml makes an iterator even to say there are no children
        for child in element:
            out.extend(_texts(child))
    tag = tag.lower()
    out.append(" " if tag in _BLOCK or tag == "br" else "")
    tail = element.tail
    if tail:
        out.append(tail)
    return out


def _plain(value: str) -> list[Block]:
    from html import unescape

    lines = [" ".join(line.split()) for line in unescape(value).splitlines()]
    return [Block(line, role="text") for line in lines if line]


class _Walker:
    """Walks the tree once, collecting the inline text of the paragraph under way."""

    def __init__(self, level_offset: int) -> None:
        self.out: list[Block] = []
        self.spans: list[tuple[str, bool, bool]] = []
        self.emphasis = False  # some span of the paragraph under way is bold or italic
        self.level_offset = level_offset
        self.cont = Cont.NEW
        self.list_label = ""
        self.list_level = 0
        self.styled: set[Any] = set()  # the elements of the tree that have a style attribute

    # -- paragraphs
    def add_text(self, value: str | None, bold: bool, italic: bool) -> None:
        if value and (self.spans or not value.isspace()):  # no paragraph starts with a space
            self.spans.append((value, bold, italic))
            self.emphasis = self.emphasis or bold or italic

    def has_text(self) -> bool:
        return any(not text.isspace() for text, _b, _i in self.spans)

    def flush(self, *, level: int = 0) -> None:
        spans = self.spans
        if not spans:
            if level:
                # An empty heading still ends the part before it ("<h3></h3>" over a summary).
                self.out.append(Block("", level=level))
            self.cont = Cont.NEW
            return
        styled: tuple[Span, ...] = ()
        if len(spans) == 1:
            # Most paragraphs are one piece of text, whose emphasis is the paragraph's.
            text, bold, italic = spans[0]
            content = _squeezed(text)
        else:
            content = _squeezed("".join([text for text, _b, _i in spans]))
            bold = italic = False
            if self.emphasis and content:
                visible = [span for span in spans if not span[0].isspace()]
                bold = all(b for _t, b, _i in visible)
                italic = all(i for _t, _b, i in visible)
                if not (bold or italic):
                    styled = _merged(spans)
        if content:
            # Positional: the dataclass takes them a little faster than by keyword.
            block = Block(content, 0, bold, level, False, self.cont, italic, styled,
                          self.list_label, self.list_level, None, None,
                          "" if level else "text")  # fmt: skip
            self.out.append(block)
            self.list_label = ""
        elif level:
            self.out.append(Block("", level=level))
        self.spans = []
        self.emphasis = False
        self.cont = Cont.NEW

    # -- the tree
    def walk(self, element: Any, outer_bold: bool = False, outer_italic: bool = False) -> None:
        """Text of `element` and its children; its tail belongs to the parent's emphasis."""
        # A meeting's fields hold thousands of elements: `add_text` is written out for the
        # element's own text and tail, the children of an element without any are not asked
        # for (lxml makes an iterator to say there are none), nor the style of an element the
        # tree has no style for.
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP:
            self.add_text(element.tail, outer_bold, outer_italic)
            return
        bold = outer_bold or tag in _BOLD
        italic = outer_italic or tag in _ITALIC
        styled = self.styled  # most trees have no styled element: no look-up then
        style = element.get("style") if styled and element in styled else None
        if style:
            bold = bold or _BOLD_STYLE.search(style) is not None
            italic = italic or _ITALIC_STYLE.search(style) is not None
        if tag in _INLINE:
            text = element.text
            if text and (self.spans or not text.isspace()):
                self.spans.append((text, bold, italic))
                self.emphasis = self.emphasis or bold or italic
            if len(element):
                for child in element:
                    self.walk(child, bold, italic)
        elif tag in _PARAGRAPH:
            if self.spans:
                self.flush()
            else:
                self.cont = Cont.NEW
            text = element.text
            if not len(element):
                # A paragraph of one piece of text, most of them: its block made here, as
                # `flush` makes it of that one span (no paragraph is under way).
                if text and not text.isspace():
                    content = _squeezed(text)
                    if content:
                        self.out.append(Block(content, 0, bold, 0, False, Cont.NEW, italic, (),
                                              self.list_label, self.list_level, None, None,
                                              "text"))  # fmt: skip
                        self.list_label = ""
            else:
                if text and not text.isspace():  # no paragraph is under way
                    self.spans.append((text, bold, italic))
                    self.emphasis = bold or italic
                for child in element:
                    self.walk(child, bold, italic)
                if self.spans:
                    self.flush()
                else:
                    self.cont = Cont.NEW
        elif tag == "br":
            if self.spans:
                has_text = self.has_text()
                self.flush()
                self.cont = Cont.BREAK if has_text else Cont.NEW
            else:
                self.cont = Cont.NEW
        elif tag in _HEADINGS:
            if self.spans:
                self.flush()
            else:
                self.cont = Cont.NEW
            self.add_text(element.text, True, italic)
            if len(element):
                for child in element:
                    self.walk(child, True, italic)
            self.flush(level=_HEADINGS[tag] + self.level_offset)
        elif tag in ("ul", "ol"):
            self.flush()
            self._list(element, tag == "ol", bold, italic)
        elif tag == "table":
            self.flush()
            self._table(element)
        else:
            block = tag in _BLOCK or tag == "li"
            if block:
                self.flush()
            self.add_text(element.text, bold, italic)
            if len(element):
                for child in element:
                    self.walk(child, bold, italic)
            if block:
                self.flush()
        tail = element.tail
        if tail and (self.spans or not tail.isspace()):
            self.spans.append((tail, outer_bold, outer_italic))
            self.emphasis = self.emphasis or outer_bold or outer_italic

    def _list(self, element: Any, ordered: bool, bold: bool, italic: bool) -> None:
        number = int(element.get("start")) if (element.get("start") or "").isdigit() else 1
        level = self.list_level
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag != "li":
                if tag:
                    self.walk(child, bold, italic)
                continue
            label = f"{_label(element, number)}." if ordered else "•"
            number += 1
            self.list_label, self.list_level = label, level
            self.add_text(child.text, bold, italic)
            for sub in child if len(child) else ():
                sub_tag = sub.tag.lower() if isinstance(sub.tag, str) else ""
                if sub_tag in ("ul", "ol"):
                    self.flush()
                    self.list_level = level + 1
                    self._list(sub, sub_tag == "ol", bold, italic)
                    self.list_level = level
                    self.add_text(sub.tail, bold, italic)
                elif sub_tag in ("p", "div") and self.has_text():
                    # "<li>text<p>Next heading:</p></li>": a paragraph after the item's text
                    # is a paragraph of its own (Word's HTML nests it in the list item).
                    self.flush()
                    self.walk(sub, bold, italic)
                elif sub_tag in ("p", "div"):
                    # "<li><p>text</p></li>": the paragraph is the list item's text
                    self.add_text(sub.text, bold, italic)
                    for inner in sub if len(sub) else ():
                        self.walk(inner, bold, italic)
                    self.add_text(sub.tail, bold, italic)
                else:
                    self.walk(sub, bold, italic)
            self.flush()
            self.list_label = ""
        self.list_level = level

    def _table(self, element: Any) -> None:
        pairs = [
            (row, [c for c in row if c.tag in ("td", "th")])
            for row in element.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        ]
        pairs = [(row, cells) for row, cells in pairs if cells]
        grid = [cells for _row, cells in pairs]
        if (
            len(grid) < 2
            or max(len(cells) for cells in grid) < 2
            or (
                element.find(".//table") is not None  # one look for the common case: none
                and any(cell.find(".//table") is not None for cells in grid for cell in cells)
            )
        ):
            # A layout table (a box, one row, a frame around another table): its cells are
            # read as paragraphs in order.
            for cells in grid:
                for cell in cells:
                    self.flush()
                    self.add_text(cell.text, False, False)
                    for child in cell:
                        self.walk(child)
                    self.flush()
            return
        rows: list[list[str]] = []
        header_rows = 0
        counting_header = True
        for row, cells in pairs:
            in_head = row.getparent().tag == "thead"
            if counting_header and (in_head or all(c.tag == "th" for c in cells)):
                header_rows += 1
            else:
                counting_header = False
            values = [" ".join(_cell_text(c).split()) for c in cells]
            if any(values):
                rows.append(values)
        if rows:
            flat = "\n".join("  ".join(v for v in row if v) for row in rows)
            table = Table(rows, min(header_rows, len(rows)))
            self.out.append(Block(flat, table=table, role="text"))


def _cell_text(cell: Any) -> str:
    return "".join(_texts(cell)).replace(" \n", "\n")


def _squeezed(text: str) -> str:
    """`" ".join(text.split())`: runs of spaces as one, none at the ends."""
    if "  " not in text and text.isprintable():
        # Every space but the plain one is unprintable: the text has single plain spaces only.
        return text.strip(" ")
    return " ".join(text.split())


_SPACES = re.compile(r"\s+")


def _merged(spans: list[tuple[str, bool, bool]]) -> tuple[Span, ...]:
    """Neighbouring spans of the same emphasis as one, spaces normalised."""
    out: list[Span] = []
    for text, bold, italic in spans:
        value = _SPACES.sub(" ", text)
        if out and (out[-1].bold, out[-1].italic) == (bold, italic):
            out[-1] = Span(out[-1].text + value, bold, italic)
        else:
            out.append(Span(value, bold, italic))
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return tuple(s for s in out if s.text)


def _label(element: Any, number: int) -> str:
    """The list number as the page shows it: 1, 2 or A, B or a, b (type or list-style)."""
    style = ((element.get("type") or "") + " " + (element.get("style") or "")).lower()
    upper = "upper-alpha" in style or "upper-latin" in style or element.get("type") == "A"
    lower = "lower-alpha" in style or "lower-latin" in style or element.get("type") == "a"
    if (upper or lower) and 1 <= number <= 26:
        return chr(ord("A" if upper else "a") + number - 1)
    return str(number)
