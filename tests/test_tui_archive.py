"""The archive in the TUI: browse by committee and year, search with filters and highlighted
snippets, open an archived meeting to read, the case history from a result. Pilot tests and
snapshots (60×20, 80×24 and 100×30)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static, Tree

from meetingtui import service
from meetingtui.keymap import UiConfig
from meetingtui.models import (
    AgendaItem,
    DecisionEntry,
    DocumentKind,
    Meeting,
    Participant,
    Section,
)
from meetingtui.screens.app import MeetingApp, build_app
from meetingtui.screens.archive import ArchiveScreen
from meetingtui.screens.archived_meeting import ArchivedMeetingScreen
from meetingtui.screens.dialogs import TextDialog
from meetingtui.storage.db import connect
from meetingtui.vocabulary import Attendance
from tests import databases
from tests.meetings import FixedClock
from tests.tui_support import type_text


def _item(n: int, title: str, case: str, text: str, decision: str, **extra: object) -> AgendaItem:
    return AgendaItem(id=n, number=str(n), title=title, case_number=case,
                      sections=[Section(heading="Sagsfremstilling", text=text)],
                      decision=decision, **extra)  # type: ignore[arg-type]  # fmt: skip


def _archive() -> list[Meeting]:
    members = [
        Participant(id=1, name="Bo Hilsted", affiliation="A", attendance=Attendance.PRESENT),
        Participant(id=2, name="Anne Møller", affiliation="V", attendance=Attendance.PRESENT),
        Participant(id=3, name="Karen Holm", affiliation="C", attendance=Attendance.AFBUD),
    ]
    return [
        Meeting(
            body="Teknik- og Miljøudvalget",
            starts_at=datetime(2023, 9, 5, 16, 0),
            document_kind=DocumentKind.REFERAT,
            location="Mødelokale 2",
            participants=members,
            items=[
                _item(1, "Godkendelse af dagsorden", "", "", "Godkendt."),
                _item(
                    2,
                    "Forslag til lokalplan 1204 for Trige Syd",
                    "23-014470",
                    "Lokalplanen giver mulighed for 120 boliger ved Trige Syd.",
                    "Anbefales.",
                    recommendation="Administrationen indstiller, at forslaget sendes i høring.",
                ),
                _item(
                    3,
                    "Vintertjeneste 2023-24",
                    "23-009001",
                    "Orientering om beredskabet og saltlagrene.",
                    "Taget til efterretning.",
                ),
            ],
        ),
        Meeting(
            body="Byrådet",
            starts_at=datetime(2023, 9, 27, 18, 0),
            document_kind=DocumentKind.REFERAT,
            items=[
                _item(
                    12,
                    "Lokalplan 1204 for Trige Syd, endelig vedtagelse",
                    "23-014470",
                    "Lokalplanerne har været i offentlig høring i otte uger.",
                    "Godkendt.",
                    decision_history=[
                        DecisionEntry(
                            body="Teknik- og Miljøudvalget", date="05-09-2023", text="Anbefales."
                        ),
                        DecisionEntry(body="Byrådet", date="27-09-2023", text="Godkendt."),
                    ],
                ),
            ],
        ),
        Meeting(
            body="Byrådet",
            starts_at=datetime(2021, 3, 24, 18, 0),
            document_kind=DocumentKind.DAGSORDEN,
            items=[
                _item(
                    4,
                    "Lokalplan 1100 for Lystrup",
                    "21-000415",
                    "Lokalplanen omfatter 40 rækkehuse.",
                    "",
                ),
            ],
        ),
    ]


def _import_archive(db_path: Path) -> None:
    conn = connect(db_path)
    for n, meeting in enumerate(_archive()):
        service.import_meeting(conn, meeting, content_hash=f"m{n}")
    conn.close()


@pytest.fixture
def archive_db(db_path: Path) -> Path:
    """The archive imported once per run and copied (tests/databases.py)."""
    databases.built_once("archive", db_path, _import_archive)
    return db_path


def _app(db_path: Path, theme: str = "light") -> MeetingApp:
    return build_app(db_path, config=UiConfig(theme=theme), clock=FixedClock())


def _text(widget: Static) -> str:
    return str(widget.render())


def _cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def _to_archive(pilot: object, app: MeetingApp) -> ArchiveScreen:
    await pilot.press("a")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ArchiveScreen)
    return app.screen


async def _search_for(pilot: Pilot[None], words: str) -> None:
    """Open the search field, type `words` in one burst (tests/tui_support.py), search."""
    await pilot.press("slash")
    await type_text(pilot, words)
    await pilot.press("enter")


async def test_browse_by_committee_and_year_then_read_a_meeting(archive_db: Path) -> None:
    app = _app(archive_db)
    async with app.run_test(size=(100, 30)) as pilot:
        archive = await _to_archive(pilot, app)
        tree = archive.query_one("#archive-tree", Tree)
        assert [str(n.label) for n in tree.root.children] == [
            "Byrådet (2)",
            "Teknik- og Miljøudvalget (1)",
        ]
        assert [str(n.label) for n in tree.root.children[0].children] == [
            "2023 (1 møde)",
            "2021 (1 møde)",
        ]
        # Open "Teknik- og Miljøudvalget", then 2023: its meeting appears; moving onto it lists
        # the meeting's items.
        await pilot.press("down", "enter", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert str(tree.cursor_node.label) == "05.09.2023 referat (3)"
        table = archive.query_one("#hits", DataTable)
        assert [row[0] for row in _cells(table)] == [
            "1. Godkendelse af dagsorden",
            "2. Forslag til lokalplan 1204 for Trige Syd",
            "3. Vintertjeneste 2023-24",
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArchivedMeetingScreen)
        header = _text(app.screen.query_one("#archived-header", Static))
        assert "Teknik- og Miljøudvalget" in header and "(skrivebeskyttet)" in header
        assert "Til stede: Bo Hilsted, Anne Møller" in header and "Karen Holm" in header
        await pilot.press("down")
        await pilot.pause()
        item = _text(app.screen.query_one("#archived-item", Static))
        assert "Lokalplanen giver mulighed for 120 boliger" in item
        assert "Indstilling" in item and "Anbefales." in item
        # Case history of the item across meetings.
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        history = str(app.screen.text)
        assert history.index("Teknik- og Miljøudvalget") < history.index("Byrådet")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is archive


async def test_search_with_body_and_date_filters_and_highlighted_snippets(
    archive_db: Path,
) -> None:
    app = _app(archive_db)
    async with app.run_test(size=(100, 30)) as pilot:
        archive = await _to_archive(pilot, app)
        await _search_for(pilot, "lokalplan")
        await pilot.pause()
        table = archive.query_one("#hits", DataTable)
        dates = [row[0] for row in _cells(table)]
        assert sorted(dates) == ["05.09.2023", "24.03.2021", "27.09.2023"]
        # The inflected form in the snippet is marked, without the private markers.
        snippet = table.get_row_at(dates.index("27.09.2023"))[3]
        assert "Lokalplanerne har været" in str(snippet) and "\x02" not in str(snippet)
        assert any(
            "bold" in str(span.style) and str(snippet)[span.start : span.end] == "Lokalplanerne"
            for span in snippet.spans
        )
        archive.query_one("#archive-body", Select).value = "Byrådet"
        await pilot.pause()
        assert [row[1] for row in _cells(table)] == ["Byrådet", "Byrådet"]
        archive.query_one("#archive-from", Input).value = "1. januar 2022"
        archive.query_one("#archive-query", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [row[0] for row in _cells(table)] == ["27.09.2023"]
        status = _text(archive.query_one("#archive-status", Static))
        assert status.startswith("1 fund.") and "Sagsnr. 23-014470: h viser" in status
        # Case history from the result, then the meeting opened at that item.
        table.focus()
        await pilot.press("h")
        await pilot.pause()
        detail = _text(archive.query_one("#archive-detail", Static))
        assert "Sag 23-014470" in detail and "Anbefales." in detail and "Godkendt." in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArchivedMeetingScreen)
        assert "Lokalplanerne har været" in _text(app.screen.query_one("#archived-item", Static))


async def test_a_bad_date_or_a_hostile_query_is_one_line_and_changes_nothing(
    archive_db: Path,
) -> None:
    app = _app(archive_db)
    async with app.run_test(size=(100, 30)) as pilot:
        archive = await _to_archive(pilot, app)
        archive.query_one("#archive-to", Input).value = "sidste tirsdag"
        await _search_for(pilot, "lokalplan")
        await pilot.pause()
        assert _text(archive.query_one("#archive-status", Static)) == (
            "⚠ Ugyldig dato: sidste tirsdag"
        )
        archive.query_one("#archive-to", Input).value = ""
        archive.run_search(" OR ".join(["lokalplan"] * 200) + ' NEAR( "')
        await pilot.pause()
        status = _text(archive.query_one("#archive-status", Static))
        assert status.startswith("3 fund.") and "forkortet til de første" in status


async def test_dates_read_the_danish_way_and_are_typed_either_way(archive_db: Path) -> None:
    app = _app(archive_db)
    async with app.run_test(size=(100, 30)) as pilot:
        archive = await _to_archive(pilot, app)
        await _search_for(pilot, "lokalplan")
        await pilot.pause()
        table = archive.query_one("#hits", DataTable)
        # A date filter typed the Danish way or the ISO way finds the same meetings.
        found = []
        for typed in ("05.09.2023", "2023-09-05"):
            archive.query_one("#archive-from", Input).value = typed
            archive.query_one("#archive-to", Input).value = typed
            archive.run_search("lokalplan")
            await pilot.pause()
            found.append([row[:2] for row in _cells(table)])
        assert found == [[["05.09.2023", "Teknik- og Miljøudvalget"]]] * 2
        # The case history names each meeting by its date, as the list does.
        table.focus()
        await pilot.press("h")
        await pilot.pause()
        detail = _text(archive.query_one("#archive-detail", Static))
        assert "05.09.2023  Teknik- og Miljøudvalget" in detail
        assert "27.09.2023  Byrådet" in detail
        # The meeting read from the archive: its date in the header, the earlier decisions
        # under the dates the document wrote ("05-09-2023") in the same form.
        archive.query_one("#archive-from", Input).value = ""
        archive.query_one("#archive-to", Input).value = ""
        archive.run_search("endelig vedtagelse")
        await pilot.pause()
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArchivedMeetingScreen)
        assert "Byrådet · 27.09.2023 kl. 18.00" in _text(
            app.screen.query_one("#archived-header", Static)
        )
        item = _text(app.screen.query_one("#archived-item", Static))
        assert "Beslutning Teknik- og Miljøudvalget 05.09.2023" in item
        assert "2023-09" not in item and "05-09-2023" not in item


async def test_in_english_the_archive_writes_dates_in_words(archive_db: Path) -> None:
    app = build_app(archive_db, lang="en", config=UiConfig(theme="light"), clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        archive = await _to_archive(pilot, app)
        await pilot.press("down", "enter", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        tree = archive.query_one("#archive-tree", Tree)
        assert str(tree.cursor_node.label).startswith("5 Sep 2023 ")
        await _search_for(pilot, "lokalplan")
        await pilot.pause()
        table = archive.query_one("#hits", DataTable)
        dates = sorted(row[0] for row in _cells(table))
        assert dates == ["24 Mar 2021", "27 Sep 2023", "5 Sep 2023"]
        # The column is as wide as the longest English date: none is cut.
        assert table.columns["when"].width >= len("28 Sep 2023")


# name: terminal size, the words searched for (None: no search), then the keys pressed.
async def test_a_small_window_keeps_the_hits_in_sight(archive_db: Path) -> None:
    """At 60×20 with the case history open, the frames of the filter fields and ten rows of
    history left no row for the hits, and the snippet had no column; a window made wider gets
    the columns again, on the same row, the history still open."""
    app = _app(archive_db)
    async with app.run_test(size=(60, 20)) as pilot:
        archive = await _to_archive(pilot, app)
        await _search_for(pilot, "lokalplan")
        await pilot.pause()
        await pilot.press("down", "h")
        await pilot.pause()
        table = archive.query_one("#hits", DataTable)
        assert archive.query_one("#archive-detail", Static).display
        assert table.size.height >= 4  # the header and the three hits
        query = archive.query_one("#archive-query", Input)
        assert query.size.width >= 15 and query.region.height == 1  # no frame
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert widths["snippet"] >= 15
        assert sum(widths.values()) + 2 * len(widths) <= 58
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert widths["item"] == 24 and widths["snippet"] > 40
        assert table.cursor_row == 1
        assert archive.query_one("#archive-detail", Static).display
        assert query.region.height == 3  # framed again when there is room


SNAPSHOTS: dict[str, tuple[tuple[int, int], str | None, tuple[str, ...]]] = {
    "browse-80x24": ((80, 24), None, ("a", "down", "enter", "down", "down", "enter", "down")),
    "browse-100x30": ((100, 30), None, ("a", "enter", "down", "enter", "down")),
    "search-80x24": ((80, 24), "lokalplan", ()),
    "search-case-100x30": ((100, 30), "lokalplan", ("h",)),
    "search-case-60x20": ((60, 20), "lokalplan", ("h",)),
    "meeting-80x24": ((80, 24), "lokalplan", ("enter",)),
}


@pytest.mark.parametrize("name", list(SNAPSHOTS))
def test_archive_snapshot(snap_compare, archive_db: Path, name: str) -> None:
    size, words, keys = SNAPSHOTS[name]

    async def search(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("a")
        await _search_for(pilot, words or "")

    before = search if words else None
    assert snap_compare(_app(archive_db), run_before=before, press=keys, terminal_size=size)


async def test_dates_without_words_ask_for_words(archive_db: Path) -> None:
    # A secretary who sets a date and presses Enter in it was told "Ingen fund."; the search
    # needs words, and the dates only narrow it.
    app = _app(archive_db)
    async with app.run_test(size=(60, 20)) as pilot:
        archive = await _to_archive(pilot, app)
        archive.query_one("#archive-from", Input).value = "1. januar 2022"
        archive.query_one("#archive-from", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        status = " ".join(_text(archive.query_one("#archive-status", Static)).split())
        assert status.startswith("Skriv ét eller flere ord at søge efter")
