"""`meetingtui send`: email the referat to every member with an address."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from meetingtui.i18n import t


@click.command(name="send")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--internal", is_flag=True, help="Send the internal version to the members.")
@click.option("--draft", is_flag=True, help="Send a draft of a meeting that is not closed.")
@click.option("--dry-run", is_flag=True, help="Only show who would get what.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--retry-failed", is_flag=True, help="Send also to those refused before.")
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
    from meetingtui.mail.report import outcome_line, plan_json, plan_lines, summary
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
