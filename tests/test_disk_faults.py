"""A full disk, a read-only file, a read-only drive and a database damaged underneath: each
gets a sentence naming the cause, the command is not done, nothing is lost, nothing crashes.

The full and read-only drives are real: a small tmpfs mounted for the test (root only; the
tests skip with the reason elsewhere). The same paths are also driven without a mount, with
SQLite's own page limit or an injected ENOSPC.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.errors import StorageError
from meetingtui.models import Attendance
from meetingtui.screens.app import build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import (
    FixedClock,
    committee_meeting,
    store,
    stored,
)
from tests.tui_support import Notices, showing, until

SIZE = (100, 30)
AGENDA = (
    '[meeting]\nbody = "Børne- og Skoleudvalget"\ndate = 2025-05-06\n'
    '[[members]]\nname = "Karen Holm"\n[[items]]\nnumber = "1"\ntitle = "Skolestruktur"\n'
)


# --------------------------------------------------------------------------- helpers


@contextmanager
def small_drive(where: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` for the duration (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem for a real full disk needs root")
    if shutil.which("mount") is None:
        pytest.skip("mount is not installed")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(drive: Path) -> Path:
    """Fill the drive to its last byte; the filler file is returned, to free the space."""
    filler = drive / "fyld"
    with open(filler, "wb", buffering=0) as out:
        for chunk in (1 << 16, 4096, 1):
            try:
                while True:
                    out.write(b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


def remount_readonly(drive: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(drive)], check=True)


def cli(db_path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def count(db_path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def count_in_the_db_file_alone(db_path: Path, tmp_path: Path) -> int:
    copy = tmp_path / "kun-db-filen.db"
    copy.write_bytes(db_path.read_bytes())
    return count(copy, "events")


@pytest.fixture
def agenda(tmp_path: Path) -> Path:
    path = tmp_path / "møde.toml"
    path.write_text(AGENDA, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- a full disk


def test_new_on_a_full_disk_says_so_and_changes_nothing(tmp_path: Path, agenda: Path) -> None:
    with small_drive(tmp_path / "drev") as drive:
        db_path = drive / "møder.db"
        store(db_path, committee_meeting())
        filler = fill(drive)
        code, out, err = cli(db_path, "new", str(agenda))
        assert code == 2 and "Disken er fuld" in err and "Traceback" not in err + out
        filler.unlink()
        assert count(db_path, "meetings") == 1
        code, out, err = cli(db_path, "new", str(agenda))
        assert code == 0, err
        assert count(db_path, "meetings") == 2
        assert cli(db_path, "verify")[0] == 0


async def test_a_full_disk_during_the_roll_call_keeps_the_app_running(tmp_path: Path) -> None:
    with small_drive(tmp_path / "drev") as drive:
        db_path = drive / "møder.db"
        meeting_id = store(db_path, committee_meeting())
        app = build_app(db_path, meeting_id, clock=FixedClock())
        notices = Notices()
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            await until(pilot, lambda: isinstance(app.screen, RollCallScreen) and app.has_meeting)
            await pilot.press("t")  # committed while there is room
            await until(pilot, lambda: count(db_path, "events") == 2)
            filler = fill(drive)
            await pilot.press("t")
            await until(pilot, lambda: notices.mention("Disken er fuld"))
            assert app.is_running and isinstance(app.screen, RollCallScreen)
            # Not done: neither on screen nor on disk; the first answer is kept.
            assert app.service.meeting.participants[1].attendance is Attendance.UNKNOWN
            assert count(db_path, "events") == 2
            filler.unlink()
            await pilot.press("t")
            await until(pilot, lambda: count(db_path, "events") == 3)
        record = stored(db_path, meeting_id)
        assert [p.attendance for p in record.participants[:2]] == [Attendance.PRESENT] * 2


def test_a_full_database_in_a_command_is_a_sentence_without_a_mount(
    db_path: Path, open_committee: int
) -> None:
    """SQLite's page limit gives the very error a full disk gives (SQLITE_FULL)."""
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as svc:
        pages = svc.conn.execute("PRAGMA page_count").fetchone()[0]
        svc.conn.execute(f"PRAGMA max_page_count={pages}")
        before = svc.meeting.model_copy(deep=True)
        with pytest.raises(StorageError) as refused:
            svc.record_decision(1, "Godkendt med følgende bemærkning: " + "tekst " * 3000)
        assert refused.value.key == "storage.disk_full"
        assert svc.meeting == before  # the screen shows what is committed
        svc.conn.execute("PRAGMA max_page_count=1073741823")
        svc.record_decision(1, "Godkendt.")
    assert stored(db_path, meeting_id).items[0].decision == "Godkendt."


