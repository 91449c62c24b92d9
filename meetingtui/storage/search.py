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
from meetingtui.models import DecisionEntry, Meeting

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


@migrations()
def m002_rank_weights(db: Database) -> None:
    """Rank titles above case numbers above decisions above body text (bm25 column weights);
    `ORDER BY rank` then ranks inside FTS5."""
    db.execute(
        "INSERT INTO item_search_fts(item_search_fts, rank) VALUES ('rank', ?)",
        [f"bm25({_WEIGHTS})"],
    )


@migrations()
def m003_body_index(db: Database) -> None:
    """The body filter lists the distinct bodies; an index makes that instant."""
    db.execute("CREATE INDEX item_search_body ON item_search(body)")


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


def _search_row(
    head: tuple[int, str, str, str],
    item: tuple[int, str, str, str, bool, str, str],
    lines: tuple[list[str], list[str]],
    sections: list[tuple[str, str]],
    history: list[tuple[str, str]],
) -> tuple[object, ...]:
    """One `item_search` row: `head` is (meeting_id, body, starts_at, document_kind), `item` is
    (id, number, title, case_number, closed, recommendation, decision), `lines` the item's
    attendance notes and unplaced text, `history` (heading, text) per earlier decision."""
    meeting_id, body, starts_at, document_kind = head
    item_id, number, title, case_number, closed, recommendation, decision = item
    notes, unplaced = lines
    text = "\n".join(
        part
        for part in (_joined(sections), recommendation, "\n".join(notes), "\n".join(unplaced))
        if part
    )
    decisions = "\n".join(part for part in (_joined(history), decision) if part)
    return (meeting_id, item_id, body, starts_at[:10], number, title, case_number,
            int(closed), document_kind, text, decisions)  # fmt: skip


