"""The Word referat (.docx).

python-docx supplies the package: styles, header, footer, properties and the municipality's
template (`docx_template.py`). The body (thousands of paragraphs for a long meeting) is written
as WordprocessingML text (`wordml.py`) and parsed once, which is about twenty times faster than
adding paragraphs one by one through python-docx and keeps the export of a 100-item meeting
well under half a second.

Every paragraph carries a named style, so a municipality restyles the referat by giving a
template whose styles have the same names (see `STYLE_NAMES`); the default look is in
`docx_look.py`. The document is Danish (da-DK) throughout, its headings form one hierarchy
(the title, then level 1: participants, contents, each item, signatures; level 2: the sections
and each "Beslutning i ..."), lists are Word lists and tables have a header row.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from meetingtui.exporters import docx_blocks, referat
from meetingtui.exporters.blocks import Block, Kind, ListMark
from meetingtui.exporters.docx_insert import insert_before
from meetingtui.exporters.docx_look import (
    DEFAULT_STYLES,
    OUTCOME_INDENT,
    TOC_HANG,
    WARNING,
    ensure_contrast,
    set_language,
    set_run_languages,
    set_settings,
    theme_colours,
)
from meetingtui.exporters.docx_props import app_properties, core_properties, custom_properties
from meetingtui.exporters.docx_template import (
    footer_parts,
    header_parts,
    open_package,
    split_sections,
    text_width,
)
from meetingtui.exporters.record_part import (
    RECORD_CONTENT_TYPE,
    RECORD_PARTNAME,
    RECORD_RELTYPE,
)
from meetingtui.exporters.redact import prepare
from meetingtui.exporters.wordml import (
    ListKind,
    Numbering,
    attr_escape,
    field,
    is_rtl,
    list_paragraph_xml,
    runs,
    table_xml,
    xml_escape,
)
from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date
from meetingtui.models import Meeting

__all__ = ["SIGNATURE_LINE", "STYLE_NAMES", "is_rtl", "render_docx", "xml_escape"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

STYLE_NAMES: dict[Kind, str] = {
    Kind.MUNICIPALITY: "Kommune",
    Kind.TITLE: "Title",
    Kind.META: "Mødeoplysninger",
    Kind.DRAFT: "Udkast",
    Kind.HEADING1: "Heading 1",
    Kind.HEADING2: "Heading 2",
    Kind.HEADING3: "Heading 3",
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
    Kind.LIST: "Liste",
    Kind.TABLE: "Tabeltekst",
    Kind.SIGNATURE: "Underskrift",
    Kind.CHECKSUM: "Kontrolsum",
}
# Word's internal names of the built-in styles ("Heading 1" is stored as "heading 1").
_INTERNAL_NAMES = {
    "Heading 1": "heading 1",
    "Heading 2": "heading 2",
    "Heading 3": "heading 3",
}

SIGNATURE_LINE = "_" * 32


def _ensure_styles(doc: DocxDocument) -> dict[str, str]:
    """Style ids by style name for every style the referat uses, adding what the template
    lacks from the default look. Styles are found by name, not id: a Danish Word template
    names "heading 1" but gives it the id "Overskrift1". One pass over the style elements;
    python-docx's own lookup rescans all of them per style."""
    root = doc.styles.element
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for element in root.iterfind(f"{_W}style"):
        style_id = element.get(f"{_W}styleId", "")
        taken.add(style_id)
        name = element.find(f"{_W}name")
        if element.get(f"{_W}type") == "paragraph" and name is not None:
            ids.setdefault(name.get(f"{_W}val", ""), style_id)
    for name, definition in DEFAULT_STYLES.items():
        if name in ids:
            continue
        style_id = definition.style_id
        while style_id in taken:  # a template style of another name holds the id
            style_id += "Referat"
        root.append(parse_xml(definition.xml(style_id, ids)))
        ids[name] = style_id
        taken.add(style_id)
    return ids


def _kind_ids(ids: dict[str, str]) -> dict[Kind, str]:
    return {kind: ids[_INTERNAL_NAMES.get(name, name)] for kind, name in STYLE_NAMES.items()}


# --- the body --------------------------------------------------------------------------------


def paragraph_xml(block: Block, style_id: str, bookmark_id: int) -> str:
    rtl = is_rtl(block.lead + block.text)
    ppr = f'<w:pStyle w:val="{style_id}"/>'
    if block.new_page:
        ppr += "<w:pageBreakBefore/>"
    elif block.kind is Kind.HEADING1:
        # The referat decides where pages break, not a template's heading style.
        ppr += '<w:pageBreakBefore w:val="0"/>'
    if rtl:
        ppr += "<w:bidi/>"
    content = ""
    if block.lead:
        content += runs(block.lead + " ", bold=True, rtl=rtl)
    text = block.text
    if block.kind is Kind.SIGNATURE:
        # A line to sign on above the name. Not a paragraph border: Word and LibreOffice draw
        # one border for a run of paragraphs that share it, so only the first signer got a line.
        text = f"{SIGNATURE_LINE}\n{text}"
    content += runs(text, rtl=rtl)
    if block.anchor:
        content = (
            f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{block.anchor}"/>'
            f'{content}<w:bookmarkEnd w:id="{bookmark_id}"/>'
        )
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>"


