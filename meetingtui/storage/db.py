"""Opening the database: location, pragmas, integrity check, migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from meetingtui.errors import StorageError

ENV_VAR = "MEETINGTUI_DB"
BUSY_TIMEOUT_MS = 5000


def default_path() -> Path:
    """`MEETINGTUI_DB`, else the user data directory (platformdirs)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("meetingtui", appauthor=False) / "meetingtui.db"


def _set_pragmas(conn: sqlite3.Connection, *, readonly: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal" and mode.lower() != "memory":
            raise StorageError("storage.damaged", path="", problem=f"journal_mode={mode}")
    # FULL: a command is acknowledged only after its commit is on disk.
    conn.execute("PRAGMA synchronous=FULL")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise StorageError("storage.not_a_database", path=str(path), problem=str(exc)) from exc
    if rows != ["ok"]:
        raise StorageError("storage.damaged", path=str(path), problem="; ".join(rows[:5]))


def connect(
    path: Path | str, *, readonly: bool = False, check: bool = True, migrate: bool = True
) -> sqlite3.Connection:
    """A connection with WAL, synchronous=FULL, foreign keys and a busy timeout.

    Transactions are explicit (`isolation_level=None`): callers use `transaction(conn)`.
    """
    path = Path(path)
    if str(path) != ":memory:" and not readonly:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        _set_pragmas(conn, readonly=readonly)
        if check:
            _quick_check(conn, path)
        if migrate and not readonly:
            _migrate(conn)
        elif readonly:
            _require_current(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StorageError("storage.not_a_database", path=str(path), problem=str(exc)) from exc
    return conn


# How many migrations a current database has applied (all sets). When the count matches,
# opening skips loading sqlite-utils and the migration machinery: it keeps start-up fast.
# tests/test_storage.py checks this against the registered migrations.
APPLIED_MIGRATIONS = 6


def _applied(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    except sqlite3.OperationalError:  # a new database
        return 0


def _is_current(conn: sqlite3.Connection) -> bool:
    return _applied(conn) == APPLIED_MIGRATIONS


def _require_current(conn: sqlite3.Connection, path: Path) -> None:
    """A read-only connection cannot migrate: an older or newer schema is said, not misread."""
    applied = _applied(conn)
    if applied != APPLIED_MIGRATIONS:
        conn.close()
        key = "storage.newer_schema" if applied > APPLIED_MIGRATIONS else "storage.older_schema"
        raise StorageError(key, path=str(path))


def _migrate(conn: sqlite3.Connection) -> None:
    if _is_current(conn):
        return
    from sqlite_utils import Database

    from meetingtui.storage.schema import migrations

    db = Database(conn, execute_plugins=False)
    if migrations.pending(db):
        migrations.apply(db)
    from meetingtui.storage import search

    search.ensure_search(conn)


class transaction:
    """`BEGIN IMMEDIATE` ... `COMMIT`: takes the write lock up front so writers never interleave.

    Nested inside an open transaction it becomes a SAVEPOINT, so a caller can make several
    commands one all-or-nothing unit (an imported file with several meetings).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._savepoint: str | None = None

    def __enter__(self) -> sqlite3.Connection:
        if self.conn.in_transaction:
            self._savepoint = f"sp_{id(self):x}"
            self.conn.execute(f"SAVEPOINT {self._savepoint}")
            return self.conn
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StorageError("storage.busy") from exc
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._savepoint is not None:
            if exc_type is not None:
                self.conn.execute(f"ROLLBACK TO {self._savepoint}")
            self.conn.execute(f"RELEASE {self._savepoint}")
            return
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone() is not None
