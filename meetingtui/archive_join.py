"""One-item files whose meeting is already in the archive: each file's item joins it.

The import run keeps one-item files until the end and groups them by meeting
(`archive.store_item_files`). A group whose meeting was imported in an earlier run is stored
here, file by file, through the `join_item` command (item_join.py): a file that adds its item
says so in its note, a file the meeting already holds is "already present", and a file that
disagrees with the record fails with the reason and changes nothing, without holding back the
other files of its group.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from meetingtui.errors import CommandRefused, MeetingError
from meetingtui.i18n import t
from meetingtui.item_join import Joined, home_meeting, join_item, meeting_label

if TYPE_CHECKING:
    from meetingtui.archive import FileResult, ParsedFile


def join_group(
    conn: sqlite3.Connection, files: list[ParsedFile], group_hash: str
) -> list[FileResult] | None:
    """The results of the files of one meeting joined to the imported meeting in the archive,
    in their order; None when there is no such meeting, or when this very group (the same
    files) made it: `store_parsed` then stores the group, or finds it present, as before."""
    from meetingtui.archive import FileResult, FileStatus

    known = conn.execute("SELECT 1 FROM meetings WHERE content_hash = ?", (group_hash,)).fetchone()
    if known is not None:
        return None
    first = files[0].meetings[0]
    try:
        meeting_id = home_meeting(conn, first)
    except CommandRefused as refused:
        return [
            FileResult(f.path, FileStatus.FAILED, format=f.format, reason=refused.message)
            for f in files
        ]
    if meeting_id is None:
        return None
    note = t("import.joined", meeting=meeting_label(first))
    results: list[FileResult] = []
    for parsed in files:
        result = FileResult(
            path=parsed.path,
            status=FileStatus.FAILED,
            format=parsed.format,
            items=1,
            warnings=[t(key, **params) for key, params in parsed.warnings],
        )
        results.append(result)
        _join_file(conn, meeting_id, parsed, result, note)
    return results


def _join_file(
    conn: sqlite3.Connection, meeting_id: int, parsed: ParsedFile, result: FileResult, note: str
) -> None:
    from meetingtui.archive import STOPPING_FAULTS, FileStatus, ImportStopped
    from meetingtui.importers.finish import unplaced_count

    meeting = parsed.meetings[0]
    try:
        joined = join_item(conn, meeting_id, meeting, content_hash=parsed.content_hash)
    except CommandRefused as refused:
        result.reason = refused.message
        return
    except MeetingError as error:
        result.reason = t("import.error.storage", reason=error.message)
        if error.key in STOPPING_FAULTS:
            raise ImportStopped(result, error.message) from error
        return
    except sqlite3.Error as error:
        result.reason = t("import.error.storage", reason=str(error))
        return
    if joined is Joined.PRESENT:
        result.status = FileStatus.PRESENT
    else:
        result.status = FileStatus.IMPORTED
        result.meeting_ids = [meeting_id]
        result.note = note
        if joined is Joined.REPLACED:
            result.note += t("import.replaced_undecided", number=meeting.items[0].number)
        result.unplaced = unplaced_count(meeting)
