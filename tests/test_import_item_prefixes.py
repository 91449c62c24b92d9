"""Item headings that refer to the item ("Ad 3) Budget 2025", "Ad pkt. 3: Budget 2025") or put
the number before the word ("3. punkt: Budget 2025"): the item's number and its title without
the prefix, through the text, PDF and Word readers. Documents built in code."""

from __future__ import annotations

import io

import pytest

from meetingtui import importers
from meetingtui.models import Meeting
from tests.docfixtures import DOCUMENT_READERS, make_pdf

READERS = DOCUMENT_READERS
HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]

STYLES = [
    "Ad {n}) {title}",
    "Ad pkt. {n}: {title}",
    "Ad punkt {n} - {title}",
    "{n}. punkt: {title}",
    "Punkt {n}: {title}",
    "Ad {n}. {title}",
    "Ad {n}: {title}",
    "Ad. pkt. {n} {title}",
    "AD PKT. {n}: {title}",
    "Ad punkt nr. {n}: {title}",
    "{n}. pkt. - {title}",
]
TITLES = ["Budget 2025", "Salg af grund ved Havnevej", "Adgangsvej til Nørreby Skole",
          "Administrationsgrundlag for parkering"]  # fmt: skip
DECISIONS = ["Godkendt.", "Anbefales.", "Taget til efterretning.", "Udsat."]


def _lines(style: str, first: int = 3) -> list[str]:
    lines = list(HEADER)
    for k, title in enumerate(TITLES):
        lines += [style.format(n=first + k, title=title), f"Sagsnr.: 24/{1000 + k}",
                  "Sagsfremstilling", "Sagen forelægges.", "Beslutning", DECISIONS[k]]  # fmt: skip
    return lines


def _expected(first: int = 3) -> list[tuple[str, str, str, str]]:
    return [
        (str(first + k), title, f"24/{1000 + k}", DECISIONS[k]) for k, title in enumerate(TITLES)
    ]


def _read(meeting: Meeting) -> list[tuple[str, str, str, str]]:
    return [(i.number, i.title, i.case_number, i.decision) for i in meeting.items]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("style", STYLES)
def test_the_prefix_is_no_part_of_the_title(reader: str, style: str) -> None:
    meeting = READERS[reader](_lines(style))
    assert _read(meeting) == _expected()
    assert meeting.body == "Økonomiudvalget"


@pytest.mark.parametrize("style", STYLES)
def test_the_prefixed_headings_styled(style: str) -> None:
    """As a Word heading style and as bold PDF lines."""
    import docx

    lines = _lines(style, first=1)
    heading = {style.format(n=1 + k, title=t) for k, t in enumerate(TITLES)} | {"Beslutning",
                                                                                  "Sagsfremstilling"}  # fmt: skip
    document = docx.Document()
    for line in lines:
        if line in heading:
            document.add_heading(line, level=1 if line[0] in "AaP1234" else 2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    pdf = make_pdf([[f"**{line}" if line in heading else line for line in lines]])
    for data, name in ((out.getvalue(), "ad.docx"), (pdf, "ad.pdf")):
        _fmt, [meeting] = importers.parse(data, source=name)
        assert _read(meeting) == _expected(first=1), name


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    "title",
    ["Adgangsvej til Nørreby Skole", "Administrationsgrundlag for parkering",
     "Ad hoc-udvalg om trafik", "Adresseliste 2. halvår", "Ad hoc-gruppe 3 - status"],
)  # fmt: skip
def test_an_ordinary_title_beginning_with_ad_is_kept_whole(reader: str, title: str) -> None:
    lines = [*HEADER, f"1. {title}", "Sagsnr.: 24/1001", "Beslutning", "Godkendt.",
             "2. Trafikplan", "Sagsnr.: 24/1002", "Beslutning", "Anbefales."]  # fmt: skip
    meeting = READERS[reader](lines)
    assert [(i.number, i.title) for i in meeting.items] == [("1", title), ("2", "Trafikplan")]


@pytest.mark.parametrize("reader", READERS)
def test_ad_lines_under_a_decision_answer_the_indstilling_and_are_no_items(reader: str) -> None:
    """ "Ad 1) Godkendt." / "Ad 2) Udsat." under "Beslutning": the decision on each point of the
    indstilling, not items 1 and 2."""
    lines = [*HEADER, "1. Budget 2025", "Sagsnr.: 24/1001", "Indstilling",
             "Forvaltningen indstiller,", "1) at budgettet godkendes,",
             "2) at anlægsrammen udsættes.", "Beslutning", "Ad 1) Godkendt.", "Ad 2) Udsat.",
             "Sagsfremstilling", "Budgettet forelægges.", "2. Trafikplan", "Sagsnr.: 24/1002",
             "Beslutning", "Anbefales."]  # fmt: skip
    meeting = READERS[reader](lines)
    assert [(i.number, i.title) for i in meeting.items] == [("1", "Budget 2025"),
                                                          ("2", "Trafikplan")]  # fmt: skip
    assert meeting.items[0].decision == "Ad 1) Godkendt.\nAd 2) Udsat."


@pytest.mark.parametrize("reader", READERS)
def test_prefixed_entries_in_the_contents_are_no_items(reader: str) -> None:
    contents = ["Indholdsfortegnelse", "Ad pkt. 3: Budget 2025 .......... 2",
                "Ad pkt. 4: Salg af grund ved Havnevej (Lukket punkt) .......... 3",
                "Ad pkt. 5: Adgangsvej til Nørreby Skole .......... 3",
                "Ad pkt. 6: Administrationsgrundlag for parkering .......... 4"]  # fmt: skip
    lines = _lines("Ad pkt. {n}: {title}")
    meeting = READERS[reader]([*lines[:4], *contents, *lines[4:]])
    assert _read(meeting) == _expected()
    assert [i.closed for i in meeting.items] == [False, True, False, False]
