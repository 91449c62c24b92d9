"""The demo meeting: Lejre Kommune's 17, stk. 4-udvalg, 3 January 2017 (shipped with the package)."""

from __future__ import annotations

import sqlite3
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meetingtui.models import Meeting

DEMO_SOURCE = "demo:lejre-2017-01-03"
DEMO_FILE = "demo_lejre_2017-01-03.toml"


def demo_agenda_text() -> str:
    return resources.files("meetingtui.data").joinpath(DEMO_FILE).read_text(encoding="utf-8")


def build_demo_meeting() -> Meeting:
    # Only when the demo is created: opening it again never loads the models before the screen.
    from meetingtui.agenda_file import parse_agenda

    meeting = parse_agenda(demo_agenda_text(), path=DEMO_FILE)
    meeting.source = DEMO_SOURCE
    return meeting


def find_demo(conn: sqlite3.Connection) -> int | None:
    row = conn.execute(
        "SELECT id FROM meetings WHERE source = ? ORDER BY id LIMIT 1", (DEMO_SOURCE,)
    ).fetchone()
    return row[0] if row else None


def ensure_demo(conn: sqlite3.Connection) -> int:
    """The demo meeting's id, creating it the first time."""
    existing = find_demo(conn)
    if existing is not None:
        return existing
    from meetingtui.service import create_meeting

    return create_meeting(conn, build_demo_meeting())
