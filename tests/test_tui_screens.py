"""Start screen, help, command palette, language, election, archive search and export."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Static

from meetingtui.screens.app import build_app
from meetingtui.screens.archive import ArchiveScreen
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.help import HelpScreen, keys_table
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.start import StartScreen
from meetingtui.screens.widgets import KeyBar, StatusBar
from meetingtui.service import MeetingService
from tests.meetings import (
    FixedClock,
    committee_meeting,
    opened_with_everyone,
    store,
    stored,
)
from tests.tui_support import SIZE, Notices, import_in_archive, rendered, type_text, until


async def test_start_screen_lists_and_opens_meetings(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 1
        assert "Økonomiudvalget" in str(table.get_row_at(0))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert app.service.meeting.id == meeting_id


async def test_start_screen_opens_the_demo(db_path: Path) -> None:
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert "17, stk. 4" in app.service.meeting.body


async def test_start_screen_creates_from_agenda_file(db_path: Path, tmp_path: Path) -> None:
    from meetingtui.demo import demo_agenda_text

    agenda = tmp_path / "dagsorden.toml"
    agenda.write_text(demo_agenda_text(), encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[meeting\n", encoding="utf-8")
    app = build_app(db_path, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        # A broken file is refused with its problem; nothing is created.
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(Input).value = str(bad)
        await pilot.press("enter", "enter")  # the path, then no committee
        await pilot.pause()
        assert notices.mention("TOML")
        # The form is back with the path as typed, to be corrected.
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one(Input).value == str(bad)
        app.screen.query_one(Input).value = str(agenda)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        assert stored(db_path, app.service.meeting.id).items


async def test_help_starts_with_the_keys_of_the_screen_it_was_asked_on(
    db_path: Path, open_committee: int
) -> None:
    """F1 on the roll call shows the roll call's keys first, then those that work everywhere;
    they used to come after the meetings list's keys, below the first screenful at 80×24."""
    app = build_app(db_path, open_committee, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        assert app.screen.scope == "rollcall"
        console = Console(width=78, record=True)
        console.print(keys_table(app.keymap, first=app.screen.scope))
    text = console.export_text()
    assert text.index("Fremmøde") < text.index("Overalt") < text.index("Møder ")


async def test_help_lists_every_key_in_use(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock(), config={"meeting.next_item": "right"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True)
        console.print(keys_table(app.keymap))
        text = console.export_text()
        assert "Næste punkt" in text and "right" in text
        assert "Afslut afstemning" in text and "Hurtigvalg" in text
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_command_palette_offers_the_screens_actions(
    db_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "næste")
        hits = app.screen.query_one(CommandList)
        await until(pilot, lambda: hits.option_count > 0, "the palette found the action")
        await pilot.press("enter")
        await until(pilot, lambda: stored(db_path, meeting_id).current_item_id == 2, "next item")


async def test_palette_is_context_aware_in_a_follower(db_path: Path) -> None:
    from meetingtui.screens.base import KeymapCommands

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, readonly=True, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = KeymapCommands(app.screen)
        titles = [str(hit.text) async for hit in provider.discover()]
        assert "Fremmøde" in titles and "Hjælp" in titles
        assert "Beslutning" not in titles and "Fortryd" not in titles


async def test_english_ui(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, lang="en", clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keybar = rendered(app.screen.query_one(KeyBar))
        assert "Next item" in keybar and "Decision" in keybar
        assert "QUORUM" in rendered(app.screen.query_one("#status-quorum", Static))
        # Quick picks are record text: Danish in the record whatever the UI language.
        await pilot.press("d", "1", "enter")
        await pilot.pause()
        assert stored(db_path, meeting_id).item(1).decision == "Godkendt."


async def test_election_with_candidates(db_path: Path, open_committee: int) -> None:
    meeting_id = open_committee
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        fields = list(app.screen.query(Input))
        fields[0].value = "næstformand"
        fields[1].value = "Anne Møller, Karen Holm"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)
        # Seven voters: the first four name Anne (1), then two name Karen (2)...
        await pilot.press("1", "1", "1", "1", "2", "2", "escape")
        await pilot.pause()
        # Back on the item, the election is shown as under way.
        assert isinstance(app.screen, MeetingScreen)
        assert "6 stemmer afgivet" in rendered(app.screen.query_one("#item-text", Static))
        assert "e fortsætter" in rendered(app.screen.query_one("#inline-warnings", Static))
    # ...and every ballot was stored as it was typed: a kill now loses nothing.
    election = stored(db_path, meeting_id).item(1).elections[0]
    assert election.is_open and len(election.ballots) == 6
    again = build_app(db_path, meeting_id, clock=FixedClock())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ElectionScreen)  # resumed where it was
        table = again.screen.query_one("#electors", DataTable)
        table.move_cursor(row=6)
        await pilot.press("1", "l", "j")
        await pilot.pause()
        assert isinstance(again.screen, MeetingScreen)
    election = stored(db_path, meeting_id).item(1).elections[0]
    assert (election.office, election.elected, election.is_open) == (
        "næstformand",
        "Anne Møller",
        False,
    )
    assert len(election.ballots) == 7


async def test_archive_search_and_case_history(db_path: Path) -> None:
    store(db_path, committee_meeting())
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArchiveScreen)
        await pilot.press("slash")
        await type_text(pilot, "daginstitution")
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#hits", DataTable)
        assert table.row_count >= 1
        await pilot.press("h")
        await pilot.pause()
        detail = rendered(app.screen.query_one("#archive-detail", Static))
        assert "25-004411" in detail


