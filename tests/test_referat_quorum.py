"""A decision the chair recorded past the no-quorum warning: the referat says the committee had
no quorum, for such a decision may not stand. It says so only where the record proves it (at
the decision's moment, or at every moment of the item for a decision without one), never on a
guess."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from meetingtui.exporters import export
from meetingtui.models import Meeting
from meetingtui.service import MeetingService
from meetingtui.vocabulary import Attendance
from tests.meetings import START, FixedClock, budget_meeting, store, stored

NOTE = "Udvalget var ikke beslutningsdygtigt"


def _item_text(markdown: str, number: int) -> str:
    start = markdown.index(f"\n## {number}. ")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def _run(db_path: Path, *, unanswered: int | None = None) -> Meeting:
    """Nine seats, eight present. Item 1 is decided with the quorum; four members leave under
    it. Item 2 is decided past the warning with four there. One of them comes back under item
    3, before its decision."""
    clock = FixedClock(START, step=timedelta(minutes=1))
    meeting_id = store(db_path, budget_meeting(items=4))
    service = MeetingService.open(db_path, meeting_id, clock=clock)
    try:
        service.open_meeting()
        for person in service.meeting.participants:
            if person.id == unanswered:
                continue
            answer = Attendance.AFBUD if person.id == 9 else Attendance.PRESENT
            service.set_attendance(person.id, answer)
        service.start_item(1)
        service.record_decision(1, "Godkendt.")
        for member in (1, 2, 3, 4):
            service.leave(member)
        service.start_item(2)
        service.record_decision(2, "Taget til efterretning.", confirm=True)
        service.start_item(3)
        service.arrive(1)
        service.record_decision(3, "Godkendt.", confirm=True)
        service.close_meeting()
    finally:
        service.close()
    return stored(db_path, meeting_id)


def test_a_decision_taken_without_a_quorum_says_so(db_path: Path) -> None:
    markdown = export(_run(db_path), "md", public=False, chain_head="").decode()
    assert NOTE not in _item_text(markdown, 1)  # decided before the members left
    # Its decision has its moment in the record: the mark says the quorum lacked then.
    assert (
        "Udvalget var ikke beslutningsdygtigt, da beslutningen blev truffet: 4 af 9 medlemmer "
        "deltog, mindst 5 skal være til stede (styrelseslovens § 11, stk. 2)."
    ) in _item_text(markdown, 2)
    # A member back under item 3 restored the quorum before its decision.
    assert NOTE not in _item_text(markdown, 3)
    assert markdown.count(NOTE) == 1


def test_without_a_full_roll_call_the_referat_does_not_say(db_path: Path) -> None:
    # A member whose answer was never given may have been there: the record cannot prove it.
    markdown = export(_run(db_path, unanswered=5), "md", public=False, chain_head="").decode()
    assert NOTE not in markdown


def test_in_english_and_in_the_word_referat(db_path: Path) -> None:
    import io

    from docx import Document

    record = _run(db_path)
    english = export(record, "md", public=False, chain_head="", language="en").decode()
    assert "The committee had no quorum when the decision was made: 4 of 9" in english
    document = Document(io.BytesIO(export(record, "docx", public=False, chain_head="")))
    assert any(NOTE in p.text for p in document.paragraphs)
