"""What the public may see of a meeting right now, as plain data.

This is the one gate between the record and the live page: the HTML, the JSON and the event
stream are all rendered from the `PublicView` built here, never from the `Meeting`. A closed
item reaches it as its number and nothing else, so no renderer can leak what it never gets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from meetingtui import rules, speakers
from meetingtui.exporters.phrasing import count_line, result_line
from meetingtui.i18n import join_names, t
from meetingtui.i18n.dates import clock, long_datetime
from meetingtui.models import (
    AgendaItem,
    Election,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MotionKind,
    Speaker,
    Vote,
)


@dataclass(frozen=True)
class AgendaLine:
    number: str
    closed: bool
    title: str  # empty for a closed item
    status: str  # ItemStatus value
    under_way: bool  # the meeting's current item
    decision: str = ""


@dataclass(frozen=True)
class VoteLine:
    """One vote or election of the item under way, in the words a referat uses."""

    heading: str
    lines: list[str]
    open: bool
    result: str = ""  # "adopted", "rejected" or "" (open, or an election)


@dataclass(frozen=True)
class CurrentItem:
    number: str
    closed: bool
    title: str = ""
    case_number: str = ""
    recommendation: str = ""
    status: str = ""
    decision: str = ""


@dataclass(frozen=True)
class SpeakerLine:
    name: str
    affiliation: str
    reply: bool


@dataclass(frozen=True)
class SpeakersList:
    """The item's speakers' list: who has the floor, who waits, and when time runs out.

    Deadlines are wall-clock moments fixed at the commit, so the time left is worked out when
    the page is sent (and counted down by the page itself), not when the record was read.
    """

    speaking: SpeakerLine | None
    waiting: list[SpeakerLine]
    speaker_deadline: datetime | None  # the one speaking runs out of time then
    debate_deadline: datetime | None  # the item's debate runs out then, while someone speaks
    debate_left: float | None  # the item's time left while nobody speaks (the clock stands)


@dataclass(frozen=True)
class QuorumLine:
    shown: bool
    met: bool
    text: str


@dataclass(frozen=True)
class PublicView:
    lang: str
    seq: int  # the meeting's newest event: the stream's event id
    body: str
    municipality: str
    title: str
    when: str
    location: str
    status: str  # MeetingStatus value
    status_text: str
    current: CurrentItem | None
    votes: list[VoteLine]
    speakers: SpeakersList | None
    quorum: QuorumLine
    agenda: list[AgendaLine]
    announcement: str  # one sentence for screen readers when the item under way changes

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def seconds_left(self, now: datetime) -> tuple[float | None, float | None]:
        """Seconds left for the one speaking and for the item's debate, at `now`."""
        s = self.speakers
        if s is None:
            return None, None
        speaker = (s.speaker_deadline - now).total_seconds() if s.speaker_deadline else None
        debate = (s.debate_deadline - now).total_seconds() if s.debate_deadline else s.debate_left
        return speaker, debate


def vote_subject(item: AgendaItem, vote: Vote) -> str:
    """What is voted on, as a running sentence reads it: "indstillingen" or the motion."""
    motion = item.motion(vote.motion_id) if vote.motion_id is not None else None
    if motion is not None:
        return (
            t("export.motion_indstilling") if motion.kind is MotionKind.INDSTILLING else motion.text
        )
    return vote.description or t("export.motion_indstilling")


def _vote_line(item: AgendaItem, vote: Vote) -> VoteLine:
    subject = vote_subject(item, vote)
    if vote.is_open:
        return VoteLine(heading=t("live.vote_running", subject=subject), lines=[], open=True)
    lines = [line for line in (count_line(vote), result_line(vote)) if line]
    result = vote.result.value if vote.result is not None else ""
    return VoteLine(t("live.vote_done", subject=subject), lines, open=False, result=result)


def _election_line(election: Election) -> VoteLine:
    office = election.office
    if election.is_open:
        return VoteLine(t("live.election_running", office=office), [], open=True)
    if election.elected:
        text = t("live.elected", name=election.elected, office=office)
    elif election.tied:
        text = t("live.election_tied", office=office, names=join_names(election.tied))
    else:
        text = t("live.election_none", office=office)
    return VoteLine(text, [], open=False)


def _speaker_line(speaker: Speaker) -> SpeakerLine:
    return SpeakerLine(speaker.name, speaker.affiliation, speaker.reply)


