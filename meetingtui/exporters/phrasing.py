"""Sentences as Danish referats write them: names in a list, the body in running text, the
decision heading, vote lines, dissents.

Kept apart from the block structure (`referat.py`) because every format says the same thing and
because these are the rules a reader checks: "For stemte: A, F og Ø (5).", "Beslutning i
Byrådet den 15. maj 2023", "Hanne Skov (O) ønskede følgende tilført protokollen: ”…”".
"""

from __future__ import annotations

import re
from datetime import date

from meetingtui import rules
from meetingtui.i18n import get_language, join_names, t
from meetingtui.i18n.dates import long_date
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    Ballot,
    Choice,
    ItemAbsence,
    Meeting,
    MotionKind,
    Vote,
    VoteCounts,
    VoteResult,
)

# A list letter as referats print it: one capital ("A", "Ø"), sometimes two ("SF", "LA").
# Organisations are written out or abbreviated with more letters ("LEUF", "Grønt råd"), so a
# member of a committee of organisations is never taken for a party.
_PARTY_CODE = re.compile(r"^[A-ZÆØÅ]{1,2}$")


def is_party_code(affiliation: str) -> bool:
    return bool(_PARTY_CODE.match(affiliation.strip()))


# --- the body in running text -----------------------------------------------------------------

# "Byråd 2022-2025": the electoral term is part of the body's name in agenda systems, not of
# how a sentence names it.
_TERM = re.compile(r"\s*\(?\b(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)?\d{2})\)?\s*$")
# Indefinite body names and their definite form in running text.
_DEFINITE = (
    ("kommunalbestyrelse", "n"),
    ("regionsråd", "et"),
    ("bestyrelse", "n"),
    ("forsamling", "en"),
    ("repræsentantskab", "et"),
    ("udvalg", "et"),
    ("råd", "et"),
    ("nævn", "et"),
    ("komité", "en"),
    ("forum", ""),
)


def body_in_text(body: str) -> str:
    """How a sentence names the body: "Byråd 2022-2025" -> "Byrådet", "Økonomiudvalg" ->
    "Økonomiudvalget"; a name already in the definite form or a full name ("Udvalget for plan,
    udvikling og kultur (PUK)", "17, stk. 4-udvalget") stays as written."""
    name = _TERM.sub("", body).strip() or body.strip()
    if name.endswith(")") or get_language() != "da":
        return name
    last = name.split()[-1]
    lowered = last.casefold()
    for ending, suffix in _DEFINITE:
        if lowered.endswith(ending) and suffix:
            return name + suffix
    return name


# --- dates as written in imported decision entries --------------------------------------------

_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})\s*$")


def written_date(text: str) -> str:
    """A date as the referat writes it everywhere: "20-06-2013" -> "20. juni 2013". Text that is
    not a numeric date (already long, or unreadable) is kept as written."""
    match = _NUMERIC_DATE.match(text)
    if not match:
        return text.strip()
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    try:
        return long_date(date(year, month, day))
    except ValueError:
        return text.strip()


# --- the decision heading ---------------------------------------------------------------------

FORMULA_FIELDS = ("udvalg", "dato")


def decision_heading(formula: str | None, body: str, when: str) -> str:
    """ "Beslutning i Økonomiudvalget den 3. januar 2017", or the committee's own formula with
    {udvalg} and {dato} (checked when the formula is read, see `formulas.py`)."""
    values = {"udvalg": body_in_text(body), "dato": when}
    if formula:
        return formula.format(**values)
    return t("export.decision_heading", **values)


# --- participants -----------------------------------------------------------------------------


def person_label(name: str, affiliation: str) -> str:
    return f"{name} ({affiliation})" if affiliation else name


def parenthetical(text: str) -> str:
    """Text as it goes inside parentheses in a sentence: "(nær familie)." and never
    "(nær familie.)." — the sentence's own punctuation follows the parenthesis."""
    return text.strip().rstrip(".,;: ").strip()


def absence_line(meeting: Meeting, absence: ItemAbsence) -> str:
    """ "Bitten Persson (Kommunal leder) deltog ikke i behandlingen af punktet på grund af
    inhabilitet (nær familie).": labelled as the arrival and departure lines label people."""
    who = absence.name
    if absence.participant_id is not None:
        person = meeting.participant(absence.participant_id)
        if person is not None:
            who = person.label
    inhabil = absence.kind is AbsenceKind.INHABIL
    key = "export.inhabil_item" if inhabil else "export.absent_item"
    reason = parenthetical(absence.reason)
    if reason:
        return t(key + "_reason", name=who, reason=reason)
    return t(key, name=who)


def dissent_who(meeting: Meeting, who: str, participant_id: int | None) -> str:
    """A member by name with party ("Hanne Skov (O)"), a party alone in parentheses ("(SF)")."""
    if participant_id is not None:
        person = meeting.participant(participant_id)
        if person is not None:
            return person_label(person.name, person.affiliation)
    who = who.strip()
    if is_party_code(who):
        return f"({who})"
    return who


