"""A committee, its valgperioder and its roster: plain records, read from the register tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from meetingtui.vocabulary import Role

# The order a roll call lists members in: the chair first, observers last.
ROLE_ORDER = {
    Role.FORMAND: 0,
    Role.NAESTFORMAND: 1,
    Role.MEDLEM: 2,
    Role.OBSERVATOER: 3,
    Role.STEDFORTRAEDER: 4,
}
# Roles one person at a time holds.
SINGLE_ROLES = (Role.FORMAND, Role.NAESTFORMAND)


class CommitteeKind(StrEnum):
    BYRAAD = "byråd"  # also kommunalbestyrelse
    UDVALG = "udvalg"  # stående udvalg, økonomiudvalget
    SAERLIGT = "§ 17, stk. 4-udvalg"  # may seat citizens and organisations


@dataclass(frozen=True)
class Period:
    """A valgperiode, e.g. "2022-2025", from its first to its last day (both included)."""

    id: int
    name: str
    starts: date
    ends: date

    def covers(self, day: date) -> bool:
        return self.starts <= day <= self.ends


@dataclass(frozen=True)
class RosterEntry:
    """One seat held for a spell; `left_on` is the first day the person is off the roster."""

    id: int
    period_id: int
    name: str
    affiliation: str
    role: Role
    votes: bool
    rank: int  # a stedfortræder's place in the party list (1 = called first)
    email: str
    joined: date
    left_on: date | None

    @property
    def is_substitute(self) -> bool:
        return self.role is Role.STEDFORTRAEDER

    @property
    def label(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name

    def valid_on(self, day: date) -> bool:
        return self.joined <= day and (self.left_on is None or day < self.left_on)


@dataclass
class Committee:
    id: int
    name: str
    kind: CommitteeKind
    municipality: str = ""
    periods: list[Period] = field(default_factory=list)
    roster: list[RosterEntry] = field(default_factory=list)

    def period(self, period_id: int) -> Period | None:
        return next((p for p in self.periods if p.id == period_id), None)

    def period_on(self, day: date) -> Period | None:
        return next((p for p in self.periods if p.covers(day)), None)

    def member(self, member_id: int) -> RosterEntry | None:
        return next((m for m in self.roster if m.id == member_id), None)

    def _valid(self, day: date) -> list[RosterEntry]:
        period = self.period_on(day)
        if period is None:
            return []
        return [m for m in self.roster if m.period_id == period.id and m.valid_on(day)]

    def members_on(self, day: date) -> list[RosterEntry]:
        """Who sits on the committee that day, chair first, observers last (no substitutes)."""
        seated = [m for m in self._valid(day) if not m.is_substitute]
        return sorted(seated, key=lambda m: (ROLE_ORDER[m.role], m.id))

    def substitutes_on(self, day: date, affiliation: str | None = None) -> list[RosterEntry]:
        """The stedfortrædere that day, party list by party list, each list in its order."""
        wanted = affiliation.casefold() if affiliation is not None else None
        found = [
            m
            for m in self._valid(day)
            if m.is_substitute and (wanted is None or m.affiliation.casefold() == wanted)
        ]
        return sorted(found, key=lambda m: (m.affiliation.casefold(), m.rank, m.id))
