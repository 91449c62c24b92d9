"""The `meetingtui` command line. Every command goes through the same command API as the TUI."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

import click

from meetingtui.cli import click_text
from meetingtui.errors import MeetingError
from meetingtui.i18n import get_language, keys, set_language, t, t_count
from meetingtui.i18n.dates import short_datetime


def _db_path(ctx: click.Context) -> Path:
    return ctx.obj["db_path"]


def _connect(ctx: click.Context) -> sqlite3.Connection:
    from meetingtui.storage.db import connect

    return connect(_db_path(ctx))


def connect_for_reading(db_path: Path) -> sqlite3.Connection:
    """A connection for a command that only reads: a read-only file or drive is read as it
    is, and a schema from a newer release is read with a note on stderr."""
    from meetingtui.queries import open_reading

    return open_reading(db_path, note=lambda sentence: click.echo(sentence, err=True))


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def run_tui(ctx: click.Context, meeting_id: int | None, *, readonly: bool = False) -> None:
    from meetingtui.screens.app import build_app

    app = build_app(
        _db_path(ctx),
        meeting_id,
        readonly=readonly,
        lang=ctx.obj["lang"],
        config=ctx.obj.get("config"),
    )
    app.run()


def _speak(lang: str | None) -> str | None:
    """`--lang` is read before `--help` acts, so that `meetingtui --lang en --help` is English."""
    if lang is not None:
        set_language(lang)
        localize_help(main)
    return lang


class _Group(click.Group):
    """Turns every `MeetingError` into its catalog message and exit code 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MeetingError as exc:
            fail(exc.message)
        except sqlite3.Error as exc:
            # Whatever SQLite says that no command turned into a sentence yet: name the
            # cause (disk, file, data), never a traceback.
            from meetingtui.storage.faults import sqlite_fault

            fail(sqlite_fault(exc, ctx.obj["db_path"]).message)
        return None


@click.group(cls=_Group, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="MEETINGTUI_DB",
    help="Database file (default: the user data directory; or MEETINGTUI_DB).",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    is_eager=True,
    callback=lambda ctx, param, value: _speak(value),
    help="UI language.",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keymap/config file (TOML).",
)
@click.version_option(package_name="meetingtui")
@click.pass_context
def main(ctx: click.Context, db: Path | None, lang: str | None, config: Path | None) -> None:
    """Run Danish municipal committee meetings from the keyboard, and keep their record.

    Without a command, opens the start screen.
    """
    from meetingtui.storage.db import default_path

    ctx.ensure_object(dict)
    lang = lang or ctx.obj.get("lang")
    set_language(lang or get_language())
    localize_help(main)  # so that `meetingtui --lang en CMD --help` speaks English
    # lang stays None unless given, so that the TUI can take it from the config file.
    ctx.obj.update(db_path=db or default_path(), lang=lang, config=config)
    if ctx.invoked_subcommand is None:
        run_tui(ctx, None)


@main.command()
@click.option("--no-open", is_flag=True, help="Only create the demo meeting and print its id.")
@click.pass_context
def demo(ctx: click.Context, no_open: bool) -> None:
    """Create (once) and open the demo meeting (Lejre, 3 January 2017)."""
    from meetingtui.demo import ensure_demo

    conn = _connect(ctx)
    meeting_id = ensure_demo(conn)
    conn.close()
    if no_open:
        click.echo(meeting_id)
        return
    run_tui(ctx, meeting_id)


@main.command()
@click.argument("agenda", required=False, type=click.Path(path_type=Path))
@click.option("--agenda", "agenda_file", type=click.Path(path_type=Path), default=None)
@click.option("--committee", default=None)
@click.pass_context
def new(
    ctx: click.Context, agenda: Path | None, agenda_file: Path | None, committee: str | None
) -> None:
    """Create a planned meeting from an agenda file or a published dagsorden; print its id."""
    from meetingtui.planning import create_planned_meeting, plan_meeting, summary

    if agenda is not None and agenda_file is not None:
        fail(t("plan.two_agendas"))
    path = agenda_file or agenda
    if path is None:
        fail(t("plan.no_agenda"))
    assert path is not None
    conn = _connect(ctx)
    try:
        plan = plan_meeting(conn, path, committee)
        meeting_id = create_planned_meeting(conn, plan)
    finally:
        conn.close()
    for note in plan.notes:
        click.echo("⚠ " + note, err=True)
    for line in summary(plan, meeting_id):
        click.echo(line)


@main.command(name="open")
@click.argument("meeting_id", type=int)
@click.option("--readonly", is_flag=True, help="Follow a meeting another terminal is running.")
@click.option("--projector", is_flag=True, help="Large read-only view for the projector.")
@click.pass_context
def open_(ctx: click.Context, meeting_id: int, readonly: bool, projector: bool) -> None:
    """Open meeting MEETING_ID in the TUI."""
    from meetingtui.queries import meeting_exists

    conn = _connect(ctx)
    exists = meeting_exists(conn, meeting_id)
    conn.close()
    if not exists:
        fail(t("storage.no_meeting", meeting_id=meeting_id))
    if projector:
        from meetingtui.screens.projector import build_projector_app

        lang, config = ctx.obj["lang"], ctx.obj.get("config")
        build_projector_app(_db_path(ctx), meeting_id, lang=lang, config=config).run()
        return
    run_tui(ctx, meeting_id, readonly=readonly)


