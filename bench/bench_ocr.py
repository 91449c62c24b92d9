"""OCR of scanned referats: pages per minute through meetingtui's import, beside Tesseract's own
time on the same pages, in the same run.

A text referat (tests/docfixtures.py) is rendered to 300 dpi page images and wrapped as an
image-only PDF, as a scanner writes it (repeated to --pages pages). Then:

- meetingtui: `importers.parse` on the scan (OCRmyPDF rasterizes, runs Tesseract on each page,
  lays the text layer, the PDF reader reads it);
- Tesseract alone: `tesseract page.png - -l dan` on the same 300 dpi pages, one after another
  (with Tesseract's own threads) and two at a time with one thread each, as OCRmyPDF runs it.

    python bench/bench_ocr.py [--pages 12]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meetingtui import importers  # noqa: E402
from meetingtui.importers import ocr  # noqa: E402
from tests.docfixtures import make_pdf, text_referat  # noqa: E402
from tests.scanfixtures import image_only_pdf, page_images  # noqa: E402


def png(width: int, height: int, pixels: bytes) -> bytes:
    """An 8-bit grey PNG, written by hand (no imaging library needed)."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + pixels[r * width : (r + 1) * width] for r in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=12)
    args = parser.parse_args()
    if (install := ocr.missing()) is not None:
        sys.exit(f"OCR is not installed: {install}")
    text_pdf = make_pdf([page.split("\n") for page in text_referat().split("\f")])
    pages = page_images(text_pdf)
    pages = (pages * (args.pages // len(pages) + 1))[: args.pages]
    scan = image_only_pdf(pages)
    print(f"{len(pages)} scanned A4 pages at 300 dpi ({len(scan) / 1e6:.1f} MB)")

    started = time.perf_counter()
    _, meetings = importers.parse(scan, source="scan.pdf")
    ours = time.perf_counter() - started
    note = meetings[0].ocr
    assert note is not None

    tesseract = shutil.which("tesseract") or "tesseract"
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, (width, height, pixels) in enumerate(pages):
            path = Path(folder, f"page{n}.png")
            path.write_bytes(png(width, height, pixels))
            files.append(path)

        def run(path: Path, threads: str = "") -> None:
            env = {**os.environ, "OMP_THREAD_LIMIT": threads} if threads else None
            subprocess.run([tesseract, str(path), "-", "-l", "dan"], capture_output=True,
                           check=True, env=env)  # fmt: skip

        started = time.perf_counter()
        for path in files:
            run(path)
        alone = time.perf_counter() - started
        started = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:  # one thread each, as OCRmyPDF runs Tesseract
            list(pool.map(lambda path: run(path, "1"), files))
        alone_two = time.perf_counter() - started

    def per_minute(seconds: float) -> str:
        return f"{60 * len(pages) / seconds:5.1f} pages/min ({seconds:.1f} s)"

    print(f"  meetingtui import (OCRmyPDF + Tesseract, 2 at a time): {per_minute(ours)}")
    print(f"  Tesseract alone, one page at a time (its own threads): {per_minute(alone)}")
    print(f"  Tesseract alone, two pages at a time, one thread each: {per_minute(alone_two)}")
    print(f"  {note.engine}; mean word confidence {note.confidence} %")


if __name__ == "__main__":
    main()
