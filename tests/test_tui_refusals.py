"""A refusal reads the same on every screen: the refusal's title, as an error, long enough to
read. The speakers' limits and the committees' roster date each said it their own way (no
title; Textual's short default), where the rest use MeetingApp.say_refused."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.notifications import Notification, Notify
from textual.widgets import DataTable

from meetingtui.committees.toml_file import import_committee_file
from meetingtui.i18n import t
from meetingtui.screens.app import build_app
from meetingtui.screens.committees import CommitteesScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.storage.db import connect
from tests.committee_fixtures import write
from tests.meetings import FixedClock
from tests.test_tui_committees import fill, roster_names
from tests.tui_support import SIZE, type_text, until


class Said:
    """Every notification, whole (title, severity, timeout), as `run_test` posts them."""

    def __init__(self) -> None:
        self.notes: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notes.append(message.notification)

    def saying(self, words: str) -> list[Notification]:
        return [n for n in self.notes if words in n.message]


def said_as_a_refusal(note: Notification) -> bool:
    return note.title == t("tui.refused_title") and note.severity == "error" and note.timeout >= 8


async def test_a_refused_speaking_limit_is_said_as_every_refusal(
    db_path: Path, open_committee: int
) -> None:
    app = build_app(db_path, open_committee, clock=FixedClock())
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.pause()
        await pilot.press("t", "escape", "l")
        await type_text(pilot, "fem")
        await pilot.press("enter", "enter")
        await until(pilot, lambda: said.saying("fem"), "the refusal said")
        (note,) = said.saying("fem")
        assert said_as_a_refusal(note), note


async def test_a_refused_roster_date_is_said_as_every_refusal(
    db_path: Path, tmp_path: Path
) -> None:
    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    conn.close()
    app = build_app(db_path, clock=FixedClock())
    said = Said()
    async with app.run_test(size=SIZE, message_hook=said) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen))
        screen = app.screen
        await until(pilot, lambda: len(roster_names(screen)) > 0)
        screen.query_one("#roster", DataTable).focus()
        await pilot.press("d")
        await fill(pilot, "31-02-2025")
        await until(pilot, lambda: said.saying("31-02-2025"), "the refusal said")
        (note,) = said.saying("31-02-2025")
        assert said_as_a_refusal(note), note
        # The refused committee change keeps its longer time: a file's faults take reading.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await pilot.press("escape")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen), "the form left")
        await pilot.press("e")
        await fill(pilot, "bo.hilsted@greve")
        await until(pilot, lambda: said.saying("bo.hilsted@greve"), "the refusal said")
        (note,) = said.saying("bo.hilsted@greve")
        assert said_as_a_refusal(note) and note.timeout == 10, note
