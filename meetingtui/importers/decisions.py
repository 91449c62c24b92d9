"""Decision entries: the headings that carry a deciding body and a date, the decision of this
meeting among them, and what a decision says (postponed, or a decision at all).

"Beslutning i Økonomiudvalget den 15-03-2016", "Økonomiudvalgets beslutning den 3. maj 2016",
"Teknik- og Miljøudvalget's beslutning den 04.12.2012 Punkt 2", "Beslutning Udvalget for
social og sundhed den 11-11-2019", "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44",
"Beslutninger", "Afgørelse".
"""

from __future__ import annotations

import re
from datetime import date

from meetingtui.dates import find_date
from meetingtui.importers.built import built
from meetingtui.importers.vocabulary import (
    BODY_ENDINGS,
    CLOSED_MARKERS,
    DECISION_DOCUMENT_WORDS,
    DECISION_PHRASES,
    DECISION_WORDS,
    NOT_DECISION,
    NOT_RELEASED,
    OPEN_MARKERS,
    POSTPONED,
    WEEKDAYS,
    alternation,
)
from meetingtui.models import DecisionEntry

_WORD = alternation(DECISION_WORDS)
_OWNER = r"(?P<owner>[A-ZÆØÅ0-9][\w\-,.§ ]{0,80}?)(?:'s|’s|s'|s)"
_HEAD = re.compile(
    rf"(?i)^(?:{_OWNER}\s+)?(?P<word>{_WORD})(?![a-zæøå])"
    r"(?:\s*(?:(?P<prep>i|fra|på|for|af|truffet\s+i)\b)?\s*(?P<body>[^:]*?))?"
    r"(?:\s*,?\s*\b(?:den|d\.)\s*(?P<date>[^:]*?))?\s*:?\s*$"
)
# "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44": one entry per committee that decided.
_BODY_DATE_ITEM = re.compile(
    r"^(?P<body>[A-ZÆØÅ][^,:]{2,80}),\s*"
    r"(?P<date>\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{1,2}\.\s*[a-zæøå]{3,9}\.?\s+\d{4}),\s*"
    r"(?:pkt|punkt|sag)\.?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?\s*:?\s*$"
)
_NOT_DECISION = re.compile(rf"(?i)^{alternation(NOT_DECISION)}")
_WORD_PARENS = re.compile(rf"(?i)^{_WORD}\s*\(\s*(?P<inner>[^()]+?)\s*\)\s*:?$")
_MEETING_WORDS = re.compile(r"(?i)^(?:på\s+|i\s+)?(?:det\s+)?(?:mødet|møde)\b\s*(?:i\s+)?")
# What may follow the date of an entry: the item's number at that meeting ("Punkt 2").
_AFTER_DATE = re.compile(
    r"(?i)^[\s,.\-–]*(?:kl\.?\s*\d{1,2}(?:[.:]\d{2})?)?[\s,.\-–]*"
    r"(?:(?:punkt|pkt\.?|sag)\s*(?:nr\.?\s*)?\d{1,4}[a-z]?)?[\s.:]*$"
)
_BODY_LIKE = re.compile(rf"(?i)(?:{alternation(BODY_ENDINGS)}|udvalg\w*|kommunalbestyrelse\w*)\b")


