"""One item per file, imported in two runs: the archivist imports items 1-3 of a meeting, and
a week later item 4. The later file joins the meeting already in the archive, in number
order, through its own event; the same item again is already present; another text under the
same number is refused and changes nothing; a live meeting, another body, another day or
another kind of document is never joined. Item files are built in code (PDF, Word, text)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui import queries, service
from meetingtui.archive import FileStatus, ImportSummary, import_paths
from meetingtui.i18n import set_language
from meetingtui.item_join import ITEM_IMPORTED
from meetingtui.models import AgendaItem, Meeting
from meetingtui.storage import events, records
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.formats import Item, Part, Spec, as_docx, as_pdf, as_text
from tests.meetings import database_state, stored

WRITERS = {"pdf": as_pdf, "docx": as_docx, "txt": as_text}
JOINED = "tilføjet til mødet i Økonomiudvalget den 12. marts 2024"


def _item(number: int, title: str, decision: str = "Godkendt.", **spec: object) -> Spec:
    parts = [
        Part("Sagsfremstilling", [f"Administrationen forelægger sagen om {title.lower()}."]),
        Part("Beslutning", [decision], True),
    ]
    return Spec(items=[Item(str(number), title, f"24/{1000 + number}", parts)], **spec)  # type: ignore[arg-type]


def _write(folder: Path, name: str, spec: Spec) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(WRITERS[name.rsplit(".", 1)[1]](spec))
    return path


def _first_run(tmp_path: Path, db_path: Path, kind: str = "pdf") -> int:
    """Items 1, 2, 3 and 5 of the meeting imported together: one meeting."""
    folder = tmp_path / "uge1"
    for number, title in ((1, "Godkendelse af dagsorden"), (2, "Budgetopfølgning"),
                          (3, "Trafikplan"), (5, "Eventuelt")):  # fmt: skip
        _write(folder, f"punkt{number}.{kind}", _item(number, title))
    summary = import_paths(db_path, [folder], workers=1)
    assert [f.status for f in summary.files] == [FileStatus.IMPORTED] * 4
    [meeting_id] = {i for f in summary.files for i in f.meeting_ids}
    return meeting_id


def _by_name(summary: ImportSummary) -> dict[str, object]:
    return {Path(f.path).name: f for f in summary.files}


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
def test_an_item_file_imported_later_joins_its_meeting_in_number_order(
    kind: str, tmp_path: Path, db_path: Path
) -> None:
    meeting_id = _first_run(tmp_path, db_path, kind)
    later = _write(tmp_path / "uge2", f"punkt4.{kind}", _item(4, "Salg af byggegrund"))
    summary = import_paths(db_path, [later], workers=1)
    [result] = summary.files
    assert (result.status, result.meeting_ids, result.note) == (
        FileStatus.IMPORTED, [meeting_id], JOINED
    )  # fmt: skip
    conn = connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
        meeting = records.load_meeting(conn, meeting_id)
        assert [(i.number, i.title) for i in meeting.items] == [
            ("1", "Godkendelse af dagsorden"), ("2", "Budgetopfølgning"), ("3", "Trafikplan"),
            ("4", "Salg af byggegrund"), ("5", "Eventuelt"),
        ]  # fmt: skip
        added = meeting.items[3]
        assert (added.case_number, added.decision) == ("24/1004", "Godkendt.")
        assert added.sections[0].text == "Administrationen forelægger sagen om salg af byggegrund."
        assert meeting.source.endswith(f"punkt5.{kind}, punkt4.{kind}")
        # The addition is an event of its own, and the record is what the events say.
        assert [e.type for e in events.meeting_events(conn, meeting_id)] == [
            "meeting_imported", ITEM_IMPORTED
        ]  # fmt: skip
        assert verify(conn).ok
        hits = queries.search(conn, "byggegrund").hits
        assert [(h.meeting_id, h.number) for h in hits] == [(meeting_id, "4")]
    finally:
        conn.close()


def test_the_same_item_again_is_present_and_another_text_is_refused(
    tmp_path: Path, db_path: Path
) -> None:
    meeting_id = _first_run(tmp_path, db_path)
    week2 = tmp_path / "uge2"
    _write(week2, "punkt4.pdf", _item(4, "Salg af byggegrund"))
    assert import_paths(db_path, [week2], workers=1).imported == 1
    before = database_state(db_path)

    # The archivist imports the week's folder again, and a folder of all five items.
    again = import_paths(db_path, [week2], workers=1)
    assert [f.status for f in again.files] == [FileStatus.PRESENT]
    everything = tmp_path / "alle"
    for n, title in ((1, "Godkendelse af dagsorden"), (2, "Budgetopfølgning"), (3, "Trafikplan"),
                     (4, "Salg af byggegrund"), (5, "Eventuelt")):  # fmt: skip
        _write(everything, f"punkt{n}.pdf", _item(n, title))
    assert [f.status for f in import_paths(db_path, [everything], workers=1).files] == [
        FileStatus.PRESENT
    ] * 5
    # The same text in other bytes (saved again as a text file) is the same item too.
    assert (
        import_paths(
            db_path, [_write(tmp_path / "tekst", "punkt2.txt", _item(2, "Budgetopfølgning"))]
        )
        .files[0]
        .status
        is FileStatus.PRESENT
    )
    assert database_state(db_path) == before

    # Another decision under number 3: refused, in one line naming meeting and item.
    changed = _write(tmp_path / "rettet", "punkt3.pdf", _item(3, "Trafikplan", "Udsat."))
    [refused] = import_paths(db_path, [changed], workers=1).files
    assert refused.status is FileStatus.FAILED
    assert refused.reason == (
        "Punkt 3 findes allerede i mødet i Økonomiudvalget den 12. marts 2024 med en anden"
        " tekst; filen er ikke importeret, og mødet er uændret"
    )
    assert "\n" not in refused.reason
    set_language("en")
    try:
        [english] = import_paths(db_path, [changed], workers=1).files
    finally:
        set_language("da")
    assert english.reason == (
        "Item 3 is already in the meeting of Økonomiudvalget on 12 March 2024 with a different"
        " text; the file was not imported and the meeting is unchanged"
    )
    assert database_state(db_path) == before
    assert stored(db_path, meeting_id).items[2].decision == "Godkendt."


def test_a_later_item_beside_others_joins_and_a_refused_one_holds_nothing_back(
    tmp_path: Path, db_path: Path
) -> None:
    meeting_id = _first_run(tmp_path, db_path)
    folder = tmp_path / "uge2"
    _write(folder, "punkt3.pdf", _item(3, "Trafikplan", "Udsat."))
    _write(folder, "punkt4.pdf", _item(4, "Salg af byggegrund"))
    _write(folder, "punkt6.docx", _item(6, "Orientering"))
    results = _by_name(import_paths(db_path, [folder], workers=1))
    assert [(n, r.status) for n, r in results.items()] == [  # type: ignore[attr-defined]
        ("punkt3.pdf", FileStatus.FAILED),
        ("punkt4.pdf", FileStatus.IMPORTED),
        ("punkt6.docx", FileStatus.IMPORTED),
    ]
    numbers = [i.number for i in stored(db_path, meeting_id).items]
    assert numbers == ["1", "2", "3", "4", "5", "6"]


def test_never_a_live_meeting_another_body_day_or_kind(tmp_path: Path, db_path: Path) -> None:
    conn = connect(db_path)
    try:
        live = Meeting(
            body="Økonomiudvalget",
            starts_at=datetime(2024, 3, 12, 16, 30),
            items=[AgendaItem(id=1, number="1", title="Godkendelse af dagsorden")],
        )
        live_id = service.create_meeting(conn, live)
    finally:
        conn.close()
    live_before = stored(db_path, live_id)
    folder = tmp_path / "filer"
    _write(folder, "a-punkt4.pdf", _item(4, "Salg af byggegrund"))
    summary = import_paths(db_path, [folder], workers=1)
    [alone] = summary.files[0].meeting_ids
    assert alone != live_id and summary.files[0].note == ""
    assert stored(db_path, live_id) == live_before  # the live record is untouched

    home = _first_run(tmp_path, db_path)
    assert home == alone  # the first item file's meeting is imported: the others joined it
    others = tmp_path / "andre"
    _write(others, "b-andet-udvalg.pdf", _item(6, "Skolestruktur", body="Børne- og Skoleudvalget"))
    _write(others, "c-anden-dag.pdf", _item(6, "Skolestruktur", when=datetime(2024, 3, 19, 16, 30)))
    dagsorden = _item(6, "Skolestruktur")
    dagsorden.items[0].parts = dagsorden.items[0].parts[:1]  # no decision
    (others / "d-dagsorden.txt").write_bytes(as_text(dagsorden).replace(b"Referat", b"Dagsorden"))
    results = import_paths(db_path, [others], workers=1).files
    assert [r.status for r in results] == [FileStatus.IMPORTED] * 3
    assert [r.note for r in results] == ["", "", ""]
    made = [r.meeting_ids[0] for r in results]
    assert len(set(made)) == 3 and home not in made
    assert [i.number for i in stored(db_path, home).items] == ["1", "2", "3", "4", "5"]


def test_a_closed_item_added_later_stays_closed(tmp_path: Path, db_path: Path) -> None:
    from meetingtui.exporters import export

    meeting_id = _first_run(tmp_path, db_path)
    secret = "Køberen betaler 4,2 mio. kr. for grunden."
    closed = _item(4, "Lukket: Salg af byggegrund")
    closed.items[0].parts[0].lines = [secret]
    [result] = import_paths(db_path, [_write(tmp_path / "uge2", "punkt4.pdf", closed)]).files
    assert result.status is FileStatus.IMPORTED
    meeting = stored(db_path, meeting_id)
    added = meeting.items[3]
    assert (added.number, added.title, added.closed) == ("4", "Salg af byggegrund", True)
    public = export(meeting, "md", public=True).decode()
    assert "Salg af byggegrund" in public and secret not in public
    assert secret in export(meeting, "md", public=False).decode()

    # The same item published open later is another text: refused, the item stays closed.
    opened = _item(4, "Salg af byggegrund")
    opened.items[0].parts[0].lines = [secret]
    [refused] = import_paths(db_path, [_write(tmp_path / "uge3", "punkt4.pdf", opened)]).files
    assert refused.status is FileStatus.FAILED and "Punkt 4" in refused.reason
    assert stored(db_path, meeting_id).items[3].closed


def test_the_export_of_the_joined_meeting_has_the_item_in_order(
    tmp_path: Path, db_path: Path
) -> None:
    from meetingtui.exporters import export

    meeting_id = _first_run(tmp_path, db_path)
    import_paths(db_path, [_write(tmp_path / "uge2", "punkt4.pdf", _item(4, "Salg af byggegrund"))])
    meeting = stored(db_path, meeting_id)
    record = json.loads(export(meeting, "json", public=True))
    assert [(i["number"], i["title"]) for i in record["items"]] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budgetopfølgning"), ("3", "Trafikplan"),
        ("4", "Salg af byggegrund"), ("5", "Eventuelt"),
    ]  # fmt: skip
    referat = export(meeting, "md", public=True).decode()
    positions = [referat.index(t) for t in ("Trafikplan", "Salg af byggegrund", "Eventuelt")]
    assert positions == sorted(positions)


def test_undo_takes_the_added_item_back_and_it_can_be_imported_again(
    tmp_path: Path, db_path: Path
) -> None:
    meeting_id = _first_run(tmp_path, db_path)
    later = _write(tmp_path / "uge2", "punkt4.pdf", _item(4, "Salg af byggegrund"))
    import_paths(db_path, [later], workers=1)
    with service.MeetingService.open(db_path, meeting_id) as record:
        step = record.undo_step()
        assert step.description == "punkt 4, tilføjet fra en fil"
        record.undo(step.seq)
        assert [i.number for i in record.meeting.items] == ["1", "2", "3", "5"]
    conn = connect(db_path)
    try:
        assert verify(conn).ok
        assert queries.search(conn, "byggegrund").hits == []
    finally:
        conn.close()
    [again] = import_paths(db_path, [later], workers=1).files
    assert (again.status, again.note) == (FileStatus.IMPORTED, JOINED)
    assert [i.number for i in stored(db_path, meeting_id).items] == ["1", "2", "3", "4", "5"]


def test_the_import_command_says_where_the_file_went(tmp_path: Path, db_path: Path) -> None:
    from meetingtui.cli import main

    _first_run(tmp_path, db_path)
    later = _write(tmp_path / "uge2", "punkt4.pdf", _item(4, "Salg af byggegrund"))
    result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(later)])
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.stdout.splitlines() if "punkt4.pdf" in line]
    assert row.endswith(JOINED)
    assert "1 importeret, 0 fandtes allerede, 0 fejlede" in result.stdout


def test_the_same_file_is_present_even_when_it_reads_differently_today(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which file brought which item is in the events: a folder imported again after the
    importer learnt to read more of it is still "already present", never "another text"."""
    from meetingtui import importers

    meeting_id = _first_run(tmp_path, db_path)
    later = _write(tmp_path / "uge2", "punkt4.pdf", _item(4, "Salg af byggegrund"))
    import_paths(db_path, [later], workers=1)
    before = database_state(db_path)
    read = importers.import_bytes

    def newer_reader(data: bytes, *, source: str = "", models: bool = True) -> importers.Imported:
        result = read(data, source=source, models=models)
        for meeting in result.meetings:
            meeting.items[0].attachments.append("Bilag læst af en nyere version")
        return result

    monkeypatch.setattr(importers, "import_bytes", newer_reader)
    # Two files of the first run and the later one: not the first run's group as a whole.
    files = [tmp_path / "uge1" / "punkt2.pdf", tmp_path / "uge1" / "punkt3.pdf", later]
    statuses = [f.status for f in import_paths(db_path, files, workers=1).files]
    assert statuses == [FileStatus.PRESENT] * 3
    assert database_state(db_path) == before
    # A file never imported, whose text differs, is still refused.
    other = _write(tmp_path / "uge3", "punkt2.pdf", _item(2, "Budgetopfølgning", "Udsat."))
    assert import_paths(db_path, [other]).files[0].status is FileStatus.FAILED
    assert len(stored(db_path, meeting_id).items) == 5


