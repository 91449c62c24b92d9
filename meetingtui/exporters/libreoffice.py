"""LibreOffice, run headless, lays the Word referat out: as a PDF for publication and the
archive, and to learn on which page each item starts.

Each run gets a private user profile in a temporary directory, so it never waits for (or
disturbs) a LibreOffice the user has open, and two exports can run at once. LibreOffice exits
0 even when it could not convert, so success is judged by the PDF it wrote.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from meetingtui.errors import MeetingError

# Long meetings take a few seconds; a hung conversion must not hang the export for ever.
TIMEOUT_SECONDS = 300
SOFFICE_ENV = "MEETINGTUI_SOFFICE"


class LibreOfficeUnavailable(MeetingError):
    """LibreOffice is not installed (or not where MEETINGTUI_SOFFICE says)."""


class ConversionFailed(MeetingError):
    """LibreOffice ran but gave no PDF."""


def soffice() -> str | None:
    """The LibreOffice program: $MEETINGTUI_SOFFICE, else `soffice` or `libreoffice` on PATH."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def _filter(options: dict[str, object]) -> str:
    """LibreOffice's JSON filter options (7.4+): {"Name": {"type": ..., "value": ...}}."""
    typed = {
        name: {"type": "boolean", "value": "true" if value else "false"}
        if isinstance(value, bool)
        else {"type": "long", "value": str(value)}
        for name, value in options.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


# For publication and the archive: PDF/A-2b (the archive format), PDF/UA (tagged, the
# document language, the title shown instead of the file name), bookmarks from the headings.
ARCHIVE_OPTIONS: dict[str, object] = {
    "SelectPdfVersion": 2,
    "PDFUACompliance": True,
    "UseTaggedPDF": True,
    "DisplayPDFDocumentTitle": True,
    "ExportBookmarks": True,
    "ExportBookmarksToPDFDestination": True,
}
# Only to find the pages: named destinations for the bookmarks, nothing else.
LAYOUT_OPTIONS: dict[str, object] = {
    "ExportBookmarks": False,
    "ExportBookmarksToPDFDestination": True,
}


def docx_to_pdf(docx: bytes, options: dict[str, object]) -> bytes:
    """The PDF LibreOffice makes of `docx`; raises LibreOfficeUnavailable or ConversionFailed."""
    program = soffice()
    if program is None:
        raise LibreOfficeUnavailable("export.error.no_libreoffice")
    with tempfile.TemporaryDirectory(prefix="meetingtui-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "referat.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _filter(options),
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailed(
                "export.error.libreoffice_failed", reason=f"timeout {TIMEOUT_SECONDS} s"
            ) from exc
        except OSError as exc:
            raise LibreOfficeUnavailable("export.error.no_libreoffice") from exc
        target = folder / "referat.pdf"
        if not target.is_file() or target.stat().st_size < 100:
            lines = [line for line in (result.stderr + result.stdout).splitlines() if line]
            reason = lines[-1] if lines else f"exit {result.returncode}"
            raise ConversionFailed("export.error.libreoffice_failed", reason=reason)
        return target.read_bytes()


def destination_name(bookmark: str) -> str:
    """The name LibreOffice gives a bookmark's PDF destination: letters, digits and '-' as
    they are, every other character as its hex code ("punkt_1" -> "punkt5F1")."""
    return "".join(
        ch if (ch.isascii() and ch.isalnum()) or ch == "-" else f"{ord(ch):02X}" for ch in bookmark
    )


def destination_pages(pdf: bytes, bookmarks: Iterable[str]) -> dict[str, int]:
    """Page number (from 1) of each bookmark of the .docx that has a destination in `pdf`."""
    import pypdfium2
    import pypdfium2.raw as raw

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = {}
        for name in bookmarks:
            destination = raw.FPDF_GetNamedDestByName(
                document.raw, destination_name(name).encode("ascii")
            )
            if destination:
                index = raw.FPDFDest_GetDestPageIndex(document.raw, destination)
                if index >= 0:
                    pages[name] = index + 1
        return pages
    finally:
        document.close()
