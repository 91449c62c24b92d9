"""A municipality's own .docx as template: its styles, page setup and first-section letterhead
(logo on the first page, "different first page"), and nothing else of it."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from meetingtui.exporters.docx import render_docx
from tests import export_checks
from tests.meetings import CHAIN_HEAD, recorded_meeting


def _png(path: Path) -> Path:
    """A 4x4 dark red PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x10\x20" * 4 for _ in range(4))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


def _letterhead_template(tmp_path: Path) -> Path:
    """Like a real municipal template: a title page section with the logo in its first-page
    header, then a section whose headers hold the text of the meeting it was made from."""
    template = docx.Document()
    first = template.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].add_run().add_picture(
        str(_png(tmp_path / "logo.png")), width=Cm(4)
    )
    first.first_page_header.add_paragraph("Skanderborg Kommune – Rådhuset")
    first.even_page_header.paragraphs[0].text = "Lige side fra skabelonen"
    template.add_paragraph("Forside")
    second = template.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Referat Gammelt udvalg 20. juni 2013 - kl. 10:30"
    second.left_margin = Cm(1)
    path = tmp_path / "brevpapir.docx"
    template.save(path)
    return path


def test_first_page_letterhead_is_kept_and_nothing_else(tmp_path: Path) -> None:
    data = render_docx(recorded_meeting(), public=False, template=_letterhead_template(tmp_path))
    document = docx.Document(io.BytesIO(data))
    main = document.sections[0]
    assert main.different_first_page_header_footer
    first_header = main.first_page_header
    assert first_header._element.xpath(".//w:drawing")  # the logo
    assert [p.text for p in first_header.paragraphs][1:] == [
        "Skanderborg Kommune – Rådhuset",
        "Internt – må ikke offentliggøres",
    ]
    assert [p.text for p in main.header.paragraphs] == [
        "Lejre Kommune – Økonomiudvalget – Referat 3. januar 2017",
        "Internt – må ikke offentliggøres",
    ]
    # The first section's page setup, not the later one's.
    assert abs(main.left_margin - Cm(3.175)) < Cm(0.01)
    parts = export_checks.parts(data)
    headers = [name for name in parts if name.startswith("word/header")]
    assert len(headers) == 2  # first page and the others: the even one and the old one are gone
    for name, blob in parts.items():
        assert b"Gammelt udvalg" not in blob, name
        assert b"Lige side fra skabelonen" not in blob, name
        assert b"Forside" not in blob, name
    assert any(name.startswith("word/media/") for name in parts)


def test_default_look_has_one_header_for_every_page() -> None:
    document = docx.Document(io.BytesIO(render_docx(recorded_meeting())))
    assert not document.sections[0].different_first_page_header_footer
    assert [n for n in export_checks.parts(render_docx(recorded_meeting())) if "header" in n] == [
        "word/header1.xml"
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_logo_of_a_real_template_is_on_page_one(samples: Path, tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    template = samples / "syddjurs_referat_PUK_2013-06-20.docx"
    source = tmp_path / "referat.docx"
    source.write_bytes(render_docx(recorded_meeting(), chain_head=CHAIN_HEAD, template=template))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
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
    with pikepdf.open(tmp_path / "referat.pdf") as pdf:

        def drawn_images(page: pikepdf.Page) -> list[tuple[int, int]]:
            """Images the page's content really paints (LibreOffice shares one resource
            dictionary between pages, so listing the resources is not enough)."""
            xobjects = page.Resources.get("/XObject", {})
            found = []
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Do":
                    xobject = xobjects[operands[0]]
                    if xobject.get("/Subtype") == "/Image":
                        found.append((int(xobject.Width), int(xobject.Height)))
            return found

        # Syddjurs' logo (801 x 241 pixels) on the first page only.
        assert drawn_images(pdf.pages[0]) == [(801, 241)]
        assert all(drawn_images(page) == [] for page in pdf.pages[1:])
