"""Per-item attendance stated in an item's text: absence, inhabilitet, arrivals and departures.

"Fraværende: Tina Rottbøll", "X deltog ikke i behandlingen af punktet", "X erklærede sig
inhabil", "X forlod mødet kl. 18.40 under punkt 4", "X, Y og Z var fraværende."
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from meetingtui.importers.built import built
from meetingtui.importers.seats import PERSON, SEAT_FOR, Seat, read_remarks, sentence_remarks
from meetingtui.importers.text import split_name, split_names
from meetingtui.importers.vocabulary import ROLE_WORDS, alternation
from meetingtui.models import AbsenceKind, ItemAbsence

_ATTENDANCE_LINE = re.compile(
    r"^(?P<label>fraværende|afbud(?:\s+fra)?|fravær|ikke\s+til\s+stede|inhabil(?:e)?|"
    r"inhabilitet|deltog\s+ikke|forlod\s+mødet|ankom|følgende\s+deltog\s+ikke"
    r"(?:\s+i\s+behandlingen(?:\s+af\s+(?:punktet|sagen))?)?)\s*:\s*(?P<names>.*)$",
    re.I,
)
# "Afbud fra Per Dam (Ø) stedfortræder Karen Holm (Ø)": "fra" stands for the colon
_ABSENT_FROM_LINE = re.compile(r"^(?P<label>afbud\s+fra)\s+(?P<names>[A-ZÆØÅ].*)$", re.I)
_NOT_TAKING_PART = re.compile(
    r"(?P<names>[A-ZÆØÅ(][^.:\n]{1,200}?)\s+(?:(?:deltog|deltager)\s+ikke\s+i\s+"
    r"(?:(?:udvalgets|byrådets|sagens|punktets)\s+)?(?:behandlingen|behandling|mødet|punktet|drøftelsen)\b"
    # "... i behandlingen af punkt 3-5" names the items: `sentence_remarks` reads it
    r"(?!\s+(?:af\s+|under\s+)?(?i:punkt|pkt|sag|dagsordenspunkt)\w*\.?\s*\d)"
    r"|var\s+forhindret\s+i\s+at\s+deltage)",
)
_INHABIL = re.compile(
    r"(?P<names>[A-ZÆØÅ(][^.:\n]{1,200}?)\s+(?:erklærede\s+sig|blev\s+erklæret|var|er|anså\s+sig\s+(?:for\s+)?)\s*inhabil",
)
# "Mikkel Hou havde meldt afbud, og Peter Steff deltog i stedet.", "Sheikh Mo udeblev uden
# afbud.": a sentence about one member's attendance, under "Fremmøde og inhabilitet:"
_SENT_APOLOGIES = re.compile(
    r"(?P<names>[A-ZÆØÅ][^.:\n]{1,200}?)\s+(?:(?:havde|har)\s+meldt\s+afbud|meldte\s+afbud)"
)
_STAYED_AWAY = re.compile(r"(?P<names>[A-ZÆØÅ][^.:\n]{1,200}?)\s+udeblev\b")
# "X, Y og Z var fraværende." inside a decision
_WAS_ABSENT = re.compile(
    r"(?P<names>[A-ZÆØÅ][^.:\n]{1,200}?)\s+var\s+fraværende\b"
    r"(?!\s+(?:under|ved|i)\s+(?:behandling(?:en)?\s+af\s+)?(?i:punkt|pkt|sag|dagsordenspunkt))"
)
# "Fraværende: X (V) - Y (V) mødte som stedfortræder": Y took X's seat and was not absent.
_SUBSTITUTE_CLAUSE = re.compile(
    r"(?i)\s*(?:[-–,;]|\bog\b)\s*[^-–,;]*?\b(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    r"(?:som\s+)?(?:stedfortræder|suppleant|i\s+stedet)\b.*$"
)
# "Fremmøde og inhabilitet:", "Inhabilitet:", "Fravær:" opening lines about who took part
_BLOCK_LABEL = re.compile(
    r"(?i)^(?P<label>fremmøde(?:\s+og\s+inhabilitet)?|inhabilitet(?:\s+og\s+fremmøde)?|"
    r"fravær(?:\s+og\s+inhabilitet)?|fraværende\s+og\s+inhabilitet|mødedeltagelse|deltagelse)"
    r"\s*:\s*(?P<rest>.*)$"
)
# what such a block may say of nobody: "Ingen.", "Alle var til stede.", "Intet at bemærke."
_NOTHING = re.compile(
    r"(?i)^(?:ingen(?:\s+(?:bemærkninger|fravær|inhabilitet|afbud))?|intet(?:\s+at\s+bemærke)?|"
    r"alle\s+(?:medlemmer\s+)?(?:var\s+)?(?:til\s+stede|mødt|fremmødt)|fuldt\s+fremmøde|-)\s*\.?$"
)
# "Per Dam (Ø), Lise Vig (V)": a line of names alone
_NAMES_ONLY = re.compile(rf"^{PERSON}(?:\s*(?:,|\bog\b)\s*{PERSON})*\s*\.?$")
# "Per Dam (Ø) havde meldt afbud, og Ida Kold (Ø) deltog i stedet"
_APOLOGIES_AND_SUBSTITUTE = re.compile(
    rf"(?P<absent>{PERSON})\s+(?:(?:havde|har)\s+meldt|meldte)\s+afbud\s*,?\s+og\s+(?P<sub>{PERSON})"
    r"\s+(?:deltog|mødte|indtrådte)\s+(?:i\s+stedet|som\s+(?:stedfortræder|suppleant))"
)
_LEADING_ROLE = re.compile(r"^(?:rådmand|borgmester|udvalgsformand|formand|næstformand)\s+", re.I)
# Made once: the alternation of the role words was built again for every absence.
_TRAILING_ROLE = re.compile(rf"(?i)\s*[,–-]?\s+{alternation(ROLE_WORDS)}$")
# A sentence runs to its full stop; the dots of "kl. 17.45" and "pkt. 3" do not end it.
_NOT_FULL_STOP = r"(?:\b(?:kl|pkt|nr|ca)\.|\.(?=\d)|[^.\n])*"
_MOVEMENT = re.compile(
    rf"{_NOT_FULL_STOP}\b(?:forlod\s+mødet|ankom\s+(?:til\s+mødet\s+)?kl\.?|deltog\s+fra)"
    rf"{_NOT_FULL_STOP}\.?",
    re.I,
)


@dataclass
class AttendanceFacts:
    """Attendance stated inside an item's text."""

    absences: list[ItemAbsence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    remaining: str = ""  # the text with whole attendance lines taken out
    seats: list[Seat] = field(default_factory=list)  # substitutes named in the lines
    # members named with the meeting's items they missed ("X deltog ikke i behandlingen af punkt
    # 3-5", "Fraværende: X (punkt 1-4)"): (name as written, item numbers as `seats` writes them)
    some_items: list[tuple[str, list[str]]] = field(default_factory=list)


def _names_from(text: str, facts: AttendanceFacts | None = None) -> list[str]:
    """The names of an absence list; a substitute in a member's seat is none of them, nor a
    role written after a name ("Lise Vig, næstformand")."""
    remarks = read_remarks(_SUBSTITUTE_CLAUSE.sub("", text.strip()) if facts is None else text)
    if facts is not None:
        facts.seats.extend(s for s in remarks.seats if s.came)
        # a member named with items is absent from those, this item only if it is one of them
        facts.some_items.extend(remarks.some_items)
    text = re.sub(r"\s*\.\s*$", "", remarks.absent)
    return [
        n for n in split_names(text)
        if n and n.lower() not in ("ingen", "-", "intet") and n.lower() not in ROLE_WORDS
    ]  # fmt: skip


def parse_attendance(text: str) -> AttendanceFacts:
    """Per-item absence and inhabilitet from lines such as "Fraværende: Tina Rottbøll",
    "X deltog ikke i behandlingen af punktet", "X erklærede sig inhabil", "X forlod mødet kl. ...",
    and a block under "Fremmøde og inhabilitet:" / "Inhabilitet:" / "Fravær:" (taken out of the
    text, which is the decision's)."""
    facts = AttendanceFacts()
    kept: list[str] = []
    seen: set[tuple[str, AbsenceKind]] = set()

    def add(name: str, kind: AbsenceKind, reason: str) -> None:
        clean, _aff = split_name(name)
        clean = _LEADING_ROLE.sub("", clean)
        # "Bo Hansen, formand" / "Bo Hansen - formand": the role is no part of the name
        clean = _TRAILING_ROLE.sub("", clean)
        if kind is AbsenceKind.ABSENT and (clean, AbsenceKind.INHABIL) in seen:
            return  # an inhabil member does not take part; one entry says it all
        if clean and (clean, kind) not in seen and len(clean) <= 80:
            seen.add((clean, kind))
            facts.absences.append(built(ItemAbsence, name=clean, kind=kind, reason=reason))

    block: AbsenceKind | bool | None = False  # False: no block; None: a block of any kind
    for line in text.split("\n"):
        stripped = line.strip()
        label = _BLOCK_LABEL.match(stripped)
        # "Inhabilitet: Lise Vig (V)" is a label line as before; alone, it opens a block
        if label is not None and (
            not label["rest"].strip() or not _ATTENDANCE_LINE.match(stripped)
        ):
            facts.notes.append(stripped)
            word = label.group("label").lower()
            block = (
                AbsenceKind.INHABIL if word.startswith("inhabil") and " og " not in word
                else AbsenceKind.ABSENT if word.startswith("fravær") and " og " not in word
                else None
            )  # fmt: skip
            rest = label.group("rest").strip()
            if rest:
                _block_line(rest, block, facts, add)
            continue
        if block is not False:
            noted = len(facts.notes)
            if stripped and _block_line(stripped, block, facts, add):
                del facts.notes[noted:]  # the line is the note, not the sentences in it
                facts.notes.append(stripped)
                continue
            block = False  # the block ends at a line that says nothing about attendance
        match = _ATTENDANCE_LINE.match(stripped) or _ABSENT_FROM_LINE.match(stripped)
        if match:
            facts.notes.append(stripped)
            _label_line(match, facts, add)
            continue
        seat = _seat_sentence(stripped)
        if seat is not None:
            # "Ida Kold (Ø) deltog som stedfortræder for Per Dam (Ø)." under a decision
            facts.notes.append(stripped)
            _seated(seat, stripped, facts, add)
            continue
        kept.append(line)
        _sentences(stripped, facts, add)
    facts.remaining = "\n".join(kept).strip()
    return facts


Add = Callable[[str, AbsenceKind, str], None]


def _label_line(match: re.Match[str], facts: AttendanceFacts, add: Add) -> None:
    """ "Fraværende: X, Y", "Inhabil: Z", "Afbud fra X stedfortræder Y"."""
    label = match.group("label").lower()
    if label.startswith(("forlod", "ankom")):
        return
    kind = AbsenceKind.INHABIL if label.startswith("inhabil") else AbsenceKind.ABSENT
    for name in _names_from(match.group("names"), facts):
        add(name, kind, re.sub(r"(?i)\s+fra$", "", match.group("label")).capitalize())


def _block_line(
    line: str, kind: AbsenceKind | bool | None, facts: AttendanceFacts, add: Add
) -> bool:
    """One line of an attendance block: whether it said something about attendance (and what
    it said is read). Names alone are absent or inhabil as the block's label says; under
    "Fremmøde og inhabilitet:" they could be either, so they are only kept as a note."""
    if _NOTHING.match(line):
        return True
    match = _ATTENDANCE_LINE.match(line) or _ABSENT_FROM_LINE.match(line)
    if match:
        _label_line(match, facts, add)
        return True
    seat = _seat_sentence(line)
    if seat is not None:
        _seated(seat, line, facts, add)
        return True
    if _sentences(line, facts, add):
        return True
    # names alone, each of two words or with a party: "Godkendt." is no name
    names = re.split(r"\s*(?:,|\bog\b)\s*", line.rstrip(" ."))
    if _NAMES_ONLY.match(line) and all(" " in n or "(" in n for n in names):
        if isinstance(kind, AbsenceKind):
            for name in _names_from(line, facts):
                add(name, kind, "inhabil" if kind is AbsenceKind.INHABIL else "fraværende")
        return True
    return _MOVEMENT.fullmatch(line) is not None


def _seated(seat: Seat, line: str, facts: AttendanceFacts, add: Add) -> None:
    """A substitute's seat, and its member absent from the item (with apologies where the line
    says so)."""
    facts.seats.append(seat)
    if seat.absent:
        add(
            seat.absent, AbsenceKind.ABSENT, "afbud" if "afbud" in line.lower() else "stedfortræder"
        )


def _seat_sentence(line: str) -> Seat | None:
    """ "Ida Kold (Ø) deltog som stedfortræder for Per Dam (Ø).", "Per Dam havde meldt afbud, og
    Ida Kold deltog i stedet.": a whole line about a substitute in a member's seat."""
    lowered = line.lower()
    if not ("stedfortræder" in lowered or "suppleant" in lowered or "i stedet" in lowered):
        return None  # cheap test first: the patterns are slow on a decision's long paragraphs
    sentence = re.sub(r"\s*\.\s*$", "", line)
    for pattern in (SEAT_FOR, _APOLOGIES_AND_SUBSTITUTE):
        match = pattern.fullmatch(sentence)
        if match is not None:
            return Seat(match.group("sub").strip(), match.group("absent").strip())
    return None


def _sentences(stripped: str, facts: AttendanceFacts, add: Add) -> bool:
    """Sentences about attendance inside a line: "X erklærede sig inhabil", "X deltog ikke i
    behandlingen", "X var fraværende", "X havde meldt afbud", "X udeblev", "X forlod mødet";
    whether there was one."""
    said = False
    lowered = stripped.lower()
    for pattern, kind, reason in (
        (_INHABIL, AbsenceKind.INHABIL, "inhabil"),  # first, so it wins over "deltog ikke"
        (_NOT_TAKING_PART, AbsenceKind.ABSENT, "deltog ikke"),
        (_WAS_ABSENT, AbsenceKind.ABSENT, "fraværende"),
        (_SENT_APOLOGIES, AbsenceKind.ABSENT, "afbud"),
        (_STAYED_AWAY, AbsenceKind.ABSENT, "udeblev"),
    ):
        if reason in ("fraværende", "afbud", "udeblev"):
            word = {"fraværende": "var fraværende", "afbud": "meldt afbud"}.get(reason, reason)
            if word not in lowered and not (reason == "afbud" and "meldte afbud" in lowered):
                continue
        elif (reason == "inhabil") != ("inhabil" in lowered) or (
            reason != "inhabil" and " ikke " not in lowered and "forhindret" not in lowered
        ):
            continue  # cheap test first: these patterns are slow on long paragraphs
        for found in pattern.finditer(stripped):
            names = re.split(r"(?<=[.!?])\s+", found.group("names"))[-1]
            names = re.sub(r"^(?:og|samt|men)\s+", "", names)
            # "X erklærede sig inhabil og deltog ikke ...": the name is X alone.
            names = re.sub(r"\s+(?:erklærede|erklærer)\s+sig\s+inhabil\b.*$", "", names, flags=re.I)
            for name in _names_from(names):
                add(name, kind, reason)
            facts.notes.append(found.group(0).strip())
            said = True
    if any(word in lowered for word in ("forlod", "ankom", "deltog fra")):
        for movement in _MOVEMENT.finditer(stripped):
            facts.notes.append(movement.group(0).strip())
            said = True
    if "inhabil" not in lowered and any(w in lowered for w in ("punkt", "pkt", "sag")):
        # "X deltog ikke i behandlingen af punkt 3-5": absent from those items; inhabil members
        # who "forlod mødet under punkt 4" left for that item alone (read above)
        for match, remarks in sentence_remarks(stripped):
            facts.some_items.extend(remarks.some_items)
            if not any(match.group(0).strip() in note for note in facts.notes):
                facts.notes.append(match.group(0).strip())  # a movement's note may hold it
            said = True
    return said
