"""The meetings the tests build, in one place: committees, a byråd, a fully recorded referat.

- `committee_meeting()`: a planned 7-seat udvalg in Lejre with four real-looking items (the TUI
  tests, snapshots, live page, CLI).
- `budget_meeting(items)`: a planned 9-seat økonomiudvalg in Greve whose last item is closed (the
  command API, rules and storage tests).
- `byraad_meeting()`: a 31-member byråd in party blocks.
- `recorded_meeting()`: a closed meeting with everything a referat holds (the export tests);
  closed content is marked with words that appear nowhere else, so a leak is found by searching
  for them in every part of an exported file.
- `FixedClock`: meeting time under the test's control.

`conftest.py` offers the common ones as fixtures (`clock`, `committee`, `open_committee`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

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
from meetingtui.service import MeetingService, create_meeting
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting, stored_rows
from tests import databases

START = datetime(2025, 3, 11, 16, 30)


class FixedClock:
    """Meeting time under the test's control: it stands still unless moved (`clock.now += ...`),
    or, with a `step`, moves that far after each reading, so stamps follow each other."""

    def __init__(
        self, now: datetime = START + timedelta(minutes=14), *, step: timedelta = timedelta(0)
    ) -> None:
        self.now = now
        self.step = step

    def __call__(self) -> datetime:
        reading = self.now
        self.now += self.step
        return reading


def ticking_clock(start: datetime = START, step: timedelta = timedelta(minutes=1)) -> FixedClock:
    """A clock that reads `start` first and `step` later at each following reading."""
    return FixedClock(start, step=step)


# --------------------------------------------------------------------------- committees

# The udvalg's members: A 3, V 2-3, C 1, F 1, (O 1), and the secretary who does not vote. The
# 7-seat committee is the 9-seat one without Lise Bach (V) and Ole Dam (O).
Seat = tuple[str, str, Role]

SEVEN_SEATS: list[Seat] = [
    ("Bo Hilsted", "A", Role.FORMAND),
    ("Mette Lund", "A", Role.MEDLEM),
    ("Jens Kragh", "A", Role.MEDLEM),
    ("Anne Møller", "V", Role.NAESTFORMAND),
    ("Per Østergaard", "V", Role.MEDLEM),
    ("Karen Holm", "C", Role.MEDLEM),
    ("Søren Friis", "F", Role.MEDLEM),
    ("Hanne Ravn", "", Role.OBSERVATOER),
]

NINE_SEATS: list[Seat] = [
    *SEVEN_SEATS[:5],
    ("Lise Bach", "V", Role.MEDLEM),
    *SEVEN_SEATS[5:7],
    ("Ole Dam", "O", Role.MEDLEM),
    SEVEN_SEATS[7],
]


def seated(roster: list[Seat]) -> list[Participant]:
    return [
        Participant(id=n, name=name, affiliation=party, role=role, votes=role.votes_by_default)
        for n, (name, party, role) in enumerate(roster, start=1)
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


def committee_meeting() -> Meeting:
    """A planned 7-seat udvalg in Lejre; item 3 (a sale of land) is closed."""
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
        participants=seated(SEVEN_SEATS),
        items=items,
    )


def budget_meeting(items: int = 4) -> Meeting:
    """A planned 9-seat økonomiudvalg in Greve with `items` budget items; the last is closed."""
    return Meeting(
        body="Økonomiudvalget",
        municipality="Greve Kommune",
        title="Ordinært møde",
        starts_at=START,
        location="Mødelokale 2, Rådhuset",
        participants=seated(NINE_SEATS),
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


# 31 members in party blocks, as in a byråd: A 9, V 8, O 4, F 3, C 3, Ø 2, B 2.
BYRAAD_PARTIES = (("A", 9), ("V", 8), ("O", 4), ("F", 3), ("C", 3), ("Ø", 2), ("B", 2))


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


# --------------------------------------------------------------------------- in a database


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


def database_state(db_path: Path) -> tuple[object, ...]:
    """Every row of every meeting and the whole event log: what "changes nothing" compares."""
    conn = connect(db_path)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM meetings ORDER BY id")]
        rows = [stored_rows(conn, i) for i in ids]
        log = conn.execute("SELECT seq, hash FROM events ORDER BY seq").fetchall()
        return (ids, rows, log)
    finally:
        conn.close()


def opened_with_everyone(db_path: Path, meeting: Meeting, clock: FixedClock) -> int:
    """A meeting that is open, with everyone present and the first item under way.

    In a fresh database with a clock that stands still, the result is the same file every time:
    it is built once per run and copied (tests/databases.py).
    """
    if clock.step or not databases.is_empty_copy(db_path):
        return _open_with_everyone(db_path, meeting, clock)
    name = f"opened_with_everyone {clock.now.isoformat()} {meeting.model_dump_json()}"
    return databases.built_once(
        name, db_path, lambda path: _open_with_everyone(path, meeting, FixedClock(clock.now))
    )


def _open_with_everyone(db_path: Path, meeting: Meeting, clock: FixedClock) -> int:
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


def demo_at_item(db_path: Path, item_id: int) -> int:
    """The demo meeting open, the two apologies absent, everyone else present, `item_id` under
    way; built once per run and copied (tests/databases.py)."""
    return databases.built_once(
        f"demo at item {item_id}", db_path, lambda path: _demo_at_item(path, item_id)
    )


def _demo_at_item(db_path: Path, item_id: int) -> int:
    from meetingtui.demo import build_demo_meeting

    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            if person.attendance is Attendance.UNKNOWN:
                service.set_attendance(person.id, "present")
        service.start_item(item_id)
    return meeting_id


# --------------------------------------------------------------------------- the closed item, run

CLOSED_ITEM = 3  # "Salg af grund, matr. nr. 14a Hvalsø By"


def debate_under_way(db_path: Path, clock: FixedClock) -> int:
    """The committee meeting opened with everyone, item 1 under debate: limits of 3 and 15
    minutes, three members on the speakers' list, the second speaking 95 s after the first."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.set_speaking_limits(1, speaker_seconds=180, debate_seconds=900)
        for member in (2, 4, 7):
            service.add_speaker(1, member)
        service.next_speaker(1)
        clock.now += timedelta(seconds=95)
        service.next_speaker(1)
    return meeting_id


