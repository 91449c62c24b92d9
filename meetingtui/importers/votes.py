"""Votes as referats state them, read from a decision's text with the raw sentences kept.

"Med stemmerne 19 for og 1 imod godkendte Byrådet indstillingen.", "For stemte: A, F og Ø (5).
Imod stemte: V og O (4). Undlod at stemme: C (1).", roll calls by name ("For: 20 (Bo Hilsted
(A), ...)"), trailing verbs ("Linda Heegaard (SF) stemte imod") and majorities ("Et flertal
(A+V+C+N) godkender indstillingen"). A statement that cannot be read without guessing gives a
vote with its raw text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetingtui.importers.text import split_names, split_person
from meetingtui.importers.vocabulary import PARTY_NAMES
from meetingtui.models import Ballot, Choice, Vote, VoteCounts, VoteResult

_NUMBER_WORDS = {
    "ingen": 0, "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20,
}  # fmt: skip
_NUM = r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


PARTY = r"[A-ZÆØÅ][A-ZÆØÅa-zæøå0-9\-]{0,11}"


def _capitalised(name: str) -> str:
    """A party's name with its first letter a capital and the rest in any case."""
    rest = re.escape(name[1:]).replace(r"\ ", r"\s+")
    return f"{name[0].upper()}(?i:{rest})"


# "Socialdemokratiet", "Dansk Folkepartis gruppe", "Venstre (V)": the party by name, as its
# letter (longest name first: "Radikale Venstre" before "Venstre")
_PARTY_NAME = re.compile(
    r"(?<![\w-])(?P<name>"
    + "|".join(_capitalised(n) for n in sorted(PARTY_NAMES, key=len, reverse=True))
    + r")(?P<genitive>s\s+(?i:(?:byråds)?gruppe|medlemmer|medlem|repræsentanter|repræsentant))?"
    r"(?:\s*\(\s*[A-ZÆØÅ]{1,2}\s*\))?(?![\w-])"
)


def party_letters(sentence: str) -> str:
    """The sentence with each party named in words written as its letter: "Et flertal bestående
    af Socialdemokratiet og Venstre stemte for" reads as "... af A og V stemte for"."""
    if _PARTY_NAME.search(sentence) is None:
        return sentence
    return _PARTY_NAME.sub(lambda m: PARTY_NAMES[" ".join(m["name"].lower().split())], sentence)


_PARTY_TOKEN = re.compile(rf"^\(?\s*(?P<p>{PARTY})\s*\)?$")
_GROUP_LETTERS = re.compile(rf"\(\s*({PARTY}(?:\s*[+,/]\s*{PARTY}|\s+og\s+{PARTY})*)\s*\)")

_COUNTS = [
    # "Med stemmerne 19 for og 1 imod", "med 12 stemmer for, 3 imod og 2 undlod"
    re.compile(
        rf"(?:med\s+)?(?:stemmerne\s+)?(?P<f>{_NUM})\s+(?:stemmer\s+)?for\s*(?:,|og)\s*"
        rf"(?P<a>{_NUM})\s+(?:stemmer\s+)?imod"
        rf"(?:\s*(?:,|og)\s*(?P<u>{_NUM})\s+(?:stemmer\s+)?(?:undlod|hverken|blank|der undlod))?",
        re.I,
    ),
    # "vedtaget med 15 stemmer mod 10"
    re.compile(rf"med\s+(?P<f>{_NUM})\s+stemmer\s+mod\s+(?P<a>{_NUM})(?!\s*\w*\s*for)", re.I),
    # "godkendt med 5 stemmer for (A, V) mod 2 (Ø)": the parties after each count
    re.compile(
        rf"(?P<f>{_NUM})\s+stemmer\s+for\s*\((?P<fp>[^()]{{1,80}})\)\s*(?:mod|og)\s+"
        rf"(?P<a>{_NUM})\s*(?:stemmer\s*)?(?:imod\s*)?(?:\((?P<ap>[^()]{{1,80}})\))?",
        re.I,
    ),
]
_ABSTAIN_COUNT = re.compile(
    rf"(?P<u>{_NUM})\s+(?:medlemmer\s+|stemmer\s+)?(?:undlod|stemte\s+hverken|stemte\s+blankt)",
    re.I,
)

