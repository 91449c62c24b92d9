"""People in a header: "Afbud: Lars Holten (LEUF), Ole Blickfeldt (O)", members tables, roles.

"Anne Holm (A), formand", "Formand Eva Holm (A)", "Bo Krag (A) (Borgmester)", "Lise Vig
(V) (Næstformand)", "Birgitte Glifberg (A), Suppleant for Brian Møller (A)". A list that
wraps over several lines or table cells is joined first.
"""

from __future__ import annotations

import re

from meetingtui.importers.source import Block, HeaderFacts
from meetingtui.importers.text import split_name, split_names
from meetingtui.importers.vocabulary import ROLE_WORDS, SUBSTITUTE_WORDS, alternation
from meetingtui.models import Attendance, Participant, Role

# "Lars Holten (LEUF)", "Ole Blickfeldt (O)"; a name is a few capitalised words
NAME_WITH_AFFILIATION = re.compile(
    r"([A-ZÆØÅÉÜ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅÉÜ][\w'’.\-]*|af|von|van|de|la)){0,5})\s*\(([^()]{1,40})\)"
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\s+og\s+|\s+samt\s+|\s+&\s+|\n)\s*")
# "Eva Lund (V) - Mona Kjær (V) mødte som stedfortræder": the substitute is not in the list.
_SUBSTITUTE_CLAUSE = re.compile(
    r"(?i)\s*(?:[-–,;]|\bog\b)\s*[^-–,;]*?\b(?:mødte|deltog|indtrådte|var\s+indkaldt)\s+"
    r"(?:som\s+)?(?:stedfortræder|suppleant|i\s+stedet)\b[^\n]*"
)
# "Bo Krag, A", "Lise Vig, Ø (Næstformand)": a party letter after a comma; "Bo Krag, A Lise Vig,
# V": two members a line, the next name right after the party
_PARTY_AFTER_COMMA = re.compile(
    r"(?<=[a-zæøå])\s*,\s*([A-ZÆØÅ]{1,2})(?=\s*(?:\(|,|;|$)|\s+og\s|\s+[A-ZÆØÅ][a-zæøå])"
)
_ROLE = alternation(ROLE_WORDS)
# "(Borgmester)" after the party: a role in parentheses, not an affiliation
_ROLE_IN_PARENS = re.compile(rf"(?i)^{_ROLE}$")
_ROLE_BEFORE_PARTY = re.compile(rf"(?i)\s*\(\s*{_ROLE}\s*\)(?=\s*\([^()]{{1,40}}\))")


# A sentence in place of an absence list: "Medlemmerne var mødt, bortset fra X og Y, der havde
# meldt afbud.", "Alle medlemmer var til stede undtagen X.", "Der er afbud fra X og Y.",
# "Afbud er modtaget fra X."
_ALL_BUT = re.compile(
    r"(?i)^(?:alle\s+)?(?:medlemmerne|medlemmer|udvalgets\s+medlemmer)\s+(?:var|er)\s+"
    r"(?:mødt|til\s+stede|fremmødt)\s*,?\s*(?:bortset\s+fra|undtagen|med\s+undtagelse\s+af)\s+"
    r"(?P<names>[A-ZÆØÅ].*?)(?:\s*,?\s+(?:der|som)\s+(?P<why>(?:havde\s+)?meldt\s+afbud|havde\s+"
    r"forfald|var\s+fraværende|ikke\s+var\s+til\s+stede))?\s*\.?$"
)
_APOLOGIES_FROM = re.compile(
    r"(?i)^(?:der\s+(?:er|var)\s+(?:meldt\s+)?afbud\s+fra|afbud\s+(?:er|blev)\s+modtaget\s+fra|"
    r"der\s+(?:er|var)\s+modtaget\s+afbud\s+fra)\s+(?P<names>[A-ZÆØÅ].*?)\s*\.?$"
)
# "Alle medlemmer var mødt.", "Alle var til stede.": nobody absent
_ALL_THERE = re.compile(
    r"(?i)^(?:alle(?:\s+medlemmer)?|medlemmerne\s+var\s+alle|fuldt\s+fremmøde)"
    r"(?:\s+(?:var|er)\s+(?:mødt|til\s+stede|fremmødt))?\s*\.?$"
)


