"""Layouts the importer was not first written for, as other municipalities' agenda systems
print them: closed items named only in the table of contents or under a "Lukkede punkter" part
of it, header lines "Dato og tid:", "Tid og sted:", "Møde:", case labels "Sag:" and
"ESDH-nr.:", item headings "3 - Titel", an unstyled "Udvalgets beslutning", and page
furniture with the body and date in it. Built in code through the text, PDF and Word readers."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.models import Meeting
from tests.docfixtures import DOCUMENT_READERS, make_pdf
from tests.docfixtures import parsed_text as _text

HEADER = ["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 16.00", "Byrådssalen"]


def _item(number: int, title: str, decision: str = "Godkendt.") -> list[str]:
    return [f"{number}. {title}", f"Sagsnr.: 24/{number}00", "Sagsfremstilling",
            "Sagen forelægges.", "Beslutning", decision]  # fmt: skip


TITLES = [
    "Godkendelse af dagsorden",
    "Salg af grund ved Havnevej",
    "Personalesag",
    "Køb af ejendom",
]
ITEMS = [
    *_item(1, "Godkendelse af dagsorden"),
    *_item(2, "Salg af grund ved Havnevej"),
    *_item(3, "Personalesag"),
    *_item(4, "Køb af ejendom"),
]


READERS = DOCUMENT_READERS


def _closed(meeting: Meeting) -> dict[str, bool]:
    return {item.number: item.closed for item in meeting.items}


# --- closed only in the table of contents ------------------------------------------------------

CONTENTS = {
    "marker in the entry": [
        "Indholdsfortegnelse",
        "1. Godkendelse af dagsorden 2",
        "2. Salg af grund ved Havnevej 3",
        "3. Personalesag (Lukket punkt) 4",
        "4. Køb af ejendom 5",
    ],
    "marker after the title": [
        "Indhold",
        "1. Godkendelse af dagsorden",
        "2. Salg af grund ved Havnevej",
        "3. Personalesag - Lukket punkt",
        "4. Køb af ejendom",
    ],
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("contents", CONTENTS)
def test_an_item_closed_only_in_the_contents_is_closed(reader: str, contents: str) -> None:
    meeting = READERS[reader]([*HEADER, *CONTENTS[contents], *ITEMS])
    assert _closed(meeting) == {"1": False, "2": False, "3": True, "4": False}
    assert [i.title for i in meeting.items][2] == "Personalesag"


@pytest.mark.parametrize("reader", READERS)
def test_items_under_lukkede_punkter_in_the_contents_only_are_closed(reader: str) -> None:
    contents = ["Indhold", "Åbne punkter", "1. Godkendelse af dagsorden",
                "2. Salg af grund ved Havnevej", "Lukkede punkter", "3. Personalesag",
                "4. Køb af ejendom"]  # fmt: skip
    meeting = READERS[reader]([*HEADER, *contents, *ITEMS])
    assert _closed(meeting) == {"1": False, "2": False, "3": True, "4": True}
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden", "Salg af grund ved Havnevej", "Personalesag", "Køb af ejendom",
    ]  # fmt: skip
    assert meeting.location == "Byrådssalen"


def test_a_part_heading_after_the_place_is_no_part_of_the_place() -> None:
    meeting = _text([*HEADER, "Åbne punkter", *ITEMS[:12], "Lukkede punkter", *ITEMS[12:]])
    assert meeting.location == "Byrådssalen"
    assert _closed(meeting) == {"1": False, "2": False, "3": True, "4": True}


# --- header lines ------------------------------------------------------------------------------

HEADERS = {
    "Tid og sted: date, time, place": (
        ["Referat", "Økonomiudvalget", "Tid og sted: 12. marts 2024 kl. 16.00, Byrådssalen"],
        ("Økonomiudvalget", "2024-03-12 16:00", "Byrådssalen"),
    ),
    "Dato and Tid og sted: time and place": (
        ["Økonomiudvalget", "Referat", "Dato: 12.03.2024", "Tid og sted: Kl. 16.00 i Byrådssalen"],
        ("Økonomiudvalget", "2024-03-12 16:00", "Byrådssalen"),
    ),
    "Møde: the body": (
        [
            "Referat",
            "Møde: Økonomiudvalget",
            "Dato: 12-03-2024",
            "Tidspunkt: 16:00 - 18:30",
            "Lokale: Byrådssalen",
        ],
        ("Økonomiudvalget", "2024-03-12 16:00", "Byrådssalen"),
    ),
    "Dato og tid with a span": (
        [
            "Referat",
            "Økonomiudvalget",
            "Dato og tid: Tirsdag den 12. marts 2024, kl. 16.00-18.30",
            "Sted: Byrådssalen",
        ],
        ("Økonomiudvalget", "2024-03-12 16:00", "Byrådssalen"),
    ),
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("header", HEADERS)
def test_header_lines_that_carry_several_facts(reader: str, header: str) -> None:
    lines, (body, when, place) = HEADERS[header]
    meeting = READERS[reader]([*lines, *ITEMS[:6]])
    assert (meeting.body, f"{meeting.starts_at:%Y-%m-%d %H:%M}", meeting.location) == (
        body,
        when,
        place,
    )


# --- case numbers, item headings, decisions ----------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("label", ["Sag: 24/1001", "ESDH-nr.: 24/1001", "Sag:24/1001"])
def test_short_case_labels_with_a_case_number(reader: str, label: str) -> None:
    meeting = READERS[reader]([*HEADER, "1. Salg af grund", label, "Beslutning", "Godkendt."])
    [item] = meeting.items
    assert (item.title, item.case_number) == ("Salg af grund", "24/1001")


def test_sag_followed_by_words_is_no_case_number() -> None:
    meeting = _text([*HEADER, "1. Salg af grund", "Sagsnr.: 24/1001", "Sag: Salg af grunden",
                     "Beslutning", "Godkendt."])  # fmt: skip
    [item] = meeting.items
    assert item.case_number == "24/1001"


@pytest.mark.parametrize("reader", READERS)
def test_item_headings_number_dash_title(reader: str) -> None:
    lines = [x.split(". ", 1)[1] if k % 6 == 0 else x for k, x in enumerate(ITEMS)]
    lines = [f"{k // 6 + 1} - {x}" if k % 6 == 0 else x for k, x in enumerate(lines)]
    contents = ["Indholdsfortegnelse", *(f"{k + 1}. {t} {k + 2}" for k, t in
                enumerate(["Godkendelse af dagsorden", "Salg af grund ved Havnevej",
                           "Personalesag", "Køb af ejendom"]))]  # fmt: skip
    meeting = READERS[reader]([*HEADER, *contents, *lines])
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "24/100"), ("2", "Salg af grund ved Havnevej", "24/200"),
        ("3", "Personalesag", "24/300"), ("4", "Køb af ejendom", "24/400"),
    ]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("heading", ["Udvalgets beslutning", "Byrådets afgørelse"])
def test_an_owners_decision_heading_without_colon_or_bold(reader: str, heading: str) -> None:
    lines = [*HEADER, "1. Salg af grund", "Sagsnr.: 24/100", "Indstilling",
             "Forvaltningen indstiller,", "at grunden sælges.", heading, "Godkendt."]  # fmt: skip
    [item] = READERS[reader](lines).items
    assert item.decision == "Godkendt."
    assert item.recommendation == "Forvaltningen indstiller,\nat grunden sælges."


# --- page furniture ----------------------------------------------------------------------------


def _pages(lines: list[str], size: int) -> list[list[str]]:
    return [lines[i : i + size] for i in range(0, len(lines), size)]


def test_a_footer_naming_the_referat_under_a_heading_is_furniture() -> None:
    pages = _pages([*HEADER, *ITEMS], 7)
    pages = [[*page, "Referat - Byrådet - 12. marts 2024", f"Side {k + 1} af {len(pages)}"]
             for k, page in enumerate(pages)]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    texts = [item.title for item in meeting.items] + [item.decision for item in meeting.items]
    texts += [s.text for item in meeting.items for s in item.sections]
    assert not any("Referat - Byrådet" in t for t in texts)
    assert [i.title for i in meeting.items][1] == "Salg af grund ved Havnevej"


@pytest.mark.parametrize("size", [10, 11, 13])
def test_a_running_header_on_every_page_but_the_title_page_of_a_short_referat(size: int) -> None:
    pages = _pages([*HEADER, *ITEMS], size)
    assert len(pages) == 3
    pages = [page if k == 0 else ["Byrådet 12-03-2024", *page] for k, page in enumerate(pages)]
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    texts = [item.title for item in meeting.items] + [item.decision for item in meeting.items]
    texts += [s.text for item in meeting.items for s in item.sections]
    assert not any("12-03-2024" in t for t in texts)
    assert [i.decision for i in meeting.items] == ["Godkendt."] * 4


def test_a_repeated_sentence_at_page_tops_does_not_make_the_last_items_attachments() -> None:
    """ "at sagen godkendes, og" tops two pages in a row, as a running header would; the page
    after them holds an item with its case number, so it is the referat, not an attachment."""
    recommended = ["Indstilling", "Forvaltningen indstiller,", "at sagen godkendes, og",
                   "at udgiften afholdes af puljen.", "Beslutning", "Godkendt."]  # fmt: skip
    pages = [
        [*HEADER, "1. Salg af grund", "Sagsnr.: 24/100", "Resumé", "Sagen forelægges.",
         "Indstilling", "Forvaltningen indstiller,"],
        ["at sagen godkendes, og", "at udgiften afholdes af puljen.", "Beslutning", "Godkendt.",
         "2. Tilskud til spejderhytte", "Sagsnr.: 24/200", "Forvaltningen indstiller,"],
        ["at sagen godkendes, og", "at udgiften afholdes af puljen.", "Beslutning", "Godkendt.",
         "3. Vejbelysning", "Sagsnr.: 24/300", "Beslutning", "Godkendt."],
        ["4. Eventuelt", "Sagsnr.: 24/400", *recommended],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    assert [(i.number, i.case_number, i.decision) for i in meeting.items] == [
        ("1", "24/100", "Godkendt."), ("2", "24/200", "Godkendt."), ("3", "24/300", "Godkendt."),
        ("4", "24/400", "Godkendt."),
    ]  # fmt: skip


def test_an_absence_line_on_the_next_page_is_not_part_of_the_decision() -> None:
    """The decision ends a page; the next page opens with the running header and then
    "Fraværende: …". The line is the absence under that item, not the decision's last words."""
    pages = _pages([*HEADER, *ITEMS], 8)
    pages[-1].append("Fraværende: Per Dam (Ø)")
    pages = [[*([] if k == 0 else ["Teknik- og Miljøudvalget 12-03-2024"]), *page] for k, page in
             enumerate([*pages, [pages[-1].pop()]])]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    assert [i.decision for i in meeting.items] == ["Godkendt."] * 4