def dissent_text(kind: str, who: str, text: str) -> str:
    if text.strip():
        return t(f"export.dissent.{kind}", who=who, text=text.strip())
    return t(f"export.dissent.{kind}_empty", who=who)


# --- votes ------------------------------------------------------------------------------------


def vote_subject(item: AgendaItem, motion_id: int | None, description: str = "") -> str:
    """What a vote is about, as it reads after "Afstemning om": "indstillingen",
    "ændringsforslag fra V: …". The kind of motion is a common noun, lower-cased in running
    text; the proposer (a party or a member) and the motion's own text keep their capitals, as
    does a description written by hand (it may be a name). Empty when nothing says what the
    vote was about (an imported vote): the referat then writes "Afstemning:"."""
    motion = item.motion(motion_id) if motion_id is not None else None
    if motion is None:
        return description
    if motion.kind is MotionKind.INDSTILLING:
        return t("export.motion_indstilling")
    key = (
        "export.motion_amendment"
        if motion.kind is MotionKind.AENDRINGSFORSLAG
        else "export.motion_other"
    )
    if motion.proposer:
        return t(key, proposer=motion.proposer, text=motion.text)
    return t(key + "_anon", text=motion.text)


def effective_counts(vote: Vote) -> VoteCounts | None:
    """Recorded counts, else counts derived from the ballots, else none."""
    if vote.counts is not None:
        return vote.counts
    if vote.ballots:
        return rules.count_ballots(vote.ballots)
    return None


def ballot_label(ballot: Ballot) -> str:
    return person_label(ballot.name, ballot.affiliation)


def _party_blocks(vote: Vote, choice: Choice) -> set[str]:
    """The party letters a vote line writes for `choice` instead of the members' names.

    Where every voter sits for a party (a byråd) the line is in party blocks, one member or
    many ("Undlod at stemme: C (1)"), and the roll call names them. Where members represent
    organisations, a letter would hide who voted, so only a party with two or more members on
    the same side is a block; a lone party member is named: "Carsten Rasmussen (A)"."""
    if all(is_party_code(b.affiliation) for b in vote.ballots):
        return {b.affiliation.strip() for b in vote.ballots if b.choice is choice}
    letters = [
        b.affiliation.strip()
        for b in vote.ballots
        if b.choice is choice and is_party_code(b.affiliation)
    ]
    return {letter for letter in letters if letters.count(letter) > 1}


def _who(vote: Vote, choice: Choice) -> str:
    """Party letters as recorded; else the ballots: party blocks where they help, everyone
    else by name with party or organisation: "A, Gert Fabrin (Lokalråd) og Louise Holm
    (Grønt råd)"."""
    letters = vote.party_lines.get(choice.value)
    if letters:
        return join_names(letters)
    blocks = _party_blocks(vote, choice)
    ballots = [b for b in vote.ballots if b.choice is choice]
    parties = list(
        dict.fromkeys(b.affiliation.strip() for b in ballots if b.affiliation.strip() in blocks)
    )
    people = [ballot_label(b) for b in ballots if b.affiliation.strip() not in blocks]
    return join_names([*parties, *people])


def count_line(vote: Vote) -> str:
    """ "For stemte: A, F og Ø (5). Imod stemte: V (2). Undlod at stemme: C (1).\""""
    counts = effective_counts(vote)
    parts: list[str] = []
    for choice, key, count in (
        (Choice.FOR, "export.vote_for", counts.for_ if counts else 0),
        (Choice.AGAINST, "export.vote_against", counts.against if counts else 0),
        (Choice.ABSTAIN, "export.vote_abstain", counts.abstain if counts else 0),
    ):
        who = _who(vote, choice)
        if who:
            parts.append(t(key, who=who, count=count))
        elif count:
            parts.append(t(key + "_count", count=count))
    return " ".join(parts)


def roll_call_rows(vote: Vote) -> list[tuple[str, str, str]]:
    """(choice, count, the voters one per line) for a named vote whose count line shows party
    letters; empty when the count line already names everyone or nobody is named."""
    if not vote.ballots or not any(_party_blocks(vote, choice) for choice in Choice):
        return []
    rows = []
    for choice, key in (
        (Choice.FOR, "export.roll_call_for"),
        (Choice.AGAINST, "export.roll_call_against"),
        (Choice.ABSTAIN, "export.roll_call_abstain"),
    ):
        names = [ballot_label(b) for b in vote.ballots if b.choice is choice]
        if names:
            rows.append((t(key), str(len(names)), "\n".join(names)))
    return rows


def result_line(vote: Vote) -> str:
    if vote.is_open:
        return t("export.vote_open")
    result = vote.result
    counts = effective_counts(vote)
    if result is None and counts is not None:
        result = rules.result_of(counts)
    if result is VoteResult.ADOPTED:
        return t("export.vote_adopted")
    if result is VoteResult.REJECTED:
        return t("export.vote_rejected")
    return ""
