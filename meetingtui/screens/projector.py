"""`meetingtui open MEETING --projector`: a large, read-only view for the room's second screen.

It follows the meeting another terminal runs, like `--readonly`, and shows only what the room
may see: the item under way, the vote (counted as the ballots are entered, then its result) and
the speakers' list with its clocks in big digits. A closed item shows as "Lukket punkt" and its
number, as on the public web page: a projector faces the public.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from meetingtui import rules, speakers
from meetingtui.exporters.phrasing import result_line
from meetingtui.i18n import t
from meetingtui.i18n.dates import clock, long_date
from meetingtui.keymap import UiConfig, load_config
from meetingtui.livepage.view import vote_subject
from meetingtui.models import AgendaItem, ItemStatus, Meeting, MeetingStatus, Vote
from meetingtui.screens.app import MeetingApp
from meetingtui.screens.base import KeymapScreen
from meetingtui.screens.widgets import quorum_text


class ProjectorScreen(KeymapScreen):
    """Big type, no keys of its own: it only shows what the secretary records."""

    DEFAULT_CSS = """
    ProjectorScreen { layout: vertical; }
    #proj-head { height: auto; background: $primary; color: $background; padding: 0 1; }
    #proj-quorum { height: auto; padding: 0 1; text-style: bold; }
    #proj-quorum.-lost { background: $error; color: #ffffff; }
    #proj-item { height: auto; padding: 1 2 0 2; text-style: bold; }
    #proj-decision { height: auto; padding: 0 2; }
    #proj-panels { height: 1fr; }
    .proj-panel { width: 1fr; height: 100%; padding: 0 2; border-top: heavy $primary; }
    .proj-title { text-style: bold; height: auto; }
    .proj-text { height: auto; }
    Digits { width: auto; margin: 0 0 0 1; }
    #proj-speaker-clock.-over { color: $error; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="proj-head")
        yield Static(id="proj-quorum")
        yield Static(id="proj-item")
        yield Static(id="proj-decision")
        with Horizontal(id="proj-panels"):
            with Vertical(classes="proj-panel"):
                yield Static(t("speakers.projector_heading"), classes="proj-title")
                yield Static(id="proj-speaking", classes="proj-text")
                yield Digits("", id="proj-speaker-clock")
                yield Static(id="proj-waiting", classes="proj-text")
            with Vertical(classes="proj-panel"):
                yield Static(t("speakers.projector_vote"), classes="proj-title")
                yield Static(id="proj-vote", classes="proj-text")
                yield Digits("", id="proj-vote-counts")
                yield Static(id="proj-vote-result", classes="proj-text")

    def on_mount(self) -> None:
        self.refresh_view()

    def _public_item(self) -> AgendaItem | None:
        meeting = self.meeting
        if meeting.status is not MeetingStatus.OPEN:
            return None
        return meeting.current_item

    def refresh_view(self) -> None:
        meeting = self.meeting
        item = self._public_item()
        self._head(meeting, item)
        open_item = item if item is not None and not item.closed else None
        self._vote(open_item)
        self.tick()

    def tick(self) -> None:
        if self.meeting_shown is None:  # the meeting was just closed: the screen goes away
            return
        meeting = self.meeting
        now = self.meeting_now()
        day = long_date(meeting.starts_at.date(), weekday=True)
        head = Text(meeting.body, style="bold")
        head.append(f" · {day} · " + t("speakers.projector_clock", time=clock(now)))
        self.query_one("#proj-head", Static).update(head)
        item = self._public_item()
        self._speakers(item if item is not None and not item.closed else None, now)

    # -- the parts ---------------------------------------------------------------------------

    def _head(self, meeting: Meeting, item: AgendaItem | None) -> None:
        quorum = self.query_one("#proj-quorum", Static)
        if meeting.status is MeetingStatus.OPEN:
            # Inhabilitet on a closed item belongs to it: count without the item then.
            counted = item if item is not None and not item.closed else None
            text, met = quorum_text(meeting, counted)
            quorum.update(Text(str(text).replace("\n", " — ")))
            quorum.set_class(not met, "-lost")
        else:
            quorum.update(t(f"live.status.{meeting.status.value}"))
            quorum.set_class(False, "-lost")
        title = self.query_one("#proj-item", Static)
        decision = self.query_one("#proj-decision", Static)
        if item is None:
            title.update(t("live.no_current"))
            decision.update("")
            return
        label = t("live.item_label", number=item.number).upper()
        if item.closed:
            title.update(Text(f"{label}\n{t('live.closed_item')}", style="bold"))
            decision.update(t("live.closed_item_explained"))
            return
        title.update(Text(f"{label}\n{item.title}", style="bold"))
        if item.status is ItemStatus.DECIDED:
            decision.update(Text(t("live.decision") + ": ", style="bold") + Text(item.decision))
        elif item.status is ItemStatus.POSTPONED:
            decision.update(t("live.postponed"))
        else:
            decision.update("")

    def _vote(self, item: AgendaItem | None) -> None:
        vote: Vote | None = item.votes[-1] if item is not None and item.votes else None
        subject = self.query_one("#proj-vote", Static)
        counts_digits = self.query_one("#proj-vote-counts", Digits)
        result = self.query_one("#proj-vote-result", Static)
        if item is None or vote is None:
            subject.update(t("live.no_votes"))
            counts_digits.update("")
            counts_digits.display = False
            result.update("")
            return
        counts = vote.counts or rules.count_ballots(vote.ballots)
        heading = "live.vote_running" if vote.is_open else "live.vote_done"
        subject.update(t(heading, subject=vote_subject(item, vote)))
        counts_digits.display = True
        counts_digits.update(f"{counts.for_}-{counts.against}-{counts.abstain}")
        legend = t("speakers.projector_counts")
        result.update(legend if vote.is_open else f"{legend}\n{result_line(vote)}")

    def _speakers(self, item: AgendaItem | None, now: datetime) -> None:
        speaking = self.query_one("#proj-speaking", Static)
        clock = self.query_one("#proj-speaker-clock", Digits)
        waiting = self.query_one("#proj-waiting", Static)
        current = speakers.speaking(item) if item is not None else None
        if item is None or (current is None and not item.speakers):
            speaking.update(t("live.no_speakers"))
            clock.display = False
            waiting.update("")
            return
        if current is None:
            speaking.update(t("speakers.nobody_speaking"))
        else:
            who = f"{current.name} ({current.affiliation})" if current.affiliation else current.name
            if current.reply:
                who += f" — {t('speakers.reply')}"
            speaking.update(Text(t("live.speaking") + " ") + Text(who, style="bold"))
        clocks = speakers.clocks(item, now)
        left = clocks.speaker if clocks.speaker is not None else clocks.debate
        clock.display = left is not None
        if left is not None:
            clock.update(speakers.mmss(left))
            clock.set_class(left < 0, "-over")
        lines = []
        if clocks.speaker is not None and clocks.debate is not None:
            lines.append(f"{t('live.debate_time')} {speakers.mmss(clocks.debate)}")
        queue = speakers.waiting(item)
        if queue:
            lines.append(t("live.waiting", count=len(queue)))
        for n, s in enumerate(queue, 1):
            who = f"{s.name} ({s.affiliation})" if s.affiliation else s.name
            lines.append(f"{n}. {who}" + (f" — {t('speakers.reply')}" if s.reply else ""))
        waiting.update("\n".join(lines))


class ProjectorApp(MeetingApp):
    """The read-only follower, showing the projector view instead of the secretary's screens."""

    def _show_meeting(self) -> None:
        self.push_screen(ProjectorScreen())

    def _follow_vote(self) -> None:
        """The projector shows votes itself; it never switches to the secretary's vote screen."""


def build_projector_app(
    db_path: Path | str,
    meeting_id: int,
    *,
    lang: str | None = "da",
    config: UiConfig | Path | str | None = None,
    clock: object = None,
) -> ProjectorApp:
    """The projector for the CLI and the tests; it never writes (`--readonly` underneath)."""
    from meetingtui.clock import local_now
    from meetingtui.i18n import set_language

    ui_config = config if isinstance(config, UiConfig) else load_config(config)
    set_language(lang or ui_config.lang or "da")
    return ProjectorApp(
        Path(db_path),
        meeting_id,
        readonly=True,
        config=ui_config,
        clock=clock if callable(clock) else local_now,
    )
