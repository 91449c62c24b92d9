"""Layouts of other agenda systems and municipalities, as small invented texts in the same shape."""

from __future__ import annotations

from datetime import datetime

from meetingtui.importers import pdf, plaintext
from meetingtui.models import Attendance, DocumentKind, ItemStatus, Meeting, Role
from tests.docfixtures import make_pdf


def _parse(lines: list[str]) -> Meeting:
    (meeting,) = plaintext.parse("\n".join(lines).encode())
    return meeting


def test_case_number_above_the_heading_belongs_to_the_next_item() -> None:
    """SBSYS prints the KLE case number on the line above each numbered heading."""
    meeting = _parse(
        [
            "Referat til mødet i Udvalget for Natur og Vej den 9. marts 2021 kl. 16:00 i Rådhuset, lokale 3",
            "Åbne dagsordenspunkter",
            "00.01.00-A00-3-21",
            "201. Godkendelse af dagsorden",
            "Beslutning",
            "Godkendt.",
            "Fraværende: Lise Holm (V).",
            "05.01.02-P20-7-20",
            "202. Skiltning ved Fjordstien",
            "Forventet sagsgang",
            "NV",
            "Anledning",
            "Stiforeningen har søgt om tilladelse til nye skilte.",
            "Indstilling",
            "Direktøren indstiller, at skiltningen godkendes.",
            "Beslutning",
            "Godkendt.",
        ]
    )
    assert meeting.body == "Udvalget for Natur og Vej"
    assert meeting.starts_at == datetime(2021, 3, 9, 16, 0)
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("201", "Godkendelse af dagsorden", "00.01.00-A00-3-21"),
        ("202", "Skiltning ved Fjordstien", "05.01.02-P20-7-20"),
    ]
    first, second = meeting.items
    assert first.decision == "Godkendt."
    assert "05.01.02" not in first.decision
    assert [a.name for a in first.absences] == ["Lise Holm"]
    assert [s.heading for s in second.sections] == ["Forventet sagsgang", "Anledning"]
    assert second.recommendation.startswith("Direktøren indstiller")
    assert all("00.01.00" not in u for u in meeting.unplaced)


def test_labels_on_their_own_line_and_contents_without_page_numbers() -> None:
    meeting = _parse(
        [
            "UDVALG",
            "Udvalget for Kultur og Fritid",
            "MØDE",
            "Referat",
            "STED",
            "Rådhuset, mødelokale 1.12",
            "STARTTIDSPUNKT",
            "14-09-2022 15:00:00",
            "SLUTTIDSPUNKT",
            "14-09-2022 17:30:00",
            "PUNKTER",
            "71. Godkendelse af dagsorden",
            "72. Tilskud til spejderhytte",
            "73. Underskriftsark",
            "71. Godkendelse af dagsorden",
            "Godkendelse af dagsorden",
            "Sagsgang og sagstype",
            "Udvalget for Kultur og Fritid",
            "Beslutningssag",
            "Indstilling",
            "Administrationen indstiller, at dagsordenen godkendes.",
            "Beslutning i Udvalget for Kultur og Fritid den 14-09-2022",
            "Godkendt",
            "72. Tilskud til spejderhytte",
            "Tilskud til spejderhytte",
            "Sagsgang og sagstype",
            "Udvalget for Kultur og Fritid",
            "Beslutningssag",
            "Beskrivelse af sagen",
            "Spejdergruppen søger 40.000 kr. til nyt tag.",
            "Beslutning i Udvalget for Kultur og Fritid den 14-09-2022",
            "Bevilget.",
            "73. Underskriftsark",
            "Underskriftsark",
            "Beslutning i Udvalget for Kultur og Fritid den 14-09-2022",
            "Underskrevet.",
        ]
    )
    assert meeting.body == "Udvalget for Kultur og Fritid"
    assert meeting.location == "Rådhuset, mødelokale 1.12"
    assert meeting.starts_at == datetime(2022, 9, 14, 15, 0)
    assert meeting.ends_at == datetime(2022, 9, 14, 17, 30)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("71", "Godkendelse af dagsorden"),
        ("72", "Tilskud til spejderhytte"),
        ("73", "Underskriftsark"),
    ]
    second = meeting.items[1]
    assert [s.heading for s in second.sections] == ["Sagsgang og sagstype", "Beskrivelse af sagen"]
    assert second.decision == "Bevilget."
    assert not second.unplaced
    assert meeting.unplaced == []


