"""No "(mer)", "(r)", "(e)" or "(s)" plural in the catalogs: a count reads "1 modtager",
"2 modtagere" through t_count and a key's .one form."""

from __future__ import annotations

import re

import pytest

from meetingtui.errors import MeetingError, RuleWarning
from meetingtui.i18n import keys, set_language, t, t_count


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_bracketed_plurals_in_the_catalog(language: str) -> None:
    set_language(language)
    hacks = {
        key: t(key)
        for key in keys(language)
        if re.search(r"[a-zæøå]\((?:mer|r|e|er|s|ne)\)|/-de\b", t(key), re.I)
    }
    assert not hacks


def test_counts_read_in_the_singular_and_the_plural() -> None:
    assert t_count("mail.plan_head", 1, subject="Referat", variant="offentlig").startswith(
        "Referat — 1 modtager ("
    )
    assert "— 2 modtagere (" in t_count("mail.plan_head", 2, subject="R", variant="offentlig")
    assert t_count("case.header", 1, case="24-000777") == "Sag 24-000777: 1 behandling"
    one = RuleWarning("warn.amendments_first", {"count": 1}).message
    assert one.startswith("1 ændringsforslag til dette forslag er ikke sat")
    lost = MeetingError("mail.connection_lost", name="Bo", reason="x", count=1).message
    assert "1 modtager er ikke forsøgt" in lost
    set_language("en")
    assert RuleWarning("warn.amendments_first", {"count": 1}).message.startswith(
        "1 amendment to this proposal has not"
    )
    assert RuleWarning("warn.amendments_first", {"count": 2}).message.startswith(
        "2 amendments to this proposal have not"
    )
    assert "1 recipient was not tried" in (
        MeetingError("mail.connection_lost", name="Bo", reason="x", count=1).message
    )
