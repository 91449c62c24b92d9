"""More layout families of other municipalities' agenda systems: one label for the case and the
document number ("Sagsnr./Dok.nr."), field-form closed markers among the item's other fields,
short Danish dates in the header, and one-item files whose header line carries the closed
marker. Built in code through the text, PDF and Word readers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.archive import FileStatus, import_paths
from meetingtui.dates import find_date
from tests.docfixtures import DOCUMENT_READERS, make_pdf
from tests.formats import WRITERS, Item, Part, Spec, as_pdf
from tests.meetings import stored

READERS = DOCUMENT_READERS
HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]


def _item(number: int, title: str, fields: list[str]) -> list[str]:
    return [f"{number}. {title}", *fields, "Sagsfremstilling", "Sagen forelægges.", "Beslutning",
            "Godkendt."]  # fmt: skip


# --- one label for the case and the document number ------------------------------------------

COMBINED_LABELS = [
    "Sagsnr./Dok.nr.: 24/1001",
    "Sagsnr./dok.nr.: 24/1001",
    "Sags nr. / Dok. nr.: 24/1001",
    "J.nr./Dok.nr.: 24/1001",
    "Sagsnr./Dok.nr. 24/1001",
    "Sagsnr./Dok.nr.: 24/1001 / 24/55321",
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("label", COMBINED_LABELS)
def test_a_label_for_case_and_document_number_gives_the_case_number(
    reader: str, label: str
) -> None:
    meeting = READERS[reader]([*HEADER, *_item(1, "Budgetopfølgning", [label]),
                               *_item(2, "Trafikplan", ["Sagsnr.: 24/1002"])])  # fmt: skip
    assert [(i.title, i.case_number) for i in meeting.items] == [
        ("Budgetopfølgning", "24/1001"), ("Trafikplan", "24/1002")
    ]  # fmt: skip
    first = meeting.items[0]
    assert [(s.heading, s.text) for s in first.sections] == [
        ("Sagsfremstilling", "Sagen forelægges.")
    ]
    assert first.unplaced == (["/ 24/55321"] if "55321" in label else [])


@pytest.mark.parametrize("reader", READERS)
def test_the_combined_label_with_its_values_on_the_next_line(reader: str) -> None:
    lines = _item(1, "Budgetopfølgning", ["Sagsnr./Dok.nr.:", "24/1001 / 24/55321"])
    [item] = READERS[reader]([*HEADER, *lines]).items
    assert (item.title, item.case_number, item.decision) == (
        "Budgetopfølgning", "24/1001", "Godkendt."
    )  # fmt: skip


# --- short Danish dates in the header ----------------------------------------------------------

SHORT_DATES = [
    ("Dato: 12/3 2024", None),
    ("Dato: 12/3-2024", None),
    ("Mødedato: 12.3.24", None),
    ("Dato 12-03-24", None),
    ("Dato: 12/3-24", None),
    ("Dato: 12/3 24", None),
    ("Dato: 12. marts 24", None),
    ("Dato: 12. mar. 24", None),
    ("Mødedato: tirsdag 12/3 2024", None),
    ("Tirsdag den 12/3 2024 kl. 16.30", (16, 30)),
    ("Tirsdag d. 12/3-24 kl. 16.30", (16, 30)),
    ("Mødedato: 12.3.24 kl. 16.30", (16, 30)),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("line", "clock"), SHORT_DATES, ids=[d for d, _ in SHORT_DATES])
def test_short_danish_dates_in_the_header(
    reader: str, line: str, clock: tuple[int, int] | None
) -> None:
    lines = ["Referat", "Økonomiudvalget", line, "Byrådssalen",
             *_item(1, "Budgetopfølgning", ["Sagsnr.: 24/1001"])]  # fmt: skip
    meeting = READERS[reader](lines)
    hour, minute = clock or (0, 0)
    assert meeting.starts_at == datetime(2024, 3, 12, hour, minute)
    assert (meeting.body, meeting.location) == ("Økonomiudvalget", "Byrådssalen")


@pytest.mark.parametrize(
    ("text", "short_year", "expected"),
    [
        ("12/3 2024", False, date(2024, 3, 12)),
        ("12/3 -2024", False, date(2024, 3, 12)),
        ("12/3-2024", False, date(2024, 3, 12)),
        ("12/3-24", True, date(2024, 3, 12)),
        ("12/3 24", True, date(2024, 3, 12)),
        ("12. marts 24", True, date(2024, 3, 12)),
        ("12. mar. -24", True, date(2024, 3, 12)),
        ("12/3-24", False, None),  # in running text a two-digit year is no date
        ("12. marts 24", False, None),
        ("12. marts 24.5", True, None),
        ("12.3.24.1", True, None),
        ("31/2 2024", False, None),
        ("kl. 09.30-11.30", True, None),  # a clock time's range, no 30 November 2030
        ("12.3-24", True, None),
    ],
)
def test_the_short_forms_are_read_in_one_place(
    text: str, short_year: bool, expected: date | None
) -> None:
    found = find_date(text, short_year=short_year)
    assert (found.day.date() if found else None) == expected


# --- closed and open fields anywhere in the item's field block ---------------------------------

FIELDS = [
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Status: Lukket"], True),
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Forvaltning: Teknik og Miljø",
      "Offentlighed: Ikke offentlig"], True),
    (["Sagsnr.: 24/1001", "Lukket: Ja"], True),
    (["Sagsnr.: 24/1001", "Ansvarlig: Bo Hansen", "Fortrolig: Ja"], True),
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Status: Åben/lukket"], True),
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Offentlig: Nej"], True),
    (["Sagsnr.: 24/1001", "Lukket: Nej"], False),
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Åben: Ja"], False),
    (["Sagsnr.: 24/1001", "Sagsbehandler: Bo Hansen", "Offentlighed: Åben"], False),
]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("fields", "closed"), FIELDS, ids=[f[0][-1] for f in FIELDS])
def test_a_closed_field_among_the_items_fields_closes_it(
    reader: str, fields: list[str], closed: bool
) -> None:
    meeting = READERS[reader]([*HEADER, *_item(1, "Salg af grund", fields),
                               *_item(2, "Trafikplan", ["Sagsnr.: 24/1002"])])  # fmt: skip
    assert [(i.title, i.closed) for i in meeting.items] == [
        ("Salg af grund", closed), ("Trafikplan", False)
    ]  # fmt: skip
    first = meeting.items[0]
    assert first.case_number == "24/1001"
    assert [(s.heading, s.text) for s in first.sections] == [
        ("Sagsfremstilling", "Sagen forelægges.")
    ]
    text = " ".join([*first.unplaced, *(s.text for s in first.sections)])
    assert fields[-1] not in text  # the marker is read, not left as text


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("heading", ["", "Sagsoplysninger"])
def test_closed_fields_in_every_format(fmt: str, heading: str) -> None:
    """The fields as the first part of the item, under no heading or under their own."""
    rest = [
        Part("Sagsfremstilling", ["Sagen forelægges."]),
        Part("Beslutning", ["Godkendt."], True),
    ]
    spec = Spec(items=[
        Item(str(n), f"Sag {n}", f"24/{n}", [Part(heading, ["Sagsbehandler: Bo Hansen", field]), *rest])
        for n, (field, _closed) in enumerate(FIELD_VALUES, start=1)
    ])  # fmt: skip
    _fmt, [meeting] = importers.parse(WRITERS[fmt](spec), source=f"felter.{fmt}")
    assert [i.closed for i in meeting.items] == [closed for _field, closed in FIELD_VALUES]


FIELD_VALUES = [("Status: Lukket", True), ("Lukket: Ja", True), ("Offentlighed: Ikke offentlig", True),
                ("Lukket: Nej", False), ("Åben: Ja", False), ("Offentlighed: Åben", False)]  # fmt: skip


def test_a_field_after_the_body_text_is_text() -> None:
    """Only the field block before the body text: "Status: Lukket for trafik" in the case's
    text says nothing about the item."""
    lines = [*HEADER, "1. Vejarbejde på Havnevej", "Sagsnr.: 24/1001", "Sagsfremstilling",
             "Vejen er spærret i to uger.", "Status: Lukket for trafik", "Beslutning", "Godkendt."]  # fmt: skip
    [item] = READERS["text"](lines).items
    assert item.closed is False
    assert "Lukket for trafik" in " ".join(f"{s.heading}: {s.text}" for s in item.sections)


# --- one item per file, the closed marker in the header line -----------------------------------

ONE_ITEM_FILES = [
    (["Økonomiudvalget, 12.03.2024, pkt. 7 - Lukket punkt", "Beslutning", "Godkendt."],
     "Lukket punkt"),
    (["Økonomiudvalget, 12.03.2024, pkt. 7 - Lukket punkt", "Salg af grund", "Sagsnr.: 24/1007",
      "Beslutning", "Godkendt."], "Salg af grund"),
    (["Økonomiudvalget, 12.03.2024, punkt 7 (Lukket)", "Salg af grund", "Beslutning",
      "Godkendt."], "Salg af grund"),
    (["Økonomiudvalget, 12.03.2024, Pkt. 7: Lukket sag", "Sagsnr.: 24/1007", "Beslutning",
      "Godkendt."], "Lukket punkt"),
    (["Økonomiudvalget 12. marts 2024, punkt 7 - Salg af grund (Lukket)", "Beslutning",
      "Godkendt."], "Salg af grund"),
    (["Økonomiudvalget 12.03.2024, pkt. 7 - Salg af grund - lukket punkt", "Beslutning",
      "Godkendt."], "Salg af grund"),
]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("lines", "title"), ONE_ITEM_FILES, ids=[f[0][0] for f in ONE_ITEM_FILES])
def test_a_one_item_file_with_the_closed_marker_in_its_header_line(
    reader: str, lines: list[str], title: str
) -> None:
    meeting = READERS[reader](lines)
    assert (meeting.body, meeting.starts_at) == ("Økonomiudvalget", datetime(2024, 3, 12))
    [item] = meeting.items
    assert (item.number, item.title, item.closed, item.decision) == ("7", title, True, "Godkendt.")
    assert item.case_number == ("24/1007" if "Sagsnr.: 24/1007" in lines else "")
    assert not any("pkt" in u.casefold() or "punkt" in u.casefold() for u in meeting.unplaced)


@pytest.mark.parametrize("reader", READERS)
def test_a_one_item_file_with_its_title_in_the_header_line_is_open(reader: str) -> None:
    meeting = READERS[reader](
        ["Økonomiudvalget, 12.03.2024, pkt. 7 - Salg af grund", "Beslutning", "Godkendt."]
    )
    [item] = meeting.items
    assert (item.number, item.title, item.closed) == ("7", "Salg af grund", False)


def test_the_closed_item_file_joins_its_meeting_closed(tmp_path: Path, db_path: Path) -> None:
    parts = [
        Part("Sagsfremstilling", ["Sagen forelægges."]),
        Part("Beslutning", ["Godkendt."], True),
    ]
    referat = Spec(items=[Item(str(n), f"Sag {n}", f"24/{n}", parts) for n in range(1, 7)])
    (tmp_path / "referat.pdf").write_bytes(as_pdf(referat))
    [first] = import_paths(db_path, [tmp_path / "referat.pdf"], workers=1).files
    lines = ["Økonomiudvalget, 12.03.2024, pkt. 7 - Lukket punkt", "**Beslutning", "Godkendt."]
    (tmp_path / "pkt7.pdf").write_bytes(make_pdf([lines]))
    [joined] = import_paths(db_path, [tmp_path / "pkt7.pdf"], workers=1).files
    assert (joined.status, joined.meeting_ids) == (FileStatus.IMPORTED, first.meeting_ids)
    meeting = stored(db_path, first.meeting_ids[0])
    assert [(i.number, i.closed) for i in meeting.items][-2:] == [("6", False), ("7", True)]
    assert meeting.items[-1].title == "Lukket punkt"


# --- case-number labels of other systems ---------------------------------------------------------

SYSTEM_LABELS = ["Sagsid: 24/1001", "Sags-ID: 24/1001", "Sags ID: 24/1001", "Acadre sagsnr.: 24/1001",
                 "Acadre-sagsnr.: 24/1001", "SBSYS sagsnr.: 24/1001", "ESDH-nr.: 24/1001",
                 "ESDH: 24/1001", "Sagsnummer (ESDH): 24/1001", "Sagsnr. (Acadre): 24/1001",
                 "Journal nr.: 24/1001", "WorkZone sagsnr.: 24/1001"]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("label", SYSTEM_LABELS)
def test_case_number_labels_naming_the_system(reader: str, label: str) -> None:
    meeting = READERS[reader]([*HEADER, *_item(1, "Budgetopfølgning", [label]),
                               *_item(2, "Trafikplan", ["Sagsnr.: 24/1002"])])  # fmt: skip
    assert [(i.title, i.case_number) for i in meeting.items] == [
        ("Budgetopfølgning", "24/1001"), ("Trafikplan", "24/1002")
    ]  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("times", ["kl. 09.30-11.30", "kl. 16.00-18.30", "Kl. 9.30 - 11.30"])
def test_a_labelled_time_range_under_the_date(reader: str, times: str) -> None:
    lines = ["Referat fra mødet i Økonomiudvalget", "Dato: 12.03.2024", f"Tidspunkt: {times}",
             "Lokale: Byrådssalen", *_item(1, "Budgetopfølgning", ["Sagsnr.: 24/1001"])]  # fmt: skip
    meeting = READERS[reader](lines)
    start = (9, 30) if "9.30" in times else (16, 0)
    assert (meeting.starts_at.hour, meeting.starts_at.minute) == start
    assert (meeting.body, meeting.location) == ("Økonomiudvalget", "Byrådssalen")


@pytest.mark.parametrize("reader", READERS)
def test_a_field_line_under_an_unstyled_heading_is_no_part_of_the_title(reader: str) -> None:
    lines = [*HEADER, "Pkt. 2: Salg af grund ved Havnevej", "Sagsbehandler: Bo Hansen",
             "Status: Lukket", "Sags nr.: 18/10253", "Resumé", "Sagen forelægges.", "Beslutning",
             "Taget til efterretning."]  # fmt: skip
    [item] = READERS[reader](lines).items
    assert (item.title, item.case_number, item.closed) == (
        "Salg af grund ved Havnevej", "18/10253", True
    )  # fmt: skip


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("heading", [["5 Anlægsbevilling til cykelsti"],
                                     ["Pkt. 5", "Anlægsbevilling til cykelsti"]])  # fmt: skip
def test_the_items_fields_between_its_heading_and_its_case_number(
    reader: str, heading: list[str]
) -> None:
    """ "5 Anlægsbevilling til cykelsti" unstyled is an item only with its case number under it,
    and "Pkt. 5" takes its title from the next line: the item's other fields may stand between
    them and the case number, and the field above the number is no item's title."""
    lines = [*HEADER, "4 Budgetopfølgning", "Sagsnr.: 24/1004", "Beslutning", "Godkendt.",
             *heading, "Ansvarlig: Bo Hansen",
             "Offentlighed: Ikke offentlig", "J.nr./Dok.nr.:", "24/1005", "Resumé",
             "Sagen forelægges.", "Beslutning", "Udsat."]  # fmt: skip
    meeting = READERS[reader](lines)
    assert [(i.number, i.title, i.case_number, i.closed, i.decision) for i in meeting.items] == [
        ("4", "Budgetopfølgning", "24/1004", False, "Godkendt."),
        ("5", "Anlægsbevilling til cykelsti", "24/1005", True, "Udsat."),
    ]
