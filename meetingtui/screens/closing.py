"""Closing: a summary of decisions and open points, closing the meeting, approval and export.

Exporting runs in a thread worker that reports back with typed messages, so a slow .docx
never freezes the screen; the exporters are imported only when an export is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static

from meetingtui.errors import MeetingError
from meetingtui.exporters import FORMATS, LANGUAGE_NEUTRAL, default_filename
from meetingtui.i18n import t
from meetingtui.models import ItemStatus, Meeting, MeetingStatus
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.dialogs import FormDialog, PickDialog
from meetingtui.screens.item_text import status_words
from meetingtui.screens.widgets import KeyBar, StatusBar


def open_points(meeting: Meeting) -> list[str]:
    """What is still unsettled: items without a decision, votes and elections left open."""
    points = []
    for item in meeting.items:
        if item.status in (ItemStatus.PENDING, ItemStatus.CURRENT):
            points.append(t("tui.open_point_item", number=item.number, title=item.title))
        elif item.status is ItemStatus.POSTPONED:
            points.append(t("tui.open_point_postponed", number=item.number, title=item.title))
        for vote in item.votes:
            if vote.is_open:
                points.append(t("tui.open_point_vote", number=item.number))
        for election in item.elections:
            if election.is_open:
                points.append(
                    t("tui.open_point_election", number=item.number, office=election.office)
                )
    return points


class ExportDone(Message):
    def __init__(self, path: Path, size: int, chain_head: str) -> None:
        super().__init__()
        self.path = path
        self.size = size
        self.chain_head = chain_head  # the record the file shows


class ExportFailed(Message):
    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


@dataclass(frozen=True)
class ExportJob:
    meeting: Meeting
    fmt: str
    public: bool
    chain_head: str
    target: Path
    language: str = "da"  # the referat's, not the screens'


class ClosingScreen(KeymapScreen):
    SCOPE = "closing"
    CHANGES: ClassVar = frozenset(
        {"close_meeting", "approve", "reopen", "public_decision", "send", "correct_times"}
    )

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(t("tui.closing_title"), classes="title")
        yield DataTable(id="summary", cursor_type="row")
        yield Static(id="open-points", classes="warning")
        yield Static(id="export-status")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#summary", DataTable)
        for key, width in (("nr", 4), ("item", 36), ("status", 12), ("decision", 38)):
            table.add_column(t(f"tui.closing_col.{key}"), key=key, width=width)
        self.refresh_view()
        table.focus()

    def refresh_view(self) -> None:
        meeting = self.meeting
        self.tick()
        table = self.query_one("#summary", DataTable)
        table.clear()
        for item in meeting.items:
            decision = item.decision or item.postponed_reason
            for vote in item.votes:
                if vote.result is not None and vote.counts is not None:
                    decision += " " + t(
                        "tui.vote_short",
                        f=vote.counts.for_,
                        i=vote.counts.against,
                        u=vote.counts.abstain,
                        result=t("tui.result." + vote.result.value),
                    )
            table.add_row(
                item.number,
                Text(item.title, overflow="ellipsis"),
                status_words(item),
                Text(decision.strip(), overflow="ellipsis"),
                key=str(item.id),
            )
        points = open_points(meeting)
        widget = self.query_one("#open-points", Static)
        if points:
            widget.update(
                "⚠ " + t("tui.open_points_title") + "\n" + "\n".join("• " + p for p in points)
            )
        else:
            widget.update("✔ " + t("tui.no_open_points"))
        widget.set_class(not points, "-ok")
        self._show_export_status()
        self.refresh_bindings()

    def _show_export_status(self) -> None:
        """The last export, and whether the record has changed since it was written."""
        exported = getattr(self, "_exported", None)
        if exported is None:
            return
        path, head = exported
        from meetingtui.queries import chain_head

        widget = self.query_one("#export-status", Static)
        if chain_head(self.service.conn, self.meeting.id) == head:
            widget.update("✔ " + t("tui.exported_current", path=str(path)))
        else:
            widget.update("⚠ " + t("tui.exported_stale", path=str(path)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        status = self.meeting.status
        if action == "close_meeting" and status is not MeetingStatus.OPEN:
            return None
        if action == "approve" and status is not MeetingStatus.CLOSED:
            return None
        if action == "correct_times" and status is MeetingStatus.APPROVED:
            return None
        if action == "reopen" and status not in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            return None
        if action == "send" and status not in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            return None
        if action == "public_decision" and (
            status is MeetingStatus.APPROVED or not any(i.closed for i in self.meeting.items)
        ):
            return None
        return True

    def why_off(self, action: str) -> str | None:
        status = self.meeting.status
        planned, is_open = status is MeetingStatus.PLANNED, status is MeetingStatus.OPEN
        approved = status is MeetingStatus.APPROVED
        close = self.key_for("close_meeting")
        reasons: dict[str, str] = {
            "close_meeting": "keyoff.close_planned" if planned else "keyoff.already_closed",
            "approve": (
                "keyoff.approve_planned"
                if planned
                else "keyoff.approve_open"
                if is_open
                else "keyoff.already_approved"
            ),
            "correct_times": "keyoff.times_approved",
            "reopen": "keyoff.reopen_not_closed",
            "send": "keyoff.send_not_closed",
            "public_decision": (
                "keyoff.public_decision_approved" if approved else "keyoff.no_closed_items"
            ),
        }
        return t(reasons[action], close=close) if action in reasons else None

    def action_close_meeting(self) -> None:
        """Closing is final (only a reopening with a reason undoes it): always asked first,
        with any open points shown as warnings."""
        points = open_points(self.meeting)
        question = t("tui.close_anyway") if points else t("tui.close_question")
        self.app.push_screen(
            self.meeting_app.confirm_dialog(points, question, warn=bool(points)),
            lambda ok: self.meeting_app.run_command(self.service.close_meeting) if ok else None,
        )

    def action_correct_times(self) -> None:
        """The meeting's start and end, corrected while the referat is finished."""
        from meetingtui.screens.time_dialog import correct_times, meeting_times

        correct_times(self.meeting_app, meeting_times(self.meeting, None))

    def action_reopen(self, typed: str = "") -> None:
        """A closed meeting or approved minutes opened again, with the reason for the log; a
        refused reason comes back as typed."""

        def reopen(values: list[str] | None) -> None:
            if values is not None and (
                self.meeting_app.run_command(self.service.reopen_meeting, values[0]) is None
            ):
                self.action_reopen(values[0])

        self.app.push_screen(
            FormDialog(
                t("tui.reopen_title"),
                [(t("tui.reopen_reason"), typed)],
                note=t("tui.reopen_note"),
                notes=[0],
            ),
            reopen,
        )

    def action_public_decision(self) -> None:
        """The decision text of the selected closed item that the public referat may print."""
        table = self.query_one("#summary", DataTable)
        items = self.meeting.items
        item = items[min(max(table.cursor_row, 0), len(items) - 1)] if items else None
        if item is None or not item.closed:
            self.notify(t("tui.public_decision_not_closed"), severity="warning")
            return

        def entered(values: list[str] | None) -> None:
            if values is None:
                return
            run = self.meeting_app.run_command
            if run(self.service.set_public_decision, item.id, values[0]) is None:
                ask(values[0])  # refused: the text comes back as typed

        def ask(text: str) -> None:
            self.app.push_screen(
                FormDialog(
                    t("tui.public_decision_title", number=item.number),
                    [(t("tui.public_decision_label"), text)],
                    note=t("tui.public_decision_note"),
                ),
                entered,
            )

        ask(item.public_decision)

    def action_send(self) -> None:
        from meetingtui.screens.send import pick_and_send

        pick_and_send(self.meeting_app, self.meeting)

    def action_approve(self) -> None:
        dialog = self.meeting_app.confirm_dialog([], t("tui.approve_question"), warn=False)
        self.app.push_screen(
            dialog,
            lambda ok: self.meeting_app.run_command(self.service.approve_minutes) if ok else None,
        )

    def action_back(self) -> None:
        self.dismiss()

    # -- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        options: list[tuple[object, str]] = []
        for fmt in FORMATS:
            options.append(((fmt, True), t("tui.export_public", fmt=fmt)))
            options.append(((fmt, False), t("tui.export_internal", fmt=fmt)))

        def chosen(choice: object) -> None:
            if choice is None:
                return
            fmt, public = cast(tuple[str, bool], choice)
            if fmt in LANGUAGE_NEUTRAL:
                ask_where(fmt, public, "da")
                return
            # The referat is Danish whatever the screens speak; English only when picked.
            languages: list[tuple[object, str]] = [
                ("da", t("tui.export_in_danish")),
                ("en", t("tui.export_in_english")),
            ]
            self.app.push_screen(
                PickDialog(t("tui.export_language_title"), languages),
                lambda language: None if language is None else ask_where(fmt, public, language),
            )

        def ask_where(fmt: str, public: bool, language: object) -> None:
            language = str(language)
            name = default_filename(self.meeting, fmt, public=public, language=language)

            def where(values: list[str] | None) -> None:
                if values and values[0].strip():
                    target = Path(values[0].strip()).expanduser().resolve()
                    self._start_export(fmt, public, target, language)

            self.app.push_screen(
                FormDialog(t("tui.export_title"), [(t("tui.export_path"), name)]), where
            )

        self.app.push_screen(PickDialog(t("tui.export_title"), options), chosen)

    def _start_export(self, fmt: str, public: bool, target: Path, language: str = "da") -> None:
        from meetingtui.queries import chain_head

        meeting = self.meeting
        assert meeting.id is not None
        # The chain head is read here: the connection belongs to this thread.
        head = chain_head(self.service.conn, meeting.id)
        job = ExportJob(meeting.model_copy(deep=True), fmt, public, head, target, language)
        self._exported: tuple[Path, str] | None = None
        self.query_one("#export-status", Static).update(t("tui.exporting", path=str(target)))
        self._export(job)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, job: ExportJob) -> None:
        try:
            from meetingtui.exporters import export, write_atomically
            from meetingtui.exporters.formulas import formula_for, load_formulas

            data = export(
                job.meeting,
                job.fmt,
                public=job.public,
                chain_head=job.chain_head,
                decision_formula=formula_for(load_formulas(), job.meeting.body),
                toc_pages=True,  # Word shows the contents' page numbers (LibreOffice lays out)
                language=job.language,
            )
            write_atomically(data, job.target)
        except MeetingError as exc:
            self.post_message(ExportFailed(exc.message))
            return
        except Exception as exc:  # a failed export is reported; it must not end the meeting app
            self.post_message(ExportFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(ExportDone(job.target, len(data), job.chain_head))

    @on(ExportDone)
    def _export_done(self, message: ExportDone) -> None:
        text = t("tui.exported", path=str(message.path), size=message.size)
        self.query_one("#export-status", Static).update("✔ " + text)
        self.notify(text)
        self._exported = (message.path, message.chain_head)

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        text = t("tui.export_failed", problem=message.problem)
        self.query_one("#export-status", Static).update("⚠ " + text)
        self.notify(text, severity="error")
