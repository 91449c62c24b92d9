"""FirstAgenda publication pages: agenda and minutes variants, and the real sample."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingtui import importers
from meetingtui.errors import InputError
from meetingtui.importers import firstagenda_html
from meetingtui.models import AbsenceKind, Attendance, DissentKind, DocumentKind, ItemStatus

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def _row(number: int, title: str, case: str, inner: str, bilag: list[str]) -> str:
    links = "".join(
        f'<li><span class="label label-default pdf-label">PDF</span>'
        f'<a class="bilag-link" href="/b/{n}">{name}</a></li>'
        for n, name in enumerate(bilag)
    )
    bilag_html = f'<h3>Bilag</h3><ul class="list-unstyled">{links}</ul>' if bilag else ""
    return (
        f'<tr class="punktrow"><td class="text-center punkt-tabel">'
        f'<span class="label label-default">{number}</span></td>'
        f'<td class="punkt-tabel"><button class="overskrift-btn"><h2 class="overskrift">{title}</h2>'
        f'</button><div class="details"><span class="sagsnummer">{case}</span><div class="punkt">'
        f'<h3></h3><div><div id="sagsfremstillingContainer">{inner}</div></div></div>{bilag_html}'
        f"</div></td><td><ul class='dropdown-menu'><li><a>Hent som PDF</a></li></ul></td></tr>"
    )


def page(kind: str, rows: list[str], deltagere: str = "") -> bytes:
    return f"""<html lang="da"><head><title>Byråd</title><script>var x = "<h3>";</script></head>
