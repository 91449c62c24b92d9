"""What the public page may show, decided from the record (no server, no browser)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from meetingtui.i18n import set_language
from meetingtui.livepage.feed import RecordReader, Snapshot
from meetingtui.livepage.render import fragments, page
from meetingtui.livepage.view import public_view
from meetingtui.service import MeetingService
from tests.meetings import (
    FixedClock,
    closed_secrets,
    committee_meeting,
    opened_with_everyone,
    run_closed_item,
    speaking_on_its_own_clock,
    store,
    stored,
)

NOW = FixedClock().now


def test_a_closed_item_under_way_shows_only_its_number(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    run_closed_item(db_path, meeting_id)
    meeting = stored(db_path, meeting_id)
    view = public_view(meeting, seq=1, lang="da")
    assert view.current is not None
    assert (view.current.number, view.current.closed, view.current.title) == ("3", True, "")
    assert view.votes == []
    shown = Snapshot(view).state_json(NOW) + page(view, NOW) + str(fragments(view, NOW))
    assert "Lukket punkt" in shown
    assert view.speakers is None and "Søren Friis" not in shown and "Taletid" not in shown
    for secret in closed_secrets(db_path, meeting_id):
        assert secret not in shown, secret
    # Inhabilitet on the closed item is part of it: the quorum line counts without it.
    assert "7 af 7" in view.quorum.text
    agenda = {line.number: line for line in view.agenda}
    assert (agenda["3"].title, agenda["3"].under_way, agenda["3"].decision) == ("", True, "")


def test_a_public_item_shows_title_decision_and_vote_in_referat_words(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(2)
        vote = service.open_vote(2).created_id
        assert vote is not None
        running = public_view(service.meeting, seq=1, lang="da")
        service.cast_party(vote, "A", "for")
        service.cast_party(vote, "V", "against")
        service.cast_party(vote, "C", "abstain")
        service.cast_party(vote, "F", "for")
        service.close_vote(vote)
        service.record_decision(2, "Anlægsbevillingen blev givet.")
        done = public_view(service.meeting, seq=2, lang="da")
    assert running.votes[0].open and "i gang" in running.votes[0].heading
    assert done.current is not None
    assert done.current.title == "Anlægsbevilling til ny daginstitution i Viby"
    assert done.current.decision == "Anlægsbevillingen blev givet."
    (line,) = done.votes
    assert line.result == "adopted"
    assert line.lines == [
        "For stemte: A og F (4). Imod stemte: V (2). Undlod at stemme: C (1).",
        "Forslaget blev vedtaget.",
    ]
    assert "Anlægsbevillingen blev givet." in fragments(done, NOW)["agenda"]


def test_quorum_line_says_when_quorum_is_lost(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        for member in (1, 2, 3, 4):
            service.leave(member)
        view = public_view(service.meeting, seq=1, lang="da")
    assert not view.quorum.met
    assert view.quorum.text.startswith("Udvalget er ikke beslutningsdygtigt: 3 af 7")
    assert 'class="quorum lost"' in fragments(view, NOW)["quorum"]


def test_closed_meeting_says_it_ended_not_that_attendance_is_still_to_come(
    db_path: Path, open_committee: int
) -> None:
    with MeetingService.open(db_path, open_committee, clock=FixedClock()) as service:
        service.close_meeting()
        view = public_view(service.meeting, seq=1, lang="da")
    assert view.quorum.shown is False
    assert view.quorum.text == "Mødet er slut; fremmødet står i referatet."
    assert "når mødet begynder" not in fragments(view, NOW)["quorum"]


def test_planned_meeting_has_no_current_item_and_no_quorum_figures(db_path: Path) -> None:

    meeting_id = store(db_path, committee_meeting())
    view = public_view(stored(db_path, meeting_id), seq=1, lang="da")
    assert (view.status, view.current, view.quorum.shown) == ("planned", None, False)
    assert view.status_text == "Mødet er ikke begyndt."


def test_titles_are_escaped_in_the_html(db_path: Path) -> None:
    meeting = committee_meeting()
    meeting.items[1].title = 'Vej <script>alert("x")</script> & sti'
    meeting_id = opened_with_everyone(db_path, meeting, FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.start_item(2)
        html = page(public_view(service.meeting, seq=1, lang="da"), NOW)
    assert "<script>alert" not in html
    assert "Vej &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; sti" in html


def test_english_page(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    set_language("en")
    view = public_view(stored(db_path, meeting_id), seq=1, lang="en")
    html = page(view, NOW)
    assert '<html lang="en">' in html
    assert "Item under way" in html and "Agenda" in html


def test_reader_sees_a_commit_and_reads_record_and_event_together(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    reader = RecordReader(db_path, meeting_id, "da")
    try:
        first = reader.poll()
        assert first is not None and reader.poll() is None  # nothing new since
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
            seq = service.record_decision(1, "Godkendt.").seq
        after = reader.poll()
        assert after is not None and after.seq == seq
        assert after.view.current is not None and after.view.current.decision == "Godkendt."
    finally:
        reader.close()


def test_reader_connection_cannot_write(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    reader = RecordReader(db_path, meeting_id, "da")
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("UPDATE items SET title = 'x'")
    finally:
        reader.close()


def test_speakers_list_with_countdowns_on_the_page(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.set_speaking_limits(1, speaker_seconds=180, debate_seconds=600)
        for member in (2, 4):
            service.add_speaker(1, member)
        service.next_speaker(1)  # Mette Lund has the floor from clock.now
        service.add_speaker(1, 7, reply=True)
        view = public_view(service.meeting, seq=1, lang="da")
    speakers_html = fragments(view, clock.now + timedelta(seconds=50))["speakers"]
    assert "Har ordet: <strong>Mette Lund (A)</strong>" in speakers_html
    assert 'data-remaining="130.0" data-running="1">2:10 tilbage' in speakers_html
    assert 'data-remaining="550.0" data-running="1">9:10 tilbage' in speakers_html
    assert "<li>Søren Friis (F) — replik</li><li>Anne Møller (V)</li>" in speakers_html
    late = fragments(view, clock.now + timedelta(seconds=200))["speakers"]
    assert 'class="clock over"' in late and "+0:20 over tiden" in late
    state = Snapshot(view).state_json(clock.now + timedelta(seconds=50))
    assert '"seconds_left": {"speaker": 130.0, "debate": 550.0}' in state


def test_countdowns_of_a_meeting_on_its_own_clock_count_on_the_wall_clock(db_path: Path) -> None:
    """The demo (a meeting held on another day than its date) stamps its record on its own
    clock; its deadlines were record times, so the page showed years over time."""
    meeting_id, clock = speaking_on_its_own_clock(db_path, limits=(180, 600))
    reader = RecordReader(db_path, meeting_id, "da", clock=lambda: clock.now)
    try:
        state = reader.snapshot().state_json(clock.now + timedelta(seconds=50))
    finally:
        reader.close()
    assert '"seconds_left": {"speaker": 130.0, "debate": 550.0}' in state


def test_between_speakers_the_item_clock_stands_still(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.set_speaking_limits(1, speaker_seconds=None, debate_seconds=300)
        service.add_speaker(1, 2)
        service.next_speaker(1)
        clock.now += timedelta(seconds=100)
        service.stop_speaker(1)
        view = public_view(service.meeting, seq=1, lang="da")
    an_hour_later = fragments(view, clock.now + timedelta(hours=1))["speakers"]
    assert 'data-remaining="200.0" data-running="0">3:20 tilbage' in an_hour_later
    assert "Ingen har ordet." in an_hour_later
