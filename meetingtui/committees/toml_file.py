"""The committee file: a committee, its valgperioder and rosters in TOML, read and written.

    [committee]
    name = "Økonomiudvalget"
    kind = "udvalg"                 # "byråd", "udvalg" or "§ 17, stk. 4-udvalg"
    municipality = "Greve Kommune"

    [[periods]]
    name = "2022-2025"
    starts = 2022-01-01
    ends = 2025-12-31

    [[periods.members]]
    name = "Bo Hilsted"
    affiliation = "A"               # party letter or organisation
    role = "formand"                # formand, næstformand, medlem (default), observatør
    email = "bo.hilsted@example.dk"
    # votes = false                 # observers do not vote unless set
    # joined = 2024-06-01           # default: the period's first day
    # left = 2024-06-01             # the first day no longer on the committee

    [[periods.substitutes]]         # stedfortrædere; each party's list in the file's order
    name = "Kim Holm"
    affiliation = "A"

Importing a file makes the stored committee say what the file says, as dated events: new
entries join, a `left` date records a departure, a changed address or party is a correction.
An entry stored but missing from the file is refused, never deleted: give it a `left` date.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from meetingtui.clock import Clock, local_now
from meetingtui.committees import commands
from meetingtui.committees.model import Committee, CommitteeKind, RosterEntry
from meetingtui.committees.queries import find_committee, load_committee
from meetingtui.errors import CommandRefused, InputError
from meetingtui.i18n import field_problem, t, t_count
from meetingtui.models import clean_text
from meetingtui.storage.db import transaction
from meetingtui.vocabulary import Role

MAX_FILE_BYTES = 2_000_000
MEMBER_ROLES = (Role.FORMAND, Role.NAESTFORMAND, Role.MEDLEM, Role.OBSERVATOER)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value


class _Head(_Strict):
    name: str = Field(min_length=1)
    kind: CommitteeKind = CommitteeKind.UDVALG
    municipality: str = ""


class _Member(_Strict):
    name: str = Field(min_length=1)
    affiliation: str = ""
    role: Role = Role.MEDLEM
    votes: bool | None = None
    email: str = ""
    joined: date | None = None
    left: date | None = None

    @field_validator("role")
    @classmethod
    def _seated_role(cls, value: Role) -> Role:
        if value not in MEMBER_ROLES:
            raise ValueError("stedfortrædere are listed under [[periods.substitutes]]")
        return value


class _Substitute(_Strict):
    name: str = Field(min_length=1)
    affiliation: str = Field(min_length=1)
    email: str = ""
    joined: date | None = None
    left: date | None = None


class _Period(_Strict):
    name: str = Field(min_length=1)
    starts: date
    ends: date
    members: list[_Member] = Field(default_factory=list)
    substitutes: list[_Substitute] = Field(default_factory=list)


class _CommitteeFile(_Strict):
    committee: _Head
    periods: list[_Period] = Field(default_factory=list)


@dataclass
class ImportReport:
    committee: str
    created: bool = False
    periods: int = 0
    joined: int = 0
    left: int = 0
    corrected: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.periods or self.joined or self.left or self.corrected)

    def summary(self) -> str:
        """What the import did, in one line ("1 valgperiode", "2 nye valgperioder")."""
        if not self.changed:
            return t("committee.cli.unchanged", name=self.committee)
        key = "committee.cli.created" if self.created else "committee.cli.updated"
        return t(
            key,
            name=self.committee,
            periods=t_count("committee.cli.periods", self.periods),
            new_periods=t_count("committee.cli.new_periods", self.periods),
            joined=self.joined,
            left=self.left,
            corrected=self.corrected,
        )


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def parse_committee_file(text: str, *, path: str) -> _CommitteeFile:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("committee.file_syntax", path=path, problem=str(exc)) from None
    try:
        return _CommitteeFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(
            "committee.file_field",
            path=path,
            field=_field_path(first["loc"]) or "-",
            problem=field_problem(first),
        ) from None


def read_committee_file(path: Path) -> tuple[str, _CommitteeFile]:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise InputError("committee.file_missing", path=str(path)) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError("committee.file_too_large", path=str(path), limit=MAX_FILE_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("committee.file_not_utf8", path=str(path), position=exc.start) from None
    return text, parse_committee_file(text, path=str(path))


Entry = _Member | _Substitute


def _key(name: str, joined: date) -> tuple[str, date]:
    return (name.casefold(), joined)


def _file_entries(period: _Period) -> list[tuple[Entry, Role, int]]:
    """(entry, role, rank): substitutes ranked by their place in their party's list."""
    entries: list[tuple[Entry, Role, int]] = [(m, m.role, 0) for m in period.members]
    ranks: dict[str, int] = {}
    for sub in period.substitutes:
        party = sub.affiliation.casefold()
        ranks[party] = ranks.get(party, 0) + 1
        entries.append((sub, Role.STEDFORTRAEDER, ranks[party]))
    return entries