_LINE_FOR = re.compile(
    r"^(?:for\s+stemte|for\s+stemmer|for\s+forslaget\s+stemte|for)\s*:?\s*(?P<who>.+)$", re.I
)
_LINE_AGAINST = re.compile(
    r"^(?:imod\s+stemte|imod\s+stemmer|imod\s+forslaget\s+stemte|imod)\s*:?\s*(?P<who>.+)$", re.I
)
_LINE_ABSTAIN = re.compile(
    r"^(?:undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod|undlod|blank|undlader\s+at\s+stemme)"
    r"\s*:?\s*(?P<who>.+)$",
    re.I,
)
_TRAILING_VERB = re.compile(
    r"^(?P<who>.+?)\s+(?P<verb>stemte\s+for|stemmer\s+for|stemte\s+imod|stemmer\s+imod|"
    r"undlod\s+at\s+(?:stemme|tage\s+stilling)|undlader\s+at\s+(?:stemme|tage\s+stilling)|"
    r"stemte\s+hverken\s+for\s+eller\s+imod|stemte\s+blankt)\b(?P<rest>.*)$",
    re.I,
)
_MAJORITY = re.compile(
    r"^(?:et\s+)?(?P<kind>flertal|mindretal)\s*(?:bestående\s+af\s*)?(?P<who>\([^)]*\)(?:\s*(?:,|og)\s*\([^)]*\))*"
    # "Et flertal bestående af A, V og C stemte for": the letters without parentheses, before
    # the verb
    rf"|(?-i:{PARTY}(?:\s*(?:,|\+|og)\s*{PARTY})*)(?=\s+(?:stemte|stemmer|godkend|anbefal|"
    r"tiltr|vedt|besluttede|kunne|ønskede|fandt|tog|gik)))"
    r"\s*(?P<rest>.*)$",
    re.I,
)
_REJECT_WORDS = re.compile(r"\b(ikke\s+godkend|forkast|faldt|bortfald|afvis|kunne\s+ikke)", re.I)
_ADOPT_WORDS = re.compile(r"\b(godkend|vedt[ao]g|tiltr[åæ]d|anbefal|bevilg|besluttede)", re.I)
_COUNT_SUFFIX = re.compile(r"\s*\(\s*(\d+)\s*(?:stemmer|medlemmer)?\s*\)\s*\.?\s*$")


def _who_list(text: str) -> tuple[list[str], list[tuple[str, str]], int | None, bool]:
    """Parse the "who" of a vote line: party letters, named people, a stated count, and whether
    every piece was understood."""
    stated: int | None = None
    count = _COUNT_SUFFIX.search(text)
    if count:
        stated = int(count.group(1))
        text = text[: count.start()]
    roll_call = re.match(
        r"^\s*(\d+)\s*(?:stemmer|medlemmer)?\s*[:\-–]?\s*\((.*)\)\s*\.?\s*$", text, re.S
    )
    if roll_call:
        stated, text = int(roll_call.group(1)), roll_call.group(2)
    text = re.sub(r"^(?:\d+\s*(?:stemmer|medlemmer)?\s*[:\-–]?\s*)", "", text.strip())
    parties: list[str] = []
    people: list[tuple[str, str]] = []
    ok = True
    for piece in split_names(text.strip().rstrip(".")):
        piece = piece.strip().strip(".")
        token = _PARTY_TOKEN.match(piece.replace(")", ") ").strip()) or _PARTY_TOKEN.match(
            piece.rstrip(")").lstrip("(")
        )
        if token and len(piece) <= 14 and " " not in piece.strip("() "):
            parties.append(token.group("p"))
            continue
        name, aff, role = split_person(piece)
        if (aff or role) and re.match(r"^[A-ZÆØÅ][\wæøåÆØÅ.\-]*(?:\s+[\wæøåÆØÅ.\-]+){1,5}$", name):
            people.append((name, aff))
        else:
            ok = False
    return parties, people, stated, ok and bool(parties or people)


