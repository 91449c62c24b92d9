"""The meeting's header: body, date and time, place and people, read line by line by small rules.

    Referat <udvalg> <dato> kl. <tid> <sted>      or labelled: "Mødedato:", "Mødested:"
    Afbud: ... / Fraværende: ... / Deltagere: ...  people, with party and role

Each rule looks at one line and either takes it (returns True) or leaves it to the next rule;
a line no rule takes is kept as unplaced header text. The order of `RULES` is the priority.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from meetingtui.dates import WEEKDAY_PATTERN, find_date, find_times
from meetingtui.importers import people, seats
from meetingtui.importers.classify import ATTENDANCE_KIND, classify, known_heading, norm
from meetingtui.importers.closed import part_mark
from meetingtui.importers.decisions import names_body
from meetingtui.importers.header_lines import ANY_LABEL, DATE_LABEL, header_lines
from meetingtui.importers.source import Block, HeaderFacts
from meetingtui.importers.vocabulary import BODY_ENDINGS, DOCUMENT_KINDS, NOT_BODY, alternation
from meetingtui.models import Attendance, Role

_LOCATION_LABEL = re.compile(
    r"(?i)^(?:mødested\s*:?|(?:sted|lokale|mødelokale|adresse)\s*:)\s*(.+)$"
)
_PLACE_IN_LABEL = re.compile(r"(?i)^[^:]{0,30}\bog\s+(?:sted|lokale)\b")
# "Møde: Økonomiudvalget" names the body when no date stands in it.
_BODY_LABEL = re.compile(
    r"(?i)^(?:udvalg|forum|mødeforum|organ|møde|mødeorgan|politisk\s+udvalg)\s*:\s*(.+)$"
)
_END_LABEL = re.compile(
    r"(?i)^(?:sluttidspunkt|mødeslut|mødet\s+slut(?:tede)?|sluttid)(?:\s+for\s+mødet?)?\s*:?\s*"
)
_EXTRA = re.compile(r"(?i)\bekstraordinært?\b")
_DOC_KIND = re.compile(rf"(?i)\b({alternation(DOCUMENT_KINDS)})\b")
# Web and print headings of the header block that carry no facts themselves
_HEADER_NOISE = re.compile(
    r"(?i)^(?:mødefakta|mødeoplysninger|bemærkninger|indholdsfortegnelse|indhold|fold alle ud|"
    r"udskriv|til toppen|sager\s+\d+\s*[-–]\s*\d+|punkter\s+\d+\s*[-–]\s*\d+)\b"
)


@dataclass
class _State:
    facts: HeaderFacts
    lines: list[Block]
    used: set[int] = field(default_factory=set)
    attendance: Attendance | None = None  # the list of people a line continues
    date_line: int = -1
    location_line: int = -1
    inferred_location: list[int] = field(default_factory=list)


Rule = Callable[[_State, int, str], bool]


def _blank(state: _State, i: int, text: str) -> bool:
    return not text


def _attendance_label(state: _State, i: int, text: str) -> bool:
    """ "Afbud: X (A), Y (B)", "Deltagere:" — the list may go on on the next lines."""
    head = classify(state.lines[i])
    if head is None or head.kind != ATTENDANCE_KIND:
        return False
    state.attendance = head.attendance
    seats.add_listed(state.facts, head.rest, head.attendance)
    return True


def _absence_sentence(state: _State, i: int, text: str) -> bool:
    """ "Medlemmerne var mødt, bortset fra X, der havde meldt afbud.", "Der er afbud fra X og
    Y.": a sentence for the absence list (it was read as a member named by the sentence)."""
    found = people.absence_sentence(text)
    if found is None:
        return False
    state.attendance = None
    if found[0]:
        seats.add_listed(state.facts, found[0], found[1])
    return True


def _substitute_label(state: _State, i: int, text: str) -> bool:
    """ "Stedfortræder: Lone Vig (O)": present, in an absent member's seat."""
    substitute = people.SUBSTITUTE_LABEL.match(text)
    if substitute is None:
        return False
    state.attendance = None
    people.add_people(state.facts, substitute.group(1), Attendance.PRESENT, Role.STEDFORTRAEDER)
    return True


