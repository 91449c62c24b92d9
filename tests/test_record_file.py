"""Copying the record: checkpoints when a meeting closes and when the app exits, `backup`,
and `verify` printing the chain head it checked."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.models import Attendance
from meetingtui.screens.app import build_app
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect
from tests.consistency import start_writer
from tests.meetings import FixedClock, budget_meeting, committee_meeting, store, ticking_clock


def events_in_the_db_file_alone(db_path: Path, tmp_path: Path) -> int:
    """What someone copying only the .db file (not its -wal) would have."""
    copy = tmp_path / "kopi" / "copy.db"
    copy.parent.mkdir()
    shutil.copyfile(db_path, copy)
    conn = sqlite3.connect(copy)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def events_in(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_closing_a_meeting_puts_every_commit_into_the_db_file(
    db_path: Path, tmp_path: Path
) -> None:
    conn = connect(db_path)
    meeting_id = create_meeting(conn, budget_meeting())
    conn.close()
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as svc:
        svc.open_meeting()
        for person in svc.meeting.participants:
            svc.set_attendance(person.id, Attendance.PRESENT)
        svc.start_item(1)
        svc.record_decision(1, "Godkendt.")
        svc.close_meeting()
        # The writer is still running: its commits must already be in the .db file.
        assert events_in_the_db_file_alone(db_path, tmp_path) == events_in(db_path)


async def test_leaving_the_app_puts_every_commit_into_the_db_file(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = store(db_path, committee_meeting())
    follower = sqlite3.connect(db_path)  # another program keeps the file open
    follower.execute("SELECT count(*) FROM events").fetchone()
    try:
        app = build_app(db_path, meeting_id, clock=FixedClock())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(4):
                await pilot.press("t")  # til stede, next member
            await pilot.pause()
            assert app.service.meeting.participants[3].attendance is Attendance.PRESENT
        assert events_in(db_path) == 5
        assert events_in_the_db_file_alone(db_path, tmp_path) == 5
    finally:
        follower.close()


def test_backup_copies_one_moment_while_a_meeting_is_recorded(
    db_path: Path, tmp_path: Path
) -> None:
    from meetingtui.demo import ensure_demo

    conn = connect(db_path)
    meeting_id = ensure_demo(conn)
    conn.close()
    writer = start_writer(db_path, meeting_id)
    try:
        assert writer.stdout is not None
        for _ in range(50):
            writer.stdout.readline()
        target = tmp_path / "sikkerhedskopi.db"
        result = CliRunner().invoke(main, ["--db", str(db_path), "backup", str(target)])
    finally:
        writer.kill()
        writer.communicate()
    assert result.exit_code == 0, result.output
    assert "kopieret til" in result.output
    # One self-contained file: nothing of it lives in a -wal beside it.
    assert not Path(f"{target}-wal").exists()
    verified = CliRunner().invoke(main, ["--db", str(target), "verify"])
    assert verified.exit_code == 0, verified.output
    copied = sqlite3.connect(target).execute("SELECT hash FROM chain_head").fetchone()[0]
    assert copied in result.output and copied in verified.output


def test_backup_refuses_to_overwrite(db_path: Path, tmp_path: Path) -> None:
    store(db_path, committee_meeting())
    target = tmp_path / "kopi.db"
    target.write_bytes(b"an earlier backup")
    refused = CliRunner().invoke(main, ["--db", str(db_path), "backup", str(target)])
    assert refused.exit_code == 2 and "findes allerede" in refused.output
    assert target.read_bytes() == b"an earlier backup"
    itself = CliRunner().invoke(main, ["--db", str(db_path), "backup", str(db_path)])
    assert itself.exit_code == 2 and "selve databasen" in itself.output
    replaced = CliRunner().invoke(main, ["--db", str(db_path), "backup", str(target), "--replace"])
    assert replaced.exit_code == 0, replaced.output
    assert events_in(target) == events_in(db_path)


def test_verify_prints_the_head_it_checked_also_when_it_fails(db_path: Path) -> None:
    store(db_path, committee_meeting())
    head = sqlite3.connect(db_path).execute("SELECT hash FROM chain_head").fetchone()[0]
    ok = CliRunner().invoke(main, ["--db", str(db_path), "verify"])
    assert ok.exit_code == 0 and head in ok.output
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE items SET title = 'Noget andet' WHERE id = 2")
    conn.commit()
    conn.close()
    failed = CliRunner().invoke(main, ["--db", str(db_path), "verify"])
    assert failed.exit_code == 1
    assert "afviger" in failed.output and f"seneste hash {head}" in failed.output


def test_an_outdated_referat_hash_is_shown_next_to_the_current_one(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    printed = sqlite3.connect(db_path).execute("SELECT hash FROM chain_head").fetchone()[0]
    with MeetingService.open(db_path, meeting_id) as svc:
        svc.open_meeting()
    now = sqlite3.connect(db_path).execute("SELECT hash FROM chain_head").fetchone()[0]
    result = CliRunner().invoke(main, ["--db", str(db_path), "verify", "--hash", printed])
    assert result.exit_code == 1
    assert now in result.output and "1 senere hændelse" in result.output
