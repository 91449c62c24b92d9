"""The one form every reader produces: a document's blocks in reading order, with style hints.

A PDF line, a Word paragraph, an HTML <p>/<h3>/<li>/<table> and an XML field all become
`Block`s. The steps after the readers (furniture, contents, segment, header, items, finish)
never look at the format again; they read the text and the hints the source gave:

- `level`: a heading the source marks (a Word heading style, <h3>); 0 when it does not,
  and then the classifier decides from the words and the `bold` hint.
- `cont`: how the block joins the one before: a new paragraph, a line the layout wrapped
  (PDF text, joined with a space), or a line break the author typed.
- `list_label`/`list_level`: the number or bullet the source shows before a list paragraph.
- `table`: a table kept whole, for the section that holds it.
- `item`: a structured source's own item boundary (JSON, XML, HTML agenda pages), with what
  the data states about the item (number, title, case number, closed, attachments, absences).

A structured source also states the meeting's header facts as data (`Source.facts`); a
document leaves them to the header rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from meetingtui.models import Attendance, DecisionEntry, ItemAbsence, Meeting, OcrNote, Participant


class Cont(IntEnum):
    """How a block continues the one before it."""

    NEW = 0  # a paragraph of its own
    WRAP = 1  # the same paragraph, wrapped by the page layout: joined with a space
    BREAK = 2  # the same paragraph after a line break the author typed


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a paragraph's text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Table:
    rows: list[list[str]]
    header_rows: int = 0  # rows the source marks as the header (<th>, a Word header row)


@dataclass(slots=True)
class ItemStart:
    """An item as a structured source states it; the blocks that follow are its text."""

    number: str
    title: str
    case_number: str = ""
    closed: bool | None = None  # None: the data says nothing (FirstAgenda's IsOpen)
    attachments: list[str] = field(default_factory=list)
    absences: list[ItemAbsence] = field(default_factory=list)
    earlier: list[DecisionEntry] = field(default_factory=list)  # decisions of earlier meetings
    unplaced: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    text: str
    page: int = 0
    bold: bool | None = None  # None: the format does not say
    level: int = 0  # heading level the source marks; 0: not marked
    toc: bool = False  # styled as a table-of-contents entry
    cont: Cont = Cont.NEW
    italic: bool | None = None
    spans: tuple[Span, ...] = ()  # emphasis inside the paragraph, when it varies
    list_label: str = ""  # "1.", "a)", "•" as the source shows it
    list_level: int = 0
    table: Table | None = None
    item: ItemStart | None = None
    role: str = ""  # what the source's data says the block is: "decision"

    @property
    def heading(self) -> bool:
        return self.level > 0

    def with_text(self, text: str) -> Block:
        """The same block holding other text (a split or cut line keeps its hints)."""
        return Block(text, self.page, self.bold, self.level, self.toc, self.cont, self.italic,
                     (), self.list_label, self.list_level, None, None, self.role)  # fmt: skip


@dataclass
class HeaderFacts:
    """What the meeting's header says: read from the document's first blocks by the header
    rules, or stated as data by a structured source."""

    body: str = ""
    title: str = ""
    kind_word: str = ""  # "referat", "dagsorden" as the document calls itself
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    location: str = ""
    extraordinary: bool = False
    closed_part: bool | None = None  # "Lukket dagsorden": the items after the header are closed
    participants: list[Participant] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)  # unused text after a date on its line
    # "Anne Sø (F) deltog ikke i behandlingen af punkt 3-5" in the header: (name, items)
    some_items: list[tuple[str, list[str]]] = field(default_factory=list)
    # the list that named them so: "Afbud: Per Dam (punkt 1-6)" missing every item is afbud
    some_items_listed: dict[str, Attendance] = field(default_factory=dict)
    # "Karoline Bech til kl. 18.40 i punkt 2": (name, "arrived"/"left", (hour, minute), item)
    away: list[tuple[str, str, tuple[int, int], str]] = field(default_factory=list)
    # In a referat, a member the source lists without a status took part (Acadre, eDoc and
    # FirstAgenda record only absences); SBSYS's "Ikke bestemt" stays unknown.
    unmarked_present: bool = True


@dataclass
class Source:
    """What a reader hands to the pipeline."""

    blocks: list[Block]
    facts: HeaderFacts | None = None  # structured sources: the header as data
    unplaced: list[str] = field(default_factory=list)  # set aside by the reader (attachments)
    dropped_lines: int = 0  # page headers and footers removed by the reader
    # What was lost, as catalog keys and parameters (rendered where the summary is shown).
    warnings: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    record: Meeting | None = None  # a format that carries the complete record (our own)
    closed_part: bool = False  # page furniture says every item is closed ("Lukket referat")
    # The first page's lines taken for its running header: where the header repeats the title
    # page's own lines ("Byrådet" / "Referat" on every page), they still name the body.
    running_header: list[str] = field(default_factory=list)
    ocr: OcrNote | None = None  # the text was read from a scan through OCR (importers/ocr.py)
