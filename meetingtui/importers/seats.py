"""Remarks inside a list of absent members: who took whose seat, who was called in, who
missed only some items or part of the meeting.

"Afbud fra Per Dam (Ø) stedfortræder Karen Holm (Ø)", "Per Dam (Ø) - Karen Holm (Ø) mødte
som stedfortræder", "Per Dam (Ø), i stedet mødte Karen Holm (Ø)", "Karen Holm (Ø) indkaldt",
"1. suppleant Karen Holm var indkaldt, men mødte ikke", "Jens Ask, Jes Kro deltog", "Anne Sø
(F) deltog ikke i behandlingen af punkt 3-5", "Karoline Bech til kl. 18.40 i punkt 2". What is
left of the list after the remarks are read is the list of absent members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetingtui.importers import people
from meetingtui.importers.source import HeaderFacts
from meetingtui.importers.vocabulary import SUBSTITUTE_WORDS, alternation
from meetingtui.models import Attendance, Role

_SUB = alternation(SUBSTITUTE_WORDS)
# A name: a few capitalised words, never a substitute word ("Stedfortræder Karen Holm")
_WORD = rf"(?<![\w'’.\-])(?!(?i:{_SUB}|indkaldt|og|samt)\b)[A-ZÆØÅÉÜ][\w'’.\-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|af|von|van|de|la)){{0,5}}"
PERSON = rf"{_NAME}(?:\s*\([^()]{{1,40}}\))?"
# "Signe Holm, F, ankom til mødet ...": the party letter between commas, before a verb
_PERSON_OR_COMMAS = rf"{_NAME}(?:\s*\([^()]{{1,40}}\)|,\s*[A-ZÆØÅ]{{1,2}},)?"
# "1. suppleant", "1. stedfortræder for liste V"
_SUB_WORD = rf"(?i:(?:\d\.\s*)?{_SUB}(?:\s+for\s+liste\s+\S+)?)"

# "Per Dam (Ø) stedfortræder Karen Holm (Ø)", "Per Dam (Ø), stedfortræder: Karen Holm (Ø)",
# "Per Dam (Ø) (suppleant Karen Holm (Ø))", "Per Dam, suppleant Karen Holm indkaldt"
_SEAT_AFTER = re.compile(
    rf"(?P<absent>{PERSON})(?<!\.)\s*(?:[,;]|\s[-–])?\s*(?P<open>\()?\s*{_SUB_WORD}\s*:?\s+"
    rf"(?P<sub>{PERSON})(?(open)\s*\))(?:\s+(?i:(?:var|er)\s+)?(?i:indkaldt))?"
    r"(?P<not_met>\s*,?\s*(?i:men\s+mødte\s+ikke)(?:\s+(?i:frem|op))?)?"
)
# "Per Dam (Ø) - Karen Holm (Ø) mødte som stedfortræder", "Per Dam (Ø), i stedet mødte Karen
# Holm (Ø)", "Per Dam, og Karen Holm deltog i stedet"
_SEAT_THEN = re.compile(
    rf"(?P<absent>{PERSON})\s*(?:[,;]|\s[-–])?\s*(?i:og\s+)?(?:"
    rf"(?i:i\s+stedet\s+(?:mødte|deltog|indtrådte))\s+(?P<sub1>{PERSON})"
    rf"|(?P<sub2>{PERSON})\s+(?i:(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    rf"(?:som\s+{_SUB}|i\s+stedet))(?:\s+(?i:for)\s+{PERSON})?)"
)
# "Karen Holm (Ø) indkaldt", "stedfortræder Karen Holm indkaldt for Per Dam", "1. suppleant
# Karen Holm var indkaldt, men mødte ikke"
_CALLED_IN = re.compile(
    rf"(?:{_SUB_WORD}\s+)?(?P<sub>{PERSON})\s+(?i:(?:var|er|blev)\s+)?(?i:indkaldt)"
    rf"(?:\s+(?i:som)\s+{_SUB_WORD})?(?:\s+(?i:for)\s+(?P<absent>{PERSON}))?"
    rf"(?P<not_met>\s*,?\s*(?i:men\s+mødte\s+ikke)(?:\s+(?i:frem|op))?)?"
)
# "Anne-Marie Arrøe deltager i Hanne Sims sted": in the seat of the member named (genitive)
_IN_PLACE_OF = re.compile(
    rf"(?P<sub>{PERSON})\s+(?i:deltager|deltog|mødte|møder)\s+(?i:i)\s+(?P<absent>{_NAME})s\s+"
    r"(?i:sted)\b"
)
# "Jens Ask og Henrik Bang, Jes Kro deltog": the one who took part, in an absence list
_TOOK_PART = re.compile(
    rf"(?P<sub>{PERSON})\s+(?i:deltog|deltager|mødte)(?:\s+(?i:for\s+(?P<absent>{PERSON})))?"
    r"(?=\s*(?:$|[,;.]))"
)
_ITEMS = r"(?P<items>\d{1,3}(?:\s*(?:[-–,]|og)\s*\d{1,3})*)"
# "Ida Kold (Ø) deltog som stedfortræder for Per Dam (Ø)": the substitute first, the seat after
SEAT_FOR = re.compile(
    rf"(?P<sub>{PERSON})\s+(?i:deltog|deltager|mødte|møder|indtrådte|var\s+indkaldt)\s+"
    rf"(?i:som)\s+{_SUB_WORD}\s+(?i:for)\s+(?P<absent>{PERSON})"
)
# "Fraværende i mødet: Karoline Bech til kl. 18.40 i punkt 2", "Anne Rask fra kl. 21.33 i punkt
# 12", "Bo Krag forlod mødet kl. 18.40 under punkt 7", "Lise Vig ankom kl. 17.15": away for part
# of the meeting, until or from a time, during an item
_PART_OF_MEETING = re.compile(
    rf"(?P<who>{_PERSON_OR_COMMAS})\s+(?P<dir>(?i:til|fra|forlod\s+mødet|gik|ankom(?:\s+til\s+mødet)?|kom"
    r"|mødte(?:\s+op)?|deltog\s+fra|deltog\s+ikke\s+(?:i\s+mødet\s+)?(?:fra|til)))\s+(?i:kl)\.?\s*"
    r"(?P<h>\d{1,2})[.:](?P<m>\d{2})"
    r"(?:\s*,?\s+(?i:i|under)\s+(?i:behandling(?:en)?\s+af\s+)?(?i:punkt|pkt\.)\s*(?P<item>\d{1,3})"
    r"(?:\s*[-–]\s*(?P<last>\d{1,3}))?)?"
)
_ITEM_WORD = r"(?i:punkt(?:erne)?|pkt\.|sag(?:erne)?|dagsordenspunkt(?:erne)?)"
# "Per Dam (Ø) (punkt 1-4)", "Per Dam, punkt 3 og 4", "Per Dam under punkt 5", "Per Dam fra
# punkt 5", "Per Dam til og med punkt 4": absent from those items only, not the whole meeting
_ITEMS_NAMED = re.compile(
    rf"(?P<who>{PERSON})\s*(?:,\s*|\s[-–]\s*)?(?P<open>\()?\s*"
    rf"(?P<prep>(?i:fraværende\s+)?(?i:under|i|ved|fra\s+og\s+med|fra|til\s+og\s+med|til)\s+)?"
    rf"{_ITEM_WORD}\s*{_ITEMS}\s*(?(open)\))"
)
# "Bo Krag forlod mødet under punkt 7" / "efter punkt 7", "Lise Vig ankom under punkt 2": a
# movement by the item alone
_MOVED_AT_ITEM = re.compile(
    rf"(?P<who>{_PERSON_OR_COMMAS})\s+(?P<dir>(?i:forlod\s+mødet|gik|ankom(?:\s+til\s+mødet)?|kom"
    rf"|mødte|(?:deltog|deltager)(?=\s+fra\b)))\s+(?P<prep>(?i:under|efter|før|fra|i|ved))\s+"
    rf"(?i:behandling(?:en)?\s+af\s+)?"
    rf"{_ITEM_WORD}\s*(?P<item>\d{{1,3}})(?:\s*[-–]\s*(?P<last>\d{{1,3}}))?"
)
# "Anne Sø (F) deltog ikke i behandlingen af punkt 3-5", "..., pkt. 3 og 4", "X deltog ikke i
# punkt 5", "X var fraværende under punkt 2-3", "X var ikke til stede ved behandlingen af sag 4"
_SOME_ITEMS = re.compile(
    rf"(?P<who>{_PERSON_OR_COMMAS}(?:\s*(?:,|\bog\b)\s*{_PERSON_OR_COMMAS})*)\s+"
    r"(?i:(?:(?:deltog|deltager)\s+ikke"
    r"|var\s+fraværende|var\s+ikke\s+til\s+stede)\s+(?:i|under|ved)\s+"
    rf"(?:behandling(?:en)?\s+af\s+)?{_ITEM_WORD}\s*){_ITEMS}"
)
_LIST_PUNCTUATION = re.compile(r"^[\s,;.\-–]*(?:(?:og|samt)\s+)?|[\s,;\-–]+$")


@dataclass
class Seat:
    """A substitute in an absent member's seat: both as written ("Karen Holm (Ø)"); `absent`
    is empty where the list does not say whose seat."""

    substitute: str
    absent: str = ""
    came: bool = True  # "var indkaldt, men mødte ikke": called in and not there


@dataclass
class Remarks:
    absent: str  # the list without its remarks: the members absent from the meeting
    seats: list[Seat] = field(default_factory=list)
    some_items: list[tuple[str, list[str]]] = field(default_factory=list)  # (who, item numbers)
    # (who, "arrived" or "left", (hour, minute), the item under way or "")
    away: list[tuple[str, str, tuple[int, int], str]] = field(default_factory=list)
    # those of `some_items` named with their items in parentheses or after a comma ("Per Dam
    # (punkt 1-4)"): under an item, absent from it
    named: list[str] = field(default_factory=list)


def item_numbers(text: str) -> list[str]:
    """ "3-5" → 3, 4, 5; "3, 4 og 7" → 3, 4, 7."""
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|og)\s*", text.strip()):
        span = re.fullmatch(r"(\d{1,3})\s*[-–]\s*(\d{1,3})", part)
        if span and 0 <= int(span[2]) - int(span[1]) <= 60:
            numbers += [str(n) for n in range(int(span[1]), int(span[2]) + 1)]
        elif part.isdigit():
            numbers.append(part)
    return numbers


# The remarks in the order they win when two start at the same place
_KINDS = (
    ("seat_for", SEAT_FOR),
    ("seat_after", _SEAT_AFTER),
    ("seat_then", _SEAT_THEN),
    ("some_items", _SOME_ITEMS),
    ("called_in", _CALLED_IN),
    ("took_part", _TOOK_PART),
    ("part_of_meeting", _PART_OF_MEETING),
    ("moved_at_item", _MOVED_AT_ITEM),
    ("items_named", _ITEMS_NAMED),
    ("in_place_of", _IN_PLACE_OF),
)
# The remarks a sentence makes with a verb of its own ("X deltog ikke i punkt 5", "X forlod
# mødet under behandlingen af punkt 4"): in a decision's text a name before "punkt 3" alone is
# no remark ("Godkendt, pkt. 3").
_SENTENCE_KINDS = tuple(
    k for k in _KINDS if k[0] in ("some_items", "moved_at_item", "part_of_meeting")
)
_LEFT = re.compile(r"(?i)^(?:fra|forlod|gik|deltog\s+ikke\s+(?:i\s+mødet\s+)?fra)\b")


def sentence_remarks(text: str) -> list[tuple[re.Match[str], Remarks]]:
    """The remarks on the meeting's items a sentence makes, each with its match."""
    found: list[tuple[re.Match[str], Remarks]] = []
    for kind, pattern in _SENTENCE_KINDS:
        for match in pattern.finditer(text):
            if kind == "part_of_meeting" and match.group("dir").lower() in ("til", "fra"):
                continue  # "Godkendt til kl. 18.00": no verb, no remark
            remarks = read_remarks(match.group(0), _SENTENCE_KINDS)
            for who, way, _clock, item in remarks.away:
                if item:  # "X forlod mødet kl. 18.40 under punkt 4": the items after it
                    remarks.some_items.append((who, [f">{item}" if way == "left" else f"<{item}"]))
            if remarks.some_items:
                found.append((match, remarks))
    return found


