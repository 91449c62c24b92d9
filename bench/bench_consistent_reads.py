"""Reads that must see one moment, while a meeting is recorded in another process.

    python bench/bench_consistent_reads.py [--seconds 20] [--rate 20]

A writer process records the demo meeting at `--rate` commands per second (attendance, items,
decisions). Meanwhile this process runs, in a loop, the three reads that must never see a
half-committed state: `verify`, a read-only follower's refresh and `export --format json`.
Afterwards the whole event log is replayed and every state a read saw is checked against the
states that really existed; an export's printed chain head must belong to exactly what it
exported. The baseline is the same reads on the same database once the writer has stopped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meetingtui.demo import ensure_demo  # noqa: E402
from meetingtui.storage.db import connect  # noqa: E402
from tests.consistency import History, Reader  # noqa: E402

WORKER = ROOT / "tests" / "durability_worker.py"


def start_writer(db_path: Path, meeting_id: int, rate: float) -> subprocess.Popen[bytes]:
    writer = subprocess.Popen(
        [sys.executable, str(WORKER), str(db_path), str(meeting_id), str(rate)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    writer.stdout.readline()  # under way
    threading.Thread(target=writer.stdout.read, daemon=True).start()  # keep the pipe drained
    return writer


def ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    if q == 0.5:
        return f"{statistics.median(values) * 1000:.1f}"
    return f"{statistics.quantiles(values, n=100)[int(q * 100) - 1] * 1000:.1f}"


def idle_baseline(db_path: Path, meeting_id: int, seconds: float) -> dict[str, list[float]]:
    """The same reads with nobody writing; the follower is made to reload every time."""
    from meetingtui.service import MeetingService

    reader = Reader(db_path, meeting_id)
    follower = MeetingService.open(db_path, meeting_id, readonly=True)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            follower._data_version = -1  # pretend another process committed
            started = time.perf_counter()
            follower.refresh()
            reader.timings["refresh"].append(time.perf_counter() - started)
    finally:
        follower.close()
    reader.run(seconds)  # verify and export; the follower there finds nothing new
    return reader.timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=20.0, help="writer commands per second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "meetings.db"
        conn = connect(db_path)
        meeting_id = ensure_demo(conn)
        conn.close()
        writer = start_writer(db_path, meeting_id, args.rate)
        started = time.monotonic()
        reader = Reader(db_path, meeting_id)
        try:
            reader.run(args.seconds)
        finally:
            writer.kill()
            writer.communicate()
        elapsed = time.monotonic() - started
        history = History(db_path, meeting_id)
        inconsistent = reader.inconsistent(history)
        baseline = idle_baseline(db_path, meeting_id, min(args.seconds, 5.0))
    commands = len(history) - 1
    print(
        f"writer: {commands} commands in {elapsed:.1f} s ({commands / elapsed:.1f}/s); "
        f"{len(history)} events replayed to check every read"
    )
    print()
    print("| read | reads | inconsistent | idle p50 / p95 | under the writer p50 / p95 |")
    print("|---|---|---|---|---|")
    counts = {
        "verify": reader.verify_runs,
        "refresh": len(reader.follower_states),
        "export": len(reader.exports),
    }
    names = {"verify": "verify", "refresh": "follower refresh", "export": "export --format json"}
    for kind in ("verify", "refresh", "export"):
        idle, busy = baseline[kind], reader.timings[kind]
        print(
            f"| {names[kind]} | {counts[kind]} | {inconsistent[kind]} | "
            f"{ms(idle, 0.5)} / {ms(idle, 0.95)} ms | {ms(busy, 0.5)} / {ms(busy, 0.95)} ms |"
        )
    if any(inconsistent.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
