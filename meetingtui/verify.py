"""`meetingtui verify`: recompute the audit chain and check every meeting against its events.

Everything is read in ONE read transaction (a WAL snapshot), so a meeting recorded meanwhile in
another terminal is never mistaken for tampering.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from meetingtui import reducer
from meetingtui.errors import RuleWarning, StorageError
from meetingtui.i18n import t
from meetingtui.i18n.dates import short_date
from meetingtui.models import Meeting
from meetingtui.storage import events, records, register
from meetingtui.storage.db import meeting_exists, snapshot


@dataclass
class VerifyReport:
    events: int = 0
    head: str = ""  # the newest event's hash, as checked
    problems: list[RuleWarning] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def meeting_name(conn: sqlite3.Connection, meeting_id: int) -> str:
    """The meeting as people name it: its body and its date, never the database's id."""
    row = conn.execute(
        "SELECT body, starts_at FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    if row is None:
        return str(meeting_id)
    return t("meeting.name", body=row[0], date=short_date(datetime.fromisoformat(row[1]).date()))


def _mismatch(conn: sqlite3.Connection, meeting_id: int, table: str) -> RuleWarning:
    params = {"meeting_id": meeting_id, "meeting": meeting_name(conn, meeting_id), "table": table}
    return RuleWarning("verify.state_mismatch", params)


def meeting_problem(conn: sqlite3.Connection, meeting_id: int) -> RuleWarning | None:
    """Replay the meeting's events and compare every state row with what they give."""
    with snapshot(conn):
        history = [
            (e.seq, e.type, e.payload, datetime.fromisoformat(e.at))
            for e in events.meeting_events(conn, meeting_id)
        ]
        stored = records.stored_rows(conn, meeting_id)
    if not history:
        return _mismatch(conn, meeting_id, "events")
    try:
        replayed = reducer.replay(history)
    except (KeyError, ValueError, AssertionError, TypeError):
        # An event that no longer replays (unknown type, broken payload) was tampered with.
        name = meeting_name(conn, meeting_id)
        return RuleWarning("verify.replay_failed", {"meeting_id": meeting_id, "meeting": name})
    # An imported meeting's content hash is in its import event, so it is checked too.
    content_hash = history[0][2].get("content_hash")
    expected = records.meeting_rows(replayed, content_hash=content_hash)
    for table, rows in expected.items():
        if Counter(rows) != Counter(stored[table]):
            return _mismatch(conn, meeting_id, table)
    return None


def checked_meeting(conn: sqlite3.Connection, meeting_id: int) -> tuple[Meeting, str]:
    """The meeting and its chain head, read as one moment, once its state tables are found to
    match its events. StorageError when it does not exist or disagrees with its events (a hand
    edit): nothing is shown or exported from a record that is not what its events say."""
    with snapshot(conn):
        if not meeting_exists(conn, meeting_id):
            raise StorageError("storage.no_meeting", meeting_id=meeting_id)
        problem = meeting_problem(conn, meeting_id)
        if problem is not None:
            raise StorageError("storage.record_mismatch", problem=problem.message)
        return records.load_meeting(conn, meeting_id), events.chain_head(conn, meeting_id)


def verify(conn: sqlite3.Connection) -> VerifyReport:
    with snapshot(conn):
        count, problems = events.check_chain(conn)
        report = VerifyReport(events=count, head=events.chain_head(conn))
        report.problems.extend(RuleWarning(p.key, p.params) for p in problems)
        meeting_ids = {r[0] for r in conn.execute("SELECT id FROM meetings")}
        meeting_ids |= {r[0] for r in conn.execute("SELECT DISTINCT meeting_id FROM events")}
        # Committees, addresses and deliveries are no meeting's events: checked on their own.
        meeting_ids.discard(register.SCOPE)
        report.problems.extend(register.verify_problems(conn))
        for meeting_id in sorted(meeting_ids):
            problem = meeting_problem(conn, meeting_id)
            if problem is not None:
                report.problems.append(problem)
    return report
