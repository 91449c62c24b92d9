"""The pipeline after the reader: one `Source` in, one `Meeting` out.

    blocks ─ flatten ─ contents ─ segment ─┬─ header ─┐
                                           └─ items ──┴─ finish
A structured source states its items and header as data and skips the document steps that
find them; everything else is the same for every format.
"""

from __future__ import annotations

import re
from datetime import datetime

from meetingtui.dates import find_date
from meetingtui.errors import InputError
from meetingtui.importers import casenumber, contents, finish, header, items, people, segment
from meetingtui.importers.classify import AUTHORITY_KIND, DECISION, classify, known_heading
from meetingtui.importers.closed import BODY_CLOSED, is_marker, part_mark, title_mark
from meetingtui.importers.flatten import split_inline_labels
from meetingtui.importers.furniture import web_furniture
from meetingtui.importers.heads import ItemHead, plain_number, title_key
from meetingtui.importers.seats import missed_items
from meetingtui.importers.source import Block, HeaderFacts, Source
from meetingtui.importers.vocabulary import BODY_ENDINGS, END_OF_ITEMS, alternation
from meetingtui.models import (
    AgendaItem,
    Attendance,
    ItemAbsence,
    Meeting,
    MeetingKind,
    Movement,
    MovementKind,
)


def build_meeting(source: Source, *, name: str = "") -> Meeting:
    """The meeting of one source; raises InputError when the text holds no meeting."""
    if source.record is not None:
        return source.record
    if source.facts is not None:
        return _structured(source, name)
    kept = [b for b in source.blocks if (b.text.strip() or b.table) and not web_furniture(b.text)]
    blocks = split_inline_labels(kept)
    if not blocks:
        raise InputError("import.docs.no_text", source=name)
    toc_start, toc_end = contents.find_contents(blocks)
    toc = blocks[toc_start + 1 : toc_end] if toc_start >= 0 else []
    toc_keys = contents.entry_titles(toc)
    heads = segment.find_items(blocks, toc_end if toc_start >= 0 else 0, toc_keys)
    heads = _item_file_head(blocks, heads)
    if not heads:
        raise InputError("import.docs.no_items", source=name)
    first_line = heads[0].index - heads[0].lines_before
    header_end = min(toc_start, first_line) if toc_start >= 0 else first_line
    facts = header.parse_header(blocks[:header_end])
    facts.closed_part = facts.closed_part or source.closed_part or None
    meeting_unplaced = list(facts.unplaced)
    weak = False
    if toc_start >= 0 and toc_end < first_line:
        # Text between the contents and the first item (a welcome, a members list) is kept.
        between = header.parse_header(blocks[toc_end:first_line])
        for person in between.participants:
            if all(p.name != person.name for p in facts.participants):
                person.id = len(facts.participants) + 1
                facts.participants.append(person)
        meeting_unplaced.extend(between.unplaced)
        if between.closed_part is not None:
            facts.closed_part = between.closed_part  # "Dagsorden (lukket)" after the contents
        marks = [m for b in blocks[toc_end:first_line] if (m := part_mark(b.text)) is not None]
        if marks:
            facts.closed_part = marks[-1]  # the part nearest the first item holds it
        weak = _empty_closed_part(blocks, toc_start, toc_end, first_line)
    if facts.starts_at is None:
        facts.starts_at = _first_date(blocks)
    if facts.starts_at is None:
        raise InputError("import.docs.no_date", source=name)
    body = facts.body or _body_named_in(facts.unplaced)
    if body and not facts.body:
        meeting_unplaced.remove(next(u for u in meeting_unplaced if u.strip() == body))
    if not body and source.running_header:
        # The running header repeated the title page's own lines and took them with it: the
        # title page's body, before one a decision heading abbreviates ("Beslutning (BR)").
        running = header.parse_header([Block(t) for t in source.running_header])
        body = running.body or _body_named_in(running.unplaced)
    body = body or _body_from_decisions(blocks, facts.starts_at) or _body_from_authority(blocks)
    if not body:
        raise InputError("import.docs.no_body", source=name)
    facts.body = body
    item_list, trailing = _document_items(
        blocks, heads, facts, meeting_unplaced, contents.closed_entries(toc),
        listed=toc_keys if toc_start >= 0 and toc_end < first_line and weak else None,
    )  # fmt: skip
    _number_items(item_list)
    _meeting_end(facts, trailing)
    trailing = _signature_page(facts, trailing)
    meeting = _meeting(facts, item_list, name)
    meeting.unplaced = [*meeting_unplaced, *trailing, *source.unplaced]
    return finish.finish(meeting, facts.kind_word, unmarked_present=facts.unmarked_present)