@pytest.mark.parametrize("reader", READERS)
def test_a_body_named_udvalget_for_above_the_document_kind(reader: str) -> None:
    lines = ["Udvalget for Kultur og Fritid", "Referat", "Dato: 18.10.2024",
             "Tid og sted: Kl. 16.30 i Kantinen, Lejrevej 15", *ITEMS[:6]]  # fmt: skip
    meeting = READERS[reader](lines)
    assert (meeting.body, f"{meeting.starts_at:%Y-%m-%d %H:%M}", meeting.location) == (
        "Udvalget for Kultur og Fritid",
        "2024-10-18 16:30",
        "Kantinen, Lejrevej 15",
    )


def test_a_three_line_running_header_on_every_page_the_title_pages_too() -> None:
    """ "Byrådet" / "Referat" / "12. marts 2024" tops every page, the first as well, where it
    is also the meeting's own header: the body is still read, and the date line is furniture."""
    running = ["Byrådet", "Referat", "12. marts 2024"]
    pages = _pages(["tirsdag den 12. marts 2024 kl. 16.00", "Byrådssalen", *ITEMS], 7)
    _fmt, [meeting] = importers.parse(
        make_pdf([[*running, *page] for page in pages]), source="unseen.pdf"
    )
    assert (meeting.body, f"{meeting.starts_at:%Y-%m-%d %H:%M}") == ("Byrådet", "2024-03-12 16:00")
    texts = [item.title for item in meeting.items] + [item.decision for item in meeting.items]
    texts += [s.text for item in meeting.items for s in item.sections]
    assert not any("12. marts 2024" in t for t in texts)
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden", "Salg af grund ved Havnevej", "Personalesag", "Køb af ejendom",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "when",
    ["tirsdag den 12. marts 2024 kl. 16.00", "Dato: Tirsdag, March 12, 2024 - 16:00",
     "12. marts 2024 kl. 16.00"],
)  # fmt: skip
@pytest.mark.parametrize("place", ["Byrådssalen", "Mødelokale 2", "Kantinen, Lejrevej 15"])
@pytest.mark.parametrize("title", [[], ["Byrådet", "REFERAT"]], ids=["no title", "title"])
def test_the_place_under_the_date_stays_the_place_when_the_running_header_took_the_body(
    when: str, place: str, title: list[str]
) -> None:
    """The running header "Byrådet" / "Referat" / date took the title page's body with it: the
    line under the date is the place, not the body, and a weekday before an English date is no
    body either ("Tirsdag," was read as the body)."""
    running = ["Byrådet", "Referat", "12. marts 2024"]
    pages = _pages([*title, when, place, *ITEMS], 7)
    _fmt, [meeting] = importers.parse(
        make_pdf([[*running, *page] for page in pages]), source="unseen.pdf"
    )
    assert (meeting.body, meeting.location, f"{meeting.starts_at:%Y-%m-%d %H:%M}") == (
        "Byrådet", place, "2024-03-12 16:00"
    )  # fmt: skip


