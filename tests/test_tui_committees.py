"""The committees screen: import a committee file, see a roster on a date, join, leave, correct."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from meetingtui.committees.queries import find_committee
from meetingtui.screens.app import build_app
from meetingtui.screens.committees import CommitteesScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.storage.db import connect
from tests.committee_fixtures import OEKONOMIUDVALGET, event_count, write
from tests.meetings import FixedClock
from tests.tui_support import SIZE, Notices, screen_text, until


async def fill(pilot: Pilot, *values: str) -> None:
    """Answer the form dialog on screen, field by field, and submit it."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, FormDialog))
    form = app.screen
    fields = list(form.query(Input))
    for field, value in zip(fields, values, strict=False):
        field.value = value
    fields[-1].focus()
    await pilot.press("enter")
    # Back on the committees, or (refused) the same form again with what was typed.
    await until(pilot, lambda: app.screen is not form, "the form answered")


def roster_names(screen: CommitteesScreen) -> list[str]:
    table = screen.query_one("#roster", DataTable)
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


async def on_the_third_member(pilot: Pilot) -> tuple[CommitteesScreen, DataTable]:
    """From the start screen to the committees (u), the cursor on the roster's third member."""
    app = pilot.app
    await pilot.press("u")
    await until(pilot, lambda: isinstance(app.screen, CommitteesScreen))
    screen = app.screen
    assert isinstance(screen, CommitteesScreen)
    roster = screen.query_one("#roster", DataTable)
    await until(pilot, lambda: roster.row_count > 2, "the roster")
    await pilot.press("down", "down")
    assert roster.cursor_row == 2
    return screen, roster


def stored_committee(db_path: Path):
    conn = connect(db_path)
    try:
        return find_committee(conn, "Økonomiudvalget")
    finally:
        conn.close()


async def test_import_see_the_roster_and_change_it(db_path: Path, tmp_path: Path) -> None:
    path = write(tmp_path)
    app = build_app(db_path, clock=FixedClock())  # 11 March 2025
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen))
        screen = app.screen
        assert "ingen udvalg" in str(screen.query_one("#committees-hint", Static).render())

        await pilot.press("i")
        await fill(pilot, str(path))
        await until(pilot, lambda: screen.query_one("#committees", DataTable).row_count == 1)
        title = str(screen.query_one("#roster-title", Static).render())
        assert "11. marts 2025" in title and "2022-2025" in title
        names = roster_names(screen)
        # The roster of that day: Kim Holm has taken Mette Lund's seat; substitutes follow.
        assert "Kim Holm" in names and "Mette Lund" not in names
        assert names[-3:] == ["Lars Nielsen", "Eva Bak", "Ib Thomsen"]
        # Joined on the screens' short form, as every date on a screen (not "2024-06-01").
        roster = screen.query_one("#roster", DataTable)
        kim = roster.get_row_at(names.index("Kim Holm"))
        assert "01.06.2024" in map(str, kim) and "2024-06-01" not in map(str, kim)

        # Karen Holm leaves on 1 April: still on the roster on 11 March, gone from 1 April.
        screen.query_one("#roster", DataTable).focus()
        screen.query_one("#roster", DataTable).move_cursor(row=names.index("Karen Holm"))
        await pilot.press("u")
        await fill(pilot, "2025-04-01")
        assert "Karen Holm" in roster_names(screen)
        await pilot.press("d")
        await fill(pilot, "2025-04-01")
        assert "Karen Holm" not in roster_names(screen)

        # A new member joins from that day, with an address.
        await pilot.press("j")
        await fill(pilot, "Ida Vinther", "C", "medlem", "ida.vinther@greve.dk", "2025-04-01")
        assert "Ida Vinther" in roster_names(screen)

    committee = stored_committee(db_path)
    karen = next(m for m in committee.roster if m.name == "Karen Holm")
    assert karen.left_on == date(2025, 4, 1)
    ida = next(m for m in committee.roster if m.name == "Ida Vinther")
    assert (ida.affiliation, ida.email, ida.joined) == (
        "C",
        "ida.vinther@greve.dk",
        date(2025, 4, 1),
    )


async def test_dates_are_filled_in_and_typed_the_danish_way(db_path: Path, tmp_path: Path) -> None:
    path = write(tmp_path)
    app = build_app(db_path, clock=FixedClock())  # 11 March 2025
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen))
        screen = app.screen
        await pilot.press("i")
        await fill(pilot, str(path))
        await until(pilot, lambda: len(roster_names(screen)) > 0)
        screen.query_one("#roster", DataTable).focus()
        # The roster's date field holds the day shown, as a Danish reader writes it.
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert app.screen.query_one(Input).value == "11.03.2025"
        await fill(pilot, "01.04.2025")
        assert "1. april 2025" in str(screen.query_one("#roster-title", Static).render())
        # A member joins from a day typed the Danish way; the message names it the same way.
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert list(app.screen.query(Input))[-1].value == "01.04.2025"
        await fill(pilot, "Ida Vinther", "C", "medlem", "", "1-4-2025")
        await until(pilot, lambda: notices.mention("Ida Vinther indtræder pr. 01.04.2025."))
    ida = next(m for m in stored_committee(db_path).roster if m.name == "Ida Vinther")
    assert ida.joined == date(2025, 4, 1)


