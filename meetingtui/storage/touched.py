"""What an event changed in a meeting, so that storage rewrites only those rows.

The reducer says it for each event it applies; `records.write_touched` writes those rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Touched:
    """What an event changed, so that only those rows are rewritten."""

    meeting: bool = False
    participants: bool = False
    items: set[int] = field(default_factory=set)  # the item row itself
    children: set[tuple[int, str]] = field(default_factory=set)  # (item_id, child table)
    votes: set[int] = field(default_factory=set)  # a vote row and its ballots
    ballots: set[tuple[int, int]] = field(default_factory=set)  # (vote_id, position)
    everything: bool = False
