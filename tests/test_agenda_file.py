"""Agenda files: the shipped example, and malformed input that must say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.agenda_file import load_agenda, parse_agenda
from meetingtui.demo import build_demo_meeting, demo_agenda_text
from meetingtui.errors import InputError
from meetingtui.models import Attendance, Role

GOOD = """
[meeting]
body = "Teknik- og Miljøudvalget"
date = 2024-09-02
time = "15:00"
location = "Byrådssalen"

[[members]]
name = "Jens Hansen"
affiliation = "V"
role = "formand"

[[members]]
name = "Sekretær Ib"
role = "observatør"

[[items]]
number = 715
title = "Lukket: Køb af ejendom"
closed = true

[[items.sections]]
heading = "Sagsfremstilling"
text = "Forhandling om køb."
"""


def test_the_demo_is_the_example_agenda() -> None:
    meeting = build_demo_meeting()
    assert meeting.body == "17, stk. 4-udvalget"
    assert meeting.starts_at.isoformat() == "2017-01-03T16:30:00"
    assert [i.case_number for i in meeting.items][1:4] == ["13/20237", "16/16318", "16/16318"]
    assert meeting.participants[0].role is Role.FORMAND
    names = {p.name: p for p in meeting.participants}
    assert names["Lars Holten"].affiliation == "LEUF"
    assert names["Lars Holten"].attendance is Attendance.AFBUD
    assert names["Inger Marie Vynne"].votes is False
    assert demo_agenda_text().lstrip().startswith("#")


def test_a_good_agenda(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(GOOD, encoding="utf-8")
    meeting = load_agenda(path)
    assert meeting.items[0].number == "715" and meeting.items[0].closed
    assert meeting.participants[1].votes is False


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (GOOD.replace('body = "Teknik- og Miljøudvalget"\n', ""), "meeting.body"),
        (GOOD.replace('time = "15:00"', 'time = "25:99"'), "meeting.time"),
        (GOOD.replace('role = "formand"', 'role = "konge"'), "members[1].role"),
        (GOOD.replace('title = "Lukket: Køb af ejendom"', 'title = ""'), "items[1].title"),
        (
            GOOD.replace("[[items.sections]]", "[[items.sections]]\nfarve = 1"),
            "items[1].sections[1].farve",
        ),
        (GOOD.split("[[items]]")[0], "items"),
        (GOOD.replace('name = "Jens Hansen"', 'name = "\\u0001\\u0002"'), "members[1].name"),
    ],
)
def test_field_errors_name_the_field(text: str, field: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_agenda(text, path="udvalg.toml")
    assert exc.value.params["field"] == field
    assert exc.value.message.startswith("udvalg.toml: feltet " + field)


def test_toml_syntax_error() -> None:
    with pytest.raises(InputError) as exc:
        parse_agenda("[meeting\nbody = 1", path="a.toml")
    assert exc.value.key == "agenda.toml_syntax" and "a.toml" in exc.value.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.encode("latin-1"))
    with pytest.raises(InputError) as exc:
        load_agenda(path)
    assert exc.value.key == "agenda.not_utf8" and "latin1.toml" in exc.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_agenda(tmp_path / "nope.toml")
    assert exc.value.key == "agenda.file_missing"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (GOOD.replace('name = "Sekretær Ib"', 'name = "jens hansen"'), "members[2].name"),
        (GOOD + '\n[[items]]\nnumber = "715"\ntitle = "Igen"\n', "items[2].number"),
    ],
)
def test_duplicates_are_refused(text: str, field: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_agenda(text, path="udvalg.toml")
    assert exc.value.key == "agenda.duplicate" and exc.value.params["field"] == field


def test_a_title_marked_closed_makes_a_closed_item(tmp_path: Path) -> None:
    """ "Lukket: Salg af grund" in an agenda file is a closed item, as it is typed with `o` during
    the meeting and as every importer reads it; the marker goes, the referat says "Lukket punkt".

    The defect: without `closed = true` it was an open item, and the public referat, the
    projector and the live page showed its title, texts and decision."""
    path = tmp_path / "agenda.toml"
    text = GOOD.replace("closed = true\n", "").replace(
        "[[items.sections]]",
        '[[items]]\nnumber = 716\ntitle = "Ansættelse af direktør (lukket punkt)"\n\n'
        '[[items]]\nnumber = 717\ntitle = "Trafikplan"\n\n[[items.sections]]',
    )
    path.write_text(text, encoding="utf-8")
    items = load_agenda(path).items
    assert [(i.number, i.title, i.closed) for i in items] == [
        ("715", "Køb af ejendom", True),
        ("716", "Ansættelse af direktør", True),
        ("717", "Trafikplan", False),
    ]


@pytest.mark.parametrize(
    ("typed", "starts"), [("16.30", "16:30"), ("16:30", "16:30"), ("9.05", "09:05")]
)
def test_the_time_may_be_written_the_danish_way(typed: str, starts: str) -> None:
    """ "16.30" was read as an ISO time, 16:00 and three tenths of a second: the meeting was
    planned, and its referat headed, half an hour early."""
    meeting = parse_agenda(GOOD.replace('time = "15:00"', f'time = "{typed}"'))
    assert meeting.starts_at.strftime("%H:%M") == starts


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            GOOD.replace('body = "Teknik- og Miljøudvalget"\n', ""),
            "feltet meeting.body: skal udfyldes",
        ),
        (GOOD.split("[[items]]")[0], "feltet items: skal udfyldes"),
        (GOOD.replace("date = 2024-09-02", 'date = "2. sep"'), "skal være en dato som 2025-03-11"),
        (GOOD.replace('role = "formand"', 'role = "konge"'), "skal være en af: 'formand', "),
        (GOOD.replace('role = "formand"', 'farve = "rød"'), "feltet members[1].farve: kendes ikke"),
        (GOOD.replace('time = "15:00"', 'time = "15.75"'), "»15.75« er ikke et klokkeslæt"),
    ],
)
def test_what_is_wrong_with_a_field_is_said_in_danish(text: str, said: str) -> None:
    """It was Pydantic's English inside a Danish sentence: "feltet items: Field required"."""
    with pytest.raises(InputError) as exc:
        parse_agenda(text, path="udvalg.toml")
    assert said in exc.value.message
    assert "Input should" not in exc.value.message and "Value error" not in exc.value.message
