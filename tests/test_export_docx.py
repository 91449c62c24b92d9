"""The Word referat read back with python-docx: structure, wording, closed items, template."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import datetime

import docx
import pytest
from docx.shared import Cm, Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingtui.errors import InputError
from meetingtui.exporters import default_filename, export
from meetingtui.exporters.blocks import Kind
from meetingtui.exporters.docx import (
    SIGNATURE_LINE,
    STYLE_NAMES,
    is_rtl,
    render_docx,
    xml_escape,
)
from meetingtui.exporters.json_export import to_json_dict
from meetingtui.exporters.record_part import RECORD_PARTNAME, read_record
from meetingtui.i18n import set_language
from meetingtui.i18n.dates import long_date, long_datetime
from meetingtui.models import (
    AgendaItem,
    Ballot,
    Choice,
    Meeting,
    MeetingStatus,
    Section,
    Vote,
)
from tests import export_checks
from tests.meetings import (
    CHAIN_HEAD,
    CLOSED_CONTENT,
    CLOSED_SECRETS,
    recorded_meeting,
)


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in _read(data).paragraphs]


def _texts(data: bytes) -> list[str]:
    return [text for _, text in _paragraphs(data)]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def internal() -> bytes:
    return render_docx(recorded_meeting(), public=False, chain_head=CHAIN_HEAD)


@pytest.fixture(scope="module")
def public() -> bytes:
    return render_docx(recorded_meeting(), public=True, chain_head=CHAIN_HEAD)


def test_danish_dates() -> None:
    assert long_datetime(datetime(2017, 1, 3, 16, 30)) == "tirsdag den 3. januar 2017 kl. 16.30"
    assert long_date(datetime(2024, 2, 29).date(), weekday=True) == "torsdag den 29. februar 2024"
    assert long_date(datetime(2023, 12, 31).date()) == "31. december 2023"
    set_language("en")
    assert long_datetime(datetime(2017, 1, 3, 9, 5)) == "Tuesday 3 January 2017 at 09:05"


def test_title_block_and_participants(public: bytes) -> None:
    paragraphs = _paragraphs(public)
    assert paragraphs[0] == ("Kommune", "Lejre Kommune")
    assert paragraphs[1] == ("Title", "Referat")
    texts = [text for _, text in paragraphs]
    assert "Økonomiudvalget" in texts
    assert "tirsdag den 3. januar 2017 kl. 16.30" in texts
    assert "Sted: Mødelokale 1, Lejrevej 15, 4320 Allerslev" in texts
    present = next(text for text in texts if text.startswith("Til stede:"))
    assert "Carsten Rasmussen (A), formand" in present
    assert "Hanne Skov (O) (stedfortræder for Ole Blickfeldt (O))" in present
    assert "Afbud: Lars Holten (LEUF)" in texts
    assert "Fraværende: Ole Blickfeldt (O)" in texts
    assert "Desuden deltog: Birgit Sekretær, observatør" in texts
    moves = next(text for text in texts if text.startswith("Ankomst og afgang:"))
    assert "Anders Sen (SF) kom kl. 17.05 under punkt 2" in moves
    assert "Bo Carlsen (C) forlod mødet kl. 18.40 under punkt 5" in moves
    assert moves.index("Anders Sen") < moves.index("Bo Carlsen")  # time order


def test_table_of_contents_links_every_item_with_its_page(public: bytes) -> None:
    toc = [text for style, text in _paragraphs(public) if style == STYLE_NAMES[Kind.TOC]]
    # Number, tab (the hanging indent), title, tab (the dot leader), then the page number.
    assert toc == [
        "1.\tBudgetopfølgning 2017 for Økonomiudvalget\t",
        "2.\tValg af næstformand\t",
        "3.\tOrientering om bootcamps\t",
        "4.\tEventuelt\t",
        "5.\tLukket punkt: Grundsalg Kildebakken\t",
        "6a.\tTekst med 🎉 emoji og مرحبا og styretegn\t",
    ]
    xml = _parts(public)["word/document.xml"].decode()
    for item_id in range(1, 7):
        # The entry links to the bookmark on its item's heading and computes its page from it.
        assert f'w:anchor="punkt_{item_id}"' in xml
        assert f'w:name="punkt_{item_id}"' in xml
        assert f"PAGEREF punkt_{item_id} \\h" in xml
    assert 'w:leader="dot"' in xml
    # No TOC field: Word would ask to update it, and LibreOffice would show its stale copy.
    assert " TOC " not in xml
    assert "updateFields" not in _parts(public)["word/settings.xml"].decode()


def test_page_numbers_laid_out_elsewhere_fill_the_table_of_contents() -> None:
    pages = {"punkt_1": 2, "punkt_2": 4, "punkt_5": 9}
    data = render_docx(recorded_meeting(), page_numbers=pages)
    toc = [text for style, text in _paragraphs(data) if style == STYLE_NAMES[Kind.TOC]]
    assert toc[0].endswith("\t2") and toc[1].endswith("\t4") and toc[4].endswith("\t9")
    assert toc[2].endswith("\t")  # no page known: Word shows none rather than a wrong one


def test_item_sections_in_referat_order(internal: bytes) -> None:
    paragraphs = _paragraphs(internal)
    start = paragraphs.index(("Heading 1", "1. Budgetopfølgning 2017 for Økonomiudvalget"))
    end = paragraphs.index(("Heading 1", "2. Valg af næstformand"))
    item = paragraphs[start:end]
    texts = [text for _, text in item]
    assert texts[1] == "Sagsnr.: 16/16318"
    order = [
        "Resumé",
        "Indstilling",
        "Beslutningskompetence",
        "Beslutning i Økonomiudvalget den 3. januar 2017",
        "Sagsfremstilling",
        "Økonomi og finansiering",
        "Bilag",
    ]
    positions = [texts.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert ("Beslutning overskrift", "Beslutning i Økonomiudvalget den 3. januar 2017") in item
    assert ("Beslutning", "Godkendt.") in item
    assert ("Bilag", "Budgetopfølgning.pdf") in item
    assert ("Bilag", "Bilag 2 - Oversigt.xlsx") in item
    # The recommendation's typed "1. at ..." is a real list item, numbered 1 by Word.
    assert ("Liste", "at budgetopfølgningen godkendes.") in item
    assert (
        "Fremmøde punkt",
        "Jens Bak (F) deltog ikke i behandlingen af punktet på grund af inhabilitet (nær familie).",
    ) in item


def test_vote_lines_as_danish_referats_write_them(internal: bytes) -> None:
    texts = _texts(internal)
    assert (
        "Afstemning om indstillingen: For stemte: A, LR, Ø og O (5). Imod stemte: V (2). "
        "Undlod at stemme: C (1)."
    ) in texts
    assert (
        "Afstemning om ændringsforslag fra V: Rammen hæves med 2 mio. kr.: For stemte: V (2). "
        "Imod stemte: A, F, Ø, LR og O (7). Undlod at stemme: C (1)."
    ) in texts
    assert "Forslaget faldt." in texts
    assert "Forslaget blev vedtaget." in texts
    # The named roll call is a table: choice, count, and one member per line.
    table = _read(internal).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Stemme", "Antal", "Medlemmer"]
    rows = {row.cells[0].text: row.cells for row in table.rows[1:]}
    assert rows["Imod"][1].text == "2"
    assert [p.text for p in rows["Imod"][2].paragraphs] == ["Peter Vang (V)", "Lone Krag (V)"]
    assert [p.text for p in rows["Undlod"][2].paragraphs] == ["Bo Carlsen (C)"]
    assert "(V) stemte imod med følgende mindretalsudtalelse: ”Rammen er for lav.”" in texts
    # The decision says who was elected; the election adds its count, not the sentence again.
    assert "Gert Fabrin blev valgt som næstformand." in texts
    assert "Valg af næstformand: Stemmer: Gert Fabrin 6 og Mette Holm 2." in texts
    assert sum(text.count("Gert Fabrin blev valgt som næstformand.") for text in texts) == 1


def test_vote_line_variants() -> None:
    item = AgendaItem(id=1, number="1", title="Sag")
    names = Vote(
        id=1,
        is_open=False,
        ballots=[
            Ballot(name="Anna Holm", choice=Choice.FOR),
            Ballot(name="Bo Ib", choice=Choice.FOR),
            Ballot(name="Carl Dam", choice=Choice.AGAINST),
        ],
    )
    counts_only = Vote(id=2, is_open=False, counts={"for": 19, "against": 1, "abstain": 0})
    raw = Vote(id=3, is_open=False, raw_text="Med stemmerne 19 for og 1 imod godkendte Byrådet.")
    still_open = Vote(id=4, description="Forslag fra Ø om cykelsti")
    item.votes = [names, counts_only, raw, still_open]
    meeting = Meeting(body="Byrådet", starts_at=datetime(2023, 5, 15, 17), items=[item])
    texts = _texts(render_docx(meeting))
    assert "Afstemning: For stemte: Anna Holm og Bo Ib (2). Imod stemte: Carl Dam (1)." in texts
    assert "Afstemning: For stemte: 19. Imod stemte: 1." in texts
    assert "Afstemning: Med stemmerne 19 for og 1 imod godkendte Byrådet." in texts
    assert "Afstemning om Forslag fra Ø om cykelsti: Afstemningen er ikke afsluttet." in texts


def test_public_closed_item_shows_only_that_it_exists(public: bytes) -> None:
    paragraphs = _paragraphs(public)
    start = paragraphs.index(("Heading 1", "5. Grundsalg Kildebakken"))
    assert paragraphs[start + 1] == ("Lukket punkt", "Lukket punkt")
    assert paragraphs[start + 2][0] == "Heading 1"
    assert paragraphs[start + 2][1].startswith("6a.")


def test_closed_titles_can_be_hidden() -> None:
    data = render_docx(recorded_meeting(), public=True, show_closed_titles=False)
    texts = _texts(data)
    assert "5. Lukket punkt" in texts
    assert "5. Lukket punkt" in texts[texts.index("Indholdsfortegnelse") :]
    for name, blob in _parts(data).items():
        for secret in CLOSED_SECRETS:
            assert secret.encode() not in blob, f"{secret!r} leaked into {name}"


def test_public_file_holds_no_byte_of_closed_content(public: bytes) -> None:
    parts = _parts(public)
    assert RECORD_PARTNAME.lstrip("/") in parts  # the public record, redacted like the rest
    for name, blob in parts.items():
        lowered = blob.lower()
        for secret in CLOSED_CONTENT:
            assert secret.encode().lower() not in lowered, f"{secret!r} leaked into {name}"
    assert read_record(public) == to_json_dict(
        recorded_meeting(), public=True, chain_head=CHAIN_HEAD
    )


def test_internal_referat_shows_everything_and_embeds_the_record(internal: bytes) -> None:
    document = _parts(internal)["word/document.xml"].decode()
    for secret in CLOSED_SECRETS:
        assert secret in document
    texts = _texts(internal)
    assert "Internt referat – må ikke offentliggøres" in texts
    assert "Lukket punkt – må ikke offentliggøres." in texts
    record = read_record(internal)
    assert record is not None
    # The created-at time differs between renders; the record does not.
    assert record == to_json_dict(recorded_meeting(), public=False, chain_head=CHAIN_HEAD)


def test_signature_page_and_checksum(public: bytes) -> None:
    paragraphs = _paragraphs(public)
    start = paragraphs.index(("Heading 1", "Underskriftsside"))
    lines = [text.split("\n") for style, text in paragraphs[start:] if style == "Underskrift"]
    assert all(line == SIGNATURE_LINE for line, _ in lines)
    signers = [name for _, name in lines]
    assert "Carsten Rasmussen (A), formand" in signers
    assert "Anders Sen (SF)" in signers  # arrived late, took part
    assert not any("Lars Holten" in s or "Birgit" in s for s in signers)
    assert len(signers) == 10
    checks = [text for style, text in paragraphs if style == "Kontrolsum"]
    assert checks == [f"Kontrolsum: {CHAIN_HEAD}"]
    assert paragraphs[-1][0] == "Kontrolsum"
    # A published document shows no shell command; the checksum is also a property.
    assert not any("meetingtui" in text for text in _texts(public))
    assert export_checks.custom(public)["Kontrolsum"] == CHAIN_HEAD


def test_page_setup_header_footer_and_properties(public: bytes) -> None:
    document = _read(public)
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.01)
    # The municipality's name runs at the top of every page.
    header = [p.text for p in section.header.paragraphs]
    assert header == ["Lejre Kommune – Økonomiudvalget – Referat 3. januar 2017"]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert section.footer.paragraphs[-1].text.startswith("Side ")
    props = document.core_properties
    assert props.title == "Referat – Økonomiudvalget – 3. januar 2017"
    assert props.subject == "Referat af mødet i Økonomiudvalget den 3. januar 2017"
    assert props.author == "Økonomiudvalget"  # the committee is the author of its referat
    assert props.keywords == "referat; Økonomiudvalget; Lejre Kommune; 3. januar 2017"
    assert props.language == "da-DK"
    assert props.created is not None
    assert props.comments == ""
    app = _parts(public)["docProps/app.xml"].decode()
    assert "Microsoft" not in app
    assert "<Company>Lejre Kommune</Company>" in app
    assert "docProps/thumbnail.jpeg" not in _parts(public)
    assert export_checks.custom(public)["Offentlighed"] == "Offentligt"


def test_internal_marking_on_every_page_and_in_the_properties(internal: bytes) -> None:
    document = _read(internal)
    for section in document.sections:
        assert section.header.paragraphs[-1].text == "Internt – må ikke offentliggøres"
    props = document.core_properties
    assert props.title.endswith("– Internt – må ikke offentliggøres")
    assert props.content_status == "Internt – må ikke offentliggøres"
    assert "Internt – må ikke offentliggøres" in props.keywords
    assert export_checks.custom(internal)["Offentlighed"] == "Internt – må ikke offentliggøres"


def test_named_styles_exist_for_restyling(public: bytes) -> None:
    styles = {s.name for s in _read(public).styles}
    for name in STYLE_NAMES.values():
        assert name in styles


def test_template_supplies_styles_and_letterhead(tmp_path) -> None:
    template = docx.Document()
    decision = template.styles.add_style("Beslutning", 1)
    decision.font.size = Pt(20)
    # Danish Word names the style "heading 1" but gives it the id "Overskrift1".
    template.styles["Heading 1"].style_id = "Overskrift1"
    template.sections[0].header.paragraphs[0].text = "Lejre Kommune – Brevhoved"
    template.sections[0].left_margin = Cm(4)
    template.add_paragraph("Skabelontekst der ikke må komme med")
    path = tmp_path / "skabelon.docx"
    template.save(path)
    data = render_docx(recorded_meeting(), template=path)
    document = _read(data)
    assert document.styles["Beslutning"].font.size == Pt(20)
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == [
        "Lejre Kommune – Brevhoved",
        "Lejre Kommune – Økonomiudvalget – Referat 3. januar 2017",
    ]
    assert abs(document.sections[0].left_margin - Cm(4)) < Cm(
        0.01
    )  # the template's page setup stays
    assert "Skabelontekst der ikke må komme med" not in _texts(data)
    assert ("Heading 1", "2. Valg af næstformand") in _paragraphs(data)
    assert '<w:pStyle w:val="Overskrift1"/>' in _parts(data)["word/document.xml"].decode()


def test_an_internal_referat_used_as_template_leaks_nothing(internal: bytes) -> None:
    data = render_docx(recorded_meeting(), public=True, template=io.BytesIO(internal))
    for name, blob in _parts(data).items():
        for secret in CLOSED_CONTENT:
            assert secret.encode() not in blob, f"{secret!r} leaked into {name}"


def test_unusable_template_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "ikke.docx"
    path.write_text("ikke en docx")
    with pytest.raises(InputError) as caught:
        render_docx(recorded_meeting(), template=path)
    assert str(path) in caught.value.message


def test_draft_marking_for_a_meeting_still_open() -> None:
    data = render_docx(recorded_meeting(status=MeetingStatus.OPEN))
    document = _read(data)
    texts = [p.text for p in document.paragraphs]
    assert texts[1] == "Referat – UDKAST"
    assert "Udkast: mødet er ikke afsluttet, og referatet er ikke endeligt." in texts
    assert not any(text.startswith("Mødet sluttede") for text in texts)
    assert document.sections[0].header.paragraphs[-1].text.endswith("UDKAST")
    assert document.core_properties.content_status == "UDKAST"


def test_bad_input_still_gives_a_valid_document() -> None:
    meeting = recorded_meeting()
    messy = meeting.items[5]
    # Bypass the model's cleaning: the exporter must cope on its own.
    messy.title = "Ti\x00tel\x1f med \ufffe styretegn"
    messy.sections.append(Section.model_construct(heading="Tom\x0b", text="a\x01b\n\n\nc"))
    data = render_docx(meeting, public=False)
    texts = _texts(data)
    assert "6a. Titel med  styretegn" in texts
    assert "ab" in texts and "c" in texts
    long_text = next(text for text in texts if text.startswith("ordet ordet"))
    assert len(long_text.split()) == 6000
    assert 'Tekst <med> & tegn "citat" og\ttab' in texts
    # Right-to-left paragraphs get a right-to-left paragraph direction.
    xml = _parts(data)["word/document.xml"].decode()
    rtl = xml[: xml.index("مرحبا بالعالم")].rsplit("<w:p>", 1)[1]
    assert "<w:bidi/>" in rtl
    assert "Ingen beslutning registreret." in texts


def test_empty_meeting() -> None:
    meeting = Meeting(body="Byrådet", starts_at=datetime(2025, 1, 6, 9, 0))
    texts = _texts(render_docx(meeting))
    assert "Dagsordenen har ingen punkter." in texts
    # Nobody to list and nobody to sign: no "Deltagere" heading, no signature page.
    assert "Deltagere" not in texts and "Underskriftsside" not in texts
    assert "Ingen kontrolsum (mødet er ikke gemt i en database)." in texts


def test_escape_helpers() -> None:
    assert xml_escape("a<b>&\x00c\ufffe") == "a&lt;b&gt;&amp;c"
    assert is_rtl("مرحبا world")
    assert not is_rtl("hello مرحبا")
    assert not is_rtl("123")


def test_registry_and_file_names() -> None:
    meeting = recorded_meeting()
    assert export(meeting, "docx")[:2] == b"PK"
    assert json.loads(export(meeting, "json"))["body"] == "Økonomiudvalget"
    assert default_filename(meeting, "docx") == "referat-økonomiudvalget-2017-01-03.docx"
    assert default_filename(meeting, "popolo", public=False).endswith("-internt.popolo.json")
    assert default_filename(meeting, "pdf") == "referat-økonomiudvalget-2017-01-03.pdf"
    with pytest.raises(InputError):
        export(meeting, "odt")


def test_python_docx_is_imported_only_when_exporting() -> None:
    code = (
        "import sys, meetingtui.exporters, meetingtui.exporters.referat, "
        "meetingtui.exporters.markdown, meetingtui.exporters.json_export, "
        "meetingtui.exporters.popolo, meetingtui.exporters.record_part;"
        "print('docx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=0, max_size=80),
    text=st.text(max_size=400),
    decision=st.text(max_size=80),
)
def test_any_text_gives_a_readable_document(title: str, text: str, decision: str) -> None:
    # model_construct skips the model's cleaning, as a record from an older version might.
    item = AgendaItem.model_construct(
        **AgendaItem(id=1, number="1", title="x").model_dump(),
    )
    item.title = title
    item.decision = decision
    item.sections = [Section.model_construct(heading=text[:20], text=text)]
    meeting = Meeting(
        body="Byrådet",
        starts_at=datetime(2024, 6, 3, 17, 0),
        status=MeetingStatus.CLOSED,
        items=[item],
    )
    document = _read(render_docx(meeting, public=False))
    assert document.paragraphs[0].text == "Referat"
    heading = next(
        p.text
        for p in document.paragraphs
        if p.style.name == "Heading 1" and p.text.startswith("1.")
    )
    assert heading.startswith("1. ")


def test_the_referat_states_when_the_meeting_really_ended() -> None:
    """A live meeting's planned end is not when it ended; its closing time is."""
    from datetime import datetime

    from meetingtui.exporters.referat import ended_at
    from meetingtui.models import DocumentKind, Meeting

    planned = Meeting(
        body="Økonomiudvalget",
        starts_at=datetime(2025, 3, 11, 16, 30),
        ends_at=datetime(2025, 3, 11, 19, 0),
    )
    assert ended_at(planned) is None
    closed = planned.model_copy(update={"closed_at": datetime(2025, 3, 11, 18, 40)})
    assert ended_at(closed) == datetime(2025, 3, 11, 18, 40)
    imported = planned.model_copy(update={"document_kind": DocumentKind.REFERAT})
    assert ended_at(imported) == datetime(2025, 3, 11, 19, 0)


def test_a_public_referat_imports_back_as_the_public_record(public: bytes) -> None:
    """The archive meets published referats: they read back exactly, closed items redacted."""
    from meetingtui import importers
    from meetingtui.exporters.json_export import meeting_from_json

    fmt, [meeting] = importers.parse(public)
    assert fmt == "meetingtui"
    expected = meeting_from_json(
        to_json_dict(recorded_meeting(), public=True, chain_head=CHAIN_HEAD)
    )
    # All but the id, which was the exporting database's: the archive gives its own.
    assert meeting == expected.model_copy(update={"id": None})
    assert [i.number for i in meeting.items] == [i.number for i in recorded_meeting().items]
