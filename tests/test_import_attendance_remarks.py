"""Remarks inside a list of absent members, as referats write them: a substitute in a member's
seat in the same remark ("Afbud fra X stedfortræder Y"), a substitute called in ("Y
indkaldt"), a member who missed some items ("deltog ikke i behandlingen af punkt 3-5"), a role
after or before an absent member's name, "Fraværende i mødet:" as the label, the list over
several lines. Built in code through the text and PDF readers; no sample documents."""

from __future__ import annotations

import io

import docx
import pytest

from meetingtui import importers
from meetingtui.models import Attendance, Meeting, Role
from tests.docfixtures import DOCUMENT_READERS, people_rows

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]


def _read(lines: list[str], reader: str) -> Meeting:
    return DOCUMENT_READERS[reader](lines)


def _items(count: int) -> list[str]:
    titles = ["Godkendelse af dagsorden", "Budgetopfølgning", "Vejbelysning i Nørreby",
              "Tilskud til spejderhytte", "Skolestruktur 2025", "Eventuelt"]  # fmt: skip
    return [x for n in range(1, count + 1)
            for x in (f"{n}. {titles[n - 1]}", f"Sagsnr.: 24/{n}00", "Beslutning:", "Godkendt.")]  # fmt: skip


SEAT_REMARKS = [
    "Afbud fra Per Dam (Ø) stedfortræder Karen Holm (Ø)",
    "Afbud: Per Dam (Ø), stedfortræder: Karen Holm (Ø)",
    "Afbud: Per Dam (Ø) - stedfortræder Karen Holm (Ø)",
    "Afbud: Per Dam (Ø) (stedfortræder Karen Holm (Ø))",
    "Afbud: Per Dam (Ø) - Karen Holm (Ø) mødte som stedfortræder",
    "Afbud: Per Dam (Ø), i stedet mødte Karen Holm (Ø)",
    "Afbud: Per Dam (Ø), suppleant Karen Holm (Ø) indkaldt",
    "Afbud fra Per Dam (Ø), 1. stedfortræder Karen Holm (Ø) var indkaldt",
]


@pytest.mark.parametrize("reader", ["text", "pdf"])
@pytest.mark.parametrize("remark", SEAT_REMARKS)
def test_a_substitute_in_an_absent_members_seat_in_one_remark(reader: str, remark: str) -> None:
    """The member sent apologies; the substitute took part in that member's seat. It was read
    as one absent name ("Per Dam (Ø) stedfortræder Karen Holm") or as two absent members."""
    meeting = _read([*HEADER, "Deltagere: Bo Krag (A), Lise Vig (V)", remark, *_items(2)], reader)
    assert people_rows(meeting) == [
        ("Bo Krag", "A", "medlem", "present", ""),
        ("Lise Vig", "V", "medlem", "present", ""),
        ("Per Dam", "Ø", "medlem", "afbud", ""),
        ("Karen Holm", "Ø", "stedfortræder", "present", "Per Dam"),
    ]
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Budgetopfølgning"]


@pytest.mark.parametrize("reader", ["text", "pdf"])
def test_a_substitute_called_in_at_the_end_of_a_one_line_absence_list(reader: str) -> None:
    """ "…, Karen Holm indkaldt": the line ends in a small letter, and the item heading under it
    was taken for a number in a wrapped sentence, so the document had no first item; the
    substitute was no absent member."""
    remark = "Fraværende: Per Dam (Ø), Anne Sø (F), Karen Holm indkaldt"
    meeting = _read([*HEADER, remark, *_items(2)], reader)
    assert [i.number for i in meeting.items] == ["1", "2"]
    assert people_rows(meeting) == [
        ("Per Dam", "Ø", "medlem", "absent", ""),
        ("Anne Sø", "F", "medlem", "absent", ""),
        ("Karen Holm", "", "stedfortræder", "present", ""),
    ]


