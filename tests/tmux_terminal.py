"""A real terminal for the tests: the installed `meetingtui` CLI inside a tmux server of the
test's own, driven by keys and read back with `capture-pane`.

Every step waits for a condition on the screen (or in the record) with a generous timeout and
goes on as soon as it holds: a key that opens a dialog is followed by a wait for the dialog, so
no key reaches a screen that is not there yet. No fixed sleeps: the machine may be loaded.

No tests live here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

CLI = Path(sys.executable).parent / "meetingtui"
TMUX = shutil.which("tmux")
# Generous: a loaded two-core machine may take seconds to draw a screen. A wait that holds
# returns at once, so the timeout only costs time when something is really wrong.
WAIT = 60.0
POLL = 0.1

Condition = str | Callable[[str], bool]


def _holds(condition: Condition, screen: str) -> bool:
    return condition in screen if isinstance(condition, str) else condition(screen)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    """Until `condition()` holds; fails naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL)


class Terminal:
    """One tmux server of our own (its own socket), so no user session is touched.

    A target is a tmux window name; the first window is `meeting`.
    """

    def __init__(self, home: Path) -> None:
        self.socket = f"meetingtui-test-{uuid.uuid4().hex[:8]}"
        self.session = "meetingtui"
        self.main = "meeting"
        self.env = {
            **os.environ,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            # The user's own keymap and data never reach the test's app.
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
        self.env.pop("TMUX", None)
        self.env.pop("MEETINGTUI_DB", None)
        self.started = False

    # ------------------------------------------------------------------ tmux itself

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [TMUX or "tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def _target(self, window: str | None) -> str:
        return f"{self.session}:{window or self.main}"

    def start(self, *cli_args: str, width: int = 100, height: int = 30) -> None:
        """The CLI in the first window (a new server when none runs, else a new session)."""
        command = " ".join([str(CLI), *cli_args])
        if self.started and self.alive():
            raise AssertionError("the meeting window is still running")
        if self.windows():  # another window (a follower) keeps the session: join it
            self.open_window(self.main, *cli_args)
            self.resize(width, height)
            return
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-n",
            self.main,
            "-x",
            str(width),
            "-y",
            str(height),
            command,
        )
        self.started = True

    def open_window(self, name: str, *cli_args: str) -> None:
        """The CLI in another window of the same session (e.g. a read-only follower)."""
        command = " ".join([str(CLI), *cli_args])
        self.tmux("new-window", "-d", "-t", f"{self.session}:", "-n", name, command)

    def resize(self, width: int, height: int, window: str | None = None) -> None:
        self.tmux("resize-window", "-t", self._target(window), "-x", str(width), "-y", str(height))

    def size(self, window: str | None = None) -> tuple[int, int]:
        out = self.tmux(
            "display-message", "-p", "-t", self._target(window), "#{pane_width} #{pane_height}"
        )
        width, height = out.split()
        return int(width), int(height)

    def screen(self, window: str | None = None) -> str:
        """The pane's text; empty once the window is gone (the app may quit between looks)."""
        return self.tmux("capture-pane", "-p", "-t", self._target(window), check=False)

    def styled_line(self, text: str, window: str | None = None, *, last: bool = False) -> str:
        """The first (or last) line holding `text`, with its colours and attributes (escape
        sequences): how the screen marks focus and the cursor, which plain text does not show."""
        screen = self.tmux("capture-pane", "-p", "-e", "-t", self._target(window), check=False)
        lines = [line for line in screen.splitlines() if text in line]
        return (lines[-1] if last else lines[0]) if lines else ""

    def press_until_restyled(
        self, key: str, text: str, what: str, window: str | None = None, *, last: bool = False
    ) -> None:
        """One key that moves the focus, then wait until the line holding `text` is drawn
        differently or is scrolled away (the widget on it gained or lost the focus), so that
        the next key goes where the focus now is."""
        before = self.styled_line(text, window, last=last)
        assert before, f"{text!r} is not on screen"
        self.send(key, window=window)
        # Gone counts as changed: a dialog may scroll the line away to show the focused field.
        wait_for(lambda: self.styled_line(text, window, last=last) != before, what)

    def windows(self) -> list[str]:
        out = self.tmux("list-windows", "-t", self.session, "-F", "#{window_name}", check=False)
        return out.split()

    def alive(self, window: str | None = None) -> bool:
        return (window or self.main) in self.windows()

    def stop(self) -> None:
        self.tmux("kill-server", check=False)

    def app_pid(self, window: str | None = None) -> int:
        """The CLI's process: the pane's process, or its only child when a shell wraps it."""
        pane = int(self.tmux("list-panes", "-t", self._target(window), "-F", "#{pane_pid}").strip())
        children = subprocess.run(
            ["pgrep", "-P", str(pane)], capture_output=True, text=True, check=False
        ).stdout.split()
        return int(children[0]) if children else pane

    # ------------------------------------------------------------------ keys and waits

    def send(self, *keys: str, window: str | None = None) -> None:
        """Keys by tmux name ("Enter", "Escape", "C-q", "t"), in order, without waiting."""
        for key in keys:
            self.tmux("send-keys", "-t", self._target(window), key)

    def type(self, text: str, window: str | None = None) -> None:
        """Literal text, as typed."""
        self.tmux("send-keys", "-t", self._target(window), "-l", text)

    def wait_screen(
        self,
        condition: Condition,
        what: str | None = None,
        *,
        window: str | None = None,
        timeout: float = WAIT,
    ) -> str:
        """Capture the pane until `condition` (text on screen, or a test of the whole screen)
        holds; the screen that satisfied it. On timeout the last screen is in the message."""
        deadline = time.monotonic() + timeout
        while True:
            if not self.alive(window):
                raise AssertionError(f"the window ended while waiting for {what or condition!r}")
            screen = self.screen(window)
            if _holds(condition, screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out after {timeout:.0f} s waiting for {what or condition!r}; "
                    f"the screen was:\n{screen}"
                )
            time.sleep(POLL)

    def press(
        self, key: str, until: Condition, what: str | None = None, *, window: str | None = None
    ) -> str:
        """One key, then wait for its effect on the screen."""
        self.send(key, window=window)
        return self.wait_screen(until, what, window=window)