<body><nav><a href="/">Forside</a></nav>
<h1 class="green dato">{kind} 8. oktober 2025 kl. 16.00</h1>
<table class="dagsordeninfo"><tr><td>Udvalg:</td><td><span class="udvalg">Aarhus Byråd</span></td></tr>
<tr><td>Mødedato:</td><td><span class="dato">onsdag den 8. oktober 2025 kl. 16.00</span></td></tr>
<tr><td>Mødested:</td><td><span class="sted">Byrådssalen</span></td></tr>
<tr id="deltager-container"><td>Mødedeltagere:</td><td class="deltagere">{deltagere}</td></tr>
</table>
<table id="dagsordenDetaljer"><tbody>{"".join(rows)}</tbody></table>
<div class="modal"><h4 class="modal-title">Tip en ven</h4></div></body></html>""".encode()


AGENDA_ROWS = [
    _row(1, "Godkendelse af dagsorden", "EMN-2023-009832", "", []),
    _row(
        2,
        "Forslag til budget 2026-2029",
        "EMN-2025-008308",
        "<div><h3>Resume</h3><span class='resume'><div>Råderum på 1.126 mio. kr.</div></span>"
        "<h3>Beslutningspunkter</h3><span class='resume'><div>At 1) Byrådet godkender.</div></span>"
        "<h3>Sagsforløb:</h3><span class='resume'><div>Udvalg: Magistraten</div>"
        "<div>Dato: 02-09-2025</div><div>Punktnummer: 3</div><div>Anbefales.</div></span></div>",
        ["Budgetnotat", "Bilag 2: Takster"],
    ),
]


def test_agenda_page() -> None:
    data = page("Dagsorden", AGENDA_ROWS)
    assert firstagenda_html.sniff(data)
    [meeting] = firstagenda_html.parse(data)
    assert meeting.body == "Aarhus Byråd"
    assert meeting.starts_at == datetime(2025, 10, 8, 16, 0)
    assert meeting.location == "Byrådssalen"
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    first, budget = meeting.items
    assert (first.number, first.title, first.case_number) == (
        "1",
        "Godkendelse af dagsorden",
        "EMN-2023-009832",
    )
    assert budget.recommendation == "At 1) Byrådet godkender."
    assert budget.sections[0].heading == "Resume"
    assert budget.attachments == ["Budgetnotat", "Bilag 2: Takster"]
    assert budget.decision == ""
    [earlier] = budget.decision_history
    assert (earlier.body, earlier.date, earlier.text) == ("Magistraten", "02-09-2025", "Anbefales.")
    # Menus and dialogs are page chrome, not meeting text.
    assert "Hent som PDF" not in str(meeting.model_dump())


def test_minutes_page_with_decisions_and_participants() -> None:
    rows = [
        _row(
            1,
            "Lukket: Køb af ejendom",
            "EMN-2025-1",
            "<div><h3>Beslutning</h3><span><p>Med stemmerne 25 for og 6 imod godkendt.</p></span></div>",
            [],
        )
    ]
    data = page("Referat", rows, "<div>Anne Holm (A)</div><div>Afbud: Bo Berg (V)</div>")
    [meeting] = firstagenda_html.parse(data)
    assert meeting.document_kind is DocumentKind.REFERAT
    [item] = meeting.items
    assert item.closed and item.title == "Køb af ejendom"
    assert item.votes[0].counts is not None and item.votes[0].counts.for_ == 25
    assert [(p.name, p.affiliation, p.attendance) for p in meeting.participants] == [
        ("Anne Holm", "A", Attendance.PRESENT),
        ("Bo Berg", "V", Attendance.AFBUD),
    ]


def test_page_without_items_or_body() -> None:
    with pytest.raises(InputError) as caught:
        firstagenda_html.parse(page("Dagsorden", []))
    assert caught.value.key == "import.error.html_shape"
    assert not firstagenda_html.sniff(b"<html><body><p>Hej</p></body></html>")


def test_sample_aarhus_agenda() -> None:
    path = SAMPLES / "aarhus_byraad_dagsorden_2025-10-08.html"
    if not path.exists():
        pytest.skip("sample not available (../shared/samples missing)")
    fmt, [meeting] = importers.parse(path.read_bytes())
    assert fmt == firstagenda_html.FORMAT
    assert meeting.body == "Aarhus Byråd"
    assert meeting.starts_at == datetime(2025, 10, 8, 16, 0)
    assert meeting.location == "Byrådssalen"
    assert meeting.document_kind is DocumentKind.DAGSORDEN
    assert len(meeting.items) == 33
    assert meeting.items[1].title == "Forslag til budget 2026-2029"
    assert meeting.items[1].case_number == "EMN-2025-008308"
    assert meeting.items[21].case_number == "EMN-2025-009242"
    assert not any(item.decision for item in meeting.items)
    assert not any(item.closed for item in meeting.items)
    assert meeting.items[1].decision_history[0].body == "Magistraten"


def test_committee_minutes_page_named_absence_reservation_and_postponement() -> None:
    """A committee's minutes page: "Beslutninger" first, an untitled summary under an empty
    heading, a member "forhindret i at deltage", a reservation, and an item put off."""
    rows = [
        _row(
            2,
            "Udviklingsplan for havnen",
            "EMN-2025-009242",
            "<div><h3>Beslutninger</h3><span class='resume'><div>Et flertal tiltrådte indstillingen."
            "</div><div>Jens Kjær tog forbehold.</div><div>Liv Holm var forhindret i at deltage i "
            "udvalgets behandling af sagen.</div></span><h3></h3><span class='resume'>"
            "<div>Planen har været i høring.</div></span><h3>Beslutningspunkter</h3>"
            "<span class='resume'><div>At planen godkendes.</div></span></div>",
            ["Indstilling"],
        ),
        _row(
            3,
            "Lokalplan 1221",
            "EMN-2025-008468",
            "<div><h3>Beslutninger</h3><span class='resume'><div>Der var foretræde til sagen. "
            "Udvalget besluttede herefter at udsætte sagens behandling.</div></span></div>",
            [],
        ),
    ]
    [meeting] = firstagenda_html.parse(page("Referat", rows))
    assert meeting.document_kind is DocumentKind.REFERAT
    plan, lokalplan = meeting.items
    assert plan.decision.startswith("Et flertal tiltrådte indstillingen.")
    assert [(s.heading, s.text) for s in plan.sections] == [("", "Planen har været i høring.")]
    assert plan.recommendation == "At planen godkendes."
    assert [(a.name, a.kind) for a in plan.absences] == [("Liv Holm", AbsenceKind.ABSENT)]
    assert [(d.kind, d.who) for d in plan.dissents] == [(DissentKind.FORBEHOLD, "Jens Kjær")]
    assert plan.status is ItemStatus.DECIDED
    assert lokalplan.status is ItemStatus.POSTPONED
    assert lokalplan.postponed_reason == lokalplan.decision
