"""Document importers on fixtures built in code: extracted text, hand-made PDFs, ESDH .docx."""

from __future__ import annotations

import io
from datetime import datetime

import docx
import pytest

from meetingtui.importers import docx_esdh, own, pdf, plaintext
from meetingtui.models import AbsenceKind, DocumentKind, MeetingKind, VoteResult
from tests import docfixtures


def test_text_referat_header_items_and_decisions() -> None:
    data = docfixtures.text_referat().encode("utf-8")
    assert plaintext.sniff(data)
    (meeting,) = plaintext.parse(data, source="fredensborg.txt")
    assert meeting.body == "Økonomiudvalget"
    assert meeting.starts_at == datetime(2024, 3, 12, 16, 30)
    assert meeting.ends_at == datetime(2024, 3, 12, 18, 0)
    assert meeting.location == "Mødelokale 2, Rådhuset"
    assert meeting.document_kind is DocumentKind.REFERAT
    assert [(p.name, p.affiliation, p.attendance.value) for p in meeting.participants] == [
        ("Hanne Berg", "V", "afbud"),
        ("Jens Lund", "Ø", "afbud"),
        ("Ole Sand", "O", "absent"),
    ]
    # the table of contents and the attachment page never become items
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "24/1001", False),
        ("2", "Budgetopfølgning pr. 31. januar 2024", "24/1002", False),
        ("3", "Salg af ejendom, Strandvejen 4", "23/20456", False),
        ("4", "Personalesag", "24/777", True),
    ]
    first, budget, sale, closed = meeting.items
    assert first.decision == "Godkendt."
    assert budget.recommendation.startswith("Direktionen indstiller,")
    assert "2. at der gives en tillægsbevilling" in budget.recommendation
    assert [s.heading for s in budget.sections] == ["Resumé", "Sagsfremstilling"]
    assert budget.attachments == [
        "Budgetopfølgning januar 2024.pdf",
        "Notat om tillægsbevilling.pdf",
    ]
    assert budget.decision_history[0].body == "Økonomiudvalget"
    assert budget.decision_history[0].date == "12-03-2024"
    (vote,) = budget.votes
    assert vote.counts is not None and (vote.counts.for_, vote.counts.against) == (5, 2)
    assert vote.result is VoteResult.ADOPTED
    assert "Med stemmerne 5 for og 2 imod" in vote.raw_text
    assert [(a.name, a.kind) for a in budget.absences] == [("Karin Holm", AbsenceKind.ABSENT)]
    (party_vote,) = sale.votes
    assert party_vote.party_lines["for"] == ["A", "F", "Ø"]
    assert party_vote.party_lines["against"] == ["V", "O"]
    assert closed.decision == "Godkendt."
    # the attachment page after the last page with the running header is kept, not dropped
    assert any("Budgetopfølgning januar 2024" in u for u in meeting.unplaced)
    # running header and page footers are not text of any item
    everything = " ".join(s.text for i in meeting.items for s in i.sections) + " ".join(
        i.decision for i in meeting.items
    )
    assert "Side 2 af 4" not in everything and docfixtures.HEADER not in everything


def test_agenda_variant_punkt_numbering_and_open_marks() -> None:
    data = docfixtures.agenda_variant().encode("cp1252")  # a legacy encoding
    assert plaintext.sniff(data)
    (meeting,) = plaintext.parse(data)
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert meeting.body == "Teknik- og Miljøudvalget"
    assert meeting.starts_at == datetime(2023, 9, 4, 15, 0)
    assert meeting.location == "Byrådssalen"
    assert [(i.number, i.title, i.closed, i.case_number) for i in meeting.items] == [
        ("412", "Vejbelysning i Nørreby", False, "06.00.00-G01-12-23"),
        ("413", "Køb af areal", True, ""),
        ("414", "Orientering om vintertjeneste", False, "23-014470"),
    ]
    assert meeting.items[0].recommendation.startswith("Forvaltningen indstiller")
    assert all(not i.decision for i in meeting.items)


def test_numbered_lists_inside_items_are_not_items() -> None:
    text = "\n".join(
        [
            "Referat",
            "Børneudvalget",
            "mandag den 5. februar 2024 kl. 17.00",
            "1. Skolestruktur",
            "Sagsnr.: 24/50",
            "Indstilling",
            "Forvaltningen indstiller,",
            "1. at modellen sendes i høring",
            "2. Der afholdes borgermøde i uge 10",
            "Beslutning:",
            "Godkendt.",
            "2. Eventuelt",
            "Sagsnr.: 24/51",
            "Beslutning:",
            "Intet.",
        ]
    )
    (meeting,) = plaintext.parse(text.encode())
    assert [i.title for i in meeting.items] == ["Skolestruktur", "Eventuelt"]
    assert "borgermøde" in meeting.items[0].recommendation


def test_pdf_referat_with_bold_headings_and_closed_item() -> None:
    data = docfixtures.make_pdf(docfixtures.pdf_referat_pages())
    assert pdf.sniff(data) and not plaintext.sniff(data)
    (meeting,) = pdf.parse(data, source="byraad.pdf")
    assert meeting.body == "Byrådet"
    assert meeting.starts_at == datetime(2025, 8, 27, 16, 0)
    assert meeting.location == "Byrådssalen"
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "EMN-2025-000101", False),
        ("2", "Anlægsbevilling til ny cykelsti langs Ringvejen mellem Nordby og Sydby",
         "EMN-2025-000202", False),
        ("3", "Køb af jord", "EMN-2025-000303", True),
    ]  # fmt: skip
    assert meeting.items[1].votes[0].counts.for_ == 19
    assert meeting.items[1].recommendation.startswith("At 1)")
    assert meeting.items[2].decision == "Godkendt som indstillet."


