"""An item taken up more than once keeps each stretch it was under treatment: the record, the
referat and the agenda's time never say it was under way while other items were. Correcting
times follows the order the stretches happened in, not the order of their first starts, so a
valid end is not refused because two items shared a minute or an item was taken up again."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest
from textual.widgets import DataTable, Input, Label

from meetingtui import reducer
from meetingtui.corrections import TimeCorrection
from meetingtui.errors import CommandRefused
from meetingtui.exporters import export
from meetingtui.models import ItemSession
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import checked_meeting
from tests.meetings import START, FixedClock, committee_meeting, store, stored
from tests.tui_support import Notices, screen_text, type_text, until

AT_17 = START + timedelta(minutes=30)


def _at(hour: int, minute: int) -> datetime:
    return datetime(2025, 3, 11, hour, minute)


def taking_up(db_path: Path, steps: list[tuple[int, int]]) -> int:
    """A meeting opened at 17.00 with everyone present that takes up items `(id, minutes
    after the step before)` and closes five minutes after the last."""
    clock = FixedClock(AT_17)
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "present")
        for item_id, later in steps:
            clock.now += timedelta(minutes=later)
            service.start_item(item_id)
        clock.now += timedelta(minutes=5)
        service.close_meeting()
    return meeting_id


def item_2_taken_up_again(db_path: Path) -> int:
    """Item 1 at 17.00, item 2 at 17.05, item 3 at 17.10, item 2 again at 17.15 (a question
    left open came back), closed at 17.20."""
    return taking_up(db_path, [(1, 0), (2, 5), (3, 5), (2, 5)])


def test_an_item_taken_up_again_keeps_both_stretches_in_the_record(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    record = stored(db_path, meeting_id)
    assert [(s.item_id, s.started_at, s.ended_at) for s in record.item_sessions] == [
        (1, _at(17, 0), _at(17, 5)),
        (2, _at(17, 5), _at(17, 10)),
        (3, _at(17, 10), _at(17, 15)),
        (2, _at(17, 15), _at(17, 20)),
    ]
    # The item's own times are its first start and its last end.
    assert (record.item(2).started_at, record.item(2).ended_at) == (_at(17, 5), _at(17, 20))
    conn = connect(db_path)
    try:
        checked_meeting(conn, meeting_id)  # replays to exactly what the tables hold
    finally:
        conn.close()
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Punktet blev behandlet kl. 17.05–17.10 og kl. 17.15–17.20." in markdown
    assert markdown.count("Punktet blev behandlet kl.") == 1  # items taken once say nothing
    document = docx.Document(io.BytesIO(export(record, "docx", public=False, chain_head="")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Punktet blev behandlet kl. 17.05–17.10 og kl. 17.15–17.20." in paragraphs
    data = json.loads(export(record, "json", public=False, chain_head=""))
    assert [s["item_id"] for s in data["item_sessions"]] == [1, 2, 3, 2]


def _taken_up(db_path: Path, steps: list[tuple[int, int]]) -> str:
    """The referat's markdown after item 1 was taken up at 17.00, then the items `steps`."""
    meeting_id = taking_up(db_path, [(1, 0), *steps])
    return export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()


def test_an_item_taken_up_again_within_the_minute_reads_as_one_stretch(db_path: Path) -> None:
    # Item 2 taken up by mistake at 17.00 and item 1 taken up again at once: "behandlet kl.
    # 17.00–17.00 og kl. 17.00–17.05" said nothing true.
    markdown = _taken_up(db_path, [(2, 0), (1, 0)])
    assert "Punktet blev behandlet" not in markdown.split("## 2.")[0]


def test_stretches_apart_keep_their_times(db_path: Path) -> None:
    # Item 1 at 17.00, item 2 at 17.05, item 1 again at 17.10 for no minute, item 3 after.
    markdown = _taken_up(db_path, [(2, 5), (1, 5), (3, 0)])
    assert "Punktet blev behandlet kl. 17.00–17.05 og kl. 17.10." in markdown


def test_a_public_export_says_nothing_of_when_a_closed_item_was_dealt_with(
    db_path: Path,
) -> None:
    meeting_id = item_2_taken_up_again(db_path)  # item 3 is closed
    data = json.loads(export(stored(db_path, meeting_id), "json", public=True, chain_head=""))
    assert [s["item_id"] for s in data["item_sessions"]] == [1, 2, 2]


