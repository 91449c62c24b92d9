"""After the meeting is closed the header counts the meeting's attendance, not that of the
last item (a member inhabil for it took part in the meeting)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from meetingtui import rules
from meetingtui.screens.app import build_app
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
from tests.tui_support import press, rendered, until


def closed_after_an_inhabil_item(db_path: Path) -> int:
    """Everyone present; on item 4, the last, Mette Lund (A) was inhabil; then closed."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(4)
        service.declare_inhabil(4, 2)
        assert service.quorum().present == 6
        service.close_meeting()
        assert service.quorum().present == 7  # the meeting's, not item 4's
        assert rules.item_under_way(service.meeting) is None
    return meeting_id


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_header_of_a_closed_meeting_counts_the_meeting(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = closed_after_an_inhabil_item(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=size) as pilot:
        await until(
            pilot, lambda: isinstance(app.screen, MeetingScreen | ClosingScreen), "the meeting"
        )

        def quorum() -> str:
            return rendered(app.screen.query_one("#status-quorum", Static))

        await until(pilot, lambda: "7 af 7 deltager" in quorum(), "the meeting's attendance")
        await press(pilot, "z", "escape")  # a key that means nothing, then Escape
        await until(pilot, lambda: "7 af 7 deltager" in quorum(), "still the meeting's")
