"""Importers: one module per format family, detected from the content, never the file name.

Every module exposes `FORMAT`, `sniff(data) -> bool` and `parse(data, *, source="") ->
list[Meeting]`. `IMPORTER_NAMES` is the sniffing order: specific formats first, the plain-text
fallback last. Modules not written yet are skipped, so the registry never breaks.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType

from meetingtui.errors import InputError
from meetingtui.models import Meeting

IMPORTER_NAMES = (
    "own",  # meetingtui's own JSON export: exact round trip, so it goes before the others
    "firstagenda_json",
    "sbsys_xml",
    "esdh_xml",  # Acadre and eDoc agenda XML
    "firstagenda_html",
    "docx_esdh",
    "pdf",
    "plaintext",
)


@cache
def importers() -> tuple[ModuleType, ...]:
    """The importer modules, loaded on first use so that starting the app stays fast."""
    modules = []
    for name in IMPORTER_NAMES:
        try:
            module = import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            # Only a missing importer module is tolerated; a broken dependency inside one is not.
            if error.name != f"{__name__}.{name}":
                raise
            continue
        modules.append(module)
    return tuple(modules)


def formats() -> list[str]:
    return [module.FORMAT for module in importers()]


def detect(data: bytes) -> ModuleType | None:
    """The first importer whose `sniff` recognises the content."""
    for module in importers():
        if module.sniff(data):
            return module
    return None


def parse(data: bytes, *, source: str = "") -> tuple[str, list[Meeting]]:
    """Detect the format and parse; raises InputError when no importer recognises the content."""
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    module = detect(data)
    if module is None:
        raise InputError("import.error.unknown_format", source=source)
    return module.FORMAT, module.parse(data, source=source)