def _reconcile_entry(
    conn: sqlite3.Connection,
    committee: Committee,
    period_id: int,
    stored: RosterEntry | None,
    entry: Entry,
    role: Role,
    rank: int,
    report: ImportReport,
    clock: Clock,
) -> None:
    votes = entry.votes if isinstance(entry, _Member) else None
    votes = role.votes_by_default if votes is None else votes
    if stored is None:
        member_id = commands.join(
            conn,
            committee.id,
            period_id,
            name=entry.name,
            affiliation=entry.affiliation,
            role=role,
            votes=votes,
            email=entry.email,
            rank=rank,
            joined=entry.joined,
            clock=clock,
        )
        report.joined += 1
        if entry.left is not None:
            commands.leave(conn, committee.id, member_id, entry.left, clock=clock)
            report.left += 1
        return
    fields = {
        "name": entry.name,
        "affiliation": entry.affiliation,
        "role": role,
        "votes": votes,
        "rank": rank,
        "email": entry.email,
    }
    if commands.correct(conn, committee.id, stored.id, clock=clock, **fields):
        report.corrected += 1
    if entry.left == stored.left_on:
        return
    if stored.left_on is not None:
        # A recorded departure is a fact; the file cannot take it back or move it.
        raise CommandRefused(
            "committee.file_left_changed", name=stored.name, date=stored.left_on.isoformat()
        )
    assert entry.left is not None
    commands.leave(conn, committee.id, stored.id, entry.left, clock=clock)
    report.left += 1


def _reconcile(conn: sqlite3.Connection, parsed: _CommitteeFile, clock: Clock) -> ImportReport:
    head = parsed.committee
    report = ImportReport(committee=head.name)
    found = find_committee(conn, head.name)
    if found is None:
        committee_id = commands.create_committee(
            conn, head.name, head.kind, head.municipality, clock=clock
        )
        report.created = True
    else:
        committee_id = found.id
        if commands.update_committee(
            conn, committee_id, kind=head.kind, municipality=head.municipality, clock=clock
        ):
            report.corrected += 1
    committee = load_committee(conn, committee_id)
    assert committee is not None
    named = {p.name.casefold(): p for p in committee.periods}
    in_file = {p.name.casefold() for p in parsed.periods}
    for stored_period in committee.periods:
        if stored_period.name.casefold() not in in_file:
            raise CommandRefused("committee.file_missing_period", name=stored_period.name)
    for period in parsed.periods:
        known = named.get(period.name.casefold())
        if known is None:
            period_id = commands.add_period(
                conn, committee_id, period.name, period.starts, period.ends, clock=clock
            )
            report.periods += 1
        elif (known.starts, known.ends) != (period.starts, period.ends):
            raise CommandRefused("committee.file_period_dates", name=known.name)
        else:
            period_id = known.id
        stored = {_key(m.name, m.joined): m for m in committee.roster if m.period_id == period_id}
        matched: set[int] = set()
        for entry, role, rank in _file_entries(period):
            key = _key(entry.name, entry.joined or period.starts)
            current = stored.get(key)
            if current is not None:
                matched.add(current.id)
            committee = load_committee(conn, committee_id)
            assert committee is not None
            _reconcile_entry(conn, committee, period_id, current, entry, role, rank, report, clock)
        for leftover in stored.values():
            if leftover.id not in matched:
                raise CommandRefused(
                    "committee.file_missing_member", name=leftover.name, period=period.name
                )
    return report


def import_committee_file(
    conn: sqlite3.Connection, path: Path | str, *, clock: Clock = local_now
) -> ImportReport:
    """Make the stored committee say what the file says, all in one transaction or nothing."""
    path = Path(path)
    _, parsed = read_committee_file(path)
    try:
        with transaction(conn):
            return _reconcile(conn, parsed, clock)
    except CommandRefused as exc:
        raise InputError("committee.file_refused", path=str(path), problem=exc.message) from None


# --- writing ----------------------------------------------------------------------------------


def _string(value: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes), and keeps æ, ø, å as they are.
    return json.dumps(value, ensure_ascii=False)


def _entry_lines(table: str, entry: RosterEntry, starts: date) -> list[str]:
    lines = [f"[[periods.{table}]]", f"name = {_string(entry.name)}"]
    if entry.affiliation or entry.is_substitute:
        lines.append(f"affiliation = {_string(entry.affiliation)}")
    if not entry.is_substitute:
        if entry.role is not Role.MEDLEM:
            lines.append(f"role = {_string(entry.role.value)}")
        if entry.votes != entry.role.votes_by_default:
            lines.append(f"votes = {'true' if entry.votes else 'false'}")
    if entry.email:
        lines.append(f"email = {_string(entry.email)}")
    if entry.joined != starts:
        lines.append(f"joined = {entry.joined.isoformat()}")
    if entry.left_on is not None:
        lines.append(f"left = {entry.left_on.isoformat()}")
    return lines


def export_committee(committee: Committee) -> str:
    """The committee as a file `import_committee_file` reads back to the same record."""
    lines = [
        "# meetingtui committee file: `meetingtui committee import` reads it back.",
        "# `left` is the first day a person is no longer on the committee.",
        "[committee]",
        f"name = {_string(committee.name)}",
        f"kind = {_string(committee.kind.value)}",
        f"municipality = {_string(committee.municipality)}",
    ]
    for period in committee.periods:
        lines += [
            "",
            "[[periods]]",
            f"name = {_string(period.name)}",
            f"starts = {period.starts.isoformat()}",
            f"ends = {period.ends.isoformat()}",
        ]
        entries = [m for m in committee.roster if m.period_id == period.id]
        for entry in entries:
            if not entry.is_substitute:
                lines += ["", *_entry_lines("members", entry, period.starts)]
        substitutes = sorted(
            (m for m in entries if m.is_substitute),
            key=lambda m: (m.affiliation.casefold(), m.rank, m.id),
        )
        for entry in substitutes:
            lines += ["", *_entry_lines("substitutes", entry, period.starts)]
    return "\n".join(lines) + "\n"