def absence_sentence(text: str) -> tuple[str, Attendance] | None:
    """The names and their attendance a sentence in place of an absence list gives ("", present
    where everyone was there); None where the line is no such sentence."""
    if _ALL_THERE.match(text):
        return "", Attendance.PRESENT
    found = _APOLOGIES_FROM.match(text)
    if found is not None:
        return found.group("names"), Attendance.AFBUD
    found = _ALL_BUT.match(text)
    if found is None:
        return None
    why = (found.group("why") or "").lower()
    return found.group("names"), Attendance.AFBUD if "afbud" in why else Attendance.ABSENT


def split_people(text: str) -> list[tuple[str, str]]:
    """Names with their party/organisation from an "Afbud: ..." style list; a role written in
    parentheses ("(Borgmester)") stays out of the affiliation."""
    text = _SUBSTITUTE_CLAUSE.sub("", text).strip().rstrip(".")
    text = re.sub(r",\s*(?=\([^()]{1,40}\))", " ", text)  # "Erling Larsen, (A)"
    text = _PARTY_AFTER_COMMA.sub(r" (\1)", text)  # "Bo Krag, A (Formand)": the party is A
    text = _ROLE_BEFORE_PARTY.sub("", text)  # "Bo Hansen (Formand) (A)": the party is (A)
    if not text or text.lower() in {"-", "–", "ingen", "intet"}:
        return []
    people: list[tuple[str, str]] = []
    for m in NAME_WITH_AFFILIATION.finditer(text):
        name, affiliation = m.group(1).strip(), m.group(2).strip()
        if _ROLE_IN_PARENS.match(affiliation):
            affiliation = ""  # "Bo Krag (Borgmester)": a role, read by `add_people`
        people.append((name, affiliation))
    if people:
        return people
    out = []
    for part in _LIST_SPLIT.split(text):
        part = part.strip(" .")
        if part and part[0].isupper() and len(part.split()) <= 6:
            out.append((part, ""))
    return out


_ROLE_PREFIX = re.compile(
    r"(?i)^(?P<role>formand|næstformand|forkvinde|næstforkvinde|borgmester|viceborgmester|"
    r"rådmand|overborgmester)\s+(?=[A-ZÆØÅ])"
)
# "Birgitte Glifberg (A), Suppleant for Brian Møller (A)", "Lise Vig (V) (Stedfortræder for
# Per Dam)"
_SEAT_OF = re.compile(
    r"(?i)^(?P<who>[^,()]+?)\s*(?:\([^()]*\))?\s*,?\s*\(?\s*(?:suppleant|stedfortræder)\s+for\s+"
    r"(?P<absent>[^,()]+?)\s*(?:\([^()]*\))?\s*\)?\s*$"
)
SUBSTITUTE_LABEL = re.compile(
    rf"(?i)^(?:indkaldte?\s+)?{alternation(SUBSTITUTE_WORDS)}(?:\s+for\s+[^:]{{1,60}})?\s*:\s*(.*)$"
)


# "Formand: Bo Krag (A)", "Næstformand: Lise Vig (V)": the role as the label
_ROLE_LABEL = re.compile(rf"(?i)^({_ROLE})\s*:\s*(\S.*)$")


def role_label(text: str) -> tuple[Role, str] | None:
    """(role, the people) of a line labelled with a role; None for any other line."""
    found = _ROLE_LABEL.match(text)
    if found is None or not split_people(found.group(2)):
        return None
    return Role(ROLE_WORDS[found.group(1).lower()]), found.group(2)


