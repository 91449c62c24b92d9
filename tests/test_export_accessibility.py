"""The referat as the accessibility rules for public bodies' documents require it (EN 301 549,
i.e. WCAG 2.1 AA): Danish, a heading hierarchy, real lists, table header rows, contrast, and
properties. Every fact is computed from the exported file (see `export_checks.py`), for every
variant: public, internal, with a template, in English."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import RGBColor

from meetingtui.exporters.docx import render_docx
from meetingtui.i18n import set_language
from meetingtui.models import AgendaItem, Meeting, Section
from tests import export_checks
from tests.meetings import CHAIN_HEAD, recorded_meeting


def _python_docx_template(tmp_path: Path) -> Path:
    """python-docx's own template: Cambria, en-US, and a Heading 2 in #4F81BD (4.0:1 on
    white), plus a direct light grey in the header."""
    template = docx.Document()
    template.styles["Heading 2"].font.color.rgb = RGBColor(0x4F, 0x81, 0xBD)
    run = template.sections[0].header.paragraphs[0].add_run("Brevhoved i lys grå")
    run.font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)
    path = tmp_path / "python-docx.docx"
    template.save(path)
    return path


@pytest.fixture(params=["public", "internal", "template", "sample-template"])
def variant(request, tmp_path: Path) -> bytes:
    meeting = recorded_meeting()
    if request.param == "public":
        return render_docx(meeting, chain_head=CHAIN_HEAD)
    if request.param == "internal":
        return render_docx(meeting, public=False, chain_head=CHAIN_HEAD)
    if request.param == "template":
        return render_docx(meeting, template=_python_docx_template(tmp_path))
    sample = request.getfixturevalue("samples") / "syddjurs_referat_PUK_2013-06-20.docx"
    return render_docx(meeting, public=False, template=sample)


def test_every_variant_meets_the_rules(variant: bytes) -> None:
    assert export_checks.accessibility_problems(variant) == []
    assert export_checks.default_language(variant) == "da-DK"
    assert export_checks.settings_value(variant, "decimalSymbol") == ","  # 2,5 mio. kr.
    assert export_checks.settings_value(variant, "listSeparator") == ";"
    # The roll call is a table, and its header row is marked.
    assert export_checks.table_count(variant) >= 1  # item 1's vote (and item 5's when internal)
    assert export_checks.tables_without_header(variant) == []


def test_the_checks_find_what_python_docx_leaves(tmp_path: Path) -> None:
    """The checks are not vacuous: the untreated template fails them."""
    raw = _python_docx_template(tmp_path).read_bytes()
    problems = export_checks.accessibility_problems(raw)
    assert any("en-US" in p for p in problems)
    assert any("4F81BD" in p for p in problems)
    assert any("AAAAAA" in p for p in problems)


def test_heading_hierarchy_with_decisions_as_headings() -> None:
    data = render_docx(recorded_meeting(), public=False)
    found = export_checks.headings(data)
    assert found[0] == (1, "Deltagere")
    assert found[1] == (1, "Indholdsfortegnelse")
    item = found[found.index((1, "1. Budgetopfølgning 2017 for Økonomiudvalget")) :]
    assert item[1:5] == [
        (2, "Resumé"),
        (2, "Indstilling"),
        (2, "Beslutningskompetence"),
        (2, "Beslutning i Økonomiudvalget den 3. januar 2017"),
    ]
    decisions = [text for level, text in found if text.startswith("Beslutning i")]
    # One per item with a decision; item 6 carries an imported decision history.
    assert decisions == [
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Beslutning i Teknik- og Miljøudvalget den 20. juni 2013",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
    ]
    assert found[-1] == (1, "Underskriftsside")


def test_lists_are_word_lists_with_the_numbers_the_text_had() -> None:
    item = AgendaItem(
        id=1,
        number="1",
        title="Skolestruktur",
        sections=[
            Section(
                heading="Indstilling",
                text="Direktøren indstiller,\n1. at planen godkendes,\n2. at rammen gives.",
            ),
            Section(heading="Tidsplan", text="3. kvartal: høring\n5. kvartal: beslutning"),
            Section(heading="Fokus", text="• trivsel\n• læring\nAndet tekst."),
        ],
        attachments=["Plan.pdf", "Høringssvar.pdf", "Kort.pdf"],
    )
    meeting = Meeting(body="Byråd 2022-2025", starts_at=recorded_meeting().starts_at, items=[item])
    data = render_docx(meeting)
    assert export_checks.list_paragraphs(data) == [
        ("decimal", 1, "at planen godkendes,"),
        ("decimal", 2, "at rammen gives."),
        ("bullet", 1, "trivsel"),
        ("bullet", 2, "læring"),
        ("decimal", 1, "Plan.pdf"),
        ("decimal", 2, "Høringssvar.pdf"),
        ("decimal", 3, "Kort.pdf"),
    ]
    # Numbers that do not follow each other are text, never renumbered by Word.
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "3. kvartal: høring" in texts and "5. kvartal: beslutning" in texts


def test_default_look_is_calibri_with_clear_steps() -> None:
    data = render_docx(recorded_meeting())
    assert export_checks.resolved_run_font(data) == "Calibri"
    styles_xml = export_checks.parts(data)["word/styles.xml"].decode()
    assert "Cambria" not in styles_xml and "4F81BD" not in styles_xml
    document = docx.Document(io.BytesIO(data))
    sizes = [document.styles[name].font.size.pt for name in ("Title", "Heading 1", "Heading 2")]
    assert sizes == [24, 16, 13]  # above the 11 pt text
    # One indent for everything the meeting did with an item.
    indents = {
        document.styles[name].paragraph_format.left_indent
        for name in ("Beslutning", "Afstemning", "Protokoltilførsel", "Fremmøde punkt")
    }
    assert len(indents) == 1 and None not in indents


def test_english_referat_is_english_throughout() -> None:
    set_language("en")
    data = render_docx(recorded_meeting())
    assert export_checks.languages(data) == {"en-GB"}
    assert export_checks.accessibility_problems(data, lang="en-GB") == []
