"""The state tables as a projection of `Meeting`: write what a command touched, load it back.

Every write goes through here, so the tables always mirror what replaying the events gives
(`meetingtui verify` checks exactly that).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

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
from meetingtui.reducer import Touched
from meetingtui.storage.schema import MEETING_TABLES

Row = tuple[Any, ...]

COLUMNS: dict[str, tuple[str, ...]] = {
    "meetings": (
        "id",
        "body",
        "municipality",
        "title",
        "kind",
        "starts_at",
        "ends_at",
        "location",
        "status",
        "opened_at",
        "closed_at",
        "approved_at",
        "current_item_id",
        "document_kind",
        "source",
        "content_hash",
        "unplaced",
    ),
    "participants": (
        "meeting_id",
        "id",
        "position",
        "name",
        "affiliation",
        "role",
        "votes",
        "attendance",
        "substitute_for",
    ),
    "movements": ("meeting_id", "participant_id", "position", "kind", "at", "item_id"),
    "items": (
        "meeting_id",
        "id",
        "position",
        "number",
        "title",
        "case_number",
        "closed",
        "recommendation",
        "decision_authority",
        "status",
        "decision",
        "started_at",
        "ended_at",
        "postponed_reason",
        "attendance_notes",
        "unplaced",
    ),
    "sections": ("meeting_id", "item_id", "position", "heading", "text"),
    "attachments": ("meeting_id", "item_id", "position", "title"),
    "decision_history": ("meeting_id", "item_id", "position", "body", "date", "text"),
    "item_absences": (
        "meeting_id",
        "item_id",
        "position",
        "participant_id",
        "name",
        "kind",
        "reason",
    ),
    "motions": ("meeting_id", "item_id", "id", "kind", "text", "proposer", "amends"),
    "votes": (
        "meeting_id",
        "item_id",
        "id",
        "motion_id",
        "description",
        "is_open",
        "count_for",
        "count_against",
        "count_abstain",
        "party_lines",
        "result",
        "raw_text",
    ),
    "ballots": (
        "meeting_id",
        "vote_id",
        "position",
        "participant_id",
        "name",
        "affiliation",
        "choice",
    ),
    "elections": ("meeting_id", "item_id", "id", "office", "candidates", "elected", "tied"),
    "election_ballots": (
        "meeting_id",
        "election_id",
        "position",
        "voter_id",
        "voter",
        "candidate",
    ),
    "dissents": ("meeting_id", "item_id", "id", "kind", "participant_id", "who", "text"),
}

_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for table, cols in COLUMNS.items()
}
_INSERT["meetings"] = _INSERT["meetings"].replace("INSERT", "INSERT OR REPLACE", 1)
_UPSERT_BALLOT = _INSERT["ballots"].replace("INSERT", "INSERT OR REPLACE", 1)

# Child tables of an item, keyed by item_id, and the model list each one mirrors.
ITEM_CHILDREN = (
    "sections",
    "attachments",
    "decision_history",
    "item_absences",
    "motions",
    "votes",
    "elections",
    "dissents",
)


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- rows from the model -------------------------------------------------------------------


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


def item_row(meeting_id: int, position: int, i: AgendaItem) -> Row:
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


def child_rows(meeting_id: int, i: AgendaItem, table: str) -> Iterator[tuple[str, Row]]:
    mid, iid = meeting_id, i.id
    if table == "sections":
        for n, s in enumerate(i.sections):
            yield table, (mid, iid, n, s.heading, s.text)
    elif table == "attachments":
        for n, title in enumerate(i.attachments):
            yield table, (mid, iid, n, title)
    elif table == "decision_history":
        for n, d in enumerate(i.decision_history):
            yield table, (mid, iid, n, d.body, d.date, d.text)
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
            yield table, (mid, iid, e.id, e.office, _json(e.candidates), e.elected, _json(e.tied))
            for n, b in enumerate(e.ballots):
                yield "election_ballots", (mid, e.id, n, b.voter_id, b.voter, b.candidate)
    elif table == "dissents":
        for d in i.dissents:
            yield table, (mid, iid, d.id, d.kind.value, d.participant_id, d.who, d.text)
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
    conn.execute(_INSERT["meetings"], meeting_row(m, content_hash))
    rows: list[tuple[str, Row]] = list(participant_rows(m))
    for position, item in enumerate(m.items):
        rows.append(("items", item_row(m.id, position, item)))
        for table in ITEM_CHILDREN:
            rows.extend(child_rows(m.id, item, table))
    _insert_all(conn, rows)


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
            "current_item_id = ? WHERE id = ?",
            (
                m.status.value,
                _ts(m.opened_at),
                _ts(m.closed_at),
                _ts(m.approved_at),
                m.current_item_id,
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


# --- loading --------------------------------------------------------------------------------


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _rows(conn: sqlite3.Connection, table: str, meeting_id: int, order: str) -> list[sqlite3.Row]:
    cur = conn.execute(
        f"SELECT * FROM {table} WHERE meeting_id = ? ORDER BY {order}", (meeting_id,)
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]  # type: ignore[misc]


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone() is not None


def load_meeting(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    """The meeting as its state tables hold it."""
    cur = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    row = cur.fetchone()
    if row is None:
        raise StorageError("storage.no_meeting", meeting_id=meeting_id)
    head = dict(zip([d[0] for d in cur.description], row, strict=True))
    movements: dict[int, list[Movement]] = {}
    for r in _rows(conn, "movements", meeting_id, "participant_id, position"):
        movements.setdefault(r["participant_id"], []).append(
            Movement(kind=r["kind"], at=_dt(r["at"]), item_id=r["item_id"])
        )
    participants = [
        Participant(
            id=r["id"],
            name=r["name"],
            affiliation=r["affiliation"],
            role=r["role"],
            votes=bool(r["votes"]),
            attendance=r["attendance"],
            substitute_for=r["substitute_for"],
            movements=movements.get(r["id"], []),
        )
        for r in _rows(conn, "participants", meeting_id, "position")
    ]
    by_item: dict[str, dict[int, list[Any]]] = {t: {} for t in ITEM_CHILDREN}

    def add(table: str, item_id: int, value: object) -> None:
        by_item[table].setdefault(item_id, []).append(value)

    for r in _rows(conn, "sections", meeting_id, "item_id, position"):
        add("sections", r["item_id"], Section(heading=r["heading"], text=r["text"]))
    for r in _rows(conn, "attachments", meeting_id, "item_id, position"):
        add("attachments", r["item_id"], r["title"])
    for r in _rows(conn, "decision_history", meeting_id, "item_id, position"):
        add(
            "decision_history",
            r["item_id"],
            DecisionEntry(body=r["body"], date=r["date"], text=r["text"]),
        )
    for r in _rows(conn, "item_absences", meeting_id, "item_id, position"):
        add(
            "item_absences",
            r["item_id"],
            ItemAbsence(
                participant_id=r["participant_id"],
                name=r["name"],
                kind=r["kind"],
                reason=r["reason"],
            ),
        )
    for r in _rows(conn, "motions", meeting_id, "id"):
        add(
            "motions",
            r["item_id"],
            Motion(
                id=r["id"],
                kind=r["kind"],
                text=r["text"],
                proposer=r["proposer"],
                amends=r["amends"],
            ),
        )
    ballots: dict[int, list[Ballot]] = {}
    for r in _rows(conn, "ballots", meeting_id, "vote_id, position"):
        ballots.setdefault(r["vote_id"], []).append(
            Ballot(
                participant_id=r["participant_id"],
                name=r["name"],
                affiliation=r["affiliation"],
                choice=r["choice"],
            )
        )
    for r in _rows(conn, "votes", meeting_id, "id"):
        counts = None
        if r["count_for"] is not None:
            counts = VoteCounts(
                for_=r["count_for"], against=r["count_against"], abstain=r["count_abstain"]
            )
        add(
            "votes",
            r["item_id"],
            Vote(
                id=r["id"],
                motion_id=r["motion_id"],
                description=r["description"],
                is_open=bool(r["is_open"]),
                ballots=ballots.get(r["id"], []),
                counts=counts,
                party_lines=json.loads(r["party_lines"]),
                result=r["result"],
                raw_text=r["raw_text"],
            ),
        )
    election_ballots: dict[int, list[ElectionBallot]] = {}
    for r in _rows(conn, "election_ballots", meeting_id, "election_id, position"):
        election_ballots.setdefault(r["election_id"], []).append(
            ElectionBallot(voter_id=r["voter_id"], voter=r["voter"], candidate=r["candidate"])
        )
    for r in _rows(conn, "elections", meeting_id, "id"):
        add(
            "elections",
            r["item_id"],
            Election(
                id=r["id"],
                office=r["office"],
                candidates=json.loads(r["candidates"]),
                ballots=election_ballots.get(r["id"], []),
                elected=r["elected"],
                tied=json.loads(r["tied"]),
            ),
        )
    for r in _rows(conn, "dissents", meeting_id, "id"):
        add(
            "dissents",
            r["item_id"],
            Dissent(
                id=r["id"],
                kind=r["kind"],
                participant_id=r["participant_id"],
                who=r["who"],
                text=r["text"],
            ),
        )
    items = []
    for r in _rows(conn, "items", meeting_id, "position"):
        iid = r["id"]
        items.append(
            AgendaItem(
                id=iid,
                number=r["number"],
                title=r["title"],
                case_number=r["case_number"],
                closed=bool(r["closed"]),
                sections=by_item["sections"].get(iid, []),
                recommendation=r["recommendation"],
                decision_authority=r["decision_authority"],
                attachments=by_item["attachments"].get(iid, []),
                status=r["status"],
                decision=r["decision"],
                decision_history=by_item["decision_history"].get(iid, []),
                started_at=_dt(r["started_at"]),
                ended_at=_dt(r["ended_at"]),
                postponed_reason=r["postponed_reason"],
                absences=by_item["item_absences"].get(iid, []),
                motions=by_item["motions"].get(iid, []),
                votes=by_item["votes"].get(iid, []),
                elections=by_item["elections"].get(iid, []),
                dissents=by_item["dissents"].get(iid, []),
                attendance_notes=json.loads(r["attendance_notes"]),
                unplaced=json.loads(r["unplaced"]),
            )
        )
    return Meeting(
        id=head["id"],
        body=head["body"],
        municipality=head["municipality"],
        title=head["title"],
        kind=head["kind"],
        starts_at=_dt(head["starts_at"]),
        ends_at=_dt(head["ends_at"]),
        location=head["location"],
        status=head["status"],
        opened_at=_dt(head["opened_at"]),
        closed_at=_dt(head["closed_at"]),
        approved_at=_dt(head["approved_at"]),
        current_item_id=head["current_item_id"],
        document_kind=head["document_kind"],
        source=head["source"],
        participants=participants,
        items=items,
        unplaced=json.loads(head["unplaced"]),
    )
