"""Whether a block is a heading, and what its heading means: one classifier for every reader.

A heading the source marks (a Word heading style, an <h3>, an XML field caption) is always a
heading; its words say what it holds. An unmarked line (PDF and text) is a heading when its
words are a known label (with or without a colon), or when it is short, bold and no sentence.
Prefix matches ("Indstilling fra Teknik og Miljø", "Beslutningskompetence og proces") are
taken only from marked or bold headings, never from running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from meetingtui.importers import casenumber
from meetingtui.importers.decisions import body_date_head, entry_head, names_body
from meetingtui.importers.source import Block
from meetingtui.importers.vocabulary import (
    ABSENT_LABELS,
    ATTACHMENT_PREFIXES,
    ATTACHMENTS,
    AUTHORITY,
    AUTHORITY_PREFIXES,
    DECISION_WORDS,
    HISTORY,
    PRESENT_LABELS,
    PROPOSERS,
    PROPOSING,
    RECOMMENDATION,
    RECOMMENDATION_PREFIXES,
    SECTION_PREFIXES,
    SECTION_SUFFIXES,
    SECTIONS,
    alternation,
)
from meetingtui.models import Attendance

# Kinds of heading, in the record's terms.
SECTION = "section"
DECISION = "decision"
RECOMMENDATION_KIND = "recommendation"
AUTHORITY_KIND = "authority"
ATTACHMENTS_KIND = "attachments"
HISTORY_KIND = "history"
ATTENDANCE_KIND = "attendance"
CASE_KIND = "case"
TEXT = "text"  # a block role: the source marks its headings, and this block is none


@dataclass
class Heading:
    kind: str
    text: str  # the heading as written, without the colon
    rest: str = ""  # content written after the colon on the same line
    body: str = ""  # decision headings: the deciding body
    date: str = ""  # decision headings: the date as written
    attendance: Attendance | None = None


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip()).lower()


_PROPOSER = re.compile(rf"^{alternation(PROPOSERS)}\w*\s+{alternation(PROPOSING)}\b")
_SECTION_PREFIX = re.compile(rf"^{alternation(SECTION_PREFIXES)}\b.{{0,60}}$")
_STARTS_WITH_SECTION = tuple(SECTIONS)


@lru_cache(maxsize=4096)  # the same few dozen headings recur in every item of an archive
def word_kind(label: str, *, marked: bool) -> str | None:
    """What a heading's words mean: recommendation, authority, attachments, history or
    section; None when they are no known heading. `marked`: the source marks it as a heading,
    so a heading that begins with a known word counts too."""
    n = norm(label)
    if not n:
        return None
    if n in RECOMMENDATION or (
        marked and (n.startswith(RECOMMENDATION_PREFIXES) or _PROPOSER.match(n))
    ):
        return RECOMMENDATION_KIND
    if n in AUTHORITY or (marked and n.startswith(AUTHORITY_PREFIXES)):
        return AUTHORITY_KIND
    if n in ATTACHMENTS or (marked and n.startswith(ATTACHMENT_PREFIXES)):
        return ATTACHMENTS_KIND
    if n in HISTORY or (marked and n.startswith(tuple(HISTORY))):
        return HISTORY_KIND
    if n in SECTIONS:
        return SECTION
    if marked and (_SECTION_PREFIX.match(n) or (n.endswith(SECTION_SUFFIXES) and len(n) <= 80)):
        return SECTION
    return None


def heading_kind(heading: str) -> str:
    """The kind of a heading the source marks (an <h3>, a field caption): never None."""
    if entry_head(heading, marked=True) is not None:
        return DECISION
    return word_kind(heading, marked=True) or SECTION


def classify(block: Block) -> Heading | None:
    """The heading `block` is, or None when it is text."""
    if block.table is not None or block.item is not None:
        return None
    if len(block.text) > 200:
        return _classify(block.text, block.level, block.bold, block.role)
    # The same headings recur in every item of a document: their classification is cached.
    head = _cached(block.text, block.level, block.bold, block.role)
    return (
        Heading(head.kind, head.text, head.rest, head.body, head.date, head.attendance)
        if (head is not None)
        else None
    )


@lru_cache(maxsize=8192)
def _cached(text: str, level: int, bold: bool | None, role: str) -> Heading | None:
    return _classify(text, level, bold, role)


# An absence label ending in "fra" followed by the names, without a colon.
_ABSENT_FROM = re.compile(
    rf"(?i)^({alternation(k for k in ABSENT_LABELS if k.endswith(' fra'))})\s+(?=[A-ZÆØÅ])"
)


def _classify(text: str, level: int, bold: bool | None, role: str) -> Heading | None:
    block = Block(text, bold=bold, level=level, role=role)
    text = block.text.strip()
    marked = block.level > 0 or block.role == DECISION
    if not text and marked and block.role != DECISION:
        return Heading(SECTION, "")  # an empty heading still ends the part before it
    if not text or block.table is not None or block.item is not None:
        return None
    if block.role == TEXT and not marked:
        # A source that marks its headings says this paragraph is text; only a labelled case
        # number line is still read as one.
        case = casenumber.label(text)
        if case and ":" in text[:40] and casenumber.value(case.group("rest")):
            return Heading(CASE_KIND, case.group("label"), case.group("rest").strip())
        return None
    colon = text.find(":")
    if len(text) > 400 and not 0 < colon <= 90:
        return None
    label, rest = text, ""
    if 0 < colon <= 90:
        label, rest = text[:colon].strip(), text[colon + 1 :].strip()
    if block.role == DECISION:
        # "Byrådet den 12-03-2024": a field the data calls the decision, captioned with the
        # body and the date alone.
        body, when = entry_head(label, marked=True) or body_date_head(text) or ("", "")
        return Heading(DECISION, label, rest, body=body, date=when)
    n = norm(label)
    case = casenumber.label(text)
    if case and (
        colon > 0
        or casenumber.is_number(case.group("rest"))
        or casenumber.TOKEN.match(case.group("rest"))
        or not case.group("rest").strip()
    ):
        # "Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt": the number comes first
        return Heading(CASE_KIND, case.group("label"), case.group("rest").strip())
    if n in ABSENT_LABELS:
        return Heading(ATTENDANCE_KIND, label, rest, attendance=Attendance(ABSENT_LABELS[n]))
    names = _ABSENT_FROM.match(text) if colon < 0 else None
    if names:
        # "Afbud fra Anne Holm og Bo Berg": the label's "fra" stands for the colon
        n = norm(names.group(1))
        return Heading(ATTENDANCE_KIND, names.group(1), text[names.end() :].strip(),
                       attendance=Attendance(ABSENT_LABELS[n]))  # fmt: skip
    if n in PRESENT_LABELS and (rest or colon > 0 or len(text) < 25):
        return Heading(ATTENDANCE_KIND, label, rest, attendance=Attendance.PRESENT)
    styled = marked or bool(block.bold) or colon > 0
    kind = word_kind(label, marked=styled and len(label) <= 90)
    if kind is not None and kind != SECTION:
        return Heading(kind, label, rest)
    whole = entry_head(label, marked=styled) if len(label) <= 160 else None
    # "Udvalgets beslutning", "Byrådets afgørelse": a genitive owner and the decision word
    # alone on the line is a heading even unstyled (a sentence goes on after the word).
    owned = whole is not None and bool(whole[0]) and n.split()[-1:] in [[w] for w in DECISION_WORDS]
    # "Beslutning i Økonomiudvalget", "Beslutning, ØU", "Beslutning (ØU)": the word and a
    # body's name alone on the line is a heading even unstyled.
    named = whole is not None and names_body(whole[0])
    if whole is not None and (styled or whole[1] or n in DECISION_WORDS or owned or named):
        return Heading(DECISION, label, rest, body=whole[0], date=whole[1])
    if kind == SECTION or (n.startswith(_STARTS_WITH_SECTION) and colon > 0 and len(label) <= 60):
        return Heading(SECTION, label, rest)
    if (
        len(text) <= 90
        and not text.endswith((".", ",", ";"))
        and re.search(r"[A-Za-zÆØÅæøå]", text)
    ):
        if marked or block.bold:
            return Heading(SECTION, text.rstrip(":"))
        letters = [ch for ch in text if ch.isalpha()]
        if len(letters) >= 6 and len(text.split()) >= 2 and all(ch.isupper() for ch in letters):
            return Heading(SECTION, text.rstrip(":"))
    if marked:
        return Heading(SECTION, text.rstrip(":"))
    return None


def known_heading(block: Block) -> bool:
    """A heading from the referat vocabulary; such lines repeat by design, never as page
    furniture, and they end a wrapped title."""
    head = classify(Block(block.text))
    return head is not None and (head.kind != SECTION or norm(head.text) in SECTIONS)


# "Teknik- og Miljøudvalget indstiller:", "Direktionen indstiller," on a line of their own: the
# first line of an indstilling, kept as its text.
RECOMMENDS = re.compile(
    r"(?i)^(?:[A-ZÆØÅ][\w\-æøå.,& ]{1,80}?\s+indstiller|(?:\w+\s+){0,3}(?:forvaltning|"
    r"administration|direktion|direktør)\w*\s+foreslår)"
    r"(?:\s+(?:til|overfor|over\s+for|for)\s+[\w\-æøå ]{2,60})?\s*[:,]?\s*$"
)
