"""Shared helpers for importers: Danish dates, names and parties, HTML text, votes and attendance.

Everything here is pure and works on text, so every importer (structured or document) reads the
same phrases the same way. Functions never guess: when a sentence cannot be read with confidence
they return nothing and the caller keeps the raw text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from typing import Any
from xml.etree.ElementTree import Element

from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Ballot,
    Choice,
    DecisionEntry,
    Dissent,
    DissentKind,
    Election,
    ItemAbsence,
    ItemStatus,
    Meeting,
    Participant,
    Section,
    Vote,
    VoteCounts,
    VoteResult,
)

# --------------------------------------------------------------------------- dates and times

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_TEXT_DATE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s*(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})", re.IGNORECASE
)
_NUM_DATE = re.compile(
    r"(?<![\d-])(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4}|\d{2})(?![\d-])"
)
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_TIME = re.compile(
    r"(?:kl\.?\s*|klokken\s+|T|\s)(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d)", re.I
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_date(text: str) -> tuple[date, int] | None:
    """The first date written in `text` and where it ends: "3. januar 2017", "20-06-2013", ISO."""
    best: tuple[int, date, int] | None = None
    for pattern in (_TEXT_DATE, _ISO_DATE, _NUM_DATE):
        for match in pattern.finditer(text):
            month_text = match.group("m")
            month = MONTHS.get(month_text.lower()) if not month_text.isdigit() else int(month_text)
            if month is None:
                continue
            found = _safe_date(int(match.group("y")), month, int(match.group("d")))
            if found is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found, match.end())
                break
    return (best[1], best[2]) if best else None


def parse_date(text: str) -> date | None:
    found = find_date(text)
    return found[0] if found else None


def parse_datetime(text: str) -> datetime | None:
    """A meeting time from how Danish documents and exports write it.

    ISO timestamps with an offset keep their wall-clock time and drop the offset: a referat
    states local time, and naive datetimes compare across all importers.
    """
    text = text.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed.replace(tzinfo=None)
    found = find_date(text)
    if found is None:
        return None
    day, end = found
    clock = _TIME.search(text, end) or _TIME.search(text)
    at = time(int(clock.group("h")), int(clock.group("mi"))) if clock else time(0, 0)
    return datetime.combine(day, at)


# --------------------------------------------------------------------------- bytes and text


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode a byte that is not UTF-8 as Windows-1252, the usual culprit in Danish files."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("meetingtui-cp1252", _cp1252_fallback)


def decode_bytes(data: bytes) -> str:
    """Text of a file: BOMs honoured, UTF-8 preferred, stray Windows-1252 bytes tolerated."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="meetingtui-cp1252")


def normalise_space(text: str, *, blank_lines: bool = True) -> str:
    """Collapse runs of spaces inside lines, trim lines, keep at most one blank line (none when
    `blank_lines` is false: HTML paragraphs and list items then sit on consecutive lines)."""
    if "\n" not in text and "\r" not in text:
        return " ".join(text.replace("\xa0", " ").replace("\uf0b7", "•").split())
    # Control characters are removed by the models; here only layout is normalised.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\uf0b7", "•")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not blank_lines or not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


# --------------------------------------------------------------------------- HTML


class Node:
    """A minimal HTML element tree: enough to walk FirstAgenda pages and field HTML.

    A plain class with slots: documents hold thousands of elements and are built often."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(
        self, tag: str, attrs: dict[str, str] | None = None, parent: Node | None = None
    ) -> None:
        self.tag = tag
        self.attrs = attrs if attrs is not None else {}
        self.children: list[Node | str] = []
        self.parent = parent

    def __repr__(self) -> str:
        return f"Node({self.tag!r}, {self.attrs!r}, {len(self.children)} children)"

    def iter(self, tag: str | None = None):
        for child in self.children:
            if isinstance(child, Node):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def find_class(self, name: str, tag: str | None = None) -> Node | None:
        return next((n for n in self.iter(tag) if n.has_class(name)), None)

    def find_all_class(self, name: str, tag: str | None = None) -> list[Node]:
        return [n for n in self.iter(tag) if n.has_class(name)]

    def text(self) -> str:
        return normalise_space(render_text(self), blank_lines=False)


_VOID = {"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr", "source"}
_SKIP = {"script", "style", "template", "noscript", "head"}
_BLOCK = {
    "p", "div", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "blockquote", "pre", "dl", "dt", "dd", "thead", "tbody", "nav",
    "button", "form", "title", "body", "html", "main", "aside",
}  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        # Close the nearest open element with this tag; stray end tags are ignored, as browsers do.
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _from_lxml(element: Any, parent: Node) -> Node:
    node = Node(element.tag.lower(), dict(element.attrib) if element.attrib else None, parent)
    if element.text:
        node.children.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            node.children.append(_from_lxml(child, node))
        if child.tail:  # comments and processing instructions keep the text after them
            node.children.append(child.tail)
    return node


def parse_html(html: str) -> Node:
    """An element tree of untrusted HTML. lxml's C parser is used when available (no network,
    no entity resolution) because documents hold thousands of elements; the standard library's
    parser is the fallback and gives the same tree."""
    root = Node("#root")
    if _LXML_PARSER is not None and html.strip():
        from lxml import etree

        try:
            document = etree.fromstring(f"<div>{html}</div>", _LXML_PARSER)
        except (etree.ParserError, ValueError):
            document = None
        if document is not None:
            body = document.find("body")
            for element in body if body is not None else [document]:
                if isinstance(element.tag, str):
                    root.children.append(_from_lxml(element, root))
            return root
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _lxml_parser() -> Any:
    try:
        from lxml import etree
    except ImportError:
        return None
    return etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, default_doctype=False
    )


_LXML_PARSER = _lxml_parser()


def render_text(node: Node | str) -> str:
    """Plain text of a node: blocks on their own lines, list items bulleted, scripts dropped."""
    if isinstance(node, str):
        if not node or (not node.isspace() and " ".join(node.split()) == node):
            return node
        if node.isspace():
            return " "
        lead = " " if node[0].isspace() else ""
        trail = " " if node[-1].isspace() else ""
        return lead + " ".join(node.split()) + trail
    if node.tag in _SKIP:
        return ""
    if node.tag == "br":
        return "\n"
    if node.tag == "ol":
        return "\n" + _ordered_list(node) + "\n"
    inner = "".join(render_text(child) for child in node.children)
    if node.tag == "li":
        return "\n• " + inner.strip() + "\n"
    if node.tag in ("td", "th"):
        return inner.strip() + " "
    if node.tag in _BLOCK:
        return "\n" + inner + "\n"
    return inner


def _ordered_list(node: Node) -> str:
    """Number list items as the document shows them: 1., 2. or A., B. (type or list-style)."""
    number = int(node.attrs["start"]) if node.attrs.get("start", "").isdigit() else 1
    lines = []
    for child in node.children:
        if isinstance(child, Node) and child.tag == "li":
            inner = "".join(render_text(c) for c in child.children).strip()
            lines.append(f"{_list_label(node.attrs, number)}. {inner}")
            number += 1
        else:
            lines.append(render_text(child))
    return "\n".join(lines)


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment (entities decoded, whitespace normalised)."""
    if "<" not in html:
        return normalise_space(unescape(html))
    return normalise_space(_fast_text(_DROPPED.sub(" ", html)), blank_lines=False)


