"""One vocabulary for every reader: the same phrases, written in every format the archive reads,
give the same record. A phrase added to `importers/vocabulary.py` belongs in this test."""

from __future__ import annotations

from typing import Any

import pytest

from meetingtui import importers
from meetingtui.models import ItemStatus, Meeting
from tests.formats import WRITERS, Item, Part, Spec

RESUME = Part("Resumé", ["Sagen forelægges til beslutning."])


def _item(number: int, title: str, authority: str, recommendation: str, decision: str,
          decision_lines: list[str]) -> Item:  # fmt: skip
    return Item(
        str(number),
        title,
        f"24/{1000 + number}",
        [
            RESUME,
            Part(recommendation, ["Forvaltningen indstiller, at sagen godkendes."]),
            Part(authority, ["Byrådet"]),
            Part(decision, decision_lines, decision=True),
        ],
    )


SPEC = Spec(
    items=[
        _item(1, "Godkendelse af dagsorden", "Beslutningskompetence", "Indstilling",
              "Beslutning", ["Godkendt."]),
        _item(2, "Fortrolig: Salg af grund", "Sagsprocedure", "Beslutningspunkter",
              "Beslutning i Økonomiudvalget den 12-03-2024",
              ["Udvalget besluttede at udsætte sagens behandling."]),
        _item(3, "Personalesag (FOR LUKKEDE DØRE)", "Beslutningen træffes af",
              "Administrationens indstilling", "Økonomiudvalgets beslutning den 12. marts 2024",
              ["Udsat."]),
        _item(4, "Lukket punkt: Køb af areal", "Sagen afgøres i", "Forslag til beslutning",
              "Beslutninger", ["Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen."]),
        _item(5, "Ikke offentlig: Klagesag", "Beslutningskompetence", "Indstilling",
              "Beslutning", ["Punktet blev udsat til næste møde."]),
        _item(6, "Valg af næstformand", "Kompetence", "Det indstilles",
              "Beslutning", ["Anne Holm (A) blev valgt som næstformand."]),
        _item(7, "Budget 2025 (Lukket)", "Beslutningskompetence", "Indstilling",
              "Økonomiudvalget's beslutning den 12.03.2024 Punkt 7", ["Anbefales."]),
        _item(8, "Eventuelt", "Beslutningskompetence", "Indstilling", "Beslutning",
              ["Intet.", "Fraværende: Bo Berg (V)"]),
    ]
)  # fmt: skip

EXPECTED = [
    ("Godkendelse af dagsorden", False, "Godkendt.", ItemStatus.DECIDED),
    ("Salg af grund", True, "Udvalget besluttede at udsætte sagens behandling.",
     ItemStatus.POSTPONED),
    ("Personalesag", True, "Udsat.", ItemStatus.POSTPONED),
    ("Køb af areal", True, "Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen.",
     ItemStatus.DECIDED),
    ("Klagesag", True, "Punktet blev udsat til næste møde.", ItemStatus.POSTPONED),
    ("Valg af næstformand", False, "Anne Holm (A) blev valgt som næstformand.",
     ItemStatus.DECIDED),
    ("Budget 2025", True, "Anbefales.", ItemStatus.DECIDED),
    ("Eventuelt", False, "Intet.", ItemStatus.DECIDED),
]  # fmt: skip


def _facts(meeting: Meeting) -> list[dict[str, Any]]:
    """What the phrases of each item must give, whatever the format."""
    return [
        {
            "title": item.title,
            "closed": item.closed,
            "case": item.case_number,
            "decision": item.decision,
            "status": item.status,
            "authority": item.decision_authority,
            "recommendation": item.recommendation,
            "sections": [(s.heading, s.text) for s in item.sections],
            "votes": [(v.counts.for_, v.counts.against) for v in item.votes if v.counts],
            "elections": [(e.office, e.elected) for e in item.elections],
            "absent": [a.name for a in item.absences],
            "dated": [(e.body, e.date) for e in item.decision_history],
        }
        for item in meeting.items
    ]


@pytest.fixture(scope="module")
def records() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name, write in WRITERS.items():
        fmt, [meeting] = importers.parse(write(SPEC), source=f"vocabulary.{name}")
        assert fmt.startswith(name.split("-")[0]) or name in ("text",), (name, fmt)
        assert (meeting.body, meeting.starts_at) == (SPEC.body, SPEC.when), name
        out[name] = _facts(meeting)
    return out


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_reader_reads_the_phrases_the_same(
    name: str, records: dict[str, list[dict[str, Any]]]
) -> None:
    assert records[name] == records["firstagenda-json"]


