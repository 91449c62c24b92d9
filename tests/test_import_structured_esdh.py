"""Acadre and eDoc agenda XML: small fixtures in the layouts those systems export."""

from __future__ import annotations

from datetime import datetime
from html import escape

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import acadre_xml, edoc_xml, sbsys_xml
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    DocumentKind,
    ItemStatus,
    MeetingKind,
    Role,
)

# --------------------------------------------------------------------------- Acadre


def _fields(**values: str) -> str:
    inner = "".join(f'<field name="{k}">{escape(v)}</field>' for k, v in values.items())
    return f"<fields>{inner}</fields>"


def _table(name: str, fields: str, *tables: str) -> str:
    return f'<table name="{name}">{fields}{"".join(tables)}</table>'


def _bullet(order: int, name: str, html: str) -> str:
    return _table(
        "bullet", _fields(bulletname=name, bulletcontent=html, bulletsortorder=str(order))
    )


def _member(name: str, absent: str) -> str:
    return _table("member", _fields(name=name, absent=absent, role="Medlem"))


def _acadre_item(sort: str, name: str, access: str, bullets: list[str], **extra: str) -> str:
    item = _table(
        "agendaitem",
        _fields(name=name, caseno="12/27845", accessname=access, **extra),
        *bullets,
        _table("enclosure", _fields(name="Notat om tidsplan", sort="1")),
    )
    return _table("agendaitemparents", _fields(sort=sort), item)


def acadre(document: str = "Referat", last_decision_date: str = "20-06-2013") -> bytes:
    items = [
        _acadre_item(
            "716",
            "Kulturplan 2017",
            "Åben",
            [
                _bullet(1, "Resumé", "<p>Planen for arbejdet.</p>"),
                _bullet(2, "Indstilling", "<p>Direktøren indstiller, at planen drøftes.</p>"),
                _bullet(
                    3, "Beslutning i Kulturudvalget den 10-04-2013", "<p>Punktet genoptages.</p>"
                ),
                _bullet(4, "Lovgrundlag", ""),
                _bullet(
                    5,
                    f"Beslutning i Kulturudvalget den {last_decision_date}",
                    "<p>Godkendt.</p><p>Fraværende: Ole Berg (V)</p>",
                ),
            ],
        ),
        _acadre_item(
            "715",
            "Salg af grund",
            "Lukket",
            [_bullet(1, "Sagsfremstilling", "<p>Et tilbud.</p>")],
            excuse="Eva Dahl",
        ),
    ]
    meeting = _table(
        "meeting",
        _fields(
            name="Ekstraordinært møde",
            date="2013-06-20 10:30",
            finish="2013-06-20 13:00",
            location="Mødelokale 1",
        ),
        _table("meetmember", "", _member("Eva  Dahl (A)", "0"), _member("Ole Berg (V)", "1")),
    )
    committee = _table("committee", _fields(name="Kulturudvalget"))
    agenda = _table("agenda", _fields(name=document, accessname="Åben"), committee, meeting, *items)
    return f'<?xml version="1.0"?>\n<root>{agenda}<agendaData><note>x</note></agendaData></root>'.encode()


def test_acadre_referat() -> None:
    data = acadre()
    assert acadre_xml.sniff(data) and not sbsys_xml.sniff(data)
    fmt, [meeting] = importers.parse(data, source="a.xml")
    assert fmt == acadre_xml.FORMAT
    assert meeting.body == "Kulturudvalget"
    assert meeting.kind is MeetingKind.EKSTRAORDINAERT
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2013, 6, 20, 10, 30),
        datetime(2013, 6, 20, 13, 0),
    )
    assert meeting.location == "Mødelokale 1"
    assert meeting.document_kind is DocumentKind.REFERAT
    assert [(p.name, p.affiliation, p.attendance) for p in meeting.participants] == [
        ("Eva Dahl", "A", Attendance.PRESENT),
        ("Ole Berg", "V", Attendance.ABSENT),
    ]
    # Items are ordered and numbered by their running number across the year.
    closed, plan = meeting.items
    assert (closed.number, closed.title, closed.closed) == ("715", "Salg af grund", True)
    assert [(a.name, a.reason, a.participant_id) for a in closed.absences] == [
        ("Eva Dahl", "Afbud", 1)
    ]
    assert (plan.number, plan.case_number, plan.closed) == ("716", "12/27845", False)
    assert plan.recommendation == "Direktøren indstiller, at planen drøftes."
    assert [s.heading for s in plan.sections] == ["Resumé"]
    assert plan.decision == "Godkendt."
    assert [(d.body, d.date, d.text) for d in plan.decision_history] == [
        ("Kulturudvalget", "10-04-2013", "Punktet genoptages."),
        ("Kulturudvalget", "20-06-2013", "Godkendt."),
    ]
    assert [(a.name, a.kind) for a in plan.absences] == [("Ole Berg", AbsenceKind.ABSENT)]
    assert plan.attachments == ["Notat om tidsplan"]


