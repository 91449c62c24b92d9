"""Following the record from a read-only connection and handing each change to the page's
subscribers.

The server never writes: it opens the database with `mode=ro` and asks SQLite, a few times a
second, whether another connection has committed (`PRAGMA data_version`, a counter in memory).
Only then does it read the meeting again, in one read transaction so that it never mixes two
commits, and only a view that differs from the last one is sent on.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from meetingtui.clock import Clock
from meetingtui.livepage.render import fragments
from meetingtui.livepage.view import PublicView, public_view
from meetingtui.queries import load_record, own_clock_lag
from meetingtui.storage.db import connect

log = logging.getLogger("meetingtui.serve")

# How often the server looks for a commit; the page hears of it within this plus the read.
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Snapshot:
    """The public view at one commit; what is sent for it is rendered when it is sent, so the
    speakers' clocks are right whenever a page asks."""

    view: PublicView

    @property
    def seq(self) -> int:
        return self.view.seq

    def state_json(self, now: datetime) -> str:
        state = self.view.as_dict()
        speaker, debate = self.view.seconds_left(now)
        state["seconds_left"] = {"speaker": speaker, "debate": debate}
        return json.dumps(state, ensure_ascii=False, default=datetime.isoformat)

    def event(self, now: datetime) -> str:
        """One server-sent event: the page's parts and the screen-reader sentence."""
        data = json.dumps(
            {
                "seq": self.seq,
                "fragments": fragments(self.view, now),
                "announce": self.view.announcement,
            },
            ensure_ascii=False,
        )
        return f"id: {self.seq}\nevent: update\ndata: {data}\n\n"


class RecordReader:
    """One read-only connection to the database, read from one thread at a time."""

    def __init__(
        self, db_path: Path, meeting_id: int, lang: str, *, clock: Clock = datetime.now
    ) -> None:
        self.conn = connect(db_path, readonly=True)
        self.meeting_id = meeting_id
        self.lang = lang
        self.clock = clock
        self._version = -1

    def close(self) -> None:
        self.conn.close()

    def changed(self) -> bool:
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self._version:
            return False
        self._version = version
        return True

    def snapshot(self) -> Snapshot:
        """The meeting as of one commit: the record and its newest event, read together."""
        self.conn.execute("BEGIN")
        try:
            meeting = load_record(self.conn, self.meeting_id)
            row = self.conn.execute(
                "SELECT max(seq) FROM events WHERE meeting_id = ?", (self.meeting_id,)
            ).fetchone()
            lag = own_clock_lag(self.conn, self.meeting_id, self.clock())
        finally:
            self.conn.execute("COMMIT")
        return Snapshot(public_view(meeting, seq=row[0] or 0, lang=self.lang, clock_lag=lag))

    def poll(self) -> Snapshot | None:
        """A new snapshot when another connection committed since the last look."""
        if not self.changed():
            return None
        try:
            return self.snapshot()
        except BaseException:
            self._version = -1  # not read: the next look must read it again
            raise


class LiveFeed:
    """The newest snapshot, and a queue per connected page that receives every newer one."""

    def __init__(self, reader: RecordReader, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.reader = reader
        self.poll_seconds = poll_seconds
        reader.changed()  # the first snapshot below is as of this version
        self.current = reader.snapshot()
        # None in a queue ends that page's stream: the server is shutting down.
        self._subscribers: set[asyncio.Queue[Snapshot | None]] = set()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._follow())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self.reader.close()

    def subscribe(self) -> asyncio.Queue[Snapshot | None]:
        queue: asyncio.Queue[Snapshot | None] = asyncio.Queue(maxsize=1)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Snapshot | None]) -> None:
        self._subscribers.discard(queue)

    def end_streams(self) -> None:
        """Every page's stream ends now (the server stops; the pages say so and retry)."""
        for queue in self._subscribers:
            self._put(queue, None)

    @staticmethod
    def _put(queue: asyncio.Queue[Snapshot | None], item: Snapshot | None) -> None:
        # A slow page needs only the newest state: an older one waiting is replaced.
        if queue.full():
            queue.get_nowait()
        queue.put_nowait(item)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def publish(self, snapshot: Snapshot) -> None:
        if snapshot.view == self.current.view:
            return
        self.current = snapshot
        for queue in self._subscribers:
            self._put(queue, snapshot)

    async def _follow(self) -> None:
        while True:
            await asyncio.sleep(self.poll_seconds)
            try:
                snapshot = await asyncio.to_thread(self.reader.poll)
            except sqlite3.OperationalError as exc:
                # The writer held a lock for longer than the busy timeout: look again next time.
                log.warning("reading the meeting failed, retrying: %s", exc)
                continue
            except Exception:
                # Whatever one read meets, the pages must not freeze for the rest of the
                # meeting: say so in the server's log and look again at the next commit.
                log.exception("reading the meeting failed, retrying")
                continue
            if snapshot is not None:
                self.publish(snapshot)
