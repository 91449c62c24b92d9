"""A real SMTP server on localhost for the mail tests (aiosmtpd), and a closed meeting to send.

No tests live here.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from meetingtui.mail.deliveries import deliveries
from meetingtui.planning import create_planned_meeting, plan_meeting
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from tests.committee_fixtures import firstagenda_dagsorden, with_committee
from tests.meetings import ticking_clock


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    tls: bool


@dataclass
class Inbox:
    """The server's side: what it accepted, whom it refuses, who logged in."""

    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    hang_up: set[str] = field(default_factory=set)  # the line drops at these recipients

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.hang_up:
            server.transport.close()
            return "421 4.3.2 Service shutting down"
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), message, session.ssl is not None)
        )
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=data.password == b"hemmeligt-kodeord")
        return AuthResult(success=False)

    def to(self, email: str) -> list[EmailMessage]:
        return [r.message for r in self.received if email in r.rcpt_tos]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def throwaway_certificate(folder: Path) -> Certificate:
    """A self-signed certificate for 127.0.0.1, made for this test run only."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a throwaway certificate (apt-get install openssl)")
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )
    return Certificate(cert, key)


@contextmanager
def smtp_server(
    inbox: Inbox, *, starttls: Certificate | None = None, auth: bool = False
) -> Iterator[int]:
    """Run the server for the `with` block; yields its port."""
    port = free_port()
    options: dict[str, Any] = {}
    if starttls is not None:
        options.update(tls_context=starttls.server_context(), require_starttls=True)
    if auth:
        options.update(authenticator=inbox.authenticate, auth_require_tls=True)
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def config_file(folder: Path, port: int, **smtp: Any) -> Path:
    """A config file with keys for the TUI and the [smtp] table for `send`."""
    table = {"host": "127.0.0.1", "port": port, "security": "none", **smtp}
    lines = ['lang = "da"', "", "[smtp]"]
    for key, value in table.items():
        lines.append(f"{key} = {value}" if isinstance(value, int) else f'{key} = "{value}"')
    path = folder / "keymap.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SENDER = "Økonomiudvalgets sekretariat <sekretariat@greve.dk>"


def held_meeting(db_path: Path, tmp_path: Path, *, close: bool = True) -> int:
    """Økonomiudvalget on 11 March 2025, planned from its dagsorden and the roster, everyone
    present, every item decided, closed (or still open)."""
    conn = connect(db_path)
    try:
        with_committee(conn, tmp_path)
        path = tmp_path / "dagsorden.json"
        path.write_text(firstagenda_dagsorden(), encoding="utf-8")
        meeting_id = create_planned_meeting(conn, plan_meeting(conn, path, "Økonomiudvalget"))
    finally:
        conn.close()
    service = MeetingService.open(db_path, meeting_id, clock=ticking_clock())
    try:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "present")
        for item in service.meeting.items:
            service.start_item(item.id)
            service.record_decision(item.id, "Godkendt.")
        if close:
            service.close_meeting()
    finally:
        service.close()
    return meeting_id


def recorded(db_path: Path, meeting_id: int) -> list:
    conn = connect(db_path)
    try:
        return deliveries(conn, meeting_id)
    finally:
        conn.close()
