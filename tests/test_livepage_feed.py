"""The live page's feed keeps following the meeting whatever one read meets."""

from __future__ import annotations

import asyncio
from pathlib import Path

from meetingtui.livepage.feed import LiveFeed, RecordReader, Snapshot
from meetingtui.service import MeetingService
from tests.livepage_support import WAIT
from tests.meetings import FixedClock


class OnceBrokenReader(RecordReader):
    """A reader whose first look after a commit fails, as a read can (a damaged page read
    back, a record the view cannot show yet)."""

    failures = 0

    def poll(self) -> Snapshot | None:
        if self.failures == 0 and self.changed():
            self.failures += 1
            self._version = -1
            raise ValueError("a read that went wrong once")
        return super().poll()


def test_one_failed_read_does_not_stop_the_page_following(
    db_path: Path, open_committee: int
) -> None:
    # A citizen's page froze for the rest of the meeting when a single read raised anything
    # but a lock timeout: the task that follows the record ended, silently.
    meeting_id = open_committee

    async def scenario() -> int:
        reader = OnceBrokenReader(db_path, meeting_id, "da")
        feed = LiveFeed(reader, poll_seconds=0.01)
        await feed.start()
        try:
            with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
                seq = service.record_decision(1, "Dagsordenen blev godkendt.").seq
            loop = asyncio.get_running_loop()
            deadline = loop.time() + WAIT
            while feed.current.seq < seq and loop.time() < deadline:
                await asyncio.sleep(0.01)
            assert reader.failures == 1
            return feed.current.seq - seq
        finally:
            await feed.stop()

    assert asyncio.run(scenario()) == 0
