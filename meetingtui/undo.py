"""What Ctrl+Z would take back, said in words before it happens, and where undo stops.

Undo cancels the newest event that still counts. Small entries (one roll-call answer, one ballot,
moving to the next item) are undone at once and named afterwards; anything larger is named first
and waits for a yes. Undo never crosses the end of the meeting: closing, approving and reopening
are deliberate acts with their own command (reopening asks for a reason and is logged).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from meetingtui.i18n import t
from meetingtui.models import Meeting
from meetingtui.vocabulary import Choice

# One key's worth of record: undone at once, and named afterwards.
SMALL = frozenset(
    {
        "attendance_set",
        "ballots_cast",
        "ballot_changed",
        "election_ballot_cast",
        "item_started",
        "arrived",
        "left",
    }
)
# The meeting's end and its approval are not undone: `reopen_meeting` takes a reason instead.
BOUNDARIES = frozenset({"meeting_closed", "minutes_approved", "meeting_reopened"})


@dataclass(frozen=True)
class UndoStep:
    """The event Ctrl+Z would cancel, and what it means for the secretary."""

    seq: int
    type: str
    description: str
    small: bool


def _name(meeting: Meeting, participant_id: object) -> str:
    person = meeting.participant(participant_id) if isinstance(participant_id, int) else None
    return person.name if person is not None else "?"


def _item(meeting: Meeting, item_id: object) -> str:
    item = meeting.item(item_id) if isinstance(item_id, int) else None
    return item.number if item is not None else "?"


# The speakers' list's entries, named by the speaker: "at Mette Lund fik ordet på pkt. 1".
SPEAKER_EVENTS = frozenset(
    {"speaker_added", "speaker_started", "speaker_stopped", "speaker_removed"}
)


def _speaker(meeting: Meeting, item_id: object, speaker_id: object) -> str:
    item = meeting.item(item_id) if isinstance(item_id, int) else None
    found = [s for s in item.speakers if s.id == speaker_id] if item is not None else []
    return found[0].name if found else "?"


def _choice(value: object) -> str:
    # Events keep the words they were written with: an older "imod" reads as "against".
    return t(f"ballot.{Choice(value).value}") if isinstance(value, str) else "?"


def describe(meeting: Meeting, type_: str, payload: dict[str, Any]) -> str:
    """The event in words ("beslutningen på pkt. 2: »Godkendt.«"); `meeting` names the people
    and items it refers to."""
    p = payload
    if type_ == "ballots_cast":
        ballots = p.get("ballots", [])
        if len(ballots) == 1:
            b = ballots[0]
            return t(
                "undo.ballot", name=_name(meeting, b["participant_id"]), choice=_choice(b["choice"])
            )
        return t("undo.ballots", count=len(ballots), choice=_choice(ballots[0]["choice"]))
    if type_ == "ballot_changed":
        changes = ", ".join(
            t(
                "confirm.ballot_change",
                name=_name(meeting, c["participant_id"]),
                old=_choice(c["from"]),
                new=_choice(c["to"]),
            )
            for c in p.get("changes", [])
        )
        return t("undo.ballot_changed", changes=changes)
    if type_ == "decision_recorded":
        return t("undo.decision", number=_item(meeting, p.get("item_id")), text=p.get("text", ""))
    if type_ in ("attendance_set", "arrived", "left"):
        return t(
            f"undo.{type_}",
            name=_name(meeting, p.get("participant_id")),
            attendance=t(f"tui.attendance.{p.get('attendance', 'unknown')}"),
        )
    if type_ in ("item_started", "item_postponed", "vote_opened", "vote_closed"):
        return t(f"undo.{type_}", number=_item(meeting, p.get("item_id", _vote_item(meeting, p))))
    if type_ in ("election_opened", "election_held", "election_closed", "election_ballot_cast"):
        office = p.get("office", "")
        election_id = p.get("election_id")
        found = meeting.find_election(election_id) if isinstance(election_id, int) else None
        if found is not None:
            office = found[1].office
        return t(f"undo.{type_}", name=_name(meeting, p.get("voter_id")), office=office)
    if type_ == "times_corrected":
        from meetingtui.corrections import describe as corrected

        return t("undo.times_corrected", changes=corrected(meeting, p))
    if type_ in ("item_added", "item_withdrawn", "item_moved"):
        number = p.get("number") or _item(meeting, p.get("item_id"))
        return t(f"undo.{type_}", number=number, before=_item(meeting, p.get("before_item_id")))
    if type_ == "substitute_seated":
        return t("undo.substitute_seated", who=p.get("name", ""))
    if type_ in ("item_absence_set", "item_absence_cleared"):
        return t(
            f"undo.{type_}",
            name=_name(meeting, p.get("participant_id")),
            number=_item(meeting, p.get("item_id")),
        )
    if type_ in SPEAKER_EVENTS:
        return t(
            f"undo.{type_}",
            name=p.get("name") or _speaker(meeting, p.get("item_id"), p.get("speaker_id")),
            number=_item(meeting, p.get("item_id")),
        )
    key = f"undo.{type_}"
    try:
        return t(key, number=_item(meeting, p.get("item_id")), who=p.get("who", ""))
    except KeyError:
        return t("undo.other", type=type_)


def _vote_item(meeting: Meeting, payload: dict[str, Any]) -> int | None:
    vote_id = payload.get("vote_id")
    found = meeting.find_vote(vote_id) if isinstance(vote_id, int) else None
    return found[0].id if found is not None else None
