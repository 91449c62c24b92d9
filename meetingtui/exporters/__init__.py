"""Exporters: pure functions from a meeting record to a document.

`export()` is the one entry point for the CLI and the TUI. Each format's module is imported only
when that format is asked for, so starting the TUI never loads python-docx.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING

from meetingtui.errors import InputError

if TYPE_CHECKING:
    from meetingtui.models import Meeting

FORMATS = ("docx", "pdf", "json", "popolo", "md")
# Data, not prose: the same in any language.
LANGUAGE_NEUTRAL = ("json", "popolo")


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(
    meeting: Meeting,
    fmt: str = "docx",
    *,
    public: bool = True,
    chain_head: str = "",
    template: Path | str | IO[bytes] | None = None,
    show_closed_titles: bool = True,
    decision_formula: str | None = None,
    toc_pages: bool = False,
    with_speakers: bool = False,
    language: str = "da",
) -> bytes:
    """The meeting in format `fmt` (docx, pdf, json, popolo, md) as bytes, ready to write to a
    file. `toc_pages` lays a .docx out once in LibreOffice, when it is installed, to store the
    page numbers of its table of contents for Word. PDF needs LibreOffice.

    The speakers' lists are left out unless `with_speakers`: debate is not part of a referat.
    The referat is written in `language`, Danish unless English is asked for, whatever language
    the screens or the command line speak: it is for the members and the public.
    """
    from meetingtui.i18n import writing_in

    with writing_in(language):
        return _export(
            meeting,
            fmt,
            public=public,
            chain_head=chain_head,
            template=template,
            show_closed_titles=show_closed_titles,
            decision_formula=decision_formula,
            toc_pages=toc_pages,
            with_speakers=with_speakers,
        )


def _export(
    meeting: Meeting,
    fmt: str,
    *,
    public: bool,
    chain_head: str,
    template: Path | str | IO[bytes] | None,
    show_closed_titles: bool,
    decision_formula: str | None,
    toc_pages: bool,
    with_speakers: bool,
) -> bytes:
    if not with_speakers:
        from meetingtui.speakers import without_speakers

        meeting = without_speakers(meeting)
    if fmt == "docx" and toc_pages:
        from meetingtui.exporters.pdf import render_docx_with_pages

        data, _ = render_docx_with_pages(
            meeting,
            template=template,
            decision_formula=decision_formula,
            public=public,
            chain_head=chain_head,
            show_closed_titles=show_closed_titles,
        )
        return data
    if fmt == "docx":
        from meetingtui.exporters.docx import render_docx

        return render_docx(
            meeting,
            template=template,
            decision_formula=decision_formula,
            public=public,
            chain_head=chain_head,
            show_closed_titles=show_closed_titles,
        )
    if fmt == "pdf":
        from meetingtui.exporters.pdf import render_pdf

        return render_pdf(
            meeting,
            template=template,
            decision_formula=decision_formula,
            public=public,
            chain_head=chain_head,
            show_closed_titles=show_closed_titles,
        )
    if fmt == "json":
        from meetingtui.exporters.json_export import to_json_dict

        return _json_bytes(
            to_json_dict(
                meeting, public=public, chain_head=chain_head, show_closed_titles=show_closed_titles
            )
        )
    if fmt == "popolo":
        from meetingtui.exporters.popolo import to_popolo

        return _json_bytes(
            to_popolo(
                meeting, public=public, chain_head=chain_head, show_closed_titles=show_closed_titles
            )
        )
    if fmt == "md":
        from meetingtui.exporters.markdown import to_markdown

        return to_markdown(
            meeting, public=public, chain_head=chain_head, show_closed_titles=show_closed_titles
        ).encode("utf-8")
    raise InputError("export.error.unknown_format", fmt=fmt)


def extension(fmt: str) -> str:
    return {
        "docx": ".docx",
        "pdf": ".pdf",
        "json": ".json",
        "popolo": ".popolo.json",
        "md": ".md",
    }[fmt]


def default_filename(
    meeting: Meeting, fmt: str, *, public: bool = True, language: str = "da"
) -> str:
    """ "referat-oekonomiudvalget-2017-01-03.docx"; internal referats say so in the name, and
    a referat in English ("-en")."""
    from meetingtui.exporters.referat import slug

    suffix = ("" if public else "-internt") + ("" if language == "da" else f"-{language}")
    return f"referat-{slug(meeting.body)}-{meeting.starts_at:%Y-%m-%d}{suffix}{extension(fmt)}"


def write_atomically(data: bytes, target: Path) -> None:
    """Write all or nothing: a half-written referat must never replace a good one.

    The file gets the mode any new file of the user gets (0666 less the umask), as if it had
    been written directly. A full disk or a read-only folder raises StorageError
    `storage.write_failed` naming the cause; the earlier file, if any, is kept.
    """
    import os
    import secrets

    from meetingtui.errors import StorageError
    from meetingtui.storage.faults import os_cause

    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # os.open applies the umask to 0o666; tempfile.mkstemp would make it 0600.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(
            "storage.write_failed", path=str(target), cause=os_cause(exc, target)
        ) from exc
