"""The archive: browse past meetings by committee and year, search them with filters, follow a
case across meetings, open a meeting to read, import documents.

Import runs in a thread worker with its own database connection and reports progress back
with typed messages; the importers are imported only when an import starts.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Select, Static, Tree

from meetingtui import queries
from meetingtui.errors import MeetingError
from meetingtui.i18n import t, t_count
from meetingtui.i18n.dates import short_date, stored_short
from meetingtui.screens.base import DatabaseScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.lineinput import LineInput
from meetingtui.screens.widgets import KeyBar

SNIPPET_MARKS = ("\x02", "\x03")  # private markers turned into bold text, never shown raw


def marked(snippet: str, lead: int = 16) -> Text:
    """Search snippets mark the match; show it bold instead of with brackets, with at most
    `lead` characters before the first match, so a narrow column still shows it."""
    first = snippet.find(SNIPPET_MARKS[0])
    if first > lead:
        snippet = "…" + snippet[first - lead :].split(" ", 1)[-1]
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
    def __init__(self, summary: str, ok: bool) -> None:
        super().__init__()
        self.summary = summary
        self.ok = ok  # every file imported or already there: a file that failed is a warning


class ImportFailed(Message):
    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


# Fewer rows than this and the filter fields are drawn without frames (see _fit_height).
SHORT_ROWS = 30

DATE_WIDTH = -1  # in _COLUMNS: as wide as the longest short date


def date_width() -> int:
    return max(len(short_date(date(2000, month, 28))) for month in range(1, 13))


# Columns (catalog key, fixed width or 0, share of the width left) of the table: search hits
# across meetings, or the items of the meeting browsed to (the tree says which). The date's
# width is that of the language's longest short date.
_COLUMNS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "search": (("when", DATE_WIDTH, 0), ("body", 12, 0), ("item", 24, 0), ("snippet", 0, 1)),
    "browse": (("item", 0, 3), ("decision", 0, 2)),
}
SNIPPET_MIN, ITEM_MIN = 20, 12


def column_widths(mode: str, width: int) -> list[tuple[str, int]]:
    """The table's columns cut to fill `width` exactly, so it never scrolls sideways. Browsing
    keeps the tree beside the table; search hits take the whole width, and in a narrow window
    the item's title gives way (down to ITEM_MIN) so the snippet keeps SNIPPET_MIN cells."""
    columns = [
        (key, date_width() if fixed == DATE_WIDTH else fixed, share)
        for key, fixed, share in _COLUMNS[mode]
    ]
    left = width - (32 if mode == "browse" else 2) - 2 * len(columns) - 1
    left -= sum(fixed for _, fixed, _ in columns)
    shares = sum(share for *_, share in columns)
    if mode == "search" and left < SNIPPET_MIN:
        given = min(SNIPPET_MIN - left, 24 - ITEM_MIN)
        columns = [(k, f - given if k == "item" else f, s) for k, f, s in columns]
        left += given
    return [(key, fixed or max(10, left * share // shares)) for key, fixed, share in columns]


def day_of(stamp: str) -> str:
    """The short date ("11.03.2025") of a stored date or timestamp ("2025-03-11T16:30:00")."""
    return stored_short(stamp)


def case_history_text(conn: sqlite3.Connection, case_number: str) -> Text:
    """Every item with the case number, in date order, with its decisions."""
    from meetingtui.queries import case_history

    text = Text(t("tui.archive_case_title", case=case_number) + "\n", style="bold")
    entries = case_history(conn, case_number)
    if not entries:
        text.append(t("tui.case_history_empty") + "\n")
    for entry in entries:
        text.append(f"{day_of(entry.starts_at)}  {entry.body}  {entry.number}. {entry.title}\n")
        decisions = [d.text for d in entry.decision_history] or [entry.decision]
        for decision in decisions:
            if decision:
                text.append(f"    {decision}\n")
    return text


class ArchiveScreen(DatabaseScreen):
    SCOPE = "archive"

    DEFAULT_CSS = """
    #archive-filters { height: auto; margin: 0 1; }
    #archive-query { width: 1fr; }
    #archive-body { width: 24; }
    #archive-from, #archive-to { width: 14; }
    #archive-status { height: auto; padding: 0 1; }
    #archive-main { height: 1fr; }
    #archive-tree { width: 30; border-right: solid $primary; overflow-x: hidden; }
    #hits { width: 1fr; height: 1fr; overflow-x: hidden; }  /* a vertical scrollbar cuts the snippet, never scrolls it */
    #archive-detail { height: auto; max-height: 10; padding: 0 1; border-top: solid $primary; }
    /* Below 100 columns the search words keep the room: the filters take less. */
    ArchiveScreen.-narrow #archive-body { width: 18; }
    ArchiveScreen.-narrow #archive-from, ArchiveScreen.-narrow #archive-to { width: 12; }
    """

    def __init__(self) -> None:
        super().__init__()
        # The rows of the table: search hits or the items of the meeting browsed to; both have
        # meeting_id, item_id, date, body, number, title, case_number and snippet.
        self._rows: list[Any] = []
        self._mode = ""
        self._summary = ""  # what the last search found, kept while rows are highlighted

    def compose(self) -> ComposeResult:
        yield Static(Text(t("tui.archive_title"), style="bold"), classes="title")
        with Horizontal(id="archive-filters"):
            yield LineInput(placeholder=t("tui.archive_search_placeholder"), id="archive-query")
            yield Select([], prompt=t("tui.archive_all_bodies"), id="archive-body")
            yield Input(placeholder=t("tui.archive_from"), id="archive-from")
            yield Input(placeholder=t("tui.archive_to"), id="archive-to")
        yield Static(id="archive-status")
        with Horizontal(id="archive-main"):
            yield Tree(t("tui.archive_tree_root"), id="archive-tree")
            yield DataTable(id="hits", cursor_type="row")
        yield Static(id="archive-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self._show_rows([], "browse")
        self._load_browse()
        # The tree has focus so the screen's letter keys work; "/" goes to the search box.
        self.query_one("#archive-tree", Tree).focus()

    def on_resize(self) -> None:
        self._fit_height()
        if self._mode:
            # The columns are cut to the width: a window made wider or narrower gets them again,
            # on the row it was on and with the case history still open.
            table = self.query_one("#hits", DataTable)
            detail = self.query_one("#archive-detail", Static)
            row, shown = table.cursor_row, detail.display
            self._set_columns()
            self._show_rows(self._rows, self._mode)
            detail.display = shown
            if self._rows:
                table.move_cursor(row=min(row, len(self._rows) - 1))

    def _set_columns(self) -> None:
        table = self.query_one("#hits", DataTable)
        table.clear(columns=True)
        for key, width in column_widths(self._mode, self.size.width):
            table.add_column(t(f"tui.archive_col.{key}"), key=key, width=width)

    def _fit_height(self) -> None:
        """A short terminal (an 80×24 or a 60×20 window) keeps rows for the hits: the filter
        fields lose their frames and the case history takes at most a third of the screen.
        With the frames and ten rows of history, a 60×20 window showed no hit at all."""
        short = self.size.height < SHORT_ROWS
        for field in self.query("#archive-filters Input, #archive-filters Select"):
            field.compact = short  # type: ignore[attr-defined]
        detail = self.query_one("#archive-detail", Static)
        detail.styles.max_height = max(4, min(10, self.size.height // 3))

    def _status(self, text: str) -> None:
        self.query_one("#archive-status", Static).update(text)

    # -- browse by committee and year --------------------------------------------------------

    def _load_browse(self) -> None:
        tree: Tree[Any] = self.query_one("#archive-tree", Tree)
        tree.show_root = False
        tree.clear()
        body_nodes: dict[str, Any] = {}
        counts: dict[str, int] = {}
        for entry in queries.archive_years(self.conn):
            counts[entry.body] = counts.get(entry.body, 0) + entry.meetings
        for entry in queries.archive_years(self.conn):
            node = body_nodes.get(entry.body)
            if node is None:
                node = body_nodes[entry.body] = tree.root.add(
                    t("tui.archive_tree_body", body=entry.body, count=counts[entry.body]),
                    data=entry.body,
                )
            # Meetings are added when the year is opened: an archive holds thousands.
            node.add(t_count("tui.archive_tree_year", entry.meetings, year=entry.year), data=entry)
        bodies = sorted(body_nodes)
        self.query_one("#archive-body", Select).set_options((b, b) for b in bodies)
        self._status(
            t("tui.archive_hint")
            if bodies
            else t("tui.archive_empty", import_key=self.key_for("import"))
        )

    @on(Tree.NodeExpanded, "#archive-tree")
    def _year_opened(self, event: Tree.NodeExpanded[Any]) -> None:
        node = event.node
        if isinstance(node.data, queries.YearCount) and not node.children:
            for meeting in queries.archive_meetings(self.conn, node.data.body, node.data.year):
                kind = t(f"tui.archive_kind.{meeting.document_kind}")
                label = t("tui.archive_tree_meeting", date=day_of(meeting.starts_at), kind=kind,
                          items=meeting.items)  # fmt: skip
                node.add_leaf(label, data=meeting)

    @on(Tree.NodeHighlighted, "#archive-tree")
    def _meeting_highlighted(self, event: Tree.NodeHighlighted[Any]) -> None:
        meeting = event.node.data
        if isinstance(meeting, queries.MeetingEntry):
            items = queries.archive_items(self.conn, meeting.meeting_id)
            self._show_rows(items, "browse")
            self._summary = t_count("tui.archive_meeting_items", len(items),
                                    date=day_of(meeting.starts_at))  # fmt: skip
            self._status(self._summary)

    @on(Tree.NodeSelected, "#archive-tree")
    def _meeting_selected(self, event: Tree.NodeSelected[Any]) -> None:
        meeting = event.node.data
        if isinstance(meeting, queries.MeetingEntry):
            self._open(meeting.meeting_id, None)

    # -- search ------------------------------------------------------------------------------

    @on(Input.Submitted, "#archive-query, #archive-from, #archive-to")
    def _submitted(self, _: Input.Submitted) -> None:
        self.run_search(self.query_one("#archive-query", Input).value)

    @on(Select.Changed, "#archive-body")
    def _body_changed(self, _: Select.Changed) -> None:
        query = self.query_one("#archive-query", Input).value
        if query.strip():
            self.run_search(query)

    def run_search(self, query: str) -> None:
        if not query.strip():
            # Dates or a committee with no words: the search needs words ("Ingen fund" said
            # nothing of why, and of the meetings in those dates).
            self._status(t("tui.archive_need_words"))
            return
        body = self.query_one("#archive-body", Select).value
        try:
            from meetingtui.queries import search

            results = search(
                self.conn,
                query,
                marks=SNIPPET_MARKS,
                body=body if isinstance(body, str) else None,
                date_from=self.query_one("#archive-from", Input).value.strip() or None,
                date_to=self.query_one("#archive-to", Input).value.strip() or None,
            )
        except MeetingError as exc:
            self._status("⚠ " + exc.message)
            return
        except (ImportError, sqlite3.Error) as exc:
            self._status("⚠ " + t("tui.archive_unavailable", problem=str(exc)))
            return
        hits = results.hits
        self._show_rows(hits, "search")
        found = t("tui.archive_hits", count=len(hits)) if hits else t("tui.archive_no_hits")
        self._summary = " ".join([found, *results.notices()])
        self._status(self._summary)
        if hits:
            self.query_one("#hits", DataTable).focus()

    def _show_rows(self, rows: list[Any], mode: str) -> None:
        self._rows = rows
        table = self.query_one("#hits", DataTable)
        if self._mode != mode:
            self._mode = mode
            self._set_columns()
            self.query_one("#archive-tree", Tree).display = mode == "browse"
        table.clear()
        for n, row in enumerate(rows):
            title = f"{t('case.closed')}: {row.title}" if row.closed else row.title
            item = Text(f"{row.number}. {title}", overflow="ellipsis", no_wrap=True)
            if mode == "search":
                cells = [day_of(row.date), Text(row.body, overflow="ellipsis", no_wrap=True), item,
                         marked(row.snippet)]  # fmt: skip
            else:
                decision = " ".join(row.snippet.split())
                cells = [item, Text(decision, overflow="ellipsis", no_wrap=True)]
            table.add_row(*cells, key=str(n))
        self.query_one("#archive-detail", Static).display = False

    @on(DataTable.RowHighlighted, "#hits")
    def _row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        row = self._selected()
        if row is not None and row.case_number:
            case = t(
                "tui.archive_row_case",
                case=row.case_number,
                history=self.key_for("case_history"),
                open=self.key_for("open"),
            )
            self._status(f"{self._summary} {case}".strip())

    def _selected(self) -> Any:
        table = self.query_one("#hits", DataTable)
        if not self._rows or table.row_count == 0:
            return None
        return self._rows[min(max(table.cursor_row, 0), len(self._rows) - 1)]

    def action_search(self) -> None:
        self.query_one("#archive-query", Input).focus()

    def action_filter(self) -> None:
        self.query_one("#archive-body", Select).focus()

    def action_browse(self) -> None:
        tree = self.query_one("#archive-tree", Tree)
        if not tree.display:
            self._show_rows([], "browse")
            self._status(t("tui.archive_hint"))
        tree.focus()

    def action_case_history(self) -> None:
        row = self._selected()
        if row is None:
            return
        if not row.case_number:
            self.notify(t("tui.archive_no_case"))
            return
        detail = self.query_one("#archive-detail", Static)
        detail.update(case_history_text(self.conn, row.case_number))
        detail.display = True

    @on(DataTable.RowSelected, "#hits")
    def _row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        tree = self.query_one("#archive-tree", Tree)
        if tree.has_focus and tree.cursor_node is not None:
            if isinstance(tree.cursor_node.data, queries.MeetingEntry):
                self._open(tree.cursor_node.data.meeting_id, None)
            return
        row = self._selected()
        if row is not None:
            self._open(row.meeting_id, row.item_id)

    def _open(self, meeting_id: int, item_id: int | None) -> None:
        from meetingtui.screens.archived_meeting import ArchivedMeetingScreen

        # Archived meetings are read, not run: a reading view, nothing in it changes the record.
        self.app.push_screen(ArchivedMeetingScreen(meeting_id, item_id))

    def action_back(self) -> None:
        self.dismiss()

    # -- import ------------------------------------------------------------------------------

    def action_import(self) -> None:
        def start(values: list[str] | None) -> None:
            if not values:
                return
            from meetingtui.archive_walk import typed_paths

            paths = typed_paths(values[0])
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
        lines += [f"{Path(f.path).name}: {f.note}" for f in summary.files if f.note]
        lines += [
            f"⚠ {Path(f.path).name}: {f.reason or '; '.join(f.warnings)}"
            for f in summary.files
            if f.reason or f.warnings
        ]
        self.post_message(ImportDone("\n".join(lines), summary.ok))

    @on(ImportProgress)
    def _progress(self, message: ImportProgress) -> None:
        self._status(t("tui.archive_importing", done=message.done, total=message.total))

    @on(ImportDone)
    def _done(self, message: ImportDone) -> None:
        self._load_browse()
        mark = "✔ " if message.ok else "⚠ "
        self._status(mark + t("tui.archive_imported", summary=message.summary))
        query = self.query_one("#archive-query", Input).value
        if query.strip():
            self.run_search(query)

    @on(ImportFailed)
    def _failed(self, message: ImportFailed) -> None:
        self._status("⚠ " + t("tui.archive_import_failed", problem=message.problem))
