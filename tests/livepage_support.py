"""The live page's test kit: the real `meetingtui serve` in a child process, a reader of its
event stream, and headless Chromium (the system's own, through its chromedriver).

No tests live here.
"""

from __future__ import annotations

import http.client
import json
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Generous: the machine is shared; the tests wait for a condition and stop as soon as it holds.
WAIT = 20.0


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]

    def get(self, path: str) -> tuple[int, Message, str]:
        """Status, headers (case-insensitive) and body of a GET."""
        with urlopen(self.url + path.lstrip("/"), timeout=WAIT) as response:
            return response.status, response.headers, response.read().decode("utf-8")

    def state(self) -> dict[str, Any]:
        return json.loads(self.get("api/state")[2])


def _read_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(timeout):
            return ""
        return process.stdout.readline()
    finally:
        selector.close()


@contextmanager
def serving(db_path: Path, meeting_id: int, *extra: str) -> Iterator[Server]:
    """`meetingtui serve` on a free loopback port; stopped (SIGINT, as Ctrl+C) at the end."""
    args = [sys.executable, "-m", "meetingtui", "--db", str(db_path), *extra]
    args += ["serve", str(meeting_id), "--port", "0"]
    process = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = _read_line(process, WAIT)
        assert "http://" in line, (line, process.stderr.read() if process.poll() else "")
        url = line[line.index("http://") :].split()[0]
        server = Server(url=url, process=process)
        _wait_until_answering(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _wait_until_answering(server: Server) -> None:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            server.get("api/state")
            return
        except OSError:
            if time.monotonic() > deadline or server.process.poll() is not None:
                raise
            time.sleep(0.05)


class EventStream:
    """A client of the server-sent event stream, reading whole events."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT)
        self.conn.request("GET", "/events", headers={"Accept": "text/event-stream"})
        self.response = self.conn.getresponse()
        self.raw: list[str] = []  # every line received, for scanning

    def close(self) -> None:
        self.conn.close()

    def next_event(self) -> dict[str, str]:
        fields: dict[str, str] = {}
        while True:
            line = self.response.readline().decode("utf-8")
            if not line:
                raise EOFError("the stream ended")
            self.raw.append(line)
            line = line.rstrip("\n")
            if not line:
                if "data" in fields:
                    return fields
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")

    def until_seq(self, seq: int) -> dict[str, Any]:
        """Read on until the event for commit `seq` (or a later one) arrives."""
        while True:
            event = self.next_event()
            data = json.loads(event["data"])
            if data["seq"] >= seq:
                return data


def chromium_missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"needs {CHROMIUM} and {CHROMEDRIVER} (Debian: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "needs selenium (pip install -e '.[test]')"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 800) -> Iterator[Any]:
    """Headless Chromium with a fresh profile, no network of its own beyond the page."""
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="meetingtui-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: Any, condition: Any, timeout: float = WAIT) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)