def test_item_number_alone_and_decision_entries_per_committee() -> None:
    """ "Pkt. 12" on its own line, the title below; each decision headed "<udvalg>, <dato>, pkt. N"."""
    meeting = _parse(
        [
            "Referat",
            "Plan- og Miljøudvalget",
            "Dato: Onsdag den 6. marts 2019 kl. 17:00",
            "Sted: Mødelokale 2B",
            "Pkt. 12",
            "Lokalplan for Havnevej",
            "Sagsnr. 301122 Plan- og Miljøudvalget Åbent punkt",
            "Indstilling",
            "Forvaltningen indstiller, at forslaget sendes i høring.",
            "Plan- og Miljøudvalget, 06-02-2019, pkt. 4",
            "Udsat.",
            "Plan- og Miljøudvalget, 06-03-2019, pkt. 12",
            "Anbefales.",
            "Pkt. 13",
            "Salg af grund",
            "Sagsnr. 301200 Plan- og Miljøudvalget Lukket punkt",
            "Plan- og Miljøudvalget, 06-03-2019, pkt. 13",
            "Godkendt.",
        ]
    )
    first, second = meeting.items
    assert (first.number, first.title, first.case_number) == (
        "12",
        "Lokalplan for Havnevej",
        "301122",
    )
    assert first.decision == "Anbefales."
    assert [(e.body, e.date) for e in first.decision_history] == [
        ("Plan- og Miljøudvalget", "06-02-2019"),
        ("Plan- og Miljøudvalget", "06-03-2019"),
    ]
    assert first.status is ItemStatus.DECIDED and not first.closed
    assert (second.title, second.case_number, second.closed) == ("Salg af grund", "301200", True)


def test_number_glued_to_title_and_title_repeated_after_the_case_number() -> None:
    meeting = _parse(
        [
            "Referat",
            "Udvalg: Udvalget for social og sundhed",
            "Mødedato: 11-11-2019",
            "Mødested: M 2 - Rådhuset",
            "1.Orientering om hjemmeplejen (O)",
            "Sagsnummer: 19/7001",
            "Orientering om hjemmeplejen (O)",
            "Administrativ indstilling",
            "Chefen for Social og Sundhed indstiller, at orienteringen tages til efterretning.",
            "Beslutning Udvalget for social og sundhed den 11-11-2019",
            "Taget til efterretning.",
            "Retsregler og andre forskrifter",
            "Ingen.",
        ]
    )
    (item,) = meeting.items
    assert (item.number, item.title, item.case_number) == (
        "1",
        "Orientering om hjemmeplejen (O)",
        "19/7001",
    )
    assert item.recommendation.startswith("Chefen for Social og Sundhed")
    assert item.decision == "Taget til efterretning."
    assert [s.heading for s in item.sections] == ["Retsregler og andre forskrifter"]
    assert not item.unplaced


