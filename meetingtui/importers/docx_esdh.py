"""DOCX referats and dagsordener exported by ESDH systems (Acadre, SBSYS, eDoc, Prepare).

The document body is read in order, paragraphs and table cells alike, into `Line`s that carry
the paragraph style (heading, table of contents) and bold runs as hints, and then parsed by
`textparse` like any other text-layer referat. The zip container is checked before anything is
unpacked, and the XML is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from meetingtui.errors import InputError, MeetingError
from meetingtui.importers import common, limits
from meetingtui.importers.textparse import Document, Line, build_meeting, clean_line
from meetingtui.models import Meeting

FORMAT = "docx-esdh"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc


def sniff(data: bytes) -> bool:
    if data.startswith(_OLE_MAGIC):
        return True  # parse() explains that it must be saved as an unencrypted .docx
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    return [build_meeting(read_document(data, source=source), source=source)]


def read_parts(data: bytes, names: tuple[str, ...], *, source: str = "") -> dict[str, bytes]:
    """The named zip members of a .docx after checking size, member count and packing ratio."""
    limits.check_size(data, limits.MAX_FILE_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    if data.startswith(_OLE_MAGIC):
        raise InputError("import.docx.encrypted", source=source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError("import.docx.corrupt", source=source, reason=str(exc)) from exc
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise InputError("import.docx.zip_bomb", source=source, reason=f"{len(infos)} filer")
    total = sum(info.file_size for info in infos)
    if total > limits.MAX_DOCX_UNCOMPRESSED:
        raise InputError("import.docx.zip_bomb", source=source, reason=f"{total // 2**20} MB")
    out: dict[str, bytes] = {}
    with archive:
        for info in infos:
            if info.filename not in names:
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.MAX_DOCX_PART or (
                ratio > limits.MAX_ZIP_RATIO and info.file_size > 1024 * 1024
            ):
                raise InputError("import.docx.zip_bomb", source=source,
                                 reason=f"{info.filename}: {ratio:.0f}:1")  # fmt: skip
            try:
                with archive.open(info) as member:
                    # Read at most the declared size plus one byte: a lying header is caught.
                    content = member.read(limits.MAX_DOCX_PART + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
                raise InputError("import.docx.corrupt", source=source, reason=str(exc)) from exc
            if len(content) > limits.MAX_DOCX_PART:
                raise InputError("import.docx.zip_bomb", source=source, reason=info.filename)
            out[info.filename] = content
    return out


def read_document(data: bytes, *, source: str = "") -> Document:
    parts = read_parts(data, ("word/document.xml", "word/styles.xml"), source=source)
    if "word/document.xml" not in parts:
        raise InputError("import.docx.no_document", source=source)
    try:
        root = common.parse_xml(parts["word/document.xml"])
        styles = _style_names(common.parse_xml(parts["word/styles.xml"])) if (
            "word/styles.xml" in parts
        ) else {}
    except MeetingError as exc:
        raise InputError("import.docx.corrupt", source=source, reason=exc.message) from exc
    body = root.find("body")
    if body is None:
        raise InputError("import.docx.no_document", source=source)
    lines: list[Line] = []
    _walk(body, styles, lines)
    return Document(lines)


def _attr(element: Element | None, name: str) -> str:
    if element is None:
        return ""
    return element.get(f"{_W}{name}") or element.get(name) or ""


def _style_names(root: Element) -> dict[str, str]:
    names = {}
    for style in root.iter("style"):
        name = style.find("name")
        names[_attr(style, "styleId")] = _attr(name, "val").lower()
    return names


def _walk(container: Element, styles: dict[str, str], lines: list[Line]) -> None:
    for child in container:
        if child.tag == "p":
            lines.extend(_paragraph_lines(child, styles))
        elif child.tag == "tbl":
            for row in child.findall("tr"):
                _row_lines(row, styles, lines)
        elif child.tag in ("sdt", "sdtContent", "customXml", "smartTag"):
            _walk(child, styles, lines)


def _row_lines(row: Element, styles: dict[str, str], lines: list[Line]) -> None:
    cells: list[list[Line]] = []
    for cell in row.findall("tc"):
        cell_lines: list[Line] = []
        _walk(cell, styles, cell_lines)
        texts = [ln.text for ln in cell_lines]
        if cell_lines and (not cells or texts != [ln.text for ln in cells[-1]]):
            cells.append(cell_lines)  # merged cells repeat their text; keep it once
    if not cells:
        return
    single = all(len(c) == 1 for c in cells)
    if single and len(cells) > 1 and cells[0][0].text.rstrip().endswith(":"):
        # A label cell and its value: "Sagsnr.:" | "12/27845"
        first = cells[0][0]
        joined = " ".join(c[0].text for c in cells)
        lines.append(Line(joined, 0, first.bold, first.heading, first.toc))
    elif single and len(cells) > 2:
        lines.append(Line("  ".join(c[0].text for c in cells), 0, None, False, False))
    else:
        for cell_lines in cells:
            lines.extend(cell_lines)


def _paragraph_lines(paragraph: Element, styles: dict[str, str]) -> list[Line]:
    ppr = paragraph.find("pPr")
    style = styles.get(_attr(ppr.find("pStyle") if ppr is not None else None, "val"), "")
    heading = style.startswith(("heading", "overskrift", "title", "titel"))
    toc = style.startswith(("toc", "indholdsfortegnelse"))
    chunks: list[str] = []
    bold_runs: list[bool] = []
    for run in paragraph.iter("r"):
        rpr = run.find("rPr")
        bold_el = rpr.find("b") if rpr is not None else None
        bold = bold_el is not None and _attr(bold_el, "val") not in ("0", "false", "off")
        text = []
        for node in run:
            if node.tag == "t":
                text.append(node.text or "")
            elif node.tag == "tab":
                text.append("\t")
            elif node.tag in ("br", "cr"):
                text.append("\n")
        joined = "".join(text)
        chunks.append(joined)
        if joined.strip():
            bold_runs.append(bold)
    style_bold = "bold" in style or "fed" in style
    is_bold = (bool(bold_runs) and all(bold_runs)) or style_bold
    out = []
    for part in "".join(chunks).split("\n"):
        text = clean_line(part)
        if text:
            out.append(Line(text, 0, is_bold, heading, toc))
    return out
