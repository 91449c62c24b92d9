"""Scanned referats: a PDF without a text layer is read through OCR when the machine has it.

OCRmyPDF rasterizes the pages (with pypdfium2, so Ghostscript is not needed), runs Tesseract
with its Danish language data on each, and lays the recognised words as an invisible text
layer over the page images; the PDF reader then reads that layer like any other. Tesseract's
word confidences (hOCR `x_wconf`) give the mean confidence recorded with the meeting, so the
archivist knows the wording came from OCR and how sure it was.

Optional: `pip install 'meetingtui[ocr]'` and the system packages `tesseract-ocr`
`tesseract-ocr-dan`. Without them a scan is refused, naming what to install. The PDF reader's
hook is one decorator, `reads_scans`, on its `read`.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from meetingtui.errors import InputError
from meetingtui.importers.source import Source
from meetingtui.models import OcrNote

LANGUAGE = "dan"
INSTALL_PYTHON = "pip install 'meetingtui[ocr]'"
INSTALL_SYSTEM = "apt-get install tesseract-ocr tesseract-ocr-dan"
_WORD_CONFIDENCE = re.compile(rb"x_wconf (\d+)")


@functools.cache
def missing() -> str | None:
    """What to install for OCR (one line), or None when OCRmyPDF and Tesseract with Danish are
    there. Asked once per process."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return INSTALL_PYTHON + (f"; {INSTALL_SYSTEM}" if shutil.which("tesseract") is None else "")
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return INSTALL_SYSTEM
    languages = subprocess.run(
        [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    if LANGUAGE not in (languages.stdout + languages.stderr).split():
        return "apt-get install tesseract-ocr-dan"
    return None


@functools.cache
def tesseract_version() -> str:
    tesseract = shutil.which("tesseract") or "tesseract"
    result = subprocess.run(
        [tesseract, "--version"], capture_output=True, text=True, timeout=30, check=False
    )
    first = (result.stdout or result.stderr).split("\n", 1)[0].split()
    return first[1] if len(first) > 1 else ""


def text_layer(data: bytes, *, source: str = "") -> tuple[bytes, OcrNote]:
    """The PDF with an OCR text layer over its pages, and a note saying how it was read."""
    from ocrmypdf import __version__ as ocrmypdf_version
    from ocrmypdf.api import _hocr_to_ocr_pdf, _pdf_to_hocr
    from ocrmypdf.exceptions import ExitCodeException

    # OCRmyPDF logs every page; the import summary says what matters.
    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="meetingtui-ocr-") as folder:
        scan, work, out = Path(folder, "scan.pdf"), Path(folder, "work"), Path(folder, "ocr.pdf")
        scan.write_bytes(data)
        work.mkdir()
        try:
            # Threads, not processes: the importer already parses in worker processes, and
            # Tesseract runs as its own process anyway.
            _pdf_to_hocr(scan, work, language=[LANGUAGE], jobs=2, use_threads=True,
                         progress_bar=False, rasterizer="pypdfium")  # fmt: skip
            confidences = [
                int(found)
                for hocr in sorted(work.glob("*.hocr"))
                for found in _WORD_CONFIDENCE.findall(hocr.read_bytes())
            ]
            _hocr_to_ocr_pdf(work, out, optimize=0, progress_bar=False, pdfa_backend="internal")
        except (ExitCodeException, OSError, ValueError) as exc:
            raise InputError(
                "import.ocr.failed", source=source, reason=str(exc) or type(exc).__name__
            ) from exc
        note = OcrNote(
            engine=f"Tesseract {tesseract_version()} ({LANGUAGE}), OCRmyPDF {ocrmypdf_version}",
            pages=len(list(work.glob("*.hocr"))),
            confidence=round(sum(confidences) / len(confidences), 1) if confidences else None,
        )
        return out.read_bytes(), note


def reads_scans(read: Callable[..., list[Source]]) -> Callable[..., list[Source]]:
    """`read` of the PDF reader, which also reads a scan through OCR: when the reader finds no
    text layer, the file is read again with an OCR text layer, and every source it gives
    carries the note (the meeting built from it keeps it). Without OCR, the refusal says what
    to install."""

    @functools.wraps(read)
    def read_or_ocr(data: bytes, *, source: str = "") -> list[Source]:
        try:
            return read(data, source=source)
        except InputError as error:
            if error.key != "import.pdf.no_text":
                raise
            install = missing()
            if install is not None:
                raise InputError("import.pdf.no_text_no_ocr", source=source,
                                 pages=error.params.get("pages", 0), install=install) from None  # fmt: skip
        with_text, note = text_layer(data, source=source)
        try:
            sources = read(with_text, source=source, scanned=True)
        except InputError as error:
            if error.key != "import.pdf.no_text":
                raise
            raise InputError("import.ocr.no_text", source=source) from None
        for found in sources:
            found.ocr = note
        return sources

    return read_or_ocr
