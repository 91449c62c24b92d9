"""The referat as PDF, and the Word referat with its table of contents' page numbers.

Both are the Word referat laid out by LibreOffice (`libreoffice.py`): the PDF is tagged
(PDF/UA: structure, the document language, the title shown) and PDF/A-2b for the archive;
its table of contents gets its page numbers from LibreOffice's own layout. For the .docx,
Word shows the page numbers stored in the file until its fields are updated, so they are
taken from one LibreOffice layout of the same file (Calibri and Carlito have the same
metrics, so Word breaks the pages alike).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import IO

from meetingtui.exporters import libreoffice
from meetingtui.exporters.docx import render_docx
from meetingtui.exporters.referat import anchor_for
from meetingtui.models import Meeting


def render_pdf(
    meeting: Meeting,
    *,
    public: bool = True,
    chain_head: str = "",
    template: Path | str | IO[bytes] | None = None,
    show_closed_titles: bool = True,
    decision_formula: str | None = None,
) -> bytes:
    """The tagged PDF/A-2b referat; raises LibreOfficeUnavailable when LibreOffice is missing."""
    if not libreoffice.available():
        raise libreoffice.LibreOfficeUnavailable("export.error.no_libreoffice")
    docx = render_docx(
        meeting,
        public=public,
        chain_head=chain_head,
        template=template,
        show_closed_titles=show_closed_titles,
        decision_formula=decision_formula,
    )
    return libreoffice.docx_to_pdf(docx, libreoffice.ARCHIVE_OPTIONS)


def render_docx_with_pages(
    meeting: Meeting,
    *,
    public: bool = True,
    chain_head: str = "",
    template: Path | str | IO[bytes] | None = None,
    show_closed_titles: bool = True,
    decision_formula: str | None = None,
) -> tuple[bytes, bool]:
    """The Word referat with the page of every item in its table of contents, and whether the
    pages could be laid out (False when LibreOffice is missing: the entries then have none)."""
    render = functools.partial(
        render_docx,
        meeting,
        public=public,
        chain_head=chain_head,
        show_closed_titles=show_closed_titles,
        decision_formula=decision_formula,
    )
    if template is not None and not isinstance(template, str | Path):
        data = template.read()  # a stream is read twice

        def fresh() -> Path | str | IO[bytes] | None:
            return io.BytesIO(data)
    else:

        def fresh() -> Path | str | IO[bytes] | None:
            return template

    docx = render(template=fresh())
    if not libreoffice.available():
        return docx, False
    try:
        pdf = libreoffice.docx_to_pdf(docx, libreoffice.LAYOUT_OPTIONS)
    except libreoffice.ConversionFailed:
        # The referat itself is complete; only Word's cached page numbers are missing.
        return docx, False
    pages = libreoffice.destination_pages(pdf, [anchor_for(item) for item in meeting.items])
    return render(template=fresh(), page_numbers=pages), True
