"""One writer per meeting per database FILE, whatever path, symlink or hard link reaches it.

The lock is taken on the database file itself: one byte per meeting, far beyond anything SQLite
locks, with a Linux open-file-description lock (`F_OFD_SETLK`). Such a lock belongs to the file,
not to the name it was opened by, and the kernel drops it when the process dies, so it is never
stale.

The descriptor used for it stays open for the life of the process: closing ANY descriptor of
a file drops every POSIX lock the process holds on it, including the ones SQLite holds on the
database, and another process could then checkpoint and delete the WAL under our connections.
Releasing a meeting therefore unlocks its byte and keeps the descriptor.

Where open-file-description locks do not exist (macOS), a lock file beside the real file,
named after its inode, is locked with `flock`: a symlink or another spelling of the path meets
the same lock, a hard link in another folder does not.
"""

from __future__ import annotations

import errno
import fcntl
import os
import struct
import threading
from collections.abc import Callable
from pathlib import Path

from meetingtui.errors import StorageError

# One byte per meeting from here: SQLite locks bytes near 1 GiB (0x40000000), nothing this far.
LOCK_BASE = 1 << 62
OFD_SETLK: int | None = getattr(fcntl, "F_OFD_SETLK", None)

_guard = threading.Lock()
_files: dict[tuple[int, int], int] = {}  # (st_dev, st_ino) -> descriptor kept open
_held: set[tuple[int, int, int]] = set()  # (st_dev, st_ino, meeting_id) locked by this process


def _flock_struct(lock_type: int, start: int) -> bytes:
    # struct flock {short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid;},
    # zero-padded to the largest size any platform gives it; l_pid must be 0 for OFD locks.
    packed = struct.pack("hhqqi", lock_type, os.SEEK_SET, start, 1, 0)
    return packed.ljust(64, b"\0")


def _file_descriptor(db_path: Path) -> tuple[tuple[int, int], int]:
    """The process's descriptor of the database file, opened once (see the module docstring)."""
    try:
        fd = os.open(db_path, os.O_RDWR | os.O_CLOEXEC)
    except OSError as exc:
        from meetingtui.storage.faults import os_fault

        raise os_fault(exc, db_path) from exc
    info = os.fstat(fd)
    key = (info.st_dev, info.st_ino)
    known = _files.get(key)
    if known is not None:
        os.close(fd)  # safe: `known` stays open, so the file's POSIX locks are kept
        return key, known
    _forget_deleted_files()
    _files[key] = fd
    return key, fd


def kept_descriptor(db_path: Path | str) -> int | None:
    """The descriptor this process keeps open on the database file, if it has locked a meeting
    of that file: it stays open after the release (see the module docstring)."""
    info = os.stat(db_path)
    with _guard:
        return _files.get((info.st_dev, info.st_ino))


def _forget_deleted_files() -> None:
    """Close descriptors of database files that were deleted: nobody can open them again."""
    for key, fd in list(_files.items()):
        if os.fstat(fd).st_nlink == 0 and not any(h[:2] == key for h in _held):
            del _files[key]
            os.close(fd)


class WriterLock:
    """Held until `close()` or the end of the process."""

    def __init__(self, key: tuple[int, int, int], release: Callable[[], None]) -> None:
        self._key = key
        self._release = release

    @property
    def held(self) -> bool:
        return self._key in _held

    def close(self) -> None:
        with _guard:
            if self._key in _held:
                self._release()
                _held.discard(self._key)


def acquire_lock(db_path: Path | str, meeting_id: int) -> WriterLock:
    """The right to write meeting `meeting_id` of the database file at `db_path`.

    StorageError `storage.locked` when another process, or another part of this one, holds it.
    """
    db_path = Path(db_path)
    with _guard:
        key, fd = _file_descriptor(db_path)
        held = (*key, meeting_id)
        if held in _held:
            raise StorageError("storage.locked", meeting_id=meeting_id)
        if OFD_SETLK is None:
            release = _lock_file(db_path, key, meeting_id)
        else:
            release = _lock_byte(fd, meeting_id)
        _held.add(held)
    return WriterLock(held, release)


def _lock_byte(fd: int, meeting_id: int) -> Callable[[], None]:
    assert OFD_SETLK is not None
    start = LOCK_BASE + meeting_id
    try:
        fcntl.fcntl(fd, OFD_SETLK, _flock_struct(fcntl.F_WRLCK, start))
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            raise StorageError("storage.locked", meeting_id=meeting_id) from None
        raise

    def release() -> None:
        fcntl.fcntl(fd, OFD_SETLK, _flock_struct(fcntl.F_UNLCK, start))

    return release


def _lock_file(db_path: Path, key: tuple[int, int], meeting_id: int) -> Callable[[], None]:
    real = db_path.resolve()
    path = real.with_name(f".{real.name}.{key[1]}.meeting-{meeting_id}.lock")
    handle = open(path, "a+")  # noqa: SIM115 - held until released
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StorageError("storage.locked", meeting_id=meeting_id) from None
    return handle.close
