"""Decision headings that name the body but carry no date ("Beslutning (ØU)", "Beslutning i
Økonomiudvalget", "Økonomiudvalgets beslutning") and the decision headed "Referat", through
every reader. Documents built in code."""

from __future__ import annotations

from datetime import datetime

import pytest

from meetingtui import importers
from tests.docfixtures import DOCUMENT_READERS, make_pdf
from tests.formats import WRITERS, Item, Part, Spec

READERS = DOCUMENT_READERS
HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]

# (heading, the body the decision entry names)
NAMED_HEADS = [
    ("Beslutning (ØU)", "ØU"),
    ("Beslutning (Økonomiudvalget)", "Økonomiudvalget"),
    ("Beslutning i Økonomiudvalget", "Økonomiudvalget"),
    ("Beslutning i Økonomiudvalget:", "Økonomiudvalget"),
    ("Beslutning, Økonomiudvalget", "Økonomiudvalget"),
    ("Beslutning - Økonomiudvalget", "Økonomiudvalget"),
    ("Beslutning i ØU", "ØU"),
    ("Beslutning, ØU", "ØU"),
    ("Økonomiudvalgets beslutning", "Økonomiudvalget"),
    ("Beslutning i Byrådet:", "Byrådet"),
    ("Beslutning i Udvalget for Kultur og Fritid", "Udvalget for Kultur og Fritid"),
    ("Beslutning (ØU, 12.03.2024)", "ØU"),
    ("Referat", ""),
    ("Referat:", ""),
    ("REFERAT", ""),
]
DECISIONS = ["Godkendt.", "Anbefales.", "Taget til efterretning.", "Udsat.",
             "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen."]  # fmt: skip


def _spec() -> Spec:
    return Spec(items=[
        Item(str(n), f"Sag om {head.rstrip(':')}", f"24/{1000 + n}", [
            Part("Resumé", ["Sagen forelægges for udvalget."]),
            Part("Indstilling", ["Forvaltningen indstiller, at sagen godkendes."]),
            Part(head, [DECISIONS[n % len(DECISIONS)]], decision=True),
        ])
        for n, (head, _body) in enumerate(NAMED_HEADS, start=1)
    ])  # fmt: skip


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_decision_heading_naming_the_body_without_a_date_heads_the_decision(fmt: str) -> None:
    _fmt, [meeting] = importers.parse(WRITERS[fmt](_spec()), source=f"navngivet.{fmt}")
    assert len(meeting.items) == len(NAMED_HEADS)
    for n, (item, (head, body)) in enumerate(zip(meeting.items, NAMED_HEADS, strict=True), 1):
        assert item.decision == DECISIONS[n % len(DECISIONS)], head
        assert [s.heading for s in item.sections] == ["Resumé"], head
        assert item.recommendation == "Forvaltningen indstiller, at sagen godkendes.", head
        assert item.unplaced == [], head
        if body:
            assert [e.body for e in item.decision_history] == [body], head
    assert meeting.body == "Økonomiudvalget"


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("head", "_body"), NAMED_HEADS, ids=[h for h, _ in NAMED_HEADS])
def test_the_heading_unstyled_on_a_line_of_its_own(reader: str, head: str, _body: str) -> None:
    lines = [*HEADER, "1. Salg af grund", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Sagen forelægges.", head, "Godkendt.", "2. Trafikplan", "Sagsnr.: 24/1002",
             "Beslutning", "Anbefales."]  # fmt: skip
    meeting = READERS[reader](lines)
    assert [(i.title, i.decision) for i in meeting.items] == [
        ("Salg af grund", "Godkendt."), ("Trafikplan", "Anbefales.")
    ]  # fmt: skip
    assert [(s.heading, s.text) for s in meeting.items[0].sections] == [
        ("Sagsfremstilling", "Sagen forelægges.")
    ]
    assert meeting.body == "Økonomiudvalget"


