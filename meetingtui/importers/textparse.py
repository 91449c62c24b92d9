"""Structure of a text-layer referat or dagsorden: header, table of contents, items, sections.

The PDF, plain-text and ESDH .docx readers turn their input into `Line`s (with a page number
and, when the format knows it, whether the line is bold or styled as a heading) and hand them
to `build_meeting`. Everything here works on the wording and order of lines, the way Danish
agenda systems (Acadre, SBSYS, eDoc, Prepare, FirstAgenda, Cicero) lay a referat out:

    Referat <udvalg> <dato> kl. <tid> <sted>      header, then Afbud:/Fraværende: lines
    Indholdsfortegnelse ...                       never items
    1. <titel> / Punkt 1: <titel> / 715. <titel>  an item, usually followed by Sagsnr.
    Resumé / Indstilling / Beslutning ... / Bilag sections by their headings

Text that has no better home is kept in `unplaced` of its item or of the meeting.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from meetingtui.errors import InputError
from meetingtui.importers import common, textfacts
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    DecisionEntry,
    DocumentKind,
    ItemAbsence,
    ItemStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Role,
    Section,
)


@dataclass
class Line:
    text: str
    page: int = 0
    bold: bool | None = None  # None: the format does not say
    heading: bool = False  # styled as a heading by the source (docx "Heading 2")
    toc: bool = False  # styled as a table-of-contents entry by the source


@dataclass
class Document:
    """Lines of one meeting document plus what the reader already had to set aside."""

    lines: list[Line]
    unplaced: list[str] = field(default_factory=list)
    dropped_lines: int = 0  # repeated page headers/footers removed by the reader


# --- text clean-up -------------------------------------------------------------------------

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\uf0b7": "•", "\uf0a7": "•", "\u00ad": "", "\xa0": " ", "\u2002": " ", "\u2003": " ",
     "\u2009": " ", "\u200b": ""}
)  # fmt: skip


_SPACES = re.compile(r"[ ]{3,}")
_SPECIAL = re.compile("[\ufb00-\ufb04\uf0b7\uf0a7\u00ad\xa0\u2002\u2003\u2009\u200b\t]")


def clean_line(text: str) -> str:
    if _SPECIAL.search(text):
        text = text.translate(_LIGATURES).replace("\t", "  ")
    return _SPACES.sub("  ", text).strip()


# --- running headers and footers ------------------------------------------------------------

_PAGE_NUMBER_TOKEN = re.compile(r"\d+")
_PAGE_MARK = re.compile(r"(?i)^(?:side\s*)?\d+(?:\s*(?:af|/|of)\s*\d+)?$|^(?:side|page)\s+\d+")


def _shape(text: str) -> str:
    return _PAGE_NUMBER_TOKEN.sub("#", text.strip().lower())


def strip_running_lines(
    pages: list[list[Line]], *, cautious: bool = False
) -> tuple[list[list[Line]], int, int]:
    """Drop lines that repeat at the top or bottom of many pages (modulo page numbers).

    `cautious=True` is for documents whose pages are not laid out by the exporter (a .docx):
    a lone number at a page's edge is content there (a table cell), only "Side 3 af 7" is a
    page number, and only a repeated line with a number in it (a date, a page count) is page
    furniture; a repeated "Godkendt." at the foot of every item page is not.

    Returns the pages, how many lines were dropped and the index of the last page that carried
    the document's own running header (-1 if none): pages after it are usually appended
    attachments, which may have running headers of their own.
    """
    n = len(pages)
    if n < 2:
        return (
            _strip_page_marks(pages),
            sum(map(len, pages)) - sum(map(len, _strip_page_marks(pages))),
            -1,
        )
    need = max(2, math.ceil(0.1 * n)) if n >= 4 else n
    exact: dict[str, list[int]] = {}
    shaped: dict[str, list[tuple[int, list[int]]]] = {}
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        positions = sorted({*range(min(2, len(page))), *range(max(0, len(page) - 2), len(page))})
        # Headings and item headings repeat by design ("Punkt 7" may even sit on page 7), and
        # so does the text right under a heading ("Beslutning" / "Godkendt." at the foot of
        # every item page): furniture never follows a heading of the referat.
        edge = [
            page[k] for k in positions
            if page[k].text.strip() and not _known_heading(page[k]) and _item_head(page[k]) is None
            and not (k > 0 and _known_heading(page[k - 1]))
        ]  # fmt: skip
        for key in {ln.text.strip().lower() for ln in edge}:
            exact.setdefault(key, []).append(index)
            first_page.setdefault(key, index)
        for ln in edge:
            shape = _shape(ln.text)
            numbers = [int(x) for x in _PAGE_NUMBER_TOKEN.findall(ln.text)[:6] if len(x) <= 4]
            if numbers:
                shaped.setdefault(shape, []).append((index, numbers))
                first_page.setdefault(shape, index)
    running = {k for k, seen in exact.items() if _is_running(seen, need) and len(k) <= 160}
    for shape, occurrences in shaped.items():
        # Digits only make lines "the same" when they count pages: a constant page offset.
        offsets: Counter[int] = Counter()
        for index, numbers in occurrences:
            offsets.update({num - index for num in numbers})
        seen_pages = sorted({index for index, _ in occurrences})
        pages_seen = len(seen_pages)
        if (
            _is_running(seen_pages, need)
            and offsets
            and offsets.most_common(1)[0][1] >= 0.6 * pages_seen
        ):
            running.add(shape)
    if cautious:
        running = {k for k in running if re.search(r"[\d#]", k)}
    prefix, prefix_first = _running_prefix(pages, need) if not cautious else ("", len(pages))
    own_first = min([first_page[s] for s in running] + [prefix_first])
    own = {s for s in running if first_page[s] == own_first}
    dropped = 0
    last_with_header = -1
    out: list[list[Line]] = []
    for index, page in enumerate(pages):
        kept: list[Line] = []
        for pos, line in enumerate(page):
            at_edge = pos < 2 or pos >= len(page) - 2
            shape = _shape(line.text)
            key = line.text.strip().lower()
            hit = shape if shape in running else key if key in running else None
            mark = _WORDED_PAGE_MARK if cautious else _PAGE_MARK
            if at_edge and (hit or mark.match(line.text.strip())):
                dropped += 1
                if hit in own:
                    last_with_header = index
                continue
            if pos == 0 and prefix and shape.startswith(prefix):
                line = Line(_cut_prefix(line.text, prefix), line.page, line.bold, line.heading)
                dropped += 1
                if prefix_first == own_first:
                    last_with_header = index
                if not line.text:
                    continue
            kept.append(line)
        out.append(kept)
    return out, dropped, last_with_header


_WORDED_PAGE_MARK = re.compile(r"(?i)^(?:side|page)\s*\d+(?:\s*(?:af|/|of)\s*\d+)?$")


def _strip_page_marks(pages: list[list[Line]]) -> list[list[Line]]:
    """A one-page document has no repetition to go by; a "Side 1 af 1" at its top or bottom
    is still page furniture."""
    return [
        [ln for pos, ln in enumerate(page)
         if not ((pos == 0 or pos == len(page) - 1) and _WORDED_PAGE_MARK.match(ln.text.strip()))]
        for page in pages
    ]  # fmt: skip


_ITEM_START = re.compile(r"(?i)^(?:punkt|pkt\.?)\s+\d|^\d{1,4}[a-z]?[.)]\s")


def _is_running(pages_seen: list[int], need: int) -> bool:
    """Page furniture recurs on enough pages, and on consecutive pages somewhere."""
    if len(pages_seen) < need:
        return False
    run = best = 1
    for a, b in itertools.pairwise(pages_seen):
        run = run + 1 if b == a + 1 else 1
        best = max(best, run)
    return best >= min(3, need)


def _known_heading(line: Line) -> bool:
    """A heading from the referat vocabulary; such lines repeat by design, not as page furniture."""
    head = classify_heading(Line(line.text))
    return head is not None and (head.kind != "section" or _norm(head.text) in _SECTIONS)


def _running_prefix(pages: list[list[Line]], need: int) -> tuple[str, int]:
    """A running header glued to the first line of a page, as flattened PDF text has it.

    Returns the prefix (digits as "#") and the first page carrying it; the document's own
    header is the one that starts earliest.
    """
    counts: Counter[str] = Counter()
    first_page: dict[str, int] = {}
    for index, page in enumerate(pages):
        if not page or len(page) > 2:
            continue
        words = page[0].text.split()
        seen: set[str] = set()
        for k in range(2, min(len(words), 12) + 1):
            shape = _shape(" ".join(words[:k]))
            if shape not in seen:
                seen.add(shape)
                counts[shape] += 1
                first_page.setdefault(shape, index)
    candidates = {
        shape: count for shape, count in counts.items()
        if count >= max(need, 3) and len(shape.split()) >= 3 and not _ITEM_START.match(shape)
    }  # fmt: skip
    if not candidates:
        return "", len(pages)
    earliest = min(first_page[s] for s in candidates)
    group = {s: c for s, c in candidates.items() if first_page[s] == earliest}
    top = max(group.values())
    best = max((s for s, c in group.items() if c == top), key=len)
    # Extend while nearly every page that has the prefix also has the longer one.
    for shape, count in group.items():
        if shape.startswith(best) and count >= 0.8 * top and len(shape) > len(best):
            best = shape
    # A prefix ending in a page number is cut with the number; stop before content words.
    return best.rstrip("#").rstrip(), earliest


def _cut_prefix(text: str, prefix: str) -> str:
    words = text.split()
    taken = 0
    for k in range(1, len(words) + 1):
        if _shape(" ".join(words[:k])) == prefix:
            taken = k
            break
    rest = words[taken:]
    if rest and re.fullmatch(r"\d{1,4}", rest[0]):
        rest = rest[1:]  # the page number that follows "Side"
    return " ".join(rest)


# --- vocabulary ----------------------------------------------------------------------------

_CASE_LABEL = re.compile(
    r"(?i)^(?:sagsnr|sags\s*nr|sagsnummer|journalnr|j\.\s*nr|jnr|acadre\s*sagsnr|sag\s*nr|"
    r"sagsid|dokumentnr)\.?\s*:?\s*(.*)$"
)
_CASE_NUMBER = re.compile(
    r"^(?:[A-ZÆØÅ]{2,5}-)?\d{2,4}[-/]\d{2,7}(?:[-/]\d{1,7})*$|"
    r"^\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}-\d+-\d{2})?$|^[A-ZÆØÅ]{2,5}-\d{4}-\d{3,7}$"
)
_DECISION_HEAD = re.compile(
    r"(?i)^(?:(?P<owner>[^\s:]{2,40}s)\s+)?(?:beslutning(?:er)?|afgørelse|protokol)"
    r"(?:\s+(?:i|fra|på|for)?\s*(?P<body>[^:]*?))?(?:\s*\b(?:den|d\.)\s*(?P<date>[^:]*?))?\s*:?\s*$"
)
# "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44": a decision entry headed by body, date and
# the item number at that meeting (Roskilde and others print one per committee that decided).
_BODY_DATE_ITEM = re.compile(
    r"^(?P<body>[A-ZÆØÅ][^,:]{2,80}),\s*"
    r"(?P<date>\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{1,2}\.\s*[a-zæøå]{3,9}\.?\s+\d{4}),\s*"
    r"(?:pkt|punkt|sag)\.?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?\s*:?\s*$"
)
_CASE_TOKEN = re.compile(r"^\s*(?:[A-ZÆØÅ]{2,5}-)?\d[\d./\-]{3,}[A-Z0-9\-]*\s")
_RECOMMENDATION = {
    "indstilling", "indstillinger", "beslutningspunkter", "forslag til beslutning",
    "forvaltningens indstilling", "administrationens indstilling", "direktionens indstilling",
    "direktørens indstilling", "indstilling til beslutning", "det indstilles",
    "administrativ indstilling", "administrationens forslag",
}  # fmt: skip
_AUTHORITY = {"beslutningskompetence", "sagen afgøres i", "kompetence", "beslutningsniveau",
              "afgøres af", "kompetenceplacering", "beslutningskompetencen"}  # fmt: skip
_ATTACHMENTS = {"bilag", "bilagsoversigt", "vedlagte bilag", "bilag til punktet", "bilag til sagen"}
_HISTORY = {
    "sagsforløb",
    "tidligere beslutninger",
    "historik",
    "sagens forløb",
    "tidligere behandling",
}
_ATTENDANCE = {"fraværende": Attendance.FRAVAERENDE, "fravær": Attendance.FRAVAERENDE,
               "afbud": Attendance.AFBUD, "afbud fra": Attendance.AFBUD,
               "fraværende med afbud": Attendance.AFBUD, "meldt afbud": Attendance.AFBUD,
               "fraværende uden afbud": Attendance.FRAVAERENDE,
               "ikke til stede": Attendance.FRAVAERENDE}  # fmt: skip
_PRESENT = {"til stede", "tilstede", "deltagere", "fremmødte", "mødedeltagere", "medlemmer",
            "deltog", "fremmødt", "deltagende"}  # fmt: skip
_SECTIONS = {
    "resumé", "resume", "sagsfremstilling", "supplerende sagsfremstilling", "sagsbeskrivelse",
    "administrationens vurdering", "forvaltningens vurdering", "vurdering", "økonomi",
    "økonomi og finansiering", "økonomiske konsekvenser", "økonomi og organisatoriske konsekvenser",
    "økonomi og konsekvenser", "handicappolitik", "baggrund", "lovgrundlag", "retsgrundlag",
    "høring", "høringer", "kommunikation", "tidsplan", "videre proces", "beskrivelse",
    "problemstilling", "sagens indhold", "borgerinddragelse", "miljøvurdering", "konsekvenser",
    "personalemæssige konsekvenser", "klimakonsekvenser", "bæredygtighed", "beslutningstema",
    "formål", "indledning", "sammenfatning", "sagen kort", "bemærkninger", "begrundelse",
    "supplerende oplysninger", "supplerende bemærkninger", "relation til politikker",
    "politisk behandling", "lovgivning", "proces", "finansiering", "administrative konsekvenser",
    "sundhedsmæssige konsekvenser", "klima og miljø", "hvad skal der ske", "sagens baggrund",
    "juridiske forhold", "risikovurdering", "organisering", "høringssvar", "udtalelser",
    "tidligere politisk behandling", "konklusion", "anbefaling", "plangrundlag", "økonomi og ressourcer",
    "anledning", "forventet sagsgang", "sagsgang", "sagsgang og sagstype", "sagstype",
    "beskrivelse af sagen", "retsregler og andre forskrifter", "personale", "økonomi og afledt drift",
    "tidligere behandling", "sagens gang", "sammenhæng med politikker", "sagens kerne",
}  # fmt: skip
_SECTION_PREFIX = re.compile(
    r"(?i)^(?:supplerende|økonomi|økonomiske|administrationens|forvaltningens|direktionens|"
    r"høring|konsekvenser|vurdering|sagsfremstilling|indstilling fra)\b.{0,60}$"
)
_END_OF_ITEMS = re.compile(
    r"(?i)^(?:underskriftsside|underskriftsark|underskrifter|underskrift|mødet hævet|"
    r"mødet blev hævet|mødet sluttede|godkendelse af referat(?:et)? ved underskrift)\b"
)
_TOC_HEAD = re.compile(
    r"(?i)^(?:indholdsfortegnelse|indhold|dagsordenspunkter|punktoversigt)(?=\b|\d)|^punkter:?$"
)
_TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d*\s*$|\s{2,}\d{1,3}$")
_KIND_WORDS = {"referat", "dagsorden", "beslutningsprotokol", "mødeprotokol", "protokol"}
_DOC_KIND = re.compile(r"(?i)\b(referat|beslutningsprotokol|dagsorden|mødeprotokol)\b")

# item headings
_PUNKT = re.compile(
    r"(?i)^(?:punkt|pkt\.?|dagsordenspunkt|sag)\s+(?:nr\.?\s*)?(\d{1,4}[a-z]?)\s*[:.\-–)]?\s*(.*)$"
)
_OPEN_MARK = r"(?:Åben|Åbent|Åben sag|Lukket|Lukket punkt|Lukket sag|Fortrolig)"
_NUM_OPEN = re.compile(rf"(?i)^(\d{{1,4}}[a-z]?)\.?\s+\(({_OPEN_MARK})\)\s*[:.\-–]?\s*(.*)$")
_NUM_TITLE_OPEN = re.compile(rf"(?i)^(\d{{1,4}}[a-z]?)\.?\s+(.+?)\s*\(({_OPEN_MARK})\)$")
_NUMBERED = re.compile(r"^(\d{1,4}[a-zA-Z]?)\s*[.)](?:\s+|(?=[A-ZÆØÅ]))(\S.*)$")
_LUKKET_PUNKT = re.compile(
    r"(?i)^lukket\s+punkt\b\s*[:.\-–]?\s*(?:(\d{1,4}[a-z]?)\b\s*[:.\-–]?\s*)?(.*)$"
)
_CLOSED_PREFIX = re.compile(r"(?i)^(?:lukket(?:\s+punkt|\s+sag)?|fortroligt?)\s*[:\-–.]\s*")
_CLOSED_SUFFIX = re.compile(r"(?i)\s*\((?:lukket(?:\s+punkt)?|fortrolig)\)\s*$")
_OPEN_PREFIX = re.compile(
    r"(?i)^\((åben|åbent|åben sag|lukket(?: punkt)?|fortrolig)\)\s*[:.\-–]?\s*"
)
_OPEN_SUFFIX = re.compile(r"(?i)\s*\((?:åben|åbent|åben sag)\)\s*$")

# Labels that flattened text (a whole page on one line) carries inline: split before them.
_INLINE_LABELS = re.compile(
    r"\s(?=(?:Sagsnr\.?|Sags nr\.?|J\.\s?nr\.?|Resumé|Resume|Indstilling|Beslutningskompetence|"
    r"Sagen afgøres i|Sagsfremstilling|Supplerende sagsfremstilling|Administrationens vurdering|"
    r"Handicappolitik|Økonomi og finansiering|Økonomiske konsekvenser|Bilag|Afbud|Fraværende|"
    r"Lovgrundlag|Kommunikation|Tidsplan|Beslutningstema|Sagsbeskrivelse|Miljøvurdering|"
    r"Udvalgets beslutning|Beslutning|Mødedato|Mødested|Mødetidspunkt|Mødet hævet|Deltagere|"
    r"Mødedeltagere)\s*:|Beslutning(?:\s+i)?\s+[^:]{2,80}?\s+den\b[^:]{0,30}:)"
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip()).lower()


def split_inline_labels(lines: list[Line]) -> list[Line]:
    """Break long lines at known section labels so each label starts a line."""
    out: list[Line] = []
    for line in lines:
        if (
            len(line.text) < 150
            and len(_INLINE_LABELS.findall(line.text)) < 2
            and not _PEOPLE_LABEL.search(line.text, 1)
        ):
            out.append(line)
            continue
        text = line.text
        if len(_BARE_LABEL.findall(text)) >= 2:
            # Flattened pages of some systems drop the colon: "... Sagsfremstilling Forvaltningen
            # orienterer ...". A capitalised label before a capitalised word is a heading there
            # (Danish prose writes these nouns in lower case); the colon is put back.
            text = _BARE_LABEL.sub(lambda m: f"\n{m.group(1)}: ", text)
        for chunk in text.split("\n"):
            for part in _INLINE_LABELS.split(chunk):
                if part.strip():
                    out.append(Line(part.strip(), line.page, line.bold, line.heading, line.toc))
    return out


# A members list glued to the header line: "Referat ... kl. 15.00 i Lokale 4 Mødedeltagere: ..."
_PEOPLE_LABEL = re.compile(r"\s(?:Mødedeltagere|Deltagere|Afbud|Fraværende|Afbud fra)\s*:")
_BARE_LABEL = re.compile(
    r"\s(Sagsfremstilling|Supplerende sagsfremstilling|Resumé|Indstilling|Beslutning|Bilag|"
    r"Beslutningskompetence|Administrationens vurdering|Økonomi og finansiering|"
    r"Økonomiske konsekvenser|Lovgrundlag|Sagsbeskrivelse|Beslutningstema|SAGSFREMSTILLING|"
    r"INDSTILLING|BESLUTNING|RESUMÉ|BILAG|FORVENTET SAGSGANG|ØKONOMI|LOVGRUNDLAG|HØRING)"
    r"(?:\s*:)?\s+(?=[A-ZÆØÅ][a-zæøå])"
)


# --- heading classification --------------------------------------------------------------


@dataclass
class Heading:
    kind: (
        str  # section, decision, recommendation, authority, attachments, history, attendance, case
    )
    text: str  # the heading as written, without the colon
    rest: str = ""  # content written after the colon on the same line
    body: str = ""  # decision headings: the deciding body
    date: str = ""  # decision headings: the date as written
    attendance: Attendance | None = None


def classify_heading(line: Line) -> Heading | None:
    text = line.text.strip()
    colon = text.find(":")
    if not text or (len(text) > 400 and not 0 < colon <= 90):
        return None
    label, rest = text, ""
    if 0 < colon <= 90:
        label, rest = text[:colon].strip(), text[colon + 1 :].strip()
    norm = _norm(label)
    case = _CASE_LABEL.match(text)
    if case and (colon > 0 or _CASE_NUMBER.match(case.group(1).strip())
                 or _CASE_TOKEN.match(case.group(1))):  # fmt: skip
        # "Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt": the number comes first
        return Heading("case", label, case.group(1).strip())
    entry = _BODY_DATE_ITEM.match(text)
    if entry:
        return Heading("decision", text, "", body=entry.group("body").strip(),
                       date=entry.group("date"))  # fmt: skip
    if norm in _ATTENDANCE:
        return Heading("attendance", label, rest, attendance=_ATTENDANCE[norm])
    if norm in _PRESENT and (rest or colon > 0 or len(text) < 25):
        return Heading("attendance", label, rest, attendance=Attendance.PRESENT)
    if norm in _RECOMMENDATION:
        return Heading("recommendation", label, rest)
    if norm in _AUTHORITY:
        return Heading("authority", label, rest)
    if norm in _ATTACHMENTS:
        return Heading("attachments", label, rest)
    if norm in _HISTORY:
        return Heading("history", label, rest)
    decision = _DECISION_HEAD.match(label) if len(label) <= 140 else None
    if decision and (colon > 0 or decision.group("date") is not None or line.bold or line.heading
                     or norm in {"beslutning", "beslutninger", "afgørelse"}):  # fmt: skip
        owner = decision.group("owner") or ""
        if owner and not re.search(r"(?i)(udvalg|råd|bestyrelse|ets|ens|s)$", owner):
            owner = ""
        if norm.startswith(("beslutningsforslag", "beslutningspunkt")):
            return None
        body = (decision.group("body") or "").strip(" ,")
        body = re.sub(r"(?i)^(?:på\s+|i\s+)?(?:det\s+)?(?:mødet|møde)\b\s*(?:i\s+)?", "", body)
        if owner and not body:
            body = owner[:-1] if owner.lower().endswith("s") else owner
        return Heading(
            "decision", label, rest, body=body, date=(decision.group("date") or "").strip()
        )
    if norm in _SECTIONS or (norm.startswith(tuple(_SECTIONS)) and colon > 0 and len(label) <= 60):
        return Heading("section", label, rest)
    if _SECTION_PREFIX.match(label) and (colon > 0 or line.bold or line.heading):
        return Heading("section", label, rest)
    if norm.endswith("påtegning") and len(label) <= 80:
        return Heading("section", label, rest)
    if (
        len(text) <= 90
        and not text.endswith((".", ",", ";"))
        and re.search(r"[A-Za-zÆØÅæøå]", text)
    ):
        if line.heading or line.bold:
            return Heading("section", text.rstrip(":"))
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 6 and len(text.split()) >= 2 and all(ch.isupper() for ch in letters):
            return Heading("section", text.rstrip(":"))
    return None


# --- items ---------------------------------------------------------------------------------


@dataclass
class ItemHead:
    index: int  # line index of the heading
    number: str
    title: str
    closed: bool
    strong: bool
    bold: bool | None = None
    case_before: str = ""  # a case number printed on the line above the heading (SBSYS)
    title_before: str = ""  # "Lokalplan 145\nSag nr. 130": the title above a bare number line

    @property
    def lines_before(self) -> int:
        return 1 if (self.case_before or self.title_before) else 0


def _item_head(line: Line) -> ItemHead | None:
    text = line.text.strip()
    if line.toc or _TOC_ENTRY.search(text):
        return None
    for pattern, strong in ((_PUNKT, True), (_NUM_OPEN, True), (_LUKKET_PUNKT, True)):
        m = pattern.match(text)
        if not m:
            continue
        if pattern is _NUM_OPEN:
            number, mark, title = m.group(1), m.group(2), m.group(3)
            return ItemHead(
                0, number, title.strip(), mark.lower().startswith(("lukket", "fort")), True
            )
        if pattern is _LUKKET_PUNKT:
            return ItemHead(0, m.group(1) or "", m.group(2).strip() or "Lukket punkt", True, True)
        title = m.group(2).strip()
        if title[:1].islower():
            return None  # "Sag 3 udgår.", "Punkt 9 blev udsat": a sentence about an item
        return ItemHead(0, m.group(1), title, False, strong)
    m = _NUM_TITLE_OPEN.match(text)
    if m:
        closed = m.group(3).lower().startswith(("lukket", "fort"))
        return ItemHead(0, m.group(1), m.group(2).strip(), closed, True)
    m = _NUMBERED.match(text)
    if m:
        title = m.group(2).strip()
        first = title[0]
        if first.islower() or len(title) > 250 or title.lower().startswith(("at ", "at:")):
            return None
        if re.match(r"\d{4}\b", title) and len(m.group(1)) <= 2 and not line.bold:
            return None  # "1. 2017 ..." is a date or list, not an item
        return ItemHead(0, m.group(1), title, False, False)
    m = _BARE_NUMBER_TITLE.match(text)
    if m and (line.heading or line.bold):
        # "3 Salg af ejendom" styled as a heading or set in bold: the number without a dot.
        return ItemHead(0, m.group(1), m.group(2).strip(), False, False)
    return None


# A heading "3 Title"; up to three digits, so that a year ("2024 Budget") is no item number.
_BARE_NUMBER_TITLE = re.compile(r"^(\d{1,3}[a-z]?)\s+([A-ZÆØÅ][^\n]{1,250})$")


def _toc_titles(lines: list[Line]) -> set[str]:
    titles = set()
    for line in lines:
        text = _TOC_ENTRY.sub("", line.text).strip()
        text = re.sub(r"^(?:punkt\s+)?\d{1,4}[a-z]?[.):]?\s+", "", text, flags=re.IGNORECASE)
        if text:
            titles.add(_title_key(text))
    return titles


def _title_key(title: str) -> str:
    title = _CLOSED_PREFIX.sub("", title)
    return re.sub(r"[^a-zæøå0-9]+", "", title.lower())[:60]


def _find_toc(lines: list[Line]) -> tuple[int, int]:
    """(start, end) line indexes of the table of contents; (-1, -1) if there is none."""
    limit = max(60, len(lines) // 3)
    for i, line in enumerate(lines[:limit]):
        if not (_TOC_HEAD.match(line.text) or line.toc):
            continue
        end = i + 1
        page = line.page
        first = _toc_number(lines[end]) if end < len(lines) else None
        expected = first if first is not None else -1
        while end < len(lines):
            text = lines[end].text.strip()
            nxt = lines[end + 1].text.strip() if end + 1 < len(lines) else ""
            if (
                lines[end].toc
                or _TOC_ENTRY.search(text)
                or re.fullmatch(r"\d{1,3}", text)
                or (re.match(r"(?i)^punkt\s*nr\.?.*side$", text))
            ):
                end += 1
                continue
            # a wrapped entry: its continuation carries the leader and the page number
            if len(text) < 200 and _TOC_ENTRY.search(nxt) and lines[end].page == page:
                end += 1
                continue
            # Contents without leaders or page numbers: a run of consecutively numbered titles.
            number = _toc_number(lines[end])
            if number is not None and number == expected and not _starts_item_body(lines, end):
                expected = number + 1
                end += 1
                continue
            break
        if _TOC_HEAD.match(line.text) and len(line.text) > 120:
            end = max(end, i + 1)  # flattened text: the whole contents on the heading line
        return i, end
    return -1, -1


def _toc_number(line: Line) -> int | None:
    head = _item_head(line)
    if head is None or not head.number[:1].isdigit() or len(line.text) > 200:
        return None
    return int(re.match(r"\d+", head.number).group())


def _starts_item_body(lines: list[Line], index: int) -> bool:
    """The numbered line is followed by an item's own headings: it is an item, not an entry."""
    for line in lines[index + 1 : index + 4]:
        if _item_head(line) is not None:
            return False  # the next entry comes first
        if _CASE_NUMBER.match(line.text.strip()) or _known_heading(line):
            return True
    return False


