"""Importing files into the archive: find files, parse them in parallel, store each atomically.

Parsing is the CPU-heavy part, so files are parsed in a process pool (two workers on the usual
laptop, `archive_pool`), which also prepares each meeting's rows and event (`storage.prepared`);
every parsed file is written from the main process, in its own transaction, through
`service.import_meeting`. A file's content hash (SHA-256 of its bytes) makes importing it again
a no-op. Failures never stop the run: each file gets a status and, when it failed, a one-line
reason from the message catalog.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from meetingtui import importers
from meetingtui.archive_pool import collector_paused, parse_in_pool
from meetingtui.archive_walk import find_files, open_regular
from meetingtui.errors import MeetingError
from meetingtui.i18n import get_language, t
from meetingtui.importers import limits
from meetingtui.importers.structure import meeting_models
from meetingtui.models import Meeting
from meetingtui.storage.prepared import PreparedMeeting, prepare

MAX_FILE_BYTES = limits.MAX_FILE_BYTES  # larger files are refused unread (the importers' limit)
# The longest line (paragraph) of any text a meeting may bring in. The Word referat holds each
# line in one XML text node, and the XML parser refuses a node of 10 MB; a million characters
# stays below that however the text escapes. No real referat comes near it (a paragraph of
# 150,000 words): a longer line is a broken text layer or garbage, and the archivist is told
# so, with the item, instead of an archive entry that can never be exported in full.
MAX_LINE_CHARS = 1_000_000


class FileStatus(StrEnum):
    IMPORTED = "imported"
    PRESENT = "present"  # the same content is already in the archive
    FAILED = "failed"
    SKIPPED = "skipped"  # not a regular file (a pipe, a device, a link in a ring): not read


@dataclass
class FileResult:
    path: str
    status: FileStatus
    format: str = ""
    meeting_ids: list[int] = field(default_factory=list)
    meetings: int = 0
    items: int = 0
    unplaced: int = 0  # pieces of text the importer could not place (kept in "unplaced")
    reason: str = ""  # one line, in the active language, when the file failed
    note: str = ""  # one line: where an imported one-item file went ("tilføjet til mødet i …")
    warnings: list[str] = field(default_factory=list)  # what an imported file lost, one line each


@dataclass
class ImportSummary:
    files: list[FileResult]
    elapsed: float = 0.0
    stopped: str = ""  # why the run stopped early (a full disk, a read-only database)

    def count(self, status: FileStatus) -> int:
        return sum(1 for f in self.files if f.status is status)

    @property
    def imported(self) -> int:
        return self.count(FileStatus.IMPORTED)

    @property
    def present(self) -> int:
        return self.count(FileStatus.PRESENT)

    @property
    def failed(self) -> int:
        return self.count(FileStatus.FAILED)

    @property
    def skipped(self) -> int:
        return self.count(FileStatus.SKIPPED)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.stopped

    def __str__(self) -> str:
        key = "import.summary.totals_skipped" if self.skipped else "import.summary.totals"
        totals = t(
            key,
            imported=self.imported,
            present=self.present,
            failed=self.failed,
            skipped=self.skipped,
        )
        if self.stopped:
            return totals + "\n" + t("import.stopped", reason=self.stopped)
        return totals

    def to_dict(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "present": self.present,
            "failed": self.failed,
            "skipped": self.skipped,
            "stopped": self.stopped,
            "unplaced": sum(f.unplaced for f in self.files),
            "elapsed_seconds": round(self.elapsed, 3),
            "files": [{**asdict(f), "status": f.status.value} for f in self.files],
        }


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    items: int  # agenda items found so far
    elapsed: float

    @property
    def eta(self) -> float | None:
        """Seconds left, estimated from the pace so far; None before the first file is done."""
        if self.done == 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)


# Called after each file as on_progress(done, total, items, eta_seconds); eta is None until the
# first file is done. Positional plain values, so any UI can take them without importing ours.
ProgressCallback = Callable[[int, int, int, float | None], None]


# --------------------------------------------------------------------------- parsing


@dataclass
class ParsedFile:
    """What a worker sends back: meetings, or an error as a catalog key (rendered by the caller,
    in the caller's language). A file parsed for storing brings its meetings `prepared` instead,
    except a file of one item (stored last, with the other items of its meeting)."""

    path: str
    content_hash: str = ""
    format: str = ""
    meetings: list[Meeting] = field(default_factory=list)
    prepared: list[PreparedMeeting] = field(default_factory=list)
    item_file: bool = False  # one meeting of one item (`importers.is_item_file`)
    warnings: list[tuple[str, dict[str, object]]] = field(default_factory=list)  # catalog keys
    error_key: str = ""
    error_params: dict[str, object] = field(default_factory=dict)


def parse_file(
    path: str, max_bytes: int = MAX_FILE_BYTES, *, for_storing: bool = False
) -> ParsedFile:
    """Read and parse one file. Never raises: any failure comes back as an error key.

    `for_storing` prepares the meetings of any file but an item file (`storage.prepared`):
    in a parser process, so that the one writing process only inserts."""
    with collector_paused():
        return _parsed(path, max_bytes, for_storing)


def _parsed(path: str, max_bytes: int, for_storing: bool) -> ParsedFile:
    from meetingtui.importers.finish import unplaced_count

    result = ParsedFile(path=path)
    try:
        with os.fdopen(open_regular(path), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                result.error_key = "import.error.too_large"
                result.error_params = {"size": round(size / 2**20, 1), "limit": max_bytes // 2**20}
                return result
            data = handle.read(max_bytes + 1)
        result.content_hash = hashlib.sha256(data).hexdigest()
        # Prepared for storing, the text's blocks stay in the form storing writes (see
        # `importers.structure`); the meetings themselves are then not handed over.
        imported = importers.import_bytes(
            data, source=os.path.basename(path), models=not for_storing
        )
        result.format, result.meetings = imported.format, imported.meetings
        result.warnings = imported.warnings
        result.item_file = importers.is_item_file(result.meetings)
        if for_storing and not result.item_file:
            result.prepared = [
                prepare(meeting, unplaced=unplaced_count(meeting)) for meeting in result.meetings
            ]
        elif for_storing:
            for meeting in result.meetings:  # an item file is joined as models
                meeting_models(meeting)
        for n, meeting in enumerate(result.meetings):
            chars = result.prepared[n].text_chars if result.prepared else None
            too_long = _line_too_long(meeting, chars)
            if too_long is not None:
                result.error_key = "import.error.text_too_long"
                result.error_params = {"where": too_long[0], "length": too_long[1]}
                break
    except MeetingError as error:
        result.error_key, result.error_params = error.key, dict(error.params)
    except OSError as error:
        result.error_key, result.error_params = (
            "import.error.unreadable",
            {"reason": error.strerror or str(error)},
        )
    except RecursionError:
        result.error_key = "import.error.too_deep"
    except Exception as error:  # a hostile file must not stop the whole run
        result.error_key = "import.error.internal"
        result.error_params = {"reason": f"{type(error).__name__}: {error}"[:300]}
    if result.error_key:
        result.meetings, result.prepared = [], []
    elif result.prepared:
        result.meetings = []  # stored from what was prepared: not handed over twice
    return result


def _parse_for_storing(path: str, max_bytes: int) -> ParsedFile:
    """What a parser process runs (a module-level function, so the pool can send it)."""
    return parse_file(path, max_bytes, for_storing=True)


def _line_too_long(meeting: Meeting, text_chars: int | None = None) -> tuple[str, int] | None:
    """(item number or "", length) of the first line longer than MAX_LINE_CHARS, if any.
    `text_chars`, the length of the meeting's JSON, bounds every line: most meetings are
    decided by it without a walk."""
    if text_chars is not None and text_chars <= MAX_LINE_CHARS:
        return None
    meeting_models(meeting)  # dumped below: blocks kept in their dumped form become models

    def longest(value: object) -> int:
        if isinstance(value, str):
            if len(value) <= MAX_LINE_CHARS:  # the usual case, decided without splitting
                return 0
            return max((len(line) for line in value.splitlines()), default=0)
        if isinstance(value, dict):
            return max((longest(v) for v in value.values()), default=0)
        if isinstance(value, list):
            return max((longest(v) for v in value), default=0)
        return 0

    for item in meeting.items:
        # A section's blocks hold the words of its text, never in a longer line: not walked.
        length = longest(item.model_dump(exclude={"sections": {"__all__": {"blocks"}}}))
        if length > MAX_LINE_CHARS:
            return item.number, length
    length = longest(meeting.model_dump(exclude={"items"}))
    return ("", length) if length > MAX_LINE_CHARS else None


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "." if get_language() == "da" else ",")


# --------------------------------------------------------------------------- storing

# Faults of the disk or the database: every further file would fail the same way, so the run
# stops and says so once; files stored before are kept (each in its own transaction).
STOPPING_FAULTS = (
    "storage.disk_full",
    "storage.readonly_file",
    "storage.readonly_folder",
    "storage.readonly_media",
    "storage.io_error",
    "storage.damaged",
    "storage.not_a_database",
    "storage.cannot_open",
)


class ImportStopped(Exception):
    """Storing a file met a fault that stops the run (see STOPPING_FAULTS)."""

    def __init__(self, result: FileResult, reason: str) -> None:
        super().__init__(reason)
        self.result = result
        self.reason = reason


def _hashes(content_hash: str, count: int) -> list[str]:
    """One hash per meeting: the file's for the first, suffixed for further meetings in it."""
    return [content_hash] + [f"{content_hash}#{n}" for n in range(2, count + 1)]


def store_parsed(
    conn: sqlite3.Connection,
    parsed: ParsedFile,
    *,
    item_hashes: dict[str, list[str]] | None = None,
) -> FileResult:
    """Write a parsed file's meetings; the file's status and counts. `item_hashes`: which
    file brought which item, when one-item files make the (one) meeting."""
    from meetingtui import service
    from meetingtui.importers.finish import unplaced_count
    from meetingtui.storage.db import transaction

    result = FileResult(
        path=parsed.path,
        status=FileStatus.FAILED,
        format=parsed.format,
        warnings=[t(key, **params) for key, params in parsed.warnings],
    )
    if parsed.error_key == "import.error.text_too_long":
        where, length = parsed.error_params["where"], int(parsed.error_params["length"])  # type: ignore[call-overload]
        result.reason = t(
            "import.error.text_too_long",
            where=t("import.where_item", number=where) if where else t("import.where_meeting"),
            length=_thousands(length),
            limit=_thousands(MAX_LINE_CHARS),
        )
        return result
    if parsed.error_key:
        result.reason = t(parsed.error_key, **parsed.error_params)
        return result
    meetings: list[Meeting | PreparedMeeting] = [*(parsed.prepared or parsed.meetings)]
    result.meetings = len(meetings)
    result.items = sum(len(m.items) for m in parsed.meetings)
    result.items += sum(p.items for p in parsed.prepared)
    result.unplaced = sum(unplaced_count(m) for m in parsed.meetings)
    result.unplaced += sum(p.unplaced for p in parsed.prepared)
    try:
        # One transaction for the whole file: all of its meetings or none.
        with transaction(conn):
            for meeting, content_hash in zip(
                meetings, _hashes(parsed.content_hash, len(meetings)), strict=True
            ):
                meeting_id = service.import_meeting(
                    conn, meeting, content_hash=content_hash, item_hashes=item_hashes
                )
                if meeting_id is not None:
                    result.meeting_ids.append(meeting_id)
    except MeetingError as error:
        result.meeting_ids.clear()
        result.reason = t("import.error.storage", reason=error.message)
        if error.key in STOPPING_FAULTS:
            raise ImportStopped(result, error.message) from error
        return result
    except sqlite3.Error as error:
        result.meeting_ids.clear()
        result.reason = t("import.error.storage", reason=str(error))
        return result
    result.status = FileStatus.IMPORTED if result.meeting_ids else FileStatus.PRESENT
    return result


def store_item_files(conn: sqlite3.Connection, parsed: list[ParsedFile]) -> list[FileResult]:
    """Files that each hold one item of a meeting: the files of one meeting (same body, same
    day) are stored as that one meeting, all of them or none; its hash is made from theirs.
    When that meeting was imported before, each file's item joins it (archive_join.py)."""
    from meetingtui.archive_join import join_group
    from meetingtui.importers import itemfiles

    results: list[FileResult] = [FileResult(p.path, FileStatus.FAILED) for p in parsed]
    for group in itemfiles.groups([p.meetings[0] for p in parsed]):
        files = [parsed[i] for i in group]
        hashes = sorted(f.content_hash for f in files)
        group_hash = (
            files[0].content_hash
            if len(files) == 1
            else hashlib.sha256("".join(hashes).encode()).hexdigest()
        )
        joined = join_group(conn, files, group_hash)
        if joined is not None:
            for index, result in zip(group, joined, strict=True):
                results[index] = result
            continue
        if len(files) == 1:
            results[group[0]] = store_parsed(conn, files[0])
            continue
        merged = ParsedFile(
            path=files[0].path,
            content_hash=group_hash,
            format=files[0].format,
            meetings=[itemfiles.merge([f.meetings[0] for f in files])],
            warnings=[w for f in files for w in f.warnings],
        )
        brought: dict[str, list[str]] = {}
        for f in files:
            brought.setdefault(f.meetings[0].items[0].number, []).append(f.content_hash)
        stored = store_parsed(conn, merged, item_hashes=brought)
        for n, index in enumerate(group):
            results[index] = FileResult(
                path=files[n].path,
                status=stored.status,
                format=files[n].format,
                meeting_ids=stored.meeting_ids,
                meetings=stored.meetings if n == 0 else 0,
                items=len(files[n].meetings[0].items),
                unplaced=stored.unplaced if n == 0 else 0,
                reason=stored.reason,
                warnings=[t(key, **params) for key, params in files[n].warnings],
            )
    return results


# --------------------------------------------------------------------------- the run


def import_paths(
    db_path: str | Path,
    paths: Iterable[str | Path],
    *,
    workers: int = 2,
    on_progress: ProgressCallback | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    conn: sqlite3.Connection | None = None,
) -> ImportSummary:
    """Import files and folders into the database at `db_path` (or the open `conn`).

    `workers` > 1 parses in that many processes when there is more than one file. The summary
    lists files in the order they were given (folders in name order).
    """
    from meetingtui.storage.db import connect

    started = time.monotonic()
    found = find_files([Path(p) for p in paths])
    files = found.files
    results: dict[int, FileResult] = {}
    total = len(files)
    items_found = 0
    stopped = ""
    own_conn = conn is None
    connection = conn if conn is not None else connect(db_path)

    item_files: dict[int, ParsedFile] = {}  # stored last: files of one meeting become one

    def finished(index: int, parsed: ParsedFile) -> None:
        nonlocal items_found
        if not parsed.error_key and parsed.item_file:
            item_files[index] = parsed
            items_found += 1
        else:
            try:
                results[index] = store_parsed(connection, parsed)
            except ImportStopped as stop:
                results[index] = stop.result
                raise
            items_found += results[index].items
        if on_progress is not None:
            done = len(results) + len(item_files)
            state = Progress(done, total, items_found, time.monotonic() - started)
            on_progress(state.done, state.total, state.items, state.eta)

    try:
        if on_progress is not None:
            on_progress(0, total, 0, None)
        if workers > 1 and total > 1:
            parse_in_pool(files, workers, _parse_for_storing, max_bytes, finished)
        else:
            for index, path in enumerate(files):
                finished(index, parse_file(str(path), max_bytes, for_storing=True))
        indexes = sorted(item_files)
        stored = store_item_files(connection, [item_files[i] for i in indexes])
        results.update(zip(indexes, stored, strict=True))
    except ImportStopped as stop:
        stopped = stop.reason
    finally:
        if own_conn:
            connection.close()
    not_tried = t("import.not_attempted")
    ordered = [
        results.get(i) or FileResult(path=str(path), status=FileStatus.FAILED, reason=not_tried)
        for i, path in enumerate(files)
    ]
    ordered.extend(
        FileResult(path=str(p), status=FileStatus.FAILED, reason=t("import.path_missing", path=p))
        for p in found.missing
    )
    ordered.extend(
        FileResult(path=str(s.path), status=FileStatus.SKIPPED, reason=t(s.key, **s.params))
        for s in found.skipped
    )
    return ImportSummary(files=ordered, elapsed=time.monotonic() - started, stopped=stopped)
