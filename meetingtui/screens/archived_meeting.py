"""An archived meeting, to read: its header, its items, and the selected item in full.

Nothing here changes the record: the screen reads the state tables once and has no action that
writes. Only the selected item is drawn in full, so a byråd meeting of 50 long items opens at
once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.i18n.dates import short_datetime, written_short
from meetingtui.models import AgendaItem, Meeting
from meetingtui.screens.base import DatabaseScreen
from meetingtui.screens.dialogs import TextDialog
from meetingtui.screens.widgets import KeyBar
from meetingtui.vocabulary import Attendance


def header_text(meeting: Meeting) -> Text:
    kind = t(f"tui.archive_kind.{meeting.document_kind.value}")
    text = Text(f"{meeting.body} · {short_datetime(meeting.starts_at)}", style="bold")
    text.append(f"  {kind}" + (f" · {meeting.location}" if meeting.location else ""))
    text.append("  " + t("tui.archived_readonly"), style="italic")
    present = [p.name for p in meeting.participants if p.attendance == Attendance.PRESENT]
    away = [p.name for p in meeting.participants
            if p.attendance in (Attendance.AFBUD, Attendance.ABSENT)]  # fmt: skip
    if present:
        text.append("\n" + t("tui.archived_present", names=", ".join(present)))
    if away:
        text.append("\n" + t("tui.archived_away", names=", ".join(away)))
    return text


def item_text(item: AgendaItem) -> Text:
    """The whole item as a referat prints it: sections, indstilling, decisions, votes."""
    text = Text(f"{item.number}. {item.title}\n", style="bold")
    if item.closed:
        text.append(t("case.closed") + "\n", style="reverse")
    if item.case_number:
        text.append(t("tui.archived_case", case=item.case_number) + "\n")
    for section in item.sections:
        if section.heading:
            text.append(f"\n{section.heading}\n", style="bold")
        text.append(section.text + "\n")
    if item.recommendation:
        text.append("\n" + t("tui.archived_recommendation") + "\n", style="bold")
        text.append(item.recommendation + "\n")
    decisions = [
        (f"{d.body} {written_short(d.date)}".strip(), d.text) for d in item.decision_history
    ]
    if item.decision and not decisions:
        decisions = [("", item.decision)]
    for label, decision in decisions:
        heading = t("tui.archived_decision") + (f" {label}" if label else "")
        text.append(f"\n{heading}\n", style="bold")
        text.append(decision + "\n")
    for vote in item.votes:
        if vote.raw_text:
            text.append(vote.raw_text + "\n", style="italic")
    for note in item.attendance_notes:
        text.append(note + "\n", style="italic")
    if item.attachments:
        text.append("\n" + t("tui.archived_attachments") + "\n", style="bold")
        for n, title in enumerate(item.attachments, start=1):
            text.append(f"{n}. {title}\n")
    return text


class ArchivedMeetingScreen(DatabaseScreen):
    SCOPE = "archived"

    DEFAULT_CSS = """
    #archived-header { height: auto; padding: 0 1; }
    #archived-items { height: 40%; }
    #archived-scroll { height: 1fr; padding: 0 1; border-top: solid $primary; }
    """

    def __init__(self, meeting_id: int, item_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.first_item = item_id
        self.record: Meeting | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="archived-header", classes="title")
        yield DataTable(id="archived-items", cursor_type="row")
        with VerticalScroll(id="archived-scroll"):
            yield Static(id="archived-item")
        yield KeyBar()

    def on_mount(self) -> None:
        from meetingtui.queries import load_record

        self.record = meeting = load_record(self.conn, self.meeting_id)
        self.query_one("#archived-header", Static).update(header_text(meeting))
        table = self.query_one("#archived-items", DataTable)
        for key, width in (("item", 40), ("case", 16), ("decision", None)):
            table.add_column(t(f"tui.archived_col.{key}"), key=key, width=width)
        for item in meeting.items:
            title = f"{t('case.closed')}: {item.title}" if item.closed else item.title
            decision = " ".join(item.decision.split())
            table.add_row(
                Text(f"{item.number}. {title}", overflow="ellipsis", no_wrap=True),
                item.case_number,
                Text(decision[:80], overflow="ellipsis"),
                key=str(item.id),
            )
        row = next((n for n, i in enumerate(meeting.items) if i.id == self.first_item), 0)
        table.move_cursor(row=row)
        table.focus()
        self._show(row)

    def _show(self, row: int) -> None:
        if self.record is None or not self.record.items:
            return
        item = self.record.items[min(max(row, 0), len(self.record.items) - 1)]
        self.query_one("#archived-item", Static).update(item_text(item))
        self.query_one("#archived-scroll", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowHighlighted, "#archived-items")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    @property
    def selected_item(self) -> AgendaItem | None:
        if self.record is None or not self.record.items:
            return None
        row = self.query_one("#archived-items", DataTable).cursor_row
        return self.record.items[min(max(row, 0), len(self.record.items) - 1)]

    def action_case_history(self) -> None:
        from meetingtui.screens.archive import case_history_text

        item = self.selected_item
        if item is None or not item.case_number:
            self.notify(t("tui.archive_no_case"))
            return
        text = case_history_text(self.conn, item.case_number)
        self.app.push_screen(TextDialog(t("key.archived.case_history"), text))

    def action_back(self) -> None:
        self.dismiss()
