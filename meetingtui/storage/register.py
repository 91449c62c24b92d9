"""The register: committees, their rosters, meetings' mail addresses and referat deliveries.

These facts belong to no single meeting, so their events carry the meeting id `SCOPE` (0, never
a meeting's id) in the one hash chain of the database; a meeting's own history, undo and the
hash printed in its referat stay untouched. Each event type has one function that turns it
into row writes; the same functions run live (on the SQLite tables) and on replay (on dicts),
so `meetingtui verify` rebuilds the tables from the events and compares them row by row.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from meetingtui.errors import RuleWarning
from meetingtui.storage import events
from meetingtui.storage.db import transaction

SCOPE = 0  # the events' meeting_id: meetings are numbered from 1

Row = dict[str, Any]

# table -> (primary key columns, all columns in schema order)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "committees": (("id",), ("id", "name", "kind", "municipality")),
    "committee_periods": (
        ("committee_id", "id"),
        ("committee_id", "id", "name", "starts", "ends"),
    ),
    "committee_roster": (
        ("committee_id", "id"),
        (
            "committee_id",
            "id",
            "period_id",
            "name",
            "affiliation",
            "role",
            "votes",
            "rank",
            "email",
            "joined",
            "left_on",
        ),
    ),
    "meeting_committee": (("meeting_id",), ("meeting_id", "committee_id")),
    "meeting_addresses": (
        ("meeting_id", "participant_id"),
        ("meeting_id", "participant_id", "name", "email", "member_id"),
    ),
    "referat_deliveries": (
        ("seq",),
        (
            "seq",
            "meeting_id",
            "participant_id",
            "name",
            "email",
            "variant",
            "draft",
            "referat_hash",
            "sha256",
            "filename",
            "status",
            "reason",
            "at",
        ),
    ),
}


class RowStore(Protocol):
    def get(self, table: str, key: tuple[Any, ...]) -> Row | None: ...

    def put(self, table: str, row: Row) -> None: ...


def _key(table: str, row: Row) -> tuple[Any, ...]:
    return tuple(row[c] for c in TABLES[table][0])


class SqlRows:
    """The live tables, inside the command's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, table: str, key: tuple[Any, ...]) -> Row | None:
        pk, columns = TABLES[table]
        where = " AND ".join(f"{c} = ?" for c in pk)
        found = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", key
        ).fetchone()
        return dict(zip(columns, found, strict=True)) if found else None

    def put(self, table: str, row: Row) -> None:
        columns = TABLES[table][1]
        self.conn.execute(
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            tuple(row[c] for c in columns),
        )


class MemoryRows:
    """Rows rebuilt from the events alone (verify)."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[tuple[Any, ...], Row]] = {t: {} for t in TABLES}

    def get(self, table: str, key: tuple[Any, ...]) -> Row | None:
        found = self.tables[table].get(key)
        return dict(found) if found is not None else None

    def put(self, table: str, row: Row) -> None:
        self.tables[table][_key(table, row)] = dict(row)


Apply = Callable[[RowStore, int, str, dict[str, Any]], None]
APPLY: dict[str, Apply] = {}


def applies(name: str) -> Callable[[Apply], Apply]:
    def register(fn: Apply) -> Apply:
        APPLY[name] = fn
        return fn

    return register


def _existing(store: RowStore, table: str, key: tuple[Any, ...]) -> Row:
    row = store.get(table, key)
    if row is None:
        raise KeyError(f"{table} {key} does not exist")
    return row


@applies("committee_created")
def _committee_created(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    store.put(
        "committees",
        {
            "id": p["committee_id"],
            "name": p["name"],
            "kind": p["kind"],
            "municipality": p["municipality"],
        },
    )


@applies("committee_updated")
def _committee_updated(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    row = _existing(store, "committees", (p["committee_id"],))
    row.update({k: v for k, v in p["changes"].items() if k in ("name", "kind", "municipality")})
    store.put("committees", row)


@applies("committee_period_added")
def _period_added(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    store.put(
        "committee_periods",
        {
            "committee_id": p["committee_id"],
            "id": p["period_id"],
            "name": p["name"],
            "starts": p["starts"],
            "ends": p["ends"],
        },
    )


ROSTER_FIELDS = ("name", "affiliation", "role", "votes", "rank", "email")


@applies("committee_member_joined")
def _member_joined(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    row = {"committee_id": p["committee_id"], "id": p["member_id"], "period_id": p["period_id"]}
    row.update({f: p[f] for f in ROSTER_FIELDS})
    row["votes"] = int(bool(row["votes"]))
    row.update(joined=p["joined"], left_on=None)
    store.put("committee_roster", row)


@applies("committee_member_left")
def _member_left(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    row = _existing(store, "committee_roster", (p["committee_id"], p["member_id"]))
    row["left_on"] = p["left_on"]
    store.put("committee_roster", row)


@applies("committee_member_corrected")
def _member_corrected(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    row = _existing(store, "committee_roster", (p["committee_id"], p["member_id"]))
    for name, value in p["changes"].items():
        if name in ROSTER_FIELDS:
            row[name] = int(bool(value)) if name == "votes" else value
    store.put("committee_roster", row)


@applies("meeting_committee_set")
def _meeting_committee(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    store.put(
        "meeting_committee", {"meeting_id": p["meeting_id"], "committee_id": p["committee_id"]}
    )


@applies("meeting_address_set")
def _address(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    store.put(
        "meeting_addresses",
        {
            "meeting_id": p["meeting_id"],
            "participant_id": p["participant_id"],
            "name": p["name"],
            "email": p["email"],
            "member_id": p.get("member_id"),
        },
    )


@applies("referat_delivery")
def _delivery(store: RowStore, seq: int, at: str, p: dict[str, Any]) -> None:
    row = {c: p[c] for c in TABLES["referat_deliveries"][1] if c not in ("seq", "at", "draft")}
    row.update(seq=seq, at=at, draft=int(bool(p["draft"])))
    store.put("referat_deliveries", row)


def commit(conn: sqlite3.Connection, type_: str, payload: dict[str, Any], at: datetime) -> int:
    """Append one register event and apply it to the tables, in one transaction (a savepoint
    when the caller already holds one). Returns the event's sequence number."""
    stamp = at.isoformat()
    with transaction(conn):
        seq, _ = events.append(conn, SCOPE, type_, stamp, payload)
        APPLY[type_](SqlRows(conn), seq, stamp, payload)
    return seq


# --- verify -----------------------------------------------------------------------------------


def replayed_rows(conn: sqlite3.Connection) -> MemoryRows:
    """The register as its events alone make it."""
    store = MemoryRows()
    for event in events.meeting_events(conn, SCOPE):
        APPLY[event.type](store, event.seq, event.at, event.payload)
    return store


def verify_problems(conn: sqlite3.Connection) -> list[RuleWarning]:
    """Replay the register's events and compare every table with what they give."""
    try:
        store = replayed_rows(conn)
    except (KeyError, ValueError, TypeError):
        return [RuleWarning("verify.register_replay_failed")]
    for table, (_, columns) in TABLES.items():
        expected = Counter(tuple(r[c] for c in columns) for r in store.tables[table].values())
        stored = Counter(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
        if expected != stored:
            return [RuleWarning("verify.register_mismatch", {"table": table})]
    return []
