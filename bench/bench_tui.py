"""TUI performance: cold start next to a minimal Textual app, and the vote screen's key latency.

1. Cold start: `meetingtui --db X demo` in a real terminal (tmux, 100x30) until its first
   interactive frame (the roll call is on screen), next to a minimal Textual app (Header +
   Footer) started the same way from the same Python in the same run. Median of several runs.
   Target: meetingtui <= 1.5x the minimal app. The roll call's first frame is drawn from a
   glance at the tables and the record loads right after it, so the benchmark also reports
   when the first answer (a key sent the moment the frame appears) is on screen.
2. Vote screen with 55 members: time from a key (a party block or one member) until the
   first frame drawn after the ballot was committed (on-disk database, synchronous=FULL),
   measured in-process at the point where Textual hands the frame to the terminal driver.
   Target: <= 50 ms (one frame).

    python bench/bench_tui.py [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header


class Minimal(App):
    TITLE = "MinimalReady"

    def compose(self):
        yield Header()
        yield Footer()


Minimal().run()
"""


class Tmux:
    def __init__(self) -> None:
        self.socket = f"meetingtui-bench-{uuid.uuid4().hex[:8]}"
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
        self.env.pop("TMUX", None)
        # Both programs start as an installed package does: with bytecode caches. Without
        # this, a machine that sets PYTHONDONTWRITEBYTECODE compiles meetingtui's modules from
        # source on every start while Textual's come precompiled from its wheel.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(self, *args: str, check: bool = True) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=check,
        ).stdout

    def time_to_text(
        self, command: list[str], marker: str, then: tuple[str, tuple[str, ...]] | None = None
    ) -> tuple[float, float | None]:
        """Seconds from starting `command` in a fresh pane until `marker` is on screen; with
        `then` = (key, answer), also until one line holds all of `answer` after `key` was
        sent at that moment."""
        start = time.perf_counter()
        self.run("new-session", "-d", "-s", "bench", "-x", "100", "-y", "30", " ".join(command))
        try:
            shown = self._wait((marker,), start) - start
            if then is None:
                return shown, None
            key, answer = then
            self.run("send-keys", "-t", "bench", key)
            return shown, self._wait(answer, start) - start
        finally:
            self.run("kill-server", check=False)
            time.sleep(0.2)

    def _wait(self, marker: tuple[str, ...], start: float, timeout: float = 30.0) -> float:
        """The moment one line of the pane holds every string of `marker`."""
        while time.perf_counter() - start < timeout:
            screen = self.run("capture-pane", "-t", "bench", "-p", check=False)
            if any(all(part in line for part in marker) for line in screen.splitlines()):
                return time.perf_counter()
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} did not appear within {timeout} s")


def cold_start(runs: int) -> tuple[float, float, float]:
    """Medians: meetingtui's first frame, its first roll-call answer, the minimal app's frame."""
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed for the cold-start benchmark")
    cli = Path(sys.executable).parent / "meetingtui"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        tmux = Tmux()
        meetingtui = [str(cli), "--db", str(db), "demo"]
        # Warm-up: create the demo meeting and fill the OS file cache for both programs.
        tmux.time_to_text(meetingtui, "Navn")
        tmux.time_to_text([sys.executable, str(minimal)], "MinimalReady")
        ours, answered, theirs = [], [], []
        # The first member's answer alternates (present / afbud), so each run's answer is new.
        first = "Carsten Rasmussen"
        answers = [("t", (first, "✔ til stede")), ("a", (first, "✘ afbud"))]
        for run in range(runs):
            theirs.append(tmux.time_to_text([sys.executable, str(minimal)], "MinimalReady")[0])
            shown, answer = tmux.time_to_text(meetingtui, "Navn", then=answers[run % 2])
            ours.append(shown)
            answered.append(answer or 0.0)
    return statistics.median(ours), statistics.median(answered), statistics.median(theirs)


async def vote_latency(members: int = 55, keys: int = 40) -> list[float]:
    from meetingtui.models import AgendaItem, Meeting, Participant
    from meetingtui.screens.app import build_app
    from meetingtui.screens.vote import VoteScreen
    from meetingtui.service import MeetingService, create_meeting
    from meetingtui.storage.db import connect

    parties = ["A", "A", "A", "V", "V", "V", "O", "F", "C", "Ø", "B", "I"]
    meeting = Meeting(
        body="Byrådet",
        starts_at=datetime(2025, 6, 18, 17, 0),
        participants=[
            Participant(id=n, name=f"Medlem {n}", affiliation=parties[n % len(parties)])
            for n in range(1, members + 1)
        ],
        items=[AgendaItem(id=1, number="1", title="Budget 2026", recommendation="Godkendes.")],
    )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        conn = connect(db)
        meeting_id = create_meeting(conn, meeting)
        conn.close()
        with MeetingService.open(db, meeting_id) as service:
            service.open_meeting()
            for person in meeting.participants:
                service.set_attendance(person.id, "present")
            service.start_item(1)
            service.open_vote(1)
        app = build_app(db, meeting_id)
        timings: list[float] = []
        frames: list[float] = []
        committed: list[float] = []
        # Frames: when the compositor hands a finished update to the terminal driver.
        display = app._display

        def timed_display(screen: object, renderable: object) -> None:
            if renderable is not None:
                frames.append(time.perf_counter())
            display(screen, renderable)  # type: ignore[arg-type]

        app._display = timed_display  # type: ignore[method-assign]
        run_command = app.run_command

        def timed_run_command(*args: object, **kwargs: object) -> object:
            outcome = run_command(*args, **kwargs)  # type: ignore[arg-type]
            committed.append(time.perf_counter())
            return outcome

        app.run_command = timed_run_command  # type: ignore[method-assign]
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, VoteScreen)
            # Party blocks first, then single members (tab), cycling the three choices.
            sequence = ["f", "i", "u"] * 3 + ["tab"] + ["f", "i", "u", "up"] * (keys // 4)
            for key in sequence:
                frames.clear()
                committed.clear()
                start = time.perf_counter()
                app.simulate_key(key)
                await asyncio.sleep(0.2)
                if key in ("tab", "up"):
                    continue
                assert committed, f"key {key!r} ran no command"
                drawn = [f for f in frames if f >= committed[0]]
                assert drawn, f"no frame after key {key!r}"
                timings.append(drawn[0] - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ours, answered, theirs = cold_start(args.runs)
    print(f"cold start to first interactive frame (median of {args.runs}, tmux 100x30):")
    print(f"  minimal Textual app (Header + Footer): {theirs * 1000:7.0f} ms")
    print(f"  meetingtui demo:                       {ours * 1000:7.0f} ms")
    print(f"  ratio: {ours / theirs:.2f}x (target <= 1.5x)")
    print(
        f"  first roll-call answer on screen (key sent at the first frame): {answered * 1000:.0f} ms"
    )
    timings = asyncio.run(vote_latency())
    timings_ms = sorted(t * 1000 for t in timings)
    p95 = timings_ms[min(len(timings_ms) - 1, round(0.95 * (len(timings_ms) - 1)))]
    print(f"vote screen, 55 members, {len(timings_ms)} keys from key to committed redraw:")
    print(
        f"  median {statistics.median(timings_ms):.1f} ms, p95 {p95:.1f} ms, "
        f"max {timings_ms[-1]:.1f} ms (target <= 50 ms)"
    )


if __name__ == "__main__":
    main()
