"""The registry of readers: every reader follows the protocol, and a missing one is an error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meetingtui import importers


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    importers.importers.cache_clear()
    yield
    importers.importers.cache_clear()


def test_every_reader_follows_the_protocol() -> None:
    readers = importers.importers()
    assert [m.__name__.rsplit(".", 1)[1] for m in readers] == list(importers.IMPORTER_NAMES)
    assert all(isinstance(m, importers.Importer) for m in readers)
    assert len(set(importers.formats())) == len(readers)


def test_a_missing_reader_module_is_an_error_not_a_smaller_registry(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    monkeypatch.setattr(importers, "IMPORTER_NAMES", (*importers.IMPORTER_NAMES, "sbsys_v9_xml"))
    with pytest.raises(ModuleNotFoundError, match="sbsys_v9_xml"):
        importers.importers()


def test_a_module_without_read_is_refused(
    monkeypatch: pytest.MonkeyPatch, fresh_registry: None
) -> None:
    monkeypatch.setattr(importers, "IMPORTER_NAMES", ("vocabulary",))
    with pytest.raises(TypeError, match="vocabulary"):
        importers.importers()


def test_one_size_limit_for_the_archive_and_the_readers() -> None:
    from meetingtui import archive
    from meetingtui.importers import limits

    assert archive.MAX_FILE_BYTES == limits.MAX_FILE_BYTES
