"""The command API for the agenda as the meeting goes through it: taking an item up and
postponing it."""

from __future__ import annotations

from meetingtui import rules
from meetingtui.command_base import CommandBase, Outcome


class AgendaCommands(CommandBase):
    """The items of one open meeting: their order, and which one is under way."""

    def start_item(self, item_id: int) -> Outcome:
        self._require_live()
        item = self._item(item_id)
        warnings = rules.quorum_warnings(self.meeting, item)
        return self._commit("item_started", {"item_id": item.id}, warnings=warnings)

    def postpone_item(self, item_id: int, reason: str = "", *, confirm: bool = False) -> Outcome:
        """Udsættelse is a decision of the committee: it needs the quorum like any other."""
        self._require_live()
        item = self._item(item_id)
        warnings = self._confirm(rules.quorum_warnings(self.meeting, item), confirm)
        payload = {"item_id": item.id, "reason": self._text(reason, allow_empty=True)}
        return self._commit("item_postponed", payload, warnings=warnings)
