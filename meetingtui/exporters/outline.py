"""The levels of an imported item's headings in the referat's outline.

The record keeps an item's headings in the source's order but not their levels, and a heading
the source printed over others ("Fremstilling" over "Resume" and "Indstilling") would
otherwise stand as an empty section beside them. Two signs of nesting are read instead:
- a heading with no text of its own stands over the headings after it (FirstAgenda writes
  "Beslutning", "Fremstilling" and "Sagens forløb" at one level, the sections of the
  "Fremstilling" one level below);
- where an item has headings in capitals ("BESLUTNINGSFORSLAG FRA DD", "INDSTILLING FRA
  MAGISTRATSAFDELINGEN"), those are the upper level and the others stand under them.
A decision, the case history and the attachments end a group: they stand at the upper level.
"""

from __future__ import annotations

from collections.abc import Iterable

from meetingtui.exporters.blocks import Kind

_MIN_CAPITALS = 4  # "ØU" or "BR" in a heading is an abbreviation, not a heading in capitals


def in_capitals(heading: str) -> bool:
    letters = [c for c in heading if c.isalpha()]
    return len(letters) >= _MIN_CAPITALS and all(c.isupper() for c in letters)


class Outline:
    """Hands out the level of each heading of one item, in the source's order."""

    def __init__(self, headings: Iterable[str]) -> None:
        self._capitals = any(in_capitals(h) for h in headings)
        self._in_group = False

    def end_group(self) -> None:
        self._in_group = False

    def level(self, heading: str, *, heading_only: bool = False) -> Kind:
        if self._capitals and in_capitals(heading):
            self._in_group = True
            return Kind.HEADING2
        if self._in_group and (self._capitals or not heading_only):
            return Kind.HEADING3
        if heading_only:
            self._in_group = True
        return Kind.HEADING2