@pytest.mark.parametrize("place", ["Byrådssalen", "Rådhuset, lokale 1.12"])
def test_the_place_under_the_date_when_a_running_header_names_the_body(place: str) -> None:
    """ "Referat" / "Byrådet" / date / place on the title page, "Byrådet 12-03-2024" over the
    other pages, the body in capitals over the items of the last pages and a footer naming the
    referat: the body's line is page furniture on most pages and was taken from the title page
    too, and the place under the date was read as the body."""
    head = [f"{n}. {t} {n + 1}" for n, t in enumerate(TITLES, start=1)]
    pages = [["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 16.00", place,
              "Indholdsfortegnelse", *head, *_item(1, TITLES[0])]]  # fmt: skip
    for n, title in enumerate(TITLES[1:], start=2):
        capitals = ["BYRÅDET"] if n > 2 else []
        pages.append(["Byrådet 12-03-2024", *capitals, *_item(n, title)])
    pages = [[*page, "Referat - Byrådet - 12. marts 2024", f"Side {k + 1} af {len(pages)}"]
             for k, page in enumerate(pages)]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    assert (meeting.body, meeting.location) == ("Byrådet", place)
    assert [i.title for i in meeting.items] == TITLES


@pytest.mark.parametrize("reader", list(DOCUMENT_READERS))
def test_a_body_line_under_the_date_is_still_the_body(reader: str) -> None:
    """ "Referat" / date / "Handicaprådet": a body's name under the date names the body."""
    meeting = DOCUMENT_READERS[reader](["Referat", "tirsdag den 12. marts 2024 kl. 16.00",
                                        "Handicaprådet", "Byrådssalen", *ITEMS])  # fmt: skip
    assert (meeting.body, meeting.location) == ("Handicaprådet", "Byrådssalen")


