"""Keys typed ahead reach the screen they were meant for, in order.

Textual hands each key to the screen on top when the app reads it; a key that opens a dialog is
acted on a little later, so the keys typed right after it ("d", "1", Enter) went to the screen
below the dialog and were lost, or did something else there. The gate lets one key through at a
time and waits until the app has settled (every widget of the screen on top has handled what it
was sent, and a screen just pushed is mounted) before it lets the next one through. A key typed
when nothing is pending goes through at once, so a single key is as fast as before.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

# Never hold keys for ever: a screen that does not settle within this time lets them go.
SETTLE_TIMEOUT = 2.0
# Rounds of handing on (a key, the message it posts, the dialog that closes, ...).
MAX_ROUNDS = 8


class KeyGate:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._waiting: deque[events.Key] = deque()
        self._released: set[int] = set()
        self._task: asyncio.Task[None] | None = None

    def hold(self, event: events.Key) -> bool:
        """Take a key the app just read; True when the gate handles it (the app must not)."""
        if id(event) in self._released:
            self._released.discard(id(event))
            return False
        self._waiting.append(event)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._release())
        return True

    async def _release(self) -> None:
        while self._waiting and self.app.is_running:
            event = self._waiting.popleft()
            self._released.add(id(event))
            self.app.post_message(event)
            await self._settled()

    async def _settled(self) -> None:
        """Wait until the app, the screen on top and all its widgets have handled what they were
        sent, including what that handling sent on (a field's Submitted reaching its dialog, a
        dialog dismissed, a screen pushed and mounted)."""
        await self._drain([self.app])  # the app has read the key and handed it on
        for _ in range(MAX_ROUNDS):
            screen = self.app.screen
            pumps: list[MessagePump] = [self.app, *screen.walk_children(with_self=True)]
            await self._drain(pumps)
            settled = self.app.screen is screen and screen.is_mounted
            if settled and not any(_has_messages(pump) for pump in pumps):
                return

    @staticmethod
    async def _drain(pumps: list[MessagePump]) -> None:
        """Wait until every pump has handled the messages it holds now."""
        pending = 0
        done = asyncio.Event()

        def one_done() -> None:
            nonlocal pending
            pending -= 1
            if pending == 0:
                done.set()

        for pump in pumps:
            if pump.call_later(one_done):
                pending += 1
        if pending:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), SETTLE_TIMEOUT)


def _has_messages(pump: MessagePump) -> bool:
    # Textual keeps each pump's messages in an asyncio.Queue; there is no public "idle" test.
    return not pump._message_queue.empty()
