"""A key pressed when its action is off says why, in the user's own keys, and changes nothing.

A stranger at the laptop presses d before any item is under way, or g to approve the minutes of
a meeting still running; the footer only dims those keys, so the screen used to stay silent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from meetingtui.models import MeetingStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.committees import CommitteesScreen
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests import databases
from tests.meetings import FixedClock, committee_meeting, store, stored
from tests.tui_support import Notices, press, until

SIZE = (100, 30)
NO_ITEM = "Intet punkt er under behandling"


def open_without_item(db_path: Path) -> int:
    """Open, everyone present, no item started yet: where a new secretary starts; built once
    per run and copied (tests/databases.py)."""
    return databases.built_once("open without item", db_path, _open_without_item)


def _open_without_item(db_path: Path) -> int:
    meeting = committee_meeting()
    meeting_id = store(db_path, meeting)
    service = MeetingService.open(db_path, meeting_id, clock=FixedClock())
    try:
        service.open_meeting()
        for person in meeting.participants:
            service.set_attendance(person.id, "present")
    finally:
        service.close()
    return meeting_id


async def test_an_item_key_before_any_item_says_to_start_one(db_path: Path) -> None:
    meeting_id = open_without_item(db_path)
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        for key in ("d", "v", "u"):
            await press(pilot, key)
        said = notices.mention(NO_ITEM)
        assert len(said) == 3, notices.texts
        assert "tryk ⏎ for at starte det (n starter det næste)" in said[0]
        assert isinstance(app.screen, MeetingScreen)  # no dialog opened
        # Once an item is under way the same key does its job and says nothing of the kind.
        await press(pilot, "enter")
        await until(pilot, lambda: app.service.meeting.current_item is not None, "item 1")
        await press(pilot, "d")
        await until(pilot, lambda: not isinstance(app.screen, MeetingScreen), "the decision")
        assert len(notices.mention(NO_ITEM)) == 3
    after = stored(db_path, meeting_id)
    assert [i.decision for i in after.items] == [i.decision for i in before.items]
    assert [i.status for i in after.items[1:]] == [i.status for i in before.items[1:]]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"config": {"meeting.start_selected": "s", "meeting.next_item": "right"}},
            "tryk s for at starte det (right starter det næste)",
        ),
        ({"lang": "en"}, "No item is under way: select an item and press ⏎"),
    ],
    ids=["own keys", "in English"],
)
async def test_the_message_names_the_users_own_keys_in_their_language(
    db_path: Path, options: dict[str, Any], message: str
) -> None:
    meeting_id = open_without_item(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock(), **options)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "d")
        assert notices.mention(message), notices.texts


async def test_a_planned_meeting_says_how_to_open_it(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await press(pilot, "m")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "n")
        assert notices.mention("tryk r for fremmødet og o dér for at åbne det"), notices.texts
    assert stored(db_path, meeting_id).status is MeetingStatus.PLANNED


async def test_approving_a_running_meeting_says_to_close_it_first(db_path: Path) -> None:
    meeting_id = open_without_item(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "a")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "the closing")
        await press(pilot, "g")
        assert notices.mention("Afslut mødet først (l)"), notices.texts
        assert not isinstance(app.screen, ConfirmDialog)
    assert stored(db_path, meeting_id).status is MeetingStatus.OPEN


async def test_a_closed_meetings_roll_call_says_it_is_closed(db_path: Path) -> None:
    meeting_id = open_without_item(db_path)
    service = MeetingService.open(db_path, meeting_id, clock=FixedClock())
    try:
        service.close_meeting()
    finally:
        service.close()
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        if not isinstance(app.screen, RollCallScreen):
            await press(pilot, "escape")
            await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
            await press(pilot, "r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await press(pilot, "a")
        assert notices.mention("fremmødet kan ikke længere ændres (tider rettes med c"), (
            notices.texts
        )
    assert stored(db_path, meeting_id).participants == before.participants


async def test_a_follower_pressing_a_writers_key_is_told_it_only_follows(db_path: Path) -> None:
    meeting_id = open_without_item(db_path)
    notices = Notices()
    app = build_app(db_path, meeting_id, readonly=True, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "n")
        assert notices.mention("skrivebeskyttet"), notices.texts
        assert not notices.mention("tryk")  # a follower is never told to press a writer's key
        # ... but is told how to write once the other window has closed the meeting.
        assert notices.mention("Når det er lukket dér, kan det skrives her: f3 Møder"), (
            notices.texts
        )


async def test_joining_with_no_committee_says_to_choose_one(db_path: Path) -> None:
    notices = Notices()
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await press(pilot, "u")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen), "the committees")
        await press(pilot, "j")
        assert notices.mention("Vælg først et udvalg i listen."), notices.texts
        assert isinstance(app.screen, CommitteesScreen)  # no form opened


async def test_a_closed_meeting_has_no_item_under_way_in_its_header(db_path: Path) -> None:
    meeting_id = open_without_item(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(service.meeting.items[-1].id)
        service.close_meeting()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.service is not None, "the meeting loaded")
        await until(pilot, lambda: bool(app.screen.query("#status-info")), "the header")
        info = str(app.screen.query_one("#status-info", Static).render())
        assert "Mødet sluttede kl. 16.44." in info, info
        assert "BEHANDLES" not in info