def _role_label(state: _State, i: int, text: str) -> bool:
    """ "Formand: Bo Krag (A)": a member named after his role, in a list of people or alone."""
    found = people.role_label(text)
    if found is None:
        return False
    people.add_people(state.facts, found[1], state.attendance, found[0])
    return True


def _other_label_ends_people(state: _State, i: int, text: str) -> bool:
    if ANY_LABEL.match(text):
        state.attendance = None
    return False


def _title_repeated(state: _State, i: int, text: str) -> bool:
    """The title block repeats the document kind or the body's name."""
    facts = state.facts
    return bool(facts.kind_word and norm(text) in DOCUMENT_KINDS) or bool(
        facts.body and norm(text) == norm(facts.body)
    )


def _extraordinary(state: _State, i: int, text: str) -> bool:
    if _EXTRA.search(text):
        state.facts.extraordinary = True
    return False


def _document_kind(state: _State, i: int, text: str) -> bool:
    """ "Referat Økonomiudvalget tirsdag den 3. januar 2017 kl. 16:30 i Mødelokale 1"."""
    facts = state.facts
    kind = _DOC_KIND.search(text)
    if kind is None or facts.kind_word:
        return False
    facts.kind_word = DOCUMENT_KINDS[kind.group(1).lower()]
    qualifier = re.search(r"(?i)\b(åben|åbent|lukket|lukkede)\s*$", text[: kind.start()])
    if qualifier is not None:
        facts.closed_part = qualifier.group(1).lower().startswith("lukke")
    elif part_mark(text) is not None:
        facts.closed_part = part_mark(text)  # "Dagsorden (lukket)", "Referat - lukket del"
        return True
    before_kind = text[: qualifier.start()] if qualifier is not None else text[: kind.start()]
    rest = (before_kind + " " + text[kind.end() :]).strip(" -–:")
    had_date = facts.starts_at is not None
    before, after = _take_when(facts, rest)
    if before and not facts.body:
        facts.body = before
    _place_or_body(facts, after)
    if facts.starts_at is not None and not had_date:
        state.date_line = i
    return True


def _body_label(state: _State, i: int, text: str) -> bool:
    """ "Udvalg: Økonomiudvalget"; a second one repeating the body is used up too."""
    m = _BODY_LABEL.match(text)
    if m is None or find_date(m.group(1)) is not None:
        return False
    if not state.facts.body:
        state.facts.body = m.group(1).strip()
        return True
    return norm(m.group(1)) == norm(state.facts.body)


def _restated_date(state: _State, i: int, text: str) -> bool:
    """ "Mødedato: D" repeating what the title line said."""
    facts = state.facts
    if facts.starts_at is None or not DATE_LABEL.match(text):
        return False
    found = find_date(text)
    if found is None or found.day.date() != facts.starts_at.date():
        return False
    start, _end, _t0, t1 = find_times(text[found.end :])
    same_time = start is None or start == (facts.starts_at.hour, facts.starts_at.minute)
    return same_time and not text[found.end + max(t1, 0) :].strip(" ,.-–")


def _end_time(state: _State, i: int, text: str) -> bool:
    """ "Sluttidspunkt: 04-06-2020 11:00:00", "Mødet sluttede kl. 18.40"."""
    facts = state.facts
    if not _END_LABEL.match(text) or facts.starts_at is None:
        return False
    value = _END_LABEL.sub("", text)
    found = find_date(value)
    start, _end, _t0, _t1 = find_times(value[found.end :] if found else value)
    if start is not None:
        day = found.day if found else facts.starts_at
        facts.ends_at = day.replace(hour=start[0], minute=start[1])
    return True


def _labelled_time(state: _State, i: int, text: str) -> bool:
    """ "Tidspunkt: Kl. 19:00" a few lines after "Dato: 29. januar 2020"."""
    return (
        state.facts.starts_at is not None
        and DATE_LABEL.match(text) is not None
        and not find_date(text)
        and _time_only(state.facts, DATE_LABEL.sub("", text))
    )


