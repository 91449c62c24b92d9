"""A postponed item taken up again is under treatment, not "udsat": the agenda says so while
it is debated, and the decision then taken is the record's, without the postponement."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.exporters import export
from meetingtui.models import ItemStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import press, type_text, until


def _status(app: object, item: str) -> str:
    agenda = app.screen.query_one("#agenda", DataTable)  # type: ignore[attr-defined]
    return str(agenda.get_cell(item, "status"))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_postponed_item_taken_up_again_is_shown_under_way(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "u")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the reason")
        await type_text(pilot, "Afventer notat")
        await press(pilot, "enter")
        await until(pilot, lambda: _status(app, "1") == "⏸ udsat", "postponed")
        await press(pilot, "n")  # item 2
        await until(pilot, lambda: _status(app, "2") == "▶ behandles", "item 2 under way")
        # The notat came: item 1 again. A key that means nothing and Escape on the way.
        await press(pilot, "up", "z", "escape", "enter")
        assert isinstance(app.screen, MeetingScreen)
        await until(pilot, lambda: _status(app, "1") == "▶ behandles", "item 1 under way")
        assert _status(app, "2") == "⚠ uafgjort"
        await press(pilot, "d", "1", "enter")
        await until(pilot, lambda: _status(app, "1") == "✔ afgjort", "decided")
    item = stored(db_path, meeting_id).item(1)
    assert (item.status, item.decision, item.postponed_reason) == (
        ItemStatus.DECIDED,
        "Godkendt.",
        "",
    )


def test_taking_up_a_postponed_item_is_undone_back_to_postponed(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.postpone_item(1, "Afventer notat")
        service.start_item(2)
        service.start_item(1)
        assert service.meeting.item(1).status is ItemStatus.CURRENT
        service.start_item(2)  # left again without a decision: taken up, not decided
        assert service.meeting.item(1).status is ItemStatus.PENDING
        service.undo()
        service.undo()
        item = service.meeting.item(1)
        assert (item.status, item.postponed_reason) == (ItemStatus.POSTPONED, "Afventer notat")
    markdown = export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()
    assert "Afventer notat" in markdown
