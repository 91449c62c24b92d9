"""Kill a recording process with SIGKILL at random moments: nothing acknowledged is lost."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meetingtui.demo import ensure_demo
from meetingtui.storage.db import connect
from meetingtui.verify import verify

WORKER = Path(__file__).with_name("durability_worker.py")
KILLS = 24


def _run_and_kill(db_path: Path, meeting_id: int, rng: random.Random) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(db_path), str(meeting_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    acknowledged: list[str] = []
    deadline = time.monotonic() + rng.uniform(0.4, 1.5)
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        acknowledged.append(line)
    # Let the worker run on a random extra moment unobserved, then kill it mid-flight.
    time.sleep(rng.uniform(0, 0.05))
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate()
    acknowledged += rest.splitlines(keepends=True)
    assert proc.returncode == -signal.SIGKILL, err
    # Only a whole line is an acknowledgement; the kill may cut the last one short.
    return [line.rstrip("\n") for line in acknowledged if line.endswith("\n")]


@pytest.mark.slow
def test_no_acknowledged_command_is_lost(db_path: Path) -> None:
    conn = connect(db_path)
    meeting_id = ensure_demo(conn)
    conn.close()
    rng = random.Random(20170103)
    total = 0
    for _ in range(KILLS):
        acknowledged = _run_and_kill(db_path, meeting_id, rng)
        assert acknowledged, "the worker acknowledged nothing before it was killed"
        total += len(acknowledged)
        conn = sqlite3.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for line in acknowledged:
            seq, check = line.split(" ", 1)
            row = conn.execute(
                "SELECT type, payload FROM events WHERE seq = ?", (int(seq),)
            ).fetchone()
            assert row is not None, f"acknowledged event {seq} is missing"
            payload = json.loads(row[1])
            kind = check.split(":", 1)[0]
            if kind == "decision":
                assert payload["text"] == check.split(":", 2)[2]
            elif kind == "start":
                assert payload["item_id"] == int(check.split(":")[1])
        conn.close()
    assert total > KILLS * 5
    conn = connect(db_path)
    report = verify(conn)
    assert report.ok, [p.message for p in report.problems]
    conn.close()
