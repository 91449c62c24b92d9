"""One writer per meeting per database FILE, whatever path, symlink or hard link reaches it.

The writer holding the lock runs in its own process; the second writer is this one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.errors import StorageError
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage import lock
from meetingtui.storage.db import connect
from tests.meetings import budget_meeting

ROOT = Path(__file__).resolve().parents[1]

HOLDER = """
import sys
from meetingtui.storage import lock
from meetingtui.service import MeetingService
if sys.argv[3] == "flock":
    lock.OFD_SETLK = None
svc = MeetingService.open(sys.argv[1], int(sys.argv[2]))
print("holding", flush=True)
sys.stdin.readline()
svc.close()
print("released", flush=True)
sys.stdin.readline()
"""


class Holder:
    """A writer in another process that holds a meeting until told to let go."""

    def __init__(self, db_path: Path, meeting_id: int, mode: str = "ofd") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db_path), str(meeting_id), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.expect("holding")

    def expect(self, word: str) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line != word:
            raise AssertionError(f"holder said {line!r}: {self.proc.stderr.read()}")  # type: ignore[union-attr]

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.expect("released")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


@pytest.fixture
def meeting(db_path: Path) -> int:
    conn = connect(db_path)
    meeting_id = create_meeting(conn, budget_meeting())
    conn.close()
    return meeting_id


@pytest.fixture
def other_names(db_path: Path, tmp_path: Path) -> Iterator[dict[str, Path]]:
    """The same database file by other names: a symlink, a hard link in another folder, and
    a path with a detour."""
    elsewhere = tmp_path / "andet sted"
    elsewhere.mkdir()
    names = {
        "symlink": tmp_path / "genvej.db",
        "hard link": elsewhere / "samme-fil.db",
        "detour": tmp_path / "andet sted" / ".." / db_path.name,
    }
    names["symlink"].symlink_to(db_path)
    os.link(db_path, names["hard link"])
    yield names


@pytest.mark.parametrize("name", ["symlink", "hard link", "detour"])
def test_a_second_writer_by_another_name_is_refused(
    db_path: Path, meeting: int, other_names: dict[str, Path], name: str
) -> None:
    holder = Holder(db_path, meeting)
    try:
        with pytest.raises(StorageError) as refused:
            MeetingService.open(other_names[name], meeting)
        # Refused by the meeting's name (committee and date), not the database's id.
        assert refused.value.key == "storage.locked_named"
        assert refused.value.message.startswith("Mødet i Økonomiudvalget den ")
        # A follower is welcome by any name.
        MeetingService.open(other_names[name], meeting, readonly=True).close()
        holder.release()
        MeetingService.open(other_names[name], meeting).close()
    finally:
        holder.stop()


def test_the_lock_dies_with_its_process(
    db_path: Path, meeting: int, other_names: dict[str, Path]
) -> None:
    holder = Holder(other_names["hard link"], meeting)
    holder.proc.kill()
    holder.stop()
    MeetingService.open(db_path, meeting).close()


def test_writers_of_different_meetings_share_the_file(db_path: Path, meeting: int) -> None:
    conn = connect(db_path)
    second = create_meeting(conn, budget_meeting())
    conn.close()
    holder = Holder(db_path, meeting)
    try:
        MeetingService.open(db_path, second).close()
    finally:
        holder.stop()


def test_one_process_cannot_write_a_meeting_twice_by_two_names(
    db_path: Path, meeting: int, other_names: dict[str, Path]
) -> None:
    with MeetingService.open(db_path, meeting), pytest.raises(StorageError):
        MeetingService.open(other_names["symlink"], meeting)
    MeetingService.open(other_names["symlink"], meeting).close()


def test_releasing_a_meeting_keeps_the_file_descriptor_open(db_path: Path, meeting: int) -> None:
    # Closing any descriptor of the database file would drop the POSIX locks SQLite holds on
    # it for this process's other connections.
    reader = connect(db_path)
    try:
        assert lock.kept_descriptor(db_path) is None
        MeetingService.open(db_path, meeting).close()
        kept = lock.kept_descriptor(db_path)
        assert kept is not None
        assert os.path.samestat(os.fstat(kept), db_path.stat())  # still open, on that file
    finally:
        reader.close()


def test_without_open_file_description_locks_a_symlink_is_still_caught(
    db_path: Path, meeting: int, other_names: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "OFD_SETLK", None)
    holder = Holder(db_path, meeting, mode="flock")
    try:
        with pytest.raises(StorageError):
            MeetingService.open(other_names["symlink"], meeting)
        holder.release()
        MeetingService.open(other_names["symlink"], meeting).close()
    finally:
        holder.stop()