def entry_head(text: str, *, marked: bool = False) -> tuple[str, str] | None:
    """(body, date) of a decision heading, "" where it names none; None when `text` is no
    decision heading. `marked`: the source marks the line as a heading (style, bold, colon), so
    a bare "Beslutning Udvalget for ..." without a date is read too."""
    text = " ".join(text.split()).strip()
    if not text or len(text) > 160:
        return None
    entry = _BODY_DATE_ITEM.match(text)
    if entry:
        return entry.group("body").strip(), entry.group("date")
    inside = _WORD_PARENS.match(text)
    if inside:
        # "Beslutning (Økonomiudvalget, 4. marts 2024)": the body and the date in brackets;
        # "Beslutning (ØU)", "Beslutning (Økonomiudvalget)": the body alone
        return body_date_head(inside.group("inner")) or _body_in_brackets(inside.group("inner"))
    if _NOT_DECISION.match(text):
        return None
    match = _HEAD.match(text)
    if match is None:
        return None
    body = (match.group("body") or "").strip(" ,-–")
    when = (match.group("date") or "").strip()
    owner = (match.group("owner") or "").strip()
    if owner and _NOT_DECISION.match(owner + "s " + match.group("word")):
        return None
    if when:
        found = find_date(when)
        if found is None or not _AFTER_DATE.match(when[found.end :]):
            return None  # "den ..." that is no date: a sentence, not a heading
        when = when[: found.end].strip()
    body = _MEETING_WORDS.sub("", body).strip(" ,-–")
    if body and not when:
        # "Beslutning Økonomiudvalget 12-03-2024": the date right after the body, no "den"
        dated = re.search(r"\s(\d.*)$", body)
        found = find_date(dated.group(1)) if dated else None
        if dated and found is not None and found.start == 0:
            if not _AFTER_DATE.match(dated.group(1)[found.end :]):
                return None
            body, when = body[: dated.start()].strip(" ,"), dated.group(1)[: found.end].strip()
    if names_body(body):
        # "Beslutning, Økonomiudvalget", "Beslutning i ØU", "Beslutning - Byrådet": the word
        # and a body's name and nothing more, no sentence
        pass
    elif body and not match.group("prep") and not when and not marked:
        return None  # "Beslutning blev truffet ...": a sentence
    elif body and not when and not marked and not _BODY_LIKE.search(body):
        return None  # "Beslutning i sagen blev ...": a sentence
    elif body and not match.group("prep") and not _BODY_LIKE.search(body):
        return None
    if owner:
        if not _BODY_LIKE.search(owner) and not marked and not when:
            return None
        body = body or owner
    return body, when


# A body's short name as decision headings write it: "ØU", "TMU", "KB", "BR".
_ABBREVIATION = re.compile(r"^[A-ZÆØÅ]{2,6}$")
_MARKER_WORDS = frozenset(w.upper() for w in (*CLOSED_MARKERS, *OPEN_MARKERS))
_BRACKETED = re.compile(r"^(?P<body>[^,]+?)(?:\s*,\s*(?P<date>\d.*))?$")


def names_body(text: str) -> bool:
    """ "Økonomiudvalget", "Udvalget for Kultur og Fritid", "ØU": a body's name and nothing
    more (a closed or open marker in capitals, "LUKKET", is none)."""
    text = " ".join(text.split())
    if _ABBREVIATION.match(text):
        return text not in _MARKER_WORDS
    return bool(text) and _body_name(text)


def _body_in_brackets(inner: str) -> tuple[str, str] | None:
    """ "ØU", "Økonomiudvalget", "ØU, 12.03.2024" in the brackets after the decision word."""
    match = _BRACKETED.match(" ".join(inner.split()))
    if match is None or not names_body(match.group("body")):
        return None
    when = match.group("date") or ""
    if when:
        found = find_date(when, short_year=True)
        if found is None or found.start != 0 or not _AFTER_DATE.match(when[found.end :]):
            return None
        when = when[: found.end].strip()
    return match.group("body").strip(), when


