"""The words of the record: roles, attendance, statuses and kinds, as plain enums.

Kept apart from the pydantic models so that a screen can show a meeting before the models load.
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


class Attendance(StrEnum):
    UNKNOWN = "unknown"
    PRESENT = "present"
    AFBUD = "afbud"  # sent apologies
    FRAVAERENDE = "fravaerende"  # absent without apologies


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


class AbsenceKind(StrEnum):
    ABSENT = "absent"  # did not take part in the item ("deltog ikke i behandlingen")
    INHABIL = "inhabil"  # conflict of interest


class MotionKind(StrEnum):
    INDSTILLING = "indstilling"
    AENDRINGSFORSLAG = "ændringsforslag"
    ANDET = "andet"


class Choice(StrEnum):
    FOR = "for"
    IMOD = "imod"
    UNDLOD = "undlod"


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
