"""The meeting room's clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Wall-clock time of the meeting room, to the second (referats say "kl. 18.40")."""
    return datetime.now().replace(microsecond=0)
