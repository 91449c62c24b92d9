"""The state tables as a projection of `Meeting`: write what a command touched.

Every write goes through here, so the tables always mirror what replaying the events gives
(`meetingtui verify` checks exactly that). The tables and their columns are in `columns.py`;
reading them back is `record_loading.py` (`load_meeting`, also importable from here).
"""

from __future__ import annotations

import json
import sqlite3
from _json import encode_basestring
from _json import make_encoder as c_make_encoder
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from meetingtui.models import AgendaItem, Meeting, Section, Vote
from meetingtui.storage import speaker_rows
from meetingtui.storage.columns import COLUMNS, ITEM_TABLES, MEETING_TABLES, UTF8_COLUMNS

# Reading the tables back lives beside this; callers keep reaching it here.
from meetingtui.storage.record_loading import load_meeting as load_meeting
from meetingtui.storage.touched import Touched

Row = tuple[Any, ...]


def _marks(table: str, cols: tuple[str, ...]) -> str:
    # A long text handed over in UTF-8 arrives as bytes: stored as the text it is, not a BLOB
    # (text given as text is left as it is).
    utf8 = UTF8_COLUMNS.get(table, ())
    return ", ".join("CAST(? AS TEXT)" if col in utf8 else "?" for col in cols)


_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({_marks(table, cols)})"
    for table, cols in COLUMNS.items()
}
_INSERT["meetings"] = _INSERT["meetings"].replace("INSERT", "INSERT OR REPLACE", 1)
_UPSERT_BALLOT = _INSERT["ballots"].replace("INSERT", "INSERT OR REPLACE", 1)


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# One encoder for every row: json.dumps with options builds a new encoder per call, and a
# meeting writes a few JSON columns per item.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
# `_ENCODER.encode` still makes its C encoder again on every call, about a fifth of the time
# of a byråd meeting's 352 JSON columns: the same C encoder, made once, with the same options.
# It keeps no state between calls (no marks for cycles: the values are dumped models' data).
_C_ENCODE = c_make_encoder(
    None, _ENCODER.default, encode_basestring, None, ": ", ", ", True, False, True
)


def _json(value: object) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    return "".join(_C_ENCODE(value, 0))


# --- rows from the model -------------------------------------------------------------------


def _blocks(section: Section) -> str:
    return (
        _json([block.model_dump(mode="json") for block in section.blocks])
        if (section.blocks)
        else "[]"
    )


def meeting_row(m: Meeting, content_hash: str | None) -> Row:
    return (
        m.id,
        m.body,
        m.municipality,
        m.title,
        m.kind.value,
        _ts(m.starts_at),
        _ts(m.ends_at),
        m.location,
        m.status.value,
        _ts(m.opened_at),
        _ts(m.closed_at),
        _ts(m.approved_at),
        m.current_item_id,
        m.document_kind.value,
        m.source,
        content_hash,
        _json(m.unplaced),
        _json(m.ocr.model_dump(mode="json")) if m.ocr is not None else None,
        _json([c.model_dump(mode="json") for c in m.agenda_changes]),
        _json([r.model_dump(mode="json") for r in m.reopenings]),
        _json([s.model_dump(mode="json") for s in m.item_sessions]),
    )


def participant_rows(m: Meeting) -> Iterator[tuple[str, Row]]:
    for position, p in enumerate(m.participants):
        yield (
            "participants",
            (
                m.id,
                p.id,
                position,
                p.name,
                p.affiliation,
                p.role.value,
                int(p.votes),
                p.attendance.value,
                p.substitute_for,
            ),
        )
        for n, mv in enumerate(p.movements):
            yield "movements", (m.id, p.id, n, mv.kind.value, _ts(mv.at), mv.item_id)


def item_row(
    meeting_id: int, position: int, i: AgendaItem, dumped: dict[str, Any] | None = None
) -> Row:
    return (
        meeting_id,
        i.id,
        position,
        i.number,
        i.title,
        i.case_number,
        int(i.closed),
        i.recommendation,
        i.decision_authority,
        i.status.value,
        i.decision,
        _ts(i.started_at),
        _ts(i.ended_at),
        i.postponed_reason,
        _json(i.attendance_notes),
        _json(i.unplaced),
        i.public_decision,
        _json(dumped["layout"] if dumped else [p.model_dump(mode="json") for p in i.layout]),
        _ts(i.decided_at),
    )


