"""Full-text search over the archive and case history.

Reads the tables `search_index` keeps (one row per agenda item, an FTS5 index of the words as
written and one of their Danish stems). How a query is read and a snippet cut: `search_query`.
The index's names are importable from here too, as they were before the indexing had a module
of its own.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import date

from meetingtui.errors import InputError
from meetingtui.i18n import t
from meetingtui.storage.search_index import (
    STEM_COLUMNS,
    TOKENIZE,
    ensure_search,
    index_meeting,
    index_new_meeting,
    insert_rows,
    migrations,
    new_meeting_rows,
)
from meetingtui.storage.search_query import (
    EXACT_INDEX,
    MAX_TERMS,
    Highlighter,
    Step,
    Tier,
    parse,
    snippet,
)

__all__ = [
    "BROAD_QUERY",
    "DEADLINE_SECONDS",
    "STEM_COLUMNS",
    "TOKENIZE",
    "SearchHit",
    "SearchResults",
    "distinct_bodies",
    "ensure_search",
    "index_meeting",
    "index_new_meeting",
    "insert_rows",
    "matching_ids",
    "migrations",
    "new_meeting_rows",
    "search",
]

# --------------------------------------------------------------------------- search

BROAD_QUERY = 5_000  # matching items above which results are ordered by recency, not bm25
# Whatever is typed, a search answers within about this time; what it found by then is shown
# and the result says it stopped early. The query bounds (search_query) make that rare.
DEADLINE_SECONDS = 1.5
PROGRESS_STEPS = 1_000  # SQLite virtual-machine steps between two looks at the clock


@dataclass(frozen=True)
class SearchHit:
    meeting_id: int
    item_id: int
    body: str
    date: str  # YYYY-MM-DD
    number: str
    title: str
    case_number: str
    closed: bool
    document_kind: str
    snippet: str
    rank: float
    match: str = Tier.EXACT.label  # "exact", "inflected" or "compound"


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    shortened: bool = False  # the query was cut to its first words (search_query.MAX_TERMS)
    stopped: bool = False  # the deadline passed: the best hits found until then

    def notices(self) -> list[str]:
        """What the user should be told about this search, in the active language."""
        out = [t("search.shortened", terms=MAX_TERMS)] if self.shortened else []
        return out + ([t("search.stopped")] if self.stopped else [])


class _Deadline:
    """Interrupts SQLite once the search has used its time (a progress handler)."""

    def __init__(self, conn: sqlite3.Connection, seconds: float) -> None:
        self.conn = conn
        self.until = time.monotonic() + seconds
        self.passed = False

    def _check(self) -> int:
        self.passed = time.monotonic() > self.until
        return int(self.passed)

    def __enter__(self) -> _Deadline:
        self.conn.set_progress_handler(self._check, PROGRESS_STEPS)
        return self

    def __exit__(self, *_: object) -> None:
        self.conn.set_progress_handler(None, 0)


def _iso(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        pass  # Danish forms below: "15-05-2023", "15. maj 2023"
    from meetingtui.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise InputError("search.bad_date", value=value)
    return parsed.isoformat()


# The distinct bodies by skipping through the body index, one step per body: a few index
# lookups, where SELECT DISTINCT read an index entry for every item of the archive.
_DISTINCT_BODIES = """
WITH RECURSIVE bodies(body) AS (
    SELECT min(body) FROM item_search
    UNION ALL
    SELECT (SELECT min(body) FROM item_search WHERE body > bodies.body) FROM bodies
    WHERE bodies.body IS NOT NULL
)
SELECT body FROM bodies WHERE body IS NOT NULL
"""


def distinct_bodies(conn: sqlite3.Connection) -> list[str]:
    """The bodies the archive holds items of, in index order."""
    return [name for (name,) in conn.execute(_DISTINCT_BODIES)]


def _filters(
    conn: sqlite3.Connection, body: str | None, date_from: date | str | None,
    date_to: date | str | None,
) -> tuple[list[str], list[object]] | None:  # fmt: skip
    """SQL conditions on `item_search s` and their parameters; None when no body matches."""
    filters: list[str] = []
    params: list[object] = []
    if body:
        # Few distinct bodies: match them in Python (Danish case folding), filter with IN.
        wanted = body.casefold()
        bodies = [name for name in distinct_bodies(conn) if wanted in name.casefold()]
        if not bodies:
            return None
        filters.append(f"s.body IN ({','.join('?' * len(bodies))})")
        params.extend(bodies)
    if (start := _iso(date_from)) is not None:
        filters.append("s.date >= ?")
        params.append(start)
    if (end := _iso(date_to)) is not None:
        filters.append("s.date <= ?")
        params.append(end)
    return filters, params


def _top(
    conn: sqlite3.Connection, step: Step, filters: list[str], params: list[object], limit: int
) -> list[tuple[int, float]]:
    """(rowid, score) of the best `limit` rows of one tier, within the filters."""
    index = step.index
    # Counting matches inside FTS5 alone is cheap, and stops past BROAD_QUERY; it decides how
    # to order.
    matches = conn.execute(
        f"SELECT count(*) FROM (SELECT rowid FROM {index} WHERE {index} MATCH ? LIMIT ?)",
        [step.match, BROAD_QUERY + 1],
    ).fetchone()[0]
    if matches == 0:
        return []
    # bm25 ranking inside FTS5 (weights set by the migrations), best `limit` rows only. A query
    # so broad that ranking every match would be slow gives the newest items first instead,
    # which also lets filters stop at the first `limit` rows that pass.
    ranked = matches <= BROAD_QUERY
    conditions = [f"{index} MATCH ?", *filters]
    values: list[object] = [step.match, *params]
    exact = f"SELECT rowid FROM {EXACT_INDEX} WHERE {EXACT_INDEX} MATCH ?"
    if step.not_exact is not None:
        conditions.append(f"f.rowid NOT IN ({exact})")
        values.append(step.not_exact)
    if step.exact_phrases is not None:
        conditions.append(f"f.rowid IN ({exact})")
        values.append(step.exact_phrases)
    join = "JOIN item_search s ON s.id = f.rowid " if filters else ""
    return conn.execute(
        f"SELECT f.rowid, {'f.rank' if ranked else '0.0'} FROM {index} f {join}"
        f"WHERE {' AND '.join(conditions)} ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} "
        "LIMIT ?",
        [*values, limit],
    ).fetchall()


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    body: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    limit: int = 50,
    marks: tuple[str, str] = ("[", "]"),
    deadline: float = DEADLINE_SECONDS,
) -> SearchResults:
    """Items matching `query`, best first, with a snippet around the match.

    Words match as written first, then their inflected forms, then compounds that begin with
    them (see `search_query`). `body` matches part of the body name, ignoring case ("byråd"
    finds "Byråd 2022-2025"); dates are inclusive and may be `date` objects or text
    ("2023-05-15", "15-05-2023").
    """
    parsed = parse(query)
    if not parsed:
        return SearchResults([], shortened=parsed.shortened)
    where = _filters(conn, body, date_from, date_to)
    if where is None:
        return SearchResults([], shortened=parsed.shortened)
    filters, params = where
    limit = max(1, limit)
    top: list[tuple[int, float, Tier]] = []
    seen: set[int] = set()
    with _Deadline(conn, deadline) as clock:
        for step in parsed.steps():
            try:
                rows = _top(conn, step, filters, params, limit - len(top))
            except sqlite3.OperationalError as error:
                if not clock.passed:
                    raise InputError("search.bad_query", reason=str(error)) from None
                break  # out of time: show what the better tiers found
            top += [(rowid, score, step.tier) for rowid, score in rows if rowid not in seen]
            seen.update(rowid for rowid, _ in rows)
            if len(top) >= limit:
                break
    hits = _hits(conn, top, Highlighter(parsed), marks)
    return SearchResults(hits, shortened=parsed.shortened, stopped=clock.passed)


def _hits(
    conn: sqlite3.Connection,
    top: list[tuple[int, float, Tier]],
    highlighter: Highlighter,
    marks: tuple[str, str],
) -> list[SearchHit]:
    if not top:
        return []
    ids = [rowid for rowid, _, _ in top]
    details = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT id, meeting_id, item_id, body, date, number, title, case_number, closed, "
            f"document_kind, text, decision FROM item_search WHERE id IN ({','.join('?' * len(ids))})",
            ids,
        )
    }
    hits = []
    for rowid, score, tier in top:
        d = details[rowid]
        text = snippet([d[9], d[10], d[5], d[6]], highlighter, marks)
        hits.append(SearchHit(d[0], d[1], d[2], d[3], d[4], d[5], d[6], bool(d[7]), d[8],
                              text, score, tier.label))  # fmt: skip
    return hits


def matching_ids(conn: sqlite3.Connection, query: str) -> set[int]:
    """Every `item_search` id the query finds, whatever the tier (for measuring recall)."""
    parsed = parse(query)
    found: set[int] = set()
    for step in parsed.steps() if parsed else []:
        sql = f"SELECT rowid FROM {step.index} WHERE {step.index} MATCH ?"
        rows = {rowid for (rowid,) in conn.execute(sql, [step.match])}
        if step.exact_phrases is not None:
            exact = f"SELECT rowid FROM {EXACT_INDEX} WHERE {EXACT_INDEX} MATCH ?"
            rows &= {rowid for (rowid,) in conn.execute(exact, [step.exact_phrases])}
        found |= rows
    return found