# Field HTML from the agenda systems is regular, and an archive holds thousands of meetings, so
# fragments are turned into text with a few C-level regular expressions instead of a tree walk.
# The tree (parse_html/render_text) is used where page structure matters; both give the same
# text: blocks on their own lines, "• " before list items, ordered lists numbered.
_DROPPED = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|template|noscript|head)\b.*?(?:</\1\s*>|$)", re.S | re.I
)
_SPACE = re.compile(r"\s+")
_BR = re.compile(r"<br\b[^>]*>", re.I)
_OL = re.compile(r"<ol\b([^>]*)>((?:(?!<ol\b).)*?)</ol\s*>", re.S | re.I)  # innermost
_LABEL_BREAK = re.compile(r"(\n(?:•|[0-9A-Za-z]{1,3}\.))[ \t]*\n+")
_LI = re.compile(r"<li\b[^>]*>", re.I)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK - {"li"})) + r")\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z!?][^>]*>")
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_HEADING_TAG = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _number_items(match: re.Match[str]) -> str:
    attrs = {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in _ATTR.finditer(match.group(1))
    }
    number = int(attrs["start"]) if attrs.get("start", "").isdigit() else 1
    parts = _LI.split(match.group(2))
    items = []
    for part in parts[1:]:
        items.append(f"\n{_list_label(attrs, number)}. {part}\n")
        number += 1
    return "\n" + parts[0] + "".join(items) + "\n"


def _list_label(attrs: dict[str, str], number: int) -> str:
    style = (attrs.get("type", "") + " " + attrs.get("style", "")).lower()
    upper = "upper-alpha" in style or "upper-latin" in style or attrs.get("type") == "A"
    lower = "lower-alpha" in style or "lower-latin" in style or attrs.get("type") == "a"
    if (upper or lower) and 1 <= number <= 26:
        return chr(ord("A" if upper else "a") + number - 1)
    return str(number)


def _flat_row(match: re.Match[str]) -> str:
    """A table row on one line, cells separated by spaces (paragraphs inside cells too)."""
    row = _BLOCK_TAG.sub(" ", _CELL_END.sub(" ", match.group(1)))
    return "\n" + " ".join(_ANY_TAG.sub("", row).split()) + "\n"


def _fast_text(html: str) -> str:
    html = " ".join(html.split())  # source line breaks are spaces; breaks come from the tags
    html = _ROW.sub(_flat_row, html)
    html = _BR.sub("\n", html)
    for _depth in range(8):  # nested lists: number the innermost first
        html, count = _OL.subn(_number_items, html)
        if not count:
            break
    html = _LI.sub("\n• ", html)
    html = _CELL_END.sub(" ", html)
    html = _BLOCK_TAG.sub("\n", html)
    html = _ANY_TAG.sub("", html)
    # "<li><p>text" puts a break after the bullet; the tree rendering strips it the same way.
    return _LABEL_BREAK.sub(r"\1 ", unescape(html))


_HEAD_START, _HEAD_END = "\ue000", "\ue001"  # private-use marks around heading text


def _mark_heading(match: re.Match[str]) -> str:
    return _HEAD_START + _ANY_TAG.sub(" ", match.group(2)) + _HEAD_END


def _fast_blocks(html: str) -> tuple[str, list[tuple[str, str]]]:
    # One pass over the whole fragment: headings become marks, then the text is split at them.
    html = _DROPPED.sub(" ", html.replace(_HEAD_START, "").replace(_HEAD_END, ""))
    pieces = _fast_text(_HEADING_TAG.sub(_mark_heading, html)).split(_HEAD_START)
    lead = normalise_space(pieces[0], blank_lines=False)
    blocks = []
    for piece in pieces[1:]:
        heading, _, text = piece.partition(_HEAD_END)
        blocks.append((" ".join(heading.split()), normalise_space(text, blank_lines=False)))
    return lead, blocks


def html_blocks(html: str | Node) -> tuple[str, list[tuple[str, str]]]:
    """Split HTML at its headings: the text before the first heading and (heading, text) pairs.

    Headings of every level split the text (FirstAgenda nests <h4> sections under an <h3>
    "Fremstilling"); a heading with no text of its own is kept with empty text.
    """
    if isinstance(html, str):
        return _fast_blocks(html)
    root = html
    lead: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    above_headings: set[int] = set()  # ids of nodes with a heading somewhere below them
    for heading in root.iter():
        if heading.tag in HEADINGS:
            parent = heading.parent
            while parent is not None and id(parent) not in above_headings:
                above_headings.add(id(parent))
                parent = parent.parent

    def walk(node: Node | str) -> None:
        if isinstance(node, Node) and node.tag in HEADINGS:
            blocks.append((normalise_space(render_text(node)), []))
            return
        if isinstance(node, Node) and node.tag not in _SKIP and id(node) in above_headings:
            # Descend only where a heading sits below; otherwise render the block whole.
            target = blocks[-1][1] if blocks else lead
            if node.tag in _BLOCK:
                target.append("\n")
            for child in node.children:
                walk(child)
            target = blocks[-1][1] if blocks else lead
            if node.tag in _BLOCK:
                target.append("\n")
            return
        (blocks[-1][1] if blocks else lead).append(render_text(node))

    walk(root)
    return normalise_space("".join(lead), blank_lines=False), [
        (h, normalise_space("".join(t), blank_lines=False)) for h, t in blocks
    ]


# --------------------------------------------------------------------------- names and parties

_NAME_PARTY = re.compile(r"^(?P<name>.*?[^\s(])\s*\((?P<aff>[^()]{1,60})\)\s*$")


def split_name(text: str) -> tuple[str, str]:
    """ "Doris Børger (A)" -> ("Doris Børger", "A"); a name without parentheses keeps "" ."""
    text = " ".join(text.replace("\xa0", " ").split()).strip(" ,.;")
    match = _NAME_PARTY.match(text)
    if match:
        return match.group("name").strip(), match.group("aff").strip()
    return text, ""


