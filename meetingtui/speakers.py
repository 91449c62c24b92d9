"""The speakers' list (talerliste) of an agenda item: its order, its rules and its clocks.

The chair adds members in order; a replik goes right after the one speaking (after replies
already waiting for that speaker); "next" ends the current speaker and gives the floor to the
first one waiting. An optional time limit per speaker and for the whole debate of the item
counts down while someone speaks.

Pure functions over the record, plus the reducers of the list's events (registered with
`meetingtui.reducer`, so undo, replay and verify treat them like any other event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from meetingtui.errors import CommandRefused
from meetingtui.models import AgendaItem, Meeting, Speaker
from meetingtui.reducer import Payload, Touched, reducer
from meetingtui.vocabulary import AbsenceKind

# The child table a speakers' list is stored in (storage rewrites just that, per item).
TABLE = "speakers"
LIMITS_TABLE = "speaking_limits"
MAX_LIMIT_SECONDS = 4 * 60 * 60


# --- the list's state ---------------------------------------------------------------------------


def speaking(item: AgendaItem) -> Speaker | None:
    return next((s for s in item.speakers if s.started_at and s.ended_at is None), None)


def waiting(item: AgendaItem) -> list[Speaker]:
    return [s for s in item.speakers if s.started_at is None]


def spoken(item: AgendaItem) -> list[Speaker]:
    return [s for s in item.speakers if s.ended_at is not None]


def find(item: AgendaItem, speaker_id: int) -> Speaker | None:
    return next((s for s in item.speakers if s.id == speaker_id), None)


def reply_position(item: AgendaItem) -> int:
    """Where a replik goes: after the one speaking (or who spoke last) and the replies already
    waiting to answer them, before everyone else waiting."""
    position = len(item.speakers) - len(waiting(item))
    while position < len(item.speakers) and item.speakers[position].reply:
        position += 1
    return position


def refusal_to_speak(meeting: Meeting, item: AgendaItem, participant_id: int) -> str | None:
    """Why this participant cannot be put on the list (a catalog key), or None.

    Someone who is inhabil takes no part in the debate (ksl § 14); someone not in the room
    cannot be given the floor.
    """
    person = meeting.participant(participant_id)
    if person is None:
        return "refuse.unknown_member"
    absence = item.absence_of(participant_id)
    if absence is not None and absence.kind is AbsenceKind.INHABIL:
        return "speakers.refuse_inhabil"
    if absence is not None or not person.is_present_now:
        return "speakers.refuse_absent"
    return None


def refusal_to_reply(item: AgendaItem, participant_id: int) -> str | None:
    """Why this participant cannot have a replik now (a catalog key), or None: a replik answers
    the one who has the floor, so not the speaker themselves."""
    current = speaking(item)
    if current is not None and current.participant_id == participant_id:
        return "speakers.refuse_reply_self"
    return None


# --- commands: validated here, committed by the command API ----------------------------------

Event = tuple[str, Payload]


def _limit(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_LIMIT_SECONDS:
        raise CommandRefused("speakers.refuse_limit", value=value, most=MAX_LIMIT_SECONDS // 60)
    return value


def add(
    meeting: Meeting,
    item: AgendaItem,
    participant_id: int,
    *,
    reply: bool = False,
    limit_seconds: int | None = None,
) -> Event:
    """A member asks for the floor; a replik goes right after the one speaking."""
    reason = refusal_to_speak(meeting, item, participant_id)
    if reason is None and reply:
        reason = refusal_to_reply(item, participant_id)
    person = meeting.participant(participant_id)
    if reason is not None or person is None:
        raise CommandRefused(
            reason or "refuse.unknown_member",
            ref=participant_id,
            name=person.name if person else participant_id,
        )
    if any(s.participant_id == participant_id for s in waiting(item)):
        raise CommandRefused("speakers.refuse_waiting", name=person.name)
    position = reply_position(item) if reply else len(item.speakers)
    payload = {
        "item_id": item.id,
        "speaker_id": meeting.next_id("speaker"),
        "participant_id": person.id,
        "name": person.name,
        "affiliation": person.affiliation,
        "reply": reply,
        "limit_seconds": _limit(limit_seconds),
        "position": position,
    }
    return "speaker_added", payload


def _under_way(meeting: Meeting, item: AgendaItem) -> None:
    if meeting.current_item_id != item.id:
        raise CommandRefused("speakers.refuse_not_current", number=item.number)


def next_up(meeting: Meeting, item: AgendaItem) -> Event:
    """The floor to the first one waiting; with nobody waiting, the one speaking stops."""
    _under_way(meeting, item)
    queue = waiting(item)
    if queue:
        return "speaker_started", {"item_id": item.id, "speaker_id": queue[0].id}
    if speaking(item) is not None:
        return stop(item)
    raise CommandRefused("speakers.refuse_empty")


def start(meeting: Meeting, item: AgendaItem, speaker_id: int) -> Event:
    """The floor to a waiting speaker out of turn."""
    _under_way(meeting, item)
    speaker = find(item, speaker_id)
    if speaker is None or speaker.started_at is not None:
        raise CommandRefused("speakers.refuse_not_waiting", ref=speaker_id)
    return "speaker_started", {"item_id": item.id, "speaker_id": speaker.id}


def stop(item: AgendaItem) -> Event:
    current = speaking(item)
    if current is None:
        raise CommandRefused("speakers.refuse_nobody_speaking")
    return "speaker_stopped", {"item_id": item.id, "speaker_id": current.id}


def remove(item: AgendaItem, speaker_id: int) -> Event:
    """Off the list before speaking (who has spoken stays on it)."""
    speaker = find(item, speaker_id)
    if speaker is None or speaker.started_at is not None:
        raise CommandRefused("speakers.refuse_not_waiting", ref=speaker_id)
    # The name too: once removed, the list no longer holds it for undo to say who it was.
    return "speaker_removed", {"item_id": item.id, "speaker_id": speaker.id, "name": speaker.name}


def set_limits(item: AgendaItem, speaker_seconds: int | None, debate_seconds: int | None) -> Event:
    payload = {
        "item_id": item.id,
        "speaker_seconds": _limit(speaker_seconds),
        "debate_seconds": _limit(debate_seconds),
    }
    return "speaking_limits_set", payload


# A speaking time as typed: a number of minutes, minutes and seconds, or a decimal minute,
# with or without its unit ("3", "3 min.", "2:30", "2.30", "2,5", "90 sek").
_LIMIT = re.compile(r"(\d+)(?:([:.,])(\d{1,2}))?\s*([^\W\d_]*\.?)")
_MINUTES = frozenset({"", "m", "min", "min.", "minut", "minutter", "minute", "minutes", "mins"})
_SECONDS = frozenset({"s", "sek", "sek.", "sekund", "sekunder", "sec", "sec.", "second", "seconds"})


def parse_minutes(text: str) -> int | None:
    """Seconds of a speaking time typed as a secretary types it; "" is no limit.

    "3" and "3 min." are 180 s; "2:30", "2.30" (minutes and seconds) and "2,5" (two and a half
    minutes, the Danish decimal comma) are 150 s; "90 sek" is 90 s. A one-digit part after "."
    or "," is a decimal: read as seconds, "2,5" would be 2:05. Anything else is refused.
    """
    typed = text.strip()
    if not typed:
        return None
    match = _LIMIT.fullmatch(typed.casefold())
    if match is not None:
        whole, separator, part, unit = match.groups()
        if unit in _SECONDS and not separator:
            return int(whole)
        if unit in _MINUTES:
            if not separator:
                return int(whole) * 60
            if len(part) == 2 and int(part) < 60:
                return int(whole) * 60 + int(part)
            if len(part) == 1 and separator != ":":
                return int(whole) * 60 + int(part) * 6
    raise CommandRefused("speakers.refuse_limit", value=typed, most=MAX_LIMIT_SECONDS // 60)


def minutes_text(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds % 60 else str(seconds // 60)


def without_speakers(meeting: Meeting) -> Meeting:
    """The record without its speakers' lists: debate is not part of a Danish referat, so
    exports leave it out unless asked (`--with-speakers`). Untouched items are shared."""

    def has_list(item: AgendaItem) -> bool:
        limits = (item.speaker_limit_seconds, item.debate_limit_seconds)
        return bool(item.speakers) or limits != (None, None)

    if not any(has_list(item) for item in meeting.items):
        return meeting
    cleared: dict[str, object] = {
        "speakers": [],
        "speaker_limit_seconds": None,
        "debate_limit_seconds": None,
    }
    items = [item.model_copy(update=cleared) if has_list(item) else item for item in meeting.items]
    return meeting.model_copy(update={"items": items})


# --- clocks -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clocks:
    """Seconds left for the one speaking and for the item's debate (negative: over time).

    None where no limit is set. `running` is False when nobody speaks: the clocks stand still.
    """

    speaker: float | None
    debate: float | None
    running: bool


def spoken_seconds(item: AgendaItem, now: datetime | None) -> float:
    """How long the item's speakers have spoken; the one speaking counts until `now` (None:
    only finished speeches)."""
    total = 0.0
    for s in item.speakers:
        end = s.ended_at or now
        if s.started_at is not None and end is not None:
            total += (end - s.started_at).total_seconds()
    return total


def speaker_limit(item: AgendaItem, speaker: Speaker) -> int | None:
    return (
        speaker.limit_seconds if speaker.limit_seconds is not None else item.speaker_limit_seconds
    )


def clocks(item: AgendaItem, now: datetime) -> Clocks:
    current = speaking(item)
    speaker_left = None
    if current is not None and current.started_at is not None:
        limit = speaker_limit(item, current)
        if limit is not None:
            speaker_left = limit - (now - current.started_at).total_seconds()
    debate_left = None
    if item.debate_limit_seconds is not None:
        debate_left = item.debate_limit_seconds - spoken_seconds(item, now)
    return Clocks(speaker=speaker_left, debate=debate_left, running=current is not None)


def mmss(seconds: float) -> str:
    """ "2:05"; over time "+0:15"."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds) + 0.5) if seconds < 0 else int(seconds + 0.999)
    return f"{sign}{whole // 60}:{whole % 60:02d}"


