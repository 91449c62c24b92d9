"""The published archive served by Datasette as is: its JSON API answers a search and a case
history (Datasette's in-process client: no port, nothing left running)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meetingtui import service
from meetingtui.publish import About, metadata_path, publish
from meetingtui.storage.db import connect
from tests.publish_support import closed_sale_referat, later_referat


@pytest.fixture
def published(tmp_path: Path) -> Path:
    conn = connect(tmp_path / "arkiv.db")
    service.import_meeting(conn, closed_sale_referat(), content_hash="a")
    service.import_meeting(conn, later_referat(), content_hash="b")
    out = tmp_path / "offentligt.db"
    publish(conn, out, about=About(title="Mødearkiv", licence="CC0 1.0"))
    conn.close()
    return out


def _datasette(path: Path) -> object:
    # Imported here, not at collection: every test worker collects this file, and importing
    # Datasette takes most of a second.
    datasette_app = pytest.importorskip(
        "datasette.app", reason="Datasette is not installed (pip install -e '.[test]')"
    )
    metadata = json.loads(metadata_path(path).read_text(encoding="utf-8"))
    return datasette_app.Datasette([str(path)], metadata=metadata)


async def test_datasette_searches_the_published_archive(published: Path) -> None:
    ds = _datasette(published)
    response = await ds.client.get(  # type: ignore[attr-defined]
        "/offentligt/item_search.json?_search=lokalplan&_shape=array"
    )
    assert response.status_code == 200, response.text
    rows = response.json()
    # Both items about the local plan: the FTS index was detected and used.
    assert sorted(r["title"] for r in rows) == [
        "Lokalplan 1204 for Trige Syd",
        "Lokalplan 1204 for Trige Syd, endelig vedtagelse",
    ]
    # Nothing of the closed item is found.
    response = await ds.client.get(  # type: ignore[attr-defined]
        "/offentligt/item_search.json?_search=Hestehaven&_shape=array"
    )
    assert response.json() == []


async def test_datasette_canned_queries_case_history_and_search(published: Path) -> None:
    ds = _datasette(published)
    response = await ds.client.get(  # type: ignore[attr-defined]
        "/offentligt/case_history.json?sagsnummer=24-000777&_shape=array"
    )
    assert response.status_code == 200, response.text
    assert [(r["body"], r["number"], r["decision"]) for r in response.json()] == [
        ("Økonomiudvalget", "1", "Anbefales."),
        ("Byrådet", "7", "Godkendt."),
    ]
    # The search query escapes what is typed: FTS5 syntax is read as words.
    response = await ds.client.get(  # type: ignore[attr-defined]
        '/offentligt/search.json?q=tilskud" NEAR(&_shape=array'
    )
    assert response.status_code == 200, response.text
    response = await ds.client.get(  # type: ignore[attr-defined]
        "/offentligt/search.json?q=tilskud&_shape=array"
    )
    assert [r["title"] for r in response.json()] == ["Tilskud til foreninger"]
    # The canned search reads the Danish stems too: "forening" finds "foreninger".
    response = await ds.client.get(  # type: ignore[attr-defined]
        "/offentligt/search.json?q=forening&_shape=array"
    )
    assert [r["number"] for r in response.json()] == ["2"]
    # The metadata's title and licence are served.
    response = await ds.client.get("/-/metadata.json")  # type: ignore[attr-defined]
    assert (response.json()["title"], response.json()["license"]) == ("Mødearkiv", "CC0 1.0")
