"""Parsing files in worker processes for the import (`archive.import_paths`)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from meetingtui import importers

T = TypeVar("T")


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr descriptor.

    The tracker hands `sys.stderr.fileno()` to its process; a TUI replaces `sys.stderr` with
    an object that has none, so the tracker gets /dev/null instead and the pool can start.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr.fileno() >= 0  # Textual's capture answers -1
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a file is parsed, on again after (if it was on).

    A parse makes tens of thousands of objects that live until the meeting is stored and form
    no cycles (a byråd meeting leaves no cyclic garbage at all); every 700 of them the collector
    walked the young ones, and now and then every object of the process, for nothing: about a
    tenth of a worker's CPU. What cyclic garbage a parse leaves (a few hundred objects of a
    PDF's reader) is collected once the collector runs again."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def parse_in_pool(
    files: list[Path],
    workers: int,
    parse: Callable[[str, int], T],
    max_bytes: int,
    finished: Callable[[int, T], None],
) -> None:
    """Parse in worker processes, a bounded number of files ahead of the writer, so memory
    stays flat on large folders; results are stored as they arrive. If the pool cannot start
    or breaks, the remaining files are parsed in this process."""
    ahead = workers * 4
    # Forking a process that runs other threads (the TUI) can deadlock in the child; workers
    # then come from a fork server, a fresh interpreter that loads the readers once and forks
    # each worker from itself. A plain CLI run forks from this process, after loading the
    # readers here: each worker would otherwise import them itself (a quarter of a second of
    # CPU apiece).
    context: multiprocessing.context.BaseContext | None = None
    if threading.active_count() > 1:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([parse.__module__, *importers.pipeline_modules()])
    else:
        importers.load_pipeline()
    done_indexes: set[int] = set()
    try:
        _start_resource_tracker()
        # A worker sets what it inherited (the readers' modules, their patterns) aside from the
        # collector: the full collections it still makes walk only what it made itself.
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=gc.freeze
        ) as pool:
            pending: dict[Future[T], int] = {}
            queue = iter(enumerate(files))
            for index, path in queue:
                pending[pool.submit(parse, str(path), max_bytes)] = index
                if len(pending) >= ahead:
                    break
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    parsed = future.result()  # BrokenProcessPool ends the pool, see below
                    finished(index, parsed)
                    done_indexes.add(index)
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending[pool.submit(parse, str(nxt[1]), max_bytes)] = nxt[0]
    except (BrokenProcessPool, OSError):
        for index, path in enumerate(files):
            if index not in done_indexes:
                finished(index, parse(str(path), max_bytes))
