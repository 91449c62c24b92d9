"""Indkald stedfortræder: after an afbud (or on s), offer the party list's stedfortrædere in order.

The first on the list is highlighted, so Enter calls in the next one in line; the seat is taken
through the command API, then the stedfortræder's roster entry (and so their address) is
recorded for the referat.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.vocabulary import Attendance

OTHER = "other"


def offer_substitute(
    app: Any, holder_id: int, *, after_afbud: bool = True, other: Callable[[], None] | None = None
) -> bool:
    """Offer the stedfortrædere for `holder_id`'s seat. False when there is no committee list
    to offer from (the caller may ask for a name instead)."""
    from meetingtui.committees.substitutes import substitutes_for
    from meetingtui.screens.dialogs import PickDialog

    service = app.service
    if service is None:
        return False
    meeting = service.meeting
    holder = meeting.participant(holder_id)
    if holder is None or (after_afbud and holder.attendance is not Attendance.AFBUD):
        return False  # the afbud itself was refused, or the member is gone
    try:
        candidates = substitutes_for(service.conn, meeting, holder)
    except (MeetingError, sqlite3.Error) as exc:
        app.notify(str(exc), severity="error")
        return False
    if candidates is None or not (holder.votes and holder.substitute_for is None):
        return False
    if any(p.substitute_for == holder.id and p.is_present_now for p in meeting.participants):
        return False  # the seat is already taken; the command would say so
    if not candidates and other is None:
        app.notify(t("sub.none_left", party=holder.affiliation or "–", name=holder.name), timeout=8)
        return True
    options: list[tuple[object, str]] = [
        (entry, t("sub.option", name=entry.name, party=entry.affiliation, rank=entry.rank))
        for entry in candidates
    ]
    if other is not None:
        options.append((OTHER, t("sub.other")))
    options.append((None, t("sub.nobody")))

    def chosen(entry: object) -> None:
        if entry == OTHER and other is not None:
            other()
        elif entry is not None:
            call_in(app, holder_id, entry)

    note = (
        "" if candidates else t("sub.none_left", party=holder.affiliation or "–", name=holder.name)
    )
    app.push_screen(
        PickDialog(t("sub.title", name=holder.label), options, note=note, of_members=True), chosen
    )
    return True


def call_in(app: Any, holder_id: int, entry: Any) -> None:
    from meetingtui.committees.substitutes import record_called_in

    service = app.service

    def seated(outcome: Any) -> None:
        try:
            record_called_in(
                service.conn, service.meeting.id, outcome.created_id, entry, app.clock()
            )
        except (MeetingError, sqlite3.Error) as exc:
            # The seat is taken and recorded; only the address for the referat is missing.
            app.notify(t("sub.address_failed", name=entry.name, problem=str(exc)), severity="error")
            return
        holder = service.meeting.participant(holder_id)
        app.notify(t("sub.called_in", substitute=entry.label, name=holder.name if holder else "?"))

    app.run_command(
        service.seat_substitute, entry.name, entry.affiliation, holder_id, on_done=seated
    )
