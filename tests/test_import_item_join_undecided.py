"""An item published as a file of its own that names no kind of document ("Referat",
"Dagsorden") and holds no decision reads as a dagsorden; yet when the archive holds the
referat of its meeting (same body, day and time) it is an item that referat left undecided
(postponed, or its decision field left empty), and it joins it. It never takes the place of an
item the referat decided (refused in one line, nothing changed), never joins a live meeting,
and a file that calls itself a dagsorden never joins a referat. Files built in code (PDF, Word,
text)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import docx
import pytest

from meetingtui import service
from meetingtui.archive import FileStatus, import_paths
from meetingtui.i18n import set_language
from meetingtui.models import AgendaItem, DocumentKind, ItemStatus, Meeting
from meetingtui.storage import records
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from tests.docfixtures import make_pdf
from tests.formats import Item, Part, Spec, as_pdf
from tests.meetings import database_state, stored

JOINED = "tilføjet til mødet i Økonomiudvalget den 12. marts 2024"
TITLES = {1: "Godkendelse af dagsorden", 2: "Budgetopfølgning", 3: "Trafikplan", 5: "Eventuelt"}


def _referat(tmp_path: Path, db_path: Path) -> int:
    """The referat of items 1, 2, 3 and 5, one file holding them all."""
    parts = [Part("Sagsfremstilling", ["Sagen forelægges."]), Part("Beslutning", ["Godkendt."])]
    spec = Spec(items=[Item(str(n), t, f"24/{1000 + n}", parts) for n, t in TITLES.items()])
    path = tmp_path / "referat.pdf"
    path.write_bytes(as_pdf(spec))
    [result] = import_paths(db_path, [path], workers=1).files
    assert result.status is FileStatus.IMPORTED
    return result.meeting_ids[0]


def _item_file(
    folder: Path, kind: str, number: int, title: str, *, tail: list[str], word: str = ""
) -> Path:
    """A one-item file: the body, the day and place, the item; `word` names the document
    ("Dagsorden") when given."""
    lines = [*([word] if word else []), "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
             "Mødelokale 2", f"{number}. {title}", f"Sagsnr.: 24/{1000 + number}",
             "Sagsfremstilling", f"Administrationen forelægger sagen om {title.lower()}.",
             "Indstilling", "Forvaltningen indstiller,", "at sagen godkendes.", *tail]  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"punkt{number}.{kind}"
    if kind == "pdf":
        path.write_bytes(make_pdf([[f"**{x}" if x in (f"{number}. {title}", "Beslutning") else x
                                    for x in lines]]))  # fmt: skip
    elif kind == "docx":
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        out = io.BytesIO()
        document.save(out)
        path.write_bytes(out.getvalue())
    else:
        path.write_text("\n".join(lines))
    return path


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
@pytest.mark.parametrize("tail", [[], ["Beslutning"]], ids=["no decision", "empty decision"])
def test_an_undecided_item_naming_no_kind_joins_the_referat_of_its_meeting(
    kind: str, tail: list[str], tmp_path: Path, db_path: Path
) -> None:
    referat = _referat(tmp_path, db_path)
    path = _item_file(tmp_path / "senere", kind, 4, "Salg af byggegrund", tail=tail)
    [result] = import_paths(db_path, [path], workers=1).files
    assert (result.status, result.meeting_ids, result.note) == (
        FileStatus.IMPORTED, [referat], JOINED
    )  # fmt: skip
    meeting = stored(db_path, referat)
    assert meeting.document_kind is DocumentKind.REFERAT
    assert [(i.number, i.decision) for i in meeting.items] == [
        ("1", "Godkendt."), ("2", "Godkendt."), ("3", "Godkendt."), ("4", ""), ("5", "Godkendt."),
    ]  # fmt: skip
    assert meeting.items[3].status is ItemStatus.PENDING
    conn = connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
        assert verify(conn).ok
    finally:
        conn.close()


def test_a_postponed_item_file_joins_the_referat_as_postponed(
    tmp_path: Path, db_path: Path
) -> None:
    referat = _referat(tmp_path, db_path)
    path = _item_file(tmp_path / "senere", "pdf", 4, "Salg af byggegrund",
                      tail=["Beslutning", "Udsat."])  # fmt: skip
    [result] = import_paths(db_path, [path], workers=1).files
    assert (result.status, result.meeting_ids) == (FileStatus.IMPORTED, [referat])
    assert stored(db_path, referat).items[3].status is ItemStatus.POSTPONED


def test_it_never_takes_the_place_of_an_item_the_referat_decided(
    tmp_path: Path, db_path: Path
) -> None:
    _referat(tmp_path, db_path)
    before = database_state(db_path)
    path = _item_file(tmp_path / "dagsorden", "pdf", 3, "Trafikplan", tail=[])
    [refused] = import_paths(db_path, [path], workers=1).files
    assert refused.status is FileStatus.FAILED
    assert refused.reason == (
        "Punkt 3 er besluttet i referatet af mødet i Økonomiudvalget den 12. marts 2024; en fil"
        " uden beslutning erstatter det ikke; filen er ikke importeret, og mødet er uændret"
    )
    set_language("en")
    try:
        [english] = import_paths(db_path, [path], workers=1).files
    finally:
        set_language("da")
    assert english.reason == (
        "Item 3 is decided in the referat of the meeting of Økonomiudvalget on 12 March 2024; a"
        " file without a decision does not replace it; the file was not imported and the"
        " meeting is unchanged"
    )
    assert database_state(db_path) == before


def test_a_file_calling_itself_a_dagsorden_and_a_live_meeting_are_never_joined(
    tmp_path: Path, db_path: Path
) -> None:
    referat = _referat(tmp_path, db_path)
    named = _item_file(tmp_path / "a", "txt", 4, "Salg af byggegrund", tail=[], word="Dagsorden")
    [result] = import_paths(db_path, [named], workers=1).files
    assert result.status is FileStatus.IMPORTED and result.meeting_ids != [referat]
    assert len(stored(db_path, referat).items) == 4

    conn = connect(db_path)
    try:
        live = Meeting(
            body="Teknik- og Miljøudvalget",
            starts_at=datetime(2024, 3, 12, 16, 30),
            items=[AgendaItem(id=1, number="1", title="Godkendelse af dagsorden")],
        )
        live_id = service.create_meeting(conn, live)
    finally:
        conn.close()
    live_before = stored(db_path, live_id)
    other = _item_file(tmp_path / "b", "txt", 4, "Vejbelysning", tail=[])
    other.write_text(other.read_text().replace("Økonomiudvalget", "Teknik- og Miljøudvalget"))
    [alone] = import_paths(db_path, [other], workers=1).files
    assert alone.status is FileStatus.IMPORTED and alone.meeting_ids != [live_id]
    assert alone.note == ""
    assert stored(db_path, live_id) == live_before


def test_a_dagsorden_of_the_meeting_in_the_archive_is_its_home_first(
    tmp_path: Path, db_path: Path
) -> None:
    """The archive holds the meeting's referat and its dagsorden: an undecided file that
    names no kind goes with the dagsorden, as it always did."""
    referat = _referat(tmp_path, db_path)
    agenda = _item_file(tmp_path / "a", "txt", 1, "Godkendelse af dagsorden", tail=[],
                        word="Dagsorden")  # fmt: skip
    [agenda_file] = import_paths(db_path, [agenda], workers=1).files
    path = _item_file(tmp_path / "b", "pdf", 4, "Salg af byggegrund", tail=[])
    [result] = import_paths(db_path, [path], workers=1).files
    assert result.meeting_ids == agenda_file.meeting_ids != [referat]
    assert [i.number for i in stored(db_path, agenda_file.meeting_ids[0]).items] == ["1", "4"]


def _kinds(db_path: Path) -> list[tuple[DocumentKind, list[tuple[str, str]]]]:
    conn = connect(db_path)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM meetings ORDER BY id")]
        meetings = [records.load_meeting(conn, i) for i in ids]
    finally:
        conn.close()
    return [(m.document_kind, [(i.number, i.decision) for i in m.items]) for m in meetings]


def test_in_one_run_a_dagsorden_file_never_takes_the_place_of_the_referats_item(
    tmp_path: Path, db_path: Path
) -> None:
    """The folder holds item 3 as the dagsorden published it (named first) and items 3 and 4
    of the referat: the referat keeps its decision, and the dagsorden is a meeting of its own."""
    folder = tmp_path / "mappe"
    first = _item_file(folder, "txt", 3, "Trafikplan", tail=[], word="Dagsorden")
    first.rename(folder / "a-dagsorden-punkt3.txt")
    for n, title in ((3, "Trafikplan"), (4, "Salg af byggegrund")):
        path = _item_file(folder, "pdf", n, title, tail=["Beslutning", "Godkendt."], word="Referat")
        path.rename(folder / f"b-referat-punkt{n}.pdf")
    results = import_paths(db_path, [folder], workers=1).files
    assert [r.status for r in results] == [FileStatus.IMPORTED] * 3
    assert _kinds(db_path) == [
        (DocumentKind.DAGSORDEN, [("3", "")]),
        (DocumentKind.REFERAT, [("3", "Godkendt."), ("4", "Godkendt.")]),
    ]


def test_in_one_run_an_undecided_file_naming_no_kind_joins_the_referat_or_is_refused(
    tmp_path: Path, db_path: Path
) -> None:
    """Named first, an undecided item 3 that names no kind is refused (the referat decides
    item 3) and an undecided item 5 joins the referat of items 3 and 4."""
    folder = tmp_path / "mappe"
    _item_file(folder, "txt", 3, "Trafikplan", tail=[]).rename(folder / "a-punkt3.txt")
    _item_file(folder, "docx", 5, "Eventuelt", tail=[]).rename(folder / "a-punkt5.docx")
    for n, title in ((3, "Trafikplan"), (4, "Salg af byggegrund")):
        path = _item_file(folder, "pdf", n, title, tail=["Beslutning", "Godkendt."], word="Referat")
        path.rename(folder / f"b-referat-punkt{n}.pdf")
    results = {Path(r.path).name: r for r in import_paths(db_path, [folder], workers=1).files}
    assert results["a-punkt3.txt"].status is FileStatus.FAILED
    assert results["a-punkt3.txt"].reason.startswith("Punkt 3 er besluttet i referatet")
    assert [results[n].status for n in ("a-punkt5.docx", "b-referat-punkt3.pdf")] == [
        FileStatus.IMPORTED
    ] * 2
    assert _kinds(db_path) == [
        (DocumentKind.REFERAT, [("3", "Godkendt."), ("4", "Godkendt."), ("5", "")]),
    ]


def test_the_decided_file_of_an_item_a_file_added_undecided_takes_its_place(
    tmp_path: Path, db_path: Path
) -> None:
    """Item 4 came first as a file without a decision and joined the referat undecided; its
    file with the decision arrives later: it takes the undecided item's place (not refused as
    "another text"), at the same place, and the record replays and undoes as any other."""
    referat = _referat(tmp_path, db_path)
    undecided = _item_file(tmp_path / "uge1", "pdf", 4, "Salg af byggegrund", tail=[])
    [first] = import_paths(db_path, [undecided], workers=1).files
    assert first.status is FileStatus.IMPORTED
    decided = _item_file(tmp_path / "uge2", "pdf", 4, "Salg af byggegrund",
                         tail=["Beslutning", "Godkendt med 5 stemmer."], word="Referat")  # fmt: skip
    [second] = import_paths(db_path, [decided], workers=1).files
    assert (second.status, second.meeting_ids) == (FileStatus.IMPORTED, [referat])
    assert (
        second.note
        == JOINED + " i stedet for pkt. 4 uden beslutning, som en tidligere fil tilføjede"
    )
    meeting = stored(db_path, referat)
    assert [(i.number, i.decision) for i in meeting.items] == [
        ("1", "Godkendt."), ("2", "Godkendt."), ("3", "Godkendt."),
        ("4", "Godkendt med 5 stemmer."), ("5", "Godkendt."),
    ]  # fmt: skip
    conn = connect(db_path)
    try:
        assert verify(conn).ok
    finally:
        conn.close()
    # Imported again, the same file is present; undone, the undecided item is back.
    [again] = import_paths(db_path, [decided], workers=1).files
    assert again.status is FileStatus.PRESENT
    with service.MeetingService.open(db_path, referat) as opened:
        opened.undo()
    assert [(i.number, i.decision) for i in stored(db_path, referat).items][3] == ("4", "")


def test_an_undecided_item_of_the_referat_itself_is_never_replaced_by_a_file(
    tmp_path: Path, db_path: Path
) -> None:
    """The referat left item 3 without a decision: a file saying otherwise disagrees with the
    referat and is refused, as a file with another title for a joined item 4 is."""
    parts = [Part("Sagsfremstilling", ["Sagen forelægges."]), Part("Beslutning", [])]
    spec = Spec(items=[Item("3", "Trafikplan", "24/1003", parts)])
    path = tmp_path / "referat.pdf"
    path.write_bytes(as_pdf(spec))
    [stored_referat] = import_paths(db_path, [path], workers=1).files
    assert stored_referat.status is FileStatus.IMPORTED
    _item_file(tmp_path / "a", "pdf", 4, "Salg af byggegrund", tail=[])
    assert import_paths(db_path, [tmp_path / "a"], workers=1).files[0].status is FileStatus.IMPORTED
    before = database_state(db_path)
    decided = [
        _item_file(tmp_path / "b", "pdf", 3, "Trafikplan", tail=["Beslutning", "Godkendt."],
                   word="Referat"),
        _item_file(tmp_path / "c", "pdf", 4, "Salg af grunden ved skolen",
                   tail=["Beslutning", "Godkendt."], word="Referat"),
    ]  # fmt: skip
    results = import_paths(db_path, decided, workers=1).files
    assert [r.status for r in results] == [FileStatus.FAILED] * 2
    assert all("med en anden tekst" in r.reason for r in results)
    assert database_state(db_path) == before
