"""The right to write a meeting, refused with the meeting's name ("Mødet i Økonomiudvalget den
11.03.2025 er allerede åbent …"), never the database's internal id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from meetingtui.errors import StorageError
from meetingtui.storage.lock import WriterLock, acquire_lock

# The refusals that mean another writer has the meeting (the plain one when it has no name).
LOCKED = ("storage.locked", "storage.locked_named")


def acquire_writer_lock(conn: sqlite3.Connection, db_path: Path, meeting_id: int) -> WriterLock:
    try:
        return acquire_lock(db_path, meeting_id)
    except StorageError as exc:
        if exc.key != "storage.locked":
            raise
        from meetingtui.verify import meeting_name

        raise StorageError("storage.locked_named", meeting=meeting_name(conn, meeting_id)) from None