@dataclass
class _Draft:
    lines: list[str] = field(default_factory=list)
    counts: VoteCounts | None = None
    party_lines: dict[str, list[str]] = field(default_factory=dict)
    ballots: list[Ballot] = field(default_factory=list)
    stated: dict[str, int] = field(default_factory=dict)
    ambiguous: bool = False
    result: VoteResult | None = None

    def has(self, choice: Choice) -> bool:
        return choice.value in self.party_lines or any(b.choice is choice for b in self.ballots)

    def add(
        self, choice: Choice, parties: list[str], people: list[tuple[str, str]], stated: int | None
    ) -> None:
        if parties:
            self.party_lines.setdefault(choice.value, []).extend(parties)
        for name, aff in people:
            self.ballots.append(Ballot(name=name, affiliation=aff, choice=choice))
        if stated is not None:
            self.stated[choice.value] = stated

    def build(self, vote_id: int) -> Vote:
        counts = self.counts
        if counts is None and self.stated and Choice.FOR.value in self.stated:
            counts = VoteCounts(
                for_=self.stated.get("for", 0),
                against=self.stated.get(Choice.AGAINST.value, 0),
                abstain=self.stated.get(Choice.ABSTAIN.value, 0),
            )
        elif counts is not None and self.stated:
            # Stated per-line numbers must agree with the totals; if not, keep only the text.
            given = {
                Choice.FOR.value: counts.for_,
                Choice.AGAINST.value: counts.against,
                Choice.ABSTAIN.value: counts.abstain,
            }
            if any(given[k] != v for k, v in self.stated.items() if given.get(k)):
                self.ambiguous = True
        parties_seen: dict[str, str] = {}
        for choice, letters in self.party_lines.items():
            for letter in letters:
                if parties_seen.setdefault(letter, choice) != choice:
                    self.ambiguous = True
        raw = " ".join(self.lines).strip()
        if self.ambiguous:
            return Vote(id=vote_id, description="", raw_text=raw)
        result = self.result
        if counts is not None and (counts.for_ or counts.against):
            result = VoteResult.ADOPTED if counts.for_ > counts.against else VoteResult.REJECTED
        elif self.stated and Choice.FOR.value not in self.stated:
            # "Imod stemte: O (2)." under "Godkendt.": the count of one side says nothing of the
            # result; the words may
            result = self.result or _result_words(raw)
        return Vote(
            id=vote_id,
            ballots=self.ballots,
            counts=counts,
            party_lines=self.party_lines,
            result=result,
            raw_text=raw,
        )


