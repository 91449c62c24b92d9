"""The one place where closed items are stripped for a public export.

Every format renders the meeting this returns, so a renderer cannot leak what it never receives:
a closed item keeps only its id, its number, (when configured) its title and the decision text
released for publication (`public_decision`). Everything else about it (status, sections,
decision, votes, dissents, absences, attachments, times, the stretches it was under
treatment) is dropped: even "postponed" says
something about a closed case.
"""

from __future__ import annotations

from typing import Any

from meetingtui.models import AgendaItem, Meeting

# What a public JSON export says of a closed item: that it exists, and the keys every item
# has in the schema, empty.
PUBLIC_CLOSED_KEYS = (
    "id",
    "number",
    "title",
    "closed",
    "public_decision",
    "case_number",
    "sections",
    "recommendation",
    "decision",
    "votes",
    "dissents",
    "absent",
)


def redact_item(item: AgendaItem, *, show_title: bool) -> AgendaItem:
    """A closed item as the public may see it: that it exists, its number, maybe its title,
    and the decision text the secretary released for publication, if any."""
    return AgendaItem(
        id=item.id,
        number=item.number,
        title=item.title if show_title else "",
        closed=True,
        public_decision=item.public_decision,
    )


def public_item_dict(data: dict[str, Any]) -> dict[str, Any]:
    """A redacted closed item's JSON without the fields that only hold defaults (a status of
    "pending" would claim something about the case)."""
    return {key: data[key] for key in PUBLIC_CLOSED_KEYS if key in data}


def public_copy(meeting: Meeting, *, show_closed_titles: bool = True) -> Meeting:
    """A copy of `meeting` with every closed item reduced to what the public may see.

    Open items are shared with the original, not copied: renderers never modify their input,
    and copying 100 long items would cost more than rendering them.
    """
    items = [
        redact_item(item, show_title=show_closed_titles) if item.closed else item
        for item in meeting.items
    ]
    closed = {item.id for item in meeting.items if item.closed}
    sessions = [s for s in meeting.item_sessions if s.item_id not in closed]
    return meeting.model_copy(update={"items": items, "item_sessions": sessions})


def prepare(meeting: Meeting, *, public: bool, show_closed_titles: bool = True) -> Meeting:
    """What a renderer gets: the redacted copy for public exports, the full record otherwise."""
    if public:
        return public_copy(meeting, show_closed_titles=show_closed_titles)
    return meeting
