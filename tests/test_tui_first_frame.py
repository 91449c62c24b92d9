"""A planned meeting's roll call is first drawn from a glance; the record loads right after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from meetingtui.errors import StorageError
from meetingtui.glance import Glance
from meetingtui.models import Meeting
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.start import StartScreen
from meetingtui.service import MeetingService
from meetingtui.storage import records
from meetingtui.vocabulary import Attendance
from tests.meetings import FixedClock, committee_meeting, store, stored

SIZE = (100, 30)


def roll_call_on_screen(app: MeetingApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, RollCallScreen)
    table = screen.query_one("#roster", DataTable)
    rows = [" | ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]
    statics = [
        str(screen.query_one(selector, Static).render())
        for selector in ("#status-info", "#status-quorum", "#rollcall-banner")
    ]
    return rows + statics


async def test_roll_call_from_the_glance_is_the_roll_call_from_the_record(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(db_path, committee_meeting())  # another meeting first: ids must not be confused
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        # Hold the record back: drawing the roll call must not need it.
        await open_with_the_record_held_back(pilot, monkeypatch, meeting_id)
        from_glance = roll_call_on_screen(app)
        service = app.service  # asking for the service loads the record
        assert service is not None and service.meeting.id == meeting_id
        await pilot.pause()
        assert isinstance(app.meeting_shown, Meeting)
        assert roll_call_on_screen(app) == from_glance
    assert "Bo Hilsted" in from_glance[0]


async def test_keys_typed_at_once_are_applied_in_order(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        # No pause: the keys may arrive before the record has loaded.
        await pilot.press("t", "a", "f", "t")
        await pilot.pause()
    record = stored(db_path, meeting_id)
    assert [p.attendance for p in record.participants[:5]] == [
        Attendance.PRESENT,
        Attendance.AFBUD,
        Attendance.ABSENT,
        Attendance.PRESENT,
        Attendance.UNKNOWN,
    ]


def fail_to_load(monkeypatch: pytest.MonkeyPatch, meeting_id: int) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise StorageError("storage.no_meeting", meeting_id=meeting_id)

    monkeypatch.setattr(records, "load_meeting", broken)


async def open_with_the_record_held_back(
    pilot: Pilot[None], monkeypatch: pytest.MonkeyPatch, meeting_id: int
) -> None:
    """From the start screen, open a meeting whose roll call shows its glance only: the record
    then loads only when something asks for the service (a key)."""
    app = pilot.app
    assert isinstance(app, MeetingApp)
    await pilot.pause()
    # What opening schedules for after the first frame (loading the record) never runs.
    with monkeypatch.context() as patch:
        patch.setattr(app, "call_after_refresh", lambda *args, **kwargs: True)
        assert app.open_meeting(meeting_id)
    await pilot.pause()
    assert isinstance(app.screen, RollCallScreen)
    assert isinstance(app.meeting_shown, Glance)


async def test_a_record_that_cannot_load_after_the_glance_goes_back_to_the_meetings(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())
    fail_to_load(monkeypatch, meeting_id)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.service is None
    monkeypatch.undo()
    # The meeting's lock was released with the connection.
    MeetingService.open(db_path, meeting_id).close()


async def test_a_key_that_finds_the_record_unloadable_goes_back_to_the_meetings(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await open_with_the_record_held_back(pilot, monkeypatch, meeting_id)
        fail_to_load(monkeypatch, meeting_id)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert not app.has_meeting
    monkeypatch.undo()
    MeetingService.open(db_path, meeting_id).close()
    assert stored(db_path, meeting_id).participants[0].attendance is Attendance.UNKNOWN


async def test_back_to_the_meetings_before_the_record_loads(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await open_with_the_record_held_back(pilot, monkeypatch, meeting_id)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert not app.meeting_is_open
        MeetingService.open(db_path, meeting_id).close()  # the lock is free again


async def test_back_to_the_meetings_from_the_roll_call(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.service is not None
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
