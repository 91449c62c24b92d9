"""`meetingtui serve` as a user runs it: a child process on a loopback port, read over HTTP and
its event stream. Closed items are checked by scanning every byte the server sends."""

from __future__ import annotations

import hashlib
import http.client
import socket
import subprocess
import sys
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.service import MeetingService
from tests.livepage_support import ROOT, WAIT, EventStream, serving
from tests.meetings import (
    FixedClock,
    closed_secrets,
    committee_meeting,
    run_closed_item,
    store,
)


def test_page_state_and_static_files_are_served_with_safe_headers(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        status, headers, html = server.get("/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert '<html lang="da">' in html and "Godkendelse af dagsorden" in html
        state = server.state()
        assert state["current"]["title"] == "Godkendelse af dagsorden"
        assert server.get("static/page.css")[1]["Content-Type"].startswith("text/css")
        assert "EventSource" in server.get("static/page.js")[2]
        with pytest.raises(HTTPError) as missing:
            server.get("static/../../pyproject.toml")
        assert missing.value.code == 404


def test_the_server_answers_no_writes(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        parts = urlsplit(server.url)
        for method, path in (("POST", "/"), ("PUT", "/api/state"), ("DELETE", "/events")):
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT)
            conn.request(method, path, body=b"{}")
            assert conn.getresponse().status == 405, (method, path)
            conn.close()


def test_a_decision_committed_reaches_the_stream(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        stream = EventStream(server.url)
        try:
            first = stream.until_seq(0)
            assert "Godkendelse af dagsorden" in first["fragments"]["current"]
            with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
                seq = service.record_decision(1, "Dagsordenen blev godkendt.").seq
            update = stream.until_seq(seq)
        finally:
            stream.close()
        assert update["seq"] == seq
        assert "Dagsordenen blev godkendt." in update["fragments"]["current"]
        assert update["announce"] == "Punkt 1: Dagsordenen blev godkendt."
        assert server.state()["current"]["decision"] == "Dagsordenen blev godkendt."


def test_nothing_of_a_closed_item_reaches_any_response(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        stream = EventStream(server.url)
        try:
            stream.until_seq(0)
            stream.until_seq(run_closed_item(db_path, meeting_id))
            responses = [server.get(path)[2] for path in ("/", "/?projector=1", "api/state")]
            assert server.state()["current"] == {
                "number": "3",
                "closed": True,
                "title": "",
                "case_number": "",
                "recommendation": "",
                "status": "",
                "decision": "",
            }
            # Then on to the next item: the closed item's decision is in the record now.
            with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
                seq = service.start_item(4).seq
            stream.until_seq(seq)
            responses += [server.get(path)[2] for path in ("/", "api/state")]
            responses += [server.get(f"static/{name}")[2] for name in ("page.css", "page.js")]
        finally:
            stream.close()
    sent = "".join(responses) + "".join(stream.raw)
    assert "Lukket punkt" in responses[0] and "Punkt 3" in responses[0]
    secrets = closed_secrets(db_path, meeting_id)
    assert "Grunden sælges til Hvalsø Byg ApS for 2,1 mio. kr." in secrets
    assert len(secrets) >= 8
    leaked = [s for s in secrets if s in sent]
    assert leaked == []
    assert "Søren Friis" not in sent  # who spoke on the closed item


def _digest(db_path: Path) -> str:
    """The database and its write-ahead log, by content (a reader may leave an empty log
    behind, and it keeps read marks in the -shm index, which is shared memory, not data)."""
    sha = hashlib.sha256()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        sha.update(path.read_bytes() if path.exists() else b"")
    return sha.hexdigest()


def test_serving_never_writes_the_database(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    before = _digest(db_path)
    with serving(db_path, meeting_id) as server:
        stream = EventStream(server.url)
        stream.until_seq(0)
        server.get("/")
        server.state()
        stream.close()
    assert _digest(db_path) == before


def test_open_to_the_network_warns(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    command = [sys.executable, "-m", "meetingtui", "--db", str(db_path), "serve", str(meeting_id)]
    process = subprocess.Popen(
        [*command, "--host", "0.0.0.0", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        warning = process.stderr.readline()
        assert warning.startswith("Advarsel: siden kan ses af alle på netværket (0.0.0.0)")
        assert "http://0.0.0.0:" in process.stdout.readline()
    finally:
        process.terminate()
        process.communicate(timeout=WAIT)


def test_bad_input_gets_one_line_and_no_server(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["--db", str(tmp_path / "none.db"), "serve", "1"])
    assert missing.exit_code == 2
    assert missing.output.strip() == f"Databasen {tmp_path / 'none.db'} findes ikke."
    store(db_path, committee_meeting())
    unknown = runner.invoke(main, ["--db", str(db_path), "serve", "99"])
    assert (unknown.exit_code, unknown.output.strip()) == (2, "Der findes intet møde med id 99.")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = runner.invoke(main, ["--db", str(db_path), "serve", "1", "--port", str(port)])
    assert busy.exit_code == 2
    assert busy.output.startswith(f"Kan ikke lytte på 127.0.0.1:{port}: ")
    assert "Traceback" not in busy.output


def test_without_the_serve_extra_the_command_says_what_to_install(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(db_path, committee_meeting())
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(main, ["--db", str(db_path), "serve", "1"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "meetingtui serve kræver ekstra pakker: pip install 'meetingtui[serve]' (uvicorn)."
    )
