"""What an archivist types, read as a search: plain words, never an FTS5 syntax error.

Every word is matched in three tiers, best first: the word as written (exact), its inflected
forms (the same Snowball stem: "lokalplan" finds "lokalplanen", "lokalplanerne"), and the
compounds that begin with it ("skole" finds "skolestruktur", "skoleområdet"). A "phrase in
quotes" stays exact. `OR` between two words (in capitals) means either; everything else that
FTS5 would read as syntax (`-`, `*` alone, `NEAR(`, `AND OR`, an unbalanced quote) is read as
plain words. Long queries are cut to `MAX_QUERY_CHARS` characters and `MAX_TERMS` words, and
the result says so: bm25 costs grow with terms times matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum

from meetingtui.storage.danish_words import (
    STOP_WORDS,
    WORD,
    highlight_pattern,
    normalize,
    stem,
    stem_forms,
)

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
# Compounds are looked for only from words this long: "by*" would match most of the index.
MIN_COMPOUND_CHARS = 3
# The two FTS5 indexes over `item_search`: the words as written, and their Danish stems.
EXACT_INDEX = "item_search_fts"
STEM_INDEX = "item_stems_fts"


class Tier(IntEnum):
    EXACT = 0
    INFLECTED = 1
    COMPOUND = 2

    @property
    def label(self) -> str:
        return self.name.lower()


def _quoted(words: tuple[str, ...] | list[str]) -> str:
    # Words are letters and digits only (WORD), so they never hold a quote.
    return '"' + " ".join(words) + '"'


def _any(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"


@dataclass(frozen=True)
class Term:
    """One word (or words joined by punctuation, "16/16318", read as a phrase) of a query."""

    words: tuple[str, ...]  # lower-cased as the index folds them
    phrase: bool = False  # "in quotes": exact in every tier
    prefix: bool = False  # typed with a trailing *

    def exact(self) -> str:
        """The term in the index of words as written."""
        return _quoted(self.words) + ("*" if self.prefix else "")

    def stemmed(self, tier: Tier) -> list[str]:
        """The term's alternatives in the stem index: a row that holds the words as written
        holds their stems too, so this finds every row `exact` finds, and more."""
        if len(self.words) > 1 or self.phrase:
            stems = [stem(w) for w in self.words]
            return [_quoted(stems) + ("*" if self.prefix else "")]
        out = [_quoted((s,)) for s in stem_forms(self.words[0])]
        if self.prefix or (tier == Tier.COMPOUND and self.compounds):
            out.append(_quoted((normalize(self.words[0]),)) + "*")
        return out

    @property
    def stop_word(self) -> bool:
        return not self.phrase and len(self.words) == 1 and self.words[0] in STOP_WORDS

    @property
    def compounds(self) -> bool:
        """Whether compounds beginning with the word are looked for: single words of letters
        ("skole", not "2023" or "ord1")."""
        return (
            not self.phrase
            and len(self.words) == 1
            and self.words[0].isalpha()
            and len(normalize(self.words[0])) >= MIN_COMPOUND_CHARS
        )


@dataclass(frozen=True)
class Step:
    """One tier's search: rows of `index` matching `match`, without the rows an earlier tier
    found (`not_exact`: rows of the exact index matching it), and, when the query has
    phrases, only rows where they stand as written (`exact_phrases`)."""

    tier: Tier
    index: str
    match: str
    not_exact: str | None = None
    exact_phrases: str | None = None


@dataclass(frozen=True)
class Query:
    """The terms of a query: every group must match; the terms of a group are alternatives."""

    groups: tuple[tuple[Term, ...], ...]
    shortened: bool = False
    terms: tuple[Term, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", tuple(t for g in self.groups for t in g))

    def __bool__(self) -> bool:
        return bool(self.groups)

    def exact(self) -> str:
        return " AND ".join(_any([t.exact() for t in group]) for group in self.groups)

    def stemmed(self, tier: Tier) -> str:
        return " AND ".join(
            _any([a for t in group for a in t.stemmed(tier)]) for group in self.groups
        )

    def phrases(self) -> str | None:
        """The groups that are phrases only, as the exact index must hold them."""
        groups = [g for g in self.groups if all(t.phrase for t in g)]
        return " AND ".join(_any([t.exact() for t in g]) for g in groups) if groups else None

    def steps(self) -> list[Step]:
        """The tiers that can find something new, best first: a query of phrases only has
        just one, a query with no word to compound two."""
        out = [Step(Tier.EXACT, EXACT_INDEX, self.exact())]
        if any(not t.phrase for t in self.terms):
            inflected = self.stemmed(Tier.INFLECTED)
            out.append(Step(Tier.INFLECTED, STEM_INDEX, inflected, self.exact(), self.phrases()))
            if any(t.compounds for t in self.terms):
                compound = f"({self.stemmed(Tier.COMPOUND)}) NOT ({inflected})"
                out.append(Step(Tier.COMPOUND, STEM_INDEX, compound, self.exact(), self.phrases()))
        return out


_PHRASE = re.compile(r'"([^"]*)"')
_OPERATORS = ("OR", "AND")


# Brackets and list punctuation separate words; "/", "-", "+" and "." join them ("16/16318").
_SEPARATORS = str.maketrans(dict.fromkeys("()[]{}<>,;!?", " "))


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in WORD.findall(text))


def _bare_term(token: str) -> Term | None:
    words = _words(token)
    if not words:
        return None  # "-", "*", "(": punctuation alone
    # A trailing * asks for a prefix, when there is something to prefix: "skol*", not "a*".
    prefix = token.rstrip(".:").endswith("*") and len(words[-1]) >= 2
    return Term(words, prefix=prefix)


def parse(query: str) -> Query:
    """The query as terms; never raises, whatever is typed."""
    text = unicodedata.normalize("NFC", query)
    shortened = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    tokens: list[Term | str] = []
    position = 0
    for match in _PHRASE.finditer(text):
        tokens += text[position : match.start()].translate(_SEPARATORS).split()
        words = _words(match.group(1))
        if words:
            tokens.append(Term(words, phrase=True))
        position = match.end()
    # A quote left over is a slip of the finger: read the rest as words.
    tokens += text[position:].replace('"', " ").translate(_SEPARATORS).split()
    groups: list[list[Term]] = []
    join_next = False
    count = 0
    for index, token in enumerate(tokens):
        if isinstance(token, str) and token in _OPERATORS:
            # An operator between two words; anywhere else ("AND OR", a leading OR) a word.
            before = index > 0 and not (
                isinstance(tokens[index - 1], str) and tokens[index - 1] in _OPERATORS
            )
            after = index + 1 < len(tokens) and not (
                isinstance(tokens[index + 1], str) and tokens[index + 1] in _OPERATORS
            )
            if before and after and groups:
                join_next = token == "OR"
                continue
        term = token if isinstance(token, Term) else _bare_term(token)
        if term is None:
            continue
        if count == MAX_TERMS:
            shortened = True
            break
        count += 1
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    # Stop words beside other words are left out: they cost ranking time and find nothing new.
    content = [group for group in groups if not all(term.stop_word for term in group)]
    if content:
        groups = content
    return Query(tuple(tuple(g) for g in groups), shortened)


class Highlighter:
    """Finds, in original text, the words a query matched: the words typed, their inflected
    forms, and for single words the compounds that begin with them."""

    def __init__(self, query: Query) -> None:
        self.exact: set[str] = set()
        self.stems: set[str] = set()
        self.compounds: list[str] = []
        for term in query.terms:
            self.exact.update(normalize(w) for w in term.words)
            if term.phrase:
                continue
            for word in term.words:
                self.stems.update(stem_forms(word))
            if term.compounds or term.prefix:
                self.compounds.append(normalize(term.words[-1]))
        prefixes = {*self.exact, *self.stems, *self.compounds}
        self.pattern = highlight_pattern(prefixes)
        self.needles = sorted({n for p in prefixes for n in (p, p.replace("å", "aa"))})
        self._seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            normal = normalize(word)
            known = (
                normal in self.exact
                or stem(normal) in self.stems
                or any(normal.startswith(c) for c in self.compounds)
            )
            self._seen[word] = known
        return known

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.pattern is None:
            return []
        return [m.span() for m in self.pattern.finditer(text) if self.matches(m.group())]

    def first(self, text: str, lowered: str) -> int | None:
        """Where the first matched word of `text` starts (`lowered` is `text.lower()`)."""
        if len(lowered) != len(text):  # a letter whose lower case is longer: rare, slower
            found = next((m for m in self.spans(text)), None)
            return found[0] if found else None
        best: int | None = None
        for needle in self.needles:
            at = lowered.find(needle, 0, best)
            while at >= 0:
                word = WORD.match(text, at)
                if (
                    (at == 0 or not _is_word_char(text[at - 1]))
                    and word
                    and self.matches(word.group())
                ):
                    best = at
                    break
                at = lowered.find(needle, at + 1, best)
        return best

    def score(self, lowered: str) -> int:
        """About how many matched words a text holds: occurrences of the words' beginnings in
        its lower case, counted by `str.count` (fast on long texts)."""
        return sum(lowered.count(needle) for needle in self.needles)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


_NON_SPACE = re.compile(r"\S")
_SCAN_CHARS = 3_000


def snippet(
    texts: list[str], highlighter: Highlighter, marks: tuple[str, str], width: int = 16
) -> str:
    """About `width` words around the first match, in the text with most matches; matched words
    (inflected forms and compounds too) wrapped in `marks`. Made in Python for the few rows
    shown, so ranking never pays for it."""
    best: tuple[str, int] | None = None
    # The beginnings of the texts first (most first matches are there), whole texts only when
    # no beginning matches: texts can be long.
    for cut in (_SCAN_CHARS, None):
        heads = [text[:cut] for text in texts]
        lowered = [head.lower() for head in heads]
        order = sorted(range(len(texts)), key=lambda n: (-highlighter.score(lowered[n]), n))
        for n in order:
            at = highlighter.first(heads[n], lowered[n])
            if at is not None:
                best = (texts[n], at)
                break
        if best is not None or all(len(text) <= _SCAN_CHARS for text in texts):
            break
    if best is None:
        first_text = next((t for t in texts if t), "")
        words = first_text[:2000].split()
        return " ".join(words[:width]) + ("…" if len(words) > width else "")
    text, at = best
    # Look only at a window around the first match: texts can be long.
    start = max(0, at - 200)
    before = text[start:at].split()[-(width // 4) :]
    ahead = text[at : at + 400]
    after = ahead.split()[: width - len(before)]
    window = " ".join([*before, *after])
    marked = []
    last = 0
    for begin, end in highlighter.spans(window):
        marked += [window[last:begin], marks[0], window[begin:end], marks[1]]
        last = end
    marked.append(window[last:])
    cut_before = start > 0 or len(text[start:at].split()) > len(before)
    cut_after = len(ahead.split()) > len(after) or _NON_SPACE.search(text, at + 400) is not None
    return ("…" if cut_before else "") + "".join(marked) + ("…" if cut_after else "")
