"""Which line breaks of a PDF are the page layout's and which are the author's.

A PDF (and text extracted from one) breaks every paragraph into lines that fit the page.
Printed again on another page, those breaks split sentences mid-line ("...Havnens Perle på
Aarhus" / "Ø."). A line continues the paragraph of the line above when the first word of the
line could not have fitted on the line above (the layout wrapped it), the line stands right
below it, is no more indented and set in the same weight, and does not start a list item. A
line that ends a sentence before a capital letter is taken as the end of the paragraph: two
paragraphs kept apart costs less than two joined.

Text read from a scan (OCR) has word boxes a few pixels off: the longest line's box can stand a
little past the real margin, so "could not have fitted" allows for a third of a line's pitch
there ("...på Aarhus" / "Ø." was kept apart by a third of a point).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from meetingtui.importers.source import Block, Cont

_LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[•\-–*·▪])\s|^(?:at|At)\s+\d{1,2}\)")
_SENTENCE_END = re.compile(r"[.!?:]['\"”’)]?$")


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a line stands on its page, in points from the bottom left."""

    left: float
    right: float
    top: float
    bottom: float
    first_word: float  # the width of the line's first word
    widest: float = 0.0  # the furthest right it reaches (a line joined at a broken word)


def _starts_new(previous: str, text: str) -> bool:
    if _LIST_START.match(text) or previous.endswith(":"):
        return True  # a list item, or what a line ending in a colon introduces
    return _SENTENCE_END.search(previous) is not None and text[:1].isupper()


def by_geometry(
    blocks: list[Block], geometry: list[Geometry | None], *, scanned: bool = False
) -> None:
    """Mark the lines of one page that continue the paragraph above (`Cont.WRAP`); `scanned`
    when the positions are OCR's."""
    boxes = [g for g, b in zip(geometry, blocks, strict=True) if g is not None and len(b.text) > 30]
    if not boxes:
        return
    margin = max(max(g.right, g.widest) for g in boxes)
    pitches = sorted(
        a.bottom - b.bottom
        for a, b in itertools.pairwise(geometry)
        if a is not None and b is not None and a.bottom > b.bottom
    )
    pitch = pitches[len(pitches) // 2] if pitches else 14.0
    slack = 1.5 + (pitch / 3 if scanned else 0.0)
    for k in range(1, len(blocks)):
        above, here = geometry[k - 1], geometry[k]
        if above is None or here is None:
            continue
        wrapped = above.right + 2 + here.first_word >= margin - slack
        close = 0 < above.bottom - here.bottom <= 1.5 * pitch
        aligned = here.left <= above.left + 12
        same_weight = blocks[k].bold == blocks[k - 1].bold
        if (
            wrapped and close and aligned and same_weight
            and not _starts_new(blocks[k - 1].text, blocks[k].text)
        ):  # fmt: skip
            blocks[k].cont = Cont.WRAP


def by_length(blocks: list[Block]) -> None:
    """The same for text without positions (pdftotext output): a line wraps into the next when
    it is about as long as the page's full lines."""
    lengths = sorted(len(b.text) for b in blocks if len(b.text) >= 30)
    if len(lengths) < 3:
        return
    full = lengths[int(len(lengths) * 0.9)]
    for k in range(1, len(blocks)):
        previous, here = blocks[k - 1], blocks[k]
        if (
            len(previous.text) >= 0.8 * full and here.text[:1].isalnum()
            and not previous.text.endswith(":")
            and not _starts_new(previous.text, here.text)
        ):  # fmt: skip
            here.cont = Cont.WRAP
