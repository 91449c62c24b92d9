"""Full-text search over the archive and case history.

`item_search` holds one row per agenda item (body, date, number, title, case number, the item's
text and its decisions), refreshed per meeting by `index_meeting` inside the transaction that
writes the meeting. `item_search_fts` is an FTS5 table with `content=item_search`, created by
sqlite-utils `enable_fts` with triggers, so Datasette finds and uses it as is. The tokenizer is
"unicode61 remove_diacritics 0": case folding for æ/ø/å, but "å" never matches "a".
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database, Migrations

from meetingtui.errors import InputError
from meetingtui.models import DecisionEntry

migrations = Migrations("meetingtui-search")
TOKENIZE = "unicode61 remove_diacritics 0"
# bm25 weights in column order: title, case_number, text, decision.
_WEIGHTS = "10.0, 5.0, 1.0, 3.0"


@migrations()
def m001_item_search(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE item_search (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL,
            item_id INTEGER NOT NULL,
            body TEXT NOT NULL,
            date TEXT NOT NULL,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            case_number TEXT NOT NULL,
            closed INTEGER NOT NULL,
            document_kind TEXT NOT NULL,
            text TEXT NOT NULL,
            decision TEXT NOT NULL,
            UNIQUE (meeting_id, item_id)
        )
        """
    )
    db.execute("CREATE INDEX item_search_date ON item_search(date)")
    db["item_search"].enable_fts(  # type: ignore[union-attr]
        ["title", "case_number", "text", "decision"], tokenize=TOKENIZE, create_triggers=True
    )


def ensure_search(conn: sqlite3.Connection) -> None:
    """Create or upgrade the search tables; index meetings stored before search existed."""
    db = Database(conn, execute_plugins=False)
    if migrations.pending(db):
        migrations.apply(db)
    indexed = conn.execute("SELECT 1 FROM item_search LIMIT 1").fetchone()
    stored = conn.execute("SELECT 1 FROM items LIMIT 1").fetchone()
    if stored and not indexed:
        from meetingtui.storage.db import transaction

        with transaction(conn):
            for (meeting_id,) in conn.execute("SELECT id FROM meetings").fetchall():
                index_meeting(conn, meeting_id)


def _joined(rows: list[tuple[str, str]]) -> str:
    return "\n".join(part for heading, text in rows for part in (heading, text) if part)


def _json_lines(raw: str) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except json.JSONDecodeError:
        return [raw]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def index_meeting(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Refresh the search rows of one meeting from the state tables.

    Call inside the transaction that wrote the meeting, so the index never disagrees with it.
    """
    conn.execute("DELETE FROM item_search WHERE meeting_id = ?", (meeting_id,))
    meeting = conn.execute(
        "SELECT body, starts_at, document_kind FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    if meeting is None:
        return
    body, starts_at, document_kind = meeting
    sections: dict[int, list[tuple[str, str]]] = {}
    for item_id, heading, text in conn.execute(
        "SELECT item_id, heading, text FROM sections WHERE meeting_id = ? ORDER BY item_id, position",
        (meeting_id,),
    ):
        sections.setdefault(item_id, []).append((heading, text))
    history: dict[int, list[tuple[str, str]]] = {}
    for item_id, entry_body, entry_date, text in conn.execute(
        "SELECT item_id, body, date, text FROM decision_history WHERE meeting_id = ? "
        "ORDER BY item_id, position",
        (meeting_id,),
    ):
        history.setdefault(item_id, []).append((f"{entry_body} {entry_date}".strip(), text))
    rows = []
    for (
        item_id,
        number,
        title,
        case_number,
        closed,
        recommendation,
        decision,
        unplaced,
        notes,
    ) in conn.execute(
        "SELECT id, number, title, case_number, closed, recommendation, decision, unplaced, "
        "attendance_notes FROM items WHERE meeting_id = ? ORDER BY position",
        (meeting_id,),
    ):
        text = "\n".join(
            part
            for part in (
                _joined(sections.get(item_id, [])),
                recommendation,
                "\n".join(_json_lines(notes)),
                "\n".join(_json_lines(unplaced)),
            )
            if part
        )
        decisions = "\n".join(
            part for part in (_joined(history.get(item_id, [])), decision) if part
        )
        rows.append(
            (meeting_id, item_id, body, starts_at[:10], number, title, case_number,
             int(closed), document_kind, text, decisions)
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO item_search (meeting_id, item_id, body, date, number, title, case_number, "
        "closed, document_kind, text, decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


# --------------------------------------------------------------------------- search

_TOKEN = re.compile(r'"[^"]*"|\S+')


def fts_query(query: str) -> str:
    """A user's words as a safe FTS5 query: every word quoted (so "16/16318", "A+V" or "kl."
    cannot break the syntax), "phrases" kept, a trailing * kept for prefixes, and the operators
    OR / NOT / AND passed through."""
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token in ("OR", "NOT", "AND") and parts:
            parts.append(token)
            continue
        prefix = token.endswith("*") and len(token) > 1
        word = token.strip('"').rstrip("*") if not token.startswith('"') else token[1:-1]
        word = word.replace('"', '""').strip()
        if word:
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    while parts and parts[-1] in ("OR", "NOT", "AND"):
        parts.pop()
    return " ".join(parts)


@dataclass(frozen=True)
class SearchHit:
    meeting_id: int
    item_id: int
    body: str
    date: str  # YYYY-MM-DD
    number: str
    title: str
    case_number: str
    closed: bool
    document_kind: str
    snippet: str
    rank: float


def _casefold(value: object) -> str:
    return str(value or "").casefold()


def _iso(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    from meetingtui.importers.common import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise InputError("search.bad_date", value=value)
    return parsed.isoformat()


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    body: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    limit: int = 50,
    marks: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Items matching `query`, best first, with a snippet around the match.

    `body` matches part of the body name, ignoring case ("byråd" finds "Byråd 2022-2025");
    dates are inclusive and may be `date` objects or text ("2023-05-15", "15-05-2023").
    """
    expression = fts_query(query)
    if not expression:
        return []
    conn.create_function("mt_casefold", 1, _casefold, deterministic=True)
    where = ["item_search_fts MATCH ?"]
    params: list[object] = [expression]
    if body:
        where.append("instr(mt_casefold(s.body), ?) > 0")
        params.append(body.casefold())
    if (start := _iso(date_from)) is not None:
        where.append("s.date >= ?")
        params.append(start)
    if (end := _iso(date_to)) is not None:
        where.append("s.date <= ?")
        params.append(end)
    sql = (
        "SELECT s.meeting_id, s.item_id, s.body, s.date, s.number, s.title, s.case_number, "
        "s.closed, s.document_kind, "
        "snippet(item_search_fts, -1, ?, ?, '…', 16), "
        f"bm25(item_search_fts, {_WEIGHTS}) AS score "
        "FROM item_search_fts JOIN item_search s ON s.id = item_search_fts.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY score LIMIT ?"
    )
    try:
        rows = conn.execute(sql, [marks[0], marks[1], *params, max(1, limit)]).fetchall()
    except sqlite3.OperationalError as error:
        raise InputError("search.bad_query", reason=str(error)) from None
    return [
        SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10])
        for r in rows
    ]


# --------------------------------------------------------------------------- case history


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
