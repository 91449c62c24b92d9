"""A decision headed by the body and the date alone, without the word "Beslutning", as EG/KMD
and others print it: "Byrådet den 12-03-2024", "Økonomiudvalget den 4. marts 2024", "Udvalget
for Teknik og Miljø, 12.03.2024", with "Punkt 7" or a time after it. Such a line is the
decision heading where a decision stands (after the item's other parts); a sentence that starts
with a body's name, or a body-and-date line among the item's other text, stays text. Built in
code through the text, PDF and Word readers, plain and styled, and the structured formats."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.models import ItemStatus
from tests.docfixtures import DOCUMENT_READERS
from tests.formats import WRITERS, Item, Part, Spec

HEADER = ["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 16.00", "Byrådssalen"]


READERS = DOCUMENT_READERS

HEADS = [
    "Byrådet den 12-03-2024",
    "Byrådet den 12. marts 2024",
    "Byrådet den 12.03.2024 Punkt {n}",
    "Byrådet den 12-03-2024, kl. 16.00",
    "Byrådet, 12.03.2024",
    "Byrådet tirsdag den 12. marts 2024:",
]


def _item(n: int, title: str, head: str, decision: str) -> list[str]:
    return [f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Sagsfremstilling",
            "Administrationen forelægger sagen.", "Indstilling", "Forvaltningen indstiller,",
            "at sagen godkendes.", head.format(n=n), decision]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("head", HEADS)
def test_a_body_and_a_date_in_the_decisions_place_heads_the_decision(
    reader: str, head: str
) -> None:
    lines = [*HEADER, *_item(1, "Salg af grund", head, "Godkendt."),
             *_item(2, "Vejbelysning", head, "Udsat.")]  # fmt: skip
    meeting = READERS[reader](lines)
    assert [(i.decision, i.status) for i in meeting.items] == [
        ("Godkendt.", ItemStatus.DECIDED), ("Udsat.", ItemStatus.POSTPONED)
    ]  # fmt: skip
    entry = meeting.items[0].decision_history[-1]
    assert entry.body == "Byrådet" and entry.date.endswith("2024")
    assert [s.text for s in meeting.items[0].sections] == ["Administrationen forelægger sagen."]
    assert meeting.items[0].recommendation == "Forvaltningen indstiller,\nat sagen godkendes."


@pytest.mark.parametrize("reader", READERS)
def test_the_committees_that_treated_the_item_each_head_their_decision(reader: str) -> None:
    """An item recommended by two committees before the Byråd: one entry each, and the
    decision of this meeting is the Byråd's."""
    lines = [*HEADER, "1. Lokalplan 1204 for Trige Syd", "Sagsnr.: 24/100", "Sagsfremstilling",
             "Planen har været i høring.", "Udvalget for Teknik og Miljø, 26.02.2024",
             "Anbefales.", "Økonomiudvalget den 4. marts 2024 Punkt 7", "Anbefales.",
             "Byrådet den 12-03-2024", "Godkendt."]  # fmt: skip
    [item] = READERS[reader](lines).items
    assert [(e.body, e.date, e.text) for e in item.decision_history] == [
        ("Udvalget for Teknik og Miljø", "26.02.2024", "Anbefales."),
        ("Økonomiudvalget", "4. marts 2024", "Anbefales."),
        ("Byrådet", "12-03-2024", "Godkendt."),
    ]
    assert item.decision == "Godkendt."
    assert [s.text for s in item.sections] == ["Planen har været i høring."]


@pytest.mark.parametrize("reader", READERS)
def test_a_sentence_or_a_dated_line_among_the_items_text_is_no_heading(reader: str) -> None:
    """ "Byrådet den 12. marts 2024 besluttede at …" is a sentence; "Økonomiudvalget den 4.
    marts 2024" in the sagsfremstilling, with the indstilling and a "Beslutning" after it, is
    a line of the text (as is one with nothing under it at the item's end)."""
    lines = [*HEADER, "1. Salg af grund", "Sagsnr.: 24/100", "Sagsfremstilling",
             "Byrådet den 12. marts 2024 besluttede at sende sagen i høring.",
             "Økonomiudvalget den 4. marts 2024", "Udvalget drøftede sagen.", "Indstilling",
             "Forvaltningen indstiller,", "at sagen godkendes.", "Beslutning", "Godkendt.",
             "2. Vejbelysning", "Sagsnr.: 24/200", "Beslutning", "Taget til efterretning.",
             "Byrådet den 12-03-2024"]  # fmt: skip
    meeting = READERS[reader](lines)
    first, second = meeting.items
    assert first.decision == "Godkendt."
    assert [(e.body, e.date) for e in first.decision_history] in ([], [("", "")])
    words = " ".join(first.sections[0].text.split())
    assert words == (
        "Byrådet den 12. marts 2024 besluttede at sende sagen i høring. "
        "Økonomiudvalget den 4. marts 2024 Udvalget drøftede sagen."
    )
    assert " ".join(second.decision.split()) == "Taget til efterretning. Byrådet den 12-03-2024"


@pytest.mark.parametrize("as_data", [False, True], ids=["by its words", "the data says"])
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_reader_reads_the_heading_as_the_decision(fmt: str, as_data: bool) -> None:
    """The heading as a Word heading, a bold PDF line, an <h3>, an XML field caption; where
    the data marks the field as the decision (SBSYS `IsFeedback`, eDoc `IsDecision`), the
    caption still names the body and the date."""
    parts = [Part("Sagsfremstilling", ["Sagen forelægges."]),
             Part("Indstilling", ["Forvaltningen indstiller,", "at sagen godkendes."]),
             Part("Økonomiudvalget den 12. marts 2024 Punkt 3", ["Anbefales."], as_data)]  # fmt: skip
    _fmt, [meeting] = importers.parse(
        WRITERS[fmt](Spec(items=[Item("3", "Salg af grund", "24/300", parts)])), source=fmt
    )
    [item] = meeting.items
    assert item.decision == "Anbefales."
    assert [(e.body, e.date) for e in item.decision_history] == [
        ("Økonomiudvalget", "12. marts 2024")
    ]
    assert [s.heading for s in item.sections] == ["Sagsfremstilling"]
