"""What a vote is about, inside a sentence: "Afstemning om indstillingen", never "om
Indstillingen". The kind of motion is a common noun and is lower-cased there; the party or member
who proposed it, the motion's own words and a description written by hand keep their capitals.
The meeting screen says it in the referat's words."""

from __future__ import annotations

from datetime import datetime

from meetingtui.exporters.referat import vote_blocks
from meetingtui.i18n import set_language
from meetingtui.models import AgendaItem, Meeting, Motion, MotionKind, Vote
from meetingtui.screens.item_text import describe_item


def _item() -> AgendaItem:
    closed = {"is_open": False, "counts": {"for": 5, "against": 2, "abstain": 1}}
    return AgendaItem(
        id=1,
        number="4",
        title="Budgetopfølgning",
        motions=[
            Motion(id=1, kind=MotionKind.AENDRINGSFORSLAG, text="Rammen hæves.", proposer="V"),
            Motion(id=2, kind=MotionKind.ANDET, text="Sagen udsættes.", proposer="Lars Holten"),
            Motion(id=3, kind=MotionKind.INDSTILLING, text="Budgettet godkendes."),
            Motion(id=4, kind=MotionKind.AENDRINGSFORSLAG, text="Rammen sænkes."),
        ],
        votes=[
            Vote(id=1, **closed),  # opened on the indstilling from the meeting screen
            Vote(id=2, motion_id=1, **closed),
            Vote(id=3, motion_id=2, **closed),
            Vote(id=4, motion_id=3, **closed),
            Vote(id=5, motion_id=4, **closed),
            Vote(id=6, description="Forslag fra Ø om cykelsti", **closed),
        ],
    )


def _vote_lines(item: AgendaItem) -> list[str]:
    meeting = Meeting(body="Økonomiudvalget", starts_at=datetime(2025, 3, 11, 16), items=[item])
    text = describe_item(meeting, item).plain
    return [line[2:].split(":")[0] for line in text.splitlines() if ": for 5," in line]


def test_the_meeting_screen_lower_cases_what_is_voted_on_mid_sentence() -> None:
    assert _vote_lines(_item()) == [
        "Afstemning om indstillingen",
        "Afstemning om ændringsforslag fra V",
        "Afstemning om forslag fra Lars Holten",
        "Afstemning om indstillingen",
        "Afstemning om ændringsforslag",
        "Afstemning om Forslag fra Ø om cykelsti",
    ]


def test_the_meeting_screen_and_the_referat_name_a_motion_alike() -> None:
    item = _item()
    meeting = Meeting(body="Økonomiudvalget", starts_at=datetime(2025, 3, 11, 16), items=[item])
    screen = describe_item(meeting, item).plain
    for vote in item.votes[1:]:
        lead = vote_blocks(item, vote)[0].lead  # "Afstemning om ændringsforslag fra V: …:"
        assert lead.startswith("Afstemning om ")
        assert "• " + lead[:-1] + ": for 5, imod 2, undlod 1" in screen


def test_in_english_the_recommendation_is_lower_case_too() -> None:
    set_language("en")
    assert _vote_lines(_item())[:2] == [
        "Vote on the recommendation",
        "Vote on amendment from V",
    ]
