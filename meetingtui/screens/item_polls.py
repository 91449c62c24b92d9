"""From the meeting screen, on the item under way: a vote (on a motion or the indstilling), a
new motion, an election (by ballot or by acclamation) and a dissent.

Each function asks what it needs in dialogs and runs the command through the app; the vote and
election screens open once the command has committed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui import rules
from meetingtui.i18n import t
from meetingtui.models import DissentKind, MotionKind
from meetingtui.screens.widgets import item_label

if TYPE_CHECKING:
    from meetingtui.models import AgendaItem
    from meetingtui.screens.app import MeetingApp


def open_vote(app: MeetingApp, item: AgendaItem) -> None:
    """Resume the open vote, or open one: on the recommendation, or on the motion picked
    (amendments first: they are voted on before the proposal they amend)."""
    from meetingtui.screens.dialogs import PickDialog
    from meetingtui.screens.item_text import vote_subject
    from meetingtui.screens.vote import VoteScreen

    open_now = next((v for v in item.votes if v.is_open), None)
    if open_now is not None:
        app.push_screen(VoteScreen(open_now.id))
        return
    voted = {v.motion_id for v in item.votes if not v.is_open}
    waiting = sorted(
        (m for m in item.motions if m.id not in voted),
        key=lambda m: m.kind is not MotionKind.AENDRINGSFORSLAG,
    )
    item_id = item.id

    def open_vote_on(motion_id: int | None) -> None:
        if app.service is not None:
            app.run_command(
                app.service.open_vote,
                item_id,
                motion_id=motion_id,
                on_done=lambda outcome: app.push_screen(VoteScreen(outcome.created_id)),
            )

    if not waiting:
        open_vote_on(None)
        return
    options: list[tuple[object, str]] = [(m.id, vote_subject(item, m.id)) for m in waiting]
    options.append((0, t("tui.vote_on_recommendation")))

    def picked(choice: object) -> None:
        if choice is None:
            return
        open_vote_on(None if choice == 0 else int(str(choice)))

    app.push_screen(PickDialog(t("tui.vote_pick_title", number=item.number), options), picked)


def add_motion(app: MeetingApp, item: AgendaItem) -> None:
    """A new motion on the item: its kind, text, proposer and the motion it amends."""
    from meetingtui.screens.record_dialogs import MotionDialog

    item_id = item.id

    def add(values: tuple[MotionKind, str, str, int | None] | None) -> None:
        if values is None or app.service is None:
            return
        kind, text, proposer, amends = values
        app.run_command(
            app.service.add_motion, item_id, text, kind=kind, proposer=proposer, amends=amends
        )

    motions = [(m.id, f"{m.id}: {m.text}") for m in item.motions]
    app.push_screen(MotionDialog(motions, item_label(item)), add)


def start_election(app: MeetingApp, item: AgendaItem) -> None:
    """Resume the open election, or set one up: the office and the candidates; a single
    candidate may be elected by acclamation instead of by ballot."""
    from meetingtui.screens.election import ElectionScreen
    from meetingtui.screens.election_setup import (
        ACCLAMATION,
        BALLOT,
        AcclamationDialog,
        ElectionDialog,
        office_from_title,
    )

    open_now = next((e for e in item.elections if e.is_open), None)
    if open_now is not None:
        app.push_screen(ElectionScreen(open_now.id))
        return
    service = app.service
    if service is None:
        return
    item_id = item.id

    def by_ballot(office: str, candidates: list[str]) -> None:
        if app.service is not None:
            app.run_command(
                app.service.open_election,
                item_id,
                office,
                candidates,
                on_done=lambda outcome: app.push_screen(ElectionScreen(outcome.created_id)),
            )

    def start(values: tuple[str, list[str]] | None) -> None:
        if values is None:
            return
        office, candidates = values
        if len(candidates) > 1:
            by_ballot(office, candidates)
            return

        def how(choice: str | None) -> None:
            if choice == ACCLAMATION and app.service is not None:
                app.run_command(app.service.elect_by_acclamation, item_id, office, candidates[0])
            elif choice == BALLOT:
                by_ballot(office, candidates)

        app.push_screen(AcclamationDialog(candidates[0], office, app.keymap), how)

    members = [p.name for p in service.meeting.participants]
    app.push_screen(ElectionDialog(office_from_title(item.title), members, item_label(item)), start)


def add_dissent(app: MeetingApp, item: AgendaItem) -> None:
    """A dissent or a protokoltilførsel from a member who votes, warned as it is typed when the
    rules see a problem (a dissent from someone who voted for)."""
    from meetingtui.screens.record_dialogs import DissentDialog

    service = app.service
    if service is None:
        return
    item_id = item.id

    def warn_for(pid: int, kind: DissentKind) -> list[str]:
        meeting = app.service.meeting if app.service is not None else None
        current = meeting.item(item_id) if meeting is not None else None
        if meeting is None or current is None:
            return []
        return [w.message for w in rules.dissent_warnings(meeting, current, pid, kind.value)]

    def add(values: tuple[int, DissentKind, str] | None) -> None:
        if values is None or app.service is None:
            return
        pid, kind, text = values
        app.run_command(app.service.add_dissent, item_id, pid, text, kind=kind)

    from meetingtui.screens.item_people import member_options

    # Marked as the inhabil picker marks them: one who sent afbud is seen before being picked.
    members = member_options(service.meeting, item, voters_only=True)
    app.push_screen(DissentDialog(members, warn_for, item_label(item)), add)
