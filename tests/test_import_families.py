"""Layout families the importer must read whatever system wrote them: case-number labels,
closed markers, the deciding body, decision headings, roles in parentheses, indstillinger.

Each family is written in several wordings and, where the format changes the evidence (bold,
table cells, headings), in several formats. Built in code; no sample documents."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from meetingtui import importers
from meetingtui.models import Meeting, Role
from tests.docfixtures import make_pdf

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30"]


def _text(lines: list[str]) -> Meeting:
    _fmt, [meeting] = importers.parse("\n".join(lines).encode(), source="family.txt")
    return meeting


def _pdf(lines: list[str]) -> Meeting:
    _fmt, [meeting] = importers.parse(make_pdf([lines]), source="family.pdf")
    return meeting


def _docx(build: object) -> Meeting:
    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    build(document)  # type: ignore[operator]
    out = io.BytesIO()
    document.save(out)
    _fmt, [meeting] = importers.parse(out.getvalue(), source="family.docx")
    return meeting


# --- case numbers ----------------------------------------------------------------------------

CASE_LINES = [
    ["Sagsnr.: 24/1001"],
    ["Sagsnr. 24/1001"],
    ["Sagsnr. i ESDH: 24/1001"],
    ["Sags nr.: 24/1001"],
    ["Sagsnummer: 24/1001"],
    ["J.nr.: 24/1001"],
    ["Journalnr. 24/1001"],
    ["SAGSNR.: 24/1001"],
    ["Sagsnr.:", "24/1001"],
    ["Sagsnummer", "24/1001"],
    ["Sagsnr. i ESDH:", "24/1001"],
    ["Dok.nr.: 24/5555", "Sagsnr.: 24/1001"],
    ["Sagsnr.: 24/1001 Dok.nr.: 24/5555"],
    ["Sagsnr.: 24/1001", "Dok.nr.: 24/5555"],
    ["Dok.nr.: 24/5555 Sagsnr.: 24/1001"],
    ["Dok.nr. 24/5555   Sagsnr. i ESDH 24/1001"],
    ["Akt-id: 555 J.nr.: 24/1001"],
    ["Sag nr. 24/1001"],
    ["Sag nr.: 24/1001"],
    ["Sagsnr. i ESDH-systemet: 24/1001"],
    ["Sagsnr. 24/1001, dok.nr. 24/5555"],
    ["Sagsnr.: 24/1001; Dok.nr.: 24/5555"],
    ["Sagsnr.:24/1001"],
    ["Journalnummer: 24/1001"],
    ["Sags-ID: 24/1001"],
    ["Jnr.: 24/1001"],
    ["Dokumentnummer: 24/5555", "Sagsnummer: 24/1001"],
]


@pytest.mark.parametrize("lines", CASE_LINES, ids=[" / ".join(c) for c in CASE_LINES])
def test_case_number_labels_and_values_on_the_next_line(lines: list[str]) -> None:
    meeting = _text([*HEADER, "1. Budgetopfølgning", *lines, "Beslutning:", "Godkendt."])
    [item] = meeting.items
    assert (item.title, item.case_number, item.decision) == (
        "Budgetopfølgning",
        "24/1001",
        "Godkendt.",
    )


def test_a_document_number_alone_is_no_case_number() -> None:
    meeting = _text(
        [*HEADER, "1. Budgetopfølgning", "Dok.nr.: 24/5555", "Beslutning:", "Godkendt."]
    )
    [item] = meeting.items
    assert item.case_number == ""
    assert item.unplaced == ["Dok.nr.: 24/5555"]


@pytest.mark.parametrize("label", ["Sagsnr.", "Sagsnr.:", "Sagsnummer", "J.nr."])
def test_case_number_in_the_table_cell_beside_its_label(label: str) -> None:
    def build(document: docx.document.Document) -> None:
        document.add_heading("1. Budgetopfølgning", level=1)
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text = label
        table.rows[0].cells[1].text = "24/1001"
        table.rows[1].cells[0].text = "Dok.nr."
        table.rows[1].cells[1].text = "24/5555"
        document.add_heading("Beslutning", level=2)
        document.add_paragraph("Godkendt.")

    [item] = _docx(build).items
    assert (item.case_number, item.decision) == ("24/1001", "Godkendt.")


@pytest.mark.parametrize(
    "rows",
    [
        [["Dok.nr.", "24/5555", "Sagsnr. i ESDH", "24/1001"]],
        [["Sagsnr.", "Dok.nr."], ["24/1001", "24/5555"]],
        [["Dokumentnr.", "Sagsnummer", "Ansvarlig"], ["24/5555", "24/1001", "Jens Hansen"]],
    ],
    ids=["pairs-in-a-row", "label-row", "label-row-three"],
)
def test_a_document_number_beside_the_case_number_in_a_word_table(rows: list[list[str]]) -> None:
    def build(document: docx.document.Document) -> None:
        document.add_heading("1. Budgetopfølgning", level=1)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
        document.add_heading("Beslutning", level=2)
        document.add_paragraph("Godkendt.")

    [item] = _docx(build).items
    assert (item.case_number, item.decision) == ("24/1001", "Godkendt.")
    assert any("24/5555" in line for line in item.unplaced)  # kept, never the case number


def test_case_number_in_a_web_page_table() -> None:
    from tests.formats import Item, Part, Spec, as_firstagenda_json

    spec = Spec(items=[Item("1", "Budgetopfølgning", "", [Part("Beslutning", ["Godkendt."])])])
    data = as_firstagenda_json(spec).replace(
        b"<div><h3>", b"<table><tr><td>Sagsnr.:</td><td>24/1001</td></tr></table><div><h3>", 1
    )
    _fmt, [meeting] = importers.parse(data)
    assert meeting.items[0].case_number == "24/1001"


# --- closed items ----------------------------------------------------------------------------

CLOSED_HEADINGS = [
    ["3. Salg af grund (FOR LUKKEDE DØRE)"],
    ["3. Salg af grund - FOR LUKKEDE DØRE"],
    ["3. Lukket punkt: Salg af grund"],
    ["3. Lukket sag: Salg af grund"],
    ["3. Lukket sag - Salg af grund"],
    ["3. Lukket sag/punkt: Salg af grund"],
    ["3. Fortrolig: Salg af grund"],
    ["3. Salg af grund (Fortrolig)"],
    ["3. Ikke offentlig: Salg af grund"],
    ["3. Salg af grund (Ikke offentligt punkt)"],
    ["3. Salg af grund, lukket punkt"],
    ["3. Ikke-offentligt punkt: Salg af grund"],
    ["3. Fortroligt punkt - Salg af grund"],
    ["3. Salg af grund (Lukket punkt jf. kommunestyrelseslovens § 10)"],
    ["3. Salg af grund (Undtaget aktindsigt)"],
    ["3. Salg af grund (undtaget fra offentlighed)"],
    ["3. Evt. lukket punkt: Salg af grund"],
    ["3. Salg af grund (eventuelt lukket)"],
    ["3. Salg af grund LUKKET"],
    ["3. Salg af grund", "(FOR LUKKEDE DØRE)"],
    ["3. Salg af grund", "Lukket punkt"],
    ["3. Salg af grund", "Fortrolig"],
    ["3. Salg af grund", "Ikke offentlig"],
    ["3. Salg af grund", "Sagen behandles for lukkede døre."],
    ["3. Salg af grund", "Sagen er undtaget fra aktindsigt."],
    ["Lukket dagsorden", "3. Salg af grund"],
    ["LUKKET REFERAT", "3. Salg af grund"],
    ["Lukkede punkter:", "3. Salg af grund"],
    ["3. Salg af grund - lukket jf. § 10"],
    ["3. Salg af grund, lukket punkt, jf. styrelseslovens § 10"],
    ["3. Salg af grund (Åben/lukket)"],
    ["3. Salg af grund (muligvis lukket)"],
    ["3. Salg af grund (Punktet forventes behandlet for lukkede døre)"],
    ["3. Salg af grund", "Ikke offentlig sag"],
    ["3. Salg af grund", "Lukket punkt, jf. styrelseslovens § 10"],
    ["3. Salg af grund", "Lukket punkt - behandles for lukkede døre"],
    ["3. Salg af grund", "Status: Lukket"],
    ["3. Salg af grund", "Åben/lukket: Lukket punkt"],
    ["3. Salg af grund", "Offentlighed: Lukket"],
    ["3. Salg af grund", "Aktindsigt: Nej"],
    ["3. Salg af grund", "Sagen behandles i lukket møde."],
    ["3. Salg af grund", "Forventes behandlet som lukket punkt"],
    ["Lukket del af mødet", "3. Salg af grund"],
    ["Punkter til lukket behandling", "3. Salg af grund"],
    ["Sager til lukket behandling", "3. Salg af grund"],
    ["Dagsorden - lukket", "3. Salg af grund"],
    ["Referat - lukket del", "3. Salg af grund"],
    # the forms read in public referats since: the marker with its reason, "ej", "til
    # offentliggørelse", "for offentligheden"
    ["3. Salg af grund", "Ej offentlig"],
    ["3. Ej offentlig: Salg af grund"],
    ["3. Salg af grund", "Ikke til offentliggørelse"],
    ["3. Salg af grund (Ikke til offentliggørelse)"],
    ["3. Salg af grund", "Punktet er lukket for offentligheden."],
    ["3. Salg af grund", "Sagen behandles for lukkede døre, jf. styrelseslovens § 10."],
    ["3. Salg af grund", "Sagen behandles for lukkede døre (ejendomshandel)."],
    ["3. Salg af grund", "Fortroligt - undtaget fra offentlighed jf. offentlighedslovens § 21"],
    ["3. Salg af grund", "Lukket - personsag"],
]


@pytest.mark.parametrize("lines", CLOSED_HEADINGS, ids=[" / ".join(c) for c in CLOSED_HEADINGS])
def test_closed_markers_in_or_right_under_the_heading(lines: list[str]) -> None:
    body = [
        *HEADER, "1. Godkendelse af dagsorden", "Sagsnr.: 24/1", "Beslutning:", "Godkendt.",
        "2. Budget", "Sagsnr.: 24/2", "Beslutning:", "Godkendt.",
        *lines, "Sagsnr.: 24/3", "Beslutning:", "Godkendt.",
    ]  # fmt: skip
    for meeting in (_text(body), _pdf(body)):
        assert [(i.title, i.closed) for i in meeting.items] == [
            ("Godkendelse af dagsorden", False),
            ("Budget", False),
            ("Salg af grund", True),
        ]
        assert all("lukke" not in u.lower() for u in meeting.unplaced)


# A closed statement among the item's fields after its case number, or as a paragraph of its
# text with a reason after it: the item is closed, whatever follows the statement.
CLOSED_BELOW = [
    ["Sagsnr.: 24/3", "Sagen behandles for lukkede døre, jf. styrelseslovens § 10."],
    ["Sagsnr.: 24/3", "Fortroligt - undtaget fra offentlighed jf. offentlighedslovens § 21"],
    ["Sagsnr.: 24/3", "Ej offentlig"],
    ["Sagsnr.: 24/3", "Ikke til offentliggørelse"],
    ["Sagsnr.: 24/3", "Punktet er lukket for offentligheden."],
    ["Sagsnr.: 24/3", "Sagsfremstilling",
     "Sagen behandles for lukkede døre, da den indeholder oplysninger om en medarbejder."],
    ["Sagsnr.: 24/3", "Sagsfremstilling", "Punktet er fortroligt, jf. forvaltningslovens § 27."],
]  # fmt: skip


@pytest.mark.parametrize("lines", CLOSED_BELOW, ids=[" / ".join(c) for c in CLOSED_BELOW])
def test_a_closed_statement_with_its_reason_below_the_case_number(lines: list[str]) -> None:
    body = [*HEADER, "1. Godkendelse af dagsorden", "Sagsnr.: 24/1", "Beslutning:", "Godkendt.",
            "2. Salg af grund", *lines, "Beslutning:", "Godkendt."]  # fmt: skip

    def build(document: docx.document.Document) -> None:
        for line in body[len(HEADER) :]:
            document.add_paragraph().add_run(line).bold = line.startswith(("Sagsfr", "Beslut"))

    for meeting in (_text(body), _pdf(body), _docx(build)):
        assert [(i.title, i.closed, i.case_number) for i in meeting.items] == [
            ("Godkendelse af dagsorden", False, "24/1"),
            ("Salg af grund", True, "24/3"),
        ]


def test_a_running_header_saying_lukket_referat_closes_every_item() -> None:
    pages = [
        ["Lukket referat", *HEADER, "1. Salg af grund", "Sagsnr.: 24/3", "Beslutning:", "Godkendt.",
         "Side 1 af 3"],
        ["Lukket referat", "2. Personalesag", "Sagsnr.: 24/4", "Beslutning:", "Godkendt.",
         "Side 2 af 3"],
        ["Lukket referat", "3. Klagesag", "Sagsnr.: 24/5", "Beslutning:", "Godkendt.",
         "Side 3 af 3"],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages))
    assert [i.closed for i in meeting.items] == [True, True, True]


@pytest.mark.parametrize(
    "part", ["Lukkede punkter", "Dagsorden (lukket)", "Referat - lukket del",
             "Lukket del af mødet", "Punkter til lukket behandling"],
)  # fmt: skip
def test_a_closed_part_between_the_contents_and_the_items(part: str) -> None:
    """The part heading stands after the contents, where the header's rules read what is
    left: a document-kind word in it ("Dagsorden (lukket)") must still close the items."""
    lines = [
        *HEADER, "Indholdsfortegnelse", "1. Salg af grund 2", "2. Personalesag 3", part,
        "1. Salg af grund", "Sagsnr.: 24/1", "Beslutning", "Godkendt.",
        "2. Personalesag", "Sagsnr.: 24/2", "Beslutning", "Godkendt.",
    ]  # fmt: skip

    def build(document: docx.document.Document) -> None:
        for line in lines[len(HEADER) :]:
            document.add_paragraph().add_run(line).bold = line in (part, "Beslutning")

    for meeting in (_text(lines), _pdf(lines), _docx(build)):
        assert [(i.title, i.closed) for i in meeting.items] == [
            ("Salg af grund", True),
            ("Personalesag", True),
        ]


def test_open_fields_under_the_heading_keep_the_item_open() -> None:
    for field in ("Status: Åben", "Åben/lukket: Åben", "Adgang: Åbent punkt"):
        meeting = _text([*HEADER, "1. Vejplan", field, "Sagsnr.: 24/1", "Beslutning:", "Godkendt."])
        [item] = meeting.items
        assert (item.title, item.closed, item.case_number) == ("Vejplan", False, "24/1"), field


def test_open_markers_keep_an_item_open_and_leave_the_title() -> None:
    meeting = _text([*HEADER, "1. Vejplan (Åben)", "Sagsnr.: 24/1", "Åbent punkt", "Beslutning:",
                     "Godkendt."])  # fmt: skip
    [item] = meeting.items
    assert (item.title, item.closed, item.decision) == ("Vejplan", False, "Godkendt.")


def test_open_and_closed_markers_together_are_closed() -> None:
    meeting = _text([*HEADER, "1. Vejplan (Åben)", "Lukket punkt", "Beslutning:", "Godkendt."])
    assert meeting.items[0].closed


# --- the deciding body -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        (["Åbent referat", "12. marts 2024 kl. 16.30", "1. Budget", "Beslutning i Teknik- og "
          "Miljøudvalget den 12. marts 2024", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Referat", "12.03.2024", "1. Budget", "Teknik- og Miljøudvalgets beslutning den "
          "12.03.2024", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Referat", "12.03.2024", "1. Budget", "Teknik- og Miljøudvalget's beslutning den "
          "12.03.2024 Punkt 1", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Teknik- og Miljøudvalgets møde", "tirsdag den 12. marts 2024 kl. 16.30", "1. Budget",
          "Beslutning", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Udvalget for Kultur og Fritids møde", "tirsdag den 12. marts 2024 kl. 16.30",
          "1. Budget", "Beslutning", "Godkendt."], "Udvalget for Kultur og Fritid"),
        (["Referat fra Teknik- og Miljøudvalgets møde den 12. marts 2024", "1. Budget",
          "Beslutning", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Åbent referat", "12. marts 2024", "1. Budget", "Beslutningskompetence: Teknik- og "
          "Miljøudvalget", "Beslutning", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Udskrift af beslutningsprotokol", "Teknik- og Miljøudvalget", "12. marts 2024",
          "1. Budget", "Beslutning", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Uddrag af referat fra Teknik- og Miljøudvalget 12. marts 2024", "1. Budget",
          "Beslutning", "Godkendt."], "Teknik- og Miljøudvalget"),
        (["Referat", "Teknik- og Miljøudvalget", "Møde den 12.03.2024", "1. Budget", "Beslutning",
          "Godkendt."], "Teknik- og Miljøudvalget"),
    ],
)  # fmt: skip
def test_the_body_from_decision_headings_and_cover_lines(lines: list[str], body: str) -> None:
    assert _text(lines).body == body


def test_a_running_header_word_is_never_the_body() -> None:
    pages = [
        ["Åbent referat", "Side 1", "Kultur- og Fritidsudvalget", "12. marts 2024 kl. 16.30",
         "1. Budget", "Beslutning", "Godkendt."],
        ["Åbent referat", "Side 2", "2. Eventuelt", "Beslutning", "Intet."],
        ["Åbent referat", "Side 3", "3. Meddelelser", "Beslutning", "Ingen."],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages))
    assert meeting.body == "Kultur- og Fritidsudvalget"


# --- decision headings with text after the date ----------------------------------------------


@pytest.mark.parametrize(
    ("heading", "date"),
    [
        ("Beslutning i Økonomiudvalget den 12.03.2024 Punkt 2", "12.03.2024"),
        ("Beslutning i Økonomiudvalget den 12-03-2024, pkt. 2", "12-03-2024"),
        ("Økonomiudvalgets beslutning den 12. marts 2024 kl. 16.30", "12. marts 2024"),
        ("Økonomiudvalget's beslutning den 12.03.2024 Punkt 2:", "12.03.2024"),
        ("BESLUTNING I ØKONOMIUDVALGET DEN 12.03.2024", "12.03.2024"),
        ("Beslutning (Økonomiudvalget, 12. marts 2024)", "12. marts 2024"),
        ("Beslutning (Økonomiudvalget, 12-03-2024, pkt. 3)", "12-03-2024"),
        ("Beslutning Økonomiudvalget 12-03-2024", "12-03-2024"),
        ("Beslutning Økonomiudvalget 12.03.2024 Punkt 4", "12.03.2024"),
        ("Økonomiudvalget 12. marts 2024, pkt. 1", "12. marts 2024"),
        ("Udvalget for Økonomi 12. marts 2024, pkt. 1", "12. marts 2024"),
    ],
)
def test_decision_headings_with_text_after_the_date(heading: str, date: str) -> None:
    meeting = _text([*HEADER, "1. Budget", "Sagsnr.: 24/1", heading, "Godkendt."])
    [item] = meeting.items
    assert item.decision == "Godkendt."
    assert [(e.body.casefold(), e.date) for e in item.decision_history] == [
        ("udvalget for økonomi" if "Udvalget for" in heading else "økonomiudvalget", date)
    ]


def test_a_running_header_of_the_body_and_the_date_is_no_decision_heading() -> None:
    """ "Økonomiudvalget 12-03-2024" atop a page over "Godkendt.": the running header, not the
    heading of the decision whose real heading stands at the foot of the page before."""
    footer = "Referat - Økonomiudvalget - 12. marts 2024"
    pages = [
        [*HEADER, "**1. Budget", "Sagsnr.: 24/1", "**Resumé", "Tekst.", "**Indstilling",
         "Forvaltningen indstiller,", "at sagen godkendes.",
         "**Økonomiudvalget den 12. marts 2024 Punkt 1", footer, "Side 1 af 2"],
        ["Økonomiudvalget 12-03-2024", "Godkendt.", footer, "Side 2 af 2"],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages))
    [item] = meeting.items
    assert (item.recommendation, item.decision) == (
        "Forvaltningen indstiller,\nat sagen godkendes.",
        "Godkendt.",
    )


def test_beslutningen_is_a_decision_heading() -> None:
    meeting = _text([*HEADER, "1. Budget", "Sagsnr.: 24/1", "Resumé", "Tekst.", "Beslutningen:",
                     "Godkendt."])  # fmt: skip
    [item] = meeting.items
    assert (item.decision, [s.heading for s in item.sections]) == ("Godkendt.", ["Resumé"])


@pytest.mark.parametrize(
    "decision", ["Sagen blev ikke behandlet og udsættes til næste møde.",
                 "Punktet blev ikke behandlet og blev udsat."],
)  # fmt: skip
def test_not_treated_and_postponed_is_postponed(decision: str) -> None:
    meeting = _text([*HEADER, "1. Budget", "Sagsnr.: 24/1", "Beslutning", decision])
    [item] = meeting.items
    assert (item.decision, item.status.value) == (decision, "postponed")


def test_absent_from_without_a_colon() -> None:
    meeting = _text([
        "Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 19.00",
        "Afbud fra Ole Sand (O) og Bo Berg (V)",
        "1. Budget", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(p.name, p.attendance.value) for p in meeting.participants] == [
        ("Ole Sand", "afbud"),
        ("Bo Berg", "afbud"),
    ]


# --- people ----------------------------------------------------------------------------------


def test_participants_with_party_and_role_in_parentheses() -> None:
    meeting = _text([
        "Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 19.00",
        "Deltagere:", "Bo Krag (A) (Borgmester)", "Lise Vig (V) (Næstformand)",
        "Karen Holm (C) (Medlem)", "Per Dam (Ø)",
        "Afbud: Ole Sand (O) (Medlem)",
        "1. Budget", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(p.name, p.affiliation, p.role, p.attendance.value) for p in meeting.participants] == [
        ("Bo Krag", "A", Role.FORMAND, "present"),
        ("Lise Vig", "V", Role.NAESTFORMAND, "present"),
        ("Karen Holm", "C", Role.MEDLEM, "present"),
        ("Per Dam", "Ø", Role.MEDLEM, "present"),
        ("Ole Sand", "O", Role.MEDLEM, "afbud"),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ["Bo Krag, A (Borgmester)", "Lise Vig, V (Næstformand)", "Karen Holm, C"],
        ["Borgmester: Bo Krag (A)", "Næstformand: Lise Vig (V)", "Karen Holm (C)"],
        ["Bo Krag (A) - Borgmester", "Lise Vig (V) - Næstformand", "Karen Holm (C) - Medlem"],
        ["Bo Krag (A) (Udvalgsformand)", "Lise Vig (V) (Udvalgsnæstformand)",
         "Karen Holm (C) (Udvalgsmedlem)"],
    ],
    ids=["party-after-comma", "role-as-label", "role-after-dash", "udvalgs-roles"],
)  # fmt: skip
def test_participants_with_party_and_role_in_other_forms(lines: list[str]) -> None:
    meeting = _text(["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 19.00", "Deltagere:",
                     *lines, "1. Budget", "Beslutning:", "Godkendt."])  # fmt: skip
    assert [(p.name, p.affiliation, p.role, p.attendance.value) for p in meeting.participants] == [
        ("Bo Krag", "A", Role.FORMAND, "present"),
        ("Lise Vig", "V", Role.NAESTFORMAND, "present"),
        ("Karen Holm", "C", Role.MEDLEM, "present"),
    ]
    assert meeting.location == ""  # the list is never read as the place


def test_a_substitute_in_brackets_takes_the_absent_members_seat() -> None:
    meeting = _text(["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 19.00",
                     "Afbud: Per Dam (Ø)", "Deltagere:", "Bo Krag (A) (Formand)",
                     "Lise Vig (Ø) (Stedfortræder for Per Dam)",
                     "1. Budget", "Beslutning:", "Godkendt."])  # fmt: skip
    people = {p.name: p for p in meeting.participants}
    assert people["Lise Vig"].role is Role.STEDFORTRAEDER
    assert people["Lise Vig"].substitute_for == people["Per Dam"].id


# --- indstilling -----------------------------------------------------------------------------


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize(
    "proposer", ["Teknik- og Miljøudvalget indstiller:", "Forvaltningen indstiller,",
                 "Direktøren for Teknik og Miljø indstiller over for Byrådet:"],
)  # fmt: skip
def test_indstilling_with_the_proposer_and_at_lines(proposer: str, bold: bool) -> None:
    star = "**" if bold else ""
    lines = [
        *HEADER, "**1. Lokalplan 1204", "Sagsnr.: 24/1", f"{star}Indstilling", f"{star}{proposer}",
        "at planforslaget godkendes, og", "at planen sendes i høring i 8 uger.",
        "**Beslutning", "Godkendt.",
    ]  # fmt: skip
    [item] = _pdf(lines).items
    assert item.recommendation.split("\n")[0] == proposer
    assert "at planen sendes i høring i 8 uger." in item.recommendation
    assert item.sections == []
    [item] = _pdf([ln for ln in lines if ln != f"{star}Indstilling"]).items
    assert item.recommendation.split("\n")[0] == proposer and item.sections == []


# --- one item per file -----------------------------------------------------------------------


def _item_file(number: int, title: str, case: str, decision: str, *, numbered: bool) -> bytes:
    head = (
        ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
         f"**Punkt {number}: {title}"]
        if numbered
        else ["Økonomiudvalget 12.03.2024, pkt. " + str(number), f"**{title}"]
    )  # fmt: skip
    return make_pdf([[*head, f"Sagsnr.: {case}", "**Beslutning", decision]])


@pytest.mark.parametrize("numbered", [True, False], ids=["punkt-heading", "number-in-header"])
def test_a_file_with_one_item_is_that_item_of_its_meeting(numbered: bool) -> None:
    data = _item_file(7, "Budgetopfølgning", "24/1007", "Godkendt.", numbered=numbered)
    _fmt, [meeting] = importers.parse(data, source="punkt7.pdf")
    assert (meeting.body, meeting.starts_at.date().isoformat()) == ("Økonomiudvalget", "2024-03-12")
    [item] = meeting.items
    assert (item.number, item.title, item.case_number, item.decision) == (
        "7", "Budgetopfølgning", "24/1007", "Godkendt."
    )  # fmt: skip
    assert meeting.unplaced == []


def test_item_files_of_one_meeting_are_one_meeting(tmp_path: Path, db_path: Path) -> None:
    from meetingtui.archive import FileStatus, import_paths
    from meetingtui.storage.db import connect
    from meetingtui.storage.records import load_meeting

    folder = tmp_path / "punkter"
    folder.mkdir()
    for number, title, numbered in (
        (2, "Budget", False),
        (1, "Dagsorden", True),
        (3, "Salg", True),
    ):
        (folder / f"punkt{number}.pdf").write_bytes(
            _item_file(number, title, f"24/{number}", "Godkendt.", numbered=numbered)
        )
    (folder / "andet-moede.pdf").write_bytes(
        make_pdf([["Referat", "Økonomiudvalget", "onsdag den 20. marts 2024 kl. 16.30",
                   "**Punkt 1: Eventuelt", "**Beslutning", "Intet."]])
    )  # fmt: skip
    summary = import_paths(db_path, [folder], workers=1)
    assert [f.status for f in summary.files] == [FileStatus.IMPORTED] * 4
    by_name = {Path(f.path).name: f for f in summary.files}
    [meeting_id] = by_name["punkt1.pdf"].meeting_ids
    assert by_name["punkt2.pdf"].meeting_ids == by_name["punkt3.pdf"].meeting_ids == [meeting_id]
    assert by_name["andet-moede.pdf"].meeting_ids != [meeting_id]
    conn = connect(db_path)
    try:
        meeting = load_meeting(conn, meeting_id)
        assert [(i.number, i.title) for i in meeting.items] == [
            ("1", "Dagsorden"), ("2", "Budget"), ("3", "Salg")
        ]  # fmt: skip
        assert meeting.starts_at.hour == 16
    finally:
        conn.close()
    again = import_paths(db_path, [folder], workers=1)
    assert [f.status for f in again.files] == [FileStatus.PRESENT] * 4


# --- a damaged .docx -------------------------------------------------------------------------


def test_a_docx_with_a_damaged_zip_directory_is_read_with_a_warning(
    tmp_path: Path, db_path: Path
) -> None:
    import zipfile

    from meetingtui.archive import FileStatus, import_paths

    def build(document: docx.document.Document) -> None:
        document.add_heading("1. Budgetopfølgning", level=1)
        document.add_paragraph("Sagsnr.: 24/1001")
        document.add_heading("Beslutning", level=2)
        document.add_paragraph("Godkendt.")

    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    good = buffer.getvalue()
    offsets = {i.filename: i.header_offset for i in zipfile.ZipFile(io.BytesIO(good)).infolist()}
    assert offsets["word/document.xml"] < offsets["word/numbering.xml"]
    damaged = good[: offsets["word/numbering.xml"] + 40]  # the directory and numbering cut off
    imported = importers.import_bytes(damaged, source="skadet.docx")
    [item] = imported.meetings[0].items
    assert (item.title, item.case_number, item.decision) == (
        "Budgetopfølgning", "24/1001", "Godkendt."
    )  # fmt: skip
    assert [key for key, _params in imported.warnings] == [
        "import.docx.recovered", "import.docx.lost.numbering"
    ]  # fmt: skip
    (tmp_path / "skadet.docx").write_bytes(damaged)
    [result] = import_paths(db_path, [tmp_path / "skadet.docx"], workers=1).files
    assert result.status is FileStatus.IMPORTED
    assert result.warnings[1].startswith("Tabt: listenummereringen")


def test_the_signature_page_names_the_members_who_took_part() -> None:
    meeting = _text([
        *HEADER, "Deltagere: Anne Holm (A)", "Afbud: Ole Sand (O)",
        "1. Budget", "Beslutning:", "Godkendt.",
        "Underskriftsside", "______________________", "Anne Holm (A)", "Formand",
        "______________________", "Bo Krag (V)    Karen Holm (C)",
    ])  # fmt: skip
    assert [(p.name, p.attendance.value) for p in meeting.participants] == [
        ("Anne Holm", "present"), ("Ole Sand", "afbud"), ("Bo Krag", "present"),
        ("Karen Holm", "present"),
    ]  # fmt: skip
    assert meeting.unplaced == []


# --- numbers that are and are not items, times, pages ----------------------------------------


def test_a_bare_number_and_title_is_an_item_when_a_case_number_follows() -> None:
    meeting = _text([
        *HEADER, "1 Godkendelse af dagsorden", "Sagsnr.: 24/1", "Beslutning:", "Godkendt.",
        "2 Salg af ejendom", "24/1002", "Sagsfremstilling", "Ejendommen sælges.",
        "3 kommuner deltager i samarbejdet.", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "24/1"),
        ("2", "Salg af ejendom", "24/1002"),
    ]
    assert any("3 kommuner deltager" in s.text for s in meeting.items[1].sections)


@pytest.mark.parametrize("marker", ["Lukket punkt: Eventuelt", "Lukket sag: Eventuelt"])
def test_a_point_number_over_a_closed_title_is_one_item(marker: str) -> None:
    meeting = _text([
        *HEADER, "Pkt. 1", "Budget", "Sagsnr.: 24/1", "Beslutning:", "Godkendt.",
        "Pkt. 2", marker, "Beslutning:", "Drøftet.",
    ])  # fmt: skip
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        ("1", "Budget", False),
        ("2", "Eventuelt", True),
    ]


def test_a_marker_inside_the_title_closes_the_item() -> None:
    meeting = _text([*HEADER, "1. Ejendomssag - Lukket punkt: Salg af grund", "Sagsnr.: 24/1",
                     "Beslutning:", "Godkendt."])  # fmt: skip
    assert meeting.items[0].closed


def test_a_place_with_a_number_is_no_time() -> None:
    meeting = _text(["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
                     "Rådhuset, lokale 1.12", "1. Budget", "Beslutning:", "Godkendt."])  # fmt: skip
    assert (meeting.starts_at.hour, meeting.starts_at.minute) == (16, 30)
    assert "lokale 1.12" in meeting.location


def test_case_numbers_alone_on_lines_are_no_page_footers() -> None:
    meeting = _text([
        *HEADER, "1. Budget", "16/4835", "Beslutning:", "Godkendt.",
        "2. Regnskab", "16/4836", "Beslutning:", "Godkendt.",
        "3. Vejplan", "16/4837", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [i.case_number for i in meeting.items] == ["16/4835", "16/4836", "16/4837"]


def test_a_case_number_at_the_foot_of_a_page_is_no_page_number() -> None:
    pages = [
        [*HEADER, "1. Budget", "Beslutning:", "Godkendt.", "2. Regnskab", "24/18097"],
        ["Beslutning:", "Godkendt.", "3. Vejplan", "24/18098"],
        ["Beslutning:", "Godkendt."],
    ]
    _fmt, [meeting] = importers.parse(make_pdf(pages))
    assert [i.case_number for i in meeting.items] == ["", "24/18097", "24/18098"]


def test_the_first_item_right_under_a_one_line_header() -> None:
    meeting = _text([
        "Referat Kommunalbestyrelsen tirsdag den 27. februar 2024 kl. 09.30 i Byrådssalen",
        "7. Skolestruktur 2025", "Sagsnr.: 24/15225", "Beslutning:", "Godkendt.",
        "8. Cykelsti", "Sagsnr.: 24/29934", "Beslutning:", "Anbefales.",
    ])  # fmt: skip
    assert [(i.number, i.title) for i in meeting.items] == [
        ("7", "Skolestruktur 2025"),
        ("8", "Cykelsti"),
    ]
    assert (meeting.body, meeting.location) == ("Kommunalbestyrelsen", "Byrådssalen")


@pytest.mark.parametrize("under_heading", [True, False], ids=["indstilling-heading", "alone"])
@pytest.mark.parametrize(
    "proposer", ["Teknik- og Miljøudvalget indstiller:", "Forvaltningen indstiller,",
                 "Direktøren for Teknik og Miljø indstiller over for Byrådet:"],
)  # fmt: skip
def test_the_proposer_line_opens_the_indstilling_in_every_reader(
    proposer: str, under_heading: bool
) -> None:
    """Word and web pages style the proposer line as a heading of its own: it is still the
    first line of the indstilling, never a section named after it."""
    from tests.formats import WRITERS, Item, Part, Spec

    at_lines = ["at planforslaget godkendes, og", "at planen sendes i høring i 8 uger."]
    recommendation = (
        [Part("Indstilling", [proposer, *at_lines])]
        if under_heading
        else [Part(proposer, at_lines)]
    )
    parts = [
        Part("Resumé", ["Planen er klar til høring."]),
        *recommendation,
        Part("Beslutning", ["Godkendt."], decision=True),
    ]
    spec = Spec(items=[Item("1", "Lokalplan 1204", "24/1", parts)])
    for name, write in WRITERS.items():
        _fmt, [meeting] = importers.parse(write(spec), source=f"indstilling.{name}")
        [item] = meeting.items
        # The proposer is the indstilling's first line, or its heading when the vocabulary
        # knows the line as one ("Forvaltningen indstiller" styled as a heading).
        [part] = [p for p in item.layout if p.kind.value == "recommendation"]
        assert proposer in (item.recommendation.split("\n")[0], part.heading), name
        assert item.recommendation.endswith("at planen sendes i høring i 8 uger."), name
        assert [s.heading for s in item.sections] == ["Resumé"], name
        assert item.decision == "Godkendt.", name


@pytest.mark.parametrize("statement", ["Sagen behandles for lukkede døre.", "Fortroligt punkt."])
def test_a_closed_statement_in_the_items_text_closes_it_in_every_reader(statement: str) -> None:
    from tests.formats import WRITERS, Item, Part, Spec

    decision = Part("Beslutning", ["Godkendt."], decision=True)
    spec = Spec(
        items=[
            Item("1", "Vejplan", "24/1", [
                Part("Sagsfremstilling", ["Vejen var lukket i juli.", "Planen er klar."]),
                decision,
            ]),
            Item("2", "Salg af grund", "24/2", [
                Part("Sagsfremstilling", [statement, "Kommunen ejer grunden."]), decision,
            ]),
        ]
    )  # fmt: skip
    for name, write in WRITERS.items():
        _fmt, [meeting] = importers.parse(write(spec), source=f"lukket.{name}")
        assert [(i.title, i.closed) for i in meeting.items] == [
            ("Vejplan", False),
            ("Salg af grund", True),
        ], name
        assert statement in meeting.items[1].sections[0].text, name


def test_a_bare_number_heading_over_a_document_number_and_a_case_number() -> None:
    meeting = _text([
        "Referat", "Udvalg: Børne- og Skoleudvalget", "Mødedato: 04-01-2021",
        "412 Tilskud til spejderhytte", "Dok.nr.: 24/5555 Sagsnr.: 16/20699",
        "Beslutning:", "Godkendt.",
        "413 Skolestruktur 2025", "Dok.nr.: 24/5556 Sagsnr.: 15/27160",
        "Beslutning:", "Udsat.",
    ])  # fmt: skip
    assert [(i.number, i.title, i.case_number, i.unplaced) for i in meeting.items] == [
        ("412", "Tilskud til spejderhytte", "16/20699", ["Dok.nr.: 24/5555"]),
        ("413", "Skolestruktur 2025", "15/27160", ["Dok.nr.: 24/5556"]),
    ]


def test_a_damaged_docx_that_lost_its_page_headers_imports_its_items_closed() -> None:
    """The header that said "Lukket referat" is past the damage: nobody can tell whether the
    items were closed, so they are, and the warning says why."""
    import zipfile

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Lukket referat"
    for line in HEADER:
        document.add_paragraph(line)
    document.add_heading("1. Salg af grund", level=1)
    document.add_paragraph("Sagsnr.: 24/1001")
    document.add_heading("Beslutning", level=2)
    document.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    document.save(buffer)
    good = buffer.getvalue()
    infos = zipfile.ZipFile(io.BytesIO(good)).infolist()
    offsets = {i.filename: i.header_offset for i in infos}
    after_header = min(o for o in offsets.values() if o > offsets["word/header1.xml"])
    assert offsets["word/document.xml"] < offsets["word/header1.xml"]

    lost = importers.import_bytes(good[: offsets["word/header1.xml"] + 40], source="skadet.docx")
    assert [i.closed for i in lost.meetings[0].items] == [True]
    assert "import.docx.lost.furniture" in [key for key, _params in lost.warnings]

    kept = importers.import_bytes(good[: after_header + 40], source="skadet.docx")
    assert [i.closed for i in kept.meetings[0].items] == [True]  # read from the header itself
    assert "import.docx.lost.furniture" not in [key for key, _params in kept.warnings]


def test_a_damaged_docx_without_page_headers_keeps_its_open_items_open() -> None:
    import zipfile

    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    document.add_heading("1. Budget", level=1)
    document.add_paragraph("Sagsnr.: 24/1001")
    buffer = io.BytesIO()
    document.save(buffer)
    good = buffer.getvalue()
    offsets = {i.filename: i.header_offset for i in zipfile.ZipFile(io.BytesIO(good)).infolist()}
    damaged = importers.import_bytes(good[: offsets["word/numbering.xml"] + 40])
    assert [i.closed for i in damaged.meetings[0].items] == [False]
    assert "import.docx.lost.furniture" not in [key for key, _params in damaged.warnings]


def test_participants_with_party_and_role_read_alike_from_json_and_web_pages() -> None:
    """FirstAgenda lists the members as data; their names are read by the same rules as a
    document's header, so "(Borgmester)" is a role, never the party."""
    import json

    from tests.formats import Item, Part, Spec, as_firstagenda_html, as_firstagenda_json

    spec = Spec(items=[Item("1", "Budget", "24/1", [Part("Beslutning", ["Godkendt."], True)])])
    members = ["Bo Krag (A) (Borgmester)", "Lise Vig (V) (Næstformand)", "Karen Holm (C)",
               "Anne Sø (F), formand", "Ole Sand (O) (Medlem)"]  # fmt: skip
    expected = [
        ("Bo Krag", "A", Role.FORMAND, "present"),
        ("Lise Vig", "V", Role.NAESTFORMAND, "present"),
        ("Karen Holm", "C", Role.MEDLEM, "present"),
        ("Anne Sø", "F", Role.FORMAND, "present"),
        ("Ole Sand", "O", Role.MEDLEM, "afbud"),
    ]
    document = json.loads(as_firstagenda_json(spec))
    document["Moede"]["Moededeltagere"] = [
        {"Navn": name, "Afbud": name.startswith("Ole")} for name in members
    ]
    _fmt, [from_json] = importers.parse(json.dumps(document).encode())
    cell = (
        '<table><tr><td class="deltagere">'
        + "<br>".join(members[:4])
        + f"<br>Afbud: {members[4]}</td></tr></table>"
    )
    page = as_firstagenda_html(spec).replace(b"</body>", cell.encode() + b"</body>")
    _fmt, [from_html] = importers.parse(page)
    text = _text([*HEADER, "Deltagere:", *members[:4], f"Afbud: {members[4]}",
                  "1. Budget", "Beslutning:", "Godkendt."])  # fmt: skip
    for meeting in (from_html, text):
        assert [
            (p.name, p.affiliation, p.role, p.attendance.value) for p in meeting.participants
        ] == expected
    # JSON states only afbud and absence: the others' attendance is the referat's default.
    assert [(p.name, p.affiliation, p.role) for p in from_json.participants] == [
        e[:3] for e in expected
    ]
    assert from_json.participants[4].attendance.value == "afbud"


