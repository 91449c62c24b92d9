"""Agenda files: a planned meeting written in TOML (see meetingtui/data/ for a commented example)."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from meetingtui.errors import CommandRefused, InputError
from meetingtui.i18n import field_problem
from meetingtui.meetingclock import parse_clock
from meetingtui.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    Role,
    clean_text,
)

MAX_AGENDA_BYTES = 5_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        # Control characters go before length checks, so "\u0001" counts as empty.
        return clean_text(value) if isinstance(value, str) else value


class _MeetingHead(_Strict):
    body: str = Field(min_length=1)
    municipality: str = ""
    title: str = ""
    kind: MeetingKind = MeetingKind.ORDINAERT
    date: date
    time: str = "00:00"
    end_time: str | None = None
    location: str = ""

    @field_validator("time", "end_time")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        """ "16:30", or "16.30" as a Danish secretary writes it. An ISO reading took "16.30"
        for 16:00 and three tenths of a second: the meeting was planned half an hour early."""
        if value is None:
            return None
        try:
            typed = parse_clock(value)
        except CommandRefused as exc:
            raise ValueError(exc.message) from None
        return f"{typed.hour:02d}:{typed.minute:02d}"


class _Member(_Strict):
    name: str = Field(min_length=1)
    affiliation: str = ""
    role: Role = Role.MEDLEM
    votes: bool | None = None
    attendance: Attendance = Attendance.UNKNOWN
    email: str = ""  # where the referat is sent (`meetingtui send`)

    @field_validator("email")
    @classmethod
    def _address(cls, value: str) -> str:
        from meetingtui.mail.address import is_email

        if value and not is_email(value):
            raise ValueError(f"{value} is not an email address")
        return value


class _Section(_Strict):
    heading: str = Field(min_length=1)
    text: str = ""


class _Item(_Strict):
    number: str = Field(min_length=1)
    title: str = Field(min_length=1)
    case_number: str = ""
    closed: bool = False
    recommendation: str = ""
    decision_authority: str = ""
    attachments: list[str] = Field(default_factory=list)
    sections: list[_Section] = Field(default_factory=list)

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class _AgendaFile(_Strict):
    meeting: _MeetingHead
    members: list[_Member] = Field(min_length=1)
    items: list[_Item] = Field(min_length=1)


class _CommitteeAgendaFile(_AgendaFile):
    """A meeting of a committee: the roll call comes from the committee's roster."""

    members: list[_Member] = Field(default_factory=list)


@dataclass(frozen=True)
class Agenda:
    """A planned meeting and the addresses of those of its members that have one."""

    meeting: Meeting
    emails: dict[int, str] = field(default_factory=dict)  # participant id -> address


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _refuse_duplicates(path: str, table: str, values: list[str], field: str) -> None:
    """Two members with one name, or two items with one number, is a typing error."""
    seen: set[str] = set()
    for n, value in enumerate(values, start=1):
        if value in seen:
            raise InputError("agenda.duplicate", path=path, field=f"{table}[{n}].{field}")
        seen.add(value)


def parse_agenda(text: str, *, path: str = "<agenda>") -> Meeting:
    """A planned `Meeting` from TOML text; errors name the file, the field and the problem."""
    return parse_agenda_file(text, path=path).meeting


def parse_agenda_file(text: str, *, path: str = "<agenda>", committee: bool = False) -> Agenda:
    """The meeting and its members' addresses. With `committee` the file lists no members:
    the committee's roster gives them."""
    try:
        raw = tomllib.loads(text)
        model = _CommitteeAgendaFile if committee else _AgendaFile
        agenda = model.model_validate(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("agenda.toml_syntax", path=path, problem=str(exc)) from None
    except RecursionError:
        # Arrays in arrays thousands deep: no agenda looks like that.
        raise InputError("agenda.too_deep", path=path) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(
            "agenda.field",
            path=path,
            field=_field_path(first["loc"]) or "-",
            problem=field_problem(first),
        ) from None
    if committee and agenda.members:
        # Two rolls for one meeting: which one holds is the secretary's call, not a guess.
        raise InputError("agenda.members_and_committee", path=path)
    _refuse_duplicates(path, "members", [m.name.casefold() for m in agenda.members], "name")
    _refuse_duplicates(path, "items", [i.number for i in agenda.items], "number")
    head = agenda.meeting
    starts_at = datetime.combine(head.date, time.fromisoformat(head.time))
    ends_at = (
        datetime.combine(head.date, time.fromisoformat(head.end_time)) if head.end_time else None
    )
    meeting = Meeting(
        **head.model_dump(include={"body", "municipality", "title", "kind", "location"}),
        starts_at=starts_at,
        ends_at=ends_at,
        participants=[
            Participant(
                id=n,
                **m.model_dump(exclude={"votes", "email"}),
                votes=m.role.votes_by_default if m.votes is None else m.votes,
            )
            for n, m in enumerate(agenda.members, start=1)
        ],
        items=[_agenda_item(n, i) for n, i in enumerate(agenda.items, start=1)],
    )
    emails = {n: m.email for n, m in enumerate(agenda.members, start=1) if m.email}
    return Agenda(meeting, emails)


def _agenda_item(n: int, item: _Item) -> AgendaItem:
    """The item as the file gives it. A title marked closed the way agenda documents mark one
    ("Lukket: X", "X (lukket punkt)", "Fortroligt - X") makes a closed item without `closed =
    true`, as `o` does during the meeting and every importer does: the marker goes, the referat
    says "Lukket punkt" itself."""
    from meetingtui.importers.closed import closed_marker

    marked, title = closed_marker(item.title)
    title = title or item.title.strip()  # "Lukket:" alone stays the title
    return AgendaItem(
        id=n,
        **item.model_dump(exclude={"title", "closed"}),
        title=title,
        closed=item.closed or marked,
    )


def read_regular_file(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """(at most `max_bytes` + 1 bytes of the file, its size); refused unread when it is not a
    regular file. Opened without blocking and checked on the open descriptor, so a named pipe
    or a device never hangs the read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError("agenda.file_missing", path=str(path)) from None
    except OSError as exc:
        raise InputError("agenda.unreadable", path=str(path), problem=exc.strerror) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError("agenda.not_a_file", path=str(path))
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(max_bytes + 1), info.st_size
        except OSError as exc:
            raise InputError("agenda.unreadable", path=str(path), problem=exc.strerror) from None


def load_agenda(path: Path | str) -> Meeting:
    return load_agenda_file(path).meeting


def load_agenda_file(path: Path | str, *, committee: bool = False) -> Agenda:
    path = Path(path)
    data, _ = read_regular_file(path, MAX_AGENDA_BYTES)
    if len(data) > MAX_AGENDA_BYTES:
        raise InputError("agenda.too_large", path=str(path), limit=MAX_AGENDA_BYTES // 1_000_000)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("agenda.not_utf8", path=str(path), position=exc.start) from None
    return parse_agenda_file(text, path=str(path), committee=committee)
