"""New meetings into the database: a planned one (from an agenda file or the demo) and an
imported one (the model, or what a parser process prepared of it).

Like every command, storing a meeting writes its event and its state in ONE transaction; an
imported meeting whose content is already stored is "already present", not a duplicate.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from meetingtui.clock import Clock, local_now
from meetingtui.models import Meeting, MeetingStatus
from meetingtui.storage import events, records
from meetingtui.storage.db import transaction
from meetingtui.storage.prepared import PreparedMeeting


def _store_new(
    conn: sqlite3.Connection,
    meeting: Meeting,
    type_: str,
    content_hash: str | None,
    at: datetime,
    item_hashes: dict[str, list[str]] | None = None,
) -> int:
    with transaction(conn):
        meeting_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings").fetchone()[0]
        meeting.id = meeting_id
        payload: dict[str, Any] = {
            "meeting_id": meeting_id,
            "meeting": meeting.model_dump(mode="json"),
        }
        if content_hash is not None:
            payload["content_hash"] = content_hash
        if item_hashes:  # one-item files made one meeting: which file brought which item
            payload["item_hashes"] = item_hashes
        events.append(conn, meeting_id, type_, at.isoformat(), payload)
        records.write_full(conn, meeting, content_hash=content_hash)
        from meetingtui.storage import search_index

        # The meeting is new: index it from the model rather than reading the rows back.
        search_index.index_new_meeting(conn, meeting)
    return meeting_id


def create_meeting(conn: sqlite3.Connection, meeting: Meeting, *, clock: Clock = local_now) -> int:
    """Store a planned meeting (from an agenda file or the demo). Returns its id."""
    meeting = meeting.model_copy(deep=True)
    meeting.status = MeetingStatus.PLANNED
    return _store_new(conn, meeting, "meeting_created", None, clock())


def _store_prepared(
    conn: sqlite3.Connection, prepared: PreparedMeeting, content_hash: str, at: datetime
) -> int:
    """`_store_new` of an imported meeting from what its parser process prepared: the same
    event and rows, the id put in. A new id has no rows yet (foreign keys), so none are deleted."""
    from meetingtui.storage import search_index

    with transaction(conn):
        meeting_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings").fetchone()[0]
        body = prepared.event_body(meeting_id, content_hash)
        events.append_encoded(conn, meeting_id, "meeting_imported", at.isoformat(), body)
        records.insert_rows(conn, prepared.rows_for(meeting_id, content_hash))
        search_index.insert_rows(conn, prepared.search_rows_for(meeting_id))
    return meeting_id


def import_meeting(
    conn: sqlite3.Connection,
    meeting: Meeting | PreparedMeeting,
    *,
    content_hash: str,
    item_hashes: dict[str, list[str]] | None = None,
    clock: Clock = local_now,
) -> int | None:
    """Store an imported meeting (the model, or what a parser process prepared of it); None
    when the same content is already in the database. `item_hashes` (item number -> file
    hashes) when one-item files make the meeting (always a model: merged by the writer)."""
    known = conn.execute(
        "SELECT id FROM meetings WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    if known is not None:
        return None
    try:
        if isinstance(meeting, PreparedMeeting):
            assert item_hashes is None
            return _store_prepared(conn, meeting, content_hash, clock())
        # The meeting comes fresh from a parser: no copy, it receives its id in place.
        return _store_new(conn, meeting, "meeting_imported", content_hash, clock(), item_hashes)
    except sqlite3.IntegrityError:
        # Imported by another process in the meantime: fine. Anything else (a parser that
        # produced duplicate ids) is a failure to report, never "already present".
        again = conn.execute(
            "SELECT 1 FROM meetings WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if again is None:
            raise
        return None
