"""Case numbers (sagsnr.): their labels and the shapes of the numbers themselves.

"Sagsnr.: 16/16318", "Sagsnr. i ESDH: 21-014470", "Sags nr. EMN-2025-009242", "J.nr.
06.00.00-G01-12-23", "Journalnr. 2012-28504". A document number ("Dok.nr.", "Akt-id") stands
where a case number would and is never read as one.
"""

from __future__ import annotations

import re

from meetingtui.importers.source import Block
from meetingtui.importers.vocabulary import (
    CASE_LABELS,
    CASE_LABELS_WITH_NUMBER,
    NOT_CASE_LABELS,
    alternation,
)

# "Sagsnr. i ESDH", "Sagsnummer (ESDH)", "Sagsnr. (Acadre)": the system named after the label
_SYSTEM = (
    r"(?:\s+(?:i|fra)\s+(?:esdh|acadre|sbsys|edoc|workzone|cicero|prepare|fagsystemet)"
    r"(?:[\s-]?systemet)?|\s*\((?:esdh|acadre|sbsys|edoc|workzone|cicero|prepare)\))?"
)
# "Sagsnr./Dok.nr.: 24/1001", "Sags nr. / Dok. nr.", "J.nr./Dok.nr.": one label for both
# numbers; the value is the case number, and a second value after it the document number.
_AND_DOCUMENT = rf"(?:\s*/\s*{alternation(NOT_CASE_LABELS)}(?![a-zæøå])\.?)?"
LABEL = re.compile(
    rf"(?i)^(?P<label>{alternation(CASE_LABELS)})(?![a-zæøå])\.?{_SYSTEM}{_AND_DOCUMENT}"
    r"\s*[.:]?\s*(?P<rest>.*)$"
)
# "Sag 306-2009-600", "ESDH 24/1001": without the colon only before a case number's whole shape
# (a year and a serial), never "Sag 3 udgår" or "Sag 2024".
_FULL_SHAPE = r"(?=(?:[A-ZÆØÅ]{2,5}-)?\d{2,4}[-/]\d{2,7}(?:[-/]\d{1,7})*(?:\s|$))"
_LABEL_WITH_NUMBER = re.compile(
    rf"(?i)^(?P<label>{alternation(CASE_LABELS_WITH_NUMBER)})(?![a-zæøå])\.?"
    rf"(?:\s*:\s*|\s+{_FULL_SHAPE})"
    r"(?P<rest>(?:[A-ZÆØÅ]{2,5}-)?\d[\d./\-]{3,}[A-Z0-9\-]*(?:\s.*)?)$"
)
NOT_LABEL = re.compile(rf"(?i)^{alternation(NOT_CASE_LABELS)}(?![a-zæøå])\.?\s*[.:]?\s*")
# "16/16318", "21-014470", "EMN-2025-009242", "06.00.00-G01-12-23", "2012-28504", "S2024-00012",
# "24.00P00 - 2015/01786"
NUMBER = re.compile(
    r"^(?:[A-ZÆØÅ]{2,5}-)?\d{2,4}[-/]\d{2,7}(?:[-/]\d{1,7})*$|"
    r"^\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}-\d+-\d{2})?$|^[A-ZÆØÅ]{1,5}-?\d{4}-\d{3,7}$|"
    # "24.00P00 - 2015/01786": the journal plan's number and facet, then the case's own
    r"^\d{2}\.\d{2}(?:\.\d{2})?(?:[A-ZÆØÅ]\d{2})?\s+[-–]\s+\d{2,4}[-/]\d{2,7}$"
)
# The start of a value that is a case number even with words after it on the line
# ("299835 Kultur- og Idrætsudvalget Åbent punkt", "24/1001, dok.nr. 24/5555").
TOKEN = re.compile(r"^\s*(?:[A-ZÆØÅ]{2,5}-)?\d[\d./\-]{3,}[A-Z0-9\-]*[,;]?(?:\s|$)")
# The label row of a metadata table, as PDF text flattens it: case number column first.
COLUMN_ROW = re.compile(
    r"(?i)^(?:sagsnr\.?|sags\s*nr\.?|sagsnummer|j\.\s?nr\.?|journalnr\.?)(?:\s+(?:ansvarlig|"
    r"sagsbehandler|dato|mødedato|udvalg|forvaltning|afdeling|enhed|dok(?:ument)?\.?\s*nr\.?|"
    r"status)\s*:?)+$"
)


def after_document_number(text: str) -> tuple[str, str]:
    """("Dok.nr.: 24/5555", "Sagsnr.: 24/1001") of a line that gives a document number first
    and the case number after it (a table row of labels and values, flattened); (text, "")
    when no case label follows the document number."""
    start = NOT_LABEL.match(text)
    if start is None:
        return text, ""
    for found in re.finditer(r"\s+", text[start.end() :]):
        at = start.end() + found.end()
        if LABEL.match(text[at:]):
            return text[: start.end() + found.start()].strip(), text[at:].strip()
    return text, ""


# A journal plan's number, which some systems print under "J.nr." before the case's own number
# ("J.nr.: 06.00.00 Sagsid.: 24/1234", "J.nr.: A09 Sagsid: 24/1234").
_PLAN = re.compile(r"^(?:\d{2}(?:\.\d{2}){1,2}(?:[A-ZÆØÅ]\d{2})?|[A-ZÆØÅ]\d{2,3})$")


def own_case(rest: str) -> tuple[str, str, str]:
    """(case number, journal plan number, what follows) of a labelled value: the first number,
    or the case's own number when a journal plan's number stands before it under a second
    label on the same line."""
    number = value(rest)
    leftover = rest[len(number) :].strip(" ,;")
    again = label(leftover) if _PLAN.match(number) else None
    second = value(again.group("rest")) if again is not None else ""
    if again is None or not second:
        return number, "", leftover
    return second, number, again.group("rest")[len(second) :].strip(" ,;")


def numbers_apart(blocks: list[Block]) -> list[Block]:
    """The line "Dok.nr.: 24/5555  Sagsnr.: 24/1001" as two lines, so the case number after the
    document number is read."""
    out = []
    for block in blocks:
        document, case = after_document_number(block.text.strip())
        out.append(block.with_text(document) if case else block)
        if case:
            out.append(block.with_text(case))
    return out


def is_number(text: str) -> bool:
    return NUMBER.match(text.strip()) is not None


def label(text: str) -> re.Match[str] | None:
    """The case-number label starting `text` and what follows it; None for document numbers."""
    if NOT_LABEL.match(text):
        return None
    return LABEL.match(text) or _LABEL_WITH_NUMBER.match(text)


def value(text: str) -> str:
    """The case number at the start of a labelled value: its first token, when it has digits."""
    token = text.split()[0] if text.split() else ""
    token = token.rstrip(".,;")
    return token if token and re.search(r"\d", token) else ""
