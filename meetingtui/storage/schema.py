"""The database schema, as `sqlite_utils.Migrations`: append new migrations, never edit old ones.

State tables are a projection of the append-only `events` table: every table that belongs to a
meeting carries `meeting_id`, so the database reads cleanly in Datasette.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("meetingtui")

_TABLES = """
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT,
    location TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    approved_at TEXT,
    current_item_id INTEGER,
    document_kind TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT,
    unplaced TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX meetings_content_hash ON meetings(content_hash) WHERE content_hash IS NOT NULL;
CREATE INDEX meetings_starts_at ON meetings(starts_at);

CREATE TABLE participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    votes INTEGER NOT NULL,
    attendance TEXT NOT NULL,
    substitute_for INTEGER,
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE movements (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    participant_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    item_id INTEGER,
    PRIMARY KEY (meeting_id, participant_id, position)
);

CREATE TABLE items (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    case_number TEXT NOT NULL DEFAULT '',
    closed INTEGER NOT NULL DEFAULT 0,
    recommendation TEXT NOT NULL DEFAULT '',
    decision_authority TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    decision TEXT NOT NULL DEFAULT '',
    started_at TEXT,
    ended_at TEXT,
    postponed_reason TEXT NOT NULL DEFAULT '',
    attendance_notes TEXT NOT NULL DEFAULT '[]',
    unplaced TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (meeting_id, id)
);
CREATE INDEX items_case_number ON items(case_number);

CREATE TABLE sections (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id, position)
);

CREATE TABLE attachments (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id, position)
);

CREATE TABLE decision_history (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    date TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (meeting_id, item_id, position)
);

CREATE TABLE item_absences (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    participant_id INTEGER,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, item_id, position)
);