def _sentences(text: str) -> list[str]:
    """Split decision text into sentences, keeping parentheses and quoted statements whole."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        # a sentence starts with a capital, a parenthesis, a quote or a count before its verb
        # ("2 (B) undlod at stemme.")
        parts = re.split(
            r"(?<=[.!?])\s+(?=[A-ZÆØÅ(\"“”]|\d+\s*(?:\([^()]*\)\s*)?(?:medlemmer?\s+)?"
            r"(?:undlod|stemte|imod)\b)(?![^(]*\))",
            line,
        )
        for part in parts:
            out.extend(p.strip() for p in _split_roll_call(part) if p.strip())
    return out


_NEXT_CHOICE = re.compile(r"\s+(?=(?:imod|undlod|hverken|blank)[\w ]{0,20}:)", re.I)


# "For stemte 5 (A, V), imod stemte 2 (Ø), 1 undlod (C)": one sentence, a clause per choice.
_CLAUSE_CHOICE = re.compile(
    rf"(?:,|\s+og)\s+(?=(?:imod\s+stemte|undlod|hverken)\b|(?:{_NUM[1:-1]})\s+(?:medlemmer?\s+)?"
    r"(?:undlod|stemte\s+imod|stemte\s+hverken|imod)\b)",
    re.I,
)
# "1 undlod (C)", "2 stemte imod (Ø)": the count before the verb
_COUNT_FIRST = re.compile(
    rf"^(?P<n>{_NUM})\s*(?P<first>\([^()]*\))?\s+(?:medlemmer?\s+)?(?P<verb>undlod(?:\s+at\s+stemme)?|"
    r"stemte\s+hverken\s+for\s+eller\s+imod|stemte\s+imod|imod)\s*:?\s*(?P<who>\(.*)?$",
    re.I,
)


def _choice_clauses(sentence: str) -> list[str]:
    """A "For stemte ..." sentence with its other choices after commas, one clause each."""
    if not re.match(r"(?i)^for\s+stemte\b|^for\s*:", sentence):
        return [sentence]
    return [c.strip() for c in _CLAUSE_CHOICE.split(sentence) if c.strip()]


def _count_first(clause: str) -> str:
    """ "1 undlod (C)" read as "undlod 1 (C)", so the choice-line patterns apply."""
    m = _COUNT_FIRST.match(clause)
    if m is None or not (m.group("who") or m.group("first")):
        return clause
    verb = m.group("verb").lower()
    choice = "imod" if "imod" in verb and "hverken" not in verb else "undlod"
    # "2 (B) undlod at stemme.": the parties before the verb
    return f"{choice} {m.group('n')} {m.group('who') or m.group('first')}"


def _split_roll_call(sentence: str) -> list[str]:
    """Split "For: 2 (A (V), B (C)) Imod: 1 (D (O))" before each later choice label that stands
    outside parentheses."""
    if _CLAUSE_CHOICE.search(sentence) is not None:
        clauses = _choice_clauses(sentence)
        if len(clauses) > 1:
            return clauses
    if _NEXT_CHOICE.search(sentence) is None:
        return [sentence]  # no label anywhere: skip the walk over every character
    pieces: list[str] = []
    depth = start = 0
    for index, ch in enumerate(sentence):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch.isspace() and _NEXT_CHOICE.match(sentence, index):
            pieces.append(sentence[start:index])
            start = index
    pieces.append(sentence[start:])
    return pieces


def _result_words(sentence: str) -> VoteResult | None:
    if _REJECT_WORDS.search(sentence):
        return VoteResult.REJECTED
    if _ADOPT_WORDS.search(sentence):
        return VoteResult.ADOPTED
    return None


def parse_votes(text: str, *, first_id: int = 1) -> list[Vote]:
    """Votes stated in a decision text, each with its raw sentences.

    Understands counts ("Med stemmerne 19 for og 1 imod"), party lines ("For stemte: A, F og Ø
    (5). Imod stemte: V og O (4)." and "For stemte (V), (A) og Liselott Blixt (UP-1)"), roll
    calls by name ("For: 20 (Bo Hilsted (A), ...)"), trailing verbs ("(A) og (C) undlod at tage
    stilling", "Linda Heegaard (SF) stemte imod") and majorities ("Et flertal (A+V+C+N)
    godkender ..."). A statement it cannot read without guessing gives a vote with raw text only.
    """
    lowered = text.lower()
    if not any(word in lowered for word in ("stem", "for:", "imod", "undlod", "flertal")):
        return []
    drafts: list[_Draft] = []
    current: _Draft | None = None

    def start() -> _Draft:
        nonlocal current
        current = _Draft()
        drafts.append(current)
        return current

    for sentence in _sentences(text):
        written = sentence.strip()  # the raw text keeps the parties' names as written
        plain = party_letters(written)
        counts_match = next((m for p in _COUNTS if (m := p.search(plain))), None)
        if counts_match:
            draft = start()
            draft.lines.append(written)
            abstain = counts_match.groupdict().get("u")
            if abstain is None and (extra := _ABSTAIN_COUNT.search(plain)):
                abstain = extra.group("u")
            draft.counts = VoteCounts(
                for_=_number(counts_match.group("f")),
                against=_number(counts_match.group("a")),
                abstain=_number(abstain) if abstain else 0,
            )
            draft.result = _result_words(plain)
            groups = counts_match.groupdict()
            for key, choice in (("fp", Choice.FOR), ("ap", Choice.AGAINST)):
                if groups.get(key):
                    parties, _people, _stated, ok = _who_list(groups[key])
                    if ok and parties:
                        draft.add(choice, parties, [], None)
            # Party lines may follow on the same sentence ("... indstilling. For stemte (V)").
            continue
        matched = False
        for pattern, choice in (
            (_LINE_FOR, Choice.FOR),
            (_LINE_AGAINST, Choice.AGAINST),
            (_LINE_ABSTAIN, Choice.ABSTAIN),
        ):
            line = pattern.match(_count_first(plain))
            if not line:
                continue
            parties, people, stated, ok = _who_list(line.group("who"))
            if not (parties or people):
                break
            draft = current if current is not None and not current.has(choice) else start()
            draft.lines.append(written)
            draft.add(choice, parties, people, stated)
            draft.ambiguous |= not ok
            matched = True
            break
        if matched:
            continue
        majority = _MAJORITY.match(plain)
        if majority:
            who = majority.group("who")
            bracketed = _GROUP_LETTERS.findall(who) if who.startswith("(") else [who]
            letters = [
                letter for group in bracketed
                for letter in re.split(r"\s*[+,/]\s*|\s+og\s+", group) if letter
            ]  # fmt: skip
            if letters:
                rest = majority.group("rest")
                against = bool(re.search(r"\b(imod|ikke\s+godkend|kunne\s+ikke)", rest, re.I))
                choice = Choice.AGAINST if against else Choice.FOR
                if majority.group("kind").lower() == "mindretal" and not against:
                    choice = Choice.AGAINST if re.search(r"stem", rest, re.I) else choice
                draft = current if current is not None and not current.has(choice) else start()
                draft.lines.append(written)
                draft.add(choice, letters, [], None)
                if majority.group("kind").lower() == "flertal":
                    draft.result = (
                        VoteResult.REJECTED if against else _result_words(rest) or draft.result
                    )
                continue
        trailing = _TRAILING_VERB.match(plain)
        if trailing:
            verb = trailing.group("verb").lower()
            choice = (
                Choice.FOR
                if verb.endswith("for") and "hverken" not in verb
                else Choice.AGAINST
                if verb.endswith("imod") and "hverken" not in verb
                else Choice.ABSTAIN
            )
            parties, people, stated, ok = _who_list(trailing.group("who"))
            if parties or people:
                listed = current.party_lines.get(choice.value, []) if current else []
                named_in_listed = (
                    current is not None
                    and not parties
                    and all(aff in listed for _name, aff in people)
                )
                if named_in_listed and current is not None:
                    # "Dorte Eg (F) stemte imod ..." after "Imod stemte (F)": names the member
                    # of a party line already counted, not a new vote.
                    current.lines.append(written)
                    current.ballots.extend(
                        Ballot(name=n, affiliation=a, choice=choice) for n, a in people
                    )
                    continue
                draft = current if current is not None and not current.has(choice) else start()
                draft.lines.append(written)
                draft.add(choice, parties, people, stated)
                draft.ambiguous |= not ok
                continue
        # Other sentences (remarks between the count and the party lines) leave the current
        # vote open: a new count or a repeated choice starts the next vote.
    return [draft.build(first_id + n) for n, draft in enumerate(drafts)]