def toc_entry_xml(block: Block, style_id: str, width: int, page: int | None) -> str:
    """ "1.<tab>Title<tab>3": the number hangs, wrapped lines align after it, dot leaders run
    to the page number. The number is a PAGEREF field to the item's bookmark: LibreOffice
    computes it as it lays out; Word shows the page given here (found by laying the referat
    out once in LibreOffice, see `pagination.py`) until its fields are updated (F9)."""
    tabs = (
        f'<w:tabs><w:tab w:val="left" w:pos="{TOC_HANG}"/>'
        f'<w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
    )
    ppr = f'<w:pStyle w:val="{style_id}"/>{tabs}<w:ind w:left="{TOC_HANG}" w:right="567" w:hanging="{TOC_HANG}"/>'
    content = (
        runs(block.lead)
        + "<w:r><w:tab/></w:r>"
        + runs(block.text)
        + "<w:r><w:tab/></w:r>"
        + field(f"PAGEREF {block.link} \\h", str(page) if page else "")
    )
    return (
        f'<w:p><w:pPr>{ppr}</w:pPr><w:hyperlink w:anchor="{attr_escape(block.link)}" '
        f'w:history="1">{content}</w:hyperlink></w:p>'
    )


def _table(block: Block, style_id: str, width: int) -> str:
    header, *rows = block.cells
    # Choice and count narrow, the names take the rest of the line.
    widths = [1300, 900, width - OUTCOME_INDENT - 2200]
    return table_xml(
        header, rows, widths, style_id=style_id, indent=OUTCOME_INDENT, caption=block.text
    )


class _Lists:
    """Starts a new Word list wherever a run of list blocks starts or its numbering breaks."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._previous: Block | None = None
        self._num_id = 0

    def num_id(self, block: Block) -> int:
        previous = self._previous
        assert block.list_mark is not None
        continues = (
            previous is not None
            and previous.list_mark is block.list_mark
            and previous.kind is block.kind
            and (block.list_mark is ListMark.BULLET or block.number == previous.number + 1)
        )
        if not continues:
            self._num_id = self._numbering.new_list(
                ListKind(block.list_mark.value), start=max(block.number, 1)
            )
        self._previous = block
        return self._num_id

    def interrupt(self) -> None:
        self._previous = None


def body_elements(
    blocks: list[Block],
    style_ids: dict[Kind, str],
    numbering: Numbering,
    *,
    width: int,
    page_numbers: Mapping[str, int],
) -> list[str]:
    """One XML element (paragraph or table) per block, in order."""
    lists = _Lists(numbering)
    rich = docx_blocks.Renderer(numbering, width)  # imported text with its source's structure
    out: list[str] = []
    for n, block in enumerate(blocks, start=1):
        style_id = style_ids[block.kind]
        if block.rich is not None:
            lists.interrupt()
            out.append(rich.element(block, style_id))
            continue
        if block.list_mark is not None:
            content = runs(block.text, rtl=is_rtl(block.text))
            out.append(list_paragraph_xml(content, style_id, lists.num_id(block)))
            continue
        lists.interrupt()
        if block.kind is Kind.TOC:
            out.append(toc_entry_xml(block, style_id, width, page_numbers.get(block.link)))
        elif block.kind is Kind.TABLE:
            out.append(_table(block, style_id, width))
        else:
            out.append(paragraph_xml(block, style_id, n))
    return out


def _insert_body(doc: DocxDocument, blocks: list[Block], elements: list[str]) -> None:
    """The body before the final section properties; the signers in two columns, in a
    section of their own between the main text and the checksum."""
    body = doc.element.body
    final = body.find(f"{_W}sectPr")
    assert final is not None
    parsed = insert_before(final, elements)
    signers = [i for i, block in enumerate(blocks) if block.kind is Kind.SIGNATURE]
    if signers and signers[0] > 0 and parsed[signers[0] - 1].tag == f"{_W}p":
        two_columns, after = split_sections(final)
        main = etree.fromstring(etree.tostring(final))
        _end_section(parsed[signers[0] - 1], main)
        _end_section(parsed[signers[-1]], two_columns)
        final.getparent().replace(final, after)


def _end_section(paragraph: etree._Element, sect_pr: etree._Element) -> None:
    ppr = paragraph.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.SubElement(paragraph, f"{_W}pPr")
        paragraph.insert(0, ppr)
    ppr.append(sect_pr)


# --- header, footer, properties ---------------------------------------------------------------


def _page_paragraph(style_id: str) -> str:
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="right"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{xml_escape(t("export.page"))} </w:t></w:r>'
        f"{field('PAGE', '1')}"
        f'<w:r><w:t xml:space="preserve"> {xml_escape(t("export.of"))} </w:t></w:r>'
        f"{field('NUMPAGES', '1')}</w:p>"
    )


def _header_paragraph(text: str, style_id: str, *, marking: bool = False) -> str:
    rpr = f'<w:rPr><w:b/><w:color w:val="{WARNING}"/></w:rPr>' if marking else ""
    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'
    )


def _has_page_field(element: etree._Element) -> bool:
    xml = etree.tostring(element, encoding="unicode")
    return "PAGE" in xml and ("instrText" in xml or "fldSimple" in xml)


def _drop_empty_paragraph(part: etree._Element) -> None:
    paragraphs = part.findall(f"{_W}p")
    if (
        len(paragraphs) == 1
        and not "".join(paragraphs[0].itertext()).strip()
        and (
            paragraphs[0].find(f".//{_W}drawing") is None
            and paragraphs[0].find(f".//{_W}pict") is None
        )
    ):
        part.remove(paragraphs[0])


def running_header(meeting: Meeting) -> str:
    """ "Lejre Kommune – Økonomiudvalget – Referat 3. januar 2017"."""
    kind = referat.document_title(meeting, draft_mark=False)
    parts = [
        meeting.municipality.strip(),
        meeting.body,
        f"{kind} {long_date(meeting.starts_at.date())}",
    ]
    if referat.is_draft(meeting):
        parts.append(t("export.draft"))
    return " – ".join(p for p in parts if p)


def _header_footer(
    doc: DocxDocument, meeting: Meeting, ids: dict[str, str], *, public: bool
) -> None:
    """Every page says whose referat it is, and an internal one that it must not be published;
    a template's first-page letterhead stays as it is, with the internal marking added."""
    header_style, footer_style = ids["header"], ids["footer"]
    headers = header_parts(doc)
    for n, header in enumerate(headers):
        _drop_empty_paragraph(header)
        first_page = n == 1 and doc.sections[-1].different_first_page_header_footer
        if not first_page:
            header.append(parse_xml(_header_paragraph(running_header(meeting), header_style)))
        if not public:
            marking = t("export.internal_marking")
            header.append(parse_xml(_header_paragraph(marking, header_style, marking=True)))
    footer = footer_parts(doc)[0]
    if not _has_page_field(footer):
        _drop_empty_paragraph(footer)
        footer.append(parse_xml(_page_paragraph(footer_style)))