def split_names(text: str) -> list[str]:
    """Split "A (V), B (SF) og C" into names; commas inside parentheses do not split."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;\n":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names: list[str] = []
    for part in parts:
        names.extend(re.split(r"\s+(?:og|samt|&)\s+(?![^(]*\))", part))
    return [n.strip(" .:") for n in names if n.strip(" .:")]


# --------------------------------------------------------------------------- closed items

_CLOSED_PREFIX = re.compile(
    r"^\s*(?:\(\s*lukket(?:\s+punkt)?\s*\)|lukket(?:\s+punkt)?\s*[:.\-–])\s*", re.I
)
_CLOSED_SUFFIX = re.compile(r"\s*[\(\[]\s*lukket(?:\s+punkt)?\s*[\)\]]\s*$", re.I)
_CLOSED_WHOLE = re.compile(r"^\s*lukket(?:\s+punkt)?\s*$", re.I)


def closed_marker(title: str) -> tuple[bool, str]:
    """(closed, title without the marker) for "Lukket: X", "Lukket punkt: X", "X (Lukket)"."""
    if _CLOSED_WHOLE.match(title):
        return True, normalise_space(title)
    stripped = _CLOSED_PREFIX.sub("", title, count=1)
    stripped = _CLOSED_SUFFIX.sub("", stripped, count=1)
    return stripped != title, normalise_space(stripped)


# --------------------------------------------------------------------------- headings

_AUTHORITY_WORDS = (
    "beslutningskompetence",
    "sagen afgøres",
    "beslutningen træffes",
    "beslutningsniveau",
    "kompetence",
    "sagsprocedure",
    "afgørelseskompetence",
)
_DECISION_WORDS = re.compile(
    r"^(?:beslutning(?!s(?:kompetence|punkt|grundlag|tema|forslag|sag|proces|niveau))|afgørelse\b|"
    r"protokol\b|[\w\-,.§ ]{1,60}s\s+beslutning\b)"
)


# "Forvaltningen foreslår" (eDoc), "Administrationens indstilling", "Direktøren indstiller".
_RECOMMENDATION_BY = re.compile(
    r"^(?:forvaltning|administration|direktion|direktør|center|sekretariat)\w*\s+"
    r"(?:indstiller|indstilling|foreslår|forslag)\b"
)


@lru_cache(maxsize=4096)  # the same few dozen headings recur in every item of an archive
def heading_kind(heading: str) -> str:
    """What a section heading holds: decision, recommendation, authority, attachments, history
    or section. Names vary by municipality, so match on the word that carries the meaning."""
    h = " ".join(heading.split()).rstrip(":").strip().lower()
    if not h:
        return "section"
    if h.startswith(_AUTHORITY_WORDS):
        return "authority"
    if _DECISION_WORDS.match(h):
        return "decision"
    if h.startswith(
        ("indstilling", "beslutningspunkter", "forslag til beslutning", "det indstilles")
    ) or _RECOMMENDATION_BY.match(h):
        return "recommendation"
    if h.startswith(("bilag", "vedhæftede", "bilagsliste")):
        return "attachments"
    if h.startswith(
        ("sagsforløb", "sagens forløb", "tidligere behandling", "tidligere beslutning", "historik")
    ):
        return "history"
    return "section"


_DECISION_ENTRY = re.compile(
    r"^(?:(?:beslutning|afgørelse)(?:\s+(?:i|fra|for|af))?\s*(?P<body>.*?)"
    r"|(?P<owner>[\w\-,.§ æøåÆØÅ]{1,60}?)s\s+beslutning)"
    r"(?:\s*(?:den|d\.)\s*(?P<date>[^:]*?))?\s*:?\s*$",
    re.I,
)


def decision_entry_head(heading: str) -> tuple[str, str]:
    """("Økonomiudvalget", "15-03-2016") from "Beslutning i Økonomiudvalget den 15-03-2016" or
    "Økonomiudvalgets beslutning den 15-03-2016"; empty strings where the heading says nothing."""
    match = _DECISION_ENTRY.match(normalise_space(heading))
    if not match:
        return "", ""
    body = (match.group("body") or match.group("owner") or "").strip(" :")
    return body, (match.group("date") or "").strip(" :")


_HISTORY_ENTRY = re.compile(r"^udvalg\s*:\s*(?P<body>.+)$", re.I)
_HISTORY_DATE = re.compile(r"^dato\s*:\s*(?P<date>.+)$", re.I)
_HISTORY_NUMBER = re.compile(r"^punkt(?:nummer|nr\.?)?\s*:\s*(?P<n>.+)$", re.I)
# Greve and others: "11-12-2023 Byråd 2022-2025" (underlined) above each earlier decision.
_HISTORY_DATED = re.compile(r"^(?P<date>\d{1,2}-\d{1,2}-\d{4})\s+(?P<body>\S.{1,80})$")


def parse_case_history(text: str) -> list[DecisionEntry]:
    """Earlier decisions listed as "Udvalg: X / Dato: 02-09-2025 / Punktnummer: 3 / text..."
    (FirstAgenda "Sagsforløb") or as "11-12-2023 Byråd / text..." ("Sagens forløb"). Returns
    nothing unless the text has one of those shapes."""
    entries: list[DecisionEntry] = []
    current: dict[str, object] | None = None
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if m := _HISTORY_ENTRY.match(line):
            current = {"body": m.group("body").strip(), "date": "", "text": []}
            entries.append(DecisionEntry(body=str(current["body"])))
            continue
        dated = _HISTORY_DATED.match(line)
        if dated and (current is None or current.get("dated")):
            current = {"dated": True}
            entries.append(
                DecisionEntry(body=dated.group("body").strip(), date=dated.group("date"))
            )
            continue
        if current is None:
            return []
        if (m := _HISTORY_DATE.match(line)) and not entries[-1].date:
            entries[-1].date = m.group("date").strip()
        elif _HISTORY_NUMBER.match(line) and not entries[-1].text:
            continue
        else:
            entries[-1].text = (entries[-1].text + "\n" + line).strip()
    return entries


# --------------------------------------------------------------------------- numbers

_NUMBER_WORDS = {
    "ingen": 0, "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20,
}  # fmt: skip
_NUM = r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# --------------------------------------------------------------------------- votes

PARTY = r"[A-ZÆØÅ][A-ZÆØÅa-zæøå0-9\-]{0,11}"
_PARTY_TOKEN = re.compile(rf"^\(?\s*(?P<p>{PARTY})\s*\)?$")
_GROUP_LETTERS = re.compile(rf"\(\s*({PARTY}(?:\s*[+,/]\s*{PARTY}|\s+og\s+{PARTY})*)\s*\)")

_COUNTS = [
    # "Med stemmerne 19 for og 1 imod", "med 12 stemmer for, 3 imod og 2 undlod"
    re.compile(
        rf"(?:med\s+)?(?:stemmerne\s+)?(?P<f>{_NUM})\s+(?:stemmer\s+)?for\s*(?:,|og)\s*"
        rf"(?P<a>{_NUM})\s+(?:stemmer\s+)?imod"
        rf"(?:\s*(?:,|og)\s*(?P<u>{_NUM})\s+(?:stemmer\s+)?(?:undlod|hverken|blank|der undlod))?",
        re.I,
    ),
    # "vedtaget med 15 stemmer mod 10"
    re.compile(rf"med\s+(?P<f>{_NUM})\s+stemmer\s+mod\s+(?P<a>{_NUM})(?!\s*\w*\s*for)", re.I),
    # "godkendt med 5 stemmer for (A, V) mod 2 (Ø)": the parties after each count
    re.compile(
        rf"(?P<f>{_NUM})\s+stemmer\s+for\s*\((?P<fp>[^()]{{1,80}})\)\s*(?:mod|og)\s+"
        rf"(?P<a>{_NUM})\s*(?:stemmer\s*)?(?:imod\s*)?(?:\((?P<ap>[^()]{{1,80}})\))?",
        re.I,
    ),
]
_ABSTAIN_COUNT = re.compile(
    rf"(?P<u>{_NUM})\s+(?:medlemmer\s+|stemmer\s+)?(?:undlod|stemte\s+hverken|stemte\s+blankt)",
    re.I,
)

_LINE_FOR = re.compile(
    r"^(?:for\s+stemte|for\s+stemmer|for\s+forslaget\s+stemte|for)\s*:?\s*(?P<who>.+)$", re.I
)
_LINE_AGAINST = re.compile(
    r"^(?:imod\s+stemte|imod\s+stemmer|imod\s+forslaget\s+stemte|imod)\s*:?\s*(?P<who>.+)$", re.I
)
_LINE_ABSTAIN = re.compile(
    r"^(?:undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod|undlod|blank|undlader\s+at\s+stemme)"
    r"\s*:?\s*(?P<who>.+)$",
    re.I,
)
_TRAILING_VERB = re.compile(
    r"^(?P<who>.+?)\s+(?P<verb>stemte\s+for|stemmer\s+for|stemte\s+imod|stemmer\s+imod|"
    r"undlod\s+at\s+(?:stemme|tage\s+stilling)|undlader\s+at\s+(?:stemme|tage\s+stilling)|"
    r"stemte\s+hverken\s+for\s+eller\s+imod|stemte\s+blankt)\b(?P<rest>.*)$",
    re.I,
)
_MAJORITY = re.compile(
    r"^(?:et\s+)?(?P<kind>flertal|mindretal)\s*(?:bestående\s+af\s*)?(?P<who>\([^)]*\)(?:\s*(?:,|og)\s*\([^)]*\))*)"
    r"\s*(?P<rest>.*)$",
    re.I,
)
_REJECT_WORDS = re.compile(r"\b(ikke\s+godkend|forkast|faldt|bortfald|afvis|kunne\s+ikke)", re.I)
_ADOPT_WORDS = re.compile(r"\b(godkend|vedt[ao]g|tiltr[åæ]d|anbefal|bevilg|besluttede)", re.I)
_COUNT_SUFFIX = re.compile(r"\s*\(\s*(\d+)\s*(?:stemmer|medlemmer)?\s*\)\s*\.?\s*$")


def _who_list(text: str) -> tuple[list[str], list[tuple[str, str]], int | None, bool]:
    """Parse the "who" of a vote line: party letters, named people, a stated count, and whether
    every piece was understood."""
    stated: int | None = None
    count = _COUNT_SUFFIX.search(text)
    if count:
        stated = int(count.group(1))
        text = text[: count.start()]
    roll_call = re.match(
        r"^\s*(\d+)\s*(?:stemmer|medlemmer)?\s*[:\-–]?\s*\((.*)\)\s*\.?\s*$", text, re.S
    )
    if roll_call:
        stated, text = int(roll_call.group(1)), roll_call.group(2)
    text = re.sub(r"^(?:\d+\s*(?:stemmer|medlemmer)?\s*[:\-–]?\s*)", "", text.strip())
    parties: list[str] = []
    people: list[tuple[str, str]] = []
    ok = True
    for piece in split_names(text.strip().rstrip(".")):
        piece = piece.strip().strip(".")
        token = _PARTY_TOKEN.match(piece.replace(")", ") ").strip()) or _PARTY_TOKEN.match(
            piece.rstrip(")").lstrip("(")
        )
        if token and len(piece) <= 14 and " " not in piece.strip("() "):
            parties.append(token.group("p"))
            continue
        name, aff = split_name(piece)
        if aff and re.match(r"^[A-ZÆØÅ][\wæøåÆØÅ.\-]*(?:\s+[\wæøåÆØÅ.\-]+){1,5}$", name):
            people.append((name, aff))
        else:
            ok = False
    return parties, people, stated, ok and bool(parties or people)


@dataclass
class _Draft:
    lines: list[str] = field(default_factory=list)
    counts: VoteCounts | None = None
    party_lines: dict[str, list[str]] = field(default_factory=dict)
    ballots: list[Ballot] = field(default_factory=list)
    stated: dict[str, int] = field(default_factory=dict)
    ambiguous: bool = False
    result: VoteResult | None = None

    def has(self, choice: Choice) -> bool:
        return choice.value in self.party_lines or any(b.choice is choice for b in self.ballots)

    def add(
        self, choice: Choice, parties: list[str], people: list[tuple[str, str]], stated: int | None
    ) -> None:
        if parties:
            self.party_lines.setdefault(choice.value, []).extend(parties)
        for name, aff in people:
            self.ballots.append(Ballot(name=name, affiliation=aff, choice=choice))
        if stated is not None:
            self.stated[choice.value] = stated

    def build(self, vote_id: int) -> Vote:
        counts = self.counts
        if counts is None and self.stated:
            counts = VoteCounts(
                for_=self.stated.get("for", 0),
                against=self.stated.get("imod", 0),
                abstain=self.stated.get("undlod", 0),
            )
        elif counts is not None and self.stated:
            # Stated per-line numbers must agree with the totals; if not, keep only the text.
            given = {"for": counts.for_, "imod": counts.against, "undlod": counts.abstain}
            if any(given[k] != v for k, v in self.stated.items() if given.get(k)):
                self.ambiguous = True
        parties_seen: dict[str, str] = {}
        for choice, letters in self.party_lines.items():
            for letter in letters:
                if parties_seen.setdefault(letter, choice) != choice:
                    self.ambiguous = True
        raw = " ".join(self.lines).strip()
        if self.ambiguous:
            return Vote(id=vote_id, description="", raw_text=raw)
        result = self.result
        if counts is not None and (counts.for_ or counts.against):
            result = VoteResult.ADOPTED if counts.for_ > counts.against else VoteResult.REJECTED
        return Vote(
            id=vote_id,
            ballots=self.ballots,
            counts=counts,
            party_lines=self.party_lines,
            result=result,
            raw_text=raw,
        )


def _sentences(text: str) -> list[str]:
    """Split decision text into sentences, keeping parentheses and quoted statements whole."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ(\"“”])(?![^(]*\))", line)
        for part in parts:
            out.extend(p.strip() for p in _split_roll_call(part) if p.strip())
    return out


