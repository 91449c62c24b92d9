"""The parts of a .docx (a zip file), read with limits, and read again when its directory is
damaged.

A zip file lists its members twice: in a local header before each member's data, and in a
central directory at the end. A file cut short or damaged at the end loses the directory but
keeps the members before the damage. Those are read from their local headers, each with the
same limits as usual; the caller learns which parts were lost and decides whether what is left
is enough (a .docx needs its document part, complete).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from meetingtui.errors import InputError
from meetingtui.importers import limits

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc
_LOCAL = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


@dataclass
class Parts:
    found: dict[str, bytes] = field(default_factory=dict)
    damaged: bool = False  # the directory was unreadable: members were read one by one
    lost: list[str] = field(default_factory=list)  # wanted members that could not be read whole


def read_parts(data: bytes, names: tuple[str, ...], *, source: str = "") -> Parts:
    """The named members of a .docx after checking size, member count and packing ratio."""
    limits.check_size(data, limits.MAX_FILE_BYTES, source)
    if not data.strip():
        raise InputError("import.error.empty", source=source)
    if data.startswith(_OLE_MAGIC):
        raise InputError("import.docx.encrypted", source=source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        if not data.startswith(_LOCAL):
            raise InputError("import.docx.corrupt", source=source, reason=str(exc)) from exc
        return _recover(data, names, source)
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise InputError("import.docx.zip_bomb", source=source, reason=f"{len(infos)} filer")
    total = sum(info.file_size for info in infos)
    if total > limits.MAX_DOCX_UNCOMPRESSED:
        raise InputError("import.docx.zip_bomb", source=source, reason=f"{total // 2**20} MB")
    parts = Parts()
    with archive:
        for info in infos:
            if info.filename not in names:
                continue
            _check_ratio(info.filename, info.file_size, info.compress_size, source)
            try:
                with archive.open(info) as member:
                    # Read at most the declared size plus one byte: a lying header is caught.
                    content = member.read(limits.MAX_DOCX_PART + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
                raise InputError("import.docx.corrupt", source=source, reason=str(exc)) from exc
            if len(content) > limits.MAX_DOCX_PART:
                raise InputError("import.docx.zip_bomb", source=source, reason=info.filename)
            parts.found[info.filename] = content
    return parts


def _check_ratio(name: str, size: int, packed: int, source: str) -> None:
    ratio = size / max(packed, 1)
    if size > limits.MAX_DOCX_PART or (ratio > limits.MAX_ZIP_RATIO and size > 1024 * 1024):
        raise InputError("import.docx.zip_bomb", source=source, reason=f"{name}: {ratio:.0f}:1")


def _recover(data: bytes, names: tuple[str, ...], source: str) -> Parts:
    """Members read from their local headers, in file order, until the data ends or breaks."""
    parts = Parts(damaged=True)
    position = 0
    members = 0
    total = 0
    while position + _LOCAL_HEADER.size <= len(data) and data.startswith(_LOCAL, position):
        members += 1
        if members > limits.MAX_ZIP_MEMBERS:
            raise InputError("import.docx.zip_bomb", source=source, reason=f"{members} filer")
        fields = _LOCAL_HEADER.unpack_from(data, position)
        flags, method, packed, size, name_length, extra_length = (
            fields[2], fields[3], fields[7], fields[8], fields[9], fields[10]
        )  # fmt: skip
        start = position + _LOCAL_HEADER.size + name_length + extra_length
        name = data[position + _LOCAL_HEADER.size : position + _LOCAL_HEADER.size + name_length]
        member = name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        content, end = _member_data(data, start, method, packed, size, flags, source, member)
        if content is None:
            if member in names:
                parts.lost.append(member)
            break  # the rest of the file is the damage
        total += len(content)
        if total > limits.MAX_DOCX_UNCOMPRESSED:
            raise InputError("import.docx.zip_bomb", source=source, reason=f"{total // 2**20} MB")
        if member in names:
            parts.found[member] = content
        position = end
    parts.lost.extend(n for n in names if n not in parts.found and n not in parts.lost)
    return parts


def _member_data(
    data: bytes,
    start: int,
    method: int,
    packed: int,
    size: int,
    flags: int,
    source: str,
    name: str,
) -> tuple[bytes | None, int]:
    """(content, position after the member) of one member; content None when it is cut off
    or broken. Sizes written after the data (bit 3) are found by inflating to the end."""
    if method not in (0, 8):
        return None, start
    known = not flags & 0x08
    if known:
        _check_ratio(name, size, packed, source)
        if start + packed > len(data):
            return None, start
        raw = data[start : start + packed]
        if method == 0:
            return raw, start + packed
    inflater = zlib.decompressobj(-15)
    window = data[start : start + packed] if known else data[start:]
    try:
        content = inflater.decompress(window, limits.MAX_DOCX_PART + 1)
    except zlib.error:
        return None, start
    if len(content) > limits.MAX_DOCX_PART:
        raise InputError("import.docx.zip_bomb", source=source, reason=name)
    if not inflater.eof:
        return None, start
    end = start + (packed if known else len(window) - len(inflater.unused_data))
    if not known:
        end += 16 if data.startswith(b"PK\x07\x08", end) else 12  # the data descriptor
    return content, end