async def test_export_runs_in_a_worker_and_writes_the_file(db_path: Path, tmp_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    service = MeetingService.open(db_path, meeting_id, clock=clock)
    service.record_decision(1, "Godkendt")
    service.close()
    target = tmp_path / "referat.md"
    app = build_app(db_path, meeting_id, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ClosingScreen)
        closing = app.screen
        await pilot.press("e")
        await pilot.pause()
        # Formats come in pairs (public, internal); md public is the 9th option; Danish first.
        await pilot.press(*["down"] * 8, "enter", "enter")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.exists()
        assert "Godkendt" in target.read_text(encoding="utf-8")
        assert "# Referat" in target.read_text(encoding="utf-8")
        assert "referat.md" in rendered(closing.query_one("#export-status", Static))


async def test_archive_import_runs_in_a_worker(db_path: Path, tmp_path: Path) -> None:
    from meetingtui.exporters import export

    source = tmp_path / "referat.json"
    source.write_bytes(export(committee_meeting(), "json", public=False))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        archive = app.screen
        status = await import_in_archive(pilot, f"{source}; {broken}")
        assert "broken.json" in status
        assert "1" in status.splitlines()[0]
        # A file that failed is a warning, not a tick beside "1 fejlede".
        assert status.startswith("⚠"), status
        archive.run_search("daginstitution")
        assert archive.query_one("#hits", DataTable).row_count >= 1
        status = await import_in_archive(pilot, str(source))
        assert status.startswith("✔"), status


async def test_mouse_reaches_actions_and_rows(db_path: Path) -> None:
    from meetingtui.screens.rolltable import RollTable
    from meetingtui.screens.vote import VoteScreen

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The key bar's first entry is "n Næste punkt": a click runs it.
        assert await pilot.click(KeyBar, offset=(3, 0))
        await pilot.pause()
        assert stored(db_path, meeting_id).current_item_id == 2
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VoteScreen)
        members = app.screen.query_one("#members", RollTable)
        assert await pilot.click(members, offset=(5, 3))
        await pilot.pause()
        assert members.cursor_row == 3 and app.screen.focused is members


async def test_case_history_from_the_item_view(db_path: Path) -> None:
    """The meeting screen shows the item's case across meetings (the demo's items 3 and 4
    share sagsnummer 16/16318)."""
    from meetingtui.demo import ensure_demo
    from meetingtui.screens.dialogs import TextDialog
    from meetingtui.storage.db import connect

    conn = connect(db_path)
    meeting_id = ensure_demo(conn)
    conn.close()
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as svc:
        svc.open_meeting()
        svc.start_item(3)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        shown = str(app.screen.text)
        assert "16/16318" in shown
        assert "Introduktion til arbejdet" in shown and "Møde- og procesplan" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TextDialog)


async def test_status_bar_shows_before_it_is_mounted() -> None:
    # The once-a-second clock can fire between a screen's mount and its status bar's.
    meeting = committee_meeting()
    async with App().run_test(size=SIZE) as pilot:
        bar = StatusBar()
        bar.show(meeting, FixedClock()(), readonly=False)
        await pilot.app.screen.mount(bar)
        await pilot.pause()
        assert meeting.body in rendered(bar.query_one("#status-info", Static))
        assert rendered(bar.query_one("#status-quorum", Static)).startswith(("✔", "⚠"))
