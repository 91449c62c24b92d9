"""The Word referat (.docx).

python-docx supplies the package: styles, header, footer, properties and the municipality's
template. The body (thousands of paragraphs for a long meeting) is written as WordprocessingML
text and parsed once, which is about twenty times faster than adding paragraphs one by one
through python-docx and keeps the export of a 100-item meeting well under half a second.

Every paragraph carries a named style, so a municipality restyles the referat by giving a
template whose styles have the same names (see `STYLE_NAMES`).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from lxml import etree

from meetingtui.errors import InputError
from meetingtui.exporters import referat
from meetingtui.exporters.dates import long_date
from meetingtui.exporters.record_part import (
    RECORD_CONTENT_TYPE,
    RECORD_PARTNAME,
    RECORD_RELTYPE,
)
from meetingtui.exporters.redact import prepare
from meetingtui.exporters.referat import Block, Kind
from meetingtui.i18n import t
from meetingtui.models import Meeting

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# Relationships of a template whose parts could hold text from an earlier document (a referat
# used as template, with comments); they are dropped so nothing but styles and letterhead
# carries over.
_DROPPED_RELTYPE_SUFFIXES = ("/comments", "/commentsExtended", "/commentsIds", "/people")

STYLE_NAMES: dict[Kind, str] = {
    Kind.TITLE: "Title",
    Kind.META: "Mødeoplysninger",
    Kind.DRAFT: "Udkast",
    Kind.HEADING1: "Heading 1",
    Kind.HEADING2: "Heading 2",
    Kind.BODY: "Normal",
    Kind.LINE: "Deltagerlinje",
    Kind.TOC: "Indholdsfortegnelse punkt",
    Kind.CASE: "Sagsnummer",
    Kind.CLOSED: "Lukket punkt",
    Kind.DECISION_HEADING: "Beslutning overskrift",
    Kind.DECISION: "Beslutning",
    Kind.VOTE: "Afstemning",
    Kind.DISSENT: "Protokoltilførsel",
    Kind.ATTENDANCE: "Fremmøde punkt",
    Kind.ATTACHMENT: "Bilag",
    Kind.SIGNATURE: "Underskrift",
    Kind.CHECKSUM: "Kontrolsum",
}


SIGNATURE_LINE = "_" * 40


def _define_custom(style: ParagraphStyle, kind: Kind) -> None:
    """Default look of the styles this referat adds; a template's own definition wins."""
    font, para = style.font, style.paragraph_format
    indented = {Kind.DECISION, Kind.VOTE, Kind.DISSENT, Kind.ATTACHMENT, Kind.TOC}
    if kind in indented:
        para.left_indent = Cm(0.75)
    para.space_after = Pt(4)
    if kind is Kind.META:
        font.size = Pt(13)
        para.space_after = Pt(2)
    elif kind is Kind.DRAFT:
        font.bold = True
        font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    elif kind is Kind.CASE:
        font.italic = True
        para.keep_with_next = True
    elif kind in (Kind.CLOSED, Kind.DECISION_HEADING):
        font.bold = True
        para.keep_with_next = True
        para.space_before = Pt(10)
    elif kind in (Kind.DISSENT, Kind.ATTENDANCE):
        font.italic = True
    elif kind is Kind.SIGNATURE:
        para.space_before = Pt(36)
        para.keep_together = True
    elif kind is Kind.CHECKSUM:
        font.size = Pt(8)
        font.name = "Courier New"
        para.space_before = Pt(12)


def _ensure_styles(doc: DocxDocument) -> dict[Kind, str]:
    """Style ids by block kind, adding the styles the template lacks.

    Styles are found by name, not id: a Danish Word template names "heading 1" but gives it the
    id "Overskrift1". One pass over the style elements; python-docx's own lookup rescans all
    of them per style, which costs more than writing the body.
    """
    styles = doc.styles
    by_name = {}
    for element in styles.element.xpath('w:style[@w:type="paragraph"]'):
        name = element.name_val
        if name is not None:
            by_name.setdefault(name, element)
    normal = styles["Normal"]
    ids: dict[Kind, str] = {}
    for kind, ui_name in STYLE_NAMES.items():
        name = BabelFish.ui2internal(ui_name)  # "Heading 1" is stored as "heading 1"
        element = by_name.get(name)
        if element is None:
            builtin = kind in (Kind.TITLE, Kind.HEADING1, Kind.HEADING2, Kind.BODY)
            element = styles.element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, builtin)
            style = StyleFactory(element)
            if kind is not Kind.BODY:
                style.base_style = normal
                style.quick_style = True
            _define_builtin_or_custom(style, kind)
        ids[kind] = element.styleId
    return ids


