"""The text's blocks kept in their dumped form until the meeting is stored: the models made of
them are the models the importer made directly, their plain text is `blocks_text` of those,
and a meeting prepared from that form stores exactly what its models store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingtui import importers
from meetingtui.importers.source import Block, Cont, Span, Table
from meetingtui.importers.structure import clean_joined, content, meeting_models, raw_text
from meetingtui.models import (
    ListBlock,
    Meeting,
    Paragraph,
    TableBlock,
    blocks_text,
    clean_text,
)
from meetingtui.storage.prepared import prepare
from tests.docfixtures import make_pdf
from tests.structured_documents import firstagenda_referat, sbsys_publication
from tests.test_import_structure import HEADER, _greve_like, _json_meeting, _word_referat

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"

_LINES = [*HEADER, "1. Budget", "Sagsfremstilling", "Første linje af teksten",
          "1. at budgettet godkendes", "2. at rammen fastholdes", "• en ting", "• en anden", "",
          "Nyt afsnit.", "Beslutning:", "Godkendt."]  # fmt: skip
_LISTS = "\n".join(_LINES).encode()


def _documents() -> list[tuple[str, bytes]]:
    docs = [
        ("referat.json", json.dumps(firstagenda_referat(), ensure_ascii=False).encode()),
        ("publication.xml", sbsys_publication()),
        ("word.docx", _word_referat()),
        ("lists.txt", _LISTS),
        ("lists.pdf", make_pdf([_LINES])),
    ]
    if SAMPLES.is_dir():
        docs += [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))]
    return docs


_DOCUMENTS = _documents()


def _fields(block: Any) -> Any:
    """A model's values, the fields it says were set and its class, all the way down."""
    if isinstance(block, list):
        return [_fields(b) for b in block]
    if hasattr(block, "model_fields_set"):
        return (type(block), sorted(block.model_fields_set),
                {k: _fields(v) for k, v in block.__dict__.items()})  # fmt: skip
    return block


def _pair(name: str, data: bytes) -> tuple[list[Meeting], list[Meeting]]:
    models = importers.import_bytes(data, source=name).meetings
    raw = importers.import_bytes(data, source=name, models=False).meetings
    return models, raw


@pytest.mark.parametrize(("name", "data"), _DOCUMENTS, ids=[name for name, _ in _DOCUMENTS])
def test_the_dumped_form_is_the_models_dump_and_makes_the_same_models(
    name: str, data: bytes
) -> None:
    models, raw = _pair(name, data)
    for model, kept in zip(models, raw, strict=True):
        for item, raw_item in zip(model.items, kept.items, strict=True):
            for section, raw_section in zip(item.sections, raw_item.sections, strict=True):
                dumped = [b.model_dump(mode="json") for b in section.blocks]
                assert raw_section.blocks == dumped
                assert raw_text(raw_section.blocks) == blocks_text(section.blocks)
            for part, raw_part in zip(item.layout, raw_item.layout, strict=True):
                assert raw_part.blocks == [b.model_dump(mode="json") for b in part.blocks]
        meeting_models(kept)
        assert kept == model
        assert _fields(kept.items) == _fields(model.items)
        assert kept.model_dump(mode="json") == model.model_dump(mode="json")


@pytest.mark.parametrize(("name", "data"), _DOCUMENTS, ids=[name for name, _ in _DOCUMENTS])
def test_a_meeting_prepared_from_the_dumped_form_stores_what_its_models_store(
    name: str, data: bytes
) -> None:
    models, raw = _pair(name, data)
    for model, kept in zip(models, raw, strict=True):
        ours, theirs = prepare(kept, unplaced=0), prepare(model, unplaced=0)
        assert ours.event_body(3, "ab" * 32) == theirs.event_body(3, "ab" * 32)
        assert ours.rows_for(3, None) == theirs.rows_for(3, None)
        assert ours.search_rows_for(3) == theirs.search_rows_for(3)
        assert ours.text_chars == theirs.text_chars


def test_structured_blocks_of_every_kind_keep_their_text() -> None:
    for meeting in (_json_meeting(), _greve_like(), importers.parse(_word_referat())[1][0]):
        kinds = {type(b) for i in meeting.items for s in i.sections for b in s.blocks}
        kinds |= {type(b) for i in meeting.items for p in i.layout for b in p.blocks}
        for item in meeting.items:
            for section in item.sections:
                dumped = [b.model_dump(mode="json") for b in section.blocks]
                assert raw_text(dumped) == blocks_text(section.blocks)
        assert kinds <= {Paragraph, ListBlock, TableBlock}
    kinds = {type(b) for i in _json_meeting().items for s in i.sections for b in s.blocks}
    assert kinds == {Paragraph, ListBlock, TableBlock}


def test_list_labels_in_the_dumped_form_are_the_models() -> None:
    for ordered in (False, True):
        for numbering in ("decimal", "lower-letter", "upper-letter"):
            for start in (1, 3, 25, 27):
                items = [{"runs": [{"text": f"punkt {k}", "bold": False, "italic": False}],
                          "level": k % 2} for k in range(4)]  # fmt: skip
                raw = {"type": "list", "ordered": ordered, "start": start,
                       "numbering": numbering, "items": items}  # fmt: skip
                model = ListBlock.model_validate(raw)
                assert raw_text([raw]) == blocks_text([model])


_PIECES = ["Byrådet", " godkendte", "\u030a", "a", "\r\n", "\x07", "\uf0b7", "\ufffe", "1.", "•",
           "  ", "\u00a0", "Å", "e\u0301", "–"]  # fmt: skip
_DIRTY = st.sampled_from(_PIECES)


@st.composite
def _blocks(draw: st.DrawFn) -> list[Block]:
    out = []
    for _ in range(draw(st.integers(1, 6))):
        text = "".join(draw(st.lists(_DIRTY, min_size=1, max_size=5)))
        spans = tuple(
            Span("".join(draw(st.lists(_DIRTY, min_size=1, max_size=3))), draw(st.booleans()))
            for _ in range(draw(st.integers(0, 3)))
        )
        label = draw(st.sampled_from(["", "", "1.", "b)", "•"]))
        table = Table([[text, "x\u030a"], ["\x07", text]], 1) if draw(st.booleans()) else None
        cont = draw(st.sampled_from([Cont.NEW, Cont.WRAP, Cont.BREAK]))
        out.append(Block(text, cont=cont, spans=spans, list_label=label, table=table))
    return out


@settings(max_examples=300, deadline=None)
@given(_blocks())
def test_a_parts_joined_text_needs_no_cleaning_but_its_composition(blocks: list[Block]) -> None:
    text = raw_text(content(blocks))
    assert clean_joined(text) == clean_text(text)
