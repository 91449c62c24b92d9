"""Dates and times as Danish referats write them: "tirsdag den 3. januar 2017 kl. 16.30".

Names and patterns come from the export catalog, so an English referat gets English dates; Danish
is the default. Kept apart from the renderers because every format needs the same wording.
"""

from __future__ import annotations

from datetime import date, datetime

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


def clock(moment: datetime) -> str:
    """ "16.30": one form throughout the referat, with a full stop as Danish writes it."""
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
