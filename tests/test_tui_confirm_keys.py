"""The yes/no question's keys are keymap data like every other key (the `[confirm]` scope):
Danish j and English y answer yes, n and Esc no, and a keymap.toml moves them; so are the
keys of the one-candidate election's question (`[acclamation]`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from meetingtui.keymap import DEFAULT_KEYMAP, actions_in
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.election_setup import AcclamationDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.vote import VoteScreen
from meetingtui.screens.widgets import KeyBar
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.test_pickers_and_elections import demo_at_item, elect
from tests.tui_support import press, rendered, screen_text, showing, until

SIZES = [(80, 24), (60, 20)]


def test_the_confirm_keys_are_in_the_keymap() -> None:
    assert actions_in("confirm", DEFAULT_KEYMAP) == {"confirm": "j,y", "cancel": "n,escape"}


async def _ask_to_close_a_vote(pilot: Any, app: Any) -> None:
    """Every party for, then l: the question before the vote is closed."""
    await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
    await press(pilot, "v", "f", "down", "f", "down", "f", "down", "f", "l")
    await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["j", "y"])
async def test_j_and_y_answer_yes(db_path: Path, key: str, size: tuple[int, int]) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await _ask_to_close_a_vote(pilot, app)
        await press(pilot, "z")  # a key that means nothing: still asked
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, key)
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "closed")
    assert not stored(db_path, meeting_id).item(1).votes[0].is_open


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["n", "escape"])
async def test_n_and_escape_answer_no(db_path: Path, key: str, size: tuple[int, int]) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await _ask_to_close_a_vote(pilot, app)
        await press(pilot, key)
        assert isinstance(app.screen, VoteScreen)
    assert stored(db_path, meeting_id).item(1).votes[0].is_open


async def test_a_keymap_file_moves_the_confirm_keys(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[confirm]\nconfirm = "a"\ncancel = "q,escape"\n', encoding="utf-8")
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, config=path, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _ask_to_close_a_vote(pilot, app)
        footer = rendered(app.screen.query_one(KeyBar))
        assert "a" in footer.split() and "q" in footer.split()
        await press(pilot, "j", "n")  # the keys it had: nothing now
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "q")
        assert isinstance(app.screen, VoteScreen)
        await press(pilot, "l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked again")
        await press(pilot, "a")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "closed")
    assert not stored(db_path, meeting_id).item(1).votes[0].is_open


@pytest.mark.parametrize("size", SIZES)
async def test_an_election_by_acclamation_takes_y_too(db_path: Path, size: tuple[int, int]) -> None:
    """The one-candidate question is keymap data as well: English y elects as Danish j does,
    and the question names the keys."""
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert")
        await until(pilot, lambda: isinstance(app.screen, AcclamationDialog), "asked")
        assert "j: enstemmigt valgt · s: stem ved navn · esc: annullér" in screen_text(app)
        await press(pilot, "z", "y")  # a key that means nothing, then yes
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "elected")
    (election,) = stored(db_path, meeting_id).item(2).elections
    assert (election.elected, election.acclamation) == ("Gert Fabrin", True)


async def test_a_keymap_file_moves_the_acclamation_keys(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('[acclamation]\nacclamation = "e"\nballot = "b"\n', encoding="utf-8")
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, config=path, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert")
        await until(pilot, lambda: isinstance(app.screen, AcclamationDialog), "asked")
        assert "e: enstemmigt valgt · b: stem ved navn" in screen_text(app)
        await press(pilot, "j", "s")  # the keys it had: nothing now
        assert isinstance(app.screen, AcclamationDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, MeetingScreen)
        await elect(pilot, "Gert", "b")
        await until(pilot, lambda: isinstance(app.screen, ElectionScreen), "a ballot after all")
    (election,) = stored(db_path, meeting_id).item(2).elections
    assert election.is_open and not election.acclamation


async def test_the_question_before_typed_text_is_thrown_away_is_the_apps_confirmation(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape in a form with text typed asks through the app's one confirmation factory (its
    keys, its title, what it says when quitting), like every other yes/no question."""
    from meetingtui.screens.dialogs import FormDialog

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    asked: list[str] = []
    made = app.confirm_dialog

    def confirm_dialog(warnings: list[str], question: str = "", **options: Any) -> ConfirmDialog:
        asked.append(question)
        return made(warnings, question, **options)

    monkeypatch.setattr(app, "confirm_dialog", confirm_dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "o", "enter")  # a new item on the agenda: its title typed
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form")
        await press(pilot, "x", "y", "z", "escape")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        assert "Kassér teksten?" in screen_text(app)
        assert asked == ["Kassér teksten?"]
        await press(pilot, "j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "thrown away")
    assert len(asked) == 1