def test_acadre_agenda_repeating_earlier_decisions_has_no_decision_yet() -> None:
    [meeting] = acadre_xml.parse(acadre("Dagsorden", last_decision_date="08-05-2013"))
    plan = meeting.items[1]
    assert plan.decision == "" and plan.status is ItemStatus.PENDING
    assert [d.date for d in plan.decision_history] == ["10-04-2013", "08-05-2013"]
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert {p.attendance for p in meeting.participants} == {
        Attendance.UNKNOWN,
        Attendance.ABSENT,
    }


def test_acadre_meeting_index_without_items_is_refused() -> None:
    index = (
        b'<root><table name="agenda"><fields><field name="Referat"></field></fields></table>'
        b'<table name="agendaitem"/><field name="bulletname"/></root>'
    )
    with pytest.raises(InputError):
        acadre_xml.parse(index)


# --------------------------------------------------------------------------- eDoc

_NS = "http://www.fujitsu.dk/agenda/xml/schemas/2009/03/31/"


def _participant(name: str, party: str, role: str, participate: str) -> str:
    return (
        f"<edoc:MeetingParticipant><edoc:Name>{name}</edoc:Name>"
        f"<edoc:RoleInMeeting>{role}</edoc:RoleInMeeting>"
        f"<edoc:Participate>{participate}</edoc:Participate>"
        f"<edoc:PoliticalPartyList>{party}</edoc:PoliticalPartyList></edoc:MeetingParticipant>"
    )


def _presentation(title: str, html: str, decision: bool = False) -> str:
    return (
        f"<edoc:CasePresentation><edoc:Title>{title}</edoc:Title>"
        f"<edoc:Content><![CDATA[{html}]]></edoc:Content>"
        f"<edoc:IsDecision>{str(decision).lower()}</edoc:IsDecision></edoc:CasePresentation>"
    )


def _handling(placement: str, committee: str, date: str, decision: str) -> str:
    return (
        f"<edoc:Handling><edoc:Placement>{placement}</edoc:Placement>"
        f"<edoc:CommitteeName>{committee}</edoc:CommitteeName>"
        f"<edoc:MeetingDate>{date}</edoc:MeetingDate>"
        f"<edoc:Decision><![CDATA[{decision}]]></edoc:Decision></edoc:Handling>"
    )


def _element(sort: int, public: bool, title: str, case: str, plan: str, presentations: str) -> str:
    return (
        f"<edoc:AgendaElement><edoc:AccessIsPublic>{str(public).lower()}</edoc:AccessIsPublic>"
        f"<edoc:SortOrder>{sort}</edoc:SortOrder><edoc:Absences />"
        f"<edoc:HandlingItem><edoc:SerialNo>{sort}</edoc:SerialNo><edoc:Title>{title}</edoc:Title>"
        f"<edoc:CaseNumber>{case}</edoc:CaseNumber><edoc:HandlingPlan>{plan}</edoc:HandlingPlan>"
        f"<edoc:CasePresentations>{presentations}</edoc:CasePresentations>"
        "<edoc:Attachments><edoc:Attachment><edoc:Title>Kortbilag</edoc:Title></edoc:Attachment>"
        "</edoc:Attachments></edoc:HandlingItem></edoc:AgendaElement>"
    )


