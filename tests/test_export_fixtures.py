"""Meetings built in code for the export tests, and checks that they are what the tests assume.

Closed content is marked with words that appear nowhere else, so a leak is found by searching
for them in every part of an exported file.
"""

from __future__ import annotations

from datetime import datetime

from meetingtui import rules
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Ballot,
    Choice,
    DecisionEntry,
    Dissent,
    DissentKind,
    Election,
    ElectionBallot,
    ItemAbsence,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Motion,
    MotionKind,
    Movement,
    MovementKind,
    Participant,
    Role,
    Section,
    Vote,
    VoteResult,
)

CHAIN_HEAD = "3f" * 32

# Words used only inside the closed item: none may appear in a public export.
CLOSED_SECRETS = (
    "Grundsalg Kildebakken",  # title, shown only when closed titles are shown
    "Hemmeligtilbud Nordvest",
    "Købesum 4.750.000 kr",
    "Fortroligbeslutning Østerled",
    "Lukketdissens Bakkedal",
    "Inhabilgrund Svogerskab",
    "Fortroligt_bilag_Grundsalg.pdf",
    "16/99999",
)
CLOSED_CONTENT = CLOSED_SECRETS[1:]  # everything of the closed item but its title

PEOPLE = [
    ("Carsten Rasmussen", "A", Role.FORMAND, Attendance.PRESENT),
    ("Gert Fabrin", "LR", Role.NAESTFORMAND, Attendance.PRESENT),
    ("Mette Holm", "A", Role.MEDLEM, Attendance.PRESENT),
    ("Jens Bak", "F", Role.MEDLEM, Attendance.PRESENT),
    ("Ida Østergaard", "Ø", Role.MEDLEM, Attendance.PRESENT),
    ("Peter Vang", "V", Role.MEDLEM, Attendance.PRESENT),
    ("Lone Krag", "V", Role.MEDLEM, Attendance.PRESENT),
    ("Bo Carlsen", "C", Role.MEDLEM, Attendance.PRESENT),
    ("Lars Holten", "LEUF", Role.MEDLEM, Attendance.AFBUD),
    ("Ole Blickfeldt", "O", Role.MEDLEM, Attendance.FRAVAERENDE),
]


def participants() -> list[Participant]:
    people = [
        Participant(id=n, name=name, affiliation=aff, role=role, attendance=att)
        for n, (name, aff, role, att) in enumerate(PEOPLE, start=1)
    ]
    people.append(
        Participant(
            id=11,
            name="Hanne Skov",
            affiliation="O",
            role=Role.STEDFORTRAEDER,
            attendance=Attendance.PRESENT,
            substitute_for=10,
        )
    )
    people.append(
        Participant(
            id=12,
            name="Birgit Sekretær",
            role=Role.OBSERVATOER,
            votes=False,
            attendance=Attendance.PRESENT,
        )
    )
    # Arrives during item 2, and Bo Carlsen leaves during item 5.
    people.append(
        Participant(
            id=13,
            name="Anders Sen",
            affiliation="SF",
            attendance=Attendance.FRAVAERENDE,
            movements=[
                Movement(kind=MovementKind.ARRIVED, at=datetime(2017, 1, 3, 17, 5), item_id=2)
            ],
        )
    )
    people[7].movements.append(
        Movement(kind=MovementKind.LEFT, at=datetime(2017, 1, 3, 18, 40), item_id=5)
    )
    return people


def named_vote(vote_id: int, people: list[Participant], motion_id: int | None) -> Vote:
    choices = {
        "A": Choice.FOR,
        "F": Choice.FOR,
        "Ø": Choice.FOR,
        "LR": Choice.FOR,
        "V": Choice.IMOD,
        "C": Choice.UNDLOD,
        "O": Choice.FOR,
    }
    ballots = [
        Ballot(
            participant_id=p.id,
            name=p.name,
            affiliation=p.affiliation,
            choice=choices[p.affiliation],
        )
        for p in people
        if p.votes and p.attendance is Attendance.PRESENT
    ]
    counts = rules.count_ballots(ballots)
    return Vote(
        id=vote_id,
        motion_id=motion_id,
        is_open=False,
        ballots=ballots,
        counts=counts,
        result=rules.result_of(counts),
    )


