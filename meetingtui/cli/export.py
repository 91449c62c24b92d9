"""`meetingtui export` and `meetingtui schema`: the referat and the JSON export's schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

import click

from meetingtui.exporters import FORMATS, default_filename, export
from meetingtui.i18n import t

# Exit status when a PDF is asked for and LibreOffice is not installed, so a script can tell
# "install LibreOffice" from a bad argument (2).
EXIT_NO_LIBREOFFICE = 3


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(message, err=True)
    raise SystemExit(code)


def _write(data: bytes, target: Path) -> None:
    if str(target) == "-":
        with click.open_file("-", "wb") as stream:
            stream.write(data)
            stream.flush()
        return
    from meetingtui.exporters import write_atomically

    write_atomically(data, target)


@click.command(name="export")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="docx",
    show_default=True,
    help="docx (Word referat), pdf (tagged PDF/A via LibreOffice), json (complete record), "
    "popolo or md (Markdown).",
)
@click.option(
    "--public/--internal",
    default=True,
    show_default=True,
    help="Public: closed items show only 'Lukket punkt'. Internal: everything.",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The municipality's .docx: styles, header and letterhead are taken from it.",
)
@click.option(
    "--hide-closed-titles",
    is_flag=True,
    help="Public referat: show closed items by number only, without their titles.",
)
@click.option(
    "--toc-pages/--no-toc-pages",
    default=True,
    show_default=True,
    help="docx: lay the referat out once in LibreOffice (when installed) so Word shows the "
    "page numbers of the table of contents.",
)
@click.option(
    "--with-speakers",
    is_flag=True,
    help="Include the speakers' list (debate is not normally part of a Danish referat).",
)
@click.option(
    "--referat-lang",
    type=click.Choice(["da", "en"]),
    default="da",
    show_default=True,
    help="The referat's language: da (Danish, whatever --lang says) or en (English).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Output file ('-' for standard output). Default: referat-<body>-<date>.",
)
@click.pass_context
def export_command(
    ctx: click.Context,
    meeting_id: int,
    fmt: str,
    public: bool,
    template: Path | None,
    hide_closed_titles: bool,
    toc_pages: bool,
    with_speakers: bool,
    referat_lang: str,
    output: Path | None,
) -> None:
    """Export the referat of meeting MEETING (an id from `meetingtui list`)."""
    from meetingtui.cli import connect_for_reading
    from meetingtui.errors import StorageError
    from meetingtui.queries import checked_record

    if template is not None and fmt not in ("docx", "pdf"):
        _fail(t("export.cli.template_needs_docx"))
    db_path: Path = ctx.obj["db_path"]
    if not db_path.exists():
        _fail(t("export.cli.no_db", db=db_path))
    conn = connect_for_reading(db_path)
    try:
        # The record, its chain head and the check against its events: one moment, so the
        # printed hash is the hash of exactly what is exported.
        meeting, head = checked_record(conn, meeting_id)
    except StorageError as exc:
        if exc.key == "storage.no_meeting":
            _fail(t("export.cli.no_meeting", meeting=meeting_id, db=db_path))
        _fail(exc.message)
    finally:
        conn.close()
    from meetingtui.exporters import libreoffice
    from meetingtui.exporters.formulas import formula_for, load_formulas

    if fmt == "pdf" and not libreoffice.available():
        _fail(t("export.error.no_libreoffice"), EXIT_NO_LIBREOFFICE)
    if fmt == "docx" and toc_pages and not libreoffice.available():
        click.echo(t("export.cli.no_toc_pages"), err=True)
    data = export(
        meeting,
        fmt,
        public=public,
        chain_head=head,
        template=template,
        show_closed_titles=not hide_closed_titles,
        decision_formula=formula_for(load_formulas(), meeting.body),
        toc_pages=toc_pages,
        with_speakers=with_speakers,
        language=referat_lang,
    )
    target = output or Path(default_filename(meeting, fmt, public=public, language=referat_lang))
    _write(data, target)
    if str(target) != "-":
        click.echo(t("export.cli.written", path=target), err=True)


@click.command(name="schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def schema_command(output: Path | None) -> None:
    """Print the JSON Schema of `meetingtui export --format json`."""
    from meetingtui.exporters.json_export import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        _write(text.encode("utf-8"), output)


def register(group: click.Group) -> None:
    group.add_command(export_command)
    group.add_command(schema_command)