@pytest.mark.parametrize("name", list(WRITERS))
def test_the_phrases_mean_what_the_vocabulary_says(
    name: str, records: dict[str, list[dict[str, Any]]]
) -> None:
    found = records[name]
    assert [(f["title"], f["closed"], f["decision"], f["status"]) for f in found] == EXPECTED
    assert all(f["authority"] == "Byrådet" for f in found)
    assert all(
        f["recommendation"] == "Forvaltningen indstiller, at sagen godkendes." for f in found
    )
    assert all(f["sections"] == [("Resumé", "Sagen forelægges til beslutning.")] for f in found)
    assert found[3]["votes"] == [(5, 2)]
    assert found[5]["elections"] == [("næstformand", "Anne Holm")]
    assert found[7]["absent"] == ["Bo Berg"]
    assert found[1]["dated"] == [("Økonomiudvalget", "12-03-2024")]
    assert found[2]["dated"] == [("Økonomiudvalget", "12. marts 2024")]
    assert found[6]["dated"] == [("Økonomiudvalget", "12.03.2024")]


# --- every entry of the vocabulary, through every reader ---------------------------------------


def _cap(word: str) -> str:
    return word[0].upper() + word[1:]


def _heading_items() -> tuple[list[Item], list[tuple[str, object]]]:
    """One item per heading word of the vocabulary, and what each must give."""
    from meetingtui.importers import vocabulary as v

    words: list[tuple[str, str]] = [
        *((w, "section") for w in sorted(v.SECTIONS)),
        *((w, "recommendation") for w in sorted(v.RECOMMENDATION)),
        *((w, "authority") for w in sorted(v.AUTHORITY)),
        *((w, "decision") for w in sorted(v.DECISION_WORDS)),
        *((w, "decision") for w in sorted(v.DECISION_DOCUMENT_WORDS)),
        *((w, "attachments") for w in sorted(v.ATTACHMENTS)),
        *((w, "history") for w in sorted(v.HISTORY)),
    ]
    items, expected = [], []
    for n, (word, kind) in enumerate(words, start=1):
        heading = _cap(word)
        text = {"recommendation": "Forvaltningen indstiller, at sagen godkendes.",
                "authority": "Byrådet", "decision": "Vedtaget."}.get(kind, "Notat om sagen.")  # fmt: skip
        parts = [RESUME, Part(heading, [text], decision=kind == "decision")]
        if kind != "decision":
            parts.append(Part("Beslutning", ["Godkendt."], decision=True))
        items.append(Item(str(n), f"Sag om {word}", f"24/{2000 + n}", parts))
        expected.append((heading, kind))
    return items, expected


def _what(item: Any) -> dict[str, object]:
    return {
        "title": item.title,
        "case": item.case_number,
        "sections": [s.heading for s in item.sections],
        "recommendation": item.recommendation,
        "authority": item.decision_authority,
        "decision": item.decision,
        "attachments": item.attachments,
    }


def test_every_heading_word_of_the_vocabulary_means_the_same_in_every_reader() -> None:
    items, expected = _heading_items()
    spec = Spec(items=items)
    found = {}
    for name, write in WRITERS.items():
        _fmt, [meeting] = importers.parse(write(spec), source=f"ord.{name}")
        assert len(meeting.items) == len(items), name
        found[name] = [_what(i) for i in meeting.items]
    for name, got in found.items():
        assert got == found["firstagenda-json"], name
    for item, what, (heading, kind) in zip(items, found["text"], expected, strict=True):
        assert (what["title"], what["case"]) == (item.title, item.case), heading
        sections = ["Resumé", heading] if kind in ("section", "history") else ["Resumé"]
        assert what["sections"] == sections, heading
        assert what["decision"] == ("Vedtaget." if kind == "decision" else "Godkendt."), heading
        assert (what["recommendation"] != "") == (kind == "recommendation"), heading
        assert what["authority"] == ("Byrådet" if kind == "authority" else ""), heading
        assert what["attachments"] == (["Notat om sagen."] if kind == "attachments" else [])


def test_every_closed_marker_closes_the_item_in_every_reader() -> None:
    from meetingtui.importers.vocabulary import CLOSED_MARKERS

    decision = Part("Beslutning", ["Godkendt."], decision=True)
    titles = [
        form.format(_cap(marker))
        for marker in CLOSED_MARKERS
        for form in ("{}: Salg af grund", "Salg af grund ({})", "Salg af grund - {}")
    ]
    items = [Item("1", "Budget", "24/1", [decision])] + [
        Item(str(n), title, f"24/{n}", [decision]) for n, title in enumerate(titles, start=2)
    ]
    spec = Spec(items=items)
    for name, write in WRITERS.items():
        _fmt, [meeting] = importers.parse(write(spec), source=f"lukket.{name}")
        assert [(i.title, i.closed) for i in meeting.items] == [("Budget", False)] + [
            ("Salg af grund", True)
        ] * len(titles), name
