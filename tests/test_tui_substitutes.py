"""Indkald stedfortræder in the roll call, and a meeting with nobody to decide."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from meetingtui.mail.recipients import meeting_addresses
from meetingtui.planning import create_planned_meeting, plan_meeting
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import PickDialog
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.storage.db import connect
from meetingtui.vocabulary import Attendance
from tests.committee_fixtures import firstagenda_dagsorden, with_committee
from tests.meetings import FixedClock, committee_meeting, store, stored
from tests.tui_support import SIZE, Notices, until


def planned(db_path: Path, tmp_path: Path, committee: str | None = "Økonomiudvalget") -> int:
    conn = connect(db_path)
    try:
        with_committee(conn, tmp_path)
        path = tmp_path / "dagsorden.json"
        path.write_text(firstagenda_dagsorden(), encoding="utf-8")
        return create_planned_meeting(conn, plan_meeting(conn, path, committee))
    finally:
        conn.close()


def row_of(app, name: str) -> int:
    table = app.screen.query_one("#roster", DataTable)
    names = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
    return names.index(name)


async def afbud(pilot, name: str) -> None:
    app = pilot.app
    table = app.screen.query_one("#roster", DataTable)
    table.move_cursor(row=row_of(app, name))
    await pilot.press("a")
    await pilot.pause()


async def test_afbud_offers_the_next_stedfortraeder_of_the_party_list(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = planned(db_path, tmp_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        await afbud(pilot, "Kim Holm")
        await until(pilot, lambda: isinstance(app.screen, PickDialog))
        labels = [label for _, label in app.screen.options]
        assert labels[:2] == ["Lars Nielsen (A), nr. 1 på listen", "Eva Bak (A), nr. 2 på listen"]
        await pilot.press("enter")  # the first in line
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        await until(
            pilot, lambda: any(p.name == "Lars Nielsen" for p in app.service.meeting.participants)
        )

        # The next A member who sends afbud gets the next one on the list.
        await afbud(pilot, "Jens Kragh")
        await until(pilot, lambda: isinstance(app.screen, PickDialog))
        assert app.screen.options[0][1] == "Eva Bak (A), nr. 2 på listen"
        await pilot.press("escape")  # no substitute this time
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))

        # Party C has no list: said, no dialog.
        await afbud(pilot, "Karen Holm")
        await until(pilot, lambda: notices.mention("ingen stedfortræder tilbage på Cs liste"))
        assert isinstance(app.screen, RollCallScreen)

    meeting = stored(db_path, meeting_id)
    kim = next(p for p in meeting.participants if p.name == "Kim Holm")
    lars = next(p for p in meeting.participants if p.name == "Lars Nielsen")
    assert (kim.attendance, lars.substitute_for, lars.attendance) == (
        Attendance.AFBUD,
        kim.id,
        Attendance.PRESENT,
    )
    assert not any(p.name == "Eva Bak" for p in meeting.participants)
    conn = connect(db_path)
    address = meeting_addresses(conn, meeting_id)[lars.id]
    conn.close()
    assert (address.email, address.member_id is not None) == ("lars.nielsen@greve.dk", True)


async def test_a_meeting_without_a_committee_keeps_the_plain_roll_call(db_path: Path) -> None:
    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        await afbud(pilot, "Mette Lund")
        assert isinstance(app.screen, RollCallScreen)
    assert stored(db_path, meeting_id).participants[1].attendance is Attendance.AFBUD


async def test_a_dagsorden_without_members_says_what_is_missing(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = planned(db_path, tmp_path, committee=None)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        banner = str(app.screen.query_one("#rollcall-banner", Static).render())
        assert "ingen stemmeberettigede medlemmer" in banner and "--committee" in banner
        quorum = str(app.screen.query_one("#status-quorum", Static).render())
        assert "IKKE BESLUTNINGSDYGTIGT" in quorum and "ingen stemmeberettigede" in quorum
        await pilot.press("o")
        await until(pilot, lambda: notices.mention("ingen stemmeberettigede"))


async def test_s_offers_the_list_and_someone_else(db_path: Path, tmp_path: Path) -> None:
    from textual.widgets import Input

    from meetingtui.screens.dialogs import FormDialog

    meeting_id = planned(db_path, tmp_path)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        app.screen.query_one("#roster", DataTable).move_cursor(row=row_of(app, "Per Østergaard"))
        await pilot.press("f")  # fraværende; the cursor moves on to the next member
        await until(pilot, lambda: app.screen.query_one("#roster", DataTable).cursor_row > 4)
        app.screen.query_one("#roster", DataTable).move_cursor(row=row_of(app, "Per Østergaard"))
        await pilot.press("s")  # a substitute for his seat
        await until(pilot, lambda: isinstance(app.screen, PickDialog))
        labels = [label for _, label in app.screen.options]
        assert labels == [
            "Ib Thomsen (V), nr. 1 på listen",
            "En anden — skriv navnet …",
            "Ingen stedfortræder",
        ]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, FormDialog))
        name, party = app.screen.query(Input)
        assert party.value == "V"
        name.value = "Ole Vinther"
        party.focus()
        await pilot.press("enter")
        await until(
            pilot, lambda: any(p.name == "Ole Vinther" for p in app.service.meeting.participants)
        )


async def test_a_refused_substitute_form_comes_back_as_typed(db_path: Path) -> None:
    """Enter pressed before the name was typed: said, and the form is back with the party
    filled in, not gone with it."""
    from textual.widgets import Input

    from meetingtui.screens.dialogs import FormDialog

    meeting_id = store(db_path, committee_meeting())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen))
        await afbud(pilot, "Mette Lund")
        app.screen.query_one("#roster", DataTable).move_cursor(row=row_of(app, "Mette Lund"))
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the substitute form")
        form = app.screen
        form.query(Input).last().focus()
        await pilot.press("enter")  # no name typed
        await until(pilot, lambda: app.screen is not form and bool(notices.texts), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        name, party = app.screen.query(Input)
        assert (name.value, party.value) == ("", "A")
        name.value = "Ib Thomsen"
        party.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "seated")
    assert any(p.name == "Ib Thomsen" for p in stored(db_path, meeting_id).participants)
