"""Indexing of stored meetings for search: every item reaches the FTS5 index."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from meetingtui import service
from meetingtui.demo import build_demo_meeting
from meetingtui.models import AgendaItem, DecisionEntry, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.db import connect, transaction
from tests.search_support import find


def test_a_meeting_with_more_items_than_one_insert_holds_is_indexed_whole(tmp_path: Path) -> None:
    # Search rows are inserted in chunks; 450 items span three of them.
    items = [
        AgendaItem(
            id=n,
            number=str(n),
            title=f"Punkt {n}",
            sections=[Section(heading="Sagsfremstilling", text=f"Emne ord{n} lokalplan.")],
            decision="Godkendt." if n % 2 else "",
        )
        for n in range(1, 451)
    ]
    meeting = Meeting(
        body="Byrådet",
        starts_at=datetime(2023, 5, 15, 17, 0),
        items=items,
        document_kind=DocumentKind.REFERAT,
    )
    conn = connect(tmp_path / "s.db")
    meeting_id = service.import_meeting(conn, meeting, content_hash="many")
    assert meeting_id is not None
    assert [h.item_id for h in find(conn, "ord450")] == [450]
    assert [h.item_id for h in find(conn, "ord1")] == [1]
    assert len(find(conn, "lokalplan", limit=1000)) == 450
    assert len(find(conn, "godkendt", limit=1000)) == 225
    conn.execute("INSERT INTO item_search_fts(item_search_fts) VALUES ('integrity-check')")
    # Indexing again replaces the rows rather than adding to them.
    with transaction(conn):
        search.index_meeting(conn, meeting_id)
    assert len(find(conn, "lokalplan", limit=1000)) == 450


def _search_rows(conn: sqlite3.Connection, meeting_id: int) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT id, meeting_id, item_id, body, date, number, title, case_number, closed, "
        "document_kind, text, decision FROM item_search WHERE meeting_id = ? ORDER BY id",
        (meeting_id,),
    ).fetchall()


def _rich_meeting() -> Meeting:
    """A referat with every field the index reads: sections, indstilling, decision history,
    attendance notes and unplaced text."""
    meeting = build_demo_meeting()
    meeting.document_kind = DocumentKind.REFERAT
    first = meeting.items[0]
    first.recommendation = "Administrationen indstiller, at sagen godkendes."
    first.decision = "Godkendt."
    first.decision_history = [
        DecisionEntry(body="Økonomiudvalget", date="15-03-2016", text="Anbefales."),
        DecisionEntry(body="", date="", text="Godkendt."),
    ]
    first.attendance_notes = ["Fraværende: Tina Hansen"]
    first.unplaced = ["Note: en tekst uden plads"]
    meeting.items[-1].sections.append(Section(heading="", text="Tekst uden overskrift."))
    return meeting


def test_a_new_meeting_is_indexed_as_reading_it_back_would(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    meeting_id = service.import_meeting(conn, _rich_meeting(), content_hash="rich")
    assert meeting_id is not None
    from_model = _search_rows(conn, meeting_id)
    assert any("Økonomiudvalget 15-03-2016" in row[11] for row in from_model)
    with transaction(conn):
        search.index_meeting(conn, meeting_id)  # from the state tables
    from_tables = _search_rows(conn, meeting_id)
    # The rows are new (fresh ids), their content is the same.
    assert [row[1:] for row in from_model] == [row[1:] for row in from_tables]
