"""Reads for browsing the archive: committees, their years, the meetings of a year, and the
items of one meeting. Plain SQL over the state tables; nothing here writes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class YearCount:
    body: str
    year: str
    meetings: int


@dataclass(frozen=True)
class MeetingEntry:
    meeting_id: int
    starts_at: str  # ISO
    document_kind: str
    title: str
    items: int


@dataclass(frozen=True)
class ItemEntry:
    """An item as the archive lists it; the same attribute names as a search hit."""

    meeting_id: int
    item_id: int
    body: str
    date: str
    number: str
    title: str
    case_number: str
    closed: bool
    snippet: str  # the decision


def years(conn: sqlite3.Connection) -> list[YearCount]:
    """Every committee and year with meetings, committees A-Z, the newest year first."""
    rows = conn.execute(
        "SELECT body, substr(starts_at, 1, 4) AS year, count(*) FROM meetings "
        "GROUP BY body, year ORDER BY body COLLATE NOCASE, body, year DESC"
    )
    return [YearCount(body, year, count) for body, year, count in rows]


def meetings_of(conn: sqlite3.Connection, body: str, year: str) -> list[MeetingEntry]:
    rows = conn.execute(
        "SELECT m.id, m.starts_at, m.document_kind, m.title, "
        "(SELECT count(*) FROM items i WHERE i.meeting_id = m.id) FROM meetings m "
        "WHERE m.body = ? AND substr(m.starts_at, 1, 4) = ? ORDER BY m.starts_at, m.id",
        (body, year),
    )
    return [MeetingEntry(*row) for row in rows]


def bodies(conn: sqlite3.Connection) -> list[str]:
    return [b for (b,) in conn.execute("SELECT DISTINCT body FROM meetings ORDER BY body")]


def items_of(conn: sqlite3.Connection, meeting_id: int) -> list[ItemEntry]:
    rows = conn.execute(
        "SELECT i.meeting_id, i.id, m.body, substr(m.starts_at, 1, 10), i.number, i.title, "
        "i.case_number, i.closed, i.decision FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE i.meeting_id = ? ORDER BY i.position",
        (meeting_id,),
    )
    return [
        ItemEntry(mid, iid, body, date, number, title, case, bool(closed), decision)
        for mid, iid, body, date, number, title, case, closed, decision in rows
    ]
