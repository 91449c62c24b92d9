"""Danish words as the archive's search sees them.

A Danish noun carries its article and plural as endings ("lokalplan", "lokalplanen",
"lokalplanerne", "lokalplanens"), so the index keeps beside each text the Snowball Danish stem
of every word, and a query is stemmed the same way. Before stemming, a word is lower-cased as
FTS5's unicode61 tokenizer does and the old double-a spelling is read as "å" ("Aarhus" and
"Århus", "Aabenraa" and "Åbenrå" are one word); a plain "a" stays "a".

PyStemmer (the Snowball C library) stems about two million words a second here, against
fifty thousand for the pure-Python snowballstemmer: indexing an archive of 75,000 items stems
some twenty million words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import Stemmer

# A word as unicode61 sees it: letters and digits; "_" and punctuation separate words.
WORD = re.compile(r"[^\W_]+")
# What separates words beyond ASCII: a character neither ASCII nor a letter or digit ("–", "•",
# "§", "”", a no-break space). A text holds few kinds of them.
_WIDE_SEPARATOR = re.compile(r"[^\x00-\x7f\w]")
# In UTF-8, every ASCII byte but a letter or digit made a space; the bytes of other characters
# kept as they are.
_ASCII_SEPARATORS = bytes(b if b >= 0x80 or chr(b).isalnum() else 0x20 for b in range(256))
_VOWELS = "aeiouyæøå"

# Snowball's Danish stop words: beside other words of a query they are left out ("rapport for"
# searches "rapport"): nearly every item holds them, so they only cost ranking time.
STOP_WORDS = frozenset(
    [
        "og",
        "i",
        "jeg",
        "det",
        "at",
        "en",
        "den",
        "til",
        "er",
        "som",
        "på",
        "de",
        "med",
        "han",
        "af",
        "for",
        "ikke",
        "der",
        "var",
        "mig",
        "sig",
        "men",
        "et",
        "har",
        "om",
        "vi",
        "min",
        "havde",
        "ham",
        "hun",
        "nu",
        "over",
        "da",
        "fra",
        "du",
        "ud",
        "sin",
        "dem",
        "os",
        "op",
        "man",
        "hans",
        "hvor",
        "eller",
        "hvad",
        "skal",
        "selv",
        "her",
        "alle",
        "vil",
        "blev",
        "kunne",
        "ind",
        "når",
        "være",
        "dog",
        "noget",
        "ville",
        "jo",
        "deres",
        "efter",
        "ned",
        "skulle",
        "denne",
        "end",
        "dette",
        "mit",
        "også",
        "under",
        "have",
        "dig",
        "anden",
        "hende",
        "mine",
        "alt",
        "meget",
        "sit",
        "sine",
        "vor",
        "mod",
        "disse",
        "hvis",
        "din",
        "nogle",
        "hos",
        "blive",
        "mange",
        "ad",
        "bliver",
        "hendes",
        "været",
        "thi",
        "jer",
        "sådan",
    ]
)


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


def normalize(word: str) -> str:
    """Lower case as the index folds it, with "aa" read as "å"."""
    return word.lower().replace("aa", "å")


def stem(word: str) -> str:
    """The Snowball Danish stem of a word, after `normalize`."""
    return str(_stemmer().stemWord(normalize(word)))


class _Stems(dict[str, str]):
    """Stems of the words indexed so far: an import indexes the same few thousand words again
    and again, and a dictionary look-up costs a fraction of Snowball's. A word not yet known is
    stemmed as it is looked up (`__missing__`), so a text's words are looked up once, with no
    set of them made first to find the new ones. Emptied when it is full, so an archive's
    whole vocabulary never stays in memory."""

    __slots__ = ()

    def __missing__(self, word: str) -> str:
        if len(self) >= _STEMS_KEPT:
            self.clear()
        stemmed: str = _stemmer().stemWord(word)
        self[word] = stemmed
        return stemmed


_STEMS = _Stems()
_STEMS_KEPT = 100_000


def stems_text(text: str) -> str:
    """The stem of every word of `text`, in order and space-separated: the indexed form."""
    if not text:
        return ""
    if "\u0130" in text or "\u03a3" in text:
        # "İ" lowers to two characters and "Σ" lowers by its neighbours: word by word.
        words = [normalize(w) for w in WORD.findall(text)]
    else:
        # Every other character lowers to one character of the same kind, on its own, so the
        # words of the normalized text are the normalized words.
        words = _words(normalize(text))
    return " ".join(map(_STEMS.__getitem__, words))


def _words(normal: str) -> list[str]:
    """`WORD.findall(normal)`, in a third of its time: the separators beyond ASCII (a text has
    a few kinds) replaced by spaces one kind at a time, then the ASCII ones by one translation
    of the text's UTF-8 bytes, and the text split at the spaces. What is left between them is
    letters and digits, so the pieces are the words."""
    for separator in set(_WIDE_SEPARATOR.findall(normal)):
        normal = normal.replace(separator, " ")
    return normal.encode().translate(_ASCII_SEPARATORS).decode().split()


def stem_forms(word: str) -> list[str]:
    """The stems a query word should match: its own stem and, for words whose inflected forms
    drop a vowel or a Latin ending, the stem those forms have.

    Snowball keeps "regel" but stems "reglen"/"regler" to "regl"; likewise "cykel"/"cykler",
    "borgmester"/"borgmestre", "center"/"centret", "nummer"/"numre", and "museum"/"museet",
    "kriterium"/"kriterier". The extra stem finds those forms from the base form.
    """
    normal = normalize(word)
    forms = [stem(normal)]
    if len(normal) >= 5 and normal[-2:] in ("el", "er") and normal[-3] not in _VOWELS:
        short = normal[:-2] + normal[-1]  # "regel" -> "regl", "center" -> "centr"
        if short[-2] == short[-3] and short[-2] not in _VOWELS:
            short = short[:-2] + short[-1]  # a doubled consonant goes too: "nummer" -> "numr"
        forms += [short, stem(short)]
    if len(normal) >= 6 and normal.endswith("um"):
        forms.append(normal[:-2])  # "museum" -> "muse", "kriterium" -> "kriteri"
    return list(dict.fromkeys(f for f in forms if f))


def highlight_pattern(prefixes: Iterable[str]) -> re.Pattern[str] | None:
    """A regex finding, in original text, the words that begin with one of the normalized
    `prefixes` (a stem is always a prefix of its normalized word), where "å" may be written
    "aa". Candidates only: `matches` decides."""
    alternatives = sorted(
        {
            "".join("(?:å|aa)" if ch == "å" else re.escape(ch) for ch in prefix)
            for prefix in prefixes
            if prefix
        },
        key=len,
        reverse=True,
    )
    if not alternatives:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")[^\W_]*", re.IGNORECASE)