def read_remarks(text: str, kinds: tuple[tuple[str, re.Pattern[str]], ...] = _KINDS) -> Remarks:
    """The seats, the calls-in and the items missed that a list of absent members remarks on,
    and the list without them."""
    remarks = Remarks(absent="")
    kept: list[str] = []
    pos = 0
    text = " ".join(text.split())
    while pos < len(text):
        found = [
            (m.start(), k, m)
            for k, (_kind, pattern) in enumerate(kinds)
            if (m := pattern.search(text, pos)) is not None
        ]
        if not found:
            break
        start, k, match = min(found, key=lambda f: (f[0], f[1]))
        kind = kinds[k][0]
        kept.append(text[pos:start])
        if kind in ("seat_after", "seat_then"):
            group = "sub" if kind == "seat_after" else ("sub1" if match.group("sub1") else "sub2")
            came = kind == "seat_then" or match.group("not_met") is None
            remarks.seats.append(
                Seat(match.group(group).strip(), match.group("absent").strip(), came)
            )
            kept.append(match.group("absent"))
        elif kind == "seat_for":
            absent = match.group("absent").strip()
            remarks.seats.append(Seat(match.group("sub").strip(), absent))
            if people.split_people(absent) and absent.split(" (")[0] not in text[:start]:
                kept.append(absent)  # the seat's member is absent, named only here
        elif kind in ("some_items", "items_named"):
            numbers = _spanned(match.group("items"), match.groupdict().get("prep"))
            for who in re.split(r"\s*(?:,|\bog\b)\s*", match.group("who")):
                if who.strip():
                    remarks.some_items.append((who.strip(), numbers))
                    if kind == "items_named":
                        remarks.named.append(who.strip())
        elif kind == "moved_at_item":
            left = _LEFT.match(match.group("dir")) is not None
            prep, item = match.group("prep").lower(), match.group("item")
            if left and match.group("last"):
                item = match.group("last")  # "under behandling af punkt 20-21": after 21
            # left during or after item 7: missed the items after it; arrived during item 2:
            # missed those before it (the item under way counts as attended, as with a time)
            if left:
                numbers = [f">={item}" if prep == "før" else f">{item}"]
            else:
                numbers = [f"<={item}" if prep == "efter" else f"<{item}"]
            remarks.some_items.append((match.group("who").strip(), numbers))
        elif kind == "part_of_meeting":
            clock = (int(match.group("h")), int(match.group("m")))
            if clock[0] < 24 and clock[1] < 60:
                # away until 18.40 or arrived at 18.40: arrived then; from 21.33: left then
                way = "left" if _LEFT.match(match.group("dir")) else "arrived"
                # left "under behandling af punkt 20-21": after 21
                item = (way == "left" and match.group("last")) or match.group("item") or ""
                remarks.away.append((match.group("who").strip(), way, clock, item))
        else:
            came = kind in ("took_part", "in_place_of") or match.group("not_met") is None
            absent = (match.group("absent") or "").strip()
            remarks.seats.append(Seat(match.group("sub").strip(), absent, came=came))
        pos = match.end()
    kept.append(text[pos:])
    pieces = [_LIST_PUNCTUATION.sub("", k) for k in kept]
    remarks.absent = ", ".join(p for p in pieces if p)
    return remarks