def _document_items(
    blocks: list[Block],
    heads: list[ItemHead],
    facts: HeaderFacts,
    meeting_unplaced: list[str],
    closed_in_contents: tuple[set[str], set[str]],
    *,
    listed: set[str] | None = None,
) -> tuple[list[AgendaItem], list[str]]:
    """The items between the headings, the closed parts they sit in, and the text after the
    last item (signature page, "Mødet hævet"). An item the contents marks closed is closed,
    whatever its own heading says. `listed`: the contents' titles, when its last line is a
    closed part's heading with no entry under it (see `_empty_closed_part`)."""
    closed_numbers, closed_keys = closed_in_contents
    assert facts.starts_at is not None
    day = facts.starts_at.date()
    found: list[AgendaItem] = []
    trailing: list[str] = []
    part_closed = bool(facts.closed_part)  # under a "Lukkede punkter" / "Lukket dagsorden" part
    for n, head in enumerate(heads):
        end = heads[n + 1].index if n + 1 < len(heads) else len(blocks)
        if n + 1 < len(heads):
            end -= heads[n + 1].lines_before  # the next item's case number or title above it
        region = blocks[head.index + 1 : end]
        if n == 0 and meeting_unplaced and part_mark(meeting_unplaced[-1]) is not None:
            part_closed = bool(part_mark(meeting_unplaced.pop()))
        own = (
            head.closed
            or (bool(head.number) and (head.number.lstrip("0") or "0") in closed_numbers)
            or title_key(head.title) in closed_keys
        )  # fmt: skip
        head.closed = own or part_closed
        evidence = listed  # whether this item may show itself open, before the next part
        group = part_mark(region[-1].text.strip()) if region else None
        if n + 1 < len(heads) and group is not None:
            # "Åbne punkter" / "Lukkede punkter" before the next item: it groups the items.
            part_closed = group
            region = region[:-1]
            listed = None  # the body's own parts say which items are closed
        if n + 1 == len(heads):
            cut = next(
                (k for k, b in enumerate(region) if _END_OF_ITEMS.match(b.text)
                 and not (k == 0 and title_key(b.text) == title_key(head.title))),
                None,
            )  # fmt: skip
            if cut is not None:
                trailing = [b.text for b in region[cut:]]
                region = region[:cut]
        item = items.build_item(head, region, len(found) + 1, start=None, day=day)
        # the title the item's own lines give ("Pkt. 3" over its title)
        if (
            evidence is not None and head.closed and not own
            and _in_contents(item.title, evidence) and title_key(item.title) not in closed_keys
        ):  # fmt: skip
            head.closed = False
            opened = items.build_item(head, region, len(found) + 1, start=None, day=day)
            if _published(opened):
                item = opened
            head.closed = True
        found.append(item)
    return found, trailing


def _empty_closed_part(blocks: list[Block], toc_start: int, toc_end: int, first_line: int) -> bool:
    """Whether the contents ends in a closed part's heading ("Lukkede Punkter", "Lukket
    dagsorden") with no entry under it, and the document shows that heading is the contents'
    own, not the body's part over the first items: the contents lists its entries under an
    open part ("Åbne punkter" over them, the closed part empty), or the heading ends the
    contents' page and the first item begins on a later one. Only then may an item the contents
    lists show itself open by its published text (see `_published`); a body's closed part
    right after the contents holds items whose text an internal referat publishes too, so
    without that evidence every item after the heading stays closed."""
    between = [b for b in blocks[toc_end:first_line] if part_mark(b.text) is not None]
    if (
        toc_start < 0
        or toc_end >= first_line
        or len(between) != 1
        or between[0] is not blocks[toc_end]
    ):
        return False
    text = blocks[toc_end].text.strip()
    if part_mark(text) is not True or re.search(r"(?i)\b(?:referat|protokol)", text):
        return False
    marks = [m for b in blocks[toc_start + 1 : toc_end] if (m := part_mark(b.text)) is not None]
    if marks and not any(marks):
        return True  # "Åbne punkter" over the entries: the closed part is the contents' own
    page = blocks[toc_end].page
    return blocks[toc_end - 1].page == page and blocks[first_line].page > page


