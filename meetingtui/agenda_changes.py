"""The agenda changes during the meeting, as it does: an item added with the chair's approval,
an item withdrawn ("Punktet udgik."), an item taken before another ("Punktet blev behandlet før
punkt 3.").

Each change is an event and an `AgendaChange` in the record, which the referat turns into the
sentences Danish referats use (exporters/changes.py). The agenda's order is the order the items
are dealt with: an item taken before another moves there, so "next item" follows the meeting.
Rules first, then the events (registered with the reducer, like the speakers' list).
"""

from __future__ import annotations

from datetime import datetime

from meetingtui.errors import CommandRefused
from meetingtui.importers.closed import closed_marker
from meetingtui.models import AgendaChange, AgendaItem, Meeting, clean_text
from meetingtui.reducer import Payload, end_session, reducer
from meetingtui.storage.touched import Touched
from meetingtui.vocabulary import AgendaChangeKind, ItemStatus

ADDED, WITHDRAWN, MOVED = "item_added", "item_withdrawn", "item_moved"
NUMBER_LIMIT = 20
TITLE_LIMIT = 500


def _dealt_with(item: AgendaItem) -> bool:
    """Decided, voted on or elected on: too late to withdraw or move it."""
    return bool(item.decision.strip() or item.votes or item.elections) or item.status in (
        ItemStatus.DECIDED,
        ItemStatus.POSTPONED,
    )


def next_number(meeting: Meeting) -> str:
    """The number an added item gets unless the secretary types another: one after the highest
    plain number on the agenda ("6" after "5"; "716" after "715")."""
    numbers = [int(i.number) for i in meeting.items if i.number.strip().isdigit()]
    return str(max(numbers, default=0) + 1)


def add(meeting: Meeting, number: str, title: str, *, closed: bool) -> tuple[str, Payload]:
    """An item added to the agenda at its end; the chair's approval is asked for first by the
    command API. A title marked closed the way agenda documents mark one ("Lukket: X",
    "X (lukket punkt)", "Fortroligt - X"; the importers' vocabulary) makes a closed item, and
    the marker is not kept: the referat says "Lukket punkt" itself. A title that may be marked
    ("Lukket vej ved skolen") is closed as well, and keeps its words."""
    number, title = clean_text(number).strip(), clean_text(title).strip()
    marked, title = closed_marker(title)
    closed = closed or marked
    if not title:
        raise CommandRefused("refuse.agenda_title_missing")
    if not number:
        number = next_number(meeting)
    if len(number) > NUMBER_LIMIT:
        raise CommandRefused("refuse.agenda_number_too_long", number=number, limit=NUMBER_LIMIT)
    if len(title) > TITLE_LIMIT:
        raise CommandRefused("refuse.text_too_long", length=len(title), limit=TITLE_LIMIT)
    if any(i.number.strip().casefold() == number.casefold() for i in meeting.items):
        raise CommandRefused("refuse.agenda_number_taken", number=number)
    payload = {
        "item_id": meeting.next_id("item"),
        "number": number,
        "title": title,
        "closed": closed,
        "chair_approved": True,
    }
    return ADDED, payload


def withdraw(meeting: Meeting, item: AgendaItem) -> tuple[str, Payload]:
    """The item is taken off the agenda ("Punktet udgik.")."""
    if item.status is ItemStatus.WITHDRAWN:
        raise CommandRefused("refuse.agenda_already_withdrawn", number=item.number)
    if _dealt_with(item):
        raise CommandRefused("refuse.agenda_withdraw_dealt_with", number=item.number)
    return WITHDRAWN, {"item_id": item.id}


def move(meeting: Meeting, item: AgendaItem, before: AgendaItem) -> tuple[str, Payload]:
    """The item is dealt with before `before` ("Punktet blev behandlet før punkt 3.")."""
    if item.id == before.id:
        raise CommandRefused("refuse.agenda_move_itself", number=item.number)
    if item.status is ItemStatus.WITHDRAWN:
        raise CommandRefused("refuse.agenda_already_withdrawn", number=item.number)
    if _dealt_with(item) or item.started_at is not None:
        # The agenda is the order the items were dealt with: one taken up stays where it was.
        raise CommandRefused("refuse.agenda_move_taken", number=item.number)
    if _dealt_with(before) or before.started_at is not None:
        raise CommandRefused("refuse.agenda_move_before_taken", before=before.number)
    return MOVED, {"item_id": item.id, "before_item_id": before.id}


# --- the events -------------------------------------------------------------------------------


def _change(m: Meeting, kind: AgendaChangeKind, p: Payload, at: datetime) -> None:
    m.agenda_changes.append(
        AgendaChange(
            kind=kind,
            item_id=p["item_id"],
            before_item_id=p.get("before_item_id"),
            chair_approved=p.get("chair_approved", False),
            at=at,
        )
    )


@reducer(ADDED)
def _added(m: Meeting, p: Payload, at: datetime) -> Touched:
    m.items.append(
        AgendaItem(id=p["item_id"], number=p["number"], title=p["title"], closed=p["closed"])
    )
    _change(m, AgendaChangeKind.ADDED, p, at)
    return Touched(everything=True)


@reducer(WITHDRAWN)
def _withdrawn(m: Meeting, p: Payload, at: datetime) -> Touched:
    item = m.item(p["item_id"])
    assert item is not None
    item.status = ItemStatus.WITHDRAWN
    if m.current_item_id == item.id:
        # Withdrawn while under way: its clock stops and no item is under way.
        item.ended_at = at
        end_session(m, at)
        m.current_item_id = None
    _change(m, AgendaChangeKind.WITHDRAWN, p, at)
    return Touched(everything=True)


@reducer(MOVED)
def _moved(m: Meeting, p: Payload, at: datetime) -> Touched:
    item, before = m.item(p["item_id"]), m.item(p["before_item_id"])
    assert item is not None and before is not None
    m.items.remove(item)
    m.items.insert(m.items.index(before), item)
    _change(m, AgendaChangeKind.MOVED, p, at)
    return Touched(everything=True)
