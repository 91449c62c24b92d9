"""The append-only event log and its SHA-256 hash chain.

Each event's hash covers its own content and the previous event's hash, across the whole
database, so editing or deleting any event breaks the chain at that point. `chain_head` holds
the newest link so that removing the newest events is detected too.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class StoredEvent:
    seq: int
    meeting_id: int
    type: str
    at: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(seq: int, meeting_id: int, type_: str, at: str, payload: str, prev: str) -> str:
    material = "\x1f".join((str(seq), str(meeting_id), type_, at, payload, prev))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append(
    conn: sqlite3.Connection, meeting_id: int, type_: str, at: str, payload: dict[str, Any]
) -> tuple[int, str]:
    """Append one event; call inside the command's transaction. Returns (seq, hash)."""
    return append_canonical(conn, meeting_id, type_, at, canonical(payload))


def append_canonical(
    conn: sqlite3.Connection, meeting_id: int, type_: str, at: str, body: str
) -> tuple[int, str]:
    """`append` for a payload already in its canonical text (`canonical(payload)`, exactly)."""
    prev_seq, prev_hash = _head(conn)
    seq = prev_seq + 1
    digest = event_hash(seq, meeting_id, type_, at, body, prev_hash)
    _insert(conn, seq, (meeting_id, type_, at, body, prev_hash, digest), _INSERT_EVENT)
    return seq, digest


def append_encoded(
    conn: sqlite3.Connection, meeting_id: int, type_: str, at: str, body: bytes
) -> tuple[int, str]:
    """`append_canonical` for the canonical text already in UTF-8 (an import's parser process
    encodes it): the hash is taken over the same bytes, and SQLite stores them as that TEXT,
    so neither the event nor its hash can tell. The writer encodes nothing of the payload."""
    prev_seq, prev_hash = _head(conn)
    seq = prev_seq + 1
    digest = hashlib.sha256(f"{seq}\x1f{meeting_id}\x1f{type_}\x1f{at}\x1f".encode())
    digest.update(body)
    digest.update(f"\x1f{prev_hash}".encode())
    hexdigest = digest.hexdigest()
    _insert(conn, seq, (meeting_id, type_, at, body, prev_hash, hexdigest), _INSERT_ENCODED)
    return seq, hexdigest


_INSERT_EVENT = (
    "INSERT INTO events (seq, meeting_id, type, at, payload, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
# A BLOB cast to TEXT is read as text in the database's encoding (UTF-8): stored as text.
_INSERT_ENCODED = (
    "INSERT INTO events (seq, meeting_id, type, at, payload, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, CAST(? AS TEXT), ?, ?)"
)


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
    return (head[0], head[1]) if head else (0, GENESIS)


def _insert(conn: sqlite3.Connection, seq: int, event: tuple[Any, ...], sql: str) -> None:
    conn.execute(sql, (seq, *event))
    conn.execute(
        "INSERT INTO chain_head (id, seq, hash) VALUES (1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        (seq, event[-1]),
    )


def _stored(row: tuple[Any, ...]) -> StoredEvent:
    seq, meeting_id, type_, at, payload, prev_hash, digest = row
    return StoredEvent(seq, meeting_id, type_, at, json.loads(payload), prev_hash, digest)


def meeting_events(conn: sqlite3.Connection, meeting_id: int) -> list[StoredEvent]:
    rows = conn.execute(
        "SELECT seq, meeting_id, type, at, payload, prev_hash, hash FROM events "
        "WHERE meeting_id = ? ORDER BY seq",
        (meeting_id,),
    ).fetchall()
    return [_stored(r) for r in rows]


def newest_event(conn: sqlite3.Connection, meeting_id: int) -> StoredEvent | None:
    """The meeting's newest event, or None."""
    row = conn.execute(
        "SELECT seq, meeting_id, type, at, payload, prev_hash, hash FROM events "
        "WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1",
        (meeting_id,),
    ).fetchone()
    return _stored(row) if row else None


def chain_head(conn: sqlite3.Connection, meeting_id: int | None = None) -> str:
    """The hash of the newest event (of one meeting, or of the whole database)."""
    if meeting_id is None:
        row = conn.execute("SELECT hash FROM chain_head WHERE id = 1").fetchone()
    else:
        row = conn.execute(
            "SELECT hash FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1", (meeting_id,)
        ).fetchone()
    return row[0] if row else ""


@dataclass(frozen=True)
class ChainProblem:
    key: str
    params: dict[str, Any]


def _raw_events(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    yield from conn.execute(
        "SELECT seq, meeting_id, type, at, payload, prev_hash, hash FROM events ORDER BY seq"
    )


def clock_stamps(conn: sqlite3.Connection, meeting_id: int) -> tuple[bool, str | None]:
    """Whether the meeting's last opening started its own clock, and its newest event's stamp."""
    opening = conn.execute(
        "SELECT payload FROM events WHERE meeting_id = ? "
        "AND type IN ('meeting_opened', 'meeting_reopened') ORDER BY seq DESC LIMIT 1",
        (meeting_id,),
    ).fetchone()
    newest = conn.execute(
        "SELECT at FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1", (meeting_id,)
    ).fetchone()
    own_clock = opening is not None and bool(json.loads(opening[0]).get("own_clock"))
    return own_clock, newest[0] if newest else None


def check_chain(conn: sqlite3.Connection) -> tuple[int, list[ChainProblem]]:
    """Recompute every hash. Returns the number of events and the problems, first one first."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    for seq, meeting_id, type_, at, payload, stored_prev, digest in _raw_events(conn):
        count += 1
        if seq != expected_seq or stored_prev != prev_hash:
            return count, [ChainProblem("verify.broken_link", {"seq": seq})]
        if event_hash(seq, meeting_id, type_, at, payload, stored_prev) != digest:
            return count, [ChainProblem("verify.broken_hash", {"seq": seq})]
        prev_hash, expected_seq = digest, seq + 1
    head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
    if head is None and count == 0:
        return 0, []
    if head is None or head[1] != prev_hash:
        if head is not None and head[0] > expected_seq - 1:
            return count, [ChainProblem("verify.missing_events", {"seq": expected_seq - 1})]
        return count, [
            ChainProblem(
                "verify.head_mismatch",
                {"expected": head[1][:12] if head else "-", "found": prev_hash[:12]},
            )
        ]
    return count, []


def find_hash(conn: sqlite3.Connection, prefix: str) -> StoredEvent | None:
    """The event whose hash starts with `prefix` (hex digits, compared exactly)."""
    prefix = prefix.lower()
    row = conn.execute(
        "SELECT seq, meeting_id, type, at, payload, prev_hash, hash FROM events "
        "WHERE substr(hash, 1, ?) = ? ORDER BY seq LIMIT 1",
        (len(prefix), prefix),
    ).fetchone()
    return _stored(row) if row else None


def later_events(conn: sqlite3.Connection, meeting_id: int, seq: int) -> int:
    """How many events the meeting has after `seq` (a referat printed then is out of date)."""
    return conn.execute(
        "SELECT count(*) FROM events WHERE meeting_id = ? AND seq > ?", (meeting_id, seq)
    ).fetchone()[0]
