"""One OS lock per meeting, so that only one terminal writes it."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from meetingtui.errors import StorageError


def lock_path(db_path: Path, meeting_id: int) -> Path:
    return db_path.with_name(f"{db_path.name}.meeting-{meeting_id}.lock")


def acquire_lock(db_path: Path, meeting_id: int) -> IO[str]:
    """Held while the file stays open; the kernel releases it when the process dies, so it is
    never stale. StorageError `storage.locked` when another process holds it."""
    handle = open(lock_path(db_path, meeting_id), "a+")  # noqa: SIM115 - held while open
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StorageError("storage.locked", meeting_id=meeting_id) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
