"""The meeting screen: agenda, the item under way, decisions and everything said about it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.exporters import changes
from meetingtui.i18n import t
from meetingtui.models import (
    AbsenceKind,
    AgendaItem,
    DissentKind,
    ItemStatus,
    Meeting,
    MeetingStatus,
    MotionKind,
)
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.dialogs import (
    DecisionDialog,
    DissentDialog,
    FormDialog,
    MotionDialog,
    PickDialog,
    pick_text,
)
from meetingtui.screens.widgets import KeyBar, StatusBar, duration, item_label

STATUS_MARK = {
    ItemStatus.PENDING: "·",
    ItemStatus.CURRENT: "▶",
    ItemStatus.DECIDED: "✔",
    ItemStatus.POSTPONED: "⏸",
    ItemStatus.WITHDRAWN: "✘",
}
# The quick pick that means "postponed": it postpones the item rather than deciding it.
POSTPONE_PICK = "tui.pick.udsat"
# Actions that need an item under way in an open meeting.
ITEM_ACTIONS = frozenset(
    {"decision", "vote", "motion", "election", "dissent", "inhabil", "item_absence", "postpone"}
    | {"speakers"}
)


def vote_subject(item: AgendaItem, motion_id: int | None, description: str = "") -> str:
    if motion_id is not None:
        motion = item.motion(motion_id)
        if motion is not None:
            return f"{t('tui.motion.' + motion.kind.name.lower())}: {motion.text}"
    return description or t("tui.vote_on_recommendation")


def _election_decision(item: AgendaItem) -> str:
    """An item whose election is decided proposes the referat's sentence as its decision
    ("Gert Fabrin blev enstemmigt valgt som næstformand."), in Danish: it is record text."""
    from meetingtui.i18n.export import DA as EXPORT_DA
    from meetingtui.i18n.live import DA as LIVE_DA

    for election in item.elections:
        if election.elected and not election.is_open:
            if election.acclamation:
                template = LIVE_DA["export.elected_unanimously"]
            else:
                template = EXPORT_DA["export.elected"]
            return template.format(name=election.elected, office=election.office)
    return ""


def describe_item(meeting: Meeting, item: AgendaItem) -> Text:
    """The item as the secretary reads it: status and record first, then the case text."""
    text = Text()
    text.append(item_label(item) + "\n", style="bold")
    if item.case_number:
        text.append(t("tui.case_number", number=item.case_number) + "\n")
    if item.closed:
        text.append(t("tui.closed_item") + "\n", style="bold")
    if item.status is ItemStatus.DECIDED:
        text.append(t("tui.decided") + " ", style="bold")
        text.append(item.decision + "\n")
    elif item.status is ItemStatus.POSTPONED:
        text.append(t("tui.postponed", reason=item.postponed_reason or "-") + "\n", style="bold")
    for line in changes.item_lines(meeting, item):  # "Punktet udgik.", as the referat says it
        text.append(line + "\n", style="bold")
    for absence in item.absences:
        key = "tui.absence_inhabil" if absence.kind is AbsenceKind.INHABIL else "tui.absence_item"
        text.append("• " + t(key, name=absence.name, reason=absence.reason or "-") + "\n")
    for motion in item.motions:
        kind = t("tui.motion." + motion.kind.name.lower())
        amends = f" → {motion.amends}" if motion.amends is not None else ""
        who = f" ({motion.proposer})" if motion.proposer else ""
        text.append(f"• {kind} {motion.id}{amends}{who}: {motion.text}\n")
    for vote in item.votes:
        subject = vote_subject(item, vote.motion_id, vote.description)
        # An open vote counts only the ballots of those who may vote now.
        counts = rules.live_tally(meeting, item, vote).counts if vote.is_open else vote.counts
        counts = counts or rules.count_ballots(vote.ballots)
        line = t(
            "tui.vote_line", subject=subject, f=counts.for_, i=counts.against, u=counts.abstain
        )
        if vote.is_open:
            line += " — " + t("tui.vote_open")
        elif vote.result is not None:
            line += " — " + t("tui.result." + vote.result.value)
        text.append("• " + line + "\n")
    for election in item.elections:
        if election.is_open:
            outcome = t("tui.election_running", office=election.office, count=len(election.ballots))
        elif election.elected:
            outcome = t("tui.elected", name=election.elected, office=election.office)
        elif election.tied:
            outcome = t("tui.election_tied", office=election.office, names=", ".join(election.tied))
        else:
            outcome = t("tui.election_none", office=election.office)
        text.append("• " + outcome + "\n")
    for dissent in item.dissents:
        kind = t("tui.dissent." + DissentKind(dissent.kind).name.lower())
        text.append(f"• {kind} — {dissent.who}: {dissent.text}\n")
    if item.recommendation:
        text.append("\n" + t("tui.recommendation") + "\n", style="bold underline")
        text.append(item.recommendation + "\n")
    if item.decision_authority:
        text.append(t("tui.authority", who=item.decision_authority) + "\n")
    for section in item.sections:
        text.append("\n" + section.heading + "\n", style="bold underline")
        text.append(section.text + "\n")
    if item.attachments:
        text.append("\n" + t("tui.attachments") + "\n", style="bold underline")
        for n, name in enumerate(item.attachments, 1):
            text.append(f"{n}. {name}\n")
    return text


class MeetingScreen(KeymapScreen):
    SCOPE = "meeting"
    CHANGES: ClassVar = frozenset(
        {"next_item", "previous_item", "start_selected", "arrive", "leave", "correct_times"}
        | {"agenda"}
        | ITEM_ACTIONS
    )

    def compose(self) -> ComposeResult:
        yield StatusBar()
        with Horizontal(id="meeting-body"):
            table: DataTable[str | Text] = DataTable(id="agenda", cursor_type="row")
            yield table
            with VerticalScroll(id="item-scroll"):
                yield Static(id="item-banner")
                yield Static(id="item-text")
        yield Static(id="inline-warnings", classes="warning")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#agenda", DataTable)
        # Fixed widths: the status and time must stay visible; long titles are cut.
        table.add_column(t("tui.col_number"), key="nr", width=4)
        table.add_column(t("tui.col_item"), key="title", width=20)
        table.add_column(t("tui.col_status"), key="status", width=11)
        table.add_column(t("tui.col_time"), key="time", width=5)
        self.refresh_view()
        current = self.meeting.current_item
        if current is not None:
            table.move_cursor(row=table.get_row_index(str(current.id)))
        table.focus()

    # -- drawing -----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        meeting = self.meeting
        now = self.meeting_now()
        self.tick()
        table = self.query_one("#agenda", DataTable)
        cursor = table.cursor_row
        current_before = getattr(self, "_current_shown", None)
        table.clear()
        for item in meeting.items:
            status = STATUS_MARK[item.status] + " " + t(f"tui.item_status.{item.status.value}")
            end = item.ended_at if item.status is not ItemStatus.CURRENT else None
            table.add_row(
                Text(item.number, style="bold" if item.status is ItemStatus.CURRENT else ""),
                Text(
                    (t("tui.closed_prefix") + " " if item.closed else "") + item.title,
                    overflow="ellipsis",
                ),
                status,
                duration(item.started_at, end, now),
                key=str(item.id),
            )
        # Follow the item under way when it changes; otherwise keep the user's place.
        current = meeting.current_item
        if current is not None and current.id != current_before:
            table.move_cursor(row=table.get_row_index(str(current.id)), animate=False)
        elif meeting.items:
            table.move_cursor(row=min(max(cursor, 0), len(meeting.items) - 1), animate=False)
        self._current_shown = current.id if current is not None else None
        self._show_item()
        self._show_warnings()
        self.refresh_bindings()

    def _highlighted_item(self) -> AgendaItem | None:
        table = self.query_one("#agenda", DataTable)
        if not self.meeting.items or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self.meeting.items) - 1)
        return self.meeting.items[row]

    def _show_item(self) -> None:
        item = self._highlighted_item()
        banner = self.query_one("#item-banner", Static)
        body = self.query_one("#item-text", Static)
        if item is None:
            banner.update("")
            body.update(t("tui.no_items"))
            return
        current = self.meeting.current_item
        if current is None or item.id != current.id:
            banner.update(Text(self.says("tui.preview_banner"), style="reverse"))
            banner.display = True
        else:
            banner.display = False
        body.update(describe_item(self.meeting, item))

    def _show_warnings(self) -> None:
        meeting = self.meeting
        item = meeting.current_item
        lines: list[str] = []
        if meeting.status is MeetingStatus.PLANNED:
            lines.append(self.says("tui.meeting_not_opened"))
        if item is not None and meeting.status is MeetingStatus.OPEN:
            lines += [w.message for w in rules.quorum_warnings(meeting, item)]
            if any(v.is_open for v in item.votes):
                lines.append(self.says("tui.open_vote_waiting"))
            if any(e.is_open for e in item.elections):
                lines.append(self.says("tui.open_election_waiting"))
        widget = self.query_one("#inline-warnings", Static)
        widget.update("\n".join("⚠ " + t("tui.warning_prefix") + " " + line for line in lines))
        widget.display = bool(lines)

    @on(DataTable.RowHighlighted, "#agenda")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_item()

    @on(DataTable.RowSelected, "#agenda")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_start_selected()

    # -- gating ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        if self.meeting_app.service is None:
            return None
        is_open = self.meeting.status is MeetingStatus.OPEN
        if action in ("next_item", "previous_item", "start_selected", "agenda") and not is_open:
            return None
        if action in ITEM_ACTIONS and (not is_open or self.meeting.current_item is None):
            return None
        return True

    # -- moving through the agenda -----------------------------------------------------------

    def _start(self, item: AgendaItem) -> None:
        self.meeting_app.run_command(self.service.start_item, item.id)

    def action_next_item(self) -> None:
        items = self._on_agenda()
        current = self.meeting.current_item
        if not items:
            return
        if current is None:
            self._start(items[0])
            return
        position = items.index(current)
        if position + 1 >= len(items):
            self.notify(t("tui.last_item"))
            return
        self._start(items[position + 1])

    def action_previous_item(self) -> None:
        items = self._on_agenda()
        current = self.meeting.current_item
        if current is None or items.index(current) == 0:
            self.notify(t("tui.first_item"))
            return
        self._start(items[items.index(current) - 1])

    def _on_agenda(self) -> list[AgendaItem]:
        """The items still on the agenda, in the order they are dealt with (a withdrawn item is
        passed over; the one under way stays, so the next is found from it)."""
        current = self.meeting.current_item_id
        return [
            i for i in self.meeting.items if i.status is not ItemStatus.WITHDRAWN or i.id == current
        ]

    def action_agenda(self) -> None:
        """Change the agenda: an item added, or the highlighted one withdrawn or moved."""
        from meetingtui.screens.agenda_dialog import change_agenda

        change_agenda(self.meeting_app, self._highlighted_item())

    def action_start_selected(self) -> None:
        if self.check_action("start_selected", ()) is not True:
            return
        item = self._highlighted_item()
        if item is not None and item.id != self.meeting.current_item_id:
            self._start(item)

    # -- the item under way ------------------------------------------------------------------

    def _current(self) -> AgendaItem:
        item = self.meeting.current_item
        assert item is not None  # check_action keeps these actions off without one
        return item

    def action_decision(self) -> None:
        item = self._current()
        warnings = [w.message for w in rules.quorum_warnings(self.meeting, item)]
        if any(v.is_open for v in item.votes):
            warnings.append(t("tui.open_vote_waiting"))
        if any(e.is_open for e in item.elections):
            warnings.append(t("tui.open_election_waiting"))
        item_id = item.id

        def record(text: str | None) -> None:
            if not text:
                return
            if text == pick_text(POSTPONE_PICK):
                self.meeting_app.run_command(self.service.postpone_item, item_id)
            else:
                self.meeting_app.run_command(self.service.record_decision, item_id, text)

        current = item.decision or _election_decision(item)
        self.app.push_screen(DecisionDialog(item_label(item), warnings, current), record)

    def action_speakers(self) -> None:
        """The speakers' list of the item under way, ready to add a name."""
        from meetingtui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(adding=True))

    def action_vote(self) -> None:
        from meetingtui.screens.vote import VoteScreen

        item = self._current()
        open_vote = next((v for v in item.votes if v.is_open), None)
        if open_vote is not None:
            self.app.push_screen(VoteScreen(open_vote.id))
            return
        voted = {v.motion_id for v in item.votes if not v.is_open}
        # Amendments first: they are voted on before the proposal they amend.
        waiting = sorted(
            (m for m in item.motions if m.id not in voted),
            key=lambda m: m.kind is not MotionKind.AENDRINGSFORSLAG,
        )
        item_id = item.id

        def open_vote_on(motion_id: int | None) -> None:
            self.meeting_app.run_command(
                self.service.open_vote,
                item_id,
                motion_id=motion_id,
                on_done=lambda outcome: self.app.push_screen(VoteScreen(outcome.created_id)),
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

        self.app.push_screen(PickDialog(t("tui.vote_pick_title"), options), picked)

    def action_motion(self) -> None:
        item = self._current()
        item_id = item.id

        def add(values: tuple[MotionKind, str, str, int | None] | None) -> None:
            if values is None:
                return
            kind, text, proposer, amends = values
            self.meeting_app.run_command(
                self.service.add_motion, item_id, text, kind=kind, proposer=proposer, amends=amends
            )

        motions = [(m.id, f"{m.id}: {m.text}") for m in item.motions]
        self.app.push_screen(MotionDialog(motions), add)

    def action_election(self) -> None:
        from meetingtui.screens.election import ElectionScreen
        from meetingtui.screens.election_setup import (
            ACCLAMATION,
            BALLOT,
            AcclamationDialog,
            ElectionDialog,
            office_from_title,
        )

        item = self._current()
        open_election = next((e for e in item.elections if e.is_open), None)
        if open_election is not None:
            self.app.push_screen(ElectionScreen(open_election.id))
            return
        item_id = item.id

        def by_ballot(office: str, candidates: list[str]) -> None:
            self.meeting_app.run_command(
                self.service.open_election,
                item_id,
                office,
                candidates,
                on_done=lambda outcome: self.app.push_screen(ElectionScreen(outcome.created_id)),
            )

        def start(values: tuple[str, list[str]] | None) -> None:
            if values is None:
                return
            office, candidates = values
            if len(candidates) > 1:
                by_ballot(office, candidates)
                return

            def how(choice: str | None) -> None:
                if choice == ACCLAMATION:
                    self.meeting_app.run_command(
                        self.service.elect_by_acclamation, item_id, office, candidates[0]
                    )
                elif choice == BALLOT:
                    by_ballot(office, candidates)

            self.app.push_screen(AcclamationDialog(candidates[0], office), how)

        members = [p.name for p in self.meeting.participants]
        self.app.push_screen(ElectionDialog(office_from_title(item.title), members), start)

    def _member_options(self, item: AgendaItem) -> list[tuple[int, str]]:
        options = []
        for person in self.meeting.participants:
            absence = item.absence_of(person.id)
            mark = ""
            if absence is not None:
                mark = "  [" + t(f"tui.absence_mark.{absence.kind.value}") + "]"
            elif not person.is_present_now:
                mark = "  [" + t("tui.not_present_mark") + "]"
            options.append((person.id, person.label + mark))
        return options

    def action_dissent(self) -> None:
        item = self._current()
        item_id = item.id

        def warn_for(pid: int, kind: DissentKind) -> list[str]:
            current = self.meeting.item(item_id)
            if current is None:
                return []
            return [w.message for w in rules.dissent_warnings(current, pid, kind.value)]

        def add(values: tuple[int, DissentKind, str] | None) -> None:
            if values is None:
                return
            pid, kind, text = values
            self.meeting_app.run_command(self.service.add_dissent, item_id, pid, text, kind=kind)

        members = [(p.id, p.label) for p in self.meeting.participants if p.votes]
        self.app.push_screen(DissentDialog(members, warn_for), add)

    def _absence(self, kind: AbsenceKind) -> None:
        item = self._current()
        item_id = item.id
        title = t(f"tui.absence_title.{kind.value}", item=item_label(item))

        def picked(pid: object) -> None:
            if pid is None:
                return
            person_id = int(str(pid))
            current = self.meeting.item(item_id)
            absence = current.absence_of(person_id) if current is not None else None
            if absence is not None and absence.kind is kind:
                # Picking someone already recorded takes the note back.
                self.meeting_app.run_command(self.service.clear_item_absence, item_id, person_id)
                return

            def with_reason(values: list[str] | None) -> None:
                if values is None:
                    return
                command = (
                    self.service.declare_inhabil
                    if kind is AbsenceKind.INHABIL
                    else self.service.mark_item_absent
                )
                self.meeting_app.run_command(command, item_id, person_id, values[0])

            self.app.push_screen(
                FormDialog(title, [(t("tui.reason_optional"), "")], notes=[0]), with_reason
            )

        self.app.push_screen(
            PickDialog(
                title, self._member_options(item), note=t("tui.absence_note"), of_members=True
            ),
            picked,
        )

    def action_inhabil(self) -> None:
        self._absence(AbsenceKind.INHABIL)

    def action_item_absence(self) -> None:
        self._absence(AbsenceKind.ABSENT)

    def action_postpone(self) -> None:
        item_id = self._current().id

        def postpone(values: list[str] | None) -> None:
            if values is not None:
                self.meeting_app.run_command(self.service.postpone_item, item_id, values[0])

        self.app.push_screen(
            FormDialog(t("tui.postpone_title"), [(t("tui.reason_optional"), "")], notes=[0]),
            postpone,
        )

    def action_correct_times(self) -> None:
        """The meeting's start and end and those of the highlighted item, as recorded."""
        from meetingtui.screens.time_dialog import correct_times, meeting_times

        item = self._highlighted_item()
        correct_times(self.meeting_app, meeting_times(self.meeting, item))

    # -- people coming and going -------------------------------------------------------------

    def _movement(self, arriving: bool) -> None:
        people = [
            (p.id, p.label) for p in self.meeting.participants if p.is_present_now is not arriving
        ]
        command = self.service.arrive if arriving else self.service.leave
        title = t("tui.arrive_title") if arriving else t("tui.leave_title")

        def picked(pid: object) -> None:
            if pid is not None:
                self.meeting_app.run_command(command, int(str(pid)))

        self.app.push_screen(PickDialog(title, people, of_members=True), picked)

    def action_arrive(self) -> None:
        self._movement(arriving=True)

    def action_leave(self) -> None:
        self._movement(arriving=False)

    # -- other screens -----------------------------------------------------------------------

    def action_rollcall(self) -> None:
        from meetingtui.screens.rollcall import RollCallScreen

        self.app.push_screen(RollCallScreen())

    def action_case_history(self) -> None:
        """The case across meetings: earlier decisions on the same sagsnummer."""
        from meetingtui.screens.archive import case_history_text
        from meetingtui.screens.dialogs import TextDialog

        item = self._highlighted_item() or self.meeting.current_item
        if item is None or not item.case_number:
            self.notify(t("tui.item_no_case"))
            return
        text = case_history_text(self.service.conn, item.case_number)
        self.app.push_screen(TextDialog(t("key.meeting.case_history"), text))

    def action_closing(self) -> None:
        from meetingtui.screens.closing import ClosingScreen

        self.app.push_screen(ClosingScreen())
