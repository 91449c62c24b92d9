"""`meetingtui send`: who gets which referat, and sending it over SMTP, one recipient at a time.

Each recipient gets a message of their own (their name in it, their version attached), and
each attempt is recorded as a delivery event the moment the server has answered, so a crash
half-way loses no record and a second run knows who already has the referat. When the server
cannot be reached, nothing is sent and nothing is recorded.
"""

from __future__ import annotations

import hashlib
import smtplib
import sqlite3
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from meetingtui.clock import Clock, local_now
from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.mail.deliveries import Delivery, Status, Variant, deliveries, record_delivery
from meetingtui.mail.message import build_message, subject
from meetingtui.mail.recipients import meeting_addresses
from meetingtui.mail.settings import SmtpSettings
from meetingtui.models import Meeting
from meetingtui.vocabulary import MeetingStatus


class MailError(MeetingError):
    """Sending could not start or had to stop; the message says what was and was not sent."""


class Action:
    SEND = "send"
    ALREADY_SENT = "already_sent"
    FAILED_BEFORE = "failed_before"
    NO_ADDRESS = "no_address"


@dataclass
class Recipient:
    participant_id: int
    name: str
    email: str
    variant: Variant
    action: str
    previous: Delivery | None = None  # the latest attempt of this version to this address
    changed_since: bool = False  # already sent, but the record has changed since


@dataclass
class SendPlan:
    meeting: Meeting
    draft: bool
    internal: bool
    referat_hash: str
    subject: str
    recipients: list[Recipient]

    def filename(self, variant: Variant) -> str:
        from meetingtui.exporters import default_filename

        name = default_filename(self.meeting, "docx", public=variant is Variant.PUBLIC)
        return f"udkast-{name}" if self.draft else name

    @property
    def to_send(self) -> list[Recipient]:
        return [r for r in self.recipients if r.action == Action.SEND]


@dataclass
class Outcome:
    recipient: Recipient
    status: Status
    reason: str = ""


@dataclass
class SendReport:
    plan: SendPlan
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: str = ""  # why sending stopped early, with who was not tried

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def ok(self) -> bool:
        return not self.interrupted and all(o.status is Status.SENT for o in self.outcomes)


def _meeting(conn: sqlite3.Connection, meeting_id: int) -> Meeting:
    from meetingtui.queries import load_record, meeting_exists

    if not meeting_exists(conn, meeting_id):
        raise MailError("storage.no_meeting", meeting_id=meeting_id)
    return load_record(conn, meeting_id)


def plan_sending(
    conn: sqlite3.Connection,
    meeting_id: int,
    *,
    internal: bool = False,
    draft: bool = False,
    retry_failed: bool = False,
    again: bool = False,
) -> SendPlan:
    """Who gets which version, and who is skipped and why. Sends nothing."""
    from meetingtui.queries import chain_head
    from meetingtui.verify import meeting_name

    if retry_failed and again:
        raise MailError("mail.retry_and_again")
    meeting = _meeting(conn, meeting_id)
    closed = meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED)
    if not closed and not draft:
        status = t(f"status.{meeting.status.value}")
        raise MailError("mail.not_closed", meeting=meeting_name(conn, meeting_id), status=status)
    if closed and draft:
        raise MailError("mail.draft_of_closed", meeting=meeting_name(conn, meeting_id))
    head = chain_head(conn, meeting_id)
    addresses = meeting_addresses(conn, meeting_id)
    earlier = deliveries(conn, meeting_id)
    recipients = []
    for person in meeting.participants:
        address = addresses.get(person.id)
        email = address.email if address is not None else ""
        # Members (and seated substitutes) may see closed items; observers get the public one.
        variant = Variant.INTERNAL if internal and person.votes else Variant.PUBLIC
        recipient = Recipient(person.id, person.name, email, variant, Action.NO_ADDRESS)
        recipients.append(recipient)
        if not email:
            continue
        mine = [
            d
            for d in earlier
            if d.participant_id == person.id
            and d.variant is variant
            and d.draft == draft
            and d.email.casefold() == email.casefold()
        ]
        sent = [d for d in mine if d.status is Status.SENT]
        recipient.previous = mine[-1] if mine else None
        if again or not mine:
            recipient.action = Action.SEND
        elif sent:
            recipient.action = Action.ALREADY_SENT
            recipient.previous = sent[-1]
            recipient.changed_since = sent[-1].referat_hash != head
        else:
            recipient.action = Action.SEND if retry_failed else Action.FAILED_BEFORE
    return SendPlan(meeting, draft, internal, head, subject(meeting, draft=draft), recipients)


