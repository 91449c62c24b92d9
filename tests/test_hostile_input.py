"""Hostile input: agenda files that are not agendas, folders with loops and pipes, texts too
big to export, and what a public export says about a closed item."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from meetingtui.archive import FileStatus, import_paths
from meetingtui.exporters import export
from meetingtui.models import Attendance, ItemStatus
from meetingtui.service import MeetingService
from tests.meetings import budget_meeting, store, ticking_clock


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The command line in its own process: a hang is a timeout, a traceback is visible."""
    exe = shutil.which("meetingtui", path=str(Path(sys.executable).parent)) or "meetingtui"
    return subprocess.run(
        [exe, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


# --------------------------------------------------------------------------- agenda files


def test_a_deeply_nested_agenda_is_one_line(tmp_path: Path) -> None:
    agenda = tmp_path / "dagsorden.toml"
    agenda.write_text("[meeting]\nbody = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = cli("--db", str(tmp_path / "m.db"), "new", str(agenda))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{agenda}: filen er indlejret for dybt til at være en dagsorden."
    ]


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_an_agenda_that_is_not_a_file_is_one_line_and_no_hang(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        agenda = tmp_path / "dagsorden.toml"
        os.mkfifo(agenda)
    elif kind == "folder":
        agenda = tmp_path / "dagsorden"
        agenda.mkdir()
    else:
        agenda = Path("/dev/zero")
    result = cli("--db", str(tmp_path / "m.db"), "new", str(agenda), timeout=30)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{agenda} er ikke en almindelig fil")


# --------------------------------------------------------------------------- folders


def referat_json(title: str) -> bytes:
    from meetingtui.exporters.json_export import to_json_dict

    meeting = budget_meeting()
    meeting.title = title
    return json.dumps(to_json_dict(meeting, public=False)).encode()


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """Good referats beside a symlink loop, a link back to an ancestor, a broken link and a
    named pipe."""
    top = tmp_path / "referater"
    (top / "2024").mkdir(parents=True)
    (top / "2025").mkdir()
    (top / "2024" / "maj.json").write_bytes(referat_json("Maj"))
    (top / "2025" / "juni.json").write_bytes(referat_json("Juni"))
    (top / "ring").symlink_to(top / "ring")  # a link to itself
    (top / "2025" / "tilbage").symlink_to(top)  # a folder link back to the top
    (top / "2025" / "forsvundet.pdf").symlink_to(top / "findes-ikke.pdf")
    os.mkfifo(top / "2025" / "pipe.json")
    (top / "2024" / "genvej.json").symlink_to(top / "2024" / "maj.json")  # the same file
    return top


def test_a_folder_with_loops_and_a_pipe_imports_the_rest(
    tmp_path: Path, hostile_folder: Path
) -> None:
    result = cli(
        "--db", str(tmp_path / "a.db"), "import", "--json", str(hostile_folder), timeout=120
    )
    assert "Traceback" not in result.stderr
    summary = json.loads(result.stdout)
    by_name = {Path(f["path"]).name: f for f in summary["files"]}
    assert by_name["maj.json"]["status"] == by_name["juni.json"]["status"] == "imported"
    assert "genvej.json" not in by_name  # the same file, imported once
    skipped = {name: f["reason"] for name, f in by_name.items() if f["status"] == "skipped"}
    assert skipped == {
        "ring": "Et symbolsk link i ring; ikke fulgt",
        "tilbage": "Mappen er allerede med (et link fører tilbage); ikke fulgt igen",
        "forsvundet.pdf": "Et symbolsk link til noget, der ikke findes",
        "pipe.json": "En navngiven pipe, ikke en fil; ikke læst",
    }
    assert (summary["imported"], summary["skipped"], summary["failed"]) == (2, 4, 0)
    assert result.returncode == 0


def test_the_summary_counts_what_was_skipped(tmp_path: Path, hostile_folder: Path) -> None:
    summary = import_paths(tmp_path / "a.db", [hostile_folder], workers=1)
    assert str(summary) == "2 importeret, 0 fandtes allerede, 0 fejlede, 4 sprunget over"
    assert summary.ok


def test_a_pipe_given_by_name_is_skipped_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "referat.json"
    os.mkfifo(pipe)
    summary = import_paths(tmp_path / "a.db", [pipe], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.SKIPPED


def test_a_folder_link_elsewhere_is_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "andet drev" / "referater"
    elsewhere.mkdir(parents=True)
    (elsewhere / "april.json").write_bytes(referat_json("April"))
    top = tmp_path / "arkiv"
    top.mkdir()
    (top / "gamle").symlink_to(elsewhere)
    summary = import_paths(tmp_path / "a.db", [top], workers=1)
    assert [(Path(f.path).name, f.status) for f in summary.files] == [
        ("april.json", FileStatus.IMPORTED)
    ]


def test_a_disk_fault_stops_the_import_once_and_keeps_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meetingtui import service
    from meetingtui.errors import StorageError

    folder = tmp_path / "referater"
    folder.mkdir()
    hashes = {}
    for month in ("a-marts", "b-april", "c-maj", "d-juni"):
        (folder / f"{month}.json").write_bytes(referat_json(month))
        hashes[hashlib.sha256(referat_json(month)).hexdigest()] = month
    real = service.import_meeting
    calls = []

    def full_after_two(conn, meeting, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(hashes[kwargs["content_hash"]])
        if len(calls) > 2:
            raise StorageError("storage.disk_full", path=str(tmp_path / "a.db"))
        return real(conn, meeting, **kwargs)

    monkeypatch.setattr(service, "import_meeting", full_after_two)
    summary = import_paths(tmp_path / "a.db", [folder], workers=1)
    assert [f.status for f in summary.files] == [
        FileStatus.IMPORTED,
        FileStatus.IMPORTED,
        FileStatus.FAILED,
        FileStatus.FAILED,
    ]
    assert calls == ["a-marts", "b-april", "c-maj"]  # no file tried after the fault
    assert "Disken er fuld" in summary.files[2].reason
    assert summary.files[3].reason == "Ikke forsøgt: importen stoppede"
    assert not summary.ok and "Importen stoppede: Disken er fuld" in str(summary)


# --------------------------------------------------------------------------- big texts


def firstagenda_json(section_text: str) -> bytes:
    return json.dumps(
        {
            "Udvalg": {"Navn": "Økonomiudvalget"},
            "Moede": {"Dato": "2024-05-06T16:30:00", "Sted": "Rådhuset", "Moededeltagere": []},
            "Dagsordenpunkter": [
                {
                    "Number": "1",
                    "Caption": "Bilag til budget",
                    "CaseNumber": "24-001",
                    "IsOpen": True,
                    "Felter": [{"Html": f"<h3>Sagsfremstilling</h3><p>{section_text}</p>"}],
                }
            ],
        }
    ).encode()


def test_a_text_too_long_to_export_is_refused_at_import(tmp_path: Path) -> None:
    path = tmp_path / "kaempe.json"
    path.write_bytes(firstagenda_json("ord" * 1_000_000))  # 3 million characters, no break
    summary = import_paths(tmp_path / "a.db", [path], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.FAILED
    assert result.reason.startswith("Punkt 1 har en tekst med en linje på 3.000.000 tegn")
    assert "1.000.000" in result.reason


def test_a_text_too_long_for_the_html_parser_is_refused_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kaempe.json"
    path.write_bytes(firstagenda_json("ord" * 4_000_000))  # 12 MB in one HTML text node
    summary = import_paths(tmp_path / "a.db", [path], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.FAILED
    assert "over 10 MB i ét stykke" in result.reason


def test_the_longest_text_that_is_imported_can_be_exported(tmp_path: Path) -> None:
    from meetingtui.archive import MAX_LINE_CHARS

    path = tmp_path / "lang.json"
    # "&" escapes to five characters in XML: the worst case for the Word referat.
    path.write_bytes(firstagenda_json("&amp;æ" * (MAX_LINE_CHARS // 2)))
    summary = import_paths(tmp_path / "a.db", [path], workers=1)
    [result] = summary.files
    assert result.status is FileStatus.IMPORTED, result.reason
    meeting_id = result.meeting_ids[0]
    with MeetingService.open(tmp_path / "a.db", meeting_id, readonly=True) as svc:
        docx = export(svc.meeting, "docx", public=False)
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = package.read("word/document.xml").decode()
    assert "&amp;æ" * 1000 in body


# --------------------------------------------------------------------------- public exports


def test_a_public_export_says_nothing_of_a_closed_items_status(db_path: Path) -> None:
    meeting = budget_meeting()
    closed = meeting.items[-1]
    assert closed.closed
    meeting_id = store(db_path, meeting)
    with MeetingService.open(db_path, meeting_id, clock=ticking_clock()) as svc:
        svc.open_meeting()
        for person in svc.meeting.participants:
            svc.set_attendance(person.id, Attendance.PRESENT)
        svc.start_item(closed.id)
        svc.postpone_item(closed.id, "Afventer tilbud fra Hvalsø Ejendomme")
        svc.close_meeting()
        record = svc.meeting
    assert record.items[-1].status is ItemStatus.POSTPONED
    for fmt in ("docx", "json", "popolo", "md"):
        data = export(record, fmt, public=True)
        texts = [data]
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                texts = [package.read(name) for name in package.namelist()]
        for text in texts:
            assert b'"postponed"' not in text and b"Hvals" not in text, fmt
            assert b"udsat" not in text.lower(), fmt
        if fmt == "json":
            [item] = [i for i in json.loads(data)["items"] if i["closed"]]
            assert {k: v for k, v in item.items() if v not in ("", [], None)} == {
                "id": closed.id,
                "number": closed.number,
                "title": closed.title,
                "closed": True,
            }
