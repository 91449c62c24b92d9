"""A meeting prepared for storing in a parser process is stored exactly as the model would be:
the same import event text, the same state rows, the same search rows."""

from __future__ import annotations

import json
import pickle
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from meetingtui import importers, service
from meetingtui.archive import FileStatus, import_paths, parse_file
from meetingtui.models import Meeting, OcrNote
from meetingtui.storage import events, records, search
from meetingtui.storage.db import connect
from meetingtui.storage.events import canonical
from meetingtui.storage.prepared import prepare
from meetingtui.verify import verify
from tests.structured_documents import firstagenda_referat, sbsys_publication

HASH = "ab" * 32


def _documents() -> list[tuple[str, bytes]]:
    referat = json.dumps(firstagenda_referat(), ensure_ascii=False).encode()
    return [("referat.json", referat), ("publication.xml", sbsys_publication())]


def _parsed(data: bytes, name: str) -> Meeting:
    [meeting] = importers.import_bytes(data, source=name).meetings
    return meeting


@pytest.mark.parametrize(("name", "data"), _documents())
def test_prepared_rows_and_event_are_those_of_the_model(name: str, data: bytes) -> None:
    prepared = prepare(_parsed(data, name), unplaced=0)
    meeting = _parsed(data, name)
    meeting.id = 7
    payload = {"meeting_id": 7, "meeting": meeting.model_dump(mode="json"), "content_hash": HASH}
    assert prepared.event_payload(7, HASH) == canonical(payload)
    assert prepared.rows_for(7, HASH) == records.meeting_rows(meeting, content_hash=HASH)
    assert prepared.search_rows_for(7) == search.new_meeting_rows(meeting, 7)
    assert prepared.items == len(meeting.items) and prepared.items > 1


def _stored(db: Path) -> tuple[list[tuple[object, ...]], list[dict[str, list[tuple[object, ...]]]]]:
    conn = connect(db)
    try:
        assert verify(conn).problems == []
        # Everything but the time of import (and the hashes that cover it).
        events = conn.execute("SELECT seq, meeting_id, type, payload FROM events").fetchall()
        rows = [records.stored_rows(conn, m) for (m,) in conn.execute("SELECT id FROM meetings")]
        rows.append({"item_search": conn.execute("SELECT * FROM item_search").fetchall()})
        return events, rows
    finally:
        conn.close()


def _store_models(db: Path, files: list[Path], order: list[str]) -> None:
    """Store the files' models straight through the command API, in `order` of content hash
    (the order the parser processes finished in), so that the meetings get the same ids."""
    parsed = [parse_file(str(path)) for path in files]
    parsed.sort(key=lambda p: order.index(p.content_hash))
    conn = connect(db)
    try:
        for file in parsed:
            assert not file.prepared and file.meetings
            for meeting in file.meetings:
                service.import_meeting(conn, meeting, content_hash=file.content_hash)
    finally:
        conn.close()


def _same_as_models(tmp_path: Path, files: list[Path], workers: int) -> None:
    summary = import_paths(tmp_path / "prepared.db", files, workers=workers)
    assert [f.status for f in summary.files] == [FileStatus.IMPORTED] * len(files)
    conn = connect(tmp_path / "prepared.db")
    order = [h for (h,) in conn.execute("SELECT content_hash FROM meetings ORDER BY id")]
    conn.close()
    _store_models(tmp_path / "models.db", files, order)
    assert _stored(tmp_path / "prepared.db") == _stored(tmp_path / "models.db")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_import_stores_what_storing_the_model_stores(tmp_path: Path, workers: int) -> None:
    files = []
    for name, data in _documents():
        files.append(tmp_path / name)
        files[-1].write_bytes(data)
    _same_as_models(tmp_path, files, workers)


def test_the_greve_samples_store_what_their_models_store(tmp_path: Path, samples: Path) -> None:
    files = sorted(samples.glob("greve_*.json"))
    assert files
    _same_as_models(tmp_path, files, 2)


def test_an_item_file_is_handed_over_as_its_model(tmp_path: Path) -> None:
    document = firstagenda_referat()
    document["Dagsordenpunkter"] = document["Dagsordenpunkter"][:1]
    path = tmp_path / "punkt.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    parsed = parse_file(str(path), for_storing=True)
    # Stored last, with the other items of its meeting: the model is needed there.
    assert parsed.item_file and parsed.meetings and not parsed.prepared


def test_a_prepared_meeting_left_unstored_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "referat.json"
    path.write_bytes(_documents()[0][1])
    parsed = parse_file(str(path), for_storing=True)
    assert parsed.prepared and not parsed.meetings
    conn = connect(tmp_path / "a.db")
    try:
        first = service.import_meeting(conn, parsed.prepared[0], content_hash=HASH)
        again = service.import_meeting(conn, parsed.prepared[0], content_hash=HASH)
        count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    assert (first, again, count) == (1, None, 1)


def _event_of(meeting: Meeting) -> tuple[str, str]:
    """The import event's text prepared, and the text `events.canonical` gives the model."""
    prepared = prepare(meeting.model_copy(deep=True), unplaced=0)
    meeting.id = 7
    payload = {"meeting_id": 7, "meeting": meeting.model_dump(mode="json"), "content_hash": HASH}
    return prepared.event_payload(7, HASH), canonical(payload)


