"""The Markdown referat: the same content as the Word referat, readable as plain text."""

from __future__ import annotations

from meetingtui.exporters.markdown import escape, to_markdown
from meetingtui.models import MeetingStatus
from tests.meetings import CHAIN_HEAD, CLOSED_CONTENT, recorded_meeting


def test_markdown_referat() -> None:
    text = to_markdown(recorded_meeting(), public=False, chain_head=CHAIN_HEAD)
    lines = text.splitlines()
    assert lines[0] == "**Lejre Kommune**"
    assert lines[2] == "# Referat"
    assert "## 1. Budgetopfølgning 2017 for Økonomiudvalget" in lines
    assert "### Resumé" in lines
    assert "### Beslutning i Økonomiudvalget den 3. januar 2017" in lines
    assert "**Afbud:** Lars Holten (LEUF)" in lines
    assert (
        "**Afstemning om indstillingen:** For stemte: A, LR, Ø og O (5). Imod stemte: V (2). "
        "Undlod at stemme: C (1)."
    ) in lines
    assert "1. Budgetopfølgning.pdf" in lines
    assert "> (V) stemte imod med følgende mindretalsudtalelse: ”Rammen er for lav.”" in lines
    assert "1. at budgetopfølgningen godkendes." in lines  # a list, as in the Word referat
    assert "- 2. Valg af næstformand" in lines  # the table of contents
    assert "| Imod | 2 | Peter Vang (V)<br>Lone Krag (V) |" in lines  # the named roll call
    assert "- Carsten Rasmussen (A), formand: ______________________" in lines
    assert "Fortroligbeslutning Østerled: tilbuddet accepteres." in lines
    assert 'Tekst \\<med\\> & tegn "citat" og\ttab' in lines


def test_public_markdown_and_draft() -> None:
    text = to_markdown(recorded_meeting(status=MeetingStatus.OPEN), public=True)
    assert text.startswith("**Lejre Kommune**\n\n# Referat – UDKAST\n")
    assert "**Lukket punkt**" in text
    for secret in CLOSED_CONTENT:
        assert secret not in text


def test_escape() -> None:
    assert escape("# ikke en overskrift") == "\\# ikke en overskrift"
    assert escape("1. at sagen godkendes") == "1\\. at sagen godkendes"
    assert escape("*fed* _kursiv_ [link]") == "\\*fed\\* \\_kursiv\\_ \\[link\\]"
    assert escape("1. punkt", line_start=False) == "1. punkt"
