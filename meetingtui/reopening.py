"""Whether a referat printed at some point of a meeting's log was superseded by a reopening.

A referat carries the hash of the last event it shows (`verify --hash` finds it). Reopening a
closed meeting, or approved minutes, is logged with its reason; every referat printed before a
reopening that still counts (not undone) is superseded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from meetingtui.i18n import t
from meetingtui.reducer import UNDO_EVENT
from meetingtui.storage import events

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


def meeting_name(conn: sqlite3.Connection, meeting_id: int) -> str:
    """The meeting as people name it: its body and its date, never the database's id."""
    row = conn.execute(
        "SELECT body, starts_at FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    if row is None:
        return str(meeting_id)
    return t("meeting.name", body=row[0], date=datetime.fromisoformat(row[1]).strftime("%d.%m.%Y"))
