"""Planning a meeting: the published dagsorden gives the items, the committee the roll call.

The dagsorden is an agenda file (TOML) or any document the archive can import (FirstAgenda
JSON or HTML, PDF, DOCX, XML). Its items, case numbers, sections and indstillinger become the
meeting's agenda; with a committee, the roster valid on the meeting's date becomes its
participants, each linked to their roster entry so the referat later reaches their address.
"""

from __future__ import annotations

import sqlite3
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from meetingtui.clock import Clock, local_now
from meetingtui.committees.model import Committee
from meetingtui.errors import InputError, MeetingError
from meetingtui.i18n import t, t_count
from meetingtui.i18n.dates import long_date
from meetingtui.models import AgendaItem, DocumentKind, Meeting, Participant
from meetingtui.storage import register
from meetingtui.storage.db import transaction

MAX_DAGSORDEN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class PlannedAddress:
    participant_id: int
    name: str
    email: str
    member_id: int | None = None


@dataclass
class Plan:
    meeting: Meeting
    source_format: str  # "toml" or the importer's format
    committee: Committee | None = None
    addresses: list[PlannedAddress] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said to the secretary, one line each


def _is_agenda_toml(path: Path, data: bytes) -> bool:
    """An agenda file: named .toml, or TOML text with a [meeting] table."""
    if path.suffix.lower() == ".toml":
        return True
    try:
        return "meeting" in tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    except RecursionError:
        return True  # TOML nested thousands deep: the agenda reader says so in one line


def _read(path: Path) -> bytes:
    from meetingtui.agenda_file import read_regular_file

    # A named pipe or a device is refused unread: reading it would hang or never end.
    data, size = read_regular_file(path, MAX_DAGSORDEN_BYTES)
    if size > MAX_DAGSORDEN_BYTES or len(data) > MAX_DAGSORDEN_BYTES:
        raise InputError(
            "import.error.too_large",
            size=round(max(size, len(data)) / 2**20, 1),
            limit=MAX_DAGSORDEN_BYTES // 2**20,
        )
    return data


def _planned_from_dagsorden(imported: Meeting, path: Path) -> Meeting:
    """The agenda of an imported dagsorden as a meeting to run: items and their texts, the
    listed participants with no attendance yet; nothing decided."""
    if imported.document_kind is DocumentKind.REFERAT:
        raise InputError("plan.is_referat", path=str(path))
    items = [
        AgendaItem(
            id=n,
            number=i.number,
            title=i.title,
            case_number=i.case_number,
            closed=i.closed,
            sections=[s.model_copy() for s in i.sections],
            recommendation=i.recommendation,
            decision_authority=i.decision_authority,
            attachments=list(i.attachments),
            unplaced=list(i.unplaced),  # kept: nothing of the dagsorden is dropped silently
        )
        for n, i in enumerate(imported.items, start=1)
    ]
    participants = [
        Participant(id=n, name=p.name, affiliation=p.affiliation, role=p.role, votes=p.votes)
        for n, p in enumerate(
            (p for p in imported.participants if p.substitute_for is None), start=1
        )
    ]
    return Meeting(
        body=imported.body,
        municipality=imported.municipality,
        title=imported.title,
        kind=imported.kind,
        starts_at=imported.starts_at,
        ends_at=imported.ends_at,
        location=imported.location,
        source=path.name,
        participants=participants,
        items=items,
        unplaced=list(imported.unplaced),
    )


def _parse_dagsorden(path: Path, data: bytes) -> tuple[str, Meeting]:
    from meetingtui import importers

    try:
        fmt, meetings = importers.parse(data, source=path.name)
    except MeetingError as exc:
        raise InputError("plan.unreadable", path=str(path), reason=exc.message) from None
    except RecursionError:
        raise InputError(
            "plan.unreadable", path=str(path), reason=t("import.error.too_deep")
        ) from None
    except Exception as exc:  # a hostile file is refused with its reason, never a traceback
        reason = f"{type(exc).__name__}: {exc}"[:300]
        raise InputError("plan.unreadable", path=str(path), reason=reason) from None
    if len(meetings) != 1:
        raise InputError("plan.not_one_meeting", path=str(path), count=len(meetings))
    return fmt, _planned_from_dagsorden(meetings[0], path)


