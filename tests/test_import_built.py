"""The importer's models made without validation equal the validated ones, field for field."""

from __future__ import annotations

from typing import Any

import pytest

from meetingtui.importers.built import built
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    DecisionEntry,
    ItemAbsence,
    ItemPart,
    Paragraph,
    PartKind,
    Section,
    TextRun,
)

# A control character, a carriage return and a decomposed "å" (a + ring): what validation
# cleans away or normalises.
DIRTY = "Be\x07slutning\r\nom a\u030arsplan"

CASES: list[tuple[type, dict[str, Any]]] = [
    (AgendaItem, {"id": 3, "number": "3a", "title": DIRTY, "case_number": "24/1", "closed": True}),
    (AgendaItem, {"id": 1, "number": "1", "title": "Budget"}),
    (Section, {"heading": DIRTY, "text": DIRTY, "blocks": [Paragraph(runs=[TextRun(text="x")])]}),
    (Section, {"heading": ""}),
    (ItemPart, {"kind": PartKind.SECTION, "heading": DIRTY, "index": 2}),
    (ItemPart, {"kind": PartKind.DECISION, "blocks": [Paragraph(runs=[TextRun(text="y")])]}),
    (DecisionEntry, {"body": "Byrådet", "date": "3. maj 2016", "text": DIRTY}),
    (DecisionEntry, {"text": "Godkendt."}),
    (ItemAbsence, {"name": DIRTY, "kind": AbsenceKind.ABSENT, "reason": "Fraværende"}),
]


@pytest.mark.parametrize(("cls", "values"), CASES)
def test_built_is_the_validated_model(cls: type, values: dict[str, Any]) -> None:
    validated = cls(**values)
    made = built(cls, **values)
    assert type(made) is cls
    assert made == validated
    assert made.model_dump(mode="json") == validated.model_dump(mode="json")
    assert made.model_fields_set == validated.model_fields_set
    assert made.__pydantic_extra__ == validated.__pydantic_extra__
    assert made.__pydantic_private__ == validated.__pydantic_private__


def test_built_cleans_text_and_owns_its_lists() -> None:
    blocks = [Paragraph(runs=[TextRun(text="x")])]
    section = built(Section, heading=DIRTY, blocks=blocks)
    assert section.heading == "Beslutning\nom årsplan"
    blocks.append(Paragraph())
    assert len(section.blocks) == 1  # a copy, as validation makes
    first, second = (
        built(AgendaItem, id=1, number="1", title="A"),
        built(AgendaItem, id=2, number="2", title="B"),
    )
    first.attachments.append("Bilag 1")
    assert second.attachments == []  # every model its own default list


def test_built_refuses_a_missing_required_field() -> None:
    with pytest.raises(TypeError, match="title"):
        built(AgendaItem, id=1, number="1")