def vote_rows(meeting_id: int, item_id: int, v: Vote) -> Iterator[tuple[str, Row]]:
    c = v.counts
    yield (
        "votes",
        (
            meeting_id,
            item_id,
            v.id,
            v.motion_id,
            v.description,
            int(v.is_open),
            c.for_ if c else None,
            c.against if c else None,
            c.abstain if c else None,
            _json(v.party_lines),
            v.result.value if v.result else None,
            v.raw_text,
        ),
    )
    for n, b in enumerate(v.ballots):
        yield (
            "ballots",
            (
                meeting_id,
                v.id,
                n,
                b.participant_id,
                b.name,
                b.affiliation,
                b.choice.value,
            ),
        )


def child_rows(
    meeting_id: int, i: AgendaItem, table: str, dumped: dict[str, Any] | None = None
) -> Iterator[tuple[str, Row]]:
    mid, iid = meeting_id, i.id
    if table == "sections" and dumped is not None:
        for n, (s, d) in enumerate(zip(i.sections, dumped["sections"], strict=True)):
            yield table, (mid, iid, n, s.heading, s.text, _json(d["blocks"]))
    elif table == "sections":
        for n, s in enumerate(i.sections):
            yield table, (mid, iid, n, s.heading, s.text, _blocks(s))
    elif table == "attachments":
        for n, title in enumerate(i.attachments):
            yield table, (mid, iid, n, title)
    elif table == "decision_history":
        for n, d in enumerate(i.decision_history):
            yield table, (mid, iid, n, d.body, d.date, d.text, d.number)
    elif table == "item_absences":
        for n, a in enumerate(i.absences):
            yield table, (mid, iid, n, a.participant_id, a.name, a.kind.value, a.reason)
    elif table == "motions":
        for mo in i.motions:
            yield table, (mid, iid, mo.id, mo.kind.value, mo.text, mo.proposer, mo.amends)
    elif table == "votes":
        for v in i.votes:
            yield from vote_rows(mid, iid, v)
    elif table == "elections":
        for e in i.elections:
            yield (
                table,
                (
                    mid,
                    iid,
                    e.id,
                    e.office,
                    _json(e.candidates),
                    e.elected,
                    _json(e.tied),
                    int(e.is_open),
                    int(e.acclamation),
                ),
            )
            for n, b in enumerate(e.ballots):
                yield "election_ballots", (mid, e.id, n, b.voter_id, b.voter, b.candidate)
    elif table == "dissents":
        for dissent in i.dissents:
            yield (
                table,
                (
                    mid,
                    iid,
                    dissent.id,
                    dissent.kind.value,
                    dissent.participant_id,
                    dissent.who,
                    dissent.text,
                ),
            )
    elif table in speaker_rows.TABLES:
        yield from speaker_rows.item_rows(mid, i, table)
    else:  # pragma: no cover - a programming error, not user input
        raise ValueError(f"not an item child table: {table}")


# --- writing --------------------------------------------------------------------------------


def _insert_all(conn: sqlite3.Connection, rows: Iterable[tuple[str, Row]]) -> None:
    grouped: dict[str, list[Row]] = {}
    for table, row in rows:
        grouped.setdefault(table, []).append(row)
    for table, table_rows in grouped.items():
        conn.executemany(_INSERT[table], table_rows)


def _delete_children(conn: sqlite3.Connection, meeting_id: int, item_id: int, table: str) -> None:
    if table == "votes":
        conn.execute(
            "DELETE FROM ballots WHERE meeting_id = ? AND vote_id IN "
            "(SELECT id FROM votes WHERE meeting_id = ? AND item_id = ?)",
            (meeting_id, meeting_id, item_id),
        )
    elif table == "elections":
        conn.execute(
            "DELETE FROM election_ballots WHERE meeting_id = ? AND election_id IN "
            "(SELECT id FROM elections WHERE meeting_id = ? AND item_id = ?)",
            (meeting_id, meeting_id, item_id),
        )
    conn.execute(f"DELETE FROM {table} WHERE meeting_id = ? AND item_id = ?", (meeting_id, item_id))


