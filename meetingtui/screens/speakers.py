"""The speakers' list (talerliste) of the item under way: add by name as you type, give the
floor with one key, a replik right after the speaker, the clocks counting down.

Every key runs a command of the API; the list is drawn from what it committed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.widgets.option_list import Option

from meetingtui import speakers
from meetingtui.errors import CommandRefused
from meetingtui.i18n import t
from meetingtui.models import AgendaItem, Speaker
from meetingtui.screens.base import KeymapScreen, add_bindings
from meetingtui.screens.dialogs import Dialog, FormDialog
from meetingtui.screens.lineinput import LineInput
from meetingtui.screens.widgets import KeyBar, StatusBar, cut, item_label


def matches(query: str, label: str) -> bool:
    """Each word typed starts a word of the name or party: "me" finds Mette Lund, "lu" too,
    "m l" Mette Lund only, "v" every member of Venstre."""
    words = label.casefold().replace("(", " ").replace(")", " ").split()
    return all(any(w.startswith(q) for w in words) for q in query.casefold().split())


# Column widths in cells (70 with the gaps: an 80-column terminal shows them all); a longer name
# or organisation ("Områdebestyrelse, dagtilbud") is cut with "…".
SPEAKER_COLUMNS = {"status": 3, "name": 26, "party": 16, "kind": 8, "time": 7}


class SpeakerPicker(Dialog):
    """Type a few letters of a name or party; Enter takes the first (or highlighted) match."""

    def __init__(self, title: str, people: Sequence[tuple[int, str]]) -> None:
        super().__init__(title)
        self.people = list(people)
        self.shown = list(people)
        add_bindings(
            self,
            [
                Binding("down", "move(1)", show=False, priority=True),
                Binding("up", "move(-1)", show=False, priority=True),
            ],
        )

    def body(self) -> ComposeResult:
        yield LineInput(placeholder=t("speakers.search"), id="speaker-search")
        yield OptionList(*self._options(), id="speaker-options")

    def _options(self) -> list[Option]:
        return [Option(Text(label), id=str(pid)) for pid, label in self.shown]  # no markup

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = False
        field.focus()
        self._highlight_first()

    def _highlight_first(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.shown else None

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self.shown = [(pid, label) for pid, label in self.people if matches(event.value, label)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        self._highlight_first()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = min(max(current + step, 0), len(self.shown) - 1)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if not self.shown or highlighted is None:
            self.notify(t("speakers.nobody_matches"), severity="warning")
            return
        self.dismiss(self.shown[highlighted][0])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index][0])


class SpeakersScreen(KeymapScreen):
    SCOPE = "speakers"
    CHANGES: ClassVar = frozenset({"add", "reply", "next", "start", "stop", "remove", "limits"})

    DEFAULT_CSS = """
    #speakers-clocks { height: auto; padding: 0 1; text-style: bold; }
    #speakers-clocks.-over { color: $error; }
    #speakers { height: 1fr; }
    """

    def __init__(self, *, adding: bool = False) -> None:
        super().__init__()
        self.adding = adding
        self._rows: list[Speaker] = []

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(id="speakers-title", classes="title")
        yield Static(id="speakers-clocks")
        yield DataTable(id="speakers", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#speakers", DataTable)
        for key, width in SPEAKER_COLUMNS.items():
            table.add_column(t(f"speakers.col.{key}"), key=key, width=width)
        self.refresh_view()
        table.focus()
        if self.adding:
            self.action_add()

    def _item(self) -> AgendaItem | None:
        return self.meeting.current_item

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed or action == "back":
            return allowed
        return None if self._item() is None else True

    # -- drawing -----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        item = self._item()
        title = self.query_one("#speakers-title", Static)
        table = self.query_one("#speakers", DataTable)
        cursor = table.cursor_row
        table.clear()
        self._rows = []
        if item is None:
            title.update(t("speakers.no_current"))
            self.tick()
            return
        title.update(t("speakers.title", item=item_label(item)))
        now = self.meeting_now()
        queue_number = 0
        for speaker in item.speakers:
            if speaker.started_at is None:
                queue_number += 1
                mark = str(queue_number)
            else:
                mark = "▶" if speaker.ended_at is None else "✔"
            table.add_row(
                Text(mark, style="bold" if mark == "▶" else ""),
                Text(
                    cut(speaker.name, SPEAKER_COLUMNS["name"]), style="bold" if mark == "▶" else ""
                ),
                cut(speaker.affiliation, SPEAKER_COLUMNS["party"]),
                t("speakers.reply") if speaker.reply else "",
                self._spoken(speaker, now),
                key=str(speaker.id),
            )
            self._rows.append(speaker)
        if self._rows:
            table.move_cursor(row=min(max(cursor, 0), len(self._rows) - 1), animate=False)
        self.tick()
        self.refresh_bindings()

    @staticmethod
    def _spoken(speaker: Speaker, now: datetime) -> str:
        if speaker.started_at is None:
            return ""
        seconds = ((speaker.ended_at or now) - speaker.started_at).total_seconds()
        return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"

    def tick(self) -> None:
        super().tick()
        item = self._item()
        clocks_line = self.query_one("#speakers-clocks", Static)
        if item is None:
            clocks_line.update("")
            return
        now = self.meeting_now()
        clocks_line.update(self._clocks_text(item, now))
        clocks = speakers.clocks(item, now)
        current = speakers.speaking(item)
        if current is not None and current in self._rows:
            # The time column counts the one speaking as the clocks line does.
            table = self.query_one("#speakers", DataTable)
            with contextlib.suppress(CellDoesNotExist):
                table.update_cell(str(current.id), "time", self._spoken(current, now))
        over = any(x is not None and x < 0 for x in (clocks.speaker, clocks.debate))
        clocks_line.set_class(over, "-over")

    @staticmethod
    def _clocks_text(item: AgendaItem, now: datetime) -> str:
        current = speakers.speaking(item)
        if current is None:
            lines = [t("speakers.nobody_speaking")]
        else:
            who = f"{current.name} ({current.affiliation})" if current.affiliation else current.name
            if current.reply:
                who += f" — {t('speakers.reply')}"
            lines = [t("speakers.speaking_now", name=who)]
        clocks = speakers.clocks(item, now)
        for key, left in (("speaker", clocks.speaker), ("debate", clocks.debate)):
            if left is not None:
                suffix = "over" if left < 0 else "clock"
                lines.append(t(f"speakers.{key}_{suffix}", time=speakers.mmss(abs(left))))

        def limit(seconds: int | None) -> str:
            if seconds is None:
                return t("speakers.no_limit")
            return t("speakers.minutes", value=speakers.minutes_text(seconds))

        lines.append(
            t(
                "speakers.limits_line",
                speaker=limit(item.speaker_limit_seconds),
                debate=limit(item.debate_limit_seconds),
            )
            + " · "
            + t("speakers.waiting_count", count=len(speakers.waiting(item)))
        )
        if not item.speakers:
            lines.append(t("speakers.empty", key="t"))
        return "\n".join(lines)

    # -- actions -----------------------------------------------------------------------------

    def _pick(self, reply: bool) -> None:
        item = self._item()
        if item is None:
            return
        people = [
            (p.id, p.label)
            for p in self.meeting.participants
            if speakers.refusal_to_speak(self.meeting, item, p.id) is None
            and not any(s.participant_id == p.id for s in speakers.waiting(item))
            and not (reply and speakers.refusal_to_reply(item, p.id))
        ]
        title = t("speakers.reply_title" if reply else "speakers.add_title")

        def picked(participant_id: int | None) -> None:
            if participant_id is not None:
                self.meeting_app.run_command(
                    self.service.add_speaker, item.id, participant_id, reply=reply
                )

        self.app.push_screen(SpeakerPicker(title, people), picked)

    def action_add(self) -> None:
        self._pick(reply=False)

    def action_reply(self) -> None:
        self._pick(reply=True)

    def action_next(self) -> None:
        item = self._item()
        if item is not None:
            self.meeting_app.run_command(self.service.next_speaker, item.id)

    def _selected(self) -> Speaker | None:
        row = self.query_one("#speakers", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def action_start(self) -> None:
        """The floor to the selected speaker, out of turn (the list keeps the speaking order)."""
        item, speaker = self._item(), self._selected()
        if item is not None and speaker is not None:
            self.meeting_app.run_command(self.service.start_speaker, item.id, speaker.id)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_start()

    def action_stop(self) -> None:
        item = self._item()
        if item is not None:
            self.meeting_app.run_command(self.service.stop_speaker, item.id)

    def action_remove(self) -> None:
        item, speaker = self._item(), self._selected()
        if item is not None and speaker is not None:
            self.meeting_app.run_command(self.service.remove_speaker, item.id, speaker.id)

    def action_limits(self, typed: Sequence[str] | None = None, focus: int = 0) -> None:
        """Ask for the limits, prefilled with those set; a time that cannot be read is said and
        the form comes back with what was typed, at that time, to be corrected."""
        item = self._item()
        if item is None:
            return
        recorded = (
            speakers.minutes_text(item.speaker_limit_seconds),
            speakers.minutes_text(item.debate_limit_seconds),
        )
        labels = (t("speakers.limit_speaker"), t("speakers.limit_debate"))
        fields = list(zip(labels, typed or recorded, strict=True))

        def entered(values: list[str] | None) -> None:
            if values is None:
                return
            limits: list[int | None] = []
            for n, value in enumerate(values):
                try:
                    limits.append(speakers.parse_minutes(value))
                except CommandRefused as exc:
                    self.meeting_app.say_refused(exc)
                    self.action_limits(values, n)
                    return
            per_speaker, debate = limits
            self.meeting_app.run_command(
                self.service.set_speaking_limits,
                item.id,
                speaker_seconds=per_speaker,
                debate_seconds=debate,
            )

        form = FormDialog(t("speakers.limits_title"), fields, focus=focus, given=recorded)
        self.app.push_screen(form, entered)

    def action_back(self) -> None:
        self.dismiss()
