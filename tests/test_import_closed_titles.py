"""A title about closed items ("Orientering om åbne og lukkede sager", "Lukkede punkter –
orientering") may hold what they hold: the evidence is ambiguous, so the item is closed, its
title kept as written (it stayed open, and a false open publishes a secret). The other words of
the stem and "lukket" before another noun read as the rules read them before."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.importers.closed import title_mark
from tests.formats import WRITERS, Item, Part, Spec

ABOUT_CLOSED_ITEMS = [
    "Orientering om åbne og lukkede sager",
    "Lukkede punkter – orientering",
    "Status på lukkede punkter",
    "Orientering om lukkede og åbne sager",
    "Opfølgning på fortrolige sager",
    "Orientering fra lukket møde",
    "Lukkede dagsordenspunkter fra sidste møde",
]
# Whatever the rules said before, they still say: (title, closed)
NEAR_MISSES = [
    ("Lukning af skole", None),
    ("Lukkeloven", None),
    ("Ændring af lukkeperiode for daginstitutioner", None),
    ("Orientering om lukket boligforening", None),
    ("Salg af lukket vej", None),
    ("Orientering om lukkede skoler", None),
    # "Lukket" first may be the marker: ambiguous, closed, the title kept
    ("Lukket boligforening", True),
    ("lukket boligforening", True),
]


@pytest.mark.parametrize("title", ABOUT_CLOSED_ITEMS)
def test_a_title_about_closed_items_is_closed_and_kept(title: str) -> None:
    assert title_mark(title) == (True, title)


@pytest.mark.parametrize(("title", "closed"), NEAR_MISSES, ids=[t for t, _ in NEAR_MISSES])
def test_the_near_misses_read_as_before(title: str, closed: bool | None) -> None:
    assert title_mark(title) == (closed, title)


@pytest.mark.parametrize("reader", list(WRITERS))
def test_a_title_about_closed_items_closes_the_item_in_every_reader(reader: str) -> None:
    decision = Part("Beslutning", ["Taget til efterretning."], decision=True)
    titles = ["Budget", *ABOUT_CLOSED_ITEMS, *(t for t, _ in NEAR_MISSES[:6])]
    spec = Spec(items=[Item(str(n), t, f"24/{n}", [decision]) for n, t in enumerate(titles, 1)])
    _fmt, [meeting] = importers.parse(WRITERS[reader](spec), source=f"lukkede.{reader}")
    expected = [("Budget", False)] + [(t, True) for t in ABOUT_CLOSED_ITEMS]
    expected += [(t, False) for t, _ in NEAR_MISSES[:6]]
    assert [(i.title, i.closed) for i in meeting.items] == expected
