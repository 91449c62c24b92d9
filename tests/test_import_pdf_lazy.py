"""PDFium is loaded where a PDF is read, not for every import: loading it cost a JSON, XML or
Word import 0.06-0.14 s."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(code: str) -> set[str]:
    script = textwrap.dedent(code) + "\nimport sys\nprint(' '.join(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_importing_a_json_document_does_not_load_pdfium() -> None:
    loaded = _modules_after(
        """
        from meetingtui import importers
        from tests.formats import Item, Part, Spec, as_firstagenda_json
        spec = Spec(items=[Item("1", "Budget", "24/1", [Part("Beslutning", ["Godkendt."], True)])])
        fmt, [meeting] = importers.parse(as_firstagenda_json(spec), source="m.json")
        assert fmt == "firstagenda-json" and meeting.items[0].decision == "Godkendt."
        """
    )
    assert "meetingtui.importers.pdf" in loaded  # the reader was asked, and did not claim it
    assert not any(m == "pypdfium2" or m.startswith("pypdfium2.") for m in loaded)


def test_reading_a_pdf_loads_pdfium_where_it_is_read() -> None:
    loaded = _modules_after(
        """
        from meetingtui import importers
        from tests.formats import Item, Part, Spec, as_pdf
        spec = Spec(items=[Item("1", "Budget", "24/1", [Part("Beslutning", ["Godkendt."], True)])])
        fmt, [meeting] = importers.parse(as_pdf(spec), source="m.pdf")
        assert fmt == "pdf-referat" and meeting.items[0].decision == "Godkendt."
        """
    )
    assert "pypdfium2" in loaded
