"""Builders for realistic meetings used by the core tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from meetingtui.models import AgendaItem, Meeting, Participant, Role, Section

# A 9-member økonomiudvalg: A 3, V 3, C 1, F 1, O 1 — plus the secretary who does not vote.
MEMBERS = [
    ("Bo Hilsted", "A", Role.FORMAND),
    ("Mette Lund", "A", Role.MEDLEM),
    ("Jens Kragh", "A", Role.MEDLEM),
    ("Anne Møller", "V", Role.NAESTFORMAND),
    ("Per Østergaard", "V", Role.MEDLEM),
    ("Lise Bach", "V", Role.MEDLEM),
    ("Karen Holm", "C", Role.MEDLEM),
    ("Søren Friis", "F", Role.MEDLEM),
    ("Ole Dam", "O", Role.MEDLEM),
    ("Hanne Ravn", "", Role.OBSERVATOER),
]


def build_meeting(items: int = 4) -> Meeting:
    return Meeting(
        body="Økonomiudvalget",
        municipality="Greve Kommune",
        title="Ordinært møde",
        starts_at=datetime(2025, 3, 11, 16, 30),
        location="Mødelokale 2, Rådhuset",
        participants=[
            Participant(id=n, name=name, affiliation=party, role=role, votes=role.votes_by_default)
            for n, (name, party, role) in enumerate(MEMBERS, start=1)
        ],
        items=[
            AgendaItem(
                id=n,
                number=str(n),
                title=f"Punkt {n}: budgetopfølgning for område {n}",
                case_number=f"25-00{n}123",
                closed=(n == items),
                recommendation="Administrationen indstiller, at orienteringen tages til efterretning.",
                sections=[
                    Section(heading="Resumé", text="Kort resumé af sagen."),
                    Section(heading="Sagsfremstilling", text="Længere fremstilling. " * 10),
                ],
            )
            for n in range(1, items + 1)
        ],
    )


class FakeClock:
    """Deterministic meeting time: each call advances one minute."""

    def __init__(self, start: datetime = datetime(2025, 3, 11, 16, 30)) -> None:
        self._ticks = count()
        self._start = start

    def __call__(self) -> datetime:
        return self._start + timedelta(minutes=next(self._ticks))
