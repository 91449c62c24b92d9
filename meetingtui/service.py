"""The command API: one method per action, used by the TUI, the CLI and the tests alike.

Every command validates against the committed record, then appends its event and updates the
state tables in ONE transaction, and returns only after the commit is durable. A refused
command raises `CommandRefused` and changes nothing; a command that breaks a rule the chair
may overrule raises `ConfirmationRequired` until it is repeated with `confirm=True`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from meetingtui import reducer, rules, speakers, undo
from meetingtui.clock import Clock, local_now
from meetingtui.errors import CommandRefused, ConfirmationRequired, RuleWarning, StorageError
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    Choice,
    DissentKind,
    Election,
    Meeting,
    MeetingStatus,
    MotionKind,
    Participant,
    Vote,
    clean_text,
)
from meetingtui.storage import events, records
from meetingtui.storage.db import checkpoint, connect, open_for_reading, transaction
from meetingtui.storage.faults import follow_stopped
from meetingtui.storage.lock import WriterLock, acquire_lock
from meetingtui.undo import UndoStep
from meetingtui.verify import checked_meeting

E = TypeVar("E", bound=Enum)
TEXT_LIMIT = 20_000
# The archive's search index follows a live meeting when it closes, not on every keystroke,
# so the hot path stays cheap.
REINDEX_EVENTS = ("meeting_closed", "minutes_approved")
# After these the WAL is copied into the database file, so a copy of the .db alone is whole.
CHECKPOINT_EVENTS = ("meeting_closed", "minutes_approved")


@dataclass(frozen=True)
class Outcome:
    """A committed command: its event number, rule warnings to show, and any new id."""

    seq: int
    warnings: list[RuleWarning] = field(default_factory=list)
    created_id: int | None = None


# --- meetings as a whole ---------------------------------------------------------------------


def _store_new(
    conn: sqlite3.Connection, meeting: Meeting, type_: str, content_hash: str | None, at: datetime
) -> int:
    with transaction(conn):
        meeting_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings").fetchone()[0]
        meeting.id = meeting_id
        payload: dict[str, Any] = {
            "meeting_id": meeting_id,
            "meeting": meeting.model_dump(mode="json"),
        }
        if content_hash is not None:
            payload["content_hash"] = content_hash
        events.append(conn, meeting_id, type_, at.isoformat(), payload)
        records.write_full(conn, meeting, content_hash=content_hash)
        from meetingtui.storage import search

        # The meeting is new: index it from the model rather than reading the rows back.
        search.index_new_meeting(conn, meeting)
    return meeting_id


def _index(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Keep the archive's full-text index in step, in the same transaction."""
    from meetingtui.storage import search

    search.index_meeting(conn, meeting_id)


def create_meeting(conn: sqlite3.Connection, meeting: Meeting, *, clock: Clock = local_now) -> int:
    """Store a planned meeting (from an agenda file or the demo). Returns its id."""
    meeting = meeting.model_copy(deep=True)
    meeting.status = MeetingStatus.PLANNED
    return _store_new(conn, meeting, "meeting_created", None, clock())


