"""`meetingtui publish`: a public-only SQLite archive for Datasette, with no closed content."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui import service
from meetingtui.errors import InputError
from meetingtui.publish import About, metadata_path, publish
from meetingtui.storage.db import connect
from tests.publish_support import (
    CLOSED_TITLE,
    SECRET_WORDS,
    SECRETS,
    closed_sale_referat,
    later_referat,
)


# What only the closed item says: none of it may reach the published file.
@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.db"
    conn = connect(path)
    service.import_meeting(conn, closed_sale_referat(), content_hash="a")
    service.import_meeting(conn, later_referat(), content_hash="b")
    conn.close()
    return path


def _publish(archive: Path, out: Path, **kwargs: object) -> None:
    conn = connect(archive, readonly=True)
    try:
        publish(conn, out, **kwargs)  # type: ignore[arg-type]
    finally:
        conn.close()


def _terms(path: Path) -> set[str]:
    """Every term in the published FTS indexes, words and stems (read through temporary
    fts5vocab tables, so the file is not changed)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    terms: set[str] = set()
    for index in ("item_search_fts", "item_stems_fts"):
        conn.execute(f"CREATE VIRTUAL TABLE temp.v_{index} USING fts5vocab(main, {index}, row)")
        terms |= {term for (term,) in conn.execute(f"SELECT term FROM temp.v_{index}")}
    conn.close()
    return terms


def test_no_closed_content_anywhere_in_the_published_file(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "offentligt.db"
    _publish(archive, out)
    raw = out.read_bytes()
    for secret in [*SECRETS, "Skøde", "inhabil"]:
        assert secret.encode("utf-8") not in raw, secret
    terms = _terms(out)
    assert not terms & set(SECRET_WORDS)
    assert not {
        t
        for t in terms
        if t.startswith(("købesum", "ravnsbjerg", "hestehav", "tinglysning", "budrund"))
    }
    # What the public referat shows of it: that it exists, its number and its title.
    conn = sqlite3.connect(out)
    assert conn.execute(
        "SELECT number, title, closed, case_number, decision FROM items WHERE closed = 1"
    ).fetchall() == [("3", CLOSED_TITLE, 1, "", "")]
    assert CLOSED_TITLE.encode() in raw
    # The open items are all there, their decisions and votes too.
    assert b"Lokalplanen giver mulighed for boliger." in raw
    assert conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM ballots").fetchone()[0] == 3
    assert conn.execute("SELECT source FROM meetings WHERE id = 1").fetchone()[0] == (
        "oek-2024-03-12.pdf"
    )
    conn.close()
    assert not (tmp_path / "offentligt.db-wal").exists()
    assert not (tmp_path / "offentligt.db-journal").exists()


def test_closed_titles_can_be_hidden_too(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "offentligt.db"
    _publish(archive, out, show_closed_titles=False)
    assert CLOSED_TITLE.encode() not in out.read_bytes()
    assert "byggegrund" not in _terms(out)


def test_tables_foreign_keys_and_the_fts_index_datasette_detects(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "offentligt.db"
    _publish(archive, out)
    conn = sqlite3.connect(out)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "meetings",
        "participants",
        "items",
        "sections",
        "decisions",
        "votes",
        "ballots",
    } <= tables
    assert "_sqlite_migrations" not in tables
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'item_search_fts'").fetchone()[0]
    assert 'content="item_search"' in sql or "content=[item_search]" in sql
    references = {
        (table, fk[2]) for table in ("items", "votes", "ballots", "decisions")
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})")
    }  # fmt: skip
    assert references == {("items", "meetings"), ("votes", "items"), ("ballots", "votes"),
                          ("decisions", "items")}  # fmt: skip
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # The case across both meetings, as the canned query reads it.
    from meetingtui.publish import CASE_HISTORY_SQL

    rows = conn.execute(CASE_HISTORY_SQL, {"sagsnummer": "24-000777"}).fetchall()
    assert [(r[1], r[2], r[4]) for r in rows] == [
        ("Økonomiudvalget", "1", "Anbefales."),
        ("Byrådet", "7", "Godkendt."),
    ]
    conn.close()


def test_metadata_names_title_licence_source_and_canned_queries(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "offentligt.db"
    about = About("Aarhus Kommunes mødearkiv", "CC0 1.0",
                  "https://creativecommons.org/publicdomain/zero/1.0/", "Aarhus Kommune", "")  # fmt: skip
    _publish(archive, out, about=about)
    meta = json.loads(metadata_path(out).read_text(encoding="utf-8"))
    assert meta["title"] == "Aarhus Kommunes mødearkiv"
    assert (meta["license"], meta["source"]) == ("CC0 1.0", "Aarhus Kommune")
    assert "source_url" not in meta
    queries = meta["databases"]["offentligt"]["queries"]
    assert {"case_history", "search"} <= set(queries)
    assert ":sagsnummer" in queries["case_history"]["sql"]


def test_publishing_again_replaces_the_file(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "offentligt.db"
    out.write_bytes(b"")  # an empty file left by an earlier attempt
    _publish(archive, out)
    _publish(archive, out)
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 2
    conn.close()
    assert not list(tmp_path.glob("*.partial"))


def test_the_record_itself_is_never_overwritten(archive: Path, tmp_path: Path) -> None:
    before = archive.read_bytes()
    with pytest.raises(InputError) as error:
        _publish(archive, archive)
    assert "meetingtui-database" in error.value.message
    other = tmp_path / "other.db"
    connect(other).close()
    with pytest.raises(InputError):
        _publish(archive, other)
    notes = tmp_path / "noter.txt"
    notes.write_text("mine noter, ikke en database " * 200, encoding="utf-8")
    with pytest.raises(InputError):
        _publish(archive, notes)
    assert archive.read_bytes() == before
    assert notes.read_text(encoding="utf-8").startswith("mine noter")


def test_cli_publish(archive: Path, tmp_path: Path) -> None:
    from meetingtui.cli import main

    out = tmp_path / "web" / "arkiv-offentligt.db"
    out.parent.mkdir()
    result = CliRunner().invoke(
        main,
        ["--db", str(archive), "publish", str(out), "--licence", "CC0 1.0", "--title", "Arkiv"],
    )
    assert result.exit_code == 0, result.output
    assert "2 møder, 4 punkter (1 lukkede punkter" in result.stdout
    assert json.loads(metadata_path(out).read_text(encoding="utf-8"))["license"] == "CC0 1.0"
    result = CliRunner().invoke(main, ["--db", str(archive), "publish", str(archive)])
    assert result.exit_code != 0 and "ny fil" in result.output
