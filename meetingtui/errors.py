"""Errors and warnings the command API gives back: always a catalog message, never a trace."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetingtui.i18n import t, t_count


@dataclass(frozen=True)
class RuleWarning:
    """A rule of procedure that is broken or at risk; the chair decides what to do."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return counted(self.key, self.params)

    def __str__(self) -> str:
        return self.message


def counted(key: str, params: dict[str, object]) -> str:
    """The message, in the singular where it counts exactly one thing ("1 ændringsforslag er",
    "1 recipient was"): a `count` goes through `t_count`."""
    count = params.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        rest = {name: value for name, value in params.items() if name != "count"}
        return t_count(key, count, **rest)
    return t(key, **params)


class MeetingError(Exception):
    """A user-facing error. `key` names a catalog entry; `params` fill it in."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    @property
    def message(self) -> str:
        return counted(self.key, self.params)

    def __str__(self) -> str:
        return self.message


class CommandRefused(MeetingError):
    """The command breaks a hard rule (unknown member, vote closed, ...); nothing was written."""


class ConfirmationRequired(MeetingError):
    """The command breaks a rule the chair may overrule; call again with confirm=True."""

    def __init__(self, warnings: list[RuleWarning], question: str = "") -> None:
        self.warnings = warnings
        # What the chair is asked (a catalog key); empty: whether to go on despite the warnings.
        self.question = question
        super().__init__("confirm.required", details="; ".join(w.message for w in warnings))


class StorageError(MeetingError):
    """The database cannot be used as asked (damaged, locked by another writer, ...)."""


class InputError(MeetingError):
    """A file or argument given by the user is malformed."""
