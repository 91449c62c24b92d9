"""Roll call (fremmøde): one key per answer, substitutes, late arrivals and early departures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.i18n import t, t_count
from meetingtui.i18n.dates import clock
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.rolltable import next_missing
from meetingtui.screens.widgets import KeyBar, StatusBar, cut
from meetingtui.vocabulary import Attendance, MeetingStatus, MovementKind

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from meetingtui.glance import Glance, GlanceParticipant
    from meetingtui.models import Meeting, Participant


def attendance_text(person: Participant | GlanceParticipant) -> Text:
    """Where the member is now: the roll-call answer, or the last arrival or departure."""
    if person.movements:
        move = person.movements[-1]
        if move.kind is MovementKind.ARRIVED:
            return Text("✔ " + t("tui.attendance.arrived", time=clock(move.at)), style="bold")
        return Text("✘ " + t("tui.attendance.left", time=clock(move.at)))
    label = t(f"tui.attendance.{person.attendance.value}")
    if person.attendance is Attendance.PRESENT:
        return Text("✔ " + label, style="bold")
    if person.attendance is Attendance.UNKNOWN:
        return Text("? " + label, style="italic")
    return Text("✘ " + label)


def movements_text(meeting: Meeting | Glance, person: Participant | GlanceParticipant) -> str:
    """ "kom 17:05 (pkt. 2), gik 18:40 (pkt. 4)": what the referat will say."""
    parts = []
    for move in person.movements:
        item = meeting.item(move.item_id) if move.item_id is not None else None
        key = "tui.moved_arrived" if move.kind is MovementKind.ARRIVED else "tui.moved_left"
        where = t("tui.during_item", number=item.number) if item is not None else ""
        parts.append(t(key, time=clock(move.at), where=where).strip())
    return ", ".join(parts)


# Below this many columns the party and role columns have these widths (cut with "…").
NARROW = 100
SHORT = {"party": 13, "role": 15}


class RollCallScreen(KeymapScreen):
    SCOPE = "rollcall"
    CHANGES: ClassVar = frozenset(
        {
            "present",
            "afbud",
            "fravaerende",
            "substitute",
            "arrive",
            "leave",
            "open_meeting",
            "correct_times",
        }
    )

    def __init__(self) -> None:
        super().__init__()
        self._widths: dict[str, int] = {}
        # The committee's roster against the roll call: read once the record is loaded (the
        # roster is changed on the committees screen, reached from the meetings list only).
        self._roster_changes: list[str] | None = None

    def _roster_lines(self, meeting: object) -> list[str]:
        """The committee's roster on the meeting's date against the roll call, while the
        meeting can still be changed (a closed meeting's record is what it was)."""
        from meetingtui.models import Meeting

        if not isinstance(meeting, Meeting) or meeting.status not in (
            MeetingStatus.PLANNED,
            MeetingStatus.OPEN,
        ):
            return []
        if self._roster_changes is None:
            from meetingtui.committees.drift import roster_changes

            self._roster_changes = roster_changes(self.service.conn, meeting)
        return self._roster_changes

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(id="rollcall-banner", classes="banner")
        yield DataTable(id="roster", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#roster", DataTable)
        # The answer right after the name, so an 80-column terminal shows it; there the long
        # party and role texts are cut short ("Områdebestyrelse, dagtilbud").
        narrow = self.app.size.width < NARROW
        self._widths = SHORT if narrow else {}
        for key in ("name", "attendance", "party", "role", "movements"):
            table.add_column(t(f"tui.rollcall_col.{key}"), key=key, width=self._widths.get(key))
        self.refresh_view()
        # Start at the first member without an answer: an afbud sent before the meeting is
        # not overwritten by the first keys of the roll call, nor are answers given before a
        # restart.
        table.move_cursor(row=self._next_unanswered(-1), animate=False)
        table.focus()

    def undo_marker(self) -> object:
        meeting = self.meeting_shown
        people: Sequence[Participant | GlanceParticipant] = meeting.participants if meeting else ()
        return {p.id: p.attendance for p in people}

    def undone(self, marker: object) -> None:
        meeting = self.meeting_shown
        if meeting is None or not isinstance(marker, dict):
            return
        people: Sequence[Participant | GlanceParticipant] = meeting.participants
        for row, person in enumerate(people):
            if marker.get(person.id) is not person.attendance:
                self.query_one("#roster", DataTable).move_cursor(row=row, animate=False)
                return

    def _next_unanswered(self, row: int) -> int:
        """The next member without an answer (`next_missing`)."""
        meeting = self.meeting_shown
        people = meeting.participants if meeting is not None else ()
        unanswered = [n for n, p in enumerate(people) if p.attendance is Attendance.UNKNOWN]
        return next_missing(unanswered, row, len(people))

    def _cut(self, text: str, column: str) -> str:
        return cut(text, self._widths.get(column))

    def refresh_view(self) -> None:
        meeting = self.meeting_shown
        if meeting is None:
            return
        self.tick()
        table = self.query_one("#roster", DataTable)
        cursor = table.cursor_row
        table.clear()
        seats_back = []
        for person in meeting.participants:
            role = t(f"tui.role.{person.role.name.lower()}")
            if person.substitute_for is not None:
                holder = meeting.participant(person.substitute_for)
                role = t("tui.substitute_for", name=holder.name if holder else "?")
            elif not person.votes:
                role += " " + t("tui.no_vote_mark")
            attendance = attendance_text(person)
            back = rules.seat_taken_back(meeting, person)
            if back is not None and person.is_present_now:
                # Still in the room, but the member is back: the substitute does not vote.
                attendance.append(" · " + t("tui.substitute_not_voting"), style="italic")
                seats_back.append(t("tui.substitute_seat_back", name=person.name, holder=back.name))
            table.add_row(
                person.name,
                attendance,
                self._cut(person.affiliation, "party"),
                self._cut(role, "role"),
                movements_text(meeting, person),
                key=str(person.id),
            )
        if meeting.participants:
            table.move_cursor(row=min(max(cursor, 0), len(meeting.participants) - 1), animate=False)
        banner = self.query_one("#rollcall-banner", Static)
        unknown = [p for p in meeting.participants if p.attendance is Attendance.UNKNOWN]
        # A member has a vote; an observer or the administration is no member, said apart.
        members = sum(1 for p in unknown if p.votes)
        others = [p.name for p in unknown if not p.votes]
        lines = []
        if meeting.status is MeetingStatus.PLANNED:
            lines.append(self.says("tui.rollcall_open_hint", open=self.key_for("open_meeting")))
        lines += [w.message for w in rules.membership_warnings(meeting)]
        lines += self._roster_lines(meeting)
        lines += seats_back
        if members:
            lines.append(t_count("tui.rollcall_unknown", members))
        if others:
            lines.append(t("tui.rollcall_unknown_others", names=", ".join(others)))
        banner.update("\n".join(lines))
        banner.display = bool(lines)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed or action not in self.CHANGES:
            return allowed
        meeting = self.meeting_shown
        if meeting is None:
            return None
        status = meeting.status
        if status is MeetingStatus.CLOSED and action == "correct_times":
            return True  # times are corrected until the minutes are approved
        if status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            return None
        return not (action == "open_meeting" and status is not MeetingStatus.PLANNED)

    def why_off(self, action: str) -> str | None:
        meeting = self.meeting_shown
        if meeting is None or action not in self.CHANGES:
            return None
        if meeting.status is MeetingStatus.APPROVED:
            return t("keyoff.rollcall_approved")
        if meeting.status is MeetingStatus.CLOSED:
            return t("keyoff.rollcall_ended", correct=self.key_for("correct_times"))
        return None

    def _selected(self) -> Participant | GlanceParticipant | None:
        table = self.query_one("#roster", DataTable)
        meeting = self.meeting_shown
        people = meeting.participants if meeting is not None else ()
        if not people:
            return None
        return people[min(max(table.cursor_row, 0), len(people) - 1)]

    def _command(self, name: str, *args: object) -> Any:
        """Run command `name` of the API; the record loads first if only the glance is shown.

        None when it was refused, or when the record could not load (the app then went back
        to the meetings with the reason).
        """
        service = self.meeting_app.service
        if service is None:
            return None
        return self.meeting_app.run_command(getattr(service, name), *args)

    def _answer(self, attendance: Attendance, then: Callable[[int], object] | None = None) -> None:
        person = self._selected()
        if person is None:
            return
        table = self.query_one("#roster", DataTable)
        row = table.cursor_row
        person_id = person.id

        def on_to_the_next() -> None:
            # The next name still without an answer, so the roll call is one key per member
            # and never passes over someone unanswered onto an answer already given.
            table.move_cursor(row=self._next_unanswered(row), animate=False)

        def answered() -> None:
            if self._command("set_attendance", person_id, attendance):
                on_to_the_next()
                if then is not None:
                    then(person_id)

        service = self.meeting_app.service
        meeting = service.meeting if service is not None else None
        member = meeting.participant(person_id) if meeting is not None else None
        if (
            meeting is None
            or member is None
            or not rules.answer_needs_when(meeting, member, attendance)
        ):
            answered()
            return
        # "Present" now may mean a late arrival, not a roll call taken late: ask which.
        self._ask_when(meeting, person, attendance is Attendance.PRESENT, answered, on_to_the_next)

    def _ask_when(
        self,
        meeting: Meeting,
        person: Participant | GlanceParticipant,
        arriving: bool,
        answered: Callable[[], None],
        moved_on: Callable[[], None],
    ) -> None:
        from meetingtui.screens.dialogs import PickDialog

        item = meeting.current_item
        now = (
            t("tui.rollcall_when_now_item", number=item.number)
            if item is not None
            else t("tui.rollcall_when_now")
        )
        moved = "arrived" if arriving else "left"
        options: list[tuple[object, str]] = [
            ("movement", t(f"tui.rollcall_when_{moved}", when=now)),
            ("roll", t("tui.rollcall_when_from_start" if arriving else "tui.rollcall_when_never")),
        ]
        person_id = person.id

        def picked(choice: object) -> None:
            if choice == "movement":
                if self._command("arrive" if arriving else "leave", person_id):
                    moved_on()  # as after a plain answer
            elif choice == "roll":
                answered()

        title = t("tui.rollcall_when_title", name=person.label)
        self.app.push_screen(PickDialog(title, options, t("tui.rollcall_when_note")), picked)

    def action_present(self) -> None:
        self._answer(Attendance.PRESENT)

    def action_afbud(self) -> None:
        from meetingtui.screens.substitute_offer import offer_substitute

        self._answer(Attendance.AFBUD, lambda pid: offer_substitute(self.meeting_app, pid))

    def action_fravaerende(self) -> None:
        self._answer(Attendance.ABSENT)

    def action_substitute(self) -> None:
        person = self._selected()
        if person is None:
            return
        from meetingtui.errors import CommandRefused
        from meetingtui.screens.substitute_offer import offer_substitute

        holder = person
        service = self.meeting_app.service
        if service is not None:
            # Said before names are offered: a present member's seat has no substitute to pick.
            try:
                service.check_seat_free(holder.id)
            except CommandRefused as exc:
                self.meeting_app.say_refused(exc)
                return
        # A meeting planned from a committee offers its stedfortræder list first.
        offered = service is not None and offer_substitute(
            self.meeting_app,
            holder.id,
            after_afbud=False,
            other=lambda: self._substitute_form(holder),
        )
        if not offered:
            self._substitute_form(holder)

    def _substitute_form(self, person: Participant | GlanceParticipant) -> None:
        # Imported here: the roll call is the first screen, and its first frame needs no dialog.
        from meetingtui.screens.dialogs import FormDialog

        holder_id = person.id

        def seat(values: list[str] | None) -> None:
            if values is None:
                return
            name, affiliation = values
            seated = self._command("seat_substitute", name, affiliation, holder_id)
            if seated is None and self.meeting_app.service is not None:
                ask(values)  # refused: the form comes back as typed

        def ask(typed: list[str]) -> None:
            self.app.push_screen(
                FormDialog(
                    t("tui.substitute_title", name=person.label),
                    [(t("tui.substitute_name"), typed[0]), (t("tui.substitute_party"), typed[1])],
                    given=["", person.affiliation],
                ),
                seat,
            )

        ask(["", person.affiliation])

    def action_arrive(self) -> None:
        person = self._selected()
        if person is not None:
            self._command("arrive", person.id)

    def action_leave(self) -> None:
        person = self._selected()
        if person is not None:
            self._command("leave", person.id)

    def action_correct_times(self) -> None:
        """The selected member's arrivals and departures, as recorded. A member with none (present
        from the start) offers the meeting's start and end instead of nothing: the roll call is
        where the meeting is opened, and its start is the time a secretary may mean."""
        person = self._selected()
        service = self.meeting_app.service
        if person is None or service is None:
            return
        from meetingtui.screens.time_dialog import correct_times, meeting_times, member_times

        meeting = service.meeting
        member = meeting.participant(person.id)
        if member is not None:
            fields = member_times(meeting, member) or meeting_times(meeting, None)
            correct_times(self.meeting_app, fields)

    def action_open_meeting(self) -> None:
        self._command("open_meeting")

    def action_to_meeting(self) -> None:
        from meetingtui.screens.meeting import MeetingScreen

        stack = self.app.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], MeetingScreen):
            self.dismiss()
        else:
            self.app.switch_screen(MeetingScreen())
