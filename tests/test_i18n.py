from __future__ import annotations

import pytest

from meetingtui.i18n import keys, set_language, t


def test_danish_and_english_have_the_same_keys() -> None:
    assert keys("da") == keys("en")


def test_english_is_available_and_danish_is_default() -> None:
    assert "beslutningsdygtigt" in t("warn.quorum_lost", present=2, needed=5, seats=9)
    set_language("en")
    assert "quorum" in t("warn.quorum_lost", present=2, needed=5, seats=9)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("sv")
