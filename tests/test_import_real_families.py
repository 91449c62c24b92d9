"""Wordings of real municipal referats that the generated eval did not write, each family
anonymised and built in code through the text, PDF and Word readers: closed markers among
the fields of a case-number line, case labels without a colon, ..."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.docfixtures import DOCUMENT_READERS

READERS = DOCUMENT_READERS
HEADER = ["Referat", "Byrådet", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]


def _item(number: int, title: str, fields: list[str], decision: str = "Godkendt.") -> list[str]:
    return [f"{number}. {title}", *fields, "Sagsfremstilling", "Sagen forelægges.", "Beslutning",
            decision]  # fmt: skip


# --- the marker among the fields of the case-number line ---------------------------------------

# One line of metadata: the case number, the document number, the case officer's initials and
# the item's access, as ESDH exports print it.
CASE_LINES = [
    ("Sagsnr.: 330-2024-3619      Dok.nr.: 330-2024-500399      Lukket", "330-2024-3619", True),
    ("Sagsnr.: 330-2024-3619      Dok.nr.: 330-2024-500301      Åbent", "330-2024-3619", False),
    ("Dok.nr.: 1693 Sagsid.: 24/17602 Initialer: ps Lukket sag", "24/17602", True),
    ("Dok.nr.: 1693 Sagsid.: 24/17602 Initialer: ps Åben sag", "24/17602", False),
    ("Sagsid.: 24/33839, Sagsinitialer: AGV, Fortroligt", "24/33839", True),
    ("Sagsnr. 299835 Kultur- og Idrætsudvalget Lukket punkt", "299835", True),
    ("Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt", "299835", False),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("line", "case", "closed"), CASE_LINES)
def test_a_closed_marker_after_the_case_number_on_its_line_closes_the_item(
    reader: str, line: str, case: str, closed: bool
) -> None:
    meeting = READERS[reader]([*HEADER, *_item(1, "Salg af areal", [line]),
                               *_item(2, "Trafikplan", ["Sagsnr.: 24/1002"])])  # fmt: skip
    first, second = meeting.items
    assert (first.title, first.case_number, first.closed) == ("Salg af areal", case, closed)
    assert (second.case_number, second.closed, second.decision) == ("24/1002", False, "Godkendt.")


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("marker", ["Lukket", "Lukket punkt", "Fortrolig"])
def test_a_document_number_line_with_the_marker_under_the_case_number(
    reader: str, marker: str
) -> None:
    lines = _item(1, "Salg af areal", ["Sagsnr.: 24/1003", f"Dok.nr.: 24/5555    {marker}"])
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert (item.case_number, item.closed, item.decision) == ("24/1003", True, "Godkendt.")


# --- "Sag 306-2019-700": the short label without a colon ---------------------------------------


# Each field on a line of its own under the heading: the case, the document, the initials and
# the access ("Åbent" / "Lukket"), then the sections.
def _polweb_item(number: int, title: str, case: str, access: str) -> list[str]:
    return [f"{number}. {title}", f"Sag {case}", "Dok. 306-2024-263412", "Initialer: PIM",
            access, "Sagsfremstilling", "Sagen forelægges.", "Beslutning", "Godkendt."]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
def test_the_case_label_sag_without_a_colon_before_a_case_number(reader: str) -> None:
    meeting = READERS[reader]([
        *HEADER, *_polweb_item(1, "Spørgetid for borgerne", "306-2009-600", "Åbent"),
        *_polweb_item(2, "Køb af ejendom", "306-2024-700", "Lukket"),
        *_polweb_item(3, "Vejnavne", "24/1001", "Åbent"),
    ])  # fmt: skip
    assert [(i.number, i.title, i.case_number, i.closed) for i in meeting.items] == [
        ("1", "Spørgetid for borgerne", "306-2009-600", False),
        ("2", "Køb af ejendom", "306-2024-700", True),
        ("3", "Vejnavne", "24/1001", False),
    ]
    assert not meeting.unplaced
    assert all(i.decision == "Godkendt." for i in meeting.items)


@pytest.mark.parametrize("reader", READERS)
def test_sag_and_a_short_number_in_a_decision_stays_text(reader: str) -> None:
    lines = _item(1, "Godkendelse af dagsorden", ["Sagsnr.: 24/1001"], "Godkendt.")
    lines += ["Sag 3 udgår.", "Sag 2024 blev drøftet."]
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert item.case_number == "24/1001"
    assert item.decision.splitlines() == ["Godkendt.", "Sag 3 udgår.", "Sag 2024 blev drøftet."]


# --- an empty attendance field under the decision heading ---------------------------------------


# The decision's template has a "Fraværende:" field that is left empty when nobody was absent;
# the decision follows it.
@pytest.mark.parametrize("reader", READERS)
def test_an_empty_absent_field_under_the_decision_heading_is_no_name(reader: str) -> None:
    def item(number: int, title: str, absent: str, decision: list[str]) -> list[str]:
        return [f"{number}. {title} (B)", f"Sagsnr.: 330-2024-{number}", "Kompetence: Byrådet",
                "Indstilling", "Borgmesteren indstiller,", "1. at sagen godkendes",
                "Beslutning i Byrådet den 12. marts 2024:", f"Fraværende:{absent}",
                *decision]  # fmt: skip

    meeting = READERS[reader]([
        *HEADER,
        *item(1, "Godkendelse af dagsorden", "", ["Godkendt."]),
        *item(2, "Siden sidst", " ", ["Brev til regionen om busruter er afsendt.",
                                      "Hjemmesiden bliver opdateret."]),
        *item(3, "Salg af areal", " Ole Krog (V)", ["Godkendt."]),
    ])  # fmt: skip
    assert [(i.decision, [a.name for a in i.absences]) for i in meeting.items] == [
        ("Godkendt.", []),
        ("Brev til regionen om busruter er afsendt.\nHjemmesiden bliver opdateret.", []),
        ("Godkendt.", ["Ole Krog"]),
    ]


@pytest.mark.parametrize("reader", READERS)
def test_an_absent_label_over_the_names_under_the_decision_heading(reader: str) -> None:
    lines = ["1. Salg af areal", "Sagsnr.: 24/1001", "Beslutning", "Fraværende:",
             "Ole Krog (V) og Bo Lund (A)"]  # fmt: skip
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert [a.name for a in item.absences] == ["Ole Krog", "Bo Lund"]


# --- "Nr.60 - Title" and the first item under an address -------------------------------------

NR_HEADINGS = ["Nr.{n} - {title}", "Nr. {n}: {title}", "Nr. {n} - {title}", "Nr.{n}. {title}"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("style", NR_HEADINGS)
def test_nr_before_the_item_number(reader: str, style: str) -> None:
    def item(n: int, title: str, case: list[str]) -> list[str]:
        return [style.format(n=n, title=title), *case,
                "Beslutning i Byrådet den 12-03-2024", "Godkendt."]  # fmt: skip

    meeting = READERS[reader]([*HEADER, *item(60, "Godkendelse af dagsordenen", []),
                               *item(61, "Salg af grund", ["Sagsnr.: 24/100"]),
                               *item(62, "Lukket: Køb af grund", ["Sagsnr.: 24/101"])])  # fmt: skip
    assert [(i.number, i.title, i.case_number, i.closed, i.decision) for i in meeting.items] == [
        ("60", "Godkendelse af dagsordenen", "", False, "Godkendt."),
        ("61", "Salg af grund", "24/100", False, "Godkendt."),
        ("62", "Køb af grund", "24/101", True, "Godkendt."),
    ]
    assert (meeting.body, meeting.location) == ("Byrådet", "Byrådssalen")


@pytest.mark.parametrize("reader", READERS)
def test_the_first_item_under_an_address_that_ends_in_the_town(reader: str) -> None:
    meeting = READERS[reader]([
        "Referat", "Teknik- og Bygningsudvalget tirsdag den 13. august 2024 kl. 16.30",
        "Mødelokale Tårnet, Rådhuset, Torvet 20, 4000 Nørreby",
        "1. Godkendelse af dagsorden", "Beslutning", "Godkendt.",
        "2. Ny lejer i rådhuset", "Sagsfremstilling", "Der er en ny lejer.", "Beslutning",
        "Tiltrådt.",
    ])  # fmt: skip
    assert meeting.location == "Mødelokale Tårnet, Rådhuset, Torvet 20, 4000 Nørreby"
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."), ("2", "Ny lejer i rådhuset", "Tiltrådt.")
    ]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
def test_a_number_in_a_wrapped_sentence_is_still_no_item(reader: str) -> None:
    lines = ["1. Budget", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Udvalget behandlede sagen på sit møde i marts og besluttede at sende den videre til",
             "2. behandling i Byrådet.", "Beslutning", "Godkendt."]  # fmt: skip
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert item.decision == "Godkendt."


# --- the body's name over the document kind ----------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", ["Referat", "REFERAT", "Beslutningsprotokol"])
@pytest.mark.parametrize("place", ["Rådhuset", "Mødelokale 2", "Byrådssalen"])
def test_the_body_over_the_document_kind_and_the_place_under_the_date(
    reader: str, kind: str, place: str
) -> None:
    meeting = READERS[reader](["Økonomiudvalget", kind, "tirsdag den 23. marts 2024 kl. 16.30",
                               place, "1. Godkendelse af dagsordenen", "Sagsnr.: 24/99",
                               "Beslutning", "Godkendt."])  # fmt: skip
    assert (meeting.body, meeting.location, meeting.unplaced) == ("Økonomiudvalget", place, [])
    assert meeting.starts_at.strftime("%Y-%m-%d %H:%M") == "2024-03-23 16:30"


# --- parts headed "Åbne" / "Lukkede" and "Til behandling - for lukkede døre" -------------------

PARTS = [("Åbne", "Lukkede"), ("Til behandling - for åbne døre", "Til behandling - for lukkede døre"),
         ("Til efterretning - for åbne døre", "Til behandling - for lukkede døre"),
         ("For åbne døre", "For lukkede døre")]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("open_part", "closed_part"), PARTS)
def test_the_closed_part_headed_by_a_word_of_its_own(
    reader: str, open_part: str, closed_part: str
) -> None:
    meeting = READERS[reader]([
        *HEADER, "Indholdsfortegnelse", open_part, "40. Erhvervsstrategi", "41. Vejbelysning",
        closed_part, "42. Køb af grund",
        open_part, *_item(40, "Erhvervsstrategi", ["Sagsnr.: 24/1001"]),
        *_item(41, "Vejbelysning", ["Sagsnr.: 24/1002"]), closed_part,
        *_item(42, "Køb af grund", ["Sagsnr.: 24/1003"]),
    ])  # fmt: skip
    assert [(i.number, i.title, i.closed, i.decision) for i in meeting.items] == [
        ("40", "Erhvervsstrategi", False, "Godkendt."),
        ("41", "Vejbelysning", False, "Godkendt."),
        ("42", "Køb af grund", True, "Godkendt."),
    ]
    assert (meeting.location, meeting.unplaced) == ("Byrådssalen", [])


@pytest.mark.parametrize("reader", READERS)
def test_the_part_words_only_in_the_contents(reader: str) -> None:
    meeting = READERS[reader]([
        *HEADER, "Indholdsfortegnelse", "Åbne", "40. Erhvervsstrategi", "Lukkede",
        "41. Køb af grund", *_item(40, "Erhvervsstrategi", ["Sagsnr.: 24/1001"]),
        *_item(41, "Køb af grund", ["Sagsnr.: 24/1003"]),
    ])  # fmt: skip
    assert [(i.number, i.closed) for i in meeting.items] == [("40", False), ("41", True)]


# --- the journal plan's number and the case's own on one unlabelled line -----------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("line", ["24.00P00 - 2015/01786", "03.01.00P00 - 2015/01900",
                                  "00.01.00 – 24/1786"])  # fmt: skip
def test_an_unlabelled_journal_plan_and_case_number_under_the_heading(
    reader: str, line: str
) -> None:
    meeting = READERS[reader]([*HEADER, *_item(40, "Erhvervsstrategi 2015", [line]),
                               *_item(41, "Vejbelysning", ["24.00P00 - 2015/01800"])])  # fmt: skip
    assert [(i.title, i.case_number) for i in meeting.items] == [
        ("Erhvervsstrategi 2015", line), ("Vejbelysning", "24.00P00 - 2015/01800")
    ]  # fmt: skip


# --- a web page's navigation saved with the referat --------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("nav", ["Til toppen", "Tilbage til toppen", "Udskriv", "Fold alle ud"])
def test_the_web_pages_navigation_is_page_furniture(reader: str, nav: str) -> None:
    meeting = READERS[reader]([
        "Byrådet - Referat", "Dato: 29. januar 2025", "Lokale: Byrådssalen, Rådhuset",
        "Tidspunkt: Kl. 19:00", nav, "1. Fraværende", "Resume", "Sagsforløb: BY",
        "Sagsfremstilling", "Der er afbud fra Bo Holm.", "Beslutning", "Bo Holm.", nav,
        "2. Salg af grund", "Resume", "Sagsforløb: ØK/BY", "Sagsfremstilling",
        "Grunden sælges.", "Beslutning", "Godkendt.", nav,
    ])  # fmt: skip
    assert [(i.title, i.decision) for i in meeting.items] == [
        ("Fraværende", "Bo Holm."), ("Salg af grund", "Godkendt.")
    ]  # fmt: skip
    assert (meeting.body, meeting.location, meeting.unplaced) == (
        "Byrådet", "Byrådssalen, Rådhuset", []
    )  # fmt: skip
    assert meeting.starts_at.strftime("%Y-%m-%d %H:%M") == "2025-01-29 19:00"


# --- "Starttidspunkt for møde:" ----------------------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
def test_start_and_end_time_labels_naming_the_meeting(reader: str) -> None:
    meeting = READERS[reader]([
        "Kommunalbestyrelsen", "Referat", "Dato: Onsdag den 15. maj 2024",
        "Starttidspunkt for møde: Kl. 18:00", "Sluttidspunkt for møde: Kl. 20:30",
        "Mødested: Kommunalbestyrelsens mødelokale", *_item(1, "Budget", ["Sagsnr.: 24/1001"]),
    ])  # fmt: skip
    assert meeting.starts_at.strftime("%Y-%m-%d %H:%M") == "2024-05-15 18:00"
    assert meeting.ends_at is not None and meeting.ends_at.strftime("%H:%M") == "20:30"
    assert (meeting.location, meeting.unplaced) == ("Kommunalbestyrelsens mødelokale", [])


# --- parts named by the kind of their cases: "Lukkede beslutningssager" ------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", ["beslutningssager", "efterretningssager", "orienteringssager"])
def test_parts_named_by_the_kind_of_their_cases(reader: str, kind: str) -> None:
    meeting = READERS[reader]([
        *HEADER, f"ÅBNE {kind.upper()}", *_item(73, "Strukturplan", ["Sagsnr.: 24/1001"]),
        f"Åbne {kind}", *_item(74, "Valgsteder", ["Sagsnr.: 24/1002"]),
        f"LUKKEDE {kind.upper()}", *_item(75, "Salg af grund", ["Sagsnr.: 24/1003"]),
    ])  # fmt: skip
    assert [(i.number, i.closed) for i in meeting.items] == [
        ("73", False), ("74", False), ("75", True)
    ]  # fmt: skip
    assert meeting.items[1].decision == "Godkendt."


# --- the journal plan's number before the case's own under a second label ----------------------

PLAN_LINES = [
    ("J.nr.: 18.15.00 Sagsid.: 24/1234 Initialer: ab Åben sag", "24/1234", False),
    ("J.nr.: A09 Sagsid: 24/1234 Sagsbehandler: HY Lukket sag", "24/1234", True),
    ("J.nr.: 24.00P00 Sagsnr.: 2015/01786", "2015/01786", False),
    ("J.nr.: 06.00.00-G01-12-23 Sagsid.: 24/1234", "06.00.00-G01-12-23", False),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("line", "case", "closed"), PLAN_LINES)
def test_the_case_number_after_the_journal_plans_number(
    reader: str, line: str, case: str, closed: bool
) -> None:
    [item] = READERS[reader]([*HEADER, *_item(91, "Klage over afgørelse", [line])]).items
    assert (item.title, item.case_number, item.closed) == ("Klage over afgørelse", case, closed)
    assert item.decision == "Godkendt."


# --- "Kommunalbestyrelsens møde 28. november 2024 Punkt 2:" heading the decision ----------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    "head", ["Byrådets møde 12. marts 2024 Punkt {n}:", "Byrådets møde den 12. marts 2024, pkt. {n}",
             "Byrådets møde 12-03-2024 Punkt {n}"]
)  # fmt: skip
def test_the_bodys_meeting_the_date_and_the_item_head_the_decision(reader: str, head: str) -> None:
    def item(n: int, title: str, decision: str) -> list[str]:
        return [f"{n}. {title}", f"Sagsnr.: 24/100{n}", "Økonomiudvalget den 5. marts 2024, pkt. 3",
                "Resumé", "Sagen forelægges.", head.format(n=n), decision]  # fmt: skip

    meeting = READERS[reader]([*HEADER, *item(1, "Meddelelser", "Der var ingen meddelelser."),
                               *item(2, "Ny styrelsesvedtægt", "Godkendt.")])  # fmt: skip
    assert [(i.title, i.decision) for i in meeting.items] == [
        ("Meddelelser", "Der var ingen meddelelser."), ("Ny styrelsesvedtægt", "Godkendt.")
    ]  # fmt: skip
    assert [s.heading for s in meeting.items[1].sections] == ["Resumé"]


@pytest.mark.parametrize("reader", READERS)
def test_the_bodys_meeting_and_a_date_without_the_item_is_no_decision_heading(reader: str) -> None:
    lines = ["1. Budget", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Byrådets møde den 12. marts 2024", "Beslutning", "Godkendt."]  # fmt: skip
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert item.decision == "Godkendt."
    assert item.sections[0].text == "Byrådets møde den 12. marts 2024"


# --- who was there, listed under the decision heading before the decision ---------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("present", ["Tilstede var:", "Til stede:", "Deltagere:"])
def test_attendance_lists_under_the_decision_heading_and_the_decision_after_them(
    reader: str, present: str
) -> None:
    lines = ["1. Godkendelse af dagsorden", "Sagsnr.: 24/1000", "Beslutning", present,
             "Borgmester Frank Holm", "Borgmester Mette Kab", "Afbud fra:",
             "Anna Lund pga. arbejde.", "Dagsordenen blev godkendt.",
             "2. Budget", "Sagsnr.: 24/1001", "Beslutning", "Godkendt."]  # fmt: skip
    first, second = READERS[reader]([*HEADER, *lines]).items
    assert first.decision == "Dagsordenen blev godkendt."
    assert [a.name for a in first.absences] == ["Anna Lund pga. arbejde"]
    assert (second.decision, second.absences) == ("Godkendt.", [])


@pytest.mark.parametrize("reader", READERS)
def test_an_nr_heading_under_a_decision_that_ends_in_a_full_stop(reader: str) -> None:
    lines = ["Nr. 414: Eventuelt", "Sagsnr.: 24/1001", "Beslutning",
             "Sagen blev ikke behandlet og udsættes til næste møde.", "Nr. 415: Vejbelysning",
             "Sagsbehandler: Bo Hansen", "Status: Lukket", "Sagsnr.: 24/1002", "Beslutning",
             "Anbefales."]  # fmt: skip
    first, second = READERS[reader]([*HEADER, *lines]).items
    assert first.decision == "Sagen blev ikke behandlet og udsættes til næste møde."
    assert (second.number, second.title, second.closed, second.decision) == (
        "415", "Vejbelysning", True, "Anbefales."
    )  # fmt: skip


# --- the committee that prepared the items after it, in capitals --------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    "group", ["ØKONOMIUDVALGET", "TEKNIK- OG MILJØUDVALGET", "UDVALGET FOR KULTUR OG FRITID"]
)
def test_a_committees_name_in_capitals_over_the_next_item_is_no_line_of_the_decision(
    reader: str, group: str
) -> None:
    meeting = READERS[reader]([*HEADER, *_item(1, "Meddelelser", ["Sagsnr.: 24/1000"],
                                               "Der var ingen meddelelser."),
                               group, *_item(2, "Ny styrelsesvedtægt", ["Sagsnr.: 24/1001"])])  # fmt: skip
    first, second = meeting.items
    assert (first.decision, first.unplaced) == ("Der var ingen meddelelser.", [group])
    assert (second.title, second.decision) == ("Ny styrelsesvedtægt", "Godkendt.")


# --- a web page's date in English ----------------------------------------------------------------


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("title", [["Referat", "Kultur- og Idrætsudvalget"],
                                   ["Kultur- og Idrætsudvalget 03-04-2019"]])  # fmt: skip
@pytest.mark.parametrize(
    "when",
    ["Dato: Onsdag, April 3, 2019 - 18:00", "Wednesday, April 3, 2019 - 18:00",
     "Dato: 3 April 2019, kl. 18:00"],
)  # fmt: skip
def test_a_web_pages_date_in_english_gives_the_day_and_the_time(
    reader: str, title: list[str], when: str
) -> None:
    """The publishing system prints the date in English on a Danish page: the meeting had no
    date under the body's name alone, and under a title with the date in it lost its time."""
    meeting = READERS[reader]([*title, when, "Sted: Mødelokale 2A",
                               *_item(42, "Beslutninger om dagsordenen", ["Sagsnr. 299835"])])  # fmt: skip
    assert meeting.starts_at == datetime(2019, 4, 3, 18, 0)
    assert (meeting.body, meeting.location) == ("Kultur- og Idrætsudvalget", "Mødelokale 2A")
