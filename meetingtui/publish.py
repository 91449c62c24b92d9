"""A public archive: a new SQLite file holding only what the public referat shows.

Every meeting is read from the archive and reduced by the exporters' own `public_copy`, the
one place that strips closed items (a closed item keeps its number, "Lukket punkt" and, unless
hidden, its title): the file is written from that copy alone, so closed content is never in it,
in no table, no index and no free page. The tables (meetings, participants, items, sections,
decisions, votes, ballots) carry foreign keys, and `item_search` with its FTS5 indexes is
made as the archive makes it, so `datasette OUT.db --metadata OUT.metadata.json` serves a search,
facets and the canned queries of the metadata file as is.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from meetingtui.errors import InputError
from meetingtui.exporters.redact import public_copy
from meetingtui.exporters.referat import ocr_line
from meetingtui.i18n import t
from meetingtui.models import AgendaItem, Meeting
from meetingtui.storage import search_index
from meetingtui.storage.records import load_meeting

_SCHEMA = """
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY, body TEXT NOT NULL, municipality TEXT NOT NULL, title TEXT NOT NULL,
    kind TEXT NOT NULL, starts_at TEXT NOT NULL, ends_at TEXT, location TEXT NOT NULL,
    status TEXT NOT NULL, document_kind TEXT NOT NULL, source TEXT NOT NULL,
    ocr TEXT  -- how a scanned meeting's text was read; NULL when it was not a scan
);
CREATE INDEX meetings_body ON meetings(body, starts_at);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    name TEXT NOT NULL, affiliation TEXT NOT NULL, role TEXT NOT NULL, attendance TEXT NOT NULL
);
CREATE TABLE items (
    id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    number TEXT NOT NULL, title TEXT NOT NULL, case_number TEXT NOT NULL, closed INTEGER NOT NULL,
    recommendation TEXT NOT NULL, decision_authority TEXT NOT NULL, decision TEXT NOT NULL
);
CREATE INDEX items_case_number ON items(case_number);
CREATE INDEX items_meeting ON items(meeting_id);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),
    heading TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),
    body TEXT NOT NULL, date TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id),
    description TEXT NOT NULL, votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER,
    result TEXT, text TEXT NOT NULL
);
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL REFERENCES votes(id),
    name TEXT NOT NULL, affiliation TEXT NOT NULL, choice TEXT NOT NULL
);
"""

CASE_HISTORY_SQL = """select m.starts_at, m.body, i.number, i.title, i.decision, i.id as item,
  m.id as meeting
from items i join meetings m on m.id = i.meeting_id
where i.case_number = :sagsnummer
order by m.starts_at, i.id"""

# The words as written, and their Danish stems (a base form finds "lokalplanerne").
SEARCH_SQL = """select s.date, s.body, s.number, s.title, s.case_number, s.meeting_id
from item_search s
where s.id in (select rowid from item_search_fts where item_search_fts match escape_fts(:q))
   or s.id in (select rowid from item_stems_fts where item_stems_fts match escape_fts(:q))
