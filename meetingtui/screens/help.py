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
from meetingtui.screens.base import add_bindings, key_label
from meetingtui.screens.widgets import KeyBar


def keys_table(keymap: dict[str, str]) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column(t("tui.help_col_screen"), style="bold", no_wrap=True)
    table.add_column(t("tui.help_col_key"), style="bold reverse", no_wrap=True)
    table.add_column(t("tui.help_col_action"))
    for scope in SCOPES:
        first = True
        for action, keys in actions_in(scope, keymap).items():
            table.add_row(
                t(f"tui.scope.{scope}") if first else "",
                key_label(keys),
                t(f"key.{scope}.{action}"),
            )
            first = False
        table.add_row("", "", "")
    table.add_row(t("tui.scope.app"), "ctrl+p", t("tui.help_palette"))
    table.add_row("", "1-7", t("tui.help_quick_picks"))
    table.add_row("", "1-9", t("tui.help_candidates"))
    return table


class HelpScreen(ModalScreen[None]):
    def __init__(self) -> None:
        super().__init__()
        add_bindings(self, [Binding("escape,q", "close", t("tui.close_help"), key_display="esc")])

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "keymap", {})
        with VerticalScroll(classes="dialog help"):
            yield Label(t("tui.help_title"), classes="dialog-title")
            yield Static(keys_table(keymap))
            yield Static(t("tui.help_footer_note"))
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()
