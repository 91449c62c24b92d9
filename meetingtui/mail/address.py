"""What counts as an email address when a secretary types one (no dependencies: the agenda
file and the committee file both check addresses with it)."""

from __future__ import annotations

import re

# Deliberately plain: one @, no spaces or list separators, a dot in the domain. The mail
# server has the last word; this catches the typing errors a secretary makes.
EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\".]+(\.[^@\s<>,;\".]+)+")


def is_email(text: str) -> bool:
    return EMAIL.fullmatch(text) is not None
