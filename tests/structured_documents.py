"""Structured agenda-system documents built in code: FirstAgenda Publication JSON and SBSYS
Publication XML, shaped as those systems write them. Shared by the importer and archive tests.

No tests live here.
"""

from __future__ import annotations

from html import escape
from typing import Any


def firstagenda_field(decision: str | None, sections: dict[str, str]) -> dict[str, Any]:
    html = "<div><div id='sagsfremstillingContainer'>"
    if decision is not None:
        html += f"<div><h3>Beslutning</h3><span>{decision}</span></div>"
    html += "<h3>Fremstilling</h3><span class='ukendt'>"
    html += "".join(f"<h4>{h}</h4><p>{t}</p>" for h, t in sections.items())
    html += "</span></div></div>"
    return {"Navn": "", "Html": html}


def firstagenda(items: list[dict[str, Any]], **moede: Any) -> dict[str, Any]:
    return {
        "Udvalg": {"Navn": "Teknik- og Miljøudvalget"},
        "Moede": {
            "Dato": "2024-03-05T16:30:00+01:00",
            "Sted": "Mødelokale 2",
            "Moededeltagere": [
                {"Name": "Anne Holm (A)", "Absent": False, "ParticipationCancelled": False},
                {"Name": "Bo Berg (V)", "Absent": False, "ParticipationCancelled": False},
                {"Name": "Carl Dam (Ø)", "Absent": False, "ParticipationCancelled": True},
                {"Name": "Dorte Eg (F)", "Absent": False, "ParticipationCancelled": False},
            ],
            **moede,
        },
        "Dagsordenpunkter": items,
    }


def item(number: int, caption: str, case: str, field: dict[str, Any], **extra: Any) -> dict:
    return {
        "Number": str(number),
        "Sorting": number,
        "Caption": caption,
        "CaseNumber": case,
        "IsOpen": False,  # always false in real exports
        "Felter": [field],
        "Bilag": [],
        "ExternalAgendaItemAttendees": [],
        **extra,
    }


def firstagenda_referat() -> dict[str, Any]:
    return firstagenda(
        [
            item(
                1,
                "Godkendelse af dagsorden",
                "24-000101",
                firstagenda_field(
                    "<p>Godkendt.</p><p>Fraværende: Dorte Eg</p>", {"Resume": "Dagsorden."}
                ),
                ExternalAgendaItemAttendees=[
                    {"Name": "Dorte Eg", "AttendanceType": 2, "Reason": "Fraværende"}
                ],
            ),
            item(
                2,
                "Lokalplan 1204 for Trige Syd",
                "24-000777",
                firstagenda_field(
                    "<p>Med stemmerne 2 for og 1 imod godkendte udvalget indstillingen.</p>"
                    "<p>For stemte (A) og (V).</p><p>Imod stemte (F).</p>"
                    "<p>Dorte Eg (F) stemte imod med følgende mindretalsudtalelse: "
                    "”Planen tager for meget natur.”</p>",
                    {
                        "Sagsprocedure": "Teknik- og Miljøudvalget",
                        "Resume": "Forslag til lokalplan.",
                        "Indstilling": "Administrationen indstiller, at planen vedtages.",
                        "Sagsbeskrivelse": "Planen giver 300 boliger.",
                    },
                ),
                Bilag=[{"Navn": "Kort over området"}, {"Navn": "Høringssvar"}],
            ),
            item(
                3,
                "Lukket: Salg af grund",
                "24-000999",
                {
                    "Navn": "",
                    "Html": "<div><p>Et flertal (A+V) godkender salget.</p>"
                    "<p>1 medlem (F) tager forbehold.</p></div>",
                },
                ExternalAgendaItemAttendees=[
                    {"Name": "Bo Berg", "AttendanceType": 2, "Reason": "Inhabil"}
                ],
            ),
            item(
                4,
                "Underskriftsark",
                "24-000100",
                firstagenda_field(None, {"Resume": "Underskrift."}),
            ),
        ]
    )


def sbsys_field(caption: str, html: str, *, feedback: bool = False, index: int = 1) -> str:
    content = f"<![CDATA[{html}]]>" if html else ""
    return (
        f"<ItemField><Caption>{escape(caption)}</Caption><Index>{index}</Index>"
        f"<IsFeedback>{feedback}</IsFeedback><Content>{content}</Content></ItemField>"
    )


def sbsys_publication(*, decisions: bool = True, ns: str = "", extra_item: str = "") -> bytes:
    decision_1 = "<p>Godkendt.</p><p>Fraværende: Hanne Bahnsen</p>" if decisions else ""
    decision_2 = (
        "<p>Et flertal (A+V) anbefaler indstillingen.</p><p>Kåre Olesen (V) erklærede sig inhabil.</p>"
        if decisions
        else ""
    )
    xmlns = f' xmlns="{ns}"' if ns else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Publication{xmlns}>
  <Agendas><Agenda ID="7">
    <Items>
      <Item ID="1">
        <Number>1</Number>
        <Caption>Meddelelser</Caption>
        <IsPublic>True</IsPublic>
        <Case><Number>13/2211</Number></Case>
        <Fields>
          {sbsys_field("Beslutning", decision_1, feedback=True, index=2)}
          {sbsys_field("Sagsfremstilling", "<p>Orientering om it&#x1;-status.</p>", index=1)}
        </Fields>
      </Item>
      <Item ID="2">
        <Caption>Salg af ejendom</Caption>
        <Number>2</Number>
        <IsPublic>False</IsPublic>
        <Case><NumberAndTitle>13/4455 - Salg</NumberAndTitle></Case>
        <Fields>
          {sbsys_field("Indstilling", "<ol style='list-style-type: upper-alpha'><li>salget godkendes</li></ol>", index=1)}
          {sbsys_field("Beslutningen træffes af", "<p>Kommunalbestyrelsen</p>", index=2)}
          {sbsys_field("Beslutning i Økonomiudvalget den 02-05-2013", decision_2, feedback=True, index=3)}
          {sbsys_field("Beslutning i Kommunalbestyrelsen den 27-05-2013", "<p>Godkendt.</p>" if decisions else "", feedback=True, index=4)}
        </Fields>
        <Enclosures><Enclosure><Name>Vurdering</Name></Enclosure></Enclosures>
      </Item>
      {extra_item}
    </Items>
    <Committee><Name>KMB IT-udvalget</Name></Committee>
    <Meeting>
      <Where>Lokale 3</Where>
      <When>15-05-2013 16:30:00</When>
      <Until>15-05-2013 18:00:00</Until>
      <Members>
        <MeetingMember><Name>Doris Børger (A)</Name><ParticipationStatusAsText>Participating</ParticipationStatusAsText></MeetingMember>
        <MeetingMember><Name>Hanne Bahnsen</Name><ParticipationStatusAsText>NotDecided</ParticipationStatusAsText></MeetingMember>
        <MeetingMember><Name>Kåre Olesen (V)</Name><ParticipationStatusAsText>Participating</ParticipationStatusAsText></MeetingMember>
        <MeetingMember><Name>Ulrik Falk (F)</Name><ParticipationStatusAsText>NotParticipating</ParticipationStatusAsText><ParticipationNote>Afbud</ParticipationNote></MeetingMember>
      </Members>
    </Meeting>
    <Name>KMB IT-udvalget</Name>
  </Agenda></Agendas>
</Publication>""".encode()
