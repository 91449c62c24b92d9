"""Postponing an item that already has a decision: the secretary highlights the next item and
presses u, but u acts on the item under way. Before, its decision stayed while the agenda said
"udsat", and the referat printed the decision with no word of the postponement. Now the dialog
names the item, the chair is asked first, and a postponement takes the decision off the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.errors import ConfirmationRequired
from meetingtui.exporters import export
from meetingtui.models import ItemStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from tests.meetings import ITEMS, FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import press, showing, type_text, until


def _events(db_path: Path) -> int:
    db = connect(db_path)
    try:
        return db.execute("select count(*) from events").fetchone()[0]
    finally:
        db.close()


def _referat(db_path: Path, meeting_id: int) -> str:
    return export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()


def test_postponing_a_decided_item_asks_first_and_then_takes_the_decision_off(
    db_path: Path,
) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(1)
        service.record_decision(1, "Godkendt med den ændring, at punkt 3 udgår.")
        before = _events(db_path)
        with pytest.raises(ConfirmationRequired) as asked:
            service.postpone_item(1, "Afventer notat")
        assert asked.value.question == "confirm.postpone_decided_question"
        assert "Godkendt med den ændring" in asked.value.warnings[-1].message
        assert _events(db_path) == before  # asked, nothing recorded
        item = service.meeting.item(1)
        assert (item.status, item.decision) == (
            ItemStatus.DECIDED,
            "Godkendt med den ændring, at punkt 3 udgår.",
        )

        assert service.meeting.item(1).decided_at is not None
        service.postpone_item(1, "Afventer notat", confirm=True)
        item = service.meeting.item(1)
        assert (item.status, item.decision, item.decided_at, item.postponed_reason) == (
            ItemStatus.POSTPONED,
            "",
            None,
            "Afventer notat",
        )
    referat = _referat(db_path, meeting_id)
    assert "Punktet blev udsat: Afventer notat" in referat
    assert "punkt 3 udgår" not in referat

    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.undo()  # the postponement, named first: a decision comes back
        item = service.meeting.item(1)
        assert (item.status, item.decision) == (
            ItemStatus.DECIDED,
            "Godkendt med den ændring, at punkt 3 udgår.",
        )
        assert item.decided_at is not None


def test_an_undecided_item_is_postponed_without_a_question(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(2)
        service.postpone_item(2, "")
        assert service.meeting.item(2).status is ItemStatus.POSTPONED


FIRST = ITEMS[0][0]


def _status(app: object, item: str) -> str:
    agenda = app.screen.query_one("#agenda", DataTable)  # type: ignore[attr-defined]
    return str(agenda.get_cell(item, "status"))


async def test_u_on_a_highlighted_item_names_the_item_under_way_and_asks(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await press(pilot, "enter", "d", "3", "enter")
        await until(pilot, lambda: _status(app, "1") == "✔ afgjort", "decided")
        # The secretary means the next item: highlights it and presses u.
        await press(pilot, "down", "u")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the reason")
        # The item it acts on, by name: the one under way, not the one highlighted.
        assert app.screen.dialog_title == f"Udsæt punktet — 1. {FIRST}"  # type: ignore[attr-defined]
        await type_text(pilot, "Afventer notat")
        await press(pilot, "enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        await press(pilot, "n")  # not what was meant
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        assert _status(app, "1") == "✔ afgjort"
        assert stored(db_path, meeting_id).item(1).decision == "Taget til efterretning."

        # Meant after all: the item is postponed, without its decision.
        await press(pilot, "u")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the reason")
        await type_text(pilot, "Afventer notat")
        await press(pilot, "enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the question")
        await press(pilot, "j")
        await until(pilot, lambda: _status(app, "1") == "⏸ udsat", "postponed")
    item = stored(db_path, meeting_id).item(1)
    assert (item.status, item.decision, item.decided_at, item.postponed_reason) == (
        ItemStatus.POSTPONED,
        "",
        None,
        "Afventer notat",
    )


@pytest.mark.parametrize("reason", ["Afventer politiets udtalelse", ""])
def test_an_added_item_postponed_says_both_in_the_referat(db_path: Path, reason: str) -> None:
    # The referat printed only "Punktet blev optaget på dagsordenen ..." under an item added
    # during the meeting and then postponed: the agenda change stood in for the decision, so
    # the postponement (and its reason) was lost.
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        added = service.add_item("Trafiksikkerhed ved skolen", confirm=True).created_id
        assert added is not None
        service.start_item(added)
        service.postpone_item(added, reason)
    item = _referat(db_path, meeting_id).split("Trafiksikkerhed ved skolen")[-1]
    postponed = f"Punktet blev udsat: {reason}." if reason else "Punktet blev udsat."
    assert postponed in item
    assert item.index(postponed) < item.index("Punktet blev optaget på dagsordenen")