def edoc(*, decided: bool) -> bytes:
    own = (
        _presentation(
            "Beslutning", "Godkendt.<br />Lis Holm (V) deltog ikke i punktets behandling.", True
        )
        if decided
        else ""
    )
    elements = [
        _element(
            2,
            False,
            "Køb af ejendom",
            "2017-000120",
            _handling("This", "Økonomiudvalget", "02-05-2017 10:00", "Beslutning ikke frigivet"),
            _presentation("Sagsbeskrivelse", "Fortroligt."),
        ),
        _element(
            1,
            True,
            "Trafikplan",
            "2017-000101",
            _handling("Previous", "Teknikudvalget", "04-04-2017 15:00", "Anbefales.")
            + _handling("This", "Økonomiudvalget", "02-05-2017 10:00", "Beslutning ikke frigivet"),
            _presentation("Præsentation", "En ny plan.")
            + _presentation("Forvaltningen foreslår", "<ul><li>At planen godkendes.</li></ul>")
            + _presentation("Økonomi", "")
            + own,
        ),
    ]
    return f"""<Root xmlns:edoc="{_NS}">
  <edoc:OutputTypeEnumName>Agenda</edoc:OutputTypeEnumName>
  <edoc:Committee>
    <edoc:Name>Økonomiudvalget</edoc:Name>
    <edoc:Meeting>
      <edoc:MeetingDateTime>02-05-2017 10:00</edoc:MeetingDateTime>
      <edoc:EndDateTime>02-05-2017 11:30</edoc:EndDateTime>
      <edoc:MeetingLocation>Mødelokale 1, Rådhuset</edoc:MeetingLocation>
      <edoc:MeetingParticipants>
        {_participant("Allan  Berg", "A", "Formand", "true")}
        {_participant("Lis Holm", "V", "Medlem", "true")}
        {_participant("Niels Bro", "V", "Medlem", "false")}
      </edoc:MeetingParticipants>
      <edoc:MeetingParticipantExternals>
        <edoc:MeetingParticipantExternal><edoc:Name>Maja Sekretær</edoc:Name></edoc:MeetingParticipantExternal>
      </edoc:MeetingParticipantExternals>
      <edoc:Agenda><edoc:Type>{"Referat" if decided else "Dagsorden"}</edoc:Type>
        <edoc:AgendaElements>{"".join(elements)}</edoc:AgendaElements>
      </edoc:Agenda>
    </edoc:Meeting>
  </edoc:Committee>
</Root>""".encode()


def test_edoc_agenda() -> None:
    data = edoc(decided=False)
    assert edoc_xml.sniff(data) and not sbsys_xml.sniff(data)
    fmt, [meeting] = importers.parse(data)
    assert fmt == edoc_xml.FORMAT
    assert (meeting.body, meeting.location) == ("Økonomiudvalget", "Mødelokale 1, Rådhuset")
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2017, 5, 2, 10, 0),
        datetime(2017, 5, 2, 11, 30),
    )
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert [
        (p.name, p.affiliation, p.role, p.votes, p.attendance) for p in meeting.participants
    ] == [
        ("Allan Berg", "A", Role.FORMAND, True, Attendance.UNKNOWN),
        ("Lis Holm", "V", Role.MEDLEM, True, Attendance.UNKNOWN),
        ("Niels Bro", "V", Role.MEDLEM, True, Attendance.AFBUD),
        ("Maja Sekretær", "", Role.OBSERVATOER, False, Attendance.UNKNOWN),
    ]
    plan, closed = meeting.items
    assert (plan.number, plan.title, plan.case_number, plan.closed) == (
        "1",
        "Trafikplan",
        "2017-000101",
        False,
    )
    assert plan.recommendation == "• At planen godkendes."
    assert [(s.heading, s.text) for s in plan.sections] == [("Præsentation", "En ny plan.")]
    # The earlier committee's decision is history; "Beslutning ikke frigivet" is no decision.
    assert plan.decision == ""
    assert [(d.body, d.text) for d in plan.decision_history] == [("Teknikudvalget", "Anbefales.")]
    assert plan.attachments == ["Kortbilag"]
    assert (closed.number, closed.closed, closed.decision) == ("2", True, "")


