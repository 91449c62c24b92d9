"""Helpers for the TUI tests: press keys, type text, wait for a condition, and read the
notifications an app shows.

No tests live here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.css.query import NoMatches
from textual.keys import _character_to_key  # the key Textual's own pilot.press sends
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Static

# Generous: the machine is shared; a wait stops as soon as its condition holds.
WAIT = 20.0
# The terminal size of the screen tests and snapshots.
SIZE = (100, 30)


def rendered(widget: Static) -> str:
    """What a Static shows, as text."""
    return str(widget.render())


def screen_text(app: object) -> str:
    """What the screen on top shows in its Static widgets: a dialog's title and question."""
    return "\n".join(rendered(s) for s in app.screen.query(Static))  # type: ignore[attr-defined]


def showing(app: object, screen_type: type) -> bool:
    """The screen on top is a `screen_type` and its text is composed. A pushed screen is on top
    a moment before its widgets are mounted; a test that reads it or answers it then races."""
    return isinstance(app.screen, screen_type) and bool(screen_text(app).strip())  # type: ignore[attr-defined]


async def import_in_archive(pilot: Pilot[None], typed: str) -> str:
    """On the archive screen: press i, type `typed` as the files to import, Enter; the status
    line once the import has run."""
    from textual.widgets import Input

    archive = pilot.app.screen
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = typed
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return rendered(archive.query_one("#archive-status", Static))


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, each handled (and the screen settled) before the next; the
    screen is drawn after the last.

    `pilot.press(key)` itself returns once the app has handled the key and gone idle; a pause
    after every key waited a further idle step (~35 ms a key) for nothing."""
    for key in keys:
        await pilot.press(key)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` into the focused field as one burst, as a fast typist or the terminal does:
    every key reaches the app before it has handled the first. The app takes typed-ahead keys
    one at a time, in order (screens/keygate.py), so a key pressed after this is handled after
    the text; this returns once the app is idle again.

    `pilot.press(*keys)` instead waits for the app to be idle after each key, a few frames
    (~65 ms) a key, nine tenths of it asleep."""
    app = pilot.app
    for character in text:
        key = events.Key(_character_to_key(character), character)
        key.set_sender(app)
        app.post_message(key)
    await pilot.pause()


async def until(
    pilot: Pilot[object], condition: Callable[[], object], what: str = "", seconds: float = WAIT
) -> None:
    """Let the app run until `condition()` is true; fail with `what` after `seconds`.

    A widget the condition looks for may not be mounted yet (the screen was pushed, its
    children are still being composed): that counts as "not yet", not as a failure.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return
            missing = ""
        except NoMatches as exc:
            missing = f" ({exc})"
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what or condition}{missing}")
        await pilot.pause(0.02)


class Notices:
    """Every notification an app posts, read through `run_test(message_hook=...)`.

    Pass an instance as the hook: `async with app.run_test(message_hook=notices)`.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.texts.append(str(message.notification.message))

    def mention(self, words: str) -> list[str]:
        """The notifications that contain `words`."""
        return [text for text in self.texts if words in text]
