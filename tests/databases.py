"""Databases the tests start from, built once per test run and copied.

Building a database runs every migration, and opening a meeting runs a dozen commands; each
commit waits for the disk (synchronous=FULL), which makes them the most common cost of the
quick loop. A copy of a closed database is the same file, so each state is built once, through
the real code, and copied for every test that starts from it.

`conftest.py` gives this module a folder for the run (`use_folder`); without one (a helper used
outside pytest) nothing is cached and every database is built.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from meetingtui.storage.db import connect

T = TypeVar("T")

_folder: Path | None = None
# name -> (the database built, what its build returned)
_built: dict[str, tuple[Path, object]] = {}


def use_folder(folder: Path | None) -> None:
    """Where the built databases are kept for this run (None: keep none)."""
    global _folder
    _folder = folder
    _built.clear()


def _template(name: str, build: Callable[[Path], object]) -> tuple[Path, object] | None:
    if _folder is None:
        return None
    if name not in _built:
        path = _folder / f"{len(_built)}.db"
        _built[name] = (path, build(path))
    return _built[name]


def _build_empty(path: Path) -> None:
    connect(path).close()


def empty_database(path: Path) -> Path:
    """`path` becomes an empty database with every migration applied."""
    template = _template("empty", _build_empty)
    if template is None:
        _build_empty(path)
    else:
        shutil.copyfile(template[0], path)
    return path


def is_empty_copy(path: Path) -> bool:
    """`path` does not exist yet, or is still exactly the empty database of `empty_database`."""
    if not path.exists():
        return True
    if "empty" not in _built:
        return False
    template = _built["empty"][0]
    if template.stat().st_size != path.stat().st_size:
        return False
    # Not a file that SQLite still writes to (a -wal beside it holds newer pages).
    if path.with_name(path.name + "-wal").exists():
        return False
    return template.read_bytes() == path.read_bytes()


def built_once(name: str, path: Path, build: Callable[[Path], T]) -> T:
    """Copy the database `build` made for `name` to `path` and return what the build returned;
    the build runs on first use only (every time when nothing is cached).

    `path` must be a fresh start (see `is_empty_copy`): the copy replaces it.
    """
    template = _template(name, build)
    if template is None:
        return build(path)
    shutil.copyfile(template[0], path)
    return template[1]  # type: ignore[return-value]
