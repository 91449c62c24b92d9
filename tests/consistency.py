"""Reads taken while another process writes, checked against the states that really existed.

A state existed when it is what replaying the first n events of the meeting gives, for some n.
`History` replays the whole log once, after the writer stopped, and fingerprints every prefix;
`Reader` takes the three reads that must see one moment (verify, a follower's refresh, an
export) and keeps what each saw.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from meetingtui import reducer
from meetingtui.cli import main
from meetingtui.exporters.json_export import meeting_from_json
from meetingtui.models import Meeting
from meetingtui.service import MeetingService
from meetingtui.storage import events, records
from meetingtui.storage.db import connect
from meetingtui.verify import verify


def fingerprint(meeting: Meeting) -> str:
    rows = records.meeting_rows(meeting, content_hash=None)
    canonical = {table: sorted(map(repr, table_rows)) for table, table_rows in rows.items()}
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


class History:
    """Every state the meeting went through, by the hash of the event that made it."""

    def __init__(self, db_path: Path, meeting_id: int) -> None:
        conn = sqlite3.connect(db_path)
        log = events.meeting_events(conn, meeting_id)
        conn.close()
        assert all(e.type != "undone" for e in log), "the writer never undoes"
        meeting = reducer.replay([(log[0].seq, log[0].type, log[0].payload, _at(log[0].at))])
        self.by_head: dict[str, str] = {log[0].hash: fingerprint(meeting)}
        for event in log[1:]:
            reducer.apply(meeting, event.type, event.payload, _at(event.at))
            self.by_head[event.hash] = fingerprint(meeting)
        self.states = set(self.by_head.values())

    def __len__(self) -> int:
        return len(self.by_head)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


@dataclass
class Reader:
    db_path: Path
    meeting_id: int
    verify_failures: list[str] = field(default_factory=list)
    verify_runs: int = 0
    follower_states: list[str] = field(default_factory=list)
    exports: list[tuple[str, str]] = field(default_factory=list)  # (printed head, content)
    timings: dict[str, list[float]] = field(
        default_factory=lambda: {"verify": [], "refresh": [], "export": []}
    )

    def run(self, seconds: float) -> None:
        follower = MeetingService.open(self.db_path, self.meeting_id, readonly=True)
        runner = CliRunner()
        args = ["--db", str(self.db_path), "export", str(self.meeting_id)]
        args += ["--format", "json", "--internal", "-o", "-"]
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                self._verify()
                started = time.perf_counter()
                changed = follower.refresh()
                if changed:  # a refresh that found nothing new costs nothing to speak of
                    self.timings["refresh"].append(time.perf_counter() - started)
                    self.follower_states.append(fingerprint(follower.meeting))
                started = time.perf_counter()
                result = runner.invoke(main, args)
                self.timings["export"].append(time.perf_counter() - started)
                assert result.exit_code == 0, result.output
                data = json.loads(result.stdout_bytes)
                self.exports.append(
                    (data["event_chain_head"], fingerprint(meeting_from_json(data)))
                )
        finally:
            follower.close()

    def _verify(self) -> None:
        conn = connect(self.db_path)
        started = time.perf_counter()
        report = verify(conn)
        self.timings["verify"].append(time.perf_counter() - started)
        conn.close()
        self.verify_runs += 1
        if not report.ok:
            self.verify_failures.append("; ".join(p.message for p in report.problems))

    def inconsistent(self, history: History) -> dict[str, int]:
        """How many reads saw a state that never existed, per kind of read."""
        return {
            "verify": len(self.verify_failures),
            "refresh": sum(1 for fp in self.follower_states if fp not in history.states),
            "export": sum(1 for head, fp in self.exports if history.by_head.get(head) != fp),
        }


ROOT = Path(__file__).resolve().parents[1]
WORKER = ROOT / "tests" / "durability_worker.py"


def start_writer(db_path: Path, meeting_id: int, rate: float = 0.0) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(db_path), str(meeting_id), str(rate)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
