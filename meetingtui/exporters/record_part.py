"""Where an internal .docx referat carries the complete record, readable without python-docx.

The internal referat embeds the internal JSON export (`json_export.to_json_dict`) as the package
part `/meetingtui/record.json`, related from the package root; a public referat never has it.
Importers read it with `read_record` (zipfile only, so importing this module stays cheap).
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
    """The record embedded in an internal referat, or None (public referats carry none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            return json.loads(archive.read(RECORD_PARTNAME.lstrip("/")))
        except KeyError:
            return None
