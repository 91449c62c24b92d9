"""An imported meeting made ready to store, in the parser process that read it.

The archive has one writer, so whatever storing costs is paid by one process while the parsers
wait. Most of it does not depend on the id the meeting gets there: the text of the import
event, the rows of the state tables and the search rows with their Danish stems. A parser
process makes all of that (`prepare`); the writer only puts the id in and inserts
(`service.import_meeting`). What crosses between the processes is then text and tuples, which
pickle in a tenth of the time the pydantic model takes on both sides, and the meeting is dumped
once, not once for the event and once more, block by block, for its rows. The event's text
crosses in UTF-8, as orjson writes it: the writer hashes and stores those bytes, and neither it
nor the hand-over encodes or decodes the 650 KB of a byråd meeting's event again.

The result is exactly what storing the model gives: the rows `records.meeting_rows` and
`search_index.new_meeting_rows` make with the id, the event text `events.canonical` makes of the
payload (tests hold each equal), so `meetingtui verify` and replay cannot tell them apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import orjson

from meetingtui.models import Meeting
from meetingtui.storage import records, search_index
from meetingtui.storage.columns import COLUMNS, UTF8_COLUMNS
from meetingtui.storage.events import canonical

Row = tuple[Any, ...]
_UNKNOWN_ID = 0  # the meeting id the rows carry until the writer gives the real one
_CONTENT_HASH = COLUMNS["meetings"].index("content_hash")


@dataclass
class PreparedMeeting:
    items: int
    unplaced: int  # pieces of text the importer could not place
    # The meeting's canonical JSON is {json_before,"id":N,json_after}: the keys sort around
    # "id", so the text with the real id is put together without dumping the meeting again.
    # Both in UTF-8, as the event is hashed and stored: the writer encodes none of it.
    json_before: bytes
    json_after: bytes
    text_chars: int  # the length of the meeting's JSON: no text in it, and no line, is longer
    rows: dict[str, list[Row]]  # the state tables' rows, by table (`records.meeting_rows`)
    search_rows: list[Row]  # `search_index.new_meeting_rows`

    def event_payload(self, meeting_id: int, content_hash: str | None) -> str:
        """`events.canonical` of the import event's payload, as `meeting_store._store_new` makes it."""
        return self.event_body(meeting_id, content_hash).decode()

    def event_body(self, meeting_id: int, content_hash: str | None) -> bytes:
        """`event_payload` in UTF-8, put together from the bytes prepared in one copy."""
        head = b'{"meeting":{'
        if content_hash is not None:
            hashed = json.dumps(content_hash, ensure_ascii=False).encode()
            head = b'{"content_hash":%s,"meeting":{' % hashed
        parts = [head]
        if self.json_before:
            parts += [self.json_before, b","]
        parts.append(b'"id":%d' % meeting_id)
        if self.json_after:
            parts += [b",", self.json_after]
        parts.append(b'},"meeting_id":%d}' % meeting_id)
        return b"".join(parts)

    def rows_for(self, meeting_id: int, content_hash: str | None) -> dict[str, list[Row]]:
        """The state rows with the meeting's id (the first column of every table's rows)."""
        rows = {
            table: [(meeting_id, *row[1:]) for row in table_rows]
            for table, table_rows in self.rows.items()
        }
        meeting = list(rows["meetings"][0])
        meeting[_CONTENT_HASH] = content_hash
        rows["meetings"] = [tuple(meeting)]
        return rows

    def search_rows_for(self, meeting_id: int) -> list[Row]:
        return [(meeting_id, *row[1:]) for row in self.search_rows]

    def __getstate__(self) -> dict[str, Any]:
        """What crosses to the writer: the long texts of the rows in UTF-8 (`HANDED_OVER`)."""
        state = dict(self.__dict__)
        state["rows"] = {
            table: _in_utf8(rows, HANDED_OVER[table]) if table in HANDED_OVER else rows
            for table, rows in self.rows.items()
        }
        state["search_rows"] = _in_utf8(self.search_rows, HANDED_OVER["item_search"])
        return state


# The columns of a meeting's long texts, by table: a byråd meeting's sections, their blocks,
# the items' layouts and the search rows' texts and stems, about a megabyte, most of it beyond
# ASCII. Handed over as text, each was encoded to UTF-8 by the pickling parser, decoded by the
# writer's unpickling and encoded again by SQLite's binding; in UTF-8 they are only copied, and
# the writer's INSERTs store them as text.
HANDED_OVER: dict[str, tuple[int, ...]] = {
    **{table: tuple(COLUMNS[table].index(c) for c in cols) for table, cols in UTF8_COLUMNS.items()},
    "item_search": search_index.UTF8_COLUMNS,
}


