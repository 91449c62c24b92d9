from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.i18n import set_language

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    set_language("da")
    yield
    set_language("da")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "meetings.db"


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"sample documents not found at {SAMPLES} (../shared/samples)")
    return SAMPLES
