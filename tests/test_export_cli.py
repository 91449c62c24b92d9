"""`meetingtui export` and `meetingtui schema` against a real database."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.exporters.json_export import json_schema
from meetingtui.service import import_meeting
from meetingtui.storage.db import connect
from meetingtui.storage.events import chain_head
from tests.meetings import CLOSED_CONTENT, recorded_meeting


@pytest.fixture
def stored(db_path: Path) -> tuple[Path, int, str]:
    conn = connect(db_path)
    meeting_id = import_meeting(conn, recorded_meeting(), content_hash="fixture")
    assert meeting_id is not None
    head = chain_head(conn, meeting_id)
    conn.close()
    return db_path, meeting_id, head


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.slow  # LibreOffice lays the referat out for Word's page numbers
def test_export_docx_with_default_name(stored, tmp_path: Path, monkeypatch) -> None:
    db_path, meeting_id, head = stored
    monkeypatch.chdir(tmp_path)
    result = _run("--db", str(db_path), "export", str(meeting_id))
    assert result.exit_code == 0, result.output
    target = tmp_path / "referat-økonomiudvalget-2017-01-03.docx"
    document = docx.Document(target)
    texts = [p.text for p in document.paragraphs]
    assert "Referat" in texts[:2]
    assert f"Kontrolsum: {head}" in texts
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            blob = archive.read(name)
            for secret in CLOSED_CONTENT:
                assert secret.encode() not in blob


def test_export_internal_json_to_stdout(stored) -> None:
    db_path, meeting_id, head = stored
    result = _run(
        "--db", str(db_path), "export", str(meeting_id), "--format", "json", "--internal", "-o", "-"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["event_chain_head"] == head
    assert data["items"][4]["decision"] == "Fortroligbeslutning Østerled: tilbuddet accepteres."


@pytest.mark.parametrize("fmt", ["popolo", "md"])
def test_other_formats(stored, tmp_path: Path, fmt: str) -> None:
    db_path, meeting_id, _ = stored
    out = tmp_path / f"referat.{fmt}"
    result = _run("--db", str(db_path), "export", str(meeting_id), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    assert "Økonomiudvalget" in out.read_text(encoding="utf-8")


@pytest.mark.slow  # LibreOffice lays the referat out for Word's page numbers
def test_template_option(stored, tmp_path: Path) -> None:
    db_path, meeting_id, _ = stored
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Brevhoved"
    template_path = tmp_path / "skabelon.docx"
    template.save(template_path)
    out = tmp_path / "r.docx"
    result = _run(
        "--db",
        str(db_path),
        "export",
        str(meeting_id),
        "--template",
        str(template_path),
        "-o",
        str(out),
    )
    assert result.exit_code == 0
    header = docx.Document(io.BytesIO(out.read_bytes())).sections[0].header.paragraphs[0].text
    assert header == "Brevhoved"
    result = _run(
        "--db",
        str(db_path),
        "export",
        str(meeting_id),
        "--format",
        "md",
        "--template",
        str(template_path),
    )
    assert result.exit_code == 2


def test_missing_meeting_or_database_exits_2(stored, tmp_path: Path) -> None:
    db_path, meeting_id, _ = stored
    result = _run("--db", str(db_path), "export", str(meeting_id + 100))
    assert result.exit_code == 2
    assert f"Mødet {meeting_id + 100} findes ikke" in result.stderr
    missing = tmp_path / "findes-ikke.db"
    result = _run("--db", str(missing), "export", "1")
    assert result.exit_code == 2
    assert not missing.exists()  # an export never creates a database


def test_bad_template_exits_2(stored, tmp_path: Path) -> None:
    db_path, meeting_id, _ = stored
    bad = tmp_path / "ikke.docx"
    bad.write_text("ikke en docx")
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "export", str(meeting_id), "--template", str(bad)]
    )
    assert result.exit_code == 2
    assert "Skabelonen" in result.stderr


def test_schema_command(tmp_path: Path) -> None:
    result = _run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    out = tmp_path / "schema.json"
    assert _run("schema", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["required"][0] == "body"


def test_the_referat_is_danish_whatever_language_the_command_line_speaks(
    stored, tmp_path: Path
) -> None:
    """An English command line writes the Danish referat the members read; English is asked
    for with --referat-lang en, and the messages stay in the command line's language."""
    db_path, meeting_id, _ = stored
    danish = tmp_path / "da.md"
    result = _run(
        "--db", str(db_path), "--lang", "en", "export", str(meeting_id), "--format", "md",
        "-o", str(danish),
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr.strip() == f"Wrote {danish}"  # the command line's own language
    text = danish.read_text(encoding="utf-8")
    assert "# Referat" in text and "tirsdag den 3. januar 2017 kl. 16.30" in text
    assert "**Til stede:**" in text and "Minutes" not in text
    english = tmp_path / "en.md"
    result = _run(
        "--db", str(db_path), "--lang", "da", "export", str(meeting_id), "--format", "md",
        "--referat-lang", "en", "-o", str(english),
    )  # fmt: skip
    assert result.exit_code == 0
    text = english.read_text(encoding="utf-8")
    assert "# Minutes" in text and "Tuesday 3 January 2017 at 16:30" in text
    assert result.stderr.strip() == f"Skrev {english}"


def test_an_english_referat_gets_a_name_of_its_own(stored, tmp_path: Path, monkeypatch) -> None:
    db_path, meeting_id, _ = stored
    monkeypatch.chdir(tmp_path)
    result = _run(
        "--db", str(db_path), "export", str(meeting_id), "--format", "md", "--referat-lang", "en"
    )
    assert result.exit_code == 0
    assert (tmp_path / "referat-økonomiudvalget-2017-01-03-en.md").exists()
