"""Who a meeting's participants are and where their mail goes.

A meeting planned from a committee knows each participant's roster entry, so an address put
right in the roster after the meeting was planned is the one used; a meeting planned from an
agenda file keeps the addresses the file gave. Setting an address is a register event.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from meetingtui.errors import CommandRefused
from meetingtui.mail.address import is_email
from meetingtui.storage import register


@dataclass(frozen=True)
class Address:
    participant_id: int
    name: str
    email: str  # "" when the participant has none
    member_id: int | None  # the committee roster entry, when planned from a committee


def set_address(
    conn: sqlite3.Connection,
    meeting_id: int,
    participant_id: int,
    name: str,
    email: str,
    at: datetime,
    *,
    member_id: int | None = None,
) -> None:
    """Record who a participant is on the roster and their address (validated)."""
    email = email.strip()
    if email and not is_email(email):
        raise CommandRefused("committee.bad_email", email=email)
    payload = {
        "meeting_id": meeting_id,
        "participant_id": participant_id,
        "name": name,
        "email": email,
        "member_id": member_id,
    }
    register.commit(conn, "meeting_address_set", payload, at)


def meeting_addresses(conn: sqlite3.Connection, meeting_id: int) -> dict[int, Address]:
    """participant id -> Address, with the roster's current address where there is one."""
    rows = conn.execute(
        "SELECT a.participant_id, a.name, a.email, a.member_id, r.email "
        "FROM meeting_addresses a "
        "LEFT JOIN meeting_committee mc ON mc.meeting_id = a.meeting_id "
        "LEFT JOIN committee_roster r "
        "  ON r.committee_id = mc.committee_id AND r.id = a.member_id "
        "WHERE a.meeting_id = ?",
        (meeting_id,),
    ).fetchall()
    return {r[0]: Address(r[0], r[1], r[4] if r[4] is not None else r[2], r[3]) for r in rows}
