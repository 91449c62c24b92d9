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


def test_a_majority_named_in_words_is_no_party_list() -> None:
    """Party names longer than letters are not read as letters: the sentence stays raw."""
    [vote] = parse_votes("Et flertal bestående af Socialdemokratiet og Venstre stemte for.")
    assert (vote.counts, vote.party_lines) == (None, {})


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
