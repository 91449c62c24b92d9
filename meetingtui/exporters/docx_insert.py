"""Putting the parsed body into the Word document without moving large elements between
documents.

The body is written as WordprocessingML text and parsed (see `docx.py`). Parsing makes a new
lxml document, and moving one element from it into the Word document's tree costs libxml2 the
square of the element's size: a paragraph holding a 12 MB multi-line title took minutes. Small
elements (nearly all of a referat) are parsed together and moved whole, as before. A large one
is rebuilt inside the Word document: an empty copy of it there, and its children moved into
that copy one by one (each small, or rebuilt the same way), so the cost stays proportional to
the size.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from lxml import etree

from meetingtui.exporters.wordml import W_NS

# An element whose XML text is longer than this is parsed on its own and rebuilt in place.
LARGE_ELEMENT = 100_000
# A subtree of more elements than this is not moved whole: its children are moved one by one.
_MOVE_WHOLE = 2_000


def insert_before(anchor: etree._Element, elements: list[str]) -> list[etree._Element]:
    """Parse each XML element text in `elements` and insert it before `anchor`, in order;
    returns the inserted elements."""
    inserted: list[etree._Element] = []
    small: list[str] = []

    def flush() -> None:
        if small:
            for element in list(_parsed(small)):
                anchor.addprevious(element)
                inserted.append(element)
            small.clear()

    for text in elements:
        if len(text) <= LARGE_ELEMENT:
            small.append(text)
            continue
        flush()
        for element in list(_parsed([text])):
            shell = anchor.makeelement(element.tag, dict(element.attrib))
            anchor.addprevious(shell)  # made in the Word document: nothing to move
            _fill(shell, element)
            inserted.append(shell)
    flush()
    return inserted


def _parsed(texts: list[str]) -> etree._Element:
    return parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(texts)}</w:body>')


# lxml's own text and tail: python-docx's element classes give `text` another meaning.
_TEXT = etree._Element.text
_TAIL = etree._Element.tail


def _fill(shell: etree._Element, source: etree._Element) -> None:
    """Give `shell` (in the Word document) the text and children of `source` (parsed)."""
    _TEXT.__set__(shell, _TEXT.__get__(source))
    for child in list(source):
        if sum(1 for _ in child.iter()) <= _MOVE_WHOLE:
            shell.append(child)  # small: moving it costs little
            continue
        copy = etree.SubElement(shell, child.tag, dict(child.attrib))
        _fill(copy, child)
        _TAIL.__set__(copy, _TAIL.__get__(child))
