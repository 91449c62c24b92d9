"""Dates and times as the user reads them, in one place for the screens, the referat and the
messages. Running text writes a date long, as Danish referats do ("tirsdag den 3. januar 2017
kl. 16.30"); where room is short (lists, tables, the status bar) it is "03.01.2017".

Names and patterns come from the catalog, so English mode gets English dates ("3 January 2017",
"3 Jan 2017"); Danish is the default. Reading typed dates is `meetingtui.dates`.
"""

from __future__ import annotations

from datetime import date, datetime, time

from meetingtui.i18n import t


def _names(key: str) -> list[str]:
    return t(key).split(",")


def long_date(day: date, *, weekday: bool = False) -> str:
    """ "3. januar 2017", or with `weekday` "tirsdag den 3. januar 2017"."""
    params = {
        "day": day.day,
        "month": _names("export.months")[day.month - 1],
        "year": day.year,
        "weekday": _names("export.weekdays")[day.weekday()],
    }
    return t("export.date_weekday" if weekday else "export.date", **params)


def short_date(day: date) -> str:
    """ "11.03.2025" (English "11 Mar 2025"): a date in a list, a table or the status bar."""
    return t(
        "date.short",
        day=day.day,
        month=day.month,
        month_short=_names("date.months_short")[day.month - 1],
        year=day.year,
    )


def typed_form(day: date) -> str:
    """ "11.03.2025" (English "2025-03-11"): a date field filled in, in the form its label asks
    for; `meetingtui.dates.typed_date` reads it back, and the other form too."""
    return t("date.typed", day=day.day, month=day.month, year=day.year)


def written_short(text: str) -> str:
    """A date as a source document wrote it ("20-06-2013", "20. juni 2013"), in the short form
    when it is a date on its own; other text is kept as written."""
    from meetingtui.dates import typed_date

    day = typed_date(text)
    return short_date(day) if day is not None else text.strip()


def stored_short(stamp: str) -> str:
    """The short date ("11.03.2025") of a stored ISO date or timestamp ("2025-03-11T16:30:00")."""
    return short_date(date.fromisoformat(stamp[:10]))


def short_datetime(moment: datetime) -> str:
    """ "11.03.2025 kl. 16.30" (English "11 Mar 2025 16:30"): when a meeting begins."""
    return t("tui.datetime", date=short_date(moment.date()), time=clock(moment))


def clock(moment: datetime | time) -> str:
    """ "16.30" (English "16:30"): every time of day the program writes, on the screens, in the
    referat and on the command line, with a full stop as Danish writes it."""
    return t("export.clock", hour=moment.hour, minute=moment.minute)


def long_datetime(moment: datetime) -> str:
    """ "tirsdag den 3. januar 2017 kl. 16.30"."""
    return t(
        "export.datetime",
        weekday=_names("export.weekdays")[moment.weekday()],
        day=moment.day,
        month=_names("export.months")[moment.month - 1],
        year=moment.year,
        time=clock(moment),
    )
