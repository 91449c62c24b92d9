"""Danish search over a realistic archive of 5,000 meetings, beside the search it replaced.

The archive is generated at run time from the text of the real referats in ../shared/samples
(their titles, sentences and decisions, recombined into 5,000 meetings of 8-22 items); without
the samples, from built-in Danish sentence templates (printed as such). It is built through the
normal import path (service.import_meeting). Then, in the same run:

- index build time and size: the search index alone (item_search + FTS5), built from the same
  rows the old way (exact words) and the new way (exact words + Danish stems);
- base-form recall: for Danish municipal nouns, the items that contain an inflected form
  (definite, plural, genitive: what a search for those forms finds) and the share of them a
  search for the base form finds, old and new (target >= 98 %);
- latency of a mix of 300 queries, old and new (target p95 <= 50 ms);
- a hostile query: 1,600 words joined by OR.

    python bench/bench_search.py [--meetings 5000] [--db /path/archive.db]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from meetingtui import service
from meetingtui.models import AgendaItem, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.danish_words import stems_text
from meetingtui.storage.db import connect

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
BODIES = ["Byrådet", "Økonomiudvalget", "Teknik- og Miljøudvalget", "Børne- og Ungeudvalget",
          "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget", "Plan- og Boligudvalget"]  # fmt: skip

# Danish municipal nouns and their inflected forms (definite, plural, genitive).
PARADIGMS = {
    "lokalplan": "lokalplanen lokalplaner lokalplanerne lokalplanens lokalplans",
    "borger": "borgeren borgere borgerne borgernes borgerens",
    "udvalg": "udvalget udvalgets udvalgene udvalgenes udvalgs",
    "tilskud": "tilskuddet tilskuddene tilskuddets tilskuds",
    "skole": "skolen skoler skolerne skolens skolernes skoles",
    "budget": "budgettet budgetter budgetterne budgettets",
    "kommune": "kommunen kommuner kommunerne kommunens kommunernes kommunes",
    "område": "området områder områderne områdets",
    "ejendom": "ejendommen ejendomme ejendommene ejendommens ejendoms",
    "regel": "reglen regler reglerne reglernes",
    "beslutning": "beslutningen beslutninger beslutningerne",
    "sag": "sagen sager sagerne sagens",
    "forslag": "forslaget forslagene forslagets",
    "aftale": "aftalen aftaler aftalerne aftalens aftales",
    "vej": "vejen veje vejene vejens",
    "plan": "planen planer planerne planens",
    "bolig": "boligen boliger boligerne",
    "tilbud": "tilbuddet tilbuddene",
    "anlæg": "anlægget anlæggene anlægs",
    "borgmester": "borgmesteren borgmestre borgmestrene borgmesterens",
    "regnskab": "regnskabet regnskaber",
    "medlem": "medlemmet medlemmer medlemmerne medlemmets medlems",
    "institution": "institutionen institutioner institutionerne institutionernes",
    "forening": "foreningen foreninger foreningerne foreningers forenings",
    "bygning": "bygningen bygninger bygningerne bygningernes",
    "ansøgning": "ansøgningen ansøgninger",
    "bevilling": "bevillingen bevillinger bevillingerne",
    "høring": "høringen høringer",
    "projekt": "projektet projekter projekterne projektets",
    "byråd": "byrådet byrådets byråds",
    "elev": "eleven elever eleverne elevernes elevs elevers",
    "dagtilbud": "dagtilbuddet dagtilbuddene dagtilbuds",
    "politik": "politikken politikker politikkerne politikkens",
    "indsats": "indsatsen indsatser indsatserne",
    "opgave": "opgaven opgaver opgaverne",
    "ramme": "rammen rammer rammerne",
    "takst": "taksten takster taksterne",
    "rapport": "rapporten rapporter",
    "center": "centret centre centrene centerets",
    "barn": "barnet barnets barns",
}

# Without the samples: sentences in the voice of a referat, filled with the nouns above.
TEMPLATES = [
    "Administrationen indstiller, at {a} godkendes.",
    "Forslaget om {a} har været i høring i otte uger, og {b} er behandlet i notatet.",
    "Udvalget drøftede {a} og besluttede at oversende {b} til Økonomiudvalget.",
    "Der er afsat 2,1 mio. kr. til {a} i budget 2024.",
    "{A} forventes afsluttet i 2. kvartal, og {b} evalueres efterfølgende.",
    "Sagen vedrører {a} samt {b} i den nordlige del af kommunen.",
    "Med stemmerne 5 for og 2 imod godkendte udvalget {a}.",
    "Høringssvarene peger på {a}, mens {b} ikke er berørt.",
]


def corpus() -> tuple[str, list[str], list[str], list[str]]:
    """(description, titles, sentences, decisions) to build meetings from."""
    if SAMPLES.is_dir():
        from meetingtui import importers

        titles: list[str] = []
        sentences: list[str] = []
        decisions: list[str] = []
        for path in sorted(SAMPLES.iterdir()):
            if path.suffix not in (".json", ".pdf", ".xml", ".docx", ".txt", ".html"):
                continue
            _, meetings = importers.parse(path.read_bytes(), source=path.name)
            for item in (i for m in meetings for i in m.items):
                titles.append(item.title)
                decisions += [item.decision] if item.decision else []
                for section in item.sections:
                    sentences += [
                        s.strip()
                        for s in re.split(r"(?<=[.!?])\s+", section.text)
                        if len(s.split()) >= 4
                    ]
        return f"the samples' text ({len(sentences)} sentences)", titles, sentences, decisions
    rng = random.Random(3)
    words = [w for lemma, forms in PARADIGMS.items() for w in [lemma, *forms.split()]]

    def fill(template: str) -> str:
        a, b = rng.choice(words), rng.choice(words)
        return template.format(a=a, b=b, A=a.capitalize())

    sentences = [fill(rng.choice(TEMPLATES)) for _ in range(3000)]
    titles = [fill("{A} og {b}") for _ in range(200)]
    return "built-in templates (no samples found)", titles, sentences, ["Godkendt.", "Anbefales."]


def meeting(rng: random.Random, parts: tuple[list[str], list[str], list[str]], n: int) -> Meeting:
    titles, sentences, decisions = parts
    start = datetime(2005, 1, 1) + timedelta(days=n * 3 % 7300, hours=16)
    items = []
    for number in range(1, rng.randint(8, 22) + 1):
        sections = [
            Section(heading=h, text=" ".join(rng.choices(sentences, k=rng.randint(2, 9))))
            for h in ("Resumé", "Sagsfremstilling", "Økonomi")
        ]
        items.append(
            AgendaItem(
                id=number,
                number=str(number),
                title=rng.choice(titles),
                case_number=f"{rng.randint(5, 25)}/{rng.randint(1, 30000)}",
                closed=rng.random() < 0.05,
                sections=sections,
                recommendation=rng.choice(sentences),
                decision=rng.choice(decisions),
            )
        )
    return Meeting(body=BODIES[n % len(BODIES)], starts_at=start, items=items,
                   document_kind=DocumentKind.REFERAT)  # fmt: skip


def build(db: Path, meetings: int, parts: tuple[list[str], list[str], list[str]]) -> float:
    rng = random.Random(11)
    conn = connect(db)
    have = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    started = time.perf_counter()
    for n in range(meetings):
        made = meeting(rng, parts, n)  # made even when stored: the random stream stays the same
        if n >= have:
            service.import_meeting(conn, made, content_hash=f"bench-{n}")
        if n % 1000 == 999:
            print(f"  {n + 1} meetings ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.close()
    return time.perf_counter() - started


# --------------------------------------------------------------------------- the old search

OLD_SCHEMA = """
CREATE TABLE item_search (
    id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL, item_id INTEGER NOT NULL,
    body TEXT NOT NULL, date TEXT NOT NULL, number TEXT NOT NULL, title TEXT NOT NULL,
    case_number TEXT NOT NULL, closed INTEGER NOT NULL, document_kind TEXT NOT NULL,
    text TEXT NOT NULL, decision TEXT NOT NULL, UNIQUE (meeting_id, item_id)
);
CREATE INDEX item_search_date ON item_search(date);
CREATE INDEX item_search_body ON item_search(body);
"""
_TOKEN = re.compile(r'"[^"]*"|\S+')


def old_fts_query(query: str) -> str:
    """The query as the search before Danish stemming read it (every word exact)."""
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token in ("OR", "NOT", "AND") and parts:
            parts.append(token)
            continue
        prefix = token.endswith("*") and len(token) > 1
        word = token.strip('"').rstrip("*") if not token.startswith('"') else token[1:-1]
        word = word.replace('"', '""').strip()
        if word:
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    while parts and parts[-1] in ("OR", "NOT", "AND"):
        parts.pop()
    return " ".join(parts)


def old_search(conn: sqlite3.Connection, query: str, limit: int = 50, **_: object) -> int:
    """The old ranking (bm25 below 5,000 matches, else newest first) and row fetch; no
    snippets, so it flatters the old search a little."""
    expression = old_fts_query(query)
    if not expression:
        return 0
    matches = conn.execute(
        "SELECT count(*) FROM item_search_fts WHERE item_search_fts MATCH ?", [expression]
    ).fetchone()[0]
    order = "rank" if matches <= search.BROAD_QUERY else "rowid DESC"
    ids = [r for (r,) in conn.execute(
        f"SELECT rowid FROM item_search_fts WHERE item_search_fts MATCH ? ORDER BY {order} "
        "LIMIT ?", [expression, limit])]  # fmt: skip
    marks = ",".join("?" * len(ids))
    return len(conn.execute(f"SELECT * FROM item_search WHERE id IN ({marks})", ids).fetchall())


# --------------------------------------------------------------------------- measurements


def index_copies(archive: Path, folder: Path) -> dict[str, tuple[float, int]]:
    """Build the search index alone from the archive's rows, old and new: (seconds, bytes)."""
    source = sqlite3.connect(archive)
    rows = source.execute(
        "SELECT meeting_id, item_id, body, date, number, title, case_number, closed, "
        "document_kind, text, decision FROM item_search ORDER BY id"
    ).fetchall()
    source.close()
    out = {}
    for kind in ("old", "new"):
        path = folder / f"index-{kind}.db"
        path.unlink(missing_ok=True)
        conn = sqlite3.connect(path, isolation_level=None)
        db = Database(conn)
        if kind == "old":
            conn.executescript(OLD_SCHEMA)
            db["item_search"].enable_fts(  # type: ignore[union-attr]
                ["title", "case_number", "text", "decision"],
                tokenize=search.TOKENIZE, create_triggers=True,
            )  # fmt: skip
            conn.execute("INSERT INTO item_search_fts(item_search_fts, rank) "
                         "VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0)')")  # fmt: skip
        else:
            search.migrations.apply(db)
        started = time.perf_counter()
        conn.execute("BEGIN")
        for begin in range(0, len(rows), 200):
            chunk = rows[begin : begin + 200]
            if kind == "old":
                marks = ", ".join(["(" + ", ".join("?" * 11) + ")"] * len(chunk))
                conn.execute(
                    "INSERT INTO item_search (meeting_id, item_id, body, date, number, title, "
                    "case_number, closed, document_kind, text, decision) VALUES " + marks,
                    [v for row in chunk for v in row],
                )
            else:
                search.insert_rows(conn, [
                    (*row, stems_text(row[5]), stems_text(row[9]), stems_text(row[10]))
                    for row in chunk
                ])  # fmt: skip
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        conn.execute("VACUUM")
        conn.close()
        out[kind] = (seconds, path.stat().st_size)
    return out


