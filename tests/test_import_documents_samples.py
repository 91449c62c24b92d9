"""The shared sample documents of the PDF, text and ESDH .docx families (skipped when absent)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.models import DocumentKind

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def _load(name: str) -> tuple[str, list]:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} not available (expects ../shared/samples)")
    return importers.parse(path.read_bytes(), source=name)


def test_aarhus_pdf_referat() -> None:
    fmt, (meeting,) = _load("aarhus_byraad_referat_2025-08-27.pdf")
    assert fmt == "pdf-referat"
    assert meeting.body == "Aarhus Byråd"
    assert meeting.starts_at == datetime(2025, 8, 27, 16, 0)
    assert meeting.location == "Byrådssalen"
    assert meeting.document_kind is DocumentKind.REFERAT
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 22)]
    first, second = meeting.items[:2]
    assert (first.title, first.case_number, first.decision) == (
        "Godkendelse af dagsorden",
        "EMN-2023-009832",
        "Godkendt.",
    )
    assert second.title == (
        "Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø"
    )
    assert second.decision.startswith("Fremsendes til Teknisk Udvalg")
    assert "BESLUTNINGSFORSLAG" not in second.decision
    assert [d.body for d in second.decision_history[:3]] == [
        "Aarhus Byråd",
        "Aarhus Byråd",
        "Magistraten",
    ]
    closed = meeting.items[-1]
    assert (closed.title, closed.closed, closed.case_number) == (
        "Køb af landbrugsejendom",
        True,
        "EMN-2025-007940",
    )
    assert closed.decision.startswith("Tilbagesendes")
    assert all(i.case_number.startswith("EMN-") and i.decision for i in meeting.items)
    assert [i.closed for i in meeting.items].count(True) == 1


def test_lejre_text_referat() -> None:
    fmt, (meeting,) = _load("sample_referat_lejre_2017-01-03.txt")
    assert fmt == "text-referat"
    assert "4-udvalget" in meeting.body
    assert meeting.starts_at == datetime(2017, 1, 3, 16, 30)
    assert meeting.location == "Mødelokale 1, Lejrevej 15, 4320, Allerslev"
    assert meeting.document_kind is DocumentKind.REFERAT
    assert [(i.number, i.title, i.case_number, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "", "Godkendt."),
        ("2", "Valg af næstformand", "13/20237", "Gert Fabrin blev valgt som næstformand."),
        ("3", "Introduktion til arbejdet", "16/16318", "Taget til efterretning."),
        ("4", "Møde- og procesplan samt beslutning om hvilke kerneopgaver der arbejdes med først",
         "16/16318", "Tiltrådt."),
        ("5", "Eventuelt", "", "Intet."),
    ]  # fmt: skip
    assert meeting.items[2].attachments[0].startswith("Valcon")
    # the attached documents and the web page's list of related documents are kept, unplaced
    assert any("Valcon" in u or "VALCON" in u for u in meeting.unplaced)
    assert any("Læs mere" in u for u in meeting.unplaced)


def test_syddjurs_acadre_docx() -> None:
    fmt, (meeting,) = _load("syddjurs_referat_PUK_2013-06-20.docx")
    assert fmt == "docx-esdh"
    assert meeting.body == "Udvalget for plan, udvikling og kultur (PUK)"
    assert meeting.starts_at == datetime(2013, 6, 20, 10, 30)
    assert meeting.location.startswith("Kaløvig Kursuscenter")
    assert meeting.kind.value == "ekstraordinært"
    (item,) = meeting.items
    assert (item.number, item.title, item.case_number, item.closed) == (
        "715",
        "Kulturkommune 2017. Politiske fokusområder",
        "12/27845",
        False,
    )
    assert [e.date for e in item.decision_history] == ["10-04-2013", "24-04-2013", "20-06-2013"]
    assert item.decision.startswith("Punktet blev drøftet.")
    assert item.recommendation.startswith("Direktøren indstiller")
    assert item.decision_authority.startswith("Udvalget for plan")
    assert len(item.attachments) == 3