def index_meeting(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Refresh the search rows of one meeting from the state tables.

    Call inside the transaction that wrote the meeting, so the index never disagrees with it.
    """
    conn.execute("DELETE FROM item_search WHERE meeting_id = ?", (meeting_id,))
    meeting = conn.execute(
        "SELECT ?, body, starts_at, document_kind FROM meetings WHERE id = ?",
        (meeting_id, meeting_id),
    ).fetchone()
    if meeting is None:
        return
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
    rows = [
        _search_row(
            meeting,
            item,
            (_json_lines(notes), _json_lines(unplaced)),
            sections.get(item[0], []),
            history.get(item[0], []),
        )
        for (*item, unplaced, notes) in conn.execute(
            "SELECT id, number, title, case_number, closed, recommendation, decision, unplaced, "
            "attendance_notes FROM items WHERE meeting_id = ? ORDER BY position",
            (meeting_id,),
        )
    ]
    _insert_rows(conn, rows)


def index_new_meeting(conn: sqlite3.Connection, meeting: Meeting) -> None:
    """Index a meeting just written for the first time, from the model in hand.

    Gives the rows `index_meeting` would read back from the state tables (a test holds the two
    equal) without the reads, and without the delete: a new meeting has no rows yet. Call inside
    the transaction that wrote the meeting.
    """
    assert meeting.id is not None
    head = (meeting.id, meeting.body, meeting.starts_at.isoformat(), meeting.document_kind.value)
    rows = []
    for item in meeting.items:
        fields = (item.id, item.number, item.title, item.case_number, item.closed,
                  item.recommendation, item.decision)  # fmt: skip
        sections = [(section.heading, section.text) for section in item.sections]
        history = [(f"{d.body} {d.date}".strip(), d.text) for d in item.decision_history]
        lines = (item.attendance_notes, item.unplaced)
        rows.append(_search_row(head, fields, lines, sections, history))
    _insert_rows(conn, rows)


_INSERT_HEAD = (
    "INSERT INTO item_search (meeting_id, item_id, body, date, number, title, case_number, "
    "closed, document_kind, text, decision) VALUES "
)
_ROW_MARKS = "(" + ", ".join("?" * 11) + ")"
_ROWS_PER_INSERT = 200  # 2,200 parameters: far below SQLite's limit of 32,766


def _insert_rows(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    """Insert search rows with one multi-row INSERT per chunk rather than `executemany`.

    The FTS5 trigger runs either way, but FTS5 flushes its pending terms to disk at the end of
    every statement: one statement per row wrote a tiny index segment per item and made
    indexing about 2.5 times slower than one statement per meeting.
    """
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        sql = _INSERT_HEAD + ", ".join([_ROW_MARKS] * len(chunk))
        conn.execute(sql, [value for row in chunk for value in row])


# --------------------------------------------------------------------------- search

BROAD_QUERY = 5_000  # matching items above which results are ordered by recency, not bm25
_WORD = re.compile(r"\w+")

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


def _terms(expression: str) -> list[tuple[str, bool]]:
    """(word, is_prefix) for every word of a query made by `fts_query`, case-folded."""
    terms = []
    for quoted, star in re.findall(r'"((?:[^"]|"")*)"(\*?)', expression):
        words = _WORD.findall(quoted.replace('""', '"').casefold())
        for index, word in enumerate(words):
            terms.append((word, bool(star) and index == len(words) - 1))
    return terms


def snippet(
    texts: list[str], terms: list[tuple[str, bool]], marks: tuple[str, str], width: int = 16
) -> str:
    """About `width` words around the first match, in the text with most matches; matched words
    wrapped in `marks`. Made in Python for the few rows shown, so ranking never pays for it."""
    if not terms:
        return ""
    alternatives = sorted(
        (re.escape(word) + (r"\w*" if prefix else "") for word, prefix in terms),
        key=len,
        reverse=True,
    )
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    best: tuple[int, str, int] | None = None
    for text in texts:
        if not text:
            continue
        found = pattern.findall(text)
        if found and (best is None or len(found) > best[0]):
            first = pattern.search(text)
            best = (len(found), text, first.start() if first else 0)
    if best is None:
        first_text = next((t for t in texts if t), "")
        words = first_text.split()
        return " ".join(words[:width]) + ("…" if len(words) > width else "")
    _, text, at = best
    # Look only at a window around the first match: texts can be long.
    before = text[max(0, at - 200) : at].split()[-(width // 4) :]
    after = text[at : at + 400].split()[: width - len(before)]
    window = " ".join([*before, *after])
    window = pattern.sub(lambda m: f"{marks[0]}{m.group()}{marks[1]}", window)
    cut_before = at - 200 > 0 or len(text[max(0, at - 200) : at].split()) > len(before)
    cut_after = len(text[at:].split()) > len(after)
    return ("…" if cut_before else "") + window + ("…" if cut_after else "")


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


def _iso(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        pass  # Danish forms below: "15-05-2023", "15. maj 2023"
    from meetingtui.dates import parse_date

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
    filters: list[str] = []
    params: list[object] = []
    if body:
        # Few distinct bodies: match them in Python (Danish case folding), filter with IN.
        wanted = body.casefold()
        bodies = [
            name
            for (name,) in conn.execute("SELECT DISTINCT body FROM item_search")
            if wanted in name.casefold()
        ]
        if not bodies:
            return []
        filters.append(f"s.body IN ({','.join('?' * len(bodies))})")
        params.extend(bodies)
    if (start := _iso(date_from)) is not None:
        filters.append("s.date >= ?")
        params.append(start)
    if (end := _iso(date_to)) is not None:
        filters.append("s.date <= ?")
        params.append(end)
    join = "JOIN item_search s ON s.id = f.rowid " if filters else ""
    where = " AND ".join(["item_search_fts MATCH ?", *filters])
    try:
        # Counting matches inside FTS5 alone is cheap; it decides how to order.
        matches = conn.execute(
            "SELECT count(*) FROM item_search_fts WHERE item_search_fts MATCH ?", [expression]
        ).fetchone()[0]
        # bm25 ranking inside FTS5 (weights set by m002), best `limit` rows only. A query so
        # broad that ranking every match would be slow gives the newest items first instead,
        # which also lets filters stop at the first `limit` rows that pass.
        ranked = matches <= BROAD_QUERY
        order = "f.rank" if ranked else "f.rowid DESC"
        score = "f.rank" if ranked else "0.0"
        top = conn.execute(
            f"SELECT f.rowid, {score} FROM item_search_fts f {join}WHERE {where} "
            f"ORDER BY {order} LIMIT ?",
            [expression, *params, max(1, limit)],
        ).fetchall()
    except sqlite3.OperationalError as error:
        raise InputError("search.bad_query", reason=str(error)) from None
    if not top:
        return []
    ids = [rowid for rowid, _ in top]
    details = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, meeting_id, item_id, body, date, number, title, case_number, closed, "
            f"document_kind, text, decision FROM item_search WHERE id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    terms = _terms(expression)
    rows = []
    for rowid, score in top:
        d = details[rowid]
        text = snippet([d[9], d[10], d[5], d[6]], terms, marks)
        rows.append((*d[:9], text, score))
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