# --- events -------------------------------------------------------------------------------------


def _item(m: Meeting, item_id: int) -> AgendaItem:
    item = m.item(item_id)
    assert item is not None, item_id
    return item


def _touched(item: AgendaItem) -> Touched:
    return Touched(children={(item.id, TABLE)})


def _end_current(item: AgendaItem, at: datetime) -> None:
    current = speaking(item)
    if current is not None:
        current.ended_at = at


@reducer("speaker_added")
def _added(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    speaker = Speaker(
        id=p["speaker_id"],
        participant_id=p.get("participant_id"),
        name=p["name"],
        affiliation=p.get("affiliation", ""),
        reply=p.get("reply", False),
        limit_seconds=p.get("limit_seconds"),
    )
    item.speakers.insert(p["position"], speaker)
    return _touched(item)


@reducer("speaker_started")
def _started(m: Meeting, p: Payload, at: datetime) -> Touched:
    """The floor to this speaker: whoever speaks stops, and the list keeps the speaking order."""
    item = _item(m, p["item_id"])
    _end_current(item, at)
    speaker = find(item, p["speaker_id"])
    assert speaker is not None
    item.speakers.remove(speaker)
    speaker.started_at, speaker.ended_at = at, None
    item.speakers.insert(len(item.speakers) - len(waiting(item)), speaker)
    return _touched(item)


@reducer("speaker_stopped")
def _stopped(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    _end_current(item, at)
    return _touched(item)


@reducer("speaker_removed")
def _removed(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.speakers = [s for s in item.speakers if s.id != p["speaker_id"]]
    return _touched(item)


@reducer("speaking_limits_set")
def _limits(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = _item(m, p["item_id"])
    item.speaker_limit_seconds = p.get("speaker_seconds")
    item.debate_limit_seconds = p.get("debate_seconds")
    return Touched(children={(item.id, LIMITS_TABLE)})
