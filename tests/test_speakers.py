"""The speakers' list (talerliste) through the command API: order, replik, the floor, limits,
refusals, and undo / replay / verify like every other event."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from meetingtui import speakers
from meetingtui.errors import CommandRefused
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored

# committee_meeting(): 1 Bo Hilsted (A, formand), 2 Mette Lund (A), 3 Jens Kragh (A),
# 4 Anne Møller (V), 5 Per Østergaard (V), 6 Karen Holm (C), 7 Søren Friis (F), 8 Hanne Ravn.


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def service(db_path: Path, clock: FixedClock) -> Iterator[MeetingService]:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as opened:
        yield opened


def names(service: MeetingService, item_id: int = 1) -> list[str]:
    return [s.name for s in service.meeting.item(item_id).speakers]


def test_speakers_speak_in_the_order_they_were_added(service: MeetingService) -> None:
    for member in (2, 4, 7):
        service.add_speaker(1, member)
    assert names(service) == ["Mette Lund", "Anne Møller", "Søren Friis"]
    service.next_speaker(1)
    item = service.meeting.item(1)
    assert speakers.speaking(item).name == "Mette Lund"
    service.next_speaker(1)
    item = service.meeting.item(1)
    assert speakers.speaking(item).name == "Anne Møller"
    assert [s.name for s in speakers.spoken(item)] == ["Mette Lund"]
    assert [s.name for s in speakers.waiting(item)] == ["Søren Friis"]


def test_a_replik_goes_right_after_the_one_speaking(service: MeetingService) -> None:
    for member in (2, 4, 7):
        service.add_speaker(1, member)
    service.next_speaker(1)  # Mette Lund speaks
    service.add_speaker(1, 5, reply=True)  # Per Østergaard answers her
    service.add_speaker(1, 6, reply=True)  # then Karen Holm, after Per, before Anne
    assert names(service) == [
        "Mette Lund",
        "Per Østergaard",
        "Karen Holm",
        "Anne Møller",
        "Søren Friis",
    ]
    service.next_speaker(1)
    assert speakers.speaking(service.meeting.item(1)).name == "Per Østergaard"
    assert speakers.speaking(service.meeting.item(1)).reply


def test_starting_out_of_turn_keeps_the_list_in_speaking_order(service: MeetingService) -> None:
    for member in (2, 4, 7):
        service.add_speaker(1, member)
    soren = service.meeting.item(1).speakers[2].id
    service.start_speaker(1, soren)
    assert names(service) == ["Søren Friis", "Mette Lund", "Anne Møller"]
    service.add_speaker(1, 3, reply=True)
    assert names(service) == ["Søren Friis", "Jens Kragh", "Mette Lund", "Anne Møller"]


def test_stop_remove_and_next_with_nobody_waiting(service: MeetingService) -> None:
    service.add_speaker(1, 2)
    second = service.add_speaker(1, 4).created_id
    service.remove_speaker(1, second)
    assert names(service) == ["Mette Lund"]
    service.next_speaker(1)
    service.next_speaker(1)  # nobody waiting: the speaker stops
    item = service.meeting.item(1)
    assert speakers.speaking(item) is None and len(speakers.spoken(item)) == 1
    with pytest.raises(CommandRefused) as empty:
        service.next_speaker(1)
    assert empty.value.message == "Talerlisten er tom."
    with pytest.raises(CommandRefused) as nobody:
        service.stop_speaker(1)
    assert nobody.value.message == "Ingen har ordet."
    with pytest.raises(CommandRefused):
        service.remove_speaker(1, item.speakers[0].id)  # who spoke stays on the list


def test_who_may_not_be_given_the_floor(service: MeetingService) -> None:
    service.declare_inhabil(1, 6, "Nabo til projektet")
    with pytest.raises(CommandRefused) as inhabil:
        service.add_speaker(1, 6)
    assert inhabil.value.message == "Karen Holm er inhabil på punktet og deltager ikke i debatten."
    service.leave(5)
    with pytest.raises(CommandRefused) as gone:
        service.add_speaker(1, 5)
    assert "Per Østergaard er ikke til stede" in gone.value.message
    service.add_speaker(1, 2)
    with pytest.raises(CommandRefused) as twice:
        service.add_speaker(1, 2)
    assert twice.value.message == "Mette Lund står allerede på talerlisten."
    with pytest.raises(CommandRefused) as unknown:
        service.add_speaker(1, 99)
    assert unknown.value.message == "Ukendt medlem: 99."
    service.add_speaker(2, 4)  # a list may be prepared for a later item ...
    with pytest.raises(CommandRefused) as later:
        service.next_speaker(2)  # ... but the floor is given only on the item under way
    assert later.value.message == "Punkt 2 er ikke under behandling."
    assert names(service, 2) == ["Anne Møller"]


def test_limits_are_validated(service: MeetingService) -> None:
    for bad in (0, -5, 5 * 60 * 60):
        with pytest.raises(CommandRefused) as refused:
            service.set_speaking_limits(1, speaker_seconds=bad, debate_seconds=None)
        assert refused.value.message.startswith(f"Ugyldig taletid: {bad}.")
    assert service.meeting.item(1).speaker_limit_seconds is None


def test_countdowns_for_the_speaker_and_the_item(
    service: MeetingService, clock: FixedClock
) -> None:
    service.set_speaking_limits(1, speaker_seconds=180, debate_seconds=600)
    service.add_speaker(1, 2)
    service.add_speaker(1, 4, limit_seconds=60)
    service.next_speaker(1)
    start = clock.now
    item = service.meeting.item(1)
    assert speakers.clocks(item, start + timedelta(seconds=45)) == speakers.Clocks(135, 555, True)
    clock.now = start + timedelta(seconds=200)
    service.next_speaker(1)  # Mette spoke 200 s; Anne has her own 60 s
    item = service.meeting.item(1)
    later = clock.now + timedelta(seconds=75)
    assert speakers.clocks(item, later) == speakers.Clocks(-15, 325, True)
    assert speakers.mmss(-15) == "+0:15" and speakers.mmss(325) == "5:25"
    clock.now = later
    service.stop_speaker(1)
    idle = speakers.clocks(service.meeting.item(1), later + timedelta(minutes=5))
    assert idle == speakers.Clocks(None, 325, False)  # the clocks stand still between speakers


def test_every_change_is_an_event_that_undoes_replays_and_verifies(
    db_path: Path, service: MeetingService
) -> None:
    service.set_speaking_limits(1, speaker_seconds=120, debate_seconds=None)
    service.add_speaker(1, 2)
    service.add_speaker(1, 4)
    service.next_speaker(1)
    service.add_speaker(1, 7, reply=True)
    assert names(service) == ["Mette Lund", "Søren Friis", "Anne Møller"]
    # What a fresh process reads back is what the events give.
    again = stored(db_path, service.meeting.id).item(1)
    assert again == service.meeting.item(1)
    assert again.speaker_limit_seconds == 120
    service.undo()  # the replik
    assert names(service) == ["Mette Lund", "Anne Møller"]
    service.undo()  # the floor to Mette
    assert speakers.speaking(service.meeting.item(1)) is None
    conn = connect(db_path)
    try:
        report = verify(conn)
    finally:
        conn.close()
    assert report.ok, [p.message for p in report.problems]


def test_verify_finds_a_hand_edited_speakers_list(db_path: Path, service: MeetingService) -> None:
    service.add_speaker(1, 2)
    conn = connect(db_path)
    try:
        conn.execute("UPDATE speakers SET name = 'Nogen Andet'")
        report = verify(conn)
    finally:
        conn.close()
    assert [p.message for p in report.problems] == [
        "Mødet i Økonomiudvalget den 11.03.2025 afviger fra sine hændelser i tabellen speakers."
    ]


def test_the_referat_leaves_debate_out_unless_asked(db_path: Path, service: MeetingService) -> None:
    from click.testing import CliRunner

    from meetingtui.cli import main

    service.add_speaker(1, 2)
    service.add_speaker(1, 4)
    service.next_speaker(1)
    service.add_speaker(1, 7, reply=True)
    service.next_speaker(1)
    service.next_speaker(1)
    service.add_speaker(1, 3)  # still waiting when the item ends: never spoke
    service.record_decision(1, "Godkendt.")
    meeting_id = str(service.meeting.id)
    runner = CliRunner()

    def export(*options: str) -> str:
        args = ["--db", str(db_path), "export", meeting_id, "-o", "-", *options]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        return result.stdout

    for fmt in ("md", "json", "popolo"):
        plain = export("--format", fmt)
        assert "Talerliste" not in plain and '"speakers": [{' not in plain, fmt
        assert "replik" not in plain and '"reply"' not in plain, fmt
    with_list = export("--format", "md", "--with-speakers")
    assert "**Talerliste:** Mette Lund (A), Søren Friis (F) (replik), Anne Møller (V)." in with_list
    assert "Jens Kragh" not in with_list.split("Talerliste")[1].split("\n")[0]
    assert '"reply": true' in export("--format", "json", "--with-speakers")


def test_the_one_speaking_has_no_replik_to_themselves(service: MeetingService) -> None:
    """A replik answers the one who has the floor: the speaker is not offered for one, and the
    command refuses it (it put Mette Lund after herself, to answer her own speech)."""
    for member in (2, 4):
        service.add_speaker(1, member)
    service.next_speaker(1)  # Mette Lund speaks
    with pytest.raises(CommandRefused) as own:
        service.add_speaker(1, 2, reply=True)
    assert (
        own.value.message == "Mette Lund har selv ordet; en replik er et svar til den, der taler."
    )
    assert names(service) == ["Mette Lund", "Anne Møller"]
    item = service.meeting.item(1)
    assert speakers.refusal_to_reply(item, 2) is not None
    assert speakers.refusal_to_reply(item, 5) is None
    service.add_speaker(1, 2)  # asking for the floor again later is allowed
    assert names(service) == ["Mette Lund", "Anne Møller", "Mette Lund"]