@main.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def list_(ctx: click.Context, as_json: bool) -> None:
    """The meetings in the database: id, body, title, start and status."""
    from meetingtui.queries import list_meetings

    conn = connect_for_reading(_db_path(ctx))
    meetings = list_meetings(conn)
    conn.close()
    if as_json:
        rows = [
            {
                "id": m.id,
                "body": m.body,
                "title": m.title,
                "starts_at": m.starts_at.isoformat(),
                "location": m.location,
                "status": m.status.value,
                "document_kind": m.document_kind,
                "items": m.items,
            }
            for m in meetings
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not meetings:
        click.echo(t("cli.no_meetings"))
        return
    # English dates differ in width ("3 Jan 2017", "16 May 2025"): pad them so columns line up.
    starts = [short_datetime(m.starts_at) for m in meetings]
    width = max(len(start) for start in starts)
    for m, start in zip(meetings, starts, strict=True):
        status = t(f"status.{m.status.value}")
        title = f"{m.body} — {m.title}" if m.title else m.body
        click.echo(f"{m.id:>5}  {start:<{width}}  {status:<10} {title}")


@main.command()
@click.option(
    "--hash", "hash_", default=None, help="Check that a referat's printed hash is in the chain."
)
@click.pass_context
def verify(ctx: click.Context, hash_: str | None) -> None:
    """Recompute the audit chain and check every meeting against its events."""
    from meetingtui.queries import find_printed_hash
    from meetingtui.reopening import reopened_after
    from meetingtui.storage.db import snapshot
    from meetingtui.verify import meeting_name
    from meetingtui.verify import verify as run_verify

    if hash_ is not None and not re.fullmatch(r"[0-9a-fA-F]{12,64}", hash_.strip()):
        fail(t("verify.hash_invalid", hash=hash_))
    conn = connect_for_reading(_db_path(ctx))
    # One moment for the whole report: a meeting recorded meanwhile is not tampering.
    with snapshot(conn):
        report = run_verify(conn)
        found = find_printed_hash(conn, hash_) if hash_ else None
        reopened = reopened_after(conn, found.meeting_id, found.seq) if found else None
        name = meeting_name(conn, found.meeting_id) if found else ""
    conn.close()
    for problem in report.problems:
        click.echo(problem.message, err=True)
    if hash_:
        if found is None:
            fail(t("verify.hash_unknown", hash=hash_), 1)
        click.echo(t("verify.hash_found", hash=hash_, meeting=name, seq=found.seq))
        if reopened is not None:
            # A referat printed before a reopening is superseded, not merely out of date.
            fail(
                t(
                    "verify.hash_superseded",
                    meeting=reopened.meeting,
                    when=short_datetime(reopened.at),
                    reason=reopened.reason,
                ),
                1,
            )
        if found.later_events:
            click.echo(t("verify.meeting_head", meeting=name, head=found.meeting_head))
            fail(t_count("verify.hash_outdated", found.later_events, meeting=name), 1)
    if not report.ok:
        fail(t("verify.checked", events=report.events, head=report.head or "-"), 1)
    click.echo(t("verify.ok", events=report.events, head=report.head or "-"))


@main.command()
@click.argument("target", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Replace FILE if it exists.")
@click.pass_context
def backup(ctx: click.Context, target: Path, replace: bool) -> None:
    """Copy the database to FILE, one consistent moment, while meetings may be running."""
    from meetingtui.queries import totals
    from meetingtui.storage.db import backup as run_backup
    from meetingtui.storage.db import snapshot

    source = _db_path(ctx)
    if not source.exists():
        fail(t("storage.missing", path=source))
    if target.exists() and os.path.samefile(target, source):
        fail(t("backup.same_file", path=target))
    if target.exists() and not replace:
        fail(t("backup.exists", path=target))
    copy = run_backup(source, target)
    with snapshot(copy):
        copied = totals(copy)
    copy.close()
    click.echo(
        t(
            "backup.done",
            path=target,
            meetings=copied.meetings,
            events=copied.events,
            head=copied.head or "-",
        )
    )


def _register_areas() -> None:
    """Commands of the other areas (export, archive) live in their own modules."""
    from importlib import import_module
    from importlib.util import find_spec

    for area in ("export", "archive", "serve", "committee", "send"):
        name = f"meetingtui.cli.{area}"
        if find_spec(name) is not None:
            import_module(name).register(main)


def localize_help(group: click.Group) -> None:
    """Help texts come from the catalog (`cli.help.CMD`, `cli.opt.CMD.PARAM`), and so do the
    words click puts around them (see `click_text`)."""
    known = keys()
    click_text.localize_command(group)
    for name, command in [("main", group), *group.commands.items()]:
        if f"cli.help.{name}" in known:
            command.help = t(f"cli.help.{name}")
            command.short_help = None
        for param in command.params:
            key = f"cli.opt.{name}.{param.name}"
            if isinstance(param, click.Option) and key in known:
                param.help = t(key)


_register_areas()
click_text.install()
localize_help(main)