@pytest.mark.parametrize("reader", ["text", "pdf"])
@pytest.mark.parametrize("label", ["Fraværende i mødet:", "Fraværende:"])
def test_an_absence_list_over_several_lines_with_remarks(reader: str, label: str) -> None:
    """One absent member a line, a remark after a name: the member who missed items 3 to 5
    was at the meeting and is absent from those items; the substitute called in (of the
    absent member's party) sat in that member's seat. "Fraværende i mødet:" was no label."""
    lines = [label, "Per Dam (Ø)", "Anne Sø (F) deltog ikke i behandlingen af punkt 3-5",
             "Karen Holm (Ø) indkaldt"]  # fmt: skip
    meeting = _read([*HEADER, *lines, *_items(6)], reader)
    assert people_rows(meeting) == [
        ("Per Dam", "Ø", "medlem", "absent", ""),
        ("Anne Sø", "F", "medlem", "present", ""),
        ("Karen Holm", "Ø", "stedfortræder", "present", "Per Dam"),
    ]
    assert [[a.name for a in i.absences] for i in meeting.items] == [
        [], [], ["Anne Sø"], ["Anne Sø"], ["Anne Sø"], []
    ]  # fmt: skip


def test_a_substitute_called_in_who_did_not_come_is_no_participant() -> None:
    lines = ["Afbud: Per Dam (Ø). 1. suppleant Karen Holm (Ø) var indkaldt, men mødte ikke frem."]
    meeting = _read([*HEADER, *lines, *_items(1)], "text")
    assert [(p.name, p.attendance) for p in meeting.participants] == [("Per Dam", Attendance.AFBUD)]


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        ("Afbud fra Per Dam (Ø) stedfortræder Karen Holm (Ø)", [("Per Dam", "Afbud")]),
        ("Fraværende: Per Dam (Ø) - Karen Holm (Ø) mødte som stedfortræder",
         [("Per Dam", "Fraværende")]),
        ("Fraværende: Formand Bo Krag", [("Bo Krag", "Fraværende")]),
        ("Fraværende: Lise Vig, næstformand", [("Lise Vig", "Fraværende")]),
        ("Fraværende: Bo Krag (A), formand, og Lise Vig (V)",
         [("Bo Krag", "Fraværende"), ("Lise Vig", "Fraværende")]),
    ],
)  # fmt: skip
@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_an_items_absence_line_with_a_substitute_or_a_role(
    line: str, absent: list[tuple[str, str]], reader: str
) -> None:
    """Under the decision: the substitute is not absent, the role is no name, and "Afbud fra"
    without a colon is the absence line, not a line of the decision."""
    meeting = _read([*HEADER, "1. Budgetopfølgning", "Beslutning:", "Godkendt.", line], reader)
    [item] = meeting.items
    assert item.decision == "Godkendt."
    assert [(a.name, a.reason) for a in item.absences] == absent


@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_a_substitute_under_the_decisions_joins_a_listed_meetings_participants(
    reader: str,
) -> None:
    """The remark under every decision is the only place the substitute is named; a meeting
    that lists its members gets the substitute, present in the member's seat."""
    remark = "Fraværende: Per Dam (Ø) - Karen Holm (Ø) mødte som stedfortræder."
    lines = [*HEADER, "Medlemmer: Bo Krag (A), Per Dam (Ø)"]
    for n, title in ((1, "Budgetopfølgning"), (2, "Vejbelysning")):
        lines += [f"{n}. {title}", "Beslutning:", "Godkendt.", remark]
    meeting = _read(lines, reader)
    assert people_rows(meeting)[-1] == ("Karen Holm", "Ø", "stedfortræder", "present", "Per Dam")
    assert meeting.participants[-1].role is Role.STEDFORTRAEDER
    assert [[a.name for a in i.absences] for i in meeting.items] == [["Per Dam"], ["Per Dam"]]


# --- two members a line ------------------------------------------------------------------------

MEMBERS = [("Bo Krag", "A", "formand"), ("Lise Vig", "V", "medlem"), ("Per Dam", "Ø", "medlem"),
           ("Anne Sø", "F", "medlem")]  # fmt: skip
