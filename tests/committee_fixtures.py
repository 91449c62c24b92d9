"""Committee files used by the committee, planning and mail tests (no tests live here)."""

from __future__ import annotations

import sqlite3
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


def _felt(sections: dict[str, str]) -> dict[str, str]:
    html = "<div>" + "".join(f"<h3>{h}</h3><p>{t}</p>" for h, t in sections.items()) + "</div>"
    return {"Navn": "", "Html": html}


def firstagenda_dagsorden(day: str = "2025-03-11") -> str:
    """A published FirstAgenda dagsorden of Økonomiudvalget: items, no decisions, no members."""
    items = [
        (
            "1",
            "Godkendelse af dagsorden",
            "25-001234",
            {"Indstilling": "Administrationen indstiller, at dagsordenen godkendes."},
        ),
        (
            "2",
            "Anlægsbevilling til ny daginstitution i Viby",
            "25-004411",
            {
                "Resumé": "Byggeriet af daginstitutionen i Viby kan gå i gang i maj.",
                "Sagsfremstilling": "Der er indhentet tilbud fra tre entreprenører.",
                "Indstilling": (
                    "Administrationen indstiller, at der gives en anlægsbevilling på 12,5 mio. kr."
                ),
                "Økonomi og finansiering": "Finansieres af anlægspuljen for 2025.",
            },
        ),
        (
            "3",
            "Lukket: Salg af grund, matr. nr. 14a Greve By",
            "25-007788",
            {"Indstilling": "Administrationen indstiller, at grunden sælges til højeste bud."},
        ),
    ]
    import json

    return json.dumps(
        {
            "Udvalg": {"Navn": "Økonomiudvalget"},
            "Moede": {
                "Dato": f"{day}T16:30:00+01:00",
                "Sted": "Mødelokale 2, Rådhuset",
                "Moededeltagere": [],
            },
            "Dagsordenpunkter": [
                {
                    "Number": number,
                    "Sorting": int(number),
                    "Caption": caption,
                    "CaseNumber": case,
                    "IsOpen": False,
                    "Felter": [_felt(sections)],
                    "Bilag": [],
                    "ExternalAgendaItemAttendees": [],
                }
                for number, caption, case, sections in items
            ],
        },
        ensure_ascii=False,
    )