def test_an_item_end_correction_keeps_to_the_stretches_around_it(db_path: Path) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        # Item 3 ended when item 2 was taken up again: not at 17.17.
        with pytest.raises(CommandRefused) as refused:
            service.correct_time("item_end", "17.17", item_id=3)
        assert refused.value.message == (
            "Tiden for »pkt. 3 sluttede« skal ligge mellem 17.10 (pkt. 3 begyndte) og "
            "17.15 (pkt. 2 begyndte 2. gang); intet er ændret."
        )
        # Item 2's end is the end of its second stretch: not before that began.
        with pytest.raises(CommandRefused) as refused:
            service.correct_time("item_end", "17.12", item_id=2)
        assert "17.15 (pkt. 2 begyndte 2. gang)" in refused.value.message
    assert stored(db_path, meeting_id) == before
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("item_end", "17.13", item_id=3)
        service.correct_time("meeting_end", "17.25")  # item 2's last stretch moves with it
    record = stored(db_path, meeting_id)
    assert [(s.started_at, s.ended_at) for s in record.sessions_of(record.item(2))] == [
        (_at(17, 5), _at(17, 10)),
        (_at(17, 15), _at(17, 25)),
    ]
    assert record.item(3).ended_at == _at(17, 13)
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Punktet blev behandlet kl. 17.05–17.10 og kl. 17.15–17.25." in markdown


def test_an_end_is_corrected_when_two_items_were_taken_up_in_the_same_minute(
    db_path: Path,
) -> None:
    """At 17.05 the secretary took item 4 up first, then item 3 (the one under debate), in the
    same moment; item 3 was treated 17.05–17.05 when the meeting closed. The real end was
    17.12: the meeting's end and item 3's with it are corrected, not refused because item 4
    began at 17.05 "after" item 3 by the order of the agenda."""
    clock = FixedClock(AT_17)
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        service.start_item(1)
        clock.now = _at(17, 5)
        service.start_item(4)
        service.start_item(3)
        service.close_meeting()
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("meeting_end", "17.12")
    record = stored(db_path, meeting_id)
    assert record.closed_at == _at(17, 12)
    assert (record.item(3).started_at, record.item(3).ended_at) == (_at(17, 5), _at(17, 12))
    assert record.item(4).ended_at == _at(17, 5)
    # And the other way: item 3's end alone, back within the meeting.
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("item_end", "17.10", item_id=3)
        with pytest.raises(CommandRefused) as refused:
            service.correct_time("item_end", "17.14", item_id=3)
    assert "17.12 (mødet sluttede)" in refused.value.message
    assert stored(db_path, meeting_id).item(3).ended_at == _at(17, 10)


