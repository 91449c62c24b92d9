"""Accessibility facts computed from a .docx file, for the export tests.

Each function reads the package as Word would (styles resolved through their basedOn chain,
theme colours through the theme), so the tests check what a reader gets, not what the
exporter meant to write. The WCAG formula is written out here on purpose instead of importing
the exporter's own, so a mistake there cannot hide itself.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "a": A}
_W = f"{{{W}}}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def text_parts(data: bytes) -> list[str]:
    """document.xml and every header and footer part in the package."""
    return [
        name
        for name in parts(data)
        if name == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", name)
    ]


# --- language --------------------------------------------------------------------------------


def languages(data: bytes) -> set[str]:
    """Every language the package names for text: style defaults, styles, runs, the theme font
    language and the core properties."""
    found: set[str] = set()
    styles = _xml(data, "word/styles.xml")
    for lang in styles.iter(f"{_W}lang"):
        found.update(v for k, v in lang.attrib.items() if k in (f"{_W}val", f"{_W}eastAsia"))
    for name in text_parts(data):
        for lang in _xml(data, name).iter(f"{_W}lang"):
            found.add(lang.get(f"{_W}val", ""))
    settings = _xml(data, "word/settings.xml")
    theme_lang = settings.find(f"{_W}themeFontLang")
    found.add(theme_lang.get(f"{_W}val") if theme_lang is not None else "")
    core = _xml(data, "docProps/core.xml")
    for element in core.iter("{http://purl.org/dc/elements/1.1/}language"):
        found.add(element.text or "")
    found.discard("")
    return found


def default_language(data: bytes) -> str:
    styles = _xml(data, "word/styles.xml")
    lang = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
    return lang.get(f"{_W}val") if lang is not None else ""


def settings_value(data: bytes, tag: str) -> str:
    element = _xml(data, "word/settings.xml").find(f"{_W}{tag}")
    return element.get(f"{_W}val", "") if element is not None else ""


# --- styles and headings ---------------------------------------------------------------------


@dataclass
class Style:
    style_id: str
    name: str
    based_on: str | None
    element: etree._Element


def styles(data: bytes) -> dict[str, Style]:
    root = _xml(data, "word/styles.xml")
    out = {}
    for element in root.iterfind(f"{_W}style"):
        name = element.find(f"{_W}name")
        based = element.find(f"{_W}basedOn")
        style_id = element.get(f"{_W}styleId", "")
        out[style_id] = Style(
            style_id,
            name.get(f"{_W}val", "") if name is not None else "",
            based.get(f"{_W}val") if based is not None else None,
            element,
        )
    return out


def _inherited(
    all_styles: dict[str, Style], style_id: str | None, path: str
) -> etree._Element | None:
    seen = set()
    while style_id and style_id in all_styles and style_id not in seen:
        seen.add(style_id)
        found = all_styles[style_id].element.find(path)
        if found is not None:
            return found
        style_id = all_styles[style_id].based_on
    return None


def outline_level(all_styles: dict[str, Style], paragraph: etree._Element) -> int | None:
    """0 for a level-1 heading, 1 for level 2, ...; None for body text (Word's rule: the
    paragraph's own outline level, else its style's, else inherited)."""
    ppr = paragraph.find(f"{_W}pPr")
    direct = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    style = ppr.find(f"{_W}pStyle") if ppr is not None else None
    style_id = style.get(f"{_W}val") if style is not None else None
    level = (
        direct
        if direct is not None
        else _inherited(all_styles, style_id, f"{_W}pPr/{_W}outlineLvl")
    )
    if level is None:
        return None
    value = int(level.get(f"{_W}val"))
    return None if value >= 9 else value


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(paragraph.itertext())


def headings(data: bytes) -> list[tuple[int, str]]:
    """(level from 1, text) of every heading in the body, in reading order."""
    all_styles = styles(data)
    body = _xml(data, "word/document.xml").find(f"{_W}body")
    out = []
    for paragraph in body.iter(f"{_W}p"):
        level = outline_level(all_styles, paragraph)
        if level is not None:
            out.append((level + 1, paragraph_text(paragraph)))
    return out


def heading_problems(data: bytes) -> list[str]:
    """A heading hierarchy starts at level 1 and never skips a level going down."""
    found = headings(data)
    problems = []
    if not found or found[0][0] != 1:
        problems.append(f"first heading is not level 1: {found[:1]}")
    for (before, _), (level, text) in itertools.pairwise(found):
        if level > before + 1:
            problems.append(f"level {before} -> {level} at {text!r}")
    return problems


def resolved_run_font(data: bytes) -> str:
    styles_root = _xml(data, "word/styles.xml")
    fonts = styles_root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
    return fonts.get(f"{_W}ascii", "") if fonts is not None else ""


# --- lists and tables ------------------------------------------------------------------------


def list_paragraphs(data: bytes) -> list[tuple[str, int, str]]:
    """(numFmt, number as Word counts it, text) of every numbered or bulleted paragraph."""
    numbering = _xml(data, "word/numbering.xml")
    abstract_of = {
        n.get(f"{_W}numId"): n.find(f"{_W}abstractNumId").get(f"{_W}val")
        for n in numbering.iterfind(f"{_W}num")
    }
    start_of = {}
    for n in numbering.iterfind(f"{_W}num"):
        override = n.find(f"{_W}lvlOverride/{_W}startOverride")
        if override is not None:
            start_of[n.get(f"{_W}numId")] = int(override.get(f"{_W}val"))
    formats = {
        a.get(f"{_W}abstractNumId"): a.find(f"{_W}lvl/{_W}numFmt").get(f"{_W}val")
        for a in numbering.iterfind(f"{_W}abstractNum")
    }
    counters: dict[str, int] = {}
    out = []
    body = _xml(data, "word/document.xml").find(f"{_W}body")
    for paragraph in body.iter(f"{_W}p"):
        num = paragraph.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        if num is None:
            continue
        num_id = num.get(f"{_W}val")
        counters[num_id] = counters.get(num_id, start_of.get(num_id, 1) - 1) + 1
        out.append((formats[abstract_of[num_id]], counters[num_id], paragraph_text(paragraph)))
    return out


_TYPED_LIST = re.compile(r"^\s*(\d{1,3}[.)]|[•▪·])\s")


def typed_list_paragraphs(data: bytes) -> list[str]:
    """Body paragraphs that look like list items but are not Word list items. Headings ("1.
    Budgetopfølgning", numbered as the agenda numbers them) and table-of-contents entries (a
    link to the item) are not lists."""
    all_styles = styles(data)
    body = _xml(data, "word/document.xml").find(f"{_W}body")
    out = []
    for paragraph in body.iter(f"{_W}p"):
        text = paragraph_text(paragraph)
        if (
            paragraph.find(f"{_W}pPr/{_W}numPr") is None
            and _TYPED_LIST.match(text)
            and outline_level(all_styles, paragraph) is None
            and paragraph.find(f"{_W}hyperlink") is None
        ):
            out.append(text)
    return out


def tables_without_header(data: bytes) -> list[str]:
    body = _xml(data, "word/document.xml").find(f"{_W}body")
    missing = []
    for table in body.iter(f"{_W}tbl"):
        first_row = table.find(f"{_W}tr")
        if first_row is None or first_row.find(f"{_W}trPr/{_W}tblHeader") is None:
            missing.append(paragraph_text(table)[:60])
    return missing


def table_count(data: bytes) -> int:
    return len(list(_xml(data, "word/document.xml").iter(f"{_W}tbl")))


# --- colour contrast -------------------------------------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def wcag_contrast(colour: str, background: str = "FFFFFF") -> float:
    def lum(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)

    high, low = sorted((lum(colour), lum(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_THEME_SLOTS = {
    "text1": "dk1", "dark1": "dk1", "text2": "dk2", "dark2": "dk2", "background1": "lt1",
    "light1": "lt1", "background2": "lt2", "light2": "lt2", "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}  # fmt: skip


def _theme(data: bytes) -> dict[str, str]:
    theme_parts = [n for n in parts(data) if n.startswith("word/theme/")]
    if not theme_parts:
        return {}
    scheme = _xml(data, theme_parts[0]).find(".//a:clrScheme", NS)
    out = {}
    for element in scheme:
        local = etree.QName(element).localname
        colour = element[0]
        out[local] = (colour.get("lastClr") or colour.get("val") or "").upper()
    return out


def text_colours(data: bytes) -> dict[str, float]:
    """Every text colour the styles, body, headers and footers use -> its contrast on white."""
    theme = _theme(data)
    found = {}
    for name in ["word/styles.xml", *text_parts(data)]:
        for colour in _xml(data, name).iter(f"{_W}color"):
            theme_colour = colour.get(f"{_W}themeColor")
            value = colour.get(f"{_W}val", "auto")
            if theme_colour:
                value = theme.get(_THEME_SLOTS.get(theme_colour, theme_colour), value)
            if value.lower() != "auto":
                found[value.upper()] = wcag_contrast(value)
    return found


# --- properties ------------------------------------------------------------------------------


def core(data: bytes) -> dict[str, str]:
    root = _xml(data, "docProps/core.xml")
    return {etree.QName(e).localname: (e.text or "") for e in root}


def custom(data: bytes) -> dict[str, str]:
    if "docProps/custom.xml" not in parts(data):
        return {}
    root = _xml(data, "docProps/custom.xml")
    return {p.get("name"): "".join(p.itertext()) for p in root}


def accessibility_problems(data: bytes, *, lang: str = "da-DK") -> list[str]:
    """Everything the accessibility rules require of a published document, checked at once."""
    problems = []
    if languages(data) != {lang}:
        problems.append(f"languages {sorted(languages(data))}, not only {lang}")
    problems += heading_problems(data)
    problems += [f"typed list item: {text!r}" for text in typed_list_paragraphs(data)]
    problems += [f"table without header row: {text!r}" for text in tables_without_header(data)]
    problems += [
        f"colour {colour} has contrast {ratio:.2f}:1"
        for colour, ratio in text_colours(data).items()
        if ratio < 4.5
    ]
    props = core(data)
    for key in ("title", "language", "creator", "subject", "keywords"):
        if not props.get(key, "").strip():
            problems.append(f"property {key} is empty")
    return problems
