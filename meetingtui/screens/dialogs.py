"""Modal dialogs: confirm a rule warning, type text, pick a member or an option, decide an item.

Dialogs only collect input and hand it back; the caller runs the command, so nothing is shown
as done until the command API has committed it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from meetingtui.i18n import t
from meetingtui.i18n.tui import DA as DANISH
from meetingtui.keymap import DEFAULT_KEYMAP, actions_in
from meetingtui.screens.base import action_label, add_bindings, build_bindings, key_label
from meetingtui.screens.lineinput import LineInput
from meetingtui.screens.notefield import NoteField
from meetingtui.screens.typeahead import TypeAhead
from meetingtui.screens.widgets import KeyBar

# The decision texts are record text: they go into the Danish referat whatever the UI language.
QUICK_PICKS: tuple[str, ...] = (
    "tui.pick.godkendt",
    "tui.pick.tiltraadt",
    "tui.pick.efterretning",
    "tui.pick.anbefales",
    "tui.pick.indstilling",
    "tui.pick.udsat",
    "tui.pick.oversendes",
)


def pick_text(key: str) -> str:
    return DANISH[key]


def warning_lines(warnings: Sequence[str]) -> str:
    return "\n".join("⚠ " + t("tui.warning_prefix") + " " + w for w in warnings)


def warning_box() -> Static:
    """The place in a dialog where a rule's warning appears as the fields are filled in;
    hidden while there is none (its red edge alone would read as an error)."""
    box = Static("", classes="warning", markup=False)
    box.display = False
    return box


def show_warnings(box: Static, warnings: Sequence[str]) -> None:
    box.update(warning_lines(warnings))
    box.display = bool(warnings)


def _keymap(node: DOMNode) -> Mapping[str, str]:
    """The keymap of the running app (the user's keys); the default one outside an app."""
    try:
        return cast(Mapping[str, str], getattr(node.app, "keymap", DEFAULT_KEYMAP))
    except RuntimeError:  # no app runs (Textual's NoActiveAppError)
        return DEFAULT_KEYMAP


class Dialog(ModalScreen[Any]):
    """A centred box with a title, a body and a footer that lists its keys.

    A dialog with fields to fill in (`SAVES`) has the keymap's `form.save` key (Ctrl+S) in its
    footer: it saves from whichever field has the cursor, through the same `save` as Enter in
    the last field, so a form of six times needs no walk through all six.
    """

    SAVES: ClassVar[bool] = False

    def __init__(self, title: str, cancel_keys: str = "escape") -> None:
        super().__init__()
        self.dialog_title = title
        own = [
            Binding(
                cancel_keys,
                "cancel",
                t("tui.cancel"),
                key_display=key_label(cancel_keys.split(",")[0]),
            )
        ]
        if self.SAVES:
            keys = actions_in("form", _keymap(self))["save"]
            # Priority: a field with the cursor never takes the key for itself.
            own.append(
                Binding(
                    keys,
                    "save",
                    action_label("form", "save"),
                    id="form.save",
                    key_display=key_label(keys),
                    priority=True,
                )
            )
        add_bindings(self, own)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.dialog_title, classes="dialog-title", markup=False)
            yield from self.body()
        yield KeyBar()

    def body(self) -> ComposeResult:
        yield from ()

    def unsaved_text(self) -> bool:
        """Whether Escape would throw away text the secretary typed."""
        return False

    def action_save(self) -> None:
        if self.SAVES:
            self.save()

    def save(self) -> None:
        """What Enter in the last field does: check what is typed and hand it back, or say
        what is missing and stay open (a dialog that `SAVES` says how)."""

    def action_cancel(self) -> None:
        if not self.unsaved_text():
            self.dismiss(None)
            return

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss(None)

        # A dictated protokoltilførsel is not lost to one stray Escape. Asked through the app's
        # one confirmation factory, as every yes/no question is (its keys, what quitting says).
        from meetingtui.screens.opening import MeetingHold

        app = cast(MeetingHold, self.app)
        question = app.confirm_dialog(
            [t("tui.discard_text")], t("tui.discard_question"), warn=False
        )
        app.push_screen(question, discard)