order by s.date desc limit 100"""


@dataclass(frozen=True)
class Published:
    database: Path
    metadata: Path
    meetings: int
    items: int
    closed: int

    def __str__(self) -> str:
        return t("publish.done", meetings=self.meetings, items=self.items, closed=self.closed,
                 database=self.database, metadata=self.metadata)  # fmt: skip


@dataclass(frozen=True)
class About:
    """What the metadata file says about the archive."""

    title: str = ""
    licence: str = ""
    licence_url: str = ""
    source: str = ""
    source_url: str = ""


def metadata_path(database: Path) -> Path:
    return database.with_name(database.stem + ".metadata.json")


def publish(
    archive: sqlite3.Connection,
    out: Path,
    *,
    about: About | None = None,
    show_closed_titles: bool = True,
) -> Published:
    """Write the public archive to `out` (replaced whole, never half-written) and its metadata
    file beside it."""
    _refuse_to_overwrite_a_record(archive, out)
    ids = [mid for (mid,) in archive.execute("SELECT id FROM meetings ORDER BY starts_at, id")]
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial, isolation_level=None)
    items = closed = 0
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
        conn.executescript(_SCHEMA)
        search_index.migrations.apply(Database(conn, execute_plugins=False))
        conn.execute("BEGIN")
        for meeting_id in ids:
            meeting = public_copy(load_meeting(archive, meeting_id),
                                  show_closed_titles=show_closed_titles)  # fmt: skip
            _write(conn, meeting)
            search_index.index_new_meeting(conn, meeting)
            items += len(meeting.items)
            closed += sum(item.closed for item in meeting.items)
        conn.execute("DROP TABLE _sqlite_migrations")
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    except BaseException:
        conn.close()
        partial.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(partial, out)
    meta = metadata_path(out)
    meta.write_text(
        json.dumps(metadata(out.stem, about or About()), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return Published(out, meta, len(ids), items, closed)


def _refuse_to_overwrite_a_record(archive: sqlite3.Connection, out: Path) -> None:
    """`publish meetingtui.db` by a slip must not replace the record itself."""
    here = archive.execute("PRAGMA database_list").fetchone()[2]
    if here and out.exists() and out.resolve() == Path(here).resolve():
        raise InputError("publish.same_file", path=out)
    if out.exists():
        try:
            other = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
            try:
                is_record = other.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'events'"
                ).fetchone()
            finally:
                other.close()
        except sqlite3.DatabaseError:
            raise InputError("publish.not_published", path=out) from None
        if is_record:
            raise InputError("publish.same_file", path=out)


def _write(conn: sqlite3.Connection, meeting: Meeting) -> None:
    conn.execute(
        "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting.id, meeting.body, meeting.municipality, meeting.title, meeting.kind.value,
         meeting.starts_at.isoformat(), meeting.ends_at.isoformat() if meeting.ends_at else None,
         meeting.location, meeting.status.value, meeting.document_kind.value,
         Path(meeting.source).name,  # the file's name, not where it lay on the archivist's disk
         ocr_line(meeting) or None),
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO participants (meeting_id, name, affiliation, role, attendance) "
        "VALUES (?, ?, ?, ?, ?)",
        [(meeting.id, p.name, p.affiliation, p.role.value, p.attendance.value)
         for p in meeting.participants],
    )  # fmt: skip
    for item in meeting.items:
        _write_item(conn, meeting, item)


def _write_item(conn: sqlite3.Connection, meeting: Meeting, item: AgendaItem) -> None:
    item_id = conn.execute(
        "INSERT INTO items (meeting_id, number, title, case_number, closed, recommendation, "
        "decision_authority, decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting.id, item.number, item.title, item.case_number, int(item.closed),
         item.recommendation, item.decision_authority, item.decision),
    ).lastrowid  # fmt: skip
    conn.executemany(
        "INSERT INTO sections (item_id, heading, text) VALUES (?, ?, ?)",
        [(item_id, s.heading, s.text) for s in item.sections],
    )
    # An item with a decision history ends with the current decision; one without has only it.
    history = [(d.body, d.date, d.text) for d in item.decision_history]
    if item.decision and not history:
        history = [(meeting.body, meeting.starts_at.date().isoformat(), item.decision)]
    conn.executemany(
        "INSERT INTO decisions (item_id, body, date, text) VALUES (?, ?, ?, ?)",
        [(item_id, *entry) for entry in history],
    )
    for vote in item.votes:
        counts = vote.counts
        vote_id = conn.execute(
            "INSERT INTO votes (item_id, description, votes_for, votes_against, votes_abstain, "
            "result, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item_id, vote.description, counts.for_ if counts else None,
             counts.against if counts else None, counts.abstain if counts else None,
             vote.result.value if vote.result else None, vote.raw_text),
        ).lastrowid  # fmt: skip
        conn.executemany(
            "INSERT INTO ballots (vote_id, name, affiliation, choice) VALUES (?, ?, ?, ?)",
            [(vote_id, b.name, b.affiliation, b.choice.value) for b in vote.ballots],
        )


def metadata(database: str, about: About) -> dict[str, object]:
    """Datasette's metadata: title, licence, source, table labels and the canned queries."""
    top: dict[str, object] = {"title": about.title or t("publish.default_title")}
    for key, value in (("license", about.licence), ("license_url", about.licence_url),
                       ("source", about.source), ("source_url", about.source_url)):  # fmt: skip
        if value:
            top[key] = value
    top["databases"] = {
        database: {
            "description": t("publish.description"),
            "tables": {
                "item_search": {
                    "fts_table": "item_search_fts",
                    "fts_pk": "id",
                    "sort_desc": "date",
                    "facets": ["body"],
                },
                "meetings": {
                    "label_column": "body",
                    "sort_desc": "starts_at",
                    "facets": ["body", "document_kind"],
                },
                "items": {"label_column": "title"},
            },
            "queries": {
                "case_history": {
                    "title": t("publish.query.case_history"),
                    "description": t("publish.query.case_history_description"),
                    "sql": CASE_HISTORY_SQL,
                },
                "search": {
                    "title": t("publish.query.search"),
                    "description": t("publish.query.search_description"),
                    "sql": SEARCH_SQL,
                },
            },
        }
    }
    return top
