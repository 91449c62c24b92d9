"""Changing the agenda during the meeting, from the meeting screen: an item added (the chair
approves it first), the highlighted item withdrawn, or taken before another item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui.i18n import t

if TYPE_CHECKING:
    from meetingtui.models import AgendaItem
    from meetingtui.screens.app import MeetingApp

ADD, WITHDRAW, MOVE = "add", "withdraw", "move"
# Refusals of the new item's number rather than its title.
NUMBER_REFUSALS = frozenset({"refuse.agenda_number_too_long", "refuse.agenda_number_taken"})


def change_agenda(app: MeetingApp, item: AgendaItem | None) -> None:
    """Ask which change: a new item, or the highlighted item withdrawn or moved."""
    from meetingtui.screens.dialogs import PickDialog

    options: list[tuple[object, str]] = [(ADD, t("tui.agenda_add"))]
    if item is not None:
        options += [
            (WITHDRAW, t("tui.agenda_withdraw", number=item.number)),
            (MOVE, t("tui.agenda_move", number=item.number)),
        ]

    def picked(choice: object) -> None:
        if choice == ADD:
            _add(app)
        elif choice == WITHDRAW and item is not None:
            _withdraw(app, item)
        elif choice == MOVE and item is not None:
            _move(app, item)

    app.push_screen(PickDialog(t("tui.agenda_change_title"), options), picked)


def _add(app: MeetingApp, number: str = "", title: str = "", *, at_number: bool = False) -> None:
    """The new item's number (proposed) and title (typed first). A number or title the rules
    refuse is said, and the form comes back with what was typed, at the field refused."""
    from meetingtui.agenda_changes import add, next_number
    from meetingtui.errors import CommandRefused
    from meetingtui.screens.dialogs import FormDialog

    service = app.service
    if service is None:
        return

    def added(values: list[str] | None) -> None:
        if values is None or app.service is None:
            return
        typed_number, typed_title = values
        try:
            add(app.service.meeting, typed_number, typed_title, closed=False)  # nothing written
        except CommandRefused as exc:
            app.say_refused(exc)
            # Back at the field refused: a number taken is corrected over the number, not the title.
            _add(app, typed_number, typed_title, at_number=exc.key in NUMBER_REFUSALS)
            return
        # The API asks for the chair's approval (a yes in the confirm dialog) first. A no, or
        # Escape, gives the form back as typed: the title is not thrown away by a wrong key.
        app.run_command(
            app.service.add_item,
            typed_title,
            number=typed_number,
            on_cancel=lambda: _add(app, typed_number, typed_title),
        )

    proposed = next_number(service.meeting)
    fields = [(t("tui.agenda_number"), number or proposed), (t("tui.agenda_title"), title)]
    note = t("tui.agenda_add_note")
    focus = 0 if at_number else 1
    dialog = FormDialog(t("tui.agenda_add_title"), fields, note, focus=focus, given=[proposed, ""])
    app.push_screen(dialog, added)


def _withdraw(app: MeetingApp, item: AgendaItem) -> None:
    """Asked first, naming the item: a picked line of the menu must not take an item off the
    agenda unseen (the one under way least of all)."""
    from meetingtui.screens.widgets import item_label

    warnings = [t("tui.agenda_withdraw_under_way")] if item.started_at is not None else []

    def answered(yes: bool | None) -> None:
        if yes and app.service is not None:
            app.run_command(app.service.withdraw_item, item.id)

    question = t("tui.agenda_withdraw_question", item=item_label(item))
    app.push_screen(app.confirm_dialog(warnings, question, warn=bool(warnings)), answered)


def _move(app: MeetingApp, item: AgendaItem) -> None:
    from meetingtui.screens.dialogs import PickDialog
    from meetingtui.screens.widgets import item_label

    service = app.service
    if service is None:
        return
    waiting = [
        (other.id, item_label(other))
        for other in service.meeting.items
        if other.id != item.id and other.started_at is None and not other.decision
    ]

    def follow(_: object) -> None:
        # The cursor goes with the item moved, not stays on its row (now another item).
        from meetingtui.screens.meeting import MeetingScreen

        for screen in app.screen_stack:
            if isinstance(screen, MeetingScreen):
                screen.highlight(item.id)

    def picked(before: object) -> None:
        if before is not None and app.service is not None:
            app.run_command(app.service.move_item, item.id, int(str(before)), on_done=follow)

    app.push_screen(PickDialog(t("tui.agenda_move_title", number=item.number), waiting), picked)
