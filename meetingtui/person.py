"""What every participant can say about itself: shared by the record model and the glance (the
meeting read before the models load)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from meetingtui.vocabulary import Attendance, MovementKind


class PersonBasics:
    """A mixin without fields; the attributes it reads are declared for type checkers only,
    because pydantic would take real annotations for fields."""

    if TYPE_CHECKING:
        name: str
        affiliation: str
        attendance: Attendance
        movements: Sequence[Any]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name

    @property
    def is_present_now(self) -> bool:
        """Present at the roll call or arrived later, and not departed since."""
        if self.movements:
            return self.movements[-1].kind is MovementKind.ARRIVED
        return self.attendance is Attendance.PRESENT
