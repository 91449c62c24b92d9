"""Times corrected after the fact: the meeting's start and end, a member's arrival or departure,
an item's start and end, and each stretch of an item taken up more than once.

The secretary types the right time the Danish way ("16.30"; "16:30" and "1630" too) and the
record keeps the old and the new value in one event, so the log says what was corrected. The
time stays on the day it had; a correction that would put an end before its start (or a
departure before the arrival it follows) is refused and changes nothing, and so is a time
outside the meeting as recorded: before its start, after its end or, while it is under way,
after the meeting's clock now; an arrival or departure outside the item it was recorded under;
an item taken up before the one dealt with before it ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from meetingtui.errors import CommandRefused
from meetingtui.i18n import t
from meetingtui.i18n.dates import clock
from meetingtui.meetingclock import on_day_of, parse_clock
from meetingtui.models import Meeting, MovementKind
from meetingtui.reducer import Payload, reducer
from meetingtui.storage.touched import Touched
from meetingtui.vocabulary import TimeKind

EVENT = "times_corrected"
_MOVEMENT = {TimeKind.ARRIVAL: MovementKind.ARRIVED, TimeKind.DEPARTURE: MovementKind.LEFT}


@dataclass(frozen=True)
class TimeCorrection:
    """One time to correct, as typed. `item_id` names the item of an item's start or end, and
    `stretch` which of its stretches of treatment (counted from 0; None: the item's own first
    start or last end); `participant_id` the member of an arrival or departure, and `position`
    which of their movements (None: their latest of that kind)."""

    what: TimeKind | str
    text: str
    item_id: int | None = None
    participant_id: int | None = None
    position: int | None = None
    stretch: int | None = None


def _kind(value: TimeKind | str) -> TimeKind:
    try:
        return TimeKind(value)
    except ValueError:
        raise CommandRefused("refuse.invalid_value", field="what", problem=value) from None


def address(meeting: Meeting, c: TimeCorrection) -> dict[str, Any]:
    """The change's address in the record (what, and the item or the member's movement)."""
    what = _kind(c.what)
    if what in (TimeKind.MEETING_START, TimeKind.MEETING_END):
        return {"what": what.value}
    if what in (TimeKind.ITEM_START, TimeKind.ITEM_END):
        item = meeting.item(c.item_id) if c.item_id is not None else None
        if item is None:
            raise CommandRefused("refuse.unknown_item", ref=c.item_id)
        target: dict[str, Any] = {"what": what.value, "item_id": item.id}
        if c.stretch is None:
            return target
        # The item's first start and last end are the item's own times; a stretch in between is
        # addressed by its place in the record, as the order of the stretches has it (_course).
        places = [n for n, s in enumerate(meeting.item_sessions) if s.item_id == item.id]
        if not 0 <= c.stretch < max(len(places), 1):
            raise CommandRefused("refuse.invalid_value", field="stretch", problem=c.stretch)
        own = c.stretch == 0 if what is TimeKind.ITEM_START else c.stretch == len(places) - 1
        return target if own or not places else target | {"session": places[c.stretch]}
    person = meeting.participant(c.participant_id) if c.participant_id is not None else None
    if person is None:
        raise CommandRefused("refuse.unknown_member", ref=c.participant_id)
    kind = _MOVEMENT[what]
    positions = [n for n, m in enumerate(person.movements) if m.kind is kind]
    position = positions[-1] if c.position is None and positions else c.position
    if position not in positions:
        raise CommandRefused(f"refuse.no_{what.value}", name=person.name)
    return {"what": what.value, "participant_id": person.id, "position": position}


def current(meeting: Meeting, target: dict[str, Any]) -> datetime | None:
    """The time the record holds at `target` now."""
    what = TimeKind(target["what"])
    if what is TimeKind.MEETING_START:
        return meeting.opened_at
    if what is TimeKind.MEETING_END:
        return meeting.closed_at
    if "session" in target:  # a stretch of an item taken up more than once
        session = meeting.item_sessions[target["session"]]
        return session.started_at if what is TimeKind.ITEM_START else session.ended_at
    if what in (TimeKind.ITEM_START, TimeKind.ITEM_END):
        item = meeting.item(target["item_id"])
        assert item is not None
        return item.started_at if what is TimeKind.ITEM_START else item.ended_at
    person = meeting.participant(target["participant_id"])
    assert person is not None
    return person.movements[target["position"]].at


def _put(meeting: Meeting, target: dict[str, Any], value: datetime, touched: Touched) -> None:
    what = TimeKind(target["what"])
    if what is TimeKind.MEETING_START:
        meeting.opened_at = value
        touched.meeting = True
    elif what is TimeKind.MEETING_END:
        meeting.closed_at = value
        touched.meeting = True
    elif "session" in target:  # a stretch in between: the item's own times stay
        session = meeting.item_sessions[target["session"]]
        if what is TimeKind.ITEM_START:
            session.started_at = value
        else:
            session.ended_at = value
        touched.meeting = True
    elif what in (TimeKind.ITEM_START, TimeKind.ITEM_END):
        item = meeting.item(target["item_id"])
        assert item is not None
        # The item's start is its first stretch's, its end its last's.
        sessions = meeting.sessions_of(item) if meeting.item_sessions else []
        if what is TimeKind.ITEM_START:
            item.started_at = value
            if sessions:
                sessions[0].started_at = value
        else:
            item.ended_at = value
            if sessions:
                sessions[-1].ended_at = value
        touched.items.add(item.id)
        touched.meeting = touched.meeting or bool(sessions)
    else:
        person = meeting.participant(target["participant_id"])
        assert person is not None
        person.movements[target["position"]].at = value
        touched.participants = True


def label(meeting: Meeting, target: dict[str, Any]) -> str:
    """What the time marks, in words: "mødet begyndte", "pkt. 2 sluttede", "Lars Holten kom";
    of an item taken up more than once, which time: "pkt. 2 sluttede 1. gang"."""
    what = target["what"]
    if "item_id" in target:
        item = meeting.item(target["item_id"])
        if item is None:
            return t(f"time.{what}", number="?")
        places = [n for n, s in enumerate(meeting.item_sessions) if s.item_id == item.id]
        if len(places) < 2:
            return t(f"time.{what}", number=item.number)
        if "session" in target:
            nth = places.index(target["session"]) + 1
        else:
            nth = 1 if what == TimeKind.ITEM_START else len(places)
        return t(f"time.{what}_nth", number=item.number, nth=nth)
    if "participant_id" in target:
        person = meeting.participant(target["participant_id"])
        return t(f"time.{what}", name=person.name if person is not None else "?")
    return t(f"time.{what}")


Target = dict[str, Any]  # {"what": ..., and "item_id" or "participant_id" and "position"}
NOW: Target = {"what": "now"}  # the meeting's clock now: no time of a meeting under way is later


def _at(meeting: Meeting, target: Target, now: datetime) -> datetime | None:
    return now if target["what"] == "now" else current(meeting, target)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _key(target: Target) -> tuple[Any, ...]:
    return tuple(
        target.get(k) for k in ("what", "item_id", "participant_id", "position", "session")
    )


def _course(meeting: Meeting) -> list[tuple[Target, Target]]:
    """Each stretch an item was under treatment as (its start, its end), in the order they
    happened. An item's first start and last end are the item's own times (what the
    secretary corrects); a stretch in between is addressed by its place in the record. A
    meeting recorded before stretches were kept: its items, in the order they began."""
    if not meeting.item_sessions:
        begun = sorted(
            (i for i in enumerate(meeting.items) if i[1].started_at is not None),
            key=lambda i: (i[1].started_at, i[0]),
        )
        return [
            ({"what": "item_start", "item_id": i.id}, {"what": "item_end", "item_id": i.id})
            for _, i in begun
        ]
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for n, session in enumerate(meeting.item_sessions):
        first.setdefault(session.item_id, n)
        last[session.item_id] = n
    course = []
    for n, session in enumerate(meeting.item_sessions):
        start: Target = {"what": "item_start", "item_id": session.item_id}
        end: Target = {"what": "item_end", "item_id": session.item_id}
        if first[session.item_id] != n:
            start = start | {"session": n}
        if last[session.item_id] != n:
            end = end | {"session": n}
        course.append((start, end))
    return course


def _pairs(meeting: Meeting) -> list[tuple[Target, Target]]:
    """Times that must not come before the one they follow: (earlier, later).

    Every time lies within the meeting as recorded: not before its start, not after its end or,
    while it is under way, after now. A member's movements keep their order and lie within the
    item they were recorded under; the items keep the order they were dealt with in.
    """
    opened: Target = {"what": "meeting_start"}
    closed: Target = {"what": "meeting_end"}
    last = closed if meeting.closed_at is not None else NOW
    pairs = [(opened, closed), (opened, last)]

    def start(item_id: int) -> Target:
        return {"what": "item_start", "item_id": item_id}

    def end(item_id: int) -> Target:
        return {"what": "item_end", "item_id": item_id}

    for item in meeting.items:
        pairs += [(start(item.id), end(item.id)), (opened, start(item.id))]
        pairs += [(end(item.id), closed), (start(item.id), last), (end(item.id), last)]
    # The order the items were dealt with in: a stretch of treatment may not begin before the
    # one before it began or ended, nor end before it began. The order is the record's, not
    # the times': two items taken up in the same minute (or second) keep theirs.
    course = _course(meeting)
    for began, ended in course:
        pairs += [(began, ended), (opened, began), (ended, closed), (began, last), (ended, last)]
    for (before_start, before_end), (after_start, _) in pairwise(course):
        pairs += [(before_start, after_start), (before_end, after_start)]
    for person in meeting.participants:
        moves: list[Target] = []
        for n, m in enumerate(person.movements):
            move: Target = {
                "what": "arrival" if m.kind is MovementKind.ARRIVED else "departure",
                "participant_id": person.id,
                "position": n,
            }
            moves.append(move)
            pairs += [(opened, move), (move, last)]
            if m.item_id is not None and meeting.item(m.item_id) is not None:
                pairs += [(start(m.item_id), move), (move, end(m.item_id))]
        pairs += list(pairwise(moves))
    return pairs


def _broken(
    meeting: Meeting, pairs: list[tuple[Target, Target]], now: datetime
) -> dict[tuple[Any, ...], tuple[Target, Target]]:
    found = {}
    for earlier, later in pairs:
        early, late = _at(meeting, earlier, now), _at(meeting, later, now)
        # Typed times have minutes only: "16.50" is not before an item begun at 16.50:30.
        if early is not None and late is not None and _minute(late) < _minute(early):
            found[(_key(earlier), _key(later))] = (earlier, later)
    return found


def _refusal(
    trial: Meeting,
    pairs: list[tuple[Target, Target]],
    kept: set[tuple[Any, ...]],
    changes: list[Target],
    broken: tuple[Target, Target],
    now: datetime,
) -> CommandRefused:
    """The refusal naming the limits the corrected time must keep: the latest time it may not
    come before and the earliest it may not come after (other corrected times aside). An item
    time moving with the meeting's start or end counts as that time: the limits are theirs."""
    changed = {_key(change): change for change in changes}
    earlier, later = broken
    subject = changed.get(_key(later)) or changed[_key(earlier)]
    group = {k for k, change in changed.items() if change["new"] == subject["new"]}
    subject = next(change for change in changes if _key(change) in group)  # the one typed
    lows: list[tuple[datetime, Target]] = []
    highs: list[tuple[datetime, Target]] = []
    for a, b in pairs:
        if (_key(a), _key(b)) in kept:
            continue
        if _key(b) in group and _key(a) not in changed:
            at = _at(trial, a, now)
            if at is not None:
                lows.append((at, a))
        elif _key(a) in group and _key(b) not in changed:
            at = _at(trial, b, now)
            if at is not None:
                highs.append((at, b))
    low = max(lows, key=lambda x: x[0], default=None)
    high = min(highs, key=lambda x: x[0], default=None)
    what = label(trial, subject)
    if low is not None and high is not None and low[0] <= high[0]:
        return CommandRefused(
            "refuse.time_window",
            what=what,
            low=clock(low[0]),
            low_what=label(trial, low[1]),
            high=clock(high[0]),
            high_what=label(trial, high[1]),
        )
    if low is not None and high is None:
        return CommandRefused(
            "refuse.time_not_before",
            what=what,
            low=clock(low[0]),
            low_what=label(trial, low[1]),
        )
    if high is not None and low is None:
        return CommandRefused(
            "refuse.time_not_after",
            what=what,
            high=clock(high[0]),
            high_what=label(trial, high[1]),
        )
    return CommandRefused(
        "refuse.time_order",
        later=label(trial, later),
        late=clock(_at(trial, later, now) or datetime.min),
        earlier=label(trial, earlier),
        early=clock(_at(trial, earlier, now) or datetime.min),
    )


