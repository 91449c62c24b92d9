"""The command API for the agenda as the meeting goes through it: taking an item up,
postponing it, and changing the agenda during the meeting (an item added with the chair's
approval, withdrawn, or taken before another). The rules and events of the changes are in
agenda_changes.py."""

from __future__ import annotations

from meetingtui import agenda_changes, rules
from meetingtui.command_base import CommandBase, Outcome
from meetingtui.errors import CommandRefused, ConfirmationRequired, RuleWarning
from meetingtui.vocabulary import ItemStatus


class AgendaCommands(CommandBase):
    """The items of one open meeting: their order, and which one is under way."""

    def start_item(self, item_id: int) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        if item.status is ItemStatus.WITHDRAWN:
            raise CommandRefused("refuse.agenda_item_withdrawn", number=item.number)
        warnings = rules.quorum_warnings(self.meeting, item)
        # "session": the record keeps each stretch the item is under treatment (reducer.py).
        payload = {"item_id": item.id, "session": True}
        return self._commit("item_started", payload, warnings=warnings)

    def postpone_item(self, item_id: int, reason: str = "", *, confirm: bool = False) -> Outcome:
        """Udsættelse is a decision of the committee: it needs the quorum like any other."""
        self._require_live()
        item = self._item(item_id)
        if item.status is ItemStatus.WITHDRAWN:
            raise CommandRefused("refuse.agenda_item_withdrawn", number=item.number)
        reason = self._line(reason, allow_empty=True)
        warnings = rules.quorum_warnings(self.meeting, item)
        payload: dict[str, object] = {"item_id": item.id, "reason": reason}
        decided = item.decision.strip()
        if decided:
            # A postponed item has no decision: the postponement takes the recorded one off
            # the item (the event log keeps it, Ctrl+Z brings it back), and the chair says so
            # first, for a wrong key here would turn a decision into "udsat".
            payload["clears_decision"] = True
            shown = decided if len(decided) <= 80 else decided[:79].rstrip() + "…"
            warnings.append(
                RuleWarning("confirm.postpone_decided", {"number": item.number, "decision": shown})
            )
            if not confirm:
                raise ConfirmationRequired(warnings, question="confirm.postpone_decided_question")
        warnings = self._confirm(warnings, confirm)
        return self._commit("item_postponed", payload, warnings=warnings)

    def add_item(
        self, title: str, *, number: str = "", closed: bool = False, confirm: bool = False
    ) -> Outcome:
        """An item added to the end of the agenda during the meeting. Only the chair may admit
        it: the command waits for `confirm=True`, which records the chair's approval ("Punktet
        blev optaget på dagsordenen med formandens godkendelse.")."""
        self._require_live()
        type_, payload = agenda_changes.add(self.meeting, number, title, closed=closed)
        if not confirm:
            item = {"number": payload["number"], "title": payload["title"]}
            # The chair sees that the item will be closed before approving it.
            key = "confirm.agenda_add_closed" if payload["closed"] else "confirm.agenda_add"
            raise ConfirmationRequired(
                [RuleWarning(key, item)], question="confirm.agenda_add_question"
            )
        return self._commit(type_, payload, created_id=payload["item_id"])

    def withdraw_item(self, item_id: int) -> Outcome:
        """The item is taken off the agenda ("Punktet udgik.")."""
        self._require_live()
        return self._commit(*agenda_changes.withdraw(self.meeting, self._item(item_id)))

    def move_item(self, item_id: int, before_item_id: int) -> Outcome:
        """The item is dealt with before another ("Punktet blev behandlet før punkt 3.")."""
        self._require_live()
        item, before = self._item(item_id), self._item(before_item_id)
        return self._commit(*agenda_changes.move(self.meeting, item, before))
