"""The meeting's time: stamps in the record, times typed the Danish way, and the own clock of a
meeting held on another day than its date.

A meeting held on its date runs on the wall clock. The demo (3 January 2017), a rehearsal or a
meeting entered afterwards must not get today's clock in its referat ("Mødet sluttede kl.
19.58"): it opens at its planned time and moves on with the wall clock from there. The anchor
is the last opening (or reopening): its time in the record and the wall time it happened at.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from meetingtui.errors import CommandRefused
from meetingtui.i18n import t

# "16.30", "16:30", "9.05", "1630", "16" — hours and minutes, the way a secretary types them.
_TYPED = re.compile(r"\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:,]?(\d{2}))?\s*", re.I)


def parse_clock(text: str) -> time:
    """A time of day typed as "16.30" (or "16:30", "1630", "kl. 9.05"); refused otherwise."""
    match = _TYPED.fullmatch(text)
    if match is None:
        raise CommandRefused("refuse.time_format", text=text.strip())
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise CommandRefused("refuse.time_format", text=text.strip())
    return time(hour, minute)


def clock_text(moment: datetime | time) -> str:
    """ "16.30" in Danish, "16:30" in English: how the screens show a time."""
    return t("tui.hhmm", h=moment.hour, m=moment.minute)


def on_day_of(moment: datetime, value: time) -> datetime:
    """`value` on the day (and in the time zone) of `moment`."""
    return moment.replace(hour=value.hour, minute=value.minute, second=0, microsecond=0)


def meeting_time(
    wall: datetime, planned_start: datetime, anchor: tuple[datetime, datetime] | None
) -> datetime:
    """The time to stamp in the record now.

    `anchor` is (time in the record, wall time) of the last opening or reopening. Before the
    meeting is opened, a meeting held on its date uses the wall clock and any other its planned
    start.
    """
    if anchor is None:
        return wall if wall.date() == planned_start.date() else planned_start
    recorded, at_wall = anchor
    return (recorded + (wall - at_wall)).replace(microsecond=0)


def opening_time(wall: datetime, planned_start: datetime) -> datetime:
    """When the meeting opens, as the record says it: now, or the planned start on another day."""
    return wall if wall.date() == planned_start.date() else planned_start


def elapsed(start: datetime, end: datetime) -> timedelta:
    return max(end - start, timedelta(0))
