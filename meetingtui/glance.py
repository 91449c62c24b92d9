"""A glance at a meeting: what the roll call and the status bar show, read straight from its tables.

Opening a planned meeting draws its roll call from this while the full record (the pydantic
models) loads, so the first frame comes sooner. A glance is read-only and short-lived: the app
swaps it for the record before any command runs.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from meetingtui.errors import StorageError
from meetingtui.person import PersonBasics
from meetingtui.vocabulary import (
    AbsenceKind,
    Attendance,
    ItemStatus,
    MeetingStatus,
    MovementKind,
    Role,
)


@dataclass(eq=False)
class GlanceMovement:
    kind: MovementKind
    at: datetime
    item_id: int | None


@dataclass(eq=False)
class GlanceParticipant(PersonBasics):
    id: int
    name: str
    affiliation: str
    role: Role
    votes: bool
    attendance: Attendance
    substitute_for: int | None
    movements: tuple[GlanceMovement, ...]


@dataclass(eq=False)
class GlanceAbsence:
    participant_id: int | None
    kind: AbsenceKind


@dataclass(eq=False)
class GlanceItem:
    id: int
    number: str
    title: str
    closed: bool
    status: ItemStatus
    started_at: datetime | None
    ended_at: datetime | None
    absences: tuple[GlanceAbsence, ...]

    def absence_of(self, participant_id: int) -> GlanceAbsence | None:
        return next((a for a in self.absences if a.participant_id == participant_id), None)


@dataclass(eq=False)
class GlanceSession:
    """One stretch an item was under treatment (models.ItemSession)."""

    item_id: int
    started_at: datetime
    ended_at: datetime | None


@dataclass(eq=False)
class Glance:
    id: int
    body: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    opened_at: datetime | None
    closed_at: datetime | None
    current_item_id: int | None
    participants: tuple[GlanceParticipant, ...]
    items: tuple[GlanceItem, ...]
    # Each stretch of treatment, in the order they happened; none in a meeting recorded before
    # they were kept (an item's time is then its first start to its last end).
    item_sessions: tuple[GlanceSession, ...] = ()

    def participant(self, participant_id: int) -> GlanceParticipant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def item(self, item_id: int) -> GlanceItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def sessions_of(self, item: GlanceItem) -> list[GlanceSession]:
        """The stretches `item` was under treatment, as `Meeting.sessions_of` reads them."""
        if self.item_sessions:
            return [s for s in self.item_sessions if s.item_id == item.id]
        if item.started_at is None:
            return []
        return [GlanceSession(item.id, item.started_at, item.ended_at)]

    @property
    def current_item(self) -> GlanceItem | None:
        return self.item(self.current_item_id) if self.current_item_id is not None else None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def read_glance(conn: sqlite3.Connection, meeting_id: int) -> Glance:
    """The meeting's head, participants and items; StorageError when there is no such meeting."""
    head = conn.execute(
        "SELECT body, title, starts_at, status, opened_at, closed_at, current_item_id,"
        " item_sessions FROM meetings WHERE id = ?",
        (meeting_id,),
    ).fetchone()
    if head is None:
        raise StorageError("storage.no_meeting", meeting_id=meeting_id)
    movements: dict[int, list[GlanceMovement]] = {}
    for person, kind, at, item_id in conn.execute(
        "SELECT participant_id, kind, at, item_id FROM movements WHERE meeting_id = ?"
        " ORDER BY participant_id, position",
        (meeting_id,),
    ):
        movements.setdefault(person, []).append(
            GlanceMovement(MovementKind(kind), datetime.fromisoformat(at), item_id)
        )
    participants = tuple(
        GlanceParticipant(
            id=pid,
            name=name,
            affiliation=affiliation,
            role=Role(role),
            votes=bool(votes),
            attendance=Attendance(attendance),
            substitute_for=substitute_for,
            movements=tuple(movements.get(pid, ())),
        )
        for pid, name, affiliation, role, votes, attendance, substitute_for in conn.execute(
            "SELECT id, name, affiliation, role, votes, attendance, substitute_for"
            " FROM participants WHERE meeting_id = ? ORDER BY position",
            (meeting_id,),
        )
    )
    absences: dict[int, list[GlanceAbsence]] = {}
    for item_id, participant_id, kind in conn.execute(
        "SELECT item_id, participant_id, kind FROM item_absences WHERE meeting_id = ?"
        " ORDER BY item_id, position",
        (meeting_id,),
    ):
        absences.setdefault(item_id, []).append(GlanceAbsence(participant_id, AbsenceKind(kind)))
    items = tuple(
        GlanceItem(
            id=iid,
            number=number,
            title=title,
            closed=bool(closed),
            status=ItemStatus(status),
            started_at=_when(started_at),
            ended_at=_when(ended_at),
            absences=tuple(absences.get(iid, ())),
        )
        for iid, number, title, closed, status, started_at, ended_at in conn.execute(
            "SELECT id, number, title, closed, status, started_at, ended_at FROM items"
            " WHERE meeting_id = ? ORDER BY position",
            (meeting_id,),
        )
    )
    body, title, starts_at, status, opened_at, closed_at, current_item_id, stretches = head
    sessions = tuple(
        GlanceSession(s["item_id"], datetime.fromisoformat(s["started_at"]), _when(s["ended_at"]))
        for s in json.loads(stretches)
    )
    return Glance(
        id=meeting_id,
        body=body,
        title=title,
        starts_at=datetime.fromisoformat(starts_at),
        status=MeetingStatus(status),
        opened_at=_when(opened_at),
        closed_at=_when(closed_at),
        current_item_id=current_item_id,
        participants=participants,
        items=items,
        item_sessions=sessions,
    )
