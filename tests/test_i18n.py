from __future__ import annotations

import pytest

from meetingtui.i18n import full_stop, keys, set_language, t


def test_danish_and_english_have_the_same_keys() -> None:
    assert keys("da") == keys("en")


def test_english_is_available_and_danish_is_default() -> None:
    assert "beslutningsdygtigt" in t("warn.quorum_lost", present=2, needed=5, seats=9)
    set_language("en")
    assert "quorum" in t("warn.quorum_lost", present=2, needed=5, seats=9)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("sv")


def test_one_thing_reads_in_the_singular() -> None:
    from meetingtui.i18n import t_count

    assert (
        t_count("tui.archive_meeting_items", 1, date="05.09.2023") == "Mødet 05.09.2023: 1 punkt."
    )
    assert t_count("tui.archive_meeting_items", 3, date="05.09.2023") == (
        "Mødet 05.09.2023: 3 punkter."
    )
    assert t_count("tui.archive_tree_year", 1, year=2023) == "2023 (1 møde)"
    assert t_count("tui.archive_hits", 1) == "1 fund."  # no singular needed: the plural is used
    set_language("en")
    assert t_count("tui.archive_tree_year", 1, year=2023) == "2023 (1 meeting)"
    assert t_count("tui.archive_tree_year", 2, year=2023) == "2023 (2 meetings)"


@pytest.mark.parametrize(
    ("text", "ended"),
    [
        ("Afventer svar", "Afventer svar."),
        ("Afventer svar.  ", "Afventer svar."),
        ("Udsat?", "Udsat?"),
        ("pkt. 1: »Godkendt.«", "pkt. 1: »Godkendt.«"),
        ("pkt. 1: »Godkendt«", "pkt. 1: »Godkendt«."),
        ("the decision: “Approved.”", "the decision: “Approved.”"),
        ("Afventer svar (se bilag)", "Afventer svar (se bilag)."),
        ("", ""),
    ],
)
def test_a_sentence_ends_with_one_full_stop(text: str, ended: str) -> None:
    assert full_stop(text) == ended
