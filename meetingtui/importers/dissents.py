"""Dissents stated in a decision: mindretalsudtalelser, protokoltilførsler and forbehold.

"(SF) stemte imod med følgende mindretalsudtalelse: ”...”", "X (O) ønskede følgende tilført
protokollen: ”…”", "1 medlem (O) tager forbehold."
"""

from __future__ import annotations

import re

from meetingtui.importers.text import normalise_space
from meetingtui.importers.votes import PARTY
from meetingtui.models import Dissent, DissentKind

_DISSENT = re.compile(
    r"(?P<who>[^.:\n]{1,120}?)\s+(?:stemte\s+imod\s+(?:og\s+)?)?(?:med\s+(?:følgende|flg\.?)\s+)?"
    r"(?:(?:ønskede|ønsker|bad\s+om|afgav|fik)\s+(?:at\s+få\s+)?(?:følgende\s+|en\s+)?)?"
    r"(?P<kind>mindretalsudtalelse|protokolbemærkning|protokoltilførsel|"
    r"tog\s+forbehold|tager\s+forbehold|ønsker?\s+(?:følgende\s+)?(?:ført\s+til|tilført)\s+protokol(?:len)?)",
    re.I,
)


def parse_dissents(text: str, *, first_id: int = 1) -> list[Dissent]:
    """Mindretalsudtalelser, protokoltilførsler and forbehold stated in a decision text."""
    dissents: list[Dissent] = []
    lowered = text.lower()
    if not any(word in lowered for word in ("mindretal", "protokol", "forbehold")):
        return dissents
    for match in _DISSENT.finditer(text):
        kind_word = match.group("kind").lower()
        kind = (
            DissentKind.MINDRETALSUDTALELSE
            if "mindretal" in kind_word
            else DissentKind.FORBEHOLD
            if "forbehold" in kind_word
            else DissentKind.PROTOKOLTILFOERSEL
        )
        who = match.group("who").strip(" ,;")
        who = re.sub(r"^(?:et\s+mindretal\s*|\d+\s+medlem(?:mer)?\s*)", "", who, flags=re.I).strip()
        who = re.split(r"(?<=[.!?])\s+", who)[-1].strip() or who
        if re.fullmatch(rf"\(\s*{PARTY}\s*\)", who):
            who = who.strip("() ")
        following = next(_DISSENT.finditer(text, match.end()), None)
        segment = text[match.end() : following.start() if following else len(text)]
        opening = re.match(r"[\s:]*[\"“”„»«]", segment)
        if opening:
            # Quotes inside the statement are common ("... “altid” ..."): close at the last one.
            closing = max(segment.rfind(q) for q in '"“”„»«')
            inner = segment[opening.end() : closing if closing >= opening.end() else None]
            statement = normalise_space(inner)
        elif "forbehold" not in kind_word:
            statement = normalise_space(segment.lstrip(" :\n").split("\n")[0])
        else:
            statement = ""
        if "forbehold" in kind_word and not statement:
            statement = normalise_space(
                text[match.start() : text.find(".", match.end()) + 1 or None]
            )
        dissents.append(
            Dissent(id=first_id + len(dissents), kind=kind, who=who or "?", text=statement)
        )
    return dissents
