"""What the search tests start from: meetings imported into an archive once per run, a copy of
it opened for each test, and `find` for the hits of a query."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from meetingtui import service
from meetingtui.models import Meeting
from meetingtui.storage import search
from meetingtui.storage.db import connect
from tests import databases


def find(conn: sqlite3.Connection, query: str, **filters: object) -> list[search.SearchHit]:
    return search.search(conn, query, **filters).hits  # type: ignore[arg-type]


def imported_archive(
    name: str, path: Path, meetings: Callable[[], list[Meeting]]
) -> Iterator[sqlite3.Connection]:
    """A connection to `path`, a copy of the archive `meetings()` imported into, built once per
    run under `name` (tests/databases.py); closed when the test ends (a fixture yields from
    it)."""
    databases.built_once(name, path, lambda built: _import(built, meetings()))
    connection = connect(path)
    try:
        yield connection
    finally:
        connection.close()


def _import(path: Path, meetings: list[Meeting]) -> None:
    connection = connect(path)
    try:
        for n, meeting in enumerate(meetings):
            content_hash = hashlib.sha256(b"%d" % n).hexdigest()
            service.import_meeting(connection, meeting, content_hash=content_hash)
    finally:
        connection.close()
