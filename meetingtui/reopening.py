"""Whether a referat printed at some point of a meeting's log was superseded by a reopening.

A referat carries the hash of the last event it shows (`verify --hash` finds it). Reopening a
closed meeting, or approved minutes, is logged with its reason; every referat printed before a
reopening that still counts (not undone) is superseded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from meetingtui.reducer import UNDO_EVENT
from meetingtui.storage import events
from meetingtui.verify import meeting_name

REOPEN_EVENT = "meeting_reopened"


@dataclass(frozen=True)
class Superseded:
    meeting: str  # the meeting by name: "17, stk. 4-udvalget, 3.1.2017"
    at: datetime
    reason: str


def reopened_after(conn: sqlite3.Connection, meeting_id: int, seq: int) -> Superseded | None:
    """The first reopening of the meeting after event `seq`, or None."""
    history = events.meeting_events(conn, meeting_id)
    cancelled = {e.payload.get("seq") for e in history if e.type == UNDO_EVENT}
    for event in history:
        if event.seq > seq and event.type == REOPEN_EVENT and event.seq not in cancelled:
            return Superseded(
                meeting_name(conn, meeting_id),
                datetime.fromisoformat(event.at),
                event.payload.get("reason", ""),
            )
    return None
