"""Elections as a referat states them: "Gert Fabrin blev valgt som næstformand"."""

from __future__ import annotations

import re

from meetingtui.importers.text import split_name
from meetingtui.models import Election

_OFFICE = (
    r"(?P<office>(?:næst)?formand|viceborgmester|borgmester|1\.\s*viceborgmester|"
    r"2\.\s*viceborgmester|sekretær|kasserer|medlem af [^.,;\n]{3,60})"
)
_NAME = r"(?P<who>[A-ZÆØÅ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅ][\w'’.\-]*|af|von|van|de)){0,5}(?:\s*\([^()]{1,20}\))?)"
_ELECTED = [
    # "Peter Vang (V) blev valgt som næstformand", "... blev enstemmigt valgt til formand"
    re.compile(
        rf"{_NAME}\s+(?:blev|er)\s+(?:enstemmigt\s+)?(?:gen)?valgt\s+(?:som|til)\s+{_OFFICE}"
    ),
    # "Som formand valgtes Anne Holm (A)", "Til næstformand blev Peter Vang (V) valgt"
    re.compile(rf"(?i:som|til)\s+{_OFFICE}\s+(?:valgtes|blev\s+valgt|genvalgtes)\s+{_NAME}"),
    re.compile(rf"(?i:som|til)\s+{_OFFICE}\s+blev\s+{_NAME}\s+(?:enstemmigt\s+)?(?:gen)?valgt"),
]


def parse_elections(text: str, *, first_id: int = 1) -> list[Election]:
    """Who was elected to which office, as a referat states it ("Gert Fabrin blev valgt som
    næstformand"); candidates and ballots are not in the text, so only the elected is known."""
    if "valg" not in text.lower():
        return []
    found: list[tuple[int, str, str]] = []
    for pattern in _ELECTED:
        for m in pattern.finditer(text):
            who, _aff = split_name(m.group("who").strip())
            office = re.sub(r"\s+", " ", m.group("office")).strip().lower()
            if all(f[1:] != (office, who) for f in found):
                found.append((m.start(), office, who))
    found.sort()
    return [
        Election(id=first_id + n, office=office, candidates=[who], elected=who)
        for n, (_start, office, who) in enumerate(found)
    ]
