"""`meetingtui send`: the referat to every member's inbox, through a real SMTP server."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document

from meetingtui.cli import main
from meetingtui.mail.deliveries import Status
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.committee_fixtures import event_count
from tests.mail_support import (
    SENDER,
    Inbox,
    config_file,
    free_port,
    held_meeting,
    recorded,
    smtp_server,
    throwaway_certificate,
)
from tests.meetings import ticking_clock

WITH_ADDRESS = {
    "bo.hilsted@greve.dk",
    "anne.moeller@greve.dk",
    "kim.holm@greve.dk",
    "jens.kragh@greve.dk",
    "per.oestergaard@greve.dk",
    "karen.holm@greve.dk",
    "hanne.ravn@greve.dk",
}


def send(db: Path, config: Path | None, *args: str, password: str | None = None) -> Result:
    env = {"MEETINGTUI_SMTP_PASSWORD": password} if password else {}
    options = ["--config", str(config)] if config is not None else []
    return CliRunner(env=env).invoke(main, ["--db", str(db), *options, "send", *args])


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def attachment(message) -> tuple[str, bytes]:
    [part] = list(message.iter_attachments())
    return part.get_filename(), part.get_content()


def referat_name(db_path: Path, meeting_id: int, *, public: bool = True) -> str:
    from meetingtui.exporters import default_filename
    from meetingtui.storage.records import load_meeting

    conn = connect(db_path)
    try:
        return default_filename(load_meeting(conn, meeting_id), "docx", public=public)
    finally:
        conn.close()


def test_dry_run_lists_who_gets_what_and_sends_nothing(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    conn = connect(db_path)
    before = event_count(conn)
    conn.close()
    result = send(db_path, None, str(meeting_id), "--internal", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.output)
    assert plan["subject"] == "Referat: Økonomiudvalget 11. marts 2025"
    people = {r["name"]: r for r in plan["recipients"]}
    assert len(people) == 8  # everyone on the roll call, nobody left out
    assert people["Søren Friis"]["action"] == "no_address"
    assert people["Bo Hilsted"] == people["Bo Hilsted"] | {
        "email": "bo.hilsted@greve.dk",
        "variant": "internal",
        "action": "send",
        "filename": referat_name(db_path, meeting_id, public=False),
    }
    # An observer may not see closed items: the public version, even with --internal.
    assert people["Hanne Ravn"]["variant"] == "public"
    text = send(db_path, None, str(meeting_id), "--dry-run").output
    assert "Søren Friis" in text and "ingen e-mailadresse" in text
    conn = connect(db_path)
    assert event_count(conn) == before
    conn.close()


def test_every_member_gets_the_referat_over_starttls(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    cert = throwaway_certificate(tmp_path)
    inbox = Inbox()
    with smtp_server(inbox, starttls=cert, auth=True) as port:
        config = config_file(
            tmp_path,
            port,
            security="starttls",
            username="udvalgssekretariat",
            sender=SENDER,
            cafile=str(cert.cert),
        )
        result = send(db_path, config, str(meeting_id), password="hemmeligt-kodeord")
    assert result.exit_code == 0, result.output
    assert "7 sendt, 0 afvist, 0 sprunget over, 1 uden adresse" in result.output
    assert inbox.logins == [("udvalgssekretariat", "hemmeligt-kodeord")]
    assert {to for r in inbox.received for to in r.rcpt_tos} == WITH_ADDRESS
    assert all(r.tls for r in inbox.received)  # STARTTLS before anything was said
    assert all(r.mail_from == "sekretariat@greve.dk" for r in inbox.received)

    [message] = inbox.to("bo.hilsted@greve.dk")
    assert message["Subject"] == "Referat: Økonomiudvalget 11. marts 2025"
    assert message["To"] == "Bo Hilsted <bo.hilsted@greve.dk>"
    assert "Økonomiudvalgets sekretariat" in message["From"]
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # as sent: CRLF
    assert body.startswith("Kære Bo Hilsted\n")
    assert "mødet i Økonomiudvalget tirsdag den 11. marts 2025 kl. 16.30" in body
    assert "offentlige udgave" in body
    name, data = attachment(message)
    assert name == referat_name(db_path, meeting_id)  # the name `meetingtui export` gives
    text = docx_text(data)
    assert "Anlægsbevilling til ny daginstitution i Viby" in text
    assert "højeste bud" not in text  # the closed item's indstilling stays out

    records = recorded(db_path, meeting_id)
    assert len(records) == 7 and {d.status for d in records} == {Status.SENT}
    bo = next(d for d in records if d.name == "Bo Hilsted")
    assert bo.sha256 == hashlib.sha256(data).hexdigest()
    assert (bo.variant.value, bo.draft, bo.filename) == ("public", False, name)
    conn = connect(db_path)
    assert verify(conn).ok
    conn.close()


def test_internal_version_goes_to_members_only(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox()
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        assert send(db_path, config, str(meeting_id), "--internal").exit_code == 0
    [member] = inbox.to("jens.kragh@greve.dk")
    name, data = attachment(member)
    assert name.endswith("-internt.docx") and "højeste bud" in docx_text(data)
    assert "interne udgave" in member.get_body(("plain",)).get_content()
    [observer] = inbox.to("hanne.ravn@greve.dk")
    name, data = attachment(observer)
    assert not name.endswith("-internt.docx") and "højeste bud" not in docx_text(data)


def test_a_refused_recipient_is_named_and_retried_nobody_gets_it_twice(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox(refuse={"karen.holm@greve.dk"})
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        first = send(db_path, config, str(meeting_id))
        assert first.exit_code == 1
        assert "✘ Afvist: Karen Holm <karen.holm@greve.dk>: 550 5.1.1" in first.output
        assert "--retry-failed" in first.output
        assert len(inbox.received) == 6
        refused = [d for d in recorded(db_path, meeting_id) if d.status is Status.REFUSED]
        assert [d.name for d in refused] == ["Karen Holm"]
        assert "User unknown" in refused[0].reason

        # Again without asking: nobody is mailed twice, and Karen's refusal is said.
        second = send(db_path, config, str(meeting_id))
        assert len(inbox.received) == 6
        assert "Ingen modtagere" in second.output and "brug --retry-failed" in second.output

        inbox.refuse.clear()
        retried = send(db_path, config, str(meeting_id), "--retry-failed")
        assert retried.exit_code == 0, retried.output
        assert len(inbox.received) == 7 and len(inbox.to("karen.holm@greve.dk")) == 1

        again = send(db_path, config, str(meeting_id), "--again")
        assert again.exit_code == 0 and len(inbox.received) == 14


def test_a_server_that_is_down_sends_and_records_nothing(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    port = free_port()  # nobody listens here
    config = config_file(tmp_path, port, sender=SENDER)
    result = send(db_path, config, str(meeting_id))
    assert result.exit_code == 2
    assert f"Kan ikke forbinde til SMTP-serveren 127.0.0.1:{port}" in result.output
    assert "Intet er sendt." in result.output and "Traceback" not in result.output
    assert recorded(db_path, meeting_id) == []


def test_a_server_that_hangs_up_midway_leaves_a_record_of_who_was_not_reached(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox(hang_up={"jens.kragh@greve.dk"})  # the fourth recipient
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        result = send(db_path, config, str(meeting_id))
        assert result.exit_code == 1
        assert "Forbindelsen til SMTP-serveren blev afbrudt" in result.output
        statuses = {d.name: d.status for d in recorded(db_path, meeting_id)}
        # Three delivered, the one under way unknown, the rest not tried (and not recorded).
        assert statuses == {
            "Bo Hilsted": Status.SENT,
            "Anne Møller": Status.SENT,
            "Kim Holm": Status.SENT,
            "Jens Kragh": Status.FAILED,
        }
        assert "3 modtagere er ikke forsøgt" in result.output
        # The next run reaches those never tried; the interrupted one waits for --retry-failed.
        inbox.hang_up.clear()
        again = send(db_path, config, str(meeting_id))
        reached = [to for r in inbox.received for to in r.rcpt_tos]
        assert sorted(reached[3:]) == [
            "hanne.ravn@greve.dk",
            "karen.holm@greve.dk",
            "per.oestergaard@greve.dk",
        ]
        assert "brug --retry-failed" in again.output
        retried = send(db_path, config, str(meeting_id), "--retry-failed")
        assert retried.exit_code == 0
        assert [to for r in inbox.received for to in r.rcpt_tos][6:] == ["jens.kragh@greve.dk"]


def test_starttls_is_required_when_configured(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox()
    with smtp_server(inbox) as port:  # offers no STARTTLS
        config = config_file(tmp_path, port, security="starttls", sender=SENDER)
        result = send(db_path, config, str(meeting_id))
    assert result.exit_code == 2 and "tilbyder ikke STARTTLS" in result.output
    assert inbox.received == [] and recorded(db_path, meeting_id) == []


def test_an_open_meeting_is_sent_only_as_a_marked_draft(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path, close=False)
    refused = send(db_path, None, str(meeting_id), "--dry-run")
    assert refused.exit_code == 2 and "send et udkast med --draft" in refused.output
    assert "(status: åbent)" in refused.output  # the status in words, not "open"
    assert "Mødet i Økonomiudvalget den " in refused.output  # named, not by its id
    inbox = Inbox()
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        result = send(db_path, config, str(meeting_id), "--draft")
    assert result.exit_code == 0, result.output
    [message] = inbox.to("bo.hilsted@greve.dk")
    assert message["Subject"] == "Udkast – Referat: Økonomiudvalget 11. marts 2025"
    assert "udkast" in message.get_body(("plain",)).get_content()
    name, data = attachment(message)
    assert name == "udkast-" + referat_name(db_path, meeting_id)
    assert "Udkast" in docx_text(data)
    assert all(d.draft for d in recorded(db_path, meeting_id))


def test_a_changed_referat_is_said_before_sending_again(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox()
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        assert send(db_path, config, str(meeting_id)).exit_code == 0
    service = MeetingService.open(db_path, meeting_id, clock=ticking_clock())
    service.approve_minutes()
    service.close()
    plan = json.loads(send(db_path, None, str(meeting_id), "--dry-run", "--json").output)
    bo = next(r for r in plan["recipients"] if r["name"] == "Bo Hilsted")
    assert (bo["action"], bo["changed_since"]) == ("already_sent", True)
    assert "send det igen med --again" in send(db_path, None, str(meeting_id), "--dry-run").output


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            'host = "smtp.greve.dk"\nsender = "a@greve.dk"\npassword = "x"',
            "MEETINGTUI_SMTP_PASSWORD",
        ),
        ('host = "smtp.greve.dk"\nsender = "a@greve.dk"\nsecurity = "tls"', "security"),
        (
            'host = "smtp.greve.dk"\nsender = "a@greve.dk"\nusername = "u"\nsecurity = "none"',
            "ukrypteret",
        ),
        ('host = "smtp.greve.dk"\nsender = "ikke en adresse"', "sender"),
        ('host = "smtp.greve.dk"\nsender = "a@greve.dk"\nusername = "u"', "miljøvariablen"),
    ],
)
def test_bad_smtp_settings_are_refused_before_anything_is_sent(
    db_path: Path, tmp_path: Path, table: str, expected: str
) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    config = tmp_path / "keymap.toml"
    config.write_text(f"[smtp]\n{table}\n", encoding="utf-8")
    result = send(db_path, config, str(meeting_id))
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert recorded(db_path, meeting_id) == []


def test_the_tui_reads_a_config_file_with_an_smtp_table(tmp_path: Path) -> None:
    from meetingtui.keymap import load_config

    config = config_file(tmp_path, 2525, sender=SENDER)
    assert load_config(config).lang == "da"
