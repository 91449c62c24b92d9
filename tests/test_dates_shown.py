"""One rule for a date on screen and in a message: "11.03.2025" in Danish, "11 Mar 2025" in
English, where room is short; running text keeps the long form ("11. marts 2025"). Typed dates
are read in either the Danish or the ISO form."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from meetingtui.dates import typed_date
from meetingtui.i18n import set_language
from meetingtui.i18n.dates import long_date, short_date, short_datetime, written_short
from meetingtui.storage.db import connect
from meetingtui.verify import meeting_name
from tests.meetings import committee_meeting, store


def test_a_short_date_in_danish_and_in_english() -> None:
    assert short_date(date(2025, 3, 11)) == "11.03.2025"
    assert short_date(date(2017, 1, 3)) == "03.01.2017"
    assert short_datetime(datetime(2025, 3, 11, 16, 30)) == "11.03.2025 kl. 16.30"
    assert long_date(date(2025, 3, 11)) == "11. marts 2025"
    set_language("en")
    assert short_date(date(2025, 3, 11)) == "11 Mar 2025"
    assert short_date(date(2017, 1, 3)) == "3 Jan 2017"
    assert short_datetime(datetime(2025, 3, 11, 16, 30)) == "11 Mar 2025 16:30"
    assert long_date(date(2025, 3, 11)) == "11 March 2025"


@pytest.mark.parametrize(
    "typed", ["11.03.2025", "11-03-2025", "11/3/2025", "2025-03-11", "11. marts 2025", " 11.3.25 "]
)
def test_a_typed_date_in_the_danish_or_the_iso_form(typed: str) -> None:
    assert typed_date(typed) == date(2025, 3, 11)


@pytest.mark.parametrize("typed", ["", "i morgen", "31.02.2025", "mødet 11.03.2025", "2025-03-11x"])
def test_text_that_is_not_a_date_on_its_own_is_none(typed: str) -> None:
    assert typed_date(typed) is None


def test_a_date_a_document_wrote_is_shown_short_when_it_is_one() -> None:
    assert written_short("05-09-2023") == "05.09.2023"
    assert written_short("5. september 2023") == "05.09.2023"
    assert written_short("efter høringen") == "efter høringen"
    set_language("en")
    assert written_short("05-09-2023") == "5 Sep 2023"


def test_messages_name_a_meeting_by_the_language_s_date(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    conn = connect(db_path)
    try:
        assert meeting_name(conn, meeting_id) == "Økonomiudvalget den 11.03.2025"
        set_language("en")
        assert meeting_name(conn, meeting_id) == "Økonomiudvalget on 11 Mar 2025"
    finally:
        conn.close()
