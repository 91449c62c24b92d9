"""Per-item attendance stated in an item's text: absence, inhabilitet, arrivals and departures.

"Fraværende: Tina Rottbøll", "X deltog ikke i behandlingen af punktet", "X erklærede sig
inhabil", "X forlod mødet kl. 18.40 under punkt 4", "X, Y og Z var fraværende."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetingtui.importers.seats import Seat, read_remarks
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
    r"(?:(?:udvalgets|byrådets|sagens|punktets)\s+)?(?:behandlingen|behandling|mødet|punktet|drøftelsen)"
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
_WAS_ABSENT = re.compile(r"(?P<names>[A-ZÆØÅ][^.:\n]{1,200}?)\s+var\s+fraværende\b")
# "Fraværende: X (V) - Y (V) mødte som stedfortræder": Y took X's seat and was not absent.
_SUBSTITUTE_CLAUSE = re.compile(
    r"(?i)\s*(?:[-–,;]|\bog\b)\s*[^-–,;]*?\b(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    r"(?:som\s+)?(?:stedfortræder|suppleant|i\s+stedet)\b.*$"
)
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


def _names_from(text: str, facts: AttendanceFacts | None = None) -> list[str]:
    """The names of an absence list; a substitute in a member's seat is none of them, nor a
    role written after a name ("Lise Vig, næstformand")."""
    remarks = read_remarks(_SUBSTITUTE_CLAUSE.sub("", text.strip()) if facts is None else text)
    if facts is not None:
        facts.seats.extend(s for s in remarks.seats if s.came)
    text = re.sub(r"\s*\.\s*$", "", remarks.absent)
    return [
        n for n in split_names(text)
        if n and n.lower() not in ("ingen", "-", "intet") and n.lower() not in ROLE_WORDS
    ]  # fmt: skip


def parse_attendance(text: str) -> AttendanceFacts:
    """Per-item absence and inhabilitet from lines such as "Fraværende: Tina Rottbøll",
    "X deltog ikke i behandlingen af punktet", "X erklærede sig inhabil", "X forlod mødet kl. ..."."""
    facts = AttendanceFacts()
    kept: list[str] = []
    seen: set[tuple[str, AbsenceKind]] = set()

    def add(name: str, kind: AbsenceKind, reason: str) -> None:
        clean, _aff = split_name(name)
        clean = re.sub(
            r"^(?:rådmand|borgmester|udvalgsformand|formand|næstformand)\s+", "", clean, flags=re.I
        )
        # "Bo Hansen, formand" / "Bo Hansen - formand": the role is no part of the name
        clean = re.sub(rf"(?i)\s*[,–-]?\s+{alternation(ROLE_WORDS)}$", "", clean)
        if kind is AbsenceKind.ABSENT and (clean, AbsenceKind.INHABIL) in seen:
            return  # an inhabil member does not take part; one entry says it all
        if clean and (clean, kind) not in seen and len(clean) <= 80:
            seen.add((clean, kind))
            facts.absences.append(ItemAbsence(name=clean, kind=kind, reason=reason))

    for line in text.split("\n"):
        stripped = line.strip()
        match = _ATTENDANCE_LINE.match(stripped) or _ABSENT_FROM_LINE.match(stripped)
        if match:
            label = match.group("label").lower()
            facts.notes.append(stripped)
            if label.startswith(("forlod", "ankom")):
                continue
            kind = AbsenceKind.INHABIL if label.startswith("inhabil") else AbsenceKind.ABSENT
            for name in _names_from(match.group("names"), facts):
                add(name, kind, re.sub(r"(?i)\s+fra$", "", match.group("label")).capitalize())
            continue
        kept.append(line)
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
                names = re.sub(
                    r"\s+(?:erklærede|erklærer)\s+sig\s+inhabil\b.*$", "", names, flags=re.I
                )
                for name in _names_from(names):
                    add(name, kind, reason)
                facts.notes.append(found.group(0).strip())
        if not any(word in lowered for word in ("forlod", "ankom", "deltog fra")):
            continue
        for movement in _MOVEMENT.finditer(stripped):
            facts.notes.append(movement.group(0).strip())
    facts.remaining = "\n".join(kept).strip()
    return facts
