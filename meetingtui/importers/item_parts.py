"""The parts of an item put where they belong in the record: each heading's blocks become a
section, the indstilling, the beslutningskompetence, a decision, the bilag, the sagsforløb or
the item's attendance, in the source's order (`item.layout`); the text before the first heading
is the item's own text, its decision or attendance, or unplaced.

`items.build_item` finds the parts; this fills the item from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from meetingtui.importers import attendance, structure
from meetingtui.importers.built import built
from meetingtui.importers.classify import (
    ATTACHMENTS_KIND,
    ATTENDANCE_KIND,
    AUTHORITY_KIND,
    DECISION,
    HISTORY_KIND,
    RECOMMENDATION_KIND,
    Heading,
)
from meetingtui.importers.decisions import current_entry, is_decision_phrase, parse_case_history
from meetingtui.importers.people import split_people, without_role
from meetingtui.importers.seats import read_remarks
from meetingtui.importers.source import Block, ItemStart
from meetingtui.importers.structure import part_text
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Attendance,
    DecisionEntry,
    ItemAbsence,
    ItemPart,
    PartKind,
    Section,
)


@dataclass
class Part:
    """A heading of the item and the blocks under it (the text before the first heading has
    no heading)."""

    head: Heading | None
    blocks: list[Block] = field(default_factory=list)
    # A decision heading of a body and a date alone ("Byrådet den 12-03-2024"): its line, kept
    # to be text again where it turns out to stand somewhere else than a decision.
    bare: Block | None = None
    # A "Referat" heading: the decision only where it is the item's one decision; else the
    # heading it was read as (a section "Referat"), or text when it was none.
    sole: Heading | None = None

    @property
    def lines(self) -> list[str]:
        """The lines as the source wrote them; a table row by row."""
        return [line for b in self.blocks for line in structure.block_line(b).split("\n")]

    @property
    def text(self) -> str:
        return part_text(self.blocks)

    def add(self, block: Block) -> None:
        self.blocks.append(block)


def fill_item(item: AgendaItem, parts: list[Part], *, start: ItemStart | None, day: date) -> None:
    """Put each part where it belongs in the record, and note the parts in the source's order
    (`item.layout`). A structured item (`start`) brings what its data states; its text before
    the first heading is its own text, not leftovers of a page."""
    decisions: list[DecisionEntry] = []
    history: list[DecisionEntry] = list(start.earlier) if start is not None else []
    layout: list[tuple[ItemPart, DecisionEntry | None]] = []
    for part in parts[1:]:
        head = part.head
        assert head is not None
        blocks = structure.content(part.blocks)
        text = structure.raw_text(blocks)
        kind = _PART_KINDS.get(head.kind, PartKind.SECTION)
        entry = None
        if head.kind == DECISION:
            if not text:
                continue
            clean = structure.clean_joined(text)
            entry = built(DecisionEntry, body=head.body, date=head.date, text=clean, _clean=_TEXT)
            decisions.append(entry)
        elif head.kind == RECOMMENDATION_KIND and text:
            item.recommendation = "\n".join(p for p in (item.recommendation, text) if p)
        elif head.kind == AUTHORITY_KIND and text and not item.decision_authority:
            item.decision_authority = text.replace("\n", " ")
        elif head.kind == ATTACHMENTS_KIND:
            item.attachments.extend(
                a for a in attachment_list(part.lines) if a not in item.attachments
            )
        elif head.kind == ATTENDANCE_KIND:
            present = head.attendance is Attendance.PRESENT  # "Til stede:" lists no absence
            reason = re.sub(r"(?i)\s+fra$", "", head.text)  # "Afbud fra Per Dam (Ø)"
            # a substitute in the seat ("… stedfortræder Ida Kold (Ø)") is no absent member
            remarks = read_remarks(text)
            absent = remarks.absent  # "X (punkt 1-4)": absent from those items (finish.py)
            for name, _aff in [] if present else split_people(absent):
                name = without_role(name)[1]  # "Formand Bo Krag"
                item.absences.append(
                    built(ItemAbsence, name=name, kind=AbsenceKind.ABSENT, reason=reason)
                )
            if text:
                item.attendance_notes.append(f"{head.text}: {text}")
        elif head.kind == HISTORY_KIND and (entries := parse_case_history(part.lines)):
            history.extend(entries)
        elif re.search(r"\w", text):  # a lone "." or bullet is no section
            clean = structure.clean_joined(text)
            section = built(Section, heading=head.text, text=clean, blocks=blocks, _clean=_TEXT)
            item.sections.append(section)
            index = len(item.sections) - 1
            layout.append(
                (built(ItemPart, kind=PartKind.SECTION, heading=head.text, index=index), None)
            )
            continue
        if text or kind is PartKind.ATTACHMENTS:
            layout.append((built(ItemPart, kind=kind, heading=head.text, blocks=blocks), entry))
        elif head.text.strip():
            # A heading with nothing of its own over the headings after it ("Fremstilling",
            # "BESLUTNINGSFORSLAG FRA DD"): kept in the source's outline.
            layout.append((built(ItemPart, kind=PartKind.SECTION, heading=head.text), None))
    preamble = _preamble(item, parts[0], decisions, explicit=start is not None)
    if preamble is not None:
        for placed, _entry in layout:
            if placed.kind is PartKind.SECTION and placed.index >= 0:
                placed.index += preamble[0].kind is PartKind.SECTION  # the text went first
        layout.insert(0, preamble)
    current = current_entry(decisions, day) if decisions else None
    item.decision = current.text if current is not None else ""
    entries = [*history, *decisions]
    if len(entries) > 1 or any(e.body or e.date for e in entries):
        item.decision_history = entries
    item.layout = [_indexed(part, entry, item) for part, entry in layout]
    if start is not None:
        _apply_start(item, start)


_TEXT = ("text",)  # a part's text, cleaned as it was joined (`structure.clean_joined`)

_PART_KINDS = {
    DECISION: PartKind.DECISION,
    RECOMMENDATION_KIND: PartKind.RECOMMENDATION,
    AUTHORITY_KIND: PartKind.AUTHORITY,
    ATTACHMENTS_KIND: PartKind.ATTACHMENTS,
    ATTENDANCE_KIND: PartKind.ATTENDANCE,
    HISTORY_KIND: PartKind.HISTORY,
}


def _indexed(part: ItemPart, entry: DecisionEntry | None, item: AgendaItem) -> ItemPart:
    """A decision part points at its entry in the decision history (-1: the item's decision)."""
    if entry is not None:
        part.index = next((k for k, e in enumerate(item.decision_history) if e is entry), -1)
    return part


def _preamble(
    item: AgendaItem, part: Part, decisions: list[DecisionEntry], *, explicit: bool
) -> tuple[ItemPart, DecisionEntry | None] | None:
    """The text before the item's first heading: attendance lines, the decision of a closed
    item or of a beslutningsprotokol that prints it without a heading, else kept (as the
    item's own text in a structured source, as unplaced text in a document)."""
    blocks = structure.content(part.blocks)
    text = structure.raw_text(blocks)
    if not re.search(r"\w", text):
        return None
    facts = attendance.parse_attendance(text)
    item.absences.extend(facts.absences)
    item.attendance_notes.extend(facts.notes)
    rest = facts.remaining
    if not rest:
        return None
    if not decisions and ((item.closed and not item.sections) or is_decision_phrase(rest)):
        # A closed item shows only its decision; a beslutningsprotokol prints it untitled.
        entry = built(DecisionEntry, text=rest)
        decisions.append(entry)
        return built(ItemPart, kind=PartKind.DECISION, blocks=blocks), entry
    if explicit:
        item.sections.insert(0, built(Section, heading="", text=rest, blocks=blocks))
        return built(ItemPart, kind=PartKind.SECTION, index=0), None
    item.unplaced.append(rest)
    return None


def _apply_start(item: AgendaItem, start: ItemStart) -> None:
    """What a structured source states about the item beside its text."""
    # "Tilbudsliste" as data and "2012-300 - Tilbudsliste" in the text are one attachment.
    item.attachments.extend(
        a for a in start.attachments if not any(b.endswith(a) for b in item.attachments)
    )
    for absence in start.absences:
        if all(a.name != absence.name or a.kind is not absence.kind for a in item.absences):
            item.absences.append(absence)
    item.unplaced.extend(start.unplaced)


def attachment_list(lines: list[str]) -> list[str]:
    """Attachment names from the lines of a "Bilag" part: numbering and bullets removed, a
    flattened "1. Budget.pdf 2. Notat.pdf" split, a wrapped name joined."""
    parts = [part for line in lines for part in _split_numbered(line)]
    out: list[str] = []
    for part in parts:
        part = re.sub(
            r"^(?:bilag\s*)?(?:\d{1,3}(?:\.\d{1,3})+\.?\s+|"  # "2.1 Notat" numbered per item
            r"\d{1,3}\s*(?:[.:)]\s*|\s+(?=(?:åben|lukket)\b)))(?:(?:åben|lukket)\s+)?",
            "",
            part.strip(),
            flags=re.IGNORECASE,
        )
        part = part.lstrip("•-–* ").strip()
        if part and out and (part[0].islower() or re.match(r"\d+$", part)):
            out[-1] = f"{out[-1]} {part}"  # a wrapped attachment name
        elif part:
            out.append(part)
    return out


def _split_numbered(line: str) -> list[str]:
    # "1. Budget.pdf 2. Notat.pdf" on one line (a flattened list) is split before each next
    # number in sequence; "Beretning fra den 13. juni" is not a list.
    first = re.match(r"(?:bilag\s*)?(\d{1,2})\.\s", line, re.IGNORECASE)
    if first is None:
        return [line]
    expected = int(first.group(1)) + 1
    parts, start = [], 0
    for m in re.finditer(r"\s(?=(\d{1,2})\.\s)", line):
        if int(m.group(1)) == expected:
            parts.append(line[start : m.start()])
            start, expected = m.end(), expected + 1
    parts.append(line[start:])
    return parts
