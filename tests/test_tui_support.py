"""Builders shared by the TUI tests: small realistic committees, a fixed clock, a db helper.

No tests live here; the module is named like the TUI tests so it sits with them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from meetingtui.models import AgendaItem, Meeting, Participant, Role, Section
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting

START = datetime(2025, 3, 11, 16, 30)

# A 7-seat udvalg (A 3, V 2, C 1, F 1), its secretary, and items with real-looking text.
COMMITTEE = [
    ("Bo Hilsted", "A", Role.FORMAND),
    ("Mette Lund", "A", Role.MEDLEM),
    ("Jens Kragh", "A", Role.MEDLEM),
    ("Anne Møller", "V", Role.NAESTFORMAND),
    ("Per Østergaard", "V", Role.MEDLEM),
    ("Karen Holm", "C", Role.MEDLEM),
    ("Søren Friis", "F", Role.MEDLEM),
    ("Hanne Ravn", "", Role.OBSERVATOER),
]

ITEMS = [
    ("Godkendelse af dagsorden", "25-001234", "Dagsordenen godkendes."),
    (
        "Anlægsbevilling til ny daginstitution i Viby",
        "25-004411",
        "Administrationen indstiller, at der gives en anlægsbevilling på 12,5 mio. kr.",
    ),
    (
        "Salg af grund, matr. nr. 14a Hvalsø By",
        "25-007788",
        "Administrationen indstiller, at grunden sælges til højeste bud.",
    ),
    ("Budgetopfølgning 1. kvartal", "25-002200", "Orienteringen tages til efterretning."),
]

# 31 members in party blocks, as in a byråd: A 9, V 8, O 4, F 3, C 3, Ø 2, B 2.
BYRAAD_PARTIES = (("A", 9), ("V", 8), ("O", 4), ("F", 3), ("C", 3), ("Ø", 2), ("B", 2))


class FixedClock:
    """A clock that stands still unless moved: stamps and screens are the same every run."""

    def __init__(self, now: datetime = START + timedelta(minutes=14)) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def committee_meeting() -> Meeting:
    participants = [
        Participant(id=n, name=name, affiliation=party, role=role, votes=role.votes_by_default)
        for n, (name, party, role) in enumerate(COMMITTEE, start=1)
    ]
    items = [
        AgendaItem(
            id=n,
            number=str(n),
            title=title,
            case_number=case,
            closed=title.startswith("Salg af grund"),
            recommendation=recommendation,
            decision_authority="Økonomiudvalget",
            sections=[
                Section(heading="Resumé", text=f"Sagen handler om {title.lower()}."),
                Section(heading="Sagsfremstilling", text="Sagen er behandlet i forvaltningen."),
            ],
            attachments=["Notat om sagen"],
        )
        for n, (title, case, recommendation) in enumerate(ITEMS, start=1)
    ]
    return Meeting(
        body="Økonomiudvalget",
        municipality="Lejre Kommune",
        title="Ordinært møde",
        starts_at=START,
        location="Mødelokale 1, Rådhuset",
        participants=participants,
        items=items,
    )


def byraad_meeting(members_per_party: tuple[tuple[str, int], ...] = BYRAAD_PARTIES) -> Meeting:
    participants = []
    for party, size in members_per_party:
        for n in range(1, size + 1):
            participants.append(
                Participant(
                    id=len(participants) + 1,
                    name=f"Medlem {party}{n}",
                    affiliation=party,
                    role=Role.FORMAND if not participants else Role.MEDLEM,
                )
            )
    return Meeting(
        body="Byrådet",
        municipality="Lejre Kommune",
        title="Ordinært møde",
        starts_at=START,
        participants=participants,
        items=[
            AgendaItem(
                id=1, number="101", title="Kommuneplantillæg nr. 7", recommendation="Godkendes."
            ),
            AgendaItem(id=2, number="102", title="Takster for 2026", recommendation="Godkendes."),
        ],
    )


def store(db_path: Path, meeting: Meeting) -> int:
    conn = connect(db_path)
    try:
        return create_meeting(conn, meeting)
    finally:
        conn.close()


def stored(db_path: Path, meeting_id: int) -> Meeting:
    """The record as a fresh process would read it: what the tests assert on."""
    conn = connect(db_path)
    try:
        return load_meeting(conn, meeting_id)
    finally:
        conn.close()


def opened_with_everyone(db_path: Path, meeting: Meeting, clock: FixedClock) -> int:
    """A meeting that is open, with everyone present and the first item under way."""
    meeting_id = store(db_path, meeting)
    service = MeetingService.open(db_path, meeting_id, clock=clock)
    try:
        service.open_meeting()
        for person in meeting.participants:
            service.set_attendance(person.id, "present")
        service.start_item(meeting.items[0].id)
    finally:
        service.close()
    return meeting_id