_NEXT_CHOICE = re.compile(r"\s+(?=(?:imod|undlod|hverken|blank)[\w ]{0,20}:)", re.I)


# "For stemte 5 (A, V), imod stemte 2 (Ø), 1 undlod (C)": one sentence, a clause per choice.
_CLAUSE_CHOICE = re.compile(
    rf"(?:,|\s+og)\s+(?=(?:imod\s+stemte|undlod|hverken)\b|(?:{_NUM[1:-1]})\s+(?:medlemmer?\s+)?"
    r"(?:undlod|stemte\s+imod|stemte\s+hverken|imod)\b)",
    re.I,
)
# "1 undlod (C)", "2 stemte imod (Ø)": the count before the verb
_COUNT_FIRST = re.compile(
    rf"^(?P<n>{_NUM})\s+(?:medlemmer?\s+)?(?P<verb>undlod(?:\s+at\s+stemme)?|"
    r"stemte\s+hverken\s+for\s+eller\s+imod|stemte\s+imod|imod)\s*:?\s*(?P<who>\(.*)$",
    re.I,
)


def _choice_clauses(sentence: str) -> list[str]:
    """A "For stemte ..." sentence with its other choices after commas, one clause each."""
    if not re.match(r"(?i)^for\s+stemte\b|^for\s*:", sentence):
        return [sentence]
    return [c.strip() for c in _CLAUSE_CHOICE.split(sentence) if c.strip()]