def _location_label(state: _State, i: int, text: str) -> bool:
    """ "Mødested: Byrådssalen"; a labelled place wins over a line only guessed to be the place,
    which is given back to the unplaced text."""
    m = _LOCATION_LABEL.match(text)
    if m is None or (state.facts.location and not state.inferred_location):
        return False
    state.used.difference_update(state.inferred_location)
    state.inferred_location.clear()
    state.facts.location = m.group(1).strip()
    state.location_line = -1
    return True


def _date(state: _State, i: int, text: str) -> bool:
    """The meeting's date (and time, body before it, place after it) on one line."""
    facts = state.facts
    if not (facts.starts_at is None or _midnight_same_day(facts, text)) or not find_date(text):
        return False
    before, after = _take_when(facts, DATE_LABEL.sub("", text))
    state.date_line = i
    if before and not facts.body and clean_body(before):  # not "Møde den 12.03.2024"
        facts.body = before
    if after and _PLACE_IN_LABEL.match(text) and not facts.location:
        facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", after)  # "Tid og sted: D kl. T, Sted"
        return True
    _place_or_body(facts, after)
    return True


def _time_below_date(state: _State, i: int, text: str) -> bool:
    """ "Kl. 14:00" on the line after the date."""
    facts = state.facts
    return facts.starts_at is not None and i == state.date_line + 1 and _time_only(facts, text)


def _people_continued(state: _State, i: int, text: str) -> bool:
    """More names of the list a label started ("• Bente Holm (A)")."""
    if state.attendance is not None and _looks_like_people(text):
        seats.add_listed(state.facts, text, state.attendance)
        return True
    state.attendance = None
    return False


def _empty_date_label(state: _State, i: int, text: str) -> bool:
    """An empty "Mødedato" label whose value sits on the next line."""
    return DATE_LABEL.match(text) is not None and len(text) < 20


def _cover_line(state: _State, i: int, text: str) -> bool:
    """ "Teknik- og Miljøudvalgets møde" on a cover page: the body in the genitive."""
    if state.facts.body or not _COVER.match(text):
        return False
    state.facts.body = text
    return True


def _body_name(state: _State, i: int, text: str) -> bool:
    """ "Økonomiudvalget" / "Referat" / date / place: a line that is a body's name and nothing
    more names the body, before the document kind too (the line after the kind may be the
    place)."""
    if state.facts.body or re.fullmatch(r"[A-ZÆØÅ]{2,6}", text) or not names_body(text):
        return False
    state.facts.body = text
    return True


def _body_after_kind(state: _State, i: int, text: str) -> bool:
    """ "Referat" / "Økonomiudvalget": the line after the document kind names the body; a line
    after the date is the place (the body may be in a running header: "Referat" / date /
    "Mødelokale 2")."""
    facts = state.facts
    if facts.body or not facts.kind_word or DATE_LABEL.match(text) or len(text) > 120:
        return False
    if 0 <= state.date_line < i:
        return False
    facts.body = text
    return True


def _extraordinary_title(state: _State, i: int, text: str) -> bool:
    facts = state.facts
    if facts.extraordinary and not facts.title and _EXTRA.search(text):
        facts.title = text
        return True
    return False


def _place_after_date(state: _State, i: int, text: str) -> bool:
    """A line after the date that is no label is the place ("på Rådhuset", wrapped)."""
    facts = state.facts
    if (
        facts.starts_at is None or facts.location or i <= state.date_line or len(text) > 200
        or _HEADER_NOISE.match(text) or ANY_LABEL.match(text) or part_mark(text) is not None
    ):  # fmt: skip
        return False
    facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", text)
    state.location_line = i
    state.inferred_location.append(i)
    return True


