"""meetingtui's own files: the JSON export and the .docx referat with the record inside.

Both carry the record (`exporters.json_export`): complete in internal exports, redacted like the
visible text in public ones. The import is lossless: the meeting read back exports to the same
JSON document. Nothing is re-parsed from the visible text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from meetingtui.errors import InputError
from meetingtui.exporters.json_export import FORMAT_NAME, READABLE_VERSIONS, meeting_from_json
from meetingtui.exporters.record_part import RECORD_PARTNAME
from meetingtui.importers import limits
from meetingtui.importers.source import Source
from meetingtui.importers.zipparts import read_parts
from meetingtui.models import Meeting

FORMAT = "meetingtui"

_RECORD_MEMBER = RECORD_PARTNAME.lstrip("/")
_JSON_MARK = re.compile(rb'"format"\s*:\s*"' + re.escape(FORMAT_NAME.encode()) + rb'"')


def sniff(data: bytes) -> bool:
    if data.startswith(b"PK\x03\x04"):
        return _RECORD_MEMBER.encode() in data
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and _JSON_MARK.search(data[:65536]) is not None


def read(data: bytes, *, source: str = "") -> list[Source]:
    return [Source([], record=meeting) for meeting in parse(data, source=source)]


def parse(data: bytes, *, source: str = "") -> list[Meeting]:
    if data.startswith(b"PK\x03\x04"):
        parts = read_parts(data, (_RECORD_MEMBER,), source=source).found
        if _RECORD_MEMBER not in parts:
            raise InputError("import.own.invalid", source=source, reason=_RECORD_MEMBER)
        payload = parts[_RECORD_MEMBER]
    else:
        limits.check_size(data, limits.MAX_TEXT_BYTES, source)
        payload = data
    meeting = meeting_from_record(_load(payload, source), source=source)
    # The id is the exporting database's: the archive gives the meeting its own.
    meeting.id = None
    return [meeting]


def _load(payload: bytes, source: str) -> dict[str, Any]:
    try:
        record = json.loads(payload.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError("import.own.invalid", source=source, reason=str(exc)[:200]) from exc
    if not isinstance(record, dict) or record.get("format") != FORMAT_NAME:
        raise InputError("import.own.invalid", source=source, reason="format")
    return record


def meeting_from_record(record: dict[str, Any], *, source: str = "") -> Meeting:
    """The meeting of an export document; raises InputError with the first broken field."""
    version = record.get("format_version")
    if version not in READABLE_VERSIONS:
        raise InputError("import.own.version", source=source, version=version)
    try:
        return meeting_from_json(record)
    except (ValidationError, TypeError, AttributeError) as exc:
        raise InputError("import.own.invalid", source=source, reason=_first_error(exc)) from exc


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error.get("loc", ()))
        return f"{where}: {error.get('msg', '')}"
    return str(exc)[:200]
