"""A referat exported from one database and imported into another's archive, as an archivist
does with a neighbour committee's records. The export carries the meeting's id in the database
it came from; the archive refused every such file ("Importen fejlede: AssertionError"), because
the round-trip tests exported meetings that had never been stored and so had no id."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.archive import FileStatus, import_paths
from meetingtui.exporters import export
from meetingtui.models import Meeting
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting
from tests.meetings import committee_meeting, recorded_meeting, store, stored


def _comparable(meeting: Meeting) -> dict[str, object]:
    return meeting.model_dump(mode="json", exclude={"id", "source"})


@pytest.mark.parametrize("fmt", ["json", "docx"])
def test_a_stored_meetings_export_imports_into_another_archive(tmp_path: Path, fmt: str) -> None:
    source_db = tmp_path / "udvalget.db"
    store(source_db, committee_meeting())  # the meeting exported is not the first one there
    meeting = stored(source_db, store(source_db, recorded_meeting()))
    assert meeting.id == 2
    path = tmp_path / f"referat.{fmt}"
    path.write_bytes(export(meeting, fmt, public=False))

    archive = tmp_path / "arkiv.db"
    store(archive, committee_meeting())  # the archive already holds a meeting with id 1
    [result] = import_paths(archive, [path], workers=1).files
    assert result.status is FileStatus.IMPORTED, result.reason
    [meeting_id] = result.meeting_ids
    assert meeting_id == 2
    conn = connect(archive)
    try:
        back = load_meeting(conn, meeting_id)
        assert _comparable(load_meeting(conn, 1)) == _comparable(stored(source_db, 1))
    finally:
        conn.close()
    assert _comparable(back) == _comparable(meeting)
    # The same file again is recognised, not stored twice.
    assert import_paths(archive, [path], workers=1).files[0].status is FileStatus.PRESENT
