"""Import throughput for FirstAgenda Publication JSON, end to end (parse + store + index).

Generates realistic committee meetings (10-25 items, sections of several paragraphs, decisions
with votes and absence lines, attachments) as files, then imports the folder with two parser
processes and reports meetings per second. When ../shared/samples exists, the Greve samples are
imported too (as distinct copies) and reported separately, and then the byråd meeting alone
(40 copies). Target: >= 20 meetings/s.

    python bench/bench_import_json.py [--meetings 200] [--byraad-copies 40]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from meetingtui.archive import import_paths, parse_file, store_parsed
from meetingtui.storage.db import connect

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
_VOCABULARY = (
    "kommunen byrådet udvalget forslag budget anlæg bevilling skole dagtilbud ældre plejecenter "
    "lokalplan høring borgere trafik klima energi økonomi administrationen vurderer at der "
    "sagen indstilles godkendes orientering tilskud projekt område renovering udbud kontrakt "
    "mio kr 2024 2025 samt og for med til på af i om ved efter fra"
)
WORDS = _VOCABULARY.split()
SECTIONS = ["Resume", "Indstilling", "Sagsbeskrivelse", "Lovgrundlag",
            "Økonomiske konsekvenser", "Kommunikation", "Tidsplan", "Sagens forløb"]  # fmt: skip
PARTIES = ["A", "V", "C", "F", "Ø", "O", "B", "I"]


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"<p>{text.capitalize()}.</p>"


def decision(rng: random.Random) -> str:
    parts = ["<p>Byrådet godkendte Økonomiudvalgets indstilling.</p>"]
    if rng.random() < 0.3:
        against = rng.randint(1, 5)
        parts = [
            f"<p>Med stemmerne {21 - against} for og {against} imod godkendte Byrådet "
            "indstillingen.</p>",
            f"<p>For stemte ({'), ('.join(PARTIES[:4])}).</p>",
            f"<p>Imod stemte ({PARTIES[5]}).</p>",
        ]
    if rng.random() < 0.5:
        parts.append("<p>Fraværende: Tina Hansen</p>")
    return "".join(parts)


def meeting(rng: random.Random, n: int) -> dict:
    items = []
    for number in range(1, rng.randint(10, 25) + 1):
        html = "<div><div id='sagsfremstillingContainer'>"
        html += f"<div><h3>Beslutning</h3><span>{decision(rng)}</span></div>"
        html += "<h3>Fremstilling</h3><span class='ukendt'>"
        for heading in rng.sample(SECTIONS, rng.randint(4, 7)):
            html += f"<h4>{heading}</h4>" + "".join(
                paragraph(rng, rng.randint(20, 90)) for _ in range(rng.randint(1, 6))
            )
        html += "</span></div></div>"
        closed = rng.random() < 0.08
        items.append(
            {
                "Number": str(number),
                "Sorting": number,
                "Caption": ("Lukket: " if closed else "") + paragraph(rng, 6)[3:-5],
                "CaseNumber": f"{rng.randint(18, 24)}-{rng.randint(1, 20000):06d}",
                "IsOpen": False,
                "Felter": [{"Navn": "", "Html": html}],
                "Bilag": [{"Navn": f"Bilag {k}"} for k in range(rng.randint(0, 4))],
                "ExternalAgendaItemAttendees": [],
            }
        )
    return {
        "Udvalg": {"Navn": rng.choice(["Byrådet", "Økonomiudvalget", "Teknisk Udvalg"])},
        "Moede": {
            "Dato": f"20{10 + n % 14:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}T16:30:00+01:00",
            "Sted": "Byrådssalen",
            "Moededeltagere": [
                {
                    "Name": f"Medlem {k} ({PARTIES[k % 8]})",
                    "Absent": False,
                    "ParticipationCancelled": False,
                }
                for k in range(21)
            ],
        },
        "Dagsordenpunkter": items,
    }


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(folder: Path, db: Path, workers: int) -> tuple[float, int, int]:
    """(seconds, meetings, items) of a real import of `folder`; prints the CPU it cost a meeting
    in the parser processes (all of them, counted as the pool ends) and in this process, the
    one writer."""
    writer_before = _cpu_seconds(resource.RUSAGE_SELF)
    workers_before = _cpu_seconds(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    summary = import_paths(db, [folder], workers=workers)
    elapsed = time.perf_counter() - started
    writer = _cpu_seconds(resource.RUSAGE_SELF) - writer_before
    parsers = _cpu_seconds(resource.RUSAGE_CHILDREN) - workers_before
    assert summary.ok, [f.reason for f in summary.files if f.reason]
    meetings = sum(f.meetings for f in summary.files)
    items = sum(f.items for f in summary.files)
    if workers > 1:  # one worker parses in this process
        print(
            f"  CPU per meeting in this import: workers {parsers / meetings * 1000:.0f} ms, "
            f"writer {writer / meetings * 1000:.0f} ms (user and system time)"
        )
    return elapsed, meetings, items


def _cpu_ms(work: Callable[[], object], runs: int = 7, *, mean: bool = False) -> float:
    """The least CPU time of `runs` runs, in ms (the least is the one least disturbed), or
    their mean."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return (sum(times) / len(times) if mean else min(times)) * 1000