def test_item_after_a_short_line_ending_in_a_small_letter() -> None:
    """Short lines such as a link text or an attachment name do not make the next heading prose."""
    meeting = _parse(
        [
            "Byrådet - Referat",
            "Dato: 4. maj 2022",
            "Lokale: Byrådssalen",
            "Tidspunkt: Kl. 19:00",
            "1. Godkendelse af dagsorden",
            "Resume",
            "Dagsordenen forelægges.",
            "Beslutning",
            "Godkendt.",
            "Til toppen",
            "2. Salg af byggegrunde",
            "Resume",
            "Der er kommet bud på to grunde.",
            "Beslutning",
            "Godkendt.",
            "Bilag: Kortbilag over grundene",
            "3. Eventuelt",
            "Resume",
            "Intet.",
        ]
    )
    assert meeting.body == "Byrådet"
    assert meeting.location == "Byrådssalen"
    assert meeting.starts_at == datetime(2022, 5, 4, 19, 0)
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden",
        "Salg af byggegrunde",
        "Eventuelt",
    ]


def test_sag_nr_headings_and_body_after_fra_moede_i() -> None:
    meeting = _parse(
        [
            "Referat fra møde i Økonomiudvalget",
            "Tirsdag den 18. maj 2010 kl. 15.00 i Borgmesterens kontor",
            "Sag nr. 74 Orientering om likviditet",
            "Sagsnr.: 10/1234",
            "Beslutning i Økonomiudvalget den 18. maj 2010:",
            "Taget til efterretning.",
            "Sag nr. 75 Årsregnskab",
            "Sagsnr.: 10/2345",
            "Økonomiudvalgets beslutning i mødet den 18. maj 2010",
            "Anbefales.",
        ]
    )
    assert meeting.body == "Økonomiudvalget"
    assert meeting.location == "Borgmesterens kontor"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("74", "Orientering om likviditet"),
        ("75", "Årsregnskab"),
    ]
    assert meeting.items[1].decision_history[-1].body == "Økonomiudvalget"
    assert meeting.document_kind is DocumentKind.REFERAT


def test_substitute_is_not_absent_and_var_fravaerende_is() -> None:
    meeting = _parse(
        [
            "Referat",
            "Kultur- og Idrætsudvalget",
            "onsdag den 3. april 2019 kl. 18.00",
            "1. Meddelelser",
            "Sagsnr.: 19/100",
            "Beslutning:",
            "Taget til efterretning.",
            "Fraværende: Eva Lund (V) - Mona Kjær (V) mødte som stedfortræder.",
            "2. Eventuelt",
            "Sagsnr.: 19/101",
            "Beslutning:",
            "Intet.",
            "Mads Bech og Tine Salling var fraværende.",
        ]
    )
    first, second = meeting.items
    assert [a.name for a in first.absences] == ["Eva Lund"]
    assert [a.name for a in second.absences] == ["Mads Bech", "Tine Salling"]


def test_viewer_transcript_without_colons_and_with_footers_at_line_end() -> None:
    """A web viewer's transcript: one line per page, labels without colons, "Side N af M" last."""
    pages = [
        "Referat fra møde i Teknisk Udvalg Onsdag den 8. juni 2011 kl. 15.00 i Mødelokale 4"
        " Mødedeltagere: Anne Holm (A) Bo Krag (V) Side 1 af 4",
        "Indhold Sag nr. 31 Vejbelysning Sag nr. 32 Vintertjeneste Side 2 af 4",
        "Sag nr. 31 Vejbelysning Sagsnr.: 11/501 Sagsfremstilling Forvaltningen har undersøgt"
        " udskiftning af 400 armaturer til LED i de nordlige bydele. Indstilling Forvaltningen"
        " indstiller, at udskiftningen igangsættes. Beslutning i Teknisk Udvalg den 8. juni 2011:"
        " Godkendt. Side 3 af 4",
        "Sag nr. 32 Vintertjeneste Sagsnr.: 11/502 Sagsfremstilling Regulativet for"
        " vintertjeneste skal fornyes inden november. Indstilling Forvaltningen indstiller, at"
        " regulativet sendes i høring. Beslutning i Teknisk Udvalg den 8. juni 2011: Anbefales."
        " Bo Krag (V) stemte imod. Side 4 af 4",
    ]
    text = "Transkript\n\n" + "\n\n".join(f"{n} {page}" for n, page in enumerate(pages, 1))
    (meeting,) = plaintext.parse(text.encode())
    assert meeting.body == "Teknisk Udvalg"
    assert [p.name for p in meeting.participants] == ["Anne Holm", "Bo Krag"]
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("31", "Vejbelysning", "11/501"),
        ("32", "Vintertjeneste", "11/502"),
    ]
    first, second = meeting.items
    assert [s.heading for s in first.sections] == ["Sagsfremstilling"]
    assert first.recommendation == "Forvaltningen indstiller, at udskiftningen igangsættes."
    assert first.decision == "Godkendt."
    assert second.decision == "Anbefales. Bo Krag (V) stemte imod."
    assert not first.unplaced and not second.unplaced


