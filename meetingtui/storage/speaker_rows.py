"""The speakers' lists in the state tables: one row per speaker, one per item with limits.

Kept beside `records.py`, which calls these for the two tables, so the list's storage stays in
one small place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from meetingtui.models import AgendaItem, Speaker

Row = tuple[Any, ...]

COLUMNS: dict[str, tuple[str, ...]] = {
    "speakers": (
        "meeting_id",
        "item_id",
        "id",
        "position",
        "participant_id",
        "name",
        "affiliation",
        "reply",
        "limit_seconds",
        "started_at",
        "ended_at",
    ),
    "speaking_limits": ("meeting_id", "item_id", "speaker_seconds", "debate_seconds"),
}
TABLES = tuple(COLUMNS)


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def item_rows(meeting_id: int, item: AgendaItem, table: str) -> Iterator[tuple[str, Row]]:
    if table == "speakers":
        for n, s in enumerate(item.speakers):
            yield (
                table,
                (
                    meeting_id,
                    item.id,
                    s.id,
                    n,
                    s.participant_id,
                    s.name,
                    s.affiliation,
                    int(s.reply),
                    s.limit_seconds,
                    _ts(s.started_at),
                    _ts(s.ended_at),
                ),
            )
    elif item.speaker_limit_seconds is not None or item.debate_limit_seconds is not None:
        limits = (item.speaker_limit_seconds, item.debate_limit_seconds)
        yield table, (meeting_id, item.id, *limits)


def attach(conn: sqlite3.Connection, meeting_id: int, items: list[AgendaItem]) -> None:
    """Give each loaded item its speakers' list and limits."""
    by_id = {item.id: item for item in items}
    rows = conn.execute(
        "SELECT item_id, id, participant_id, name, affiliation, reply, limit_seconds, "
        "started_at, ended_at FROM speakers WHERE meeting_id = ? ORDER BY item_id, position",
        (meeting_id,),
    ).fetchall()
    for item_id, sid, pid, name, affiliation, reply, limit, started, ended in rows:
        by_id[item_id].speakers.append(
            Speaker(
                id=sid,
                participant_id=pid,
                name=name,
                affiliation=affiliation,
                reply=bool(reply),
                limit_seconds=limit,
                started_at=started,
                ended_at=ended,
            )
        )
    for item_id, speaker_seconds, debate_seconds in conn.execute(
        "SELECT item_id, speaker_seconds, debate_seconds FROM speaking_limits WHERE meeting_id = ?",
        (meeting_id,),
    ):
        by_id[item_id].speaker_limit_seconds = speaker_seconds
        by_id[item_id].debate_limit_seconds = debate_seconds