class ConfirmDialog(Dialog):
    """Show rule warnings in words and ask whether to go on anyway (the chair decides). Its
    keys are the keymap's `confirm` scope (j/y yes, n/Esc no), so a keymap.toml moves them."""

    SCOPE = "confirm"

    def __init__(
        self,
        warnings: Sequence[str],
        question: str = "",
        *,
        warn: bool = True,
        title: str = "",
        keymap: Mapping[str, str] | None = None,
        unrecorded: bool = False,
    ) -> None:
        keymap = DEFAULT_KEYMAP if keymap is None else keymap
        super().__init__(
            title or (t("tui.confirm_title") if warn else t("tui.confirm_change_title")),
            cancel_keys=actions_in(self.SCOPE, keymap)["cancel"],
        )
        self.warnings = list(warnings)
        self.warn = warn
        self.question = question or t("tui.confirm_question")
        # Asked before a command is recorded: leaving here loses what it would record.
        self.unrecorded = unrecorded
        own = [b for b in build_bindings(self.SCOPE, keymap) if b.action != "cancel"]
        add_bindings(self, own)

    def body(self) -> ComposeResult:
        if self.warn:
            yield Static(warning_lines(self.warnings), classes="warning", markup=False)
        elif self.warnings:
            yield Static("\n".join(self.warnings), classes="change", markup=False)
        yield Static(self.question, classes="question", markup=False)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TextDialog(Dialog):
    """Read-only text to look at (case history); Esc or Enter closes it."""

    def __init__(self, title: str, text: Text | str) -> None:
        super().__init__(title, cancel_keys="escape,enter")
        self.text = text

    def body(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-text"):
            yield Static(self.text, markup=False)


class FormDialog(Dialog):
    """One or more text fields; Enter moves on and submits after the last one, Ctrl+S submits
    from any field. The caller checks what is typed (a refused time brings the dialog back).

    Fields listed in `notes` take several lines (reasons, notes): Ctrl+J breaks the line.
    `given` is what the fields held before anything was typed, where the form comes back with
    typed text (refused, or not approved): that text is still unsaved, and Escape asks first.
    """

    SAVES = True

    def __init__(
        self,
        title: str,
        fields: Sequence[tuple[str, str]],
        note: str = "",
        *,
        notes: Sequence[int] = (),
        focus: int = 0,
        given: Sequence[str] | None = None,
    ) -> None:
        super().__init__(title)
        self.fields = list(fields)
        self.given = list(given) if given is not None else [value for _, value in fields]
        self.note = note
        self.notes = set(notes)
        self.focus_field = focus  # the field to type in first (after prefilled ones)

    def body(self) -> ComposeResult:
        if self.note:
            yield Static(self.note, classes="warning", markup=False)
        for n, (label, value) in enumerate(self.fields):
            yield Label(label, markup=False)
            if n in self.notes:
                yield NoteField(value, id=f"field-{n}")
            else:
                yield LineInput(value=value, id=f"field-{n}")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one(f"#field-{self.focus_field}").focus()

    def _values(self) -> list[str]:
        return [
            widget.text if isinstance(widget, NoteField) else widget.value
            for widget in self.query("Input, NoteField").results()
            if isinstance(widget, Input | NoteField)
        ]

    def unsaved_text(self) -> bool:
        return any(
            value.strip() and value != before
            for value, before in zip(self._values(), self.given, strict=False)
        )

    def _advance(self, widget: Input | NoteField) -> None:
        fields = [
            w for w in self.query("Input, NoteField").results() if isinstance(w, Input | NoteField)
        ]
        position = fields.index(widget)
        if position + 1 < len(fields):
            fields[position + 1].focus()
            return
        self.save()

    def save(self) -> None:
        self.dismiss(self._values())

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        self._advance(event.input)

    @on(NoteField.Submitted)
    def _next_note(self, event: NoteField.Submitted) -> None:
        self._advance(event.field)


class PickDialog(Dialog):
    """Pick one option from a list (members, motions, formats): type a few letters of it,
    Up/Down, Enter picks. `of_members` says so in the hint ("… af navnet")."""

    def __init__(
        self,
        title: str,
        options: Sequence[tuple[object, str]],
        note: str = "",
        *,
        of_members: bool = False,
    ) -> None:
        super().__init__(title)
        self.options = list(options)
        self.note = note
        self.hint = t("tui.typeahead_hint" if of_members else "tui.pick_hint")

    def body(self) -> ComposeResult:
        if self.note:
            yield Static(self.note, classes="warning", markup=False)
        if not self.options:
            yield Static(t("tui.nothing_to_pick"))
        yield TypeAhead(self.options, self.hint, id="pick")

    def on_mount(self) -> None:
        self.query_one("#pick", TypeAhead).focus()

    @on(TypeAhead.Picked, "#pick")
    def _picked(self, event: TypeAhead.Picked) -> None:
        self.dismiss(event.value)


class DecisionDialog(Dialog):
    """The decision: type it, or pick a quick pick by its digit while the field is empty or
    holds, untouched, the text it was opened with (an election's sentence, the decision
    recorded before).

    Every printable key goes into the text; a quick pick fills the field so the secretary sees
    the exact words, and Enter saves exactly what the field shows. Rule warnings (e.g. no
    quorum) are shown here, before anything is recorded.
    """

    SAVES = True

    def __init__(
        self, item_label: str, warnings: Sequence[str], current: str = "", draft: str = ""
    ) -> None:
        super().__init__(t("tui.decision_title", item=item_label))
        self.warnings = list(warnings)
        self.current = current
        self.draft = draft  # text typed before, given back when a warning was answered no

    def body(self) -> ComposeResult:
        if self.warnings:
            yield Static(warning_lines(self.warnings), classes="warning", markup=False)
        yield Label(t("tui.decision_text"))
        yield NoteField(
            self.draft or self.current,
            quick_picks=len(QUICK_PICKS),
            offered=self.current,
            placeholder=t("tui.decision_hint"),
            id="decision-text",
        )
        yield Static(t("tui.decision_keys"), classes="hint")
        picks = OptionList(
            *[Option(f"{n}  {t(key)}", id=key) for n, key in enumerate(QUICK_PICKS, 1)],
            id="picks",
        )
        # The picks are chosen by digit (or the mouse); the keyboard stays in the text.
        picks.can_focus = False
        yield picks

    def on_mount(self) -> None:
        self.query_one("#decision-text", NoteField).focus()

    def unsaved_text(self) -> bool:
        # A quick pick or the decision already recorded is not work that could be lost.
        text = self.query_one("#decision-text", NoteField).text.strip()
        return bool(text) and text not in {self.current.strip(), *map(pick_text, QUICK_PICKS)}

    def action_pick(self, number: int) -> None:
        field = self.query_one("#decision-text", NoteField)
        field.set_text(pick_text(QUICK_PICKS[number - 1]))
        field.focus()

    @on(NoteField.QuickPick, "#decision-text")
    def _quick_pick(self, event: NoteField.QuickPick) -> None:
        self.action_pick(event.number)

    @on(OptionList.OptionSelected, "#picks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index + 1)

    @on(NoteField.Submitted, "#decision-text")
    def _submit(self, event: NoteField.Submitted) -> None:
        self.save()

    def save(self) -> None:
        text = self.query_one("#decision-text", NoteField).text.strip()
        if text:
            self.dismiss(text)
        else:
            self.notify(t("tui.decision_empty"), timeout=4)