# EG/KMD and others head a decision with the body and the date alone, no word "Beslutning":
# "Byrådet den 12-03-2024", "Økonomiudvalget den 4. marts 2024 Punkt 7", "Udvalget for Teknik
# og Miljø, 12.03.2024". The line must be that and nothing more: "Byrådet den 12. marts 2024
# besluttede at …" is a sentence.
_BODY_THEN_DATE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][\w\-&,. ]{{1,80}}?)(?P<joint>\s+(?:{alternation(WEEKDAYS)}\s+)?"
    r"(?:den|d\.)\s+|\s*,\s*|\s+(?=\d))(?P<rest>\d.*)$"
)
# After a date with no "den" or comma before it, only the item's number makes the line a
# heading ("Økonomiudvalget 12. marts 2024, pkt. 7"): "Økonomiudvalget 12-03-2024" alone is
# how a running header names the meeting.
_ITEM_NUMBER = re.compile(r"(?i)\b(?:punkt|pkt)")
# What `_BODY_THEN_DATE` needs between the body and the date ("den 12", "d. 4", ", 12"), looked
# for in the line as it stands: most paragraphs have none and are told without squeezing them.
_DATE_JOINT = re.compile(r"(?:den|d\.)\s+\d|,\s*\d")
# Or a whole date right after the body ("Byrådet 12. marts 2024"), looked for only in short
# lines, where a heading can be.
_DATE_AFTER_SPACE = re.compile(
    r"\s\d{1,2}(?:\.\s*[a-zæøå]{3,9}\.?\s+\d{4}|[.\-/]\d{1,2}[.\-/]\d{2,4})"
)
_CONNECTORS = frozenset({"og", "&", "-"})
_BODY_END = re.compile(rf"(?i)(?:{alternation(BODY_ENDINGS)}|udvalg\w*|kommunalbestyrelse\w*)$")


def _body_name(name: str) -> bool:
    """ "Byrådet", "Teknik- og Miljøudvalget", "Udvalget for Kultur og Fritid": a body's name,
    not the start of a sentence ("Sagen blev behandlet i Byrådet")."""
    words = name.split()
    if not words or len(words) > 9 or re.search(r"[\d,.]", name):
        return False
    if words[0].casefold() in ("udvalget", "udvalg") and len(words) > 2 and words[1] == "for":
        return all(w.replace("-", "").isalpha() or w == "&" for w in words[2:])
    return _BODY_END.search(words[-1]) is not None and all(
        w[:1].isupper() or w in _CONNECTORS or w.endswith("-") for w in words
    )


# "Kommunalbestyrelsens møde 28. november 2024 Punkt 1:": the body's meeting, the date and the
# item, as one system heads the decision; the body is the meeting's owner.
_BODYS_MEETING = re.compile(r"^(?P<owner>.+?)(?:'s|’s|s)\s+(?:ordinære\s+)?møde$")


def body_date_head(text: str) -> tuple[str, str] | None:
    """(body, date) of a line that is a body's name and a date and nothing else (a decision
    heading without the word "Beslutning"); None for anything else. Whether the line stands
    where a decision heading stands is for the item to say."""
    if (
        len(text) > 140
        and text.isprintable()
        and len(text) - text.count(" ") - text.count(":") > 140
    ):
        # Too long for the heading even with its spaces squeezed (a printable text has no
        # other space): most paragraphs are told without squeezing them.
        return None
    if _DATE_JOINT.search(text) is None and (len(text) > 160 or not _DATE_AFTER_SPACE.search(text)):
        return None
    text = " ".join(text.split()).rstrip(":").strip()
    match = _BODY_THEN_DATE.match(text) if len(text) <= 140 else None
    if match is None:
        return None
    body = match.group("body").strip()
    meeting = _BODYS_MEETING.match(body)
    if meeting is not None and not _ITEM_NUMBER.search(match.group("rest")):
        return None  # "Byrådets møde den 12. marts 2024" without the item names the meeting
    body = meeting.group("owner") if meeting is not None else body
    if not _body_name(body):
        return None
    rest = match.group("rest")
    found = find_date(rest)
    if found is None or found.start != 0 or not _AFTER_DATE.match(rest[found.end :]):
        return None
    if not match.group("joint").strip() and not _ITEM_NUMBER.search(rest[found.end :]):
        return None
    return body, rest[: found.end].strip()


