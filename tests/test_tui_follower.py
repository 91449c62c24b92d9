"""A read-only follower sees no writer keys and no writer instructions anywhere (footer, help,
command palette, screen text), and a refused second writer never lands on a blank screen."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.keymap import actions_in
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.base import KeymapCommands, KeymapScreen, key_label
from meetingtui.screens.closing import ClosingScreen
from meetingtui.screens.dialogs import ConfirmDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.help import HelpScreen, keys_table, writer_actions
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.screens.start import StartScreen
from meetingtui.screens.vote import VoteScreen
from meetingtui.screens.widgets import KeyBar
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, store
from tests.tui_support import Notices, rendered, showing, until

SIZE = (100, 30)
# What only a writer is told to do; a follower never reads it.
INSTRUCTIONS = ("tryk", "press", "⏎ starter", "fortsætter den", "fortsætter det", "f/i/u")


def writer_labels(scope: str) -> list[str]:
    """The footer entries ("f For", "ctrl+z Fortryd") of the actions that change the meeting."""
    changes = writer_actions()
    return [
        f"{key_label(keys)} {t(f'key.{owner}.{action}')}"
        for owner in (scope, "app")
        for action, keys in actions_in(owner).items()
        if action in changes.get(owner, ())
    ]


def screen_text(app: MeetingApp) -> str:
    return "\n".join(rendered(w) for w in app.screen.query(Static) if not isinstance(w, KeyBar))


async def palette_titles(app: MeetingApp) -> list[str]:
    return [str(hit.text) async for hit in KeymapCommands(app.screen).discover()]


async def assert_follower_screen(pilot: Pilot[None], app: MeetingApp) -> None:
    # A screen just pushed may not have composed its widgets yet.
    await until(pilot, lambda: bool(app.screen.query(KeyBar)), "the screen drawn")
    screen = app.screen
    assert isinstance(screen, KeymapScreen)
    footer = rendered(screen.query_one(KeyBar))
    for label in writer_labels(screen.SCOPE):
        assert label not in footer, f"{label!r} in the follower's footer: {footer}"
    text = screen_text(app).lower()
    for words in INSTRUCTIONS:
        assert words.lower() not in text, f"{words!r} on the follower's {screen.SCOPE}: {text}"
    titles = await palette_titles(app)
    changes = writer_actions()
    for owner in (screen.SCOPE, "app"):
        for action in actions_in(owner):
            if action in changes.get(owner, ()):
                assert t(f"key.{owner}.{action}") not in titles, (owner, action, titles)


async def test_a_follower_sees_no_writer_keys_or_instructions(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    writer = MeetingService.open(db_path, meeting_id, clock=clock)
    try:
        writer.record_decision(1, "Godkendt.")
        writer.start_item(2)
        vote_id = writer.open_vote(2).created_id
        assert vote_id is not None
        writer.cast_party(vote_id, "A", "for")
        app = build_app(db_path, meeting_id, readonly=True, clock=clock)
        app.follow_interval = 0.05
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, VoteScreen), "the vote followed")
            await assert_follower_screen(pilot, app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
            # The open vote is mentioned, without the key only the writer has.
            assert "Der er en åben afstemning på punktet." in screen_text(app)
            # Another item under the cursor: a preview, which a follower cannot start.
            await pilot.press("down")
            await until(pilot, lambda: "Forhåndsvisning" in screen_text(app), "a preview")
            await assert_follower_screen(pilot, app)
            for key, screen in (("r", RollCallScreen), ("a", ClosingScreen)):
                await pilot.press(key)
                await until(pilot, lambda s=screen: isinstance(app.screen, s), screen.__name__)
                await assert_follower_screen(pilot, app)
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
            # The meeting screen calls the closing screen by what a follower does there.
            assert "a Referat" in rendered(app.screen.query_one(KeyBar))
            await pilot.press("f1")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
            console = Console(width=100, record=True)
            console.print(keys_table(app.keymap, readonly=True))
            help_text = console.export_text()
            assert "Fremmøde" in help_text and "Hjælp" in help_text
            for hidden in ("Fortryd", "Afslut afstemning", "Start valgt punkt", "Hurtigvalg"):
                assert hidden not in help_text
            await pilot.press("escape")
            # An election the writer opens: its hint is not the secretary's instruction.
            writer.close_vote(vote_id)
            writer.open_election(2, "næstformand", ["Anne Møller", "Karen Holm"])
            await until(pilot, lambda: isinstance(app.screen, ElectionScreen), "the election")
            await assert_follower_screen(pilot, app)
    finally:
        writer.close()


async def test_a_follower_of_a_planned_meeting_is_not_told_to_open_it(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, readonly=True, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        assert "Mødet er ikke åbnet endnu." in screen_text(app)
        await assert_follower_screen(pilot, app)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        await assert_follower_screen(pilot, app)


async def test_a_refused_writer_who_declines_to_follow_sees_the_meetings(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    writer = MeetingService.open(db_path, meeting_id)
    notices = Notices()
    try:
        app = build_app(db_path, meeting_id, clock=FixedClock())
        async with app.run_test(size=SIZE, message_hook=notices) as pilot:
            await until(pilot, lambda: showing(app, ConfirmDialog), "the offer")
            assert "Mødet er i brug" in screen_text(app)
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, StartScreen), "the meetings")
            # The meeting is named by its committee and date, not the database's id.
            assert notices.mention("Mødet i Økonomiudvalget den 11.03.2025 er allerede åbent")
            assert not notices.mention(f"Mødet {meeting_id} ")
            # The meetings are listed and usable: Enter offers to follow again, j follows.
            await pilot.press("enter")
            await until(pilot, lambda: showing(app, ConfirmDialog), "the offer again")
            await pilot.press("j")
            await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "following")
            assert app.readonly
    finally:
        writer.close()
