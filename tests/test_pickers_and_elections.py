"""Members are picked by typing a few letters; an election with one candidate is decided by
acclamation and the referat says "enstemmigt valgt"; closing a ballot election is confirmed."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static

from meetingtui import rules
from meetingtui.exporters import export
from meetingtui.models import AbsenceKind, Attendance, DissentKind, MovementKind
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, PickDialog
from meetingtui.screens.election import ElectionScreen
from meetingtui.screens.election_setup import ElectionDialog, split_candidates
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.typeahead import matches
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, demo_at_item, stored
from tests.tui_support import SIZE, Notices, press, type_text, until


async def elect(pilot: Pilot[None], candidates: str, *then: str) -> None:
    """`e`, the candidates typed as a few letters each, Enter; then the keys `then`."""
    await press(pilot, "e")
    await type_text(pilot, candidates)
    await press(pilot, "enter", *then)


def test_typed_danish_letters_mean_themselves() -> None:
    # "før" must not pick the new-item option through "formandens" (ø read as o).
    assert not matches("Nyt punkt (med formandens godkendelse)", "før")
    assert matches("Pkt. 2 behandles før et andet punkt", "før")
    assert matches("Søren Kræmer (Foreningslivet)", "Sø kræ")
    assert not matches("Ole Blickfeldt (O)", "ø")


def test_typed_letters_find_names() -> None:
    assert matches("Lars Holten (LEUF)", "Hol")
    assert matches("Lars Holten (LEUF)", "la ho")
    assert matches("Søren Kræmer (Foreningslivet)", "soren")
    assert not matches("Lars Holten (LEUF)", "olt")
    members = ["Gert Fabrin", "Louise Holm", "Lars Holten"]
    assert split_candidates("Gert", members) == ["Gert Fabrin"]
    # Two members begin with "Ho": what was typed is kept, nothing is guessed.
    assert split_candidates("Ho, Lars", members) == ["Ho", "Lars Holten"]


async def test_arrival_and_inhabil_picked_by_typing(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 3)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "k")
        assert isinstance(app.screen, PickDialog)
        await type_text(pilot, "Hol")
        await press(pilot, "enter")
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "i")
        await type_text(pilot, "la ho")
        await press(pilot, "enter")
        # The member picked by a few letters is named above the reason.
        labels = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "Lars Holten (LEUF) — begrundelse" in labels
        await type_text(pilot, "Er direktør i en af virksomhederne")
        await press(pilot, "enter")
    record = stored(db_path, meeting_id)
    lars = next(p for p in record.participants if p.name == "Lars Holten")
    assert lars.movements[-1].kind is MovementKind.ARRIVED
    absence = record.item(3).absence_of(lars.id)
    assert absence is not None and absence.kind is AbsenceKind.INHABIL
    assert absence.reason == "Er direktør i en af virksomhederne"


async def test_a_protokoltilfoersel_names_its_member_by_typing(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 4)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "b")
        await type_text(pilot, "Keld")
        await press(pilot, "enter", "enter")
        await type_text(pilot, "Ældrerådet ønsker de ældre inddraget fra starten.")
        await press(pilot, "enter")
        # On a loaded machine the keys typed ahead may still be on their way through the gate.
        await until(pilot, lambda: stored(db_path, meeting_id).item(4).dissents, "recorded")
    (dissent,) = stored(db_path, meeting_id).item(4).dissents
    assert dissent.kind is DissentKind.PROTOKOLTILFOERSEL
    assert dissent.who.startswith("Keld Mortensen")


async def test_acclamation_gives_the_decision_and_the_referat_sentence(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert", "escape")  # not now, after all
        assert isinstance(app.screen, MeetingScreen)
        assert stored(db_path, meeting_id).item(2).elections == []
        await elect(pilot, "Gert", "j")
        # The decision proposes the election's sentence; Enter records it as shown.
        await press(pilot, "d", "enter")
    item = stored(db_path, meeting_id).item(2)
    assert item.decision == "Gert Fabrin blev enstemmigt valgt som næstformand."
    referat = export(stored(db_path, meeting_id), "md", public=False, chain_head="").decode()
    assert referat.count("Gert Fabrin blev enstemmigt valgt som næstformand.") == 1


async def test_two_candidates_are_elected_by_ballot_and_closing_asks(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise")
        assert isinstance(app.screen, ElectionScreen)
        await press(pilot, *"1112211111", "l")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert stored(db_path, meeting_id).item(2).elections[0].is_open
        await press(pilot, "l", "j")
        assert isinstance(app.screen, MeetingScreen)
    (election,) = stored(db_path, meeting_id).item(2).elections
    assert election.candidates == ["Gert Fabrin", "Louise Holm"]
    assert (election.elected, election.acclamation, election.is_open) == (
        "Gert Fabrin",
        False,
        False,
    )


async def test_a_resumed_election_goes_on_where_ballots_are_missing(db_path: Path) -> None:
    """Quit mid-election, open again, key on: the ballots already cast stay as they were."""
    meeting_id = demo_at_item(db_path, 2)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        election_id = service.open_election(
            2, "næstformand", ["Gert Fabrin", "Louise Holm"]
        ).created_id
        assert election_id is not None
        electors = [p for p in service.meeting.participants if p.attendance is Attendance.PRESENT]
        for person, candidate in zip(electors[:4], ["Gert Fabrin", "Louise Holm"] * 2, strict=True):
            service.cast_election_ballot(election_id, person.id, candidate)
    before = {
        b.voter_id: b.candidate for b in stored(db_path, meeting_id).item(2).elections[0].ballots
    }
    meeting = stored(db_path, meeting_id)
    missing = len(rules.eligible_voters(meeting, meeting.item(2))) - len(before)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ElectionScreen)
        await press(pilot, *"1" * missing)
    (election,) = stored(db_path, meeting_id).item(2).elections
    after = {b.voter_id: b.candidate for b in election.ballots}
    assert {voter: after[voter] for voter in before} == before
    assert len(after) == len(before) + missing
    assert sorted(after.values()).count("Gert Fabrin") == 2 + missing


async def test_a_digit_past_the_candidates_is_refused_in_words(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 2)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise", "3")
        assert isinstance(app.screen, ElectionScreen)
        assert notices.mention("Der er ingen kandidat 3: valget har 2 kandidater."), notices.texts
    assert stored(db_path, meeting_id).item(2).elections[0].ballots == []


async def test_moving_on_after_an_election_without_a_decision_is_said(db_path: Path) -> None:
    """A stranger closes the election and presses n: the item has no decision yet, and is told
    so; taking it up again, d proposes the election's sentence."""
    meeting_id = demo_at_item(db_path, 2)
    notices = Notices()
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise", *"1112211111", "l", "j")
        assert isinstance(app.screen, MeetingScreen)
        await press(pilot, "n")
        said = notices.mention("Pkt. 2 Valg af næstformand har ingen beslutning endnu.")
        assert said and "tryk ⏎ for at tage det op igen og d for beslutningen" in said[0]
        # The agenda says it too: taken up and left undecided, not waiting to be taken up.
        agenda = app.screen.query_one("#agenda", DataTable)
        assert str(agenda.get_cell("2", "status")) == "⚠ uafgjort"
        assert str(agenda.get_cell("5", "status")) == "· afventer"
        await press(pilot, "n")  # from item 3, which has no decision either
        assert len(notices.mention("har ingen beslutning endnu")) == 2
        await press(pilot, "up", "up", "enter", "d", "enter")  # leaving item 4 undecided
        assert notices.mention("Pkt. 4 ")
        await press(pilot, "n")  # item 2 is decided now: nothing to say
        assert len(notices.mention("har ingen beslutning endnu")) == 3
    item = stored(db_path, meeting_id).item(2)
    assert item.decision == "Gert Fabrin blev valgt som næstformand."


