"""The agenda changes during the meeting: an item added with the chair's approval, withdrawn
("udgår"), or taken before another ("behandles før pkt. 3"). Each change is an event, and the
referat says it the way Danish referats do."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from meetingtui.errors import CommandRefused, ConfirmationRequired
from meetingtui.exporters import export
from meetingtui.models import ItemStatus
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, FormDialog, PickDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.service import MeetingService
from meetingtui.storage.db import connect
from meetingtui.verify import checked_meeting
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import SIZE, Notices, rendered, screen_text, showing, type_text, until


def screen_words(svg: str) -> str:
    """The text of a screenshot, as one line (the SVG splits it into styled pieces)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", svg)).split())


def numbers(db_path: Path, meeting_id: int) -> list[str]:
    return [item.number for item in stored(db_path, meeting_id).items]


def test_an_added_item_waits_for_the_chair_and_records_the_approval(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(ConfirmationRequired) as asked:
            service.add_item("Henvendelse fra Hvalsø Lokalråd")
        assert asked.value.question == "confirm.agenda_add_question"
        assert numbers(db_path, meeting_id) == ["1", "2", "3", "4"]  # nothing yet
        outcome = service.add_item("Henvendelse fra Hvalsø Lokalråd", confirm=True)
    record = stored(db_path, meeting_id)
    added = record.item(outcome.created_id)
    assert (added.number, added.title) == ("5", "Henvendelse fra Hvalsø Lokalråd")
    [change] = record.agenda_changes
    assert change.kind.value == "added" and change.chair_approved
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Punktet blev optaget på dagsordenen med formandens godkendelse." in markdown
    data = json.loads(export(record, "json", public=False, chain_head=""))
    assert data["agenda_changes"][0]["chair_approved"] is True


def test_a_withdrawn_item_udgik_and_is_passed_over(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.withdraw_item(2)
        with pytest.raises(CommandRefused, match="udgået"):
            service.start_item(2)
        with pytest.raises(CommandRefused, match="allerede udgået"):
            service.withdraw_item(2)
        # A script cannot decide or postpone it behind the chair's back either.
        with pytest.raises(CommandRefused, match="udgået af dagsordenen"):
            service.record_decision(2, "Godkendt.")
        with pytest.raises(CommandRefused, match="udgået af dagsordenen"):
            service.postpone_item(2)
    record = stored(db_path, meeting_id)
    assert record.item(2).status is ItemStatus.WITHDRAWN
    markdown = export(record, "md", public=False, chain_head="").decode()
    assert "Punktet udgik." in markdown
    assert "**Ændringer i dagsordenen:** Punkt 2 udgik." in markdown
    data = json.loads(export(record, "json", public=False, chain_head=""))
    assert next(i for i in data["items"] if i["id"] == 2)["status"] == "withdrawn"


def test_an_item_taken_before_another_moves_there(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.move_item(4, 2)
        with pytest.raises(CommandRefused, match="allerede taget op"):
            service.move_item(3, 1)  # item 1 is under way
    assert numbers(db_path, meeting_id) == ["1", "4", "2", "3"]
    markdown = export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()
    assert "Punktet blev behandlet før punkt 2." in markdown
    conn = connect(db_path)
    try:
        checked_meeting(conn, meeting_id)  # replay gives the same order
    finally:
        conn.close()


def test_an_item_taken_up_is_not_taken_before_another(db_path: Path) -> None:
    """The agenda is the order the items are dealt with: an item already taken up stays where it
    was. The defect: item 1, decided, moved before item 3 read "2, 1, 3" on the agenda and in the
    referat ("Punktet blev behandlet før punkt 3."), though item 1 came first; item 2, under
    way, moved before item 4 put item 3 behind it, and n went from item 2 to item 4."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.record_decision(1, "Godkendt.")
        service.start_item(2)
        with pytest.raises(CommandRefused) as decided:
            service.move_item(1, 3)
        assert decided.value.message == (
            "Pkt. 1 er allerede taget op; kun et punkt, der venter, kan behandles før et andet."
        )
        with pytest.raises(CommandRefused, match=r"Pkt\. 2 er allerede taget op"):
            service.move_item(2, 4)
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4"]


def test_a_decided_item_cannot_be_withdrawn_and_changes_are_undone(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.record_decision(1, "Godkendt.")
        with pytest.raises(CommandRefused, match="allerede behandlet"):
            service.withdraw_item(1)
        service.move_item(3, 2)
        assert service.undo_step().description == "at pkt. 3 behandles før pkt. 2"
        service.undo()
    record = stored(db_path, meeting_id)
    assert [i.number for i in record.items] == ["1", "2", "3", "4"]
    assert record.agenda_changes == []


def test_an_added_item_titled_lukket_is_a_closed_item(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        outcome = service.add_item("Lukket: Personalesag i Teknik og Miljø", confirm=True)
    record = stored(db_path, meeting_id)
    added = record.item(outcome.created_id)
    assert added.closed and added.title == "Personalesag i Teknik og Miljø"
    public = export(record, "md", public=True, chain_head="").decode()
    assert "Lukket punkt: Personalesag i Teknik og Miljø" in public  # said once, not twice
    assert "Lukket: Personalesag" not in public


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("Personalesag (lukket punkt)", "Personalesag"),
        ("Fortroligt - Køb af jord", "Køb af jord"),
        ("LUKKET Salg af grund", "Salg af grund"),
        ("Lukket vej ved skolen", "Lukket vej ved skolen"),  # maybe a marker: closed, words kept
    ],
)
def test_an_item_marked_closed_the_way_agendas_mark_it_is_closed(
    db_path: Path, typed: str, title: str
) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(ConfirmationRequired) as asked:
            service.add_item(typed)
        assert "lukket punkt" in asked.value.warnings[0].message
        outcome = service.add_item(typed, confirm=True)
    added = stored(db_path, meeting_id).item(outcome.created_id)
    assert (added.closed, added.title) == (True, title)


def test_a_number_that_is_no_number_is_refused_in_its_own_words(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with (
        MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service,
        pytest.raises(CommandRefused, match="er ikke et punktnummer"),
    ):
        service.add_item("Personalesag", number="Lukket punkt - Personalesag", confirm=True)
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4"]


def test_a_new_item_needs_a_title_and_a_free_number(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(CommandRefused, match="titel"):
            service.add_item("  ", confirm=True)
        with pytest.raises(CommandRefused, match=r"allerede et pkt\. 3"):
            service.add_item("Orientering", number="3", confirm=True)
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4"]


# --------------------------------------------------------------------------- in the TUI


async def _new_item_typed(pilot: Pilot[None], title: str) -> None:
    """From the meeting screen: `o`, a new item, its title typed after the proposed number, Enter."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
    await pilot.press("o")
    await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
    await pilot.press("enter")  # the first option: a new item
    await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
    assert app.screen.query_one("#field-0", Input).value == "5"
    # The number is proposed: what is typed first is the title.
    await type_text(pilot, title)
    await pilot.press("enter")


async def test_o_adds_an_item_once_the_chair_approves(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await _new_item_typed(pilot, "Trafiksikkerhed ved skolen")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the chair's approval")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        table = app.screen.query_one("#agenda", DataTable)
        await until(pilot, lambda: table.row_count == 5, "the new item on the agenda")
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4", "5"]
    assert stored(db_path, meeting_id).agenda_changes[0].chair_approved


async def test_no_at_the_chairs_approval_gives_the_new_item_back_as_typed(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await _new_item_typed(pilot, "Trafiksikkerhed ved skolen")
        for answer in ("escape", "n"):  # not approved yet, or a key pressed in haste
            await until(pilot, lambda: showing(app, ConfirmDialog), "the chair's approval")
            await pilot.press(answer)
            await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
            assert app.screen.query_one("#field-0", Input).value == "5"
            assert app.screen.query_one("#field-1", Input).value == "Trafiksikkerhed ved skolen"
            await pilot.press("escape")  # typed and not yet saved: asked before it goes
            await until(pilot, lambda: "Kassér teksten?" in screen_text(app), "discard?")
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, FormDialog), "the text kept")
            assert app.screen.query_one("#field-1", Input).value == "Trafiksikkerhed ved skolen"
            await pilot.press("enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked once more")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4", "5"]
    assert stored(db_path, meeting_id).item(5).title == "Trafiksikkerhed ved skolen"


async def test_o_withdraws_the_highlighted_item_and_n_passes_it_over(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        table = app.screen.query_one("#agenda", DataTable)
        # Item 1 is under way: withdrawing it is asked with a warning that it was taken up.
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        await pilot.press("down", "enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        asked = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Punktet er taget op på mødet." in asked
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "not withdrawn")
        table.move_cursor(row=1)  # item 2
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        await pilot.press("down", "enter")  # "Pkt. 2 udgår"
        # Asked first, naming the item: a line picked by mistake takes nothing off unseen.
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked first")
        asked = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Skal pkt. 2. Anlægsbevilling til ny daginstitution i Viby udgå" in asked
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "not withdrawn")
        assert app.service.meeting.item(2).status is not ItemStatus.WITHDRAWN
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        await pilot.press("down", "enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "asked again")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        banner = app.screen.query_one("#item-banner", Static)
        text = app.screen.query_one("#item-text", Static)
        await until(
            pilot,
            lambda: "Punktet udgik." in rendered(banner) + rendered(text),
            "the item says it was withdrawn",
        )
        await pilot.press("n")
        await until(
            pilot, lambda: app.service.meeting.current_item_id == 3, "item 3 is next, not 2"
        )
    assert not notices.mention("udgået af dagsordenen")  # n never tried the withdrawn item


async def test_n_after_the_item_under_way_was_withdrawn_goes_on_not_back(db_path: Path) -> None:
    """Item 1 under way is withdrawn: n takes up item 2, not item 1 (or the first item) again;
    with every item taken up, n says so instead of starting one over."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.withdraw_item(1)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        assert app.service.meeting.current_item_id is None
        await pilot.press("n")
        await until(pilot, lambda: app.service.meeting.current_item_id == 2, "item 2 is next")
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        for item_id in (3, 4):
            service.start_item(item_id)
        service.withdraw_item(4)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("n")
        await until(pilot, lambda: notices.mention("Alle punkter er taget op."), "said")
        assert app.service.meeting.current_item_id is None


async def test_o_takes_the_highlighted_item_before_another(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        table = app.screen.query_one("#agenda", DataTable)
        table.move_cursor(row=3)  # item 4
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        await pilot.press("down", "down", "enter")  # "Pkt. 4 behandles før et andet punkt"
        await until(
            pilot,
            lambda: isinstance(app.screen, PickDialog) and "før" in app.screen.dialog_title,
            "the items still waiting",
        )
        await pilot.press("enter")  # the first waiting item: 2
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        await until(pilot, lambda: numbers(db_path, meeting_id) == ["1", "4", "2", "3"])
        # The cursor went with the item moved, not stayed on the row (now item 3).
        table = app.screen.query_one("#agenda", DataTable)
        await until(pilot, lambda: table.cursor_row == 1, "on item 4 in its new place")
        shown = app.screen.query_one("#item-text", Static)
        await until(pilot, lambda: rendered(shown).lstrip().startswith("4."), "item 4 shown")
        await pilot.press("n")
        await until(pilot, lambda: app.service.meeting.current_item_id == 4, "4 comes next")


async def test_the_change_picker_does_not_ask_for_a_name_but_the_member_picker_does(
    db_path: Path,
) -> None:
    """The agenda-change list holds changes, not people: its hint must not say "af navnet"."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "which change")
        change_hint = app.screen.query_one(Input).placeholder
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        await pilot.press("k")  # a member arrives: pick the member
        await until(pilot, lambda: isinstance(app.screen, PickDialog), "who arrives")
        member_hint = app.screen.query_one(Input).placeholder
    assert "navnet" not in change_hint and "bogstaver" in change_hint
    assert "navnet" in member_hint


async def test_a_refused_new_item_comes_back_with_what_was_typed(db_path: Path) -> None:
    """Shift+Tab to the number, a title typed there by mistake: refused in words, and the form
    comes back with both fields as typed; nothing is recorded."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("o", "enter")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
        await pilot.press("shift+tab")
        await type_text(pilot, "Lukket punkt - Personalesag")
        await pilot.press("enter")
        await type_text(pilot, "Personalesag")
        await pilot.press("enter")
        await until(pilot, lambda: bool(notices.mention("er ikke et punktnummer")), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        fields = [app.screen.query_one(f"#field-{n}", Input).value for n in (0, 1)]
        assert fields == ["Lukket punkt - Personalesag", "Personalesag"]
    assert numbers(db_path, meeting_id) == ["1", "2", "3", "4"]


async def test_brackets_in_what_was_typed_are_shown_as_typed(db_path: Path) -> None:
    """A refused number "[Lukket punkt] Personalesag" in the message, and a title
    "Budget [ikke endelig]" in the chair's approval: plain text, never read as a style (Textual
    markup drops "[ikke endelig]" and "[Lukket punkt]" as unknown styles)."""
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notified: list[Notify] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notified.append(message)

    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting screen")
        await pilot.press("o", "enter")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
        await pilot.press("shift+tab")
        await type_text(pilot, "[Lukket punkt] Personalesag")
        await pilot.press("enter", "X", "enter")
        await until(pilot, lambda: bool(notified), "the refusal")
        (refusal,) = (n.notification for n in notified if "punktnummer" in n.notification.message)
        assert refusal.message.startswith("»[Lukket punkt] Personalesag« er ikke")
        assert not refusal.markup
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await pilot.press("7", "tab", "ctrl+a")  # back at the number refused, selected
        await type_text(pilot, "Budget [ikke endelig]")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, ConfirmDialog), "the chair's approval")
        title = "Budget [ikke endelig]"
        await until(pilot, lambda: title in screen_words(app.export_screenshot()), title)
