"""A text field for what members dictate at length: several lines, Enter saves.

Decisions, protokoltilførsler and reasons are often longer than a line. Enter saves exactly
what is shown (as in every other field of the app); Ctrl+J (or Shift+Enter where the terminal
reports it) starts a new line, and pasted text keeps its line breaks.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.message import Message
from textual.widgets import TextArea

NEW_LINE_KEYS = ("ctrl+j", "shift+enter")


class NoteField(TextArea):
    """Multi-line text; Enter posts `Submitted` instead of breaking the line."""

    DEFAULT_CSS: ClassVar[str] = """
    NoteField { height: auto; min-height: 3; max-height: 8; }
    """

    class Submitted(Message):
        def __init__(self, field: NoteField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> NoteField:
            return self.field

    class QuickPick(Message):
        """A digit typed while the field is empty: the caller may take it as a quick pick."""

        def __init__(self, field: NoteField, number: int) -> None:
            super().__init__()
            self.field = field
            self.number = number

        @property
        def control(self) -> NoteField:
            return self.field

    def __init__(
        self,
        text: str = "",
        *,
        quick_picks: int = 0,
        offered: str = "",
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            id=id,
        )
        self.quick_picks = quick_picks
        # Text the field was opened with and the secretary has not touched (the election's
        # sentence, the decision recorded before): a quick pick replaces it as if empty.
        self.offered = offered
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    def set_text(self, text: str) -> None:
        """Replace the text and put the cursor after it, ready to go on typing."""
        self.text = text
        self.move_cursor(self.document.end)

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip())

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in NEW_LINE_KEYS:
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n", start, end)
            return
        character = event.character or ""
        if (
            self.quick_picks
            and (not self.text or (self.offered and self.text == self.offered))
            and character.isdigit()
            and 1 <= int(character) <= self.quick_picks
        ):
            # Digits are quick picks only while nothing is typed: "Udsat til 2. møde" keeps
            # its digit. Text offered and not touched is nothing typed: "1" after an election
            # picks "Godkendt.", it does not make "… valgt som næstformand.1".
            event.stop()
            event.prevent_default()
            self.post_message(self.QuickPick(self, int(character)))
            return
        await super()._on_key(event)