def _count_first(clause: str) -> str:
    """ "1 undlod (C)" read as "undlod 1 (C)", so the choice-line patterns apply."""
    m = _COUNT_FIRST.match(clause)
    if m is None:
        return clause
    verb = m.group("verb").lower()
    choice = "imod" if "imod" in verb and "hverken" not in verb else "undlod"
    return f"{choice} {m.group('n')} {m.group('who')}"


def _split_roll_call(sentence: str) -> list[str]:
    """Split "For: 2 (A (V), B (C)) Imod: 1 (D (O))" before each later choice label that stands
    outside parentheses."""
    if _CLAUSE_CHOICE.search(sentence) is not None:
        clauses = _choice_clauses(sentence)
        if len(clauses) > 1:
            return clauses
    if _NEXT_CHOICE.search(sentence) is None:
        return [sentence]  # no label anywhere: skip the walk over every character
    pieces: list[str] = []
    depth = start = 0
    for index, ch in enumerate(sentence):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch.isspace() and _NEXT_CHOICE.match(sentence, index):
            pieces.append(sentence[start:index])
            start = index
    pieces.append(sentence[start:])
    return pieces


def _result_words(sentence: str) -> VoteResult | None:
    if _REJECT_WORDS.search(sentence):
        return VoteResult.REJECTED
    if _ADOPT_WORDS.search(sentence):
        return VoteResult.ADOPTED
    return None


def parse_votes(text: str, *, first_id: int = 1) -> list[Vote]:
    """Votes stated in a decision text, each with its raw sentences.

    Understands counts ("Med stemmerne 19 for og 1 imod"), party lines ("For stemte: A, F og Ø
    (5). Imod stemte: V og O (4)." and "For stemte (V), (A) og Liselott Blixt (UP-1)"), roll
    calls by name ("For: 20 (Bo Hilsted (A), ...)"), trailing verbs ("(A) og (C) undlod at tage
    stilling", "Linda Heegaard (SF) stemte imod") and majorities ("Et flertal (A+V+C+N)
    godkender ..."). A statement it cannot read without guessing gives a vote with raw text only.
    """
    lowered = text.lower()
    if not any(word in lowered for word in ("stem", "for:", "imod", "undlod", "flertal")):
        return []
    drafts: list[_Draft] = []
    current: _Draft | None = None

    def start() -> _Draft:
        nonlocal current
        current = _Draft()
        drafts.append(current)
        return current

    for sentence in _sentences(text):
        plain = sentence.strip()
        counts_match = next((m for p in _COUNTS if (m := p.search(plain))), None)
        if counts_match:
            draft = start()
            draft.lines.append(plain)
            abstain = counts_match.groupdict().get("u")
            if abstain is None and (extra := _ABSTAIN_COUNT.search(plain)):
                abstain = extra.group("u")
            draft.counts = VoteCounts(
                for_=_number(counts_match.group("f")),
                against=_number(counts_match.group("a")),
                abstain=_number(abstain) if abstain else 0,
            )
            draft.result = _result_words(plain)
            groups = counts_match.groupdict()
            for key, choice in (("fp", Choice.FOR), ("ap", Choice.IMOD)):
                if groups.get(key):
                    parties, _people, _stated, ok = _who_list(groups[key])
                    if ok and parties:
                        draft.add(choice, parties, [], None)
            # Party lines may follow on the same sentence ("... indstilling. For stemte (V)").
            continue
        matched = False
        for pattern, choice in (
            (_LINE_FOR, Choice.FOR),
            (_LINE_AGAINST, Choice.IMOD),
            (_LINE_ABSTAIN, Choice.UNDLOD),
        ):
            line = pattern.match(_count_first(plain))
            if not line:
                continue
            parties, people, stated, ok = _who_list(line.group("who"))
            if not (parties or people):
                break
            draft = current if current is not None and not current.has(choice) else start()
            draft.lines.append(plain)
            draft.add(choice, parties, people, stated)
            draft.ambiguous |= not ok
            matched = True
            break
        if matched:
            continue
        majority = _MAJORITY.match(plain)
        if majority:
            letters = [
                letter
                for group in _GROUP_LETTERS.findall(majority.group("who"))
                for letter in re.split(r"\s*[+,/]\s*|\s+og\s+", group)
                if letter
            ]
            if letters:
                rest = majority.group("rest")
                against = bool(re.search(r"\b(imod|ikke\s+godkend|kunne\s+ikke)", rest, re.I))
                choice = Choice.IMOD if against else Choice.FOR
                if majority.group("kind").lower() == "mindretal" and not against:
                    choice = Choice.IMOD if re.search(r"stem", rest, re.I) else choice
                draft = current if current is not None and not current.has(choice) else start()
                draft.lines.append(plain)
                draft.add(choice, letters, [], None)
                if majority.group("kind").lower() == "flertal":
                    draft.result = (
                        VoteResult.REJECTED if against else _result_words(rest) or draft.result
                    )
                continue
        trailing = _TRAILING_VERB.match(plain)
        if trailing:
            verb = trailing.group("verb").lower()
            choice = (
                Choice.FOR
                if verb.endswith("for") and "hverken" not in verb
                else Choice.IMOD
                if verb.endswith("imod") and "hverken" not in verb
                else Choice.UNDLOD
            )
            parties, people, stated, ok = _who_list(trailing.group("who"))
            if parties or people:
                listed = current.party_lines.get(choice.value, []) if current else []
                named_in_listed = (
                    current is not None
                    and not parties
                    and all(aff in listed for _name, aff in people)
                )
                if named_in_listed and current is not None:
                    # "Dorte Eg (F) stemte imod ..." after "Imod stemte (F)": names the member
                    # of a party line already counted, not a new vote.
                    current.lines.append(plain)
                    current.ballots.extend(
                        Ballot(name=n, affiliation=a, choice=choice) for n, a in people
                    )
                    continue
                draft = current if current is not None and not current.has(choice) else start()
                draft.lines.append(plain)
                draft.add(choice, parties, people, stated)
                draft.ambiguous |= not ok
                continue
        # Other sentences (remarks between the count and the party lines) leave the current
        # vote open: a new count or a repeated choice starts the next vote.
    return [draft.build(first_id + n) for n, draft in enumerate(drafts)]


