"""Ctrl+Z on the speakers' list names what it takes back. It asked "Fortryd den seneste
registrering (speaker_started)?": the record's own word for the event, in neither language."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui import reducer, undo
from meetingtui.i18n import has, set_language
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone

# Named by code of their own in undo.describe, not by an "undo.<type>" entry of the catalog;
# and the database's migration of an earlier release's imports, no command of the secretary's.
DESCRIBED_BY_CODE = {"ballots_cast", "ballot_changed", "decision_recorded", "item_numbers_plain"}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_event_undo_may_take_back_has_words(lang: str) -> None:
    set_language(lang)
    try:
        undoable = set(reducer.REDUCERS) - undo.BOUNDARIES - set(reducer.ORIGIN_EVENTS)
        unnamed = sorted(
            type_ for type_ in undoable - DESCRIBED_BY_CODE if not has(f"undo.{type_}")
        )
    finally:
        set_language("da")
    assert unnamed == []


def test_the_speakers_entries_are_named_by_the_speaker(db_path: Path) -> None:
    meeting_id = opened_with_everyone(db_path, committee_meeting(), FixedClock())
    with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
        item = service.meeting.current_item_id
        assert item is not None

        def said() -> str:
            return service.undo_step().description

        service.set_speaking_limits(item, speaker_seconds=120, debate_seconds=None)
        assert said() == "taletiden på pkt. 1"
        service.add_speaker(item, 2)
        assert said() == "at Mette Lund kom på talerlisten til pkt. 1"
        service.next_speaker(item)
        assert said() == "at Mette Lund fik ordet på pkt. 1"
        service.stop_speaker(item)
        assert said() == "at Mette Lund holdt op med at tale på pkt. 1"
        speaker = service.add_speaker(item, 4).created_id
        assert speaker is not None
        service.remove_speaker(item, speaker)
        assert said() == "at Anne Møller blev taget af talerlisten til pkt. 1"
