"""FirstAgenda Publication JSON: fixtures built in code, plus the real samples when present."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import firstagenda_json
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    DissentKind,
    DocumentKind,
    ItemStatus,
    MeetingKind,
)
from tests.structured_documents import (
    firstagenda,
    firstagenda_field,
    firstagenda_referat,
    item,
)

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def _parse(document: dict[str, Any]):
    data = json.dumps(document, ensure_ascii=False).encode()
    assert firstagenda_json.sniff(data)
    [meeting] = firstagenda_json.parse(data, source="fixture.json")
    return meeting


def test_meeting_header_and_participants() -> None:
    meeting = _parse(firstagenda_referat())
    assert meeting.body == "Teknik- og Miljøudvalget"
    assert meeting.starts_at == datetime(2024, 3, 5, 16, 30)
    assert meeting.location == "Mødelokale 2"
    assert meeting.document_kind is DocumentKind.REFERAT
    assert meeting.source == "fixture.json"
    people = {p.name: p for p in meeting.participants}
    assert people["Anne Holm"].affiliation == "A"
    assert people["Anne Holm"].attendance is Attendance.PRESENT
    assert people["Carl Dam"].attendance is Attendance.AFBUD


def test_items_sections_decisions_and_closed_flags() -> None:
    meeting = _parse(firstagenda_referat())
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "24-000101", False),
        ("2", "Lokalplan 1204 for Trige Syd", "24-000777", False),
        ("3", "Salg af grund", "24-000999", True),
        ("4", "Underskriftsark", "24-000100", False),
    ]
    first, plan, closed, signature = meeting.items
    assert first.decision == "Godkendt."
    assert first.status is ItemStatus.DECIDED
    assert plan.recommendation == "Administrationen indstiller, at planen vedtages."
    assert plan.decision_authority == "Teknik- og Miljøudvalget"
    assert [s.heading for s in plan.sections] == ["Resume", "Sagsbeskrivelse"]
    assert plan.attachments == ["Kort over området", "Høringssvar"]
    # A closed item's public text is its decision, written without a heading.
    assert closed.decision.startswith("Et flertal (A+V) godkender salget.")
    assert signature.decision == "" and signature.status is ItemStatus.PENDING


def test_votes_dissents_and_item_absence() -> None:
    meeting = _parse(firstagenda_referat())
    _first, plan, closed, _sig = meeting.items
    [vote] = plan.votes
    assert vote.counts is not None and (vote.counts.for_, vote.counts.against) == (2, 1)
    assert vote.party_lines == {"for": ["A", "V"], "against": ["F"]}
    assert "Med stemmerne 2 for og 1 imod" in vote.raw_text
    [dissent] = plan.dissents
    assert dissent.kind is DissentKind.MINDRETALSUDTALELSE
    assert dissent.text == "Planen tager for meget natur."
    dorte = next(p for p in meeting.participants if p.name == "Dorte Eg")
    assert dissent.participant_id == dorte.id
    [absence] = meeting.items[0].absences
    assert (absence.name, absence.participant_id, absence.kind) == (
        "Dorte Eg",
        dorte.id,
        AbsenceKind.ABSENT,
    )
    [inhabil] = closed.absences
    assert inhabil.kind is AbsenceKind.INHABIL and inhabil.name == "Bo Berg"
    assert closed.votes[0].party_lines == {"for": ["A", "V"]}
    assert closed.dissents[0].kind is DissentKind.FORBEHOLD
    # Vote ids are unique within the meeting, as in a live meeting.
    ids = [v.id for i in meeting.items for v in i.votes]
    assert len(ids) == len(set(ids))


def test_agenda_without_decisions_is_a_dagsorden() -> None:
    document = firstagenda(
        [item(1, "Budget 2025", "24-1", firstagenda_field(None, {"Resume": "Budgetforslag."}))]
    )
    meeting = _parse(document)
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert meeting.items[0].decision == ""
    assert meeting.participants[0].attendance is Attendance.UNKNOWN


def test_other_versions_named_fields_and_key_case() -> None:
    document = {
        "udvalg": {"navn": "Økonomiudvalget"},
        "moede": {"dato": "2021-01-12T08:00:00", "sted": "Rådhuset"},
        "dagsordenpunkter": [
            {
                "number": "715",
                "caption": "Regnskab 2020 (Lukket)",
                "casenumber": "21/0042",
                "felter": [
                    {"navn": "Resumé", "html": "<p>Regnskabet viser overskud.</p>"},
                    {"navn": "Beslutning i Økonomiudvalget den 12-01-2021", "html": "Anbefales."},
                ],
            }
        ],
    }
    meeting = _parse(document)
    [only] = meeting.items
    assert (only.number, only.title, only.closed) == ("715", "Regnskab 2020", True)
    assert only.decision == "Anbefales."
    assert only.sections[0].heading == "Resumé"


def test_list_of_meetings() -> None:
    data = json.dumps([firstagenda_referat(), firstagenda_referat()]).encode()
    assert len(firstagenda_json.parse(data)) == 2


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b'{"Dagsordenpunkter": [', "import.error.json_truncated"),
        (b'{"Dagsordenpunkter": [{"Titel": "Budget 2025}]}', "import.error.json_truncated"),
        (b'{"Dagsordenpunkter": [],\n "Moede": {"Dato": 2020-01-01}}', "import.error.json_invalid"),
        (b'{"Dagsordenpunkter": [], "Moede": {"Dato": "2020-01-01"}}', "import.error.json_shape"),
        (
            b'{"Udvalg": {"Navn": "X"}, "Moede": {"Dato": "i morgen"}, "Dagsordenpunkter": []}',
            "import.error.no_date",
        ),
        (
            b'{"Udvalg": {"Navn": "X"}, "Moede": {}, "Dagsordenpunkter": 3}',
            "import.error.json_shape",
        ),
    ],
)
def test_broken_documents_give_clear_errors(data: bytes, key: str) -> None:
    with pytest.raises(InputError) as caught:
        firstagenda_json.parse(data)
    assert caught.value.key == key
    assert caught.value.message  # a catalog message, not a trace


def test_sniff_is_content_based() -> None:
    assert not firstagenda_json.sniff(b"<Publication><Agenda/></Publication>")
    assert not firstagenda_json.sniff(b'{"meeting": {}}')


# --------------------------------------------------------------------------- real samples


def _sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not available (../shared/samples missing)")
    return path.read_bytes()


def test_sample_greve_byraad() -> None:
    data = _sample("greve_byraad_2023-05-15.json")
    fmt, [meeting] = importers.parse(data)
    assert fmt == firstagenda_json.FORMAT
    assert meeting.body == "Byråd 2022-2025"
    assert meeting.starts_at == datetime(2023, 5, 15, 19, 0)
    assert meeting.document_kind is DocumentKind.REFERAT
    assert len(meeting.items) == 47
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 48)]
    closed = [i.number for i in meeting.items if i.closed]
    assert closed == ["4", "5", "6", "7"]
    assert meeting.items[3].title == "Orientering"
    assert meeting.items[0].case_number == "21-014420"
    assert meeting.items[0].decision == "Dagsorden blev godkendt."
    assert meeting.items[33].case_number == "20-072985K"
    plan = meeting.items[21]
    assert plan.title == "Beskæftigelsespolitik 2023-2026, endelig godkendelse"
    [vote] = plan.votes
    assert vote.counts is not None and (vote.counts.for_, vote.counts.against) == (19, 1)
    assert vote.party_lines["against"] == ["Ø"]
    tina = next(p for p in meeting.participants if p.name == "Tina Rottbøll")
    assert tina.attendance is Attendance.ABSENT
    assert meeting.items[0].absences[0].participant_id == tina.id
    assert meeting.items[46].title == "Underskriftsark" and meeting.items[46].decision == ""


def test_sample_greve_mindretalsudtalelse() -> None:
    data = _sample("greve_skole-boerne-ungeudvalget_2022-11-15.json")
    [meeting] = firstagenda_json.parse(data)
    assert meeting.body == "Skole-, Børne- og Ungeudvalget"
    assert len(meeting.items) == 12
    closed = [i for i in meeting.items if i.closed]
    assert [(i.number, i.title, i.decision) for i in closed] == [
        ("8", "Henvendelser til formanden", "Intet.")
    ]
    [dissent] = meeting.items[3].dissents
    assert dissent.kind is DissentKind.MINDRETALSUDTALELSE
    assert dissent.who == "Linda Heegaard (SF)"
    assert dissent.text.startswith("SF stemmer mod")
    assert dissent.text.endswith("en institution")


def test_unknown_text_fields_are_kept_as_unplaced() -> None:
    document = firstagenda(
        [
            item(
                1,
                "Vejplan",
                "24-5",
                firstagenda_field("<p>Godkendt.</p>", {"Resume": "Ny plan."}),
                Beskrivelse="<p>Punktet blev flyttet fra sidste møde efter ønske fra formanden.</p>",
                DocumentUid="4f1c2a7e-0000-0000-0000-000000000000",
            )
        ]
    )
    meeting = _parse(document)
    assert meeting.items[0].unplaced == [
        "Beskrivelse: Punktet blev flyttet fra sidste møde efter ønske fra formanden."
    ]


def test_extraordinary_meeting_and_dated_case_history() -> None:
    """Greve-style: "Ekstraordinær dagsorden", and earlier decisions under "Sagens forløb",
    each headed by "<date> <body>"."""
    html = (
        "<div><div id='sagsfremstillingContainer'><div><h3>Beslutning</h3>"
        "<span><p>Godkendt.</p><br><br>Afbud: Carl Dam</span></div>"
        "<h3>Fremstilling</h3><span class='ukendt'><h4>Resume</h4><p>Ny mødedato.</p></span>"
        "<h3>Sagens forløb</h3><span class='sagsforloeb'><u>11-12-2023 Byråd</u><br>"
        "<p>Indstillingen blev ikke godkendt.</p><p>For stemte (V) og (C).</p><br>"
        "<u>27-11-2023 Økonomiudvalget</u><br><p>Anbefales.</p></span></div></div>"
    )
    doc = firstagenda(
        [item(2, "Ny mødedato", "23-013407", {"Navn": "", "Html": html})],
        Navn="Ekstraordinær dagsorden",
    )
    [meeting] = firstagenda_json.parse(json.dumps(doc).encode())
    assert meeting.kind is MeetingKind.EKSTRAORDINAERT
    [only] = meeting.items
    assert only.decision == "Godkendt."
    assert [(d.body, d.date, d.text) for d in only.decision_history] == [
        ("Byråd", "11-12-2023", "Indstillingen blev ikke godkendt.\nFor stemte (V) og (C)."),
        ("Økonomiudvalget", "27-11-2023", "Anbefales."),
        ("", "", "Godkendt."),
    ]
    assert [s.heading for s in only.sections] == ["Resume"]
    assert only.votes == []  # the vote belongs to the earlier meeting


def test_a_broken_file_is_placed_in_the_archivists_words() -> None:
    """Python's JSON and XML reasons are English; the message gives the line and column in the
    archive's language, and says when the file simply stops (a download cut short)."""
    with pytest.raises(InputError) as stopped:
        firstagenda_json.parse(json.dumps(firstagenda_referat(), indent=1).encode()[:900])
    assert stopped.value.key == "import.error.json_truncated"
    assert "afkortet" in stopped.value.message
    assert "Unterminated" not in stopped.value.message
    with pytest.raises(InputError) as broken:
        firstagenda_json.parse(b'{\n  "Moede": {"Dato": 2020-01-01},\n  "Dagsordenpunkter": []\n}')
    assert broken.value.message == "Ugyldig JSON i linje 2, kolonne 25"