CREATE TABLE motions (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    proposer TEXT NOT NULL DEFAULT '',
    amends INTEGER,
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE votes (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    motion_id INTEGER,
    description TEXT NOT NULL DEFAULT '',
    is_open INTEGER NOT NULL,
    count_for INTEGER,
    count_against INTEGER,
    count_abstain INTEGER,
    party_lines TEXT NOT NULL DEFAULT '{}',
    result TEXT,
    raw_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE ballots (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    vote_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    participant_id INTEGER,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    choice TEXT NOT NULL,
    PRIMARY KEY (meeting_id, vote_id, position)
);

CREATE TABLE elections (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    office TEXT NOT NULL,
    candidates TEXT NOT NULL,
    elected TEXT,
    tied TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE election_ballots (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    election_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    voter_id INTEGER,
    voter TEXT NOT NULL,
    candidate TEXT NOT NULL,
    PRIMARY KEY (meeting_id, election_id, position)
);

CREATE TABLE dissents (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    participant_id INTEGER,
    who TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX events_meeting ON events(meeting_id, seq);

-- The append-only rule is enforced here as well as checked by `meetingtui verify`.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The last event's seq and hash, so that deleting the newest events is detected too.
CREATE TABLE chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
"""


def _statements(script: str) -> list[str]:
    """Split a script into statements (executescript would commit the migration's transaction)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _statements(_TABLES):
        db.execute(statement)


@migrations()
def m002_open_elections(db: Database) -> None:
    """Elections are held ballot by ballot, like votes: an election stays open until closed."""
    db.execute("ALTER TABLE elections ADD COLUMN is_open INTEGER NOT NULL DEFAULT 0")


_COMMITTEE_TABLES = """
CREATE TABLE committees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT ''
);

CREATE TABLE committee_periods (
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    PRIMARY KEY (committee_id, id)
);

-- One row per seat held for a spell: a member who changes role has two rows.
-- `left_on` is the first day the person is no longer on the roster.
CREATE TABLE committee_roster (
    committee_id INTEGER NOT NULL REFERENCES committees(id),
    id INTEGER NOT NULL,
    period_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    votes INTEGER NOT NULL,
    rank INTEGER NOT NULL DEFAULT 0,
    email TEXT NOT NULL DEFAULT '',
    joined TEXT NOT NULL,
    left_on TEXT,
    PRIMARY KEY (committee_id, id)
);

CREATE TABLE meeting_committee (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    committee_id INTEGER NOT NULL REFERENCES committees(id)
);

CREATE TABLE meeting_addresses (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    participant_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    member_id INTEGER,
    PRIMARY KEY (meeting_id, participant_id)
);

-- Every attempt to mail a referat, sent or refused; `seq` is the event that recorded it.
CREATE TABLE referat_deliveries (
    seq INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    participant_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    variant TEXT NOT NULL,
    draft INTEGER NOT NULL,
    referat_hash TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX referat_deliveries_meeting ON referat_deliveries(meeting_id, participant_id);
"""


@migrations()
def committees_001_rosters_and_deliveries(db: Database) -> None:
    """Committees and their rosters, meetings' mail addresses, and referat deliveries."""
    for statement in _statements(_COMMITTEE_TABLES):
        db.execute(statement)


@migrations()
def speakers_lists(db: Database) -> None:
    """The speakers' list (talerliste) of each item, and its optional time limits."""
    db.execute(
        """CREATE TABLE speakers (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    participant_id INTEGER,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL DEFAULT '',
    reply INTEGER NOT NULL DEFAULT 0,
    limit_seconds INTEGER,
    started_at TEXT,
    ended_at TEXT,
    PRIMARY KEY (meeting_id, id)
)"""
    )
    db.execute("CREATE INDEX speakers_item ON speakers(meeting_id, item_id, position)")
    db.execute(
        """CREATE TABLE speaking_limits (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL,
    speaker_seconds INTEGER,
    debate_seconds INTEGER,
    PRIMARY KEY (meeting_id, item_id)
)"""
    )


@migrations()
def referat_001_public_decision(db: Database) -> None:
    """A closed item may carry the decision text its committee releases to the public."""
    db.execute("ALTER TABLE items ADD COLUMN public_decision TEXT NOT NULL DEFAULT ''")


@migrations()
def archive_001_ocr_note(db: Database) -> None:
    """How a scanned meeting's text was read (JSON of `OcrNote`), NULL for all others."""
    db.execute("ALTER TABLE meetings ADD COLUMN ocr TEXT")


@migrations()
def importers_001_source_structure(db: Database) -> None:
    """Imported text keeps its source's structure: a section's paragraphs, lists and tables,
    an item's headings in the source's order, and the item number of an earlier decision.
    Meetings imported before keep their plain text, which every reader still has."""
    db.execute("ALTER TABLE sections ADD COLUMN blocks TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE items ADD COLUMN layout TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE decision_history ADD COLUMN number TEXT NOT NULL DEFAULT ''")


@migrations()
def live_001_agenda_changes_and_reopenings(db: Database) -> None:
    """Agenda changes made during the meeting, and reopenings of a closed or approved meeting."""
    db.execute("ALTER TABLE meetings ADD COLUMN agenda_changes TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE meetings ADD COLUMN reopenings TEXT NOT NULL DEFAULT '[]'")


@migrations()
def language_001_glossary_values(db: Database) -> None:
    """Attendance and ballots in the words of GLOSSARY.md: "fravaerende" becomes "absent",
    "imod"/"undlod" become "against"/"abstain" (also as keys of a vote's party lines). The
    events keep the words they were written with; replay reads both."""
    from meetingtui.vocabulary import LEGACY_VALUES

    for old, new in LEGACY_VALUES["Attendance"].items():
        db.execute("UPDATE participants SET attendance = ? WHERE attendance = ?", [new, old])
    for old, new in LEGACY_VALUES["Choice"].items():
        db.execute("UPDATE ballots SET choice = ? WHERE choice = ?", [new, old])
    rows = db.execute("SELECT meeting_id, id, party_lines FROM votes").fetchall()
    for meeting_id, vote_id, raw in rows:
        lines = json.loads(raw)
        renamed = {LEGACY_VALUES["Choice"].get(k, k): v for k, v in lines.items()}
        if renamed != lines:
            db.execute(
                "UPDATE votes SET party_lines = ? WHERE meeting_id = ? AND id = ?",
                # encoded as storage.records writes it, which verify compares byte for byte
                [json.dumps(renamed, ensure_ascii=False, sort_keys=True), meeting_id, vote_id],
            )


@migrations()
def live_002_election_acclamation(db: Database) -> None:
    """An election by acclamation: one candidate, elected unanimously without a ballot."""
    db.execute("ALTER TABLE elections ADD COLUMN acclamation INTEGER NOT NULL DEFAULT 0")


@migrations()
def importers_002_plain_item_numbers(db: Database) -> None:
    """Items an earlier release imported as "01", "02" numbered as the import numbers them
    today ("1", "2"; `models.plain_item_number`). The events are never rewritten: each such
    meeting gets an `item_numbers_plain` event naming the new numbers, so its record still
    replays from its events; the search rows follow."""
    from meetingtui.clock import local_now
    from meetingtui.models import plain_item_number
    from meetingtui.storage import events

    conn = db.conn
    imported = conn.execute(
        "SELECT meeting_id FROM events WHERE seq IN "
        "(SELECT min(seq) FROM events GROUP BY meeting_id) AND type = 'meeting_imported' "
        "ORDER BY meeting_id"
    ).fetchall()
    searched = db["item_search"].exists()
    at = local_now().isoformat()
    for (meeting_id,) in imported:
        rows = conn.execute(
            "SELECT id, number FROM items WHERE meeting_id = ? ORDER BY id", (meeting_id,)
        ).fetchall()
        numbers = [[item_id, plain_item_number(n)] for item_id, n in rows]
        changed = [
            [i, new] for (i, new), (_i, old) in zip(numbers, rows, strict=True) if new != old
        ]
        if not changed:
            continue
        events.append(conn, meeting_id, "item_numbers_plain", at, {"numbers": changed})
        for item_id, number in changed:
            conn.execute(
                "UPDATE items SET number = ? WHERE meeting_id = ? AND id = ?",
                (number, meeting_id, item_id),
            )
            if searched:
                conn.execute(
                    "UPDATE item_search SET number = ? WHERE meeting_id = ? AND item_id = ?",
                    (number, meeting_id, item_id),
                )


@migrations()
def live_003_item_sessions(db: Database) -> None:
    """Each stretch an item was under treatment, in the order they happened (an item taken up
    again has more than one). Meetings recorded before have none: their items' times stand."""
    db.execute("ALTER TABLE meetings ADD COLUMN item_sessions TEXT NOT NULL DEFAULT '[]'")


@migrations()
def live_004_decided_at(db: Database) -> None:
    """When an item's decision was recorded, so the quorum is judged at that moment. Decisions
    recorded before have none (their events do not say so): the referat judges them as before."""
    db.execute("ALTER TABLE items ADD COLUMN decided_at TEXT")
