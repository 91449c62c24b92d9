"""Indkald stedfortræder: the next stedfortræder on the party list of a member who sent afbud.

The list is the committee's roster valid on the meeting's date, in the party's order; a
stedfortræder already in the meeting (seated for someone else) is passed over.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

from meetingtui.committees.model import RosterEntry
from meetingtui.committees.queries import committee_of_meeting

if TYPE_CHECKING:
    from meetingtui.models import Meeting, Participant


def substitutes_for(
    conn: sqlite3.Connection, meeting: Meeting, holder: Participant
) -> list[RosterEntry] | None:
    """The stedfortrædere who could take `holder`'s seat, first one first; None when the
    meeting was not planned from a committee (there is no list to offer from)."""
    if meeting.id is None:
        return None
    committee = committee_of_meeting(conn, meeting.id)
    if committee is None:
        return None
    if not holder.votes or holder.substitute_for is not None:
        return []
    taken = {p.name.casefold() for p in meeting.participants}
    return [
        entry
        for entry in committee.substitutes_on(meeting.starts_at.date(), holder.affiliation)
        if entry.name.casefold() not in taken
    ]


def next_substitute(
    conn: sqlite3.Connection, meeting: Meeting, holder: Participant
) -> RosterEntry | None:
    found = substitutes_for(conn, meeting, holder)
    return found[0] if found else None


def record_called_in(
    conn: sqlite3.Connection, meeting_id: int, participant_id: int, entry: RosterEntry, at: datetime
) -> None:
    """The seated stedfortræder is this roster entry: the referat reaches their address."""
    from meetingtui.mail.recipients import set_address

    set_address(conn, meeting_id, participant_id, entry.name, entry.email, at, member_id=entry.id)
