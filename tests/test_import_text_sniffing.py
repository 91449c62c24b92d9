"""A plain-text referat whose only case and decision labels are "Sags nr." and "Afgørelse" is
recognised by its item structure; a text file that is no meeting is still refused with a clear
message and nothing stored. Files built in code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.archive import FileStatus, import_paths
from meetingtui.errors import InputError
from meetingtui.storage.db import connect
from tests.meetings import stored

HEADERS = {
    "referat": ["Referat", "Økonomiudvalget", "tirsdag den 12. marts 2024 kl. 16.30",
                "Byrådssalen"],
    "no-word": ["Økonomiudvalget", "Møde den 12.03.2024 kl. 16.30", "Mødested: Byrådssalen"],
    "labelled": ["Udvalg: Økonomiudvalget", "Mødedato: 12-03-2024", "Mødetidspunkt: kl. 16:30",
                 "Mødested: Byrådssalen"],
}  # fmt: skip
HEADINGS = ["{n}. {title}", "Ad pkt. {n}: {title}", "Punkt {n} - {title}"]
LABELS = ["Sags nr. {}", "Sags nr.: {}"]
DECISION_HEADS = ["Afgørelse", "Afgørelse:"]
ITEMS = [("Godkendelse af dagsorden", "Godkendt."), ("Salg af grund ved Havnevej", "Anbefales."),
         ("Vejbelysning i Nørreby", "Taget til efterretning.")]  # fmt: skip


def _referat(header: str, heading: str, label: str, decision: str, *, items: int = 3) -> bytes:
    lines = list(HEADERS[header])
    for n, (title, decided) in enumerate(ITEMS[:items], start=1):
        lines += [heading.format(n=n, title=title), label.format(f"24/{1000 + n}"), "Resumé",
                  "Sagen forelægges for udvalget.", decision, decided]  # fmt: skip
    return "\n".join(lines).encode()


@pytest.mark.parametrize("header", sorted(HEADERS))
@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("decision", DECISION_HEADS)
def test_a_text_referat_labelled_only_sags_nr_and_afgoerelse_is_imported(
    header: str, heading: str, label: str, decision: str
) -> None:
    fmt, [meeting] = importers.parse(_referat(header, heading, label, decision), source="r.txt")
    assert fmt == "text-referat"
    assert (meeting.body, meeting.starts_at, meeting.location) == (
        "Økonomiudvalget", datetime(2024, 3, 12, 16, 30), "Byrådssalen"
    )  # fmt: skip
    assert [(i.number, i.title, i.case_number, i.decision) for i in meeting.items] == [
        (str(n), title, f"24/{1000 + n}", decided)
        for n, (title, decided) in enumerate(ITEMS, start=1)
    ]


def test_one_item_is_enough_under_the_word_referat() -> None:
    data = _referat("referat", "{n}. {title}", "Sags nr. {}", "Afgørelse", items=1)
    _fmt, [meeting] = importers.parse(data, source="r.txt")
    assert [(i.title, i.decision) for i in meeting.items] == [ITEMS[0]]


def test_windows_line_ends_and_a_legacy_encoding() -> None:
    data = _referat("no-word", "{n}. {title}", "Sags nr.: {}", "Afgørelse:")
    text = data.decode().replace("\n", "\r\n").encode("cp1252")
    _fmt, [meeting] = importers.parse(text, source="r.txt")
    assert [i.decision for i in meeting.items] == [d for _t, d in ITEMS]


NOT_MEETINGS = {
    # An afgørelse sent to a citizen: the labels, and numbered conditions that are no items.
    "letter.txt": "\n".join([
        "Kære Bo Hansen", "Sags nr.: 24/1001", "Afgørelse",
        "Du får hermed tilladelse til at bygge en carport på følgende vilkår:",
        "1. Der skal etableres to parkeringspladser.", "2. Taget skal være rødt.",
        "3. Byggeriet skal være færdigt inden 1. maj 2025.", "Med venlig hilsen",
        "Teknik og Miljø",
    ]),
    "list.txt": "Indkøb\n1. Mælk\n2. Brød\n3. Smør\n",
    "notes.txt": "\n".join([
        "Referat af telefonsamtale", "1. Bo Hansen ringede om sin sag.",
        "2. Han får svar i næste uge.", "Afgørelse følger.",
    ]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(NOT_MEETINGS))
def test_a_text_file_that_is_no_meeting_is_refused_clearly(name: str) -> None:
    with pytest.raises(InputError) as caught:
        importers.parse(NOT_MEETINGS[name].encode(), source=name)
    assert caught.value.message


def _count(db: Path, table: str) -> int:
    conn = connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_the_archive_imports_the_referat_and_stores_nothing_of_the_others(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "filer"
    folder.mkdir()
    (folder / "referat.txt").write_bytes(
        _referat("referat", "{n}. {title}", "Sags nr. {}", "Afgørelse")
    )
    for name, text in NOT_MEETINGS.items():
        (folder / name).write_text(text, encoding="utf-8")
    summary = import_paths(db_path, [folder], workers=1)
    assert len(summary.files) == 1 + len(NOT_MEETINGS)
    results = {Path(r.path).name: r for r in summary.files}
    assert results["referat.txt"].status is FileStatus.IMPORTED
    meeting = stored(db_path, results["referat.txt"].meeting_ids[0])
    assert [i.decision for i in meeting.items] == [d for _t, d in ITEMS]
    for name in NOT_MEETINGS:
        assert results[name].status is FileStatus.FAILED, name
        assert results[name].reason and "\n" not in results[name].reason
    assert (_count(db_path, "meetings"), _count(db_path, "items")) == (1, 3)