def test_a_file_without_a_time_fitting_two_meetings_of_the_day_is_refused(
    tmp_path: Path, db_path: Path
) -> None:
    morning = _item(1, "Godkendelse af dagsorden", when=datetime(2024, 3, 12, 9, 0))
    afternoon = _item(1, "Godkendelse af dagsorden", when=datetime(2024, 3, 12, 16, 30))
    _write(tmp_path / "to", "formiddag-punkt1.pdf", morning)
    _write(tmp_path / "to", "eftermiddag-punkt1.pdf", afternoon)
    assert import_paths(db_path, [tmp_path / "to"], workers=1).imported == 2
    before = database_state(db_path)
    no_time = as_text(_item(2, "Budgetopfølgning")).replace(b" kl. 16.30", b"")
    (tmp_path / "punkt2.txt").write_bytes(no_time)
    [result] = import_paths(db_path, [tmp_path / "punkt2.txt"]).files
    assert (result.status, result.reason) == (
        FileStatus.FAILED,
        "Punkt 2 kan høre til 2 møder i Økonomiudvalget den 12. marts 2024, og filen angiver"
        " intet klokkeslæt; filen er ikke importeret",
    )
    assert database_state(db_path) == before
    # With its time, the file finds its meeting.
    timed = _write(tmp_path / "med-tid", "punkt2.pdf", _item(2, "Budgetopfølgning"))
    assert import_paths(db_path, [timed]).files[0].note == JOINED


