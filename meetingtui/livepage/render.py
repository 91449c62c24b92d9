"""The public page as HTML: a full page for the first load, and the same parts as fragments
that the event stream sends when something changes (the page swaps them in, no reload).

Everything is rendered from a `PublicView`, escaped, with real headings, lists and landmarks so
a screen reader can follow the meeting; words come from the catalog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from meetingtui.i18n import t
from meetingtui.livepage.view import AgendaLine, CurrentItem, PublicView, SpeakerLine, VoteLine
from meetingtui.speakers import mmss

# The parts of the page that change; each is the inner HTML of the element with this id.
FRAGMENTS = ("status", "current", "votes", "speakers", "quorum", "agenda")


def _p(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def _paragraphs(text: str, cls: str = "") -> str:
    return "".join(_p(line, cls) for line in text.splitlines() if line.strip())


def _status(view: PublicView) -> str:
    return escape(view.status_text)


def _current(current: CurrentItem | None) -> str:
    if current is None:
        return _p(t("live.no_current"), "muted")
    label = escape(t("live.item_label", number=current.number))
    if current.closed:
        return (
            f'<h3 class="item-title"><span class="item-number">{label}</span> '
            f"{escape(t('live.closed_item'))}</h3>" + _p(t("live.closed_item_explained"), "muted")
        )
    parts = [
        f'<h3 class="item-title"><span class="item-number">{label}</span> '
        f"{escape(current.title)}</h3>"
    ]
    if current.case_number:
        parts.append(_p(t("live.case_number", number=current.case_number), "case"))
    if current.decision:
        parts.append(
            f'<div class="decision"><h4>{escape(t("live.decision"))}</h4>'
            f"{_paragraphs(current.decision)}</div>"
        )
    elif current.status == "postponed":
        parts.append(f'<div class="decision">{_p(t("live.postponed"))}</div>')
    if current.recommendation:
        parts.append(
            f"<h4>{escape(t('live.recommendation'))}</h4>{_paragraphs(current.recommendation)}"
        )
    return "".join(parts)


def _vote(vote: VoteLine) -> str:
    cls = "vote open" if vote.open else f"vote {vote.result}".strip()
    lines = "".join(_p(line) for line in vote.lines)
    return f'<li class="{cls}"><p class="vote-heading">{escape(vote.heading)}</p>{lines}</li>'


def _votes(view: PublicView) -> str:
    if not view.votes:
        return _p(t("live.no_votes"), "muted")
    return '<ul class="votes">' + "".join(_vote(v) for v in view.votes) + "</ul>"


def _who(line: SpeakerLine) -> str:
    label = f"{line.name} ({line.affiliation})" if line.affiliation else line.name
    if line.reply:
        label += f" — {t('speakers.reply')}"
    return escape(label)


def _countdown(key: str, seconds: float, running: bool) -> str:
    """A clock the page counts down by itself from the seconds left when it was sent."""
    over = " over" if seconds < 0 else ""
    left = t("live.time_over") if seconds < 0 else t("live.time_left")
    return (
        f'<p class="clock{over}">{escape(t(key))} <span class="countdown" '
        f'data-remaining="{seconds:.1f}" data-running="{int(running)}">'
        f"{escape(mmss(seconds))} {escape(left)}</span></p>"
    )


def _speakers(view: PublicView, now: datetime) -> str:
    s = view.speakers
    if s is None or (s.speaking is None and not s.waiting and s.debate_left is None):
        return _p(t("live.no_speakers"), "muted")
    parts = []
    if s.speaking is not None:
        parts.append(
            f'<p class="speaking">{escape(t("live.speaking"))} <strong>{_who(s.speaking)}</strong></p>'
        )
    else:
        parts.append(_p(t("speakers.nobody_speaking"), "muted"))
    speaker_left, debate_left = view.seconds_left(now)
    running = s.speaking is not None
    if speaker_left is not None:
        parts.append(_countdown("live.speaker_time", speaker_left, running))
    if debate_left is not None:
        parts.append(_countdown("live.debate_time", debate_left, running))
    if s.waiting:
        parts.append(_p(t("live.waiting", count=len(s.waiting))))
        parts.append(
            '<ol class="speakers">' + "".join(f"<li>{_who(w)}</li>" for w in s.waiting) + "</ol>"
        )
    return "".join(parts)


def _quorum(view: PublicView) -> str:
    cls = "quorum" if view.quorum.met or not view.quorum.shown else "quorum lost"
    return _p(view.quorum.text, cls)


def _agenda_line(line: AgendaLine) -> str:
    current = ' aria-current="step"' if line.under_way else ""
    title = t("live.closed_item") if line.closed else line.title
    status = t(f"live.item_status.{line.status}")
    decision = _p(line.decision, "agenda-decision") if line.decision else ""
    return (
        f'<li class="agenda-item {escape(line.status)}{" under-way" if line.under_way else ""}"'
        f"{current}>"
        f'<span class="agenda-number">{escape(line.number)}.</span> '
        f'<span class="agenda-title">{escape(title)}</span> '
        f'<span class="agenda-status">{escape(status)}</span>{decision}</li>'
    )


def _agenda(view: PublicView) -> str:
    return '<ol class="agenda">' + "".join(_agenda_line(line) for line in view.agenda) + "</ol>"


_RENDERERS: dict[str, Callable[[PublicView, datetime], str]] = {
    "status": lambda view, now: _status(view),
    "current": lambda view, now: _current(view.current),
    "votes": lambda view, now: _votes(view),
    "speakers": _speakers,
    "quorum": lambda view, now: _quorum(view),
    "agenda": lambda view, now: _agenda(view),
}


def fragments(view: PublicView, now: datetime) -> dict[str, str]:
    """The inner HTML of every changing part of the page, by element id, as of `now` (the
    speakers' clocks)."""
    return {name: _RENDERERS[name](view, now) for name in FRAGMENTS}


def page(view: PublicView, now: datetime, *, projector: bool = False) -> str:
    """The whole page, readable without JavaScript; the script only keeps it up to date."""
    parts = fragments(view, now)
    date = view.when
    title = t("live.page_title", body=view.body, date=date)
    html_class = ' class="projector"' if projector else ""
    subtitle = " · ".join(x for x in (view.title, date, view.location) if x)
    return f"""<!DOCTYPE html>
<html lang="{escape(view.lang)}"{html_class}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="static/page.css">
<script src="static/page.js" defer></script>
</head>
<body data-connected="{escape(t("live.connected"))}" \
data-disconnected="{escape(t("live.disconnected"))}" data-seq="{view.seq}" \
data-time-left="{escape(t("live.time_left"))}" data-time-over="{escape(t("live.time_over"))}">
<a class="skip" href="#current-heading">{escape(t("live.skip_to_current"))}</a>
<header>
<h1>{escape(view.body)}</h1>
<p class="subtitle">{escape(subtitle)}</p>
<p id="status" class="meeting-status">{parts["status"]}</p>
<button type="button" id="fullscreen" aria-keyshortcuts="F">{escape(t("live.fullscreen"))}</button>
</header>
<main id="main">
<section class="current" aria-labelledby="current-heading">
<h2 id="current-heading">{escape(t("live.current_heading"))}</h2>
<div id="current">{parts["current"]}</div>
</section>
<section class="votes-section" aria-labelledby="votes-heading">
<h2 id="votes-heading">{escape(t("live.votes_heading"))}</h2>
<div id="votes">{parts["votes"]}</div>
</section>
<section class="speakers-section" aria-labelledby="speakers-heading">
<h2 id="speakers-heading">{escape(t("live.speakers_heading"))}</h2>
<div id="speakers">{parts["speakers"]}</div>
</section>
<section class="quorum-section" aria-labelledby="quorum-heading">
<h2 id="quorum-heading">{escape(t("live.quorum_heading"))}</h2>
<div id="quorum">{parts["quorum"]}</div>
</section>
<section class="agenda-section" aria-labelledby="agenda-heading">
<h2 id="agenda-heading">{escape(t("live.agenda_heading"))}</h2>
<div id="agenda">{parts["agenda"]}</div>
</section>
</main>
<footer>
<p id="connection" class="connection">{escape(t("live.connected"))}</p>
<div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
</footer>
</body>
</html>
"""