# "Referat", "Referat:", "Referat: Godkendt.": the decision heading of systems that head the
# decision with the document's word; where an item's decision stands (`items`), never in the
# header, where "Referat" names the document.
_REFERAT_HEAD = re.compile(
    rf"(?i)^\s*{alternation(DECISION_DOCUMENT_WORDS)}\s*(?::\s*(?P<rest>.*?))?\s*$"
)


def referat_head(text: str) -> str | None:
    """The text after "Referat:" ("" for a bare "Referat"), or None for any other line."""
    match = _REFERAT_HEAD.match(text)
    return None if match is None else (match.group("rest") or "")


_POSTPONED = re.compile("|".join(POSTPONED), re.IGNORECASE)
_PHRASE = re.compile(rf"(?i)^{alternation(DECISION_PHRASES)}(?![a-zæøå])")
_NOT_RELEASED = re.compile("|".join(NOT_RELEASED), re.IGNORECASE)


def is_postponed(decision: str) -> bool:
    """Whether a decision postpones the item ("Udsat.", "Punktet blev udsat", "Udvalget
    besluttede at udsætte sagens behandling") rather than deciding it."""
    return _POSTPONED.search(decision) is not None


def is_decision_phrase(text: str) -> bool:
    """Text a beslutningsprotokol prints as the decision without a heading ("Godkendt.")."""
    return _PHRASE.match(text.strip()) is not None


def is_released(text: str) -> bool:
    """False for "Beslutning ikke frigivet": a placeholder, not a decision."""
    return _NOT_RELEASED.match(text) is None


def current_entry(entries: list[DecisionEntry], meeting_day: date) -> DecisionEntry | None:
    """The entry made at this meeting: dated the meeting day, else the last entry that is not
    dated before it. None when every entry is from an earlier meeting (an agenda repeats the
    decisions of a resumed case)."""
    for entry in reversed(entries):
        found = find_date(entry.date, short_year=True) if entry.date else None
        if found is not None and found.day.date() == meeting_day:
            return entry
    for entry in reversed(entries):
        found = find_date(entry.date, short_year=True) if entry.date else None
        if found is None or found.day.date() >= meeting_day:
            return entry
    return None


_HISTORY_ENTRY = re.compile(r"^udvalg\s*:\s*(?P<body>.+)$", re.I)
_HISTORY_DATE = re.compile(r"^dato\s*:\s*(?P<date>.+)$", re.I)
_HISTORY_NUMBER = re.compile(r"^punkt(?:nummer|nr\.?)?\s*:\s*(?P<n>.+)$", re.I)
# Greve and others: "11-12-2023 Byråd 2022-2025" (underlined) above each earlier decision.
_HISTORY_DATED = re.compile(r"^(?P<date>\d{1,2}-\d{1,2}-\d{4})\s+(?P<body>\S.{1,80})$")


def parse_case_history(lines: list[str]) -> list[DecisionEntry]:
    """Earlier decisions listed as "Udvalg: X / Dato: 02-09-2025 / Punktnummer: 3 / text..."
    (FirstAgenda "Sagsforløb") or as "11-12-2023 Byråd / text..." ("Sagens forløb"). Returns
    nothing unless the text has one of those shapes."""
    entries: list[DecisionEntry] = []
    dated_form: bool | None = None
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        if m := _HISTORY_ENTRY.match(line):
            entries.append(built(DecisionEntry, body=m.group("body").strip()))
            dated_form = False
            continue
        dated = _HISTORY_DATED.match(line)
        if dated and dated_form is not False:
            entries.append(
                built(DecisionEntry, body=dated.group("body").strip(), date=dated["date"])
            )
            dated_form = True
            continue
        if not entries:
            return []
        if (m := _HISTORY_DATE.match(line)) and not entries[-1].date:
            entries[-1].date = m.group("date").strip()
        elif _HISTORY_NUMBER.match(line) and not entries[-1].text:
            continue  # the item's number at that meeting
        else:
            entries[-1].text = (entries[-1].text + "\n" + line).strip()
    return entries
