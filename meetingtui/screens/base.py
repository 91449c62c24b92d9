"""What every screen shares: bindings built from the keymap, the palette, read-only gating."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from meetingtui.i18n import has, t
from meetingtui.keymap import actions_in, split_keys

if TYPE_CHECKING:
    from meetingtui.glance import Glance
    from meetingtui.models import Meeting
    from meetingtui.screens.app import MeetingApp
    from meetingtui.service import MeetingService


def key_label(keys: str) -> str:
    """How a key list reads in the footer, help and palette: "f1", "ctrl+z", "/"."""
    names = {"slash": "/", "escape": "esc", "enter": "⏎"}
    return "/".join(names.get(k, k) for k in split_keys(keys))


def action_label(scope: str, action: str, *, readonly: bool = False) -> str:
    """What a key does, in the footer, help and palette. A follower reads its own word where
    the writer's would be an instruction ("Afslut møde" is "Referat" to someone following)."""
    if readonly and has(f"key.{scope}.{action}.follower"):
        return t(f"key.{scope}.{action}.follower")
    return t(f"key.{scope}.{action}")


# Every binding of every screen, dialog and the app goes through the three functions below:
# bindings are made per instance because their descriptions are translated at run time and
# their keys come from the user's keymap, and Textual has no public call to add a binding to
# one node. They are the only code that touches a node's binding map.


def add_bindings(
    node: DOMNode, bindings: list[Binding], *, replacing: tuple[str, ...] = ()
) -> None:
    """Give one node (screen, dialog, app) extra bindings at run time; the keys in `replacing`
    lose the bindings they had (the app's ctrl+q, when the keymap moves quit elsewhere).

    The per-instance map starts as a shallow copy of the class's: lists are replaced, never
    appended to, so one instance's keys never leak into the class or other instances.
    """
    keys = node._bindings.key_to_bindings
    for key in replacing:
        keys.pop(key, None)
    for binding in Binding.make_bindings(bindings):
        keys[binding.key] = [*keys.get(binding.key, []), binding]


def bindings_of(node: DOMNode) -> list[Binding]:
    """The node's own bindings (not those of the focused widget or its parents), in order."""
    return [binding for _, binding in node._bindings]


def digit_bindings(count: int, action: str, description: str) -> list[Binding]:
    """Keys 1..9 run `action(n)`, so a digit past `count` reaches the action to be refused in
    words; the footer shows them once, as "1-count" ("1" when there is one)."""
    shown = f"1-{count}" if count > 1 else "1"
    return [
        Binding(str(n), f"{action}({n})", description, show=n == 1, key_display=shown)
        for n in range(1, max(count, 9) + 1)
    ]


def build_bindings(
    scope: str,
    keymap: Mapping[str, str],
    *,
    priority: frozenset[str] = frozenset(),
    readonly: bool = False,
) -> list[Binding]:
    """One Binding per action of `scope`, with the user's keys and the active language; its id
    is the keymap's name for it (`meeting.next_item`). The actions in `priority` work even
    where a focused field would take the key. A follower (`readonly`) reads its own labels."""
    return [
        Binding(
            keys,
            action,
            action_label(scope, action, readonly=readonly),
            id=f"{scope}.{action}",
            key_display=key_label(keys),
            priority=action in priority,
        )
        for action, keys in actions_in(scope, keymap).items()
    ]