def test_a_role_in_brackets_without_a_party_is_the_role_in_xml_and_json() -> None:
    """ "Bo Hansen (Formand)" names no party: the bracket holds his role. Read alike from an
    SBSYS publication's member list and from FirstAgenda JSON, where a roll-call vote writes
    the name the same way (the ballot must not teach the member a party called "Formand")."""
    import json

    from tests.formats import Item, Part, Spec, as_firstagenda_json
    from tests.structured_documents import sbsys_publication

    members = ["Bo Hansen (Formand)", "Lise Vig (Næstformand) (V)", "Karen Holm (C)",
               "Per Lund (Sekretær)"]  # fmt: skip
    expected = [
        ("Bo Hansen", "", Role.FORMAND, True),
        ("Lise Vig", "V", Role.NAESTFORMAND, True),
        ("Karen Holm", "C", Role.MEDLEM, True),
        ("Per Lund", "", Role.OBSERVATOER, False),
    ]
    xml = sbsys_publication().decode()
    start, end = xml.index("<Members>"), xml.index("</Members>")
    rows = "".join(
        f"<MeetingMember><Name>{name}</Name><ParticipationStatusAsText>Participating"
        "</ParticipationStatusAsText></MeetingMember>"
        for name in members
    )
    _fmt, [from_xml] = importers.parse((xml[:start] + f"<Members>{rows}" + xml[end:]).encode())
    assert [(p.name, p.affiliation, p.role, p.votes) for p in from_xml.participants] == expected

    vote = "For stemte: Bo Hansen (Formand), Lise Vig (V) og Karen Holm (C)."
    spec = Spec(
        items=[Item("1", "Budget", "24/1", [Part("Beslutning", ["Godkendt.", vote], True)])]
    )
    document = json.loads(as_firstagenda_json(spec))
    document["Moede"]["Moededeltagere"] = [{"Navn": name} for name in members]
    _fmt, [from_json] = importers.parse(json.dumps(document).encode())
    assert [(p.name, p.affiliation, p.role, p.votes) for p in from_json.participants] == expected
    [ballots] = [v.ballots for v in from_json.items[0].votes]
    assert [(b.name, b.affiliation) for b in ballots] == [
        ("Bo Hansen", ""), ("Lise Vig", "V"), ("Karen Holm", "C")
    ]  # fmt: skip
