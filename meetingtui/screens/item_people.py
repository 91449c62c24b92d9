"""From the meeting screen, who is there: a member inhabil or absent for the item under way, and
members arriving or leaving during the meeting. Each is picked by name (type-ahead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui.i18n import t
from meetingtui.models import AbsenceKind

if TYPE_CHECKING:
    from meetingtui.models import AgendaItem, Meeting
    from meetingtui.screens.app import MeetingApp


def member_options(
    meeting: Meeting, item: AgendaItem, *, voters_only: bool = False
) -> list[tuple[object, str]]:
    """Every participant (or every voting member), marked when already absent from the item or
    not present now."""
    options: list[tuple[object, str]] = []
    for person in meeting.participants:
        if voters_only and not person.votes:
            continue
        absence = item.absence_of(person.id)
        mark = ""
        if absence is not None:
            mark = "  [" + t(f"tui.absence_mark.{absence.kind.value}") + "]"
        elif not person.is_present_now:
            mark = "  [" + t("tui.not_present_mark") + "]"
        options.append((person.id, person.label + mark))
    return options


def record_absence(app: MeetingApp, item: AgendaItem, kind: AbsenceKind) -> None:
    """A member inhabil or absent for `item`, with an optional reason; picking someone already
    recorded so takes the note back."""
    from meetingtui.screens.dialogs import FormDialog, PickDialog
    from meetingtui.screens.widgets import item_label

    service = app.service
    if service is None:
        return
    item_id = item.id
    title = t(f"tui.absence_title.{kind.value}", item=item_label(item))

    def picked(pid: object) -> None:
        if pid is None or app.service is None:
            return
        person_id = int(str(pid))
        current = app.service.meeting.item(item_id)
        absence = current.absence_of(person_id) if current is not None else None
        if absence is not None and absence.kind is kind:
            app.run_command(app.service.clear_item_absence, item_id, person_id)
            return

        def with_reason(values: list[str] | None) -> None:
            if values is None or app.service is None:
                return
            command = (
                app.service.declare_inhabil
                if kind is AbsenceKind.INHABIL
                else app.service.mark_item_absent
            )
            app.run_command(command, item_id, person_id, values[0])

        # The member picked by a few letters is named, so a wrong pick is seen before it counts.
        person = app.service.meeting.participant(person_id)
        label = (
            t("tui.reason_optional_for", name=person.label) if person else t("tui.reason_optional")
        )
        app.push_screen(FormDialog(title, [(label, "")], notes=[0]), with_reason)

    options = member_options(service.meeting, item)
    app.push_screen(PickDialog(title, options, note=t("tui.absence_note"), of_members=True), picked)


def record_movement(app: MeetingApp, *, arriving: bool) -> None:
    """A member arriving (from those not present) or leaving (from those present)."""
    from meetingtui.screens.dialogs import PickDialog

    service = app.service
    if service is None:
        return
    people: list[tuple[object, str]] = [
        (p.id, p.label) for p in service.meeting.participants if p.is_present_now is not arriving
    ]
    command = service.arrive if arriving else service.leave
    title = t("tui.arrive_title") if arriving else t("tui.leave_title")

    def picked(pid: object) -> None:
        if pid is not None:
            app.run_command(command, int(str(pid)))

    app.push_screen(PickDialog(title, people, of_members=True), picked)
