"""The roll call tells members from observers: an observer who is not registered is no member
who has not answered (the demo said "1 medlem(mer) mangler svar" beside "12 af 12"), and a
count reads in the singular or the plural as Danish writes it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from meetingtui.demo import build_demo_meeting
from meetingtui.screens.app import build_app
from meetingtui.screens.rollcall import RollCallScreen
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, store
from tests.tui_support import until

OBSERVER = "Inger Marie Vynne"


def demo_registered(db_path: Path, *, except_names: tuple[str, ...]) -> int:
    """The demo meeting with every voting member registered present, except `except_names`."""
    meeting = build_demo_meeting()
    meeting_id = store(db_path, meeting)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        for person in service.meeting.participants:
            if person.votes and person.name not in except_names:
                service.set_attendance(person.id, "present")
    return meeting_id


async def banner_of(db_path: Path, meeting_id: int, lang: str = "da") -> str:
    app = build_app(db_path, meeting_id, lang=lang, clock=FixedClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RollCallScreen), "the roll call")
        banner = app.screen.query_one("#rollcall-banner", Static)
        await until(pilot, lambda: OBSERVER in str(banner.render()), "the banner")
        return str(banner.render())


async def test_an_observer_not_registered_is_not_a_member_missing(db_path: Path) -> None:
    banner = await banner_of(db_path, demo_registered(db_path, except_names=()))
    assert "mangler svar" not in banner and "(mer)" not in banner
    assert f"Ikke registreret, uden stemmeret: {OBSERVER}." in banner


async def test_one_member_missing_reads_in_the_singular(db_path: Path) -> None:
    meeting_id = demo_registered(db_path, except_names=("Gert Fabrin",))
    banner = await banner_of(db_path, meeting_id)
    assert "1 medlem mangler svar ved navneopråbet." in banner
    assert f"uden stemmeret: {OBSERVER}." in banner
    english = await banner_of(db_path, meeting_id, "en")
    assert "1 member has not answered at the roll call." in english


async def test_two_members_missing_read_in_the_plural(db_path: Path) -> None:
    meeting_id = demo_registered(db_path, except_names=("Gert Fabrin", "Louise Holm"))
    assert "2 medlemmer mangler svar ved navneopråbet." in await banner_of(db_path, meeting_id)
