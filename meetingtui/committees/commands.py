"""Changing committees: validated against the stored register, then event and tables together.

Roster changes are dated facts ("X udtrådte pr. 1. juni 2024"): a member joins and leaves on
a date, and nothing is ever deleted. A typing error in a name, party, role or address is put
right with a correction, which is an event too.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from meetingtui.clock import Clock, local_now
from meetingtui.committees.model import SINGLE_ROLES, Committee, CommitteeKind, RosterEntry
from meetingtui.committees.queries import list_committees, load_committee
from meetingtui.errors import CommandRefused
from meetingtui.mail.address import is_email
from meetingtui.models import clean_text
from meetingtui.storage import register
from meetingtui.storage.db import transaction
from meetingtui.vocabulary import Role

NAME_LIMIT = 200


def _text(value: str, field: str, *, required: bool = True) -> str:
    text = clean_text(value).strip()
    if required and not text:
        raise CommandRefused("committee.empty", field=field)
    if len(text) > NAME_LIMIT:
        raise CommandRefused("committee.too_long", field=field, limit=NAME_LIMIT)
    return text


def valid_email(value: str) -> str:
    """The address as stored ("" for none); a malformed one is refused, never guessed at."""
    text = clean_text(value).strip()
    if text and not is_email(text):
        raise CommandRefused("committee.bad_email", email=text)
    return text


def _kind(value: object) -> CommitteeKind:
    try:
        return CommitteeKind(str(value))
    except ValueError:
        choices = ", ".join(k.value for k in CommitteeKind)
        raise CommandRefused("committee.bad_kind", kind=value, choices=choices) from None


def _role(value: object) -> Role:
    try:
        return Role(str(value))
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise CommandRefused("committee.bad_role", role=value, choices=choices) from None


def _committee(conn: sqlite3.Connection, committee_id: int) -> Committee:
    committee = load_committee(conn, committee_id)
    if committee is None:
        raise CommandRefused("committee.unknown", name=committee_id)
    return committee


def _end(entry: RosterEntry, committee: Committee) -> date:
    """The first day after the spell (the period's end bounds an open spell)."""
    period = committee.period(entry.period_id)
    last = period.ends + timedelta(days=1) if period is not None else date.max
    return min(entry.left_on, last) if entry.left_on is not None else last


def _check_seat(committee: Committee, entry: RosterEntry) -> None:
    """A spell must not clash with another: the same person twice, two chairs, one rank twice."""
    start, end = entry.joined, _end(entry, committee)
    for other in committee.roster:
        if other.id == entry.id or other.period_id != entry.period_id:
            continue
        if not (other.joined < end and start < _end(other, committee)):
            continue
        if other.name.casefold() == entry.name.casefold():
            raise CommandRefused("committee.member_twice", name=entry.name)
        if entry.role in SINGLE_ROLES and other.role is entry.role:
            raise CommandRefused("committee.role_taken", role=entry.role.value, name=other.name)
        if (
            entry.is_substitute
            and other.is_substitute
            and other.affiliation.casefold() == entry.affiliation.casefold()
            and other.rank == entry.rank
        ):
            raise CommandRefused(
                "committee.rank_taken", rank=entry.rank, party=entry.affiliation, name=other.name
            )
    if entry.is_substitute and not entry.affiliation:
        raise CommandRefused("committee.substitute_needs_party", name=entry.name)
    if entry.rank < 0:
        raise CommandRefused("committee.bad_rank", rank=entry.rank)


def create_committee(
    conn: sqlite3.Connection,
    name: str,
    kind: CommitteeKind | str = CommitteeKind.UDVALG,
    municipality: str = "",
    *,
    clock: Clock = local_now,
) -> int:
    """A new committee; its name is unique (case does not matter). Returns its id."""
    text = _text(name, "name")
    body_kind = _kind(kind)
    with transaction(conn):
        if any(c.name.casefold() == text.casefold() for c in list_committees(conn)):
            raise CommandRefused("committee.exists", name=text)
        committee_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM committees").fetchone()[0]
        payload = {
            "committee_id": committee_id,
            "name": text,
            "kind": body_kind.value,
            "municipality": _text(municipality, "municipality", required=False),
        }
        register.commit(conn, "committee_created", payload, clock())
    return committee_id


def update_committee(
    conn: sqlite3.Connection,
    committee_id: int,
    *,
    kind: CommitteeKind | str | None = None,
    municipality: str | None = None,
    clock: Clock = local_now,
) -> bool:
    """Put the kind or the municipality right; False when nothing changes."""
    with transaction(conn):
        committee = _committee(conn, committee_id)
        changes: dict[str, Any] = {}
        if kind is not None and _kind(kind) is not committee.kind:
            changes["kind"] = _kind(kind).value
        if municipality is not None:
            text = _text(municipality, "municipality", required=False)
            if text != committee.municipality:
                changes["municipality"] = text
        if not changes:
            return False
        payload = {"committee_id": committee_id, "changes": changes}
        register.commit(conn, "committee_updated", payload, clock())
    return True


def add_period(
    conn: sqlite3.Connection,
    committee_id: int,
    name: str,
    starts: date,
    ends: date,
    *,
    clock: Clock = local_now,
) -> int:
    """A valgperiode; periods of one committee never overlap, so a date has one roster."""
    text = _text(name, "period")
    if ends < starts:
        raise CommandRefused("committee.period_backwards", name=text)
    with transaction(conn):
        committee = _committee(conn, committee_id)
        for other in committee.periods:
            if other.name.casefold() == text.casefold():
                raise CommandRefused("committee.period_exists", name=text)
            if other.starts <= ends and starts <= other.ends:
                raise CommandRefused("committee.period_overlap", name=text, other=other.name)
        period_id = max((p.id for p in committee.periods), default=0) + 1
        payload = {
            "committee_id": committee_id,
            "period_id": period_id,
            "name": text,
            "starts": starts.isoformat(),
            "ends": ends.isoformat(),
        }
        register.commit(conn, "committee_period_added", payload, clock())
    return period_id


def join(
    conn: sqlite3.Connection,
    committee_id: int,
    period_id: int,
    *,
    name: str,
    affiliation: str = "",
    role: Role | str = Role.MEDLEM,
    votes: bool | None = None,
    email: str = "",
    rank: int | None = None,
    joined: date | None = None,
    clock: Clock = local_now,
) -> int:
    """A member (or stedfortræder) joins the roster on `joined` (default: the period's start).

    A stedfortræder without a rank goes last on the party's list. Returns the roster id.
    """
    seat_role = _role(role)
    with transaction(conn):
        committee = _committee(conn, committee_id)
        period = committee.period(period_id)
        if period is None:
            raise CommandRefused("committee.unknown_period", name=period_id)
        day = joined or period.starts
        if not period.covers(day):
            raise CommandRefused(
                "committee.date_outside_period", date=day.isoformat(), period=period.name
            )
        party = _text(affiliation, "affiliation", required=False)
        if rank is None:
            rank = 0
            if seat_role is Role.STEDFORTRAEDER:
                rank = 1 + max(
                    (
                        m.rank
                        for m in committee.roster
                        if m.period_id == period_id
                        and m.is_substitute
                        and m.affiliation.casefold() == party.casefold()
                    ),
                    default=0,
                )
        entry = RosterEntry(
            id=max((m.id for m in committee.roster), default=0) + 1,
            period_id=period_id,
            name=_text(name, "name"),
            affiliation=party,
            role=seat_role,
            votes=seat_role.votes_by_default if votes is None else bool(votes),
            rank=rank,
            email=valid_email(email),
            joined=day,
            left_on=None,
        )
        _check_seat(committee, entry)
        payload = {
            "committee_id": committee_id,
            "member_id": entry.id,
            "period_id": period_id,
            "name": entry.name,
            "affiliation": entry.affiliation,
            "role": entry.role.value,
            "votes": entry.votes,
            "rank": entry.rank,
            "email": entry.email,
            "joined": day.isoformat(),
        }
        register.commit(conn, "committee_member_joined", payload, clock())
    return entry.id


def leave(
    conn: sqlite3.Connection,
    committee_id: int,
    member_id: int,
    on: date,
    *,
    clock: Clock = local_now,
) -> None:
    """The member is off the roster from `on` (the first day without the seat)."""
    with transaction(conn):
        committee = _committee(conn, committee_id)
        entry = committee.member(member_id)
        if entry is None:
            raise CommandRefused("committee.unknown_member", name=member_id)
        if entry.left_on is not None:
            raise CommandRefused(
                "committee.already_left", name=entry.name, date=entry.left_on.isoformat()
            )
        period = committee.period(entry.period_id)
        assert period is not None
        if on < entry.joined or on > period.ends + timedelta(days=1):
            raise CommandRefused(
                "committee.leave_date", name=entry.name, date=on.isoformat(), period=period.name
            )
        payload = {"committee_id": committee_id, "member_id": member_id, "left_on": on.isoformat()}
        register.commit(conn, "committee_member_left", payload, clock())


def correct(
    conn: sqlite3.Connection,
    committee_id: int,
    member_id: int,
    *,
    clock: Clock = local_now,
    **changes: Any,
) -> bool:
    """Put a roster entry's name, party, role, voting right, rank or address right.

    False when nothing changes. Dated changes (someone new takes the seat) are a leave and a
    join instead, so that earlier meetings keep the roster they had.
    """
    unknown = set(changes) - set(register.ROSTER_FIELDS)
    if unknown:
        raise CommandRefused("committee.bad_field", field=", ".join(sorted(unknown)))
    with transaction(conn):
        committee = _committee(conn, committee_id)
        entry = committee.member(member_id)
        if entry is None:
            raise CommandRefused("committee.unknown_member", name=member_id)
        new = replace(
            entry,
            name=_text(changes.get("name", entry.name), "name"),
            affiliation=_text(
                changes.get("affiliation", entry.affiliation), "affiliation", required=False
            ),
            role=_role(changes.get("role", entry.role)),
            votes=bool(changes.get("votes", entry.votes)),
            rank=int(changes.get("rank", entry.rank)),
            email=valid_email(changes.get("email", entry.email)),
        )
        _check_seat(committee, new)
        diff: dict[str, Any] = {}
        for field in register.ROSTER_FIELDS:
            value = getattr(new, field)
            if value != getattr(entry, field):
                diff[field] = value.value if isinstance(value, Role) else value
        if not diff:
            return False
        payload = {"committee_id": committee_id, "member_id": member_id, "changes": diff}
        register.commit(conn, "committee_member_corrected", payload, clock())
    return True