def _title_above(lines: list[Line], index: int, heads: list[ItemHead]) -> str:
    """A bare "Sag nr. 130" whose next line is a heading takes its title from the line above."""
    below = lines[index + 1] if index + 1 < len(lines) else None
    if below is not None and not (
        _CASE_NUMBER.match(below.text.strip()) or _CASE_LABEL.match(below.text)
        or _known_heading(below) or _item_head(below) is not None
    ):  # fmt: skip
        return ""  # the title is on the next line ("Pkt. 42" / "Beslutninger om dagsordenen")
    above = lines[index - 1]
    text = above.text.strip()
    if heads and heads[-1].index >= index - 1:
        return ""
    if (
        len(text) > 200 or text.endswith((".", ":")) or _known_heading(above)
        or _CASE_NUMBER.match(text) or (classify_heading(above) is not None and not above.bold)
    ):  # fmt: skip
        return ""
    return text


def _find_items(lines: list[Line], start: int, toc_keys: set[str]) -> list[ItemHead]:
    heads: list[ItemHead] = []
    last_number = -1
    i = start
    while i < len(lines):
        line = lines[i]
        head = _item_head(line)
        if head is not None and not head.strong and i > start:
            prev = lines[i - 1]
            numeric_jump = (
                head.number[:1].isdigit()
                and last_number >= 0
                and (int(re.match(r"\d+", head.number).group()) > last_number + 30)
            )
            # A number inside a wrapped sentence, not an item: the line before runs on (ends in
            # a small letter or a comma) and is long enough to be a full line of prose. Short
            # lines ("Til toppen", an attachment name) end in small letters too.
            wrapped = (
                not (heads and heads[-1].index == i - 1)  # the line before is an item heading
                and prev.page == line.page and re.search(r"[a-zæøå,]$", prev.text) is not None
                and (len(prev.text) >= 45 or prev.text.endswith(",")
                     or re.match(r"^(?:\d{1,3}[.)]|[•\-–])\s", prev.text) is not None)
                and not line.bold
            )  # fmt: skip
            if numeric_jump or wrapped:
                head = None
        if head is not None:
            head.index = i
            head.bold = line.bold
            confirmed = head.strong or line.bold or line.heading
            prev_text = lines[i - 1].text.strip() if i > start else ""
            if _CASE_NUMBER.match(prev_text) and (not heads or heads[-1].index < i - 2):
                # SBSYS prints the case number (KLE-style) on the line above the heading.
                head.case_before = prev_text
                confirmed = True
            window = lines[i + 1 : i + 5]
            if not confirmed:
                confirmed = (
                    any(
                        ((h := classify_heading(w)) is not None and h.kind != "section")
                        or _CASE_NUMBER.match(w.text.strip()) is not None
                        or (h is not None and _norm(h.text) in _SECTIONS)
                        for w in window
                    )
                    or _title_key(head.title) in toc_keys
                )
            numeric = (
                int(re.match(r"\d+", head.number).group()) if head.number[:1].isdigit() else None
            )
            lettered = head.number[-1:].isalpha() and numeric == last_number  # "2a" after "2"
            if (confirmed and numeric is not None and not head.strong and numeric <= last_number
                    and not lettered):  # fmt: skip
                confirmed = False  # numbering goes backwards: a list inside an item
            if confirmed and not head.title and i > start:
                head.title_before = _title_above(lines, i, heads)
            if confirmed:
                heads.append(head)
                if numeric is not None:
                    last_number = numeric
                i += 1
                continue
        # Flattened text: the item title is the text right before "Sagsnr.:"
        case = _CASE_LABEL.match(line.text)
        if case and i > start and (not heads or heads[-1].index < i - 3):
            prev = lines[i - 1]
            if classify_heading(prev) is None and len(prev.text) <= 250 and prev.text.strip():
                heads.append(ItemHead(i - 1, "", prev.text.strip(), False, True))
        i += 1
    return heads


