"""`meetingtui committee`: committees and their rosters, from and to the committee file (TOML)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from meetingtui.i18n import t
from meetingtui.i18n.dates import long_date

if TYPE_CHECKING:
    import sqlite3

    from meetingtui.committees.model import Committee, RosterEntry


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(2)


def _connect(ctx: click.Context) -> sqlite3.Connection:
    from meetingtui.storage.db import connect

    return connect(ctx.obj["db_path"])


def _committee(conn: sqlite3.Connection, name: str) -> Committee:
    from meetingtui.committees.queries import committee_meant
    from meetingtui.errors import InputError

    try:
        return committee_meant(conn, name)
    except InputError as exc:
        conn.close()
        _fail(exc.message)


def _entry_json(entry: RosterEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "affiliation": entry.affiliation,
        "role": entry.role.value,
        "votes": entry.votes,
        "rank": entry.rank,
        "email": entry.email,
        "joined": entry.joined.isoformat(),
        "left": entry.left_on.isoformat() if entry.left_on else None,
    }


def localize_subcommands(group: click.Group) -> None:
    """Help texts of `committee SUBCOMMAND` from the catalog (`cli.help.committee.SUB`)."""
    from meetingtui.i18n import keys

    known = keys()
    prefix = group.name
    for name, command in group.commands.items():
        if f"cli.help.{prefix}.{name}" in known:
            command.help = t(f"cli.help.{prefix}.{name}")
            command.short_help = None
        for param in command.params:
            key = f"cli.opt.{prefix}.{name}.{param.name}"
            if isinstance(param, click.Option) and key in known:
                param.help = t(key)


class LocalizedGroup(click.Group):
    """A subcommand group whose help speaks the language `--lang` chose (set before this runs)."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        localize_subcommands(self)
        return super().make_context(info_name, args, parent, **extra)


@click.group(name="committee", cls=LocalizedGroup)
def committee_group() -> None:
    """Committees and their rosters (valgperioder, members, stedfortrædere)."""


@committee_group.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, file: Path) -> None:
    """Create or update a committee from a committee FILE (TOML)."""
    from meetingtui.committees.toml_file import import_committee_file

    conn = _connect(ctx)
    try:
        report = import_committee_file(conn, file)
    finally:
        conn.close()
    click.echo(report.summary())


@committee_group.command(name="export")
@click.argument("name")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.pass_context
def export_command(ctx: click.Context, name: str, output: Path | None) -> None:
    """Print the committee NAME as a committee file (TOML) that `committee import` reads."""
    from meetingtui.committees.toml_file import export_committee

    conn = _connect(ctx)
    committee = _committee(conn, name)
    conn.close()
    text = export_committee(committee)
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from meetingtui.exporters import write_atomically

    write_atomically(text.encode("utf-8"), output)
    click.echo(t("committee.cli.written", path=output), err=True)


@committee_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """The committees: name, kind, municipality, the current term and its roster size."""
    from meetingtui.committees.queries import list_committees

    conn = _connect(ctx)
    committees = list_committees(conn)
    conn.close()
    today = date.today()
    if as_json:
        rows = []
        for c in committees:
            period = c.period_on(today)
            rows.append(
                {
                    "id": c.id,
                    "name": c.name,
                    "kind": c.kind.value,
                    "municipality": c.municipality,
                    "periods": [
                        {"name": p.name, "starts": p.starts.isoformat(), "ends": p.ends.isoformat()}
                        for p in c.periods
                    ],
                    "current_period": period.name if period else None,
                    "members_today": len(c.members_on(today)),
                    "substitutes_today": len(c.substitutes_on(today)),
                }
            )
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not committees:
        click.echo(t("committee.cli.none"))
        return
    for c in committees:
        period = c.period_on(today)
        click.echo(
            t(
                "committee.cli.line",
                id=c.id,
                name=c.name,
                kind=c.kind.value,
                municipality=c.municipality or "-",
                period=period.name if period else t("committee.cli.no_period"),
                members=len(c.members_on(today)),
                substitutes=len(c.substitutes_on(today)),
            )
        )


@committee_group.command(name="roster")
@click.argument("name")
@click.option(
    "--on",
    "on",
    default=None,
    help="The roster valid on this date (11.03.2025 or 2025-03-11; default today).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def roster_command(ctx: click.Context, name: str, on: str | None, as_json: bool) -> None:
    """The members and stedfortrædere of committee NAME on a date (the roll call of a meeting)."""
    from meetingtui.dates import typed_date

    # Typed as on the screens: "11.03.2025" (or "2025-03-11"); nonsense is refused before anything.
    day = typed_date(on) if on is not None else date.today()
    if day is None:
        _fail(t("committee.cli.bad_date", value=on))
    conn = _connect(ctx)
    committee = _committee(conn, name)
    conn.close()
    period = committee.period_on(day)
    members = committee.members_on(day)
    substitutes = committee.substitutes_on(day)
    if as_json:
        data = {
            "committee": committee.name,
            "date": day.isoformat(),
            "period": period.name if period else None,
            "members": [_entry_json(m) for m in members],
            "substitutes": [_entry_json(m) for m in substitutes],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if period is None:
        _fail(t("committee.no_period_on", name=committee.name, date=long_date(day)))
    click.echo(
        t(
            "committee.cli.roster_head",
            name=committee.name,
            date=long_date(day),
            period=period.name,
        )
    )
    for m in members:
        role = t(f"tui.role.{m.role.name.lower()}")
        no_vote = "" if m.votes else " " + t("committee.cli.no_vote")
        click.echo(f"  {m.label:<36} {role + no_vote:<30} {m.email or '-'}")
    if substitutes:
        click.echo(t("committee.cli.substitutes_head"))
        for m in substitutes:
            click.echo(f"  {m.affiliation:>6} {m.rank:>2}. {m.name:<30} {m.email or '-'}")


def register(group: click.Group) -> None:
    group.add_command(committee_group)
