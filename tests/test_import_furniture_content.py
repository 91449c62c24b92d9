"""Page furniture is a line the layout repeats (on most pages, or with a page number or a date in
it), never the referat's own text that the page breaks happen to put at a page's edge twice:
an indstilling's "at …" lines, a line that runs on into the next, a sentence that opens two
pages in a row. Built in code through the PDF, text and Word readers (page breaks in each)."""

from __future__ import annotations

import io

import docx
import pytest

from meetingtui import importers
from meetingtui.models import Meeting
from tests.docfixtures import make_pdf

HEADER = ["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 16.00", "Byrådssalen"]


def _read(pages: list[list[str]], reader: str) -> Meeting:
    if reader == "pdf":
        data = make_pdf(pages)
    elif reader == "text":
        data = "\f".join("\n".join(page) for page in pages).encode()
    else:
        document = docx.Document()
        for k, page in enumerate(pages):
            if k:
                document.add_page_break()
            for line in page:
                document.add_paragraph(line)
        out = io.BytesIO()
        document.save(out)
        data = out.getvalue()
    _fmt, [meeting] = importers.parse(data, source=f"furniture.{reader}")
    return meeting


def _words(text: str) -> str:
    return " ".join(text.split())  # a PDF's line breaks are layout


def _item(number: int, title: str, *recommended: str) -> list[str]:
    return [f"{number}. {title}", f"Sagsnr.: 24/{number}00", "Resumé", "Sagen forelægges.",
            "Indstilling", "Forvaltningen indstiller,", *recommended, "Beslutning",
            "Godkendt."]  # fmt: skip


@pytest.mark.parametrize("reader", ["pdf", "text", "docx"])
def test_an_at_line_at_the_foot_of_two_pages_in_a_row_stays_in_the_indstilling(
    reader: str,
) -> None:
    """The page breaks fall inside two indstillinger, right after the same "at …" line (with
    an amount in it, as a footer with a number would have): it is the indstilling's text."""
    first = "at der gives en tillægsbevilling på 2,1 mio. kr., og"
    rest = "at udgiften afholdes af puljen."
    one, two, three = (_item(n, t, first, rest) for n, t in
                       ((1, "Salg af grund"), (2, "Tilskud til spejderhytte"), (3, "Vejbelysning")))  # fmt: skip
    cut_one, cut_two = one.index(first) + 1, two.index(first) + 1
    pages = [
        [*HEADER, *one[:cut_one]],
        [*one[cut_one:], *two[:cut_two]],
        [*two[cut_two:], *three],
    ]
    meeting = _read(pages, reader)
    assert [_words(i.recommendation) for i in meeting.items] == [
        f"Forvaltningen indstiller, {first} {rest}"
    ] * 3


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_an_at_line_without_numbers_at_the_foot_of_two_of_three_pages(reader: str) -> None:
    """The eval's case: a three-page referat with its running header on every page, and "at
    sagen godkendes, og" the last line of pages 1 and 2 (two of three pages, in a row)."""
    running = ["Udvalget for Kultur og Fritid", "Referat", "18. oktober 2024"]
    one = _item(1, "Salg af grund", "at sagen godkendes, og", "at udgiften afholdes af puljen.")
    two = _item(2, "Personalesag", "at sagen godkendes, og", "at udgiften afholdes af puljen.")
    three = _item(3, "Vejbelysning", "at lamperne skiftes.")
    head = ["Dato: 18.10.2024", "Tid og sted: Kl. 16.30 i Kantinen, Lejrevej 15"]
    pages = [[*running, *head, *one[:7]], [*running, *one[7:], *two[:7]],
             [*running, *two[7:], *three]]  # fmt: skip
    meeting = _read(pages, reader)
    assert [_words(i.recommendation) for i in meeting.items] == [
        "Forvaltningen indstiller, at sagen godkendes, og at udgiften afholdes af puljen.",
        "Forvaltningen indstiller, at sagen godkendes, og at udgiften afholdes af puljen.",
        "Forvaltningen indstiller, at lamperne skiftes.",
    ]
    assert meeting.body == "Udvalget for Kultur og Fritid"
    texts = [s.text for i in meeting.items for s in i.sections] + [
        i.decision for i in meeting.items
    ]
    assert not any("18. oktober 2024" in t or "Referat" in t for t in texts)


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_a_sentence_opening_two_pages_of_six_is_no_running_header(reader: str) -> None:
    """Pages 3 and 4 open with the same last sentence of the item before's sagsfremstilling:
    a line without a page number or date at the top of two pages in a row of six is the text,
    not a header (furniture without a number stands on most pages)."""
    pages = [[*HEADER]]
    for n in range(1, 7):
        pages.append([
            *(["Sagen er sendt i høring."] if n in (3, 4) else []),
            f"{n}. Punkt nummer {n}", f"Sagsnr.: 24/{n}00", "Beslutning", "Godkendt.",
            "Sagsfremstilling", "Sagen forelægges for udvalget.",
        ])  # fmt: skip
    meeting = _read(pages, reader)
    texts = {i.number: [_words(s.text) for s in i.sections] for i in meeting.items}
    assert texts["2"] == texts["3"] == ["Sagen forelægges for udvalget. Sagen er sendt i høring."]
    assert texts["1"] == ["Sagen forelægges for udvalget."]


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_a_sentence_opening_half_the_pages_of_four_is_no_running_header(reader: str) -> None:
    """Pages 2 and 3 of four open with the same sentence ("Sagen forelægges for udvalget."):
    it is the text, not a running header, and the last page, which does not repeat it, is the
    referat's, not an appended attachment."""
    item = ["Resumé", "Sagen forelægges for udvalget.", "Beslutning:"]
    pages = [
        [*HEADER, "1. Salg af grund", "Sagsnr.: 24/100", *item, "Godkendt.",
         "2. Trafikplan", "Sagsnr.: 24/200", "Resumé"],
        ["Sagen forelægges for udvalget.", "Beslutning:", "Anbefales.", "3. Vejbelysning",
         "Sagsnr.: 24/300", "Resumé"],
        ["Sagen forelægges for udvalget.", "Beslutning:", "Udsat.", "4. Eventuelt",
         "Sagsnr.: 24/400", "Indstilling", "Forvaltningen indstiller,"],
        ["at sagen tages til efterretning.", "Beslutning:",
         "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen."],
    ]  # fmt: skip
    meeting = _read(pages, reader)
    assert [(i.number, i.decision) for i in meeting.items] == [
        ("1", "Godkendt."), ("2", "Anbefales."), ("3", "Udsat."),
        ("4", "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen."),
    ]  # fmt: skip
    assert [[_words(s.text) for s in i.sections] for i in meeting.items[:3]] == [
        ["Sagen forelægges for udvalget."]
    ] * 3
    assert _words(meeting.items[3].recommendation) == (
        "Forvaltningen indstiller, at sagen tages til efterretning."
    )
    assert meeting.unplaced == []


