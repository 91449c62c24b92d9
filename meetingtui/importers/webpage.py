"""Referats and dagsordener published as ordinary web pages: a municipality's own site or a
page saved from the browser, without the markup of an agenda system. The page's headings,
paragraphs, lists and tables become the document's blocks, read by the same segmenter,
classifier and assembler as a PDF's lines. FirstAgenda's pages are read by `firstagenda_html`,
which is asked first; a page that is no referat or dagsorden (no meeting's words and item
structure in its text) is not taken.
"""

from __future__ import annotations

from typing import Any

from meetingtui.errors import InputError
from meetingtui.importers import html, limits, plaintext
from meetingtui.importers.source import Block, Source
from meetingtui.importers.text import decode_document
from meetingtui.models import Meeting

FORMAT = "html-referat"

# Enough of the page to tell: a saved page puts menus and scripts before the referat.
_SNIFF_BYTES = 400_000


def _is_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def _blocks(text: str) -> list[Block]:
    root = html.parse(text)
    if root is None:
        return []
    return html.element_blocks(_content(root))


def _content(root: Any) -> Any:
    """The part of the page that holds the document: its <main> (or role="main"), else its one
    <article>, else the body without the site's own header and footer (menus, the address,
    "Tilgængelighedserklæring"), which otherwise ran into the last item's decision."""
    for found in (root.xpath("//main"), root.xpath("//*[@role='main']"), root.xpath("//article")):
        if len(found) == 1:
            return found[0]
    body = root.find(".//body")
    if body is None:
        return root
    for chrome in body.xpath(
        "./header | ./footer | ./*[@role='banner'] | ./*[@role='contentinfo']"
    ):
        chrome.getparent().remove(chrome)
    return body


def sniff(data: bytes) -> bool:
    if not _is_html(data):
        return False
    try:
        found = _blocks(decode_document(data[:_SNIFF_BYTES]))
    except InputError:
        return True  # HTML it cannot read: say so as this format's refusal, not "unknown"
    # The page's text must read as a referat or a dagsorden would as plain text.
    return plaintext.sniff("\n".join(b.text for b in found if b.text).encode("utf-8"))


def read(data: bytes, *, source: str = "") -> list[Source]:
    limits.check_size(data, limits.MAX_TEXT_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    try:
        found = _blocks(decode_document(data))
    except InputError as error:
        raise InputError(error.key, source=source, **error.params) from None
    kept = [b for b in found if b.text.strip() or b.table is not None]
    for block in kept:
        # The walker marks a field's paragraphs as text of a known field; a page says nothing
        # of what its paragraphs are: the classifier reads them as it reads a PDF's lines.
        block.role = ""
    return [Source(kept)]


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    from meetingtui.importers import meetings_of

    return meetings_of(read(data, source=source), source=source)