def _in_contents(title: str, listed: set[str]) -> bool:
    """Whether the contents lists the title (its entry's key may end in the page number)."""
    key = title_key(title)
    return key in listed or any(k.startswith(key) and k[len(key) :].isdigit() for k in listed)


def _published(item: AgendaItem) -> bool:
    """An item whose case is published: a section with text or an indstilling, which a
    closed item in a public referat never shows."""
    if item.closed:
        return False  # its own heading or fields close it
    return bool(item.recommendation.strip()) or any(s.text.strip() for s in item.sections)


# "Økonomiudvalget 12.03.2024, pkt. 7": a file holding one item names it in its header line,
# maybe with its closed marker or its title after the number ("pkt. 7 - Lukket punkt",
# "punkt 7 (Lukket)", "Pkt. 7: Lukket sag", "pkt. 7 - Salg af grund").
_ITEM_REFERENCE = re.compile(
    r"(?i)[\s,.\-–]+(?:punkt|pkt\.?|dagsordenspunkt|sag\s+nr\.?)\s*(?:nr\.?\s*)?"
    r"(?P<number>\d{1,4}[a-z]?)(?![\d/])(?:[.:]?\s*$|(?P<rest>\s*(?:[-–:]\s+|:|\(|\s)\S.*)$)"
)


def _reference_after_number(rest: str) -> tuple[bool, str] | None:
    """(closed, title) of what follows the item's number in a one-item file's header line:
    a closed marker alone ("- Lukket punkt", "(Lukket)"), a title after a dash or colon, with
    or without a marker; None for anything else (no reference to an item)."""
    rest = rest.strip()
    if not rest:
        return False, ""
    bare = rest.lstrip(" -–:").strip()
    if is_marker(bare):
        return True, ""
    if not re.match(r"^[-–:]", rest) and not rest.startswith("("):
        return None
    closed, title = title_mark(bare)
    return bool(closed), title


def _item_file_head(blocks: list[Block], heads: list[ItemHead]) -> list[ItemHead]:
    """A document that holds one item of a meeting: its header line names the item ("...
    12.03.2024, pkt. 7 - Lukket punkt") and the title follows it or stands in the line. The
    reference leaves the header line; an item closed without a title is "Lukket punkt"."""
    if len(heads) > 1 or (heads and heads[0].number):
        return heads
    for index, block in enumerate(blocks[:8]):
        reference = _ITEM_REFERENCE.search(block.text)
        if reference is None or find_date(block.text) is None or index + 1 >= len(blocks):
            continue
        after = _reference_after_number(reference.group("rest") or "")
        if after is None:
            continue
        closed, title = after
        number = reference.group("number")
        blocks[index] = block.with_text(block.text[: reference.start()].strip())
        if heads:
            heads[0].number = number
            heads[0].closed = heads[0].closed or closed
            return heads
        following = blocks[index + 1]
        if not title and not _not_a_title(following):
            return [ItemHead(index + 1, number, following.text.strip(), closed, True,
                             following.bold)]  # fmt: skip
        # The title stands in the header line, or none follows: the reference is the heading.
        blocks.insert(index + 1, block.with_text(reference.group(0).strip(" ,.-–")))
        neutral = "Lukket punkt" if closed else ""
        return [ItemHead(index + 1, number, title or neutral, closed, True, block.bold)]
    return heads


