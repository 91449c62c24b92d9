"""From the published dagsorden to the meeting: items from the dagsorden, roll call from the
roster valid on the meeting's date, addresses linked to the roster."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui import rules
from meetingtui.cli import main
from meetingtui.committees import commands
from meetingtui.errors import InputError
from meetingtui.mail.recipients import meeting_addresses
from meetingtui.planning import create_planned_meeting, plan_meeting
from meetingtui.storage.db import connect
from meetingtui.storage.records import load_meeting
from meetingtui.verify import verify
from meetingtui.vocabulary import Attendance, DocumentKind
from tests.committee_fixtures import event_count, firstagenda_dagsorden, with_committee


@pytest.fixture
def conn(db_path: Path) -> sqlite3.Connection:
    connection = connect(db_path)
    yield connection
    connection.close()


def dagsorden(tmp_path: Path, day: str = "2025-03-11", name: str = "dagsorden.json") -> Path:
    path = tmp_path / name
    path.write_text(firstagenda_dagsorden(day), encoding="utf-8")
    return path


def test_dagsorden_and_roster_make_the_meeting(conn: sqlite3.Connection, tmp_path: Path) -> None:
    committee_id = with_committee(conn, tmp_path)
    plan = plan_meeting(conn, dagsorden(tmp_path), "økonomiudvalget")
    meeting_id = create_planned_meeting(conn, plan)
    meeting = load_meeting(conn, meeting_id)

    assert meeting.body == "Økonomiudvalget" and meeting.municipality == "Greve Kommune"
    assert meeting.document_kind is DocumentKind.LIVE
    assert [(i.number, i.case_number, i.closed) for i in meeting.items] == [
        ("1", "25-001234", False),
        ("2", "25-004411", False),
        ("3", "25-007788", True),
    ]
    viby = meeting.items[1]
    assert viby.recommendation.startswith("Administrationen indstiller, at der gives")
    assert [s.heading for s in viby.sections] == [
        "Resumé",
        "Sagsfremstilling",
        "Økonomi og finansiering",
    ]
    assert all(not i.decision for i in meeting.items)
    # The roster of 11 March 2025: Kim Holm holds the seat Mette Lund left; nobody answered yet.
    names = [p.name for p in meeting.participants]
    assert names[:2] == ["Bo Hilsted", "Anne Møller"] and names[-1] == "Hanne Ravn"
    assert "Kim Holm" in names and "Mette Lund" not in names
    assert {p.attendance for p in meeting.participants} == {Attendance.UNKNOWN}
    assert rules.quorum(meeting, None).seats == 7  # the observer does not vote

    linked = conn.execute(
        "SELECT committee_id FROM meeting_committee WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()
    assert linked == (committee_id,)
    addresses = meeting_addresses(conn, meeting_id)
    assert addresses[1].email == "bo.hilsted@greve.dk"
    soeren = next(p for p in meeting.participants if p.name == "Søren Friis")
    assert addresses[soeren.id].email == ""  # on the roster without an address
    assert verify(conn).ok


def test_a_meeting_uses_the_roster_valid_on_its_date(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    with_committee(conn, tmp_path)
    plan = plan_meeting(conn, dagsorden(tmp_path, "2024-05-14"), "Økonomiudvalget")
    names = [p.name for p in plan.meeting.participants]
    assert "Mette Lund" in names and "Kim Holm" not in names
    with pytest.raises(InputError) as none:
        plan_meeting(conn, dagsorden(tmp_path, "2026-02-03"), "Økonomiudvalget")
    assert none.value.key == "plan.no_roster"
    assert "3. februar 2026" in none.value.message and "2022-2025" in none.value.message


def test_an_address_corrected_in_the_roster_reaches_a_planned_meeting(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    committee_id = with_committee(conn, tmp_path)
    meeting_id = create_planned_meeting(
        conn, plan_meeting(conn, dagsorden(tmp_path), "Økonomiudvalget")
    )
    friis = next(a for a in meeting_addresses(conn, meeting_id).values() if a.name == "Søren Friis")
    commands.correct(conn, committee_id, friis.member_id, email="soeren.friis@greve.dk")
    assert (
        meeting_addresses(conn, meeting_id)[friis.participant_id].email == "soeren.friis@greve.dk"
    )
    assert verify(conn).ok


def test_a_referat_is_not_a_dagsorden(conn: sqlite3.Connection, tmp_path: Path) -> None:
    decided = json.loads(firstagenda_dagsorden())
    decided["Dagsordenpunkter"][0]["Felter"][0]["Html"] += "<h3>Beslutning</h3><p>Godkendt.</p>"
    path = tmp_path / "referat.json"
    path.write_text(json.dumps(decided, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        plan_meeting(conn, path)
    assert refused.value.key == "plan.is_referat" and "referat.json" in refused.value.message


def test_without_a_committee_the_dagsorden_has_nobody_and_says_so(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    plan = plan_meeting(conn, dagsorden(tmp_path))
    assert plan.meeting.participants == []
    assert any("ingen stemmeberettigede medlemmer" in note for note in plan.notes)
    meeting = load_meeting(conn, create_planned_meeting(conn, plan))
    assert not rules.quorum(meeting, None).met


def test_a_committee_name_not_typed_exactly_is_found_or_the_committees_are_named(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    """The secretary types the committee as they say it: a part of its name in any case finds
    the one committee it fits; a name that fits none or several is refused naming them, so
    the right one is typed next, and nothing is planned."""
    with_committee(conn, tmp_path)  # Økonomiudvalget, with its roster
    path = dagsorden(tmp_path)
    plan = plan_meeting(conn, path, "  økonomi ")
    assert plan.meeting.body == "Økonomiudvalget"
    assert len(plan.meeting.participants) == 8
    with pytest.raises(InputError) as refused:
        plan_meeting(conn, path, "Teknikudvalget")
    assert refused.value.message == (
        "Der findes intet udvalg Teknikudvalget. Udvalgene er: Økonomiudvalget."
    )
    commands.create_committee(conn, "Teknik- og Miljøudvalget", "udvalg", "Greve")
    with pytest.raises(InputError) as refused:
        plan_meeting(conn, path, "UDVALGET")
    assert refused.value.message == (
        "»UDVALGET« passer på flere udvalg: Teknik- og Miljøudvalget, Økonomiudvalget. "
        "Skriv hele navnet."
    )
    with pytest.raises(InputError) as refused:  # found; it has no members yet
        plan_meeting(conn, path, "teknik")
    assert refused.value.key == "plan.no_roster"
    assert "Teknik- og Miljøudvalget har ingen medlemmer" in refused.value.message


AGENDA = """\
[meeting]
body = "Børne- og Skoleudvalget"
date = 2025-05-06
time = "16:00"

