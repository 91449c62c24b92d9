"""Archive commands: `import`, `search` and `case`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from meetingtui.i18n import t, t_count
from meetingtui.i18n.dates import stored_short, written_short

if TYPE_CHECKING:  # the archive (multiprocessing, importers) loads only when a command runs
    from meetingtui.archive import FileStatus, ImportSummary


def _db_path(ctx: click.Context) -> Path:
    obj = ctx.find_root().obj or {}
    if obj.get("db_path"):
        return Path(obj["db_path"])
    from meetingtui.storage.db import default_path

    return default_path()


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return t("import.progress.eta_unknown")
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class _ProgressLine:
    """One redrawn line on stderr: a bar, files done, items found and time left."""

    width = 24

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int, items: int, eta: float | None) -> None:
        if not self.enabled or total == 0:
            return
        filled = int(self.width * done / total)
        bar = "█" * filled + "░" * (self.width - filled)
        text = t("import.progress", done=done, total=total, items=items, eta=_clock(eta))
        click.echo(f"\r{bar} {text}\x1b[K", nl=False, err=True)

    def close(self) -> None:
        if self.enabled:
            click.echo("", err=True)


def _status(status: FileStatus) -> str:
    return t(f"import.status.{status.value}")


def _print_summary(summary: ImportSummary) -> None:
    header = t("import.summary.header").split("\t")
    rows = [
        [
            f.path,
            f.format or "-",
            _status(f.status),
            str(f.meetings),
            str(f.items),
            str(f.unplaced),
            # An imported file says where it went and what it lost.
            f.reason or "; ".join(n for n in (f.note, *f.warnings) if n),
        ]
        for f in summary.files
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        click.echo("  ".join([*cells, row[-1]]).rstrip())
    click.echo(str(summary))


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON for scripts.")
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Parser processes."
)
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], as_json: bool, workers: int) -> None:
    """Import referats and agendas (files or folders, recursively) into the archive.

    The format is detected from each file's content. Exit status 1 when any file failed.
    """
    progress = _ProgressLine()
    if as_json:
        progress.enabled = False
    try:
        from meetingtui.archive import import_paths

        summary = import_paths(_db_path(ctx), paths, workers=workers, on_progress=progress)
    finally:
        progress.close()
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    elif not summary.files:
        click.echo(t("import.no_files"))
    else:
        _print_summary(summary)
    if not summary.ok:
        sys.exit(1)


@click.command()
@click.argument("query")
@click.option("--body", default=None, help="Only this body (part of its name).")
@click.option("--from", "date_from", default=None, help="From this date (inclusive).")
@click.option("--to", "date_to", default=None, help="To this date (inclusive).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    body: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search titles, sections and decisions in the archive."""
    from dataclasses import asdict

    from meetingtui import queries
    from meetingtui.cli import connect_for_reading

    conn = connect_for_reading(_db_path(ctx))
    try:
        results = queries.search(
            conn, query, body=body, date_from=date_from, date_to=date_to, limit=limit,
            marks=("", "") if as_json else ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty()
            else ("[", "]"),
        )  # fmt: skip
    finally:
        conn.close()
    for notice in results.notices():
        click.echo(notice, err=True)  # stderr: the hits (or JSON) on stdout stay as they are
    hits = results.hits
    if as_json:
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(t("search.no_hits"))
        return
    for hit in hits:
        title = f"{t('case.closed')}: {hit.title}" if hit.closed else hit.title
        click.echo(
            t(
                "search.hit",
                date=stored_short(hit.date),
                body=hit.body,
                number=hit.number,
                title=title,
            )
            + f"  [#{hit.meeting_id}]"
        )
        snippet = " ".join(hit.snippet.split())
        if snippet:
            click.echo(f"    {snippet}")


@click.command()
@click.argument("case_number")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_context
def case(ctx: click.Context, case_number: str, as_json: bool) -> None:
    """Every item with this case number, across meetings, in date order, with its decisions."""
    from dataclasses import asdict

    from meetingtui import queries
    from meetingtui.cli import connect_for_reading

    conn = connect_for_reading(_db_path(ctx))
    try:
        entries = queries.case_history(conn, case_number)
    finally:
        conn.close()
    if as_json:
        payload = [
            {**asdict(e), "decision_history": [d.model_dump() for d in e.decision_history]}
            for e in entries
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo(t("case.none", case=case_number))
        sys.exit(1)
    click.echo(t_count("case.header", len(entries), case=case_number))
    for entry in entries:
        title = f"{t('case.closed')}: {entry.title}" if entry.closed else entry.title
        click.echo("")
        click.echo(
            t(
                "case.entry",
                date=stored_short(entry.starts_at),
                body=entry.body,
                number=entry.number,
                title=title,
            )
            + f"  [#{entry.meeting_id}]"
        )
        for earlier in entry.decision_history[:-1] if entry.decision else entry.decision_history:
            label = " ".join(part for part in (earlier.body, written_short(earlier.date)) if part)
            click.echo(f"    {label}: {' '.join(earlier.text.split())}")
        click.echo("    " + (" ".join(entry.decision.split()) or t("case.no_decision")))


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", default="", help="The archive's title (default: Mødearkiv).")
@click.option("--licence", default="", help="Licence of the published data, e.g. CC0 1.0.")
@click.option("--licence-url", default="", help="Address of the licence text.")
@click.option("--source", default="", help="Who publishes it, e.g. the municipality.")
@click.option("--source-url", default="", help="Address of the source.")
@click.option("--hide-closed-titles", is_flag=True, help="Closed items without their titles.")
@click.pass_context
def publish(
    ctx: click.Context,
    out: Path,
    title: str,
    licence: str,
    licence_url: str,
    source: str,
    source_url: str,
    hide_closed_titles: bool,
) -> None:
    """Write a public-only copy of the archive to OUT (SQLite, for Datasette) and
    OUT.metadata.json beside it: closed items as in the public referat."""
    from meetingtui.publish import About
    from meetingtui.publish import publish as write_public
    from meetingtui.storage.db import connect

    about = About(title, licence, licence_url, source, source_url)
    conn = connect(_db_path(ctx), readonly=True)
    try:
        result = write_public(conn, out, about=about, show_closed_titles=not hide_closed_titles)
    finally:
        conn.close()
    click.echo(str(result))


def register(group: click.Group) -> None:
    group.add_command(import_)
    group.add_command(search)
    group.add_command(case)
    group.add_command(publish)
