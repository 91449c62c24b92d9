"""Scanned referats: a PDF without a text layer is read through OCR (OCRmyPDF + Tesseract with
Danish), marked as OCR'd in the record and the export; without OCR it is refused, naming what
to install. The scans are made here: a text PDF rendered to images, wrapped as an image-only
PDF."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import ocr
from meetingtui.models import Meeting
from tests.docfixtures import make_pdf, text_referat
from tests.scanfixtures import scanned


# The tests that run Tesseract take seconds each, as the LibreOffice ones do: they are slow tests
# (`pytest -m slow`); refusing a scan without OCR is quick.
@pytest.fixture
def needs_ocr() -> None:
    # Asked when a test needs it, not at collection: the answer imports OCRmyPDF (half a
    # second), and every test worker collects this file.
    if (missing := ocr.missing()) is not None:
        pytest.skip(f"OCR is not installed here: {missing}")


def _text_pdf() -> bytes:
    return make_pdf([page.split("\n") for page in text_referat().split("\f")])


@pytest.fixture(scope="module")
def scan() -> bytes:
    data = scanned(_text_pdf())
    # A scan indeed: the PDF holds no text at all.
    document = pdfium.PdfDocument(data)
    assert all(not page.get_textpage().get_text_range().strip() for page in document)
    document.close()
    return data


def _items(meeting: Meeting) -> list[tuple[str, str, str, str, bool]]:
    return [(i.number, i.title, i.case_number, " ".join(i.decision.split()), i.closed)
            for i in meeting.items]  # fmt: skip


def test_without_ocr_a_scan_is_refused_naming_what_to_install(
    scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL_PYTHON + "; " + ocr.INSTALL_SYSTEM)
    with pytest.raises(InputError) as error:
        importers.parse(scan, source="scan.pdf")
    assert error.value.message == (
        "PDF-filen har intet tekstlag (4 sider) og er sandsynligvis scannet; for at læse den med "
        "OCR: pip install 'meetingtui[ocr]'; apt-get install tesseract-ocr tesseract-ocr-dan"
    )


@pytest.mark.slow
@pytest.mark.usefixtures("needs_ocr")
def test_a_scanned_referat_reads_as_its_text_pdf_and_is_marked(scan: bytes) -> None:
    _, [from_text] = importers.parse(_text_pdf(), source="tekst.pdf")
    fmt, [from_scan] = importers.parse(scan, source="scan.pdf")
    assert fmt == "pdf-referat"
    assert (from_scan.body, from_scan.starts_at, from_scan.location) == (
        from_text.body,
        from_text.starts_at,
        from_text.location,
    )
    assert _items(from_scan) == _items(from_text)
    assert [p.name for p in from_scan.participants] == [p.name for p in from_text.participants]
    decision = from_scan.items[1].decision
    assert "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen." in decision
    assert from_text.ocr is None
    note = from_scan.ocr
    assert note is not None and note.pages == 4 and note.engine.startswith("Tesseract ")
    assert note.confidence is not None and 80 <= note.confidence <= 100


@pytest.mark.slow
@pytest.mark.usefixtures("needs_ocr")
def test_the_ocr_note_is_stored_verified_and_exported(scan: bytes, tmp_path: Path) -> None:
    from meetingtui.cli import main

    (tmp_path / "scan.pdf").write_bytes(scan)
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db, "import", str(tmp_path / "scan.pdf")])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["--db", db, "verify"]).exit_code == 0
    exported = json.loads(runner.invoke(main, ["--db", db, "export", "1", "--format", "json",
                                               "-o", "-"]).stdout)  # fmt: skip
    assert exported["ocr"]["pages"] == 4 and exported["ocr"]["confidence"] >= 80
    markdown = runner.invoke(main, ["--db", db, "export", "1", "--format", "md", "-o", "-"])
    assert "Teksten er læst fra en scanning med OCR (Tesseract" in markdown.stdout
    assert "gennemsnitlig sikkerhed" in markdown.stdout
    search = runner.invoke(main, ["--db", db, "search", "budgetopfølgning", "--json"])
    assert [hit["number"] for hit in json.loads(search.stdout)][:1] == ["2"]


@pytest.mark.slow
@pytest.mark.usefixtures("needs_ocr")
def test_a_scan_of_a_real_referat_keeps_its_paragraphs(samples: Path) -> None:
    """The first four pages of Aarhus Byråd's referat, scanned at 150 dpi as an office
    scanner does: a sentence the layout wrapped before its last word ("…på Aarhus" / "Ø.")
    is one paragraph, as from the text PDF, and the list after it stays a list."""
    from tests.scanfixtures import image_only_pdf, page_images

    original = pdfium.PdfDocument((samples / "aarhus_byraad_referat_2025-08-27.pdf").read_bytes())
    first_pages = pdfium.PdfDocument.new()
    first_pages.import_pages(original, [0, 1, 2, 3])
    buffer = io.BytesIO()
    first_pages.save(buffer)
    _, [meeting] = importers.parse(image_only_pdf(page_images(buffer.getvalue(), dpi=150)),
                                   source="scan.pdf")  # fmt: skip
    assert meeting.ocr is not None
    text = "\n".join(section.text for section in meeting.items[1].sections)
    assert "findes en permanent placering til Havnens Perle på Aarhus Ø.\n" in text
    assert "\n2. Byrådet pålægger Teknik og Miljø" in text
