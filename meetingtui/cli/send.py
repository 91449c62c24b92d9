"""`meetingtui send`: email the referat to every member with an address."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from meetingtui.i18n import t

if TYPE_CHECKING:
    from meetingtui.mail.sending import Recipient, SendPlan, SendReport


def action_text(recipient: Recipient) -> str:
    from meetingtui.mail.sending import Action

    when = f"{recipient.previous.at:%Y-%m-%d %H:%M}" if recipient.previous else ""
    if recipient.action == Action.ALREADY_SENT:
        return t("mail.action.already_sent", at=when)
    if recipient.action == Action.FAILED_BEFORE:
        return t("mail.action.failed_before", at=when)
    return t(f"mail.action.{recipient.action}")


def plan_lines(plan: SendPlan) -> list[str]:
    """The plan as the secretary reads it: one line per participant, nobody left out."""
    variant = t("mail.variant.internal" if plan.internal else "mail.variant.public")
    lines = [t("mail.plan_head", subject=plan.subject, count=len(plan.recipients), variant=variant)]
    for r in plan.recipients:
        lines.append(
            t(
                "mail.plan_line",
                name=r.name,
                email=r.email or "–",
                variant=t(f"mail.variant.{r.variant.value}"),
                action=action_text(r),
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
    from meetingtui.mail.sending import Action

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


def outcome_line(outcome: Any) -> str:
    from meetingtui.mail.deliveries import Status

    r = outcome.recipient
    key = {Status.SENT: "mail.sent", Status.REFUSED: "mail.refused", Status.FAILED: "mail.failed"}
    return t(key[outcome.status], name=r.name, email=r.email, reason=outcome.reason)


@click.command(name="send")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--internal", is_flag=True, help="Send the internal version to the members.")
@click.option("--draft", is_flag=True, help="Send a draft of a meeting that is not closed.")
@click.option("--dry-run", is_flag=True, help="Only show who would get what.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--retry-failed", is_flag=True, help="Send again to those refused last time.")
@click.option("--again", is_flag=True, help="Send to everyone, also those who have it.")
@click.pass_context
def send_command(
    ctx: click.Context,
    meeting_id: int,
    internal: bool,
    draft: bool,
    dry_run: bool,
    as_json: bool,
    retry_failed: bool,
    again: bool,
) -> None:
    """Email the referat of meeting MEETING to every member with an address."""
    from meetingtui.mail.sending import plan_sending, send_referat
    from meetingtui.mail.settings import load_smtp_settings
    from meetingtui.storage.db import connect

    conn = connect(Path(ctx.obj["db_path"]))
    try:
        plan = plan_sending(
            conn, meeting_id, internal=internal, draft=draft, retry_failed=retry_failed, again=again
        )
        if dry_run:
            if as_json:
                click.echo(json.dumps(plan_json(plan), ensure_ascii=False, indent=2))
            else:
                click.echo("\n".join(plan_lines(plan)))
            return
        if not as_json:
            click.echo("\n".join(plan_lines(plan)))
        if not plan.to_send:
            click.echo(t("mail.nobody"), err=True)
            return
        settings = load_smtp_settings(ctx.obj.get("config"))
        report = send_referat(
            conn,
            plan,
            settings,
            on_outcome=None if as_json else lambda o: click.echo(outcome_line(o)),
        )
    finally:
        conn.close()
    if as_json:
        data = plan_json(plan)
        data["outcomes"] = [
            {
                "participant_id": o.recipient.participant_id,
                "name": o.recipient.name,
                "email": o.recipient.email,
                "status": o.status.value,
                "reason": o.reason,
            }
            for o in report.outcomes
        ]
        data["interrupted"] = report.interrupted or None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(summary(report))
    if report.interrupted:
        click.echo(report.interrupted, err=True)
    if not report.ok:
        click.echo(t("mail.retry_hint"), err=True)
        sys.exit(1)


def register(group: click.Group) -> None:
    group.add_command(send_command)
