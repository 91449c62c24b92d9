"""The live page: from a command's commit to the event on every connected page, and the
server's memory, with 50 pages following the meeting.

Runs `meetingtui serve` as a user would, connects N server-sent-event clients (threads in this
process, so commit and receipt share one clock), then commits 100 commands through the command
API at irregular intervals (a member leaving and arriving: the quorum line changes each time)
and times each commit until each client has its event. The baseline in the same run is one
client. Memory is the server's resident set (VmRSS) idle and with all clients connected.
Target: p95 <= 1 s with 50 clients.

    python bench/bench_livepage.py [--clients 50] [--commits 100]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from meetingtui.models import AgendaItem, Meeting, Participant
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect

ROOT = Path(__file__).resolve().parents[1]
PARTIES = ["A", "A", "A", "V", "V", "V", "C", "F", "O", "Ø", "B"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def byraad(db_path: Path) -> int:
    meeting = Meeting(
        body="Byrådet",
        municipality="Greve Kommune",
        starts_at=datetime(2025, 6, 18, 17, 0),
        participants=[
            Participant(id=n, name=f"Medlem {n}", affiliation=PARTIES[n % len(PARTIES)])
            for n in range(1, 32)
        ],
        items=[
            AgendaItem(id=n, number=str(100 + n), title=f"Sag nr. {n} om lokalplan {n}")
            for n in range(1, 21)
        ],
    )
    conn = connect(db_path)
    meeting_id = create_meeting(conn, meeting)
    conn.close()
    with MeetingService.open(db_path, meeting_id) as service:
        service.open_meeting()
        for person in meeting.participants:
            service.set_attendance(person.id, "present")
        service.start_item(1)
    return meeting_id


class Client(threading.Thread):
    """One page: reads the event stream and notes when each commit's event arrives."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(daemon=True)
        self.sock = socket.create_connection((host, port), timeout=30)
        self.sock.sendall(
            f"GET /events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        self.received: dict[int, float] = {}
        self.ready = threading.Event()

    def run(self) -> None:
        stream = self.sock.makefile("rb")
        try:
            for raw in stream:
                if raw.startswith(b"id: "):
                    self.received[int(raw[4:])] = time.perf_counter()
                    self.ready.set()
        except OSError:
            return  # closed at the end of the run

    def close(self) -> None:
        self.sock.close()


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def run(db_path: Path, meeting_id: int, clients: int, commits: int) -> dict[str, float]:
    command = [sys.executable, "-m", "meetingtui", "--db", str(db_path), "serve", str(meeting_id)]
    server = subprocess.Popen(
        [*command, "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split("http://")[1].split()[0]
        host, port = url.rstrip("/").rsplit(":", 1)
        time.sleep(1.0)  # the server is up; let it settle before measuring its memory
        idle = rss_kib(server.pid)
        pages = [Client(host, int(port)) for _ in range(clients)]
        for page in pages:
            page.start()
        for page in pages:
            if not page.ready.wait(30):
                raise RuntimeError("a client got no first event")
        connected = rss_kib(server.pid)
        committed: dict[int, float] = {}
        rng = random.Random(15)
        with MeetingService.open(db_path, meeting_id) as service:
            for n in range(commits):
                member = 2 + n // 2 % 20
                outcome = service.leave(member) if n % 2 == 0 else service.arrive(member)
                committed[outcome.seq] = time.perf_counter()
                # Irregular gaps, so commits fall anywhere in the server's polling cycle.
                time.sleep(0.15 + rng.random() * 0.2)
        deadline = time.monotonic() + 30
        last = max(committed)
        while time.monotonic() < deadline and any(last not in p.received for p in pages):
            time.sleep(0.05)
        latencies = []
        missing = 0
        for page in pages:
            for seq, at in committed.items():
                if seq in page.received:
                    latencies.append(page.received[seq] - at)
                else:
                    missing += 1  # superseded by a newer state before the page read it
        peak = rss_kib(server.pid)
        for page in pages:
            page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 95) * 1000,
        "max": max(latencies) * 1000,
        "within_1s": sum(1 for x in latencies if x <= 1.0) / len(latencies),
        "missing": missing,
        "idle_mib": idle / 1024,
        "connected_mib": connected / 1024,
        "peak_mib": peak / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--commits", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        meeting_id = byraad(db_path)
        results = {n: run(db_path, meeting_id, n, args.commits) for n in (1, args.clients)}
    print(f"{args.commits} commits, a 31-member byråd, commit → event on the page")
    print("| clients | p50 | p95 | max | ≤ 1 s | server memory idle → with clients |")
    print("|---|---|---|---|---|---|")
    for n, r in results.items():
        print(
            f"| {n} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['max']:.0f} ms | "
            f"{r['within_1s']:.1%} | {r['idle_mib']:.1f} → {r['connected_mib']:.1f} MiB "
            f"(peak {r['peak_mib']:.1f}; {r['missing']:.0f} events superseded) |"
        )


if __name__ == "__main__":
    main()