def test_flattened_header_with_inline_labels() -> None:
    meeting = _parse(
        [
            "ÅBEN DAGSORDEN ØKONOMIUDVALG Mødedato: 12. august 2014 Mødested: Gl. Rådhus,"
            " Byrådssalen Mødetidspunkt: 16:00 Mødet hævet: Deltagere: Peder Kirk, Anna Vest,"
            " Bo Dahl Fraværende:",
            "1. Budgetstatus 2015",
            "Sagsnr.: 14/3021",
            "Indstilling: Direktionen indstiller, at budgetoplægget godkendes.",
        ]
    )
    assert meeting.body == "ØKONOMIUDVALG"
    assert meeting.starts_at == datetime(2014, 8, 12, 16, 0)
    assert meeting.location == "Gl. Rådhus, Byrådssalen"
    assert [p.name for p in meeting.participants] == ["Peder Kirk", "Anna Vest", "Bo Dahl"]
    assert meeting.document_kind is DocumentKind.DAGSORDEN


def test_dissent_asked_for_with_oenskede_foelgende() -> None:
    meeting = _parse(
        [
            "Referat",
            "Social- og Sundhedsudvalget",
            "tirsdag den 14. november 2023 kl. 16.00",
            "1. Kvalitetsstandard for hjemmehjælp",
            "Sagsnr.: 23/9876",
            "Beslutning:",
            "Godkendt med stemmerne 4 for og 1 imod.",
            "Jonas Ravn (O) ønskede følgende protokolbemærkning: ”Standarden er for ringe.”",
        ]
    )
    (dissent,) = meeting.items[0].dissents
    assert (dissent.who, dissent.text) == ("Jonas Ravn (O)", "Standarden er for ringe.")


def test_pdf_bold_face_named_bold_but_reporting_weight_400() -> None:
    """Items confirmed only by their bold heading, in a PDF whose bold subset says weight 400."""
    data = make_pdf(
        [
            [
                "Referat",
                "Kulturudvalget",
                "torsdag den 2. februar 2023 kl. 17.00",
                "**1. Meddelelser",
                "Formanden orienterede om biblioteksloven.",
                "**2. Eventuelt",
                "Ingen bemærkninger.",
            ]
        ],
        subset_bold=True,
    )
    (meeting,) = pdf.parse(data)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Meddelelser"),
        ("2", "Eventuelt"),
    ]


def test_header_people_wrapped_in_a_table_cell_and_a_substitute_line() -> None:
    meeting = _parse(
        [
            "Dagsorden",
            "Kommunalbestyrelsen",
            "Kommunalbestyrelsen - Dagsorden",
            "Mødedato: 14. november 2023",
            "Mødetidspunkt: 16:00 - 18:15",
            "Deltagere: Karen Lund (A), Per Holm (V), Sofie",
            "Bak (F), Jonas Ravn (O), Mette Krog",
            "(C)",
            "Afbud: Jonas Ravn (O)",
            "Stedfortræder: Lone Vig (O)",
            "Byrådssalen, Torvet 1",
            "1. Godkendelse af dagsorden",
            "Sagsnr.: 23/14001",
            "Indstilling: Dagsordenen godkendes.",
        ]
    )
    people = {p.name: p for p in meeting.participants}
    assert list(people) == [
        "Karen Lund",
        "Per Holm",
        "Sofie Bak",
        "Jonas Ravn",
        "Mette Krog",
        "Lone Vig",
    ]
    assert people["Jonas Ravn"].attendance is Attendance.AFBUD
    assert people["Lone Vig"].attendance is Attendance.PRESENT
    assert people["Lone Vig"].role is Role.STEDFORTRAEDER
    assert people["Mette Krog"].affiliation == "C"
    assert meeting.location == "Byrådssalen, Torvet 1"
    assert meeting.ends_at is not None and meeting.ends_at.hour == 18


