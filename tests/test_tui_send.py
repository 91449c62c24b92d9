"""Sending the referat from the closing screen: pick the version, see who gets it, send."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from meetingtui.mail.deliveries import Status
from meetingtui.screens.app import build_app
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.dialogs import PickDialog
from meetingtui.screens.help import HelpScreen, keys_table
from meetingtui.screens.send import SendDialog
from tests.mail_support import (
    SENDER,
    Inbox,
    config_file,
    held_meeting,
    recorded,
    smtp_server,
)
from tests.meetings import FixedClock
from tests.tui_support import SIZE, until


async def test_closing_screen_sends_the_referat(db_path: Path, tmp_path: Path) -> None:
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox(refuse={"karen.holm@greve.dk"})
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        app = build_app(db_path, meeting_id, config=config, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, ClosingScreen))
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, PickDialog))
            await pilot.press("down", "enter")  # the internal version, to the members
            await until(pilot, lambda: isinstance(app.screen, SendDialog))
            dialog = app.screen
            plan = str(dialog.query_one("#send-plan", Static).render())
            assert "Søren Friis" in plan and "ingen e-mailadresse" in plan
            assert "intern" in plan
            assert inbox.received == []  # nothing goes before the secretary says so
            await pilot.press("j")
            status = dialog.query_one("#send-status", Static)
            await until(pilot, lambda: "6 sendt, 1 afvist" in str(status.render()), seconds=60)
            shown = str(dialog.query_one("#send-plan", Static).render())
            assert "✘ Afvist: Karen Holm <karen.holm@greve.dk>: 550" in shown
            # The server takes her now: r sends to the refused again, to nobody else.
            inbox.refuse.clear()
            await pilot.press("r")
            await until(pilot, lambda: "1 sendt, 0 afvist" in str(status.render()), seconds=60)
    assert len(inbox.received) == 7
    assert [m["To"] for m in inbox.to("karen.holm@greve.dk")] == [
        "Karen Holm <karen.holm@greve.dk>"
    ]
    records = recorded(db_path, meeting_id)
    assert [d.status for d in records].count(Status.SENT) == 7
    assert {d.variant.value for d in records if d.name != "Hanne Ravn"} == {"internal"}


async def test_the_send_dialogs_keys_come_from_the_keymap(db_path: Path, tmp_path: Path) -> None:
    """j (send) and r (send again) were fixed in the dialog: a keymap could not move them and
    F1 did not list them. Moved to x and e, they send, the old j does nothing, the dialog's
    own words name x, and F1 on the dialog lists its keys first."""
    meeting_id = held_meeting(db_path, tmp_path)
    inbox = Inbox(refuse={"karen.holm@greve.dk"})
    with smtp_server(inbox) as port:
        config = config_file(tmp_path, port, sender=SENDER)
        with config.open("a", encoding="utf-8") as handle:
            handle.write('\n[send]\nsend = "x"\nretry = "e"\n')
        app = build_app(db_path, meeting_id, config=config, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, ClosingScreen))
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, PickDialog))
            await pilot.press("enter")  # the public version
            await until(pilot, lambda: isinstance(app.screen, SendDialog))
            dialog = app.screen
            status = dialog.query_one("#send-status", Static)
            assert "x sender" in str(status.render())
            await pilot.press("f1")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            assert app.screen.scope == "closing"  # the screen underneath, after the dialog
            console = Console(width=98, record=True)
            console.print(keys_table(app.keymap, first=app.screen.scope, own=app.screen.own))
            lines = console.export_text().splitlines()
            assert "Denne dialog" in lines[1] and "Annullér" in lines[1]
            assert "Send referat" in lines[2] and " x " in lines[2]
            assert " e " in lines[3] and "Send igen til afviste" in lines[3]
            await pilot.press("f1")
            await until(pilot, lambda: app.screen is dialog, "back to the dialog")
            await pilot.press("j")
            await pilot.pause()
            assert inbox.received == [] and not dialog.sending
            await pilot.press("x")
            await until(pilot, lambda: "afvist" in str(status.render()), seconds=60)
            assert "Tryk e for at sende igen" in str(status.render())
            inbox.refuse.clear()
            await pilot.press("e")
            await until(pilot, lambda: "1 sendt, 0 afvist" in str(status.render()), seconds=60)
    assert [m["To"] for m in inbox.to("karen.holm@greve.dk")] == [
        "Karen Holm <karen.holm@greve.dk>"
    ]
