"""The archive: search past meetings, follow a case across meetings, import documents.

Import runs in a thread worker with its own database connection and reports progress back
with typed messages; the importers are imported only when an import starts.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.screens.base import DatabaseScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.widgets import KeyBar

SNIPPET_MARKS = ("\x02", "\x03")  # private markers turned into bold text, never shown raw


def marked(snippet: str) -> Text:
    """Search snippets mark the match; show it bold instead of with brackets."""
    text = Text()
    bold = False
    for part in snippet.replace(SNIPPET_MARKS[1], SNIPPET_MARKS[0]).split(SNIPPET_MARKS[0]):
        text.append(part.replace("\n", " "), style="bold reverse" if bold else "")
        bold = not bold
    return text


class ImportProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class ImportDone(Message):
    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary


class ImportFailed(Message):
    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


def case_history_text(conn: sqlite3.Connection, case_number: str) -> Text:
    """Every item with the case number, in date order, with its decisions."""
    from meetingtui.storage.case_history import case_history

    text = Text(t("tui.archive_case_title", case=case_number) + "\n", style="bold")
    entries = case_history(conn, case_number)
    if not entries:
        text.append(t("tui.case_history_empty") + "\n")
    for entry in entries:
        text.append(f"{entry.starts_at[:10]}  {entry.body}  {entry.number}. {entry.title}\n")
        decisions = [d.text for d in entry.decision_history] or [entry.decision]
        for decision in decisions:
            if decision:
                text.append(f"    {decision}\n")
    return text


class ArchiveScreen(DatabaseScreen):
    SCOPE = "archive"

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.archive_title"), style="bold"), classes="title")
        yield Input(placeholder=t("tui.archive_search_placeholder"), id="archive-query")
        yield Static(id="archive-status")
        yield DataTable(id="hits", cursor_type="row")
        yield Static(id="archive-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        query = self.query_one("#archive-query", Input)
        query.cursor_blink = False
        table = self.query_one("#hits", DataTable)
        for key in ("when", "body", "item", "case", "snippet"):
            table.add_column(t(f"tui.archive_col.{key}"), key=key)
        self.query_one("#archive-detail", Static).display = False
        # The table has focus so the screen's letter keys work; "/" goes to the search box.
        table.focus()

    def _status(self, text: str) -> None:
        self.query_one("#archive-status", Static).update(text)

    # -- search ------------------------------------------------------------------------------

    @on(Input.Submitted, "#archive-query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        try:
            from meetingtui.storage.search import search

            results = search(self.conn, query, marks=SNIPPET_MARKS)
        except MeetingError as exc:
            self._status("⚠ " + exc.message)
            return
        except (ImportError, sqlite3.Error) as exc:
            self._status("⚠ " + t("tui.archive_unavailable", problem=str(exc)))
            return
        hits = self._hits = results.hits
        table = self.query_one("#hits", DataTable)
        table.clear()
        for n, hit in enumerate(hits):
            table.add_row(
                hit.date,
                hit.body,
                Text(f"{hit.number}. {hit.title}", overflow="ellipsis"),
                hit.case_number,
                marked(hit.snippet),
                key=str(n),
            )
        found = t("tui.archive_hits", count=len(hits)) if hits else t("tui.archive_no_hits")
        self._status(" ".join([found, *results.notices()]))
        if hits:
            table.focus()

    def _selected(self) -> Any:
        table = self.query_one("#hits", DataTable)
        if not self._hits or table.row_count == 0:
            return None
        return self._hits[min(max(table.cursor_row, 0), len(self._hits) - 1)]

    def action_search(self) -> None:
        self.query_one("#archive-query", Input).focus()

    def action_case_history(self) -> None:
        hit = self._selected()
        if hit is None:
            return
        if not hit.case_number:
            self.notify(t("tui.archive_no_case"))
            return
        text = case_history_text(self.conn, hit.case_number)
        detail = self.query_one("#archive-detail", Static)
        detail.update(text)
        detail.display = True

    @on(DataTable.RowSelected, "#hits")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        hit = self._selected()
        if hit is not None:
            # Archived meetings are read, not run: open them read-only.
            self.meeting_app.open_meeting(hit.meeting_id, readonly=True)

    def action_back(self) -> None:
        self.dismiss()

    # -- import ------------------------------------------------------------------------------

    def action_import(self) -> None:
        def start(values: list[str] | None) -> None:
            if not values:
                return
            paths = [Path(p.strip()).expanduser() for p in values[0].split(";") if p.strip()]
            if paths:
                self._status(t("tui.archive_importing", done=0, total=len(paths)))
                self._import(paths)

        self.app.push_screen(
            FormDialog(t("tui.archive_import_title"), [(t("tui.archive_import_paths"), "")]),
            start,
        )

    @work(thread=True, exclusive=True, group="import")
    def _import(self, paths: list[Path]) -> None:
        try:
            from meetingtui.archive import import_paths

            def progress(done: int, total: int, *_: object) -> None:
                self.post_message(ImportProgress(done, total))

            # Parsing runs in two processes; this thread only writes, so the UI stays responsive.
            summary = import_paths(self.meeting_app.db_path, paths, workers=2, on_progress=progress)
        except MeetingError as exc:
            self.post_message(ImportFailed(exc.message))
            return
        except Exception as exc:  # a failed import is reported; it must not end the meeting app
            self.post_message(ImportFailed(f"{type(exc).__name__}: {exc}"))
            return
        lines = [str(summary)]
        lines += [
            f"⚠ {Path(f.path).name}: {f.reason or '; '.join(f.warnings)}"
            for f in summary.files
            if f.reason or f.warnings
        ]
        self.post_message(ImportDone("\n".join(lines)))

    @on(ImportProgress)
    def _progress(self, message: ImportProgress) -> None:
        self._status(t("tui.archive_importing", done=message.done, total=message.total))

    @on(ImportDone)
    def _done(self, message: ImportDone) -> None:
        self._status("✔ " + t("tui.archive_imported", summary=message.summary))
        query = self.query_one("#archive-query", Input).value
        if query.strip():
            self.run_search(query)

    @on(ImportFailed)
    def _failed(self, message: ImportFailed) -> None:
        self._status("⚠ " + t("tui.archive_import_failed", problem=message.problem))
