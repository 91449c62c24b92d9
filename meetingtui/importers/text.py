"""Text clean-up shared by the readers: decoding bytes, ligatures and odd spaces, names."""

from __future__ import annotations

import codecs
import re

from meetingtui.importers.vocabulary import ROLE_WORDS, alternation
from meetingtui.vocabulary import Role

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\uf0b7": "•", "\uf0a7": "•", "\u00ad": "", "\xa0": " ", "\u2002": " ", "\u2003": " ",
     "\u2009": " ", "\u200b": ""}
)  # fmt: skip
_SPACES = re.compile(r"[ ]{3,}")
_SPECIAL = re.compile("[\ufb00-\ufb04\uf0b7\uf0a7\u00ad\xa0\u2002\u2003\u2009\u200b\t]")


def clean_line(text: str) -> str:
    """One line of extracted text: ligatures and PDF bullet glyphs replaced, odd spaces made
    plain, long runs of spaces (table columns) kept as two."""
    if _SPECIAL.search(text):
        text = text.translate(_LIGATURES).replace("\t", "  ")
    return _SPACES.sub("  ", text).strip()


def normalise_space(text: str, *, blank_lines: bool = True) -> str:
    """Collapse runs of spaces inside lines, trim lines, keep at most one blank line (none when
    `blank_lines` is false)."""
    if "\n" not in text and "\r" not in text:
        return " ".join(text.replace("\xa0", " ").replace("\uf0b7", "•").split())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\uf0b7", "•")
    out: list[str] = []
    for line in (" ".join(line.split()) for line in text.split("\n")):
        if not line and (not blank_lines or not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode a byte that is not UTF-8 as Windows-1252, the usual culprit in Danish files."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("meetingtui-cp1252", _cp1252_fallback)


def decode_bytes(data: bytes) -> str:
    """Text of a structured file: BOMs honoured, UTF-8 preferred, stray Windows-1252 bytes
    tolerated."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="meetingtui-cp1252")


def decode_document(data: bytes) -> str:
    """Text in whatever encoding a text file came in: UTF-8/16 with BOM, UTF-8, else
    Windows-1252 (a legacy single-byte file)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        if text.count("\ufffd") * 200 < len(text):
            return text  # mostly UTF-8 with a few broken bytes
        return data.decode("cp1252", "replace")


# --- names and parties -----------------------------------------------------------------------

_NAME_PARTY = re.compile(r"^(?P<name>.*?[^\s(])\s*\((?P<aff>[^()]{1,60})\)\s*$")


# A role after the name and party: "(Borgmester)", ", formand" — not the party.
_TRAILING_ROLE = re.compile(rf"(?i)\s*(?:,\s*|\(\s*){alternation(ROLE_WORDS)}\s*\)?$")


# A role in brackets where a party could stand: "Bo Hansen (Formand)", "Bo Hansen (Formand) (A)".
_ROLE_IN_BRACKETS = re.compile(rf"(?i)\s*\(\s*(?P<role>{alternation(ROLE_WORDS)})\s*\)")


def split_person(text: str) -> tuple[str, str, Role | None]:
    """ "Doris Børger (A)" -> ("Doris Børger", "A", None); "Bo Hansen (Formand)" -> ("Bo
    Hansen", "", Role.FORMAND): a role word in brackets (the importer vocabulary's) is the role,
    never the party, wherever it stands among the brackets."""
    text = " ".join(text.replace("\xa0", " ").split()).strip(" ,.;")
    role = None
    found = _ROLE_IN_BRACKETS.search(text)
    if found is not None:
        role = Role(ROLE_WORDS[" ".join(found.group("role").lower().split())])
        text = (text[: found.start()] + text[found.end() :]).strip(" ,.;")
    name, affiliation = split_name(text)
    return name, affiliation, role


def split_name(text: str) -> tuple[str, str]:
    """ "Doris Børger (A)" -> ("Doris Børger", "A"); a name without parentheses keeps "";
    a role after the party ("Bo Krag (A) (Borgmester)") is left out (`people` reads roles), and
    a role in brackets is no party ("Bo Hansen (Formand)" -> ("Bo Hansen", ""))."""
    text = " ".join(text.replace("\xa0", " ").split()).strip(" ,.;")
    text = _ROLE_IN_BRACKETS.sub("", text).strip(" ,.;") or text
    without_role = _TRAILING_ROLE.sub("", text)
    if without_role != text and _NAME_PARTY.match(without_role):
        text = without_role
    match = _NAME_PARTY.match(text)
    if match:
        return match.group("name").strip(), match.group("aff").strip()
    return text, ""


def split_names(text: str) -> list[str]:
    """Split "A (V), B (SF) og C" into names; commas inside parentheses do not split."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;\n":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names: list[str] = []
    for part in parts:
        names.extend(re.split(r"\s+(?:og|samt|&)\s+(?![^(]*\))", part))
    return [n.strip(" .:") for n in names if n.strip(" .:")]
