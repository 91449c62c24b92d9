"""Popolo JSON (popoloproject.com): persons, organizations, memberships, events, motions and
vote events with counts and individual votes, for open-data portals and parliament tools.

Ids are stable within one export: `person/<participant id>`, `motion/<item id>-<motion id>`,
`vote_event/<item id>-<vote id>`. A vote recorded without a motion gets a motion of its own
(`motion/<item id>-vote-<vote id>`) because a Popolo vote event decides a motion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from meetingtui import rules
from meetingtui.exporters.redact import prepare
from meetingtui.exporters.referat import effective_counts, ended_at, slug
from meetingtui.models import AgendaItem, Choice, Meeting, Vote, VoteResult

# Meetings are recorded in local time; Popolo dates need an offset.
_LOCAL = ZoneInfo("Europe/Copenhagen")
_OPTIONS = {Choice.FOR: "yes", Choice.AGAINST: "no", Choice.ABSTAIN: "abstain"}


def popolo_datetime(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_LOCAL)
    return moment.replace(microsecond=0).isoformat()


class _Builder:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.org_id = f"organization/{slug(meeting.body)}"
        meeting_key = (
            meeting.id if meeting.id is not None else meeting.starts_at.strftime("%Y%m%d%H%M")
        )
        self.event_id = f"event/{slug(meeting.body)}-{meeting_key}"
        self.persons: dict[str, dict[str, Any]] = {}
        self.organizations: dict[str, dict[str, Any]] = {}
        self.memberships: list[dict[str, Any]] = []
        self.motions: list[dict[str, Any]] = []
        self.vote_events: list[dict[str, Any]] = []

    def group_id(self, affiliation: str) -> str | None:
        if not affiliation.strip():
            return None
        group_id = f"organization/group-{slug(affiliation)}"
        self.organizations.setdefault(
            group_id,
            {"id": group_id, "name": affiliation.strip(), "classification": "party"},
        )
        return group_id

    def person_for_ballot(self, participant_id: int | None, name: str) -> str:
        if participant_id is not None and f"person/{participant_id}" in self.persons:
            return f"person/{participant_id}"
        person_id = f"person/name-{slug(name)}"
        self.persons.setdefault(person_id, {"id": person_id, "name": name})
        return person_id

    def organizations_and_people(self) -> None:
        meeting = self.meeting
        committee: dict[str, Any] = {
            "id": self.org_id,
            "name": meeting.body,
            "classification": "committee",
        }
        if meeting.municipality.strip():
            parent_id = f"organization/{slug(meeting.municipality)}"
            self.organizations[parent_id] = {
                "id": parent_id,
                "name": meeting.municipality.strip(),
                "classification": "municipality",
            }
            committee["parent_id"] = parent_id
        self.organizations[self.org_id] = committee
        for person in meeting.participants:
            person_id = f"person/{person.id}"
            self.persons[person_id] = {"id": person_id, "name": person.name}
            membership: dict[str, Any] = {
                "id": f"membership/{person.id}",
                "person_id": person_id,
                "organization_id": self.org_id,
                "role": person.role.value,
                "label": person.label,
            }
            group_id = self.group_id(person.affiliation)
            if group_id is not None:
                membership["on_behalf_of_id"] = group_id
            self.memberships.append(membership)

    def motion_for(self, item: AgendaItem, vote: Vote) -> str:
        motion = item.motion(vote.motion_id) if vote.motion_id is not None else None
        if motion is not None:
            return f"motion/{item.id}-{motion.id}"
        motion_id = f"motion/{item.id}-vote-{vote.id}"
        self.motions.append(
            {
                "id": motion_id,
                "organization_id": self.org_id,
                "legislative_session_id": self.event_id,
                "identifier": item.number,
                "text": vote.description or item.title,
                "classification": "vote",
                "date": popolo_datetime(self.meeting.starts_at),
                "result": _result(vote),
            }
        )
        return motion_id

    def item(self, item: AgendaItem) -> None:
        for motion in item.motions:
            voted = [v for v in item.votes if v.motion_id == motion.id and not v.is_open]
            self.motions.append(
                {
                    "id": f"motion/{item.id}-{motion.id}",
                    "organization_id": self.org_id,
                    "legislative_session_id": self.event_id,
                    "identifier": item.number,
                    "text": motion.text or item.recommendation or item.title,
                    "classification": motion.kind.value,
                    "date": popolo_datetime(self.meeting.starts_at),
                    "result": _result(voted[-1]) if voted else None,
                }
            )
        for vote in item.votes:
            self.vote_events.append(self.vote_event(item, vote))

    def vote_event(self, item: AgendaItem, vote: Vote) -> dict[str, Any]:
        counts = effective_counts(vote)
        event: dict[str, Any] = {
            "id": f"vote_event/{item.id}-{vote.id}",
            "motion_id": self.motion_for(item, vote),
            "organization_id": self.org_id,
            "legislative_session_id": self.event_id,
            "identifier": item.number,
            "start_date": popolo_datetime(item.started_at or self.meeting.starts_at),
            "result": _result(vote),
            "counts": [],
            "votes": [],
        }
        if counts is not None:
            event["counts"] = [
                {"option": "yes", "value": counts.for_},
                {"option": "no", "value": counts.against},
                {"option": "abstain", "value": counts.abstain},
            ]
        for ballot in vote.ballots:
            cast: dict[str, Any] = {
                "voter_id": self.person_for_ballot(ballot.participant_id, ballot.name),
                "option": _OPTIONS[ballot.choice],
            }
            group_id = self.group_id(ballot.affiliation)
            if group_id is not None:
                cast["group_id"] = group_id
            event["votes"].append(cast)
        return event

    def document(self, chain_head: str) -> dict[str, Any]:
        meeting = self.meeting
        event = {
            "id": self.event_id,
            "name": f"{meeting.body} {meeting.title}".strip(),
            "classification": "meeting",
            # When it really began and ended, as corrected; else as it was called.
            "start_date": popolo_datetime(meeting.opened_at or meeting.starts_at),
            "end_date": popolo_datetime(ended_at(meeting) or meeting.ends_at),
            "location": meeting.location or None,
            "status": meeting.status.value,
            "organization_id": self.org_id,
        }
        return {
            "persons": list(self.persons.values()),
            "organizations": list(self.organizations.values()),
            "memberships": self.memberships,
            "events": [event],
            "motions": self.motions,
            "vote_events": self.vote_events,
            "meta": {"event_chain_head": chain_head, "source": "meetingtui"},
        }


def _result(vote: Vote) -> str | None:
    """Popolo's customary "pass" / "fail"; None while the vote is open or has no result."""
    if vote.is_open:
        return None
    result = vote.result
    counts = effective_counts(vote)
    if result is None and counts is not None:
        result = rules.result_of(counts)
    if result is VoteResult.ADOPTED:
        return "pass"
    if result is VoteResult.REJECTED:
        return "fail"
    return None


def to_popolo(
    meeting: Meeting, *, public: bool = True, chain_head: str = "", show_closed_titles: bool = True
) -> dict[str, Any]:
    """The meeting as a Popolo document; public exports hold nothing of closed items."""
    prepared = prepare(meeting, public=public, show_closed_titles=show_closed_titles)
    builder = _Builder(prepared)
    builder.organizations_and_people()
    for item in prepared.items:
        builder.item(item)
    return builder.document(chain_head)