def test_a_record_from_before_sessions_replays_as_it_was_and_goes_on_with_them() -> None:
    """Events of an earlier release start items without "session": the record keeps only the
    items' times, as its tables do; an item taken up after the upgrade starts the stretches
    from the times the record has."""
    meeting = committee_meeting()
    meeting.id = 1
    history: list[tuple[int, str, dict[str, object], datetime]] = [
        (1, "meeting_created", {"meeting": meeting.model_dump(mode="json")}, AT_17),
        (2, "meeting_opened", {}, AT_17),
        (3, "item_started", {"item_id": 1}, AT_17),
        (4, "item_started", {"item_id": 2}, _at(17, 5)),
    ]
    old = reducer.replay(history)
    assert old.item_sessions == []
    assert [(s.started_at, s.ended_at) for s in old.sessions_of(old.item(1))] == [
        (_at(17, 0), _at(17, 5))
    ]
    history.append((5, "item_started", {"item_id": 1, "session": True}, _at(17, 9)))
    upgraded = reducer.replay(history)
    assert upgraded.item_sessions == [
        ItemSession(item_id=1, started_at=_at(17, 0), ended_at=_at(17, 5)),
        ItemSession(item_id=2, started_at=_at(17, 5), ended_at=_at(17, 9)),
        ItemSession(item_id=1, started_at=_at(17, 9)),
    ]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_agenda_counts_only_the_time_an_item_was_under_way(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        agenda = app.screen.query_one("#agenda", DataTable)
        assert str(agenda.get_cell("2", "time")) == "0:10"  # not 0:15
        assert str(agenda.get_cell("3", "time")) == "0:05"
        await pilot.press("z", "escape")  # a key that means nothing, then Escape
        assert isinstance(app.screen, MeetingScreen)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_time_dialog_refuses_an_end_inside_a_later_stretch_in_words(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=size, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        agenda = app.screen.query_one("#agenda", DataTable)
        agenda.move_cursor(row=agenda.get_row_index("3"))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        fields = list(app.screen.query(Input))
        assert [f.value for f in fields] == ["17.00", "17.20", "17.10", "17.15"]
        fields[3].focus()
        fields[3].value = ""
        await type_text(pilot, "17.17")
        await pilot.press("enter")
        await until(pilot, lambda: notices.mention("intet er ændret"), "the refusal")
        assert notices.mention("17.15 (pkt. 2 begyndte 2. gang)")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the dialog again")
        await pilot.press("escape")  # the refused time is still typed: asked before it goes
        await until(pilot, lambda: "Kassér teksten?" in screen_text(app), "discard?")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back, unchanged")
    assert stored(db_path, meeting_id) == before


def test_each_stretch_of_an_item_taken_up_twice_can_be_corrected(db_path: Path) -> None:
    """Item 2 was in fact left at 17.08 (the secretary took item 3 up late) and taken up again
    at 17.16: the middle times are corrected, the item's own first start and last end stay."""
    meeting_id = item_2_taken_up_again(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_times(
            [
                TimeCorrection("item_end", "17.08", item_id=2, stretch=0),
                TimeCorrection("item_start", "17.16", item_id=2, stretch=1),
            ]
        )
    record = stored(db_path, meeting_id)
    assert [(s.started_at, s.ended_at) for s in record.sessions_of(record.item(2))] == [
        (_at(17, 5), _at(17, 8)),
        (_at(17, 16), _at(17, 20)),
    ]
    assert (record.item(2).started_at, record.item(2).ended_at) == (_at(17, 5), _at(17, 20))
    conn = connect(db_path)
    try:
        checked_meeting(conn, meeting_id)  # the correction replays to what the tables hold
    finally:
        conn.close()
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Punktet blev behandlet kl. 17.05–17.08 og kl. 17.16–17.20." in markdown
    # Undone like any entry: the stretches are as recorded again.
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.undo()
    record = stored(db_path, meeting_id)
    assert [(s.started_at, s.ended_at) for s in record.sessions_of(record.item(2))] == [
        (_at(17, 5), _at(17, 10)),
        (_at(17, 15), _at(17, 20)),
    ]


@pytest.mark.parametrize(
    ("what", "stretch", "typed", "message"),
    [
        # The first stretch may not run into item 3, taken up at 17.10.
        (
            "item_end",
            0,
            "17.12",
            "Tiden for »pkt. 2 sluttede 1. gang« skal ligge mellem 17.05 (pkt. 2 begyndte "
            "1. gang) og 17.10 (pkt. 3 begyndte); intet er ændret.",
        ),
        # The second may not begin while item 3 was under way, nor after it ended.
        (
            "item_start",
            1,
            "17.12",
            "Tiden for »pkt. 2 begyndte 2. gang« skal ligge mellem 17.15 (pkt. 3 sluttede) og "
            "17.20 (pkt. 2 sluttede 2. gang); intet er ændret.",
        ),
        (
            "item_start",
            1,
            "17.22",
            "Tiden for »pkt. 2 begyndte 2. gang« skal ligge mellem 17.15 (pkt. 3 sluttede) og "
            "17.20 (pkt. 2 sluttede 2. gang); intet er ændret.",
        ),
    ],
)
def test_a_stretch_keeps_its_order_with_the_other_items_stretches(
    db_path: Path, what: str, stretch: int, typed: str, message: str
) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    before = stored(db_path, meeting_id)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(CommandRefused) as refused:
            service.correct_time(what, typed, item_id=2, stretch=stretch)
        assert refused.value.message == message
        with pytest.raises(CommandRefused):  # item 2 has two stretches, not three
            service.correct_time("item_end", "17.20", item_id=2, stretch=2)
    assert stored(db_path, meeting_id) == before


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_time_dialog_shows_and_corrects_each_stretch(
    db_path: Path, size: tuple[int, int]
) -> None:
    meeting_id = item_2_taken_up_again(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(_at(17, 30)))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        agenda = app.screen.query_one("#agenda", DataTable)
        agenda.move_cursor(row=agenda.get_row_index("2"))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        fields = list(app.screen.query(Input))
        assert [f.value for f in fields] == ["17.00", "17.20", "17.05", "17.10", "17.15", "17.20"]
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert "Pkt. 2 sluttede 1. gang kl." in labels
        assert "Pkt. 2 begyndte 2. gang kl." in labels
        fields[3].focus()
        fields[3].value = ""
        await type_text(pilot, "17.08")
        await pilot.press("enter", "enter", "enter")  # on through the later stretch's times
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back, corrected")
    record = stored(db_path, meeting_id)
    assert [(s.started_at, s.ended_at) for s in record.sessions_of(record.item(2))] == [
        (_at(17, 5), _at(17, 8)),
        (_at(17, 15), _at(17, 20)),
    ]
