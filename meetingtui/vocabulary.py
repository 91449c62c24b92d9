"""The words of the record: roles, attendance, statuses and kinds, as plain enums.

Kept apart from the pydantic models so that a screen can show a meeting before the models load.
The values follow GLOSSARY.md: Danish where the Danish word is the legal or procedural term
(formand, afbud, inhabil, indstilling, protokoltilførsel, ...), English for the plain states and
choices that English names exactly (present, absent, for/against/abstain, adopted, ...).

Older releases wrote some values in Danish. Their events are never rewritten, so those values
are still read: each enum's `LEGACY` maps them to today's member.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    FORMAND = "formand"
    NAESTFORMAND = "næstformand"
    MEDLEM = "medlem"
    STEDFORTRAEDER = "stedfortræder"
    OBSERVATOER = "observatør"

    @property
    def votes_by_default(self) -> bool:
        return self is not Role.OBSERVATOER


# Values written by releases before the language rule (JSON formats 1-2, databases before the
# `language_001` migration): enum name -> old value -> today's value. Read, never written.
LEGACY_VALUES: dict[str, dict[str, str]] = {
    "Attendance": {"fravaerende": "absent"},
    "Choice": {"imod": "against", "undlod": "abstain"},
}


class _Legacy(StrEnum):
    """An enum that also reads the values older releases wrote (see LEGACY_VALUES)."""

    @classmethod
    def _missing_(cls, value: object) -> _Legacy | None:
        today = LEGACY_VALUES.get(cls.__name__, {}).get(value) if isinstance(value, str) else None
        return None if today is None else cls(today)


class Attendance(_Legacy):
    UNKNOWN = "unknown"
    PRESENT = "present"
    AFBUD = "afbud"  # sent apologies (lovligt forfald): the Danish term
    ABSENT = "absent"  # fraværende: absent without apologies


class MovementKind(StrEnum):
    ARRIVED = "arrived"
    LEFT = "left"


class MeetingKind(StrEnum):
    ORDINAERT = "ordinært"
    EKSTRAORDINAERT = "ekstraordinært"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"
    APPROVED = "approved"


class DocumentKind(StrEnum):
    """What an imported document was: a referat has decisions, a dagsorden does not."""

    LIVE = "live"
    REFERAT = "referat"
    DAGSORDEN = "dagsorden"


class ItemStatus(StrEnum):
    PENDING = "pending"
    CURRENT = "current"
    DECIDED = "decided"
    POSTPONED = "postponed"
    WITHDRAWN = "withdrawn"  # taken off the agenda during the meeting ("Punktet udgik.")


class AgendaChangeKind(StrEnum):
    """How the agenda changed during the meeting, as Danish referats say it."""

    ADDED = "added"  # "Punktet blev optaget på dagsordenen med formandens godkendelse."
    WITHDRAWN = "withdrawn"  # "Punktet udgik."
    MOVED = "moved"  # "Punktet blev behandlet før punkt 3."


class TimeKind(StrEnum):
    """A time of the record the secretary may correct."""

    MEETING_START = "meeting_start"  # when the meeting was opened
    MEETING_END = "meeting_end"  # when it was closed ("Mødet sluttede kl. 18.40.")
    ITEM_START = "item_start"
    ITEM_END = "item_end"
    ARRIVAL = "arrival"  # "X kom kl. 17.05 under punkt 2"
    DEPARTURE = "departure"  # "X forlod mødet kl. 18.40 under punkt 4"


class AbsenceKind(StrEnum):
    ABSENT = "absent"  # did not take part in the item ("deltog ikke i behandlingen")
    INHABIL = "inhabil"  # conflict of interest


class MotionKind(StrEnum):
    INDSTILLING = "indstilling"
    AENDRINGSFORSLAG = "ændringsforslag"
    ANDET = "andet"


class Choice(_Legacy):
    """A ballot: for, against, abstain ("stemte for", "imod", "undlod at stemme")."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class VoteResult(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"  # includes a tie: the proposal falls


class DissentKind(StrEnum):
    PROTOKOLTILFOERSEL = "protokoltilførsel"
    MINDRETALSUDTALELSE = "mindretalsudtalelse"
    FORBEHOLD = "forbehold"


class PartKind(StrEnum):
    """What a heading of an imported item holds (`ItemPart`)."""

    TEXT = "text"  # text before the first heading
    SECTION = "section"
    RECOMMENDATION = "recommendation"
    AUTHORITY = "authority"
    DECISION = "decision"
    ATTACHMENTS = "attachments"
    HISTORY = "history"
    ATTENDANCE = "attendance"
