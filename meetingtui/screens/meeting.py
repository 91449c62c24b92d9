"""The meeting screen: agenda, the item under way, decisions and everything said about it."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.i18n import t
from meetingtui.models import AbsenceKind, AgendaItem, ItemStatus, MeetingStatus
from meetingtui.screens import item_people, item_polls
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.dialogs import DecisionDialog, FormDialog, pick_text
from meetingtui.screens.item_text import describe_item, election_decision, status_words
from meetingtui.screens.widgets import KeyBar, StatusBar, item_label, time_on_item

# The quick pick that means "postponed": it postpones the item rather than deciding it.
POSTPONE_PICK = "tui.pick.udsat"
# Narrower than this, the item's text goes under the agenda (app.tcss, #meeting-body.-stacked).
STACKED_BELOW = 76
# Actions that need an item under way in an open meeting.
ITEM_ACTIONS = frozenset(
    {"decision", "vote", "motion", "election", "dissent", "inhabil", "item_absence", "postpone"}
    | {"speakers"}
)


class MeetingScreen(KeymapScreen):
    SCOPE = "meeting"
    CHANGES: ClassVar = frozenset(
        {"next_item", "previous_item", "start_selected", "arrive", "leave", "correct_times"}
        | {"agenda"}
        | ITEM_ACTIONS
    )

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="meeting-body"):
            table: DataTable[str | Text] = DataTable(id="agenda", cursor_type="row")
            yield table
            with VerticalScroll(id="item-scroll"):
                yield Static(id="item-banner")
                yield Static(id="item-text")
        yield Static(id="inline-warnings", classes="warning")
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#meeting-body").set_class(event.size.width < STACKED_BELOW, "-stacked")

    def on_mount(self) -> None:
        table = self.query_one("#agenda", DataTable)
        # Fixed widths: the status and time must stay visible; long titles are cut.
        table.add_column(t("tui.col_number"), key="nr", width=4)
        table.add_column(t("tui.col_item"), key="title", width=20)
        table.add_column(t("tui.col_status"), key="status", width=11)
        table.add_column(t("tui.col_time"), key="time", width=5)
        self.refresh_view()
        current = self.meeting.current_item
        if current is not None:
            table.move_cursor(row=table.get_row_index(str(current.id)))
        table.focus()

    # -- drawing -----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        meeting = self.meeting
        now = self.meeting_now()
        self.tick()
        table = self.query_one("#agenda", DataTable)
        cursor = table.cursor_row
        current_before = getattr(self, "_current_shown", None)
        table.clear()
        for item in meeting.items:
            status = status_words(item)
            table.add_row(
                Text(item.number, style="bold" if item.status is ItemStatus.CURRENT else ""),
                Text(
                    (t("tui.closed_prefix") + " " if item.closed else "") + item.title,
                    overflow="ellipsis",
                ),
                status,
                time_on_item(meeting, item, now),
                key=str(item.id),
            )
        # Follow the item under way when it changes; otherwise keep the user's place.
        current = meeting.current_item
        if current is not None and current.id != current_before:
            table.move_cursor(row=table.get_row_index(str(current.id)), animate=False)
        elif meeting.items:
            table.move_cursor(row=min(max(cursor, 0), len(meeting.items) - 1), animate=False)
        self._current_shown = current.id if current is not None else None
        self._show_item()
        self._show_warnings()
        self.refresh_bindings()

    def highlight(self, item_id: int) -> None:
        """Put the cursor on an item wherever it now stands (an item moved on the agenda)."""
        table = self.query_one("#agenda", DataTable)
        if str(item_id) in {str(key.value) for key in table.rows}:
            table.move_cursor(row=table.get_row_index(str(item_id)), animate=False)

    def _highlighted_item(self) -> AgendaItem | None:
        table = self.query_one("#agenda", DataTable)
        if not self.meeting.items or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self.meeting.items) - 1)
        return self.meeting.items[row]

    def _show_item(self) -> None:
        item = self._highlighted_item()
        banner = self.query_one("#item-banner", Static)
        body = self.query_one("#item-text", Static)
        if item is None:
            banner.update("")
            body.update(t("tui.no_items"))
            return
        current = self.meeting.current_item
        if current is None or item.id != current.id:
            banner.update(Text(self.says("tui.preview_banner"), style="reverse"))
            banner.display = True
        else:
            banner.display = False
        body.update(describe_item(self.meeting, item))

    def _show_warnings(self) -> None:
        meeting = self.meeting
        item = meeting.current_item
        lines: list[str] = []
        if meeting.status is MeetingStatus.PLANNED:
            lines.append(
                self.says(
                    "tui.meeting_not_opened",
                    rollcall=self.key_for("rollcall"),
                    open=self.key_for("open_meeting", "rollcall"),
                )
            )
        if item is not None and meeting.status is MeetingStatus.OPEN:
            lines += [w.message for w in rules.quorum_warnings(meeting, item)]
            if any(v.is_open for v in item.votes):
                lines.append(self.says("tui.open_vote_waiting", vote=self.key_for("vote")))
            if any(e.is_open for e in item.elections):
                lines.append(
                    self.says("tui.open_election_waiting", election=self.key_for("election"))
                )
        widget = self.query_one("#inline-warnings", Static)
        widget.update("\n".join("⚠ " + t("tui.warning_prefix") + " " + line for line in lines))
        widget.display = bool(lines)

    @on(DataTable.RowHighlighted, "#agenda")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_item()

    @on(DataTable.RowSelected, "#agenda")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_start_selected()

    # -- gating ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        if self.meeting_app.service is None:
            return None
        is_open = self.meeting.status is MeetingStatus.OPEN
        if action in ("next_item", "previous_item", "start_selected", "agenda") and not is_open:
            return None
        if action in ITEM_ACTIONS and (not is_open or self.meeting.current_item is None):
            return None
        return True

    def why_off(self, action: str) -> str | None:
        if self.meeting_app.service is None:
            return None
        status = self.meeting.status
        if status is MeetingStatus.PLANNED:
            return t(
                "keyoff.meeting_planned",
                rollcall=self.key_for("rollcall"),
                open=self.key_for("open_meeting", "rollcall"),
            )
        if status is not MeetingStatus.OPEN:
            return t("keyoff.meeting_ended")
        if action in ITEM_ACTIONS:
            return t(
                "keyoff.no_current_item",
                start=self.key_for("start_selected"),
                next=self.key_for("next_item"),
            )
        return None

    # -- moving through the agenda -----------------------------------------------------------

    def _start(self, item: AgendaItem) -> None:
        # Moving on from an item with no decision is allowed (it waits, and the closing screen
        # lists it), but said at once: a vote or an election closed is not yet a decision.
        leaving = self.meeting.current_item
        undecided = leaving if leaving and leaving.status is ItemStatus.CURRENT else None

        def said(_outcome: object) -> None:
            if undecided is not None:
                self.notify(
                    t(
                        "tui.left_undecided",
                        number=undecided.number,
                        title=undecided.title,
                        start=self.key_for("start_selected"),
                        decision=self.key_for("decision"),
                    ),
                    severity="warning",
                    timeout=8,
                )

        self.meeting_app.run_command(self.service.start_item, item.id, on_done=said)

    def action_next_item(self) -> None:
        items = self._on_agenda()
        current = self.meeting.current_item
        if not items:
            return
        if current is None:
            # None under way: the first item not yet taken up (after the item under way was
            # withdrawn, the one after it, not the agenda's first item again).
            waiting = next((i for i in items if i.started_at is None), None)
            if waiting is None:
                self.notify(t("tui.all_items_taken", closing=self.key_for("closing")))
                return
            self._start(waiting)
            return
        position = items.index(current)
        if position + 1 >= len(items):
            self.notify(t("tui.last_item", closing=self.key_for("closing")))
            return
        self._start(items[position + 1])

    def action_previous_item(self) -> None:
        items = self._on_agenda()
        current = self.meeting.current_item
        if current is None or items.index(current) == 0:
            self.notify(t("tui.first_item"))
            return
        self._start(items[items.index(current) - 1])

    def _on_agenda(self) -> list[AgendaItem]:
        """The items still on the agenda, in the order they are dealt with (a withdrawn item is
        passed over; the one under way stays, so the next is found from it)."""
        current = self.meeting.current_item_id
        return [
            i for i in self.meeting.items if i.status is not ItemStatus.WITHDRAWN or i.id == current
        ]

    def action_agenda(self) -> None:
        """Change the agenda: an item added, or the highlighted one withdrawn or moved."""
        from meetingtui.screens.agenda_dialog import change_agenda

        change_agenda(self.meeting_app, self._highlighted_item())

    def action_start_selected(self) -> None:
        if self.check_action("start_selected", ()) is not True:
            return
        item = self._highlighted_item()
        if item is not None and item.id != self.meeting.current_item_id:
            self._start(item)

    # -- the item under way ------------------------------------------------------------------

    def _current(self) -> AgendaItem:
        item = self.meeting.current_item
        assert item is not None  # check_action keeps these actions off without one
        return item

    def action_decision(self) -> None:
        item = self._current()
        warnings = [w.message for w in rules.quorum_warnings(self.meeting, item)]
        if any(v.is_open for v in item.votes):
            warnings.append(t("tui.open_vote_waiting", vote=self.key_for("vote")))
        if any(e.is_open for e in item.elections):
            warnings.append(t("tui.open_election_waiting", election=self.key_for("election")))
        item_id = item.id
        label = item_label(item)
        current = item.decision or election_decision(item)

        def record(text: str | None) -> None:
            if not text:
                return
            if text == pick_text(POSTPONE_PICK):
                self.meeting_app.run_command(self.service.postpone_item, item_id)
                return
            # A rule's warning answered no gives the typed decision back, never loses it.
            self.meeting_app.run_command(
                self.service.record_decision, item_id, text, on_cancel=partial(ask, text)
            )

        def ask(draft: str = "") -> None:
            self.app.push_screen(DecisionDialog(label, warnings, current, draft), record)

        ask()

    def action_speakers(self) -> None:
        """The speakers' list of the item under way, ready to add a name."""
        from meetingtui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(adding=True))

    def action_vote(self) -> None:
        item_polls.open_vote(self.meeting_app, self._current())

    def action_motion(self) -> None:
        item_polls.add_motion(self.meeting_app, self._current())

    def action_election(self) -> None:
        item_polls.start_election(self.meeting_app, self._current())

    def action_dissent(self) -> None:
        item_polls.add_dissent(self.meeting_app, self._current())

    def action_inhabil(self) -> None:
        item_people.record_absence(self.meeting_app, self._current(), AbsenceKind.INHABIL)

    def action_item_absence(self) -> None:
        item_people.record_absence(self.meeting_app, self._current(), AbsenceKind.ABSENT)

    def action_postpone(self) -> None:
        item = self._current()
        item_id, label = item.id, item_label(item)

        def postpone(values: list[str] | None) -> None:
            if values is not None:
                self.meeting_app.run_command(self.service.postpone_item, item_id, values[0])

        self.app.push_screen(
            FormDialog(
                t("tui.postpone_title", item=label), [(t("tui.reason_optional"), "")], notes=[0]
            ),
            postpone,
        )

    def action_correct_times(self) -> None:
        """The meeting's start and end and those of the highlighted item, as recorded."""
        from meetingtui.screens.time_dialog import correct_times, meeting_times

        item = self._highlighted_item()
        correct_times(self.meeting_app, meeting_times(self.meeting, item))

    # -- people coming and going -------------------------------------------------------------

    def action_arrive(self) -> None:
        item_people.record_movement(self.meeting_app, arriving=True)

    def action_leave(self) -> None:
        item_people.record_movement(self.meeting_app, arriving=False)

    # -- other screens -----------------------------------------------------------------------

    def action_rollcall(self) -> None:
        from meetingtui.screens.rollcall import RollCallScreen

        self.app.push_screen(RollCallScreen())

    def action_case_history(self) -> None:
        """The case across meetings: earlier decisions on the same sagsnummer."""
        from meetingtui.screens.archive import case_history_text
        from meetingtui.screens.dialogs import TextDialog

        item = self._highlighted_item() or self.meeting.current_item
        if item is None or not item.case_number:
            self.notify(t("tui.item_no_case"))
            return
        text = case_history_text(self.service.conn, item.case_number)
        self.app.push_screen(TextDialog(t("key.meeting.case_history"), text))

    def action_closing(self) -> None:
        from meetingtui.screens.closing import ClosingScreen

        self.app.push_screen(ClosingScreen())
