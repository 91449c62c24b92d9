"""A real terminal: the installed CLI in tmux, a roll call and a decision, SIGKILL, restart.

After the kill the record and the current item must be exactly as committed before it.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.models import Attendance, ItemStatus, MeetingStatus
from tests.meetings import stored
from tests.tmux_terminal import CLI, TMUX, Terminal, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(not CLI.exists(), reason=f"the meetingtui CLI is not installed ({CLI})"),
]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.stop()


def _demo_opened(terminal: Terminal, tmp_path: Path) -> tuple[Path, int]:
    """The demo meeting started in the terminal on a new database and opened with `o`."""
    db = tmp_path / "meetings.db"
    terminal.start("--db", str(db), "demo")
    terminal.wait_screen("Åbn mødet", "the roll call screen")
    meeting_id = 1
    terminal.send("o")
    wait_for(lambda: stored(db, meeting_id).status is MeetingStatus.OPEN, "the meeting to open")
    return db, meeting_id


def test_roll_call_and_decision_survive_sigkill(terminal: Terminal, tmp_path: Path) -> None:
    db, meeting_id = _demo_opened(terminal, tmp_path)
    # Everyone present (the two apologies are in the agenda already).
    terminal.wait_screen("ÅBENT", "the roll call of the open meeting")
    participants = stored(db, meeting_id).participants
    # The roll call stays on screen while its keys are handled one after the other.
    terminal.send(*["t"] * len(participants))
    wait_for(
        lambda: stored(db, meeting_id).participants[-1].attendance is Attendance.PRESENT,
        "the roll call to be stored",
    )
    # To the meeting, first item, then the second; decide it with a quick pick. Each key that
    # changes the screen is followed by a wait for the screen it leads to.
    terminal.press("m", "Forhåndsvisning", "the meeting screen")
    terminal.press("n", "BEHANDLES:  1.", "item 1 under way")
    terminal.press("n", "BEHANDLES:  2.", "item 2 under way")
    terminal.press("d", "Beslutning — 2.", "the decision dialog")
    terminal.press("1", lambda s: "Skriv beslutningen" not in s, "the quick pick in the field")
    terminal.send("Enter")
    wait_for(lambda: stored(db, meeting_id).item(2).decision == "Godkendt.", "the decision")
    terminal.wait_screen(lambda s: "Beslutning — 2." not in s, "the dialog to close")
    before = stored(db, meeting_id)

    os.kill(terminal.app_pid(), signal.SIGKILL)
    wait_for(lambda: not terminal.alive(), "the process to die")

    after_kill = stored(db, meeting_id)
    assert after_kill == before
    assert after_kill.current_item_id == 2
    assert after_kill.item(2).status is ItemStatus.DECIDED

    # Start again: the same meeting, on the same item, with the lock of the dead process gone.
    terminal.start("--db", str(db), "open", str(meeting_id))
    screen = terminal.wait_screen("BEHANDLES:", "the meeting screen after restart")
    assert "2. " in screen.split("BEHANDLES:")[1].splitlines()[0]
    terminal.wait_screen("Godkendt", "the decision on screen after restart")
    # It still writes: next item.
    terminal.send("n")
    wait_for(lambda: stored(db, meeting_id).current_item_id == 3, "the next item after restart")
    record = stored(db, meeting_id)
    assert [p.attendance for p in record.participants] == [
        p.attendance for p in before.participants
    ]


def test_ctrl_s_reaches_the_app_and_saves_a_form_from_its_first_field(
    terminal: Terminal, tmp_path: Path
) -> None:
    """A terminal's flow control (XOFF) takes Ctrl+S unless the app turns it off: the key must
    arrive and save the time dialog from its first field, without Enter through the rest."""
    db, meeting_id = _demo_opened(terminal, tmp_path)
    terminal.press("m", "Forhåndsvisning", "the meeting screen")
    terminal.press("n", "BEHANDLES:  1.", "item 1 under way")
    terminal.press("c", "Ret tidspunkter", "the time dialog")
    screen = terminal.wait_screen("ctrl+s Gem", "the save key in the dialog's footer")
    assert "Pkt. 1 begyndte" in screen  # a second field after the meeting's start
    terminal.send("End", *["BSpace"] * 5)
    terminal.type("16.25")
    terminal.wait_screen("16.25", "the time typed")
    terminal.send("C-s")
    wait_for(
        lambda: (
            (opened := stored(db, meeting_id).opened_at) is not None
            and (opened.hour, opened.minute) == (16, 25)
        ),
        "the meeting's start corrected",
    )
    terminal.wait_screen(lambda s: "Ret tidspunkter" not in s, "the dialog to close")
