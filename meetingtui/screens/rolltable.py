"""A fast roll of rows for the vote screen: one cached line per row, redrawn one row at a time.

DataTable re-renders every visible cell after any change; at 55 members that alone costs more
than a frame. Here a ballot redraws the one row it changed, so a key stays within a frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

Cell = str | Text
Column = tuple[str, int]  # label and width in cells


def row_text(cells: Sequence[Cell], columns: Sequence[Column]) -> Text:
    """Cells cut or padded to their column widths, one space apart."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for n, (cell, (_, width)) in enumerate(zip(cells, columns, strict=False)):
        text = cell if isinstance(cell, Text) else Text(cell)
        text = text.copy()
        text.truncate(width, overflow="ellipsis", pad=True)
        line.append_text(text)
        if n + 1 < len(columns):
            line.append(" ")
    return line


def _cut(label: str, width: int) -> str:
    text = Text(label)
    text.truncate(width, overflow="ellipsis")
    return text.plain


def _initials(label: str, width: int) -> str:
    """Every word but the last as its initial: "Kommunal medarbejder" -> "K. medarbejder"."""
    words = label.split()
    return " ".join([*(w[0] + "." for w in words[:-1]), *words[-1:]])


def _end(label: str, width: int) -> str:
    """The label's end, after "…": "…leder"."""
    return "…" + label[-(width - 1) :] if 1 < width < len(label) else label


def shortened(labels: Sequence[str], width: int) -> dict[str, str]:
    """How each label reads in `width` cells: cut with "…", except that labels cut to the same
    text are told apart: "Kommunal leder" and "Kommunal medarbejder" in seven cells are "K. led…"
    and "K. med…", not "Kommun…" twice; failing that, by their ends ("…leder")."""
    shown = {label: _cut(label, width) for label in dict.fromkeys(labels)}
    alike: dict[str, list[str]] = {}
    for label, text in shown.items():
        alike.setdefault(text, []).append(label)
    for same in alike.values():
        if len(same) < 2:
            continue
        for form in (_initials, _end):
            tried = {label: _cut(form(label, width), width) for label in same}
            if len(set(tried.values())) == len(same):
                shown.update(tried)
                break
    return shown


def column_labels(
    rows: Sequence[Sequence[Cell]], columns: Sequence[Column]
) -> list[dict[str, str]]:
    """Per column, how each plain label in it reads: shortened so different ones stay apart."""
    found: list[dict[str, str]] = []
    for n, (_, width) in enumerate(columns):
        labels = [cells[n] for cells in rows if n < len(cells)]
        found.append(shortened([label for label in labels if isinstance(label, str)], width))
    return found


def _shown(cells: Sequence[Cell], labels: Sequence[dict[str, str]]) -> list[Cell]:
    return [
        labels[n].get(cell, cell) if isinstance(cell, str) and n < len(labels) else cell
        for n, cell in enumerate(cells)
    ]


def header_text(columns: Sequence[Column]) -> Text:
    return row_text([Text(label, style="bold") for label, _ in columns], columns)


# The first column (a name) gives way down to this many cells before any other is cut.
MIN_FIRST = 6


def next_missing(missing: Sequence[int], row: int, rows: int) -> int:
    """Where the cursor goes next in a roll call, a vote or an election: the first row after
    `row` still without an answer, else the first one above it; when every answer is in, the
    row after `row` (at most the last of `rows`). The next key never lands on an answer given."""
    after = [n for n in missing if n > row]
    if after:
        return after[0]
    if missing:
        return missing[0]
    return max(0, min(row + 1, rows - 1))


def fitted(columns: Sequence[Column], width: int) -> list[Column]:
    """The columns narrowed to `width` cells: the first one (the name) shrinks, so the
    figures and the choice after it stay in sight in a narrow terminal (80 columns)."""
    total = sum(w for _, w in columns) + max(0, len(columns) - 1)
    if width <= 0 or total <= width or not columns:
        return list(columns)
    label, first = columns[0]
    return [(label, max(MIN_FIRST, first - (total - width))), *columns[1:]]


class RollTable(ScrollView, can_focus=True):
    """Rows with a cursor; up/down/home/end/page keys and the mouse move it."""

    BINDINGS: ClassVar = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "cursor(-10)", show=False),
        Binding("pagedown", "cursor(10)", show=False),
        Binding("home", "cursor(-100000)", show=False),
        Binding("end", "cursor(100000)", show=False),
    ]
    COMPONENT_CLASSES: ClassVar = {"rolltable--cursor"}
    DEFAULT_CSS = """
    RollTable { height: 1fr; }
    RollTable > .rolltable--cursor { text-style: bold reverse; }
    RollTable:focus > .rolltable--cursor { background: $primary; color: $background; }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        def __init__(self, table: RollTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

    def __init__(
        self, columns: Sequence[Column], *, header: Static | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.declared = list(columns)  # as asked; `columns` is what fits the width now
        self.columns = list(columns)
        self.header = header  # the column labels above the table, fitted with it
        self.keys: list[str] = []
        self._cells: list[Sequence[Cell]] = []
        self._labels: list[dict[str, str]] = []  # per column: a label as it reads, shortened
        self._rows: list[Text] = []
        self._strips: dict[tuple[int, bool, int], Strip] = {}

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def _render_rows(self) -> None:
        self._labels = column_labels(self._cells, self.columns)
        self._rows = [row_text(_shown(cells, self._labels), self.columns) for cells in self._cells]

    def plain_rows(self) -> list[str]:
        """The rows as they read on screen, without styles."""
        return [row.plain for row in self._rows]

    def set_rows(self, keys: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        self.keys = list(keys)
        self._cells = list(rows)
        self._render_rows()
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.cursor_row = min(self.cursor_row, max(0, len(self._rows) - 1))
        self.refresh()

    def update_row(self, key: str, cells: Sequence[Cell]) -> None:
        row = self.keys.index(key)
        labels_changed = [c for c in cells if isinstance(c, str)] != [
            c for c in self._cells[row] if isinstance(c, str)
        ]
        self._cells[row] = cells
        if labels_changed:
            # A label that changed may now be cut like another one's: every row again.
            self._render_rows()
            self._strips.clear()
            self.refresh()
            return
        text = row_text(_shown(cells, self._labels), self.columns)
        if text == self._rows[row]:
            return
        self._rows[row] = text
        self._strips = {k: v for k, v in self._strips.items() if k[0] != row}
        self.refresh_line(row)

    def move_cursor(self, row: int) -> None:
        if self._rows:
            self.cursor_row = min(max(row, 0), len(self._rows) - 1)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        # Keep the cursor in view: the rows a scrollbar leaves in sight, not the widget's height
        # (at 60×20 a horizontal scrollbar covered the row the cursor went to).
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.post_message(self.Highlighted(self, new))

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self._rows):
            self.focus()
            self.move_cursor(row)

    def on_resize(self) -> None:
        columns = fitted(self.declared, self.size.width)
        if columns != self.columns:
            self.columns = columns
            self._render_rows()
        if self.header is not None:
            self.header.update(header_text(self.columns))
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.size.width
        base = self.rich_style
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, base)
        is_cursor = row == self.cursor_row
        key = (row, is_cursor, width)
        strip = self._strips.get(key)
        if strip is None:
            style = base
            if is_cursor:
                style = base + self.get_component_rich_style("rolltable--cursor")
            segments = list(self._rows[row].render(self.app.console))
            segments = [s for s in segments if s.text != "\n"]
            strip = Strip(Segment.apply_style(segments, style)).crop_extend(0, width, style)
            self._strips[key] = strip
        return strip
