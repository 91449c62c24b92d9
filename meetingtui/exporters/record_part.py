"""Where a .docx referat carries its record, readable without python-docx.

Every referat embeds the JSON export of the same kind (`json_export.to_json_dict`: complete in an
internal referat, redacted in a public one) as the package part `/meetingtui/record.json`,
related from the package root. Importers read it with `read_record` (zipfile only, so importing
this module stays cheap).
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

RECORD_PARTNAME = "/meetingtui/record.json"
RECORD_RELTYPE = "https://meetingtui.dk/relationships/record"
RECORD_CONTENT_TYPE = "application/json"


def read_record(data: bytes) -> dict[str, Any] | None:
    """The record embedded in a referat (public ones carry the redacted record), or None."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            return json.loads(archive.read(RECORD_PARTNAME.lstrip("/")))
        except KeyError:
            return None
