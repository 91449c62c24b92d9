"""A meeting planned from a committee keeps the roster of the day it was planned: a member
who leaves the committee, or joins it, before the meeting is held changes nothing in it. The
roll call says so while the meeting is planned or open, for a member who is off the roster
on the meeting's date would count towards the quorum and vote."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from meetingtui.committees.queries import committee_of_meeting
from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date, short_date

if TYPE_CHECKING:
    from meetingtui.models import Meeting


def roster_changes(conn: sqlite3.Connection, meeting: Meeting) -> list[str]:
    """What differs between the meeting's roll call and its committee's roster on the
    meeting's date, one line each; nothing for a meeting planned without a committee."""
    from meetingtui.mail.recipients import meeting_addresses

    if meeting.id is None:
        return []
    committee = committee_of_meeting(conn, meeting.id)
    if committee is None:
        return []
    day = meeting.starts_at.date()
    on_roster = {m.id for m in committee.members_on(day) + committee.substitutes_on(day)}
    links = meeting_addresses(conn, meeting.id)
    lines: list[str] = []
    for person in meeting.participants:
        link = links.get(person.id)
        if link is None or link.member_id is None or link.member_id in on_roster:
            continue
        entry = committee.member(link.member_id)
        if entry is not None and entry.left_on is not None and entry.left_on <= day:
            when = t("committee.drift_left_on", date=short_date(entry.left_on))
        elif entry is not None and entry.joined > day:
            when = t("committee.drift_joins_on", date=short_date(entry.joined))
        else:
            when = ""
        lines.append(
            t(
                "committee.drift_off",
                name=person.name,
                committee=committee.name,
                date=long_date(day),
                when=when,
            )
        )
    linked = {link.member_id for link in links.values()}
    names = {p.name.casefold() for p in meeting.participants}
    for member in committee.members_on(day):
        if member.id not in linked and member.name.casefold() not in names:
            lines.append(
                t(
                    "committee.drift_missing",
                    name=member.name,
                    committee=committee.name,
                    date=long_date(day),
                )
            )
    return lines
