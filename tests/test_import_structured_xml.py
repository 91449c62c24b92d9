"""SBSYS Publication XML: schema variants, hostile content, and the real sample when present."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import sbsys_xml
from meetingtui.models import Attendance, DocumentKind
from tests.structured_documents import sbsys_publication

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def test_meeting_items_and_decisions() -> None:
    data = sbsys_publication()
    assert sbsys_xml.sniff(data)
    [meeting] = sbsys_xml.parse(data, source="p.xml")
    assert meeting.body == "KMB IT-udvalget"
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2013, 5, 15, 16, 30),
        datetime(2013, 5, 15, 18, 0),
    )
    assert meeting.location == "Lokale 3"
    assert meeting.document_kind is DocumentKind.REFERAT
    people = {p.name: p for p in meeting.participants}
    assert people["Doris Børger"].affiliation == "A"
    assert people["Doris Børger"].attendance is Attendance.PRESENT
    assert people["Hanne Bahnsen"].attendance is Attendance.UNKNOWN
    assert people["Ulrik Falk"].attendance is Attendance.AFBUD
    first, sale = meeting.items
    assert (first.number, first.title, first.case_number, first.closed) == (
        "1",
        "Meddelelser",
        "13/2211",
        False,
    )
    # The illegal character reference is dropped, the rest of the text kept.
    assert first.sections[0].text == "Orientering om it-status."
    assert first.decision == "Godkendt."
    assert first.absences[0].name == "Hanne Bahnsen"
    assert (sale.case_number, sale.closed) == ("13/4455", True)
    assert sale.recommendation == "A. salget godkendes"
    assert sale.decision_authority == "Kommunalbestyrelsen"
    assert sale.decision == "Godkendt."
    assert [(d.body, d.date) for d in sale.decision_history] == [
        ("Økonomiudvalget", "02-05-2013"),
        ("Kommunalbestyrelsen", "27-05-2013"),
    ]
    assert sale.attachments == ["Vurdering"]
    # Kåre Olesen declared himself inhabil at Økonomiudvalget's meeting: the statement stays
    # with that decision and is no absence at this meeting.
    assert "Kåre Olesen (V) erklærede sig inhabil." in sale.decision_history[0].text
    assert sale.absences == []


def test_agenda_without_feedback_is_dagsorden() -> None:
    [meeting] = sbsys_xml.parse(sbsys_publication(decisions=False))
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert all(item.decision == "" for item in meeting.items)


def test_namespaces_and_windows_1252_bytes_are_tolerated() -> None:
    data = sbsys_publication(ns="urn:sbsys:publication").replace(
        "Børger".encode(), "Børger".encode("cp1252")
    )
    [meeting] = sbsys_xml.parse(data)
    assert meeting.participants[0].name == "Doris Børger"
    assert len(meeting.items) == 2


def test_missing_optional_elements() -> None:
    data = sbsys_publication(extra_item="<Item><Caption>Eventuelt</Caption></Item>")
    [meeting] = sbsys_xml.parse(data)
    assert (meeting.items[2].number, meeting.items[2].title) == ("3", "Eventuelt")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (sbsys_publication()[:400], "import.error.xml_truncated"),
        (
            sbsys_publication().replace(b"</Caption>", b"</Caption", 1),
            "import.error.xml_invalid",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            b"<Publication><Agenda><Items><Item/></Items></Agenda><a>&lol2;</a></Publication>",
            "import.error.xml_forbidden",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<Publication><Agenda><Items><Item><Caption>&xxe;</Caption></Item></Items>"
            b"</Agenda></Publication>",
            "import.error.xml_forbidden",
        ),
        (b"<Publication><Other><Item/></Other></Publication>", "import.error.xml_shape"),
    ],
)
def test_hostile_and_broken_xml(data: bytes, key: str) -> None:
    with pytest.raises(InputError) as caught:
        sbsys_xml.parse(data)
    assert caught.value.key == key


def test_sample_ballerup() -> None:
    path = SAMPLES / "ballerup_sbsys_publication_2013-05-15.xml"
    if not path.exists():
        pytest.skip("sample not available (../shared/samples missing)")
    fmt, [meeting] = importers.parse(path.read_bytes())
    assert fmt == sbsys_xml.FORMAT
    assert meeting.body == "KMB IT-udvalget"
    assert meeting.starts_at == datetime(2013, 5, 15, 16, 30)
    assert meeting.location == "Mødecenter A, Lokale 3 på Ballerup Rådhus"
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert [i.title for i in meeting.items] == [
        "Meddelelser",
        "Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018",
        "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)",
        "Regler for indkøb af it-udstyr",
        "Status på eDagsorden",
    ]
    assert not any(i.closed for i in meeting.items)
    assert len(meeting.participants) == 11
    assert meeting.items[2].attachments == ["Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"]
    assert meeting.items[1].decision_authority == "KMB IT-udvalget"


def test_newer_version_numbers_history_and_status_values() -> None:
    """Later SBSYS/AGMAN publications: the number as an attribute, earlier decisions in
    `ItemHistory`, Danish or numeric participation statuses, dates written in words."""
    data = """<Publication><Agendas><Agenda>
  <Committee><Name>Teknik- og Miljøudvalget</Name></Committee>
  <Meeting><When>27. august 2018 16:00</When><Where>Byrådssalen</Where><Members>
    <MeetingMember><Name>Anne Holm (A)</Name><ParticipationStatusAsText>Ikke bestemt</ParticipationStatusAsText></MeetingMember>
    <MeetingMember><Name>Bo Berg (V)</Name><ParticipationStatusAsValue>1</ParticipationStatusAsValue></MeetingMember>
    <MeetingMember><Name>Carl Dam (F)</Name><ParticipationStatusAsText>Afbud</ParticipationStatusAsText></MeetingMember>
  </Members></Meeting>
  <Items><Item ID="88" Nummer="7"><Caption>Trafikplan</Caption><IsPublic>true</IsPublic>
    <Fields><ItemField><Caption>Sagsfremstilling</Caption><Content>&lt;p&gt;En plan.&lt;/p&gt;</Content></ItemField></Fields>
    <ItemHistory><ItemHistoryEntry><HasContent>True</HasContent><Caption>Beslutning</Caption>
      <Content>&lt;p&gt;Sendt i høring.&lt;/p&gt;</Content>
      <MeetingDetails><CommitteeName>Økonomiudvalget</CommitteeName><MeetingDueDate>2018-06-12T16:00:00</MeetingDueDate></MeetingDetails>
    </ItemHistoryEntry></ItemHistory>
  </Item></Items>
</Agenda></Agendas></Publication>""".encode()
    [meeting] = sbsys_xml.parse(data)
    assert meeting.starts_at == datetime(2018, 8, 27, 16, 0)
    assert [p.attendance for p in meeting.participants] == [
        Attendance.UNKNOWN,
        Attendance.PRESENT,
        Attendance.AFBUD,
    ]
    [item] = meeting.items
    assert (item.number, item.title, item.decision) == ("7", "Trafikplan", "")
    assert [(d.body, d.date, d.text) for d in item.decision_history] == [
        ("Økonomiudvalget", "12-06-2018", "Sendt i høring.")
    ]
    assert meeting.document_kind is DocumentKind.DAGSORDEN