# --------------------------------------------------------------------------- elections

_OFFICE = (
    r"(?P<office>(?:næst)?formand|viceborgmester|borgmester|1\.\s*viceborgmester|"
    r"2\.\s*viceborgmester|sekretær|kasserer|medlem af [^.,;\n]{3,60})"
)
_NAME = r"(?P<who>[A-ZÆØÅ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅ][\w'’.\-]*|af|von|van|de)){0,5}(?:\s*\([^()]{1,20}\))?)"
_ELECTED = [
    # "Peter Vang (V) blev valgt som næstformand", "... blev enstemmigt valgt til formand"
    re.compile(
        rf"{_NAME}\s+(?:blev|er)\s+(?:enstemmigt\s+)?(?:gen)?valgt\s+(?:som|til)\s+{_OFFICE}"
    ),
    # "Som formand valgtes Anne Holm (A)", "Til næstformand blev Peter Vang (V) valgt"
    re.compile(rf"(?i:som|til)\s+{_OFFICE}\s+(?:valgtes|blev\s+valgt|genvalgtes)\s+{_NAME}"),
    re.compile(rf"(?i:som|til)\s+{_OFFICE}\s+blev\s+{_NAME}\s+(?:enstemmigt\s+)?(?:gen)?valgt"),
]


def parse_elections(text: str, *, first_id: int = 1) -> list[Election]:
    """Who was elected to which office, as a referat states it ("Gert Fabrin blev valgt som
    næstformand"); candidates and ballots are not in the text, so only the elected is known."""
    if "valg" not in text.lower():
        return []
    found: list[tuple[int, str, str]] = []
    for pattern in _ELECTED:
        for m in pattern.finditer(text):
            who, _aff = split_name(m.group("who").strip())
            office = re.sub(r"\s+", " ", m.group("office")).strip().lower()
            if all(f[1:] != (office, who) for f in found):
                found.append((m.start(), office, who))
    found.sort()
    return [
        Election(id=first_id + n, office=office, candidates=[who], elected=who)
        for n, (_start, office, who) in enumerate(found)
    ]


# --------------------------------------------------------------------------- dissents

_DISSENT = re.compile(
    r"(?P<who>[^.:\n]{1,120}?)\s+(?:stemte\s+imod\s+(?:og\s+)?)?(?:med\s+(?:følgende|flg\.?)\s+)?"
    r"(?:(?:ønskede|ønsker|bad\s+om|afgav|fik)\s+(?:at\s+få\s+)?(?:følgende\s+|en\s+)?)?"
    r"(?P<kind>mindretalsudtalelse|protokolbemærkning|protokoltilførsel|"
    r"tog\s+forbehold|tager\s+forbehold|ønsker?\s+(?:følgende\s+)?(?:ført\s+til|tilført)\s+protokol(?:len)?)",
    re.I,
)


def parse_dissents(text: str, *, first_id: int = 1) -> list[Dissent]:
    """Mindretalsudtalelser, protokoltilførsler and forbehold stated in a decision text."""
    dissents: list[Dissent] = []
    lowered = text.lower()
    if not any(word in lowered for word in ("mindretal", "protokol", "forbehold")):
        return dissents
    for match in _DISSENT.finditer(text):
        kind_word = match.group("kind").lower()
        kind = (
            DissentKind.MINDRETALSUDTALELSE
            if "mindretal" in kind_word
            else DissentKind.FORBEHOLD
            if "forbehold" in kind_word
            else DissentKind.PROTOKOLTILFOERSEL
        )
        who = match.group("who").strip(" ,;")
        who = re.sub(r"^(?:et\s+mindretal\s*|\d+\s+medlem(?:mer)?\s*)", "", who, flags=re.I).strip()
        who = re.split(r"(?<=[.!?])\s+", who)[-1].strip() or who
        if re.fullmatch(rf"\(\s*{PARTY}\s*\)", who):
            who = who.strip("() ")
        following = next(_DISSENT.finditer(text, match.end()), None)
        segment = text[match.end() : following.start() if following else len(text)]
        opening = re.match(r"[\s:]*[\"“”„»«]", segment)
        if opening:
            # Quotes inside the statement are common ("... “altid” ..."): close at the last one.
            closing = max(segment.rfind(q) for q in '"“”„»«')
            inner = segment[opening.end() : closing if closing >= opening.end() else None]
            statement = normalise_space(inner)
        elif "forbehold" not in kind_word:
            statement = normalise_space(segment.lstrip(" :\n").split("\n")[0])
        else:
            statement = ""
        if "forbehold" in kind_word and not statement:
            statement = normalise_space(
                text[match.start() : text.find(".", match.end()) + 1 or None]
            )
        dissents.append(
            Dissent(id=first_id + len(dissents), kind=kind, who=who or "?", text=statement)
        )
    return dissents


