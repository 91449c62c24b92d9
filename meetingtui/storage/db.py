"""Opening the database: location, pragmas, integrity check, migrations, snapshots, backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from meetingtui.errors import StorageError
from meetingtui.storage.faults import readonly_reason, sqlite_fault

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
        raise sqlite_fault(exc, path) from exc
    if rows != ["ok"]:
        raise StorageError("storage.damaged", path=str(path), problem="; ".join(rows[:5]))


def _uri(path: Path, *, immutable: bool) -> str:
    # Quoted, so that "?" or "#" in a folder name is not read as URI syntax.
    return f"file:{quote(str(path.absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")


def _wal_has_content(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _open_readonly(path: Path) -> sqlite3.Connection:
    """Read-only; on a read-only drive or folder, where SQLite cannot create the `-shm` file,
    the file is opened as immutable (nothing can change it there)."""
    if not path.exists():
        raise StorageError("storage.missing", path=str(path))
    immutable = readonly_reason(path) in ("storage.readonly_media", "storage.readonly_folder")
    if immutable and _wal_has_content(path) and not path.with_name(path.name + "-shm").exists():
        # The newest commits are in the -wal file, which SQLite cannot read without its -shm.
        raise StorageError("storage.wal_unreadable", path=str(path))
    if immutable and _wal_has_content(path):
        immutable = False  # -wal and -shm are there: SQLite reads them read-only
    return sqlite3.connect(
        _uri(path, immutable=immutable), uri=True, isolation_level=None, check_same_thread=False
    )


def connect(
    path: Path | str,
    *,
    readonly: bool = False,
    check: bool = True,
    migrate: bool = True,
    newer_ok: bool = False,
) -> sqlite3.Connection:
    """A connection with WAL, synchronous=FULL, foreign keys and a busy timeout.

    Transactions are explicit (`isolation_level=None`): callers use `transaction(conn)` to
    write and `snapshot(conn)` to read several statements as one moment. `newer_ok` lets a
    read-only connection read a schema from a newer release (`list`, `verify` say so).
    A fault of the disk or the file raises StorageError naming it.
    """
    path = Path(path)
    in_memory = str(path) == ":memory:"
    if not in_memory and not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from meetingtui.storage.faults import os_fault

            raise os_fault(exc, path) from exc
        # SQLite would open an unwritable file read-only without a word and fail at the first
        # command; say why now.
        reason = readonly_reason(path)
        if reason is not None:
            raise StorageError(reason, path=str(path), folder=str(path.parent))
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = _open_readonly(path)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        _set_pragmas(conn, readonly=readonly)
        if check:
            _quick_check(conn, path)
        if readonly:
            _require_current(conn, path, newer_ok=newer_ok)
        elif migrate:
            _migrate(conn, path)
    except StorageError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise sqlite_fault(exc, path) from exc
    return conn


def open_for_reading(path: Path | str, *, newer_ok: bool = False) -> sqlite3.Connection:
    """For commands that only read (list, search, case, export): an older database is brought
    up to date when it can be written; on a read-only file or drive it is read as it is."""
    path = Path(path)
    if readonly_reason(path) is None:
        return connect(path)
    return connect(path, readonly=True, newer_ok=newer_ok)


# How many migrations a current database has applied (all sets). When the count matches,
# opening skips loading sqlite-utils and the migration machinery: it keeps start-up fast.
# tests/test_storage.py checks this against the registered migrations.
APPLIED_MIGRATIONS = 17


# Our migration sets; another tool's sets in the same table are not ours to judge.
_OURS = "migration_set IN ('meetingtui', 'meetingtui-search')"


def _applied(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute(f"SELECT count(*) FROM _sqlite_migrations WHERE {_OURS}").fetchone()[0]
    except sqlite3.OperationalError:  # a new database
        return 0


def is_current(conn: sqlite3.Connection) -> bool:
    return _applied(conn) == APPLIED_MIGRATIONS


def registered_migrations() -> dict[str, list[str]]:
    """Every migration this release knows, by set, in order."""
    from sqlite_utils import Database

    from meetingtui.storage import schema, search_index

    empty = Database(memory=True)
    return {
        m.name: [x.name for x in m.pending(empty)]
        for m in (schema.migrations, search_index.migrations)
    }


def _diagnose_schema(conn: sqlite3.Connection, path: Path) -> bool:
    """True when migrations are pending. StorageError for a schema from a newer release (a
    migration this release does not know) or a migration row missing between applied ones."""
    sets = registered_migrations()
    try:
        rows = conn.execute(
            f"SELECT migration_set, name FROM _sqlite_migrations WHERE {_OURS}"
        ).fetchall()
    except sqlite3.OperationalError:  # a new database
        rows = []
    applied = {(s, n) for s, n in rows}
    if any(name not in sets.get(set_name, ()) for set_name, name in applied):
        raise StorageError(
            "storage.newer_schema", path=str(path), found=len(applied), known=APPLIED_MIGRATIONS
        )
    for set_name, names in sets.items():
        done = [(set_name, n) in applied for n in names]
        if True in done:
            last = len(done) - 1 - done[::-1].index(True)
            missing = [n for n, ok in zip(names[:last], done[:last], strict=True) if not ok]
            if missing:
                raise StorageError("storage.migration_missing", path=str(path), name=missing[0])
    return len(applied) < APPLIED_MIGRATIONS


def _require_current(conn: sqlite3.Connection, path: Path, *, newer_ok: bool) -> None:
    """A read-only connection cannot migrate: an older or newer schema is said, not misread."""
    if is_current(conn):
        return
    try:
        pending = _diagnose_schema(conn, path)
    except StorageError as exc:
        if exc.key == "storage.newer_schema" and newer_ok:
            return
        raise
    if pending:
        raise StorageError("storage.older_schema", path=str(path))


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if is_current(conn):
        return
    if not _diagnose_schema(conn, path):
        return
    from sqlite_utils import Database

    from meetingtui.storage.schema import migrations

    db = Database(conn, execute_plugins=False)
    try:
        if migrations.pending(db):
            migrations.apply(db)
        from meetingtui.storage import search_index

        search_index.ensure_search(conn)
    except sqlite3.OperationalError as exc:
        fault = sqlite_fault(exc, path)
        if fault.key not in ("storage.not_a_database", "storage.damaged"):
            raise fault from exc
        # A migration that finds its tables already there: its row in _sqlite_migrations is
        # gone, not the tables.
        raise StorageError("storage.migration_failed", path=str(path), problem=str(exc)) from exc


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migrations the database has applied (its schema version)."""
    return _applied(conn)


