"""The package a referat is written into: the default look, or the municipality's template.

From a template the referat takes its styles, its page setup and the letterhead of its FIRST
section (the one a title page uses: "different first page" with the logo, and the running
header of the pages after it). Everything else of the template goes: its body, its other
sections' headers and footers (they often hold the text of the meeting the template was made
from), comments, thumbnails and an embedded record.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.shared import Cm
from lxml import etree

from meetingtui.errors import InputError
from meetingtui.exporters.docx_look import empty_styles
from meetingtui.exporters.record_part import RECORD_RELTYPE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"

# Relationships of a template whose parts could hold text from an earlier document (a referat
# used as template, with comments); they are dropped so nothing but styles and letterhead
# carries over. stylesWithEffects is Word 2010's copy of the styles: it would contradict ours.
_DROPPED_RELTYPE_SUFFIXES = (
    "/comments",
    "/commentsExtended",
    "/commentsIds",
    "/people",
    "/stylesWithEffects",
    "/customXml",
    "/glossaryDocument",
)


def _template_name(template: Path | str | IO[bytes]) -> str:
    return str(template) if isinstance(template, str | Path) else getattr(template, "name", "")


def open_package(template: Path | str | IO[bytes] | None, lang: str) -> DocxDocument:
    """An empty document to write the referat into: the default look, or the template's."""
    if template is None:
        doc = Document()
        # python-docx's own styles (Cambria and light blue) are replaced by the referat's look.
        doc.part._styles_part._element = parse_xml(empty_styles(lang))
        _a4(doc)
    else:
        try:
            doc = Document(str(template) if isinstance(template, Path) else template)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
            raise InputError(
                "export.error.bad_template", path=_template_name(template), reason=exc
            ) from exc
        _adopt_first_section(doc)
    package = doc.part.package
    for rel in list(package.rels.values()):
        # An embedded record, and a picture of some other document's first page.
        if rel.reltype == RECORD_RELTYPE or rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel.rId)
        elif rel.reltype.endswith("/custom-properties"):
            package.rels.pop(rel.rId)  # replaced by the referat's own
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith(_DROPPED_RELTYPE_SUFFIXES):
            doc.part.rels.pop(rel.rId)
    _clear_body(doc)
    _drop_unused_headers(doc)
    return doc


def _a4(doc: DocxDocument) -> None:
    """A4 portrait with 2.5 cm margins: the paper a Danish municipality prints on."""
    section = doc.sections[-1]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.25)


def _adopt_first_section(doc: DocxDocument) -> None:
    """The template's first section (title page: letterhead, logo, margins) for the whole
    referat. A template made from a real referat ends with other sections whose headers hold
    that meeting's text; only the first section's are kept."""
    body = doc.element.body
    first = body.find(f"{_W}p/{_W}pPr/{_W}sectPr")
    final = body.find(f"{_W}sectPr")
    if first is None or final is None:
        return
    replacement = copy.deepcopy(first)
    final.addprevious(replacement)
    body.remove(final)


def _clear_body(doc: DocxDocument) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)


def _even_and_odd(doc: DocxDocument) -> bool:
    return doc.settings.element.find(f"{_W}evenAndOddHeaders") is not None


def _drop_unused_headers(doc: DocxDocument) -> None:
    """Header and footer parts no page shows are dropped, so no text of another document stays
    in the file: even-page ones without "different odd and even", first-page ones without
    "different first page", and those of the template's other sections."""
    sect_pr = doc.element.body.find(f"{_W}sectPr")
    if sect_pr is None:
        return
    title_page = sect_pr.find(f"{_W}titlePg")
    has_title_page = title_page is not None and title_page.get(f"{_W}val", "1") not in (
        "0",
        "false",
    )
    used: set[str] = set()
    for ref in sect_pr.findall(f"{_W}headerReference") + sect_pr.findall(f"{_W}footerReference"):
        kind = ref.get(f"{_W}type")
        if (kind == "even" and not _even_and_odd(doc)) or (kind == "first" and not has_title_page):
            sect_pr.remove(ref)
        else:
            used.add(ref.get(f"{{{R_NS}}}id", ""))
    for rel in list(doc.part.rels.values()):
        if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.rId not in used:
            doc.part.rels.pop(rel.rId)


def header_parts(doc: DocxDocument) -> list[etree._Element]:
    """The root elements of every header the referat's pages show (first page included)."""
    section = doc.sections[-1]
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    if _even_and_odd(doc):
        headers.append(section.even_page_header)
    elements = []
    for header in headers:
        header.is_linked_to_previous = False
        elements.append(header._element)
    return elements


def footer_parts(doc: DocxDocument) -> list[etree._Element]:
    section = doc.sections[-1]
    footers = [section.footer]
    if section.different_first_page_header_footer:
        footers.append(section.first_page_footer)
    if _even_and_odd(doc):
        footers.append(section.even_page_footer)
    elements = []
    for footer in footers:
        footer.is_linked_to_previous = False
        elements.append(footer._element)
    return elements


def text_width(doc: DocxDocument) -> int:
    """Width between the margins, in twips (for right-aligned tab stops)."""
    section = doc.sections[-1]
    width = section.page_width or Cm(21.0)
    left = section.left_margin if section.left_margin is not None else Cm(2.5)
    right = section.right_margin if section.right_margin is not None else Cm(2.5)
    return int((width - left - right) / 635)  # EMU per twip


def split_sections(sect_pr: etree._Element) -> tuple[etree._Element, etree._Element]:
    """Section properties for the signers' two columns and for what follows them, both
    continuous on the page the main section ends on, with its headers (inherited)."""

    def bare(columns: int) -> etree._Element:
        element = copy.deepcopy(sect_pr)
        for child in list(element):
            local = etree.QName(child).localname
            if local in ("headerReference", "footerReference", "titlePg", "type", "cols"):
                element.remove(child)
        # CT_SectPr is a sequence: footnotePr, endnotePr, type, pgSz, pgMar, paperSrc,
        # pgBorders, lnNumType, pgNumType, cols, formProt, ...
        section_type = etree.Element(f"{_W}type")
        section_type.set(f"{_W}val", "continuous")
        _insert_after(element, section_type, ("endnotePr", "footnotePr"))
        cols = etree.Element(f"{_W}cols")
        cols.set(f"{_W}num", str(columns))
        cols.set(f"{_W}space", "708")
        _insert_after(
            element,
            cols,
            ("pgNumType", "lnNumType", "pgBorders", "paperSrc", "pgMar", "pgSz", "type"),
        )
        return element

    return bare(2), bare(1)


def _insert_after(parent: etree._Element, child: etree._Element, previous: tuple[str, ...]) -> None:
    """Insert `child` after the first of `previous` present in `parent`, else first."""
    for name in previous:
        anchor = parent.find(f"{_W}{name}")
        if anchor is not None:
            anchor.addnext(child)
            return
    parent.insert(0, child)
