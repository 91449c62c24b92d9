"""The source's structure kept: paragraphs joined where the PDF layout broke them, lists as lists,
tables as tables, bold and italic, the source's headings in the source's order, nothing
printed twice when an imported referat is exported again."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import docx
import jsonschema
from docx.oxml import OxmlElement

from meetingtui import importers
from meetingtui.exporters.docx import render_docx
from meetingtui.exporters.json_export import FORMAT_VERSION, json_schema, to_json_dict
from meetingtui.exporters.markdown import to_markdown
from meetingtui.models import ListBlock, Meeting, Paragraph, TableBlock
from tests.docfixtures import make_pdf
from tests.formats import Item, Part, Spec, as_firstagenda_json

HEADER = ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30"]


def _one(data: bytes) -> Meeting:
    _fmt, [meeting] = importers.parse(data, source="structure")
    return meeting


# --- paragraphs ------------------------------------------------------------------------------


def test_pdf_line_breaks_are_layout_and_paragraphs_are_kept() -> None:
    meeting = _one(
        make_pdf(
            [[
                *HEADER,
                "**1. Lokalplan for Havnen",
                "Sagsnr.: 24/1",
                "**Sagsfremstilling",
                "Planen omfatter arealerne langs havnefronten og giver plads til nye",
                "boliger, erhverv og en promenade for byens borgere og gæster.",
                "Der er indkommet tre høringssvar.",
                "Høringssvarene handler om trafikken på Havnevej og om antallet af p-",
                "pladser til beboerne i Teknik- og Miljøudvalgets nye områder ved Teknik-",
                "og Miljøforvaltningen.",
                "**Beslutning",
                "Godkendt.",
            ]]
        )
    )  # fmt: skip
    [section] = meeting.items[0].sections
    assert section.text.split("\n") == [
        "Planen omfatter arealerne langs havnefronten og giver plads til nye boliger, erhverv og "
        "en promenade for byens borgere og gæster.",
        "Der er indkommet tre høringssvar.",
        "Høringssvarene handler om trafikken på Havnevej og om antallet af p-pladser til beboerne "
        "i Teknik- og Miljøudvalgets nye områder ved Teknik- og Miljøforvaltningen.",
    ]
    assert all(isinstance(block, Paragraph) for block in section.blocks)


def test_text_paragraphs_end_at_blank_lines_and_short_lines() -> None:
    long_a = "Administrationen har undersøgt mulighederne for at flytte biblioteket til"
    long_b = "rådhuset og foreslår, at flytningen sker i løbet af efteråret 2024, når"
    text = "\n".join([
        *HEADER, "1. Biblioteket", "Sagsnr.: 24/1", "Sagsfremstilling",
        long_a, long_b, "ombygningen er færdig.", "", "Næste afsnit står for sig selv.",
        "Beslutning:", "Godkendt.",
    ])  # fmt: skip
    [section] = _one(text.encode()).items[0].sections
    assert section.text.split("\n") == [
        f"{long_a} {long_b} ombygningen er færdig.",
        "Næste afsnit står for sig selv.",
    ]


# --- lists, tables, emphasis from HTML and Word ----------------------------------------------

_FIELD_HTML = (
    "<h3>Sagsfremstilling</h3>"
    "<p>Planen er <strong>vedtaget</strong> og <em>markeret med kursiv</em> hvor den er ændret.</p>"
    "<ol type='a'><li>første ændring</li><li>anden ændring<ul><li>en detalje</li></ul></li></ol>"
    "<table><thead><tr><th>År</th><th>Beløb</th></tr></thead>"
    "<tbody><tr><td>2024</td><td>1,2 mio. kr.</td></tr><tr><td>2025</td><td>0,8 mio. kr.</td>"
    "</tr></tbody></table>"
    "<h3>Beslutning</h3><p>Godkendt.</p>"
)


def _json_meeting() -> Meeting:
    spec = Spec(items=[Item("1", "Lokalplan", "24/1", [Part("Resumé", ["Kort."])])])
    data = as_firstagenda_json(spec)
    data = data.replace(b"<h3>Resum", json.dumps(_FIELD_HTML)[1:-1].encode() + b"<h3>Resum")
    return _one(data)


def test_html_lists_tables_and_emphasis_are_kept() -> None:
    item = _json_meeting().items[0]
    section = next(s for s in item.sections if s.heading == "Sagsfremstilling")
    paragraph, listing, table = section.blocks
    assert isinstance(paragraph, Paragraph)
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("Planen er ", False, False),
        ("vedtaget", True, False),
        (" og ", False, False),
        ("markeret med kursiv", False, True),
        (" hvor den er ændret.", False, False),
    ]
    assert isinstance(listing, ListBlock)
    assert (listing.ordered, listing.numbering) == (True, "lower-letter")
    assert [(i.text, i.level) for i in listing.items] == [
        ("første ændring", 0), ("anden ændring", 0), ("en detalje", 1)
    ]  # fmt: skip
    assert isinstance(table, TableBlock)
    assert (table.header_rows, table.rows[0], table.rows[2]) == (
        1, ["År", "Beløb"], ["2025", "0,8 mio. kr."]
    )  # fmt: skip
    # The plain text says the same words, for search and for every reader of `text`.
    assert "a. første ændring" in section.text and "2024  1,2 mio. kr." in section.text


def _word_referat() -> bytes:
    document = docx.Document()
    for line in HEADER:
        document.add_paragraph(line)
    document.add_heading("1. Skolestruktur", level=1)
    document.add_paragraph("Sagsnr.: 24/50")
    document.add_heading("Indstilling", level=2)
    document.add_paragraph("Forvaltningen indstiller,")
    document.add_paragraph("at modellen sendes i høring,", style="List Number")
    document.add_paragraph("at der holdes borgermøde.", style="List Number")
    document.add_heading("Sagsfremstilling", level=2)
    paragraph = document.add_paragraph("Forslaget er ")
    paragraph.add_run("nyt").bold = True
    paragraph.add_run(" og ")
    paragraph.add_run("foreløbigt").italic = True
    paragraph.add_run(".")
    broken = document.add_paragraph("Første linje")
    broken.add_run().add_break()
    broken.add_run("anden linje i samme afsnit.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Skole", "Elever", "Klasser"), ("Nordskolen", "412", "18"),
                             ("Sydskolen", "388", "17")]):  # fmt: skip
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    document.add_heading("Beslutning", level=2)
    document.add_paragraph("Godkendt.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_lists_tables_runs_and_line_breaks_are_kept() -> None:
    item = _one(_word_referat()).items[0]
    assert item.recommendation == (
        "Forvaltningen indstiller,\n1. at modellen sendes i høring,\n2. at der holdes borgermøde."
    )
    [section] = item.sections
    paragraph, broken, table = section.blocks
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("Forslaget er ", False, False), ("nyt", True, False), (" og ", False, False),
        ("foreløbigt", False, True), (".", False, False),
    ]  # fmt: skip
    assert broken.text == "Første linje\nanden linje i samme afsnit."
    assert isinstance(table, TableBlock) and table.header_rows == 1
    assert table.rows == [["Skole", "Elever", "Klasser"], ["Nordskolen", "412", "18"],
                          ["Sydskolen", "388", "17"]]  # fmt: skip
    [_text, recommendation_list] = next(
        p.blocks for p in item.layout if p.kind.value == "recommendation"
    )
    assert isinstance(recommendation_list, ListBlock) and recommendation_list.ordered


# --- exported again --------------------------------------------------------------------------


def _greve_like() -> Meeting:
    """A FirstAgenda item: decision first, grouped sections, a case history, data absence."""
    html = (
        "<div><h3>Beslutning</h3><p>Med stemmerne 5 for og 2 imod godkendte udvalget "
        "indstillingen.</p><p>For stemte (A) og (V).</p><p>Imod stemte (Ø).</p>"
        "<p>Fraværende: Tina Holm</p>"
        "<h3>Fremstilling</h3><h4>Resume</h4><p>Kort resumé.</p>"
        "<h4>Indstilling</h4><p>Administrationen indstiller, at planen vedtages.</p>"
        "<h3>Sagens forløb</h3><p><u>11-03-2024 Teknik- og Miljøudvalget</u></p>"
        "<p>Anbefales.</p></div>"
    )
    document = {
        "Udvalg": {"Navn": "Økonomiudvalget"},
        "Moede": {"Dato": "2024-03-12T16:30:00", "Sted": "Mødelokale 2",
                  "Moededeltagere": [{"Name": "Tina Holm (A)"}, {"Name": "Bo Berg (V)"}]},
        "Dagsordenpunkter": [{
            "Number": "4", "Caption": "Lokalplan 1204", "CaseNumber": "24-1",
            "Felter": [{"Navn": "", "Html": html}],
            "ExternalAgendaItemAttendees": [
                {"Name": "Tina Holm", "Reason": "Fraværende"},
                {"Name": "Bo Berg", "Reason": "Inhabil"},
            ],
        }],
    }  # fmt: skip
    return _one(json.dumps(document).encode())


def _headings(markdown: str) -> list[str]:
    return re.findall(r"(?m)^#{2,4} (.*)$", markdown)


def test_an_imported_item_is_exported_in_the_source_order_with_nothing_twice() -> None:
    meeting = _greve_like()
    markdown = to_markdown(meeting, public=False)
    start = markdown.index("## 4. Lokalplan 1204")
    item_part = markdown[start : markdown.index("\n## ", start + 1)]
    assert _headings(item_part)[:6] == [
        "4. Lokalplan 1204", "Beslutning", "Fremstilling", "Resume", "Indstilling",
        "Sagens forløb",
    ]  # fmt: skip
    # The vote, the absence stated in the text and the case history are printed once each;
    # the inhabilitet the data states (and the text never wrote) is added once.
    assert item_part.count("Med stemmerne 5 for og 2 imod") == 1
    assert item_part.count("Tina Holm") == 1
    assert item_part.count("Anbefales.") == 1
    assert item_part.count("Bo Berg") == 1 and "Bo Berg (V) deltog ikke" in item_part


def test_the_word_referat_has_real_lists_a_header_row_and_emphasis() -> None:
    meeting = _one(_word_referat())
    data = render_docx(meeting, public=False)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    recommendation = xml[xml.index("at modellen sendes") - 400 : xml.index("at modellen sendes")]
    assert "<w:numPr>" in recommendation  # a Word list, not "1." typed into the text
    assert "<w:tblHeader/>" in xml[xml.index(">Skole<") - 600 : xml.index(">Skole<")]
    assert re.search(r"<w:r><w:rPr><w:b/></w:rPr><w:t[^>]*>nyt</w:t>", xml)
    assert re.search(r"<w:r><w:rPr><w:i/></w:rPr><w:t[^>]*>foreløbigt</w:t>", xml)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Første linje\nanden linje i samme afsnit." in paragraphs


def test_no_participants_heading_and_no_signature_page_for_nobody() -> None:
    text = "\n".join([*HEADER, "1. Budget", "Beslutning:", "Godkendt."]).encode()
    markdown = to_markdown(_one(text), public=False)
    assert "Deltagere" not in markdown and "Underskrift" not in markdown


# --- the JSON contract and the database ------------------------------------------------------


def test_json_export_carries_the_structure_and_validates() -> None:
    meeting = _json_meeting()
    data = to_json_dict(meeting, public=False)
    assert data["format_version"] == FORMAT_VERSION == 4
    jsonschema.validate(data, json_schema())
    section = next(s for s in data["items"][0]["sections"] if s["heading"] == "Sagsfremstilling")
    assert [b["type"] for b in section["blocks"]] == ["paragraph", "list", "table"]
    assert [p["kind"] for p in data["items"][0]["layout"]] == ["section", "decision", "section"]
    again = importers.parse(json.dumps(data).encode())[1][0]
    assert to_json_dict(again, public=False) == data


def test_a_version_1_export_still_imports() -> None:
    meeting = _json_meeting()
    data: dict[str, Any] = to_json_dict(meeting, public=False)
    data["format_version"] = 1
    for item in data["items"]:
        item.pop("layout")
        for section in item["sections"]:
            section.pop("blocks")
        for entry in item["decision_history"]:
            entry.pop("number")
    [back] = importers.parse(json.dumps(data).encode())[1]
    assert [s.text for s in back.items[0].sections] == [s.text for s in meeting.items[0].sections]
    assert back.items[0].layout == [] and all(not s.blocks for s in back.items[0].sections)


def test_a_database_holding_imports_from_before_is_migrated(tmp_path: Path) -> None:
    from meetingtui import service
    from meetingtui.storage.db import connect
    from meetingtui.storage.records import load_meeting
    from meetingtui.verify import verify

    db_path = tmp_path / "arkiv.db"
    conn = connect(db_path)
    old = _greve_like()
    old.items[0].layout = []
    for section in old.items[0].sections:
        section.blocks = []
    meeting_id = service.import_meeting(conn, old, content_hash="a" * 64)
    conn.close()
    # Take the database back to the release before: no structure columns, no migration record,
    # the imported meeting's event written without the new fields.
    raw = sqlite3.connect(db_path)
    raw.execute("ALTER TABLE sections DROP COLUMN blocks")
    raw.execute("ALTER TABLE items DROP COLUMN layout")
    raw.execute("ALTER TABLE decision_history DROP COLUMN number")
    # Nor the agenda changes and reopenings of the live meeting, which came after.
    raw.execute("ALTER TABLE meetings DROP COLUMN agenda_changes")
    raw.execute("ALTER TABLE meetings DROP COLUMN reopenings")
    raw.execute("ALTER TABLE elections DROP COLUMN acclamation")
    raw.execute("ALTER TABLE meetings DROP COLUMN item_sessions")
    raw.execute("ALTER TABLE items DROP COLUMN decided_at")
    raw.execute(
        "DELETE FROM _sqlite_migrations WHERE name IN "
        "('importers_001_source_structure', 'live_001_agenda_changes_and_reopenings', "
        "'language_001_glossary_values', 'live_002_election_acclamation', "
        "'importers_002_plain_item_numbers', 'live_003_item_sessions', "
        "'live_004_decided_at')"
    )
    raw.commit()
    raw.close()
    conn = connect(db_path)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(sections)")}
        assert "blocks" in columns
        meeting = load_meeting(conn, meeting_id)
        assert meeting.items[0].decision.startswith("Med stemmerne 5 for og 2 imod")
        assert "Kort resumé." in to_markdown(meeting, public=False)
        assert verify(conn).ok
        # A new import stores and reads back its structure in the migrated database.
        new = _json_meeting()
        new_id = service.import_meeting(conn, new, content_hash="b" * 64)
        assert load_meeting(conn, new_id).items[0].sections == new.items[0].sections
        assert verify(conn).ok
    finally:
        conn.close()


def test_blocks_built_without_validation_equal_validated_ones() -> None:
    lines = [*HEADER, "1. Budget", "Sagsfremstilling", "Første linje af teksten",
             "1. at budgettet godkendes", "2. at rammen fastholdes", "", "Nyt afsnit.",
             "Beslutning:", "Godkendt."]  # fmt: skip
    meeting = _one("\n".join(lines).encode())
    for section in meeting.items[0].sections:
        for block in section.blocks:
            again = type(block).model_validate(block.model_dump())
            assert again == block and again.model_dump() == block.model_dump()
            assert block.model_copy(deep=True) == block


def test_text_is_cleaned_the_same_on_the_fast_path() -> None:
    from meetingtui.models import clean_text

    cases = {
        "plain ascii": "plain ascii",
        "Københavns Kommune": "Københavns Kommune",
        "A\u030arhus": "Århus",  # decomposed å is composed
        "a\r\nb\rc": "a\nb\nc",
        "bullet \uf0b7 gone": "bullet  gone",
        "no\u00a0break and soft\u00adhyphen": "no\u00a0break and soft\u00adhyphen",
        "family \U0001f468\u200d\U0001f469": "family \U0001f468\u200d\U0001f469",
        "bad \ufffe\x07\x85 chars": "bad  chars",
        "עברית and عربي": "עברית and عربي",
    }
    for given, wanted in cases.items():
        assert clean_text(given) == wanted
