"""The Textual application: runs every command through one place; the keys of the whole app.

Opening, holding and following a meeting is `screens.opening.MeetingHold`, which this extends.

Every change goes through `MeetingApp.run_command`, which calls the command API and redraws
from the committed record only after it returns. A refused command shows its message; a rule
the chair may overrule asks first, then repeats the command with `confirm=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.notifications import SeverityLevel

from meetingtui import rules
from meetingtui.errors import CommandRefused, ConfirmationRequired, MeetingError, StorageError
from meetingtui.i18n import full_stop, set_language, t
from meetingtui.keymap import THEMES, UiConfig, load_config, validate_keymap
from meetingtui.screens.base import (
    KeymapCommands,
    KeymapScreen,
    add_bindings,
    build_bindings,
    own_keys,
)
from meetingtui.screens.keygate import KeyGate
from meetingtui.screens.opening import MeetingHold
from meetingtui.screens.themes import PROJECTOR_THEMES
from meetingtui.vocabulary import MeetingStatus


class MeetingApp(MeetingHold):
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
        super().__init__(db_path, readonly=readonly, clock=clock)
        self.initial_meeting_id = meeting_id
        self.config = config
        self.follow_interval = follow_interval
        # Keys typed ahead go to the screen they were meant for, one at a time.
        self._key_gate = KeyGate(self)
        # The standing warnings (no quorum) said since they began: not said again per act.
        self._standing_said: set[str] = set()
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

    # -- mounting ----------------------------------------------------------------------------

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

    # -- commands ----------------------------------------------------------------------------

    def run_command(
        self,
        command: Callable[..., Any],
        *args: object,
        on_done: Callable[[Any], object] | None = None,
        on_cancel: Callable[[], object] | None = None,
        **kwargs: object,
    ) -> Any:
        """Run one command of the API and redraw from what it committed.

        Returns the Outcome, or None when it was refused or waits for the chair to confirm.
        `on_cancel` runs when the chair answers no: a caller gives back what was typed.
        """
        return self._run(command, args, kwargs, on_done, on_cancel, confirmed=frozenset())

    def _run(
        self,
        command: Callable[..., Any],
        args: tuple[object, ...],
        kwargs: dict[str, object],
        on_done: Callable[[Any], object] | None,
        on_cancel: Callable[[], object] | None,
        *,
        confirmed: frozenset[str],
    ) -> Any:
        try:
            outcome = command(*args, **kwargs)
        except ConfirmationRequired as exc:
            lines = [w.message for w in exc.warnings]

            def answer(yes: bool | None) -> None:
                if yes:
                    again = {**kwargs, "confirm": True}
                    self._run(command, args, again, on_done, on_cancel, confirmed=frozenset(lines))
                elif on_cancel is not None:
                    on_cancel()

            # Until it is answered, what it asks about exists nowhere but here (`unrecorded`).
            if exc.question:
                # A deliberate change the chair confirms (a ballot), not a broken rule.
                dialog = self.confirm_dialog(lines, t(exc.question), warn=False, unrecorded=True)
            else:
                dialog = self.confirm_dialog(lines, unrecorded=True)
            self.push_screen(dialog, answer)
            return None
        except (CommandRefused, StorageError) as exc:
            self.say_refused(exc)
            self.refresh_views()
            return None
        except MeetingError as exc:
            self.notify(exc.message, title=t("tui.error_title"), severity="error", timeout=8)
            return None
        self.refresh_views()
        for warning in outcome.warnings:
            standing = warning.key in rules.STANDING_WARNINGS
            if standing and warning.key in self._standing_said:
                continue  # said when it began; the header and the screen keep showing it
            if standing:
                self._standing_said.add(warning.key)
            if warning.message in confirmed:
                continue  # the chair has just read it and said go on
            self.notify(
                "⚠ " + warning.message, title=t("tui.warning_title"), severity="warning", timeout=10
            )
        self._forget_what_no_longer_stands()
        if on_done is not None:
            on_done(outcome)
        return outcome

    def _forget_what_no_longer_stands(self) -> None:
        """Once the quorum is back, losing it again is said again."""
        service = self._service
        if service is None or not self._standing_said:
            return
        meeting = service.meeting
        if rules.quorum(meeting, rules.item_under_way(meeting)).met:
            self._standing_said.clear()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every message is plain text, whoever sends it (a screen passes Textual's default,
        markup on): a title, a name or a path holding "[…]" is shown as written, never read
        as a style and dropped."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _tick(self) -> None:
        # Timers may still fire while shutdown removes the widgets.
        if not self.is_running:
            return
        screen = self.screen
        if isinstance(screen, KeymapScreen) and screen.is_mounted:
            screen.tick()

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
            return
        # Inside a dialog its own keys (save, cancel, yes/no) come first, as its footer shows
        # them, then the keys of the screen underneath: what the user looks for first.
        below = next((s for s in reversed(self.screen_stack) if isinstance(s, KeymapScreen)), None)
        scope = below.SCOPE if below else None
        dialog = self.screen
        if isinstance(dialog, KeymapScreen):
            self.push_screen(HelpScreen(scope))
            return
        own = [(keys, what) for what, keys, _ in own_keys(dialog)]
        self.push_screen(HelpScreen(scope, own=(t("tui.help_dialog"), own)))

    def say_refused(self, exc: MeetingError, timeout: float = 8) -> None:
        """A command the rules refused, in their words: the one way every screen says it. A
        longer `timeout` for a message that takes longer to read (a committee file's faults)."""
        self.notify(exc.message, title=t("tui.refused_title"), severity="error", timeout=timeout)

    def action_undo(self) -> None:
        """Undo says what it takes back: a small entry at once, anything larger after a yes."""
        service = self.service
        if service is None:
            return
        try:
            step = service.undo_step()
        except CommandRefused as exc:
            self.say_refused(exc)
            return

        screen = self.screen if isinstance(self.screen, KeymapScreen) else None
        marker = screen.undo_marker() if screen is not None else None

        def done(outcome: object) -> None:
            self.notify(full_stop(t("tui.undone", what=step.description)), timeout=5)
            if screen is not None and screen is self.screen:
                screen.undone(marker)

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
        """Leave at once, or after a yes when a vote or an election would be left open or text
        typed in a dialog would be thrown away (a decision half written when Ctrl+Q is hit)."""
        lines = [line for line in (self._open_poll_line(), self._unsaved_line()) if line]
        if not lines:
            leave()
            return

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                leave()

        question = t("frame.quit_question" if self.has_meeting else "frame.quit_anyway")
        self.push_screen(self.confirm_dialog(lines, question, warn=False, title=title), answer)

    def _unsaved_line(self) -> str | None:
        """The dialog whose typed text leaving would throw away, in words."""
        from meetingtui.screens.dialogs import ConfirmDialog, Dialog

        for screen in reversed(self.screen_stack):
            if isinstance(screen, ConfirmDialog) and screen.unrecorded:
                # A decision typed, then Enter, then a rule's warning: not recorded yet.
                return t("frame.quit_unconfirmed")
            if isinstance(screen, Dialog) and screen.unsaved_text():
                return t("frame.quit_unsaved_text", dialog=screen.dialog_title)
        return None

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