def _spanned(items: str, prep: str | None) -> list[str]:
    """The items a remark names: "1-4" as listed; "fra punkt 5" from 5 on, "til og med punkt
    4" up to 4, "til punkt 4" before 4 (written ">=5", "<=4", "<4": the meeting's items are
    not known here)."""
    numbers = item_numbers(items)
    word = " ".join((prep or "").lower().split()).removeprefix("fraværende ")
    if len(numbers) != 1 or word not in ("fra", "fra og med", "til og med", "til"):
        return numbers
    return [{"fra": ">=", "fra og med": ">=", "til og med": "<=", "til": "<"}[word] + numbers[0]]


def missed_items(numbers: list[str], found: list[str]) -> set[str]:
    """The item numbers of the meeting (`found`, in order) a remark's numbers name."""
    missed = {n for n in numbers if n[:1].isdigit()}
    for spec in numbers:
        bound = re.fullmatch(r"([<>]=?)(\d{1,3})", spec)
        if bound is None or bound[2] not in found:
            continue
        at = found.index(bound[2])
        chosen = {
            "<": found[:at], "<=": found[: at + 1], ">": found[at + 1 :], ">=": found[at:]
        }[bound[1]]  # fmt: skip
        missed.update(chosen)
    return missed


def add_listed(facts: HeaderFacts, text: str, attendance: Attendance | None) -> None:
    """Add the people of a header's attendance list with its remarks read: the absent members
    absent, a substitute present in the seat of the member named (or of the only absent member
    of the substitute's party), one who missed some items present, the items remembered."""
    if attendance not in (Attendance.AFBUD, Attendance.ABSENT):
        people.add_people(facts, text, attendance)
        return
    remarks = read_remarks(text)
    if remarks.absent:
        people.add_people(facts, remarks.absent, attendance)
    for who, numbers in remarks.some_items:
        people.add_people(facts, who, Attendance.PRESENT)
        found = people.split_people(who)
        if found:
            facts.some_items.append((_plain(found[0][0]), numbers))
            facts.some_items_listed[_plain(found[0][0])] = attendance
    for who, way, clock, item in remarks.away:
        people.add_people(facts, who, Attendance.PRESENT)
        found = people.split_people(who)
        if found:
            facts.away.append((_plain(found[0][0]), way, clock, item))
    for seat in remarks.seats:
        if seat.came:
            _seat(facts, seat)


def _plain(name: str) -> str:
    return people.without_role(name)[1]


def _seat(facts: HeaderFacts, seat: Seat) -> None:
    found = people.split_people(seat.substitute)
    if not found:
        return
    name, affiliation = _plain(found[0][0]), found[0][1]
    people.add_people(facts, seat.substitute, Attendance.PRESENT, Role.STEDFORTRAEDER)
    person = next((p for p in facts.participants if p.name == name), None)
    if person is None:
        return
    person.role, person.attendance = Role.STEDFORTRAEDER, Attendance.PRESENT
    absent = people.split_people(seat.absent)
    seated = {p.substitute_for for p in facts.participants if p.substitute_for is not None}
    if absent:
        whose = [p for p in facts.participants if p.name == _plain(absent[0][0])]
    else:
        whose = [
            p for p in facts.participants
            if affiliation and p.affiliation == affiliation and p.id not in seated
            and p.attendance in (Attendance.AFBUD, Attendance.ABSENT)
        ]  # fmt: skip
    if len(whose) == 1 and person.substitute_for is None:
        person.substitute_for = whose[0].id
