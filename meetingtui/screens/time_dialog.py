"""The small dialog that corrects recorded times: one field per time, prefilled with the time the
record holds ("16.44"); the fields the secretary changed are corrected together, in one entry."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from meetingtui.i18n import t
from meetingtui.i18n.dates import clock

if TYPE_CHECKING:
    from meetingtui.corrections import TimeCorrection
    from meetingtui.models import AgendaItem, Meeting, Participant
    from meetingtui.screens.app import MeetingApp

# (what the time marks, the time, the correction it becomes once retyped)
TimeField = tuple[str, datetime, "TimeCorrection"]


def _field(meeting: Meeting, correction: TimeCorrection, at: datetime) -> TimeField:
    from meetingtui.corrections import address, label

    words = label(meeting, address(meeting, correction))
    return t("tui.time_field", what=words[:1].upper() + words[1:]), at, correction


def meeting_times(meeting: Meeting, item: AgendaItem | None) -> list[TimeField]:
    """The meeting's start and end, and the start and end of `item` (of each stretch, if it was
    taken up more than once), as far as they are set."""
    from meetingtui.corrections import TimeCorrection

    fields = []
    if meeting.opened_at is not None:
        fields.append(_field(meeting, TimeCorrection("meeting_start", ""), meeting.opened_at))
    if meeting.closed_at is not None:
        fields.append(_field(meeting, TimeCorrection("meeting_end", ""), meeting.closed_at))
    if item is None:
        return fields
    stretches = meeting.sessions_of(item) if meeting.item_sessions else []
    if len(stretches) < 2:
        if item.started_at is not None:
            start = TimeCorrection("item_start", "", item_id=item.id)
            fields.append(_field(meeting, start, item.started_at))
        if item.ended_at is not None:
            end = TimeCorrection("item_end", "", item_id=item.id)
            fields.append(_field(meeting, end, item.ended_at))
        return fields
    # Taken up more than once: each stretch's start and end, in the order they happened.
    for n, stretch in enumerate(stretches):
        start = TimeCorrection("item_start", "", item_id=item.id, stretch=n)
        fields.append(_field(meeting, start, stretch.started_at))
        if stretch.ended_at is not None:
            end = TimeCorrection("item_end", "", item_id=item.id, stretch=n)
            fields.append(_field(meeting, end, stretch.ended_at))
    return fields


def member_times(meeting: Meeting, person: Participant) -> list[TimeField]:
    """Each arrival and departure of `person`, in the order they happened."""
    from meetingtui.corrections import TimeCorrection
    from meetingtui.vocabulary import MovementKind

    fields = []
    for n, move in enumerate(person.movements):
        what = "arrival" if move.kind is MovementKind.ARRIVED else "departure"
        correction = TimeCorrection(what, "", participant_id=person.id, position=n)
        fields.append(_field(meeting, correction, move.at))
    return fields


def correct_times(app: MeetingApp, fields: list[TimeField], typed: list[str] | None = None) -> None:
    """Ask for the right times; the changed ones go to the record as one correction. A time
    refused ("16.7", or outside the meeting) is said, and the dialog comes back as typed."""
    from dataclasses import replace

    from meetingtui.screens.dialogs import FormDialog

    if not fields:
        app.notify(t("tui.no_times_yet"))
        return
    shown = [clock(at) for _, at, _ in fields]

    def corrected(values: list[str] | None) -> None:
        service = app.service
        if values is None or service is None:
            return
        changed = [
            replace(correction, text=value)
            for value, before, (_, _, correction) in zip(values, shown, fields, strict=True)
            if value.strip() != before
        ]
        if changed and app.run_command(service.correct_times, changed) is None:
            correct_times(app, fields, values)

    # Back after a refusal: at the first time typed, the one to correct (not the meeting's start).
    now_shown = typed or shown
    retyped = [n for n, text in enumerate(now_shown) if text.strip() != shown[n]]
    dialog = FormDialog(
        t("tui.correct_times_title"),
        [(label, text) for (label, _, _), text in zip(fields, now_shown, strict=True)],
        t("tui.correct_times_note"),
        focus=retyped[0] if retyped else 0,
        given=shown,
    )
    app.push_screen(dialog, corrected)