def recall(old: sqlite3.Connection, new: sqlite3.Connection) -> dict[str, tuple[int, int, int]]:
    """Per base form: (items with an inflected form, found by the old base-form search, by the
    new one)."""
    out = {}
    for lemma, forms in PARADIGMS.items():
        truth: set[int] = set()
        for form in forms.split():
            truth |= {r for (r,) in old.execute(
                "SELECT rowid FROM item_search_fts WHERE item_search_fts MATCH ?", [f'"{form}"'])}  # fmt: skip
        if not truth:
            continue
        old_found = {r for (r,) in old.execute(
            "SELECT rowid FROM item_search_fts WHERE item_search_fts MATCH ?", [f'"{lemma}"'])}  # fmt: skip
        new_found = search.matching_ids(new, lemma)
        out[lemma] = (len(truth), len(truth & old_found), len(truth & new_found))
    return out


def query_mix(rng: random.Random, sentences: list[str]) -> list[dict[str, object]]:
    words = [w for s in sentences for w in re.findall(r"[^\W\d_]{3,}", s)]
    counts: dict[str, int] = {}
    for w in words:
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    frequent, rare = ranked[:60], ranked[len(ranked) // 2 :]
    lemmas = list(PARADIGMS)
    mix: list[dict[str, object]] = []
    for _ in range(40):
        mix.append({"query": rng.choice(frequent)})
        mix.append({"query": rng.choice(rare)})
        mix.append({"query": rng.choice(lemmas)})
        mix.append({"query": f"{rng.choice(lemmas)} {rng.choice(ranked[:400])}"})
    for _ in range(20):
        mix.append({"query": rng.choice(lemmas)[:4] + "*"})
        sentence = rng.choice(sentences).split()
        at = rng.randrange(max(1, len(sentence) - 2))
        mix.append({"query": '"' + " ".join(sentence[at : at + 2]).strip('.,"') + '"'})
        mix.append({"query": rng.choice(lemmas), "body": rng.choice(BODIES)[:6]})
        mix.append(
            {"query": rng.choice(lemmas), "date_from": "2012-01-01", "date_to": "2013-12-31"}
        )
        mix.append({"query": f"{rng.randint(5, 25)}/{rng.randint(1, 30000)}"})  # case number
        mix.append({"query": rng.choice(frequent[:10])})  # very common: many matches to rank
        mix.append({"query": f"{rng.choice(frequent)} {rng.choice(rare)}"})
    return mix


def timed(
    run: Callable[..., object], conn: sqlite3.Connection, mix: list[dict[str, object]]
) -> list[float]:
    for q in mix[:20]:  # warm the page cache, as an archivist's session would
        run(conn, **q)
    timings = []
    for q in mix:
        started = time.perf_counter()
        run(conn, **q)
        timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def figures(timings: list[float]) -> str:
    p95 = timings[int(0.95 * (len(timings) - 1))]
    return f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    described, titles, sentences, decisions = corpus()
    print(f"corpus: {described}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "archive.db"
        print(f"building an archive of {args.meetings} meetings ...", flush=True)
        seconds = build(db, args.meetings, (titles, sentences, decisions))
        print(f"  stored and indexed through service.import_meeting in {seconds:.0f} s")
        copies = index_copies(db, Path(tmp))
        old = sqlite3.connect(Path(tmp) / "index-old.db")
        new = sqlite3.connect(Path(tmp) / "index-new.db")
        items = new.execute("SELECT count(*) FROM item_search").fetchone()[0]
        print(f"\n{args.meetings} meetings, {items} items")
        print("search index alone   build      size")
        for kind, label in (("old", "exact words"), ("new", "+ Danish stems")):
            build_s, size = copies[kind]
            print(f"  {label:<18} {build_s:6.1f} s  {size / 1e6:7.1f} MB")

        per_lemma = recall(old, new)
        truth = sum(v[0] for v in per_lemma.values())
        old_hits = sum(v[1] for v in per_lemma.values())
        new_hits = sum(v[2] for v in per_lemma.values())
        print(
            f"\nbase-form recall over {len(per_lemma)} nouns ({truth} items with an inflected form):"
        )
        print(
            f"  old {100 * old_hits / truth:.1f} %   new {100 * new_hits / truth:.1f} %   (target >= 98 %)"
        )
        worst = sorted(per_lemma.items(), key=lambda kv: kv[1][2] / kv[1][0])[:5]
        print("  lowest: " + ", ".join(f"{k} {100 * v[2] / v[0]:.0f} %" for k, v in worst))

        mix = query_mix(random.Random(5), sentences)
        print(f"\n{len(mix)} mixed queries:")
        print(f"  old (exact words, no snippets)  {figures(timed(old_search, old, mix))}")
        print(f"  new (Danish, with snippets)     {figures(timed(search.search, new, mix))}")
        print("  target: p95 <= 50 ms")

        hostile = " OR ".join(rng_word for rng_word in random.Random(7).choices(
            [w for s in sentences for w in re.findall(r"[^\W\d_]{3,}", s)], k=1600))  # fmt: skip
        started = time.perf_counter()
        # The old search is given 120 s at most: it took 14-30 s on 100 real meetings.
        old.set_progress_handler(lambda: int(time.perf_counter() - started > 120), 10_000)
        try:
            old_search(old, hostile)
        except sqlite3.OperationalError:
            print("  (the old search was stopped after 120 s)")
        old.set_progress_handler(None, 0)
        old_s = time.perf_counter() - started
        started = time.perf_counter()
        results = search.search(new, hostile)
        new_s = time.perf_counter() - started
        print(f"\n1,600 words joined by OR: old {old_s:.1f} s, new {new_s * 1000:.0f} ms "
              f"(shortened: {results.shortened}; target <= 2 s)")  # fmt: skip
        old.close()
        new.close()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
