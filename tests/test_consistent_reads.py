"""Reads that see one moment, while another process records a meeting.

The writer is a separate process recording as fast as it can; this process verifies, follows
and exports meanwhile. Every read must show a state that existed (a prefix of the event log),
and an export's printed hash must be the hash of exactly what it exported.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.demo import ensure_demo
from meetingtui.storage.db import connect
from tests.consistency import History, Reader, start_writer

ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "tests" / "durability_worker.py"
SECONDS = 4.0


@pytest.fixture
def recording(db_path: Path) -> Iterator[tuple[Path, int, subprocess.Popen[bytes]]]:
    conn = connect(db_path)
    meeting_id = ensure_demo(conn)
    conn.close()
    writer = start_writer(db_path, meeting_id)
    assert writer.stdout is not None
    writer.stdout.readline()  # the first command is committed: the writer is under way
    try:
        yield db_path, meeting_id, writer
    finally:
        writer.kill()
        writer.communicate()


@pytest.mark.slow
def test_reads_during_a_recording_see_one_moment(
    recording: tuple[Path, int, subprocess.Popen[bytes]],
) -> None:
    db_path, meeting_id, writer = recording
    # Drain the writer's acknowledgements so that it never waits on a full pipe.
    import threading

    assert writer.stdout is not None
    drain = threading.Thread(target=writer.stdout.read, daemon=True)
    drain.start()
    reader = Reader(db_path, meeting_id)
    reader.run(SECONDS)
    writer.kill()
    writer.communicate()
    history = History(db_path, meeting_id)
    assert len(history) > 200, "the writer recorded too little to prove anything"
    assert reader.verify_runs >= 5 and len(reader.exports) >= 5
    assert len(set(reader.follower_states)) >= 5, "the follower saw too few states"
    assert reader.inconsistent(history) == {"verify": 0, "refresh": 0, "export": 0}, (
        reader.verify_failures[:3]
    )
