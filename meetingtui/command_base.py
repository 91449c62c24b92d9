"""The command API's common ground: the committed `Outcome`, and the plumbing every command
shares (validate against the committed record, then one event and its state in one transaction).

`MeetingService` (service.py) is made of this base and of the command groups that build on it
(votes and elections in vote_commands.py, time corrections in corrections.py, agenda changes in
agenda_changes.py), so each group stays a module with one job.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from meetingtui import reducer, rules
from meetingtui.clock import Clock
from meetingtui.errors import CommandRefused, ConfirmationRequired, RuleWarning
from meetingtui.meetingclock import RecordClock
from meetingtui.models import (
    AgendaItem,
    Choice,
    Meeting,
    MeetingStatus,
    Participant,
    Vote,
    clean_text,
)
from meetingtui.storage import events, records
from meetingtui.storage.db import checkpoint, transaction
from meetingtui.storage.lock import WriterLock

E = TypeVar("E", bound=Enum)
TEXT_LIMIT = 20_000
# The archive's search index follows a live meeting when it closes, not on every keystroke,
# so the hot path stays cheap.
REINDEX_EVENTS = ("meeting_closed", "minutes_approved")
# After these the WAL is copied into the database file, so a copy of the .db alone is whole.
CHECKPOINT_EVENTS = ("meeting_closed", "minutes_approved")
# They start the meeting's clock: the wall clock on the meeting's date, its own clock otherwise.
OPENING_EVENTS = ("meeting_opened", "meeting_reopened")


@dataclass(frozen=True)
class Outcome:
    """A committed command: its event number, rule warnings to show, and any new id."""

    seq: int
    warnings: list[RuleWarning] = field(default_factory=list)
    created_id: int | None = None


def index_meeting(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Keep the archive's full-text index in step, in the same transaction."""
    from meetingtui.storage import search_index

    search_index.index_meeting(conn, meeting_id)


class CommandBase:
    """What every command of one open meeting relies on."""

    conn: sqlite3.Connection
    meeting: Meeting
    readonly: bool
    _lock: WriterLock | None
    _clock: Clock
    _record_clock: RecordClock
    _data_version: int

    def _current_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    @property
    def _meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    # -- plumbing ----------------------------------------------------------------------------

    def _commit(
        self,
        type_: str,
        payload: dict[str, Any],
        *,
        warnings: list[RuleWarning] | None = None,
        created_id: int | None = None,
    ) -> Outcome:
        if self.readonly:
            raise CommandRefused("refuse.readonly")
        wall = self._clock()
        at = self._record_clock.stamp(type_, wall)
        if type_ in OPENING_EVENTS:
            payload = {**payload, **self._record_clock.opening_payload(wall)}
        try:
            with transaction(self.conn):
                seq, _ = events.append(self.conn, self._meeting_id, type_, at.isoformat(), payload)
                touched = reducer.apply(self.meeting, type_, payload, at)
                records.write_touched(self.conn, self.meeting, touched)
                if type_ in REINDEX_EVENTS:
                    index_meeting(self.conn, self._meeting_id)
        except BaseException:
            # The in-memory record may hold the uncommitted change: take the committed one back.
            with contextlib.suppress(sqlite3.Error):
                self.meeting = records.load_meeting(self.conn, self._meeting_id)
            raise
        self._record_clock.follow(type_, payload, at, wall)
        if type_ in CHECKPOINT_EVENTS:
            checkpoint(self.conn)
        self._data_version = self._current_data_version()
        return Outcome(seq=seq, warnings=warnings or [], created_id=created_id)

    def now(self) -> datetime:
        """The meeting's time now, as the next entry would be stamped (the screens' clocks)."""
        return self._record_clock.now()

    def _resume_clock(self) -> None:
        """The meeting's clock as its committed history leaves it."""
        self._record_clock = RecordClock(self._clock, self.meeting.starts_at)
        if self.meeting.opened_at is not None or self.meeting.reopenings:
            history = reducer.effective(self._history())
            self._record_clock.resume((type_, payload, at) for _, type_, payload, at in history)

    def _follow_newest(self) -> None:
        """A follower's clock goes on from the writer's newest entry, read just after its
        commit: that stamp is the meeting's time now, as the writer's own clock takes it at each
        commit. Without it a meeting on its own clock ran behind on the projector by as long as
        the writer had been idle when the projector started, for the whole meeting."""
        newest = events.newest_event(self.conn, self._meeting_id)
        if newest is not None:
            self._record_clock.follow(
                newest.type, newest.payload, datetime.fromisoformat(newest.at), self._clock()
            )

    def _require_live(self, *, planned_ok: bool = False) -> None:
        status = self.meeting.status
        if status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            raise CommandRefused("refuse.meeting_closed", status=status.value)
        if status is MeetingStatus.PLANNED and not planned_ok:
            raise CommandRefused("refuse.meeting_not_open", status=status.value)

    def _person(self, participant_id: int) -> Participant:
        person = self.meeting.participant(participant_id)
        if person is None:
            raise CommandRefused("refuse.unknown_member", ref=participant_id)
        return person

    def _item(self, item_id: int) -> AgendaItem:
        item = self.meeting.item(item_id)
        if item is None:
            raise CommandRefused("refuse.unknown_item", ref=item_id)
        return item

    def _vote(self, vote_id: int) -> tuple[AgendaItem, Vote]:
        found = self.meeting.find_vote(vote_id)
        if found is None:
            raise CommandRefused("refuse.unknown_vote", ref=vote_id)
        return found

    @staticmethod
    def _text(value: str, *, allow_empty: bool = False) -> str:
        text = clean_text(value).strip()
        if not text and not allow_empty:
            raise CommandRefused("refuse.empty_text")
        if len(text) > TEXT_LIMIT:
            raise CommandRefused("refuse.text_too_long", length=len(text), limit=TEXT_LIMIT)
        return text

    @classmethod
    def _line(cls, value: str, *, allow_empty: bool = False) -> str:
        """A text the referat writes inside a sentence (a reason in brackets or after a colon),
        on one line: a reason pasted broken over lines broke the sentence in the referat."""
        return " ".join(cls._text(value, allow_empty=allow_empty).split())

    @staticmethod
    def _choice(enum: type[E], value: object, field: str) -> E:
        """A value of `enum`, or a refusal naming the field (never a ValueError trace)."""
        try:
            return enum(value)
        except ValueError:
            raise CommandRefused("refuse.invalid_value", field=field, problem=value) from None

    def _confirm(self, warnings: list[RuleWarning], confirm: bool) -> list[RuleWarning]:
        if warnings and not confirm:
            raise ConfirmationRequired(warnings)
        return warnings

    def _current_item_id(self) -> int | None:
        return self.meeting.current_item_id

    # -- rules for display -------------------------------------------------------------------

    def quorum(self, item: AgendaItem | None = None) -> rules.Quorum:
        return rules.quorum(self.meeting, item or rules.item_under_way(self.meeting))

    def eligible_voters(self, item: AgendaItem | None = None) -> list[Participant]:
        return rules.eligible_voters(self.meeting, item or self.meeting.current_item)

    def _history(self) -> list[tuple[int, str, dict[str, Any], datetime]]:
        return [
            (e.seq, e.type, e.payload, datetime.fromisoformat(e.at))
            for e in events.meeting_events(self.conn, self._meeting_id)
        ]


def word(choice: Choice) -> str:
    from meetingtui.i18n import t

    return t(f"ballot.{choice.value}")


def rules_text(key: str) -> str:
    from meetingtui.i18n import t

    return t(key)
