"""A table of contents whose leaders and page numbers were partly lost, as OCR reads a scanned
contents page ("Godkendelse af dagsorden." beside "Bro mellem Dokk1 og Balticagade......"): it is
still the contents. Its lines must not end up as the referat's "other text", and an entry it
marks closed ("Lukket: Personalesag") closes the item even where the item's own heading does
not say so; read as text, that closed mark was lost and the item was open."""

from __future__ import annotations

from meetingtui import importers
from meetingtui.models import Meeting
from tests.docfixtures import make_pdf

COVER = ["REFERAT Byrådet d. 12-03-2024", "Mødedato", "Tirsdag d. 12. marts 2024 kl. 16:00",
         "Mødested", "Byrådssalen"]  # fmt: skip

# As OCR gave it: the leaders of some entries read, of others lost or read as letters, and the
# page numbers in a column of their own that OCR left out.
CONTENTS = [
    "Indholdsfortegnelse",
    "Godkendelse af dagsorden.",
    "Salg af grund ved Havnevej.",
    "Budgetopfølgning 2024 for Teknik og Miljø og for Kultur og Borgerservice i Aarhu:",
    "Lukket: Personalesag.",
    "Køb af ejendom...............................",
]

TITLES = ["Godkendelse af dagsorden", "Salg af grund ved Havnevej",
          "Budgetopfølgning 2024 for Teknik og Miljø og for Kultur og Borgerservice i Aarhus",
          "Personalesag", "Køb af ejendom"]  # fmt: skip


def _item(number: int, title: str) -> list[str]:
    return [f"Punkt {number}: {title}", f"EMN-2024-00{number}", "Beslutninger", "Godkendt.",
            "Sagsfremstilling", "Sagen forelægges til beslutning."]  # fmt: skip


def _meeting(contents: list[str] = CONTENTS) -> Meeting:
    pages = [COVER, contents, *[_item(n, t) for n, t in enumerate(TITLES, start=1)]]
    _fmt, [meeting] = importers.parse(make_pdf(pages), source="scannet.pdf")
    return meeting


def test_a_contents_page_with_lost_leaders_is_the_contents() -> None:
    meeting = _meeting()
    assert [i.title for i in meeting.items] == TITLES
    assert not meeting.unplaced, meeting.unplaced


def test_an_entry_marked_closed_there_closes_its_item() -> None:
    meeting = _meeting()
    assert {i.number: i.closed for i in meeting.items} == {
        "1": False, "2": False, "3": False, "4": True, "5": False,
    }  # fmt: skip


def test_what_follows_the_entries_on_their_page_is_kept() -> None:
    # An absence list on the contents page is the meeting's, not an entry: nothing on the page
    # is taken for the contents beyond the entries the leaders mark.
    meeting = _meeting([*CONTENTS, "Fraværende:", "Bo Hansen (A)"])
    assert [p.name for p in meeting.participants if p.attendance != "present"] == ["Bo Hansen"]
