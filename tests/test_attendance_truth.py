"""One attendance truth: a member who arrives is shown as come on the roll call, in the JSON and
in the referat alike.

The defect: after `k` a member who arrived still showed "✘ fraværende" on the roll call and
`"attendance": "fravaerende"` in the JSON export, while the .docx said he came.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable

from meetingtui.exporters import export
from meetingtui.models import Attendance
from meetingtui.screens.app import build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import START, FixedClock, committee_meeting, store, stored


def late_arrival(db_path: Path) -> int:
    """Søren Friis (F) is fraværende at the roll call and arrives during item 2 at 17.05."""
    clock = FixedClock(START)
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "absent" if person.id == 7 else "present")
        service.start_item(1)
        service.start_item(2)
        clock.now = START + timedelta(minutes=35)
        service.arrive(7)
    return meeting_id


def test_an_arrival_is_the_same_in_the_record_and_every_export(db_path: Path) -> None:
    meeting_id = late_arrival(db_path)
    record = stored(db_path, meeting_id)
    assert record.participant(7).attendance is Attendance.PRESENT
    data = json.loads(export(record, "json", public=False, chain_head=""))
    soren = next(p for p in data["participants"] if p["name"] == "Søren Friis")
    assert soren["attendance"] == "present"
    assert soren["movements"][0]["kind"] == "arrived"
    markdown = export(record, "md", public=False, chain_head="").decode()
    present_line = next(line for line in markdown.splitlines() if "Til stede:" in line)
    assert "Søren Friis (F)" in present_line
    assert "Fraværende:" not in markdown
    assert "Søren Friis (F) kom kl. 17.05" in markdown


def test_undoing_the_arrival_gives_the_roll_call_answer_back(db_path: Path) -> None:
    meeting_id = late_arrival(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.undo()
        assert service.meeting.participant(7).attendance is Attendance.ABSENT


async def test_the_roll_call_shows_the_arrival(db_path: Path) -> None:
    meeting_id = late_arrival(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        table = app.screen.query_one("#roster", DataTable)
        cells = [str(c) for c in table.get_row("7")]
        assert str(table.get_cell("7", "attendance")) == "✔ kom kl. 17.05"
        assert "fraværende" not in " ".join(cells)


def test_an_observer_never_registered_is_not_called_a_member(db_path: Path) -> None:
    """The committee meeting's observer (Hanne Ravn, no vote) was never registered: the referat
    lists her under attendance not recorded, not under "Medlemmer"."""
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock(START)) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            if person.votes:
                service.set_attendance(person.id, "present")
    markdown = export(stored(db_path, meeting_id), "md", public=True, chain_head="").decode()
    line = next(line for line in markdown.splitlines() if "Hanne Ravn" in line)
    assert "Fremmøde ikke registreret:" in line
    assert "Medlemmer" not in line
