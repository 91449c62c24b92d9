"""The referat as PDF for publication and the archive: tagged (PDF/UA), Danish, titled, PDF/A-2b,
every page's text there. Made by LibreOffice; without it, a clear message and exit status 3."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pypdfium2
import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.exporters import export, libreoffice
from meetingtui.exporters.pdf import render_docx_with_pages, render_pdf
from meetingtui.service import import_meeting
from meetingtui.storage.db import connect
from tests.meetings import CHAIN_HEAD, CLOSED_CONTENT, recorded_meeting

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)


def page_texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


@pytest.fixture
def stored(db_path: Path) -> tuple[Path, int]:
    conn = connect(db_path)
    meeting_id = import_meeting(conn, recorded_meeting(), content_hash="fixture")
    conn.close()
    assert meeting_id is not None
    return db_path, meeting_id


@pytest.fixture
def no_libreoffice(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(libreoffice.SOFFICE_ENV, str(tmp_path / "ikke-installeret" / "soffice"))


@pytest.fixture(scope="module")
def public_pdf() -> bytes:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return render_pdf(recorded_meeting(), chain_head=CHAIN_HEAD)


@pytest.mark.usefixtures("no_libreoffice")
def test_without_libreoffice_the_pdf_is_refused_with_a_clear_message(stored, tmp_path) -> None:
    db_path, meeting_id = stored
    target = tmp_path / "referat.pdf"
    result = CliRunner().invoke(
        main,
        ["--db", str(db_path), "export", str(meeting_id), "--format", "pdf", "-o", str(target)],
    )
    assert result.exit_code == 3
    assert "PDF kræver LibreOffice, som ikke er installeret" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()
    with pytest.raises(libreoffice.LibreOfficeUnavailable):
        export(recorded_meeting(), "pdf")


@pytest.mark.usefixtures("no_libreoffice")
def test_without_libreoffice_the_docx_is_written_and_says_why_pages_are_missing(
    stored, tmp_path
) -> None:
    db_path, meeting_id = stored
    target = tmp_path / "referat.docx"
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "export", str(meeting_id), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "indholdsfortegnelsen får sidetal, når Word opdaterer felterne" in result.stderr
    assert docx.Document(target).paragraphs[1].text == "Referat"


@pytest.mark.slow
@needs_libreoffice
def test_pdf_is_tagged_danish_titled_and_pdf_a(public_pdf: bytes) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(io.BytesIO(public_pdf)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True  # tagged
        assert "/StructTreeRoot" in root
        assert str(root.Lang).startswith("da")
        assert root.ViewerPreferences.DisplayDocTitle is True  # the title, not the file name
        assert str(pdf.docinfo.Title) == "Referat – Økonomiudvalget – 3. januar 2017"
        assert str(pdf.docinfo.Author) == "Økonomiudvalget"
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["pdfuaid:part"] == "1"
        headings = [str(item.title) for item in pdf.open_outline().root]
        assert "1. Budgetopfølgning 2017 for Økonomiudvalget" in headings


@pytest.mark.slow
@needs_libreoffice
def test_every_page_has_its_text_and_the_contents_its_pages(public_pdf: bytes) -> None:
    pages = page_texts(public_pdf)
    assert len(pages) >= 8
    for text in pages:
        assert "Lejre Kommune – Økonomiudvalget – Referat 3. januar 2017" in text
        assert re.search(r"Side \d+ af \d+", text)
    whole = " ".join(pages)
    for secret in CLOSED_CONTENT:
        assert secret not in whole
    assert f"Kontrolsum: {CHAIN_HEAD}" in pages[-1]
    # The table of contents (dot leaders, then the page) names the page each item starts on.
    for number, title in (("1.", "Budgetopfølgning 2017 for Økonomiudvalget"), ("4.", "Eventuelt")):
        listed = re.search(re.escape(title) + r"\s*\.{3,}\s*(\d+)", pages[0])
        assert listed is not None, title
        starts = next(n for n, text in enumerate(pages, 1) if n > 1 and f"{number} {title}" in text)
        assert int(listed.group(1)) == starts


@pytest.mark.slow
@needs_libreoffice
def test_internal_pdf_says_so_on_every_page() -> None:
    pages = page_texts(render_pdf(recorded_meeting(), public=False, chain_head=CHAIN_HEAD))
    assert all("Internt – må ikke offentliggøres" in text for text in pages)
    assert "Fortroligbeslutning Østerled" in " ".join(pages)


@pytest.mark.slow
@needs_libreoffice
def test_word_gets_the_pages_libreoffice_lays_out(public_pdf: bytes) -> None:
    data, laid_out = render_docx_with_pages(recorded_meeting(), chain_head=CHAIN_HEAD)
    assert laid_out
    entries = [
        p.text.split("\t")
        for p in docx.Document(io.BytesIO(data)).paragraphs
        if p.style.name == "Indholdsfortegnelse punkt"
    ]
    pages = page_texts(public_pdf)
    items = recorded_meeting().items[:5]  # the 6th title's emoji and Arabic read back reordered
    for item, (number, _, page) in zip(items, entries, strict=False):
        assert number == f"{item.number}."
        heading = f"{item.number}. {item.title}"
        first = next(n for n, text in enumerate(pages, 1) if n > 1 and heading in text)
        assert page == str(first), heading


@pytest.mark.slow
@needs_libreoffice
def test_cli_writes_the_pdf(stored, tmp_path: Path) -> None:
    db_path, meeting_id = stored
    target = tmp_path / "referat.pdf"
    result = CliRunner().invoke(
        main,
        ["--db", str(db_path), "export", str(meeting_id), "--format", "pdf", "-o", str(target)],
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Lejre Kommune" in page_texts(target.read_bytes())[0]


@pytest.mark.usefixtures("no_libreoffice")
async def test_closing_screen_offers_pdf_and_says_when_libreoffice_is_missing(
    db_path: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input, Static

    from meetingtui.screens.app import build_app
    from meetingtui.screens.closing import ClosingScreen
    from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
    from tests.tui_support import SIZE, rendered

    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    target = tmp_path / "referat.pdf"
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # docx public, docx internal, pdf public
        await pilot.pause()
        await pilot.press("enter")  # in Danish
        await pilot.pause()
        assert app.screen.query_one(Input).value.endswith(".pdf")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = rendered(closing.query_one("#export-status", Static))
        assert "PDF kræver LibreOffice" in status
        assert not target.exists()


@pytest.fixture
def broken_libreoffice(monkeypatch, tmp_path: Path) -> None:
    """A LibreOffice that runs, says something and writes no PDF (as a damaged install does)."""
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    program.chmod(0o755)
    monkeypatch.setenv(libreoffice.SOFFICE_ENV, str(program))


@pytest.mark.usefixtures("broken_libreoffice")
def test_a_conversion_that_gives_no_pdf_is_reported(stored, tmp_path: Path) -> None:
    with pytest.raises(libreoffice.ConversionFailed) as caught:
        render_pdf(recorded_meeting())
    assert caught.value.message == (
        "LibreOffice kunne ikke lave PDF'en: Error: source file could not be loaded"
    )
    db_path, meeting_id = stored
    target = tmp_path / "referat.pdf"
    result = CliRunner().invoke(
        main,
        ["--db", str(db_path), "export", str(meeting_id), "--format", "pdf", "-o", str(target)],
    )
    assert result.exit_code == 2
    assert "LibreOffice kunne ikke lave PDF'en" in result.stderr
    assert not target.exists()


@pytest.mark.usefixtures("broken_libreoffice")
def test_the_docx_is_still_written_when_the_layout_fails() -> None:
    data, laid_out = render_docx_with_pages(recorded_meeting())
    assert not laid_out
    toc = [
        p.text
        for p in docx.Document(io.BytesIO(data)).paragraphs
        if p.style.name == "Indholdsfortegnelse punkt"
    ]
    assert toc[0] == "1.\tBudgetopfølgning 2017 for Økonomiudvalget\t"  # no page, none wrong
