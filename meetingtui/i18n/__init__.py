"""The one catalog of user-facing text. Danish is the default; English is available.

Messages live in per-area modules (core, tui, export, archive) that each define `DA` and `EN`
dictionaries with the same keys; `t()` looks a key up in the active language, falling back to
Danish, and formats it with keyword arguments; `t_count()` picks a key's singular (`key.one`) for
exactly one. `dates.py` is not a catalog: it writes every date and time from the catalog's names
and patterns.
"""

from __future__ import annotations

import os
from importlib import import_module

LANGUAGES = ("da", "en")
_AREAS = (
    "core",
    "cli",
    "tui",
    "bindings",
    "polls",
    "closing",
    "live",
    "export",
    "archive",
    "archive_docs",
    "livepage",
    "committees",
    "speakers",
    "mail",
    "frame",
    "keyoff",
)

_catalog: dict[str, dict[str, str]] = {"da": {}, "en": {}}
for _area in _AREAS:
    _module = import_module(f"{__name__}.{_area}")
    _catalog["da"].update(_module.DA)
    _catalog["en"].update(_module.EN)

_language = (
    os.environ.get("MEETINGTUI_LANG", "da")
    if os.environ.get("MEETINGTUI_LANG") in LANGUAGES
    else "da"
)


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _language = language


def get_language() -> str:
    return _language


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the active language, formatted with `params`."""
    text = _catalog[_language].get(key) or _catalog["da"].get(key)
    if text is None:
        raise KeyError(f"no catalog entry for {key!r}")
    return text.format(**params) if params else text


def t_count(key: str, count: int, /, **params: object) -> str:
    """The text for `count` things: `key.one` where there is exactly one and the catalog has a
    singular ("1 punkt", not "1 punkter"), else `key`; both get `count`."""
    if count == 1 and has(key + ".one"):
        key += ".one"
    return t(key, count=count, **params)


def has(key: str, /) -> bool:
    """Whether the catalog has `key` (in Danish, which every key has)."""
    return key in _catalog["da"]


def keys(language: str = "da") -> set[str]:
    return set(_catalog[language])
