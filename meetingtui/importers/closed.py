"""Closed and open items: the markers in a title, right under it, and the parts of a document.

"Lukket: Salg af grund", "Salg af grund (FOR LUKKEDE DØRE)", "Lukket punkt 12 - Personalesag",
"Fortrolig: ...", "(Ikke offentligt)"; under the heading "Punktet er lukket", "Sagen behandles
for lukkede døre"; a part "Lukkede punkter" / "Lukket dagsorden" before the items it holds.
When the evidence is ambiguous the item is closed: a false "closed" costs a line in the
public referat, a false "open" publishes a secret.
"""

from __future__ import annotations

import re

from meetingtui.importers.vocabulary import (
    ACCESS_LABELS,
    CLOSED_ITEMS_NAMED,
    CLOSED_MARKERS,
    CLOSED_PART,
    OPEN_MARKERS,
    OPEN_PART,
    alternation,
)

_MARK = alternation(CLOSED_MARKERS)
_OPEN = alternation(OPEN_MARKERS)
_SEP = r"\s*[:.\-–]\s*"
_END = r"(?![a-zæøå])"

# "Lukket: X", "(Lukket) X", "Lukket punkt - X", "Fortrolig: X", "Lukket sag/punkt: X"
_CLOSED_PREFIX = re.compile(
    rf"(?i)^\s*(?:\(\s*{_MARK}{_END}\s*\)\s*[:.\-–]?\s*|{_MARK}{_END}"
    rf"(?:\s*/\s*(?:punkt|sag|dagsordenspunkt){_END})?{_SEP})"
)
# "Lukket punkt X", "Lukket sag X", "Fortroligt X", "Ikke offentlig X": no separator needed
_CLOSED_WORDS = re.compile(
    r"(?i)^\s*(?:lukket\s+(?:punkt|sag|dagsordenspunkt)|"
    r"(?:fortroligt?|ikke[\s-]offentligt?)(?:\s+(?:punkt|sag))?)(?![a-zæøå])\s*(?:[:\-–]\s*)?"
)
# "Lukket Personalesag", "LUKKET Salg af ...": the marker before a capitalised title
_LUKKET_CAPITAL = re.compile(r"^\s*(?:LUKKET|Lukket)\s+(?=[A-ZÆØÅ0-9])")
# "Lukket vej ved skolen": maybe a marker, maybe a word of the title; closed, title kept
_LUKKET_WORD = re.compile(r"(?i)^\s*lukket\s+(?=\S)")
# "(Lukket)", "[Lukket punkt]", "(FOR LUKKEDE DØRE)" anywhere
# "(Åben/lukket)", "(muligvis lukket)", "(Punktet forventes behandlet for lukkede døre)": a
# marker after words that only hedge or say how it is treated; ambiguous, so closed
_HEDGE = (
    r"(?:(?:muligvis|måske|evt\.?|eventuelt|forventeligt?|forventes|punktet|sagen|behandles|"
    r"behandlet|bliver|vil|blive|skal|som|et|en|i|på|åben|åbent|offentlig)\s*[\s/]\s*){0,5}"
)
_CLOSED_PARENS = re.compile(rf"(?i)\s*[\(\[]\s*{_HEDGE}{_MARK}{_END}[^()\[\]]{{0,60}}[\)\]]")
# "X - lukket punkt", "X – Lukket", "X, lukket punkt", "X - FOR LUKKEDE DØRE - matr. 12"
# and its legal reason: "X - lukket jf. § 10"
_CLOSED_SUFFIX = re.compile(
    rf"(?i)\s*[-–,]\s+{_MARK}{_END}\s*(?:[-–.]\s*|$|,?\s*(?:jf\.|jvf\.|i\s+henhold|§).*$)"
)
# "X LUKKET", "X Lukket punkt", "X FORTROLIG": a marker after the title without a separator
_CLOSED_TAIL = re.compile(
    r"\s+(?:Lukket\s+(?:punkt|sag)|LUKKET\s+(?:PUNKT|SAG)|(?i:for\s+lukkede\s+døre)|"
    r"Ikke\s+offentligt?|IKKE\s+OFFENTLIGT?|LUKKET|FORTROLIGT?|Lukket|Fortroligt?)\s*\.?\s*$"
)
# A marker that stands anywhere with a separator after it, or a phrase that only marks.
_CLOSED_ANYWHERE = re.compile(
    rf"(?i)\b{_MARK}{_END}\s*[:\-–]|\b(?:lukket\s+(?:punkt|sag)|for\s+lukkede\s+døre|"
    r"ikke[\s-]offentligt?\s+punkt)\b"
)
# "Orientering om åbne og lukkede sager", "Lukkede punkter - orientering": a title about closed
# items; ambiguous, so closed, the title kept
_CLOSED_ITEMS_NAMED = re.compile(
    r"(?i)(?<![\w-])(?:lukket|lukkede|fortrolige?)(?:\s*(?:og|eller|/)\s*åbne?)?\s+"
    rf"{alternation(CLOSED_ITEMS_NAMED)}(?![\w-])"
)
_CLOSED_WHOLE = re.compile(
    rf"(?i)^\s*\(?\s*{_MARK}{_END}(?:\s+(?:punkt|sag|dagsordenspunkt){_END})?\s*\)?\s*\.?\s*$"
)

