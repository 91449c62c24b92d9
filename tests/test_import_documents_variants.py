"""Referat layouts of other agenda systems, built in code as .docx (and as PDF via LibreOffice):
numbering kept in Word list properties, metadata tables under item headings, votes written
as one sentence, closed items marked only in their body."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from meetingtui import importers
from meetingtui.importers.votes import parse_votes
from meetingtui.models import Meeting

ITEMS = [
    ("Godkendelse af dagsorden", "24/1001", "Godkendt."),
    ("Budgetopfølgning pr. 31. januar 2024", "24/1002", "Taget til efterretning."),
    ("Salg af ejendom, Strandvejen 4", "23/20456",
     "For stemte 5 (A, V), imod stemte 2 (Ø), 1 undlod (C).\nAnbefales."),
]  # fmt: skip


def _decimal_num_id(doc: object) -> str:
    """A numId of the template whose first level counts in decimals."""
    numbering = doc.part.numbering_part.element  # type: ignore[attr-defined]
    decimal = {
        a.get(qn("w:abstractNumId"))
        for a in numbering.findall(qn("w:abstractNum"))
        if a.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "decimal"
    }
    for num in numbering.findall(qn("w:num")):
        if num.find(qn("w:abstractNumId")).get(qn("w:val")) in decimal:
            return num.get(qn("w:numId"))
    raise AssertionError("template without a decimal list")


def _numbered(paragraph: object, num_id: str) -> None:
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        num_pr.append(element)
    paragraph._p.get_or_add_pPr().append(num_pr)  # type: ignore[attr-defined]


def _page_furniture(doc: object) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.header.paragraphs[0].text = "Økonomiudvalget - Referat - 12. marts 2024"
    section.footer.paragraphs[0].text = "Side 1 af 2"


def _referat(heading: Callable[[object, int, str], None], *, meta: str = "line") -> bytes:
    doc = Document()
    _page_furniture(doc)
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph().add_run("Økonomiudvalget").bold = True
    doc.add_paragraph("Tirsdag den 12. marts 2024 kl. 16.30")
    doc.add_paragraph("Mødelokale 2, Rådhuset")
    doc.add_paragraph("Afbud: Hanne Berg (V)")
    for n, (title, case, decision) in enumerate(ITEMS, start=1):
        if n == 3:
            doc.add_page_break()  # the furniture repeats on two pages of the PDF
        heading(doc, n, title)
        if meta == "columns":
            table = doc.add_table(rows=2, cols=3)
            for cell, text in zip(
                table.rows[0].cells, ["Sagsnr.", "Ansvarlig", "Dato"], strict=True
            ):
                cell.text = text
            for cell, text in zip(table.rows[1].cells, [case, "Jens Hansen", "01-03-2024"],
                                  strict=True):  # fmt: skip
                cell.text = text
        else:
            doc.add_paragraph(f"Sagsnr.: {case}")
        doc.add_paragraph().add_run("Beslutning i Økonomiudvalget den 12. marts 2024:").bold = True
        for text in decision.split("\n"):
            doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _parse(data: bytes) -> Meeting:
    _fmt, (meeting,) = importers.parse(data, source="variant")
    return meeting


def _assert_items(meeting: Meeting) -> None:
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        (str(n), title, case) for n, (title, case, _d) in enumerate(ITEMS, start=1)
    ]
    assert [i.decision.split("\n")[-1] for i in meeting.items] == [
        "Godkendt.", "Taget til efterretning.", "Anbefales."
    ]  # fmt: skip
    assert all("Side" not in u and "Referat -" not in u for u in meeting.unplaced)


def _list_heading(doc: object, n: int, title: str) -> None:
    paragraph = doc.add_paragraph(title, style="Heading 2")  # type: ignore[attr-defined]
    _numbered(paragraph, _decimal_num_id(doc))


def _bold_list_paragraph(doc: object, n: int, title: str) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    _numbered(paragraph, _decimal_num_id(doc))
    paragraph.add_run(title).bold = True


def _heading_without_dot(doc: object, n: int, title: str) -> None:
    doc.add_heading(f"{n} {title}", level=2)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "heading", [_list_heading, _bold_list_paragraph, _heading_without_dot],
    ids=["numbered-heading-style", "numbered-bold-paragraph", "heading-number-without-dot"],
)  # fmt: skip
def test_item_numbers_from_word_list_numbering_and_bare_numbers(heading: Callable) -> None:
    meeting = _parse(_referat(heading))
    assert meeting.body == "Økonomiudvalget"
    _assert_items(meeting)


def test_numbering_restarts_and_bullets_are_no_numbers() -> None:
    doc = Document()
    numbering = doc.part.numbering_part.element
    num_id = _decimal_num_id(doc)
    override = OxmlElement("w:num")
    override.set(qn("w:numId"), "77")
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
                 .find(qn("w:abstractNumId")).get(qn("w:val")))  # fmt: skip
    level = OxmlElement("w:lvlOverride")
    level.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "12")
    level.append(start)
    override.append(abstract)
    override.append(level)
    numbering.append(override)
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph("Teknik- og Miljøudvalget")
    doc.add_paragraph("12. marts 2024 kl. 9.00")
    for title in ("Vejplan 2024", "Klimatilpasning"):
        _numbered(doc.add_paragraph(title, style="Heading 2"), "77")
        doc.add_paragraph("Beslutning:").runs[0].bold = True
        doc.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert [(i.number, i.title) for i in meeting.items] == [
        ("12", "Vejplan 2024"), ("13", "Klimatilpasning")
    ]  # fmt: skip


def test_metadata_table_with_labels_in_the_first_row() -> None:
    meeting = _parse(_referat(_heading_without_dot, meta="columns"))
    _assert_items(meeting)
    # The other columns are kept as labelled text, not lost.
    assert meeting.items[0].unplaced == ["Ansvarlig: Jens Hansen\nDato: 01-03-2024"]


@pytest.mark.parametrize(
    ("text", "counts", "lines"),
    [
        ("For stemte 5 (A, V), imod stemte 2 (Ø), 1 undlod (C).", (5, 2, 1),
         {"for": ["A", "V"], "against": ["Ø"], "abstain": ["C"]}),
        ("For stemte 5 (A, V), imod stemte 2 (Ø) og 1 undlod (C). Anbefales.", (5, 2, 1),
         {"for": ["A", "V"], "against": ["Ø"], "abstain": ["C"]}),
        ("For stemte 7 (A, V, C), 2 stemte imod (Ø).", (7, 2, 0),
         {"for": ["A", "V", "C"], "against": ["Ø"]}),
    ],
)  # fmt: skip
def test_vote_clauses_in_one_sentence(text: str, counts: tuple, lines: dict) -> None:
    (vote,) = parse_votes(text)
    assert vote.counts is not None
    assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == counts
    assert vote.party_lines == lines


def test_vote_sentence_in_a_docx_decision() -> None:
    sale = _parse(_referat(_heading_without_dot)).items[2]
    (vote,) = sale.votes
    assert vote.counts is not None and vote.counts.abstain == 1
    assert vote.result is not None and vote.result.value == "adopted"


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _to_pdf(data: bytes, tmp_path: Path) -> bytes:
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF to build")
    source = tmp_path / "referat.docx"
    source.write_bytes(data)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (tmp_path / "referat.pdf").read_bytes()


def _field(paragraph: object, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) whose value the layout fills in."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run("1" if kind == "result" else "")  # type: ignore[attr-defined]
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.text = instruction
        elif kind != "result":
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        if kind != "result":
            run._r.append(element)


_PROSE = (
    "Forvaltningen har gennemgået sagen og vurderer, at forslaget er i overensstemmelse med "
    "kommunens planer og politikker. Der er afsat midler i budgettet, og sagen har været i "
    "høring hos de berørte parter, som ikke har haft væsentlige bemærkninger. "
) * 5


@pytest.mark.slow  # LibreOffice makes the PDF
def test_long_pdf_with_page_number_fields_and_per_item_attachment_numbers(
    tmp_path: Path,
) -> None:
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Økonomiudvalget, referat, 12. marts 2024"
    footer = section.footer.paragraphs[0]
    footer.text = "Side "
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph("Økonomiudvalget")
    doc.add_paragraph("Tirsdag den 12. marts 2024 kl. 16.30 - 18.45")
    titles = ["Godkendelse af dagsorden", "Budgetopfølgning", "Salg af ejendom",
              "Skolestruktur", "Vejplan 2024", "Eventuelt"]  # fmt: skip
    for n, title in enumerate(titles, start=1):
        doc.add_heading(f"{n}. {title}", level=2)
        doc.add_paragraph(f"Sagsnr.: 24/{1000 + n}")
        doc.add_paragraph().add_run("Beslutning i Økonomiudvalget den 12. marts 2024:").bold = True
        doc.add_paragraph("Godkendt.")
        doc.add_paragraph().add_run("Sagsfremstilling").bold = True
        for _ in range(3):
            doc.add_paragraph(_PROSE)
        doc.add_paragraph().add_run("Bilag").bold = True
        doc.add_paragraph(f"{n}.1 Notat om sagen")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(_to_pdf(buffer.getvalue(), tmp_path))
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (str(n), title, "Godkendt.") for n, title in enumerate(titles, start=1)
    ]
    assert all(i.attachments == ["Notat om sagen"] for i in meeting.items)
    text = "\n".join(
        [*meeting.unplaced, *(f"{s.text}\n{u}" for i in meeting.items
                              for s in i.sections for u in [*i.unplaced, ""])]
    )  # fmt: skip
    assert "Side " not in text and "referat, 12. marts" not in text


@pytest.mark.slow  # LibreOffice makes the PDF
@pytest.mark.parametrize("heading", [_list_heading, _heading_without_dot],
                         ids=["numbered-heading-style", "heading-number-without-dot"])  # fmt: skip
def test_the_same_referat_as_pdf(heading: Callable, tmp_path: Path) -> None:
    meeting = _parse(_to_pdf(_referat(heading), tmp_path))
    _assert_items(meeting)


def test_a_one_page_pdf_drops_its_page_number() -> None:
    from meetingtui.importers.furniture import strip_running_lines
    from meetingtui.importers.source import Block as Line

    page = [Line("Referat"), Line("1. Godkendelse af dagsorden"), Line("Side 1 af 1")]
    pages, dropped, _last = strip_running_lines([page])
    assert [ln.text for ln in pages[0]] == ["Referat", "1. Godkendelse af dagsorden"]
    assert dropped == 1


def _text_meeting(lines: list[str]) -> Meeting:
    from meetingtui.importers.assemble import build_meeting
    from meetingtui.importers.source import Block as Line
    from meetingtui.importers.source import Source as TextDocument

    return build_meeting(TextDocument([Line(t) for t in lines]), name="variant")


def test_closed_item_marked_only_in_its_body() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "1. Godkendelse af dagsorden", "Sagsnr.: 24/1001", "Beslutning:", "Godkendt.",
        "2. Personalesag", "Sagsnr.: 24/777", "Punktet er lukket.",
        "3. Køb af grund", "Punktet behandles for lukkede døre", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(i.title, i.closed) for i in meeting.items] == [
        ("Godkendelse af dagsorden", False), ("Personalesag", True), ("Køb af grund", True)
    ]  # fmt: skip
    assert meeting.items[1].unplaced == [] and meeting.items[2].decision == "Godkendt."


def test_flattened_metadata_table_gives_the_case_number() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "1. Godkendelse af dagsorden", "Sagsnr. Ansvarlig Dato",
        "24/1001 Jens Hansen 01-03-2024", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    (item,) = meeting.items
    assert item.case_number == "24/1001"
    assert item.unplaced == ["Sagsnr. Ansvarlig Dato\n24/1001 Jens Hansen 01-03-2024"]


def test_members_table_with_a_header_row() -> None:
    doc = Document()
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph("Økonomiudvalget")
    doc.add_paragraph("Tirsdag den 12. marts 2024 kl. 16.30")
    doc.add_paragraph().add_run("Deltagere").bold = True
    rows = [("Navn", "Parti", "Status"), ("Anne Holm", "A", "Til stede"),
            ("Peter Vang", "V", "Til stede"), ("Hanne Berg", "V", "Afbud"),
            ("Ole Sand", "O", "Fraværende"), ("Lis Dam", "C", "Orlov")]  # fmt: skip
    table = doc.add_table(rows=len(rows), cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc.add_heading("1. Godkendelse af dagsorden", level=2)
    doc.add_paragraph().add_run("Beslutning:").bold = True
    doc.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert [(p.name, p.affiliation, p.attendance.value) for p in meeting.participants] == [
        ("Anne Holm", "A", "present"), ("Peter Vang", "V", "present"),
        ("Hanne Berg", "V", "afbud"), ("Ole Sand", "O", "absent"),
    ]  # fmt: skip
    # A status the importer does not know is kept as written.
    assert "Lis Dam (C): Orlov" in meeting.unplaced


def test_movement_notes_keep_the_clock_time() -> None:
    from meetingtui.importers.attendance import parse_attendance

    facts = parse_attendance(
        "Godkendt.\nPeter Vang (V) forlod mødet kl. 17.45 under behandlingen af pkt. 3. Mødet "
        "fortsatte.\nIb Ro (A) ankom kl. 17 under punkt 4."
    )
    assert facts.notes == [
        "Peter Vang (V) forlod mødet kl. 17.45 under behandlingen af pkt. 3.",
        "Ib Ro (A) ankom kl. 17 under punkt 4.",
    ]


def test_page_furniture_typed_into_the_body_and_lettered_items() -> None:
    doc = Document()
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph(
        "Referat af ordinært møde i Økonomiudvalget den 12. marts 2024 kl. 16.30 på Rådhuset"
    )
    numbers = ["1", "2", "2a"]
    for page, (number, (title, case, _d)) in enumerate(zip(numbers, ITEMS, strict=True), start=1):
        doc.add_paragraph("Økonomiudvalget 12-03-2024")
        doc.add_paragraph().add_run(f"{number}\t{title}").bold = True
        doc.add_paragraph(f"Sagsnr.: {case}")
        doc.add_paragraph().add_run("Beslutning").bold = True
        doc.add_paragraph("Godkendt.")
        doc.add_paragraph(f"Side {page} af 3")
        doc.add_page_break()
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert meeting.body == "Økonomiudvalget"
    assert meeting.location == "Rådhuset"
    assert [(i.number, i.decision) for i in meeting.items] == [
        ("1", "Godkendt."), ("2", "Godkendt."), ("2a", "Godkendt.")
    ]  # fmt: skip
    # The repeated "Godkendt." at the foot of each page is content; the page furniture is not.
    text = "\n".join([*meeting.unplaced, *(u for i in meeting.items for u in i.unplaced)])
    assert "Side" not in text and text.count("12-03-2024") <= 1


def test_text_under_a_heading_at_every_page_foot_is_no_furniture() -> None:
    from meetingtui.importers.furniture import strip_running_lines
    from meetingtui.importers.source import Block as Line

    pages = [
        [Line("Økonomiudvalget 12-03-2024"), Line(f"{n}. Punkt {n}"), Line("Sagsnr.: 24/100"),
         Line("Beslutning"), Line("Godkendt."), Line(f"Side {n} af 4")]
        for n in range(1, 5)
    ]  # fmt: skip
    kept, dropped, _last = strip_running_lines(pages)
    assert [[ln.text for ln in page] for page in kept] == [
        [f"{n}. Punkt {n}", "Sagsnr.: 24/100", "Beslutning", "Godkendt."] for n in range(1, 5)
    ]
    assert dropped == 8


def test_pdf_text_members_grid_wrapped_title_and_place_after_the_date() -> None:
    from meetingtui.importers.assemble import build_meeting
    from meetingtui.importers.source import Block as Line
    from meetingtui.importers.source import Source as TextDocument

    lines = [
        Line("Referat", bold=True),
        Line("Referat af ordinært møde i Økonomiudvalget den 12. marts 2024 kl. 16.30"),
        Line("på Rådhuset, mødelokale 2"),
        Line("Deltagere", bold=True),
        Line("Navn Parti Status"), Line("Anne Holm A Til stede"), Line("Hanne Berg V Afbud"),
        Line("Ole Sand O Fraværende"), Line("Lis Dam C Orlov"),
        Line("Punkt 1", bold=False), Line("Budgetopfølgning pr. 31. januar", bold=False),
        Line("2024", bold=False), Line("Sagsnr.: 24/1002", bold=False),
        Line("Beslutning", bold=True), Line("Godkendt.", bold=False),
    ]  # fmt: skip
    meeting = build_meeting(TextDocument(lines), name="variant")
    assert (meeting.body, meeting.location) == ("Økonomiudvalget", "Rådhuset, mødelokale 2")
    assert [(p.name, p.affiliation, p.attendance.value) for p in meeting.participants] == [
        ("Anne Holm", "A", "present"), ("Hanne Berg", "V", "afbud"),
        ("Ole Sand", "O", "absent"),
    ]  # fmt: skip
    assert "Lis Dam (C): Orlov" in meeting.unplaced
    (item,) = meeting.items
    assert (item.title, item.case_number, item.decision) == (
        "Budgetopfølgning pr. 31. januar 2024", "24/1002", "Godkendt."
    )  # fmt: skip


def test_header_labels_that_repeat_the_title_line_are_used() -> None:
    meeting = _text_meeting([
        "Teknik- og Miljøudvalget - Dagsorden - 12. marts 2024", "Dagsorden",
        "Udvalg: Teknik- og Miljøudvalget", "Mødedato: 12-03-2024", "Mødetidspunkt: kl. 16:30",
        "Mødedato: 13-03-2024", "Pkt. 1 Godkendelse af dagsorden", "Sagsnr.: 24/1001",
        "Forslag til beslutning", "at dagsordenen godkendes.",
    ])  # fmt: skip
    assert (meeting.body, meeting.starts_at.isoformat()) == (
        "Teknik- og Miljøudvalget", "2024-03-12T16:30:00"
    )  # fmt: skip
    assert meeting.unplaced == ["Mødedato: 13-03-2024"]  # a different day is kept
    assert meeting.document_kind.value == "dagsorden"


def test_attendance_lines_inside_a_decision_and_open_marks_under_the_heading() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "1. Budget 2025", "Åben sag", "Sagsid: EMN-2024-001234", "Beslutning:",
        "Fraværende: Mads Berg (C)", "Inhabil: Anne Holm (A)",
        "Et flertal (A+V+C) anbefaler indstillingen. Et mindretal (Ø) stemmer imod.",
        "Ø ønskede følgende mindretalsudtalelse: ”Budgettet rammer de svageste.”",
    ])  # fmt: skip
    (item,) = meeting.items
    assert (item.title, item.case_number, item.closed) == (
        "Budget 2025", "EMN-2024-001234", False
    )  # fmt: skip
    assert [(a.name, a.kind.value) for a in item.absences] == [
        ("Mads Berg", "absent"), ("Anne Holm", "inhabil")
    ]  # fmt: skip
    assert item.decision.startswith("Et flertal (A+V+C) anbefaler indstillingen.")
    (vote,) = item.votes
    assert vote.party_lines == {"for": ["A", "V", "C"], "against": ["Ø"]}
    (dissent,) = item.dissents
    assert (dissent.who, dissent.text) == ("Ø", "Budgettet rammer de svageste.")
    assert item.unplaced == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peter Vang (V) blev valgt som næstformand.", [("næstformand", "Peter Vang")]),
        ("Som formand valgtes Anne Holm (A). Til næstformand blev Peter Vang (V) valgt.",
         [("formand", "Anne Holm"), ("næstformand", "Peter Vang")]),
        ("Lars Berg (A) blev enstemmigt valgt til formand for udvalget.",
         [("formand", "Lars Berg")]),
        ("Udvalget valgte at udsætte sagen.", []),
    ],
)  # fmt: skip
def test_elections_stated_in_a_decision(text: str, expected: list) -> None:
    from meetingtui.importers.elections import parse_elections

    assert [(e.office, e.elected) for e in parse_elections(text)] == expected


def test_election_in_an_imported_referat() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "1. Valg af næstformand", "Beslutning:", "Peter Vang (V) blev valgt som næstformand.",
        "2. Valg af formand", "Beslutning:", "Som formand valgtes Anne Holm (A).",
    ])  # fmt: skip
    elections = [e for item in meeting.items for e in item.elections]
    assert [(e.id, e.office, e.elected) for e in elections] == [
        (1, "næstformand", "Peter Vang"), (2, "formand", "Anne Holm")
    ]  # fmt: skip


def test_group_headings_close_the_items_after_them_and_roles_after_names() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "Deltagere: Anne Holm (A), formand, Peter Vang (V), næstformand Lise Krog (Ø)",
        "Åbne punkter",
        "1. Godkendelse af dagsorden", "Beslutning:", "Godkendt.",
        "Lukkede punkter",
        "2. Køb af grund", "Beslutning:", "Godkendt.",
        "3. Personalesag", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(i.number, i.closed) for i in meeting.items] == [("1", False), ("2", True), ("3", True)]
    assert meeting.unplaced == [] and all(not i.unplaced for i in meeting.items)
    assert [(p.name, p.role.value) for p in meeting.participants] == [
        ("Anne Holm", "formand"), ("Peter Vang", "medlem"), ("Lise Krog", "næstformand")
    ]  # fmt: skip


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
    "<w:txbxContent><w:p><w:r><w:t>Kommunen, Rådhusvej 2</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent><w:p><w:r><w:t>Kommunen, Rådhusvej 2</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_a_text_box_is_read_once_and_kept_out_of_the_header() -> None:
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("Referat")._p.append(parse_xml(_TEXT_BOX))
    doc.add_paragraph("Økonomiudvalget")
    doc.add_paragraph("12. marts 2024 kl. 16.30")
    doc.add_heading("1. Godkendelse af dagsorden", level=2)
    doc.add_paragraph().add_run("Beslutning:").bold = True
    doc.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert meeting.body == "Økonomiudvalget"
    assert meeting.unplaced == ["Kommunen, Rådhusvej 2"]
    assert meeting.items[0].decision == "Godkendt."


def test_tracked_changes_and_non_breaking_hyphens() -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = Document()
    doc.add_paragraph("Referat")
    doc.add_paragraph("Økonomiudvalget")
    doc.add_paragraph("12. marts 2024 kl. 16.30")
    doc.add_heading("1. Godkendelse af dagsorden", level=2)
    case = doc.add_paragraph("Sagsnr.: 24")
    case._p.append(parse_xml(f"<w:r {w}><w:noBreakHyphen/><w:t>001234</w:t></w:r>"))
    doc.add_paragraph().add_run("Beslutning:").bold = True
    decision = doc.add_paragraph()
    decision._p.append(parse_xml(
        f'<w:moveFrom {w} w:id="1" w:author="a"><w:r><w:t>Godkendt.</w:t></w:r></w:moveFrom>'
    ))  # fmt: skip
    decision._p.append(parse_xml(
        f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>Udsat.</w:delText></w:r></w:del>'
    ))  # fmt: skip
    decision._p.append(parse_xml(
        f'<w:ins {w} w:id="3" w:author="a"><w:r><w:t>Godkendt.</w:t></w:r></w:ins>'
    ))  # fmt: skip
    buffer = io.BytesIO()
    doc.save(buffer)
    (item,) = _parse(buffer.getvalue()).items
    assert (item.case_number, item.decision) == ("24-001234", "Godkendt.")


def test_header_short_year_and_place_after_the_time_on_one_line() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget",
        "Mødedato: 12-03-24 kl. 16:30 Mødested: Rådhuset, lokale 2",
        "1. Budget", "Sagsnr.: 24/1001", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert meeting.starts_at.isoformat() == "2024-03-12T16:30:00"
    assert meeting.location == "Rådhuset, lokale 2"
    assert meeting.unplaced == []


def test_year_long_numbering_closed_item_without_body_and_decision_heading_forms() -> None:
    meeting = _text_meeting([
        "Referat", "Byrådet", "26. marts 2024 kl. 17.00", "Byrådssalen",
        "715. Budget", "Sagsnr.: 24/1", "Byrådets beslutning den 26-03-2024", "Godkendt.",
        "716. (Lukket) Køb af grund",
        "717. Vejplan", "Sagsnr.: 24/3", "Beslutning:",
        "Indstillingen blev godkendt med 5 stemmer for (A, V) mod 2 (Ø). C undlod at stemme.",
    ])  # fmt: skip
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        ("715", "Budget", False), ("716", "Køb af grund", True), ("717", "Vejplan", False)
    ]  # fmt: skip
    budget, _closed, road = meeting.items
    assert budget.decision == "Godkendt." and budget.unplaced == []
    assert [(e.body, e.date) for e in budget.decision_history] == [("Byrådet", "26-03-2024")]
    (vote,) = road.votes
    assert vote.counts is not None and (vote.counts.for_, vote.counts.against) == (5, 2)
    assert vote.party_lines == {"for": ["A", "V"], "against": ["Ø"], "abstain": ["C"]}


def test_inline_attachment_list_item_attendance_after_it_and_the_meeting_end() -> None:
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30", "Mødelokale 2",
        "1. Budget", "Beslutning:",
        "Anbefales. Et mindretal (Ø) stemte imod og ønskede følgende protokoltilførsel: "
        "”Vi ønsker flere midler til skolerne.”",
        "Bilag: 1. Budget.pdf 2. Beretning fra den 13. juni 2025.pdf",
        "Inhabilitet: Anne Holm (A)",
        "Mødet hævet kl. 18.45", "Underskrifter", "Anne Holm (A)",
    ])  # fmt: skip
    (item,) = meeting.items
    assert item.attachments == ["Budget.pdf", "Beretning fra den 13. juni 2025.pdf"]
    assert [(a.name, a.kind.value) for a in item.absences] == [("Anne Holm", "inhabil")]
    assert [(d.who, d.text) for d in item.dissents] == [
        ("Ø", "Vi ønsker flere midler til skolerne.")
    ]  # fmt: skip
    assert meeting.ends_at is not None and meeting.ends_at.isoformat() == "2024-03-12T18:45:00"
    # The signature page names who took part: a participant, not leftover text.
    assert meeting.unplaced == []
    assert [(p.name, p.affiliation, p.attendance.value) for p in meeting.participants] == [
        ("Anne Holm", "A", "present")
    ]


def test_decision_printed_under_the_title_without_a_heading() -> None:
    meeting = _text_meeting([
        "Beslutningsprotokol", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "1. Godkendelse af dagsorden", "Sagsnr.: 24/1001", "Godkendt.",
        "2. Salg af ejendom", "Sagsnr.: 23/20456",
        "For stemte 5 (A, V), imod stemte 2 (Ø), 1 undlod (C).", "Anbefales.",
        "3. Orientering", "Sagsnr.: 24/1003", "Borgmesteren orienterede om byggeriet.",
    ])  # fmt: skip
    first, sale, briefing = meeting.items
    assert (first.decision, first.status.value) == ("Godkendt.", "decided")
    assert sale.votes and sale.votes[0].counts is not None
    # Text that does not read as a decision stays where it was: unplaced in the item.
    assert (briefing.decision, briefing.unplaced) == (
        "",
        ["Borgmesteren orienterede om byggeriet."],
    )


def test_members_without_parties_joined_by_og() -> None:
    from meetingtui.importers.people import split_people

    assert split_people("Anne Holm, Peter Vang og Lise Krog") == [
        ("Anne Holm", ""), ("Peter Vang", ""), ("Lise Krog", "")
    ]  # fmt: skip
    meeting = _text_meeting([
        "Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30",
        "Deltagere:", "Anne Holm, Peter Vang og Lise Krog", "Afbud: Hanne Berg",
        "1. Budget", "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    assert [(p.name, p.attendance.value) for p in meeting.participants] == [
        ("Anne Holm", "present"), ("Peter Vang", "present"), ("Lise Krog", "present"),
        ("Hanne Berg", "afbud"),
    ]  # fmt: skip


def test_custom_item_heading_style_numbered_by_its_style() -> None:
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    style = doc.styles.add_style("Dagsordenspunkt", WD_STYLE_TYPE.PARAGRAPH)
    num_pr = OxmlElement("w:numPr")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), _decimal_num_id(doc))
    num_pr.append(num_id)
    style.element.get_or_add_pPr().append(num_pr)
    doc.add_paragraph("Referat")
    doc.add_paragraph("Økonomiudvalget")
    doc.add_paragraph("12. marts 2024 kl. 16.30")
    for title in ("Godkendelse af dagsorden", "Budget 2025"):
        doc.add_paragraph(title, style="Dagsordenspunkt")
        doc.add_paragraph("Beslutning:")
        doc.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."), ("2", "Budget 2025", "Godkendt.")
    ]  # fmt: skip


def test_item_heading_as_a_table_row_with_the_case_number_in_its_own_cell() -> None:
    doc = Document()
    for text in ("Referat", "Økonomiudvalget", "12. marts 2024 kl. 16.30"):
        doc.add_paragraph(text)
    for number, (title, case, _d) in enumerate(ITEMS[:2], start=1):
        row = doc.add_table(rows=1, cols=3).rows[0]
        for cell, text in zip(row.cells, [f"{number}.", title, case], strict=True):
            cell.text = text
        doc.add_paragraph().add_run("Beslutning:").bold = True
        doc.add_paragraph("Godkendt.")
    buffer = io.BytesIO()
    doc.save(buffer)
    meeting = _parse(buffer.getvalue())
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("1", ITEMS[0][0], ITEMS[0][1]), ("2", ITEMS[1][0], ITEMS[1][1])
    ]  # fmt: skip
