"""The referat's default look and the document-wide settings every variant gets.

The default look is what a municipality without its own template signs: Calibri (LibreOffice
substitutes the metric-compatible Carlito, so pages break alike), black text, headings in one
dark blue in clear size steps (title 24 pt, level 1 16 pt, level 2 13 pt, text 11 pt), and one
indent for the lines that record what the meeting did (decision, votes, attendance, dissent).

A template's own style of the same name always wins; only missing styles are added from here.
Whatever the source, every text colour ends with a contrast of at least 4.5:1 on white (WCAG 2.1
AA, which EN 301 549 applies to documents public bodies publish): `ensure_contrast` darkens a
colour that is lighter than that, keeping its hue.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

FONT = "Calibri"
ACCENT = "1F4E79"  # headings: 8.6:1 on white
MUTED = "595959"  # running header, footer, checksum: 7.0:1 on white
WARNING = "C00000"  # draft and internal markings: 5.9:1 on white
MIN_CONTRAST = 4.5

# One indent (1 cm) for everything the meeting did with an item.
OUTCOME_INDENT = 567
# Table of contents: the number hangs in a 1.5 cm column, wrapped title lines align after it.
TOC_HANG = 850


@dataclass(frozen=True, slots=True)
class StyleDef:
    """A paragraph style: `name` as Word stores it ("heading 1"), `style_id` as it is referred.
    `based_on` and `next_style` are style NAMES: a Danish template gives "heading 2" the id
    "Overskrift2", so ids are looked up when the style is added."""

    name: str
    style_id: str
    ppr: str = ""
    rpr: str = ""
    based_on: str | None = "Normal"
    next_style: str | None = None

    def xml(self, style_id: str, ids: dict[str, str]) -> str:
        based = f'<w:basedOn w:val="{ids[self.based_on]}"/>' if self.based_on in ids else ""
        nxt = f'<w:next w:val="{ids[self.next_style]}"/>' if self.next_style in ids else ""
        ppr = f"<w:pPr>{_in_order(self.ppr, _PPR_ORDER)}</w:pPr>" if self.ppr else ""
        rpr = f"<w:rPr>{_in_order(self.rpr, _RPR_ORDER)}</w:rPr>" if self.rpr else ""
        return (
            f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{style_id}">'
            f'<w:name w:val="{self.name}"/>{based}{nxt}<w:qFormat/>{ppr}{rpr}</w:style>'
        )


# WordprocessingML properties are sequences: Word refuses a file whose elements are out of order.
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
]
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
]


def _in_order(fragment: str, order: list[str]) -> str:
    """The property elements of `fragment` in schema order, whatever order they were written in."""
    holder = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{fragment}</w:x>')
    rank = {name: n for n, name in enumerate(order)}
    children = sorted(holder, key=lambda child: rank[etree.QName(child).localname])
    return "".join(
        etree.tostring(child, encoding="unicode").replace(f' xmlns:w="{W_NS}"', "")
        for child in children
    )


def _spacing(before: int = 0, after: int = 0) -> str:
    """Spacing in points."""
    return f'<w:spacing w:before="{before * 20}" w:after="{after * 20}"/>'


def _size(points: float) -> str:
    half = int(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


_HEADING = "<w:keepNext/><w:keepLines/>"
_OUTCOME = f'<w:ind w:left="{OUTCOME_INDENT}"/>'

# The default of every style the referat uses, by the name Word stores. Built-in styles keep
# their English internal names and ids, so Word and LibreOffice show them translated.
DEFAULT_STYLES: dict[str, StyleDef] = {
    d.name: d
    for d in (
        StyleDef("Normal", "Normal", _spacing(0, 6), based_on=None),
        StyleDef(
            "Title",
            "Title",
            _spacing(6, 6) + _HEADING,
            f'<w:b/><w:color w:val="{ACCENT}"/>{_size(24)}',
            next_style="Normal",
        ),
        StyleDef(
            "heading 1",
            "Heading1",
            _spacing(18, 6) + _HEADING + '<w:outlineLvl w:val="0"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/>{_size(16)}',
            next_style="Normal",
        ),
        StyleDef(
            "heading 2",
            "Heading2",
            _spacing(12, 3) + _HEADING + '<w:outlineLvl w:val="1"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/>{_size(13)}',
            next_style="Normal",
        ),
        StyleDef(
            "heading 3",
            "Heading3",
            _spacing(9, 3) + _HEADING + '<w:outlineLvl w:val="2"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/>{_size(11.5)}',
            next_style="Normal",
        ),
        StyleDef(
            "toc 1",
            "TOC1",
            _spacing(0, 3) + f'<w:ind w:left="{TOC_HANG}" w:right="567" w:hanging="{TOC_HANG}"/>',
            next_style="Normal",
        ),
        StyleDef(
            "header",
            "Header",
            '<w:tabs><w:tab w:val="right" w:pos="9072"/></w:tabs>' + _spacing(0, 0),
            f'<w:color w:val="{MUTED}"/>{_size(9)}',
        ),
        StyleDef(
            "footer",
            "Footer",
            '<w:jc w:val="right"/>' + _spacing(0, 0),
            f'<w:color w:val="{MUTED}"/>{_size(9)}',
        ),
        StyleDef("List Paragraph", "ListParagraph", '<w:ind w:left="720"/>' + _spacing(0, 3)),
        # The referat's own styles (see docx.STYLE_NAMES).
        StyleDef(
            "Kommune", "Kommune", _spacing(0, 0), f'<w:b/><w:color w:val="{ACCENT}"/>{_size(13)}'
        ),
        StyleDef("Mødeoplysninger", "Moedeoplysninger", _spacing(0, 2), _size(13)),
        StyleDef("Udkast", "Udkast", _spacing(6, 6), f'<w:b/><w:color w:val="{WARNING}"/>'),
        StyleDef("Deltagerlinje", "Deltagerlinje", _spacing(0, 4)),
        StyleDef("Indholdsfortegnelse punkt", "Indholdsfortegnelsepunkt", based_on="toc 1"),
        StyleDef("Sagsnummer", "Sagsnummer", "<w:keepNext/>" + _spacing(0, 6), "<w:i/>"),
        StyleDef("Lukket punkt", "Lukketpunkt", "<w:keepNext/>" + _spacing(6, 6), "<w:b/>"),
        # A level-2 heading, so a screen-reader user jumps from decision to decision.
        StyleDef("Beslutning overskrift", "Beslutningoverskrift", based_on="heading 2"),
        StyleDef("Beslutning", "Beslutning", _OUTCOME + _spacing(0, 4)),
        StyleDef("Afstemning", "Afstemning", _OUTCOME + _spacing(0, 4)),
        StyleDef("Protokoltilførsel", "Protokoltilfoersel", _OUTCOME + _spacing(6, 4), "<w:i/>"),
        StyleDef("Fremmøde punkt", "Fremmoedepunkt", _OUTCOME + _spacing(0, 4), "<w:i/>"),
        StyleDef("Bilag", "Bilag", _spacing(0, 2), based_on="List Paragraph"),
        StyleDef("Liste", "Liste", _spacing(0, 3), based_on="List Paragraph"),
        StyleDef("Tabeltekst", "Tabeltekst", _spacing(0, 0)),
        StyleDef("Underskrift", "Underskrift", "<w:keepLines/>" + _spacing(36, 12)),
        StyleDef(
            "Kontrolsum", "Kontrolsum", _spacing(18, 0), f'<w:color w:val="{MUTED}"/>{_size(8)}'
        ),
    )
}


def doc_defaults(lang: str) -> str:
    """Document defaults: the font, 11 pt, the document language (also for East Asian and
    complex scripts, so no run falls back to en-US) and 1.15 line spacing."""
    return (
        f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'{_size(11)}<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def empty_styles(lang: str) -> str:
    """A styles part with only the defaults; every style is then added from DEFAULT_STYLES."""
    return f'<w:styles xmlns:w="{W_NS}">{doc_defaults(lang)}</w:styles>'


def set_language(styles: etree._Element, lang: str) -> None:
    """The document language in a template's defaults, whatever language it was made in."""
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        styles.insert(0, etree.fromstring(doc_defaults(lang)))
        return
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, f"{_W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{_W}rPr")
    lang_el = rpr.find(f"{_W}lang")
    if lang_el is None:
        lang_el = etree.SubElement(rpr, f"{_W}lang")
    lang_el.set(f"{_W}val", lang)
    lang_el.set(f"{_W}eastAsia", lang)
    # A style may name its own language (a template's "Normal" often says en-US).
    for style in styles.iterfind(f"{_W}style"):
        set_run_languages(style, lang)


