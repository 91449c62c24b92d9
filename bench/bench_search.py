"""Search latency over a generated archive of 5,000 meetings (about 75,000 items).

Builds the archive through the normal import path (service.import_meeting, which indexes each
meeting), then runs a mix of queries (frequent and rare words, phrases, prefixes, body and date
filters, case numbers) and prints p50/p95/max. Target: p95 <= 50 ms. The archive is kept at
--db (default: a temporary file) so repeated runs can skip the build.

    python bench/bench_search.py [--meetings 5000] [--db /path/archive.db]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from meetingtui import service
from meetingtui.models import AgendaItem, DocumentKind, Meeting, Section
from meetingtui.storage import search
from meetingtui.storage.db import connect

BODIES = ["Byrådet", "Økonomiudvalget", "Teknik- og Miljøudvalget", "Børne- og Ungeudvalget",
          "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget", "Plan- og Boligudvalget"]  # fmt: skip
SYLLABLES = ["by", "råd", "skole", "plan", "lokal", "bud", "get", "an", "læg", "bolig", "vej",
             "sti", "natur", "klima", "ældre", "pleje", "børn", "unge", "kultur", "idræt", "hal",
             "havn", "trafik", "energi", "vand", "sund", "hed", "social", "job", "center", "råd",
             "hus", "projekt", "tilskud", "udbud", "kontrakt", "høring", "forslag", "strategi"]  # fmt: skip
COMMON = ["kommunen", "udvalget", "godkendes", "indstilling", "administrationen", "sagen", "og",
          "at", "der", "til", "for", "med", "på", "af", "i", "økonomi", "budget", "mio", "kr"]  # fmt: skip


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    out = []
    for _ in range(n):
        # Zipf-like: most words common, a long tail of rare ones.
        if rng.random() < 0.5:
            out.append(rng.choice(COMMON))
        else:
            out.append(vocab[min(int(rng.paretovariate(1.1)) - 1, len(vocab) - 1)])
    return " ".join(out).capitalize() + "."


def meeting(rng: random.Random, vocab: list[str], n: int) -> Meeting:
    start = datetime(2010, 1, 1) + timedelta(days=n * 3 % 5400, hours=16)
    items = []
    for number in range(1, rng.randint(8, 22) + 1):
        items.append(
            AgendaItem(
                id=number,
                number=str(number),
                title=sentence(rng, vocab, rng.randint(3, 8)).rstrip("."),
                case_number=f"{rng.randint(10, 24)}/{rng.randint(1, 30000)}",
                closed=rng.random() < 0.05,
                sections=[
                    Section(
                        heading=h,
                        text=" ".join(
                            sentence(rng, vocab, rng.randint(8, 25))
                            for _ in range(rng.randint(2, 8))
                        ),
                    )
                    for h in ("Resumé", "Sagsfremstilling", "Økonomi")
                ],
                recommendation=sentence(rng, vocab, 12),
                decision=rng.choice(
                    ["Godkendt.", "Anbefales.", "Taget til efterretning.", sentence(rng, vocab, 15)]
                ),
            )
        )
    return Meeting(
        body=BODIES[n % len(BODIES)],
        starts_at=start,
        items=items,
        document_kind=DocumentKind.REFERAT,
    )


def build(db: Path, meetings: int) -> None:
    rng = random.Random(11)
    vocab = vocabulary(rng)
    conn = connect(db)
    have = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    started = time.perf_counter()
    for n in range(have, meetings):
        service.import_meeting(conn, meeting(rng, vocab, n), content_hash=f"bench-{n}")
        if n % 500 == 499:
            print(f"  built {n + 1} meetings ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.close()


def queries(rng: random.Random, vocab: list[str]) -> list[dict[str, object]]:
    mix: list[dict[str, object]] = []
    for _ in range(60):
        mix.append({"query": rng.choice(vocab[:50])})  # frequent words
        mix.append({"query": rng.choice(vocab[500:])})  # rare words
        mix.append({"query": " ".join(rng.sample(vocab[:200], 2))})  # two words
    for _ in range(20):
        mix.append({"query": rng.choice(COMMON)})  # very common: many matches to rank
        mix.append({"query": rng.choice(vocab[:100])[:4] + "*"})  # prefix
        mix.append({"query": f'"{rng.choice(COMMON)} {rng.choice(COMMON)}"'})  # phrase
        mix.append({"query": rng.choice(vocab[:100]), "body": rng.choice(BODIES)[:6]})
        mix.append(
            {"query": rng.choice(vocab[:100]), "date_from": "2012-01-01", "date_to": "2013-12-31"}
        )
        mix.append({"query": f"{rng.randint(10, 24)}/{rng.randint(1, 30000)}"})  # case number
    return mix


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "archive.db"
        print(f"building archive of {args.meetings} meetings at {db} ...", flush=True)
        build(db, args.meetings)
        conn = connect(db)
        items = conn.execute("SELECT count(*) FROM item_search").fetchone()[0]
        rng = random.Random(5)
        mix = queries(rng, vocabulary(random.Random(11)))
        for q in mix[:20]:  # warm the page cache, as an archivist's session would
            search.search(conn, **q)  # type: ignore[arg-type]
        timings = []
        hits = 0
        for q in mix:
            started = time.perf_counter()
            hits += len(search.search(conn, **q))  # type: ignore[arg-type]
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(
            f"{args.meetings} meetings, {items} items, {len(mix)} queries ({hits} hits): "
            f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
        )
        print("target: p95 <= 50 ms")
        conn.close()


if __name__ == "__main__":
    main()
