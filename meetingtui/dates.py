"""Reading dates and clock times the way Danish documents and exports write them.

"tirsdag den 3. januar 2017 kl. 16:30", "27. aug. 2025", "20-06-2013", "20.06.2013", "12/3
2024", "12/3-2024", "2023-05-15T19:00:00+02:00"; with `short_year` also "12.3.24", "12/3-24",
"12. marts 24". Used by the importers and by search filters; writing dates is
`i18n.dates`. Nothing here guesses: text without a valid date gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAY_PATTERN = "(?:" + "|".join(WEEKDAYS) + ")"

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "3. januar 2017", "27. aug. 2025", "3.januar 2017"
_WORD_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
# "12. marts 24", "12. mar. -24": a two-digit year only where a value is known to be a date
_WORD_DATE_SHORT = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s*({_MONTH_RE})\.?\s+['-]?(\d{{4}}|\d{{2}})(?![\d.,:])", re.I
)
# "27-08-2025", "20.06.2013", "20/06/2013": day first, as Danish documents write them. A
# two-digit year only where a value is known to be a date (a field, a labelled line): in running
# text "5.1.24" is as likely a paragraph number.
# "12/3 2024", "12/3 -24": after a day and month with a slash the year may follow a space.
_NUM_DATE = re.compile(
    r"(?<![\d-])(?P<d>\d{1,2})(?:[-./](?P<m1>\d{1,2})[-./]|\s?/\s?(?P<m2>\d{1,2})\s+-?)"
    r"(?P<y>\d{4})(?![\d-])"
)
# A two-digit year only after the same separator twice ("12.3.24", "12-03-24") or a slash and a
# dash or space ("12/3-24", "12/3 24"): "kl. 9.30-11.30" is no 30 November 2030.
_NUM_DATE_SHORT = re.compile(
    r"(?<![\d-])(?P<d>\d{1,2})(?:[-./](?P<m1>\d{1,2})[-./](?=\d{4})|"
    r"(?P<sep>[-./])(?P<m3>\d{1,2})(?P=sep)|\s?/\s?(?P<m2>\d{1,2})(?:\s+-?|-))"
    r"(?P<y>\d{4}|\d{2})(?![\d-]|[.:]\d)"
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# A web page's date in English, as a publishing system may print it whatever the page's
# language: "Onsdag, April 3, 2019 - 18:00", "3 March 2019". The names capitalised, as printed.
ENGLISH_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip
_EN_MONTH_RE = "|".join(ENGLISH_MONTHS)
_ENGLISH_DATE = re.compile(
    rf"\b(?:(?P<m1>{_EN_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"|(?<![\d.])(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{_EN_MONTH_RE}),?\s+)(?P<y>\d{{4}})\b"
)
# "kl. 16:30", "Kl. 16.30", "kl 9"; a second time after a dash is the end of the meeting
_CLOCK = re.compile(
    r"\bkl(?:okken|\.)?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*[-–]\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?",
    re.I,
)
_BARE_CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\b(?:\s*[-–]\s*(\d{1,2})[:.](\d{2})\b)?")
_VALUE_CLOCK = re.compile(
    r"(?:kl\.?\s*|klokken\s+|T|\s)(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d)", re.I
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text and where it stands (the body is written before it, the place
    after it)."""

    day: datetime  # midnight of the day
    start: int
    end: int


def _safe(year: int, month: int, day: int) -> datetime | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def find_date(text: str, *, short_year: bool = False) -> DateMatch | None:
    """The first calendar date written in `text` in any of the usual notations."""
    found: list[DateMatch] = []
    for match in (_WORD_DATE_SHORT if short_year else _WORD_DATE).finditer(text):
        value = _safe(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
        if value:
            found.append(DateMatch(value, match.start(), match.end()))
            break
    for match in (_NUM_DATE_SHORT if short_year else _NUM_DATE).finditer(text):
        month = match["m1"] or match["m2"] or match.groupdict().get("m3")
        value = _safe(int(match["y"]), int(month or 0), int(match["d"]))
        if value:
            found.append(DateMatch(value, match.start(), match.end()))
            break
    for match in _ISO_DATE.finditer(text):
        value = _safe(int(match[1]), int(match[2]), int(match[3]))
        if value:
            found.append(DateMatch(value, match.start(), match.end()))
            break
    for match in _ENGLISH_DATE.finditer(text):
        month = ENGLISH_MONTHS[match["m1"] or match["m2"]]
        value = _safe(int(match["y"]), month, int(match["d1"] or match["d2"]))
        if value:
            found.append(DateMatch(value, match.start(), match.end()))
            break
    return min(found, key=lambda d: d.start) if found else None


def parse_date(text: str) -> date | None:
    """The date of a value ("15-05-2023", "15. maj 2023", "2023-05-15", "15.5.23")."""
    found = find_date(text, short_year=True)
    return found.day.date() if found else None


def typed_date(text: str) -> date | None:
    """A field that holds a date and nothing else: "11.03.2025", "11-3-2025", "2025-03-11",
    "11. marts 2025". Any other text around it, or no valid date, gives None."""
    text = text.strip()
    found = find_date(text, short_year=True)
    if found is None or found.start != 0 or found.end != len(text):
        return None
    return found.day.date()


def parse_datetime(text: str) -> datetime | None:
    """A meeting time from a field value, as documents and exports write it.

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
    found = find_date(text, short_year=True)
    if found is None:
        return None
    clock = _VALUE_CLOCK.search(text, found.end) or _VALUE_CLOCK.search(text)
    at = time(int(clock["h"]), int(clock["mi"])) if clock else time(0, 0)
    return datetime.combine(found.day.date(), at)


Clock = tuple[int, int]


def find_times(text: str) -> tuple[Clock | None, Clock | None, int, int]:
    """(start, end, span start, span end) of a "kl. 16:30 - 18:00" clock time in `text`."""
    match = _CLOCK.search(text) or _BARE_CLOCK.search(text)
    if not match:
        return None, None, -1, -1
    hour, minute, end_hour, end_minute = match.groups()
    start = _safe_time(hour, minute)
    end = _safe_time(end_hour, end_minute) if end_hour else None
    if start is None:
        return None, None, -1, -1
    return start, end, match.start(), match.end()


def _safe_time(hour: str | None, minute: str | None) -> Clock | None:
    h, mi = int(hour or 0), int(minute or 0)
    return (h, mi) if 0 <= h < 24 and 0 <= mi < 60 else None