PAIRED_LINES = [
    ["Bo Krag (A) (Borgmester)   Lise Vig (V)", "Per Dam (Ø)   Anne Sø (F)"],
    ["Bo Krag, A (Borgmester)    Lise Vig, V", "Per Dam, Ø    Anne Sø, F"],
    ["Bo Krag (A), formand    Lise Vig (V)", "Per Dam (Ø)    Anne Sø (F)"],
    ["Bo Krag (A) - Borgmester    Lise Vig (V)", "Per Dam (Ø)    Anne Sø (F)"],
    ["Bo Krag, A, formand\tLise Vig, V", "Per Dam, Ø\tAnne Sø, F"],
]


@pytest.mark.parametrize("rows", PAIRED_LINES, ids=lambda rows: rows[0])
def test_two_members_a_line_in_columns(rows: list[str]) -> None:
    """A members list printed in two columns (a text export keeps the gap between them): the
    role or the comma after the first member of a line was read as the second one's ("Lise
    Vig" formand, "A  Lise Vig" a name)."""
    meeting = _read([*HEADER, "Deltagere:", *rows, *_items(1)], "text")
    assert [(p.name, p.affiliation, p.role.value) for p in meeting.participants] == MEMBERS


def test_a_flattened_members_table_with_two_members_a_row() -> None:
    """ "Navn Parti Navn Parti" over "Bo Krag A Lise Vig V", as PDF text flattens a table of
    four columns: no member was read."""
    rows = ["Navn Parti Navn Parti", "Bo Krag A Lise Vig V", "Per Dam Ø Anne Sø F"]
    meeting = _read([*HEADER, "Deltagere", *rows, *_items(1)], "pdf")
    assert [(p.name, p.affiliation) for p in meeting.participants] == [
        (name, party) for name, party, _role in MEMBERS
    ]