class transaction:
    """`BEGIN IMMEDIATE` ... `COMMIT`: takes the write lock up front so writers never interleave.

    Nested inside an open transaction it becomes a SAVEPOINT, so a caller can make several
    commands one all-or-nothing unit (an imported file with several meetings). A full disk or
    a read-only file rolls back and raises StorageError naming the cause.
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
            raise self._fault(exc) from exc
        return self.conn

    def _fault(self, exc: sqlite3.Error) -> StorageError:
        from meetingtui.storage.faults import database_path

        return sqlite_fault(exc, database_path(self.conn))

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._savepoint is not None:
            if exc_type is None:
                self.conn.execute(f"RELEASE {self._savepoint}")
                return
            # A full disk may have rolled the whole transaction back already.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {self._savepoint}")
                self.conn.execute(f"RELEASE {self._savepoint}")
            if isinstance(exc, sqlite3.DatabaseError) and _is_disk_fault(exc):
                raise self._fault(exc) from exc
            return
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                # A commit that cannot reach the disk leaves the transaction open: undo it, so
                # the connection stays usable and nothing half-written is acknowledged.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise self._fault(error) from error
            return
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.DatabaseError) and _is_disk_fault(exc):
            raise self._fault(exc) from exc


def _is_disk_fault(exc: sqlite3.Error) -> bool:
    # READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB: the disk or the file, not the command.
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (8, 10, 11, 13, 14, 26)


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Read several statements as ONE moment: a read transaction, which WAL gives a snapshot,
    so a commit by another process cannot land between them. Inside an open transaction the
    statements see that transaction already."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def checkpoint(conn: sqlite3.Connection) -> bool:
    """Copy the WAL into the database file, so the `.db` alone holds every commit.

    True when every frame was copied (a reader in another process may hold some back).
    """
    # Wait briefly for a follower that is in the middle of a read, never seconds.
    conn.execute("PRAGMA busy_timeout=200")
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        # A full disk, say: the commits are safe in the -wal file and SQLite copies them at
        # the next checkpoint. Called after a command was acknowledged, this must not undo
        # the acknowledgement by raising.
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return busy == 0


def backup(source: Path | str, target: Path | str) -> sqlite3.Connection:
    """Copy the database at `source` to the new file `target` with SQLite's online backup,
    one consistent moment (WAL included), while other processes may write. Returns a
    connection to the copy, checked and read-only, for the caller to report from."""
    source, target = Path(source), Path(target)
    src = connect(source, readonly=True, newer_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dst)  # all pages in one step: one read transaction, one moment
            dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        finally:
            dst.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise sqlite_fault(exc, target) from exc
    except OSError as exc:
        from meetingtui.storage.faults import os_fault

        tmp.unlink(missing_ok=True)
        raise os_fault(exc, target) from exc
    finally:
        src.close()
    return connect(target, readonly=True, newer_ok=True)


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone() is not None
