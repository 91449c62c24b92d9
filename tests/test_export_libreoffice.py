"""The Word referat opened in a real client: LibreOffice converts it to PDF.

LibreOffice exits 0 even when it could not read a file, so the PDF must exist and its text must
hold every item's title and decision. Skipped when `soffice` or `pdftotext` is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from meetingtui.exporters.docx import render_docx
from tests.meetings import CHAIN_HEAD, CLOSED_CONTENT, recorded_meeting

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
    ),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed"
    ),
]


def _pdf_text(tmp_path: Path, name: str, data: bytes) -> str:
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 1000, "LibreOffice wrote no PDF"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())


def test_internal_referat_renders_with_every_title_and_decision(tmp_path: Path) -> None:
    meeting = recorded_meeting()
    text = _pdf_text(tmp_path, "internt", render_docx(meeting, public=False, chain_head=CHAIN_HEAD))
    for item in meeting.items[:5]:
        assert f"{item.number}. {item.title}" in text
    assert "6a. Tekst med" in text
    for decision in ("Godkendt.", "Gert Fabrin blev valgt som næstformand.", "Tiltrådt."):
        assert decision in text
    assert "Fortroligbeslutning Østerled: tilbuddet accepteres." in text
    assert "Beslutning i Økonomiudvalget den 3. januar 2017" in text
    assert "For stemte: A, LR, Ø og O (5). Imod stemte: V (2). Undlod at stemme: C (1)." in text
    # The footer's fields were computed by the client: "Side 1 af N".
    assert "Side 1 af " in text and "Side 2 af " in text
    assert CHAIN_HEAD in text


def test_public_referat_renders_without_closed_content(tmp_path: Path) -> None:
    meeting = recorded_meeting()
    text = _pdf_text(tmp_path, "offentligt", render_docx(meeting, public=True))
    assert "5. Grundsalg Kildebakken Lukket punkt" in text
    for secret in CLOSED_CONTENT:
        assert secret not in text
    assert "Godkendt." in text