def _speakers(item: AgendaItem, clock_lag: timedelta) -> SpeakersList | None:
    limits = (item.speaker_limit_seconds, item.debate_limit_seconds)
    if not item.speakers and limits == (None, None):
        return None
    current = speakers.speaking(item)
    speaker_deadline = debate_deadline = None
    debate_left = None
    debate = item.debate_limit_seconds
    if current is not None and current.started_at is not None:
        at = current.started_at + clock_lag  # on the wall clock the page counts down by
        limit = speakers.speaker_limit(item, current)
        if limit is not None:
            speaker_deadline = at + timedelta(seconds=limit)
        if debate is not None:
            left = debate - speakers.spoken_seconds(item, current.started_at)
            debate_deadline = at + timedelta(seconds=left)
    elif debate is not None:
        debate_left = debate - speakers.spoken_seconds(item, None)  # nobody speaks: it stands
    return SpeakersList(
        speaking=_speaker_line(current) if current is not None else None,
        waiting=[_speaker_line(s) for s in speakers.waiting(item)],
        speaker_deadline=speaker_deadline,
        debate_deadline=debate_deadline,
        debate_left=debate_left,
    )


def _current(item: AgendaItem) -> CurrentItem:
    if item.closed:
        return CurrentItem(number=item.number, closed=True)
    return CurrentItem(
        number=item.number,
        closed=False,
        title=item.title,
        case_number=item.case_number,
        recommendation=item.recommendation,
        status=item.status.value,
        decision=item.decision if item.status is ItemStatus.DECIDED else "",
    )


def _agenda_line(item: AgendaItem, current: AgendaItem | None) -> AgendaLine:
    under_way = current is not None and item.id == current.id
    if item.closed:
        # Its status only, as the public referat shows it; never its title or decision.
        return AgendaLine(item.number, True, "", item.status.value, under_way)
    decision = item.decision if item.status is ItemStatus.DECIDED else ""
    return AgendaLine(item.number, False, item.title, item.status.value, under_way, decision)


def _quorum(meeting: Meeting, current: AgendaItem | None) -> QuorumLine:
    if meeting.status is MeetingStatus.PLANNED:
        return QuorumLine(shown=False, met=True, text=t("live.quorum_not_open"))
    if meeting.status is not MeetingStatus.OPEN:
        # Closed or approved: no attendance is taken any more (it said "when the meeting starts").
        return QuorumLine(shown=False, met=True, text=t("live.quorum_ended"))
    # Inhabilitet on a closed item is part of the closed item: count without it.
    item = current if current is not None and not current.closed else None
    q = rules.quorum(meeting, item)
    key = "live.quorum_met" if q.met else "live.quorum_lost"
    return QuorumLine(True, q.met, t(key, present=q.present, needed=q.needed, seats=q.seats))


def _status_text(meeting: Meeting) -> str:
    if meeting.status is MeetingStatus.CLOSED and meeting.closed_at is not None:
        return t("live.status.closed_at", time=clock(meeting.closed_at))
    return t(f"live.status.{meeting.status.value}")


def _announcement(current: CurrentItem | None) -> str:
    if current is None:
        return t("live.announce_none")
    label = t("live.item_label", number=current.number)
    if current.closed:
        return t("live.announce_closed", label=label)
    if current.decision:
        return t("live.announce_decided", label=label, decision=current.decision)
    return t("live.announce_current", label=label, title=current.title)


def public_view(
    meeting: Meeting, *, seq: int, lang: str, clock_lag: timedelta = timedelta(0)
) -> PublicView:
    """The public page's content: closed items reduced to their number, nothing more.

    `clock_lag` is how far the record's times lie behind the wall clock (a meeting on its own
    clock, `queries.own_clock_lag`): the speakers' deadlines are wall-clock moments."""
    item = meeting.current_item if meeting.status is MeetingStatus.OPEN else None
    current = _current(item) if item is not None else None
    votes: list[VoteLine] = []
    speakers_list = None
    if item is not None and not item.closed:
        votes = [_vote_line(item, v) for v in item.votes]
        votes += [_election_line(e) for e in item.elections]
        speakers_list = _speakers(item, clock_lag)
    return PublicView(
        lang=lang,
        seq=seq,
        body=meeting.body,
        municipality=meeting.municipality,
        title=meeting.title,
        when=long_datetime(meeting.starts_at),
        location=meeting.location,
        status=meeting.status.value,
        status_text=_status_text(meeting),
        current=current,
        votes=votes,
        speakers=speakers_list,
        quorum=_quorum(meeting, item),
        agenda=[_agenda_line(i, item) for i in meeting.items],
        announcement=_announcement(current),
    )
