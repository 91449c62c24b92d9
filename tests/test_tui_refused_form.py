"""A form refused comes back at the field the refusal is about, its text selected, so what the
secretary types next corrects that field and nothing else.

The defect: the form came back with the first field focused and its text selected (Textual
selects an input's text when it takes focus). After "Der er intet udvalg teknik." the secretary
typed the committee's right name, and it replaced the dagsorden's path; after a refused time of
an item, the next time typed replaced the meeting's start.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.storage.db import connect
from tests.committee_fixtures import firstagenda_dagsorden, write
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone, stored
from tests.tui_support import SIZE, Notices, press, type_text, until


def _field(app: object, n: int) -> Input:
    return app.screen.query_one(f"#field-{n}", Input)  # type: ignore[attr-defined]


async def test_a_committee_not_found_is_corrected_in_its_own_field(
    db_path: Path, tmp_path: Path
) -> None:
    from meetingtui.committees.toml_file import import_committee_file

    conn = connect(db_path)
    import_committee_file(conn, write(tmp_path))
    conn.close()
    path = tmp_path / "dagsorden.json"
    path.write_text(firstagenda_dagsorden(), encoding="utf-8")
    app = build_app(db_path, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await press(pilot, "n")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form")
        await type_text(pilot, str(path))
        await press(pilot, "enter")
        await type_text(pilot, "økonomiudvalg 2")  # fits no committee ("økonomi" would)
        form = app.screen
        await press(pilot, "enter")
        await until(pilot, lambda: app.screen is not form and bool(notices.texts), "refused")
        assert notices.mention("Udvalgene er: Økonomiudvalget.")  # the right name is said
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await until(pilot, lambda: app.focused is _field(app, 1), "at the committee")
        await type_text(pilot, "Økonomiudvalget")  # replaces what was typed, not the path
        await until(pilot, lambda: _field(app, 1).value == "Økonomiudvalget", "typed in full")
        assert _field(app, 0).value == str(path)
        await press(pilot, "enter")
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the meeting")


async def test_a_refused_time_is_corrected_in_its_own_field(db_path: Path) -> None:
    clock = FixedClock()  # 16.44: the meeting opened and item 1 began then
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    app = build_app(db_path, meeting_id, clock=clock)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "c")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the times")
        assert [_field(app, n).value for n in (0, 1)] == ["16.44", "16.44"]
        await press(pilot, "enter")  # the meeting's start stays
        await type_text(pilot, "16.40")  # item 1 before the meeting began: refused
        form = app.screen
        await press(pilot, "enter")
        await until(pilot, lambda: app.screen is not form and bool(notices.texts), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await until(pilot, lambda: app.focused is _field(app, 1), "at the item's start")
        await type_text(pilot, "16.43")
        assert [_field(app, n).value for n in (0, 1)] == ["16.44", "16.43"]
    record = stored(db_path, meeting_id)
    assert record.opened_at is not None and record.opened_at.strftime("%H.%M") == "16.44"


async def test_a_refused_debate_limit_is_corrected_in_its_own_field(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    app = build_app(db_path, meeting_id, clock=FixedClock())
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "t", "escape", "l")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the limits")
        await type_text(pilot, "3")
        await press(pilot, "enter")
        await type_text(pilot, "ti")
        await press(pilot, "enter")
        await until(pilot, lambda: notices.mention("Ugyldig taletid: ti."), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await until(pilot, lambda: app.focused is _field(app, 1), "at the item's limit")
        await type_text(pilot, "10")
        await press(pilot, "enter")
        await until(pilot, lambda: not isinstance(app.screen, FormDialog), "set")
    item = stored(db_path, meeting_id).item(1)
    assert item is not None
    assert (item.speaker_limit_seconds, item.debate_limit_seconds) == (180, 600)


async def test_a_new_items_number_taken_is_corrected_in_its_own_field(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "o", "enter")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the new item's form")
        await press(pilot, "shift+tab")
        await type_text(pilot, "3")
        await press(pilot, "enter")
        await type_text(pilot, "Trafiksikkerhed ved skolen")
        await press(pilot, "enter")
        await until(pilot, lambda: bool(notices.mention("allerede et pkt. 3")), "refused")
        await until(pilot, lambda: isinstance(app.screen, FormDialog), "the form again")
        await until(pilot, lambda: app.focused is _field(app, 0), "at the number")
        await type_text(pilot, "3a")  # replaces "3", not the title
        assert [_field(app, n).value for n in (0, 1)] == ["3a", "Trafiksikkerhed ved skolen"]
