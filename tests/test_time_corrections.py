"""Times can be corrected: the meeting's start and end, a member's arrival and departure, an
item's start and end. A correction is an event with the old and the new value, typed the Danish
way ("16.30"); nonsense and an end before its start are refused and change nothing."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label

from meetingtui.errors import CommandRefused
from meetingtui.exporters import export
from meetingtui.i18n import set_language, t
from meetingtui.models import Meeting
from meetingtui.screens.app import build_app
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.dialogs import ConfirmDialog, FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from meetingtui.storage import events
from meetingtui.storage.db import connect
from meetingtui.verify import checked_meeting
from tests.meetings import START, FixedClock, committee_meeting, store, stored
from tests.tui_support import SIZE, Notices, showing, type_text, until


def held_meeting(db_path: Path) -> int:
    """Opened at 16.44 (a few minutes late), Søren Friis (F) came at 17.05 during item 2 and
    left at 18.10; items 1 and 2 taken; closed at 18.40."""
    meeting_id = live_meeting(db_path)
    clock = FixedClock(START + timedelta(minutes=100))
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.leave(7)
        clock.now = START + timedelta(minutes=130)
        service.close_meeting()
    return meeting_id


def test_a_corrected_time_is_in_the_record_the_log_and_every_export(db_path: Path) -> None:
    meeting_id = held_meeting(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("meeting_start", "16.30")
        service.correct_time("meeting_end", "18:45")
        service.correct_time("arrival", "1710", participant_id=7)
        service.correct_time("departure", "kl. 18.05", participant_id=7)
        service.correct_time("item_start", "16.52", item_id=2)
    record = stored(db_path, meeting_id)
    assert record.opened_at == datetime(2025, 3, 11, 16, 30)
    assert record.closed_at == datetime(2025, 3, 11, 18, 45)
    assert [m.at.strftime("%H.%M") for m in record.participant(7).movements] == ["17.10", "18.05"]
    assert record.item(2).started_at == datetime(2025, 3, 11, 16, 52)
    assert record.item(1).started_at == datetime(2025, 3, 11, 16, 30)
    # Item 2 was under way when the meeting closed: it ended with the meeting, then and now.
    assert record.item(2).ended_at == datetime(2025, 3, 11, 18, 45)
    # The event keeps the old and the new value.
    conn = connect(db_path)
    try:
        log = [e for e in events.meeting_events(conn, meeting_id) if e.type == "times_corrected"]
        # Item 1 began with the meeting: its start moves with it, and says so in the log.
        assert log[0].payload["changes"] == [
            {
                "what": "meeting_start",
                "old": "2025-03-11T16:44:00",
                "new": "2025-03-11T16:30:00",
            },
            {
                "what": "item_start",
                "item_id": 1,
                "old": "2025-03-11T16:44:00",
                "new": "2025-03-11T16:30:00",
            },
        ]
        assert log[2].payload["changes"][0]["old"] == "2025-03-11T17:05:00"
        # Replay from the log gives the same record: verify keeps passing.
        checked_meeting(conn, meeting_id)
    finally:
        conn.close()
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Søren Friis (F) kom kl. 17.10" in markdown
    assert "Søren Friis (F) forlod mødet kl. 18.05" in markdown
    assert "Mødet sluttede kl. 18.45." in markdown
    assert "Mødet begyndte" not in markdown  # it began at the time it was called for
    data = json.loads(export(record, "json", public=False, chain_head=""))
    assert data["closed_at"].startswith("2025-03-11T18:45")
    soren = next(p for p in data["participants"] if p["id"] == 7)
    assert soren["movements"][0]["at"].startswith("2025-03-11T17:10")
    popolo = json.loads(export(record, "popolo", public=False, chain_head=""))
    session = popolo["events"][0] if "events" in popolo else popolo["legislative_sessions"][0]
    assert session["start_date"].startswith("2025-03-11T16:30")
    assert session["end_date"].startswith("2025-03-11T18:45")


def test_a_late_start_is_said_in_the_referat(db_path: Path) -> None:
    meeting_id = held_meeting(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("meeting_start", "16.35")
    markdown = export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()
    assert "Mødet begyndte kl. 16.35." in markdown


@pytest.mark.parametrize("typed", ["16,3o", "25.00", "16.61", "halv fem", "", "16.30.00"])
def test_nonsense_is_refused_with_a_message_and_changes_nothing(db_path: Path, typed: str) -> None:
    meeting_id = held_meeting(db_path)
    before = stored(db_path, meeting_id)
    with (
        MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service,
        pytest.raises(CommandRefused) as refused,
    ):
        service.correct_time("meeting_end", typed)
    assert refused.value.key == "refuse.time_format"
    assert "16.30" in refused.value.message
    assert stored(db_path, meeting_id) == before


WITHIN = "Tiden for »{}« skal ligge mellem {}; intet er ændret."


@pytest.mark.parametrize(
    ("what", "typed", "ids", "message"),
    [
        (
            "meeting_end",
            "16.00",
            {},
            "Tiden for »mødet sluttede« kan ikke ligge før 18.10 (Søren Friis gik); "
            "intet er ændret.",
        ),
        (
            "meeting_start",
            "18.50",
            {},
            "Tiden for »mødet begyndte« kan ikke ligge efter 16.50 (pkt. 1 sluttede); "
            "intet er ændret.",
        ),
        (
            "departure",
            "17.00",
            {"participant_id": 7},
            WITHIN.format("Søren Friis gik", "17.05 (Søren Friis kom) og 18.40 (mødet sluttede)"),
        ),
        (
            "item_end",
            "16.40",
            {"item_id": 1},
            WITHIN.format("pkt. 1 sluttede", "16.44 (pkt. 1 begyndte) og 16.50 (pkt. 2 begyndte)"),
        ),
        # Not before the meeting began.
        (
            "item_start",
            "16.40",
            {"item_id": 1},
            WITHIN.format("pkt. 1 begyndte", "16.44 (mødet begyndte) og 16.50 (pkt. 1 sluttede)"),
        ),
        # Not after the meeting ended: the referat would say he left after "Mødet sluttede".
        (
            "departure",
            "18.50",
            {"participant_id": 7},
            WITHIN.format("Søren Friis gik", "17.05 (Søren Friis kom) og 18.40 (mødet sluttede)"),
        ),
        # A member's movements keep their order: he cannot come after he left.
        (
            "arrival",
            "18.20",
            {"participant_id": 7},
            WITHIN.format("Søren Friis kom", "16.50 (pkt. 2 begyndte) og 18.10 (Søren Friis gik)"),
        ),
        # Within the item it was recorded under ("kom kl. 17.05 under punkt 2").
        (
            "arrival",
            "16.47",
            {"participant_id": 7},
            WITHIN.format("Søren Friis kom", "16.50 (pkt. 2 begyndte) og 18.10 (Søren Friis gik)"),
        ),
        # The items keep the order they were dealt with in: item 2 began after item 1 ended.
        (
            "item_start",
            "16.47",
            {"item_id": 2},
            WITHIN.format("pkt. 2 begyndte", "16.50 (pkt. 1 sluttede) og 17.05 (Søren Friis kom)"),
        ),
        (
            "item_end",
            "17.00",
            {"item_id": 1},
            WITHIN.format("pkt. 1 sluttede", "16.44 (pkt. 1 begyndte) og 16.50 (pkt. 2 begyndte)"),
        ),
    ],
)
def test_a_time_outside_its_limits_is_refused_naming_them(
    db_path: Path, what: str, typed: str, ids: dict[str, int], message: str
) -> None:
    meeting_id = held_meeting(db_path)
    before = stored(db_path, meeting_id)
    with (
        MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service,
        pytest.raises(CommandRefused) as refused,
    ):
        service.correct_time(what, typed, **ids)
    assert refused.value.message == message
    assert stored(db_path, meeting_id) == before


@pytest.mark.parametrize("typed", ["16.52", "16.40"])
def test_while_the_meeting_is_under_way_no_time_lies_after_its_clock_now(
    db_path: Path, typed: str
) -> None:
    """Opened at 16.44, Søren Friis came at 16.46 before any item; the clock says 16.49."""
    clock = FixedClock(START + timedelta(minutes=14))
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        clock.now = START + timedelta(minutes=16)
        service.arrive(7)
    before = stored(db_path, meeting_id)
    clock.now = START + timedelta(minutes=19)
    with (
        MeetingService.open(db_path, meeting_id, clock=clock) as service,
        pytest.raises(CommandRefused) as refused,
    ):
        service.correct_time("arrival", typed, participant_id=7)
    assert refused.value.message == WITHIN.format(
        "Søren Friis kom", "16.44 (mødet begyndte) og 16.49 (nu)"
    )
    assert stored(db_path, meeting_id) == before
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.correct_time("arrival", "16.49", participant_id=7)  # now itself is allowed
        assert service.meeting.participant(7).movements[0].at == START + timedelta(minutes=19)


def test_a_limit_counts_in_whole_minutes_as_times_are_typed(db_path: Path) -> None:
    """Item 2 began at 16.50 and 30 seconds: an arrival "kl. 16.50" under it is no earlier."""
    clock = FixedClock(START + timedelta(minutes=14))
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        service.start_item(1)
        clock.now = START + timedelta(minutes=20, seconds=30)
        service.start_item(2)
        clock.now = START + timedelta(minutes=35)
        service.arrive(7)
        service.correct_time("arrival", "16.50", participant_id=7)
    assert stored(db_path, meeting_id).participant(7).movements[0].at == datetime(
        2025, 3, 11, 16, 50
    )


def test_the_limits_are_named_in_english_too(db_path: Path) -> None:
    meeting_id = live_meeting(db_path)
    set_language("en")  # the suite's fixture sets Danish back afterwards
    with (
        MeetingService.open(
            db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=40))
        ) as service,
        pytest.raises(CommandRefused) as refused,
    ):
        service.correct_time("arrival", "17.20", participant_id=7)
    assert refused.value.message == (
        "The time “Søren Friis arrived” must lie between 16:50 (item 2 began) and 17:10 (now); "
        "nothing was changed."
    )


def test_a_time_not_yet_recorded_cannot_be_corrected(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.open_meeting()
        with pytest.raises(CommandRefused, match="ikke slut"):
            service.correct_time("meeting_end", "18.00")
        with pytest.raises(CommandRefused, match="ikke registreret som kommet"):
            service.correct_time("arrival", "17.00", participant_id=7)
        with pytest.raises(CommandRefused) as same:
            service.correct_time("meeting_start", "16.44")
        assert same.value.key == "refuse.time_unchanged"


def test_a_correction_is_undone_like_any_entry_and_frozen_after_approval(
    db_path: Path,
) -> None:
    meeting_id = held_meeting(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("meeting_end", "18.45")
        step = service.undo_step()
        assert step.description == t(
            "undo.times_corrected",
            changes="mødet sluttede 18.40 → 18.45, pkt. 2 sluttede 18.40 → 18.45",
        )
        assert not step.small  # named first, then undone on a yes
        service.undo(step.seq)
        assert service.meeting.closed_at == datetime(2025, 3, 11, 18, 40)
        assert service.meeting.item(2).ended_at == datetime(2025, 3, 11, 18, 40)
        service.approve_minutes()
        with pytest.raises(CommandRefused) as frozen:
            service.correct_time("meeting_end", "18.45")
        assert frozen.value.key == "refuse.meeting_closed"
    assert stored(db_path, meeting_id).closed_at == datetime(2025, 3, 11, 18, 40)


def test_a_follower_may_not_correct(db_path: Path) -> None:
    meeting_id = held_meeting(db_path)
    with (
        MeetingService.open(db_path, meeting_id, readonly=True) as follower,
        pytest.raises(CommandRefused) as refused,
    ):
        follower.correct_time("meeting_end", "18.45")
    assert refused.value.key == "refuse.readonly"


# --------------------------------------------------------------------------- in the TUI


def live_meeting(db_path: Path) -> int:
    """Open since 16.44 with item 2 under way since 16.50; Søren Friis (F) came at 17.05."""
    clock = FixedClock(START + timedelta(minutes=14))
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "absent" if person.id == 7 else "present")
        service.start_item(1)
        clock.now = START + timedelta(minutes=20)
        service.start_item(2)
        clock.now = START + timedelta(minutes=35)
        service.arrive(7)
    return meeting_id


async def _type_over(pilot: Pilot[object], field: Input, text: str) -> None:
    field.focus()
    field.value = ""
    await type_text(pilot, text)


async def test_c_on_the_meeting_screen_corrects_the_start_prefilled_danish(
    db_path: Path,
) -> None:
    meeting_id = live_meeting(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=40)))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        fields = list(app.screen.query(Input))
        # The meeting's start, then the highlighted item's (item 2, under way) start.
        assert [f.value for f in fields] == ["16.44", "16.50"]
        await _type_over(pilot, fields[0], "16.30")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the dialog closes")
    record = stored(db_path, meeting_id)
    assert record.opened_at == datetime(2025, 3, 11, 16, 30)
    assert record.item(2).started_at == datetime(2025, 3, 11, 16, 50)  # not retyped: kept


async def test_nonsense_in_the_dialog_is_refused_with_the_catalog_message(db_path: Path) -> None:
    meeting_id = live_meeting(db_path)
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=40)))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        await _type_over(pilot, app.screen.query_one("#field-0", Input), "16.7")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: notices.mention("16.30"), "the refusal")
        assert stored(db_path, meeting_id) == before
        # The dialog is back as typed: "16.7" corrected to "16.47", not typed again from scratch.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the dialog again")
        field = app.screen.query_one("#field-0", Input)
        assert field.value == "16.7"
        await _type_over(pilot, field, "16.47")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the dialog closes")
    assert notices.mention("»16.7« er ikke et klokkeslæt; skriv det som 16.30.")
    opened = stored(db_path, meeting_id).opened_at
    assert opened is not None and opened.strftime("%H.%M") == "16.47"


def _arrival(meeting: Meeting) -> datetime | None:
    return meeting.participant(7).movements[0].at


def _start(meeting: Meeting) -> datetime | None:
    return meeting.opened_at


@pytest.mark.parametrize(
    ("member", "shown", "label", "typed", "expected", "corrected", "roll_call_says"),
    [
        # The selected member's arrival.
        ("7", "17.05", "Søren Friis kom kl.", "1710", "17.10", _arrival, "✔ kom kl. 17.10"),
        # A member present from the start has no time of their own: rather than "no times",
        # the roll call (where the meeting was opened) offers the meeting's start.
        ("1", "16.44", "Mødet begyndte kl.", "16.40", "16.40", _start, "✔ til stede"),
    ],
    ids=["a member's arrival", "the meeting's start beside a member present throughout"],
)
async def test_c_on_the_roll_call_corrects_the_time_of_the_selected_row(
    db_path: Path,
    member: str,
    shown: str,
    label: str,
    typed: str,
    expected: str,
    corrected: Callable[[Meeting], datetime | None],
    roll_call_says: str,
) -> None:
    meeting_id = live_meeting(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=40)))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        table = app.screen.query_one("#roster", DataTable)
        table.move_cursor(row=table.get_row_index(member))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        fields = list(app.screen.query(Input))
        assert [f.value for f in fields] == [shown]
        assert label in [str(label.render()) for label in app.screen.query(Label)]
        await _type_over(pilot, fields[0], typed)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "back on the roll")
        await until(
            pilot,
            lambda: str(table.get_cell(member, "attendance")) == roll_call_says,
            "the roll call shows the member as recorded",
        )
    moment = corrected(stored(db_path, meeting_id))
    assert moment is not None and moment.strftime("%H.%M") == expected


async def test_an_arrival_after_the_clock_now_is_refused_on_the_roll_call(db_path: Path) -> None:
    """The clock says 17.10 with item 2 under way: "kom kl. 17.20" has not happened yet."""
    meeting_id = live_meeting(db_path)
    before = stored(db_path, meeting_id)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=40)))
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        table = app.screen.query_one("#roster", DataTable)
        table.move_cursor(row=table.get_row_index("7"))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        await _type_over(pilot, app.screen.query_one(Input), "17.20")
        await pilot.press("enter")
        await until(pilot, lambda: notices.mention("(nu)"), "the refusal")
    assert notices.mention(
        "Tiden for »Søren Friis kom« skal ligge mellem 16.50 (pkt. 2 begyndte) og 17.10 (nu); "
        "intet er ændret."
    )
    assert stored(db_path, meeting_id) == before


async def test_c_on_the_closing_screen_corrects_the_end_after_closing(db_path: Path) -> None:
    meeting_id = live_meeting(db_path)
    app = build_app(db_path, meeting_id, clock=FixedClock(START + timedelta(minutes=130)))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "the closing screen")
        await pilot.press("l")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        await pilot.press("j")
        await until(pilot, lambda: app.service.meeting.closed_at is not None, "closed")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "back on closing")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the time dialog")
        assert [f.value for f in app.screen.query(Input)] == ["16.44", "18.40"]
        await _type_over(pilot, app.screen.query_one("#field-1", Input), "18.35")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "the dialog closes")
    assert stored(db_path, meeting_id).closed_at == datetime(2025, 3, 11, 18, 35)


def test_the_docx_referat_shows_the_corrected_times(db_path: Path) -> None:
    meeting_id = held_meeting(db_path)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.correct_time("meeting_start", "16.35")
        service.correct_time("meeting_end", "18.45")
        service.correct_time("arrival", "17.10", participant_id=7)
    data = export(stored(db_path, meeting_id), "docx", public=False, chain_head="")
    texts = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Mødet begyndte kl. 16.35." in texts
    assert "Mødet sluttede kl. 18.45." in texts
    assert "Søren Friis (F) kom kl. 17.10" in texts
    assert "17.05" not in texts and "18.40" not in texts and "16.44" not in texts
