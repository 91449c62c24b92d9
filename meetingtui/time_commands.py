"""The command API for correcting recorded times: the meeting's start and end, an item's, a
member's arrival or departure. The rules and the event are in corrections.py."""

from __future__ import annotations

from collections.abc import Sequence

from meetingtui.command_base import CommandBase, Outcome
from meetingtui.corrections import TimeCorrection
from meetingtui.corrections import plan as correction_event
from meetingtui.errors import CommandRefused
from meetingtui.models import MeetingStatus
from meetingtui.vocabulary import TimeKind


class TimeCommands(CommandBase):
    """Times of one meeting, corrected until its minutes are approved."""

    def correct_times(self, corrections: Sequence[TimeCorrection]) -> Outcome:
        """Correct recorded times together, in one event that keeps the old and the new value;
        allowed until the minutes are approved (the secretary finishes the referat after the
        meeting)."""
        if self.meeting.status is MeetingStatus.APPROVED:
            raise CommandRefused("refuse.meeting_closed", status=self.meeting.status.value)
        return self._commit(*correction_event(self.meeting, corrections, self.now()))

    def correct_time(
        self,
        what: TimeKind | str,
        text: str,
        *,
        item_id: int | None = None,
        participant_id: int | None = None,
        position: int | None = None,
        stretch: int | None = None,
    ) -> Outcome:
        """One time, typed as "16.30": the meeting's start or end, an item's (of one of its
        stretches if `stretch` names one), or a member's arrival or departure (their latest
        unless `position` names one)."""
        correction = TimeCorrection(what, text, item_id, participant_id, position, stretch)
        return self.correct_times([correction])
