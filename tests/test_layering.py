"""The layers: declared as import-linter contracts in pyproject.toml and checked here as well as
in CI, plus what a static import graph cannot see (what a fresh interpreter really loads)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "meetingtui"

# Shared by every layer, so in no layer: errors, the text catalog, the clock, dates, the
# keymap and UI configuration, the agenda file format, package data, `python -m meetingtui`.
SHARED = {"errors", "i18n", "clock", "dates", "keymap", "agenda_file", "data", "__main__"}


def top_level_parts() -> set[str]:
    names = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    return names


def modules_outside_screens() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "screens" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter (so nothing is imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_part_of_the_package_is_in_a_layer_or_shared() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    [layers] = [c["layers"] for c in contracts if c["type"] == "layers"]
    placed = {
        name.strip().removeprefix("meetingtui.")
        for layer in layers
        for name in layer.replace(":", "|").split("|")
    }
    for contract in contracts:
        placed |= {m.removeprefix("meetingtui.") for m in contract.get("source_modules", [])}
    unplaced = top_level_parts() - placed - SHARED
    assert unplaced == set(), "place these in pyproject.toml's import-linter contracts"


def test_non_ui_modules_load_without_textual() -> None:
    # The contracts see imports written in the code; this sees what a fresh interpreter loads.
    modules = modules_outside_screens()
    assert "meetingtui.cli" in modules and "meetingtui.storage.db" in modules
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


def test_first_frame_of_a_planned_meeting_needs_no_pydantic() -> None:
    # `meetingtui demo` draws the roll call from a glance at the tables; the pydantic record
    # loads after that first frame. Everything on that path must stay free of pydantic.
    first_frame_path = [
        "meetingtui.cli",
        "meetingtui.demo",
        "meetingtui.glance",
        "meetingtui.queries",
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
