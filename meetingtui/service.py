"""The command API: one method per action, used by the TUI, the CLI and the tests alike.

Every command validates against the committed record, then appends its event and updates the
state tables in ONE transaction, and returns only after the commit is durable. A refused
command raises `CommandRefused` and changes nothing; a command that breaks a rule the chair
may overrule raises `ConfirmationRequired` until it is repeated with `confirm=True`.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from meetingtui import reducer, rules, speakers, undo
from meetingtui.agenda_commands import AgendaCommands
from meetingtui.clock import Clock, local_now
from meetingtui.command_base import (
    CHECKPOINT_EVENTS,
    REINDEX_EVENTS,
    TEXT_LIMIT,
    CommandBase,
    Outcome,
    index_meeting,
    rules_text,
)
from meetingtui.errors import CommandRefused, StorageError
from meetingtui.item_join import join_item
from meetingtui.meeting_store import create_meeting, import_meeting
from meetingtui.models import (
    AbsenceKind,
    Attendance,
    DissentKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    Participant,
    clean_text,
)
from meetingtui.storage import events, records
from meetingtui.storage.db import checkpoint, connect, open_for_reading, transaction
from meetingtui.storage.faults import follow_stopped
from meetingtui.storage.lock import WriterLock
from meetingtui.time_commands import TimeCommands
from meetingtui.undo import UndoStep
from meetingtui.verify import checked_meeting
from meetingtui.vote_commands import VoteCommands
from meetingtui.writer import acquire_writer_lock

# Still importable from here, where callers have always found them.
__all__ = [
    "CHECKPOINT_EVENTS",
    "REINDEX_EVENTS",
    "TEXT_LIMIT",
    "MeetingService",
    "Outcome",
    "create_meeting",
    "import_meeting",
    "join_item",
    "rules_text",
]


# --- one open meeting -------------------------------------------------------------------------


class MeetingService(AgendaCommands, VoteCommands, TimeCommands, CommandBase):
    """The live record of one meeting and every command that changes it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        meeting: Meeting,
        *,
        readonly: bool,
        lock: WriterLock | None,
        clock: Clock,
    ) -> None:
        self.conn = conn
        self.meeting = meeting
        self.readonly = readonly
        self._lock = lock
        self._clock = clock
        self._resume_clock()
        self._closed = False
        self._data_version = self._current_data_version()

    @classmethod
    def open(
        cls,
        db_path: Path | str,
        meeting_id: int,
        *,
        readonly: bool = False,
        clock: Clock = local_now,
    ) -> MeetingService:
        db_path = Path(db_path)
        # A follower reads what it can (a read-only file or drive included).
        conn = open_for_reading(db_path) if readonly else connect(db_path)
        try:
            meeting = checked_meeting(conn, meeting_id)[0]
            lock = None if readonly else acquire_writer_lock(conn, db_path, meeting_id)
        except BaseException:
            conn.close()
            raise
        return cls(conn, meeting, readonly=readonly, lock=lock, clock=clock)

    @classmethod
    def attach(
        cls,
        conn: sqlite3.Connection,
        meeting_id: int,
        *,
        readonly: bool,
        lock: WriterLock | None,
        clock: Clock = local_now,
    ) -> MeetingService:
        """The service over a connection (and the meeting's lock) opened by the caller; `close`
        releases both, and so does a record that fails to load."""
        try:
            meeting = checked_meeting(conn, meeting_id)[0]
        except BaseException:
            conn.close()
            if lock is not None:
                lock.close()
            raise
        return cls(conn, meeting, readonly=readonly, lock=lock, clock=clock)

    def close(self) -> None:
        try:
            if not self.readonly and not self._closed:
                checkpoint(self.conn)  # the .db file alone holds every commit from here on
        finally:
            self._closed = True
            self.conn.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> MeetingService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> bool:
        """Reload when another connection committed since we last looked (one moment: never a
        state that did not exist). StorageError `storage.follow_stopped` when the database
        cannot be read any more (damaged or replaced underneath)."""
        try:
            version = self._current_data_version()
            if version == self._data_version:
                return False
            meeting = records.load_meeting(self.conn, self._meeting_id)
        except (sqlite3.Error, StorageError) as exc:
            raise follow_stopped(exc, self.conn) from exc
        self._data_version = version
        opened = (self.meeting.opened_at, len(self.meeting.reopenings))
        self.meeting = meeting
        if opened != (meeting.opened_at, len(meeting.reopenings)):
            self._resume_clock()  # the writer opened or reopened the meeting
        else:
            self._follow_newest()
        return True

    # -- commands ----------------------------------------------------------------------------

    def open_meeting(self) -> Outcome:
        if self.meeting.status is MeetingStatus.OPEN:
            raise CommandRefused("refuse.meeting_already_open")
        self._require_live(planned_ok=True)
        # A meeting without voting members opens (the roll call may be fixed), but says so.
        return self._commit("meeting_opened", {}, warnings=rules.membership_warnings(self.meeting))

    def set_attendance(self, participant_id: int, attendance: Attendance | str) -> Outcome:
        self._require_live(planned_ok=True)
        person = self._person(participant_id)
        value = self._choice(Attendance, attendance, "attendance")
        if person.movements:
            # Arrivals and departures already tell where the member is; a new roll-call answer
            # would erase them from the record.
            raise CommandRefused("refuse.attendance_after_movement", name=person.name)
        if value is not Attendance.PRESENT and (
            item := rules.took_part_in(self.meeting, person.id)
        ):
            # "Afbud" for a member who voted under item 1 would make the record say both.
            raise CommandRefused(
                "refuse.attendance_after_taking_part", name=person.name, number=item.number
            )
        return self._commit(
            "attendance_set", {"participant_id": person.id, "attendance": value.value}
        )

    def check_seat_free(self, for_participant_id: int) -> Participant:
        """The member whose seat a substitute may take now; refused, as seating one would be,
        when the member is present, holds no vote of their own, or the seat is taken. Writes
        nothing: the roll call asks before it offers names to pick from."""
        self._require_live(planned_ok=True)
        seat_holder = self._person(for_participant_id)
        if seat_holder.is_present_now:
            raise CommandRefused("refuse.substitute_for_present", name=seat_holder.name)
        if not seat_holder.votes or seat_holder.substitute_for is not None:
            raise CommandRefused("refuse.substitute_for_non_member", name=seat_holder.name)
        if any(
            p.substitute_for == seat_holder.id and p.is_present_now
            for p in self.meeting.participants
        ):
            raise CommandRefused("refuse.seat_already_taken", name=seat_holder.name)
        return seat_holder

    def seat_substitute(self, name: str, affiliation: str, for_participant_id: int) -> Outcome:
        seat_holder = self.check_seat_free(for_participant_id)
        new_id = self.meeting.next_id("participant")
        payload = {
            "participant_id": new_id,
            "name": self._text(name),
            "affiliation": self._text(affiliation, allow_empty=True) or seat_holder.affiliation,
            "for": seat_holder.id,
        }
        return self._commit("substitute_seated", payload, created_id=new_id)

    def arrive(self, participant_id: int) -> Outcome:
        self._require_live(planned_ok=True)
        person = self._person(participant_id)
        if person.is_present_now:
            raise CommandRefused("refuse.already_present", name=person.name)
        # One truth for every screen and export: a member who arrives took part in the meeting,
        # whatever the roll call said; the movement says when.
        payload = {
            "participant_id": person.id,
            "item_id": self._current_item_id(),
            "attendance": Attendance.PRESENT.value,
        }
        return self._commit("arrived", payload)

    def leave(self, participant_id: int) -> Outcome:
        self._require_live(planned_ok=True)
        person = self._person(participant_id)
        if not person.is_present_now:
            raise CommandRefused("refuse.not_present", name=person.name)
        outcome = self._commit(
            "left", {"participant_id": person.id, "item_id": self._current_item_id()}
        )
        # Say at once when this departure costs the quorum.
        return Outcome(outcome.seq, rules.quorum_warnings(self.meeting, self.meeting.current_item))

    def record_decision(self, item_id: int, text: str, *, confirm: bool = False) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        if item.status is ItemStatus.WITHDRAWN:
            raise CommandRefused("refuse.agenda_item_withdrawn", number=item.number)
        decision = self._text(text)
        if any(v.is_open for v in item.votes):
            raise CommandRefused("refuse.vote_open")
        if any(e.is_open for e in item.elections):
            raise CommandRefused("refuse.election_open")
        warnings = rules.quorum_warnings(self.meeting, item)
        warnings += rules.decision_vote_warnings(item, decision)
        warnings += rules.decision_election_warnings(item, decision)
        warnings = self._confirm(warnings, confirm)
        payload = {"item_id": item.id, "text": decision, "stamped": True}
        return self._commit("decision_recorded", payload, warnings=warnings)

    def set_public_decision(self, item_id: int, text: str) -> Outcome:
        """The decision of a closed item as the public may read it ("Udvalget godkendte
        salget."), printed under "Lukket punkt" in the public referat; empty withdraws it.
        Allowed until the minutes are approved: releasing it is decided after the meeting."""
        if self.meeting.status is MeetingStatus.APPROVED:
            raise CommandRefused("refuse.meeting_closed", status=self.meeting.status.value)
        item = self._item(item_id)
        if not item.closed:
            raise CommandRefused("refuse.item_not_closed", number=item.number)
        payload = {"item_id": item.id, "text": self._text(text, allow_empty=True)}
        return self._commit("public_decision_set", payload)

    def add_dissent(
        self,
        item_id: int,
        participant_id: int | None,
        text: str,
        *,
        kind: DissentKind | str = DissentKind.PROTOKOLTILFOERSEL,
        who: str | None = None,
    ) -> Outcome:
        """A protokoltilførsel, mindretalsudtalelse or forbehold, by a member or a party."""
        self._require_live()
        item = self._item(item_id)
        dissent_kind = self._choice(DissentKind, kind, "kind")
        person = self._person(participant_id) if participant_id is not None else None
        label = self._text(who) if who else (person.label if person else "")
        if not label:
            raise CommandRefused("refuse.unknown_member", ref="-")
        warnings = rules.dissent_warnings(self.meeting, item, participant_id, dissent_kind.value)
        dissent_id = self.meeting.next_id("dissent")
        payload = {
            "item_id": item.id,
            "dissent_id": dissent_id,
            "kind": dissent_kind.value,
            "participant_id": participant_id,
            "who": label,
            "text": self._text(text),
        }
        return self._commit("dissent_added", payload, warnings=warnings, created_id=dissent_id)

    def _set_absence(
        self, item_id: int, participant_id: int, kind: AbsenceKind, reason: str
    ) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        person = self._person(participant_id)
        current = item.absence_of(person.id)
        if current is not None and current.kind is kind:
            raise CommandRefused("refuse.already_absent", name=person.name)
        payload = {
            "item_id": item.id,
            "participant_id": person.id,
            "kind": kind.value,
            "reason": self._line(reason, allow_empty=True),
        }
        outcome = self._commit("item_absence_set", payload)
        return Outcome(outcome.seq, rules.quorum_warnings(self.meeting, item))

    def declare_inhabil(self, item_id: int, participant_id: int, reason: str = "") -> Outcome:
        """Inhabilitet: the member takes no part in the item, its debate, vote or quorum."""
        return self._set_absence(item_id, participant_id, AbsenceKind.INHABIL, reason)

    def mark_item_absent(self, item_id: int, participant_id: int, reason: str = "") -> Outcome:
        return self._set_absence(item_id, participant_id, AbsenceKind.ABSENT, reason)

    def clear_item_absence(self, item_id: int, participant_id: int) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        person = self._person(participant_id)
        if item.absence_of(person.id) is None:
            raise CommandRefused("refuse.not_item_absent", name=person.name)
        return self._commit(
            "item_absence_cleared", {"item_id": item.id, "participant_id": person.id}
        )

    # -- the speakers' list (its order and rules live in speakers.py) -------------------------

    def add_speaker(
        self,
        item_id: int,
        participant_id: int,
        *,
        reply: bool = False,
        limit_seconds: int | None = None,
    ) -> Outcome:
        """Put a member on the item's speakers' list; a replik goes right after the speaker."""
        self._require_live()
        item = self._item(item_id)
        type_, payload = speakers.add(
            self.meeting, item, participant_id, reply=reply, limit_seconds=limit_seconds
        )
        return self._commit(type_, payload, created_id=payload["speaker_id"])

    def next_speaker(self, item_id: int) -> Outcome:
        """The floor to the next one waiting (the one speaking stops)."""
        self._require_live()
        return self._commit(*speakers.next_up(self.meeting, self._item(item_id)))

    def start_speaker(self, item_id: int, speaker_id: int) -> Outcome:
        self._require_live()
        return self._commit(*speakers.start(self.meeting, self._item(item_id), speaker_id))

    def stop_speaker(self, item_id: int) -> Outcome:
        self._require_live()
        return self._commit(*speakers.stop(self._item(item_id)))

    def remove_speaker(self, item_id: int, speaker_id: int) -> Outcome:
        self._require_live()
        return self._commit(*speakers.remove(self._item(item_id), speaker_id))

    def set_speaking_limits(
        self, item_id: int, *, speaker_seconds: int | None, debate_seconds: int | None
    ) -> Outcome:
        """Time per speaker and for the whole debate of the item (None: no limit)."""
        self._require_live()
        item = self._item(item_id)
        return self._commit(*speakers.set_limits(item, speaker_seconds, debate_seconds))

    def close_meeting(self) -> Outcome:
        self._require_live()
        if any(v.is_open for item in self.meeting.items for v in item.votes):
            raise CommandRefused("refuse.vote_open")
        if any(e.is_open for item in self.meeting.items for e in item.elections):
            raise CommandRefused("refuse.election_open")
        return self._commit("meeting_closed", {})

    def reopen_meeting(self, reason: str) -> Outcome:
        """Open a closed meeting, or approved minutes, again: a deliberate act with a reason,
        logged, never an undo. Every referat exported before it is superseded."""
        status = self.meeting.status
        if status not in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            raise CommandRefused("refuse.reopen_not_closed")
        if not clean_text(reason).strip():
            raise CommandRefused("refuse.reopen_reason")
        payload = {
            "reason": self._text(reason),
            "from": status.value,
            "superseded_head": events.chain_head(self.conn, self._meeting_id),
            # The meeting's own clock goes on from where the meeting ended.
            "resumes_at": _iso(self.meeting.closed_at),
            # The item under way at the close is under way again (reducer._resume_item).
            "resumes_item": True,
        }
        return self._commit("meeting_reopened", payload)

    def approve_minutes(self) -> Outcome:
        if self.meeting.status is not MeetingStatus.CLOSED:
            raise CommandRefused("refuse.meeting_not_closed")
        return self._commit("minutes_approved", {})

    def undo_step(self) -> UndoStep:
        """What Ctrl+Z would cancel, in words; refused when there is nothing it may cancel.

        Undo never crosses the end of the meeting: once it is closed or its minutes approved,
        only `reopen_meeting` (with a reason) opens it again.
        """
        if self.readonly:
            raise CommandRefused("refuse.readonly")
        live = reducer.effective(self._history())
        if len(live) <= 1:
            raise CommandRefused("refuse.nothing_to_undo")
        seq, type_, payload, _ = live[-1]
        if type_ in undo.BOUNDARIES:
            raise CommandRefused(f"refuse.undo_{type_}")
        return undo.UndoStep(
            seq, type_, undo.describe(self.meeting, type_, payload), type_ in undo.SMALL
        )

    def undo(self, expected: int | None = None) -> Outcome:
        """Cancel the newest action that still counts; the log keeps both it and the undo.

        `expected` is the event the secretary was told about (`undo_step().seq`): if something
        else came in since, nothing is undone.
        """
        step = self.undo_step()
        if expected is not None and step.seq != expected:
            raise CommandRefused("refuse.undo_changed")
        history = self._history()
        wall = self._clock()
        at = self._record_clock.stamp(reducer.UNDO_EVENT, wall)
        with transaction(self.conn):
            seq, _ = events.append(
                self.conn, self._meeting_id, reducer.UNDO_EVENT, at.isoformat(), {"seq": step.seq}
            )
            history.append((seq, reducer.UNDO_EVENT, {"seq": step.seq}, at))
            rebuilt = reducer.replay(history)
            records.write_full(
                self.conn,
                rebuilt,
                content_hash=records.content_hash_of(self.conn, self._meeting_id),
            )
            index_meeting(self.conn, self._meeting_id)
        self.meeting = rebuilt
        if step.type == "meeting_opened":
            self._resume_clock()  # not open any more: back to the planned start
        else:
            self._record_clock.follow(reducer.UNDO_EVENT, {}, at, wall)
        self._data_version = self._current_data_version()
        return Outcome(seq=seq)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
