"""The email that carries a referat: a short Danish message with the .docx attached.

The message is Danish whatever the UI language, as the referat it carries: the members read
it, not the person at the keyboard.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from meetingtui.i18n.export import DA as EXPORT_DA
from meetingtui.i18n.mail import DA as MAIL_DA
from meetingtui.mail.deliveries import Variant
from meetingtui.models import Meeting

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def danish(key: str, /, **params: object) -> str:
    text = MAIL_DA.get(key) or EXPORT_DA[key]
    return text.format(**params) if params else text


def _names(key: str) -> list[str]:
    return danish(key).split(",")


def long_date(moment: datetime) -> str:
    """ "11. marts 2025"."""
    month = _names("export.months")[moment.month - 1]
    return danish("export.date", day=moment.day, month=month, year=moment.year)


def subject(meeting: Meeting, *, draft: bool) -> str:
    """ "Referat: Økonomiudvalget 11. marts 2025"; a draft says so first."""
    text = danish("mail.subject", body=meeting.body, date=long_date(meeting.starts_at))
    return danish("mail.subject_draft", subject=text) if draft else text


def body_text(
    meeting: Meeting, name: str, *, variant: Variant, draft: bool, filename: str, signature: str
) -> str:
    weekday = _names("export.weekdays")[meeting.starts_at.weekday()]
    when = danish(
        "mail.when",
        weekday=weekday,
        date=long_date(meeting.starts_at),
        time=f"{meeting.starts_at:%H.%M}",
    )
    lines = [
        danish("mail.greeting", name=name),
        "",
        danish("mail.intro", body=meeting.body, when=when),
    ]
    if draft:
        lines.append(danish("mail.draft_note"))
    key = "mail.internal_note" if variant is Variant.INTERNAL else "mail.public_note"
    lines += [danish(key), danish("mail.attachment_note", filename=filename), ""]
    lines += [danish("mail.regards"), signature]
    return "\n".join(lines) + "\n"


def build_message(
    meeting: Meeting,
    *,
    sender: Address,
    to_name: str,
    to_email: str,
    variant: Variant,
    draft: bool,
    filename: str,
    attachment: bytes,
    now: datetime,
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject(meeting, draft=draft)
    message["From"] = sender
    local, _, domain = to_email.partition("@")
    message["To"] = Address(display_name=to_name, username=local, domain=domain)
    message["Date"] = format_datetime(now.astimezone())
    message["Message-ID"] = make_msgid(domain=sender.domain or None)
    signature = sender.display_name or meeting.municipality or meeting.body
    message.set_content(
        body_text(
            meeting, to_name, variant=variant, draft=draft, filename=filename, signature=signature
        )
    )
    maintype, subtype = DOCX_TYPE
    message.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=filename)
    return message
