"""The item as the meeting screen describes it: an optional reason left out is not written as
"(-)" or "Begrundelse: -"."""

from __future__ import annotations

from datetime import datetime

from meetingtui.models import AbsenceKind, AgendaItem, ItemAbsence, ItemStatus, Meeting
from meetingtui.screens.item_text import describe_item


def _described(item: AgendaItem) -> list[str]:
    meeting = Meeting(body="Økonomiudvalget", starts_at=datetime(2025, 3, 11, 16), items=[item])
    return describe_item(meeting, item).plain.splitlines()


def test_absences_and_a_postponement_without_a_reason_read_as_sentences() -> None:
    item = AgendaItem(
        id=1,
        number="2",
        title="Valg af næstformand",
        status=ItemStatus.POSTPONED,
        absences=[
            ItemAbsence(participant_id=7, name="Gert Fabrin"),
            ItemAbsence(participant_id=8, name="Lars Holten", kind=AbsenceKind.INHABIL),
            ItemAbsence(participant_id=9, name="Louise Holm", reason="syg"),
        ],
    )
    lines = _described(item)
    assert "Udsat." in lines
    assert "• Gert Fabrin deltager ikke i punktet" in lines
    assert "• Lars Holten er inhabil" in lines
    assert "• Louise Holm deltager ikke i punktet (syg)" in lines
    item.postponed_reason = "Afventer svar fra ministeriet"
    assert "Udsat. Begrundelse: Afventer svar fra ministeriet" in _described(item)