def set_run_languages(root: etree._Element, lang: str) -> None:
    """Every language named inside `root` (a style, a header) becomes the document's."""
    for element in root.iter(f"{_W}lang"):
        for attr in ("val", "eastAsia"):
            if element.get(f"{_W}{attr}") is not None:
                element.set(f"{_W}{attr}", lang)


def set_settings(settings: etree._Element, lang: str, decimal: str, list_separator: str) -> None:
    """Theme font language, decimal symbol and list separator, as Danish Word writes them."""
    _setting(settings, "themeFontLang", lang, _AFTER_THEME_FONT_LANG)
    _setting(settings, "decimalSymbol", decimal, ("listSeparator",))
    _setting(settings, "listSeparator", list_separator, ())
    # Word asks "update fields?" on open when this is set; the referat's fields need no prompt.
    for update in settings.findall(f"{_W}updateFields"):
        settings.remove(update)


# CT_Settings is a sequence: these are the elements that may follow w:themeFontLang.
_AFTER_THEME_FONT_LANG = (
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _setting(settings: etree._Element, tag: str, value: str, followers: tuple[str, ...]) -> None:
    element = settings.find(f"{_W}{tag}")
    if element is None:
        element = etree.Element(f"{_W}{tag}")
        # Before the first element the schema puts after it; extensions (w14, w15) come last.
        follower = next(
            (child for child in settings if child.tag in {f"{_W}{f}" for f in followers}), None
        )
        if follower is None:
            follower = next((child for child in settings if not child.tag.startswith(_W)), None)
        if follower is not None:
            follower.addprevious(element)
        else:
            settings.append(element)
    element.set(f"{_W}val", value)


# --- contrast ---------------------------------------------------------------------------------


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of "RRGGBB"."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(foreground: str, background: str = "FFFFFF") -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def accessible(hex_colour: str) -> str:
    """The colour itself when it reads on white at 4.5:1, else the lightest darker shade that does."""
    if contrast(hex_colour) >= MIN_CONTRAST:
        return hex_colour.upper()
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    while lightness > 0:
        lightness = max(0.0, lightness - 0.01)
        rgb = colorsys.hls_to_rgb(hue, lightness, saturation)
        candidate = "".join(f"{round(c * 255):02X}" for c in rgb)
        if contrast(candidate) >= MIN_CONTRAST:
            return candidate
    return "000000"


def ensure_contrast(root: etree._Element, theme_colours: dict[str, str]) -> None:
    """Darken every text colour in `root` (a styles, header or footer part) that reads at less
    than 4.5:1 on white. A theme colour is resolved first and then written as a plain colour."""
    for colour in root.iter(f"{_W}color"):
        value = colour.get(f"{_W}val", "auto")
        theme = colour.get(f"{_W}themeColor")
        if theme is not None and theme in theme_colours:
            value = theme_colours[theme]
        if value.lower() == "auto" or len(value) != 6:
            continue
        fixed = accessible(value)
        if fixed != value.upper() or theme is not None:
            colour.set(f"{_W}val", fixed)
            for attr in ("themeColor", "themeShade", "themeTint"):
                colour.attrib.pop(f"{_W}{attr}", None)


_THEME_NAMES = {
    # Names in w:color/@w:themeColor -> elements of the theme's colour scheme.
    "text1": "dk1",
    "dark1": "dk1",
    "background1": "lt1",
    "light1": "lt1",
    "text2": "dk2",
    "dark2": "dk2",
    "background2": "lt2",
    "light2": "lt2",
    "accent1": "accent1",
    "accent2": "accent2",
    "accent3": "accent3",
    "accent4": "accent4",
    "accent5": "accent5",
    "accent6": "accent6",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def theme_colours(theme_xml: bytes | None) -> dict[str, str]:
    """themeColor name -> "RRGGBB" from a theme part (empty when there is none)."""
    if not theme_xml:
        return {}
    root = etree.fromstring(theme_xml)
    scheme = root.find(f".//{_A}clrScheme")
    if scheme is None:
        return {}
    found: dict[str, str] = {}
    for name, element_name in _THEME_NAMES.items():
        element = scheme.find(f"{_A}{element_name}")
        if element is None or not len(element):
            continue
        colour = element[0]
        value = colour.get("lastClr") or colour.get("val")
        if value and len(value) == 6:
            found[name] = value.upper()
    return found
