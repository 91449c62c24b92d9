"""One item from its heading and the blocks under it: title, case number, closed flag, and the
parts its headings open (sections, indstilling, beslutningskompetence, decisions, bilag,
sagsforløb, per-item attendance), which `item_parts.fill_item` puts in the record.

Document items find their title's continuation and their case number in the first lines;
structured items bring number, title and case number as data. Everything after that is the
same for both.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from meetingtui.importers import casenumber
from meetingtui.importers.built import built
from meetingtui.importers.classify import (
    ATTACHMENTS_KIND,
    ATTENDANCE_KIND,
    AUTHORITY_KIND,
    CASE_KIND,
    DECISION,
    HISTORY_KIND,
    RECOMMENDATION_KIND,
    RECOMMENDS,
    SECTION,
    Heading,
    classify,
    known_heading,
)
from meetingtui.importers.closed import (
    BODY_CLOSED,
    BODY_OPEN,
    CLOSED_STATEMENT,
    FIELD_LINE,
    in_case_line,
    title_mark,
)
from meetingtui.importers.decisions import (
    body_date_head,
    is_decision_phrase,
    names_body,
    referat_head,
)
from meetingtui.importers.heads import ItemHead, title_key
from meetingtui.importers.item_parts import Part, fill_item
from meetingtui.importers.source import Block, Cont, ItemStart
from meetingtui.importers.vocabulary import ITEM_FIELD_LABELS, alternation
from meetingtui.models import (
    AgendaItem,
)


def build_item(
    head: ItemHead, region: list[Block], item_id: int, *, start: ItemStart | None, day: date
) -> AgendaItem:
    """The item `head` opens, from the blocks up to the next item of the meeting held on
    `day`."""
    if start is not None:
        closed, title = title_mark(start.title)
        title = title or start.title.strip() or "Uden titel"
        closed = bool(closed) or bool(start.closed)
        case_number, k = " ".join(start.case_number.split()), 0
    else:
        title, closed, case_number, k = _document_title(head, region)
    if k < len(region) and title_key(region[k].text) == title_key(title):
        k += 1  # the title repeated under the numbered heading (web and FirstAgenda layouts)
    parts: list[Part] = [Part(None)]
    closed_by_case = False  # "Sagsnr. 123456 Udvalg Lukket punkt"
    previous = ""
    wants_case_value = False
    numbers: list[str] = []
    fields = True  # still in the item's field block: no body text yet
    for block in casenumber.numbers_apart(region[k:]):
        text = block.text.strip()
        if block is region[-1] and len(parts) > 1 and text.isupper() and _names_body(text):
            # "ØKONOMIUDVALGET" over the next item: the committee that prepared the items after
            # it, no line of this item's decision
            numbers.append(text)
            continue
        in_fields = fields and (
            len(parts) == 1 or parts[-1].head is None
            or parts[-1].head.kind not in (DECISION, HISTORY_KIND)
        )  # fmt: skip
        label_row, previous = previous, text
        if (
            block.table is None
            and not case_number
            and len(parts) <= 2
            and (casenumber.is_number(text) or (wants_case_value and casenumber.value(text)))
        ):
            case_number = text if casenumber.is_number(text) else casenumber.value(text)
            wants_case_value = False
            continue
        wants_case_value = False
        if not case_number and len(parts) == 1 and casenumber.COLUMN_ROW.match(label_row):
            # A flattened metadata table: "Sagsnr. Ansvarlig Dato" over "24/1001 Jens Hansen
            # 01-03-2024". Both lines stay in the item's text; the number is read off.
            token = text.split()[0] if text.split() else ""
            if casenumber.is_number(token):
                case_number = token
        if len(parts) == 1 and not parts[0].blocks and title_key(text) == title_key(title):
            continue  # the title repeated under the case number
        if len(parts) == 1 and casenumber.NOT_LABEL.match(text):
            numbers.append(text)  # "Dok.nr.: 2012-200": the document's own number, no case
            closed_by_case |= in_case_line(text)  # "Dok.nr.: 2012-200  Lukket"
            continue
        if in_fields and (len(parts) == 1 or FIELD_LINE.match(text)) and BODY_CLOSED.match(text):
            # "(FOR LUKKEDE DØRE)", "Lukket punkt" under the heading, "Status: Lukket" among
            # the item's fields
            closed_by_case = True
            continue
        if in_fields and len(parts) > 1 and BODY_OPEN.match(text):
            continue  # "Offentlighed: Åben" among the fields: open, as `closed` says
        if (
            block.cont is not Cont.WRAP
            and CLOSED_STATEMENT.match(text)
            and (parts[-1].head is None or parts[-1].head.kind not in (DECISION, HISTORY_KIND))
        ):
            # "Sagen behandles for lukkede døre." as a paragraph of the item's text, under any
            # heading: the item is closed (a false "open" publishes a secret); the line stays.
            closed_by_case = True
        h = classify(block)
        if h is not None and h.kind == CASE_KIND:
            if not case_number:
                case_number, plan, leftover = casenumber.own_case(h.rest)
                wants_case_value = not case_number and not h.rest
                numbers.extend([plan] if plan else [])  # "J.nr.: 06.00.00 Sagsid.: 24/1234"
                closed_by_case |= in_case_line(leftover)  # "Dok.nr.: 24/5  Lukket"
                if re.match(r"^/\s*\S*\d\S*$", leftover):
                    # "Sagsnr./Dok.nr.: 24/1001 / 24/55321": the second value, the document's
                    # own number, kept apart as a "Dok.nr." line is
                    numbers.append(leftover)
                elif leftover:
                    parts[-1].add(block.with_text(leftover))
            else:
                parts[-1].add(block)
            continue
        current = parts[-1].head
        in_attachments = current is not None and current.kind == ATTACHMENTS_KIND
        # Attachment names are often "Indstilling", "Notat ...": only a styled heading or a
        # decision ends the list.
        if in_attachments and (h is None or h.kind != DECISION) and _ITEM_ATTENDANCE.match(text):
            parts[0].add(block)  # "Inhabil: X" after the list: read with the item
            continue
        if (
            in_attachments
            and h is not None
            and h.kind not in (DECISION, AUTHORITY_KIND)
            and not (block.bold or block.heading)
        ):
            h = None
        if (
            h is not None
            and h.kind == ATTENDANCE_KIND
            and h.rest
            and (current is None or current.kind == DECISION)
        ):
            # "Fraværende: Mads Berg (C)" as one line of a decision: the decision goes on after
            # it, and the decision's attendance lines are read with the decision.
            h = None
        if (
            (
                h is None
                or h.kind == SECTION
                or (h.kind == RECOMMENDATION_KIND and not block.heading)
            )
            and block.role != "text"
            and RECOMMENDS.match(text)
            and (current is None or current.kind not in (DECISION, ATTACHMENTS_KIND, HISTORY_KIND))
        ):
            # "Teknik- og Miljøudvalget indstiller:" is the first line of the indstilling, under
            # an "Indstilling" heading or opening one; never a section named after it, even
            # when the source styles it as a heading (a heading the vocabulary knows as the
            # indstilling's, "Forvaltningen foreslår", stays its heading).
            line = replace(block, level=0) if block.heading else block
            if current is not None and current.kind == RECOMMENDATION_KIND:
                parts[-1].add(line)
            else:
                parts.append(Part(Heading(RECOMMENDATION_KIND, ""), [line]))
            continue
        # A line that may head the decision: no other heading but a section's, no wrapped
        # line's continuation, not in the sagsforløb.
        may_head_decision = (
            (h is None or h.kind == SECTION)
            and block.cont is not Cont.WRAP
            and (current is None or current.kind != HISTORY_KIND)
        )
        rest = referat_head(text) if may_head_decision else None
        if rest is not None:
            # "Referat" / "Referat:" where a decision stands: the text under it is the
            # decision. "Referat" is a running header's word too: `_decision_place` decides.
            parts.append(Part(Heading(DECISION, "Referat", rest),
                              [block.with_text(rest)] if rest else [],
                              bare=block, sole=h or Heading(TEXT_KIND, "")))  # fmt: skip
            continue
        named = body_date_head(text) if may_head_decision else None
        if named is not None:
            parts.append(Part(Heading(DECISION, text.rstrip(":"), body=named[0], date=named[1]),
                              bare=block))  # fmt: skip
            continue
        if h is None and _empty_attendance(parts) and _prose(text):
            # "Beslutning i Økonomiudvalget den 1. oktober 2018:" / "Fraværende:" / "Godkendt.":
            # the decision's attendance field left empty (nobody absent), the decision under it
            parts.pop()
            parts[-1].add(block)
            continue
        if h is None and (under := _decision_over_names(parts)) is not None and _prose(text):
            # "Afbud fra:" / "Anna Lund (A)" / "Dagsordenen blev godkendt.": the decision goes
            # on after the names its attendance labels listed
            under.add(block)
            continue
        if h is not None:
            parts.append(Part(h, [block.with_text(h.rest)] if h.rest else []))
            continue
        if len(parts) == 1 and BODY_OPEN.match(text):
            continue  # "Åben sag" under the heading: the item is open, as `closed` says
        fields = fields and _in_field_block(text)
        parts[-1].add(block)
    parts = _decision_place(parts)
    item = built(
        AgendaItem,
        id=item_id,
        number=head.number,
        title=title,
        case_number=case_number,
        closed=closed or closed_by_case,
    )
    fill_item(item, parts, start=start, day=day)
    item.unplaced.extend(numbers)
    return item


def _empty_attendance(parts: list[Part]) -> bool:
    """An attendance label with no names ("Fraværende:") right under a decision heading that
    has no text yet."""
    label, decision = parts[-1].head, parts[-2].head if len(parts) > 1 else None
    return (
        label is not None and label.kind == ATTENDANCE_KIND and not parts[-1].blocks
        and decision is not None and decision.kind == DECISION and not parts[-2].blocks
    )  # fmt: skip


def _decision_over_names(parts: list[Part]) -> Part | None:
    """The decision over the attendance labels that end the parts, each with its names."""
    k = len(parts) - 1
    while k > 0 and (label := parts[k].head) is not None and label.kind == ATTENDANCE_KIND:
        if not parts[k].blocks:
            return None
        k -= 1
    head = parts[k].head
    return parts[k] if k < len(parts) - 1 and head is not None and head.kind == DECISION else None


def _names_body(text: str) -> bool:
    """A body's name in capitals: "ØKONOMIUDVALGET", "UDVALGET FOR KULTUR OG FRITID"."""
    return names_body(text) or names_body(text.capitalize())


