"""A list of names with type-ahead: typing "Hol" keeps Lars Holten and Louise Holm.

Used wherever the secretary picks a member (inhabil, arrives, leaves, protokoltilførsel) or a
candidate. The typed words must each begin a word of the name (any order, case and accents
ignored); Up/Down move in what is left and Enter picks the highlighted name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from meetingtui.screens.lineinput import LineInput

# Letters a keyboard without Danish keys types otherwise ("soren" finds Søren).
_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "ð": "d", "þ": "th"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DANISH = frozenset("æøå")


def _words(text: str) -> list[str]:
    return text.replace("(", " ").replace(")", " ").replace(",", " ").split()


def matches(label: str, typed: str) -> bool:
    """Each typed word begins a word of `label`: "hol" and "la ho" both find Lars Holten.

    A word typed without Danish letters finds them ("soren" finds Søren); a word typed with
    them means them ("før" finds "før", not "formandens").
    """
    plain = _words(_fold(label))
    exact = _words(unicodedata.normalize("NFC", label.casefold()))
    for part in unicodedata.normalize("NFC", typed.casefold()).split():
        if _DANISH.intersection(part):
            if not any(w.startswith(part) for w in exact):
                return False
        elif not any(w.startswith(_fold(part)) for w in plain):
            return False
    return True


def unique_completion(names: Sequence[str], typed: str) -> str | None:
    """The one name `typed` picks out, if exactly one matches."""
    found = [name for name in names if typed.strip() and matches(name, typed)]
    return found[0] if len(found) == 1 else None


class TypeAhead(Vertical):
    """A search field over an option list; posts `Picked` with the option's value."""

    DEFAULT_CSS = """
    TypeAhead { height: auto; }
    TypeAhead OptionList { height: auto; max-height: 10; }
    """

    class Picked(Message):
        def __init__(self, typeahead: TypeAhead, value: object) -> None:
            super().__init__()
            self.typeahead = typeahead
            self.value = value

        @property
        def control(self) -> TypeAhead:
            return self.typeahead

    class Moved(Message):
        """The highlighted option changed (for warnings that depend on who is picked)."""

        def __init__(self, typeahead: TypeAhead) -> None:
            super().__init__()
            self.typeahead = typeahead

        @property
        def control(self) -> TypeAhead:
            return self.typeahead

    def __init__(
        self, options: Sequence[tuple[object, str]], placeholder: str, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.placeholder = placeholder
        self._shown: list[int] = list(range(len(self.options)))

    def compose(self) -> ComposeResult:
        field = LineInput(placeholder=self.placeholder, classes="typeahead-field")
        field.cursor_blink = False
        yield field
        yield OptionList(*self._option_widgets(), classes="typeahead-list")

    def _option_widgets(self) -> list[Option]:
        # Text, not markup: a mark such as "[ikke til stede]" is shown, never taken for a style.
        return [Option(Text(self.options[n][1]), id=str(n)) for n in self._shown]

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.can_focus = False  # the keyboard stays in the field
        listing.highlighted = 0 if self._shown else None

    def focus(self, scroll_visible: bool = True) -> TypeAhead:
        self.query_one(Input).focus(scroll_visible)
        return self

    @property
    def selected(self) -> object | None:
        """The value of the highlighted option, or None when nothing is left to pick."""
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or not self._shown:
            return None
        return self.options[self._shown[highlighted]][0]

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._shown = [
            n for n, (_, label) in enumerate(self.options) if matches(label, event.value)
        ]
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(self._option_widgets())
        listing.highlighted = 0 if self._shown else None
        self.post_message(self.Moved(self))

    def key_down(self) -> None:
        self._move(1)

    def key_up(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if not self._shown:
            return
        current = listing.highlighted or 0
        listing.highlighted = min(max(current + step, 0), len(self._shown) - 1)
        self.post_message(self.Moved(self))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = self.selected
        if value is not None:
            self.post_message(self.Picked(self, value))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Picked(self, self.options[int(str(event.option.id))][0]))
