"""Who was away, as referats write it beyond a plain list: a member away for some items only in
the header's absence list ("Fraværende: X (punkt 1-4)", "X fra punkt 5", "X forlod mødet kl.
18.40 under punkt 7"), a substitute named only under a decision ("Y (Ø) deltog som
stedfortræder for X (Ø)") in a referat that lists no members, and an attendance block under
the decision ("Fremmøde og inhabilitet:", "Inhabilitet:", "Fravær:"), which is no part of the
decision. Small documents made here, in every format where the phrase can stand."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.models import AbsenceKind, Meeting
from tests.docfixtures import READERS_AND_WEB_PAGE, people_rows
from tests.formats import WRITERS, Item, Part, Spec

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30", "Byrådssalen"]
TITLES = ["Godkendelse af dagsorden", "Budgetopfølgning", "Vejbelysning i Nørreby", "Eventuelt"]


def _read_lines(lines: list[str], reader: str) -> Meeting:
    return READERS_AND_WEB_PAGE[reader](lines)


# --- away for part of the meeting, in the header's absence list ---------------------------

PART_OF_MEETING = [
    ("Fraværende: Per Dam (Ø) (punkt 1-2)", ["1", "2"]),
    ("Fraværende: Per Dam (Ø), pkt. 3", ["3"]),
    ("Afbud: Per Dam (Ø) fra punkt 3", ["3", "4"]),
    ("Fraværende: Per Dam (Ø) til og med punkt 2", ["1", "2"]),
    ("Fraværende: Per Dam (Ø) deltog ikke i punkt 4", ["4"]),
    ("Fraværende: Per Dam (Ø) forlod mødet efter punkt 2", ["3", "4"]),
    ("Fraværende i mødet: Per Dam (Ø) forlod mødet kl. 18.40 under punkt 2", ["3", "4"]),
    ("Fraværende i mødet: Per Dam (Ø) ankom kl. 17.15 under punkt 2", ["1"]),
    ("Fraværende: Per Dam (Ø) deltog fra punkt 2", ["1"]),
]


def _document(absence: str) -> list[str]:
    items = [x for n, title in enumerate(TITLES, start=1)
             for x in (f"{n}. {title}", f"Sagsnr.: 24/{n}00", "Beslutning:", "Godkendt.")]  # fmt: skip
    return [*HEADER, "Deltagere: Bo Krag (A), Lise Vig (V)", absence, *items]


@pytest.mark.parametrize("reader", ["text", "pdf", "docx", "web-page"])
@pytest.mark.parametrize(("line", "missed"), PART_OF_MEETING, ids=[x for x, _ in PART_OF_MEETING])
def test_a_member_away_for_some_items_only_was_at_the_meeting(
    reader: str, line: str, missed: list[str]
) -> None:
    """The items or the time after the name say which part of the meeting the member missed;
    the member was read as absent from the whole meeting (or the remark as part of a name)."""
    meeting = _read_lines(_document(line), reader)
    assert people_rows(meeting) == [
        ("Bo Krag", "A", "medlem", "present", ""),
        ("Lise Vig", "V", "medlem", "present", ""),
        ("Per Dam", "Ø", "medlem", "present", ""),
    ]
    assert [i.number for i in meeting.items if any(a.name == "Per Dam" for a in i.absences)] == (
        missed
    )
    if "kl." in line:
        [move] = next(p for p in meeting.participants if p.name == "Per Dam").movements
        assert (move.kind.value, move.at.strftime("%H.%M"), move.item_id) == (
            "left" if "forlod" in line else "arrived",
            "18.40" if "forlod" in line else "17.15",
            meeting.items[1].id,
        )


@pytest.mark.parametrize("reader", ["text", "pdf"])
@pytest.mark.parametrize("label", ["Fraværende i mødet:", "Fraværende:", "Afbud:"])
def test_a_name_with_no_time_or_item_is_away_from_the_whole_meeting(
    reader: str, label: str
) -> None:
    meeting = _read_lines(_document(f"{label} Per Dam (Ø)"), reader)
    per = next(p for p in meeting.participants if p.name == "Per Dam")
    assert per.attendance.value == ("afbud" if label == "Afbud:" else "absent")
    assert not per.movements


# --- under a decision, in every format ------------------------------------------------------

SUBSTITUTE = "Ida Kold (Ø) deltog som stedfortræder for Per Dam (Ø)."
BLOCKS = {
    "seat sentence": ([SUBSTITUTE], [("Per Dam", AbsenceKind.ABSENT)]),
    "fremmøde og inhabilitet": (
        ["Fremmøde og inhabilitet:",
         "Per Dam (Ø) havde meldt afbud, og Ida Kold (Ø) deltog i stedet.",
         "Lise Vig (V) erklærede sig inhabil."],
        [("Per Dam", AbsenceKind.ABSENT), ("Lise Vig", AbsenceKind.INHABIL)],
    ),
    "inhabilitet": (["Inhabilitet:", "Lise Vig (V)"], [("Lise Vig", AbsenceKind.INHABIL)]),
    "fravær": (["Fravær:", "Per Dam (Ø), Lise Vig (V)"],
               [("Per Dam", AbsenceKind.ABSENT), ("Lise Vig", AbsenceKind.ABSENT)]),
    "nothing to say": (["Fremmøde og inhabilitet: Ingen bemærkninger."], []),
    "block before the decision": (
        ["Fremmøde og inhabilitet:", "Lise Vig (V) erklærede sig inhabil.", "Inhabilitet:",
         "Ingen."],
        [("Lise Vig", AbsenceKind.INHABIL)],
    ),
}  # fmt: skip
READERS = [*WRITERS, "web-page"]


def _spec(decision_lines: list[str]) -> Spec:
    return Spec(
        items=[
            Item("1", "Godkendelse af dagsorden", "24/100",
                 [Part("Resumé", ["Sagen forelægges."]),
                  Part("Beslutning", decision_lines, decision=True)]),
            Item("2", "Budgetopfølgning", "24/200",
                 [Part("Resumé", ["Sagen forelægges."]),
                  Part("Beslutning", ["Taget til efterretning."], decision=True)]),
        ]
    )  # fmt: skip


def _read_spec(spec: Spec, reader: str) -> Meeting:
    if reader != "web-page":
        _fmt, [meeting] = importers.parse(WRITERS[reader](spec), source=f"families.{reader}")
        return meeting
    lines = [*HEADER]
    for item in spec.items:
        lines += [f"{item.number}. {item.title}", f"Sagsnr.: {item.case}"]
        lines += [x for part in item.parts for x in (part.heading, *part.lines)]
    return _read_lines(lines, reader)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("family", list(BLOCKS))
def test_attendance_under_a_decision_is_read_and_no_part_of_it(reader: str, family: str) -> None:
    """The block stayed in the decision ("Godkendt. Fremmøde og inhabilitet: …"), its names
    alone under a label were not read, and a substitute named only there was lost in a referat
    that lists no members."""
    lines, absences = BLOCKS[family]
    first = ["Godkendt."]
    decision_lines = [*lines, *first] if family == "block before the decision" else [*first, *lines]
    meeting = _read_spec(_spec(decision_lines), reader)
    item = meeting.items[0]
    assert item.decision == "Godkendt."
    assert [(a.name, a.kind) for a in item.absences] == absences
    assert meeting.items[1].decision == "Taget til efterretning."
    if "Ida Kold" in " ".join(lines):
        # the member in whose seat the substitute sat was there for the other item (SBSYS
        # states who answered; a member it does not list stays unknown)
        there = "unknown" if reader == "sbsys-xml" else "present"
        assert people_rows(meeting) == [
            ("Per Dam", "Ø", "medlem", there, ""),
            ("Ida Kold", "Ø", "stedfortræder", "present", "Per Dam"),
        ]
    else:
        assert meeting.participants == []


@pytest.mark.parametrize("reader", ["text", "docx"])
def test_a_substitute_under_every_decision_sits_for_a_member_absent_from_the_meeting(
    reader: str,
) -> None:
    spec = _spec(["Godkendt.", SUBSTITUTE])
    spec.items[1].parts[1].lines.append(SUBSTITUTE)
    assert people_rows(_read_spec(spec, reader)) == [
        ("Per Dam", "Ø", "medlem", "absent", ""),
        ("Ida Kold", "Ø", "stedfortræder", "present", "Per Dam"),
    ]


def test_a_substitute_under_a_decision_joins_the_members_listed() -> None:
    lines = [*HEADER, "Deltagere: Bo Krag (A), Per Dam (Ø)", "1. Godkendelse af dagsorden",
             "Sagsnr.: 24/100", "Beslutning:", "Godkendt.", SUBSTITUTE]  # fmt: skip
    assert people_rows(_read_lines(lines, "text")) == [
        ("Bo Krag", "A", "medlem", "present", ""),
        ("Per Dam", "Ø", "medlem", "present", ""),
        ("Ida Kold", "Ø", "stedfortræder", "present", "Per Dam"),
    ]


def test_an_empty_absence_label_over_the_decision_is_no_block() -> None:
    """ "Fraværende:" with nobody after it, then the decision: the decision is no name."""
    meeting = _read_spec(_spec(["Fraværende:", "Godkendt."]), "text")
    assert meeting.items[0].decision == "Godkendt."
    assert meeting.items[0].absences == []


# --- two columns of members in a PDF, placed side by side with no space between them --------

COLUMNS = [
    ["Bo Krag (A), formand\tLise Vig (V)", "Per Dam (Ø)\tAnne Sø (F)"],
    ["Bo Krag (A) (Borgmester)\tLise Vig (V)", "Per Dam (Ø)\tAnne Sø (F)"],
    ["Bo Krag, A (Borgmester)\tLise Vig, V", "Per Dam, Ø\tAnne Sø, F"],
    ["Bo Krag (A) - Borgmester\tLise Vig (V)", "Per Dam (Ø)\tAnne Sø (F)"],
    ["Formand: Bo Krag (A)\tLise Vig (V)", "Per Dam (Ø)\tAnne Sø (F)"],
]


@pytest.mark.parametrize("space", ["", " "], ids=["no space", "a space written"])
@pytest.mark.parametrize("rows", COLUMNS, ids=lambda rows: rows[0].replace("\t", " | "))
def test_two_columns_of_members_in_a_pdf_are_split_where_the_glyphs_stand_apart(
    rows: list[str], space: str
) -> None:
    """PDFium writes one space between the columns ("Bo Krag (A), formand Lise Vig (V)"): the
    role after the first member's name was read as a role before the second's. The gap between
    the glyphs says where one column ends, whether PDFium made the space up or the document
    wrote it before placing the next column far to the right (that one was not measured)."""
    rows = [row.replace("\t", f"{space}\t") for row in rows]
    lines = [*HEADER, "Deltagere:", *rows, "1. Godkendelse af dagsorden", "Sagsnr.: 24/100",
             "Beslutning:", "Godkendt."]  # fmt: skip
    meeting = _read_lines(lines, "pdf")
    assert [(p.name, p.affiliation, p.role.value) for p in meeting.participants] == [
        ("Bo Krag", "A", "formand"), ("Lise Vig", "V", "medlem"), ("Per Dam", "Ø", "medlem"),
        ("Anne Sø", "F", "medlem"),
    ]  # fmt: skip


def test_words_a_space_apart_stay_one_line_of_text() -> None:
    """Only a gap of columns is one: the words of a line, and a label with its value set at a
    tab stop, read as before."""
    lines = [*HEADER, "1. Godkendelse af dagsorden", "Sagsnr.:\t24/100", "Beslutning:",
             "Udvalget godkendte indstillingen med den ændring, at punkt 3 udsættes."]  # fmt: skip
    [item] = _read_lines(lines, "pdf").items
    assert item.case_number == "24/100"
    assert item.decision == "Udvalget godkendte indstillingen med den ændring, at punkt 3 udsættes."


def test_a_short_line_set_wide_with_written_spaces_is_split_only_at_a_columns_gap() -> None:
    """A short line written with its spaces and a column far to the right of its last word is
    measured space by space: the words stay one name, the gap splits the columns."""
    from tests.docfixtures import make_pdf

    pdf = make_pdf([[*HEADER, "Deltagere:", "Bo Krag (A) \tLise Vig (V)", "Per Dam (Ø)",
                     "1. Godkendelse af dagsorden", "Sagsnr.: 24/100", "Beslutning:",
                     "Godkendt."]])  # fmt: skip
    _fmt, [meeting] = importers.parse(pdf, source="columns.pdf")
    assert [p.name for p in meeting.participants] == ["Bo Krag", "Lise Vig", "Per Dam"]


@pytest.mark.parametrize("reader", ["text", "firstagenda-json"])
def test_a_member_named_with_items_under_a_decision_is_absent_from_that_item(reader: str) -> None:
    """ "Fraværende: Per Dam (Ø) (punkt 1-4)" under a decision: the remark's items are the
    meeting's part he missed; the item is one of them."""
    meeting = _read_spec(_spec(["Godkendt.", "Fraværende: Per Dam (Ø) (punkt 1-4)"]), reader)
    assert [(a.name, a.kind) for a in meeting.items[0].absences] == [
        ("Per Dam", AbsenceKind.ABSENT)
    ]
    assert meeting.items[0].decision == "Godkendt."


EVERY_ITEM = [
    ("Afbud: Per Dam (Ø) til og med punkt 4", "afbud"),
    ("Afbud: Per Dam (Ø) (punkt 1-4)", "afbud"),
    ("Fraværende: Per Dam (Ø) til og med punkt 4", "absent"),
    ("Fraværende: Per Dam (Ø) (punkt 1-4)", "absent"),
]


@pytest.mark.parametrize("reader", ["text", "pdf", "docx", "web-page"])
@pytest.mark.parametrize(("line", "attendance"), EVERY_ITEM, ids=[x for x, _ in EVERY_ITEM])
def test_a_member_away_from_every_item_keeps_the_lists_word(
    reader: str, line: str, attendance: str
) -> None:
    """Items named that turn out to be all the meeting's: away from the whole meeting, with
    apologies where the list is "Afbud:" (it was read as absent without them)."""
    meeting = _read_lines(_document(line), reader)
    assert ("Per Dam", "Ø", "medlem", attendance, "") in people_rows(meeting)