def _define_builtin_or_custom(style: ParagraphStyle, kind: Kind) -> None:
    if kind is Kind.TITLE:
        style.font.size = Pt(26)
        style.font.bold = True
    elif kind in (Kind.HEADING1, Kind.HEADING2):
        style.font.bold = True
        style.font.size = Pt(16 if kind is Kind.HEADING1 else 12)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12)
    else:
        _define_custom(style, kind)


# --- WordprocessingML text -------------------------------------------------------------------

# Characters XML 1.0 forbids; the record is already clean, but an export must never fail.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_RTL_RANGE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def xml_escape(text: str) -> str:
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left."""
    if not _RTL_RANGE.search(text):
        return False
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def _runs(text: str, *, bold: bool = False, rtl: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:rtl/>" if rtl else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    out = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if piece:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>')
    return "".join(out)


def paragraph_xml(block: Block, style_id: str, bookmark_id: int) -> str:
    rtl = is_rtl(block.lead + block.text)
    ppr = f'<w:pStyle w:val="{style_id}"/>'
    if block.new_page:
        ppr += "<w:pageBreakBefore/>"
    if rtl:
        ppr += "<w:bidi/>"
    content = ""
    if block.lead:
        content += _runs(block.lead + " ", bold=True, rtl=rtl)
    text = block.text
    if block.kind is Kind.SIGNATURE:
        # A line to sign on above the name. Not a paragraph border: Word and LibreOffice draw
        # one border for a run of paragraphs that share it, so only the first signer got a line.
        text = f"{SIGNATURE_LINE}\n{text}"
    runs = _runs(text, rtl=rtl)
    if block.link:
        runs = f'<w:hyperlink w:anchor="{block.link}" w:history="1">{runs}</w:hyperlink>'
    content += runs
    if block.anchor:
        content = (
            f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{block.anchor}"/>'
            f'{content}<w:bookmarkEnd w:id="{bookmark_id}"/>'
        )
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"


def body_xml(blocks: list[Block], style_ids: dict[Kind, str]) -> str:
    paragraphs = [
        paragraph_xml(block, style_ids[block.kind], n) for n, block in enumerate(blocks, start=1)
    ]
    return f'<w:body xmlns:w="{W_NS}">{"".join(paragraphs)}</w:body>'


def _field(instruction: str, placeholder: str) -> str:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it when they lay out."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{placeholder}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _page_paragraph(style_id: str | None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="right"/></w:pPr>' if style_id else ""
    return (
        f'<w:p xmlns:w="{W_NS}">{ppr}'
        f'<w:r><w:t xml:space="preserve">{xml_escape(t("export.page"))} </w:t></w:r>'
        f"{_field('PAGE', '1')}"
        f'<w:r><w:t xml:space="preserve"> {xml_escape(t("export.of"))} </w:t></w:r>'
        f"{_field('NUMPAGES', '1')}</w:p>"
    )


def _text_paragraph(text: str, style_id: str | None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
    return f'<w:p xmlns:w="{W_NS}">{ppr}{_runs(text)}</w:p>'


def _style_id(doc: DocxDocument, name: str) -> str | None:
    try:
        return doc.styles[name].style_id
    except KeyError:
        return None


# --- the package -----------------------------------------------------------------------------


def _template_name(template: Path | str | IO[bytes]) -> str:
    return str(template) if isinstance(template, str | Path) else getattr(template, "name", "")


def _open_template(template: Path | str | IO[bytes] | None) -> DocxDocument:
    if template is None:
        doc = Document()
    else:
        try:
            doc = Document(template)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
            raise InputError(
                "export.error.bad_template",
                path=_template_name(template),
                reason=exc,
            ) from exc
    package = doc.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == RECORD_RELTYPE:
            package.rels.pop(rel.rId)
        elif rel.reltype.endswith("/thumbnail"):
            # A picture of some other document's first page.
            package.rels.pop(rel.rId)
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith(_DROPPED_RELTYPE_SUFFIXES):
            doc.part.rels.pop(rel.rId)
    return doc


def _clear_body(doc: DocxDocument) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)


def _page_setup(doc: DocxDocument) -> None:
    """A4 portrait with 2.5 cm margins: the paper a Danish municipality prints on."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
        section.header_distance = section.footer_distance = Cm(1.25)


