"""F1: every key of every screen, from the keymap in use (so a remapped key shows as remapped)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meetingtui.i18n import t
from meetingtui.keymap import SCOPES, actions_in
from meetingtui.screens.base import action_label, add_bindings, key_label
from meetingtui.screens.widgets import KeyBar


def writer_actions() -> dict[str, frozenset[str]]:
    """The actions that change the meeting, per scope: a follower's help leaves them out."""
    from meetingtui.screens.closing import ClosingScreen
    from meetingtui.screens.election import ElectionScreen
    from meetingtui.screens.meeting import MeetingScreen
    from meetingtui.screens.rollcall import RollCallScreen
    from meetingtui.screens.speakers import SpeakersScreen
    from meetingtui.screens.vote import VoteScreen

    screens = (RollCallScreen, MeetingScreen, VoteScreen, ElectionScreen, SpeakersScreen)
    found = {screen.SCOPE: screen.CHANGES for screen in (*screens, ClosingScreen)}
    found["app"] = frozenset({"undo"})
    found["send"] = frozenset({"send", "retry"})
    return found


def scope_order(first: str | None) -> list[str]:
    """The screens in the help: the one F1 was pressed on first (its keys are what the user
    looks for), then the keys that work everywhere, then the rest in the keymap's order."""
    leading = [scope for scope in (first, "app") if scope in SCOPES]
    return list(dict.fromkeys([*leading, *SCOPES]))


# A dialog's own keys, as its footer shows them: its title, then (key, what it does) rows.
OwnKeys = tuple[str, list[tuple[str, str]]]


def keys_table(
    keymap: dict[str, str],
    *,
    readonly: bool = False,
    first: str | None = None,
    own: OwnKeys | None = None,
) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column(t("tui.help_col_screen"), style="bold", no_wrap=True)
    table.add_column(t("tui.help_col_key"), style="bold reverse", no_wrap=True)
    table.add_column(t("tui.help_col_action"))
    if own is not None and own[1]:
        title, rows = own
        for index, (keys, what) in enumerate(rows):
            table.add_row(title if index == 0 else "", keys, what)
        table.add_row("", "", "")
    hidden = writer_actions() if readonly else {}
    for scope in scope_order(first):
        named = False
        for action, keys in actions_in(scope, keymap).items():
            if action in hidden.get(scope, ()):
                continue
            table.add_row(
                "" if named else t(f"tui.scope.{scope}"),
                key_label(keys),
                action_label(scope, action, readonly=readonly),
            )
            named = True
        if named:
            table.add_row("", "", "")
    table.add_row(t("tui.scope.app"), "ctrl+p", t("tui.help_palette"))
    if not readonly:
        table.add_row("", "1-7", t("tui.help_quick_picks"))
        table.add_row("", "1-9", t("tui.help_candidates"))
    return table


class HelpScreen(ModalScreen[None]):
    def __init__(self, scope: str | None = None, *, own: OwnKeys | None = None) -> None:
        super().__init__()
        self.scope = scope  # the screen F1 was pressed on: its keys come first
        self.own = own  # pressed inside a dialog: its own keys before the screen's
        add_bindings(self, [Binding("escape,q", "close", t("tui.close_help"), key_display="esc")])

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "keymap", {})
        with VerticalScroll(classes="dialog help"):
            yield Label(t("tui.help_title"), classes="dialog-title")
            readonly = bool(getattr(self.app, "readonly", False))
            table = keys_table(keymap, readonly=readonly, first=self.scope, own=self.own)
            yield Static(table)
            yield Static(t("tui.help_footer_note"))
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()
