"""A meeting planned from a committee keeps the roster of the day it was planned. A member who
leaves the committee before the meeting is held (or one who joins) is said at the roll call:
someone off the roster on the meeting's date would count towards the quorum and vote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from meetingtui.committees.commands import join, leave
from meetingtui.committees.queries import find_committee
from meetingtui.models import Meeting
from meetingtui.screens.app import build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.storage.db import connect
from tests.meetings import FixedClock
from tests.test_tui_substitutes import planned
from tests.tui_support import SIZE, rendered, until

LEFT = "Jens Kragh er ikke medlem af Økonomiudvalget den 11. marts 2025 (udtrådt pr. 01.03.2025)"
JOINED = "Eva Jensen er medlem af Økonomiudvalget den 11. marts 2025, men står ikke på mødets"


def _roster_changed(db_path: Path) -> None:
    """Jens Kragh (A) leaves on 1 March 2025, Eva Jensen (A) joins that day."""
    conn = connect(db_path)
    try:
        committee = find_committee(conn, "Økonomiudvalget")
        assert committee is not None
        jens = next(m for m in committee.roster if m.name == "Jens Kragh")
        leave(conn, committee.id, jens.id, date(2025, 3, 1))
        join(conn, committee.id, jens.period_id, name="Eva Jensen", affiliation="A",
             joined=date(2025, 3, 1))  # fmt: skip
    finally:
        conn.close()


async def _banner(db_path: Path, meeting_id: int, lang: str = "da") -> str:
    app = build_app(db_path, meeting_id, lang=lang, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        # Drawn from the glance first; the roster is read against the record once loaded.
        await until(pilot, lambda: isinstance(app.meeting_shown, Meeting), "the record")
        await pilot.pause()
        return rendered(app.screen.query_one("#rollcall-banner", Static))


async def test_a_member_who_left_before_the_meeting_is_said(db_path: Path, tmp_path: Path) -> None:
    meeting_id = planned(db_path, tmp_path)
    assert "ikke medlem" not in await _banner(db_path, meeting_id)
    _roster_changed(db_path)
    banner = " ".join((await _banner(db_path, meeting_id)).split())
    assert LEFT in banner
    assert JOINED in banner
    english = " ".join((await _banner(db_path, meeting_id, "en")).split())
    assert "Jens Kragh is not a member of Økonomiudvalget on 11 March 2025" in english