def _role_after(name: str, text: str) -> Role | None:
    """The role written after a name: "Anne Holm (A), formand", "Bo Krag (A) (Borgmester)",
    "Lise Vig (V) - næstformand"; before it: "næstformand Lise Krog (Ø)"."""
    after = re.search(
        rf"{re.escape(name)}\s*(?:\([^()]*\))?\s*(?:,|[-–])?\s*\(?\s*(?P<role>{_ROLE})\b"
        r"(?!\s+[A-ZÆØÅ][a-zæøå])",
        text,
        re.IGNORECASE,
    )
    before = re.search(rf"(?i)\b(?P<role>næstformand|formand)\s+{re.escape(name)}", text)
    found = before or after
    if found is None:
        return None
    return Role(ROLE_WORDS[found.group("role").lower()])


def without_role(name: str) -> tuple[Role | None, str]:
    """(the role, the name) of "Formand Bo Krag"; (None, name) without a role before it."""
    prefix = _ROLE_PREFIX.match(name)
    if prefix is None:
        return None, name
    return Role(ROLE_WORDS[prefix.group("role").lower()]), name[prefix.end() :]


def add_people(
    facts: HeaderFacts, text: str, attendance: Attendance | None, role: Role = Role.MEDLEM
) -> None:
    """Add the people of a list to the header's participants (an existing name is updated)."""
    text = _PARTY_AFTER_COMMA.sub(r" (\1)", text)
    seat = _SEAT_OF.match(text.strip(" •-–"))
    for name, affiliation in split_people(text):
        person_role = role
        prefixed, name = without_role(name)
        if prefixed is not None:
            person_role = prefixed
        if person_role is Role.MEDLEM:
            person_role = _role_after(name, text) or person_role
        if seat and name == seat.group("absent").strip():
            continue  # the member whose seat the substitute takes is listed on its own line
        if seat and name == seat.group("who").strip():
            person_role = Role.STEDFORTRAEDER
        existing = next((p for p in facts.participants if p.name == name), None)
        if existing is not None:
            if attendance is not None and attendance is not Attendance.PRESENT:
                existing.attendance = attendance
            continue
        facts.participants.append(
            Participant(
                id=len(facts.participants) + 1,
                name=name,
                affiliation=affiliation,
                attendance=attendance or Attendance.UNKNOWN,
                role=person_role,
                votes=person_role.votes_by_default,
            )
        )
        if person_role is Role.STEDFORTRAEDER and seat:
            absent = seat.group("absent").strip()
            facts.participants[-1].substitute_for = next(
                (p.id for p in facts.participants if p.name == absent), None
            )


def dangling(text: str) -> bool:
    """A list of people that goes on on the next line (a wrapped table cell or paragraph)."""
    text = text.rstrip()
    if text.endswith((",", " og", "&")) or text.count("(") > text.count(")"):
        return True
    return "(" in text and not text.rstrip(" .").endswith(")")


# A members table as PDF text flattens it: "Navn Parti Status" over "Anne Holm A Til stede";
# two members a row: "Navn Parti Navn Parti" over "Anne Holm A Bo Krag V".
_GRID_COLUMNS = (
    r"(?:navn|medlem|deltager|mødedeltager)\s+(?:parti|partibogstav|gruppe|liste)"
    r"(?:\s+(?:status|fremmøde|deltagelse))?"
)
_GRID_HEAD = re.compile(rf"(?i)^{_GRID_COLUMNS}(?P<twice>\s+{_GRID_COLUMNS})?$")
_GRID_STATUS = (
    (re.compile(r"(?i)\s+(?:afbud|meldt afbud)$"), "Afbud"),
    (re.compile(r"(?i)\s+(?:fraværende|fravær|ikke til stede)$"), "Fraværende"),
    (re.compile(r"(?i)\s+(?:stedfortræder|suppleant)$"), "Stedfortræder"),
    (re.compile(r"(?i)\s+(?:til stede|tilstede|deltog|fremmødt|mødt)$"), "Deltagere"),
)
_GRID_ROW = re.compile(
    r"^(?P<name>[A-ZÆØÅ][\w'’.\-]*(?:\s+[A-ZÆØÅ][\w'’.\-]*){1,5})\s+\(?(?P<party>[A-ZÆØÅ]"
    r"[A-ZÆØÅa-zæøå]{0,3})\)?$"
)
# Two members on a row: the names' words have small letters, the parties are capitals alone.
_PAIR_NAME = r"[A-ZÆØÅ][a-zæøåéü][\w'’.\-]*(?:\s+[A-ZÆØÅ][a-zæøåéü][\w'’.\-]*){1,4}"
_GRID_PAIR = re.compile(
    rf"^(?P<n1>{_PAIR_NAME})\s+\(?(?P<p1>[A-ZÆØÅ]{{1,3}})\)?\s+"
    rf"(?P<n2>{_PAIR_NAME})\s+\(?(?P<p2>[A-ZÆØÅ]{{1,3}})\)?$"
)