# --- header --------------------------------------------------------------------------------


@dataclass
class HeaderFacts:
    body: str = ""
    title: str = ""
    kind_word: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    location: str = ""
    extraordinary: bool = False
    participants: list[Participant] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)  # unused text after a date on its line


_LOCATION_LABEL = re.compile(
    r"(?i)^(?:mødested\s*:?|(?:sted|lokale|mødelokale|adresse)\s*:)\s*(.+)$"
)
_DATE_LABEL = re.compile(
    r"(?i)^(?:mødedato|dato|starttidspunkt|mødetidspunkt|tidspunkt|tid|mødetid|mødestart)\b\s*:?\s*"
)
_BODY_LABEL = re.compile(r"(?i)^(?:udvalg|forum|mødeforum|organ)\s*:\s*(.+)$")
# "Referat fra møde i Økonomiudvalget", "Referat til mødet i Udvalget for ...", "Dagsorden for
# Byrådet": the words between the document kind and the body's name.
_BODY_LEAD = re.compile(
    r"(?i)^(?:(?:fra|af|til|for|over)\s+)?(?:det\s+)?"
    r"(?:(?:ekstraordinær[et]*|ordinær[et]*|konstituerende)\s+)?(?:mødet?\s+)?(?:i|for|hos)\s+"
    r"|^(?:fra|af|til)\s+(?:det\s+)?(?:(?:ekstraordinær[et]*|ordinær[et]*)\s+)?mødet?\s*$"
)
_EXTRA = re.compile(r"(?i)\bekstraordinært?\b")