def test_the_command_refuses_a_live_meeting_and_another_meeting(
    tmp_path: Path, db_path: Path
) -> None:
    from meetingtui import importers
    from meetingtui.errors import CommandRefused

    meeting_id = _first_run(tmp_path, db_path)
    _fmt, [parsed] = importers.parse(as_pdf(_item(4, "Salg af byggegrund")), source="p4.pdf")
    conn = connect(db_path)
    try:
        live_id = service.create_meeting(conn, parsed.model_copy(deep=True))
        before = database_state(db_path)
        with pytest.raises(CommandRefused, match="afviklet i programmet"):
            service.join_item(conn, live_id, parsed, content_hash="a" * 64)
        _fmt, [other] = importers.parse(
            as_pdf(_item(4, "Salg", body="Kultur- og Fritidsudvalget")), source="k.pdf"
        )
        with pytest.raises(CommandRefused, match="hører til mødet i Kultur- og Fritidsudvalget"):
            service.join_item(conn, meeting_id, other, content_hash="b" * 64)
        assert database_state(db_path) == before
        assert service.join_item(conn, meeting_id, parsed, content_hash="c" * 64) == "added"
        assert service.join_item(conn, meeting_id, parsed, content_hash="d" * 64) == "present"
    finally:
        conn.close()