_OPEN_PREFIX = re.compile(rf"(?i)^\s*(?:\(\s*{_OPEN}{_END}\s*\)\s*[:.\-–]?\s*|{_OPEN}{_END}{_SEP})")
_OPEN_PARENS = re.compile(rf"(?i)\s*[\(\[]\s*{_OPEN}{_END}\s*[\)\]]")
_OPEN_SUFFIX = re.compile(rf"(?i)\s+[-–]\s+{_OPEN}{_END}\s*$")

# "undtaget fra aktindsigt", "undtaget offentligheden": exempt from access, so closed
_EXEMPT = r"undtaget\s+(?:fra\s+)?(?:aktindsigt|offentlighed(?:en)?)"
# "Punktet er lukket", "Sagen forventes behandlet i lukket møde", "Sagens behandling er
# fortrolig": who, a verb of being or treating, and how.
_SUBJECT = r"(?:punktet|sagen|dette\s+punkt|sagens\s+behandling)"
_VERB = (
    r"(?:er|blev|behandles|behandledes|bliver\s+behandlet|forventes\s+behandlet|"
    r"vil\s+blive\s+behandlet|skal\s+behandles)"
)
_HOW = (
    r"(?:som\s+)?(?:et\s+|en\s+)?(?:(?:i|på)\s+(?:et\s+)?lukket\s+møde|"
    r"i\s+(?:den\s+)?lukkede?\s+del(?:\s+af\s+mødet)?|"
    r"lukket(?:\s+(?:punkt|sag|for\s+(?:pressen\s+og\s+)?offentligheden))?|fortroligt?|"
    rf"for\s+lukkede\s+døre|ikke\s+offentligt?|{_EXEMPT})"
)
# "Behandles for lukkede døre", "Forventes behandlet som lukket punkt": the same without a
# subject.
_TREATED = (
    r"(?:forventes\s+)?(?:behandlet|behandles|behandledes)\s+(?:for\s+lukkede\s+døre|"
    r"som\s+(?:et\s+)?lukket\s+(?:punkt|sag)|(?:i|på)\s+(?:et\s+)?lukket\s+møde)"
)
_ACCESS = alternation(ACCESS_LABELS)
# The reason after a closed statement: "…, jf. styrelseslovens § 10", "… (personsag)", "…, da
# sagen indeholder personoplysninger"
_REASON = r"(?:\s*(?:[,;(–-]\s*|\s(?=jf\.|jvf\.|i\s+henhold|§))[^\n]{0,160}?)?"
# Lines under an item's heading, among its fields, that say it is closed or open: a statement, a marker
# alone ("Ikke offentlig sag", "(Lukket)"), a marker with its reason ("Lukket punkt, jf.
# styrelseslovens § 10", "Lukket punkt - behandles for lukkede døre") or a field ("Status:
# Lukket", "Åben/lukket: Lukket punkt", "Offentlig: Nej").
BODY_CLOSED = re.compile(
    rf"(?i)^(?:(?:{_SUBJECT}\s+{_VERB}\s+{_HOW}|{_TREATED}){_REASON}|"
    rf"\(?\s*{_MARK}{_END}(?:\s+(?:punkt|sag|dagsordenspunkt){_END})?\s*\)?|"
    # "Fortroligt - undtaget fra offentlighed jf. offentlighedslovens § 21": a marker, a dash
    # and what it says, under the heading
    rf"{_MARK}{_END}\s*[-–,:]\s*(?:jf\.|jvf\.|i\s+henhold|§|behandles|behandlet|undtaget|"
    r"personsag|personalesag|fortroligt?|lukket)[^\n]{0,120}?|"
    rf"{_ACCESS}\s*:\s*\(?\s*{_MARK}{_END}[^\n]{{0,60}}?|"
    # "Status: Åben/lukket", "Behandling: Forventes lukket": a marker in the value, ambiguous
    rf"{_ACCESS}\s*:\s*[^\n:]{{0,30}}?\b{_MARK}{_END}[^\n]{{0,60}}?|"
    # "Lukket: Ja", "Fortrolig: Ja", "Offentlig: Nej"
    rf"{_MARK}{_END}\s*:\s*ja|"
    r"(?:offentlig|offentligt|åben|åbent|aktindsigt|offentliggøres)\s*:\s*nej)\s*\.?$"
)
# The same statement as a sentence of the item's text, wherever it stands ("Sagen behandles
# for lukkede døre.", "Punktet er fortroligt."): only the sentence forms, never a bare word.
CLOSED_STATEMENT = re.compile(
    rf"(?i)^(?:(?:{_SUBJECT}\s+{_VERB}\s+{_HOW}|{_TREATED}){_REASON}|"
    r"(?:fortroligt|lukket|ikke\s+offentligt)\s+punkt)\s*\.?$"
)
BODY_OPEN = re.compile(
    rf"(?i)^(?:\(?\s*{_OPEN}{_END}\s*\)?|{_ACCESS}\s*:\s*{_OPEN}{_END}"
    r"(?:\s+(?:punkt|sag|dagsordenspunkt))?|"
    # "Lukket: Nej", "Åben: Ja", "Fortrolig: Nej"
    rf"{_MARK}{_END}\s*:\s*nej|{_OPEN}{_END}\s*:\s*ja)\s*\.?$"
)
# A line of an item's field block ("Sagsbehandler: Bo Hansen", "Forvaltning: Teknik og
# Miljø"): a short label and its value. Closed and open fields count anywhere among them.
FIELD_LINE = re.compile(r"^[A-ZÆØÅa-zæøå][\w.\-/]*(?:\s+[\w.\-/]+){0,4}\s*:\s*\S[^\n]{0,120}$")
# "Referat - lukket del", "Dagsorden (lukket)": the document's kind and the part
_KINDS = r"(?:dagsorden|referat|beslutningsprotokol|mødeprotokol)\s*[-–:,]?\s*\(?\s*"
_CLOSED_PART = re.compile(
    rf"(?i)^(?:(?:{_KINDS})?{alternation(CLOSED_PART)}|{_KINDS}(?:lukket|lukkede))\s*\)?\s*:?$"
)
_OPEN_PART = re.compile(
    rf"(?i)^(?:(?:{_KINDS})?{alternation(OPEN_PART)}|{_KINDS}(?:åben|åbent|åbne))\s*\)?\s*:?$"
)