def _in_utf8(rows: list[Row], columns: tuple[int, ...]) -> list[Row]:
    """`rows` with the text of `columns` in UTF-8."""
    out = []
    for row in rows:
        values = list(row)
        for column in columns:
            if type(values[column]) is str:
                values[column] = _utf8(values[column])
        out.append(tuple(values))
    return out


def _utf8(text: str) -> bytes | str:
    """A text that cannot be UTF-8 (a lone surrogate, which a cleaned model never holds) stays
    text: the writer's binding refuses it as it did."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return text


def prepare(meeting: Meeting, *, unplaced: int) -> PreparedMeeting:
    """Everything storing `meeting` (just parsed, without an id) writes, but the id; `unplaced`
    is the importer's count of the pieces of text it could not place."""
    assert meeting.id is None
    dumped = _dumped(meeting)
    del dumped["id"]
    same_bytes = meeting.ocr is None or meeting.ocr.confidence is None
    before = _canonical({key: value for key, value in dumped.items() if key < "id"}, same_bytes)
    after = _canonical({key: value for key, value in dumped.items() if key > "id"}, same_bytes)
    # Characters, not bytes: the bound `archive` puts on a line's length is in characters.
    chars = _chars(before) + _chars(after) - 4
    meeting.id = _UNKNOWN_ID
    try:
        rows = records.meeting_rows(meeting, content_hash=None, dumped=dumped)
        search_rows = search_index.new_meeting_rows(meeting, _UNKNOWN_ID)
    finally:
        meeting.id = None
    return PreparedMeeting(
        items=len(meeting.items),
        unplaced=unplaced,
        json_before=before[1:-1],
        json_after=after[1:-1],
        text_chars=chars,
        rows=rows,
        search_rows=search_rows,
    )


# The blocks of every item's sections and parts, left out of pydantic's dump and put in after.
_BLOCKS = {"items": {"__all__": {"sections": {"__all__": {"blocks"}},
                                 "layout": {"__all__": {"blocks"}}}}}  # fmt: skip


def _dumped(meeting: Meeting) -> dict[str, Any]:
    """`meeting.model_dump(mode="json")`. An import keeps the blocks of its items' text in
    that dumped form already (`importers.structure`): those are put in as they are."""
    raw = any(
        type(block) is dict
        for item in meeting.items
        for blocks in (*(s.blocks for s in item.sections), *(p.blocks for p in item.layout))
        for block in blocks[:1]
    )
    if not raw:
        return meeting.model_dump(mode="json")
    dumped = meeting.model_dump(mode="json", exclude=_BLOCKS)
    for item, item_dumped in zip(meeting.items, dumped["items"], strict=True):
        for section, section_dumped in zip(item.sections, item_dumped["sections"], strict=True):
            section_dumped["blocks"] = _blocks_dumped(section.blocks)
        for part, part_dumped in zip(item.layout, item_dumped["layout"], strict=True):
            part_dumped["blocks"] = _blocks_dumped(part.blocks)
    return dumped


def _blocks_dumped(blocks: list[Any]) -> list[Any]:
    return [b if type(b) is dict else b.model_dump(mode="json") for b in blocks]


def _canonical(payload: dict[str, Any], orjson_same: bool) -> bytes:
    """`events.canonical(payload)` in UTF-8, by orjson (in C, a sixth of the time, and already
    in UTF-8) where its bytes are provably the same: sorted keys, no spaces, no non-ASCII
    escaped, the same escapes for quotes, backslashes and control characters. Its floats are
    not (1e-07 is "1e-7" there); the model's only float is the OCR confidence, so
    `orjson_same` says the meeting has none. What orjson refuses (an int beyond 64 bits; a
    lone surrogate the cleaned model never holds) goes to `canonical`."""
    if not orjson_same:
        return canonical(payload).encode()
    try:
        return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return canonical(payload).encode()  # json.dumps writes it: the same text, only slower


def _chars(encoded: bytes) -> int:
    """The characters of UTF-8 text: every byte but the continuation bytes (0b10xxxxxx)."""
    if encoded.isascii():
        return len(encoded)
    return len(encoded) - len(encoded.translate(None, _NOT_CONTINUATION))


_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b < 0xC0)