def stages(path: Path, db: Path) -> None:
    """CPU ms per meeting of each stage for one file, and the rate two idle CPUs would reach."""
    # The readers' modules loaded and their patterns compiled once; then what a parser process
    # does: parse, and prepare the meetings for storing.
    parse_file(str(path), for_storing=True)
    parse = _cpu_ms(lambda: parse_file(str(path), for_storing=True))
    parsed = parse_file(str(path), for_storing=True)
    meetings = len(parsed.prepared)
    pickled = pickle.dumps(parsed)  # the hand-over between the processes
    dumps = _cpu_ms(lambda: pickle.dumps(parsed))
    loads = _cpu_ms(lambda: pickle.loads(pickled))
    conn = connect(db)
    copies = iter(range(10**6))

    def store() -> None:
        copy = pickle.loads(pickled)  # a fresh record each time, as the pool hands it over
        copy.content_hash = hashlib.sha256(f"{next(copies)}".encode()).hexdigest()
        store_parsed(conn, copy)

    store()
    stored = _cpu_ms(store) - loads
    # The least store is one without a WAL checkpoint; a real import checkpoints the WAL every
    # 1,000 pages (about every second byråd meeting), so it pays the mean.
    stored_mean = _cpu_ms(store, 14, mean=True) - loads
    conn.close()
    per = [value / meetings for value in (parse, dumps, loads, stored)]
    writer = per[2] + per[3]
    idle = 1000 / max(writer, sum(per) / 2)
    print(
        f"  CPU per meeting: parse and prepare {per[0]:.0f} ms, hand over {per[1] + per[2]:.0f} ms, "
        f"store {per[3]:.0f} ms (mean of 14, checkpoints included: {stored_mean / meetings:.0f} "
        f"ms); two idle CPUs: about {idle:.0f} meetings/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--byraad-copies", type=int, default=40)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generated = root / "generated"
        generated.mkdir()
        for n in range(args.meetings):
            text = json.dumps(meeting(rng, n), ensure_ascii=False)
            (generated / f"meeting_{n:05d}.json").write_text(text, encoding="utf-8")
        size = sum(p.stat().st_size for p in generated.iterdir()) / args.meetings / 1024
        for workers in (2, 1):
            elapsed, meetings, items = run(generated, root / f"g{workers}.db", workers)
            print(
                f"generated, {workers} worker(s): {meetings} meetings ({items} items, "
                f"{size:.0f} KB/file) in {elapsed:.2f} s = {meetings / elapsed:.1f} meetings/s"
            )
        print("generated meeting (meeting_00000.json):")
        stages(generated / "meeting_00000.json", root / "stages_generated.db")
        if SAMPLES.is_dir():
            real = root / "real"
            real.mkdir()
            for copy in range(20):
                for sample in SAMPLES.glob("greve_*.json"):
                    target = real / f"{sample.stem}_{copy}.json"
                    shutil.copyfile(sample, target)
                    with target.open("a", encoding="utf-8") as handle:
                        handle.write(" " * (copy + 1))  # distinct content hash, same meeting
            elapsed, meetings, items = run(real, root / "real.db", 2)
            print(
                f"Greve samples x20, 2 workers: {meetings} meetings ({items} items) in "
                f"{elapsed:.2f} s = {meetings / elapsed:.1f} meetings/s"
            )
            byraad = next(iter(sorted(SAMPLES.glob("greve_byraad_*.json"))), None)
            if byraad is not None:
                # The byråd meeting alone (the largest; the target is about meetings like it).
                alone = root / "byraad"
                alone.mkdir()
                for copy in range(args.byraad_copies):
                    target = alone / f"{byraad.stem}_{copy}.json"
                    target.write_bytes(byraad.read_bytes() + b" " * (copy + 1))
                elapsed, meetings, items = run(alone, root / "byraad.db", 2)
                print(
                    f"Greve byråd x{args.byraad_copies}, 2 workers: {meetings} meetings ({items} "
                    f"items) in {elapsed:.2f} s = {meetings / elapsed:.1f} meetings/s"
                )
                print(f"Greve byråd meeting ({byraad.name}):")
                stages(byraad, root / "stages_byraad.db")
        print("target: >= 20 meetings/s")


if __name__ == "__main__":
    main()
