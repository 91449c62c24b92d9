"""The app's hold on one meeting: opening it (for writing under the writer lock, or following
it read-only), the record the screens draw, following a writer, and letting it go.

A planned meeting's roll call is drawn first from a glance at its tables; its record (and
pydantic) loads right after that first frame, so nothing on this path imports them at start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from meetingtui.errors import MeetingError, StorageError
from meetingtui.i18n import t
from meetingtui.screens.base import KeymapScreen
from meetingtui.vocabulary import MeetingStatus

if TYPE_CHECKING:
    import sqlite3

    from meetingtui.glance import Glance
    from meetingtui.models import Meeting
    from meetingtui.screens.dialogs import ConfirmDialog
    from meetingtui.service import MeetingService
    from meetingtui.storage.lock import WriterLock

# Opening for writing failed, but following read-only can work: offer it.
_READ_ONLY_INSTEAD = (
    "storage.locked",
    "storage.locked_named",
    "storage.readonly_file",
    "storage.readonly_folder",
    "storage.readonly_media",
)


@dataclass
class _Opening:
    """A meeting being opened: its connection and lock, held until its record has loaded."""

    conn: sqlite3.Connection
    meeting_id: int
    lock: WriterLock | None

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.close()


class MeetingHold(App[None]):
    """Opens a meeting and holds it; `MeetingApp` runs the commands and the keys on top."""

    def __init__(self, db_path: Path, *, readonly: bool, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.db_path = db_path
        self.readonly = readonly
        self.clock = clock
        self._service: MeetingService | None = None  # imported lazily: startup stays fast
        # A planned meeting's roll call is first drawn from a glance at its tables; the record
        # loads right after that first frame (or as soon as anything asks for the service).
        self._glance: Glance | None = None
        self._opening: _Opening | None = None
        self._follow_stopped = False  # a follower whose database can no longer be read

    # -- opening -----------------------------------------------------------------------------

    def show_start(self) -> None:
        from meetingtui.screens.start import StartScreen

        self.push_screen(StartScreen())

    def open_meeting(self, meeting_id: int, *, readonly: bool = False) -> bool:
        """Open a meeting and show it where it stands (resume after a crash included)."""
        from meetingtui.queries import glance, meeting_exists
        from meetingtui.storage.db import connect, open_for_reading, snapshot
        from meetingtui.writer import LOCKED, acquire_writer_lock

        lock = None
        try:
            # A follower reads what it can (a read-only file or drive included).
            conn = open_for_reading(self.db_path) if readonly else connect(self.db_path)
            try:
                # No such meeting: say so before taking a lock (which leaves a lock file).
                if not meeting_exists(conn, meeting_id):
                    raise StorageError("storage.no_meeting", meeting_id=meeting_id)
                lock = None if readonly else acquire_writer_lock(conn, self.db_path, meeting_id)
                # Read under the lock: a writer that just left may have moved the meeting on.
                with snapshot(conn):
                    first_look = glance(conn, meeting_id)
            except BaseException:
                if lock is not None:
                    lock.close()
                conn.close()
                raise
        except StorageError as exc:
            refused = exc
            if exc.key in _READ_ONLY_INSTEAD and not readonly:

                def follow_instead(ok: bool | None) -> None:
                    if ok:
                        self.open_meeting(meeting_id, readonly=True)
                    elif len(self.screen_stack) <= 1:
                        # Opened from the command line: the meetings, never a blank screen.
                        self.show_start()
                        title = t("frame.not_opened_title")
                        self.notify(refused.message, title=title, timeout=15)

                question = t("tui.open_readonly_question")
                in_use = exc.key in LOCKED
                title = t("frame.in_use_title") if in_use else t("frame.cannot_write_title")
                dialog = self.confirm_dialog([exc.message], question, warn=False, title=title)
                self.push_screen(dialog, follow_instead)
            else:
                self._open_failed(exc)
            return False
        self.close_service()
        self.readonly = readonly
        self._follow_stopped = False
        self._opening = _Opening(conn, meeting_id, lock)
        if first_look.status is MeetingStatus.PLANNED and not readonly:
            from meetingtui.screens.rollcall import RollCallScreen

            # The roll call comes first; the meeting screen is built when it is left.
            self._glance = first_look
            self.push_screen(RollCallScreen())
            self.call_after_refresh(self._finish_opening)
            return True
        if not self._finish_opening():
            return False
        self._show_meeting()
        return True

    def _finish_opening(self) -> bool:
        """Load the record of the meeting being opened; False (and a message) if it cannot."""
        opening, self._opening = self._opening, None
        if opening is None:
            return self._service is not None
        from meetingtui.service import MeetingService

        try:
            self._service = MeetingService.attach(
                opening.conn,
                opening.meeting_id,
                readonly=self.readonly,
                lock=opening.lock,
                clock=self.clock,
            )
        except MeetingError as exc:
            # attach() closed the connection and the lock.
            self._glance = None
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self._open_failed(exc)
            return False
        if self._glance is not None:
            self._glance = None
            self.refresh_views()
        return True

    def _open_failed(self, exc: MeetingError) -> None:
        self.notify(exc.message, title=t("tui.error_title"), severity="error")
        if len(self.screen_stack) <= 1:
            self.show_start()

    @property
    def service(self) -> MeetingService | None:
        """The open meeting's MeetingService (None when no meeting is open)."""
        if self._opening is not None:
            self._finish_opening()
        return self._service

    @property
    def meeting_shown(self) -> Meeting | Glance | None:
        """What the screens draw: the record, the glance while the record loads, or None
        once the meeting is closed (a screen may still redraw while it is taken down)."""
        if self._glance is not None:
            return self._glance
        service = self.service
        return service.meeting if service is not None else None

    @property
    def has_meeting(self) -> bool:
        """A meeting is open (its record loaded, or loading): commands can run."""
        return self._service is not None or self._opening is not None

    @property
    def meeting_is_open(self) -> bool:
        """A meeting is on screen, from its record or from a glance; never loads anything."""
        return self._glance is not None or self.has_meeting

    def _show_meeting(self) -> None:
        # Screens are imported as they are needed: the first frame comes sooner.
        service = self.service
        if service is None:
            return
        meeting = service.meeting
        from meetingtui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen())
        # Resume where the secretary was: an open vote or election on the current item.
        self._show_open_poll(meeting)

    def _show_open_poll(self, meeting: Meeting) -> None:
        current = meeting.current_item
        if current is None or meeting.status is not MeetingStatus.OPEN:
            return
        open_vote = next((v for v in current.votes if v.is_open), None)
        open_election = next((e for e in current.elections if e.is_open), None)
        if open_vote is not None:
            from meetingtui.screens.vote import VoteScreen

            self.push_screen(VoteScreen(open_vote.id))
        elif open_election is not None:
            from meetingtui.screens.election import ElectionScreen

            self.push_screen(ElectionScreen(open_election.id))

    def close_service(self) -> None:
        self._glance = None
        if self._opening is not None:
            self._opening.close()
            self._opening = None
        if self._service is not None:
            self._service.close()
            self._service = None

    def on_unmount(self) -> None:
        self.close_service()

    # -- what every screen uses --------------------------------------------------------------

    def confirm_dialog(
        self,
        warnings: list[str],
        question: str = "",
        *,
        warn: bool = True,
        title: str = "",
        unrecorded: bool = False,
    ) -> ConfirmDialog:
        """The yes/no dialog every confirmation uses: the warnings, then the question (a
        screen pushes it with a callback that receives True, False or None)."""
        from meetingtui.screens.dialogs import ConfirmDialog

        keymap = getattr(self, "keymap", None)  # MeetingApp's, with the user's keys
        return ConfirmDialog(
            warnings, question, warn=warn, title=title, keymap=keymap, unrecorded=unrecorded
        )

    def refresh_views(self) -> None:
        """Redraw the visible screen now; the ones below redraw when they come back."""
        for screen in self.screen_stack:
            if isinstance(screen, KeymapScreen):
                # A screen pushed but not yet composed draws itself when it mounts.
                on_top = screen is self.screen
                if on_top and screen.is_mounted:
                    screen.refresh_view()
                else:
                    screen.stale = True

    # -- following a writer ------------------------------------------------------------------

    def _follow(self) -> None:
        """A read-only follower reloads when the writer committed something."""
        if not self.is_running:
            return
        service = self._service
        if service is None or not service.readonly or self._follow_stopped:
            return
        try:
            changed = service.refresh()
        except StorageError as exc:
            # The database went bad underneath: say so once and stop following it.
            self._follow_stopped = True
            self.notify(exc.message, title=t("tui.error_title"), severity="error", timeout=30)
            return
        if changed:
            self.refresh_views()
            self._follow_vote()

    def _follow_vote(self) -> None:
        """On a projector the follower shows a vote or an election while the writer holds it
        open; each screen goes back to the item when it closes."""
        from meetingtui.screens.meeting import MeetingScreen

        service = self.service
        if service is not None and isinstance(self.screen, MeetingScreen):
            self._show_open_poll(service.meeting)
