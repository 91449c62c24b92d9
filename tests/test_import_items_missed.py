"""A member named under a decision with the meeting's items missed ("Anne Sø (F) deltog ikke i
behandlingen af punkt 3-4", "X forlod mødet under behandlingen af punkt 2", "X var fraværende
under punkt 2-3") is absent from those items, whichever item's decision the line stands under
(referats often put the meeting's attendance under item 1). Before, the line named nobody, or
made the member absent from the item it stood under. Small documents made here, in every
format where the phrase can stand; the names are invented."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.models import AbsenceKind, Meeting
from tests.docfixtures import READERS_AND_WEB_PAGE
from tests.formats import WRITERS, Item, Part, Spec

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]
TITLES = ["Godkendelse af dagsorden", "Budgetopfølgning", "Vejbelysning i Nørreby", "Eventuelt"]
READERS = [*WRITERS, "web-page"]


def _spec(under_first: list[str]) -> Spec:
    return Spec(
        items=[
            Item(str(n), title, f"24/{n}00",
                 [Part("Resumé", ["Sagen forelægges."]),
                  Part("Beslutning", ["Godkendt.", *(under_first if n == 1 else [])],
                       decision=True)])
            for n, title in enumerate(TITLES, start=1)
        ]
    )  # fmt: skip


def _read(under_first: list[str], reader: str) -> Meeting:
    spec = _spec(under_first)
    if reader != "web-page":
        _fmt, [meeting] = importers.parse(WRITERS[reader](spec), source=f"missed.{reader}")
        return meeting
    lines = [*HEADER]
    for item in spec.items:
        lines += [f"{item.number}. {item.title}", f"Sagsnr.: {item.case}"]
        lines += [x for part in item.parts for x in (part.heading, *part.lines)]
    return READERS_AND_WEB_PAGE["web-page"](lines)


def _missed(meeting: Meeting, name: str) -> list[str]:
    return [
        i.number for i in meeting.items
        if any(a.name == name and a.kind is AbsenceKind.ABSENT for a in i.absences)
    ]  # fmt: skip


# A label line under the decision: taken out of the decision, as any attendance line.
LABEL_LINES = [
    ("Fraværende: Anne Sø (F) deltog ikke i behandlingen af punkt 3-4", ["3", "4"]),
    ("Fraværende: Anne Sø (F) deltog ikke i punkt 2", ["2"]),
    ("Fraværende: Anne Sø (F) deltog ikke i behandling af pkt. 2 og 4", ["2", "4"]),
    ("Fraværende: Anne Sø (F) var fraværende under punkt 2-3", ["2", "3"]),
    ("Fraværende: Anne Sø (F) forlod mødet under behandlingen af punkt 2", ["3", "4"]),
    ("Fraværende: Anne Sø (F) (punkt 3-4)", ["3", "4"]),
    ("Afbud: Anne Sø (F) til og med punkt 2", ["1", "2"]),
]
# A sentence of its own under the decision: kept in the decision's text, as other sentences
# about attendance are.
SENTENCES = [
    ("Anne Sø (F) deltog ikke i behandlingen af punkt 3-4.", ["3", "4"]),
    ("Anne Sø (F) deltog ikke i punkt 2.", ["2"]),
    ("Anne Sø (F) var fraværende under punkt 2-3.", ["2", "3"]),
    ("Anne Sø (F) var ikke til stede ved behandlingen af punkt 4.", ["4"]),
    ("Anne Sø (F) forlod mødet under behandlingen af punkt 2.", ["3", "4"]),
    ("Anne Sø (F) forlod mødet kl. 18.40 under behandling af punkt 2-3.", ["4"]),
    ("Anne Sø (F) ankom til mødet under behandlingen af punkt 3.", ["1", "2"]),
    ("Anne Sø (F) deltog ikke i behandlingen af punkt 1.", ["1"]),
    # the party between commas
    ("Anne Sø, F, ankom til mødet kl. 17.32 under behandlingen af punkt 3.", ["1", "2"]),
    ("Anne Sø, F, forlod mødet under punkt 2.", ["3", "4"]),
    ("Anne Sø, F, deltog ikke i punkt 2.", ["2"]),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("line", "missed"), LABEL_LINES, ids=[x for x, _ in LABEL_LINES])
def test_a_label_line_under_a_decision_names_the_items_missed(
    reader: str, line: str, missed: list[str]
) -> None:
    meeting = _read([line], reader)
    assert _missed(meeting, "Anne Sø") == missed
    assert [i.decision for i in meeting.items] == ["Godkendt."] * 4


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("line", "missed"), SENTENCES, ids=[x for x, _ in SENTENCES])
def test_a_sentence_under_a_decision_names_the_items_missed(
    reader: str, line: str, missed: list[str]
) -> None:
    meeting = _read([line], reader)
    assert _missed(meeting, "Anne Sø") == missed
    assert meeting.items[0].decision == f"Godkendt.\n{line}"


# Near misses: an item number in a decision that says nothing about anyone's attendance, and an
# inhabil member who left for the item alone.
NOT_MISSED = [
    "Udvalget godkendte indstillingen med den ændring, at punkt 3 udsættes.",
    "Godkendt, pkt. 3 og 4 behandles under ét.",
    "Bo Krag (A) orienterede om punkt 3.",
    "Mødet blev hævet under punkt 4.",
    "Anne Sø (F) deltog ikke i behandlingen.",
]


@pytest.mark.parametrize("line", NOT_MISSED)
def test_item_numbers_without_an_attendance_verb_name_nobody(line: str) -> None:
    meeting = _read([line], "text")
    assert [i.number for i in meeting.items if i.absences] == (
        ["1"] if "deltog ikke" in line else []
    )


@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_an_inhabil_member_who_left_under_the_item_missed_that_item_only(reader: str) -> None:
    line = "Anne Sø (F) og Bo Krag (A) erklærede sig inhabile og forlod mødet under punkt 1."
    meeting = _read([line], reader)
    assert [(a.name, a.kind) for a in meeting.items[0].absences] == [
        ("Anne Sø", AbsenceKind.INHABIL),
        ("Bo Krag", AbsenceKind.INHABIL),
    ]
    assert all(not i.absences for i in meeting.items[1:])