def test_the_event_text_escapes_every_character_as_canonical_does() -> None:
    meeting = _parsed(*reversed(_documents()[0]))
    # Every character a text can hold once cleaned: quotes, backslashes, tabs, newlines,
    # Danish letters, other scripts, emoji, the line separators JSON leaves unescaped.
    meeting.title = "".join(chr(c) for c in range(0x20, 0x3000)) + '\t\n"\\ø\u2028\u2029😀'
    prepared, model = _event_of(meeting)
    assert prepared == model and '\\t\\n\\"\\\\ø\u2028' in prepared


def test_an_ocr_confidence_is_written_as_canonical_writes_a_float() -> None:
    meeting = _parsed(*reversed(_documents()[0]))
    meeting.ocr = OcrNote(engine="Tesseract", pages=3, confidence=1e-05)
    prepared, model = _event_of(meeting)
    assert prepared == model and '"confidence":1e-05' in prepared


def test_a_number_too_large_for_the_fast_serialiser_is_written_all_the_same() -> None:
    meeting = _parsed(*reversed(_documents()[0]))
    meeting.ocr = OcrNote(engine="Tesseract", pages=2**70)
    prepared, model = _event_of(meeting)
    assert prepared == model and f'"pages":{2**70}' in prepared


def _float_fields(model: type[BaseModel], seen: set[type]) -> set[str]:
    found = set()
    for name, field in model.model_fields.items():
        for kind in _types_in(field.annotation):
            if kind is float:
                found.add(f"{model.__name__}.{name}")
            elif isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                seen.add(kind)
                found |= _float_fields(kind, seen)
    return found


def _types_in(annotation: object) -> list[object]:
    args = typing.get_args(annotation)
    return [kind for arg in args for kind in _types_in(arg)] if args else [annotation]


def test_the_only_float_a_meeting_holds_is_the_ocr_confidence() -> None:
    # The event text is written by orjson unless the meeting has a float (`prepared`): a
    # new float field must be handled there as the confidence is.
    assert _float_fields(Meeting, set()) == {"OcrNote.confidence"}


def test_an_encoded_event_is_stored_and_hashed_as_its_text(tmp_path: Path) -> None:
    # The writer stores a prepared meeting's event from the UTF-8 its parser process made.
    body = canonical({"meeting_id": 3, "title": 'Å "ø" \\ \u2028 😀', "n": 1})
    conns = [connect(tmp_path / f"{kind}.db") for kind in ("text", "encoded")]
    try:
        for conn in conns:
            events.append_canonical(conn, 3, "meeting_imported", "2024-01-01T10:00:00", "{}")
        by_text = events.append_canonical(conns[0], 3, "x", "2024-01-02T10:00:00", body)
        by_bytes = events.append_encoded(conns[1], 3, "x", "2024-01-02T10:00:00", body.encode())
        stored = [
            conn.execute(
                "SELECT typeof(payload), payload, hash FROM events WHERE seq = 2"
            ).fetchone()
            for conn in conns
        ]
    finally:
        for conn in conns:
            conn.close()
    assert by_bytes == by_text
    assert stored[0] == stored[1] == ("text", body, by_text[1])


def test_the_prepared_length_counts_characters_not_bytes() -> None:
    meeting = _parsed(*reversed(_documents()[0]))
    meeting.title = "Økonomiudvalget 😀"
    prepared = prepare(meeting.model_copy(deep=True), unplaced=0)
    text = prepared.event_payload(7, None)
    meeting_json = text[len('{"meeting":{') : text.rindex('},"meeting_id":')]
    assert prepared.text_chars == len(meeting_json) - len(',"id":7,')


def test_the_long_texts_cross_in_utf8_and_are_stored_as_text(tmp_path: Path) -> None:
    path = tmp_path / "referat.json"
    path.write_bytes(_documents()[0][1])
    parsed = parse_file(str(path), for_storing=True)
    crossed = pickle.loads(pickle.dumps(parsed))  # as a parser process hands it over
    [prepared] = crossed.prepared
    assert {type(row[4]) for row in prepared.rows["sections"]} == {bytes}
    assert {type(row[9]) for row in prepared.search_rows} == {bytes}
    stored = []
    for name, meeting in (("here", parsed.prepared[0]), ("crossed", prepared)):
        conn = connect(tmp_path / f"{name}.db")
        try:
            service.import_meeting(conn, meeting, content_hash=HASH)
            tables = [*records.stored_rows(conn, 1).items(), ("item_search", [])]
            stored.append(
                {
                    table: conn.execute(
                        f"SELECT {', '.join(f'typeof({c}), {c}' for c in columns)} FROM {table}"
                    ).fetchall()
                    for table, columns in (
                        (t, [r[1] for r in conn.execute(f"PRAGMA table_info({t})")])
                        for t, _rows in tables
                    )
                }
            )
        finally:
            conn.close()
    assert stored[0] == stored[1]
    assert "blob" not in {kind for rows in stored[1].values() for row in rows for kind in row[::2]}