def grid_people(blocks: list[Block]) -> list[Block]:
    """Rows under a "Navn Parti Status" line become "Afbud: Anne Holm (A)" lines; a row that
    does not read as name and party (and a known status) ends the table and is kept as it is.
    The column heads are dropped only when at least one row was read."""
    out: list[Block] = []
    head: Block | None = None
    rows = 0
    pairs = False
    for block in blocks:
        text = block.text.strip()
        grid = _GRID_HEAD.match(text)
        if grid:
            head, rows, pairs = block, 0, grid.group("twice") is not None
            continue
        pair = _GRID_PAIR.match(text) if head is not None and pairs else None
        if pair:
            rows += 1
            out += [block.with_text(f"Deltagere: {pair.group('n1')} ({pair.group('p1')})"),
                    block.with_text(f"Deltagere: {pair.group('n2')} ({pair.group('p2')})")]  # fmt: skip
            continue
        if head is not None:
            label, rest = "Deltagere", text
            for pattern, name in _GRID_STATUS:
                if pattern.search(text):
                    label, rest = name, pattern.sub("", text)
                    break
            row = _GRID_ROW.match(rest)
            if row:
                rows += 1
                out.append(block.with_text(f"{label}: {row.group('name')} ({row.group('party')})"))
                continue
            words = text.split()
            split = next((k for k in range(len(words) - 1, 2, -1)
                          if _GRID_ROW.match(" ".join(words[:k]))), None)  # fmt: skip
            if rows and split is not None:
                # A status the importer does not know ("Orlov"): kept as written, labelled.
                row = _GRID_ROW.match(" ".join(words[:split]))
                assert row is not None
                person = f"{row.group('name')} ({row.group('party')})"
                out.append(block.with_text(f"{person}: {' '.join(words[split:])}"))
                continue
            if rows == 0:
                out.append(head)
            head = None
        out.append(block)
    if head is not None and rows == 0:
        out.append(head)
    return out


_SIGNER = re.compile(
    r"^(?:(?:formand|næstformand|borgmester)\s+)?[A-ZÆØÅÉÜ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅÉÜ][\w'’.\-]*|"
    r"af|von|van|de|la)){1,5}(?:\s*\([^()]{1,40}\))*\s*,?\s*(?:\(?(?:formand|næstformand)\)?)?$",
    re.IGNORECASE,
)


def signer(text: str) -> bool:
    """A name on a signature page ("Anna Berg (A)", "Formand Bo Krag"), nothing else."""
    text = text.strip()
    return (
        len(text) <= 80 and _SIGNER.match(text) is not None and not any(c.isdigit() for c in text)
    )


def listed_people(
    lines: list[tuple[str, Attendance | None]],
) -> list[Participant]:
    """The participants a structured source lists, (text, attendance) per entry or line,
    read by the same rules as a document's header ("Bo Krag (A) (Borgmester)" is Bo Krag of
    A, formand). An entry those rules find no name in (a name in lower case, "van Dam") is kept
    as written."""
    facts = HeaderFacts()
    for text, attendance in lines:
        before = len(facts.participants)
        add_people(facts, text, attendance)
        if len(facts.participants) > before:
            continue
        for piece in split_names(text):
            name, affiliation = split_name(piece)
            if name and len(name) <= 80 and all(p.name != name for p in facts.participants):
                facts.participants.append(
                    Participant(
                        id=len(facts.participants) + 1,
                        name=name,
                        affiliation=affiliation,
                        attendance=attendance or Attendance.UNKNOWN,
                    )
                )
    return facts.participants