def own_keys(node: DOMNode) -> list[tuple[str, str, str]]:
    """A dialog's own keys as its footer shows them, in order: (what it does, the key, the
    action). What the help lists first and the palette offers while the dialog is open."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for binding in bindings_of(node):
        # "n,escape" is two bindings of one action, shown once as the footer shows it.
        if not binding.show or not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        if node.check_action(binding.action.split("(", 1)[0], ()) is False:
            continue
        keys = binding.key_display or key_label(binding.key)
        found.append((binding.description, keys, binding.action))
    return found


class KeymapCommands(Provider):
    """Command palette: every enabled action of the current screen and of the app.

    Context-aware: an action the screen disables right now (e.g. voting with no current item,
    any change in a read-only follower) is not offered. Over a dialog its own keys are
    offered (save, cancel, yes/no), not the screen's underneath, which the dialog holds off.
    """

    def _commands(self) -> list[tuple[str, str, str, Screen[Any] | App[Any]]]:
        screen = self.screen
        app = self.app
        keymap: Mapping[str, str] = getattr(app, "keymap", {})
        found: list[tuple[str, str, str, Screen[Any] | App[Any]]] = []
        scope = getattr(screen, "SCOPE", "")
        readonly = bool(getattr(app, "readonly", False))
        if not isinstance(screen, KeymapScreen):
            found.extend((title, keys, action, screen) for title, keys, action in own_keys(screen))
            scope = ""
        for owner, owner_scope in ((screen, scope), (app, "app")):
            if not owner_scope:
                continue
            for action, keys in actions_in(owner_scope, keymap).items():
                if owner.check_action(action, ()) is not True:
                    continue
                found.append(
                    (
                        action_label(owner_scope, action, readonly=readonly),
                        key_label(keys),
                        action,
                        owner,
                    )
                )
        return found

    async def discover(self) -> Hits:
        for title, keys, action, owner in self._commands():
            yield DiscoveryHit(title, partial(owner.run_action, action), help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for title, keys, action, owner in self._commands():
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(owner.run_action, action),
                    text=title,
                    help=keys,
                )
        if not found:
            # Said in the UI's language (the palette's own "No matches found" is English);
            # choosing it only closes the palette.
            nothing = t("frame.palette_no_match", query=query)
            yield Hit(1.0, nothing, lambda: None, text=nothing)


class KeymapScreen(Screen[None]):
    """A screen whose bindings come from the keymap (scope `SCOPE`).

    Bindings are built per instance, not per class, because descriptions are translated at
    run time and keys come from the user's config file.
    """

    SCOPE: ClassVar[str] = ""
    # Actions that change the record; hidden in a read-only follower.
    CHANGES: ClassVar[frozenset[str]] = frozenset()
    # False for the screens that read the database (meetings list, archive), not one meeting.
    SHOWS_MEETING: ClassVar[bool] = True
    COMMANDS: ClassVar = {KeymapCommands}

    def __init__(self) -> None:
        super().__init__()
        # Added to the class bindings (tab, shift+tab, ...), not in place of them.
        app = self.meeting_app
        add_bindings(self, build_bindings(self.SCOPE, app.keymap, readonly=app.readonly))
        self.stale = False

    @property
    def meeting_app(self) -> MeetingApp:
        from meetingtui.screens.app import MeetingApp

        app = self.app
        assert isinstance(app, MeetingApp)
        return app

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.SHOWS_MEETING and not self.meeting_app.meeting_is_open:
            # The meeting was just closed (back to the meetings): this screen is going away.
            return None
        return not (action in self.CHANGES and self.meeting_app.readonly)

    def undo_marker(self) -> object:
        """What the screen shows now, kept before an undo so that `undone` can find the row the
        undo took back."""
        return None

    def undone(self, marker: object) -> None:
        """After an undo: the cursor goes to the row whose entry was taken back, so the next key
        (the right answer this time) lands where the wrong one was."""

    def why_off(self, action: str) -> str | None:
        """Why `action` does nothing right now, said when its key is pressed anyway (the footer
        only dims it). None: the key stays quiet."""
        return None

    def key_for(self, action: str, scope: str = "") -> str:
        """The key the user's keymap gives `action` (of this screen's scope unless named), as
        the footer shows it, for a message that tells which key to press."""
        keys = actions_in(scope or self.SCOPE, self.meeting_app.keymap)[action]
        return key_label(split_keys(keys)[0])

    def on_key(self, event: events.Key) -> None:
        """A key of this screen that is off right now says why instead of doing nothing: a
        secretary who presses d before an item is under way learns to start one first. Keys a
        focused field or table takes never reach this handler, and the binding itself runs
        (or stays off) as usual."""
        active = self.active_bindings.get(event.key)
        if active is None:
            # Hidden altogether: in a follower, the keys that would change the record.
            if self.meeting_app.readonly and any(
                binding.action in self.CHANGES and event.key in split_keys(binding.key)
                for binding in bindings_of(self)
            ):
                meetings = self.key_for("meetings", "app")
                self.notify(t("tui.follower_key", meetings=meetings), severity="warning", timeout=8)
            return
        if active.enabled or active.node is not self:
            return
        action = active.binding.action.split("(", 1)[0]
        reason = self.why_off(action)
        if reason:
            self.notify(reason, severity="warning", timeout=6)

    @property
    def service(self) -> MeetingService:
        """The open meeting's command API. A screen that shows a meeting is on screen only
        while its meeting is open (`check_action` turns the keys off as it closes); code that
        may run after that asks `meeting_app.service`, which is None then."""
        return cast("MeetingService", self.meeting_app.service)

    @property
    def meeting(self) -> Meeting:
        """The committed record of the open meeting (screens never change it themselves)."""
        return self.service.meeting

    @property
    def meeting_shown(self) -> Meeting | Glance | None:
        """What to draw: the record, the glance at it while it loads (roll call only), or None
        when the meeting was just closed."""
        return self.meeting_app.meeting_shown

    def says(self, key: str, /, **params: object) -> str:
        """A line of screen text; a follower reads `key_follower`, the same without the keys
        only the writer has ("tryk o for at åbne det")."""
        if self.meeting_app.readonly:
            return t(key + "_follower", **params)
        return t(key, **params)

    def refresh_view(self) -> None:
        """Redraw from the committed record; called after every command and on follow."""

    def tick(self) -> None:
        """Once a second: the clocks in the status bar, on the screens that have one."""
        from meetingtui.screens.widgets import StatusBar

        meeting = self.meeting_shown
        if meeting is None:
            return
        for bar in self.query(StatusBar):
            bar.show(meeting, self.meeting_now(), self.meeting_app.readonly)

    def meeting_now(self) -> datetime:
        """The meeting's time now: a meeting held on another day than its date (the demo) runs
        on its own clock; the wall clock while only the glance is shown."""
        from meetingtui.glance import Glance

        shown = self.meeting_app.meeting_shown
        if shown is None or isinstance(shown, Glance):
            return self.meeting_app.clock()
        return self.service.now()

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh_view()
        self.refresh_bindings()


class DatabaseScreen(KeymapScreen):
    """A screen that reads the database itself (meetings list, archive), not one meeting.

    It opens its own connection on first use and closes it when the screen goes away.
    """

    SHOWS_MEETING = False

    def __init__(self) -> None:
        super().__init__()
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            from meetingtui.storage.db import open_for_reading

            # A read-only file or drive is still listed and searched; a write on it is
            # refused with the reason.
            self._conn = open_for_reading(self.meeting_app.db_path)
        return self._conn

    def on_unmount(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
