"""A reason the referat writes inside a sentence is kept on one line. Pasted broken over lines,
it broke the sentence in the referat: "deltog ikke ... på grund af inhabilitet (Ejer
naboejendommen⏎til svømmehallen)." and "Punktet blev udsat: Afventer vurdering⏎fra
ejendomsmægler."."""

from __future__ import annotations

from pathlib import Path

from meetingtui.exporters import export
from meetingtui.service import MeetingService
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone


def test_an_inhabil_member_s_and_a_postponement_s_reasons_are_one_line(db_path: Path) -> None:
    clock = FixedClock()
    meeting_id = opened_with_everyone(db_path, committee_meeting(), clock)
    with MeetingService.open(db_path, meeting_id, clock=clock) as service:
        service.declare_inhabil(1, 6, "Ejer naboejendommen\r\ntil svømmehallen\n")
        service.postpone_item(2, "Afventer vurdering\n\nfra   ejendomsmægler", confirm=True)
        meeting = service.meeting
    assert meeting.item(1).absence_of(6).reason == "Ejer naboejendommen til svømmehallen"  # type: ignore[union-attr]
    assert meeting.item(2).postponed_reason == "Afventer vurdering fra ejendomsmægler"
    text = export(meeting, "md", public=False).decode()
    assert "(Ejer naboejendommen til svømmehallen)" in text
    assert "Punktet blev udsat: Afventer vurdering fra ejendomsmægler." in text
