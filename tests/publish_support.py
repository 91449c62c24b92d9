"""Meetings for the publishing tests: a referat with a closed sale whose words must never be
published, and a later meeting.

No tests live here.
"""

from __future__ import annotations

from datetime import datetime

from meetingtui.models import (
    AgendaItem,
    Ballot,
    Choice,
    DecisionEntry,
    DocumentKind,
    Meeting,
    Participant,
    Section,
    Vote,
    VoteCounts,
)

SECRETS = [
    "Købesummen for Ravnsbjergvej 14 udgør 4.750.000 kr.",
    "Tinglysningsafgiften afholdes af Hestehaven Invest ApS.",
    "Salget til Hestehaven Invest ApS godkendes.",
    "Budrunde mellem Hestehaven og Skovly",
    "24-000999",
]
SECRET_WORDS = ["købesummen", "ravnsbjergvej", "tinglysningsafgiften", "hestehaven", "budrunde"]
CLOSED_TITLE = "Salg af byggegrund"


def members() -> list[Participant]:
    return [
        Participant(id=1, name="Anne Holm", affiliation="A"),
        Participant(id=2, name="Bo Lind", affiliation="V"),
        Participant(id=3, name="Carl Berg", affiliation="Ø"),
    ]


def closed_sale_referat() -> Meeting:
    closed = AgendaItem(
        id=3,
        number="3",
        title=CLOSED_TITLE,
        case_number=SECRETS[4],
        closed=True,
        sections=[Section(heading="Sagsfremstilling", text=SECRETS[0] + " " + SECRETS[1])],
        recommendation="Administrationen indstiller, at " + SECRETS[2].lower(),
        decision=SECRETS[2],
        votes=[
            Vote(
                id=1,
                description=SECRETS[3],
                is_open=False,
                counts=VoteCounts(for_=2, against=1),
                ballots=[Ballot(participant_id=3, name="Carl Berg", choice=Choice.AGAINST)],
            )
        ],
        attendance_notes=["Bo Lind (V) deltog ikke i behandlingen: inhabil, Hestehaven"],
        unplaced=["Bilag: Skøde Ravnsbjergvej"],
    )
    return Meeting(
        body="Økonomiudvalget",
        starts_at=datetime(2024, 3, 12, 16, 30),
        document_kind=DocumentKind.REFERAT,
        source="/home/arkiv/referater/oek-2024-03-12.pdf",
        participants=members(),
        items=[
            AgendaItem(
                id=1,
                number="1",
                title="Lokalplan 1204 for Trige Syd",
                case_number="24-000777",
                sections=[
                    Section(heading="Resumé", text="Lokalplanen giver mulighed for boliger.")
                ],
                decision="Anbefales.",
                decision_history=[
                    DecisionEntry(body="Økonomiudvalget", date="12-03-2024", text="Anbefales.")
                ],
                votes=[
                    Vote(
                        id=2,
                        description="Indstillingen",
                        is_open=False,
                        counts=VoteCounts(for_=2, against=1),
                        ballots=[
                            Ballot(participant_id=1, name="Anne Holm", choice=Choice.FOR),
                            Ballot(participant_id=2, name="Bo Lind", choice=Choice.FOR),
                            Ballot(participant_id=3, name="Carl Berg", choice=Choice.AGAINST),
                        ],
                    )
                ],
            ),
            AgendaItem(id=2, number="2", title="Tilskud til foreninger", decision="Godkendt."),
            closed,
        ],
    )


def later_referat() -> Meeting:
    return Meeting(
        body="Byrådet",
        starts_at=datetime(2024, 4, 2, 17, 0),
        document_kind=DocumentKind.REFERAT,
        items=[
            AgendaItem(
                id=1,
                number="7",
                title="Lokalplan 1204 for Trige Syd, endelig vedtagelse",
                case_number="24-000777",
                decision="Godkendt.",
            )
        ],
    )