def build_meeting(*, status: MeetingStatus = MeetingStatus.CLOSED) -> Meeting:
    people = participants()
    budget = AgendaItem(
        id=1,
        number="1",
        title="Budgetopfølgning 2017 for Økonomiudvalget",
        case_number="16/16318",
        sections=[
            Section(heading="Resumé", text="Administrationen forelægger budgetopfølgningen."),
            Section(
                heading="Sagsfremstilling",
                text="Forbruget følger budgettet.\nDer er ingen afvigelser.",
            ),
            Section(
                heading="Økonomi og finansiering", text="Ingen bevillingsmæssige konsekvenser."
            ),
        ],
        recommendation="Koncerndirektionen indstiller:\n1. at budgetopfølgningen godkendes.",
        decision_authority="Økonomiudvalget",
        attachments=["Budgetopfølgning.pdf", "Bilag 2 - Oversigt.xlsx"],
        status=ItemStatus.DECIDED,
        decision="Godkendt.",
        motions=[
            Motion(id=1, kind=MotionKind.INDSTILLING, text="at budgetopfølgningen godkendes"),
            Motion(
                id=2,
                kind=MotionKind.AENDRINGSFORSLAG,
                text="Rammen hæves med 2 mio. kr.",
                proposer="V",
                amends=1,
            ),
        ],
        absences=[
            ItemAbsence(
                participant_id=4, name="Jens Bak", kind=AbsenceKind.INHABIL, reason="nær familie"
            )
        ],
        dissents=[
            Dissent(id=1, kind=DissentKind.MINDRETALSUDTALELSE, who="V", text="Rammen er for lav.")
        ],
    )
    voters = [p for p in people if p.id != 4]
    budget.votes = [
        Vote(
            id=1,
            motion_id=2,
            is_open=False,
            counts={"for": 2, "against": 7, "abstain": 1},
            party_lines={"for": ["V"], "imod": ["A", "F", "Ø", "LR", "O"], "undlod": ["C"]},
            result=VoteResult.REJECTED,
        ),
        named_vote(2, voters, motion_id=1),
    ]
    election = AgendaItem(
        id=2,
        number="2",
        title="Valg af næstformand",
        case_number="13/20237",
        status=ItemStatus.DECIDED,
        decision="Gert Fabrin blev valgt som næstformand.",
        elections=[
            Election(
                id=1,
                office="næstformand",
                candidates=["Gert Fabrin", "Mette Holm"],
                ballots=[ElectionBallot(voter=p.name, candidate="Gert Fabrin") for p in people[:6]]
                + [ElectionBallot(voter=p.name, candidate="Mette Holm") for p in people[6:8]],
                elected="Gert Fabrin",
            )
        ],
    )
    undecided = AgendaItem(id=3, number="3", title="Orientering om bootcamps", case_number="")
    empty = AgendaItem(id=4, number="4", title="Eventuelt")
    closed = AgendaItem(
        id=5,
        number="5",
        title="Grundsalg Kildebakken",
        case_number="16/99999",
        closed=True,
        sections=[
            Section(heading="Sagsfremstilling", text="Hemmeligtilbud Nordvest er modtaget."),
            Section(heading="Økonomi", text="Købesum 4.750.000 kr."),
        ],
        attachments=["Fortroligt_bilag_Grundsalg.pdf"],
        status=ItemStatus.DECIDED,
        decision="Fortroligbeslutning Østerled: tilbuddet accepteres.",
        absences=[
            ItemAbsence(
                participant_id=6,
                name="Peter Vang",
                kind=AbsenceKind.INHABIL,
                reason="Inhabilgrund Svogerskab",
            )
        ],
        dissents=[Dissent(id=2, who="C", text="Lukketdissens Bakkedal")],
        votes=[named_vote(3, people, motion_id=None)],
    )
    closed.votes[0].description = "Hemmeligtilbud Nordvest"
    messy = AgendaItem(
        id=6,
        number="6a",
        title="Tekst med 🎉 emoji og \u0645\u0631\u062d\u0628\u0627 og styretegn\x07",
        case_number="EMN-2025-009242",
        sections=[
            Section(
                heading="Sagsfremstilling",
                text="\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
            ),
            Section(heading="Lang tekst", text=" ".join(["ordet"] * 6000)),
            Section(heading="", text='Tekst <med> & tegn "citat" og\ttab'),
            Section(heading="Tom sektion", text=""),
        ],
        decision_history=[
            DecisionEntry(body="Teknik- og Miljøudvalget", date="20-06-2013", text="Anbefales."),
        ],
        decision="Tiltrådt.",
        status=ItemStatus.DECIDED,
    )
    return Meeting(
        id=7,
        body="Økonomiudvalget",
        municipality="Lejre Kommune",
        title="Ordinært møde",
        starts_at=datetime(2017, 1, 3, 16, 30),
        ends_at=datetime(2017, 1, 3, 19, 15),
        location="Mødelokale 1, Lejrevej 15, 4320 Allerslev",
        status=status,
        participants=people,
        items=[budget, election, undecided, empty, closed, messy],
    )


def test_fixture_meeting_is_consistent() -> None:
    meeting = build_meeting()
    vote = meeting.items[0].votes[1]
    assert vote.counts is not None
    assert vote.counts.for_ == 5 and vote.counts.against == 2 and vote.counts.abstain == 1
    assert meeting.items[4].closed
    assert "\x07" not in meeting.items[5].title  # the model strips control characters


def test_closed_secrets_are_only_in_the_closed_item() -> None:
    meeting = build_meeting()
    others = meeting.model_copy(update={"items": [i for i in meeting.items if not i.closed]})
    text = others.model_dump_json()
    for secret in CLOSED_SECRETS:
        assert secret not in text
        assert secret in meeting.items[4].model_dump_json()
