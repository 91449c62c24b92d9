"""Committees: rosters by date, the committee file, dated changes as verifiable events."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from meetingtui.committees import commands
from meetingtui.committees.queries import find_committee, load_committee
from meetingtui.committees.toml_file import export_committee, import_committee_file
from meetingtui.errors import CommandRefused, InputError
from meetingtui.storage.db import connect
from meetingtui.verify import verify
from meetingtui.vocabulary import Role
from tests.committee_fixtures import OEKONOMIUDVALGET, event_count, with_committee, write


@pytest.fixture
def conn(db_path: Path) -> sqlite3.Connection:
    connection = connect(db_path)
    yield connection
    connection.close()


def names(entries: list) -> list[str]:
    return [e.name for e in entries]


def test_the_roster_valid_on_a_date_follows_the_dated_changes(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    committee = load_committee(conn, with_committee(conn, tmp_path))
    assert committee is not None
    before = committee.members_on(date(2024, 5, 31))
    after = committee.members_on(date(2024, 6, 1))
    # Chair first, næstformand second, the observer last; Mette Lund's seat goes to Kim Holm.
    assert names(before) == [
        "Bo Hilsted",
        "Anne Møller",
        "Mette Lund",
        "Jens Kragh",
        "Per Østergaard",
        "Karen Holm",
        "Søren Friis",
        "Hanne Ravn",
    ]
    assert "Mette Lund" not in names(after) and "Kim Holm" in names(after)
    assert [m.votes for m in after if m.role is Role.OBSERVATOER] == [False]
    # Outside every term there is no roster at all.
    assert committee.members_on(date(2026, 1, 1)) == []
    subs = committee.substitutes_on(date(2024, 6, 1), "a")
    assert [(s.name, s.rank) for s in subs] == [("Lars Nielsen", 1), ("Eva Bak", 2)]


def test_importing_the_same_file_again_changes_nothing(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    with_committee(conn, tmp_path)
    count = event_count(conn)
    report = import_committee_file(conn, write(tmp_path))
    assert not report.changed
    assert event_count(conn) == count


def test_export_then_import_elsewhere_gives_the_same_committee(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    committee = load_committee(conn, with_committee(conn, tmp_path))
    exported = export_committee(committee)
    other = connect(tmp_path / "other.db")
    try:
        import_committee_file(other, write(tmp_path, exported, "exported.toml"))
        again = find_committee(other, "økonomiudvalget")
        assert export_committee(again) == exported
        assert again.members_on(date(2025, 3, 11)) == committee.members_on(date(2025, 3, 11))
    finally:
        other.close()


def test_a_departure_and_a_new_address_in_the_file_become_events(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    committee_id = with_committee(conn, tmp_path)
    changed = OEKONOMIUDVALGET.replace(
        'name = "Karen Holm"\naffiliation = "C"\nemail = "karen.holm@greve.dk"',
        'name = "Karen Holm"\naffiliation = "C"\nemail = "kaho@greve.dk"\nleft = 2025-02-01',
    )
    report = import_committee_file(conn, write(tmp_path, changed))
    assert (report.left, report.corrected, report.joined) == (1, 1, 0)
    committee = load_committee(conn, committee_id)
    karen = next(m for m in committee.roster if m.name == "Karen Holm")
    assert (karen.email, karen.left_on) == ("kaho@greve.dk", date(2025, 2, 1))
    assert "Karen Holm" in names(committee.members_on(date(2025, 1, 31)))
    assert "Karen Holm" not in names(committee.members_on(date(2025, 2, 1)))
    types = [r[0] for r in conn.execute("SELECT type FROM events ORDER BY seq DESC LIMIT 2")]
    assert sorted(types) == ["committee_member_corrected", "committee_member_left"]
    assert verify(conn).ok


def test_a_member_missing_from_the_file_is_refused_not_deleted(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    with_committee(conn, tmp_path)
    count = event_count(conn)
    without = OEKONOMIUDVALGET.replace(
        '[[periods.members]]\nname = "Søren Friis"\naffiliation = "F"\n\n', ""
    )
    # The same file also adds a member: the whole import is refused, nothing half-done.
    without += '\n[[periods.members]]\nname = "Ny Person"\naffiliation = "Ø"\n'
    with pytest.raises(InputError) as refused:
        import_committee_file(conn, write(tmp_path, without, "without.toml"))
    assert "without.toml" in refused.value.message
    assert "Søren Friis" in refused.value.message and "left" in refused.value.message
    assert event_count(conn) == count
    committee = find_committee(conn, "Økonomiudvalget")
    assert "Ny Person" not in names(committee.roster)


def test_a_recorded_departure_cannot_be_taken_back_by_the_file(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    with_committee(conn, tmp_path)
    taken_back = OEKONOMIUDVALGET.replace("left = 2024-06-01\n", "")
    with pytest.raises(InputError) as refused:
        import_committee_file(conn, write(tmp_path, taken_back, "back.toml"))
    assert "Mette Lund" in refused.value.message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'name = "Anne Møller"\naffiliation = "V"\nrole = "næstformand"',
            'name = "Anne Møller"\naffiliation = "V"\nrole = "formand"',
            "Bo Hilsted er allerede formand",
        ),
        ('email = "jens.kragh@greve.dk"', 'email = "jens.kragh@greve"', "jens.kragh@greve"),
        (
            'name = "Ib Thomsen"\naffiliation = "V"',
            'name = "Ib Thomsen"\naffiliation = "V"\nrole = "formand"',
            "periods[1].substitutes[3]",
        ),
        ("ends = 2025-12-31", "ends = 2021-12-31", "slutter, før den begynder"),
        (
            'name = "Kim Holm"\naffiliation = "A"\nemail = "kim.holm@greve.dk"\njoined = 2024-06-01',
            'name = "Kim Holm"\naffiliation = "A"\nemail = "kim.holm@greve.dk"\njoined = 2026-06-01',
            "2026-06-01 ligger uden for valgperioden 2022-2025",
        ),
    ],
)
def test_a_broken_file_is_refused_with_file_and_reason(
    conn: sqlite3.Connection, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in OEKONOMIUDVALGET
    path = write(tmp_path, OEKONOMIUDVALGET.replace(old, new), "broken.toml")
    with pytest.raises(InputError) as refused:
        import_committee_file(conn, path)
    assert "broken.toml" in refused.value.message
    assert expected in refused.value.message
    assert event_count(conn) == 0
    assert conn.execute("SELECT count(*) FROM committees").fetchone()[0] == 0


def test_commands_refuse_clashes(conn: sqlite3.Connection, tmp_path: Path) -> None:
    committee_id = with_committee(conn, tmp_path)
    with pytest.raises(CommandRefused) as twice:
        commands.join(conn, committee_id, 1, name="bo hilsted", affiliation="A")
    assert twice.value.key == "committee.member_twice"
    with pytest.raises(CommandRefused) as overlap:
        commands.add_period(conn, committee_id, "2025-2029", date(2025, 12, 1), date(2029, 12, 31))
    assert overlap.value.key == "committee.period_overlap"
    with pytest.raises(CommandRefused) as exists:
        commands.create_committee(conn, "ØKONOMIUDVALGET")
    assert exists.value.key == "committee.exists"
    with pytest.raises(CommandRefused) as early:
        commands.leave(conn, committee_id, 3, date(2024, 5, 1))  # Kim Holm joined 1 June
    assert early.value.key == "committee.leave_date"
    # A new stedfortræder goes last on the party's list.
    new_id = commands.join(
        conn, committee_id, 1, name="Ole Dam", affiliation="A", role="stedfortræder"
    )
    committee = load_committee(conn, committee_id)
    assert committee.member(new_id).rank == 3


def test_verify_replays_the_register_and_finds_a_hand_edit(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    with_committee(conn, tmp_path)
    assert verify(conn).ok
    conn.execute("UPDATE committee_roster SET email = 'x@evil.dk' WHERE name = 'Bo Hilsted'")
    [problem] = verify(conn).problems
    assert problem.key == "verify.register_mismatch"
    assert problem.params == {"table": "committee_roster"}
