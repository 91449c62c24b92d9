"""Header facts in text-layer referats: dates with their position in the line, clock times and
"Afbud:"-style lists of people.

`textparse` needs to know where in a header line the date sits (the body is written before it,
the place after it), which the shared date helpers in `common` do not report. Votes, dissents
and per-item attendance are read with the shared helpers in `common`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from meetingtui.importers.common import MONTHS

WEEKDAYS = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "3. januar 2017", "27. aug. 2025"
WORD_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
# "27-08-2025", "20.06.2013", "20/06/2013" (day first, as Danish documents write them)
NUM_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "kl. 16:30", "Kl. 16.30", "kl 9"; a second time after a dash is the end of the meeting
TIME = re.compile(
    r"\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*[-–]\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?",
    re.IGNORECASE,
)
BARE_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\b(?:\s*[-–]\s*(\d{1,2})[:.](\d{2})\b)?")


@dataclass(frozen=True)
class DateMatch:
    day: datetime
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The first calendar date written in `text`, in any of the usual Danish notations."""
    found: list[DateMatch] = []
    for m in WORD_DATE.finditer(text):
        value = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if value:
            found.append(DateMatch(value, m.start(), m.end()))
            break
    for m in NUM_DATE.finditer(text):
        value = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if value:
            found.append(DateMatch(value, m.start(), m.end()))
            break
    for m in ISO_DATE.finditer(text):
        value = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value:
            found.append(DateMatch(value, m.start(), m.end()))
            break
    return min(found, key=lambda d: d.start) if found else None


def find_times(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int, int]:
    """(start, end, span start, span end) of a "kl. 16:30 - 18:00" clock time in `text`."""
    m = TIME.search(text) or BARE_TIME.search(text)
    if not m:
        return None, None, -1, -1
    groups = m.groups()
    if len(groups) == 4 and m.re is TIME:
        start = _safe_time(groups[0], groups[1])
        end = _safe_time(groups[2], groups[3]) if groups[2] else None
    else:
        start = _safe_time(groups[0], groups[1])
        end = _safe_time(groups[2], groups[3]) if groups[2] else None
    if start is None:
        return None, None, -1, -1
    return start, end, m.start(), m.end()


def _safe_date(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _safe_time(hour: str | None, minute: str | None) -> tuple[int, int] | None:
    h, mi = int(hour or 0), int(minute or 0)
    return (h, mi) if 0 <= h < 24 and 0 <= mi < 60 else None


# --- people -------------------------------------------------------------------------------

# "Lars Holten (LEUF)", "Ole Blickfeldt (O)"; a name is a few capitalised words
NAME_WITH_AFFILIATION = re.compile(
    r"([A-ZÆØÅÉÜ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅÉÜ][\w'’.\-]*|af|von|van|de|la)){0,5})\s*\(([^()]{1,40})\)"
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\s+og\s+|\s+&\s+|\n)\s*")


# "Eva Lund (V) - Mona Kjær (V) mødte som stedfortræder": the substitute is not in the list.
_SUBSTITUTE_CLAUSE = re.compile(
    r"(?i)\s*(?:[-–,;]|\bog\b)\s*[^-–,;]*?\b(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    r"(?:som\s+)?(?:stedfortræder|suppleant|i\s+stedet)\b[^\n]*"
)


def split_people(text: str) -> list[tuple[str, str]]:
    """Names with their party/organisation from an "Afbud: ..." style list."""
    text = _SUBSTITUTE_CLAUSE.sub("", text).strip().rstrip(".")
    text = re.sub(r",\s*(?=\([^()]{1,40}\))", " ", text)  # "Erling Larsen, (A)"
    if not text or text in {"-", "–", "Ingen", "ingen", "Intet", "intet"}:
        return []
    people = [
        (m.group(1).strip(), m.group(2).strip()) for m in NAME_WITH_AFFILIATION.finditer(text)
    ]
    if people:
        return people
    out = []
    for part in _LIST_SPLIT.split(text):
        part = part.strip(" .")
        if part and part[0].isupper() and len(part.split()) <= 6:
            out.append((part, ""))
    return out