def _contrast(doc: DocxDocument) -> None:
    try:
        theme = theme_colours(doc.part.part_related_by(RT.THEME).blob)
    except KeyError:
        theme = {}
    ensure_contrast(doc.styles.element, theme)
    for part in (*header_parts(doc), *footer_parts(doc)):
        ensure_contrast(part, theme)


def _header_footer_language(doc: DocxDocument, lang: str) -> None:
    for part in (*header_parts(doc), *footer_parts(doc)):
        set_run_languages(part, lang)


def _embed_record(doc: DocxDocument, record: dict) -> None:
    package = doc.part.package
    # Compact: the C encoder only runs without indentation, and this part is read by programs.
    blob = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    part = Part(PackURI(RECORD_PARTNAME), RECORD_CONTENT_TYPE, blob, package)
    package.relate_to(part, RECORD_RELTYPE)


def render_docx(
    meeting: Meeting,
    *,
    public: bool = True,
    chain_head: str = "",
    template: Path | str | IO[bytes] | None = None,
    show_closed_titles: bool = True,
    decision_formula: str | None = None,
    page_numbers: Mapping[str, int] | None = None,
) -> bytes:
    """The referat as .docx bytes; public referats hold nothing of closed items.

    `page_numbers` (bookmark -> page, from `pagination.page_numbers`) fills the table of
    contents for Word; without it Word shows the entries without pages until F9.
    """
    prepared = prepare(meeting, public=public, show_closed_titles=show_closed_titles)
    blocks = referat.build(prepared, public=public, chain_head=chain_head, formula=decision_formula)
    lang = t("export.lang_tag")
    doc = open_package(template, lang)
    set_language(doc.styles.element, lang)
    set_settings(doc.settings.element, lang, t("export.decimal_symbol"), t("export.list_separator"))
    ids = _ensure_styles(doc)
    _header_footer(doc, prepared, ids, public=public)
    _header_footer_language(doc, lang)
    _contrast(doc)
    elements = body_elements(
        blocks,
        _kind_ids(ids),
        Numbering(doc.part),
        width=text_width(doc),
        page_numbers=page_numbers or {},
    )
    _insert_body(doc, blocks, elements)
    core_properties(doc, prepared, public=public, lang=lang)
    app_properties(doc, prepared)
    custom_properties(
        doc,
        {
            t("export.chain_head_property"): chain_head or t("export.chain_head_missing"),
            t("export.publicity_property"): (
                t("export.public_marking") if public else t("export.internal_marking")
            ),
        },
    )
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
