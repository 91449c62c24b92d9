"""Case history: one case number (sagsnummer) across meetings, in date order, with decisions."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from meetingtui.models import DecisionEntry


@dataclass(frozen=True)
class CaseEntry:
    meeting_id: int
    item_id: int
    body: str
    starts_at: str  # ISO datetime of the meeting
    number: str
    title: str
    case_number: str
    closed: bool
    document_kind: str
    decision: str
    decision_history: list[DecisionEntry] = field(default_factory=list)


def case_history(conn: sqlite3.Connection, case_number: str) -> list[CaseEntry]:
    """Every item with this case number, across meetings, in date order, with its decisions."""
    case_number = case_number.strip()
    if not case_number:
        return []
    sql = (
        "SELECT i.meeting_id, i.id, m.body, m.starts_at, i.number, i.title, i.case_number, "
        "i.closed, m.document_kind, i.decision FROM items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE i.case_number {} ORDER BY m.starts_at, m.id, i.position"
    )
    rows = conn.execute(sql.format("= ?"), (case_number,)).fetchall()
    if not rows:
        # Case numbers are sometimes written in other case ("20-072985k").
        rows = conn.execute(sql.format("= ? COLLATE NOCASE"), (case_number,)).fetchall()
    entries = []
    for row in rows:
        history = [
            DecisionEntry(body=b, date=d, text=t)
            for b, d, t in conn.execute(
                "SELECT body, date, text FROM decision_history WHERE meeting_id = ? AND item_id = ? "
                "ORDER BY position",
                (row[0], row[1]),
            )
        ]
        entries.append(
            CaseEntry(
                meeting_id=row[0],
                item_id=row[1],
                body=row[2],
                starts_at=row[3],
                number=row[4],
                title=row[5],
                case_number=row[6],
                closed=bool(row[7]),
                document_kind=row[8],
                decision=row[9],
                decision_history=history,
            )
        )
    return entries
