"""A one-line field that takes a pasted text of several lines whole.

Textual's Input keeps only the first line of a paste. A title or a motion copied from the
agenda's PDF arrives broken over lines, and the rest of it was dropped without a word: the
record got half a title. Here the lines are joined, as they read.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


def one_line(text: str, joiner: str = " ") -> str:
    """The lines of `text`, stripped and joined on one line; blank lines are left out."""
    return joiner.join(part.strip() for part in text.splitlines() if part.strip())


class LineInput(Input):
    """An Input whose paste keeps every line, joined by `joiner` (a space; ", " for a list)."""

    def __init__(self, *args: Any, joiner: str = " ", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.joiner = joiner

    def _on_paste(self, event: events.Paste) -> None:
        text = one_line(event.text, self.joiner)
        if text:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        # Input's own handler runs after this one unless told not to: it would paste the first
        # line again.
        event.prevent_default()
        event.stop()
