"""A .docx with one very large element (a multi-line meeting title of megabytes): rebuilt
inside the Word document rather than moved into it whole, so the export stays linear in the text's size
(`bench/bench_referat.py` measures it), and the document is the same either way."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from meetingtui.exporters import docx_insert
from meetingtui.exporters.docx import render_docx
from tests.meetings import CHAIN_HEAD, recorded_meeting


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def test_elements_built_in_place_are_the_elements_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every element of a full referat (lists, tables, signatures, a title with line breaks)
    rebuilt in the Word document gives the same document.xml as parsing and moving it."""
    meeting = recorded_meeting()
    meeting.title = "Ordinært møde\nBudgetseminar\tdag 2 & <aften>"
    moved = render_docx(meeting, public=False, chain_head=CHAIN_HEAD)
    monkeypatch.setattr(docx_insert, "LARGE_ELEMENT", 0)  # every element rebuilt in place
    monkeypatch.setattr(docx_insert, "_MOVE_WHOLE", 1)  # down to its smallest children
    built = render_docx(meeting, public=False, chain_head=CHAIN_HEAD)
    assert _document_xml(built) == _document_xml(moved)


def test_a_title_of_megabytes_is_exported_whole() -> None:
    lines = [f"Linje {n} af mødets titel, som et fagsystem har fyldt ud" for n in range(25_000)]
    meeting = recorded_meeting()
    meeting.title = "\n".join(lines)
    assert len(meeting.title) > 1_000_000  # far over docx_insert.LARGE_ELEMENT
    data = render_docx(meeting, public=False, chain_head=CHAIN_HEAD)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert any(text.split("\n") == lines for text in texts)
