"""A decision that says the indstilling was adopted after the vote on it fell ("Godkendt." by
a quick pick, 2 for and 3 against) is said before it is recorded: the referat would say both.
The chair decides; a decision that agrees with the vote, or one after an adopted vote, goes
in as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.errors import ConfirmationRequired
from meetingtui.rules import decision_election_warnings, decision_vote_warnings
from meetingtui.screens.app import build_app
from meetingtui.screens.dialogs import ConfirmDialog, DecisionDialog
from meetingtui.screens.meeting import MeetingScreen
from meetingtui.screens.notefield import NoteField
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, demo_at_item, stored
from tests.tui_support import SIZE, press, until


def _vote_on_item_4(db_path: Path, for_: int, against: int) -> int:
    """The demo meeting at item 4, a closed vote on its indstilling."""
    meeting_id = demo_at_item(db_path, 4)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        vote_id = service.open_vote(4).created_id
        voters = service.eligible_voters()
        for person in voters[:for_]:
            service.cast_ballot(vote_id, person.id, "for")
        for person in voters[for_ : for_ + against]:
            service.cast_ballot(vote_id, person.id, "against")
        service.close_vote(vote_id, confirm=True)
    return meeting_id


@pytest.mark.parametrize(
    "text", ["Godkendt.", "Tiltrådt.", "Anbefales.", "Indstillingen godkendt.", "godkendt med"]
)
def test_adopting_words_after_a_fallen_vote_are_said(db_path: Path, text: str) -> None:
    meeting_id = _vote_on_item_4(db_path, 2, 3)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(ConfirmationRequired) as raised:
            service.record_decision(4, text)
        [warning] = raised.value.warnings
        assert warning.message == (
            f"Indstillingen faldt ved afstemningen (2 for, 3 imod), men beslutningen lyder »{text}«."
        )
        assert service.meeting.item(4).decision == ""  # type: ignore[union-attr]
        service.record_decision(4, text, confirm=True)  # the chair decides
        assert service.meeting.item(4).decision == text  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["Indstillingen blev ikke godkendt.", "Ikke godkendt.", "Udsat."])
def test_words_that_agree_with_a_fallen_vote_go_in(db_path: Path, text: str) -> None:
    meeting_id = _vote_on_item_4(db_path, 2, 3)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        service.record_decision(4, text)
        assert service.meeting.item(4).decision == text  # type: ignore[union-attr]


def test_an_adopted_vote_or_none_says_nothing(db_path: Path) -> None:
    meeting_id = _vote_on_item_4(db_path, 3, 2)
    item = stored(db_path, meeting_id).item(4)
    assert item is not None and decision_vote_warnings(item, "Godkendt.") == []
    assert decision_vote_warnings(item.model_copy(update={"votes": []}), "Godkendt.") == []


async def test_a_quick_pick_after_a_fallen_vote_asks_first(db_path: Path) -> None:
    meeting_id = _vote_on_item_4(db_path, 2, 3)
    app = build_app(db_path, meeting_id, clock=FixedClock())
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await press(pilot, "d")
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the decision")
        await press(pilot, "1", "enter")  # "Godkendt.", saved
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the warning")
        assert "faldt ved afstemningen" in " ".join(app.screen.warnings)
        await press(pilot, "n")  # back to the dialog, the text as it was
        await until(pilot, lambda: isinstance(app.screen, DecisionDialog), "the dialog again")
        assert app.screen.query_one(NoteField).text == "Godkendt."
    assert stored(db_path, meeting_id).item(4).decision == ""  # type: ignore[union-attr]


def _election_on_item_2(db_path: Path, gert: int, louise: int) -> int:
    """The demo meeting at item 2, a closed election of næstformand between two members."""
    meeting_id = demo_at_item(db_path, 2)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        candidates = ["Gert Fabrin", "Louise Holm"]
        election_id = service.open_election(2, "næstformand", candidates).created_id
        voters = service.eligible_voters()
        for person in voters[:gert]:
            service.cast_election_ballot(election_id, person.id, "Gert Fabrin")
        for person in voters[gert : gert + louise]:
            service.cast_election_ballot(election_id, person.id, "Louise Holm")
        service.close_election(election_id, confirm=True)
    return meeting_id


def test_someone_elected_after_a_tie_is_said(db_path: Path) -> None:
    meeting_id = _election_on_item_2(db_path, 3, 3)
    text = "Gert Fabrin blev valgt som næstformand."
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(ConfirmationRequired) as raised:
            service.record_decision(2, text)
        [warning] = raised.value.warnings
        assert warning.message == (
            "Valget af næstformand er ikke afgjort (stemmelighed mellem Gert Fabrin og "
            f"Louise Holm), men beslutningen lyder »{text}«."
        )
        service.record_decision(2, "Valget blev udsat.")  # agrees: nothing to say


def test_another_candidate_named_elected_is_said(db_path: Path) -> None:
    meeting_id = _election_on_item_2(db_path, 4, 2)
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        with pytest.raises(ConfirmationRequired) as raised:
            service.record_decision(2, "Louise Holm blev enstemmigt valgt som næstformand.")
        assert raised.value.warnings[0].key == "warn.decision_election_other"
        service.record_decision(2, "Gert Fabrin blev valgt som næstformand.")
        assert service.meeting.item(2).decision.startswith("Gert Fabrin")  # type: ignore[union-attr]


def test_the_election_the_decision_names_is_the_one_checked(db_path: Path) -> None:
    meeting_id = _election_on_item_2(db_path, 4, 2)  # næstformand: Gert Fabrin
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        # Then a formand, Louise Holm elected over Gert Fabrin: the decision names both.
        election_id = service.open_election(2, "formand", ["Louise Holm", "Gert Fabrin"])
        voters = service.eligible_voters()
        for person in voters[:5]:
            service.cast_election_ballot(election_id.created_id, person.id, "Louise Holm")
        service.close_election(election_id.created_id, confirm=True)
        text = "Gert Fabrin blev valgt som næstformand. Louise Holm blev valgt som formand."
        item = service.meeting.item(2)
        assert item is not None
        assert decision_election_warnings(item, text) == []
        assert decision_election_warnings(item, "Gert Fabrin blev valgt som formand.") != []


def test_a_tie_named_twice_is_said_once(db_path: Path) -> None:
    meeting_id = _election_on_item_2(db_path, 3, 3)
    item = stored(db_path, meeting_id).item(2)
    assert item is not None
    text = "Gert Fabrin blev valgt som næstformand. Louise Holm blev valgt som næstformand."
    assert len(decision_election_warnings(item, text)) == 1
