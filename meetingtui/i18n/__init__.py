"""The one catalog of user-facing text. Danish is the default; English is available.

Messages live in per-area modules (core, tui, export, archive) that each define `DA` and `EN`
dictionaries with the same keys; `t()` looks a key up in the active language, falling back to
Danish, and formats it with keyword arguments; `t_count()` picks a key's singular (`key.one`) for
exactly one. `dates.py` is not a catalog: it writes every date and time from the catalog's names
and patterns.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import import_module
from typing import Any

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


# A document written in a language of its own (the referat is Danish whatever the screens
# speak): set for the thread or task writing it only, so the screens keep their language.
_writing: ContextVar[str | None] = ContextVar("writing", default=None)


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")


def set_language(language: str) -> None:
    global _language
    _check(language)
    _language = language


def get_language() -> str:
    return _writing.get() or _language


@contextmanager
def writing_in(language: str) -> Iterator[None]:
    """Within the block, the text of this thread or task is in `language` (a document's own
    language); other threads, the screens among them, keep theirs."""
    _check(language)
    token = _writing.set(language)
    try:
        yield
    finally:
        _writing.reset(token)


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the active language, formatted with `params`."""
    text = _catalog[get_language()].get(key) or _catalog["da"].get(key)
    if text is None:
        raise KeyError(f"no catalog entry for {key!r}")
    return text.format(**params) if params else text


def t_count(key: str, count: int, /, **params: object) -> str:
    """The text for `count` things: `key.one` where there is exactly one and the catalog has a
    singular ("1 punkt", not "1 punkter"), else `key`; both get `count`."""
    if count == 1 and has(key + ".one"):
        key += ".one"
    return t(key, count=count, **params)


def field_problem(error: Mapping[str, Any]) -> str:
    """What is wrong with a field of an agenda or committee file (one of Pydantic's errors), in
    the catalog's words: "feltet items: skal udfyldes", not "Field required". Our own
    validators' messages are the catalog's already; Pydantic's English is the last resort."""
    kind = str(error.get("type", ""))
    context = dict(error.get("ctx") or {})
    if kind in ("value_error", "assertion_error") and "error" in context:
        return str(context["error"])
    if "expected" in context:
        # Pydantic lists the choices as "'a', 'b' or 'c'": the list, without its English "or".
        context["expected"] = str(context["expected"]).replace("' or '", "', '")
    key = f"field_problem.{kind}"
    return t(key, **context) if has(key) else str(error.get("msg", ""))


# Closing quotes and brackets a sentence may end inside: »Godkendt.« ends it, »Godkendt« not.
_CLOSERS = "»«”’\"')"


def full_stop(text: str) -> str:
    """`text` ending with one full stop: a sentence that ends with its own (also inside a
    quote) gets no second one ("… pkt. 1: »Godkendt.«", not "»Godkendt.«.")."""
    text = text.rstrip()
    inner = text.rstrip(_CLOSERS)
    return text if not text or (inner and inner[-1] in ".!?…") else text + "."


# Commas inside parentheses ("Christina Knudsen (Områdebestyrelse, dagtilbud)") do not split
# a list; only a comma outside them does.
_PARENTHESISED = re.compile(r"\([^()]*\)")


def join_names(names: Iterable[str]) -> str:
    """Danish enumeration: "A, F og Ø". When a name holds a comma outside parentheses itself
    ("Lejre Erhvervsforum, LEUF") the names are separated by semicolons, so the list stays
    unambiguous."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    bare_comma = any("," in _PARENTHESISED.sub("", name) for name in names)
    separator = "; " if bare_comma else ", "
    return f"{separator.join(names[:-1])} {t('export.and')} {names[-1]}"


def has(key: str, /) -> bool:
    """Whether the catalog has `key` (in Danish, which every key has)."""
    return key in _catalog["da"]


def keys(language: str = "da") -> set[str]:
    return set(_catalog[language])
