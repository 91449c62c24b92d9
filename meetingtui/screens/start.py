"""Start: the meetings in the database; open one, create one from an agenda file, the demo."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.i18n.dates import clock, short_date, short_datetime
from meetingtui.screens.base import DatabaseScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.widgets import KeyBar, cut

# Below this width the list fits 80 columns: the committee and the meeting's title are cut
# short ("…"), the time goes without "kl." and the kind is one word, so the date, the status and
# the kind stay in sight.
NARROW = 100
SHORT = {"body": 17, "title": 13}
# Errors of the new meeting's committee rather than its dagsorden.
COMMITTEE_ERRORS = frozenset(
    {
        "committee.unknown",
        "committee.unknown_listed",
        "committee.unknown_none",
        "committee.ambiguous",
        "plan.no_roster",
    }
)


def when(moment: datetime) -> str:
    """ "11.03.2025 16.30": a list column's date and time, short."""
    return f"{short_date(moment.date())} {clock(moment)}"


class StartScreen(DatabaseScreen):
    SCOPE = "start"

    def __init__(self) -> None:
        super().__init__()
        self._ids: list[int] = []
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.start_title"), style="bold"), classes="title")
        yield Static(id="start-hint")
        yield DataTable(id="meetings", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        self._widths = SHORT if self.app.size.width < NARROW else {}
        for key in ("id", "body", "title", "when", "status", "kind"):
            table.add_column(t(f"tui.start_col.{key}"), key=key, width=self._widths.get(key))
        self.refresh_view()
        table.focus()

    def refresh_view(self) -> None:
        from meetingtui.queries import list_meetings

        table = self.query_one("#meetings", DataTable)
        try:
            meetings = list_meetings(self.conn)
        except (MeetingError, sqlite3.Error) as exc:
            message = exc.message if isinstance(exc, MeetingError) else str(exc)
            self.query_one("#start-hint", Static).update("⚠ " + message)
            return
        cursor = table.cursor_row
        table.clear()
        self._ids = [m.id for m in meetings]
        for m in meetings:
            kind = "tui.document_kind_short" if self._widths else "tui.document_kind"
            table.add_row(
                str(m.id),
                cut(m.body, self._widths.get("body")),
                cut(m.title, self._widths.get("title")),
                when(m.starts_at) if self._widths else short_datetime(m.starts_at),
                t(f"status.{m.status.value}"),
                t(f"{kind}.{m.document_kind}"),
                key=str(m.id),
            )
        if meetings:
            table.move_cursor(row=min(max(cursor, 0), len(meetings) - 1), animate=False)
        hint = (
            t("tui.start_hint")
            if meetings
            else t(
                "tui.start_empty", demo=self.key_for("demo"), new=self.key_for("new_from_agenda")
            )
        )
        self.query_one("#start-hint", Static).update(hint)

    def on_screen_resume(self) -> None:
        self.refresh_view()
        super().on_screen_resume()

    def _selected_id(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if not self._ids:
            return None
        return self._ids[min(max(table.cursor_row, 0), len(self._ids) - 1)]

    @on(DataTable.RowSelected, "#meetings")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        meeting_id = self._selected_id()
        if meeting_id is not None:
            self.meeting_app.open_meeting(meeting_id)

    def action_open_readonly(self) -> None:
        meeting_id = self._selected_id()
        if meeting_id is not None:
            self.meeting_app.open_meeting(meeting_id, readonly=True)

    def action_demo(self) -> None:
        from meetingtui.demo import ensure_demo

        try:
            meeting_id = ensure_demo(self.conn)
        except MeetingError as exc:
            self.notify(exc.message, severity="error")
            return
        self.refresh_view()
        self.meeting_app.open_meeting(meeting_id)

    def action_new_from_agenda(self, typed: list[str] | None = None, focus: int = 0) -> None:
        """The dagsorden file and the committee; a file that cannot be read is said, and the
        form comes back with what was typed, at the field the error is about."""

        def create(values: list[str] | None) -> None:
            if not values or not values[0].strip():
                return
            from meetingtui.planning import create_planned_meeting, plan_meeting

            committee = values[1].strip() or None
            try:
                plan = plan_meeting(self.conn, Path(values[0].strip()).expanduser(), committee)
                meeting_id = create_planned_meeting(self.conn, plan)
            except MeetingError as exc:
                self.notify(exc.message, title=t("tui.error_title"), severity="error", timeout=10)
                # The right committee's name, typed next, goes in its field, not over the path.
                self.action_new_from_agenda(values, 1 if exc.key in COMMITTEE_ERRORS else 0)
                return
            for note in plan.notes:
                self.notify("⚠ " + note, severity="warning", timeout=12)
            self.refresh_view()
            self.meeting_app.open_meeting(meeting_id)

        path, committee_name = typed or ("", "")
        self.app.push_screen(
            FormDialog(
                t("tui.new_title"),
                [(t("tui.new_path"), path), (t("plan.tui.committee"), committee_name)],
                note=t("tui.new_note"),
                focus=focus,
                given=["", ""],
            ),
            create,
        )

    def action_archive(self) -> None:
        from meetingtui.screens.archive import ArchiveScreen

        self.app.push_screen(ArchiveScreen())

    def action_committees(self) -> None:
        from meetingtui.screens.committees import CommitteesScreen

        self.app.push_screen(CommitteesScreen())

    def action_reload(self) -> None:
        self.refresh_view()
