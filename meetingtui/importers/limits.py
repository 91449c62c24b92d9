"""Size limits for untrusted archive files, shared by the document importers."""

from __future__ import annotations

from meetingtui.errors import InputError

# One limit for a file of any format, here and in the archive (which refuses a larger file
# unread): a merged referat with its attachments stays well under it.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 5000
MAX_DOCX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_DOCX_PART = 60 * 1024 * 1024  # word/document.xml and friends, uncompressed
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per member: beyond this it is a zip bomb
MAX_ZIP_MEMBERS = 5000


def check_size(data: bytes, limit: int, source: str) -> None:
    if len(data) > limit:
        raise InputError(
            "import.error.too_large", source=source, size=len(data) // (1024 * 1024),
            limit=limit // (1024 * 1024),
        )  # fmt: skip
