"""Item numbers with leading zeros ("01", "007") are items 1 and 7, in every reader, in the
title list, in a later join and in the exports; a sub-number "3.1" and a letter "3a" stay as
written. Documents are built in code in every format (`tests/formats.py`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingtui import importers, service
from meetingtui.archive import FileStatus, import_paths
from meetingtui.exporters import markdown
from meetingtui.storage import records
from meetingtui.storage.db import APPLIED_MIGRATIONS, connect, schema_version
from meetingtui.verify import checked_meeting, verify
from tests.formats import WRITERS, Item, Part, Spec, as_pdf
from tests.meetings import committee_meeting, stored

PARTS = [Part("Sagsfremstilling", ["Sagen forelægges."]), Part("Beslutning", ["Godkendt."], True)]


def _spec(*numbers: str) -> Spec:
    titles = ["Godkendelse af dagsorden", "Budgetopfølgning", "Trafikplan", "Eventuelt"]
    return Spec(
        items=[Item(n, titles[k], f"24/{1000 + k}", list(PARTS)) for k, n in enumerate(numbers)]
    )


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_leading_zeros_are_dropped_in_every_reader(fmt: str) -> None:
    _fmt, [meeting] = importers.parse(WRITERS[fmt](_spec("01", "02", "007")), source=fmt)
    assert [i.number for i in meeting.items] == ["1", "2", "7"]


@pytest.mark.parametrize("fmt", ["text", "pdf", "docx"])
def test_a_lettered_item_loses_its_zero_and_keeps_its_letter(fmt: str) -> None:
    _fmt, [meeting] = importers.parse(WRITERS[fmt](_spec("03", "03a", "04")), source=fmt)
    assert [i.number for i in meeting.items] == ["3", "3a", "4"]


# Acadre's `sort` is an integer: it has neither sub-numbers nor letters.
@pytest.mark.parametrize("fmt", ["firstagenda-json", "firstagenda-html", "sbsys-xml", "edoc-xml"])
def test_sub_numbers_and_letters_stay_as_written(fmt: str) -> None:
    _fmt, [meeting] = importers.parse(WRITERS[fmt](_spec("3", "3.1", "3a", "10")), source=fmt)
    assert [i.number for i in meeting.items] == ["3", "3.1", "3a", "10"]


def test_the_export_prints_item_one(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "referat.pdf"
    path.write_bytes(as_pdf(_spec("01", "02")))
    [result] = import_paths(db_path, [path], workers=1).files
    conn = connect(db_path)
    try:
        meeting = records.load_meeting(conn, result.meeting_ids[0])
    finally:
        conn.close()
    text = markdown.to_markdown(meeting)
    assert "1. Godkendelse af dagsorden" in text and "01. " not in text


def _one_item(number: str, decision: str = "Godkendt.") -> Spec:
    parts = [Part("Sagsfremstilling", ["Sagen forelægges."]), Part("Beslutning", [decision], True)]
    return Spec(items=[Item(number, "Trafikplan", "24/1003", parts)])


def test_an_item_stored_as_01_by_an_earlier_import_is_item_1_to_a_later_file(
    tmp_path: Path, db_path: Path
) -> None:
    """A meeting an earlier version imported with its items numbered "01", "02": a file of
    item 1 today is the same item (present), with another text it is refused, and item 3 joins
    after item 2."""
    _fmt, [meeting] = importers.parse(as_pdf(_spec("1", "2")), source="gammel.pdf")
    for item in meeting.items:
        item.number = f"0{item.number}"  # as an earlier version stored them
    item_one = _one_item("1")
    item_one.items[0].title = meeting.items[0].title
    item_one.items[0].case = meeting.items[0].case_number
    conn = connect(db_path)
    try:
        meeting_id = service.import_meeting(conn, meeting, content_hash="gammel")
    finally:
        conn.close()
    same = tmp_path / "punkt01.pdf"
    same.write_bytes(as_pdf(item_one))
    assert import_paths(db_path, [same], workers=1).files[0].status is FileStatus.PRESENT
    item_one.items[0].parts[1].lines = ["Udsat."]
    other = tmp_path / "punkt1-rettet.pdf"
    other.write_bytes(as_pdf(item_one))
    [refused] = import_paths(db_path, [other], workers=1).files
    assert refused.status is FileStatus.FAILED and refused.reason.startswith("Punkt 1 findes")
    third = tmp_path / "punkt03.pdf"
    third.write_bytes(as_pdf(_one_item("03")))
    [joined] = import_paths(db_path, [third], workers=1).files
    assert (joined.status, joined.meeting_ids) == (FileStatus.IMPORTED, [meeting_id])
    conn = connect(db_path)
    try:
        stored = records.load_meeting(conn, meeting_id)
    finally:
        conn.close()
    assert [i.number for i in stored.items] == ["01", "02", "3"]


# --- a database an earlier release left: imported items numbered "01", "02" -------------------


def _earlier_release_database(db_path: Path) -> tuple[int, int]:
    """An imported meeting with items "01", "02", "3a" and a planned meeting whose item the
    chair typed as "01", stored as an earlier release stored them (the import did not yet
    drop the zeros), and the migration that numbers them today not yet applied."""
    _fmt, [meeting] = importers.parse(as_pdf(_spec("1", "2", "3a")), source="gammel.pdf")
    for item in meeting.items:
        item.number = f"0{item.number}"
    planned = committee_meeting()
    planned.items[0].number = "01"
    conn = connect(db_path)
    try:
        imported_id = service.import_meeting(conn, meeting, content_hash="gammel")
        planned_id = service.create_meeting(conn, planned)
        # Nor the migration after it.
        conn.execute("ALTER TABLE meetings DROP COLUMN item_sessions")
        conn.execute("ALTER TABLE items DROP COLUMN decided_at")
        conn.execute(
            "DELETE FROM _sqlite_migrations WHERE name IN "
            "('importers_002_plain_item_numbers', 'live_003_item_sessions', "
            "'live_004_decided_at')"
        )
        conn.commit()
    finally:
        conn.close()
    assert imported_id is not None
    return imported_id, planned_id


def _search_numbers(db_path: Path, meeting_id: int) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT number FROM item_search WHERE meeting_id = ? ORDER BY item_id", (meeting_id,)
        )
        return [number for (number,) in rows]
    finally:
        conn.close()


def _event_types(db_path: Path, meeting_id: int) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT type FROM events WHERE meeting_id = ? ORDER BY seq", (meeting_id,)
        )
        return [type_ for (type_,) in rows]
    finally:
        conn.close()


def test_the_migration_numbers_an_earlier_releases_imports_as_the_import_does(
    db_path: Path,
) -> None:
    imported_id, planned_id = _earlier_release_database(db_path)
    assert _search_numbers(db_path, imported_id) == ["01", "02", "03a"]  # truly the old shape
    conn = connect(db_path)  # opening applies the migration
    try:
        assert verify(conn).ok
        assert schema_version(conn) == APPLIED_MIGRATIONS
        imported = records.load_meeting(conn, imported_id)
        planned = records.load_meeting(conn, planned_id)
    finally:
        conn.close()
    assert [i.number for i in imported.items] == ["1", "2", "3a"]
    assert _search_numbers(db_path, imported_id) == ["1", "2", "3a"]
    assert _event_types(db_path, imported_id) == ["meeting_imported", "item_numbers_plain"]
    # A meeting created in meetingtui keeps the numbers its chair typed.
    assert planned.items[0].number == "01"
    assert _event_types(db_path, planned_id) == ["meeting_created"]
    # Opening again changes nothing more.
    connect(db_path).close()
    assert _event_types(db_path, imported_id) == ["meeting_imported", "item_numbers_plain"]


def test_after_the_migration_the_record_replays_and_exports_with_item_one(
    tmp_path: Path, db_path: Path
) -> None:
    imported_id, _planned_id = _earlier_release_database(db_path)
    conn = connect(db_path)
    try:
        meeting, _head = checked_meeting(conn, imported_id)  # replayed and compared
    finally:
        conn.close()
    text = markdown.to_markdown(meeting)
    assert "1. Godkendelse af dagsorden" in text and "01. " not in text
    third = tmp_path / "punkt4.pdf"
    third.write_bytes(as_pdf(_one_item("4")))
    [joined] = import_paths(db_path, [third], workers=1).files
    assert (joined.status, joined.meeting_ids) == (FileStatus.IMPORTED, [imported_id])
    assert [i.number for i in stored(db_path, imported_id).items] == ["1", "2", "3a", "4"]