# --------------------------------------------------------------------------- exports


def test_export_onto_a_full_disk_keeps_the_earlier_file(db_path: Path, tmp_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    with small_drive(tmp_path / "drev") as drive:
        target = drive / "referat.json"
        assert (
            cli(db_path, "export", str(meeting_id), "--format", "json", "-o", str(target))[0] == 0
        )
        earlier = target.read_bytes()
        fill(drive)
        # (--no-toc-pages: the write is what fails here, not LibreOffice's layout)
        code, _out, err = cli(
            db_path,
            "export",
            str(meeting_id),
            "--format",
            "docx",
            "--no-toc-pages",
            "-o",
            str(target),
        )
        assert code == 2 and "disken er fuld" in err and "ikke rørt" in err
        assert target.read_bytes() == earlier
        assert sorted(p.name for p in drive.iterdir()) == ["fyld", "referat.json"]


def test_export_onto_a_full_disk_without_a_mount(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())
    target = tmp_path / "referat.md"
    target.write_text("det tidligere referat\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = cli(db_path, "export", str(meeting_id), "--format", "md", "-o", str(target))
    assert code == 2 and "disken er fuld" in err
    assert target.read_text(encoding="utf-8") == "det tidligere referat\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".referat")] == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_exported_files_get_the_users_file_mode(
    db_path: Path, tmp_path: Path, umask: int, mode: int
) -> None:
    meeting_id = store(db_path, committee_meeting())
    old = os.umask(umask)
    try:
        for fmt in ("docx", "json"):
            target = tmp_path / f"referat.{fmt}"
            # (--no-toc-pages: the file's mode is at stake, not LibreOffice's layout)
            args = ["--format", fmt, "--no-toc-pages"] if fmt == "docx" else ["--format", fmt]
            assert cli(db_path, "export", str(meeting_id), *args, "-o", str(target))[0] == 0
            assert stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        os.umask(old)


# --------------------------------------------------------------------------- read-only


@contextmanager
def readonly_file(path: Path) -> Iterator[None]:
    """The file (or folder) cannot be written by this user: chmod for a user, chattr +i for
    root."""
    if os.geteuid() != 0:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root cannot be kept from writing here: chattr (e2fsprogs) is not installed")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"root cannot be kept from writing here (chattr: {made.stderr.strip()})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_readonly_file_is_named_and_can_still_be_read(db_path: Path, agenda: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    with readonly_file(db_path):
        code, out, err = cli(db_path, "new", str(agenda))
        assert code == 2 and "er skrivebeskyttet" in err and str(db_path) in err
        with pytest.raises(StorageError) as refused:
            MeetingService.open(db_path, meeting_id)
        assert refused.value.key == "storage.readonly_file"
        code, out, _ = cli(db_path, "list", "--json")
        assert code == 0 and json.loads(out)[0]["id"] == meeting_id
        code, out, _ = cli(db_path, "export", str(meeting_id), "--format", "md", "-o", "-")
        assert code == 0 and "Anlægsbevilling" in out
        MeetingService.open(db_path, meeting_id, readonly=True).close()
    assert count(db_path, "meetings") == 1


def test_a_readonly_folder_is_named_and_can_still_be_read(tmp_path: Path, agenda: Path) -> None:
    folder = tmp_path / "arkiv"
    folder.mkdir()
    db_path = folder / "møder.db"
    meeting_id = store(db_path, committee_meeting())  # closed cleanly: no -wal, no -shm
    with readonly_file(folder):
        code, _, err = cli(db_path, "new", str(agenda))
        assert code == 2 and f"Mappen {folder} er skrivebeskyttet" in err
        code, out, _ = cli(db_path, "list", "--json")
        assert code == 0 and json.loads(out)[0]["id"] == meeting_id
    assert count(db_path, "meetings") == 1


async def test_the_app_says_a_readonly_file_and_offers_to_follow(db_path: Path) -> None:
    from meetingtui.screens.dialogs import ConfirmDialog

    meeting_id = store(db_path, committee_meeting())
    with readonly_file(db_path):
        app = build_app(db_path, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_meeting(meeting_id)
            await until(pilot, lambda: showing(app, ConfirmDialog))
            assert any("er skrivebeskyttet" in w for w in app.screen.warnings)
            await pilot.press("j")
            await until(pilot, lambda: app.service is not None)
            assert app.readonly and app.is_running
            await pilot.press("t")  # a roll-call key changes nothing in a follower
            await pilot.pause()
    assert count(db_path, "events") == 1


async def test_the_start_screen_lists_a_readonly_file_and_refuses_the_demo(
    db_path: Path,
) -> None:
    from textual.widgets import DataTable, Static

    from meetingtui.screens.start import StartScreen

    store(db_path, committee_meeting())
    with readonly_file(db_path):
        app = build_app(db_path, clock=FixedClock())
        notices = Notices()
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            await until(pilot, lambda: isinstance(app.screen, StartScreen))
            assert app.screen.query_one("#meetings", DataTable).row_count == 1
            await pilot.press("d")  # the demo meeting would have to be written

            def refused() -> bool:
                hint = str(app.screen.query_one("#start-hint", Static).render())
                return "er skrivebeskyttet" in hint or bool(notices.mention("er skrivebeskyttet"))

            await until(pilot, refused, "the refusal said")
            assert app.is_running
    assert count(db_path, "meetings") == 1


def test_a_database_on_a_readonly_drive_is_listed_searched_and_exported(
    tmp_path: Path, agenda: Path
) -> None:
    with small_drive(tmp_path / "drev", size="8m") as drive:
        db_path = drive / "arkiv.db"
        meeting_id = store(db_path, committee_meeting())
        remount_readonly(drive)
        code, out, _ = cli(db_path, "list", "--json")
        assert code == 0 and json.loads(out)[0]["id"] == meeting_id
        code, out, _ = cli(db_path, "search", "daginstitution", "--json")
        assert code == 0 and json.loads(out)[0]["meeting_id"] == meeting_id
        code, out, _ = cli(db_path, "export", str(meeting_id), "--format", "md", "-o", "-")
        assert code == 0 and "Anlægsbevilling" in out
        assert cli(db_path, "verify")[0] == 0
        code, _, err = cli(db_path, "new", str(agenda))
        assert code == 2 and "skrivebeskyttet drev" in err


def test_a_readonly_drive_with_the_newest_commits_in_the_wal(tmp_path: Path) -> None:
    """Unplugged in the middle of a meeting: the -wal and -shm files travel with it."""
    from tests.consistency import start_writer

    with small_drive(tmp_path / "drev", size="8m") as drive:
        db_path = drive / "arkiv.db"
        meeting_id = store(db_path, committee_meeting())
        # Paced: at full speed a busy machine let the writer run on by thousands of commands
        # before the kill, and SQLite's automatic checkpoint moved them into the .db file.
        writer = start_writer(db_path, meeting_id, rate=50)
        assert writer.stdout is not None
        acknowledged = [writer.stdout.readline() for _ in range(20)]
        writer.kill()  # no checkpoint: the last commits are only in the -wal
        writer.communicate()
        assert Path(f"{db_path}-wal").stat().st_size > 0
        remount_readonly(drive)
        code, out, _ = cli(db_path, "list", "--json")
        assert code == 0 and json.loads(out)[0]["status"] == "open"
        last_seq = int(acknowledged[-1].split()[0])
        code, out, _ = cli(db_path, "verify")
        assert code == 0 and "intakt" in out
        # Every acknowledged command is read, from the -wal: the .db file alone lacks them.
        checked = int(out.split(": ", 1)[1].split()[0])
        assert checked >= last_seq > count_in_the_db_file_alone(db_path, tmp_path)


# --------------------------------------------------------------------------- damaged underneath


def damage_items(db_path: Path) -> None:
    """Scribble over the items table's page in the database file, as a sync tool might."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xa5" * page_size)


def test_a_follower_whose_database_is_damaged_says_so(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as writer:
        follower = MeetingService.open(db_path, meeting_id, readonly=True)
        damage_items(db_path)
        writer.set_attendance(2, Attendance.AFBUD)  # touches no item
        with pytest.raises(StorageError) as stopped:
            follower.refresh()
        follower.close()
    assert stopped.value.key == "storage.follow_stopped"
    assert "beskadiget" in stopped.value.message


async def test_a_following_app_stops_following_a_damaged_database(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    writer = MeetingService.open(db_path, meeting_id, clock=FixedClock())
    app = build_app(db_path, meeting_id, readonly=True, clock=FixedClock())
    app.follow_interval = 0.05
    notices = Notices()
    try:
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            await until(pilot, lambda: app.service is not None)
            damage_items(db_path)
            writer.set_attendance(2, Attendance.AFBUD)
            await until(pilot, lambda: notices.mention("Følger ikke længere mødet"))
            writer.set_attendance(3, Attendance.AFBUD)
            # Said once: an absence can only be watched for a while, here ten follow intervals.
            await pilot.pause(10 * app.follow_interval)
            assert app.is_running
            assert len(notices.mention("Følger")) == 1
    finally:
        writer.close()
