"""The domain, storage, exporters and importers never load Textual (only screens/ does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NON_UI = [
    "meetingtui.models",
    "meetingtui.vocabulary",
    "meetingtui.person",
    "meetingtui.glance",
    "meetingtui.clock",
    "meetingtui.rules",
    "meetingtui.reducer",
    "meetingtui.service",
    "meetingtui.verify",
    "meetingtui.agenda_file",
    "meetingtui.demo",
    "meetingtui.storage.db",
    "meetingtui.storage.records",
    "meetingtui.storage.events",
    "meetingtui.cli",
]


def _optional_modules() -> list[str]:
    names = []
    for package in ("exporters", "importers", "storage", "livepage", "committees"):
        for path in sorted((ROOT / "meetingtui" / package).glob("*.py")):
            if path.stem != "__init__":
                names.append(f"meetingtui.{package}.{path.stem}")
    for path in ("archive.py", "keymap.py"):
        if (ROOT / "meetingtui" / path).exists():
            names.append(f"meetingtui.{path[:-3]}")
    return names


def fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter (so nothing is imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_non_ui_modules_load_without_textual() -> None:
    modules = sorted(set(NON_UI + _optional_modules()))
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual' or name.startswith('textual.'):\n"
        "            raise ImportError('textual is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    assert fresh_python(code).startswith("ok")


def test_only_screens_import_textual() -> None:
    offenders = []
    for path in (ROOT / "meetingtui").rglob("*.py"):
        if "screens" in path.relative_to(ROOT / "meetingtui").parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import textual", "from textual")):
                offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []


def test_first_frame_of_a_planned_meeting_needs_no_pydantic() -> None:
    # `meetingtui demo` draws the roll call from a glance at the tables; the pydantic record
    # loads after that first frame. Everything on that path must stay free of pydantic.
    first_frame_path = [
        "meetingtui.cli",
        "meetingtui.demo",
        "meetingtui.glance",
        "meetingtui.storage.db",
        "meetingtui.storage.lock",
        "meetingtui.screens.app",
        "meetingtui.screens.rollcall",
    ]
    code = (
        "import sys\n"
        f"for name in {first_frame_path!r}:\n"
        "    __import__(name)\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'pydantic'\n"
        "          or m in ('meetingtui.models', 'meetingtui.service')]\n"
        "print(loaded)\n"
    )
    assert fresh_python(code).strip() == "[]"
