"""Vote lines as public referats write them, beyond the forms read first: a majority named by
its letters without parentheses ("Et flertal bestående af A, V og C stemte for."), a count with
its parties before the verb ("2 (B) undlod at stemme."), and one side's count alone under the
decision ("Godkendt. Imod stemte: O (2)."), which was read as a vote lost 0 to 2. Through the
decision text and through every reader."""

from __future__ import annotations

import pytest

from meetingtui import importers
from meetingtui.importers.votes import parse_votes
from tests.formats import WRITERS, Item, Part, Spec

FAMILIES = [
    ("Et flertal bestående af A, V og C stemte for. O stemte imod. Ø undlod at stemme.",
     None, {"for": ["A", "V", "C"], "against": ["O"], "abstain": ["Ø"]}, None),
    ("Et flertal bestående af A, V og C godkendte indstillingen. O stemte imod.",
     None, {"for": ["A", "V", "C"], "against": ["O"]}, "adopted"),
    ("Et mindretal bestående af O stemte imod.", None, {"against": ["O"]}, None),
    ("For stemte 19 (A, V, C og F). Imod stemte 6 (O og Ø). 2 (B) undlod at stemme.",
     (19, 6, 2), {"for": ["A", "V", "C", "F"], "against": ["O", "Ø"], "abstain": ["B"]},
     "adopted"),
    # one side's count alone: no counts made up for the other side, no result from them
    ("Godkendt. Imod stemte: O (2).", None, {"against": ["O"]}, None),
    ("Godkendt. Udvalget drøftede sagen. 3 (C) stemte imod.", None, {"against": ["C"]}, None),
    # the forms read before, unchanged
    ("For stemte: A, F og Ø (5). Imod stemte: V og O (4). Undlod at stemme: C (1).",
     (5, 4, 1), {"for": ["A", "F", "Ø"], "against": ["V", "O"], "abstain": ["C"]}, "adopted"),
    ("Et flertal (A+V+C+N) godkender indstillingen. 1 medlem (O) tager forbehold.",
     None, {"for": ["A", "V", "C", "N"]}, "adopted"),
    ("For stemte: A, F og Ø (5). Undlod at stemme: C (1).",
     (5, 0, 1), {"for": ["A", "F", "Ø"], "abstain": ["C"]}, "adopted"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "counts", "lines", "result"), FAMILIES,
                         ids=[f[0][:50] for f in FAMILIES])  # fmt: skip
def test_vote_families(
    text: str,
    counts: tuple[int, int, int] | None,
    lines: dict[str, list[str]],
    result: str | None,
) -> None:
    [vote] = parse_votes(text)
    got = (vote.counts.for_, vote.counts.against, vote.counts.abstain) if vote.counts else None
    assert got == counts
    assert vote.party_lines == lines
    assert (vote.result.value if vote.result else None) == result


# The parties named in words, current and historical, as their letters; the raw text keeps
# the names as written.
NAMED = [
    ("Et flertal bestående af Socialdemokratiet og Venstre stemte for.", {"for": ["A", "V"]}),
    ("Dansk Folkeparti og Enhedslisten stemte imod.", {"against": ["O", "Ø"]}),
    ("Socialistisk Folkeparti undlod at stemme.", {"abstain": ["F"]}),
    ("Et flertal bestående af Det Radikale Venstre, Det Konservative Folkeparti og Liberal "
     "Alliance godkendte indstillingen. Moderaterne stemte imod.",
     {"for": ["B", "C", "I"], "against": ["M"]}),
    ("Danmarksdemokraterne, Nye Borgerlige og Alternativet undlod at stemme.",
     {"abstain": ["Æ", "D", "Å"]}),
    ("Fremskridtspartiet og Centrum-Demokraterne stemte imod.", {"against": ["Z", "D"]}),
    ("Enhedslisten (Ø) stemte imod.", {"against": ["Ø"]}),
    ("Dansk Folkepartis byrådsgruppe stemte imod.", {"against": ["O"]}),
    ("For stemte: Socialdemokratiet og Kristendemokraterne (5). Imod stemte: Venstre (4).",
     {"for": ["A", "K"], "against": ["V"]}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lines"), NAMED, ids=[n[0][:50] for n in NAMED])
def test_a_party_named_in_words_is_its_letter(text: str, lines: dict[str, list[str]]) -> None:
    """The names stayed raw text ("Et flertal bestående af Socialdemokratiet og Venstre")."""
    [vote] = parse_votes(text)
    assert vote.party_lines == lines
    assert vote.raw_text == text


@pytest.mark.parametrize(
    "text", ["Gå til venstre stemte for.", "Godkendt. Den konservative linje blev fulgt."]
)
def test_a_word_that_is_a_party_name_only_with_its_capital_is_no_party(text: str) -> None:
    assert all(not v.party_lines for v in parse_votes(text))


@pytest.mark.parametrize("reader", list(WRITERS))
def test_the_vote_lines_read_the_same_in_every_reader(reader: str) -> None:
    decision = ["Anbefales.", "For stemte 19 (A, V, C og F). Imod stemte 6 (O og Ø). "
                "2 (B) undlod at stemme."]  # fmt: skip
    spec = Spec(items=[Item("1", "Budget 2025", "24/100",
                            [Part("Resumé", ["Sagen forelægges."]),
                             Part("Beslutning", decision, decision=True)])])  # fmt: skip
    _fmt, [meeting] = importers.parse(WRITERS[reader](spec), source=f"votes.{reader}")
    [vote] = meeting.items[0].votes
    assert vote.counts is not None
    assert (vote.counts.for_, vote.counts.against, vote.counts.abstain) == (19, 6, 2)
    assert vote.party_lines["abstain"] == ["B"]


@pytest.mark.parametrize("reader", list(WRITERS))
def test_the_parties_named_in_words_read_the_same_in_every_reader(reader: str) -> None:
    decision = ["Anbefales.", "Et flertal bestående af Socialdemokratiet og Venstre stemte for. "
                "Dansk Folkeparti og Enhedslisten stemte imod. Socialistisk Folkeparti undlod "
                "at stemme."]  # fmt: skip
    spec = Spec(items=[Item("1", "Budget 2025", "24/100",
                            [Part("Resumé", ["Sagen forelægges."]),
                             Part("Beslutning", decision, decision=True)])])  # fmt: skip
    _fmt, [meeting] = importers.parse(WRITERS[reader](spec), source=f"parties.{reader}")
    [vote] = meeting.items[0].votes
    assert vote.party_lines == {"for": ["A", "V"], "against": ["O", "Ø"], "abstain": ["F"]}
