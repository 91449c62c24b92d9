"""Undo says what it takes back, never crosses the end of the meeting, and reopening a closed or
approved meeting is its own logged command with a reason.

The defect: Ctrl+Z after approval un-approved the minutes and a second Ctrl+Z reopened the
meeting, with only "Fortrudt." as feedback while "✔ Gemt: …docx" stayed on screen.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from meetingtui.cli import main
from meetingtui.errors import CommandRefused
from meetingtui.exporters import export
from meetingtui.models import ItemStatus, MeetingStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import Notices, press, type_text

SIZE = (100, 30)


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
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
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
        # The quoted decision ends the sentence: no second full stop after it.
        assert notices.mention("Fortrudt") == ["Fortrudt: beslutningen på pkt. 1: »Godkendt.«"]


def test_reopening_is_a_logged_command_with_a_reason(db_path: Path) -> None:
    meeting_id = closed_and_approved(db_path)
    # The hash a referat printed now carries: every event after the approval supersedes it.
    conn = sqlite3.connect(db_path)
    printed = conn.execute("SELECT hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()[0]
    conn.close()
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(CommandRefused) as no_reason:
            service.reopen_meeting("   ")
        assert "hvorfor" in no_reason.value.message.casefold()
        service.reopen_meeting("Beslutningen på pkt. 1 var skrevet forkert af.")
        meeting = service.meeting
        assert meeting.status is MeetingStatus.OPEN and meeting.approved_at is None
        (reopening,) = meeting.reopenings
        assert reopening.from_status is MeetingStatus.APPROVED
        assert reopening.reason == "Beslutningen på pkt. 1 var skrevet forkert af."
        assert reopening.superseded_head == printed
        # The reopening is not undone by Ctrl+Z: it is closed again when the change is made.
        with pytest.raises(CommandRefused):
            service.undo()
        with pytest.raises(CommandRefused):
            service.reopen_meeting("igen")
    assert event_types(db_path)[-1] == "meeting_reopened"
    record = stored(db_path, meeting_id)
    internal = export(record, "md", public=False, chain_head="").decode()
    assert "efter at referatet var godkendt" in internal
    assert "erstattet af dette" in internal
    assert "Begrundelse: Beslutningen på pkt. 1 var skrevet forkert af." in internal
    public = export(record, "md", public=True, chain_head="").decode()
    assert "erstattet af dette" in public and "Begrundelse" not in public
    conn = connect(db_path)
    try:
        assert verify(conn).ok
    finally:
        conn.close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "verify", "--hash", printed[:16]])
    assert result.exit_code == 1
    assert "erstattet" in result.output and "var skrevet forkert af" in result.output
    assert "Økonomiudvalget den 11.03.2025" in result.output


async def test_the_closing_screen_confirms_closing_and_approving_and_reopens(
    db_path: Path,
) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "a", "l")
        assert isinstance(app.screen, ConfirmDialog)  # open points: items not decided
        await press(pilot, "n")
        assert stored(db_path, meeting_id).status is MeetingStatus.OPEN
        await press(pilot, "l", "j", "g")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "escape")
        assert stored(db_path, meeting_id).status is MeetingStatus.CLOSED
        await press(pilot, "g", "j")
        assert stored(db_path, meeting_id).status is MeetingStatus.APPROVED
        await press(pilot, "ctrl+z")
        assert stored(db_path, meeting_id).status is MeetingStatus.APPROVED
        await press(pilot, "r", "enter")  # no reason yet: refused, the form comes back
        assert isinstance(app.screen, FormDialog)
        assert stored(db_path, meeting_id).status is MeetingStatus.APPROVED
        await type_text(pilot, "Fejl i pkt. 2")
        await press(pilot, "enter")
    record = stored(db_path, meeting_id)
    assert record.status is MeetingStatus.OPEN
    assert [r.reason for r in record.reopenings] == ["Fejl i pkt. 2"]
