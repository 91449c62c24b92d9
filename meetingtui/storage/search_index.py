"""The search tables and keeping them up to date.

`item_search` holds one row per agenda item (body, date, number, title, case number, the item's
text and its decisions, and the Danish stems of title, text and decisions), refreshed per
meeting by `index_meeting` inside the transaction that writes the meeting. `item_search_fts` is
an FTS5 table of the words as written with `content=item_search`, created by sqlite-utils
`enable_fts` with triggers, so Datasette finds and uses it as is; `item_stems_fts` indexes the
stems the same way. The tokenizer is "unicode61 remove_diacritics 0": case folding for æ/ø/å,
but "å" never matches "a". Searching them: `search`.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database, Migrations

from meetingtui.models import Meeting
from meetingtui.storage.danish_words import stems_text

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


# Stems of title, text and decisions beside the text itself, in an FTS5 index of their own
# (with the case number, so every row the exact index finds for a word, this one finds too).
# Two indexes rather than one with more columns: a search for the words as written, the
# first tier, reads only the exact index, as fast as before stemming.
STEM_COLUMNS = ("title_stems", "text_stems", "decision_stems")
_STEM_FTS_COLUMNS = ("title_stems", "case_number", "text_stems", "decision_stems")


def _stem_index_sql() -> list[str]:
    cols = ", ".join(_STEM_FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in _STEM_FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in _STEM_FTS_COLUMNS)
    delete = f"INSERT INTO item_stems_fts(item_stems_fts, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO item_stems_fts(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE item_stems_fts USING fts5({cols}, tokenize='{TOKENIZE}', "
        "content='item_search', content_rowid='id')",
        f"CREATE TRIGGER item_stems_ai AFTER INSERT ON item_search BEGIN {insert} END",
        f"CREATE TRIGGER item_stems_ad AFTER DELETE ON item_search BEGIN {delete} END",
        f"CREATE TRIGGER item_stems_au AFTER UPDATE ON item_search BEGIN {delete} {insert} END",
        "INSERT INTO item_stems_fts(item_stems_fts) VALUES ('rebuild')",
        "INSERT INTO item_stems_fts(item_stems_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)')",
    ]


@migrations()
def m004_danish_stems(db: Database) -> None:
    """Danish search: the Snowball stems of every indexed text beside it, in an FTS5 index of
    their own. Existing rows get their stems here."""
    conn = db.conn
    for column in STEM_COLUMNS:
        conn.execute(f"ALTER TABLE item_search ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    # The exact index's update trigger would index every row again for nothing: set it aside.
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'item_search_au'"
    ).fetchone()
    if trigger is not None:
        conn.execute("DROP TRIGGER item_search_au")
    rows = conn.execute("SELECT id, title, text, decision FROM item_search").fetchall()
    conn.executemany(
        "UPDATE item_search SET title_stems = ?, text_stems = ?, decision_stems = ? WHERE id = ?",
        [(stems_text(title), stems_text(text), stems_text(decision), row_id)
         for row_id, title, text, decision in rows],
    )  # fmt: skip
    if trigger is not None:
        conn.execute(trigger[0])
    for statement in _stem_index_sql():
        conn.execute(statement)


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
            int(closed), document_kind, text, decisions,
            stems_text(title), stems_text(text), stems_text(decisions))  # fmt: skip


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
    insert_rows(conn, rows)


def index_new_meeting(conn: sqlite3.Connection, meeting: Meeting) -> None:
    """Index a meeting just written for the first time, from the model in hand.

    Gives the rows `index_meeting` would read back from the state tables (a test holds the two
    equal) without the reads, and without the delete: a new meeting has no rows yet. Call inside
    the transaction that wrote the meeting.
    """
    assert meeting.id is not None
    insert_rows(conn, new_meeting_rows(meeting, meeting.id))


def new_meeting_rows(meeting: Meeting, meeting_id: int) -> list[tuple[object, ...]]:
    """The `item_search` rows of a meeting, from the model (`index_new_meeting`); an import's
    parser process makes them, stems and all, before the meeting has its id (see `prepared`)."""
    head = (meeting_id, meeting.body, meeting.starts_at.isoformat(), meeting.document_kind.value)
    rows = []
    for item in meeting.items:
        fields = (item.id, item.number, item.title, item.case_number, item.closed,
                  item.recommendation, item.decision)  # fmt: skip
        sections = [(section.heading, section.text) for section in item.sections]
        history = [(f"{d.body} {d.date}".strip(), d.text) for d in item.decision_history]
        lines = (item.attendance_notes, item.unplaced)
        rows.append(_search_row(head, fields, lines, sections, history))
    return rows


_ROW_COLUMNS = ("meeting_id", "item_id", "body", "date", "number", "title", "case_number",
                "closed", "document_kind", "text", "decision", *STEM_COLUMNS)  # fmt: skip
# The long texts, which a parser process hands over in UTF-8 (`prepared`): what arrives as bytes
# is stored as the text it is, not a BLOB (text given as text is left as it is).
UTF8_COLUMNS = tuple(
    n for n, col in enumerate(_ROW_COLUMNS) if col in ("text", "decision", *STEM_COLUMNS)
)
_INSERT_HEAD = f"INSERT INTO item_search ({', '.join(_ROW_COLUMNS)}) VALUES "
_ROW_MARKS = (
    "(" + ", ".join("CAST(? AS TEXT)" if n in UTF8_COLUMNS else "?" for n in range(14)) + ")"
)
_ROWS_PER_INSERT = 200  # 2,800 parameters: far below SQLite's limit of 32,766


def insert_rows(conn: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    """Insert search rows with one multi-row INSERT per chunk rather than `executemany`.

    The FTS5 trigger runs either way, but FTS5 flushes its pending terms to disk at the end of
    every statement: one statement per row wrote a tiny index segment per item and made
    indexing about 2.5 times slower than one statement per meeting.
    """
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        sql = _INSERT_HEAD + ", ".join([_ROW_MARKS] * len(chunk))
        conn.execute(sql, [value for row in chunk for value in row])
