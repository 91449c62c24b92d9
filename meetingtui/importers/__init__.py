"""Importers: one reader per format family, one pipeline after them.

A reader (`Importer`) recognises its format from the content, never the file name (`sniff`),
and turns the bytes into `Source`s (`read`): the document's blocks in reading order with style
hints, or, for a structured format, the items and header facts it states as data. The steps in
`assemble` turn every source into a `Meeting` the same way. See README.md in this package for
how to teach the importer a new layout.

`IMPORTER_NAMES` is the sniffing order: specific formats first, the plain-text fallback last.
A name without its module is an error at first use, never a silently smaller registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Protocol, runtime_checkable

from meetingtui.errors import InputError
from meetingtui.models import Meeting

from .source import Source

IMPORTER_NAMES = (
    "own",  # meetingtui's own JSON export: exact round trip, so it goes before the others
    "firstagenda_json",
    "sbsys_xml",
    "acadre_xml",
    "edoc_xml",
    "firstagenda_html",
    "docx_esdh",
    "pdf",
    "webpage",  # any other web page that reads as a referat or a dagsorden
    "plaintext",
)


@runtime_checkable
class Importer(Protocol):
    """What every reader module provides."""

    FORMAT: str

    def sniff(self, data: bytes) -> bool:
        """Whether the content is this format (a cheap look at the first bytes)."""
        ...

    def read(self, data: bytes, *, source: str = "") -> list[Source]:
        """The sources the file holds (several meetings in one file are several sources);
        raises InputError with a catalog key when the file cannot be read."""
        ...


@cache
def importers() -> tuple[Importer, ...]:
    """The reader modules, loaded on first use so that starting the app stays fast."""
    modules: list[Importer] = []
    for name in IMPORTER_NAMES:
        module = import_module(f"{__name__}.{name}")
        if not isinstance(module, Importer):
            raise TypeError(f"{module.__name__} lacks FORMAT, sniff or read")
        modules.append(module)
    return tuple(modules)


def pipeline_modules() -> list[str]:
    """Every module reading a file may need: the readers and the steps after them."""
    return [f"{__name__}.{name}" for name in (*IMPORTER_NAMES, "assemble", "itemfiles")]


def load_pipeline() -> None:
    """Import `pipeline_modules` now (before starting worker processes that inherit them)."""
    for name in pipeline_modules():
        import_module(name)


def formats() -> list[str]:
    return [module.FORMAT for module in importers()]


def detect(data: bytes) -> Importer | None:
    """The first reader whose `sniff` recognises the content."""
    return next((module for module in importers() if module.sniff(data)), None)


@dataclass
class Imported:
    format: str
    meetings: list[Meeting]
    warnings: list[tuple[str, dict[str, object]]] = field(default_factory=list)  # catalog keys


def meetings_of(sources: list[Source], *, source: str = "", models: bool = True) -> list[Meeting]:
    """Run the pipeline on what a reader produced. `models=False` leaves the text's blocks in
    their dumped form (`structure.RawBlock`), as an import for storing needs them; no other
    reader of the meetings may see that form (`structure.meeting_models` ends it)."""
    from .assemble import build_meeting
    from .structure import meeting_models

    meetings = [build_meeting(s, name=source) for s in sources]
    for meeting, read_from in zip(meetings, sources, strict=True):
        meeting.ocr = read_from.ocr or meeting.ocr
        if models:
            meeting_models(meeting)
    return meetings


def import_bytes(data: bytes, *, source: str = "", models: bool = True) -> Imported:
    """Detect the format, read and assemble; raises InputError when nothing recognises the
    content or the file holds no meeting. `models`: see `meetings_of`."""
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    module = detect(data)
    if module is None:
        raise InputError("import.error.unknown_format", source=source)
    sources = module.read(data, source=source)
    meetings = meetings_of(sources, source=source, models=models)
    if not meetings:
        raise InputError("import.error.no_meetings", source=source)
    warnings = [w for s in sources for w in s.warnings]
    return Imported(module.FORMAT, meetings, warnings)


def is_item_file(meetings: list[Meeting]) -> bool:
    """A file that holds one item of a meeting (systems that publish each item on its own)."""
    from .itemfiles import is_item_file as one_item

    return one_item(meetings)


def parse(data: bytes, *, source: str = "") -> tuple[str, list[Meeting]]:
    """(format, meetings) of a file's bytes; see `import_bytes`."""
    result = import_bytes(data, source=source)
    return result.format, result.meetings