def test_edoc_referat_decision_and_absence() -> None:
    [meeting] = edoc_xml.parse(edoc(decided=True))
    assert meeting.document_kind is DocumentKind.REFERAT
    plan = meeting.items[0]
    # The sentence about the absence stays in the decision text, as the referat writes it.
    assert plan.decision == "Godkendt.\nLis Holm (V) deltog ikke i punktets behandling."
    assert plan.status is ItemStatus.DECIDED
    assert [(d.body, d.text[:9]) for d in plan.decision_history] == [
        ("Teknikudvalget", "Anbefales"),
        ("", "Godkendt."),
    ]
    assert [(a.name, a.participant_id) for a in plan.absences] == [("Lis Holm", 2)]
    assert meeting.participants[0].attendance is Attendance.PRESENT
    assert meeting.participants[2].attendance is Attendance.AFBUD


def test_edoc_refuses_entities() -> None:
    data = edoc(decided=False).replace(b"<Root", b'<!DOCTYPE Root [<!ENTITY x "y">]>\n<Root', 1)
    with pytest.raises(InputError):
        edoc_xml.parse(data)


# --------------------------------------------------------------------------- eDoc publishing


def publishing(full_text: str, agenda_type: str = "Åben dagsorden") -> bytes:
    return f"""<?xml version="1.0"?>
<Meeting>
  <Committee>Sundhedsudvalget</Committee>
  <MeetingDate>04-12-2012 13:00:00</MeetingDate>
  <MeetingState>Referat endeligt godkendt</MeetingState>
  <MeetingAgendaTypes><MeetingAgendaType>
    <AgendaType>{agenda_type}</AgendaType>
    <MeetingAgendaItems><MeetingAgendaItem>
      <AgendaItemNumber>3</AgendaItemNumber>
      <Document documentid="1"><Title>Nyt tag på plejecentret</Title><Organisation />
        <Attachments><Attachment><Title>Tilbudsliste</Title><FullText>
        </FullText></Attachment></Attachments>
      </Document>
      <FullText>{escape(full_text)}</FullText>
    </MeetingAgendaItem></MeetingAgendaItems>
  </MeetingAgendaType></MeetingAgendaTypes>
</Meeting>""".encode()


GLUED = (
    "3.\tNyt tag på plejecentret"
    "Sagsnr.: 2012-100Dok.nr.: 2012-200"
    "SammendragTaget er utæt.Det skal skiftes i 2013."
    "BaggrundSynet viste skader. SagsfremstillingArbejdet udbydes i januar."
    "Bilag2012-300 - Tilbudsliste"
    "Beslutningen træffes afSundhedsudvalget"
    "IndstillingForvaltningen indstiller, atA) arbejdet godkendes."
    "Sundhedsudvalgets beslutning den 04.12.2012 Punkt 3"
    "Indstillingen godkendtFølgende deltog ikke i behandlingen af punktet: Bo Berg"
)


def test_edoc_publishing_glued_text_is_split_into_sections() -> None:
    data = publishing(GLUED)
    assert edoc_xml.sniff(data) and not sbsys_xml.sniff(data)
    fmt, [meeting] = importers.parse(data)
    assert fmt == edoc_xml.FORMAT
    assert (meeting.body, meeting.starts_at) == ("Sundhedsudvalget", datetime(2012, 12, 4, 13, 0))
    assert meeting.document_kind is DocumentKind.REFERAT
    [item] = meeting.items
    assert (item.number, item.title, item.case_number, item.closed) == (
        "3",
        "Nyt tag på plejecentret",
        "2012-100",
        False,
    )
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Sammendrag", "Taget er utæt.\nDet skal skiftes i 2013."),
        ("Baggrund", "Synet viste skader."),
        ("Sagsfremstilling", "Arbejdet udbydes i januar."),
    ]
    assert item.decision_authority == "Sundhedsudvalget"
    assert item.recommendation == "Forvaltningen indstiller, at\nA) arbejdet godkendes."
    assert item.decision == "Indstillingen godkendt"
    assert [(a.name, a.kind) for a in item.absences] == [("Bo Berg", AbsenceKind.ABSENT)]
    assert item.attachments == ["2012-300 - Tilbudsliste"]
    assert item.unplaced == ["Dok.nr.: 2012-200"]


def test_edoc_publishing_closed_agenda_and_no_decision() -> None:
    [meeting] = edoc_xml.parse(
        publishing("3.\tNyt tag på plejecentretSammendragTaget er utæt.", "Lukket dagsorden")
    )
    [item] = meeting.items
    assert item.closed and item.decision == ""
    assert item.attachments == ["Tilbudsliste"]
    assert [s.heading for s in item.sections] == ["Sammendrag"]