def _address_continued(state: _State, i: int, text: str) -> bool:
    """An address over several lines."""
    if not (
        state.location_line >= 0 and i == state.location_line + 1 and len(text) <= 60
        and not ANY_LABEL.match(text) and part_mark(text) is None
        and not _HEADER_NOISE.match(text)
    ):  # fmt: skip
        return False
    state.facts.location = f"{state.facts.location}, {text}"
    state.location_line = i
    state.inferred_location.append(i)
    return True


RULES: tuple[Rule, ...] = (
    _blank,
    _attendance_label,
    _absence_sentence,
    _substitute_label,
    _role_label,
    _other_label_ends_people,
    _title_repeated,
    _extraordinary,
    _document_kind,
    _body_label,
    _restated_date,
    _end_time,
    _labelled_time,
    _location_label,
    _date,
    _time_below_date,
    _people_continued,
    _empty_date_label,
    _cover_line,
    _body_name,
    _body_after_kind,
    _extraordinary_title,
    _place_after_date,
    _address_continued,
)


def parse_header(blocks: list[Block]) -> HeaderFacts:
    """The header facts of the blocks before the first item (or the contents)."""
    lines = header_lines(blocks)
    state = _State(HeaderFacts(), lines)
    for i, block in enumerate(lines):
        text = block.text.strip()
        for rule in RULES:
            if rule(state, i, text):
                state.used.add(i)
                break
    facts = state.facts
    facts.unplaced = [b.text for i, b in enumerate(lines) if i not in state.used and b.text]
    facts.unplaced.extend(facts.leftover)
    facts.body = clean_body(facts.body)
    return facts


def clean_body(body: str) -> str:
    """The body's name without the words around it in a title line."""
    body = " ".join(body.split())
    # "ÅBEN DAGSORDEN ØKONOMIUDVALG": the qualifier belongs to the document kind
    body = re.sub(r"(?i)^(?:åben|åbent|lukket)\s+(?=\S)", "", body)
    # "Udskrift af beslutningsprotokol", "Uddrag af referat fra Økonomiudvalget": an extract
    body = re.sub(r"(?i)^(?:udskrift|uddrag|ekstrakt|kopi)\s+af\b\s*", "", body)
    # "Referat af ordinært møde i Økonomiudvalget" on a line after a title "Referat"
    body = re.sub(r"(?i)^(?:referat|dagsorden|beslutningsprotokol)\s+(?=\S)", "", body)
    body = _BODY_LEAD.sub("", body).strip(" -–,:")
    body = re.sub(r"^(?:fra|Fra)\s+(?=[A-ZÆØÅ])", "", body)  # "(Uddrag af referat) fra Byrådet"
    body = re.sub(r"\s+(?:d\.|den)\s*$", "", body).strip()
    cover = _COVER.match(body)
    if cover:
        body = cover.group("owner")  # "Teknik- og Miljøudvalgets møde" → "Teknik- og Miljøudvalget"
    return "" if norm(body) in NOT_BODY else body


# "Teknik- og Miljøudvalgets møde", "fra Byrådets ordinære møde": a body in the genitive.
# "Udvalget for Kultur og Fritids møde": a body named "<udvalget> for <area>".
_COVER = re.compile(
    rf"(?i)^(?:(?:fra|til|for|af)\s+)?(?:det\s+)?(?P<owner>[A-ZÆØÅ0-9][\w\-,.& ]{{0,80}}?"
    rf"{alternation(BODY_ENDINGS)}|{alternation(BODY_ENDINGS)}\s+for\s+[\w\-,.& ]{{2,60}}?)"
    r"(?:'s|’s|s)\s+(?:(?:ordinære|ekstraordinære|"
    r"konstituerende)\s+)?møde\b[\s.:]*$"
)


# "Referat fra møde i Økonomiudvalget", "Referat til mødet i Udvalget for ...", "Dagsorden for
# Byrådet": the words between the document kind and the body's name.
_BODY_LEAD = re.compile(
    r"(?i)^(?:(?:fra|af|til|for|over)\s+)?(?:det\s+)?"
    r"(?:(?:ekstraordinær[et]*|ordinær[et]*|konstituerende)\s+)?(?:mødet?\s+)?(?:i|for|hos)\s+"
    r"|^(?:fra|af|til)\s+(?:det\s+)?(?:(?:ekstraordinær[et]*|ordinær[et]*)\s+)?mødet?\s*$"
)