@pytest.mark.parametrize("reader", READERS)
def test_referat_with_the_decision_on_its_line(reader: str) -> None:
    lines = [*HEADER, "1. Salg af grund", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Sagen forelægges.", "Referat: Godkendt som indstillet."]  # fmt: skip
    [item] = READERS[reader](lines).items
    assert item.decision == "Godkendt som indstillet."
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Sagsfremstilling", "Sagen forelægges.")
    ]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    "sentence",
    ["Beslutning i Byrådet forventes i maj.", "Beslutning i sagen blev udsat til næste år"],
)
def test_a_sentence_beginning_like_such_a_heading_stays_text(reader: str, sentence: str) -> None:
    lines = [*HEADER, "1. Salg af grund", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Sagen forelægges.", sentence, "Beslutning", "Godkendt."]  # fmt: skip
    [item] = READERS[reader](lines).items
    assert item.decision == "Godkendt."
    assert [s.heading for s in item.sections] == ["Sagsfremstilling"]
    assert sentence in item.sections[0].text


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_referat_elsewhere_than_the_decision_is_no_decision(fmt: str) -> None:
    """ "Referat" before the item's "Beslutning", or in an item that has one: the decision is
    the one under "Beslutning", and "Referat" stays where it stood."""
    spec = Spec(items=[
        Item("1", "Salg af grund", "24/1001", [
            Part("Referat", ["Notat fra besigtigelsen."]),
            Part("Sagsfremstilling", ["Sagen forelægges."]),
            Part("Beslutning", ["Godkendt."], decision=True),
        ]),
        Item("2", "Trafikplan", "24/1002", [
            Part("Beslutning", ["Anbefales."], decision=True),
            Part("Referat", ["Notat fra mødet med borgerne."]),
        ]),
    ])  # fmt: skip
    _fmt, [meeting] = importers.parse(WRITERS[fmt](spec), source=f"referat.{fmt}")
    first, second = (i.decision for i in meeting.items)
    assert first == "Godkendt."
    if fmt == "text":
        # Plain text cannot tell a "Referat" line after the decision from a line of it: it
        # stays text where it stood, as any unstyled line does.
        assert second == "Anbefales.\nReferat\nNotat fra mødet med borgerne."
        return
    assert second == "Anbefales."
    texts = [" ".join([*i.unplaced, *(f"{s.heading} {s.text}" for s in i.sections)])
             for i in meeting.items]  # fmt: skip
    assert "Notat fra besigtigelsen." in texts[0]
    assert "Notat fra mødet med borgerne." in texts[1]
    assert meeting.body == "Økonomiudvalget"


def _running(lines: list[str]) -> list[str]:
    return ["Økonomiudvalget", "Referat", "12. marts 2024", *lines]


def test_referat_as_a_running_header_and_as_the_decision_heading_in_one_pdf() -> None:
    """A three-line running header "Økonomiudvalget" / "Referat" / the date on every page, and
    "Referat" heading each decision, at a page's foot too: the header never becomes a body or a
    decision, each decision heading stays."""
    pages = [
        _running(["**Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
                  "Byrådssalen", "**1. Salg af grund", "Sagsnr.: 24/1001", "**Sagsfremstilling",
                  "Sagen forelægges.", "**Referat", "Godkendt.", "**2. Trafikplan",
                  "Sagsnr.: 24/1002", "**Sagsfremstilling", "Planen er i høring.", "**Referat",
                  "Anbefales."]),
        _running(["**3. Budget 2025", "Sagsnr.: 24/1003", "**Sagsfremstilling",
                  "Budgettet forelægges.", "Teksten fortsætter her.", "**Referat"]),
        _running(["Taget til efterretning.", "**4. Eventuelt", "Sagsnr.: 24/1004",
                  "**Sagsfremstilling", "Intet at bemærke.", "**Referat", "Godkendt."]),
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="referat.pdf")
    assert (meeting.body, meeting.starts_at) == ("Økonomiudvalget", datetime(2024, 3, 12, 16, 30))
    assert [(i.title, i.decision) for i in meeting.items] == [
        ("Salg af grund", "Godkendt."), ("Trafikplan", "Anbefales."),
        ("Budget 2025", "Taget til efterretning."), ("Eventuelt", "Godkendt."),
    ]  # fmt: skip
    assert all("Referat" not in s.text for i in meeting.items for s in i.sections)


def test_a_running_header_referat_inside_a_decided_item_is_no_decision() -> None:
    """A two-page PDF whose second page starts with "Referat" in the middle of an item that was
    decided above: the item's decision stays."""
    pages = [
        ["**Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen",
         "**1. Salg af grund", "Sagsnr.: 24/1001", "**Beslutning", "Godkendt.",
         "**Sagsfremstilling", "Kommunen ejer grunden ved Havnevej."],
        ["Referat", "Grunden udbydes i offentligt udbud.", "**2. Trafikplan", "Sagsnr.: 24/1002",
         "**Beslutning", "Anbefales."],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="to-sider.pdf")
    assert meeting.body == "Økonomiudvalget"
    assert [(i.title, i.decision) for i in meeting.items] == [
        ("Salg af grund", "Godkendt."), ("Trafikplan", "Anbefales.")
    ]  # fmt: skip
