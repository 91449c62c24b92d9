"""Sending the referat from the closing screen: who gets what, then send, with every answer shown.

The plan is the same as `meetingtui send --dry-run`; sending runs in a thread worker with its
own database connection and reports each recipient back as the server answers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.keymap import DEFAULT_KEYMAP, actions_in, split_keys
from meetingtui.screens.base import add_bindings, build_bindings, key_label
from meetingtui.screens.dialogs import Dialog


class Answered(Message):
    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line


class Finished(Message):
    def __init__(self, summary: str, problem: str, ok: bool) -> None:
        super().__init__()
        self.summary = summary
        self.problem = problem
        self.ok = ok


class SendDialog(Dialog):
    """The plan for one version (public or internal); j sends, r sends to the refused again
    (the keys of the keymap's `send` scope, so a user can move them)."""

    SCOPE = "send"

    def __init__(
        self,
        db_path: Path,
        meeting_id: int,
        config_path: str,
        *,
        internal: bool,
        keymap: dict[str, str] | None = None,
    ) -> None:
        keymap = DEFAULT_KEYMAP if keymap is None else keymap
        keys = actions_in(self.SCOPE, keymap)
        super().__init__(t("mail.tui.confirm_title"), cancel_keys=keys["cancel"])
        # The keys as the footer shows them, for the texts that say which one to press.
        self.key_names = {action: key_label(split_keys(k)[0]) for action, k in keys.items()}
        self.db_path = db_path
        self.meeting_id = meeting_id
        self.config_path = config_path
        self.internal = internal
        self.sending = False
        self.results: list[str] = []
        own = [b for b in build_bindings(self.SCOPE, keymap) if b.action != "cancel"]
        add_bindings(self, own)

    def body(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-text"):
            yield Static(id="send-plan")
        yield Static(id="send-status", classes="question")

    def on_mount(self) -> None:
        self._show_plan()

    def _plan(self, *, retry_failed: bool = False) -> Any:
        from meetingtui.mail.sending import plan_sending
        from meetingtui.storage.db import connect

        conn = connect(self.db_path)
        try:
            return plan_sending(
                conn, self.meeting_id, internal=self.internal, retry_failed=retry_failed
            )
        finally:
            conn.close()

    def _show_plan(self) -> None:
        from meetingtui.mail.report import plan_lines

        try:
            plan = self._plan()
        except (MeetingError, sqlite3.Error) as exc:
            problem = exc.message if isinstance(exc, MeetingError) else str(exc)
            self.query_one("#send-plan", Static).update("⚠ " + problem)
            return
        lines = [*plan_lines(plan, screen=True), "", *self.results]
        self.query_one("#send-plan", Static).update("\n".join(lines))
        keys = self.key_names
        question = (
            t("mail.tui.send_question", send=keys["send"], cancel=keys["cancel"])
            if plan.to_send
            else t("mail.nobody")
        )
        if not self.sending:
            self.query_one("#send-status", Static).update(question)

    def action_send(self) -> None:
        self._start(retry_failed=False)

    def action_retry(self) -> None:
        self._start(retry_failed=True)

    def _start(self, *, retry_failed: bool) -> None:
        if self.sending:
            return
        self.sending = True
        self.query_one("#send-status", Static).update(t("mail.tui.sending"))
        self._send(retry_failed)

    @work(thread=True, exclusive=True, group="send")
    def _send(self, retry_failed: bool) -> None:
        from meetingtui.mail.report import outcome_line, summary
        from meetingtui.mail.sending import plan_sending, send_referat
        from meetingtui.mail.settings import load_smtp_settings
        from meetingtui.storage.db import connect

        try:
            settings = load_smtp_settings(self.config_path or None)
            conn = connect(self.db_path)
            try:
                plan = plan_sending(
                    conn, self.meeting_id, internal=self.internal, retry_failed=retry_failed
                )
                report = send_referat(
                    conn,
                    plan,
                    settings,
                    on_outcome=lambda o: self.post_message(Answered(outcome_line(o))),
                )
            finally:
                conn.close()
        except MeetingError as exc:
            self.post_message(Finished("", exc.message, False))
            return
        except Exception as exc:  # reported on screen; the meeting app must keep running
            self.post_message(Finished("", f"{type(exc).__name__}: {exc}", False))
            return
        retry = t("mail.tui.retry_hint", retry=self.key_names["retry"])
        problem = report.interrupted or ("" if report.ok else retry)
        self.post_message(Finished(summary(report), problem, report.ok))

    @on(Answered)
    def _answered(self, message: Answered) -> None:
        self.results.append(message.line)
        self._show_plan()

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        self.sending = False
        self._show_plan()
        status = self.query_one("#send-status", Static)
        if not message.ok:
            text = " ".join(p for p in (message.summary, message.problem) if p)
            status.update("⚠ " + t("mail.tui.failed", problem=text))
            self.notify(t("mail.tui.failed", problem=text), severity="error", timeout=12)
        else:
            status.update("✔ " + t("mail.tui.done", summary=message.summary))
            self.notify(t("mail.tui.done", summary=message.summary), timeout=8)

    def action_cancel(self) -> None:
        if not self.sending:
            self.dismiss(None)


def pick_and_send(app: Any, meeting: Any) -> None:
    """Ask which version (public to all, internal to members), then show the plan to send."""
    from meetingtui.screens.dialogs import PickDialog

    options: list[tuple[object, str]] = [
        (False, t("mail.tui.public")),
        (True, t("mail.tui.internal")),
    ]

    def chosen(internal: object) -> None:
        if internal is None:
            return
        config = getattr(app.config, "source", "")
        dialog = SendDialog(
            app.db_path, meeting.id, config, internal=bool(internal), keymap=app.keymap
        )
        app.push_screen(dialog)

    app.push_screen(PickDialog(t("mail.tui.pick_title"), options), chosen)
