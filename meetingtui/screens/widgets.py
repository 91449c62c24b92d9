"""Small widgets shown on several screens: the meeting status bar with clock and quorum."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

from meetingtui import rules
from meetingtui.i18n import t
from meetingtui.i18n.dates import clock, short_datetime
from meetingtui.screens.base import bindings_of

if TYPE_CHECKING:
    from meetingtui.glance import Glance, GlanceItem
    from meetingtui.models import AgendaItem, Meeting


def cut(text: str, width: int | None) -> str:
    """`text` in at most `width` cells, ending in "…" when cut: a table cell that is cut without
    it reads as a different word ("Ældreråd" for "Ældrerådet")."""
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


def same_zone(moment: datetime, now: datetime) -> datetime:
    """Make `moment` comparable with `now` (stored stamps may be aware, the clock naive)."""
    if (moment.tzinfo is None) == (now.tzinfo is None):
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=now.tzinfo)
    return moment.astimezone(now.tzinfo).replace(tzinfo=None) if now.tzinfo is None else moment


def duration(start: datetime | None, end: datetime | None, now: datetime) -> str:
    """ "h:mm" between two stamps (or until now); empty when it never started."""
    if start is None:
        return ""
    stop = same_zone(end, now) if end is not None else now
    seconds = max(0, int((stop - same_zone(start, now)).total_seconds()))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def time_on_item(meeting: Meeting | Glance, item: AgendaItem | GlanceItem, now: datetime) -> str:
    """ "h:mm" the item has been under treatment, every stretch together (an item taken up
    again does not count the items dealt with in between); until now while under way."""
    sessions = getattr(meeting, "item_sessions", None)
    if not sessions or not hasattr(meeting, "sessions_of"):
        end = item.ended_at if item.status.value != "current" else None
        return duration(item.started_at, end, now)
    seconds = 0
    for session in meeting.sessions_of(item):  # type: ignore[arg-type]
        stop = same_zone(session.ended_at, now) if session.ended_at is not None else now
        seconds += max(0, int((stop - same_zone(session.started_at, now)).total_seconds()))
    if not seconds and item.started_at is None:
        return ""
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def update_if_changed(widget: Static, content: Text, *, layout: bool = True) -> None:
    """Skip redraws that change nothing; a layout pass over a big table costs a frame."""
    if widget.content == content:
        return
    widget.update(content, layout=layout)


def item_label(item: AgendaItem | GlanceItem) -> str:
    prefix = t("tui.closed_prefix") + " " if item.closed else ""
    return f"{item.number}. {prefix}{item.title}"


def quorum_text(
    meeting: Meeting | Glance, item: AgendaItem | GlanceItem | None
) -> tuple[Text, bool]:
    """The quorum line in words and symbol, never colour alone (projectors wash colours out)."""
    status = rules.quorum(meeting, item)
    params = {"present": status.present, "seats": status.seats, "needed": status.needed}
    if status.met:
        return Text("✔ " + t("tui.quorum_ok") + "\n" + t("tui.quorum_figures", **params)), True
    figures = t("tui.quorum_no_members") if status.seats == 0 else t("tui.quorum_figures", **params)
    return Text("⚠ " + t("tui.quorum_lost") + "\n" + figures), False


_LEAST_OF_NAME = 8  # characters of the body worth keeping before the date gives way


class _StatusInfo(Static):
    """The status bar's text, told when its width changes (the quorum beside it grows too)."""

    def on_resize(self) -> None:
        parent = self.parent
        if isinstance(parent, StatusBar):
            parent.refit()


