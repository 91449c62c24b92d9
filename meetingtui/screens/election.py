"""Election mode: each eligible member names a candidate with one key, stored as it is typed.

Like a named vote, an election stays open (and survives a crash) until the secretary closes it;
then the ballots are counted and a tie is reported, never guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.i18n import join_names, t, t_count
from meetingtui.screens.base import KeymapScreen, add_bindings, digit_bindings
from meetingtui.screens.item_text import missing_line
from meetingtui.screens.rolltable import next_missing
from meetingtui.screens.widgets import KeyBar, StatusBar, cut

if TYPE_CHECKING:
    from meetingtui.models import AgendaItem, Election, Participant

MAX_CANDIDATES = 9  # one digit key each
# Column widths in cells; longer names, organisations and candidates are cut with "…".
ELECTOR_COLUMNS = {"name": 24, "party": 12, "choice": 30}


class ElectionScreen(KeymapScreen):
    SCOPE = "election"
    CHANGES: ClassVar = frozenset({"close", "candidate"})

    def __init__(self, election_id: int) -> None:
        super().__init__()
        self.election_id = election_id
        found = self._found()
        self.candidates = found[1].candidates[:MAX_CANDIDATES] if found is not None else []
        self._voters: list[Participant] = []
        add_bindings(
            self, digit_bindings(len(self.candidates), "candidate", t("tui.election_pick"))
        )

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(id="election-title", classes="title")
        hint = self.says("tui.election_hint", close=self.key_for("close"))
        yield Static(hint, classes="banner")
        yield DataTable(id="electors", cursor_type="row")
        yield Static(id="election-tally", classes="tally")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#electors", DataTable)
        for key, width in ELECTOR_COLUMNS.items():
            table.add_column(t(f"tui.vote_col.{key}"), key=key, width=width)
        self.refresh_view()
        # Resuming an election (after a restart or coming back to it): start where ballots are
        # missing, as the vote does; the keys typed next never overwrite a ballot already cast.
        table.move_cursor(row=self._next_missing(-1), animate=False)
        table.focus()

    def _found(self) -> tuple[AgendaItem, Election] | None:
        return self.service.meeting.find_election(self.election_id)

    def refresh_view(self) -> None:
        found = self._found()
        if found is None or not found[1].is_open:
            # Closed, or undone: back to the item, where the result is written out.
            self.dismiss()
            return
        item, election = found
        self.tick()
        title = Text(t("tui.election_heading", office=election.office.upper()) + "\n", style="bold")
        for n, name in enumerate(self.candidates, 1):
            title.append(f" {n} ", style="reverse bold")
            title.append(f" {name}   ")
        self.query_one("#election-title", Static).update(title)
        self._voters = rules.eligible_voters(self.service.meeting, item)
        named = {b.voter_id: b.candidate for b in election.ballots}
        table = self.query_one("#electors", DataTable)
        cursor = table.cursor_row
        table.clear()
        for person in self._voters:
            table.add_row(
                cut(person.name, ELECTOR_COLUMNS["name"]),
                cut(person.affiliation, ELECTOR_COLUMNS["party"]),
                cut(named.get(person.id, "–"), ELECTOR_COLUMNS["choice"]),
                key=str(person.id),
            )
        if self._voters:
            table.move_cursor(row=min(max(cursor, 0), len(self._voters) - 1), animate=False)
        outcome = rules.election_outcome(election.ballots, election.candidates)
        tally = Text()
        for name, count in outcome.votes.items():
            tally.append(f"{name}: {count}   ", style="bold")
        missing = sum(1 for p in self._voters if p.id not in named)
        tally.append("\n" + t("tui.missing", count=missing))
        self.query_one("#election-tally", Static).update(tally)

    def _named(self) -> dict[int, str]:
        found = self._found()
        ballots = found[1].ballots if found else []
        return {b.voter_id: b.candidate for b in ballots if b.voter_id is not None}

    def undo_marker(self) -> object:
        return self._named()

    def undone(self, marker: object) -> None:
        if not self.is_mounted or not isinstance(marker, dict):
            return
        named = self._named()
        for row, person in enumerate(self._voters):
            if marker.get(person.id) != named.get(person.id):
                self.query_one("#electors", DataTable).move_cursor(row=row, animate=False)
                return

    def _next_missing(self, row: int) -> int:
        """The next elector without a ballot (`next_missing`)."""
        named = self._named()
        missing = [n for n, person in enumerate(self._voters) if person.id not in named]
        return next_missing(missing, row, len(self._voters))

    def action_candidate(self, number: int) -> None:
        """The member under the cursor names candidate `number`; stored at once."""
        if not 1 <= number <= len(self.candidates):
            self.notify(
                t_count("tui.election_no_such_candidate", len(self.candidates), number=number),
                severity="warning",
            )
            return
        table = self.query_one("#electors", DataTable)
        row = table.cursor_row
        if not 0 <= row < len(self._voters):
            return
        person = self._voters[row]
        candidate = self.candidates[number - 1]
        if self.meeting_app.run_command(
            self.service.cast_election_ballot, self.election_id, person.id, candidate
        ):
            table.move_cursor(row=self._next_missing(row), animate=False)

    def action_close(self) -> None:
        """Counting is final: the secretary sees the count it will record, then confirms."""
        found = self._found()
        if found is None:
            return
        item, election = found
        if not election.ballots:
            self._close()  # nothing to count: the command API says so
            return
        outcome = rules.election_outcome(election.ballots, election.candidates)
        lines = [", ".join(f"{name}: {count}" for name, count in outcome.votes.items())]
        if outcome.elected:
            lines.append(t("tui.elected", name=outcome.elected, office=election.office))
        elif outcome.tied:
            lines.append(
                t("tui.election_tied", office=election.office, names=join_names(outcome.tied))
            )
        # Who did not vote, as the vote's confirmation says it.
        missing = missing_line(self.service.meeting, item, (b.voter_id for b in election.ballots))
        if missing:
            lines.append(missing)
        dialog = self.meeting_app.confirm_dialog(
            lines, t("tui.close_election_question"), warn=False
        )
        self.app.push_screen(dialog, lambda ok: self._close() if ok else None)

    def _close(self) -> None:
        # Once closed, the redraw takes the screen back to the item.
        self.meeting_app.run_command(self.service.close_election, self.election_id)

    def action_back(self) -> None:
        """Back to the item; the election stays open and `e` returns to it."""
        self.dismiss()
