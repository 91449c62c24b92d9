"""Latency of the command API from call to durable commit, next to raw SQLite's floor.

Records 1,000 commands of a scripted meeting (roll call, items, named votes, decisions) and
prints p50/p99 next to a single-row INSERT ... COMMIT with the same pragmas (WAL,
synchronous=FULL) measured in the same run. Targets: p50 <= 3x the floor, p99 <= 10 ms.

    python bench/bench_commands.py
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from meetingtui.models import AgendaItem, Attendance, Choice, Meeting, Participant, Section
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect

COMMANDS = 1000
PARTIES = ["A", "A", "A", "V", "V", "V", "C", "F", "O", "Ø", "B"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def raw_floor(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
    timings = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (payload) VALUES (?)", (f'{{"n": {i}}}',))
        conn.execute("COMMIT")
        timings.append(time.perf_counter() - start)
    conn.close()
    return timings


def big_meeting() -> Meeting:
    return Meeting(
        body="Byrådet",
        starts_at=datetime(2025, 6, 18, 17, 0),
        participants=[
            Participant(id=n, name=f"Medlem {n}", affiliation=PARTIES[n % len(PARTIES)])
            for n in range(1, 32)
        ],
        items=[
            AgendaItem(
                id=n,
                number=str(n),
                title=f"Sag {n}",
                sections=[Section(heading="Sagsfremstilling", text="Tekst. " * 150)] * 5,
            )
            for n in range(1, 101)
        ],
    )


def scripted_commands(svc: MeetingService) -> Iterator[Callable[[], object]]:
    yield svc.open_meeting
    for p in svc.meeting.participants:
        yield lambda p=p: svc.set_attendance(p.id, Attendance.PRESENT)
    for item in svc.meeting.items:
        yield lambda item=item: svc.start_item(item.id)
        state: dict[str, int] = {}

        def open_vote(item=item, state=state) -> None:
            state["vote"] = svc.open_vote(item.id).created_id

        yield open_vote
        for party in ("A", "V", "C"):
            yield lambda party=party, state=state: svc.cast_party(state["vote"], party, Choice.FOR)
        for member in (9, 10, 11, 20):
            yield lambda m=member, state=state: svc.cast_ballot(state["vote"], m, Choice.AGAINST)
        yield lambda state=state: svc.close_vote(state["vote"])
        yield lambda item=item: svc.record_decision(item.id, "Godkendt.")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        floor = raw_floor(base / "floor.db", COMMANDS)
        conn = connect(base / "bench.db")
        meeting_id = create_meeting(conn, big_meeting())
        conn.close()
        svc = MeetingService.open(base / "bench.db", meeting_id)
        timings: list[float] = []
        for command in scripted_commands(svc):
            if len(timings) >= COMMANDS:
                break
            start = time.perf_counter()
            command()
            timings.append(time.perf_counter() - start)
        svc.close()
    ms = 1000
    f50, f99 = percentile(floor, 50) * ms, percentile(floor, 99) * ms
    c50, c99 = percentile(timings, 50) * ms, percentile(timings, 99) * ms
    ratio = c50 / f50
    print(f"commands recorded        {len(timings)}")
    print(f"raw sqlite insert floor  p50 {f50:.3f} ms  p99 {f99:.3f} ms")
    print(
        f"command API              p50 {c50:.3f} ms  p99 {c99:.3f} ms  mean {statistics.mean(timings) * ms:.3f} ms"
    )
    print(f"p50 ratio to floor       {ratio:.2f}x (target <= 3x)")
    print(f"p99                      {c99:.2f} ms (target <= 10 ms)")
    ok = ratio <= 3 and c99 <= 10
    print("result                   " + ("within targets" if ok else "OUTSIDE targets"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
