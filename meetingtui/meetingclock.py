"""The meeting's time: stamps in the record, times typed the Danish way, and the own clock of a
meeting held on another day than its date.

A meeting held on its date runs on the wall clock. The demo (3 January 2017), a rehearsal or a
meeting entered afterwards must not get today's clock in its referat ("Mødet sluttede kl.
19.58"): it opens at its planned time and moves on with the wall clock from there. The anchor
is the last opening (or reopening): its time in the record and the wall time it happened at.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta
from typing import Any

from meetingtui.errors import CommandRefused

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


class RecordClock:
    """The time stamped on each event of one meeting.

    A meeting opened on its own date runs on the wall clock throughout (past midnight too). A
    meeting opened on another day (the demo of 3 January 2017, a meeting entered afterwards)
    runs on its own clock: it opens at its planned start and moves on with the wall clock while
    the meeting is worked on, from its last stamp; the time the program was closed does not
    count. A reopening is stamped with the real time it happens (the referat says when), and
    the meeting's own clock resumes where the meeting ended.
    """

    def __init__(self, wall: Callable[[], datetime], planned_start: datetime) -> None:
        self.wall = wall
        self.planned_start = planned_start
        self.own = False  # on the meeting's own clock rather than the wall clock
        self.opened = False
        self.anchor: tuple[datetime, datetime] | None = None  # (time in the record, wall time)

    def on_its_date(self, wall: datetime) -> bool:
        return wall.date() == self.planned_start.date()

    def stamp(self, type_: str, wall: datetime | None = None) -> datetime:
        """The time to record for an event of type `type_` happening now."""
        wall = self.wall() if wall is None else wall
        if type_ == "meeting_reopened":
            return wall
        if type_ == "meeting_opened":
            return opening_time(wall, self.planned_start)
        if not self.opened:
            return opening_time(wall, self.planned_start)
        if not self.own or self.anchor is None:
            return wall
        return meeting_time(wall, self.planned_start, self.anchor)

    def now(self) -> datetime:
        """The meeting's time now, for the screens' clocks."""
        return self.stamp("")

    def follow(self, type_: str, payload: dict[str, Any], at: datetime, wall: datetime) -> None:
        """Take in an event just recorded at `at` (wall time `wall`)."""
        if type_ == "meeting_opened":
            self.opened, self.own = True, bool(payload.get("own_clock"))
            self.anchor = (at, wall)
        elif type_ == "meeting_reopened":
            self.opened, self.own = True, bool(payload.get("own_clock"))
            resumes = payload.get("resumes_at")
            self.anchor = (datetime.fromisoformat(resumes) if resumes else at, wall)
        elif self.own and self.anchor is not None:
            # A corrected time (the meeting's end moved to 18.40 after it closed at 17.40) is
            # a time in the record too: the own clock never reads earlier than it.
            corrected = [
                datetime.fromisoformat(change["new"])
                for change in payload.get("changes", ())
                if type_ == "times_corrected" and isinstance(change, dict) and "new" in change
            ]
            latest = max([at, *corrected])
            if latest > self.anchor[0]:
                self.anchor = (latest, wall)

    def resume(self, history: Iterable[tuple[str, dict[str, Any], datetime]]) -> None:
        """Start from a recorded history (type, payload, at): the own clock goes on from the
        last stamp, as of now."""
        wall = self.wall()
        self.own, self.opened, self.anchor = False, False, None
        for type_, payload, at in history:
            self.follow(type_, payload, at, wall)

    def opening_payload(self, wall: datetime) -> dict[str, Any]:
        """What the opening (or reopening) event says about the clock it starts."""
        return {"own_clock": True} if not self.on_its_date(wall) else {}