async def test_the_archive_screen_says_the_file_was_added_to_its_meeting(
    tmp_path: Path, db_path: Path
) -> None:
    from meetingtui.screens.app import build_app
    from tests.meetings import FixedClock
    from tests.tui_support import import_in_archive

    _first_run(tmp_path, db_path)
    later = _write(tmp_path / "uge2", "punkt4.pdf", _item(4, "Salg af byggegrund"))
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        status = await import_in_archive(pilot, str(later))
        assert f"punkt4.pdf: {JOINED}" in status


def test_an_item_file_that_names_only_the_day_joins_the_meeting_of_that_day(
    tmp_path: Path, db_path: Path
) -> None:
    """ "Økonomiudvalget 12.03.2024, pkt. 4" over the item: the day, no time, no "Referat"."""
    from tests.docfixtures import make_pdf

    meeting_id = _first_run(tmp_path, db_path)
    lines = ["Økonomiudvalget 12.03.2024, pkt. 4", "**Salg af byggegrund", "Sagsnr.: 24/1004",
             "**Beslutning", "Godkendt."]  # fmt: skip
    (tmp_path / "pkt4.pdf").write_bytes(make_pdf([lines]))
    [result] = import_paths(db_path, [tmp_path / "pkt4.pdf"]).files
    assert (result.status, result.meeting_ids, result.note) == (
        FileStatus.IMPORTED, [meeting_id], JOINED
    )  # fmt: skip
    meeting = stored(db_path, meeting_id)
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4", "5"]
    assert (meeting.starts_at.hour, meeting.starts_at.minute) == (16, 30)  # kept as stated


