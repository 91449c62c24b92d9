"""Reading committees: small query functions over the register tables."""

from __future__ import annotations

import sqlite3
from datetime import date

from meetingtui.committees.model import Committee, CommitteeKind, Period, RosterEntry
from meetingtui.vocabulary import Role


def _periods(conn: sqlite3.Connection, committee_id: int) -> list[Period]:
    rows = conn.execute(
        "SELECT id, name, starts, ends FROM committee_periods WHERE committee_id = ? "
        "ORDER BY starts, id",
        (committee_id,),
    ).fetchall()
    return [Period(r[0], r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3])) for r in rows]


def _roster(conn: sqlite3.Connection, committee_id: int) -> list[RosterEntry]:
    rows = conn.execute(
        "SELECT id, period_id, name, affiliation, role, votes, rank, email, joined, left_on "
        "FROM committee_roster WHERE committee_id = ? ORDER BY id",
        (committee_id,),
    ).fetchall()
    return [
        RosterEntry(
            id=r[0],
            period_id=r[1],
            name=r[2],
            affiliation=r[3],
            role=Role(r[4]),
            votes=bool(r[5]),
            rank=r[6],
            email=r[7],
            joined=date.fromisoformat(r[8]),
            left_on=date.fromisoformat(r[9]) if r[9] else None,
        )
        for r in rows
    ]


def load_committee(conn: sqlite3.Connection, committee_id: int) -> Committee | None:
    row = conn.execute(
        "SELECT id, name, kind, municipality FROM committees WHERE id = ?", (committee_id,)
    ).fetchone()
    if row is None:
        return None
    return Committee(
        id=row[0],
        name=row[1],
        kind=CommitteeKind(row[2]),
        municipality=row[3],
        periods=_periods(conn, row[0]),
        roster=_roster(conn, row[0]),
    )


def list_committees(conn: sqlite3.Connection) -> list[Committee]:
    """Every committee with its periods and roster, by name."""
    ids = [r[0] for r in conn.execute("SELECT id FROM committees")]
    found = [c for c in (load_committee(conn, i) for i in ids) if c is not None]
    return sorted(found, key=lambda c: (c.name.casefold(), c.id))


def find_committee(conn: sqlite3.Connection, name: str) -> Committee | None:
    """The committee called `name` (case does not matter), or with that id."""
    wanted = name.strip().casefold()
    for committee_id, stored in conn.execute("SELECT id, name FROM committees"):
        if stored.casefold() == wanted:
            return load_committee(conn, committee_id)
    if wanted.isdigit():
        return load_committee(conn, int(wanted))
    return None


def committee_meant(conn: sqlite3.Connection, name: str) -> Committee:
    """The committee a person typing `name` means: the one called that (case does not matter),
    or else the only one whose name holds it ("økonomi", "teknik og miljø"). Refused naming
    the committees there are, or those it could be (InputError), so the right name can be
    typed at once."""
    from meetingtui.errors import InputError

    found = find_committee(conn, name)
    if found is not None:
        return found
    wanted = " ".join(name.split()).casefold()
    stored = sorted(
        (
            (committee_id, named)
            for committee_id, named in conn.execute("SELECT id, name FROM committees")
        ),
        key=lambda c: (c[1].casefold(), c[0]),
    )
    hits = [c for c in stored if wanted and wanted in " ".join(c[1].split()).casefold()]
    if len(hits) == 1:
        committee = load_committee(conn, hits[0][0])
        if committee is not None:
            return committee
    if len(hits) > 1:
        raise InputError(
            "committee.ambiguous", name=name.strip(), names=", ".join(n for _, n in hits)
        )
    if not stored:
        raise InputError("committee.unknown_none", name=name.strip())
    raise InputError(
        "committee.unknown_listed", name=name.strip(), names=", ".join(n for _, n in stored)
    )


def committee_of_meeting(conn: sqlite3.Connection, meeting_id: int) -> Committee | None:
    """The committee a meeting was planned from, if any."""
    row = conn.execute(
        "SELECT committee_id FROM meeting_committee WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()
    return load_committee(conn, row[0]) if row else None
