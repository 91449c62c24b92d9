"""A PDF's line breaks: which are the page layout's (joined into the paragraph) and which are
the author's. Text read from a scan has word boxes a few pixels off, so the test of "the next
word could not have fitted on the line" allows for that there."""

from __future__ import annotations

from meetingtui.importers import reflow
from meetingtui.importers.reflow import Geometry
from meetingtui.importers.source import Block, Cont

# Lines of a page of Aarhus Byråd's referat (27 August 2025) as OCR placed them, read from a
# scan at 150 dpi: the longest line's box stands 12 points past the others, where a text PDF's
# stand within a point of the margin.
_PAGE = [
    ("forretningen. Nu hvor det sidste område på Aarhus Ø er på vej til at blive udviklet, er",
     Geometry(40.0, 571.6, 592.0, 582.7, 54.4)),
    ("løsning.", Geometry(40.6, 72.8, 580.0, 570.6, 32.2)),
    ("Danmarksdemokraterne foreslår derfor at,", Geometry(40.7, 221.6, 567.0, 557.7, 102.4)),
    ("1. Aarhus Byråd træffer en principbeslutning om, at der skal findes en permanent "
     "placering til Havnens Perle på Aarhus", Geometry(41.9, 559.3, 555.0, 546.2, 4.7)),
    ("Ø.", Geometry(40.4, 48.8, 543.0, 534.0, 8.4)),
    ("2. Byrådet pålægger Teknik og Miljø samt relevante aktører at arbejde for en langsigtet "
     "løsning, så Havnens Perle ikke", Geometry(40.3, 554.9, 530.0, 521.7, 6.2)),
    ("risikerer endnu en flytning på ubestemt tid.", Geometry(40.6, 225.9, 518.0, 509.7, 35.1)),
    ("Begrundelse:", Geometry(40.7, 95.4, 506.0, 497.2, 54.6)),
]  # fmt: skip


def _joined(scanned: bool) -> list[str]:
    blocks = [Block(text, 0, False) for text, _ in _PAGE]
    reflow.by_geometry(blocks, [box for _, box in _PAGE], scanned=scanned)
    paragraphs: list[str] = []
    for block in blocks:
        if block.cont == Cont.WRAP and paragraphs:
            paragraphs[-1] += " " + block.text
        else:
            paragraphs.append(block.text)
    return paragraphs


def test_a_scanned_page_joins_the_word_the_layout_wrapped() -> None:
    paragraphs = _joined(scanned=True)
    ends = ["udviklet, er løsning.", "derfor at,", "Havnens Perle på Aarhus Ø.",
            "ikke risikerer endnu en flytning på ubestemt tid.", "Begrundelse:"]  # fmt: skip
    assert len(paragraphs) == len(ends)
    assert all(p.endswith(end) for p, end in zip(paragraphs, ends, strict=True)), paragraphs


def test_exact_positions_keep_the_strict_test() -> None:
    # A text PDF's boxes are exact: a word that would have fitted by a third of a point did
    # fit, and the line after it is the author's.
    assert "Ø." in _joined(scanned=False)