async def test_a_refused_change_is_said_and_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    from meetingtui.committees.toml_file import import_committee_file

    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    before = event_count(conn)
    conn.close()
    app = build_app(db_path, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen))
        screen = app.screen
        await until(pilot, lambda: len(roster_names(screen)) > 0)
        screen.query_one("#roster", DataTable).focus()
        await pilot.press("e")
        await fill(pilot, "bo.hilsted@greve")  # no dot in the domain
        await until(pilot, lambda: notices.mention("ikke en gyldig e-mailadresse"))
        # The form comes back with what was typed, to be corrected; Esc leaves it.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        assert [f.value for f in app.screen.query(Input)] == ["bo.hilsted@greve"]
        await pilot.press("escape")  # what was typed is unsaved: asked before it goes
        await until(pilot, lambda: "Kassér teksten?" in screen_text(app), "discard?")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen), "the form left")
        await pilot.press("j")
        await fill(pilot, "Ny Person", "A", "medlem", "", "31-02-2025")
        await until(pilot, lambda: notices.mention("31-02-2025 er ikke en dato"))
        assert notices.mention("DD.MM.ÅÅÅÅ")
        # A whole member's details are not lost to one wrong field: corrected, they count.
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        typed = [f.value for f in app.screen.query(Input)]
        assert typed == ["Ny Person", "A", "medlem", "", "31-02-2025"]
        await pilot.press("escape")  # what was typed is unsaved: asked before it goes
        await until(pilot, lambda: "Kassér teksten?" in screen_text(app), "discard?")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, CommitteesScreen), "the form left")
    conn = connect(db_path)
    assert event_count(conn) == before
    conn.close()
    assert stored_committee(db_path).member(1).email == "bo.hilsted@greve.dk"


async def test_new_meeting_from_a_dagsorden_and_a_committee(db_path: Path, tmp_path: Path) -> None:
    from meetingtui.committees.toml_file import import_committee_file
    from meetingtui.screens.rollcall import RollCallScreen
    from tests.committee_fixtures import firstagenda_dagsorden

    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    conn.close()
    path = tmp_path / "dagsorden.json"
    path.write_text(firstagenda_dagsorden(), encoding="utf-8")
    app = build_app(db_path, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        # A file name mistyped: said, and the form is back as typed, to be corrected.
        path_field, committee_field = app.screen.query(Input)
        path_field.value = str(tmp_path / "dagsordn.json")
        committee_field.value = "Økonomiudvalget"
        committee_field.focus()
        form = app.screen
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not form and bool(notices.texts), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        path_field, committee_field = app.screen.query(Input)
        assert committee_field.value == "Økonomiudvalget"
        assert path_field.value == str(tmp_path / "dagsordn.json")
        path_field.value = str(path)
        committee_field.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        table = app.screen.query_one("#roster", DataTable)
        await until(pilot, lambda: table.row_count == 8)
        assert str(table.get_row_at(0)[0]) == "Bo Hilsted"
        assert len(app.service.meeting.items) == 3


async def test_the_arrow_keys_move_the_roster_the_keys_act_on(
    db_path: Path, tmp_path: Path
) -> None:
    """The roster is where u (leaves) and e (address) act: it has the cursor from the start,
    and ⏎ on another committee goes on to that committee's roster."""
    from meetingtui.committees.toml_file import import_committee_file

    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    conn.close()
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen, roster = await on_the_third_member(pilot)
        await pilot.press("e")  # the address of the third member, not the first
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        assert roster_names(screen)[2] in str(app.screen.dialog_title)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        # A second committee: Tab to the committees, Down to it, ⏎ on to its roster.
        conn = connect(db_path)
        other = OEKONOMIUDVALGET.replace("Økonomiudvalget", "Teknikudvalget")
        import_committee_file(conn, write(tmp_path, other, "teknik.toml"))
        conn.close()
        screen.refresh_view()
        committees = screen.query_one("#committees", DataTable)
        await pilot.press("shift+tab")
        assert committees.has_focus
        await pilot.press("down", "enter")
        await until(pilot, lambda: roster.has_focus, "on to the roster")
        title = str(screen.query_one("#roster-title", Static).render())
        assert "Økonomiudvalget" in title  # the committees by name: Teknik…, then Økonomi…
        before = roster.cursor_row
        await pilot.press("down")
        assert roster.cursor_row == before + 1 and committees.cursor_row == 1
        # Back on the committees, then the roster of another day: its roster has the cursor.
        await pilot.press("shift+tab")
        assert committees.has_focus
        await pilot.press("d")
        await fill(pilot, "01.04.2025")
        await until(pilot, lambda: roster.has_focus, "the roster of that day")


async def test_another_committees_roster_begins_at_its_first_member(
    db_path: Path, tmp_path: Path
) -> None:
    from meetingtui.committees.toml_file import import_committee_file

    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    other = OEKONOMIUDVALGET.replace("Økonomiudvalget", "Teknikudvalget")
    import_committee_file(conn, write(tmp_path, other, "teknik.toml"))
    conn.close()
    app = build_app(db_path, clock=FixedClock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen, roster = await on_the_third_member(pilot)
        await pilot.press("shift+tab", "down")
        await until(pilot, lambda: "Økonomiudvalget" in str(
            screen.query_one("#roster-title", Static).render()), "the other roster")  # fmt: skip
        assert roster.cursor_row == 0
