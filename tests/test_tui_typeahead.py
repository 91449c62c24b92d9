"""Keys typed ahead of the screen reach the screen they were meant for, in order.

A fast typist (or a terminal that delivers a burst of keys) sends "d", "1", Enter before the
decision dialog is on screen; each key must still land where it would have landed one by one.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from meetingtui.models import ItemStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.meeting import MeetingScreen
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import until


def burst(app: object, *keys: str) -> None:
    """Keys as a terminal delivers them when typed fast: all read before any is handled."""
    for key in keys:
        character = key if len(key) == 1 else ("\r" if key == "enter" else None)
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


async def test_keys_typed_ahead_of_a_dialog_go_into_it(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Item 1 is under way: next item, decide it with quick pick 3, next item, decide with 1.
        burst(app, "n", "d", "3", "enter", "n", "d", "1", "enter")

        def last_decision_taken() -> bool:
            service = app.service
            return (
                isinstance(app.screen, MeetingScreen)
                and service is not None
                and service.meeting.item(3).status is ItemStatus.DECIDED
            )

        # The gate hands the burst over one key at a time: wait for the last, not a fixed time.
        await until(pilot, last_decision_taken, "every key of the burst handled")
    record = stored(db_path, meeting_id)
    assert [(i.number, i.status, i.decision) for i in record.items[:3]] == [
        ("1", ItemStatus.PENDING, ""),
        ("2", ItemStatus.DECIDED, "Taget til efterretning."),
        ("3", ItemStatus.DECIDED, "Godkendt."),
    ]
    assert record.current_item_id == 3
