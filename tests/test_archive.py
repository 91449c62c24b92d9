"""Import orchestration: folders, content hashes, parallel parsing, hostile files, the CLI."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.archive import FileStatus, Progress, import_paths, parse_file
from meetingtui.storage.db import connect
from tests.structured_documents import firstagenda, firstagenda_referat, item, sbsys_publication

TABLES = ("meetings", "items", "sections", "votes", "events", "item_search")


def _counts(db: Path) -> dict[str, int]:
    conn = connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def _other_meeting(day: int) -> bytes:
    document = firstagenda(
        [
            item(
                1, f"Sag nummer {day}", f"24-{day:06d}", {"Navn": "Beslutning", "Html": "Godkendt."}
            )
        ],
        Dato=f"2024-04-{day:02d}T10:00:00",
    )
    return _json(document)


def test_import_folder_then_again_is_a_no_op(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _write(tmp_path / "in" / "referat.json", _json(firstagenda_referat()))
    _write(tmp_path / "in" / "sub" / "sbsys.xml", sbsys_publication())
    _write(tmp_path / "in" / ".hidden.json", _json(firstagenda_referat()))
    first = import_paths(db, [tmp_path / "in"], workers=1)
    assert [(Path(f.path).name, f.status) for f in first.files] == [
        ("referat.json", FileStatus.IMPORTED),
        ("sbsys.xml", FileStatus.IMPORTED),
    ]
    assert first.ok and first.files[0].items == 4 and first.files[0].meeting_ids
    before = _counts(db)
    again = import_paths(db, [tmp_path / "in"], workers=1)
    assert [f.status for f in again.files] == [FileStatus.PRESENT, FileStatus.PRESENT]
    assert _counts(db) == before


def test_same_content_under_another_name_and_extension(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    data = _json(firstagenda_referat())
    _write(tmp_path / "a.json", data)
    _write(tmp_path / "kopi.txt", data)  # wrong extension: detection is by content
    summary = import_paths(db, [tmp_path / "a.json", tmp_path / "kopi.txt"], workers=1)
    assert [f.status for f in summary.files] == [FileStatus.IMPORTED, FileStatus.PRESENT]
    assert summary.files[1].format == "firstagenda-json"


def test_parallel_import_with_progress(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    paths = [_write(tmp_path / f"m{day}.json", _other_meeting(day)) for day in range(1, 9)]
    seen: list[Progress] = []

    def progress(done: int, total: int, items: int, eta: float | None) -> None:
        seen.append(Progress(done, total, items, 0.0))
        assert (eta is None) == (done == 0)

    summary = import_paths(db, paths, workers=2, on_progress=progress)
    assert summary.imported == 8 and summary.ok
    assert [Path(f.path).name for f in summary.files] == [p.name for p in paths]
    assert seen[0].done == 0 and seen[-1].done == 8 and seen[-1].items == 8
    assert seen[-1].eta == 0
    assert str(summary) == "8 importeret, 0 fandtes allerede, 0 fejlede"
    assert _counts(db)["meetings"] == 8


HOSTILE = {
    "empty.json": b"",
    "random.bin": bytes(range(256)) * 40,
    "truncated.json": _json(firstagenda_referat())[:700],
    "truncated.xml": sbsys_publication()[:900],
    "xxe.xml": b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<Publication><Agenda><Items><Item><Caption>&x;</Caption></Item></Items></Agenda>"
    b"</Publication>",
    "laughs.xml": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b"<Publication><Agendas><Agenda><Items><Item><Caption>&c;</Caption></Item></Items>"
    b"</Agenda></Agendas></Publication>",
    "wrong-extension.docx": b"this is not a zip file, just text pretending to be a referat",
    "deep.json": b'{"Dagsordenpunkter": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_fails_cleanly_and_leaves_database_unchanged(
    tmp_path: Path, name: str
) -> None:
    db = tmp_path / "a.db"
    import_paths(db, [_write(tmp_path / "ok.json", _json(firstagenda_referat()))], workers=1)
    before = _counts(db)
    summary = import_paths(db, [_write(tmp_path / name, HOSTILE[name])], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.FAILED
    assert result.reason and "Traceback" not in result.reason and "\n" not in result.reason
    assert _counts(db) == before


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.json", _json(firstagenda_referat()))
    parsed = parse_file(str(path), max_bytes=100)
    assert parsed.error_key == "import.error.too_large"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    summary = import_paths(tmp_path / "a.db", [tmp_path / "nope"], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.FAILED and "nope" in result.reason


def test_cli_import_json_and_exit_status(tmp_path: Path) -> None:
    from meetingtui.cli import main

    db = tmp_path / "a.db"
    good = _write(tmp_path / "in" / "good.json", _json(firstagenda_referat()))
    bad = _write(tmp_path / "in" / "bad.xml", b"<Publication><Agenda>")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "import", "--json", str(good), str(bad)])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    assert (payload["imported"], payload["failed"]) == (1, 1)
    statuses = {Path(f["path"]).name: f["status"] for f in payload["files"]}
    assert statuses == {"good.json": "imported", "bad.xml": "failed"}

    result = runner.invoke(main, ["--db", str(db), "--lang", "en", "import", str(good)])
    assert result.exit_code == 0, result.output
    assert "already present" in result.stdout
    assert "0 imported, 1 already present, 0 failed" in result.stdout


def test_cli_search_and_case(tmp_path: Path) -> None:
    from meetingtui.cli import main

    db = tmp_path / "a.db"
    runner = CliRunner()
    files = [_write(tmp_path / f"m{d}.json", _other_meeting(d)) for d in (3, 1)]
    files.append(_write(tmp_path / "r.json", _json(firstagenda_referat())))
    assert runner.invoke(main, ["--db", str(db), "import", *map(str, files)]).exit_code == 0

    result = runner.invoke(main, ["--db", str(db), "search", "lokalplan", "--json"])
    assert result.exit_code == 0, result.output
    [hit] = json.loads(result.stdout)
    assert hit["title"] == "Lokalplan 1204 for Trige Syd" and hit["case_number"] == "24-000777"

    result = runner.invoke(main, ["--db", str(db), "search", "trige", "--from", "2025-01-01"])
    assert "Ingen resultater" in result.stdout

    result = runner.invoke(main, ["--db", str(db), "case", "24-000777"])
    assert result.exit_code == 0 and "Lokalplan 1204" in result.stdout
    assert "Med stemmerne 2 for og 1 imod" in result.stdout
    result = runner.invoke(main, ["--db", str(db), "case", "99-999999"])
    assert result.exit_code == 1


def test_storage_failure_is_reported_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meetingtui import service

    def broken(*_args: object, **_kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(service, "import_meeting", broken)
    summary = import_paths(
        tmp_path / "a.db", [_write(tmp_path / "a.json", _json(firstagenda_referat()))], workers=1
    )
    assert summary.failed == 1 and "disk I/O error" in summary.files[0].reason


@pytest.mark.skipif(os.cpu_count() == 1, reason="needs two cores to be meaningful")
def test_import_paths_reuses_an_open_connection(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    summary = import_paths(
        tmp_path / "a.db", [_write(tmp_path / "a.json", _other_meeting(5))], workers=2, conn=conn
    )
    assert summary.imported == 1
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    conn.close()


def test_import_from_a_background_thread(tmp_path: Path) -> None:
    """The archive screen imports from a worker thread: the pool then starts fresh processes."""
    import threading

    paths = [_write(tmp_path / f"m{day}.json", _other_meeting(day)) for day in (1, 2, 3)]
    result: dict[str, object] = {}
    thread = threading.Thread(
        target=lambda: result.update(summary=import_paths(tmp_path / "a.db", paths, workers=2))
    )
    thread.start()
    thread.join(timeout=120)
    summary = result["summary"]
    assert str(summary) == "3 importeret, 0 fandtes allerede, 0 fejlede"


def test_the_pool_starts_when_stderr_has_no_descriptor(tmp_path: Path, monkeypatch) -> None:
    """Inside the TUI, sys.stderr is a capture object whose fileno() is -1: the parser
    processes must still start (not fail, not fall back to one process)."""
    import io
    import threading

    import meetingtui.archive_pool as archive_pool

    class Capture(io.StringIO):
        def fileno(self) -> int:
            return -1

    started: list[int] = []

    class CountingPool(archive_pool.ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            started.append(int(kwargs["max_workers"]))  # type: ignore[arg-type]
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    # A tracker not yet running, as in a fresh TUI process (an earlier test may have started
    # the real one, which would hide the problem).
    from multiprocessing import resource_tracker

    fresh = resource_tracker.ResourceTracker()
    monkeypatch.setattr(resource_tracker, "_resource_tracker", fresh)
    for name in ("ensure_running", "register", "unregister", "getfd"):
        monkeypatch.setattr(resource_tracker, name, getattr(fresh, name))
    monkeypatch.setattr(archive_pool, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr("sys.stderr", Capture())
    paths = [_write(tmp_path / f"m{day}.json", _other_meeting(day)) for day in (4, 5, 6)]
    result: dict[str, object] = {}
    thread = threading.Thread(
        target=lambda: result.update(summary=import_paths(tmp_path / "a.db", paths, workers=2))
    )
    thread.start()
    thread.join(timeout=120)
    assert started == [2]
    assert str(result["summary"]) == "3 importeret, 0 fandtes allerede, 0 fejlede"


@pytest.mark.parametrize("was_on", [True, False])
def test_a_parse_runs_without_the_cycle_collector_and_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch, was_on: bool
) -> None:
    import gc

    from meetingtui import importers

    seen: list[bool] = []
    import_bytes = importers.import_bytes

    def watched(data: bytes, *, source: str = "", models: bool = True) -> importers.Imported:
        seen.append(gc.isenabled())
        return import_bytes(data, source=source, models=models)

    monkeypatch.setattr(importers, "import_bytes", watched)
    path = _write(tmp_path / "referat.json", _json(firstagenda_referat()))
    hostile = _write(tmp_path / "broken.json", b'{"Dagsordenpunkter": [')
    (gc.enable if was_on else gc.disable)()
    try:
        parsed = parse_file(str(path), for_storing=True)
        assert gc.isenabled() is was_on
        failed = parse_file(str(hostile), for_storing=True)  # a failure restores it too
        assert gc.isenabled() is was_on
    finally:
        gc.enable()
    assert parsed.prepared and failed.error_key
    assert seen == [False, False]
