"""A closed item's decision as the committee releases it: entered by the secretary, printed in
the public referat under "Lukket punkt", and nothing else of the item."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from meetingtui.errors import CommandRefused
from meetingtui.exporters.docx import render_docx
from meetingtui.exporters.json_export import to_json_dict
from meetingtui.models import AgendaItem, MeetingStatus
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting
from tests.meetings import (
    CLOSED_CONTENT,
    FixedClock,
    committee_meeting,
    opened_with_everyone,
    recorded_meeting,
)

RELEASED = "Udvalget godkendte salget af grunden."


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_public_referat_prints_the_released_decision_and_nothing_else() -> None:
    meeting = recorded_meeting()
    meeting.items[4].public_decision = RELEASED
    data = render_docx(meeting, public=True)
    paragraphs = _paragraphs(data)
    start = paragraphs.index(("Heading 1", "5. Grundsalg Kildebakken"))
    assert paragraphs[start + 1 : start + 4] == [
        ("Lukket punkt", "Lukket punkt"),
        ("Beslutning overskrift", "Beslutning i Økonomiudvalget den 3. januar 2017"),
        ("Beslutning", RELEASED),
    ]
    assert paragraphs[start + 4][1].startswith("6a.")
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            blob = archive.read(name)
            for secret in CLOSED_CONTENT:
                assert secret.encode() not in blob, (secret, name)
    # The embedded public record carries exactly that text too.
    record = to_json_dict(meeting, public=True)
    closed = next(item for item in record["items"] if item["number"] == "5")
    assert closed["public_decision"] == RELEASED
    assert closed["decision"] == ""


def test_internal_referat_shows_both_the_decision_and_what_was_released() -> None:
    meeting = recorded_meeting()
    meeting.items[4].public_decision = RELEASED
    texts = [text for _, text in _paragraphs(render_docx(meeting, public=False))]
    assert "Fortroligbeslutning Østerled: tilbuddet accepteres." in texts
    assert f"Offentliggjort beslutning: {RELEASED}" in texts


def test_without_a_released_text_the_public_item_is_only_lukket_punkt() -> None:
    paragraphs = _paragraphs(render_docx(recorded_meeting(), public=True))
    start = paragraphs.index(("Heading 1", "5. Grundsalg Kildebakken"))
    assert paragraphs[start + 1] == ("Lukket punkt", "Lukket punkt")
    assert paragraphs[start + 2][1].startswith("6a.")


def _closed_item_meeting(db_path: Path) -> tuple[int, FixedClock]:
    meeting = committee_meeting()
    meeting.items.append(
        AgendaItem(id=len(meeting.items) + 1, number="9", title="Personalesag", closed=True)
    )
    clock = FixedClock()
    return opened_with_everyone(db_path, meeting, clock), clock


def test_the_command_stores_it_as_an_event_and_replays(db_path: Path) -> None:
    meeting_id, clock = _closed_item_meeting(db_path)
    service = MeetingService.open(db_path, meeting_id, clock=clock)
    closed = service.meeting.items[-1]
    with pytest.raises(CommandRefused) as caught:
        service.set_public_decision(service.meeting.items[0].id, "Godkendt.")
    assert "er ikke lukket" in caught.value.message
    service.set_public_decision(closed.id, RELEASED)
    service.close_meeting()
    service.set_public_decision(closed.id, RELEASED + " ")  # after closing, before approval
    service.close()
    conn = connect(db_path)
    try:
        stored = load_meeting(conn, meeting_id)
        assert stored.items[-1].public_decision == RELEASED
        events = [
            row[0]
            for row in conn.execute("SELECT type FROM events WHERE meeting_id = ?", (meeting_id,))
        ]
        assert events.count("public_decision_set") == 2
        # Replaying the events gives exactly the stored state.
        from meetingtui.verify import verify

        assert verify(conn).ok
    finally:
        conn.close()


def test_approved_minutes_refuse_a_change(db_path: Path) -> None:
    meeting_id, clock = _closed_item_meeting(db_path)
    service = MeetingService.open(db_path, meeting_id, clock=clock)
    service.close_meeting()
    service.approve_minutes()
    assert service.meeting.status is MeetingStatus.APPROVED
    with pytest.raises(CommandRefused):
        service.set_public_decision(service.meeting.items[-1].id, RELEASED)
    service.close()


async def test_secretary_enters_it_on_the_closing_screen(db_path: Path) -> None:
    from textual.widgets import DataTable, Input

    from meetingtui.screens.app import build_app
    from meetingtui.screens.closing import ClosingScreen
    from tests.tui_support import SIZE

    meeting_id, clock = _closed_item_meeting(db_path)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        closing = app.screen
        assert isinstance(closing, ClosingScreen)
        table = closing.query_one("#summary", DataTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = RELEASED
        await pilot.press("enter")
        await pilot.pause()
        assert closing.meeting.items[-1].public_decision == RELEASED
    conn = connect(db_path)
    try:
        assert load_meeting(conn, meeting_id).items[-1].public_decision == RELEASED
    finally:
        conn.close()