# --------------------------------------------------------------------------- attendance

_ATTENDANCE_LINE = re.compile(
    r"^(?P<label>fraværende|afbud(?:\s+fra)?|fravær|ikke\s+til\s+stede|inhabil(?:e)?|"
    r"inhabilitet|deltog\s+ikke|forlod\s+mødet|ankom|følgende\s+deltog\s+ikke"
    r"(?:\s+i\s+behandlingen(?:\s+af\s+(?:punktet|sagen))?)?)\s*:\s*(?P<names>.*)$",
    re.I,
)
_NOT_TAKING_PART = re.compile(
    r"(?P<names>[A-ZÆØÅ(][^.:\n]{1,200}?)\s+(?:(?:deltog|deltager)\s+ikke\s+i\s+"
    r"(?:(?:udvalgets|byrådets|sagens|punktets)\s+)?(?:behandlingen|behandling|mødet|punktet|drøftelsen)"
    r"|var\s+forhindret\s+i\s+at\s+deltage)",
)
_INHABIL = re.compile(
    r"(?P<names>[A-ZÆØÅ(][^.:\n]{1,200}?)\s+(?:erklærede\s+sig|blev\s+erklæret|var|er|anså\s+sig\s+(?:for\s+)?)\s*inhabil",
)
# "X, Y og Z var fraværende." inside a decision
_WAS_ABSENT = re.compile(r"(?P<names>[A-ZÆØÅ][^.:\n]{1,200}?)\s+var\s+fraværende\b")
# "Fraværende: X (V) - Y (V) mødte som stedfortræder": Y took X's seat and was not absent.
_SUBSTITUTE_CLAUSE = re.compile(
    r"(?i)\s*(?:[-–,;]|\bog\b)\s*[^-–,;]*?\b(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    r"(?:som\s+)?(?:stedfortræder|suppleant|i\s+stedet)\b.*$"
)
# A sentence runs to its full stop; the dots of "kl. 17.45" and "pkt. 3" do not end it.
_NOT_FULL_STOP = r"(?:\b(?:kl|pkt|nr|ca)\.|\.(?=\d)|[^.\n])*"
_MOVEMENT = re.compile(
    rf"{_NOT_FULL_STOP}\b(?:forlod\s+mødet|ankom\s+(?:til\s+mødet\s+)?kl\.?|deltog\s+fra)"
    rf"{_NOT_FULL_STOP}\.?",
    re.I,
)


