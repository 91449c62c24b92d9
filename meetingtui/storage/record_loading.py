"""The state tables read back into a `Meeting`: one moment of every table of a meeting.

The other half of `records.py`, which writes the tables; what this reads is what those writes
and a replay of the events give (`meetingtui verify` compares them).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from meetingtui.errors import StorageError
from meetingtui.models import (
    AgendaItem,
    Ballot,
    DecisionEntry,
    Dissent,
    Election,
    ElectionBallot,
    ItemAbsence,
    Meeting,
    Motion,
    Movement,
    Participant,
    Section,
    Vote,
    VoteCounts,
)
from meetingtui.storage import speaker_rows
from meetingtui.storage.columns import ITEM_CHILDREN
from meetingtui.storage.db import snapshot

T = TypeVar("T")
ModelT = TypeVar("ModelT", bound=BaseModel)


def _rows(
    conn: sqlite3.Connection, table: str, meeting_id: int, order: str
) -> list[dict[str, Any]]:
    cur = conn.execute(
        f"SELECT * FROM {table} WHERE meeting_id = ? ORDER BY {order}", (meeting_id,)
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# The AgendaItem field each child table fills, where the names differ.
_ITEM_FIELD = {"item_absences": "absences"}


def _model(cls: type[ModelT], row: dict[str, Any], **overrides: Any) -> ModelT:
    """A model from a row whose columns carry the fields' names (extra columns ignored)."""
    fields = {name: row[name] for name in cls.model_fields if name in row}
    return cls(**{**fields, **overrides})


def _grouped(
    rows: list[dict[str, Any]], key: str, build: Callable[[dict[str, Any]], T]
) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(build(row))
    return grouped


def load_meeting(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    """The meeting as its state tables hold it, read as one moment (a commit by another
    process never lands between two of its tables)."""
    with snapshot(conn):
        return _load_meeting(conn, meeting_id)


def _load_meeting(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    cur = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    row = cur.fetchone()
    if row is None:
        raise StorageError("storage.no_meeting", meeting_id=meeting_id)
    head = dict(zip([d[0] for d in cur.description], row, strict=True))

    def rows(table: str, order: str) -> list[dict[str, Any]]:
        return _rows(conn, table, meeting_id, order)

    movements = _grouped(
        rows("movements", "participant_id, position"),
        "participant_id",
        lambda r: _model(Movement, r),
    )
    participants = [
        _model(Participant, r, votes=bool(r["votes"]), movements=movements.get(r["id"], []))
        for r in rows("participants", "position")
    ]
    ballots = _grouped(rows("ballots", "vote_id, position"), "vote_id", lambda r: _model(Ballot, r))
    election_ballots = _grouped(
        rows("election_ballots", "election_id, position"),
        "election_id",
        lambda r: _model(ElectionBallot, r),
    )

    def vote(r: dict[str, Any]) -> Vote:
        counts = None
        if r["count_for"] is not None:
            counts = VoteCounts(
                for_=r["count_for"], against=r["count_against"], abstain=r["count_abstain"]
            )
        return _model(
            Vote,
            r,
            is_open=bool(r["is_open"]),
            ballots=ballots.get(r["id"], []),
            counts=counts,
            party_lines=json.loads(r["party_lines"]),
        )

    def election(r: dict[str, Any]) -> Election:
        return _model(
            Election,
            r,
            candidates=json.loads(r["candidates"]),
            ballots=election_ballots.get(r["id"], []),
            tied=json.loads(r["tied"]),
            is_open=bool(r["is_open"]),
            acclamation=bool(r["acclamation"]),
        )

    children: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
        "sections": (
            "item_id, position",
            lambda r: _model(Section, r, blocks=json.loads(r["blocks"])),
        ),
        "attachments": ("item_id, position", lambda r: r["title"]),
        "decision_history": ("item_id, position", lambda r: _model(DecisionEntry, r)),
        "item_absences": ("item_id, position", lambda r: _model(ItemAbsence, r)),
        "motions": ("id", lambda r: _model(Motion, r)),
        "votes": ("id", vote),
        "elections": ("id", election),
        "dissents": ("id", lambda r: _model(Dissent, r)),
    }
    by_item = {
        table: _grouped(rows(table, order), "item_id", build)
        for table, (order, build) in children.items()
    }
    items = [
        _model(
            AgendaItem,
            r,
            closed=bool(r["closed"]),
            attendance_notes=json.loads(r["attendance_notes"]),
            unplaced=json.loads(r["unplaced"]),
            layout=json.loads(r["layout"]),
            **{_ITEM_FIELD.get(t, t): by_item[t].get(r["id"], []) for t in ITEM_CHILDREN},
        )
        for r in rows("items", "position")
    ]
    speaker_rows.attach(conn, meeting_id, items)
    return _model(
        Meeting,
        head,
        participants=participants,
        items=items,
        unplaced=json.loads(head["unplaced"]),
        ocr=json.loads(head["ocr"]) if head["ocr"] else None,
        agenda_changes=json.loads(head["agenda_changes"]),
        reopenings=json.loads(head["reopenings"]),
        item_sessions=json.loads(head["item_sessions"]),
    )
