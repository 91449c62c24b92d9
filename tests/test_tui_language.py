"""No English in the Danish interface: the command palette's placeholder, its commands and its
"no match" line speak Danish; in English mode the palette speaks English."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.meeting import MeetingScreen
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone
from tests.tui_support import type_text, until

SIZE = (100, 30)
TEXTUAL_ENGLISH = ("Keys", "Maximize", "Screenshot", "Theme", "Quit", "No matches found")


def palette_lines(app: MeetingApp) -> list[str]:
    hits = app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(n).prompt) for n in range(hits.option_count)]


async def test_the_palette_speaks_danish(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        assert app.screen.query_one(CommandInput).placeholder == "Søg efter en kommando …"
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        lines = "\n".join(palette_lines(app))
        assert "Næste punkt" in lines and "Afslut" in lines
        for english in TEXTUAL_ENGLISH:
            assert english not in lines
        await type_text(pilot, "xyzq")
        await until(
            pilot,
            lambda: any("Ingen kommando passer til »xyzq«" in line for line in palette_lines(app)),
            "the Danish no-match line",
        )
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "closed, nothing done")


async def test_the_palette_speaks_english_in_english(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, lang="en", clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        assert app.screen.query_one(CommandInput).placeholder == "Search for commands…"
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        assert "Next item" in "\n".join(palette_lines(app))


async def test_english_vote_columns_are_whole_words(db_path: Path) -> None:
    from textual.widgets import Static

    from meetingtui.screens.vote import VoteScreen
    from meetingtui.service import MeetingService

    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.open_vote(1)
    app = build_app(db_path, meeting_id, lang="en", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote")
        headers = " ".join(
            str(h.render()) for h in app.screen.query(".roll-header").results(Static)
        )
        # Sized for the Danish "Imod" and "Undlod", they read "Agai…" and "Absta…".
        assert "Against" in headers and "Abstain" in headers and "…" not in headers


@pytest.mark.parametrize(
    ("lang", "when", "now"),
    [("da", "11.03.2025 kl. 16.30", "kl. 16.44"), ("en", "11 Mar 2025 16:30", "16:44")],
)
async def test_dates_read_the_language_s_way_on_the_meetings_list_and_the_status_bar(
    db_path: Path, lang: str, when: str, now: str
) -> None:
    """Danish: "11.03.2025 kl. 16.30", the clock "kl. 16.44" with a full stop; English: "11 Mar
    2025 16:30", never the ISO form."""
    from textual.widgets import DataTable

    from meetingtui.screens.start import StartScreen
    from meetingtui.screens.widgets import StatusBar

    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, lang=lang, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen), "the meetings")
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell(str(meeting_id), "when")) == when
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        bar = str(app.screen.query_one(StatusBar).query_one("#status-info").render())
        assert f" · {when}\n" in bar and "2025-03-11" not in bar
        assert f" · {now}" in bar


@pytest.mark.parametrize(("picks", "words"), [(0, "# Referat"), (1, "# Minutes")])
async def test_an_english_screen_exports_the_danish_referat_unless_english_is_picked(
    db_path: Path, tmp_path: Path, picks: int, words: str
) -> None:
    """The members read Danish: the secretary's English screens do not make the referat
    English; English is a pick of its own, after the format, and named in the file name."""
    from textual.widgets import Input

    from meetingtui.screens.closing import ClosingScreen
    from meetingtui.screens.dialogs import FormDialog, PickDialog

    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, lang="en", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "the closing screen")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the formats")
        await pilot.press(*["down"] * 8, "enter")  # md, public
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "the language")
        assert "The minutes' language" in str(app.screen.dialog_title)
        await pilot.press(*["down"] * picks, "enter")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "where to save it")
        field = app.screen.query_one(Input)
        named = "-2025-03-11-en.md" if picks else "-2025-03-11.md"
        assert field.value.endswith(named)
        target = tmp_path / field.value
        field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await until(pilot, target.exists, "the referat written")
        assert words in target.read_text(encoding="utf-8")
        # The screens still speak English.
        await until(pilot, lambda: isinstance(app.screen, ClosingScreen), "back")
        assert "Saved:" in str(app.screen.query_one("#export-status").render())
