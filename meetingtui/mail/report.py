"""The words for a send plan and its outcome, shared by `meetingtui send` and the closing screen."""

from __future__ import annotations

from typing import Any

from meetingtui.i18n import t, t_count
from meetingtui.i18n.dates import short_datetime
from meetingtui.mail.deliveries import Status
from meetingtui.mail.sending import Action, Outcome, Recipient, SendPlan, SendReport


def action_text(recipient: Recipient, *, screen: bool = False) -> str:
    when = short_datetime(recipient.previous.at) if recipient.previous else ""
    if recipient.action == Action.ALREADY_SENT:
        return t("mail.action.already_sent", at=when)
    if recipient.action == Action.FAILED_BEFORE:
        key = "mail.action.failed_before_screen" if screen else "mail.action.failed_before"
        return t(key, at=when)
    return t(f"mail.action.{recipient.action}")


def plan_lines(plan: SendPlan, *, screen: bool = False) -> list[str]:
    """The plan as the secretary reads it: one line per participant, nobody left out.
    `screen`: the narrower lines of the closing screen's dialog, with its keys."""
    variant = t("mail.variant.internal" if plan.internal else "mail.variant.public")
    lines = [t_count("mail.plan_head", len(plan.recipients), subject=plan.subject, variant=variant)]
    for r in plan.recipients:
        lines.append(
            t(
                "mail.plan_line_screen" if screen else "mail.plan_line",
                name=r.name,
                email=r.email or "–",
                who=f"{r.name} <{r.email}>" if r.email else r.name,
                variant=t(f"mail.variant.{r.variant.value}"),
                action=action_text(r, screen=screen),
            )
        )
    changed = [r.name for r in plan.recipients if r.changed_since]
    if changed:
        lines.append(t("mail.changed_since", names=", ".join(changed)))
    return lines


def plan_json(plan: SendPlan) -> dict[str, Any]:
    return {
        "meeting": plan.meeting.id,
        "subject": plan.subject,
        "draft": plan.draft,
        "referat_hash": plan.referat_hash,
        "recipients": [
            {
                "participant_id": r.participant_id,
                "name": r.name,
                "email": r.email or None,
                "variant": r.variant.value,
                "filename": plan.filename(r.variant),
                "action": r.action,
                "previous": (
                    {
                        "status": r.previous.status.value,
                        "at": r.previous.at.isoformat(),
                        "reason": r.previous.reason,
                    }
                    if r.previous
                    else None
                ),
                "changed_since": r.changed_since,
            }
            for r in plan.recipients
        ],
    }


def summary(report: SendReport) -> str:
    from meetingtui.mail.deliveries import Status

    recipients = report.plan.recipients
    return t(
        "mail.summary",
        sent=report.count(Status.SENT),
        refused=report.count(Status.REFUSED) + report.count(Status.FAILED),
        skipped=sum(
            1 for r in recipients if r.action in (Action.ALREADY_SENT, Action.FAILED_BEFORE)
        ),
        missing=sum(1 for r in recipients if r.action == Action.NO_ADDRESS),
    )


def outcome_line(outcome: Outcome) -> str:
    r = outcome.recipient
    key = {Status.SENT: "mail.sent", Status.REFUSED: "mail.refused", Status.FAILED: "mail.failed"}
    return t(key[outcome.status], name=r.name, email=r.email, reason=outcome.reason)