@pytest.mark.parametrize("reader", ["pdf", "text"])
@pytest.mark.parametrize("cut", [4, 5], ids=["heading atop the pages", "heading at the foot"])
@pytest.mark.parametrize("head", ["Beslutning", "Byrådet den 12-03-2024"])
def test_a_decision_split_by_the_page_breaks_of_three_short_pages_is_kept(
    reader: str, cut: int, head: str
) -> None:
    """Three short pages break inside each item's decision: the decision heading ("Beslutning",
    or the body and date alone) and "Godkendt." stand at the pages' edges, two pages in a row.
    A heading and the decision under it are the referat, not a running header or footer."""
    items = [[f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Sagsfremstilling", "Sagen forelægges.",
              head, "Godkendt."] for n, title in
             ((1, "Salg af grund"), (2, "Tilskud til spejderhytte"), (3, "Vejbelysning"))]  # fmt: skip
    one, two, three = items
    pages = [[*HEADER, *one[:cut]], [*one[cut:], *two[:cut]], [*two[cut:], *three]]
    meeting = _read(pages, reader)
    assert [(i.decision, [s.text for s in i.sections]) for i in meeting.items] == [
        ("Godkendt.", ["Sagen forelægges."])
    ] * 3


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_the_proposers_line_at_the_foot_of_two_pages_in_a_row_opens_the_indstilling(
    reader: str,
) -> None:
    """ "Direktøren for Teknik og Miljø indstiller over for Byrådet:" (no "Indstilling" heading
    above it) ends pages 1 and 2: it is the first line of each item's indstilling."""
    proposer = "Direktøren for Teknik og Miljø indstiller over for Byrådet:"
    items = [[f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Resumé", "Sagen forelægges.", proposer,
              "at sagen godkendes.", "Beslutning", "Godkendt."] for n, title in
             ((1, "Salg af grund"), (2, "Tilskud til spejderhytte"), (3, "Vejbelysning"))]  # fmt: skip
    one, two, three = items
    pages = [[*HEADER, *one[:5]], [*one[5:], *two[:5]], [*two[5:], *three]]
    meeting = _read(pages, reader)
    assert [i.recommendation for i in meeting.items] == [f"{proposer}\nat sagen godkendes."] * 3
    assert [i.decision for i in meeting.items] == ["Godkendt."] * 3


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_a_decision_heading_under_the_page_header_of_a_short_referat_is_kept(reader: str) -> None:
    """Page 2 opens with its header "Byrådet 12-03-2024" (it restates the footer, so it is
    furniture) and then the decision heading "Byrådet, 12.03.2024" over "Godkendt.", which
    names the same body and date and is no furniture."""
    footer = ["Referat - Byrådet - 12. marts 2024"]
    one = ["1. Salg af grund", "Sagsnr.: 24/100", "Sagsfremstilling", "Sagen forelægges."]
    rest = ["Byrådet, 12.03.2024", "Godkendt.", "2. Vejbelysning", "Sagsnr.: 24/200",
            "Sagsfremstilling", "Sagen forelægges.", "Byrådet, 12.03.2024", "Udsat."]  # fmt: skip
    pages = [[*HEADER, *one, *footer], ["Byrådet 12-03-2024", *rest, *footer]]
    meeting = _read(pages, reader)
    assert [(i.decision, [s.text for s in i.sections]) for i in meeting.items] == [
        ("Godkendt.", ["Sagen forelægges."]), ("Udsat.", ["Sagen forelægges."])
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_a_document_and_case_number_line_under_every_item_heading_is_no_running_header(
    reader: str,
) -> None:
    """Each item fills a page, "Dok.nr.: 24/5555 Sagsnr.: …" under its heading: the line's
    numbers differ only by the case number, and no number in it counts the pages (the case
    year 23 on page 2 and the document number's 24 on page 3 are both one apart from the page,
    which is no page number either)."""
    cases = ["24/1234", "23/777", "19/20001", "21/300"]
    titles = ["Salg af grund", "Vejbelysning", "Skolestruktur", "Klage over afgørelse"]
    pages = [
        [*(HEADER if n == 1 else []), f"{n}. {title}", f"Dok.nr.: 24/5555 Sagsnr.: {case}",
         "Resumé", "Sagen forelægges for udvalget.", "Beslutning", "Godkendt."]
        for n, (title, case) in enumerate(zip(titles, cases, strict=True), start=1)
    ]  # fmt: skip
    meeting = _read(pages, reader)
    assert [(i.title, i.case_number) for i in meeting.items] == list(
        zip(titles, cases, strict=True)
    )


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_a_page_number_after_a_document_number_in_a_running_footer_is_still_furniture(
    reader: str,
) -> None:
    """A footer "Referat, dok.nr. 24/5555 - side 3": its page number counts the pages in the
    same place of the line on every page, beside a number that does not; it is furniture."""
    titles = ["Salg af grund", "Vejbelysning", "Skolestruktur", "Klage over afgørelse"]
    pages = [
        [*(HEADER if n == 1 else []), f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Resumé",
         "Sagen forelægges for udvalget.", "Beslutning", "Godkendt.",
         f"Referat, dok.nr. 24/5555 - side {n}"]
        for n, title in enumerate(titles, start=1)
    ]  # fmt: skip
    meeting = _read(pages, reader)
    assert [(i.case_number, i.decision) for i in meeting.items] == [
        (f"24/{n}00", "Godkendt.") for n in range(1, 5)
    ]
    texts = [s.text for i in meeting.items for s in i.sections]
    assert not any("side" in t for t in [*texts, *meeting.unplaced])


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_the_committees_name_in_capitals_over_an_item_at_the_foot_of_pages_is_no_footer(
    reader: str,
) -> None:
    """ "KOMMUNALBESTYRELSEN" over the next item's heading at the foot of three pages of five:
    a line with the text going on under it is the referat's, not a footer; taken for one, it
    took the title page's "Kommunalbestyrelsen" with it, the place became the body, and the
    last page, without the "footer", an appended attachment (found by the eval's seed 7)."""

    def item(n: int, title: str) -> list[str]:
        return [f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Resumé", "Sagen forelægges for udvalget.",
                "Beslutning", "Godkendt."]  # fmt: skip

    group = "KOMMUNALBESTYRELSEN"
    title = ["Kommunalbestyrelsen", "Referat", "tirsdag den 27. september 2021 kl. 17.30",
             "Byrådssalen"]  # fmt: skip
    pages = [[*title, *item(1, "Salg af grund")], [*item(2, "Vejbelysning"), group, "3. Skolestruktur"],
             [*item(3, "")[1:], group, "4. Klage over afgørelse"], [*item(4, "")[1:], group, "5. Eventuelt"],
             item(5, "")[1:]]  # fmt: skip
    meeting = _read(pages, reader)
    assert (meeting.body, meeting.location) == ("Kommunalbestyrelsen", "Byrådssalen")
    assert [(i.case_number, i.decision) for i in meeting.items] == [
        (f"24/{n}00", "Godkendt.") for n in range(1, 6)
    ]
    assert [i.unplaced for i in meeting.items] == [[], [group], [group], [group], []]


@pytest.mark.parametrize("reader", ["pdf", "text"])
@pytest.mark.parametrize(
    "field", ["Afbud:", "Fraværende:", "Tilstede var:\nBorgmester Bo Krag\nLise Vig"]
)
@pytest.mark.parametrize("head", ["Referat", "Teknik- og Miljøudvalget, 01.07.2015"])
def test_a_decision_heading_atop_a_page_over_the_attendance_heads_the_decision(
    reader: str, field: str, head: str
) -> None:
    """The page breaks right before an item's decision heading ("Referat", the body and the
    date), which has the attendance field left empty under it, or the list of who was there,
    and then the decision: the heading was taken for the running header's word or a restatement
    of the running footer, the decision lost, and "Godkendt." read as an absent member (found by
    the eval's seeds 2718 and 3434)."""
    field_lines = field.split("\n")
    running = "Teknik- og Miljøudvalget 01-07-2015"
    footer = ["Referat - Teknik- og Miljøudvalget - 1. juli 2015"]
    title = ["Referat", "Teknik- og Miljøudvalget", "onsdag den 1. juli 2015 kl. 16.00",
             "Byrådssalen"]  # fmt: skip
    pages = [
        [*title, "1 Salg af grund", "Journalnr. 19/10731", "Resumé", "Sagen forelægges.",
         head, *field_lines, "Anbefales.", "2 Personalesag", "Journalnr. 19/10732", "Resumé",
         "Sagen forelægges.", *footer, "Side 1 af 3"],
        [running, head, *field_lines, "Godkendt.", "3 Vejbelysning", "Journalnr. 19/10733",
         "Resumé", "Sagen forelægges.", *footer, "Side 2 af 3"],
        [running, head, *field_lines, "Udsat.", "4 Eventuelt", "Journalnr. 19/10734", head,
         *field_lines, "Taget til efterretning.", *footer, "Side 3 af 3"],
    ]  # fmt: skip
    meeting = _read(pages, reader)
    assert [(i.decision, i.absences) for i in meeting.items] == [
        ("Anbefales.", []), ("Godkendt.", []), ("Udsat.", []), ("Taget til efterretning.", [])
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["pdf", "text"])
def test_an_attendance_sentence_at_the_foot_of_two_of_three_pages_stays(reader: str) -> None:
    """The same substitute sentence under the decisions that end the first two of three pages
    was a running footer (two of three pages are most of them): a sentence of the text is
    furniture only where it stands on every page after the first."""
    seat = "Per Dam (Ø) havde meldt afbud, og Ida Kold (Ø) deltog i stedet."
    pages = [
        [*HEADER, "1. Godkendelse af dagsorden", "Sagsnr.: 24/100", "Beslutning", "Godkendt.",
         "Fremmøde og inhabilitet:", seat],
        ["BYRÅDET", "2. Budget", "Sagsnr.: 24/200", "Beslutning", "Godkendt.",
         "Fremmøde og inhabilitet:", seat],
        ["3. Eventuelt", "Sagsnr.: 24/300", "Beslutning", "Intet."],
    ]  # fmt: skip
    meeting = _read(pages, reader)
    assert [[a.name for a in item.absences] for item in meeting.items] == [
        ["Per Dam"],
        ["Per Dam"],
        [],
    ]
    assert [p.name for p in meeting.participants] == ["Per Dam", "Ida Kold"]