def import_meeting(
    conn: sqlite3.Connection, meeting: Meeting, *, content_hash: str, clock: Clock = local_now
) -> int | None:
    """Store an imported meeting; None when the same content is already in the database."""
    known = conn.execute(
        "SELECT id FROM meetings WHERE content_hash = ?", (content_hash,)
    ).fetchone()
    if known is not None:
        return None
    try:
        # The meeting comes fresh from a parser: no copy, it receives its id in place.
        return _store_new(conn, meeting, "meeting_imported", content_hash, clock())
    except sqlite3.IntegrityError:
        # Imported by another process in the meantime: fine. Anything else (a parser that
        # produced duplicate ids) is a failure to report, never "already present".
        again = conn.execute(
            "SELECT 1 FROM meetings WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if again is None:
            raise
        return None


# --- one open meeting -------------------------------------------------------------------------


class MeetingService:
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
            lock = None if readonly else acquire_lock(db_path, meeting_id)
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

    # -- following another writer ------------------------------------------------------------

    def _current_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

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
        self.meeting = meeting
        return True

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
        at = self._clock()
        try:
            with transaction(self.conn):
                seq, _ = events.append(self.conn, self._meeting_id, type_, at.isoformat(), payload)
                touched = reducer.apply(self.meeting, type_, payload, at)
                records.write_touched(self.conn, self.meeting, touched)
                if type_ in REINDEX_EVENTS:
                    _index(self.conn, self._meeting_id)
        except BaseException:
            # The in-memory record may hold the uncommitted change: take the committed one back.
            with contextlib.suppress(sqlite3.Error):
                self.meeting = records.load_meeting(self.conn, self._meeting_id)
            raise
        if type_ in CHECKPOINT_EVENTS:
            checkpoint(self.conn)
        self._data_version = self._current_data_version()
        return Outcome(seq=seq, warnings=warnings or [], created_id=created_id)

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
        return rules.quorum(self.meeting, item or self.meeting.current_item)

    def eligible_voters(self, item: AgendaItem | None = None) -> list[Participant]:
        return rules.eligible_voters(self.meeting, item or self.meeting.current_item)

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
        return self._commit(
            "attendance_set", {"participant_id": person.id, "attendance": value.value}
        )

    def seat_substitute(self, name: str, affiliation: str, for_participant_id: int) -> Outcome:
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

    def start_item(self, item_id: int) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        warnings = rules.quorum_warnings(self.meeting, item)
        return self._commit("item_started", {"item_id": item.id}, warnings=warnings)

    def record_decision(self, item_id: int, text: str, *, confirm: bool = False) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        decision = self._text(text)
        if any(v.is_open for v in item.votes):
            raise CommandRefused("refuse.vote_open")
        if any(e.is_open for e in item.elections):
            raise CommandRefused("refuse.election_open")
        warnings = self._confirm(rules.quorum_warnings(self.meeting, item), confirm)
        return self._commit(
            "decision_recorded", {"item_id": item.id, "text": decision}, warnings=warnings
        )

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

    def postpone_item(self, item_id: int, reason: str = "", *, confirm: bool = False) -> Outcome:
        """Udsættelse is a decision of the committee: it needs the quorum like any other."""
        self._require_live()
        item = self._item(item_id)
        warnings = self._confirm(rules.quorum_warnings(self.meeting, item), confirm)
        payload = {"item_id": item.id, "reason": self._text(reason, allow_empty=True)}
        return self._commit("item_postponed", payload, warnings=warnings)

    def add_motion(
        self,
        item_id: int,
        text: str,
        *,
        kind: MotionKind | str = MotionKind.INDSTILLING,
        proposer: str = "",
        amends: int | None = None,
    ) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        motion_kind = self._choice(MotionKind, kind, "kind")
        if amends is not None and motion_kind is not MotionKind.AENDRINGSFORSLAG:
            raise CommandRefused("refuse.amends_only_amendment")
        if amends is not None and item.motion(amends) is None:
            raise CommandRefused("refuse.unknown_motion", ref=amends)
        motion_id = self.meeting.next_id("motion")
        if amends == motion_id:
            raise CommandRefused("refuse.amends_itself")
        payload = {
            "item_id": item.id,
            "motion_id": motion_id,
            "kind": motion_kind.value,
            "text": self._text(text),
            "proposer": self._text(proposer, allow_empty=True),
            "amends": amends,
        }
        return self._commit("motion_added", payload, created_id=motion_id)

    def open_vote(
        self,
        item_id: int,
        *,
        motion_id: int | None = None,
        description: str = "",
        confirm: bool = False,
    ) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        if motion_id is not None and item.motion(motion_id) is None:
            raise CommandRefused("refuse.unknown_motion", ref=motion_id)
        if any(v.is_open for v in item.votes):
            raise CommandRefused("refuse.vote_open")
        warnings = self._confirm(
            rules.quorum_warnings(self.meeting, item)
            + rules.amendment_order_warnings(item, motion_id),
            confirm,
        )
        vote_id = self.meeting.next_id("vote")
        payload = {
            "item_id": item.id,
            "vote_id": vote_id,
            "motion_id": motion_id,
            "description": self._text(description, allow_empty=True),
        }
        return self._commit("vote_opened", payload, warnings=warnings, created_id=vote_id)

    def _ballot_item(self, vote_id: int) -> AgendaItem:
        self._require_live()
        item, vote = self._vote(vote_id)
        if not vote.is_open:
            raise CommandRefused("refuse.vote_closed")
        return item

    def cast_ballot(
        self, vote_id: int, participant_id: int, choice: Choice | str, *, confirm: bool = False
    ) -> Outcome:
        """One member's ballot. A ballot already cast is changed only when confirmed: the key
        that casts a new ballot must never overwrite one by accident."""
        item = self._ballot_item(vote_id)
        person = self._person(participant_id)
        reason = rules.ineligibility_reason(self.meeting, item, person)
        if reason is not None:
            raise CommandRefused("refuse.not_eligible", name=person.name, reason=rules_text(reason))
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id: b.choice for b in self._vote(vote_id)[1].ballots}
        if person.id not in cast:
            ballots = [{"participant_id": person.id, "choice": value.value}]
            return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})
        if cast[person.id] is value:
            raise CommandRefused("refuse.ballot_unchanged", name=person.name, choice=_word(value))
        return self._change_ballots(vote_id, [(person, cast[person.id])], value, confirm)

    def cast_party(
        self, vote_id: int, affiliation: str, choice: Choice | str, *, confirm: bool = False
    ) -> Outcome:
        """The eligible members of a party or organisation who have not voted vote the same way.

        Members who already voted keep their ballot; when all of them have, the party's ballots
        are changed only when confirmed.
        """
        item = self._ballot_item(vote_id)
        wanted = affiliation.strip().casefold()
        voters = [
            p
            for p in rules.eligible_voters(self.meeting, item)
            if p.affiliation.casefold() == wanted
        ]
        if not voters:
            raise CommandRefused("refuse.no_party_voters", party=affiliation)
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id: b.choice for b in self._vote(vote_id)[1].ballots}
        missing = [p for p in voters if p.id not in cast]
        if missing:
            ballots = [{"participant_id": p.id, "choice": value.value} for p in missing]
            return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})
        changed = [(p, cast[p.id]) for p in voters if cast[p.id] is not value]
        if not changed:
            raise CommandRefused("refuse.party_all_voted", party=affiliation, choice=_word(value))
        return self._change_ballots(vote_id, changed, value, confirm)

    def cast_rest(self, vote_id: int, choice: Choice | str) -> Outcome:
        """Everyone who may vote and has not voted yet votes `choice` ("resten stemmer for")."""
        item = self._ballot_item(vote_id)
        value = self._choice(Choice, choice, "choice")
        cast = {b.participant_id for b in self._vote(vote_id)[1].ballots}
        missing = [p for p in rules.eligible_voters(self.meeting, item) if p.id not in cast]
        if not missing:
            raise CommandRefused("refuse.nobody_left_to_vote")
        ballots = [{"participant_id": p.id, "choice": value.value} for p in missing]
        return self._commit("ballots_cast", {"vote_id": vote_id, "ballots": ballots})

    def _change_ballots(
        self,
        vote_id: int,
        changed: list[tuple[Participant, Choice]],
        value: Choice,
        confirm: bool,
    ) -> Outcome:
        """Ballots already cast, changed deliberately: the chair sees "name: old → new" first."""
        warnings = [
            RuleWarning(
                "confirm.ballot_change",
                {"name": p.name, "old": _word(old), "new": _word(value)},
            )
            for p, old in changed
        ]
        if not confirm:
            raise ConfirmationRequired(warnings, question="confirm.ballot_change_question")
        changes = [
            {"participant_id": p.id, "from": old.value, "to": value.value} for p, old in changed
        ]
        return self._commit("ballot_changed", {"vote_id": vote_id, "changes": changes})

    def close_vote(self, vote_id: int, *, confirm: bool = False) -> Outcome:
        item = self._ballot_item(vote_id)
        _, vote = self._vote(vote_id)
        if not vote.ballots:
            raise CommandRefused("refuse.vote_empty")
        # Ballots of members who since left, became inhabil or gave their seat back do not count.
        stale = rules.ineligible_ballots(self.meeting, item, vote)
        warnings = rules.quorum_warnings(self.meeting, item)
        if stale:
            names = ", ".join(b.name for b in stale)
            warnings.append(RuleWarning("warn.ballots_discarded", {"names": names}))
        warnings = self._confirm(warnings, confirm)
        payload = {"vote_id": vote_id, "discarded": [b.participant_id for b in stale]}
        return self._commit("vote_closed", payload, warnings=warnings)

    def _candidates(self, candidates: list[str]) -> list[str]:
        names = [self._text(c) for c in candidates]
        if not names:
            raise CommandRefused("refuse.election_candidates")
        return names

    def _with_tie(self, outcome: Outcome, election_id: int) -> Outcome:
        """A tie elects nobody: the chair hears it with the result."""
        found = self.meeting.find_election(election_id)
        assert found is not None
        tied = found[1].tied
        if not tied:
            return outcome
        tie = RuleWarning("warn.election_tie", {"names": ", ".join(tied)})
        return Outcome(outcome.seq, [*outcome.warnings, tie], outcome.created_id)

    def open_election(
        self, item_id: int, office: str, candidates: list[str], *, confirm: bool = False
    ) -> Outcome:
        """An election by majority among candidates; each ballot is stored as it is cast."""
        self._require_live()
        item = self._item(item_id)
        names = self._candidates(candidates)
        payload, warnings = self._new_election(item, office, names, confirm)
        return self._commit(
            "election_opened", payload, warnings=warnings, created_id=payload["election_id"]
        )

    def _new_election(
        self, item: AgendaItem, office: str, names: list[str], confirm: bool
    ) -> tuple[dict[str, Any], list[RuleWarning]]:
        """The payload that starts an election, once the chair has heard the quorum warnings."""
        if any(e.is_open for e in item.elections):
            raise CommandRefused("refuse.election_open")
        warnings = self._confirm(rules.quorum_warnings(self.meeting, item), confirm)
        payload = {
            "item_id": item.id,
            "election_id": self.meeting.next_id("election"),
            "office": self._text(office),
            "candidates": names,
        }
        return payload, warnings

    def _elector(self, item: AgendaItem, voter_id: int, candidate: str, names: list[str]) -> int:
        """The voter's id, once they may vote on the item and `candidate` stands."""
        person = self._person(voter_id)
        reason = rules.ineligibility_reason(self.meeting, item, person)
        if reason is not None:
            raise CommandRefused("refuse.not_eligible", name=person.name, reason=rules_text(reason))
        if candidate not in names:
            raise CommandRefused("refuse.election_unknown_candidate", candidate=candidate)
        return person.id

    def _open_election(self, election_id: int) -> tuple[AgendaItem, Election]:
        self._require_live()
        found = self.meeting.find_election(election_id)
        if found is None:
            raise CommandRefused("refuse.unknown_election", ref=election_id)
        if not found[1].is_open:
            raise CommandRefused("refuse.election_closed")
        return found

    def cast_election_ballot(self, election_id: int, voter_id: int, candidate: str) -> Outcome:
        """Member `voter_id` names `candidate`; naming another later replaces the ballot."""
        item, election = self._open_election(election_id)
        voter = self._elector(item, voter_id, candidate, election.candidates)
        payload = {"election_id": election_id, "voter_id": voter, "candidate": candidate}
        return self._commit("election_ballot_cast", payload)

    def close_election(self, election_id: int, *, confirm: bool = False) -> Outcome:
        """Count the ballots; a tie is reported and nobody is elected."""
        item, election = self._open_election(election_id)
        if not election.ballots:
            raise CommandRefused("refuse.vote_empty")
        # Ballots of members who since left, became inhabil or gave their seat back do not count.
        stale = rules.no_longer_eligible(self.meeting, item, (b.voter_id for b in election.ballots))
        names = ", ".join(b.voter for b in election.ballots if b.voter_id in stale)
        if len(stale) == len(election.ballots):
            raise CommandRefused("refuse.election_no_valid_ballots", names=names)
        warnings = rules.quorum_warnings(self.meeting, item)
        if stale:
            warnings.append(RuleWarning("warn.ballots_discarded", {"names": names}))
        warnings = self._confirm(warnings, confirm)
        payload = {"election_id": election_id, "discarded": stale}
        outcome = self._commit("election_closed", payload, warnings=warnings)
        return self._with_tie(outcome, election_id)

    def hold_election(
        self,
        item_id: int,
        office: str,
        candidates: list[str],
        ballots: dict[int, str],
        *,
        confirm: bool = False,
    ) -> Outcome:
        """An election taken whole, ballots and all (for scripts); a tie elects nobody."""
        self._require_live()
        item = self._item(item_id)
        names = self._candidates(candidates)
        if not ballots:
            raise CommandRefused("refuse.vote_empty")
        cast = [
            {"voter_id": self._elector(item, voter_id, candidate, names), "candidate": candidate}
            for voter_id, candidate in ballots.items()
        ]
        payload, warnings = self._new_election(item, office, names, confirm)
        payload["ballots"] = cast
        election_id = payload["election_id"]
        outcome = self._commit("election_held", payload, warnings=warnings, created_id=election_id)
        return self._with_tie(outcome, election_id)

    def elect_by_acclamation(
        self, item_id: int, office: str, candidate: str, *, confirm: bool = False
    ) -> Outcome:
        """One candidate, and everyone who may vote agrees: elected unanimously without a ballot
        ("Gert Fabrin blev enstemmigt valgt som næstformand"). Each of them is recorded as
        naming the candidate."""
        self._require_live()
        item = self._item(item_id)
        (name,) = self._candidates([candidate])
        voters = rules.eligible_voters(self.meeting, item)
        if not voters:
            raise CommandRefused("refuse.vote_empty")
        payload, warnings = self._new_election(item, office, [name], confirm)
        payload["ballots"] = [{"voter_id": p.id, "candidate": name} for p in voters]
        payload["acclamation"] = True
        return self._commit(
            "election_held", payload, warnings=warnings, created_id=payload["election_id"]
        )

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
        warnings = rules.dissent_warnings(item, participant_id, dissent_kind.value)
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
            "reason": self._text(reason, allow_empty=True),
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
        }
        return self._commit("meeting_reopened", payload)

    def approve_minutes(self) -> Outcome:
        if self.meeting.status is not MeetingStatus.CLOSED:
            raise CommandRefused("refuse.meeting_not_closed")
        return self._commit("minutes_approved", {})

    def _history(self) -> list[tuple[int, str, dict[str, Any], datetime]]:
        return [
            (e.seq, e.type, e.payload, datetime.fromisoformat(e.at))
            for e in events.meeting_events(self.conn, self._meeting_id)
        ]

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
        at = self._clock()
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
            _index(self.conn, self._meeting_id)
        self.meeting = rebuilt
        self._data_version = self._current_data_version()
        return Outcome(seq=seq)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _word(choice: Choice) -> str:
    from meetingtui.i18n import t

    return t(f"ballot.{choice.value}")


def rules_text(key: str) -> str:
    from meetingtui.i18n import t

    return t(key)
