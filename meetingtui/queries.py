"""The read API: everything the CLI, the screens, the live page and mail read from a database.

Writes go through the command API (`service.py`); reads come from here, so no caller needs to
know the tables. Each function takes an open connection, as sqlite-utils' functions do:

    conn = open_reading(path)
    for summary in list_meetings(conn):
        ...

Storage modules load only when a function needs them, so the first frame of the TUI (which
reads `glance`) does not pay for pydantic, sqlite-utils or the search index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

# The rows browsing the archive gives (small dataclasses, no pydantic): named here for callers.
from meetingtui.storage.browse import ItemEntry as ItemEntry
from meetingtui.storage.browse import MeetingEntry as MeetingEntry
from meetingtui.storage.browse import YearCount as YearCount
from meetingtui.vocabulary import MeetingStatus

if TYPE_CHECKING:
    from meetingtui.glance import Glance
    from meetingtui.models import Meeting
    from meetingtui.storage.case_history import CaseEntry
    from meetingtui.storage.search import SearchResults


def open_reading(
    db_path: Path | str, *, note: Callable[[str], None] | None = None
) -> sqlite3.Connection:
    """A connection for commands that only read (list, verify, search, case, export).

    An older database is brought up to date when the file can be written; a read-only file or
    drive is read as it is. A database from a newer release is read as it is too, and `note`
    gets the sentence that says so (without `note`, it is refused with that sentence)."""
    from meetingtui.errors import StorageError
    from meetingtui.storage.db import connect, open_for_reading

    try:
        return open_for_reading(db_path)
    except StorageError as exc:
        if exc.key != "storage.newer_schema" or note is None:
            raise
        newer = exc
    conn = connect(db_path, readonly=True, newer_ok=True)
    from meetingtui.i18n import t

    note(t("storage.newer_schema_reading", **newer.params))
    return conn


# --- meetings -----------------------------------------------------------------------------------


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    from meetingtui.storage.db import meeting_exists as exists

    return exists(conn, meeting_id)


@dataclass(frozen=True)
class MeetingSummary:
    """One line of `meetingtui list` and of the start screen."""

    id: int
    body: str
    title: str
    starts_at: datetime
    location: str
    status: MeetingStatus
    document_kind: str
    items: int


def list_meetings(conn: sqlite3.Connection) -> list[MeetingSummary]:
    """Every meeting, the newest first."""
    rows = conn.execute(
        "SELECT m.id, m.body, m.title, m.starts_at, m.location, m.status, m.document_kind, "
        "(SELECT count(*) FROM items i WHERE i.meeting_id = m.id) "
        "FROM meetings m ORDER BY m.starts_at DESC, m.id DESC"
    ).fetchall()
    return [
        MeetingSummary(
            r[0], r[1], r[2], datetime.fromisoformat(r[3]), r[4], MeetingStatus(r[5]), r[6], r[7]
        )
        for r in rows
    ]


def load_record(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    """The meeting's record from its state tables (StorageError when there is none)."""
    from meetingtui.storage.records import load_meeting

    return load_meeting(conn, meeting_id)


def checked_record(conn: sqlite3.Connection, meeting_id: int) -> tuple[Meeting, str]:
    """The record and its chain head as one moment, once its tables are found to match its
    events (what `open` and `export` show): StorageError for a missing or hand-edited one."""
    from meetingtui.verify import checked_meeting

    return checked_meeting(conn, meeting_id)


def glance(conn: sqlite3.Connection, meeting_id: int) -> Glance:
    """The meeting straight from its tables, without pydantic: enough for the roll call's
    first frame, while the full record loads behind it (see `glance.py`)."""
    from meetingtui.glance import read_glance

    return read_glance(conn, meeting_id)


def own_clock_lag(conn: sqlite3.Connection, meeting_id: int, wall: datetime) -> timedelta:
    """How far the meeting's record times lie behind the wall clock `wall`.

    Zero for a meeting held on its date. One held on another day (the demo, a meeting entered
    afterwards) runs on its own clock, which goes on from its newest stamp as it is worked on
    (`meetingclock.RecordClock`): read just after a commit, that stamp is the meeting's time
    now, so a speaker's deadline in record time is this much earlier on the wall.
    """
    from meetingtui.storage.events import clock_stamps

    own_clock, newest = clock_stamps(conn, meeting_id)
    if not own_clock or newest is None:
        return timedelta(0)
    stamp = datetime.fromisoformat(newest)
    if (stamp.tzinfo is None) != (wall.tzinfo is None):
        wall = wall.replace(tzinfo=stamp.tzinfo)
    return wall - stamp


# --- the audit chain ----------------------------------------------------------------------------


def chain_head(conn: sqlite3.Connection, meeting_id: int | None = None) -> str:
    """The hash of the newest event, of one meeting or of the whole database ("" if none)."""
    from meetingtui.storage.events import chain_head as head

    return head(conn, meeting_id)


@dataclass(frozen=True)
class PrintedHash:
    """Where a hash printed in a referat is in the chain, and whether the meeting moved on."""

    meeting_id: int
    seq: int
    later_events: int  # the meeting's events after it: the referat is out of date if any
    meeting_head: str  # the meeting's newest hash now


def find_printed_hash(conn: sqlite3.Connection, prefix: str) -> PrintedHash | None:
    """The event a referat's printed hash (a hex prefix) names, or None."""
    from meetingtui.storage import events

    found = events.find_hash(conn, prefix.strip())
    if found is None:
        return None
    return PrintedHash(
        meeting_id=found.meeting_id,
        seq=found.seq,
        later_events=events.later_events(conn, found.meeting_id, found.seq),
        meeting_head=events.chain_head(conn, found.meeting_id),
    )


@dataclass(frozen=True)
class Totals:
    meetings: int
    events: int
    head: str


def totals(conn: sqlite3.Connection) -> Totals:
    """How many meetings and events a database holds, and its chain head."""
    meetings = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    events, head = conn.execute(
        "SELECT count(*), (SELECT hash FROM chain_head WHERE id = 1) FROM events"
    ).fetchone()
    return Totals(meetings=meetings, events=events, head=head or "")


# --- the archive --------------------------------------------------------------------------------


def archive_years(conn: sqlite3.Connection) -> list[YearCount]:
    """Every committee and year with meetings, committees A-Z, the newest year first."""
    from meetingtui.storage import browse

    return browse.years(conn)


def archive_meetings(conn: sqlite3.Connection, body: str, year: str) -> list[MeetingEntry]:
    """The meetings of one committee in one year."""
    from meetingtui.storage import browse

    return browse.meetings_of(conn, body, year)


def archive_items(conn: sqlite3.Connection, meeting_id: int) -> list[ItemEntry]:
    """The items of one meeting, as the archive lists them."""
    from meetingtui.storage import browse

    return browse.items_of(conn, meeting_id)


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    body: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    limit: int = 50,
    marks: tuple[str, str] = ("[", "]"),
    deadline: float | None = None,
) -> SearchResults:
    """Full-text search of titles, sections and decisions, best first, with what the user
    should be told about it (a shortened query, a search stopped at its deadline)."""
    from meetingtui.storage import search as store

    return store.search(
        conn,
        query,
        body=body,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        marks=marks,
        deadline=store.DEADLINE_SECONDS if deadline is None else deadline,
    )


def case_history(conn: sqlite3.Connection, case_number: str) -> list[CaseEntry]:
    """Every item with this case number across meetings, in date order, with its decisions."""
    from meetingtui.storage.case_history import case_history as history

    return history(conn, case_number)
