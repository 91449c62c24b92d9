"""The quorum at a past moment of the record: when an item's decision was made, and over the
stretches an item was under treatment. The referat marks a decision taken without one
(styrelseslovens § 11, stk. 2). Times are kept to the second, so stamps can share a moment
(on a clock that stood still, all do): what came first is then read from the items they
were stamped under, and where the record cannot tell, a quorum lacked only if it did
either way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from meetingtui.rules import Quorum, _quorum_of, _voters, seats
from meetingtui.vocabulary import Attendance, MovementKind

if TYPE_CHECKING:
    from meetingtui.models import AgendaItem, ItemSession, Meeting, Movement, Participant


def present_at(person: Participant, when: datetime) -> bool:
    """Whether `person` was there at `when`. The last arrival or departure by then says it;
    before the first, an arrival means not yet there (an arrival also makes the roll call's
    answer "present") and a departure means there; without either, the roll call."""
    return _present_by(person, when, lambda move: False)


def _present_by(person: Participant, when: datetime, after: Callable[[Movement], bool]) -> bool:
    """`present_at`, with the movements stamped in the moment `when` itself for which `after`
    holds counted as coming after it."""
    last = None
    for move in person.movements:
        if move.at > when or (move.at == when and after(move)):
            continue
        if last is None or move.at >= last.at:
            last = move
    if last is not None:
        return last.kind is MovementKind.ARRIVED
    if person.movements:
        return min(person.movements, key=lambda move: move.at).kind is MovementKind.LEFT
    return person.attendance is Attendance.PRESENT


def _quorum_at(
    meeting: Meeting, item: AgendaItem, when: datetime, after: Callable[[Movement], bool]
) -> Quorum:
    def there(person: Participant) -> bool:
        return _present_by(person, when, after) and item.absence_of(person.id) is None

    return _quorum_of(meeting, len(_voters(meeting, there)))


def _stretches(meeting: Meeting) -> list[ItemSession]:
    """Every item's stretches in the order they were taken up (an older record's, by time)."""
    if meeting.item_sessions:
        return meeting.item_sessions
    return sorted(
        (s for item in meeting.items for s in meeting.sessions_of(item)),
        key=lambda s: s.started_at,
    )


def _order(stretches: list[ItemSession], move: Movement, here: set[int]) -> int | None:
    """Whether `move` was stamped under a stretch taken up before the stretches `here`
    (indices into `stretches`): -1; under one of them: 0; under a later one: 1; None when the
    record cannot tell (no item, or its item's stretches in that moment on both sides). On a
    clock that stands still the order the items were taken up is all that orders the stamps."""
    under = {
        k
        for k, s in enumerate(stretches)
        if s.item_id == move.item_id
        and s.started_at <= move.at
        and (s.ended_at is None or move.at <= s.ended_at)
    }
    if not under or not here:
        return None
    if under <= here:
        return 0
    if max(under) < min(here):
        return -1
    return 1 if min(under) > max(here) else None


def _lacking_either_way(
    meeting: Meeting, item: AgendaItem, when: datetime, here: set[int]
) -> Quorum | None:
    """The quorum at `when` in the stretches `here` if it lacked whichever way the stamps of
    that same moment fell: those known to come before it count, those known to come after
    do not, the others are tried both ways; the most members there is the figure."""
    stretches = _stretches(meeting)
    orders: dict[int, int | None] = {}

    def order(move: Movement) -> int | None:
        if id(move) not in orders:
            orders[id(move)] = _order(stretches, move, here)
        return orders[id(move)]

    counts = [
        _quorum_at(meeting, item, when, lambda move: order(move) != -1),
        _quorum_at(meeting, item, when, lambda move: order(move) == 1),
    ]
    if any(q.met for q in counts):
        return None
    return max(counts, key=lambda q: q.present)


def _attendance_known(meeting: Meeting) -> bool:
    """Whether the record can tell who was there at a past moment: voting members, and every
    voting member's roll-call answer given (one never given may have been there)."""
    return bool(seats(meeting)) and not any(
        p.attendance is Attendance.UNKNOWN for p in meeting.participants if p.votes
    )


def _under(stretch: ItemSession, at: datetime) -> bool:
    return stretch.started_at <= at and (stretch.ended_at is None or at <= stretch.ended_at)


def decision_moment(meeting: Meeting, item: AgendaItem) -> datetime | None:
    """When the item's decision was made, as far as the record says: the moment it was
    recorded, if the item was under treatment then. A decision recorded after its item was
    left (typed in under the next one) or before the times the record has for it since a
    correction says nothing of when it was made: None, as for one with no moment at all."""
    at = item.decided_at
    if at is None:
        return None
    return at if any(_under(s, at) for s in meeting.sessions_of(item)) else None


def quorum_lacking_at_decision(meeting: Meeting, item: AgendaItem) -> Quorum | None:
    """The quorum of an item decided without one (§ 11, stk. 2): at the moment its decision
    was made; None when there was one then, or the record cannot tell (no moment, see
    `decision_moment`; a roll-call answer missing). An arrival or departure stamped in the
    same moment as the decision under the item may have come before or after it: it lacked
    a quorum only if it did either way."""
    when = decision_moment(meeting, item)
    if when is None or not _attendance_known(meeting):
        return None
    here = {
        k for k, s in enumerate(_stretches(meeting)) if s.item_id == item.id and _under(s, when)
    }
    return _lacking_either_way(meeting, item, when, here)


def quorum_lacking_throughout(meeting: Meeting, item: AgendaItem) -> Quorum | None:
    """The quorum of an item that had none at any moment it was under treatment (with the most
    members that were there), so whatever was decided under it was decided without one; None
    when it had one at some moment, or the record cannot tell: no voting members, a voting
    member's roll-call answer missing, an item never taken up (an imported one). The moment
    it was taken up is judged as `quorum_lacking_at_decision` judges the decision's: the
    stamps of that moment under the item came after it, so the two rules agree on a clock
    that stood still."""
    if not _attendance_known(meeting):
        return None
    most: Quorum | None = None
    for k, stretch in enumerate(_stretches(meeting)):
        if stretch.item_id != item.id:
            continue
        lacking = _lacking_either_way(meeting, item, stretch.started_at, {k})
        if lacking is None:
            return None
        moments = [
            move.at
            for person in meeting.participants
            for move in person.movements
            if stretch.started_at < move.at and _under(stretch, move.at)
        ]
        for at_that_time in [lacking] + [
            _quorum_at(meeting, item, when, lambda move: False) for when in moments
        ]:
            if at_that_time.met:
                return None
            if most is None or at_that_time.present > most.present:
                most = at_that_time
    return most
