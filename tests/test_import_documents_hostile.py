"""Hostile and broken document files: each gives a clear InputError, never a crash or a hang."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import docx_esdh, own, pdf, plaintext
from tests import docfixtures


def _key(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        importers.parse(data, source="x")
    assert caught.value.message  # the catalog has a text for it
    return caught.value.key


def test_encrypted_pdf() -> None:
    data = docfixtures.make_pdf(docfixtures.pdf_referat_pages(), encrypted=True)
    assert _key(data) == "import.pdf.encrypted"


def test_scanned_pdf_without_text_layer_and_no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    # Blank pages without OCR: refused, naming what to install.
    from meetingtui.importers import ocr

    data = docfixtures.make_pdf([[], []])
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL_PYTHON)
    assert _key(data) == "import.pdf.no_text_no_ocr"


@pytest.mark.slow  # runs Tesseract
def test_scanned_pdf_without_text_layer_ocr_finds_nothing() -> None:
    from meetingtui.importers import ocr

    if ocr.missing() is not None:
        pytest.skip(f"OCR is not installed here: {ocr.missing()}")
    data = docfixtures.make_pdf([[], []])
    assert _key(data) == "import.ocr.no_text"


def test_truncated_pdf() -> None:
    data = docfixtures.make_pdf(docfixtures.pdf_referat_pages())
    assert _key(data[: len(data) // 3]).startswith("import.")


def test_random_bytes_and_empty() -> None:
    assert _key(os.urandom(4096)) == "import.error.unknown_format"
    assert _key(b"") == "import.error.empty"
    with pytest.raises(InputError):
        pdf.parse(b"%PDF-1.4\n" + os.urandom(2000))


def test_wrong_extension_is_irrelevant() -> None:
    # A PDF named .docx is still read as a PDF: detection looks at the content only.
    data = docfixtures.make_pdf(docfixtures.pdf_referat_pages())
    fmt, meetings = importers.parse(data, source="referat.docx")
    assert fmt == pdf.FORMAT and len(meetings[0].items) == 3


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_docx_zip_bomb() -> None:
    data = _zip({"word/document.xml": b"<w:document>" + b" " * (8 * 1024 * 1024)})
    assert docx_esdh.sniff(data)
    assert _key(data) == "import.docx.zip_bomb"


def test_truncated_and_encrypted_docx() -> None:
    good = docfixtures_docx()
    offsets = {i.filename: i.header_offset for i in zipfile.ZipFile(io.BytesIO(good)).infolist()}
    # Cut inside the document part itself: nothing whole to read.
    assert _key(good[: offsets["word/document.xml"] + 60]) == "import.docx.document_cut"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1024)
    assert _key(ole) == "import.docx.encrypted"


def test_docx_entity_expansion_is_refused() -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert _key(_zip({"word/document.xml": xml})) == "import.docx.corrupt"


def test_docx_illegal_character_references_are_tolerated() -> None:
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraphs = [
        "Referat", "Økonomiudvalget", "tirsdag den 3. januar 2017 kl. 16:30",
        "1. Godkendelse af dagsorden&#x1;", "Sagsnr.: 17/1", "Beslutning:", "Godkendt.&#11;",
    ]  # fmt: skip
    body = b"".join(b"<w:p><w:r><w:t>" + p.encode() + b"</w:t></w:r></w:p>" for p in paragraphs)
    xml = b"<w:document " + ns + b"><w:body>" + body + b"</w:body></w:document>"
    (meeting,) = docx_esdh.parse(_zip({"word/document.xml": xml}))
    assert meeting.items[0].title == "Godkendelse af dagsorden"
    assert meeting.items[0].decision == "Godkendt."


def test_text_without_items_or_date() -> None:
    with pytest.raises(InputError) as caught:
        plaintext.parse(b"Referat\nIngen punkter her, kun tekst om Sagsnr og Beslutning.")
    assert caught.value.key == "import.docs.no_items"
    with pytest.raises(InputError) as caught:
        plaintext.parse(b"Referat\n1. Godkendelse af dagsorden\nSagsnr.: 1/2\nBeslutning:\nOk.")
    assert caught.value.key == "import.docs.no_date"


def test_broken_encoding_is_tolerated() -> None:
    text = docfixtures.text_referat().encode("utf-8") + b"\xff\xfe broken \x81 bytes\n"
    (meeting,) = plaintext.parse(text)
    assert len(meeting.items) == 4


def test_own_broken_json() -> None:
    data = b'{"format": "meetingtui.referat", "format_version": 1, "body": ""}'
    assert own.sniff(data)
    with pytest.raises(InputError) as caught:
        own.parse(data)
    assert caught.value.key == "import.own.invalid"
    with pytest.raises(InputError) as caught:
        own.parse(b'{"format": "meetingtui.referat", "format_version": 99}')
    assert caught.value.key == "import.own.version"


def docfixtures_docx() -> bytes:
    import docx

    document = docx.Document()
    for text in ("Referat", "Økonomiudvalget", "3. januar 2017", "1. Eventuelt", "Sagsnr.: 1/2"):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
