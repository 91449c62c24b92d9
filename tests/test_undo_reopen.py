"""Undo says what it takes back, never crosses the end of the meeting, and reopening a closed or
approved meeting is its own logged command with a reason.

The defect: Ctrl+Z after approval un-approved the minutes and a second Ctrl+Z reopened the
meeting, with only "Fortrudt." as feedback while "✔ Gemt: …docx" stayed on screen.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.errors import CommandRefused
from meetingtui.models import ItemStatus, MeetingStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored

SIZE = (100, 30)


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def event_types(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT type FROM events ORDER BY seq")]
    finally:
        conn.close()


def closed_and_approved(db_path: Path) -> int:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.record_decision(1, "Godkendt.")
        service.close_meeting()
        service.approve_minutes()
    return meeting_id


def test_undo_stops_at_the_approval_and_at_the_close(db_path: Path) -> None:
    meeting_id = closed_and_approved(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(CommandRefused) as refused:
            service.undo()
        assert "godkendt" in refused.value.message and "Genåbn" in refused.value.message
        assert service.meeting.status is MeetingStatus.APPROVED
    assert event_types(db_path)[-1] == "minutes_approved"


def test_undo_names_what_it_takes_back_and_refuses_a_stale_step(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.record_decision(1, "Godkendt.")
        step = service.undo_step()
        assert step.description == "beslutningen på pkt. 1: »Godkendt.«"
        assert not step.small
        service.start_item(2)  # something else came in after the secretary was asked
        with pytest.raises(CommandRefused):
            service.undo(step.seq)
        assert service.meeting.item(1).decision == "Godkendt."
        small = service.undo_step()
        assert small.small and small.description == "at pkt. 2 blev taget op"


async def test_ctrl_z_asks_before_undoing_a_decision(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "d", "1", "enter", "ctrl+z")
        assert isinstance(app.screen, ConfirmDialog)
        asked = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Fortryd beslutningen på pkt. 1: »Godkendt.«?" in asked
        await press(pilot, "n")
        assert stored(db_path, meeting_id).item(1).decision == "Godkendt."
        await press(pilot, "ctrl+z", "j")
        assert isinstance(app.screen, MeetingScreen)
        item = stored(db_path, meeting_id).item(1)
        assert (item.decision, item.status) == ("", ItemStatus.CURRENT)
