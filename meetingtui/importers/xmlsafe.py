"""Untrusted XML: no DTD, no entity expansion, no network; broken character references and
encodings tolerated; namespaces dropped so other schema versions read the same."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from meetingtui.importers.text import decode_bytes

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]{1,8}|[0-9]{1,10});")
_ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _legal_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _drop_illegal_ref(match: re.Match[str]) -> str:
    ref = match.group(1)
    code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
    return match.group(0) if _legal_xml_char(code) else ""


def parse_xml(data: bytes) -> Element:
    """Parse untrusted XML: no DTD, no entity expansion, no network; illegal character references
    and control characters removed, stray non-UTF-8 bytes decoded as Windows-1252; namespaces
    stripped from tag names so other schema versions read the same."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree as SafeET

    from meetingtui.errors import InputError

    text = _XML_DECLARATION.sub("", decode_bytes(data), count=1)
    text = _CHAR_REF.sub(_drop_illegal_ref, text)
    text = _ILLEGAL_XML_CHARS.sub("", text)
    try:
        root = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise InputError("import.error.xml_forbidden") from None
    except ParseError as error:
        # expat's reason is English; the archivist gets where, and whether the file simply stops.
        line, column = error.position
        stops = line >= text.rstrip().count("\n") + 1
        key = "import.error.xml_truncated" if stops else "import.error.xml_invalid"
        raise InputError(key, line=line, column=column + 1) from None
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]
    return root


# --- elements by local name, without regard to case ---------------------------------------


def children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    lowered = name.lower()
    return [c for c in element if str(c.tag).lower() == lowered]


def child(element: Element | None, name: str) -> Element | None:
    found = children(element, name)
    return found[0] if found else None


def element_text(element: Element | None, *path: str) -> str:
    """The text of the element at `path` below `element` ("" when any step is missing)."""
    for name in path:
        element = child(element, name)
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def is_true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "ja", "yes")