def test_the_later_file_fills_in_what_the_meeting_lacked_and_replaces_nothing(
    tmp_path: Path, db_path: Path
) -> None:
    from tests.docfixtures import make_pdf

    folder = tmp_path / "uge1"
    folder.mkdir()
    for number, title in ((1, "Godkendelse af dagsorden"), (2, "Budgetopfølgning")):
        lines = [f"Økonomiudvalget 12.03.2024, pkt. {number}", f"**{title}",
                 f"Sagsnr.: 24/100{number}", "**Beslutning", "Godkendt."]  # fmt: skip
        (folder / f"pkt{number}.pdf").write_bytes(make_pdf([lines]))
    [meeting_id] = {i for f in import_paths(db_path, [folder]).files for i in f.meeting_ids}
    before = stored(db_path, meeting_id)
    assert (before.starts_at.hour, before.location, before.participants) == (0, "", [])
    later = (
        as_text(_item(3, "Trafikplan"))
        .decode()
        .replace(
            "Mødelokale 2",
            "Mødelokale 2\nDeltagere: Anne Holm (A), Bo Berg (V)\nAfbud: Carl Dam (F)",
        )
    )
    (tmp_path / "punkt3.txt").write_text(later, encoding="utf-8")
    assert import_paths(db_path, [tmp_path / "punkt3.txt"]).files[0].note == JOINED
    after = stored(db_path, meeting_id)
    assert (after.starts_at, after.location) == (datetime(2024, 3, 12, 16, 30), "Mødelokale 2")
    assert [(p.name, p.affiliation, p.attendance.value) for p in after.participants] == [
        ("Anne Holm", "A", "present"), ("Bo Berg", "V", "present"), ("Carl Dam", "F", "afbud")
    ]  # fmt: skip
    assert [i.model_dump() for i in after.items[:2]] == [i.model_dump() for i in before.items]
    conn = connect(db_path)
    try:
        assert verify(conn).ok
    finally:
        conn.close()
