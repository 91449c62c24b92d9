"""Committee files used by the committee, planning and mail tests (no tests live here)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from meetingtui.committees.toml_file import import_committee_file

# Økonomiudvalget for the 2022-2025 term: A 3, V 2, C 1, F 1 and an observer. Mette Lund (A)
# leaves on 1 June 2024 and Kim Holm (A) takes her seat; party A and V have substitutes.
OEKONOMIUDVALGET = """\
[committee]
name = "Økonomiudvalget"
kind = "udvalg"
municipality = "Greve Kommune"

[[periods]]
name = "2022-2025"
starts = 2022-01-01
ends = 2025-12-31

[[periods.members]]
name = "Bo Hilsted"
affiliation = "A"
role = "formand"
email = "bo.hilsted@greve.dk"

[[periods.members]]
name = "Mette Lund"
affiliation = "A"
email = "mette.lund@greve.dk"
left = 2024-06-01

[[periods.members]]
name = "Kim Holm"
affiliation = "A"
email = "kim.holm@greve.dk"
joined = 2024-06-01

[[periods.members]]
name = "Jens Kragh"
affiliation = "A"
email = "jens.kragh@greve.dk"

[[periods.members]]
name = "Anne Møller"
affiliation = "V"
role = "næstformand"
email = "anne.moeller@greve.dk"

[[periods.members]]
name = "Per Østergaard"
affiliation = "V"
email = "per.oestergaard@greve.dk"

[[periods.members]]
name = "Karen Holm"
affiliation = "C"
email = "karen.holm@greve.dk"

[[periods.members]]
name = "Søren Friis"
affiliation = "F"

[[periods.members]]
name = "Hanne Ravn"
role = "observatør"
email = "hanne.ravn@greve.dk"

[[periods.substitutes]]
name = "Lars Nielsen"
affiliation = "A"
email = "lars.nielsen@greve.dk"

[[periods.substitutes]]
name = "Eva Bak"
affiliation = "A"
email = "eva.bak@greve.dk"

[[periods.substitutes]]
name = "Ib Thomsen"
affiliation = "V"
email = "ib.thomsen@greve.dk"
"""


class TickingClock:
    """Register events a second apart, so their order is plain in the log."""

    def __init__(self, start: datetime = datetime(2025, 3, 1, 9, 0)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        self.now += timedelta(seconds=1)
        return self.now


def write(
    tmp_path: Path, text: str = OEKONOMIUDVALGET, name: str = "oekonomiudvalget.toml"
) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def with_committee(conn: sqlite3.Connection, tmp_path: Path, text: str = OEKONOMIUDVALGET) -> int:
    """Import the committee; its id."""
    import_committee_file(conn, write(tmp_path, text))
    return conn.execute("SELECT id FROM committees ORDER BY id DESC").fetchone()[0]


def event_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM events").fetchone()[0]
