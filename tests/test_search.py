"""Search over the archive (FTS5, Danish-friendly) and case history."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from meetingtui import service
from meetingtui.errors import InputError
from meetingtui.models import AgendaItem, DecisionEntry, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.case_history import case_history
from meetingtui.storage.db import connect
from meetingtui.storage.search_query import parse
from tests.search_support import find, imported_archive


def _meeting(body: str, when: datetime, items: list[AgendaItem]) -> Meeting:
    return Meeting(body=body, starts_at=when, items=items, document_kind=DocumentKind.REFERAT)


def _item(
    n: int,
    title: str,
    *,
    case: str = "",
    text: str = "",
    decision: str = "",
    closed: bool = False,
    history: list[DecisionEntry] | None = None,
) -> AgendaItem:
    return AgendaItem(
        id=n,
        number=str(n),
        title=title,
        case_number=case,
        closed=closed,
        sections=[Section(heading="Sagsfremstilling", text=text)] if text else [],
        decision=decision,
        decision_history=history or [],
    )


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Three meetings imported once per run and copied."""
    yield from imported_archive("search three meetings", tmp_path / "s.db", _meetings)


def _meetings() -> list[Meeting]:
    return [
        _meeting(
            "Økonomiudvalget",
            datetime(2016, 3, 15, 16, 0),
            [
                _item(1, "Budgetproces 2017-2020", case="16/236", text="Principper for budget."),
                _item(
                    2, "Salg af grund på Åvej", case="16/900", decision="Anbefales.", closed=True
                ),
            ],
        ),
        _meeting(
            "Kommunalbestyrelsen",
            datetime(2016, 3, 29, 18, 0),
            [
                _item(
                    4,
                    "Salg af grund på Åvej",
                    case="16/900",
                    decision="Godkendt.",
                    history=[
                        DecisionEntry(body="Økonomiudvalget", date="15-03-2016", text="Anbefales."),
                        DecisionEntry(
                            body="Kommunalbestyrelsen", date="29-03-2016", text="Godkendt."
                        ),
                    ],
                ),
                _item(5, "Skoledistrikter", text="Ændring af skoledistrikt for Avej skole."),
            ],
        ),
        _meeting(
            "Børne- og Ungeudvalget",
            datetime(2017, 1, 10, 15, 0),
            [_item(1, "Kvalitetsrapport", case="16/236", text="Trivsel og BØRNEHAVER i fokus.")],
        ),
    ]


def test_ranked_hits_with_snippets(conn: sqlite3.Connection) -> None:
    [hit] = find(conn, "budget")
    assert hit.title == "Budgetproces 2017-2020" and "[budget]" in hit.snippet
    # A prefix query also finds the word inside the title.
    assert [h.title for h in find(conn, "budget*")] == ["Budgetproces 2017-2020"]
    [hit] = find(conn, "principper")
    assert (hit.body, hit.date, hit.number) == ("Økonomiudvalget", "2016-03-15", "1")
    assert "[Principper]" in hit.snippet


def test_title_outranks_body_text(conn: sqlite3.Connection) -> None:
    hits = find(conn, "skoledistrikter OR skoledistrikt")
    assert hits[0].title == "Skoledistrikter"


def test_danish_case_folding_and_diacritics_kept(conn: sqlite3.Connection) -> None:
    assert [h.title for h in find(conn, "børnehaver")] == ["Kvalitetsrapport"]
    assert [h.title for h in find(conn, "BØRNEHAVER")] == ["Kvalitetsrapport"]
    # "Åvej" and "Avej" are different words: diacritics are not removed.
    assert {h.title for h in find(conn, "åvej")} == {"Salg af grund på Åvej"}
    assert [h.title for h in find(conn, "avej")] == ["Skoledistrikter"]


def test_filters_by_body_and_date(conn: sqlite3.Connection) -> None:
    assert len(find(conn, "åvej")) == 2
    [hit] = find(conn, "åvej", body="økonomi")
    assert hit.body == "Økonomiudvalget" and hit.closed
    [hit] = find(conn, "åvej", date_from=date(2016, 3, 20))
    assert hit.body == "Kommunalbestyrelsen"
    assert find(conn, "åvej", date_to="14-03-2016") == []
    with pytest.raises(InputError):
        find(conn, "åvej", date_from="sidste tirsdag")


