"""Faults of the disk and the file system, each turned into one sentence that names the cause.

SQLite reports a full disk, a read-only file and a read-only drive with a handful of codes
("database or disk is full", "attempt to write a readonly database", "unable to open database
file"); the user needs to know which of them it is and that nothing was changed.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from meetingtui.errors import StorageError
from meetingtui.i18n import t

# Primary result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def readonly_reason(path: Path) -> str | None:
    """Why `path` (a database) cannot be written, as a catalog key; None when it can.

    A read-only drive, a read-only file, or a read-only folder (WAL needs to create the
    `-wal` and `-shm` files beside the database).
    """
    folder = path.parent if str(path.parent) else Path(".")
    probe = path if path.exists() else folder
    try:
        if os.statvfs(probe).f_flag & os.ST_RDONLY:
            return "storage.readonly_media"
    except OSError:
        return None
    if path.exists() and not os.access(path, os.W_OK):
        return "storage.readonly_file"
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    if not os.access(folder, os.W_OK | os.X_OK) and not all(
        f.exists() and os.access(f, os.W_OK) for f in beside
    ):
        return "storage.readonly_folder"
    return None


def _disk_is_full(path: Path) -> bool:
    try:
        info = os.statvfs(path.parent if str(path.parent) else ".")
    except OSError:
        return False
    return info.f_bavail == 0 or info.f_favail == 0


def os_fault(exc: OSError, path: Path | str) -> StorageError:
    """An OSError met while reading or writing `path`, as a StorageError with its cause."""
    path = Path(path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError("storage.disk_full", path=str(path))
    if exc.errno == errno.EROFS:
        return StorageError("storage.readonly_media", path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM):
        key = readonly_reason(path) or "storage.no_access"
        return StorageError(key, path=str(path), folder=str(path.parent))
    return StorageError("storage.io_error", path=str(path), problem=exc.strerror or str(exc))


def os_cause(exc: OSError, path: Path | str) -> str:
    """The cause of an OSError in a few words, for a sentence about a file being written."""
    fault = os_fault(exc, path)
    key = fault.key.replace("storage.", "fault.", 1)
    if fault.key == "storage.io_error":
        return str(fault.params["problem"])
    return t(key)


def sqlite_fault(exc: sqlite3.Error, path: Path | str) -> StorageError:
    """A sqlite3 error as a StorageError that names the cause (the disk, the file, the data)."""
    path = Path(path)
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == _FULL or (code == _IOERR and _disk_is_full(path)):
        return StorageError("storage.disk_full", path=str(path))
    if code in (_READONLY, _CANTOPEN, _IOERR):
        reason = readonly_reason(path)
        if reason is not None:
            return StorageError(reason, path=str(path), folder=str(path.parent))
    if code in (_BUSY, _LOCKED):
        return StorageError("storage.busy")
    if code == _CANTOPEN:
        return StorageError("storage.cannot_open", path=str(path), problem=str(exc))
    if code == _IOERR:
        return StorageError("storage.io_error", path=str(path), problem=str(exc))
    if code == _CORRUPT:
        return StorageError("storage.damaged", path=str(path), problem=str(exc))
    return StorageError("storage.not_a_database", path=str(path), problem=str(exc))


def database_path(conn: sqlite3.Connection) -> Path:
    """The file behind a connection (for messages), or ':memory:'."""
    try:
        for _, name, file in conn.execute("PRAGMA database_list"):
            if name == "main":
                return Path(file) if file else Path(":memory:")
    except sqlite3.Error:
        pass
    return Path(":memory:")


def follow_stopped(exc: sqlite3.Error | StorageError, conn: sqlite3.Connection) -> StorageError:
    """A follower that can no longer read its database: say why, and stop following."""
    fault = exc if isinstance(exc, StorageError) else sqlite_fault(exc, database_path(conn))
    return StorageError("storage.follow_stopped", problem=fault.message)
