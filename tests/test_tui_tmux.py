"""A real terminal: the installed CLI in tmux, a roll call and a decision, SIGKILL, restart.

After the kill the record and the current item must be exactly as committed before it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from meetingtui.models import Attendance, ItemStatus, MeetingStatus
from tests.meetings import stored

CLI = Path(sys.executable).parent / "meetingtui"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not CLI.exists(), reason=f"the meetingtui CLI is not installed ({CLI})"),
]


class Terminal:
    """One tmux server of our own (its own socket), so no user session is touched."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"meetingtui-test-{uuid.uuid4().hex[:8]}"
        self.session = "meeting"
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"}
        self.env.pop("TMUX", None)
        self.home = tmp_path

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        return result.stdout

    def start(self, *cli_args: str) -> None:
        command = " ".join([str(CLI), *cli_args])
        self.tmux("new-session", "-d", "-s", self.session, "-x", "100", "-y", "30", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", self.session, "-p")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def app_pid(self) -> int:
        """The CLI's process: the pane's process, or its only child when a shell wraps it."""
        pane = int(self.tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").strip())
        children = subprocess.run(
            ["pgrep", "-P", str(pane)], capture_output=True, text=True, check=False
        ).stdout.split()
        return int(children[0]) if children else pane

    def alive(self) -> bool:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "has-session", "-t", self.session],
            capture_output=True,
            env=self.env,
            check=False,
        )
        return result.returncode == 0

    def stop(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"],
            capture_output=True,
            env=self.env,
            check=False,
        )


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.stop()


def test_roll_call_and_decision_survive_sigkill(terminal: Terminal, tmp_path: Path) -> None:
    db = tmp_path / "meetings.db"
    terminal.start("--db", str(db), "demo")
    wait_for(lambda: "Åbn mødet" in terminal.screen(), "the roll call screen")
    meeting_id = 1

    # Open the meeting; everyone present (the two apologies are in the agenda already).
    terminal.keys("o")
    wait_for(lambda: stored(db, meeting_id).status is MeetingStatus.OPEN, "the meeting to open")
    participants = stored(db, meeting_id).participants
    terminal.keys(*["t"] * len(participants))
    wait_for(
        lambda: stored(db, meeting_id).participants[-1].attendance is Attendance.PRESENT,
        "the roll call to be stored",
    )
    # To the meeting, first item, then the second; decide it with a quick pick.
    terminal.keys("m", "n", "n", "d", "1", "Enter")
    wait_for(lambda: stored(db, meeting_id).item(2).decision == "Godkendt.", "the decision")
    before = stored(db, meeting_id)

    os.kill(terminal.app_pid(), signal.SIGKILL)
    wait_for(lambda: not terminal.alive(), "the process to die")

    after_kill = stored(db, meeting_id)
    assert after_kill == before
    assert after_kill.current_item_id == 2
    assert after_kill.item(2).status is ItemStatus.DECIDED

    # Start again: the same meeting, on the same item, with the lock of the dead process gone.
    terminal.start("--db", str(db), "open", str(meeting_id))
    wait_for(lambda: "BEHANDLES:" in terminal.screen(), "the meeting screen after restart")
    screen = terminal.screen()
    assert "2. " in screen.split("BEHANDLES:")[1].splitlines()[0]
    assert "Godkendt" in screen
    # It still writes: next item.
    terminal.keys("n")
    wait_for(lambda: stored(db, meeting_id).current_item_id == 3, "the next item after restart")
    record = stored(db, meeting_id)
    assert [p.attendance for p in record.participants] == [
        p.attendance for p in before.participants
    ]