def _linked(meeting: Meeting, changes: list[Target]) -> list[Target]:
    """Item times stamped in the same moment as the meeting's start or end move with it: the
    item under way when the meeting was closed ended when it did (and the first item began
    with the meeting), unless the secretary corrects that time too. Only that item: another
    dealt with in the same moment (taken up and left at once) keeps its time."""
    named = {(c["what"], c.get("item_id"), c.get("session")) for c in changes}
    course = _course(meeting)
    linked = []
    for change in changes:
        if change["what"] not in ("meeting_start", "meeting_end"):
            continue
        if meeting.item_sessions:
            targets = [course[0][0] if change["what"] == "meeting_start" else course[-1][1]]
        else:  # a record from before sessions: any item stamped in that moment
            what = "item_start" if change["what"] == "meeting_start" else "item_end"
            targets = [{"what": what, "item_id": item.id} for item in meeting.items]
        for target in targets:
            at = current(meeting, target)
            unnamed = (target["what"], target["item_id"], target.get("session")) not in named
            if unnamed and at is not None and at.isoformat() == change["old"]:
                linked.append(target | {"old": change["old"], "new": change["new"]})
    return linked


def plan(
    meeting: Meeting, corrections: Sequence[TimeCorrection], now: datetime
) -> tuple[str, Payload]:
    """The event that corrects these times, once they are times of day, in order and within
    the meeting as recorded (`now`: the meeting's clock, the limit while it is under way)."""
    changes = []
    for c in corrections:
        target = address(meeting, c)
        old = current(meeting, target)
        if old is None:
            raise CommandRefused(f"refuse.time_not_set_{target['what']}")
        new = on_day_of(old, parse_clock(c.text))
        if new.replace(second=0) != old.replace(second=0, microsecond=0):
            changes.append(target | {"old": old.isoformat(), "new": new.isoformat()})
    if not changes:
        raise CommandRefused("refuse.time_unchanged")
    payload: Payload = {"changes": changes + _linked(meeting, changes)}
    pairs = _pairs(meeting)
    kept = set(_broken(meeting, pairs, now))  # out of order already: not this correction's doing
    trial = meeting.model_copy(deep=True)
    _corrected(trial, payload, now)
    for key, broken in _broken(trial, pairs, now).items():
        if key not in kept:
            raise _refusal(trial, pairs, kept, payload["changes"], broken, now)
    return EVENT, payload


def describe(meeting: Meeting, payload: Payload) -> str:
    """ "mødet begyndte 16.44 → 16.35" for each change (the undo question, the log)."""
    return ", ".join(
        t(
            "time.change",
            what=label(meeting, change),
            old=clock(datetime.fromisoformat(change["old"])),
            new=clock(datetime.fromisoformat(change["new"])),
        )
        for change in payload.get("changes", [])
    )


@reducer(EVENT)
def _corrected(m: Meeting, p: Payload, at: datetime) -> Touched:
    """Each corrected time takes its new value; the event keeps the old one."""
    touched = Touched()
    for change in p["changes"]:
        _put(m, change, datetime.fromisoformat(change["new"]), touched)
    return touched
