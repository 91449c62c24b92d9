"""The dialogs that put a member's words into the record: a dissent (who, which kind, the
text) and a motion (its kind, what it amends, its text, who proposed it). Like every dialog
they only collect input; the caller runs the command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from meetingtui.i18n import t
from meetingtui.screens.dialogs import Dialog, show_warnings, warning_box
from meetingtui.screens.lineinput import LineInput
from meetingtui.screens.notefield import NoteField
from meetingtui.screens.typeahead import TypeAhead
from meetingtui.vocabulary import DissentKind, MotionKind


class DissentDialog(Dialog):
    """Who, which kind, and the text of a dissent entered in the record."""

    KINDS: ClassVar = (
        DissentKind.PROTOKOLTILFOERSEL,
        DissentKind.MINDRETALSUDTALELSE,
        DissentKind.FORBEHOLD,
    )

    SAVES = True

    def __init__(
        self,
        members: Sequence[tuple[object, str]],
        warn_for: Callable[[int, DissentKind], list[str]],
        item: str,
    ) -> None:
        super().__init__(t("tui.dissent_title", item=item))
        self.members = list(members)
        self.warn_for = warn_for

    def body(self) -> ComposeResult:
        yield Label(t("tui.dissent_who"))
        yield TypeAhead(self.members, t("tui.typeahead_hint"), id="who")
        yield Label(t("tui.dissent_kind"))
        yield OptionList(
            *[Option(t(f"tui.dissent.{kind.name.lower()}"), id=kind.name) for kind in self.KINDS],
            id="kind",
        )
        box = warning_box()
        box.id = "dissent-warning"
        yield box
        yield Label(t("tui.dissent_text"))
        yield NoteField(id="dissent-text")

    def on_mount(self) -> None:
        self.query_one("#kind", OptionList).highlighted = 0
        self.query_one("#who", TypeAhead).focus()
        self._update_warning()

    def _choice(self) -> tuple[int | None, DissentKind]:
        who = self.query_one("#who", TypeAhead).selected
        kind = self.query_one("#kind", OptionList).highlighted or 0
        return (int(str(who)) if who is not None else None), self.KINDS[kind]

    def _update_warning(self) -> None:
        pid, kind = self._choice()
        warnings = self.warn_for(pid, kind) if pid is not None else []
        show_warnings(self.query_one("#dissent-warning", Static), warnings)

    @on(OptionList.OptionHighlighted)
    @on(TypeAhead.Moved)
    def _highlighted(self) -> None:
        self._update_warning()

    @on(TypeAhead.Picked, "#who")
    def _who(self, event: TypeAhead.Picked) -> None:
        self.query_one("#kind", OptionList).focus()

    @on(OptionList.OptionSelected, "#kind")
    def _kind(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#dissent-text", NoteField).focus()

    def unsaved_text(self) -> bool:
        return self.query_one("#dissent-text", NoteField).has_text

    @on(NoteField.Submitted, "#dissent-text")
    def _submit(self, event: NoteField.Submitted) -> None:
        self.save()

    def save(self) -> None:
        pid, kind = self._choice()
        text = self.query_one("#dissent-text", NoteField).text.strip()
        if pid is None:
            self.notify(t("tui.dissent_needs_who"), severity="error")
            self.query_one("#who", TypeAhead).focus()
        elif not text:
            self.notify(t("tui.dissent_needs_text"), severity="error")
            self.query_one("#dissent-text", NoteField).focus()
        else:
            self.dismiss((pid, kind, text))


class MotionDialog(Dialog):
    """A motion: the kind, what it amends (for an amendment), its text and who proposed it."""

    KINDS: ClassVar = (MotionKind.AENDRINGSFORSLAG, MotionKind.INDSTILLING, MotionKind.ANDET)

    SAVES = True

    def __init__(self, motions: Sequence[tuple[int, str]], item: str) -> None:
        super().__init__(t("tui.motion_title", item=item))
        self.motions = list(motions)

    def body(self) -> ComposeResult:
        yield Label(t("tui.motion_kind"))
        yield OptionList(
            *[Option(t(f"tui.motion.{kind.name.lower()}"), id=kind.name) for kind in self.KINDS],
            id="kind",
        )
        yield Label(t("tui.motion_amends"))
        yield OptionList(
            Option(t("tui.motion_amends_none"), id="none"),
            *[Option(Text(label), id=str(mid)) for mid, label in self.motions],
            id="amends",
        )
        yield Label(t("tui.motion_text"))
        yield LineInput(id="motion-text")
        yield Label(t("tui.motion_proposer"))
        yield LineInput(id="motion-proposer")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        amends = self.query_one("#amends", OptionList)
        amends.highlighted = 1 if self.motions else 0
        self.query_one("#kind", OptionList).focus()

    @on(OptionList.OptionSelected, "#kind")
    def _kind(self, event: OptionList.OptionSelected) -> None:
        if self.KINDS[event.option_index] is MotionKind.AENDRINGSFORSLAG and self.motions:
            self.query_one("#amends", OptionList).focus()
        else:
            self.query_one("#motion-text", Input).focus()

    @on(OptionList.OptionSelected, "#amends")
    def _amends(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#motion-text", Input).focus()

    @on(Input.Submitted, "#motion-text")
    def _text(self, event: Input.Submitted) -> None:
        self.query_one("#motion-proposer", Input).focus()

    @on(Input.Submitted, "#motion-proposer")
    def _submit(self, event: Input.Submitted) -> None:
        self.save()

    def save(self) -> None:
        text = self.query_one("#motion-text", Input).value.strip()
        if not text:
            self.notify(t("tui.motion_needs_text"), severity="error")
            self.query_one("#motion-text", Input).focus()
            return
        kind = self.KINDS[self.query_one("#kind", OptionList).highlighted or 0]
        amends: int | None = None
        if kind is MotionKind.AENDRINGSFORSLAG:
            position = self.query_one("#amends", OptionList).highlighted or 0
            amends = self.motions[position - 1][0] if position > 0 else None
        proposer = self.query_one("#motion-proposer", Input).value.strip()
        self.dismiss((kind, text, proposer, amends))