class StatusBar(Horizontal):
    """Body, date, clock, current item and quorum: always on screen during a meeting."""

    DEFAULT_CSS = """
    StatusBar { height: auto; }
    """

    def __init__(self) -> None:
        super().__init__()
        # Held directly, not queried: the clock may tick before the children are mounted.
        self._info = _StatusInfo(id="status-info")
        self._quorum = Static(id="status-quorum")
        self._last: tuple[Meeting | Glance, datetime, bool] | None = None

    def refit(self) -> None:
        # The first line is fitted to the box's width: fit it again when the width changes.
        if self._last is not None:
            self.show(*self._last)

    def compose(self) -> ComposeResult:
        yield self._info
        yield self._quorum

    def show(self, meeting: Meeting | Glance, now: datetime, readonly: bool) -> None:
        self._last = (meeting, now, readonly)
        info = Text()
        info.append(meeting.body, style="bold")
        if meeting.title:
            info.append(" · " + meeting.title)
        when = " · " + short_datetime(meeting.starts_at)
        # The body and title give way ("…") before the meeting's date and time are cut: beside
        # the quorum an 80-column terminal leaves some 45 characters.
        room = self._info.content_size.width - cell_len(when)
        if room >= _LEAST_OF_NAME and info.cell_len > room:
            info.truncate(room, overflow="ellipsis")
        info.append(when + "\n")
        info.append(t(f"status.{meeting.status.value}").upper(), style="bold")
        if meeting.opened_at is not None:
            end = meeting.closed_at
            info.append(
                " · " + t("tui.meeting_clock", elapsed=duration(meeting.opened_at, end, now))
            )
        info.append(" · " + t("tui.clock", time=clock(now)), style="bold")
        if readonly:
            info.append("  ")
            info.append(" " + t("tui.readonly_badge") + " ", style="reverse bold")
        info.append("\n")
        current = meeting.current_item
        if meeting.closed_at is not None:
            # The item under way at the close ended with the meeting: nothing is under way now.
            info.append(t("tui.meeting_ended_at", time=clock(meeting.closed_at)), style="italic")
        elif current is None:
            info.append(t("tui.no_current_item"), style="italic")
        else:
            info.append(t("tui.current_item_label") + " ", style="bold reverse")
            info.append(" " + item_label(current), style="bold")
            used = time_on_item(meeting, current, now)
            if used:
                info.append("  (" + used + ")")
        # The info box has a fixed size: no layout pass needed when its text changes.
        update_if_changed(self._info, info, layout=False)
        text, met = quorum_text(meeting, rules.item_under_way(meeting))
        quorum = self._quorum
        update_if_changed(quorum, text)
        quorum.set_class(met, "-met")
        quorum.set_class(not met, "-lost")


class KeyBar(Static):
    """The screen's keys, wrapped over as many lines as needed (Textual's Footer cuts off).

    Each key is clickable, so the mouse reaches every action too; disabled keys are dimmed.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 5;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        app = self.app
        entries: list[tuple[bool, str, str, str, bool]] = []
        seen: set[str] = set()
        # The screen's and the app's own bindings, not the focused widget's view of them: a
        # table's hidden Enter binding must not hide the screen's "Enter opens" from the bar.
        for node, namespace in ((screen, "screen"), (app, "app")):
            for binding in bindings_of(node):
                if not binding.show or binding.action in seen or not binding.description:
                    continue
                seen.add(binding.action)
                name = binding.action.split("(", 1)[0]
                enabled = node.check_action(name, ())
                if enabled is False:
                    continue
                entries.append(
                    (
                        namespace == "app",
                        app.get_key_display(binding),
                        binding.description,
                        f"{namespace}.{binding.action}",
                        bool(enabled),
                    )
                )
        # The screen's own keys first, the app-wide ones (help, undo, ...) after.
        entries.sort(key=lambda entry: entry[0])
        self._entries = [
            (key, description, action if enabled else "", enabled)
            for _, key, description, action, enabled in entries
        ]
        self._entries.append(("^p", t("tui.palette"), "app.command_palette", True))
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        """Break lines between entries, never inside one (a key stays with its words)."""
        entries = getattr(self, "_entries", [])
        width = max(20, (self.size.width or self.app.size.width) - 2)
        signature = (width, tuple(entries))
        if signature == getattr(self, "_drawn", None):
            return  # nothing changed: skip the redraw (this runs after every command)
        self._drawn = signature
        parts: list[str | tuple[str, Style]] = []
        used = 0
        key_style = Style(bold=True, reverse=True)
        for key, description, action, enabled in entries:
            size = cell_len(key) + 1 + cell_len(description)
            if used and used + 2 + size > width:
                parts.append("\n")
                used = 0
            elif used:
                parts.append("  ")
                used += 2
            used += size
            click = Style.from_meta({"@click": action}) if action else Style()
            dim = Style() if enabled else Style(dim=True)
            parts.append((key, key_style + click + dim))
            parts.append((" " + description, click + dim))
        self.update(Content.assemble(*parts))
