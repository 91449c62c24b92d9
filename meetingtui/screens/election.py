"""Election mode: each eligible member names a candidate; the result is stored in one command.

The command API takes an election whole, so the ballots typed here are a draft until the
secretary closes the election; the screen says so in words.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from meetingtui import rules
from meetingtui.i18n import t
from meetingtui.models import Participant
from meetingtui.screens.base import KeymapScreen, add_bindings
from meetingtui.screens.widgets import KeyBar, StatusBar

MAX_CANDIDATES = 9  # one digit key each


class ElectionScreen(KeymapScreen):
    SCOPE = "election"
    CHANGES: ClassVar = frozenset({"close", "candidate"})

    def __init__(self, item_id: int, office: str, candidates: list[str]) -> None:
        super().__init__()
        self.item_id = item_id
        self.office = office
        self.candidates = candidates[:MAX_CANDIDATES]
        self.draft: dict[int, str] = {}
        self._voters: list[Participant] = []
        for n in range(1, len(self.candidates) + 1):
            add_bindings(
                self,
                [
                    Binding(
                        str(n),
                        f"candidate({n})",
                        t("tui.election_pick"),
                        show=n == 1,
                        key_display=f"1-{len(self.candidates)}",
                    )
                ],
            )

    def compose(self) -> ComposeResult:
        yield StatusBar()
        yield Static(id="election-title", classes="title")
        yield Static(t("tui.election_draft"), classes="banner")
        yield DataTable(id="electors", cursor_type="row")
        yield Static(id="election-tally", classes="tally")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#electors", DataTable)
        for key, width in (("name", 24), ("party", 12), ("choice", 30)):
            table.add_column(t(f"tui.vote_col.{key}"), key=key, width=width)
        title = Text(t("tui.election_heading", office=self.office) + "\n", style="bold")
        for n, name in enumerate(self.candidates, 1):
            title.append(f" {n} ", style="reverse bold")
            title.append(f" {name}   ")
        self.query_one("#election-title", Static).update(title)
        self.refresh_view()
        table.focus()

    def refresh_view(self) -> None:
        meeting = self.service.meeting
        item = meeting.item(self.item_id)
        if item is None:
            self.dismiss()
            return
        self.tick()
        self._voters = rules.eligible_voters(meeting, item)
        eligible = {p.id for p in self._voters}
        self.draft = {pid: name for pid, name in self.draft.items() if pid in eligible}
        table = self.query_one("#electors", DataTable)
        cursor = table.cursor_row
        table.clear()
        for person in self._voters:
            table.add_row(
                person.name, person.affiliation, self.draft.get(person.id, "–"), key=str(person.id)
            )
        if self._voters:
            table.move_cursor(row=min(max(cursor, 0), len(self._voters) - 1), animate=False)
        self._draw_tally()

    def _draw_tally(self) -> None:
        outcome = rules.election_outcome(
            [_draft_ballot(pid, name) for pid, name in self.draft.items()], self.candidates
        )
        text = Text()
        for name, count in outcome.votes.items():
            text.append(f"{name}: {count}   ", style="bold")
        text.append("\n" + t("tui.missing", count=len(self._voters) - len(self.draft)))
        self.query_one("#election-tally", Static).update(text)

    def action_candidate(self, number: int) -> None:
        """The member under the cursor names candidate `number` (a draft until closed)."""
        if not 1 <= number <= len(self.candidates):
            return
        table = self.query_one("#electors", DataTable)
        row = table.cursor_row
        if not 0 <= row < len(self._voters):
            return
        person = self._voters[row]
        self.draft[person.id] = self.candidates[number - 1]
        table.update_cell(str(person.id), "choice", self.candidates[number - 1])
        table.move_cursor(row=row + 1, animate=False)
        self._draw_tally()

    def action_close(self) -> None:
        def held(outcome: Any) -> None:
            self.dismiss()

        self.meeting_app.run_command(
            self.service.hold_election,
            self.item_id,
            self.office,
            self.candidates,
            dict(self.draft),
            on_done=held,
        )

    def action_back(self) -> None:
        self.dismiss()


def _draft_ballot(voter_id: int, candidate: str) -> Any:
    from meetingtui.models import ElectionBallot

    return ElectionBallot(voter_id=voter_id, voter=str(voter_id), candidate=candidate)