# Header labels that some systems print on a line of their own, the value on the next line
# ("STED" / "Kanalstræde 2", "STARTTIDSPUNKT" / "04-06-2020 09:00:00").
_LONE_LABELS = {
    "udvalg": "Udvalg", "forum": "Forum", "mødeforum": "Forum", "sted": "Sted",
    "mødested": "Mødested", "lokale": "Lokale", "mødelokale": "Lokale", "dato": "Dato",
    "mødedato": "Mødedato", "tidspunkt": "Tidspunkt", "mødetidspunkt": "Mødetidspunkt",
    "starttidspunkt": "Starttidspunkt", "mødestart": "Starttidspunkt",
    "sluttidspunkt": "Sluttidspunkt", "mødeslut": "Sluttidspunkt", "møde": "",
}  # fmt: skip
_END_LABEL = re.compile(r"(?i)^(?:sluttidspunkt|mødeslut|mødet\s+slut(?:tede)?|sluttid)\s*:?\s*")


def _join_lone_labels(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        key = _norm(line.text)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if key in _LONE_LABELS and nxt is not None and _norm(nxt.text) not in _LONE_LABELS:
            label = _LONE_LABELS[key]
            text = f"{label}: {nxt.text.strip()}" if label else nxt.text.strip()
            out.append(Line(text, line.page, line.bold, line.heading, line.toc))
            skip = True
        else:
            out.append(line)
    return out


# "Stedfortræder: Lone Vig (O)": present, in an absent member's seat
_SUBSTITUTE_LABEL = re.compile(
    r"(?i)^(?:indkaldte?\s+)?(?:stedfortrædere?|suppleanter?)(?:\s+for\s+[^:]{1,60})?\s*:\s*(.*)$"
)
_ANY_LABEL = re.compile(r"^[^:]{2,30}:")


# Web and print headings of the header block that carry no facts themselves
_HEADER_NOISE = re.compile(
    r"(?i)^(?:mødefakta|mødeoplysninger|bemærkninger|indholdsfortegnelse|fold alle ud|"
    r"udskriv|til toppen|sager\s+\d+\s*[-–]\s*\d+|punkter\s+\d+\s*[-–]\s*\d+)\b"
)


def _looks_like_people(text: str) -> bool:
    """A line continuing an "Afbud:" list: names with a party, or full names in a list."""
    people = textfacts.split_people(text)
    if (
        not people or _known_heading(Line(text)) or _HEADER_NOISE.match(text)
        or _GROUP_HEAD.match(text)
    ):  # fmt: skip
        return False
    return all(
        (aff or len(name.split()) >= 2) and not any(ch.isdigit() for ch in name)
        for name, aff in people
    )


def _dangling(text: str) -> bool:
    """A list of people that goes on on the next line (a wrapped table cell or paragraph)."""
    text = text.rstrip()
    if text.endswith((",", " og", "&")) or text.count("(") > text.count(")"):
        return True
    return "(" in text and not text.rstrip(" .").endswith(")")


def _join_wrapped_people(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    joining = False
    for line in lines:
        text = line.text.strip()
        if (
            joining and out and len(text) < 160 and not _ANY_LABEL.match(text)
            and textfacts.find_date(text) is None and _item_head(line) is None
        ):  # fmt: skip
            last = out[-1]
            out[-1] = Line(f"{last.text.rstrip()} {text}", last.page, last.bold, last.heading)
            joining = _dangling(out[-1].text)
            continue
        head = classify_heading(line)
        joining = bool(
            ((head is not None and head.kind == "attendance") or _SUBSTITUTE_LABEL.match(text))
            and _dangling(text)
        )
        out.append(line)
    return out


# A members table as PDF text flattens it: "Navn Parti Status" over "Anne Holm A Til stede".
_GRID_HEAD = re.compile(
    r"(?i)^(?:navn|medlem|deltager|mødedeltager)\s+(?:parti|partibogstav|gruppe|liste)"
    r"(?:\s+(?:status|fremmøde|deltagelse))?$"
)
_GRID_STATUS = (
    (re.compile(r"(?i)\s+(?:afbud|meldt afbud)$"), "Afbud"),
    (re.compile(r"(?i)\s+(?:fraværende|fravær|ikke til stede)$"), "Fraværende"),
    (re.compile(r"(?i)\s+(?:stedfortræder|suppleant)$"), "Stedfortræder"),
    (re.compile(r"(?i)\s+(?:til stede|tilstede|deltog|fremmødt|mødt)$"), "Deltagere"),
)
_GRID_ROW = re.compile(
    r"^(?P<name>[A-ZÆØÅ][\w'’.\-]*(?:\s+[A-ZÆØÅ][\w'’.\-]*){1,5})\s+\(?(?P<party>[A-ZÆØÅ]"
    r"[A-ZÆØÅa-zæøå]{0,3})\)?$"
)


def _grid_people(lines: list[Line]) -> list[Line]:
    """Rows under a "Navn Parti Status" line become "Afbud: Anne Holm (A)" lines; a row that
    does not read as name and party (and a known status) ends the table and is kept as it is.
    The column heads are dropped only when at least one row was read."""
    out: list[Line] = []
    head: Line | None = None
    rows = 0
    for line in lines:
        text = line.text.strip()
        if _GRID_HEAD.match(text):
            head, rows = line, 0
            continue
        if head is not None:
            label, rest = "Deltagere", text
            for pattern, name in _GRID_STATUS:
                if pattern.search(text):
                    label, rest = name, pattern.sub("", text)
                    break
            row = _GRID_ROW.match(rest)
            if row:
                rows += 1
                person = f"{row.group('name')} ({row.group('party')})"
                out.append(Line(f"{label}: {person}", line.page, line.bold, line.heading))
                continue
            words = text.split()
            split = next((k for k in range(len(words) - 1, 2, -1)
                          if _GRID_ROW.match(" ".join(words[:k]))), None)  # fmt: skip
            if rows and split is not None:
                # A status the importer does not know ("Orlov"): kept as written, labelled.
                row = _GRID_ROW.match(" ".join(words[:split]))
                assert row is not None
                person = f"{row.group('name')} ({row.group('party')})"
                out.append(Line(f"{person}: {' '.join(words[split:])}", line.page, line.bold))
                continue
            if rows == 0:
                out.append(head)
            head = None
        out.append(line)
    if head is not None and rows == 0:
        out.append(head)
    return out


# "Mødedato: 12-03-24": a two-digit year, read only on a line labelled as the meeting's date
_SHORT_YEAR = re.compile(r"\b(\d{1,2})([-./])(\d{1,2})\2(\d{2})\b(?![-./]?\d)")


def _long_years(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        text = line.text
        if _DATE_LABEL.match(text.strip()) and textfacts.find_date(text) is None:
            text = _SHORT_YEAR.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{m[2]}20{m[4]}", text, count=1)
        out.append(line if text == line.text else
                   Line(text, line.page, line.bold, line.heading, line.toc))  # fmt: skip
    return out


def parse_header(lines: list[Line]) -> HeaderFacts:
    facts = HeaderFacts()
    lines = _join_wrapped_people(_join_lone_labels(_grid_people(_long_years(lines))))
    used: set[int] = set()
    attendance_mode: Attendance | None = None
    date_line = -1
    location_line = -1
    inferred_location: list[int] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            used.add(i)
            continue
        head = classify_heading(line)
        if head and head.kind == "attendance":
            attendance_mode = head.attendance
            _add_people(facts, head.rest, attendance_mode)
            used.add(i)
            continue
        substitute = _SUBSTITUTE_LABEL.match(text)
        if substitute:
            attendance_mode = None
            _add_people(facts, substitute.group(1), Attendance.PRESENT, Role.STEDFORTRAEDER)
            used.add(i)
            continue
        if _ANY_LABEL.match(text):
            attendance_mode = None  # another label ends a list of people
        if (facts.kind_word and _norm(text) in _KIND_WORDS) or (
            facts.body and _norm(text) == _norm(facts.body)
        ):
            used.add(i)  # the title block repeats the document kind or the body's name
            continue
        if _EXTRA.search(text):
            facts.extraordinary = True
        kind = _DOC_KIND.search(text)
        if kind and not facts.kind_word:
            facts.kind_word = kind.group(1).lower()
            rest = (text[: kind.start()] + " " + text[kind.end() :]).strip(" -–:")
            used.add(i)
            had_date = facts.starts_at is not None
            before, after = _take_when(facts, rest)
            if before and not facts.body:
                facts.body = before
            _place_or_body(facts, after)
            if facts.starts_at is not None and not had_date:
                date_line = i
            continue
        m = _BODY_LABEL.match(text)
        if m and not facts.body:
            facts.body = m.group(1).strip()
            used.add(i)
            continue
        if _restates_header(facts, text, m):
            used.add(i)  # "Udvalg: X" / "Mødedato: D" repeating what the title line said
            continue
        if _END_LABEL.match(text) and facts.starts_at is not None:
            _end_time(facts, _END_LABEL.sub("", text))
            used.add(i)
            continue
        if (
            facts.starts_at is not None
            and _DATE_LABEL.match(text)
            and not textfacts.find_date(text)
            and _time_only(facts, _DATE_LABEL.sub("", text))
        ):
            used.add(i)  # "Tidspunkt: Kl. 19:00" a few lines after "Dato: 29. januar 2020"
            continue
        m = _LOCATION_LABEL.match(text)
        if m and (not facts.location or inferred_location):
            # A labelled place wins over a line only guessed to be the place; that line is
            # given back to the unplaced text.
            used.difference_update(inferred_location)
            inferred_location.clear()
            facts.location = m.group(1).strip()
            location_line = -1
            used.add(i)
            continue
        if (facts.starts_at is None or _midnight_same_day(facts, text)) and textfacts.find_date(
            text
        ):
            before, after = _take_when(facts, _DATE_LABEL.sub("", text))
            used.add(i)
            date_line = i
            if before and not facts.body:
                facts.body = before
            _place_or_body(facts, after)
            continue
        if facts.starts_at is not None and i == date_line + 1 and _time_only(facts, text):
            used.add(i)
            continue
        if attendance_mode is not None and _looks_like_people(text):
            _add_people(facts, text, attendance_mode)
            used.add(i)
            continue
        attendance_mode = None
        if _DATE_LABEL.match(text) and len(text) < 20:
            used.add(i)  # an empty "Mødedato" label whose value sits on the next line
            continue
        if not facts.body and facts.kind_word and not _DATE_LABEL.match(text) and len(text) <= 120:
            facts.body = text
            used.add(i)
            continue
        if facts.extraordinary and not facts.title and _EXTRA.search(text):
            facts.title = text
            used.add(i)
            continue
        if (
            facts.starts_at is not None
            and not facts.location
            and i > date_line
            and len(text) <= 200
            and not _HEADER_NOISE.match(text)
            and not _ANY_LABEL.match(text)
        ):
            facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", text)  # "på Rådhuset" wrapped
            location_line = i
            inferred_location.append(i)
            used.add(i)
            continue
        if (
            location_line >= 0 and i == location_line + 1 and len(text) <= 60
            and not _ANY_LABEL.match(text)
        ):  # fmt: skip
            facts.location = f"{facts.location}, {text}"  # an address over several lines
            location_line = i
            inferred_location.append(i)
            used.add(i)
            continue
    facts.unplaced = [lines[i].text for i in range(len(lines)) if i not in used and lines[i].text]
    facts.unplaced.extend(facts.leftover)
    facts.body = " ".join(facts.body.split())
    # "ÅBEN DAGSORDEN ØKONOMIUDVALG": the qualifier belongs to the document kind
    facts.body = re.sub(r"(?i)^(?:åben|åbent|lukket)\s+(?=\S)", "", facts.body)
    # "Referat af ordinært møde i Økonomiudvalget" on a line after a title "Referat"
    facts.body = re.sub(r"(?i)^(?:referat|dagsorden|beslutningsprotokol)\s+(?=\S)", "", facts.body)
    facts.body = _BODY_LEAD.sub("", facts.body).strip(" -–,:")
    facts.body = re.sub(r"\s+(?:d\.|den)\s*$", "", facts.body).strip()
    return facts


def _restates_header(facts: HeaderFacts, text: str, body_label: re.Match[str] | None) -> bool:
    if body_label is not None:
        return _norm(body_label.group(1)) == _norm(facts.body)
    if facts.starts_at is None or not _DATE_LABEL.match(text):
        return False
    found = textfacts.find_date(text)
    if found is None or found.day.date() != facts.starts_at.date():
        return False
    start, _end, _t0, t1 = textfacts.find_times(text[found.end :])
    same_time = start is None or start == (facts.starts_at.hour, facts.starts_at.minute)
    return same_time and not text[found.end + max(t1, 0) :].strip(" ,.-–")


def _take_when(facts: HeaderFacts, text: str) -> tuple[str, str]:
    """Read date and time out of `text`; return the text before it (body) and after (place)."""
    found = textfacts.find_date(text)
    if found is None:
        return text.strip(), ""
    start, end, _t0, t1 = textfacts.find_times(text[found.end :])
    day = found.day
    midnight = facts.starts_at is not None and facts.starts_at == day and start is not None
    if facts.starts_at is None or midnight:
        facts.starts_at = day.replace(hour=start[0], minute=start[1]) if start else day
        if end:
            facts.ends_at = day.replace(hour=end[0], minute=end[1])
    before = text[: found.start]
    before = re.sub(r"(?i)\b(?:møde)?dato\s*:?\s*$", "", before.strip())
    before = re.sub(rf"(?i)\b{textfacts.WEEKDAYS}\b\.?\s*(?:den|d\.)?\s*$", "", before.strip())
    before = re.sub(r"(?i)\s*\b(?:den|d\.)\s*$", "", before)
    after = text[found.end + t1 :] if start else text[found.end :]
    after = re.sub(r"^:\d{2}\b", "", after)  # the seconds of "15:00:00"
    return before.strip(" ,-–"), after.strip(" ,-–")


def _midnight_same_day(facts: HeaderFacts, text: str) -> bool:
    """A later header line gives the clock time of a date the title line already had."""
    found = textfacts.find_date(text)
    return (
        found is not None and facts.starts_at == found.day
        and textfacts.find_times(text[found.end :])[0] is not None
    )  # fmt: skip


def _place_or_body(facts: HeaderFacts, after: str) -> None:
    """ "i Mødelokale 1, Lejrevej 15" after the time is the place; other text may be the body."""
    if not after:
        return
    labelled = _LOCATION_LABEL.match(after)
    if labelled and not facts.location:
        facts.location = labelled.group(1).strip()  # "... kl. 16:30 Mødested: Rådhuset"
    elif re.match(r"(?i)^(?:i|på)\s", after) and not facts.location:
        facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", after)
    elif not facts.body:
        facts.body = after
    else:
        facts.leftover.append(after)  # never dropped: it goes with the unplaced header text


def _end_time(facts: HeaderFacts, text: str) -> None:
    """ "Sluttidspunkt: 04-06-2020 11:00:00" or "Mødet sluttede kl. 18.40"."""
    assert facts.starts_at is not None
    found = textfacts.find_date(text)
    start, _end, _t0, _t1 = textfacts.find_times(text[found.end :] if found else text)
    if start is None:
        return
    day = found.day if found else facts.starts_at
    facts.ends_at = day.replace(hour=start[0], minute=start[1])


def _time_only(facts: HeaderFacts, text: str) -> bool:
    start, end, _, t1 = textfacts.find_times(text)
    if start is None or facts.starts_at is None or len(text) > 40:
        return False
    if facts.starts_at.hour == 0 and facts.starts_at.minute == 0:
        facts.starts_at = facts.starts_at.replace(hour=start[0], minute=start[1])
        if end:
            facts.ends_at = facts.starts_at.replace(hour=end[0], minute=end[1])
    rest = text[t1:].strip(" ,")
    if rest and not facts.location:
        facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", rest)
    return True


_ROLE_PREFIX = re.compile(
    r"(?i)^(?:(?P<role>formand|næstformand)|borgmester|viceborgmester|rådmand|overborgmester)\s+"
    r"(?=[A-ZÆØÅ])"
)
# "Birgitte Glifberg (A), Suppleant for Brian Møller (A)"
_SEAT_OF = re.compile(
    r"(?i)^(?P<who>[^,()]+?)\s*(?:\([^()]*\))?\s*,?\s*(?:suppleant|stedfortræder)\s+for\s+"
    r"(?P<absent>[^,()]+?)\s*(?:\([^()]*\))?\s*$"
)


def _add_people(
    facts: HeaderFacts, text: str, attendance: Attendance | None, role: Role = Role.MEDLEM
) -> None:
    seat = _SEAT_OF.match(text.strip(" •-–"))
    for name, affiliation in textfacts.split_people(text):
        person_role = role
        prefix = _ROLE_PREFIX.match(name)
        if prefix:
            name = name[prefix.end() :]
            if prefix.group("role"):
                person_role = Role(prefix.group("role").lower())
        suffix = re.search(
            rf"{re.escape(name)}\s*(?:\([^()]*\))?\s*(?:,|[-–])?\s*\(?(næstformand|formand)\b(?!\s+[A-ZÆØÅ])",
            text, re.IGNORECASE,
        )  # fmt: skip
        before = re.search(rf"(?i)\b(næstformand|formand)\s+{re.escape(name)}", text)
        if (suffix or before) and person_role is Role.MEDLEM:
            # "Anne Holm (A), formand", "næstformand Lise Krog (Ø)"
            person_role = Role((before or suffix).group(1).lower())
        if seat and name == seat.group("absent").strip():
            continue  # the member whose seat the substitute takes is listed on its own line
        if seat and name == seat.group("who").strip():
            person_role = Role.STEDFORTRAEDER
        existing = next((p for p in facts.participants if p.name == name), None)
        if existing is not None:
            if attendance is not None and attendance is not Attendance.PRESENT:
                existing.attendance = attendance
            continue
        facts.participants.append(
            Participant(
                id=len(facts.participants) + 1,
                name=name,
                affiliation=affiliation,
                attendance=attendance or Attendance.UNKNOWN,
                role=person_role,
            )
        )
        if person_role is Role.STEDFORTRAEDER and seat:
            absent = seat.group("absent").strip()
            facts.participants[-1].substitute_for = next(
                (p.id for p in facts.participants if p.name == absent), None
            )


# --- the whole document --------------------------------------------------------------------


def build_meeting(doc: Document, *, source: str = "") -> Meeting:
    """Turn the lines of a referat or dagsorden into a `Meeting`; raise InputError if hopeless."""
    lines = split_inline_labels([ln for ln in doc.lines if ln.text.strip()])
    if not lines:
        raise InputError("import.docs.no_text", source=source)
    toc_start, toc_end = _find_toc(lines)
    toc_keys = _toc_titles(lines[toc_start + 1 : toc_end]) if toc_start >= 0 else set()
    scan_from = toc_end if toc_start >= 0 else 0
    heads = _find_items(lines, scan_from, toc_keys)
    if not heads:
        raise InputError("import.docs.no_items", source=source)
    first_line = heads[0].index - heads[0].lines_before
    header_end = toc_start if toc_start >= 0 else first_line
    if toc_start >= 0:
        header_end = min(header_end, first_line)
    header = parse_header(lines[:header_end])
    meeting_unplaced = list(header.unplaced)
    if toc_start >= 0:
        # Text between the contents and the first item (a welcome, a members list) is kept.
        first = first_line
        between = parse_header(lines[toc_end:first]) if toc_end < first else None
        if between is not None:
            for person in between.participants:
                if all(p.name != person.name for p in header.participants):
                    person.id = len(header.participants) + 1
                    header.participants.append(person)
            meeting_unplaced.extend(between.unplaced)
    if header.starts_at is None:
        header.starts_at = _first_date(lines)
    if header.starts_at is None:
        raise InputError("import.docs.no_date", source=source)
    body = header.body
    if not body:
        body = _body_named_in(header.unplaced)
        if body:
            meeting_unplaced.remove(next(u for u in meeting_unplaced if u.strip() == body))
    body = body or _body_from_decisions(lines) or ""
    if not body:
        raise InputError("import.docs.no_body", source=source)

    items: list[AgendaItem] = []
    trailing: list[str] = []
    group_closed = False  # under a "Lukkede punkter" group heading
    for n, head in enumerate(heads):
        end = heads[n + 1].index if n + 1 < len(heads) else len(lines)
        if n + 1 < len(heads):
            end -= heads[n + 1].lines_before  # the next item's case number or title above it
        region = lines[head.index + 1 : end]
        if n == 0 and meeting_unplaced and _GROUP_HEAD.match(meeting_unplaced[-1]):
            group_closed = _GROUP_HEAD.match(meeting_unplaced.pop()).group(1) is None
        head.closed = head.closed or group_closed
        group = _GROUP_HEAD.match(region[-1].text.strip()) if region else None
        if n + 1 < len(heads) and group:
            # "Åbne punkter" / "Lukkede punkter" before the next item: it groups the items.
            group_closed = group.group(1) is None
            region = region[:-1]
        if n + 1 == len(heads):
            cut = next(
                (k for k, ln in enumerate(region) if _END_OF_ITEMS.match(ln.text)
                 and not (k == 0 and _title_key(ln.text) == _title_key(head.title))),
                None,
            )  # fmt: skip
            if cut is not None:
                trailing = [ln.text for ln in region[cut:]]
                region = region[:cut]
        items.append(_build_item(head, region, len(items) + 1))
    _number_items(items)
    ended = next((t for t in trailing if _ENDED.match(t.strip())), None)
    if ended is not None and header.ends_at is None:
        m = _ENDED.match(ended.strip())
        assert m is not None
        end = header.starts_at.replace(hour=int(m.group(1)), minute=int(m.group(2) or 0))
        if end > header.starts_at:
            header.ends_at = end  # "Mødet hævet kl. 18.45" after the last item
            trailing.remove(ended)
    meeting = Meeting(
        body=body,
        title=header.title,
        kind=MeetingKind.EKSTRAORDINAERT if header.extraordinary else MeetingKind.ORDINAERT,
        starts_at=header.starts_at,
        ends_at=header.ends_at,
        location=header.location,
        source=source,
        participants=header.participants,
        items=items,
        unplaced=[*meeting_unplaced, *trailing, *doc.unplaced],
    )
    _finish(meeting, header.kind_word)
    return meeting


def _first_date(lines: list[Line]) -> datetime | None:
    for line in lines[:80]:
        found = textfacts.find_date(line.text)
        if found:
            return found.day
    return None


_BODY_NAME = re.compile(
    r"(?i)^[A-ZÆØÅ][\w ,.\-–&]{0,70}(?:udvalg|udvalget|råd|rådet|bestyrelse|bestyrelsen|"
    r"repræsentationen|nævn|nævnet|forsamling|komité)$"
)


def _body_named_in(header_lines: list[str]) -> str:
    """A header without "Referat"/"Dagsorden" still names the body on a line of its own."""
    return next((t.strip() for t in header_lines if _BODY_NAME.match(t.strip())), "")


def _body_from_decisions(lines: list[Line]) -> str:
    for line in lines:
        head = classify_heading(line)
        if head and head.kind == "decision" and head.body:
            return head.body
    return ""


def _number_items(items: list[AgendaItem]) -> None:
    """Items whose number was lost in extraction get the next number in order."""
    previous = 0
    for item in items:
        if item.number:
            m = re.match(r"\d+", item.number)
            previous = int(m.group()) if m else previous
        else:
            previous += 1
            item.number = str(previous)


def _clean_title(title: str) -> tuple[str, bool]:
    closed = False
    title = re.sub(r"\s+", " ", title).strip()
    if _CLOSED_PREFIX.match(title):
        closed = True
        title = _CLOSED_PREFIX.sub("", title)
    if _CLOSED_SUFFIX.search(title):
        closed = True
        title = _CLOSED_SUFFIX.sub("", title)
    title = _OPEN_SUFFIX.sub("", title)
    mark = _OPEN_PREFIX.match(title)
    if mark:
        closed = closed or mark.group(1).lower().startswith(("lukket", "fortrolig"))
        title = title[mark.end() :]
    # "§17,4 - Godkendelse af dagsorden" lost its section sign and number in extraction:
    # a prefix with no letters before " - " is the committee's numbering, not the title.
    title = re.sub(r"^[^A-Za-zÆØÅæøå]*\d[^A-Za-zÆØÅæøå]*\s[-–]\s+", "", title)
    title = title.strip(" -–:")
    return title or "Uden titel", closed


@dataclass
class _Block:
    head: Heading | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


def _build_item(head: ItemHead, region: list[Line], item_id: int) -> AgendaItem:
    title_parts = [head.title]
    k = 0
    case_number = head.case_before
    if head.title_before:
        title_parts = [head.title_before]
    elif not head.title and region:
        # "Pkt. 42" alone on its line: the title is the next line.
        first = region[0]
        if not (_CASE_NUMBER.match(first.text.strip()) or _CASE_LABEL.match(first.text)
                or _known_heading(first) or _END_OF_ITEMS.match(first.text)):  # fmt: skip
            title_parts = [first.text.strip()]
            k = 1
    # A long title wraps: its continuation comes before the case number or first heading.
    while k < min(3, len(region)):
        line = region[k]
        text = line.text.strip()
        if (_CASE_NUMBER.match(text) or _CASE_LABEL.match(text) or _known_heading(line)
                or _CLOSED_BODY.match(text) or _OPEN_BODY.match(text)):  # fmt: skip
            break
        nxt = region[k + 1] if k + 1 < len(region) else None
        follows = nxt is not None and (
            _CASE_NUMBER.match(nxt.text.strip()) is not None or _known_heading(nxt)
        )
        if len(text) > 160 or text.endswith(".") or _title_key(text) == _title_key(head.title):
            break
        # A heading and its wrapped continuation have the same weight; a PDF says "not bold"
        # for both when the heading is set in a plain face (a table cell).
        same_weight = line.bold is not False if head.bold is None else line.bold is head.bold
        if (head.bold and line.bold) or (not head.bold and follows and same_weight):
            title_parts.append(text)
        else:
            break
        k += 1
    column = re.match(r"^(.*\S)\s{2,}(\S+)$", title_parts[0]) if title_parts else None
    if column and not case_number and _CASE_NUMBER.match(column.group(2)):
        # "Salg af ejendom  23/20456": a table row's case number column after the title
        title_parts[0], case_number = column.group(1), column.group(2)
    title, closed = _clean_title(" ".join(p for p in title_parts if p))
    closed = closed or head.closed
    if k < len(region) and _title_key(region[k].text) == _title_key(title):
        k += 1  # the title repeated under the numbered heading (web and FirstAgenda layouts)
    blocks: list[_Block] = [_Block(None)]
    item_closed_by_case = False  # "Sagsnr. 123456 Udvalg Lukket punkt"
    previous = ""
    for line in region[k:]:
        text = line.text.strip()
        label_row, previous = previous, text
        if not case_number and len(blocks) <= 2 and _CASE_NUMBER.match(text):
            case_number = text
            continue
        if not case_number and len(blocks) == 1 and _CASE_COLUMN.match(label_row):
            # A flattened metadata table: "Sagsnr. Ansvarlig Dato" over "24/1001 Jens Hansen
            # 01-03-2024". Both lines stay in the item's text; the number is read off.
            token = text.split()[0] if text.split() else ""
            if _CASE_NUMBER.match(token):
                case_number = token
        if len(blocks) == 1 and not blocks[0].lines and _title_key(text) == _title_key(title):
            continue  # the title repeated under the case number

        h = classify_heading(line)
        if h is not None and h.kind == "case":
            if not case_number:
                case_number = _case_value(h.rest)
                leftover = h.rest[len(case_number) :].strip()
                if re.search(r"(?i)\blukket\s+(?:punkt|sag)\b", leftover):
                    item_closed_by_case = True
                if leftover:
                    blocks[-1].lines.append(leftover)
            else:
                blocks[-1].lines.append(text)
            continue
        current = blocks[-1].head
        in_attachments = h is not None and current is not None and current.kind == "attachments"
        # Attachment names are often "Indstilling", "Notat ...": only a styled heading or a
        # decision ends the list.
        if (
            current is not None and current.kind == "attachments"
            and (h is None or h.kind != "decision") and _ITEM_ATTENDANCE.match(text)
        ):  # fmt: skip
            blocks[0].lines.append(text)  # "Inhabil: X" after the list: read with the item
            continue
        if in_attachments and h.kind != "decision" and not (line.bold or line.heading):
            h = None
        if (
            h is not None and h.kind == "attendance" and h.rest
            and (current is None or current.kind == "decision")
        ):  # fmt: skip
            # "Fraværende: Mads Berg (C)" as one line of a decision: the decision goes on after
            # it, and the decision's attendance lines are read with the decision.
            h = None
        if h is not None:
            blocks.append(_Block(h, [h.rest] if h.rest else []))
            continue
        if len(blocks) == 1 and _OPEN_BODY.match(text):
            continue  # "Åben sag" under the heading: the item is open, as `closed` says
        blocks[-1].lines.append(text)
    marks = [t for t in blocks[0].lines if _CLOSED_BODY.match(t)]
    if marks:
        # "Punktet er lukket" in place of the item's text: the mark is the closed flag.
        item_closed_by_case = True
        blocks[0].lines = [t for t in blocks[0].lines if not _CLOSED_BODY.match(t)]
    item = AgendaItem(id=item_id, number=head.number, title=title, case_number=case_number,
                      closed=closed or item_closed_by_case)  # fmt: skip
    _fill_item(item, blocks)
    return item


# The label row of a metadata table, as PDF text flattens it: case number column first.
_CASE_COLUMN = re.compile(
    r"(?i)^(?:sagsnr\.?|sags\s*nr\.?|sagsnummer|j\.\s?nr\.?)(?:\s+(?:ansvarlig|sagsbehandler|"
    r"dato|mødedato|udvalg|forvaltning|afdeling|enhed|dokumentnr\.?|status)\s*:?)+$"
)
_GROUP_HEAD = re.compile(
    r"(?i)^(?:(å)bne|(?:lukkede|fortrolige))\s+(?:punkter|sager|dagsordenspunkter)\s*:?$"
)
_ITEM_ATTENDANCE = re.compile(r"(?i)^(?:fraværende|afbud|inhabil(?:itet)?|inhabile)\s*:\s*\S")
_ENDED = re.compile(
    r"(?i)^mødet\s+(?:blev\s+)?(?:hævet|sluttede|afsluttet|slut)\s+kl\.?\s*(\d{1,2})(?:[.:](\d{2}))?\.?$"
)
_DECISION_PHRASE = re.compile(
    r"(?i)^(?:godkendt|godkendes|tiltrådt|tiltrædes|anbefales|anbefalet|taget\s+til\s+"
    r"efterretning|tages\s+til\s+efterretning|udsat|udsættes|oversendes|oversendt|vedtaget|"
    r"indstillingen\s+(?:blev\s+)?(?:godkendt|tiltrådt|anbefalet|vedtaget)|for\s+stemte\b|"
    r"med\s+stemmerne\b|et\s+(?:enigt\s+udvalg|flertal)\b)"
)
_OPEN_BODY = re.compile(r"(?i)^(?:åben|åbent)(?:\s+(?:sag|punkt))?\s*\.?$")
_CLOSED_BODY = re.compile(
    r"(?i)^(?:(?:punktet|sagen|dette\s+punkt)\s+(?:er|blev|behandles|behandledes)\s+(?:som\s+)?"
    r"(?:et\s+|en\s+)?(?:lukket(?:\s+(?:punkt|sag))?|for\s+lukkede\s+døre)|"
    r"lukket\s+(?:punkt|sag)|(?:behandlet|behandles)\s+for\s+lukkede\s+døre)\s*\.?$"
)


def _case_value(text: str) -> str:
    token = text.split()[0] if text.split() else ""
    return token.rstrip(".,;") if token and re.search(r"\d", token) else ""


def _fill_item(item: AgendaItem, blocks: list[_Block]) -> None:
    preamble = blocks[0].lines
    decisions: list[DecisionEntry] = []
    history: list[DecisionEntry] = []
    for block in blocks[1:]:
        head = block.head
        assert head is not None
        text = block.text
        if head.kind == "decision":
            decisions.append(DecisionEntry(body=head.body, date=head.date, text=text))
        elif head.kind == "recommendation":
            item.recommendation = "\n".join(p for p in (item.recommendation, text) if p)
        elif head.kind == "authority":
            item.decision_authority = text.replace("\n", " ")
        elif head.kind == "attachments":
            item.attachments.extend(_attachment_list(block.lines))
        elif head.kind == "attendance":
            for name, _aff in textfacts.split_people(text):
                item.absences.append(
                    ItemAbsence(name=name, kind=AbsenceKind.ABSENT, reason=head.text)
                )
            if text:
                item.attendance_notes.append(f"{head.text}: {text}")
        else:
            if head.kind == "history":
                history.extend(_history_entries(block.lines))
            if text:
                item.sections.append(Section(heading=head.text, text=text))
    pre_text = "\n".join(preamble).strip()
    if pre_text:
        facts = common.parse_attendance(pre_text)
        item.absences.extend(facts.absences)
        item.attendance_notes.extend(facts.notes)
        rest = facts.remaining
        if rest and not decisions and item.closed and not item.sections:
            decisions.append(DecisionEntry(text=rest))  # a closed item shows only its decision
        elif rest and not decisions and _DECISION_PHRASE.match(rest):
            # A beslutningsprotokol prints the decision under the title without a heading.
            decisions.append(DecisionEntry(text=rest))
        elif rest:
            item.unplaced.append(rest)
    if decisions:
        current = decisions[-1]
        item.decision = current.text
        entries = [*history, *decisions]
        if len(entries) > 1 or current.body or current.date:
            item.decision_history = entries


def _attachment_list(lines: list[str]) -> list[str]:
    # "1. Budget.pdf 2. Notat.pdf" on one line (a flattened list) is split before each next
    # number in sequence; "Beretning fra den 13. juni" is not a list.
    parts = [part for line in lines for part in _split_numbered(line)]
    out: list[str] = []
    for part in parts:
        part = re.sub(
            r"^(?:bilag\s*)?(?:\d{1,3}(?:\.\d{1,3})+\.?\s+|"  # "2.1 Notat" numbered per item
            r"\d{1,3}\s*(?:[.:)]\s*|\s+(?=(?:åben|lukket)\b)))(?:(?:åben|lukket)\s+)?",
            "", part.strip(), flags=re.IGNORECASE,
        )  # fmt: skip
        part = part.lstrip("•-– ").strip()
        if part and out and (part[0].islower() or re.match(r"\d+$", part)):
            out[-1] = f"{out[-1]} {part}"  # a wrapped attachment name
        elif part:
            out.append(part)
    return out


def _split_numbered(line: str) -> list[str]:
    first = re.match(r"(?:bilag\s*)?(\d{1,2})\.\s", line, re.IGNORECASE)
    if first is None:
        return [line]
    expected = int(first.group(1)) + 1
    parts, start = [], 0
    for m in re.finditer(r"\s(?=(\d{1,2})\.\s)", line):
        if int(m.group(1)) == expected:
            parts.append(line[start : m.start()])
            start, expected = m.end(), expected + 1
    parts.append(line[start:])
    return parts


def _history_entries(lines: list[str]) -> list[DecisionEntry]:
    """ "Udvalg: X / Dato: D / Punktnummer: N / text" blocks of a FirstAgenda Sagsforløb."""
    entries: list[DecisionEntry] = []
    for line in lines:
        m = re.match(r"(?i)^(udvalg|dato|punktnummer|punkt)\s*:\s*(.*)$", line)
        if m and m.group(1).lower() == "udvalg":
            entries.append(DecisionEntry(body=m.group(2).strip()))
        elif m and entries and m.group(1).lower() == "dato":
            entries[-1].date = m.group(2).strip()
        elif m and entries:
            continue  # the item number at that meeting stays in the section text
        elif entries:
            entries[-1].text = "\n".join(p for p in (entries[-1].text, line) if p)
    return entries


_POSTPONED = re.compile(r"(?i)^\s*(?:punktet |sagen )?(?:blev )?udsat|^\s*udsættes")


def _finish(meeting: Meeting, kind_word: str) -> None:
    """Decisions → status, votes, dissents, absences; referat or dagsorden; link names."""
    has_decision = False
    election_id = 0  # elections are numbered across the meeting, as live meetings do
    meeting_date = meeting.starts_at.date()
    for item in meeting.items:
        if item.decision_history:
            current = _current_entry(item.decision_history, meeting_date)
            if current is not None:
                item.decision = current.text
        if not item.decision:
            continue
        has_decision = True
        facts = common.parse_attendance(item.decision)
        item.absences.extend(
            a for a in facts.absences
            if all(a.name != b.name or a.kind != b.kind for b in item.absences)
        )  # fmt: skip
        item.attendance_notes.extend(n for n in facts.notes if n not in item.attendance_notes)
        _drop_shadowed_absences(item)
        item.decision = facts.remaining or item.decision
        item.status = (
            ItemStatus.POSTPONED if _POSTPONED.match(item.decision) else ItemStatus.DECIDED
        )
        if item.status is ItemStatus.POSTPONED:
            item.postponed_reason = item.decision
        item.votes = common.parse_votes(item.decision)
        item.dissents = common.parse_dissents(item.decision)
        item.elections = common.parse_elections(item.decision, first_id=election_id + 1)
        election_id += len(item.elections)
    common.finish_meeting(meeting)
    if kind_word == "dagsorden" and not has_decision:
        meeting.document_kind = DocumentKind.DAGSORDEN
    elif has_decision or kind_word in {"referat", "beslutningsprotokol", "mødeprotokol"}:
        meeting.document_kind = DocumentKind.REFERAT
    else:
        meeting.document_kind = DocumentKind.DAGSORDEN
    meeting.status = (
        MeetingStatus.CLOSED
        if meeting.document_kind is DocumentKind.REFERAT
        else MeetingStatus.PLANNED
    )


def _drop_shadowed_absences(item: AgendaItem) -> None:
    """ "X erklærede sig inhabil og deltog ikke ..." reads as inhabil X and absent "X ... og":
    the longer name that starts with an inhabil member's name is the same person."""
    inhabil = [a.name for a in item.absences if a.kind is AbsenceKind.INHABIL]
    item.absences = [
        a for a in item.absences
        if a.kind is AbsenceKind.INHABIL
        or not any(a.name != n and a.name.startswith(n + " ") for n in inhabil)
    ]  # fmt: skip


def _current_entry(entries: list[DecisionEntry], meeting_date: object) -> DecisionEntry | None:
    """The entry made at this meeting: dated the meeting day, else the last one."""
    for entry in reversed(entries):
        found = textfacts.find_date(entry.date) if entry.date else None
        if found and found.day.date() == meeting_date:
            return entry
    return entries[-1] if entries else None
