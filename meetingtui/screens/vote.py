"""The named vote: party blocks first, individual corrections after, a live tally.

Each key casts through the command API and the tables redraw from the committed ballots, by
updating only the cells that changed so a 55-member roll call stays within a frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from meetingtui import rules
from meetingtui.exporters.phrasing import count_line
from meetingtui.i18n import t
from meetingtui.models import AgendaItem, Choice, Participant, Vote, VoteCounts, VoteResult
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.item_text import missing_line, vote_subject
from meetingtui.screens.rolltable import RollTable, header_text, next_missing
from meetingtui.screens.widgets import KeyBar, StatusBar, update_if_changed

CHOICE_STYLE = {Choice.FOR: "bold", Choice.AGAINST: "bold reverse", Choice.ABSTAIN: "italic"}


def party_blocks(voters: list[Participant]) -> dict[str, list[Participant]]:
    """Eligible voters grouped by party or organisation, in the order they sit."""
    blocks: dict[str, list[Participant]] = {}
    for person in voters:
        blocks.setdefault(person.affiliation, []).append(person)
    return blocks


def choice_label(choice: Choice | None, counts: bool = True) -> Text:
    if choice is None:
        return Text("–")
    if not counts:
        return Text("✘ " + t(f"tui.choice.{choice.value}"), style="strike")
    return Text(t(f"tui.choice.{choice.value}"), style=CHOICE_STYLE[choice])


def _labelled(key: str, width: int) -> tuple[str, int]:
    label = t(f"tui.vote_col.{key}")
    return label, max(width, len(label))


def result_words(counts: VoteCounts, closed: bool) -> str:
    result = rules.result_of(counts)
    key = "tui.result." + result.value
    words = t(key)
    if counts.for_ == counts.against and counts.for_ + counts.against > 0:
        words += " " + t("tui.result_tie")
    return words if closed else t("tui.result_preview", result=words)


class VoteScreen(KeymapScreen):
    SCOPE = "vote"
    CHANGES: ClassVar = frozenset({"for", "imod", "undlod", "rest_for", "rest_imod", "close"})

    def __init__(self, vote_id: int) -> None:
        super().__init__()
        self.vote_id = vote_id
        self._roster: tuple[int, ...] = ()
        self._parties: tuple[str, ...] = ()
        # What the tables show now, so a redraw touches only what changed.
        self._choices: dict[int, Choice | None] = {}
        self._party_rows: dict[str, list[Any]] = {}
        self._tally_rows = 2

    def compose(self) -> ComposeResult:
        # Fixed widths so the figures and the choice never scroll out of sight; a figure's
        # column is as wide as its label in the language in use ("Against", "Abstain").
        party_columns = [
            _labelled(key, width)
            for key, width in (
                ("party", 14),
                ("size", 5),
                ("for", 4),
                ("imod", 5),
                ("undlod", 6),
                ("missing", 7),
            )
        ]
        # The choice right after the name: a narrow terminal cuts the party, never the choice.
        member_columns = [
            _labelled(key, width) for key, width in (("name", 22), ("choice", 8), ("party", 10))
        ]
        yield StatusBar()
        yield Static(id="vote-title", classes="title")
        with Horizontal(id="vote-body"):
            with Vertical(id="parties-box"):
                header = Static(header_text(party_columns), classes="roll-header")
                yield header
                yield RollTable(party_columns, header=header, id="parties")
            with Vertical(id="members-box"):
                header = Static(header_text(member_columns), classes="roll-header")
                yield header
                yield RollTable(member_columns, header=header, id="members")
        yield Static(id="tally", classes="tally")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_view()
        # Resuming a vote (after a restart or coming back to it): start where ballots are
        # missing, never on a row that has voted already.
        parties = self.query_one("#parties", RollTable)
        members = self.query_one("#members", RollTable)
        parties.move_cursor(self._next_missing(parties, -1))
        members.move_cursor(self._next_missing(members, -1))
        parties.focus()

    # -- the record --------------------------------------------------------------------------

    def _found(self) -> tuple[AgendaItem, Vote] | None:
        return self.service.meeting.find_vote(self.vote_id)

    def refresh_view(self) -> None:
        found = self._found()
        if found is None:
            # Undone (or never committed): nothing to show, back to the item.
            self.dismiss()
            return
        item, vote = found
        if not vote.is_open and self.meeting_app.readonly:
            # A follower goes back to the item, where the result is written out.
            self.dismiss()
            return
        meeting = self.service.meeting
        self.tick()
        update_if_changed(
            self.query_one("#vote-title", Static),
            Text(t("tui.vote_title", subject=vote_subject(item, vote.motion_id, vote.description))),
        )
        voters = rules.eligible_voters(meeting, item)
        ballots = {b.participant_id: b.choice for b in vote.ballots}
        # A voter who has left after voting keeps the ballot: list them too.
        voter_ids = {p.id for p in voters}
        shown = list(voters) + [
            p for p in meeting.participants if p.id in ballots and p.id not in voter_ids
        ]
        self._draw_members(shown, ballots, voter_ids)
        self._draw_parties(party_blocks(voters), ballots)
        self._draw_tally(item, vote)
        self.refresh_bindings()

    def _draw_members(
        self, people: list[Participant], ballots: dict[int | None, Choice], voter_ids: set[int]
    ) -> None:
        table = self.query_one("#members", RollTable)
        roster = tuple(p.id for p in people)

        def cells(person: Participant) -> list[Any]:
            # A ballot of someone who may no longer vote is shown, marked: it does not count.
            counts = person.id in voter_ids
            return [person.name, choice_label(ballots.get(person.id), counts), person.affiliation]

        if roster != self._roster:
            table.set_rows([str(p.id) for p in people], [cells(p) for p in people])
            self._roster = roster
            self._choices = {p.id: ballots.get(p.id) for p in people}
            return
        # Only the rows whose ballot changed: a key must redraw within one frame.
        for person in people:
            choice = ballots.get(person.id)
            if self._choices.get(person.id) != choice:
                table.update_row(str(person.id), cells(person))
        self._choices = {p.id: ballots.get(p.id) for p in people}

    def _draw_parties(
        self, blocks: dict[str, list[Participant]], ballots: dict[int | None, Choice]
    ) -> None:
        table = self.query_one("#parties", RollTable)
        rows: dict[str, list[Any]] = {}
        for party, members in blocks.items():
            choices = [ballots.get(p.id) for p in members]
            rows[party] = [
                party or t("tui.no_party"),
                str(len(members)),
                str(choices.count(Choice.FOR)),
                str(choices.count(Choice.AGAINST)),
                str(choices.count(Choice.ABSTAIN)),
                str(choices.count(None)),
            ]
        if tuple(rows) != self._parties:
            table.set_rows([party or "-" for party in rows], list(rows.values()))
            self._parties = tuple(rows)
            self._party_rows = rows
            return
        for party, cells in rows.items():
            if self._party_rows.get(party) != cells:
                table.update_row(party or "-", cells)
        self._party_rows = rows

    def _draw_tally(self, item: AgendaItem, vote: Vote) -> None:
        meeting = self.service.meeting
        tally = Text()
        stale_names = ""
        if vote.is_open:
            live = rules.live_tally(meeting, item, vote)
            counts, counted = live.counts, live.counted
            stale_names = ", ".join(
                t("tui.stale_ballot", name=b.name, reason=t(reason)) for b, reason in live.stale
            )
        else:
            counts = vote.counts or rules.count_ballots(vote.ballots)
            counted = len(vote.ballots)
        tally.append(f" {t('tui.choice.for').upper()} {counts.for_} ", style="bold reverse")
        tally.append("  ")
        tally.append(f" {t('tui.choice.against').upper()} {counts.against} ", style="bold reverse")
        tally.append("  ")
        tally.append(f" {t('tui.choice.abstain').upper()} {counts.abstain} ", style="bold")
        if vote.is_open:
            tally.append("   " + t("tui.missing", count=live.missing))
        tally.append("\n")
        if counted:
            tally.append(result_words(counts, closed=not vote.is_open), style="bold")
            if vote.is_open and not rules.quorum(meeting, item).met:
                tally.append("  ⚠ " + t("tui.tally_no_quorum"), style="bold")
        elif not self.meeting_app.readonly:
            tally.append(self._hint())
        if stale_names:
            tally.append("\n⚠ " + t("tui.stale_ballots", names=stale_names), style="bold")
        widget = self.query_one("#tally", Static)
        # As many rows as its lines take at this width, counted here: a fixed three (app.tcss)
        # hid the ballots that no longer count and cut the tie's words at 60 columns. The
        # height changes seldom, so a key still redraws the tally without a layout pass.
        rows = max(2, len(tally.wrap(self.app.console, max(1, self.size.width - 2))))
        if rows != self._tally_rows:
            self._tally_rows = rows
            widget.styles.height = rows + 1  # and its border above
        update_if_changed(widget, tally, layout=False)
        result = rules.result_of(counts)
        widget.set_class(result is VoteResult.ADOPTED and bool(counted), "-adopted")
        widget.set_class(result is VoteResult.REJECTED and bool(counted), "-rejected")

    def _hint(self) -> str:
        """What to press before the first ballot, in the user's keys, on one line: shorter
        where the long one would be cut (a 60-column terminal)."""
        keys = {
            "party": "/".join(self.key_for(a) for a in ("for", "imod", "undlod")),
            "rest": "/".join(self.key_for(a) for a in ("rest_for", "rest_imod")),
        }
        hint = t("tui.no_ballots", **keys)
        # The tally spans the screen, one cell of padding either side.
        if len(hint) > self.size.width - 2:
            return t("tui.no_ballots_short", **keys)
        return hint

    def on_resize(self) -> None:
        # The hint's length follows the terminal's width, also when it changes under a vote.
        self.refresh_view()

    # -- gating ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = super().check_action(action, parameters)
        if not allowed or action not in self.CHANGES:
            return allowed
        found = self._found()
        return True if found is not None and found[1].is_open else None

    # -- casting -----------------------------------------------------------------------------

    def undo_marker(self) -> object:
        return dict(self._choices)

    def undone(self, marker: object) -> None:
        """A ballot taken back: both tables point at it (the member, and the member's party)."""
        if not self.is_mounted or not isinstance(marker, dict):
            return
        for row, person_id in enumerate(self._roster):
            if marker.get(person_id) != self._choices.get(person_id):
                self.query_one("#members", RollTable).move_cursor(row)
                person = self.service.meeting.participant(person_id)
                parties = list(self._party_rows)
                if person is not None and person.affiliation in parties:
                    party_row = parties.index(person.affiliation)
                    self.query_one("#parties", RollTable).move_cursor(party_row)
                return

    def _missing_rows(self, table: RollTable) -> list[int]:
        """Rows of `table` where ballots are still missing (a member, or a party's members)."""
        if table.id == "members":
            return [n for n, pid in enumerate(self._roster) if self._choices.get(pid) is None]
        return [n for n, cells in enumerate(self._party_rows.values()) if cells[5] != "0"]

    def _next_missing(self, table: RollTable, row: int) -> int:
        """The next row that still lacks ballots (`next_missing`)."""
        return next_missing(self._missing_rows(table), row, table.row_count)

    def _cast(self, choice: Choice) -> None:
        if self.check_action("for", ()) is not True:
            return
        focused = self.focused
        if isinstance(focused, RollTable) and focused.id == "members":
            table = focused
            row = table.cursor_row
            if not 0 <= row < len(self._roster):
                return
            command: Callable[..., object] = self.service.cast_ballot
            target: int | str = self._roster[row]
        else:
            table = self.query_one("#parties", RollTable)
            row = table.cursor_row
            if not 0 <= row < len(self._parties):
                return
            command, target = self.service.cast_party, self._parties[row]

        # The cursor stays on the row just voted: its figures change under the secretary's
        # eyes, the right key on the same row corrects a wrong one (asked first), and ↓ pressed
        # out of habit goes to the next row. Moving on by itself, that ↓ skipped a party and the
        # next key voted for the party after it, without a word.
        self.meeting_app.run_command(command, self.vote_id, target, choice)

    def action_for(self) -> None:
        self._cast(Choice.FOR)

    def action_imod(self) -> None:
        self._cast(Choice.AGAINST)

    def action_undlod(self) -> None:
        self._cast(Choice.ABSTAIN)

    def action_rest_for(self) -> None:
        self._cast_rest(Choice.FOR)

    def action_rest_imod(self) -> None:
        self._cast_rest(Choice.AGAINST)

    def _cast_rest(self, choice: Choice) -> None:
        """Everyone who has not voted votes `choice`: the dissenters first, then one key."""
        if self.check_action("rest_for", ()) is not True:
            return
        self.meeting_app.run_command(self.service.cast_rest, self.vote_id, choice)

    def action_close(self) -> None:
        """Closing is final: the secretary sees the result it will record, then confirms."""
        found = self._found()
        if found is None:
            return
        item, vote = found
        live = rules.live_tally(self.service.meeting, item, vote)
        if not live.counted:
            # Nothing to count: the command API says so.
            self._close()
            return
        counts = live.counts
        # The vote line as the referat will write it ("For stemte: A og V (5). Imod stemte: C
        # (1).") of the ballots that count: a party entered wrong is seen here, before it is.
        stale = {b.participant_id for b, _ in live.stale}
        counting = [b for b in vote.ballots if b.participant_id not in stale]
        as_recorded = count_line(vote.model_copy(update={"ballots": counting}))
        lines = [
            t("tui.close_vote_counts", f=counts.for_, i=counts.against, u=counts.abstain),
            t("tui.close_vote_record", line=as_recorded),
            result_words(counts, closed=True),
        ]
        if live.missing:
            lines.append(
                missing_line(self.service.meeting, item, (b.participant_id for b in vote.ballots))
            )
        dialog = self.meeting_app.confirm_dialog(lines, t("tui.close_vote_question"), warn=False)
        self.app.push_screen(dialog, lambda ok: self._close() if ok else None)

    def _close(self) -> None:
        def closed(outcome: Any) -> None:
            found = self._found()
            if found is not None and found[1].counts is not None:
                self.notify(
                    result_words(found[1].counts, closed=True), title=t("tui.vote_closed_title")
                )
            self.dismiss()

        self.meeting_app.run_command(self.service.close_vote, self.vote_id, on_done=closed)

    def action_back(self) -> None:
        self.dismiss()