# --- SMTP ----------------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def open_smtp(settings: SmtpSettings) -> smtplib.SMTP:
    """A connection that is encrypted as configured and logged in; MailError when it cannot be."""
    where = {"host": settings.host, "port": settings.port}
    context = ssl.create_default_context()
    if settings.cafile:
        context.load_verify_locations(settings.cafile)  # a CA besides the system's
    password = settings.password()
    try:
        if settings.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    except ssl.SSLError as exc:
        raise MailError("mail.tls_failed", **where, reason=_reason(exc)) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError("mail.server_down", **where, reason=_reason(exc)) from None
    try:
        if settings.security == "starttls":
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise MailError("mail.no_starttls", **where, file=settings.source)
            try:
                smtp.starttls(context=context)
            except ssl.SSLError as exc:
                raise MailError("mail.tls_failed", **where, reason=_reason(exc)) from None
            smtp.ehlo()
        if settings.username:
            try:
                smtp.login(settings.username, password)
            except (smtplib.SMTPAuthenticationError, smtplib.SMTPNotSupportedError) as exc:
                raise MailError(
                    "mail.login_failed", username=settings.username, reason=_reason(exc)
                ) from None
    except MailError:
        smtp.close()
        raise
    except (OSError, smtplib.SMTPException) as exc:
        smtp.close()
        raise MailError("mail.server_down", **where, reason=_reason(exc)) from None
    return smtp


def _refusal(exc: smtplib.SMTPException, email: str) -> str:
    text: bytes | str
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = exc.recipients.get(email, (0, b""))
    elif isinstance(exc, smtplib.SMTPResponseException):
        code, text = exc.smtp_code, exc.smtp_error
    else:
        return _reason(exc)
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {message}".strip()


def send_referat(
    conn: sqlite3.Connection,
    plan: SendPlan,
    settings: SmtpSettings,
    *,
    clock: Clock = local_now,
    on_outcome: Callable[[Outcome], object] | None = None,
) -> SendReport:
    """Send the plan's messages and record every answer; see the module docstring."""
    from meetingtui.exporters import export

    report = SendReport(plan)
    todo = plan.to_send
    if not todo:
        return report
    attachments: dict[Variant, tuple[bytes, str]] = {}
    for variant in {r.variant for r in todo}:
        data = export(
            plan.meeting, "docx", public=variant is Variant.PUBLIC, chain_head=plan.referat_hash
        )
        attachments[variant] = (data, hashlib.sha256(data).hexdigest())
    meeting_id = plan.meeting.id
    assert meeting_id is not None
    smtp = open_smtp(settings)
    try:
        for index, recipient in enumerate(todo):
            data, digest = attachments[recipient.variant]
            filename = plan.filename(recipient.variant)
            now: datetime = clock()
            message = build_message(
                plan.meeting,
                sender=settings.sender,
                to_name=recipient.name,
                to_email=recipient.email,
                variant=recipient.variant,
                draft=plan.draft,
                filename=filename,
                attachment=data,
                now=now,
            )
            status, reason = Status.SENT, ""
            try:
                smtp.send_message(
                    message, from_addr=settings.sender.addr_spec, to_addrs=[recipient.email]
                )
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                status, reason = Status.REFUSED, _refusal(exc, recipient.email)
            except (OSError, smtplib.SMTPException) as exc:
                # The line broke mid-message: whether it arrived is unknown; say so, stop.
                status, reason = Status.FAILED, _reason(exc)
            record_delivery(
                conn,
                meeting_id=meeting_id,
                participant_id=recipient.participant_id,
                name=recipient.name,
                email=recipient.email,
                variant=recipient.variant,
                draft=plan.draft,
                referat_hash=plan.referat_hash,
                sha256=digest,
                filename=filename,
                status=status,
                reason=reason,
                at=now,
            )
            outcome = Outcome(recipient, status, reason)
            report.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
            if status is Status.FAILED:
                report.interrupted = MailError(
                    "mail.connection_lost",
                    name=recipient.name,
                    reason=reason,
                    count=len(todo) - index - 1,
                ).message
                break
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            # Every answer that counts is recorded above; a failed goodbye changes none.
            smtp.close()
    return report
