"""The item as the meeting screen shows it: status and record first, then the case text; and
what a vote is about, as the screens name it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from meetingtui import rules
from meetingtui.exporters import changes, phrasing
from meetingtui.i18n import join_names, t, t_count
from meetingtui.models import AbsenceKind, AgendaItem, DissentKind, ItemStatus, Meeting, Vote
from meetingtui.screens.widgets import item_label

STATUS_MARK = {
    ItemStatus.PENDING: "·",
    ItemStatus.CURRENT: "▶",
    ItemStatus.DECIDED: "✔",
    ItemStatus.POSTPONED: "⏸",
    ItemStatus.WITHDRAWN: "✘",
}


def status_words(item: AgendaItem) -> str:
    """The item's status in the agenda's column: "✔ afgjort". An item taken up and left without
    a decision is "⚠ uafgjort", not "afventer" as if it had never been taken up."""
    if item.status is ItemStatus.PENDING and item.started_at is not None:
        return "⚠ " + t("tui.item_status.undecided")
    return STATUS_MARK[item.status] + " " + t(f"tui.item_status.{item.status.value}")


def missing_line(meeting: Meeting, item: AgendaItem, voter_ids: Iterable[int | None]) -> str:
    """ "2 stemmeberettigede har ikke stemt: Ole Dam (O), Lise Bach (V)." before a vote or an
    election is closed; empty when everyone who may vote has."""
    missing = rules.not_voted(meeting, item, voter_ids)
    if not missing:
        return ""
    names = ", ".join(person.label for person in missing)
    return t_count("tui.close_vote_missing", len(missing), names=names)


def vote_subject(item: AgendaItem, motion_id: int | None, description: str = "") -> str:
    """What a vote is about as a heading or a choice in a list: "Indstillingen",
    "Ændringsforslag: …"."""
    if motion_id is not None:
        motion = item.motion(motion_id)
        if motion is not None:
            return f"{t('tui.motion.' + motion.kind.name.lower())}: {motion.text}"
    return description or t("tui.vote_on_recommendation")


def vote_subject_in_text(item: AgendaItem, vote: Vote) -> str:
    """What a vote is about inside a sentence ("Afstemning om indstillingen"), in the referat's
    own words; a vote opened on the indstilling says so, where the referat writes nothing."""
    return phrasing.vote_subject(item, vote.motion_id, vote.description) or t(
        "export.motion_indstilling"
    )


def election_decision(item: AgendaItem) -> str:
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
        # Without a reason, no "Begrundelse: -": the reason is optional.
        postponed = (
            t("tui.postponed", reason=item.postponed_reason)
            if item.postponed_reason
            else t("tui.postponed_bare")
        )
        text.append(postponed + "\n", style="bold")
    for line in changes.item_lines(meeting, item):  # "Punktet udgik.", as the referat says it
        text.append(line + "\n", style="bold")
    for absence in item.absences:
        key = "tui.absence_inhabil" if absence.kind is AbsenceKind.INHABIL else "tui.absence_item"
        if not absence.reason:
            key += "_bare"
        text.append("• " + t(key, name=absence.name, reason=absence.reason) + "\n")
    for motion in item.motions:
        kind = t("tui.motion." + motion.kind.name.lower())
        amends = f" → {motion.amends}" if motion.amends is not None else ""
        who = f" ({motion.proposer})" if motion.proposer else ""
        text.append(f"• {kind} {motion.id}{amends}{who}: {motion.text}\n")
    for vote in item.votes:
        subject = vote_subject_in_text(item, vote)
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
            outcome = t_count("tui.election_running", len(election.ballots), office=election.office)
        elif election.elected:
            outcome = t("tui.elected", name=election.elected, office=election.office)
        elif election.tied:
            outcome = t(
                "tui.election_tied", office=election.office, names=join_names(election.tied)
            )
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
