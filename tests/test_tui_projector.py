"""The projector view (`meetingtui open MEETING --projector`): it follows what another terminal
records, never writes, and shows a closed item only as "Lukket punkt"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.keymap import UiConfig
from meetingtui.screens.projector import ProjectorApp, ProjectorScreen, build_projector_app
from meetingtui.service import MeetingService
from tests import databases
from tests.meetings import (
    FixedClock,
    closed_secrets,
    committee_meeting,
    opened_with_everyone,
    run_closed_item,
)
from tests.tui_support import until


def shown(app: ProjectorApp) -> str:
    """Every text on the projector screen, as drawn."""
    screen = app.screen
    assert isinstance(screen, ProjectorScreen)
    return "\n".join(str(widget.render()) for widget in screen.query("Static, Digits"))


async def test_follows_the_item_the_speakers_and_the_vote(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_projector_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        assert "Godkendelse af dagsorden" in shown(app)
        # The room reads the time the Danish way, as the referat and the web page write it.
        assert f"kl. {clock.now:%H.%M}" in shown(app) and f"{clock.now:%H:%M}" not in shown(app)
        with MeetingService.open(db_path, meeting_id, clock=clock) as writer:
            writer.start_item(2)
            writer.set_speaking_limits(2, speaker_seconds=180, debate_seconds=None)
            writer.add_speaker(2, 2)
            writer.add_speaker(2, 4)
            writer.next_speaker(2)
        await until(pilot, lambda: "Mette Lund (A)" in shown(app))
        text = shown(app)
        assert "Anlægsbevilling til ny daginstitution i Viby" in text
        assert "1. Anne Møller (V)" in text
        clock.now += timedelta(seconds=45)
        app.screen.tick()
        assert app.screen.query_one("#proj-speaker-clock").value == "2:15"
        with MeetingService.open(db_path, meeting_id, clock=clock) as writer:
            vote = writer.open_vote(2).created_id
            assert vote is not None
            writer.cast_party(vote, "A", "for")
        await until(pilot, lambda: "Afstemning i gang" in shown(app))
        assert app.screen.query_one("#proj-vote-counts").value == "3-0-0"
        with MeetingService.open(db_path, meeting_id, clock=clock) as writer:
            writer.cast_party(vote, "V", "against")
            writer.cast_party(vote, "C", "abstain")
            writer.cast_party(vote, "F", "for")
            writer.close_vote(vote)
            writer.record_decision(2, "Anlægsbevillingen blev givet.")
        await until(pilot, lambda: "Forslaget blev vedtaget." in shown(app))
        assert app.screen.query_one("#proj-vote-counts").value == "4-2-1"
        assert "Beslutning: Anlægsbevillingen blev givet." in shown(app)


async def test_a_closed_item_shows_only_lukket_punkt(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_projector_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        run_closed_item(db_path, meeting_id)
        await until(pilot, lambda: "Lukket punkt" in shown(app))
        text = shown(app)
    assert "PUNKT 3\nLukket punkt" in text
    for secret in closed_secrets(db_path, meeting_id):
        assert secret not in text, secret
    assert "Søren Friis" not in text  # he spoke on the closed item


async def test_the_projector_never_writes(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_projector_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen))
        assert app.service.readonly
        # A writer can still take the meeting: the projector holds no lock.
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as writer:
            writer.record_decision(1, "Godkendt.")
        await pilot.press("ctrl+z", "t", "n", "d")  # no key of the secretary's does anything
        await until(pilot, lambda: "Beslutning: Godkendt." in shown(app))
        assert isinstance(app.screen, ProjectorScreen)


def test_open_projector_from_the_command_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, open_committee: int
) -> None:
    meeting_id = open_committee
    started: list[ProjectorApp] = []
    monkeypatch.setattr(ProjectorApp, "run", lambda self: started.append(self))
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "open", str(meeting_id), "--projector"]
    )
    assert result.exit_code == 0, result.output
    [app] = started
    assert (app.initial_meeting_id, app.readonly) == (meeting_id, True)
    missing = CliRunner().invoke(main, ["--db", str(db_path), "open", "99", "--projector"])
    assert (missing.exit_code, missing.output.strip()) == (2, "Der findes intet møde med id 99.")


def _debate(db_path: Path, clock: FixedClock) -> int:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.record_decision(1, "Godkendt.")
        service.start_item(2)
        service.set_speaking_limits(2, speaker_seconds=180, debate_seconds=900)
        for member in (2, 4, 7):
            service.add_speaker(2, member)
        service.next_speaker(2)
        service.add_speaker(2, 3, reply=True)
        vote = service.open_vote(2).created_id
        assert vote is not None
        service.cast_party(vote, "A", "for")
        service.cast_party(vote, "V", "against")
    clock.now += timedelta(seconds=70)
    return meeting_id


@pytest.mark.parametrize(
    ("size", "theme"), [((80, 24), "dark"), ((80, 24), "light"), ((100, 30), "dark")]
)
def test_projector_snapshot(
    snap_compare, tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    clock = FixedClock()
    db_path = tmp_path / "meetings.db"
    # The same state for every theme and size: built once per run (tests/databases.py).
    meeting_id = databases.state_built_once("projector debate", db_path, clock, _debate)
    app = build_projector_app(db_path, meeting_id, config=UiConfig(theme=theme), clock=clock)
    assert snap_compare(app, terminal_size=size)