def _not_a_title(block: Block) -> bool:
    """A line under a one-item file's header that is the item's first part, not its title."""
    text = block.text.strip()
    return (
        known_heading(block) or casenumber.label(text) is not None
        or casenumber.is_number(text) or casenumber.NOT_LABEL.match(text) is not None
        or BODY_CLOSED.match(text) is not None
    )  # fmt: skip


def _structured(source: Source, name: str) -> Meeting:
    """A source that states its header and items as data."""
    facts = source.facts
    assert facts is not None
    if facts.starts_at is None:
        raise InputError("import.error.no_date", value="-", source=name)
    blocks = [b for b in source.blocks if b.text.strip() or b.table or b.item or b.level]
    heads = segment.explicit_items(blocks)
    day = facts.starts_at.date()
    found: list[AgendaItem] = []
    for n, head in enumerate(heads):
        end = heads[n + 1].index if n + 1 < len(heads) else len(blocks)
        start = blocks[head.index].item
        region = blocks[head.index + 1 : end]
        found.append(items.build_item(head, region, len(found) + 1, start=start, day=day))
    _number_items(found)
    meeting = _meeting(facts, found, name)
    meeting.unplaced = [*facts.unplaced, *source.unplaced]
    return finish.finish(meeting, facts.kind_word, unmarked_present=facts.unmarked_present)


def _meeting(facts: HeaderFacts, found: list[AgendaItem], name: str) -> Meeting:
    assert facts.starts_at is not None
    numbers_found = [plain_number(item.number) for item in found]
    for who, numbers in facts.some_items:
        # "Anne Sø (F) deltog ikke i behandlingen af punkt 3-5", "Per Dam (punkt 1-4)", "fra
        # punkt 5" in the header's absence list
        missed = missed_items(numbers, numbers_found)
        for item in found:
            if plain_number(item.number) in missed and all(a.name != who for a in item.absences):
                item.absences.append(ItemAbsence(name=who, reason="Deltog ikke i behandlingen"))
        person = next((p for p in facts.participants if p.name == who), None)
        if person is not None and found and missed >= set(numbers_found):
            # "Jens Dahl, sag 129-130": every item there was; under "Afbud:" with apologies
            person.attendance = facts.some_items_listed.get(who, Attendance.ABSENT)
    _away(facts, found)
    return Meeting(
        body=facts.body,
        title=facts.title,
        kind=MeetingKind.EKSTRAORDINAERT if facts.extraordinary else MeetingKind.ORDINAERT,
        starts_at=facts.starts_at,
        ends_at=facts.ends_at,
        location=facts.location,
        source=name,
        participants=facts.participants,
        items=found,
    )


def _away(facts: HeaderFacts, found: list[AgendaItem]) -> None:
    """ "Fraværende i mødet: Karoline Bech til kl. 18.40 i punkt 2": she arrived at 18.40
    during item 2 and missed the items before it; "… fra kl. 21.33 i punkt 12": she left then
    and missed the items after it."""
    assert facts.starts_at is not None
    for who, way, (hour, minute), number in facts.away:
        person = next((p for p in facts.participants if p.name == who), None)
        during = next((k for k, i in enumerate(found) if plain_number(i.number) == number), None)
        if person is None:
            continue
        at = facts.starts_at.replace(hour=hour, minute=minute)
        item_id = found[during].id if during is not None else None
        kind = MovementKind.ARRIVED if way == "arrived" else MovementKind.LEFT
        person.movements.append(Movement(kind=kind, at=at, item_id=item_id))
        if during is None:
            continue
        missed = found[:during] if kind is MovementKind.ARRIVED else found[during + 1 :]
        for item in missed:
            if all(a.name != who for a in item.absences):
                item.absences.append(ItemAbsence(name=who, reason="Fraværende i mødet"))


_END_OF_ITEMS = re.compile(rf"(?i)^{alternation(END_OF_ITEMS)}\b")
_ENDED = re.compile(
    r"(?i)^mødet\s+(?:blev\s+)?(?:hævet|sluttede|afsluttet|slut)\s+kl\.?\s*(\d{1,2})(?:[.:](\d{2}))?\.?$"
)


