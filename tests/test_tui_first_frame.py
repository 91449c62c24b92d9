"""A planned meeting's roll call is first drawn from a glance; the record loads right after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from meetingtui.errors import StorageError
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.start import StartScreen
from meetingtui.service import MeetingService
from meetingtui.vocabulary import Attendance
from tests.test_tui_support import FixedClock, committee_meeting, store, stored

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
        await pilot.pause()
        finish = app._finish_opening
        # Hold the record back: drawing the roll call must not need it.
        monkeypatch.setattr(app, "_finish_opening", lambda: False)
        assert app.open_meeting(meeting_id)
        await pilot.pause()
        assert app._glance is not None and app._service is None
        from_glance = roll_call_on_screen(app)
        monkeypatch.setattr(app, "_finish_opening", finish)
        assert app.service.meeting.id == meeting_id
        await pilot.pause()
        assert app._glance is None
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
        Attendance.FRAVAERENDE,
        Attendance.PRESENT,
        Attendance.UNKNOWN,
    ]


async def test_a_record_that_cannot_load_after_the_glance_goes_back_to_the_meetings(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = store(db_path, committee_meeting())

    def broken(*args: Any, **kwargs: Any) -> MeetingService:
        raise StorageError("storage.no_meeting", meeting_id=meeting_id)

    monkeypatch.setattr(MeetingService, "attach", broken)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.service is None
    # The meeting's lock was released with the connection.
    monkeypatch.undo()
    MeetingService.open(db_path, meeting_id).close()