def _esdh_docx(*, members: bool = True) -> bytes:
    document = docx.Document()
    header = document.add_table(rows=0, cols=1)
    for text in ("Referat", "Social- og Sundhedsudvalget", "Torsdag den 7. marts 2024",
                 "Kl. 14:00", "Mødelokale 3"):  # fmt: skip
        header.add_row().cells[0].text = text
    if members:
        header.add_row().cells[0].text = "Fraværende: Lise Holm (F)"
    document.add_paragraph("Indholdsfortegnelse")
    document.add_paragraph("Punkt nr.\t\tSide")
    document.add_paragraph("101.\tTilsyn med plejecentre 2023\t2")
    for number, title, case in (("101", "Tilsyn med plejecentre 2023", "23/9001"),
                                ("102", "Lukket punkt: Klagesag", "24/12")):  # fmt: skip
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text = f"{number}.\t{title}"
        table.rows[0].cells[1].text = f"{number}.\t{title}"
        table.rows[1].cells[0].text = "Sagsnr.: "
        table.rows[1].cells[1].text = case
        document.add_heading("Resumé", level=2)
        document.add_paragraph("Tilsynsrapporterne viser generelt gode forhold.")
        document.add_heading("Beslutning i Social- og Sundhedsudvalget den 15-02-2024", level=2)
        document.add_paragraph("Udsat.")
        document.add_heading("Beslutning i Social- og Sundhedsudvalget den 07-03-2024", level=2)
        document.add_paragraph("Taget til efterretning.")
        document.add_paragraph("Lise Holm (F) erklærede sig inhabil og deltog ikke i behandlingen.")
    document.add_heading("Bilag", level=2)
    bilag = document.add_table(rows=1, cols=4)
    for cell, text in zip(bilag.rows[0].cells, ("1", "Åben", "Tilsynsrapport 2023", "1234/24"),
                          strict=True):  # fmt: skip
        cell.text = text
    document.add_paragraph("Underskriftsside")
    document.add_paragraph("Anna Berg (A)")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_esdh_docx_with_decision_history() -> None:
    data = _esdh_docx()
    assert docx_esdh.sniff(data) and not own.sniff(data)
    (meeting,) = docx_esdh.parse(data)
    assert meeting.body == "Social- og Sundhedsudvalget"
    assert meeting.starts_at == datetime(2024, 3, 7, 14, 0)
    assert meeting.location == "Mødelokale 3"
    assert meeting.kind is MeetingKind.ORDINAERT
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == [
        ("101", "Tilsyn med plejecentre 2023", "23/9001", False),
        ("102", "Klagesag", "24/12", True),
    ]
    item = meeting.items[0]
    assert [e.date for e in item.decision_history] == ["15-02-2024", "07-03-2024"]
    assert item.decision.startswith("Taget til efterretning.")
    assert [(a.name, a.kind) for a in item.absences] == [("Lise Holm", AbsenceKind.INHABIL)]
    assert meeting.items[1].attachments == ["Tilsynsrapport 2023  1234/24"]
    # The signature page names who took part; it is no leftover text.
    anna = next(p for p in meeting.participants if p.name == "Anna Berg")
    assert (anna.affiliation, anna.attendance.value) == ("A", "present")
    assert not any("Underskrift" in u or "Anna Berg" in u for u in meeting.unplaced)


def test_dagsorden_from_docx_without_decisions() -> None:
    document = docx.Document()
    for text in ("Dagsorden", "Kultur- og Fritidsudvalget", "Onsdag den 10. april 2024 kl. 18.00"):
        document.add_paragraph(text)
    document.add_heading("1. Tilskud til foreninger", level=1)
    document.add_paragraph("Sagsnr.: 24/300")
    document.add_heading("Sagsfremstilling", level=2)
    document.add_paragraph("Puljen er på 300.000 kr.")
    out = io.BytesIO()
    document.save(out)
    (meeting,) = docx_esdh.parse(out.getvalue())
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert meeting.items[0].title == "Tilskud til foreninger"
    assert meeting.items[0].sections[0].text == "Puljen er på 300.000 kr."


@pytest.mark.parametrize("public", [False])
def test_own_json_and_docx_round_trip_losslessly(public: bool) -> None:
    import json

    from meetingtui.demo import build_demo_meeting
    from meetingtui.exporters.docx import render_docx
    from meetingtui.exporters.json_export import to_json_dict

    meeting = build_demo_meeting()
    exported = to_json_dict(meeting, public=public, chain_head="c0ffee")
    data = json.dumps(exported, ensure_ascii=False, indent=2).encode()
    assert own.sniff(data)
    (back,) = own.parse(data)
    assert to_json_dict(back, public=public, chain_head="c0ffee") == exported
    internal = render_docx(meeting, public=public, chain_head="c0ffee")
    assert own.sniff(internal) and docx_esdh.sniff(internal)
    (from_docx,) = own.parse(internal)
    assert to_json_dict(from_docx, public=public, chain_head="c0ffee") == exported
