"""What the referat says about changes made during the meeting, the way Danish referats say it.

Agenda changes: "Punktet blev optaget på dagsordenen med formandens godkendelse.", "Punktet
udgik.", "Punktet blev behandlet før punkt 3."; an item taken up more than once, "Punktet blev
behandlet kl. 17.05–17.10 og kl. 17.15–17.25."; and a meeting reopened after it was closed or
its minutes approved, which supersedes every referat printed before.
"""

from __future__ import annotations

from meetingtui.i18n import t
from meetingtui.i18n.dates import clock, long_date
from meetingtui.models import AgendaChange, AgendaItem, Meeting


def _number(meeting: Meeting, item_id: int | None) -> str:
    item = meeting.item(item_id) if item_id is not None else None
    return item.number if item is not None else "?"


def _sentence(meeting: Meeting, change: AgendaChange, *, subject: str) -> str:
    """One change as a sentence; `subject` is "Punktet" under the item, "Punkt 4" elsewhere."""
    before = _number(meeting, change.before_item_id)
    return t(f"export.agenda_{change.kind.value}", subject=subject, before=before)


def item_lines(meeting: Meeting, item: AgendaItem) -> list[str]:
    """The sentences that belong under the item itself ("Punktet udgik.")."""
    subject = t("export.agenda_this_item")
    return [
        _sentence(meeting, change, subject=subject)
        for change in meeting.agenda_changes
        if change.item_id == item.id
    ]


def session_lines(meeting: Meeting, item: AgendaItem) -> list[str]:
    """ "Punktet blev behandlet kl. 17.05–17.10 og kl. 17.15–17.25." for an item taken up
    more than once (reopened, a postponed item resumed): when it was under treatment, so the
    referat never reads as if it ran through the items dealt with in between."""
    from meetingtui.exporters.phrasing import join_names

    sessions = meeting.sessions_of(item)
    if len(sessions) < 2:
        return []
    # In the referat's minutes: a stretch that ends in the minute the next one begins (another
    # item taken up and left within the minute, a key pressed by mistake) runs on into it.
    minutes: list[tuple[str, str | None]] = []
    for s in sessions:
        start, end = clock(s.started_at), clock(s.ended_at) if s.ended_at else None
        if minutes and minutes[-1][1] == start:
            minutes[-1] = (minutes[-1][0], end)
        else:
            minutes.append((start, end))
    if len(minutes) < 2:
        return []  # one stretch, as far as minutes tell
    spans = [
        t("export.item_session_open", start=start) if end is None
        else t("export.item_session_moment", start=start) if end == start  # not "16.30–16.30"
        else t("export.item_session", start=start, end=end)
        for start, end in minutes
    ]  # fmt: skip
    return [t("export.item_sessions", spans=join_names(spans))]


def meeting_lines(meeting: Meeting) -> list[str]:
    """Every agenda change, in the order they were made, for the top of the referat."""
    return [
        _sentence(
            meeting,
            change,
            subject=t("export.agenda_item", number=_number(meeting, change.item_id)),
        )
        for change in meeting.agenda_changes
    ]


def reopening_lines(meeting: Meeting, *, public: bool) -> list[str]:
    """ "Mødet blev genåbnet den 4. januar 2017 kl. 10.12, efter at referatet var godkendt.
    Referater udsendt før da er erstattet af dette." The reason is in the internal referat
    only: it may speak of a closed item."""
    lines = []
    for reopening in meeting.reopenings:
        line = t(
            f"export.reopened_{reopening.from_status.value}",
            date=long_date(reopening.at.date()),
            time=clock(reopening.at),
        )
        if not public:
            line += " " + t("export.reopened_reason", reason=reopening.reason)
        lines.append(line)
    return lines
