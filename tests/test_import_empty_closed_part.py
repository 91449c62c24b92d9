"""A contents whose last line is a closed part's heading with nothing under it ("Lukkede
Punkter", "Lukket dagsorden"). It closes the items after it, unless the document shows it is the
contents' own heading over no entries (the contents lists its entries under "Åbne punkter", or
the heading ends the contents' page and the items begin on the next) and shows an item open (its
text published, or an "Åbne punkter" / "Åben dagsorden" part over it in the body). Where that is
not shown the items stay closed: right after the contents the heading may be the body's part,
and an internal referat publishes its closed items' text (a false "open" publishes a secret).
Small documents made here, through the readers that have a contents."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.models import Meeting
from tests.docfixtures import READERS_AND_WEB_PAGE, make_pdf

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]
TITLES = ["Godkendelse af dagsorden", "Budgetopfølgning", "Salg af grund ved Havnevej"]
READERS = ["text", "pdf", "docx", "web-page"]


def _read(lines: list[str], reader: str, *, cut: int = 0) -> Meeting:
    """The lines in a reader's format; `cut`: where a PDF's second page begins (one page
    without it)."""
    if reader == "pdf" and cut:
        _fmt, [meeting] = importers.parse(make_pdf([lines[:cut], lines[cut:]]), source="part.pdf")
        return meeting
    return READERS_AND_WEB_PAGE[reader](lines)


def _document(
    part: str, published: list[bool], *, opened: str = "Åbne punkter", body_part: str = "",
    marks: str = "",
) -> list[str]:  # fmt: skip
    """The contents (under `opened`, when given) ending in the closed `part`, and the items."""
    contents = [f"{n}. {title} {n + 1}" for n, title in enumerate(TITLES, start=1)]
    lines = [*HEADER, "Indholdsfortegnelse", *([opened] if opened else []), *contents, part]
    if body_part:
        lines.append(body_part)
    for n, (title, text) in enumerate(zip(TITLES, published, strict=True), start=1):
        heading = f"{n}. {marks}{title}" if n == len(TITLES) else f"{n}. {title}"
        lines += [heading, f"Sagsnr.: 24/{n}00"]
        if text:
            lines += ["Resumé", "Sagen forelægges for udvalget.", "Indstilling",
                      "Forvaltningen indstiller, at sagen godkendes."]  # fmt: skip
        lines += ["Beslutning:", "Godkendt."]
    return lines


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    ("opened", "part"),
    [("Åbne punkter", "Lukkede Punkter"), ("Åben dagsorden", "Lukket dagsorden"),
     ("Åbne punkter:", "Lukkede punkter:")],
)  # fmt: skip
def test_items_the_contents_lists_as_open_are_open_where_their_text_is_published(
    reader: str, opened: str, part: str
) -> None:
    """Every item was read closed: the heading after the last entry was taken for the body's
    part over all the items."""
    meeting = _read(_document(part, [True, True, False], opened=opened), reader)
    assert [i.title for i in meeting.items] == TITLES
    # the last shows only its decision: nothing says it is open, so it stays closed
    assert [i.closed for i in meeting.items] == [False, False, True]


def test_a_closed_part_that_ends_the_contents_page_is_the_contents() -> None:
    lines = _document("Lukkede Punkter", [True, True, False], opened="")
    meeting = _read(lines, "pdf", cut=lines.index("Lukkede Punkter") + 1)
    assert [i.closed for i in meeting.items] == [False, False, True]


@pytest.mark.parametrize("reader", READERS)
def test_a_closed_part_right_after_the_contents_may_be_the_bodys(reader: str) -> None:
    """No open part in the contents, the first item right under the heading: it may be the
    body's part over closed items whose text an internal referat publishes. They stay closed."""
    meeting = _read(_document("Lukkede punkter", [True, True, True], opened=""), reader)
    assert [i.closed for i in meeting.items] == [True, True, True]


@pytest.mark.parametrize("reader", READERS)
def test_without_evidence_every_item_stays_closed(reader: str) -> None:
    meeting = _read(_document("Lukkede Punkter", [False, False, False]), reader)
    assert [i.closed for i in meeting.items] == [True, True, True]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("body_part", ["Åben dagsorden", "Åbne punkter"])
def test_an_open_part_in_the_body_opens_the_items_under_it(reader: str, body_part: str) -> None:
    lines = _document("Lukket dagsorden", [False, False, False], opened="", body_part=body_part)
    assert [i.closed for i in _read(lines, reader).items] == [False, False, False]


@pytest.mark.parametrize("reader", READERS)
def test_an_item_that_closes_itself_stays_closed_with_its_text(reader: str) -> None:
    meeting = _read(
        _document("Lukkede Punkter", [True, True, True], marks="Lukket punkt: "), reader
    )
    assert [(i.title, i.closed) for i in meeting.items] == [
        (TITLES[0], False), (TITLES[1], False), (TITLES[2], True)
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["text", "docx"])
def test_a_closed_part_in_the_body_closes_what_it_holds(reader: str) -> None:
    """The part heading between two items is the body's own: the item under it is closed,
    its text published or not (an internal referat shows it)."""
    contents = [f"{n}. {title} {n + 1}" for n, title in enumerate(TITLES, start=1)]
    lines = [*HEADER, "Indholdsfortegnelse", "Åbne punkter", *contents, "Lukkede Punkter"]
    for n, title in enumerate(TITLES, start=1):
        if n == 3:
            lines.append("Lukkede Punkter")
        lines += [f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Resumé", "Sagen forelægges.",
                  "Beslutning:", "Godkendt."]  # fmt: skip
    meeting = _read(lines, reader)
    assert [i.closed for i in meeting.items] == [False, False, True]


def test_the_title_pages_body_taken_with_a_running_header_comes_before_a_decisions_short_name() -> (
    None
):
    """The body's name atop every page, the title page's too, is page furniture; the body was
    then read from the decision headings ("Beslutning (BR)") as "BR" before the title page's
    own line, which the running header took, was asked."""
    pages = [
        ["Byrådet", "Referat", "Dato: 11.04.2012", "Tid og sted: Kl. 15.00 i Byrådssalen",
         "1. Personalesag", "Sagsnr.: 19/8944", "Beslutning (BR)", "Anbefales."],
        ["Byrådet", "2. Salg af grund", "Sagsnr.: 19/8945", "Beslutning (BR)", "Godkendt."],
        ["Byrådet", "3. Eventuelt", "Sagsnr.: 19/8946", "Beslutning (BR)", "Intet."],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="body.pdf")
    assert meeting.body == "Byrådet"
    assert [i.title for i in meeting.items] == ["Personalesag", "Salg af grund", "Eventuelt"]