def test_the_same_decision_at_the_foot_of_pages_in_a_row_is_kept() -> None:
    """A decision with numbers in it closes two pages running, right under its heading: it is
    the referat's text, not a footer, however often it repeats."""
    decision = "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen."
    pages = [
        [*HEADER, *_item(1, "Salg af grund", decision)],
        [*_item(2, "Tilskud til spejderhytte", decision)],
        [*_item(3, "Vejbelysning", decision)],
    ]
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    assert [i.decision for i in meeting.items] == [decision] * 3


def test_the_page_header_of_a_two_page_referat_restating_its_footer() -> None:
    """Two pages: the footer "Referat - Byrådet - 12. marts 2024" repeats, the page header
    "Byrådet 12-03-2024" stands on the second page only, so it cannot repeat; it names the
    footer's body and date, and is furniture too."""
    footer = "Referat - Byrådet - 12. marts 2024"
    pages = _pages([*HEADER, *ITEMS], 14)
    pages = [[*page, footer, f"Side {k + 1} af 2"] for k, page in enumerate(pages)]
    pages[1].insert(0, "Byrådet 12-03-2024")
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    texts = [item.title for item in meeting.items] + [item.decision for item in meeting.items]
    texts += [s.text for item in meeting.items for s in item.sections]
    assert not any("12-03-2024" in t or "Referat - " in t for t in texts)
    assert [i.decision for i in meeting.items] == ["Godkendt."] * 4


def test_the_last_page_holding_only_the_last_decision_is_no_attachment() -> None:
    """As above, but the last page holds only the end of the last item: its dated decision
    heading says it is the referat's."""
    pages = [
        [*HEADER, "1. Salg af grund", "Sagsnr.: 24/100", "Resumé", "Sagen forelægges.",
         "Indstilling", "Forvaltningen indstiller,"],
        ["at sagen godkendes, og", "at udgiften afholdes af puljen.", "Beslutning", "Godkendt.",
         "2. Tilskud til spejderhytte", "Sagsnr.: 24/200", "Forvaltningen indstiller,"],
        ["at sagen godkendes, og", "at udgiften afholdes af puljen.",
         "Beslutning i Byrådet den 12-03-2024", "Godkendt.", "3. Vejbelysning",
         "Sagsnr.: 24/300", "Forvaltningen indstiller,"],
        ["at lamperne skiftes i år.", "Beslutning i Byrådet den 12-03-2024", "Anbefales."],
    ]  # fmt: skip
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="unseen.pdf")
    assert [(i.number, i.decision) for i in meeting.items] == [
        ("1", "Godkendt."), ("2", "Godkendt."), ("3", "Anbefales."),
    ]  # fmt: skip