[[members]]
name = "Jens Hansen"
affiliation = "A"
role = "formand"
email = "jens.hansen@lejre.dk"

[[members]]
name = "Sekretær Ib"
role = "observatør"

[[items]]
number = "1"
title = "Skolestruktur"
"""


def test_agenda_toml_members_take_an_email(conn: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "møde.toml"
    path.write_text(AGENDA, encoding="utf-8")
    meeting_id = create_planned_meeting(conn, plan_meeting(conn, path))
    addresses = meeting_addresses(conn, meeting_id)
    assert [(a.name, a.email, a.member_id) for a in addresses.values()] == [
        ("Jens Hansen", "jens.hansen@lejre.dk", None)
    ]
    bad = tmp_path / "bad.toml"
    bad.write_text(AGENDA.replace("jens.hansen@lejre.dk", "jens.hansen@lejre"), encoding="utf-8")
    before = event_count(conn)
    with pytest.raises(InputError) as refused:
        plan_meeting(conn, bad)
    assert refused.value.message.startswith(f"{bad}: feltet members[1].email:")
    assert event_count(conn) == before


def test_agenda_toml_with_a_committee(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with_committee(conn, tmp_path)
    both = tmp_path / "both.toml"
    both.write_text(AGENDA.replace("2025-05-06", "2025-03-11"), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        plan_meeting(conn, both, "Økonomiudvalget")
    assert refused.value.key == "agenda.members_and_committee"
    items_only = tmp_path / "items.toml"
    items_only.write_text(
        '[meeting]\nbody = "Økonomiudvalget"\ndate = 2025-03-11\n'
        '[[items]]\nnumber = "1"\ntitle = "Budgetopfølgning"\n',
        encoding="utf-8",
    )
    plan = plan_meeting(conn, items_only, "Økonomiudvalget")
    assert len(plan.meeting.participants) == 8 and plan.notes == []


def test_cli_new_with_committee_and_agenda(db_path: Path, tmp_path: Path) -> None:
    conn = connect(db_path)
    with_committee(conn, tmp_path)
    conn.close()
    path = dagsorden(tmp_path)
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "new", "--committee", "Økonomiudvalget", "--agenda", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "Møde 1 oprettet: Økonomiudvalget." in result.output
    assert "3 punkter fra dagsordenen (firstagenda-json)." in result.output
    assert "8 deltagere, 7 med e-mailadresse" in result.output
    assert "medlemsliste den 11. marts 2025:" in result.output
    unknown = CliRunner().invoke(
        main, ["--db", str(db_path), "new", "--committee", "Teknikudvalget", "--agenda", str(path)]
    )
    assert unknown.exit_code == 2 and "Der findes intet udvalg Teknikudvalget." in unknown.output
    garbage = tmp_path / "noter.bin"
    garbage.write_bytes(b"\x00\x01\x02 not a dagsorden")
    failed = CliRunner().invoke(main, ["--db", str(db_path), "new", "--agenda", str(garbage)])
    assert failed.exit_code == 2 and "noter.bin kan ikke læses" in failed.output
    assert "Traceback" not in failed.output


def test_the_aarhus_dagsorden_sample(
    conn: sqlite3.Connection, tmp_path: Path, samples: Path
) -> None:
    plan = plan_meeting(conn, samples / "aarhus_byraad_dagsorden_2025-10-08.html")
    assert plan.source_format == "firstagenda-html"
    assert len(plan.meeting.items) > 20
    assert any(i.case_number for i in plan.meeting.items)
    assert any("ingen stemmeberettigede medlemmer" in note for note in plan.notes)


def test_an_afbud_known_in_advance_stays_afbud(conn: sqlite3.Connection, tmp_path: Path) -> None:
    # The agenda file's `attendance = "afbud"` (the demo's Ole Blickfeldt and Lars Holten) is the
    # secretary's record before the meeting; `meetingtui new` must not turn it into "no answer".
    path = tmp_path / "møde.toml"
    path.write_text(
        AGENDA.replace('role = "observatør"', 'role = "observatør"\nattendance = "afbud"'),
        encoding="utf-8",
    )
    meeting = load_meeting(conn, create_planned_meeting(conn, plan_meeting(conn, path)))
    assert [(p.name, p.attendance) for p in meeting.participants] == [
        ("Jens Hansen", Attendance.UNKNOWN),
        ("Sekretær Ib", Attendance.AFBUD),
    ]