def _joint(match: re.Match[str]) -> str:
    """What stands where a marker was cut out: nothing at the ends, a dash inside a title."""
    inside = match.start() > 0 and match.end() < len(match.string)
    return " - " if inside and match.group(0).strip(" ()[]").startswith(("-", "–")) else " "


def title_mark(title: str) -> tuple[bool | None, str]:
    """(closed, title without the marker). `closed` is None when the title says nothing, False
    for an open marker ("(Åben)"), True for a closed one, and True when it has both."""
    text = " ".join(title.split())
    if _CLOSED_WHOLE.match(text):
        return True, text.strip(" ()")
    closed = False
    opened = False
    for pattern in (_CLOSED_PREFIX, _CLOSED_WORDS, _CLOSED_PARENS, _CLOSED_SUFFIX, _CLOSED_TAIL):
        text, count = pattern.subn(_joint, text, count=0 if pattern is _CLOSED_PARENS else 1)
        closed |= count > 0
    if not closed and _LUKKET_CAPITAL.match(text):
        text, closed = _LUKKET_CAPITAL.sub("", text, count=1), True
    elif not closed and _LUKKET_WORD.match(text):
        closed = True  # ambiguous: closed, and the title keeps the word
    if not closed and (_CLOSED_ANYWHERE.search(text) or _CLOSED_ITEMS_NAMED.search(text)):
        # a marker inside the title ("... Lukket punkt: ...") or a title about closed items
        # ("Orientering om åbne og lukkede sager"): ambiguous, closed
        closed = True
    for pattern in (_OPEN_PREFIX, _OPEN_PARENS, _OPEN_SUFFIX):
        text, count = pattern.subn(" ", text, count=1)
        opened |= count > 0
    text = " ".join(text.split()).strip(" -–:")
    if closed:
        return True, text
    return (False if opened else None), text


def is_marker(text: str) -> bool:
    """A closed marker and nothing else: "Lukket punkt", "(Lukket)", "Lukket sag"."""
    return _CLOSED_WHOLE.match(" ".join(text.split())) is not None


def closed_marker(title: str) -> tuple[bool, str]:
    """(closed, title without the marker) for "Lukket: X", "X (Lukket)", "(Lukket) X", ..."""
    closed, text = title_mark(title)
    return bool(closed), text


# The fields a case-number line carries after the number ("Dok.nr.: 330-2018-500399  Lukket",
# "Initialer: ps  Lukket sag", "Kultur- og Idrætsudvalget Lukket punkt"): a closed marker among
# them, as a word of its own, closes the item; metadata holds no title for the word to belong to.
_MARK_AMONG_FIELDS = re.compile(rf"(?i)(?<![\w-]){_MARK}{_END}")


def in_case_line(rest: str) -> bool:
    """Whether what follows the case number on its line says the item is closed."""
    return _MARK_AMONG_FIELDS.search(rest) is not None


def part_mark(text: str) -> bool | None:
    """True for a heading over closed items ("Lukkede punkter", "Lukket dagsorden"), False over
    open ones ("Åbne punkter"), None for any other line."""
    text = " ".join(text.split())
    if _CLOSED_PART.match(text):
        return True
    if _OPEN_PART.match(text):
        return False
    return None
