"""The Textual application: opens a meeting, runs every command through one place, follows.

Every change goes through `MeetingApp.run_command`, which calls the command API and redraws
from the committed record only after it returns. A refused command shows its message; a rule
the chair may overrule asks first, then repeats the command with `confirm=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.theme import Theme

from meetingtui.errors import CommandRefused, ConfirmationRequired, MeetingError, StorageError
from meetingtui.i18n import set_language, t
from meetingtui.keymap import THEMES, UiConfig, load_config, validate_keymap
from meetingtui.screens.base import KeymapCommands, KeymapScreen, add_bindings, build_bindings
from meetingtui.screens.keygate import KeyGate
from meetingtui.vocabulary import MeetingStatus

if TYPE_CHECKING:
    import sqlite3

    from meetingtui.glance import Glance
    from meetingtui.models import Meeting
    from meetingtui.screens.dialogs import ConfirmDialog
    from meetingtui.service import MeetingService
    from meetingtui.storage.lock import WriterLock

# High-contrast themes for a projector: near-black on white and white on near-black, with
# warning and error colours that stay distinct when a projector washes colours out.
PROJECTOR_THEMES = (
    Theme(
        name="textual-light",
        primary="#003366",
        secondary="#00509e",
        accent="#8a4b00",
        warning="#8a4b00",
        error="#b00020",
        success="#0b6e2b",
        foreground="#000000",
        background="#ffffff",
        surface="#f2f2f2",
        panel="#dcdcdc",
        dark=False,
        variables={"footer-key-foreground": "#003366", "block-cursor-text-style": "bold"},
    ),
    Theme(
        name="textual-dark",
        primary="#4da3ff",
        secondary="#8cc4ff",
        accent="#ffb000",
        warning="#ffb000",
        error="#ff5c5c",
        success="#4ee37a",
        foreground="#ffffff",
        background="#000000",
        surface="#121212",
        panel="#262626",
        dark=True,
        variables={"block-cursor-text-style": "bold"},
    ),
)


# Opening for writing failed, but following read-only can work: offer it.
_READ_ONLY_INSTEAD = (
    "storage.locked",
    "storage.locked_named",
    "storage.readonly_file",
    "storage.readonly_folder",
    "storage.readonly_media",
)


@dataclass
class _Opening:
    """A meeting being opened: its connection and lock, held until its record has loaded."""

    conn: sqlite3.Connection
    meeting_id: int
    lock: WriterLock | None

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.close()


class MeetingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "meetingtui"
    # Only the keymap's commands, in the UI's language: Textual's own (Keys, Maximize,
    # Screenshot, Theme, Quit) are English, and F1, F2 and Ctrl+Q do what they would.
    COMMANDS: ClassVar = {KeymapCommands}
    # Below 100 columns (an 80×24 terminal) every screen has the class -narrow (app.tcss).
    # Textual types this as an instance attribute, so it cannot be annotated ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012

    def __init__(
        self,
        db_path: Path,
        meeting_id: int | None,
        *,
        readonly: bool,
        config: UiConfig,
        clock: Callable[[], datetime],
        follow_interval: float = 0.5,
    ) -> None:
        self.keymap: dict[str, str] = dict(config.keymap)
        super().__init__()
        self.db_path = db_path
        self.initial_meeting_id = meeting_id
        self.readonly = readonly
        self.config = config
        self.clock = clock
        self.follow_interval = follow_interval
        self._service: MeetingService | None = None  # imported lazily: startup stays fast
        # A planned meeting's roll call is first drawn from a glance at its tables; the record
        # loads right after that first frame (or as soon as anything asks for the service).
        self._glance: Glance | None = None
        self._opening: _Opening | None = None
        self._follow_stopped = False  # a follower whose database can no longer be read
        # Keys typed ahead go to the screen they were meant for, one at a time.
        self._key_gate = KeyGate(self)
        # The app's own keys come from the keymap too; Textual's default ctrl+q gives way.
        add_bindings(
            self,
            build_bindings("app", self.keymap, priority=frozenset({"quit", "help"})),
            replacing=("ctrl+q",),
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._key_gate.hold(event):
            return
        await super().on_event(event)

    # -- start -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        for theme in PROJECTOR_THEMES:
            self.register_theme(theme)
        self.theme = THEMES.get(self.config.theme or "dark", "textual-dark")
        if self.initial_meeting_id is None:
            self.show_start()
        else:
            self.open_meeting(self.initial_meeting_id, readonly=self.readonly)
        self.set_interval(1.0, self._tick)
        self.set_interval(self.follow_interval, self._follow)

    def show_start(self) -> None:
        from meetingtui.screens.start import StartScreen

        self.push_screen(StartScreen())

    def open_meeting(self, meeting_id: int, *, readonly: bool = False) -> bool:
        """Open a meeting and show it where it stands (resume after a crash included)."""
        from meetingtui.queries import glance, meeting_exists
        from meetingtui.storage.db import connect, open_for_reading, snapshot
        from meetingtui.writer import LOCKED, acquire_writer_lock

        lock = None
        try:
            # A follower reads what it can (a read-only file or drive included).
            conn = open_for_reading(self.db_path) if readonly else connect(self.db_path)
            try:
                # No such meeting: say so before taking a lock (which leaves a lock file).
                if not meeting_exists(conn, meeting_id):
                    raise StorageError("storage.no_meeting", meeting_id=meeting_id)
                lock = None if readonly else acquire_writer_lock(conn, self.db_path, meeting_id)
                # Read under the lock: a writer that just left may have moved the meeting on.
                with snapshot(conn):
                    first_look = glance(conn, meeting_id)
            except BaseException:
                if lock is not None:
                    lock.close()
                conn.close()
                raise
        except StorageError as exc:
            refused = exc
            if exc.key in _READ_ONLY_INSTEAD and not readonly:

                def follow_instead(ok: bool | None) -> None:
                    if ok:
                        self.open_meeting(meeting_id, readonly=True)
                    elif len(self.screen_stack) <= 1:
                        # Opened from the command line: the meetings, never a blank screen.
                        self.show_start()
                        title = t("frame.not_opened_title")
                        self.notify(refused.message, title=title, timeout=15)

                question = t("tui.open_readonly_question")
                in_use = exc.key in LOCKED
                title = t("frame.in_use_title") if in_use else t("frame.cannot_write_title")
                dialog = self.confirm_dialog([exc.message], question, warn=False, title=title)
                self.push_screen(dialog, follow_instead)
            else:
                self._open_failed(exc)
            return False
        self.close_service()
        self.readonly = readonly
        self._follow_stopped = False
        self._opening = _Opening(conn, meeting_id, lock)
        if first_look.status is MeetingStatus.PLANNED and not readonly:
            from meetingtui.screens.rollcall import RollCallScreen

            # The roll call comes first; the meeting screen is built when it is left.
            self._glance = first_look
            self.push_screen(RollCallScreen())
            self.call_after_refresh(self._finish_opening)
            return True
        if not self._finish_opening():
            return False
        self._show_meeting()
        return True

    def _finish_opening(self) -> bool:
        """Load the record of the meeting being opened; False (and a message) if it cannot."""
        opening, self._opening = self._opening, None
        if opening is None:
            return self._service is not None
        from meetingtui.service import MeetingService

        try:
            self._service = MeetingService.attach(
                opening.conn,
                opening.meeting_id,
                readonly=self.readonly,
                lock=opening.lock,
                clock=self.clock,
            )
        except MeetingError as exc:
            # attach() closed the connection and the lock.
            self._glance = None
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self._open_failed(exc)
            return False
        if self._glance is not None:
            self._glance = None
            self.refresh_views()
        return True

    def _open_failed(self, exc: MeetingError) -> None:
        self.notify(exc.message, title=t("tui.error_title"), severity="error")
        if len(self.screen_stack) <= 1:
            self.show_start()

    @property
    def service(self) -> MeetingService | None:
        """The open meeting's MeetingService (None when no meeting is open)."""
        if self._opening is not None:
            self._finish_opening()
        return self._service

    @property
    def meeting_shown(self) -> Meeting | Glance | None:
        """What the screens draw: the record, the glance while the record loads, or None
        once the meeting is closed (a screen may still redraw while it is taken down)."""
        if self._glance is not None:
            return self._glance
        service = self.service
        return service.meeting if service is not None else None

    @property
    def has_meeting(self) -> bool:
        """A meeting is open (its record loaded, or loading): commands can run."""
        return self._service is not None or self._opening is not None

    @property
    def meeting_is_open(self) -> bool:
        """A meeting is on screen, from its record or from a glance; never loads anything."""
        return self._glance is not None or self.has_meeting

    def _show_meeting(self) -> None:
        # Screens are imported as they are needed: the first frame comes sooner.
        service = self.service
        if service is None:
            return
        meeting = service.meeting
        from meetingtui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen())
        # Resume where the secretary was: an open vote or election on the current item.
        self._show_open_poll(meeting)

    def _show_open_poll(self, meeting: Meeting) -> None:
        current = meeting.current_item
        if current is None or meeting.status is not MeetingStatus.OPEN:
            return
        open_vote = next((v for v in current.votes if v.is_open), None)
        open_election = next((e for e in current.elections if e.is_open), None)
        if open_vote is not None:
            from meetingtui.screens.vote import VoteScreen

            self.push_screen(VoteScreen(open_vote.id))
        elif open_election is not None:
            from meetingtui.screens.election import ElectionScreen

            self.push_screen(ElectionScreen(open_election.id))

    def close_service(self) -> None:
        self._glance = None
        if self._opening is not None:
            self._opening.close()
            self._opening = None
        if self._service is not None:
            self._service.close()
            self._service = None

    def on_unmount(self) -> None:
        self.close_service()

    # -- commands ----------------------------------------------------------------------------

    def confirm_dialog(
        self, warnings: list[str], question: str = "", *, warn: bool = True, title: str = ""
    ) -> ConfirmDialog:
        """The yes/no dialog every confirmation uses: the warnings, then the question (a
        screen pushes it with a callback that receives True, False or None)."""
        from meetingtui.screens.dialogs import ConfirmDialog

        return ConfirmDialog(warnings, question, warn=warn, title=title)

    def run_command(
        self,
        command: Callable[..., Any],
        *args: object,
        on_done: Callable[[Any], object] | None = None,
        **kwargs: object,
    ) -> Any:
        """Run one command of the API and redraw from what it committed.

        Returns the Outcome, or None when it was refused or waits for the chair to confirm.
        """
        try:
            outcome = command(*args, **kwargs)
        except ConfirmationRequired as exc:

            def answer(confirmed: bool | None) -> None:
                if confirmed:
                    self.run_command(command, *args, on_done=on_done, **{**kwargs, "confirm": True})

            lines = [w.message for w in exc.warnings]
            if exc.question:
                # A deliberate change the chair confirms (a ballot), not a broken rule.
                dialog = self.confirm_dialog(lines, t(exc.question), warn=False)
            else:
                dialog = self.confirm_dialog(lines)
            self.push_screen(dialog, answer)
            return None
        except (CommandRefused, StorageError) as exc:
            self.notify(exc.message, title=t("tui.refused_title"), severity="error", timeout=8)
            self.refresh_views()
            return None
        except MeetingError as exc:
            self.notify(exc.message, title=t("tui.error_title"), severity="error", timeout=8)
            return None
        self.refresh_views()
        for warning in outcome.warnings:
            self.notify(
                "⚠ " + warning.message, title=t("tui.warning_title"), severity="warning", timeout=10
            )
        if on_done is not None:
            on_done(outcome)
        return outcome

    def refresh_views(self) -> None:
        """Redraw the visible screen now; the ones below redraw when they come back."""
        for screen in self.screen_stack:
            if isinstance(screen, KeymapScreen):
                # A screen pushed but not yet composed draws itself when it mounts.
                on_top = screen is self.screen
                if on_top and screen.is_mounted:
                    screen.refresh_view()
                else:
                    screen.stale = True

    def _tick(self) -> None:
        # Timers may still fire while shutdown removes the widgets.
        if not self.is_running:
            return
        screen = self.screen
        if isinstance(screen, KeymapScreen) and screen.is_mounted:
            screen.tick()

    def _follow(self) -> None:
        """A read-only follower reloads when the writer committed something."""
        if not self.is_running:
            return
        service = self._service
        if service is None or not service.readonly or self._follow_stopped:
            return
        try:
            changed = service.refresh()
        except StorageError as exc:
            # The database went bad underneath: say so once and stop following it.
            self._follow_stopped = True
            self.notify(exc.message, title=t("tui.error_title"), severity="error", timeout=30)
            return
        if changed:
            self.refresh_views()
            self._follow_vote()

    def _follow_vote(self) -> None:
        """On a projector the follower shows a vote or an election while the writer holds it
        open; each screen goes back to the item when it closes."""
        from meetingtui.screens.meeting import MeetingScreen

        service = self.service
        if service is not None and isinstance(self.screen, MeetingScreen):
            self._show_open_poll(service.meeting)

    # -- app-wide actions --------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """The palette, asking in the UI's language (Textual's placeholder is English)."""
        from textual.command import CommandPalette

        if not isinstance(self.screen, CommandPalette):
            placeholder = t("frame.palette_placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def action_help(self) -> None:
        from meetingtui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen())

    def action_undo(self) -> None:
        """Undo says what it takes back: a small entry at once, anything larger after a yes."""
        service = self.service
        if service is None:
            return
        try:
            step = service.undo_step()
        except CommandRefused as exc:
            self.notify(exc.message, title=t("tui.refused_title"), severity="error", timeout=8)
            return

        def done(outcome: object) -> None:
            self.notify(t("tui.undone", what=step.description), timeout=5)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                self.run_command(service.undo, step.seq, on_done=done)

        if step.small:
            self.run_command(service.undo, step.seq, on_done=done)
            return
        question = t("tui.undo_question", what=step.description)
        self.push_screen(self.confirm_dialog([], question, warn=False), answer)

    async def action_quit(self) -> None:
        """Quitting with a vote or an election open asks first: the secretary may have meant
        to close it (it stays open and resumes when the meeting is opened again)."""
        self._leave_meeting(t("frame.quit_title"), self.exit)

    def _leave_meeting(self, title: str, leave: Callable[[], object]) -> None:
        """Leave at once, or after a yes when a vote or an election would be left open."""
        open_poll = self._open_poll_line()
        if open_poll is None:
            leave()
            return

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                leave()

        question = t("frame.quit_question")
        self.push_screen(
            self.confirm_dialog([open_poll], question, warn=False, title=title), answer
        )

    def _open_poll_line(self) -> str | None:
        """What quitting leaves open in a meeting this app writes: a vote or an election."""
        if self.readonly or self._service is None:
            return None
        meeting = self._service.meeting
        if meeting.status is not MeetingStatus.OPEN:
            return None
        for item in meeting.items:
            for vote in item.votes:
                if vote.is_open:
                    return t("frame.quit_open_vote", number=item.number)
            for election in item.elections:
                if election.is_open:
                    return t("frame.quit_open_election", number=item.number, office=election.office)
        return None

    def action_meetings(self) -> None:
        """Back to the list of meetings; the open meeting is closed (its lock released)."""
        from meetingtui.screens.start import StartScreen

        if isinstance(self.screen, StartScreen):
            return
        self._leave_meeting(t("frame.meetings_title"), self._back_to_meetings)

    def _back_to_meetings(self) -> None:
        self.close_service()
        self.readonly = False
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.show_start()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.has_meeting and not self.readonly
        if action == "meetings":
            return self.has_meeting
        return True


def build_app(
    db_path: Path | str,
    meeting_id: int | None = None,
    *,
    readonly: bool = False,
    lang: str | None = "da",
    config: UiConfig | Mapping[str, str] | Path | str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> MeetingApp:
    """The app for the CLI and the tests.

    `config` is a path to a TOML config file (None: the user config dir's keymap.toml if it
    exists), an already loaded UiConfig, or a keymap dict. `lang` wins over the config file's
    language unless it is None. `clock` fixes the time (tests, snapshots).
    """
    if isinstance(config, UiConfig):
        ui_config = config
    elif isinstance(config, Mapping):
        keymap = dict(config)
        validate_keymap(keymap)
        ui_config = UiConfig(keymap={**UiConfig().keymap, **keymap})
    else:
        ui_config = load_config(config)
    set_language(lang or ui_config.lang or "da")
    if clock is None:
        from meetingtui.clock import local_now

        clock = local_now
    return MeetingApp(Path(db_path), meeting_id, readonly=readonly, config=ui_config, clock=clock)
