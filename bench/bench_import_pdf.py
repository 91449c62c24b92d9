"""PDF import speed against the raw text extraction of the PDF library, in the same run.

    python bench/bench_import_pdf.py [file.pdf ...]

Without arguments it uses the shared Aarhus sample when present, else a generated 200-page
referat. Prints pages per second for pypdfium2's plain text extraction (the baseline) and for
the full import (extraction, bold hints, header/footer removal, structure parsing).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from meetingtui.importers import pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "aarhus_byraad_referat_2025-08-27.pdf"
ROUNDS = 5


def raw_extract(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            page.get_textpage().get_text_range()
        return len(document)
    finally:
        document.close()


def generated() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.docfixtures import make_pdf

    pages = [["**REFERAT Byrådet d. 27-08-2025", "Mødedato Onsdag d. 27. august 2025 kl. 16:00"]]
    for n in range(1, 200):
        body = [
            f"Linje {k} i sagsfremstillingen for punkt {n}, med almindelig tekst."
            for k in range(40)
        ]
        pages.append([f"**Punkt {n}: Sag nummer {n}", f"EMN-2025-{n:06d}", "**Beslutninger",
                      "Godkendt.", "**Resume", *body])  # fmt: skip
    return make_pdf(pages)


def best_rate(func: object, data: bytes, pages: int) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        func(data)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return pages / best


def main(paths: list[str]) -> None:
    inputs = [(p, Path(p).read_bytes()) for p in paths]
    if not inputs:
        inputs = [(SAMPLE.name, SAMPLE.read_bytes())] if SAMPLE.exists() else []
        inputs.append(("generated 200-page referat", generated()))
    for name, data in inputs:
        pages = raw_extract(data)
        baseline = best_rate(raw_extract, data, pages)
        full = best_rate(lambda d, n=name: pdf.parse(d, source=n), data, pages)
        print(f"{name}: {pages} pages")
        print(f"  pypdfium2 text extraction (baseline): {baseline:8.1f} pages/s")
        print(f"  meetingtui PDF import:                {full:8.1f} pages/s "
              f"({full / baseline:.0%} of baseline)")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
