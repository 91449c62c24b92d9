"""Indexing of stored meetings for search: every item reaches the FTS5 index."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from meetingtui import service
from meetingtui.models import AgendaItem, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.db import connect, transaction


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
    assert [h.item_id for h in search.search(conn, "ord450")] == [450]
    assert [h.item_id for h in search.search(conn, "ord1")] == [1]
    assert len(search.search(conn, "lokalplan", limit=1000)) == 450
    assert len(search.search(conn, "godkendt", limit=1000)) == 225
    conn.execute("INSERT INTO item_search_fts(item_search_fts) VALUES ('integrity-check')")
    # Indexing again replaces the rows rather than adding to them.
    with transaction(conn):
        search.index_meeting(conn, meeting_id)
    assert len(search.search(conn, "lokalplan", limit=1000)) == 450