def test_a_word_table_with_two_members_a_row() -> None:
    """A Word table "Navn | Parti | Navn | Parti": the second member of each row was lost."""
    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    rows = [("Navn", "Parti", "Navn", "Parti"), ("Bo Krag", "A", "Lise Vig", "V"),
            ("Per Dam", "Ø", "Anne Sø", "F")]  # fmt: skip
    table = document.add_table(rows=len(rows), cols=4)
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for line in _items(1):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    _fmt, [meeting] = importers.parse(out.getvalue(), source="remarks.docx")
    assert [(p.name, p.affiliation) for p in meeting.participants] == [
        ("Bo Krag", "A"), ("Lise Vig", "V"), ("Per Dam", "Ø"), ("Anne Sø", "F")
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_a_remark_line_without_a_party_goes_on_with_the_absence_list(reader: str) -> None:
    """ "Lise Vig deltog ikke i behandlingen af punkt 2" under "Fraværende:" and its names: a
    name without a party and a sentence after it were no line of the list, which ended there
    (the remark became the meeting's place, and the substitute under it was lost)."""
    lines = ["Deltagere: Lise Vig (V), Per Dam (Ø)", "Fraværende:", "Per Dam (Ø)",
             "Lise Vig deltog ikke i behandlingen af punkt 2", "Mads Lund (Ø) indkaldt"]  # fmt: skip
    meeting = _read(["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
                     "Mødested: Byrådssalen", *lines, *_items(3)], reader)  # fmt: skip
    assert people_rows(meeting) == [
        ("Lise Vig", "V", "medlem", "present", ""),
        ("Per Dam", "Ø", "medlem", "absent", ""),
        ("Mads Lund", "Ø", "stedfortræder", "present", "Per Dam"),
    ]
    assert [[a.name for a in i.absences] for i in meeting.items] == [[], ["Lise Vig"], []]
    assert meeting.location == "Byrådssalen"


# --- the lists of a local committee's referat: with and without apologies, part of the meeting --


@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_absence_lists_by_kind_with_substitutes_and_part_of_the_meeting(reader: str) -> None:
    """ "Fraværende med afbud:" over lines of a member and the substitute called in or taking
    part ("…, Jes Kro deltog"), "Fraværende i mødet:" over those away for part of it ("til kl.
    18.40 i punkt 2": arrived then, missed the items before; "fra kl. 19.15 i punkt 2": left
    then, missed the items after), "Fraværende uden afbud:". The one who took part was read as
    a member with apologies named "Jes Kro deltog"; those away for part of the meeting were
    lost."""
    lines = ["Fraværende med afbud:", "Maria Berg, Mette Øst indkaldt",
             "Jens Ask og Henrik Bang, Jes Kro deltog", "Fraværende i mødet:",
             "Karoline Bech til kl. 18.40 i punkt 2", "Anne Rask fra kl. 19.15 i punkt 2",
             "Fraværende uden afbud:", "Jens Alm"]  # fmt: skip
    meeting = _read([*HEADER, *lines, *_items(3)], reader)
    assert people_rows(meeting) == [
        ("Maria Berg", "", "medlem", "afbud", ""),
        ("Mette Øst", "", "stedfortræder", "present", ""),
        ("Jens Ask", "", "medlem", "afbud", ""),
        ("Henrik Bang", "", "medlem", "afbud", ""),
        ("Jes Kro", "", "stedfortræder", "present", ""),
        ("Karoline Bech", "", "medlem", "present", ""),
        ("Anne Rask", "", "medlem", "present", ""),
        ("Jens Alm", "", "medlem", "absent", ""),
    ]
    second = meeting.items[1].id
    moves = {p.name: [(m.kind.value, m.at.strftime("%H.%M"), m.item_id) for m in p.movements]
             for p in meeting.participants if p.movements}  # fmt: skip
    assert moves == {"Karoline Bech": [("arrived", "18.40", second)],
                     "Anne Rask": [("left", "19.15", second)]}  # fmt: skip
    assert [[a.name for a in i.absences] for i in meeting.items] == [
        ["Karoline Bech"], [], ["Anne Rask"]
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["text", "docx"])
def test_a_substitute_in_a_members_place_in_the_genitive(reader: str) -> None:
    lines = ["Afbud fra Hanne Sim, Anne-Marie Arrøe deltager i Hanne Sims sted, samt Vera Eck."]
    meeting = _read([*HEADER, *lines, *_items(1)], reader)
    assert people_rows(meeting) == [
        ("Hanne Sim", "", "medlem", "afbud", ""),
        ("Vera Eck", "", "medlem", "afbud", ""),
        ("Anne-Marie Arrøe", "", "stedfortræder", "present", "Hanne Sim"),
    ]


@pytest.mark.parametrize("reader", ["text", "pdf", "docx"])
def test_sentences_about_attendance_under_the_decision(reader: str) -> None:
    """ "Fremmøde og inhabilitet:" and a sentence a member: "havde meldt afbud" and "udeblev"
    are absences from the item; the one who "deltog i stedet" is none."""
    lines = ["1. Godkendelse af dagsorden", "Beslutning", "Dagsordenen blev godkendt.",
             "Fremmøde og inhabilitet:",
             "Mikkel Hou havde meldt afbud, og Peter Steff deltog i stedet.",
             "Tahira Ali havde meldt afbud.", "Sheikh Mo udeblev uden afbud."]  # fmt: skip
    [item] = _read([*HEADER, *lines], reader).items
    assert [(a.name, a.reason) for a in item.absences] == [
        ("Mikkel Hou", "afbud"), ("Tahira Ali", "afbud"), ("Sheikh Mo", "udeblev")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "rows",
    [["Bo Krag, A (Borgmester)    Lise Vig, V", "Per Dam, Ø    Anne Sø, F"],
     ["Bo Krag (A) (Borgmester)    Lise Vig (V)", "Per Dam (Ø)    Anne Sø (F)"]],
    ids=lambda rows: rows[0],
)  # fmt: skip
def test_two_members_a_line_in_a_pdf_whose_text_has_no_gap_between_them(rows: list[str]) -> None:
    """The PDF's text runs the columns together ("Bo Krag, A Lise Vig, V"): the party after a
    comma was read into the next member's name ("A Lise Vig")."""
    meeting = _read([*HEADER, "Deltagere:", *rows, *_items(1)], "pdf")
    assert [(p.name, p.affiliation, p.role.value) for p in meeting.participants] == MEMBERS