def _has_page_field(xml: str) -> bool:
    return "PAGE" in xml and ("instrText" in xml or "fldSimple" in xml)


def _header_footer(doc: DocxDocument, meeting: Meeting) -> None:
    """Header: body and date (after any letterhead); footer: "Side X af Y" with real fields."""
    header_text = f"{meeting.body} – {long_date(meeting.starts_at.date())}"
    if referat.is_draft(meeting):
        header_text += f" – {t('export.draft')}"
    header_style = _style_id(doc, "Header")
    footer_style = _style_id(doc, "Footer")
    for section in doc.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraphs = header.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].text.strip():
            header._element.remove(paragraphs[0]._element)
        header._element.append(parse_xml(_text_paragraph(header_text, header_style)))
        footer = section.footer
        footer.is_linked_to_previous = False
        footer_xml = etree.tostring(footer._element, encoding="unicode")
        if not _has_page_field(footer_xml):
            paragraphs = footer.paragraphs
            if len(paragraphs) == 1 and not paragraphs[0].text.strip():
                footer._element.remove(paragraphs[0]._element)
            footer._element.append(parse_xml(_page_paragraph(footer_style)))


def _properties(doc: DocxDocument, meeting: Meeting) -> None:
    """Title, subject, author, created: only the body and the date, never an item's content."""
    props = doc.core_properties
    date = long_date(meeting.starts_at.date())
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title = f"{referat.document_title(meeting)} – {meeting.body} – {date}"
    props.subject = t("export.meeting_subject", body=meeting.body, date=date)
    props.author = meeting.municipality or meeting.body
    props.last_modified_by = props.author
    props.created = now
    props.modified = now
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.content_status = t("export.draft") if referat.is_draft(meeting) else ""
    props.identifier = ""
    props.language = "da-DK" if t("export.referat") == "Referat" else "en-GB"
    props.version = ""
    props.revision = 1


def _app_properties(doc: DocxDocument) -> None:
    """Replace the template's extended properties (application, company, statistics of some
    other document) with the minimum; Word and LibreOffice recompute the rest."""
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'extended-properties"><Application>meetingtui</Application></Properties>'
            )


def _embed_record(doc: DocxDocument, record: dict) -> None:
    package = doc.part.package
    blob = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
    part = Part(PackURI(RECORD_PARTNAME), RECORD_CONTENT_TYPE, blob, package)
    package.relate_to(part, RECORD_RELTYPE)


def render_docx(
    meeting: Meeting,
    *,
    public: bool = True,
    chain_head: str = "",
    template: Path | str | IO[bytes] | None = None,
    show_closed_titles: bool = True,
) -> bytes:
    """The referat as .docx bytes; public referats hold nothing of closed items."""
    prepared = prepare(meeting, public=public, show_closed_titles=show_closed_titles)
    blocks = referat.build(prepared, public=public, chain_head=chain_head)
    doc = _open_template(template)
    style_ids = _ensure_styles(doc)
    _clear_body(doc)
    if template is None:
        _page_setup(doc)
    body = doc.element.body
    sect_pr = body[-1] if len(body) else None
    for paragraph in parse_xml(body_xml(blocks, style_ids)):
        if sect_pr is not None:
            sect_pr.addprevious(paragraph)
        else:
            body.append(paragraph)
    _header_footer(doc, prepared)
    _properties(doc, prepared)
    _app_properties(doc)
    # The record travels with the referat so the archive can read it back exactly. A public
    # referat carries the public record: the same redaction, nothing of closed items.
    from meetingtui.exporters.json_export import to_json_dict

    _embed_record(
        doc,
        to_json_dict(
            meeting, public=public, chain_head=chain_head, show_closed_titles=show_closed_titles
        ),
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