def _prose(text: str) -> bool:
    """A decision phrase or a sentence (three words in small letters, or a second word in
    small letters: "Dagsordenen blev godkendt."), never a list of names ("Ole Krog (V) og Bo
    Lund (A)", "Anna Lund pga. arbejde")."""
    words = text.split()
    second = words[1] if len(words) > 1 else ""
    return (
        is_decision_phrase(text) or len(re.findall(r"(?<!\S)[a-zæøå]", text)) >= 3
        or (second[:1].islower() and second not in _NAME_PARTICLES)
    )  # fmt: skip


_NAME_PARTICLES = ("af", "von", "van", "de", "la", "og")


def _in_field_block(text: str) -> bool:
    """A line of an item's field block: a field ("Sagsbehandler: Bo Hansen") or a short line
    without a full stop, an unstyled heading over the fields ("Sagsoplysninger"); body text
    ends the block."""
    return FIELD_LINE.match(text) is not None or (
        len(text.split()) <= 4 and not text.endswith((".", "!", "?"))
    )


# What may follow a decision heading of a body and a date: the decisions of the other bodies
# that treated the item, the absences of the item, its attachments.
_AFTER_DECISIONS = (DECISION, ATTENDANCE_KIND, ATTACHMENTS_KIND)


def _decision_place(parts: list[Part]) -> list[Part]:
    """A line of a body and a date is the decision heading only where a decision stands:
    after the item's other parts, with only decisions, absences and attachments after it, and
    a decision under it. Anywhere else (a page header left in the text, a date line in a
    sagsfremstilling, a line with nothing under it) it is text again, where it stood."""
    kept: list[Part] = []
    for k, part in enumerate(parts):
        decides = _only_decisions(parts[k + 1 :]) and re.search(r"\w", part.text) is not None
        if part.sole is not None and decides:
            # "Referat": the decision only where the item has no other
            decides = not any(
                p.head is not None and p.head.kind == DECISION for p in parts if p is not part
            )
        if part.bare is not None and not decides:
            if part.sole is not None and part.sole.kind != TEXT_KIND:
                # the heading the source made it ("Referat" in bold, an <h3>): a section
                kept.append(Part(part.sole, part.blocks))
                continue
            under = part.blocks[1:] if part.head is not None and part.head.rest else part.blocks
            kept[-1].blocks.extend([part.bare, *under])
        else:
            kept.append(part)
    return kept


