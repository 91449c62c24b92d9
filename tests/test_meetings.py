"""The recorded meeting the export tests share is what they assume it is."""

from __future__ import annotations

from tests.meetings import CLOSED_SECRETS, recorded_meeting


def test_fixture_meeting_is_consistent() -> None:
    meeting = recorded_meeting()
    vote = meeting.items[0].votes[1]
    assert vote.counts is not None
    assert vote.counts.for_ == 5 and vote.counts.against == 2 and vote.counts.abstain == 1
    assert meeting.items[4].closed
    assert "\x07" not in meeting.items[5].title  # the model strips control characters


def test_closed_secrets_are_only_in_the_closed_item() -> None:
    meeting = recorded_meeting()
    others = meeting.model_copy(update={"items": [i for i in meeting.items if not i.closed]})
    text = others.model_dump_json()
    for secret in CLOSED_SECRETS:
        assert secret not in text
        assert secret in meeting.items[4].model_dump_json()
