"""The delivery record: every attempt to mail a referat, sent or not, as a register event."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from meetingtui.storage import register


class Variant(StrEnum):
    PUBLIC = "public"  # closed items show only "Lukket punkt"
    INTERNAL = "internal"  # everything, for members


class Status(StrEnum):
    SENT = "sent"  # the server accepted the message for this recipient
    REFUSED = "refused"  # the server refused the recipient or the message
    FAILED = "failed"  # the connection broke during this recipient: delivery unknown


@dataclass(frozen=True)
class Delivery:
    seq: int
    meeting_id: int
    participant_id: int
    name: str
    email: str
    variant: Variant
    draft: bool
    referat_hash: str  # the meeting's chain head the referat was made from
    sha256: str  # of the attached file
    filename: str
    status: Status
    reason: str
    at: datetime


def record_delivery(
    conn: sqlite3.Connection,
    *,
    meeting_id: int,
    participant_id: int,
    name: str,
    email: str,
    variant: Variant,
    draft: bool,
    referat_hash: str,
    sha256: str,
    filename: str,
    status: Status,
    reason: str,
    at: datetime,
) -> int:
    payload = {
        "meeting_id": meeting_id,
        "participant_id": participant_id,
        "name": name,
        "email": email,
        "variant": variant.value,
        "draft": draft,
        "referat_hash": referat_hash,
        "sha256": sha256,
        "filename": filename,
        "status": status.value,
        "reason": reason,
    }
    return register.commit(conn, "referat_delivery", payload, at)


def deliveries(conn: sqlite3.Connection, meeting_id: int) -> list[Delivery]:
    """Every attempt for the meeting, oldest first."""
    rows = conn.execute(
        "SELECT seq, meeting_id, participant_id, name, email, variant, draft, referat_hash, "
        "sha256, filename, status, reason, at FROM referat_deliveries WHERE meeting_id = ? "
        "ORDER BY seq",
        (meeting_id,),
    ).fetchall()
    return [
        Delivery(
            seq=r[0],
            meeting_id=r[1],
            participant_id=r[2],
            name=r[3],
            email=r[4],
            variant=Variant(r[5]),
            draft=bool(r[6]),
            referat_hash=r[7],
            sha256=r[8],
            filename=r[9],
            status=Status(r[10]),
            reason=r[11],
            at=datetime.fromisoformat(r[12]),
        )
        for r in rows
    ]
