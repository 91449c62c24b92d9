"""Snapshots of every screen at 100×30, light and dark, and at 80×24, the smallest terminal a
secretary will have (pytest-textual-snapshot).

Deterministic: a fixed clock for the app and for the stamps the command API writes, meetings
built in code, no blinking cursors. Update with `pytest tests/test_tui_snapshots.py
--snapshot-update` after a deliberate change, and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from meetingtui.keymap import UiConfig
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.service import MeetingService
from tests import databases
from tests.meetings import (
    FixedClock,
    byraad_meeting,
    committee_meeting,
    debate_under_way,
    opened_with_everyone,
    store,
)

SIZE = (100, 30)
NARROW = (80, 24)
THEMES = ["light", "dark"]


def _app(db_path: Path, meeting_id: int | None, theme: str, clock: FixedClock) -> MeetingApp:
    return build_app(db_path, meeting_id, config=UiConfig(theme=theme), clock=clock)


def _prepared(
    prepare: Callable[[Path, FixedClock], int | None], db_path: Path, clock: FixedClock
) -> int | None:
    """The state `prepare` builds, built once per run for every theme and size that shows it
    (tests/databases.py); `clock` reads what it read when the state was built."""
    return databases.state_built_once(f"snapshot {prepare.__name__}", db_path, clock, prepare)


def _meeting_under_way(db_path: Path, clock: FixedClock) -> int:
    """Item 1 decided, item 2 under way with an inhabil member and an amendment."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.record_decision(1, "Godkendt")
        service.start_item(2)
        service.declare_inhabil(2, 6, "ejer naboejendommen")
        service.add_motion(
            2,
            "Beløbet nedsættes til 10 mio. kr.",
            kind="ændringsforslag",
            proposer="V",
            amends=None,
        )
    return meeting_id


def start_state(db_path: Path, clock: FixedClock) -> int | None:
    store(db_path, committee_meeting())
    store(db_path, byraad_meeting())
    return None


def rollcall_state(db_path: Path, clock: FixedClock) -> int | None:
    meeting_id = store(db_path, committee_meeting())
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        for person_id in (1, 2, 3, 4, 5):
            service.set_attendance(person_id, "present")
        service.set_attendance(7, "afbud")
    return meeting_id


def meeting_state(db_path: Path, clock: FixedClock) -> int | None:
    return _meeting_under_way(db_path, clock)


def no_quorum_state(db_path: Path, clock: FixedClock) -> int | None:
    meeting_id = _meeting_under_way(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        for person_id in (1, 2, 3):
            service.leave(person_id)
    return meeting_id


def vote_state(db_path: Path, clock: FixedClock) -> int | None:
    meeting_id = _meeting_under_way(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        vote_id = service.open_vote(2, confirm=True).created_id
        assert vote_id is not None
        service.cast_party(vote_id, "A", "for")
        service.cast_party(vote_id, "V", "against")
    return meeting_id


def closing_state(db_path: Path, clock: FixedClock) -> int | None:
    meeting_id = _meeting_under_way(db_path, clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.record_decision(2, "Anbefales")
        service.postpone_item(3, "Afventer vurdering fra ejendomsmægler")
    return meeting_id


CASES: dict[str, tuple[Callable[[Path, FixedClock], int | None], tuple[str, ...]]] = {
    "start": (start_state, ()),
    "rollcall": (rollcall_state, ()),
    "meeting": (meeting_state, ()),
    "meeting_no_quorum": (no_quorum_state, ()),
    "decision": (meeting_state, ("d",)),
    "vote": (vote_state, ()),
    "closing": (closing_state, ("a",)),
    "help": (meeting_state, ("f1",)),
}


async def _start_election(pilot: Pilot[None]) -> None:
    await pilot.press("e")
    await pilot.pause()
    office, candidates = pilot.app.screen.query(Input)
    office.value = "næstformand"
    candidates.value = "Anne Møller, Karen Holm"
    await pilot.press("enter", "enter")
    await pilot.pause()
    await pilot.press("1", "1", "2")
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
def test_election_snapshot(snap_compare, tmp_path: Path, theme: str) -> None:
    clock = FixedClock()
    db_path = tmp_path / "meetings.db"
    meeting_id = _prepared(meeting_state, db_path, clock)
    app = _app(db_path, meeting_id, theme, clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=_start_election)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", list(CASES))
def test_screen_snapshot(snap_compare, tmp_path: Path, screen: str, theme: str) -> None:
    clock = FixedClock()
    db_path = tmp_path / "meetings.db"
    prepare, keys = CASES[screen]
    meeting_id = _prepared(prepare, db_path, clock)
    app = _app(db_path, meeting_id, theme, clock)
    assert snap_compare(app, press=keys, terminal_size=SIZE)


# -- 80×24: every screen usable, nothing essential cut off ---------------------------------


def committees_state(db_path: Path, clock: FixedClock) -> int | None:
    from meetingtui.storage.db import connect
    from tests.committee_fixtures import with_committee

    conn = connect(db_path)
    try:
        with_committee(conn, db_path.parent)
    finally:
        conn.close()
    return None


def send_state(db_path: Path, clock: FixedClock) -> int | None:
    from tests.mail_support import held_meeting

    return held_meeting(db_path, db_path.parent)


def _waiting_for(screen_name: str, *keys: str) -> Callable[[Pilot[None]], object]:
    """Press `keys`, then wait until the screen on top is `screen_name` and has settled."""

    async def run_before(pilot: Pilot[None]) -> None:
        from tests.tui_support import until

        for key in keys:
            await pilot.press(key)  # returns once the app has handled it and gone idle
        await until(pilot, lambda: type(pilot.app.screen).__name__ == screen_name, screen_name)
        await pilot.pause()

    return run_before


NARROW_CASES: dict[
    str,
    tuple[Callable[[Path, FixedClock], int | None], Callable[[Pilot[None]], object] | None],
] = {
    "start": (start_state, _waiting_for("StartScreen")),
    "rollcall": (rollcall_state, _waiting_for("RollCallScreen")),
    "meeting": (meeting_state, _waiting_for("MeetingScreen")),
    "decision": (meeting_state, _waiting_for("DecisionDialog", "d")),
    "vote": (vote_state, _waiting_for("VoteScreen")),
    "election_setup": (meeting_state, _waiting_for("ElectionDialog", "e")),
    "election": (meeting_state, _start_election),
    "closing": (closing_state, _waiting_for("ClosingScreen", "a")),
    "help": (meeting_state, _waiting_for("HelpScreen", "f1")),
    "committees": (committees_state, _waiting_for("CommitteesScreen", "u")),
    "speakers": (debate_under_way, _waiting_for("SpeakersScreen", "t", "escape")),
    "send": (send_state, _waiting_for("SendDialog", "a", "s", "enter")),
}


@pytest.mark.parametrize("screen", list(NARROW_CASES))
def test_narrow_snapshot(snap_compare, tmp_path: Path, screen: str) -> None:
    clock = FixedClock()
    db_path = tmp_path / "meetings.db"
    prepare, run_before = NARROW_CASES[screen]
    meeting_id = _prepared(prepare, db_path, clock)
    app = _app(db_path, meeting_id, "dark", clock)
    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