def speaking_on_its_own_clock(
    db_path: Path, *, limits: tuple[int, int] | None = None
) -> tuple[int, FixedClock]:
    """The committee meeting held 400 days after its date, so on its own clock (as the demo
    is): opened with everyone, item 1 under way, Mette Lund speaking (with `limits`, seconds
    per speaker and for the item). The clock returned is the wall clock."""
    clock = FixedClock(START + timedelta(days=400, hours=-6))
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        if limits is not None:
            service.set_speaking_limits(1, speaker_seconds=limits[0], debate_seconds=limits[1])
        service.add_speaker(1, 2)
        service.next_speaker(1)
    return meeting_id, clock


def closed_secrets(db_path: Path, meeting_id: int) -> list[str]:
    """Every piece of text the closed item holds in the record."""
    item = stored(db_path, meeting_id).item(CLOSED_ITEM)
    texts = [item.title, item.case_number, item.recommendation, item.decision]
    texts += [s.text for s in item.sections] + item.attachments
    texts += [v.description for v in item.votes] + [d.text for d in item.dissents]
    texts += [m.text for m in item.motions]
    return [t for t in texts if t]


def run_closed_item(db_path: Path, meeting_id: int) -> int:
    """The closed item dealt with in full: inhabilitet, motion, vote, decision, dissent.

    Returns the last commit's event number."""
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(CLOSED_ITEM)
        service.declare_inhabil(CLOSED_ITEM, 6, "Karen Holm er nabo til grunden.")
        service.set_speaking_limits(CLOSED_ITEM, speaker_seconds=120, debate_seconds=900)
        service.add_speaker(CLOSED_ITEM, 7)  # Søren Friis speaks on the closed item
        service.next_speaker(CLOSED_ITEM)
        service.add_motion(
            CLOSED_ITEM, "Grunden sælges til Hvalsø Byg ApS for 2,1 mio. kr.", kind="andet"
        )
        vote = service.open_vote(CLOSED_ITEM, description="Salg til Hvalsø Byg ApS").created_id
        assert vote is not None
        service.cast_party(vote, "A", "for")
        service.cast_party(vote, "V", "against")
        service.close_vote(vote)
        service.record_decision(CLOSED_ITEM, "Grunden sælges til Hvalsø Byg ApS for 2,1 mio. kr.")
        return service.add_dissent(
            CLOSED_ITEM,
            4,
            "Prisen ligger under vurderingen fra ejendomsmægleren.",
            kind="forbehold",
        ).seq


# --------------------------------------------------------------------------- a recorded referat

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

RECORDED_PEOPLE = [
    ("Carsten Rasmussen", "A", Role.FORMAND, Attendance.PRESENT),
    ("Gert Fabrin", "LR", Role.NAESTFORMAND, Attendance.PRESENT),
    ("Mette Holm", "A", Role.MEDLEM, Attendance.PRESENT),
    ("Jens Bak", "F", Role.MEDLEM, Attendance.PRESENT),
    ("Ida Østergaard", "Ø", Role.MEDLEM, Attendance.PRESENT),
    ("Peter Vang", "V", Role.MEDLEM, Attendance.PRESENT),
    ("Lone Krag", "V", Role.MEDLEM, Attendance.PRESENT),
    ("Bo Carlsen", "C", Role.MEDLEM, Attendance.PRESENT),
    ("Lars Holten", "LEUF", Role.MEDLEM, Attendance.AFBUD),
    ("Ole Blickfeldt", "O", Role.MEDLEM, Attendance.ABSENT),
]


def recorded_participants() -> list[Participant]:
    people = [
        Participant(id=n, name=name, affiliation=aff, role=role, attendance=att)
        for n, (name, aff, role, att) in enumerate(RECORDED_PEOPLE, start=1)
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
            attendance=Attendance.ABSENT,
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
        "V": Choice.AGAINST,
        "C": Choice.ABSTAIN,
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


def recorded_meeting(*, status: MeetingStatus = MeetingStatus.CLOSED) -> Meeting:
    people = recorded_participants()
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
            party_lines={"for": ["V"], "against": ["A", "F", "Ø", "LR", "O"], "abstain": ["C"]},
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
