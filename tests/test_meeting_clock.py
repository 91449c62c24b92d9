"""A meeting held on another day than its date runs on its own clock.

The defect: the demo meeting of 3 January 2017, run on another day at 19.58, ended "kl. 19.58"
in its referat, and its record said it was opened and closed on the day it was run. The
meeting's times came from the wall clock whatever the meeting's date.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import Static

from meetingtui.demo import build_demo_meeting
from meetingtui.exporters import export
from meetingtui.screens.app import build_app
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import checked_meeting
from tests.meetings import START, FixedClock, committee_meeting, store, stored
from tests.tui_support import SIZE, rendered, until

# The evening the demo is tried, years after its date.
EVENING = datetime(2026, 12, 1, 19, 58)


def run_demo(db_path: Path, clock: FixedClock) -> int:
    """Open the demo, take its first two items 25 minutes apart, close after 70 minutes."""
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        for person in service.meeting.participants:
            service.set_attendance(person.id, "present")
        first, second = service.meeting.items[:2]
        service.start_item(first.id)
        clock.now += timedelta(minutes=25)
        service.start_item(second.id)
        clock.now += timedelta(minutes=45)
        service.close_meeting()
    return meeting_id


def test_the_demo_runs_on_its_own_date_from_its_planned_start(db_path: Path) -> None:
    meeting_id = run_demo(db_path, FixedClock(EVENING))
    record = stored(db_path, meeting_id)
    assert record.opened_at == datetime(2017, 1, 3, 16, 30)
    assert record.items[1].started_at == datetime(2017, 1, 3, 16, 55)
    assert record.closed_at == datetime(2017, 1, 3, 17, 40)
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Mødet sluttede kl. 17.40." in markdown
    assert "19.58" not in markdown and "21.08" not in markdown
    conn = connect(db_path)
    try:
        checked_meeting(conn, meeting_id)  # the log replays to the same record
    finally:
        conn.close()


def test_time_away_from_the_program_does_not_count(db_path: Path) -> None:
    clock = FixedClock(EVENING)
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        service.start_item(service.meeting.items[0].id)
        clock.now += timedelta(minutes=10)
        service.start_item(service.meeting.items[1].id)
    clock.now += timedelta(hours=14)  # the next morning, the secretary goes on
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        assert service.now() == datetime(2017, 1, 3, 16, 40)  # the screens' clock
        clock.now += timedelta(minutes=5)
        service.start_item(service.meeting.items[2].id)
        assert service.meeting.items[2].started_at == datetime(2017, 1, 3, 16, 45)
        # Undo does not move the clock back.
        clock.now += timedelta(minutes=5)
        service.undo()
        clock.now += timedelta(minutes=5)
        service.start_item(service.meeting.items[2].id)
        assert service.meeting.items[2].started_at == datetime(2017, 1, 3, 16, 55)


def test_a_meeting_on_its_date_keeps_the_wall_clock(db_path: Path) -> None:
    clock = FixedClock(START + timedelta(minutes=3))
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        service.start_item(1)
    clock.now += timedelta(hours=2)  # the program crashed; it is reopened two hours later
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        assert service.now() == START + timedelta(hours=2, minutes=3)
        service.close_meeting()
    assert stored(db_path, meeting_id).closed_at == START + timedelta(hours=2, minutes=3)


def test_a_reopening_is_stamped_when_it_happens_and_the_meeting_resumes(db_path: Path) -> None:
    clock = FixedClock(EVENING)
    meeting_id = run_demo(db_path, clock)
    clock.now = datetime(2026, 12, 8, 10, 12)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.reopen_meeting("Beslutningen på pkt. 2 var skrevet forkert.")
        clock.now += timedelta(minutes=3)
        service.close_meeting()
    record = stored(db_path, meeting_id)
    assert record.reopenings[0].at == datetime(2026, 12, 8, 10, 12)
    assert record.closed_at == datetime(2017, 1, 3, 17, 43)


async def test_the_status_bar_shows_the_meetings_own_time(db_path: Path) -> None:
    clock = FixedClock(EVENING)
    meeting_id = store(db_path, build_demo_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_meeting()
        service.start_item(service.meeting.items[0].id)
    clock.now += timedelta(minutes=10)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.service is not None and app.screen.query("#status-info"))
        info = app.screen.query_one("#status-info", Static)
        await until(pilot, lambda: "kl. 16.30" in rendered(info), "the meeting's own time")
        assert "mødetid 0:00" in rendered(info)  # not the years since 3 January 2017
        assert "20:08" not in rendered(info)


async def test_a_closed_meetings_clock_is_not_before_its_corrected_end(db_path: Path) -> None:
    """The demo closed at 17.40, its end corrected to 18.40: the header read "mødetid 2:10 ·
    kl. 17.40" over "Mødet sluttede kl. 18.40.", its own clock before its own end."""
    clock = FixedClock(EVENING)
    meeting_id = run_demo(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.correct_time("meeting_end", "18.40")
        assert service.now() == datetime(2017, 1, 3, 18, 40)
    clock.now += timedelta(minutes=1)
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.service is not None and app.screen.query("#status-info"))
        info = app.screen.query_one("#status-info", Static)
        await until(pilot, lambda: "Mødet sluttede kl. 18.40" in rendered(info), rendered(info))
        assert "mødetid 2:10 · kl. 18.40" in rendered(info), rendered(info)


def test_a_follower_counts_a_speaker_on_the_writers_own_clock(db_path: Path) -> None:
    """The projector (a follower) started a minute after the writer's last entry: once the
    writer gives the floor to a speaker, both count the same speaking time.

    The defect: a follower's own clock went on from the newest stamp as of when the follower
    started, and never caught up; the projector showed the speaker 8 seconds less than the
    secretary's screen, as long as the meeting ran."""
    clock = FixedClock(EVENING)
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as writer:
        writer.open_meeting()
        for person in writer.meeting.participants:
            writer.set_attendance(person.id, "present")
        writer.start_item(1)
        clock.now += timedelta(minutes=1)  # the projector is started a minute later
        with MeetingService.open(db_path, meeting_id, readonly=True, clock=clock) as follower:
            clock.now += timedelta(seconds=20)
            writer.add_speaker(1, 2)
            writer.next_speaker(1)
            assert follower.refresh()
            assert follower.now() == writer.now() == START + timedelta(minutes=1, seconds=20)
            clock.now += timedelta(seconds=45)
            assert follower.now() == writer.now()
