"""The language rule (GLOSSARY.md) for the record's values: a ballot is for/against/abstain and
a member present/afbud/absent, in the tables, the events written now and the JSON export.

A database made by the previous release, which wrote "imod", "undlod" and "fravaerende" in its
tables and its hash-chained events, still verifies: the migration renames the table values,
the events keep their words and replay reads both.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from meetingtui import importers
from meetingtui.cli import main
from meetingtui.exporters import export
from meetingtui.models import Attendance, Choice
from meetingtui.service import MeetingService, import_meeting
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.databases import rewrite_events
from tests.meetings import CHAIN_HEAD, FixedClock, opened_with_everyone, recorded_meeting, stored
from tests.meetings import budget_meeting as nine_seats

# What the previous release wrote, as it appears in the JSON of tables and event payloads.
OLD_WORDS = {
    '"choice":"against"': '"choice":"imod"',
    '"choice":"abstain"': '"choice":"undlod"',
    '"attendance":"absent"': '"attendance":"fravaerende"',
    '"against":[': '"imod":[',
    '"abstain":[': '"undlod":[',
}


def cli(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    return result.exit_code, result.output


def meeting_with_every_value(db_path: Path) -> tuple[int, int]:
    """A live meeting (one member absent, a vote with for, against and abstain, by party and
    by name) and an imported referat (party lines): their ids."""
    live = opened_with_everyone(db_path, nine_seats(), FixedClock())
    with MeetingService.open(db_path, live, clock=FixedClock()) as service:
        service.set_attendance(9, Attendance.ABSENT)  # Ole Dam (O)
        vote = service.open_vote(1).created_id
        assert vote is not None
        service.cast_party(vote, "A", Choice.FOR)
        service.cast_party(vote, "V", Choice.AGAINST)
        service.cast_ballot(vote, 7, Choice.ABSTAIN)  # Karen Holm (C)
        service.cast_ballot(vote, 8, Choice.FOR)  # Søren Friis (F)
        service.close_vote(vote)
    conn = connect(db_path)
    imported = import_meeting(conn, recorded_meeting(), content_hash="c" * 64)
    conn.close()
    assert imported is not None
    return live, imported


def as_the_previous_release_left_it(db_path: Path) -> None:
    """Write the old words into the tables and the events, re-chain the events as the old
    release hashed them, and forget the migration that renames the words."""
    raw = sqlite3.connect(db_path)
    for old, new in (("absent", "fravaerende"),):
        raw.execute("UPDATE participants SET attendance = ? WHERE attendance = ?", (new, old))
    for old, new in (("against", "imod"), ("abstain", "undlod")):
        raw.execute("UPDATE ballots SET choice = ? WHERE choice = ?", (new, old))
        raw.execute(
            "UPDATE votes SET party_lines = replace(party_lines, ?, ?)", (f'"{old}":', f'"{new}":')
        )

    def as_then(payload: str) -> str:
        for today, old in OLD_WORDS.items():
            payload = payload.replace(today, old)
        # Nor did it keep the stretches an item was under treatment.
        return payload.replace(',"session":true', "")

    rewrite_events(raw, as_then)
    # The previous release had neither this migration nor the ones that came after it.
    raw.execute("ALTER TABLE elections DROP COLUMN acclamation")
    raw.execute("ALTER TABLE meetings DROP COLUMN item_sessions")
    raw.execute("ALTER TABLE items DROP COLUMN decided_at")
    raw.execute(
        "DELETE FROM _sqlite_migrations WHERE name IN "
        "('language_001_glossary_values', 'live_002_election_acclamation', "
        "'importers_002_plain_item_numbers', 'live_003_item_sessions', "
        "'live_004_decided_at')"
    )
    raw.commit()
    raw.close()


def old_words_in(db_path: Path, table: str) -> int:
    raw = sqlite3.connect(db_path)
    try:
        text = "\n".join(str(row) for row in raw.execute(f"SELECT * FROM {table}"))
    finally:
        raw.close()
    return sum(text.count(word) for word in ("imod", "undlod", "fravaerende"))


def test_the_record_is_written_in_the_glossarys_words(db_path: Path) -> None:
    live, imported = meeting_with_every_value(db_path)
    for table in ("events", "participants", "ballots", "votes"):
        assert old_words_in(db_path, table) == 0, table
    vote = stored(db_path, live).items[0].votes[0]
    assert {b.choice for b in vote.ballots} == {Choice.FOR, Choice.AGAINST, Choice.ABSTAIN}
    assert stored(db_path, imported).items[0].votes[0].party_lines.keys() == {
        "for",
        "against",
        "abstain",
    }


def test_the_json_export_uses_the_same_words_for_ballots_and_counts() -> None:
    data = json.loads(export(recorded_meeting(), "json", public=False, chain_head=CHAIN_HEAD))
    assert data["format_version"] == 4
    named = data["items"][0]["votes"][1]
    assert set(named["counts"]) == {"for", "against", "abstain"}
    assert {b["choice"] for b in named["ballots"]} == set(named["counts"])
    assert set(data["items"][0]["votes"][0]["party_lines"]) <= set(named["counts"])
    attendance = {p["name"]: p["attendance"] for p in data["participants"]}
    assert attendance["Ole Blickfeldt"] == "absent" and attendance["Lars Holten"] == "afbud"


def test_a_database_of_the_previous_release_verifies_and_reads_the_old_words(
    db_path: Path,
) -> None:
    live, imported = meeting_with_every_value(db_path)
    # That release kept no stretches of treatment: its record has the items' times only.
    before = {
        m: stored(db_path, m).model_copy(update={"item_sessions": []}) for m in (live, imported)
    }
    as_the_previous_release_left_it(db_path)
    events_before = old_words_in(db_path, "events")
    assert events_before > 0 and old_words_in(db_path, "ballots") > 0  # truly the old shape

    code, output = cli(db_path, "verify")
    assert code == 0, output
    # The tables now hold today's words; the events keep theirs (they are never rewritten).
    for table in ("participants", "ballots", "votes"):
        assert old_words_in(db_path, table) == 0, table
    assert old_words_in(db_path, "events") == events_before
    assert {m: stored(db_path, m) for m in (live, imported)} == before
    # Replay of the old events (undo rebuilds the meeting from them) gives the same record.
    with MeetingService.open(db_path, live, clock=FixedClock()) as service:
        service.undo()  # the vote's closing: open again, with its ballots
        [vote] = service.meeting.items[0].votes
        assert vote.is_open and vote.ballots == before[live].items[0].votes[0].ballots
        assert service.meeting.participant(9).attendance is Attendance.ABSENT
    conn = connect(db_path)
    assert verify(conn).ok
    conn.close()


def test_a_json_export_of_format_2_is_still_imported() -> None:
    meeting = recorded_meeting()
    data = export(meeting, "json", public=False, chain_head=CHAIN_HEAD).decode("utf-8")
    old = data.replace('"format_version": 4', '"format_version": 2')
    for today, word in (("against", "imod"), ("abstain", "undlod")):
        old = old.replace(f'"choice": "{today}"', f'"choice": "{word}"')
        old = old.replace(f'"{today}": [', f'"{word}": [')  # party lines
    old = old.replace('"attendance": "absent"', '"attendance": "fravaerende"')
    assert '"imod"' in old and '"fravaerende"' in old
    fmt, [again] = importers.parse(old.encode("utf-8"), source="referat-2.json")
    assert fmt == "meetingtui"
    assert again.items[0].votes == meeting.items[0].votes
    assert [p.attendance for p in again.participants] == [
        p.attendance for p in meeting.participants
    ]