def test_title_above_a_bare_sag_nr_line_and_committee_entries_with_word_dates() -> None:
    """Rødovre-like: title, then "Sag nr. N", decisions of earlier committees dated in words."""
    meeting = _parse(
        [
            "Kommunalbestyrelsen",
            "24-09-2019",
            "Medlemmer",
            "Formand Eva Holm (A)",
            "Karl Bo (C)",
            "Jens Dahl (A)",
            "Rita Berg (A), Suppleant for Jens Dahl (A)",
            "Fraværende",
            "Jens Dahl (A), sag 129-130",
            "Sager 129 - 130",
            "Spørgetid",
            "Sag nr. 129",
            "Beslutningskompetence: KB",
            "Beslutning",
            "Taget til efterretning.",
            "Lokalplan 145 - endelig vedtagelse",
            "Sag nr. 130",
            "Beslutningskompetence: KB",
            "Sagens kerne",
            "Lokalplanen har været i høring.",
            "Teknik- og Miljøudvalget, 10. september 2019, pkt. 65:",
            "Anbefales.",
            "Økonomiudvalget, 18. september 2019, pkt. 153:",
            "Indstilles godkendt.",
            "Beslutning",
            "Godkendt.",
        ]
    )
    assert meeting.body == "Kommunalbestyrelsen"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("129", "Spørgetid"),
        ("130", "Lokalplan 145 - endelig vedtagelse"),
    ]
    second = meeting.items[1]
    assert second.decision == "Godkendt."
    assert [(e.body, e.date) for e in second.decision_history[:2]] == [
        ("Teknik- og Miljøudvalget", "10. september 2019"),
        ("Økonomiudvalget", "18. september 2019"),
    ]
    assert [s.heading for s in second.sections] == ["Sagens kerne"]
    people = {p.name: p for p in meeting.participants}
    assert people["Eva Holm"].role is Role.FORMAND
    assert people["Jens Dahl"].attendance is Attendance.ABSENT
    assert people["Rita Berg"].role is Role.STEDFORTRAEDER
    assert people["Rita Berg"].substitute_for == people["Jens Dahl"].id
    assert "Spørgetid" not in meeting.items[0].decision


def test_labelled_place_wins_and_sentences_about_items_are_not_items() -> None:
    meeting = _parse(
        [
            "Referat - Byrådet den 28. oktober 2014",
            "Mødefakta",
            "Mødetidspunkt: Kl. 18:00",
            "Mødested: Byrådssalen",
            "Fraværende med afbud",
            "  • Bente Holm (A)",
            "Bemærkninger",
            "1. Godkendelse af dagsorden",
            "Beslutning i Byrådet den 28-10-2014",
            "Godkendt.",
            "Sag 3 udgår.",
            "2. Eventuelt",
            "Beslutning i Byrådet den 28-10-2014",
            "Intet.",
        ]
    )
    assert meeting.location == "Byrådssalen"
    assert meeting.starts_at == datetime(2014, 10, 28, 18, 0)
    assert [(p.name, p.attendance) for p in meeting.participants] == [
        ("Bente Holm", Attendance.AFBUD)
    ]
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Eventuelt"]
    assert "Mødefakta" in meeting.unplaced