def _meeting_end(facts: HeaderFacts, trailing: list[str]) -> None:
    """ "Mødet hævet kl. 18.45" after the last item."""
    assert facts.starts_at is not None
    ended = next((t for t in trailing if _ENDED.match(t.strip())), None)
    if ended is None or facts.ends_at is not None:
        return
    m = _ENDED.match(ended.strip())
    assert m is not None
    end = facts.starts_at.replace(hour=int(m.group(1)), minute=int(m.group(2) or 0))
    if end > facts.starts_at:
        facts.ends_at = end
        trailing.remove(ended)


_SIGNATURE_HEAD = re.compile(
    r"(?i)^(?:underskriftsside|underskriftsark|underskriftsblad|underskrifter|underskrift|"
    r"godkendelse\s+af\s+referat(?:et)?\s+ved\s+underskrift|underskrevet\s+af)\b[\s:]*"
)
_SIGNATURE_ROLE = re.compile(r"(?i)^(?:formand|næstformand|borgmester|medlem|suppleant)\s*:?\s*$")


def _signature_page(facts: HeaderFacts, trailing: list[str]) -> list[str]:
    """The signature page after the last item lists the members who took part: they are the
    meeting's participants, present. Lines it cannot read stay unplaced."""
    start = next((k for k, t in enumerate(trailing) if _SIGNATURE_HEAD.match(t.strip())), None)
    if start is None:
        return trailing
    kept = trailing[:start]
    first = _SIGNATURE_HEAD.sub("", trailing[start].strip())
    for text in [first, *trailing[start + 1 :]]:
        text = text.strip()
        if not text or re.fullmatch(r"[_.\-–\s]+", text) or _SIGNATURE_ROLE.match(text):
            continue  # lines to sign on, and the roles under them
        cells = [c for c in re.split(r"\s{2,}|\t", re.sub(r"_{3,}", "  ", text)) if c.strip()]
        if cells and all(people.signer(c) for c in cells):
            for cell in cells:
                people.add_people(facts, cell, Attendance.PRESENT)
        else:
            kept.append(text)
    return kept


def _first_date(blocks: list[Block]) -> datetime | None:
    for block in blocks[:80]:
        found = find_date(block.text)
        if found:
            return found.day
    return None


# "Økonomiudvalget", "Teknik- og Miljøudvalget", and "Udvalget for Kultur og Fritid"
_BODY_NAME = re.compile(
    rf"(?i)^(?:[A-ZÆØÅ][\w ,.\-–&]{{0,70}}{alternation(BODY_ENDINGS)}"
    rf"|{alternation(BODY_ENDINGS)}\s+for\s+[A-ZÆØÅ][\w ,.\-–&]{{2,60}})$"
)


def _body_named_in(header_lines: list[str]) -> str:
    """A header without "Referat"/"Dagsorden" still names the body on a line of its own."""
    return next((t.strip() for t in header_lines if _BODY_NAME.match(t.strip())), "")


def _body_from_decisions(blocks: list[Block], starts_at: datetime) -> str:
    """The body a decision heading names ("Beslutning i X den …", "Xs beslutning den …"):
    one dated the meeting day first, else the first that names a body."""
    named = []
    for block in blocks:
        head = classify(block)
        if head and head.kind == DECISION and head.body:
            found = find_date(head.date, short_year=True) if head.date else None
            if found is not None and found.day.date() == starts_at.date():
                return head.body
            named.append(head.body)
    return named[0] if named else ""


def _body_from_authority(blocks: list[Block]) -> str:
    """ "Beslutningskompetence: Teknik- og Miljøudvalget" when nothing else names the body: the
    body every item names as the one that decides."""
    named = {
        " ".join(head.rest.split()).rstrip(".")
        for block in blocks
        if (head := classify(block)) is not None and head.kind == AUTHORITY_KIND and head.rest
    }
    return named.pop() if len(named) == 1 and _BODY_NAME.match(next(iter(named))) else ""


def _number_items(found: list[AgendaItem]) -> None:
    """Items whose number was lost in extraction get the next number in order."""
    previous = 0
    for item in found:
        if item.number:
            m = re.match(r"\d+", item.number)
            previous = int(m.group()) if m else previous
        else:
            previous += 1
            item.number = str(previous)