async def test_after_an_undo_the_next_ballot_is_the_same_members(db_path: Path) -> None:
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, Louise", "1", "1", "ctrl+z", "2")
    meeting = stored(db_path, meeting_id)
    first, second = rules.eligible_voters(meeting, meeting.item(2))[:2]
    (election,) = meeting.item(2).elections
    named = {b.voter_id: b.candidate for b in election.ballots}
    assert named == {first.id: "Gert Fabrin", second.id: "Louise Holm"}


async def test_a_member_not_present_is_marked_in_the_picker(db_path: Path) -> None:
    """Ole Blickfeldt sent afbud: the inhabil picker says "[ikke til stede]" beside his name
    (the mark was taken for a style and not shown)."""
    meeting_id = demo_at_item(db_path, 3)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "i")
        await type_text(pilot, "ole")
        assert isinstance(app.screen, PickDialog)
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "[ikke til stede]" in shown


async def test_a_candidate_who_is_no_member_is_said_before_the_election_starts(
    db_path: Path,
) -> None:
    """ "xyz" (a typo) and "Ho" (Louise Holm or Lars Holten?) pick out no single member: the
    first Enter says so and starts nothing; corrected, the election starts with the members;
    Enter twice starts it with a name from outside the committee, as typed."""
    meeting_id = demo_at_item(db_path, 2)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await elect(pilot, "Gert, xyz, Ho")
        assert isinstance(app.screen, ElectionDialog)
        warning = str(app.screen.query_one("#election-warning", Static).render())
        assert "Passer ikke på ét medlem: »xyz«, »Ho«." in warning
        assert stored(db_path, meeting_id).item(2).elections == []
        field = app.screen.query_one("#candidates", Input)
        field.value = ""
        await type_text(pilot, "Gert, Louise")
        await press(pilot, "enter")
        assert isinstance(app.screen, ElectionScreen)
        await press(pilot, "escape", "ctrl+z", "j")
        assert stored(db_path, meeting_id).item(2).elections == []
        await elect(pilot, "Gert, Hanne Nielsen", "enter")
        assert isinstance(app.screen, ElectionScreen)
    (election,) = stored(db_path, meeting_id).item(2).elections
    assert election.candidates == ["Gert Fabrin", "Hanne Nielsen"]


def test_the_footer_shows_the_candidate_digits_once() -> None:
    from meetingtui.screens.base import digit_bindings

    def shown(count: int) -> list[str | None]:
        return [b.key_display for b in digit_bindings(count, "ballot", "Kandidat") if b.show]

    assert shown(3) == ["1-3"]
    assert shown(1) == ["1"]  # not "1-1"
