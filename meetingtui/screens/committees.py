"""Committees: the list of committees and the roster of one on a date; members join and leave.

Every change goes through the committee commands (validated, then event and tables in one
transaction); the tables are redrawn from what was committed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meetingtui.dates import typed_date
from meetingtui.errors import MeetingError
from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date, short_date, typed_form, written_short
from meetingtui.screens.base import DatabaseScreen
from meetingtui.screens.dialogs import FormDialog
from meetingtui.screens.widgets import KeyBar

if TYPE_CHECKING:
    from meetingtui.committees.model import Committee, RosterEntry


def parse_day(text: str) -> date:
    """A date typed the Danish way (11.03.2025) or as the committee file writes it (2025-03-11)."""
    day = typed_date(text)
    if day is None:
        from meetingtui.errors import InputError

        raise InputError("committee.tui.bad_date", value=text.strip())
    return day


class CommitteesScreen(DatabaseScreen):
    SCOPE = "committees"

    def __init__(self) -> None:
        super().__init__()
        self._committees: list[Committee] = []
        self._shown: list[RosterEntry] = []
        self.day: date | None = None  # the roster's date; the clock's day until changed
        self._roster_of: int | None = None  # the committee whose roster is drawn

    def compose(self) -> ComposeResult:
        yield Static(Text(t("committee.tui.title"), style="bold"), classes="title")
        yield Static(id="committees-hint")
        yield DataTable(id="committees", cursor_type="row")
        yield Static(id="roster-title", classes="title")
        yield DataTable(id="roster", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        committees = self.query_one("#committees", DataTable)
        committees.styles.height = 7
        for key in ("name", "kind", "municipality", "period"):
            committees.add_column(t(f"committee.tui.col.{key}"), key=key)
        roster = self.query_one("#roster", DataTable)
        for key in ("name", "party", "role", "email", "joined", "left"):
            roster.add_column(t(f"committee.tui.col.{key}"), key=key)
        self.refresh_view()
        # The arrow keys move where the keys act: the roster (who leaves, whose address).
        if self._shown:
            self._to_the_roster()
        else:
            committees.focus()

    def _to_the_roster(self) -> None:
        if self._shown:
            self.query_one("#roster", DataTable).focus()

    # -- drawing -----------------------------------------------------------------------------

    @property
    def shown_day(self) -> date:
        return self.day or self.meeting_app.clock().date()

    def refresh_view(self) -> None:
        from meetingtui.committees.queries import list_committees

        table = self.query_one("#committees", DataTable)
        cursor = table.cursor_row
        self._committees = list_committees(self.conn)
        table.clear()
        day = self.shown_day
        for c in self._committees:
            period = c.period_on(day)
            table.add_row(
                c.name,
                c.kind.value,
                c.municipality,
                period.name if period else "–",
                key=str(c.id),
            )
        if self._committees:
            table.move_cursor(row=min(max(cursor, 0), len(self._committees) - 1), animate=False)
        hint = (
            ""
            if self._committees
            else t(
                "committee.tui.empty",
                import_key=self.key_for("import"),
                new_key=self.key_for("new_committee"),
            )
        )
        self.query_one("#committees-hint", Static).update(hint)
        self.query_one("#committees-hint", Static).display = bool(hint)
        self._draw_roster()
        self.refresh_bindings()

    def selected_committee(self) -> Committee | None:
        if not self._committees:
            return None
        row = self.query_one("#committees", DataTable).cursor_row
        return self._committees[min(max(row, 0), len(self._committees) - 1)]

    def _draw_roster(self) -> None:
        table = self.query_one("#roster", DataTable)
        cursor = table.cursor_row
        table.clear()
        committee = self.selected_committee()
        if committee is None or committee.id != self._roster_of:
            cursor = 0  # another committee's roster begins at its first member, not row 3
        self._roster_of = committee.id if committee is not None else None
        title = self.query_one("#roster-title", Static)
        day = self.shown_day
        if committee is None:
            self._shown = []
            title.update(t("committee.tui.no_committee"))
            return
        period = committee.period_on(day)
        if period is None:
            title.update(
                t(
                    "committee.tui.no_period",
                    name=committee.name,
                    date=long_date(day),
                    new_period=self.key_for("new_period"),
                )
            )
        else:
            title.update(
                t(
                    "committee.tui.roster_title",
                    name=committee.name,
                    date=long_date(day),
                    period=period.name,
                )
            )
        self._shown = committee.members_on(day) + committee.substitutes_on(day)
        for m in self._shown:
            if m.is_substitute:
                role = t("committee.tui.substitute_rank", rank=m.rank)
            else:
                role = t(f"tui.role.{m.role.name.lower()}")
                if not m.votes:
                    role += " " + t("tui.no_vote_mark")
            table.add_row(
                m.name,
                m.affiliation,
                role,
                m.email or "–",
                short_date(m.joined),
                short_date(m.left_on) if m.left_on else "",
                key=str(m.id),
            )
        if self._shown:
            table.move_cursor(row=min(max(cursor, 0), len(self._shown) - 1), animate=False)

    @on(DataTable.RowHighlighted, "#committees")
    def _committee_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._draw_roster()
        self.refresh_bindings()

    @on(DataTable.RowSelected, "#committees")
    def _committee_picked(self, event: DataTable.RowSelected) -> None:
        """⏎ on a committee: on to its roster, where the arrow keys then move."""
        self._to_the_roster()

    def selected_member(self) -> RosterEntry | None:
        if not self._shown:
            return None
        row = self.query_one("#roster", DataTable).cursor_row
        return self._shown[min(max(row, 0), len(self._shown) - 1)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        if action in ("new_period", "join") and self.selected_committee() is None:
            return None
        if action in ("leave", "edit_email") and self.selected_member() is None:
            return None
        return True

    def why_off(self, action: str) -> str | None:
        if action in ("new_period", "join"):
            return t("keyoff.select_committee")
        if action in ("leave", "edit_email"):
            return t("keyoff.select_member")
        return None

    # -- commands ----------------------------------------------------------------------------

    def _run(self, change: Callable[[], Any], done: str = "") -> bool:
        """Run a committee command; a refusal is said, nothing was written, and False tells the
        form to come back with what was typed."""
        try:
            change()
        except MeetingError as exc:
            # A committee file's faults name lines and fields: longer to read than a refusal.
            self.meeting_app.say_refused(exc, timeout=10)
            return False
        self.refresh_view()
        if len(self._committees) == 1:
            # The one committee (just imported or created): its roster is what is acted on.
            self._to_the_roster()
        if done:
            self.notify(done, timeout=4)
        return True

    def _form(
        self,
        title: str,
        fields: list[tuple[str, str]],
        then: Callable[[list[str]], bool],
        given: list[str] | None = None,
    ) -> None:
        """Ask, then run `then` on what was typed; refused (False), the form comes back with
        what was typed, to be corrected, rather than losing a whole member's details."""
        before = given if given is not None else [value for _, value in fields]

        def answered(values: list[str] | None) -> None:
            if values is not None and not then([v.strip() for v in values]):
                typed = [(label, value) for (label, _), value in zip(fields, values, strict=True)]
                self._form(title, typed, then, before)

        self.app.push_screen(FormDialog(title, fields, given=before), answered)

    def action_import(self) -> None:
        def load(values: list[str]) -> bool:
            if not values[0]:
                return True
            from meetingtui.committees.toml_file import import_committee_file

            report: list[Any] = []
            path = Path(values[0]).expanduser()
            done = self._run(
                lambda: report.append(
                    import_committee_file(self.conn, path, clock=self.meeting_app.clock)
                )
            )
            if report:
                r = report[0]
                self.notify(r.summary(), timeout=6)
            return done

        self._form(t("committee.tui.import_title"), [(t("committee.tui.import_path"), "")], load)

    def action_new_committee(self) -> None:
        def create(values: list[str]) -> bool:
            from meetingtui.committees.commands import create_committee

            name, kind, municipality = values
            return self._run(
                lambda: create_committee(
                    self.conn, name, kind or "udvalg", municipality, clock=self.meeting_app.clock
                ),
                t("committee.tui.created", name=name),
            )

        self._form(
            t("committee.tui.new_title"),
            [
                (t("committee.tui.field.name"), ""),
                (t("committee.tui.field.kind"), "udvalg"),
                (t("committee.tui.field.municipality"), ""),
            ],
            create,
        )

    def action_new_period(self) -> None:
        committee = self.selected_committee()
        if committee is None:
            return
        year = self.shown_day.year

        def add(values: list[str]) -> bool:
            from meetingtui.committees.commands import add_period

            name, starts, ends = values
            return self._run(
                lambda: add_period(
                    self.conn,
                    committee.id,
                    name,
                    parse_day(starts),
                    parse_day(ends),
                    clock=self.meeting_app.clock,
                ),
                t("committee.tui.period_added", name=name),
            )

        self._form(
            t("committee.tui.period_title", name=committee.name),
            [
                (t("committee.tui.field.period"), f"{year}-{year + 3}"),
                (t("committee.tui.field.starts"), typed_form(date(year, 1, 1))),
                (t("committee.tui.field.ends"), typed_form(date(year + 3, 12, 31))),
            ],
            add,
        )

    def action_join(self) -> None:
        committee = self.selected_committee()
        if committee is None:
            return

        def join(values: list[str]) -> bool:
            from meetingtui.committees.commands import join as join_roster

            name, party, role, email, when = values

            def change() -> None:
                day = parse_day(when)
                period = committee.period_on(day)
                if period is None:
                    from meetingtui.errors import CommandRefused

                    raise CommandRefused(
                        "committee.no_period_on", name=committee.name, date=long_date(day)
                    )
                join_roster(
                    self.conn,
                    committee.id,
                    period.id,
                    name=name,
                    affiliation=party,
                    role=role or "medlem",
                    email=email,
                    joined=day,
                    clock=self.meeting_app.clock,
                )

            return self._run(change, t("committee.tui.joined", name=name, date=written_short(when)))

        self._form(
            t("committee.tui.join_title", name=committee.name),
            [
                (t("committee.tui.field.name"), ""),
                (t("committee.tui.field.party"), ""),
                (t("committee.tui.field.role"), "medlem"),
                (t("committee.tui.field.email"), ""),
                (t("committee.tui.field.joined"), typed_form(self.shown_day)),
            ],
            join,
        )

    def action_leave(self) -> None:
        committee, member = self.selected_committee(), self.selected_member()
        if committee is None or member is None:
            return

        def leave(values: list[str]) -> bool:
            from meetingtui.committees.commands import leave as leave_roster

            return self._run(
                lambda: leave_roster(
                    self.conn,
                    committee.id,
                    member.id,
                    parse_day(values[0]),
                    clock=self.meeting_app.clock,
                ),
                t("committee.tui.left", name=member.name, date=written_short(values[0])),
            )

        self._form(
            t("committee.tui.leave_title", name=member.label),
            [(t("committee.tui.field.left"), typed_form(self.shown_day))],
            leave,
        )

    def action_edit_email(self) -> None:
        committee, member = self.selected_committee(), self.selected_member()
        if committee is None or member is None:
            return

        def correct(values: list[str]) -> bool:
            from meetingtui.committees.commands import correct as correct_roster

            return self._run(
                lambda: correct_roster(
                    self.conn,
                    committee.id,
                    member.id,
                    email=values[0],
                    clock=self.meeting_app.clock,
                ),
                t("committee.tui.email_saved", name=member.name),
            )

        self._form(
            t("committee.tui.email_title", name=member.label),
            [(t("committee.tui.field.email"), member.email)],
            correct,
        )

    def action_roster_date(self) -> None:
        def show(values: list[str]) -> bool:
            try:
                self.day = parse_day(values[0])
            except MeetingError as exc:
                self.meeting_app.say_refused(exc)
                return False
            self.refresh_view()
            self._to_the_roster()  # the roster of that day is what was asked for
            return True

        self._form(
            t("committee.tui.date_title"),
            [(t("committee.tui.field.date"), typed_form(self.shown_day))],
            show,
        )

    def action_back(self) -> None:
        self.dismiss()
