"""An imported item's headings keep their nesting in the referat's outline: a heading the
source printed over others ("Fremstilling", "INDSTILLING FRA …") is not an empty section
beside them, and the Word document's heading levels never skip one."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.exporters.docx import render_docx
from meetingtui.exporters.markdown import to_markdown
from meetingtui.models import AgendaItem, ItemPart, Meeting, PartKind, Section
from tests import export_checks
from tests.structured_documents import firstagenda, firstagenda_field, item

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def _item_headings(data: bytes, title: str) -> list[tuple[int, str]]:
    found = export_checks.headings(data)
    start = found.index((1, title))
    end = next((n for n in range(start + 1, len(found)) if found[n][0] == 1), len(found))
    return found[start + 1 : end]


def _firstagenda_meeting() -> Meeting:
    field = firstagenda_field(
        "<p>Godkendt.</p>",
        {
            "Sagsprocedure": "Byrådet",
            "Resume": "Kort resumé.",
            "Indstilling": "At planen vedtages.",
        },
    )
    field["Html"] = field["Html"].replace(
        "</span></div></div>",
        "</span><h3>Sagens forløb</h3><p><u>11-03-2024 Økonomiudvalget</u></p><p>Anbefales.</p>"
        "</div></div>",
    )
    document = firstagenda([item(4, "Lokalplan 1204", "24-1", field)])
    _format, [meeting] = importers.parse(json.dumps(document).encode(), source="outline")
    return meeting


def test_firstagenda_sections_stand_under_their_fremstilling_heading() -> None:
    data = render_docx(_firstagenda_meeting(), public=False)
    assert _item_headings(data, "4. Lokalplan 1204") == [
        (2, "Beslutning"),
        (2, "Fremstilling"),
        (3, "Sagsprocedure"),
        (3, "Resume"),
        (3, "Indstilling"),
        (2, "Sagens forløb"),
    ]
    assert export_checks.heading_problems(data) == []
    markdown = to_markdown(_firstagenda_meeting(), public=False)
    assert "\n### Fremstilling\n" in markdown and "\n#### Resume\n" in markdown
    assert "\n### Sagens forløb\n" in markdown


def _imported(parts: list[tuple[PartKind, str, str]]) -> Meeting:
    """An imported item whose parts are (kind, heading, text); a section's text "" has none."""
    sections: list[Section] = []
    layout: list[ItemPart] = []
    for kind, heading, text in parts:
        if kind is PartKind.SECTION and text:
            layout.append(ItemPart(kind=kind, heading=heading, index=len(sections)))
            sections.append(Section(heading=heading, text=text))
        elif kind is PartKind.DECISION:
            layout.append(ItemPart(kind=kind, heading=heading))
        else:
            layout.append(ItemPart(kind=kind, heading=heading))
    agenda_item = AgendaItem(
        id=1,
        number="2",
        title="Svar på forslag om Havnens Perle",
        sections=sections,
        layout=layout,
        decision="Fremsendes til Teknisk Udvalg.",
    )
    return Meeting(
        id=1,
        body="Aarhus Byråd",
        title="Referat",
        starts_at=datetime(2025, 8, 27, 16, 0),
        status="closed",
        items=[agenda_item],
    )


def test_headings_in_capitals_stand_over_the_others() -> None:
    meeting = _imported(
        [
            (PartKind.DECISION, "Beslutninger", ""),
            (PartKind.SECTION, "BESLUTNINGSFORSLAG FRA DD", ""),
            (PartKind.SECTION, "Baggrund", "Havnens Perle har været en fast del af havnen."),
            (PartKind.SECTION, "Begrundelse", "Det er et samlingspunkt."),
            (PartKind.SECTION, "INDSTILLING FRA MAGISTRATSAFDELINGEN", "Teknik og Miljø har…"),
            (PartKind.SECTION, "Resume", "Byrådet behandlede forslaget."),
            (PartKind.HISTORY, "Sagsforløb", ""),
        ]
    )
    data = render_docx(meeting, public=False)
    assert _item_headings(data, "2. Svar på forslag om Havnens Perle") == [
        (2, "Beslutninger"),
        (2, "BESLUTNINGSFORSLAG FRA DD"),
        (3, "Baggrund"),
        (3, "Begrundelse"),
        (2, "INDSTILLING FRA MAGISTRATSAFDELINGEN"),
        (3, "Resume"),
        (2, "Sagsforløb"),
    ]
    assert export_checks.heading_problems(data) == []


def test_a_heading_with_nothing_under_it_is_left_out() -> None:
    meeting = _imported(
        [
            (PartKind.DECISION, "Beslutning", ""),
            (PartKind.SECTION, "Fremstilling", ""),
            (PartKind.HISTORY, "Sagens forløb", ""),
        ]
    )
    headings = _item_headings(
        render_docx(meeting, public=False), "2. Svar på forslag om Havnens Perle"
    )
    assert headings == [(2, "Beslutning"), (2, "Sagens forløb")]


def test_a_heading_with_text_but_no_headings_after_it_is_kept() -> None:
    meeting = _imported(
        [
            (PartKind.SECTION, "Fremstilling", ""),
            (PartKind.SECTION, "", "Tekst uden overskrift under fremstillingen."),
        ]
    )
    markdown = to_markdown(meeting, public=False)
    assert "### Fremstilling\n\nTekst uden overskrift" in markdown


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not beside the checkout")
@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in SAMPLES.iterdir() if p.suffix != ".md") if SAMPLES.is_dir() else [],
)
def test_every_sample_exports_a_heading_outline_without_gaps(name: str) -> None:
    _format, meetings = importers.parse((SAMPLES / name).read_bytes(), source=name)
    for meeting in meetings:
        data = render_docx(meeting, public=False)
        assert export_checks.heading_problems(data) == []
