from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

# Each pytest-xdist worker imports the package and every test module; without cached bytecode
# each one compiles (and rewrites the asserts of) some 230 modules again, ~4 s of CPU per
# process. An environment that sets PYTHONDONTWRITEBYTECODE would make every run pay that, so
# the test run writes its caches (__pycache__, ignored by git) all the same.
sys.dont_write_bytecode = False

import pytest  # noqa: E402

from meetingtui.i18n import set_language  # noqa: E402
from meetingtui.models import Meeting  # noqa: E402
from tests import databases  # noqa: E402
from tests.meetings import FixedClock, committee_meeting, opened_with_everyone  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


# --------------------------------------------------------------------------- slow tests
# `pytest` runs the quick loop; `pytest -m slow` runs the slow tests only (durability kills,
# LibreOffice, OCR with Tesseract, tmux, Chromium, the whole-meeting scenario); `pytest --runslow`
# runs everything.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run the tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow") or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with `pytest -m slow` or `pytest --runslow`")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """With pytest-xdist (the test extra) and no `-n` given, a run uses every core (`-n auto`).
    Without it (an environment installed before it was added) the tests run in this process."""
    worker = hasattr(config, "workerinput")  # a worker runs its share, it starts no others
    if (
        config.pluginmanager.hasplugin("xdist")
        and not worker
        and config.option.numprocesses is None
    ):
        config.option.numprocesses = "auto"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: two workers per core for a whole run, none when files or tests are named
    (starting the workers costs more than a focused run takes).

    A TUI test spends most of its time waiting for the app to go idle between keys (the Pilot
    checks in 20 ms steps), so a second worker per core runs while the first one waits. The
    README's "The test loop" has the figures. PYTEST_XDIST_AUTO_NUM_WORKERS still decides."""
    if config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return 0
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist reads it
    return 2 * _cores()


def _cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the
    machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported and collected lives until the run ends: set it aside from the
    garbage collector. Each full collection would otherwise walk all of it again (Textual, the
    package, hypothesis, every test module and item: some 150,000 objects), and the Pilot tests
    allocate enough to start one every few tests. The README's "The test
    loop" has the figures."""
    gc.freeze()


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    set_language("da")
    yield
    set_language("da")


@pytest.fixture(scope="session", autouse=True)
def _databases_built_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The databases tests start from are built once per run and copied (tests/databases.py)."""
    databases.use_folder(tmp_path_factory.mktemp("built-once"))
    yield
    databases.use_folder(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An empty database, every migration applied (a copy of one built once per run)."""
    return databases.empty_database(tmp_path / "meetings.db")


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"sample documents not found at {SAMPLES} (../shared/samples)")
    return SAMPLES


# --------------------------------------------------------------------------- meetings
# The builders are in tests/meetings.py; these are the ones most tests start from.


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def committee() -> Meeting:
    """A planned 7-seat udvalg (see tests/meetings.py)."""
    return committee_meeting()


@pytest.fixture
def open_committee(db_path: Path, committee: Meeting, clock: FixedClock) -> int:
    """The udvalg stored in `db_path`, opened, everyone present, item 1 under way: its id."""
    return opened_with_everyone(db_path, committee, clock)
