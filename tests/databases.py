"""Databases the tests start from, built once per test run and copied.

Building a database runs every migration, and opening a meeting runs a dozen commands; each
commit waits for the disk (synchronous=FULL), which makes them the most common cost of the
quick loop. A copy of a closed database is the same file, so each state is built once, through
the real code, and copied for every test that starts from it.

`conftest.py` gives this module a folder for the run (`use_folder`); without one (a helper used
outside pytest) nothing is cached and every database is built.
"""

from __future__ import annotations

import copy
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from meetingtui.storage.db import connect
from meetingtui.storage.events import event_hash

if TYPE_CHECKING:
    from tests.meetings import FixedClock

T = TypeVar("T")

_folder: Path | None = None
# name -> (the database built, what its build returned)
_built: dict[str, tuple[Path, object]] = {}


def use_folder(folder: Path | None) -> None:
    """Where the built databases are kept for this run (None: keep none)."""
    global _folder
    _folder = folder
    _built.clear()


def _template(name: str, build: Callable[[Path], object]) -> tuple[Path, object] | None:
    if _folder is None:
        return None
    if name not in _built:
        # A folder of its own: a build may leave files beside the database (an imported roster)
        # and may itself start from another state built once.
        path = Path(tempfile.mkdtemp(dir=_folder)) / "meetings.db"
        _built[name] = (path, build(path))
    return _built[name]


def _build_empty(path: Path) -> None:
    connect(path).close()


def empty_database(path: Path) -> Path:
    """`path` becomes an empty database with every migration applied."""
    template = _template("empty", _build_empty)
    if template is None:
        _build_empty(path)
    else:
        shutil.copyfile(template[0], path)
    return path


def is_empty_copy(path: Path) -> bool:
    """`path` does not exist yet, or is still exactly the empty database of `empty_database`."""
    if not path.exists():
        return True
    if "empty" not in _built:
        return False
    template = _built["empty"][0]
    if template.stat().st_size != path.stat().st_size:
        return False
    # Not a file that SQLite still writes to (a -wal beside it holds newer pages).
    if path.with_name(path.name + "-wal").exists():
        return False
    return template.read_bytes() == path.read_bytes()


def built_once(name: str, path: Path, build: Callable[[Path], T]) -> T:
    """Copy the database `build` made for `name` to `path` and return what the build returned;
    the build runs on first use only (every time when nothing is cached).

    `path` must be a fresh start (see `is_empty_copy`): the copy replaces it.
    """
    template = _template(name, build)
    if template is None:
        return build(path)
    shutil.copyfile(template[0], path)
    return template[1]  # type: ignore[return-value]


def state_built_once(
    name: str, path: Path, clock: FixedClock, build: Callable[[Path, FixedClock], T]
) -> T:
    """`built_once` for a state built with the test's clock: `build(path, clock)` runs on first
    use with a copy of `clock`, and `clock` is then set to where the build left it (a build may
    move meeting time on, and the app that opens the copy reads the same clock).

    The name covers the clock's reading, so a test whose clock starts elsewhere gets its own."""
    start = clock.now

    def build_and_read_clock(template: Path) -> tuple[T, datetime]:
        own_clock = copy.copy(clock)
        return build(template, own_clock), own_clock.now

    result, now = built_once(f"{name} {start.isoformat()} {clock.step}", path, build_and_read_clock)
    clock.now = now
    return result


def rewrite_events(raw: sqlite3.Connection, payload_as_then: Callable[[str], str]) -> None:
    """Give every event the payload an earlier release wrote (`payload_as_then` of today's) and
    chain them again as it hashed them. The events table's triggers, which refuse any change
    to a recorded event, are set aside for it and put back."""
    triggers = raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
    ).fetchall()
    for (sql,) in triggers:
        raw.execute(f"DROP TRIGGER {sql.split()[2]}")
    previous = "0" * 64
    rows = raw.execute("SELECT seq, meeting_id, type, at, payload FROM events ORDER BY seq")
    for seq, meeting_id, type_, at, payload in rows.fetchall():
        payload = payload_as_then(payload)
        digest = event_hash(seq, meeting_id, type_, at, payload, previous)
        raw.execute(
            "UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (payload, previous, digest, seq),
        )
        previous = digest
    raw.execute("UPDATE chain_head SET hash = ? WHERE id = 1", (previous,))
    for (sql,) in triggers:
        raw.execute(sql)
