"""The keymap as data: defaults, a user's TOML file, and clear messages for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.errors import InputError
from meetingtui.i18n import keys as catalog_keys
from meetingtui.keymap import DEFAULT_KEYMAP, SCOPES, load_config, load_keymap, validate_keymap
from meetingtui.screens.app import build_app
from meetingtui.screens.meeting import MeetingScreen
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored


def test_defaults_have_no_clashes_and_every_action_has_text() -> None:
    validate_keymap(DEFAULT_KEYMAP)
    catalog = catalog_keys("da") & catalog_keys("en")
    assert {f"key.{action}" for action in DEFAULT_KEYMAP} <= catalog
    assert {f"tui.scope.{scope}" for scope in SCOPES} <= catalog


def test_user_file_moves_a_key(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(
        'lang = "en"\ntheme = "light"\n[meeting]\nnext_item = "n,right"\n[vote]\nclose = "enter"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.keymap["meeting.next_item"] == "n,right"
    assert config.keymap["vote.close"] == "enter"
    assert config.keymap["vote.for"] == DEFAULT_KEYMAP["vote.for"]
    assert (config.lang, config.theme) == ("en", "light")
    # Dotted keys are the same TOML.
    path.write_text('meeting.next_item = "right"\n', encoding="utf-8")
    assert load_keymap(path)["meeting.next_item"] == "right"


@pytest.mark.parametrize(
    ("text", "key", "needle"),
    [
        ('[meeting]\nfly_away = "q"\n', "keymap.unknown_action", "meeting.fly_away"),
        ('[meeting]\nvote = "n"\n', "keymap.duplicate_key", "meeting.next_item"),
        ('[vote]\nfor = "f1"\n', "keymap.duplicate_key", "app.help"),
        ('[meeting]\nvote = ""\n', "keymap.no_keys", "meeting.vote"),
        ('meeting = "x"\n', "keymap.not_a_table", "meeting"),
        ("[meeting\n", "keymap.bad_toml", "TOML"),
        ('theme = "pink"\n', "keymap.bad_value", "pink"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, key: str, needle: str) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(path)
    assert caught.value.key == key
    assert needle in caught.value.message
    assert str(path) in caught.value.message


def test_same_key_on_two_screens_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    # "l" closes a vote and closes the meeting: different screens, no clash.
    path.write_text('[closing]\nclose_meeting = "l"\n[vote]\nclose = "l"\n', encoding="utf-8")
    assert load_keymap(path)["vote.close"] == "l"


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_config(tmp_path / "nope.toml")
    assert caught.value.key == "keymap.missing_file"


async def test_remapped_key_drives_the_app(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[meeting]\nnext_item = "right"\n', encoding="utf-8")
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, config=path, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("n")
        await pilot.pause()
        assert stored(db_path, meeting_id).current_item_id == 1
        await pilot.press("right")
        await pilot.pause()
        assert stored(db_path, meeting_id).current_item_id == 2


async def test_quit_moved_to_another_key_frees_ctrl_q(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[app]\nquit = "ctrl+x"\n', encoding="utf-8")
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, config=path, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")  # Textual's own quit key gave way to the keymap's
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+x")
        await pilot.pause()
        # Quitting (or asking first, where quitting asks) is what the moved key does now.
        assert not app.is_running or not isinstance(app.screen, MeetingScreen)


async def test_the_screens_name_the_users_own_keys(db_path: Path, tmp_path: Path) -> None:
    """A user who moved "open the meeting" to O and the roll call to F is told to press those,
    not the default o and r, and the start screen names the moved demo key."""
    from textual.widgets import Static

    from tests.meetings import store
    from tests.tui_support import press, until

    path = tmp_path / "keymap.toml"
    path.write_text(
        '[rollcall]\nopen_meeting = "O"\n[meeting]\nrollcall = "F"\n[start]\ndemo = "D"\n',
        encoding="utf-8",
    )
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, config=path, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        await press(pilot, "escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        warning = str(app.screen.query_one("#inline-warnings", Static).render())
        assert "Tryk F for fremmøde og O for at åbne mødet." in warning
    empty = tmp_path / "empty.db"
    app = build_app(empty, config=path, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        hint = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Tryk D for demomødet eller n for en dagsordensfil." in hint