def test_decisions_and_case_numbers_are_searchable(conn: sqlite3.Connection) -> None:
    assert {h.number for h in find(conn, "anbefales")} == {"2", "4"}
    assert {h.title for h in find(conn, "16/236")} == {
        "Budgetproces 2017-2020",
        "Kvalitetsrapport",
    }


@pytest.mark.parametrize("query", ['"', "AND", "a:b", "(", "NEAR(", "*", "A+V", "-", "kl."])
def test_syntax_characters_never_break_the_query(conn: sqlite3.Connection, query: str) -> None:
    find(conn, query)  # must not raise


def test_query_reading_keeps_phrases_prefixes_and_or() -> None:
    query = parse('budget "tune skole" skol* OR x')
    assert [[(t.words, t.phrase, t.prefix) for t in group] for group in query.groups] == [
        [(("budget",), False, False)],
        [(("tune", "skole"), True, False)],
        [(("skol",), False, True), (("x",), False, False)],
    ]
    assert not parse("  ") and not parse('" - * ( )')


def test_case_history_in_date_order_with_decisions(conn: sqlite3.Connection) -> None:
    entries = case_history(conn, "16/900")
    assert [(e.body, e.starts_at[:10], e.decision) for e in entries] == [
        ("Økonomiudvalget", "2016-03-15", "Anbefales."),
        ("Kommunalbestyrelsen", "2016-03-29", "Godkendt."),
    ]
    assert entries[0].closed
    assert [d.body for d in entries[1].decision_history] == [
        "Økonomiudvalget",
        "Kommunalbestyrelsen",
    ]
    assert [e.title for e in case_history(conn, " 16/236 ")] == [
        "Budgetproces 2017-2020",
        "Kvalitetsrapport",
    ]
    assert case_history(conn, "99/1") == []


def test_datasette_can_detect_the_fts_table(conn: sqlite3.Connection) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'item_search_fts'").fetchone()[0]
    assert "USING FTS5" in sql.upper()
    assert "content=[item_search]" in sql or 'content="item_search"' in sql
    assert "remove_diacritics 0" in sql


def test_existing_meetings_are_indexed_when_search_arrives(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    service.import_meeting(
        conn, _meeting("Byrådet", datetime(2020, 1, 1), [_item(1, "Vandplan")]), content_hash="x"
    )
    # As if stored by a version before search existed: no search tables, no search migrations.
    conn.execute("DROP TABLE item_search_fts")
    conn.execute("DROP TABLE item_stems_fts")
    conn.execute("DROP TABLE item_search")
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'meetingtui-search'")
    conn.close()
    conn = connect(path)
    assert [h.title for h in find(conn, "vandplan")] == ["Vandplan"]
    conn.close()


def test_the_body_filter_reads_one_index_step_per_body_not_per_item(tmp_path: Path) -> None:
    """Listing the bodies for the filter costs the same whether the archive holds 300 items
    or 3,000 (counted in SQLite virtual-machine steps, not time)."""
    from sqlite_utils import Database

    def steps_to_list_bodies(items: int) -> tuple[int, list[str]]:
        db_conn = sqlite3.connect(tmp_path / f"index-{items}.db")
        search.migrations.apply(Database(db_conn))
        bodies = ["Byrådet", "Økonomiudvalget", "Teknik- og Miljøudvalget"]
        rows = [
            (n, n, bodies[n % 3], "2024-03-12", str(n), f"Punkt {n}", f"24/{n}", 0, "referat",
             "Sagen forelægges.", "Godkendt.", "punkt", "sag forelæg", "godkend")
            for n in range(items)
        ]  # fmt: skip
        search.insert_rows(db_conn, rows)
        steps = 0

        def count() -> int:
            nonlocal steps
            steps += 1
            return 0

        db_conn.set_progress_handler(count, 1)
        found = search.distinct_bodies(db_conn)
        db_conn.set_progress_handler(None, 1)
        db_conn.close()
        return steps, found

    small, small_bodies = steps_to_list_bodies(300)
    large, large_bodies = steps_to_list_bodies(3000)
    assert small_bodies == large_bodies == sorted(["Byrådet", "Økonomiudvalget",
                                                   "Teknik- og Miljøudvalget"])  # fmt: skip
    assert large <= small * 1.5  # a scan would take ten times the steps