def content_hash_of(conn: sqlite3.Connection, meeting_id: int) -> str | None:
    row = conn.execute("SELECT content_hash FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    return row[0] if row else None


def write_full(conn: sqlite3.Connection, m: Meeting, *, content_hash: str | None) -> None:
    """Replace every row of the meeting. Call inside a transaction."""
    assert m.id is not None
    delete_meeting_rows(conn, m.id)
    insert_rows(conn, meeting_rows(m, content_hash=content_hash))


def insert_rows(conn: sqlite3.Connection, rows: dict[str, list[Row]]) -> None:
    """Insert `meeting_rows` (the meeting's own first). Call inside a transaction."""
    for table, table_rows in rows.items():
        conn.executemany(_INSERT[table], table_rows)


def meeting_rows(
    m: Meeting, *, content_hash: str | None, dumped: dict[str, Any] | None = None
) -> dict[str, list[Row]]:
    """Every row the meeting has in the state tables, by table (what `write_full` writes).
    `dumped`, the meeting's `model_dump(mode="json")` an import has made already, gives the
    sections' blocks and the items' layouts: the same dicts as dumping each block again."""
    assert m.id is not None
    rows: dict[str, list[Row]] = {"meetings": [meeting_row(m, content_hash)]}
    generated: list[tuple[str, Row]] = list(participant_rows(m))
    items = dumped["items"] if dumped is not None else [None] * len(m.items)
    for position, (item, dumped_item) in enumerate(zip(m.items, items, strict=True)):
        generated.append(("items", item_row(m.id, position, item, dumped_item)))
        for table in ITEM_TABLES:
            generated.extend(child_rows(m.id, item, table, dumped_item))
    for table in MEETING_TABLES:
        rows[table] = []
    for table, row in generated:
        rows[table].append(row)
    return rows


def stored_rows(conn: sqlite3.Connection, meeting_id: int) -> dict[str, list[Row]]:
    """The rows the state tables hold for a meeting, by table, in the same column order."""
    rows = {
        "meetings": conn.execute(
            f"SELECT {', '.join(COLUMNS['meetings'])} FROM meetings WHERE id = ?", (meeting_id,)
        ).fetchall()
    }
    for table in MEETING_TABLES:
        rows[table] = conn.execute(
            f"SELECT {', '.join(COLUMNS[table])} FROM {table} WHERE meeting_id = ?", (meeting_id,)
        ).fetchall()
    return rows


def delete_meeting_rows(conn: sqlite3.Connection, meeting_id: int) -> None:
    for table in MEETING_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (meeting_id,))


def write_touched(conn: sqlite3.Connection, m: Meeting, touched: Touched) -> None:
    """Rewrite just the rows a command changed. Call inside a transaction."""
    assert m.id is not None
    if touched.everything:
        write_full(conn, m, content_hash=content_hash_of(conn, m.id))
        return
    if touched.meeting:
        conn.execute(
            "UPDATE meetings SET status = ?, opened_at = ?, closed_at = ?, approved_at = ?, "
            "current_item_id = ?, item_sessions = ? WHERE id = ?",
            (
                m.status.value,
                _ts(m.opened_at),
                _ts(m.closed_at),
                _ts(m.approved_at),
                m.current_item_id,
                _json([s.model_dump(mode="json") for s in m.item_sessions]),
                m.id,
            ),
        )
    if touched.participants:
        conn.execute("DELETE FROM participants WHERE meeting_id = ?", (m.id,))
        conn.execute("DELETE FROM movements WHERE meeting_id = ?", (m.id,))
        _insert_all(conn, participant_rows(m))
    positions = {item.id: n for n, item in enumerate(m.items)}
    for item_id in touched.items:
        conn.execute("DELETE FROM items WHERE meeting_id = ? AND id = ?", (m.id, item_id))
        conn.execute(
            _INSERT["items"], item_row(m.id, positions[item_id], m.items[positions[item_id]])
        )
    for item_id, table in touched.children:
        _delete_children(conn, m.id, item_id, table)
        _insert_all(conn, child_rows(m.id, m.items[positions[item_id]], table))
    if touched.ballots:
        ballots = {}
        for vote_id, position in touched.ballots:
            found = m.find_vote(vote_id)
            assert found is not None
            b = found[1].ballots[position]
            row = (m.id, vote_id, position, b.participant_id, b.name, b.affiliation, b.choice.value)
            ballots[(vote_id, position)] = row
        conn.executemany(_UPSERT_BALLOT, list(ballots.values()))
    for vote_id in touched.votes:
        found = m.find_vote(vote_id)
        assert found is not None
        item, vote = found
        conn.execute("DELETE FROM votes WHERE meeting_id = ? AND id = ?", (m.id, vote_id))
        conn.execute("DELETE FROM ballots WHERE meeting_id = ? AND vote_id = ?", (m.id, vote_id))
        _insert_all(conn, vote_rows(m.id, item.id, vote))