# --- helpers ---------------------------------------------------------------------------------


def _take_when(facts: HeaderFacts, text: str) -> tuple[str, str]:
    """Read date and time out of `text`; return the text before it (body) and after (place)."""
    found = find_date(text)
    if found is None:
        return text.strip(), ""
    start, end, _t0, t1 = find_times(text[found.end :])
    day = found.day
    midnight = facts.starts_at is not None and facts.starts_at == day and start is not None
    if facts.starts_at is None or midnight:
        facts.starts_at = day.replace(hour=start[0], minute=start[1]) if start else day
        if end:
            facts.ends_at = day.replace(hour=end[0], minute=end[1])
    before = text[: found.start]
    before = re.sub(r"(?i)\b(?:møde)?dato\s*:?\s*$", "", before.strip())
    # "tirsdag den", "Lørdag," (before an English month: "Lørdag, June 10, 2017")
    before = re.sub(rf"(?i)\b{WEEKDAY_PATTERN}\b[.,]?\s*(?:den|d\.)?\s*$", "", before.strip())
    before = re.sub(r"(?i)\s*\b(?:den|d\.)\s*$", "", before)
    after = text[found.end + t1 :] if start else text[found.end :]
    after = re.sub(r"^:\d{2}\b", "", after)  # the seconds of "15:00:00"
    return before.strip(" ,-–"), after.strip(" ,-–")


def _midnight_same_day(facts: HeaderFacts, text: str) -> bool:
    """A later header line gives the clock time of a date the title line already had."""
    found = find_date(text)
    return (
        found is not None and facts.starts_at == found.day
        and find_times(text[found.end :])[0] is not None
    )  # fmt: skip


def _place_or_body(facts: HeaderFacts, after: str) -> None:
    """ "i Mødelokale 1, Lejrevej 15" after the time is the place; other text may be the body."""
    if not after:
        return
    labelled = _LOCATION_LABEL.match(after)
    if labelled and not facts.location:
        facts.location = labelled.group(1).strip()  # "... kl. 16:30 Mødested: Rådhuset"
    elif re.match(r"(?i)^(?:i|på)\s", after) and not facts.location:
        facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", after)
    elif not facts.body:
        facts.body = after
    else:
        facts.leftover.append(after)  # never dropped: it goes with the unplaced header text


def _time_only(facts: HeaderFacts, text: str) -> bool:
    """A line that begins with the clock time ("Kl. 14:00", "14.00-16.00 i Byrådssalen"); a
    place with a number in it ("Rådhuset, lokale 1.12") is no time."""
    start, end, t0, t1 = find_times(text)
    if start is None or facts.starts_at is None or len(text) > 40 or t0 > 3:
        return False
    if facts.starts_at.hour == 0 and facts.starts_at.minute == 0:
        facts.starts_at = facts.starts_at.replace(hour=start[0], minute=start[1])
        if end:
            facts.ends_at = facts.starts_at.replace(hour=end[0], minute=end[1])
    rest = text[t1:].strip(" ,")
    if rest and not facts.location:
        facts.location = re.sub(r"(?i)^(?:i|på)\s+", "", rest)
    return True


def _looks_like_people(text: str) -> bool:
    """A line continuing an "Afbud:" list: names with a party, or full names in a list."""
    found = people.split_people(text)
    if known_heading(Block(text)) or _HEADER_NOISE.match(text) or part_mark(text) is not None:
        return False
    remarks = seats.read_remarks(text)
    if remarks.seats or remarks.some_items or remarks.away:
        return True  # "Lise Vig deltog ikke i behandlingen af punkt 3", "Mads Lund indkaldt"
    if not found:
        return False
    return all(
        (aff or len(name.split()) >= 2) and not any(ch.isdigit() for ch in name)
        for name, aff in found
    )
