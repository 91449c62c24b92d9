"""A sentence in the header in place of an absence list, as some referats write it:
"Medlemmerne var mødt, bortset fra X og Y, der havde meldt afbud.", "Der er afbud fra X og Y.",
"Alle medlemmer var mødt." It was read as a member named by the whole sentence. Small documents
made here through the document readers and a web page; the names are invented."""

from __future__ import annotations

import pytest

from tests.docfixtures import READERS_AND_WEB_PAGE, people_rows

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]
MEMBERS = "Deltagere: Bo Krag (A), Lise Vig (V), Per Dam (Ø)"
ITEMS = ["1. Godkendelse af dagsorden", "Sagsnr.: 24/100", "Beslutning:", "Godkendt.",
         "2. Eventuelt", "Sagsnr.: 24/200", "Beslutning:", "Intet."]  # fmt: skip

SENTENCES = [
    ("Medlemmerne var mødt, bortset fra Per Dam og Lise Vig, der havde meldt afbud.", "afbud"),
    ("Alle medlemmer var til stede undtagen Per Dam og Lise Vig.", "absent"),
    ("Medlemmerne var mødt, bortset fra Per Dam og Lise Vig, der var fraværende.", "absent"),
    ("Der er afbud fra Per Dam og Lise Vig.", "afbud"),
    ("Afbud er modtaget fra Per Dam og Lise Vig.", "afbud"),
]


@pytest.mark.parametrize("reader", list(READERS_AND_WEB_PAGE))
@pytest.mark.parametrize(("line", "attendance"), SENTENCES, ids=[x for x, _ in SENTENCES])
def test_a_sentence_for_the_absence_list(reader: str, line: str, attendance: str) -> None:
    meeting = READERS_AND_WEB_PAGE[reader]([*HEADER, MEMBERS, line, *ITEMS])
    assert people_rows(meeting) == [
        ("Bo Krag", "A", "medlem", "present", ""),
        ("Lise Vig", "V", "medlem", attendance, ""),
        ("Per Dam", "Ø", "medlem", attendance, ""),
    ]


@pytest.mark.parametrize("line", ["Alle medlemmer var mødt.", "Alle var til stede."])
def test_everyone_there_names_nobody(line: str) -> None:
    meeting = READERS_AND_WEB_PAGE["text"]([*HEADER, MEMBERS, line, *ITEMS])
    assert {p.attendance.value for p in meeting.participants} == {"present"}
    assert [p.name for p in meeting.participants] == ["Bo Krag", "Lise Vig", "Per Dam"]


def test_the_sentence_without_a_members_list_lists_the_absent() -> None:
    meeting = READERS_AND_WEB_PAGE["text"](
        [*HEADER, "Medlemmerne var mødt, bortset fra Per Dam (Ø), der havde meldt afbud.", *ITEMS]
    )
    assert people_rows(meeting) == [("Per Dam", "Ø", "medlem", "afbud", "")]