def _only_decisions(later: list[Part]) -> bool:
    """Only decisions of the body-and-date kind, absences and attachments follow: a
    "Beslutning" heading after it means the line was no decision heading."""
    return all(
        p.head is not None
        and p.head.kind in _AFTER_DECISIONS
        and (p.head.kind != DECISION or p.bare is not None)
        for p in later
    )


def _document_title(head: ItemHead, region: list[Block]) -> tuple[str, bool, str, int]:
    """(title, closed, case number, lines used) of a document item: the heading's title, its
    wrapped continuation, or the line below a bare number."""
    title_parts = [head.title]
    k = 0
    case_number = head.case_before
    if head.title_before:
        title_parts = [head.title_before]
    elif not head.title and region:
        # "Pkt. 42" alone on its line: the title is the next line.
        first = region[0]
        if not (
            casenumber.is_number(first.text)
            or casenumber.label(first.text)
            or known_heading(first)
            or _END_OF_ITEMS.match(first.text)
        ):
            title_parts = [first.text.strip()]
            k = 1
    # A long title wraps: its continuation comes before the case number or first heading.
    while k < min(3, len(region)):
        block = region[k]
        text = block.text.strip()
        if (
            casenumber.is_number(text)
            or casenumber.label(text)
            or casenumber.NOT_LABEL.match(text)
            or known_heading(block)
            or BODY_CLOSED.match(text)
            or BODY_OPEN.match(text)
            or _FIELD_LABEL.match(text)
        ):
            break
        nxt = region[k + 1] if k + 1 < len(region) else None
        follows = nxt is not None and (casenumber.is_number(nxt.text) or known_heading(nxt))
        if len(text) > 160 or text.endswith(".") or title_key(text) == title_key(head.title):
            break
        # A heading and its wrapped continuation have the same weight; a PDF says "not bold"
        # for both when the heading is set in a plain face (a table cell).
        same_weight = block.bold is not False if head.bold is None else block.bold is head.bold
        if (head.bold and block.bold) or (not head.bold and follows and same_weight):
            title_parts.append(text)
        else:
            break
        k += 1
    column = re.match(r"^(.*\S)\s{2,}(\S+)$", title_parts[0]) if title_parts else None
    if column and not case_number and casenumber.is_number(column.group(2)):
        # "Salg af ejendom  23/20456": a table row's case number column after the title
        title_parts[0], case_number = column.group(1), column.group(2)
    title, closed = clean_title(" ".join(p for p in title_parts if p))
    return title, closed or head.closed, case_number, k


def clean_title(title: str) -> tuple[str, bool]:
    closed, title = title_mark(re.sub(r"\s+", " ", title).strip())
    # "§17,4 - Godkendelse af dagsorden" lost its section sign and number in extraction:
    # a prefix with no letters before " - " is the committee's numbering, not the title.
    title = re.sub(r"^[^A-Za-zÆØÅæøå]*\d[^A-Za-zÆØÅæøå]*\s[-–]\s+", "", title)
    title = title.strip(" -–:")
    return title or "Uden titel", bool(closed)


TEXT_KIND = "text"  # a "Referat" line that was no heading: text again where it is no decision
_FIELD_LABEL = re.compile(rf"(?i)^{alternation(ITEM_FIELD_LABELS)}\s*:")
_ITEM_ATTENDANCE = re.compile(r"(?i)^(?:fraværende|afbud|inhabil(?:itet)?|inhabile)\s*:\s*\S")
_END_OF_ITEMS = re.compile(
    r"(?i)^(?:underskriftsside|underskriftsark|underskrifter|underskrift|mødet hævet|"
    r"mødet blev hævet|mødet sluttede|godkendelse af referat(?:et)? ved underskrift)\b"
)