@dataclass
class AttendanceFacts:
    """Attendance stated inside an item's text."""

    absences: list[ItemAbsence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    remaining: str = ""  # the text with whole attendance lines taken out


def _names_from(text: str) -> list[str]:
    text = _SUBSTITUTE_CLAUSE.sub("", text.strip())
    text = re.sub(r"\s*\.\s*$", "", text)
    return [n for n in split_names(text) if n and n.lower() not in ("ingen", "-", "intet")]


def parse_attendance(text: str) -> AttendanceFacts:
    """Per-item absence and inhabilitet from lines such as "Fraværende: Tina Rottbøll",
    "X deltog ikke i behandlingen af punktet", "X erklærede sig inhabil", "X forlod mødet kl. ..."."""
    facts = AttendanceFacts()
    kept: list[str] = []
    seen: set[tuple[str, AbsenceKind]] = set()

    def add(name: str, kind: AbsenceKind, reason: str) -> None:
        clean, _aff = split_name(name)
        clean = re.sub(
            r"^(?:rådmand|borgmester|udvalgsformand|formand|næstformand)\s+", "", clean, flags=re.I
        )
        if kind is AbsenceKind.ABSENT and (clean, AbsenceKind.INHABIL) in seen:
            return  # an inhabil member does not take part; one entry says it all
        if clean and (clean, kind) not in seen and len(clean) <= 80:
            seen.add((clean, kind))
            facts.absences.append(ItemAbsence(name=clean, kind=kind, reason=reason))

    for line in text.split("\n"):
        stripped = line.strip()
        match = _ATTENDANCE_LINE.match(stripped)
        if match:
            label = match.group("label").lower()
            facts.notes.append(stripped)
            if label.startswith(("forlod", "ankom")):
                continue
            kind = AbsenceKind.INHABIL if label.startswith("inhabil") else AbsenceKind.ABSENT
            for name in _names_from(match.group("names")):
                add(name, kind, match.group("label").strip().capitalize())
            continue
        kept.append(line)
        lowered = stripped.lower()
        for pattern, kind, reason in (
            (_INHABIL, AbsenceKind.INHABIL, "inhabil"),  # first, so it wins over "deltog ikke"
            (_NOT_TAKING_PART, AbsenceKind.ABSENT, "deltog ikke"),
            (_WAS_ABSENT, AbsenceKind.ABSENT, "fraværende"),
        ):
            if reason == "fraværende":
                if "var fraværende" not in lowered:
                    continue
            elif (reason == "inhabil") != ("inhabil" in lowered) or (
                reason != "inhabil" and " ikke " not in lowered and "forhindret" not in lowered
            ):
                continue  # cheap test first: these patterns are slow on long paragraphs
            for found in pattern.finditer(stripped):
                names = re.split(r"(?<=[.!?])\s+", found.group("names"))[-1]
                names = re.sub(r"^(?:og|samt|men)\s+", "", names)
                # "X erklærede sig inhabil og deltog ikke ...": the name is X alone.
                names = re.sub(
                    r"\s+(?:erklærede|erklærer)\s+sig\s+inhabil\b.*$", "", names, flags=re.I
                )
                for name in _names_from(names):
                    add(name, kind, reason)
                facts.notes.append(found.group(0).strip())
        if not any(word in lowered for word in ("forlod", "ankom", "deltog fra")):
            continue
        for movement in _MOVEMENT.finditer(stripped):
            facts.notes.append(movement.group(0).strip())
    facts.remaining = "\n".join(kept).strip()
    return facts


def link_participants(absences: list[ItemAbsence], participants: list[Participant]) -> None:
    """Fill participant ids of absences whose name matches a participant (case-insensitive)."""
    if all(absence.participant_id is not None for absence in absences):
        return  # nothing to link (most items): skip building the name table
    by_name = {p.name.casefold(): p.id for p in participants}
    for absence in absences:
        if absence.participant_id is None:
            absence.participant_id = by_name.get(absence.name.casefold())


def link_ballots(votes: list[Vote], participants: list[Participant]) -> None:
    if all(ballot.participant_id is not None for vote in votes for ballot in vote.ballots):
        return  # nothing to link (most items): skip building the name table
    by_name = {p.name.casefold(): p.id for p in participants}
    for vote in votes:
        for ballot in vote.ballots:
            if ballot.participant_id is None:
                ballot.participant_id = by_name.get(ballot.name.casefold())


# --------------------------------------------------------------------------- items


def attachment_lines(text: str) -> list[str]:
    """Attachment titles from a "Bilag" section: one per line, numbering and bullets removed."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(?:[•\-–*]|\d+[.)])\s*", "", line).strip()
        if line:
            out.append(line)
    return out


def assemble_item(
    item_id: int,
    number: str,
    title: str,
    *,
    case_number: str = "",
    blocks: list[tuple[str, str]],
    lead: str = "",
    closed: bool | None = None,
    participants: list[Participant] | None = None,
) -> AgendaItem:
    """Build an item from its (heading, text) blocks.

    Decisions go to `decision` (the last entry) and `decision_history` (every entry, with the body
    and date read from the heading); indstilling, beslutningskompetence and bilag go to their
    fields; every other heading is a section. Text before the first heading becomes the section
    "" when it is not empty. Votes, dissents and attendance are read from the decisions.
    """
    marker_closed, clean_title = closed_marker(title)
    item = AgendaItem(
        id=item_id,
        number=normalise_space(number).rstrip(".") or str(item_id),
        title=clean_title or normalise_space(title) or "?",
        case_number=normalise_space(case_number),
        closed=marker_closed if closed is None else closed or marker_closed,
    )
    if lead:
        item.sections.append(Section(heading="", text=lead))
    decisions: list[DecisionEntry] = []
    for heading, text in blocks:
        kind = heading_kind(heading)
        if kind == "decision":
            body, when = decision_entry_head(heading)
            decisions.append(DecisionEntry(body=body, date=when, text=text))
        elif kind == "recommendation" and not item.recommendation:
            item.recommendation = text
        elif kind == "authority" and not item.decision_authority:
            item.decision_authority = text
        elif kind == "attachments":
            item.attachments.extend(attachment_lines(text))
        else:
            if heading or text:
                item.sections.append(Section(heading=heading, text=text))
    apply_decisions(item, decisions, participants or [])
    return item


_POSTPONED = re.compile(
    r"^\s*(?:punktet\s+|sagen\s+)?(?:blev\s+)?(?:udsat|udsættes)\b"
    r"|\bbesluttede\s+(?:\w+\s+){0,2}at\s+udsætte\s+(?:sagens\s+behandling|sagen|punktet|behandlingen)",
    re.I,
)


def is_postponed(decision: str) -> bool:
    """Whether a decision postpones the item ("Udsat.", "Punktet blev udsat", "Udvalget besluttede
    at udsætte sagens behandling ...") rather than deciding it."""
    return bool(_POSTPONED.search(decision))


def apply_decisions(
    item: AgendaItem, decisions: list[DecisionEntry], participants: list[Participant]
) -> None:
    """Record decision entries on an item and read votes, dissents and attendance from them."""
    decisions = [d for d in decisions if d.text.strip() or d.body or d.date]
    if not decisions:
        return
    cleaned: list[DecisionEntry] = []
    for entry in decisions:
        facts = parse_attendance(entry.text)
        item.absences.extend(
            a
            for a in facts.absences
            if all(a.name != b.name or a.kind != b.kind for b in item.absences)
        )
        item.attendance_notes.extend(n for n in facts.notes if n not in item.attendance_notes)
        cleaned.append(DecisionEntry(body=entry.body, date=entry.date, text=facts.remaining))
    if len(cleaned) > 1:
        item.decision_history = cleaned
    item.decision = cleaned[-1].text
    if item.decision:
        item.status = ItemStatus.DECIDED
        if is_postponed(item.decision):
            item.status = ItemStatus.POSTPONED
            item.postponed_reason = item.decision
    item.votes = parse_votes(item.decision, first_id=1)
    item.dissents = parse_dissents(item.decision, first_id=1)
    link_participants(item.absences, participants)
    link_ballots(item.votes, participants)


def finish_meeting(meeting: Meeting) -> Meeting:
    """Give votes and dissents ids unique within the meeting (as live meetings number them) and
    link item absences and ballots to participants by name."""
    vote_id = dissent_id = 0
    for item in meeting.items:
        for vote in item.votes:
            vote_id += 1
            vote.id = vote_id
        for dissent in item.dissents:
            dissent_id += 1
            dissent.id = dissent_id
        link_participants(item.absences, meeting.participants)
        link_ballots(item.votes, meeting.participants)
        _link_dissents(item.dissents, meeting.participants)
        _learn_affiliations(item, meeting.participants)
    return meeting


def _link_dissents(dissents: list[Dissent], participants: list[Participant]) -> None:
    if all(dissent.participant_id is not None for dissent in dissents):
        return
    by_name = {p.name.casefold(): p.id for p in participants}
    for dissent in dissents:
        if dissent.participant_id is None:
            dissent.participant_id = by_name.get(split_name(dissent.who)[0].casefold())


def _learn_affiliations(item: AgendaItem, participants: list[Participant]) -> None:
    """A member listed without a party gets the one the referat writes after their name."""
    stated = {b.participant_id: b.affiliation for v in item.votes for b in v.ballots}
    for person in participants:
        if not person.affiliation and stated.get(person.id):
            person.affiliation = stated[person.id]


def unplaced_count(meeting: Meeting) -> int:
    """How many pieces of text an importer could not place, meeting and items together."""
    return len(meeting.unplaced) + sum(len(item.unplaced) for item in meeting.items)


# --------------------------------------------------------------------------- XML

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
_ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _legal_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _drop_illegal_ref(match: re.Match[str]) -> str:
    ref = match.group(1)
    code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
    return match.group(0) if _legal_xml_char(code) else ""


def parse_xml(data: bytes) -> Element:
    """Parse untrusted XML: no DTD, no entity expansion, no network; illegal character references
    and control characters removed, stray non-UTF-8 bytes decoded as Windows-1252; namespaces
    stripped from tag names so other schema versions read the same."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree as SafeET

    from meetingtui.errors import InputError

    text = _XML_DECLARATION.sub("", decode_bytes(data), count=1)
    text = _CHAR_REF.sub(_drop_illegal_ref, text)
    text = _ILLEGAL_XML_CHARS.sub("", text)
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise InputError("import.error.xml_forbidden") from None
    except ParseError as error:
        raise InputError("import.error.xml_invalid", reason=str(error)) from None
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]
    return root