def _roster(
    committee: Committee, day: date, path: Path
) -> tuple[list[Participant], list[PlannedAddress]]:
    members = committee.members_on(day)
    if not members:
        periods = ", ".join(p.name for p in committee.periods) or "-"
        raise InputError(
            "plan.no_roster", name=committee.name, date=long_date(day), periods=periods
        )
    participants = [
        Participant(id=n, name=m.name, affiliation=m.affiliation, role=m.role, votes=m.votes)
        for n, m in enumerate(members, start=1)
    ]
    addresses = [PlannedAddress(n, m.name, m.email, m.id) for n, m in enumerate(members, start=1)]
    return participants, addresses


def plan_meeting(
    conn: sqlite3.Connection, path: Path | str, committee_name: str | None = None
) -> Plan:
    """Read the dagsorden and, with a committee, take the roster valid on its date."""
    from meetingtui.agenda_file import load_agenda_file
    from meetingtui.committees.queries import committee_meant

    path = Path(path)
    committee = None
    if committee_name is not None:
        committee = committee_meant(conn, committee_name)
    data = _read(path)
    if _is_agenda_toml(path, data):
        agenda = load_agenda_file(path, committee=committee is not None)
        plan = Plan(agenda.meeting, "toml")
        plan.addresses = [
            PlannedAddress(p.id, p.name, agenda.emails[p.id])
            for p in agenda.meeting.participants
            if p.id in agenda.emails
        ]
    else:
        fmt, meeting = _parse_dagsorden(path, data)
        plan = Plan(meeting, fmt)
    meeting = plan.meeting
    if committee is not None:
        plan.committee = committee
        if (
            committee.name.casefold() not in meeting.body.casefold()
            and meeting.body.casefold() not in committee.name.casefold()
        ):
            plan.notes.append(t("plan.body_differs", body=meeting.body, committee=committee.name))
        meeting.body = committee.name
        meeting.municipality = committee.municipality or meeting.municipality
        meeting.participants, plan.addresses = _roster(committee, meeting.starts_at.date(), path)
    if not any(p.votes for p in meeting.participants):
        plan.notes.append(t("warn.no_voting_members"))
    return plan


def create_planned_meeting(
    conn: sqlite3.Connection, plan: Plan, *, clock: Clock = local_now
) -> int:
    """Store the meeting, its link to the committee and who is who, in one transaction."""
    from meetingtui.mail.recipients import set_address
    from meetingtui.service import create_meeting

    with transaction(conn):
        meeting_id = create_meeting(conn, plan.meeting, clock=clock)
        at = clock()
        if plan.committee is not None:
            payload = {"meeting_id": meeting_id, "committee_id": plan.committee.id}
            register.commit(conn, "meeting_committee_set", payload, at)
        for a in plan.addresses:
            set_address(
                conn, meeting_id, a.participant_id, a.name, a.email, at, member_id=a.member_id
            )
    return meeting_id


def summary(plan: Plan, meeting_id: int) -> list[str]:
    """What was created, for the secretary: the meeting, the agenda's source, the roll call."""
    meeting = plan.meeting
    label = f"{meeting.body}, {meeting.title}" if meeting.title else meeting.body
    lines = [t("cli.created", meeting_id=meeting_id, label=label)]
    lines.append(t_count("plan.items", len(meeting.items), format=plan.source_format))
    with_email = sum(1 for a in plan.addresses if a.email)
    if plan.committee is not None:
        lines.append(
            t(
                "plan.roster",
                committee=plan.committee.name,
                date=long_date(meeting.starts_at.date()),
                members=len(meeting.participants),
                emails=with_email,
            )
        )
    return lines
