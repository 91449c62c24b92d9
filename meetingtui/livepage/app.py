"""The ASGI application behind `meetingtui serve`: the page, its state as JSON, and the stream
of changes (server-sent events). It only answers GET; it has no way to change the record.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import datetime
from importlib.resources import files
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Route

from meetingtui.clock import Clock
from meetingtui.livepage.feed import POLL_SECONDS, LiveFeed, RecordReader
from meetingtui.livepage.render import page

# A comment line now and then keeps proxies and idle-timeouts from closing a quiet stream.
KEEPALIVE_SECONDS = 15.0

SECURITY_HEADERS = {
    # Only our own script and style; nothing inline, no frames, no other origin.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NO_STORE = {"Cache-Control": "no-store"}

_STATIC = {
    "page.css": "text/css; charset=utf-8",
    "page.js": "text/javascript; charset=utf-8",
}


def _static_files() -> dict[str, bytes]:
    folder = files("meetingtui.livepage") / "static"
    return {name: (folder / name).read_bytes() for name in _STATIC}


def build_app(
    db_path: Path,
    meeting_id: int,
    *,
    lang: str,
    poll_seconds: float = POLL_SECONDS,
    clock: Clock = datetime.now,
) -> Starlette:
    """The app for one meeting. The database is opened read-only when the app starts."""
    static = _static_files()
    feed_holder: dict[str, LiveFeed] = {}

    def feed() -> LiveFeed:
        return feed_holder["feed"]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        reader = RecordReader(db_path, meeting_id, lang, clock=clock)
        live = LiveFeed(reader, poll_seconds=poll_seconds)
        feed_holder["feed"] = live
        app.state.feed = live
        await live.start()
        try:
            yield
        finally:
            await live.stop()

    async def index(request: Request) -> Response:
        projector = request.query_params.get("projector") in ("1", "true", "yes")
        html = page(feed().current.view, clock(), projector=projector)
        return HTMLResponse(html, headers={**SECURITY_HEADERS, **NO_STORE})

    async def state(request: Request) -> Response:
        return Response(
            feed().current.state_json(clock()),
            media_type="application/json",
            headers={**SECURITY_HEADERS, **NO_STORE},
        )

    async def events(request: Request) -> Response:
        live = feed()
        queue = live.subscribe()

        async def stream() -> AsyncIterator[str]:
            try:
                # A page (re)connecting first gets the state as it is now.
                yield live.current.event(clock())
                while True:
                    try:
                        snapshot = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
                    except TimeoutError:
                        yield ": keepalive\n\n"
                        continue
                    if snapshot is None:
                        return
                    yield snapshot.event(clock())
            finally:
                live.unsubscribe(queue)

        headers = {**SECURITY_HEADERS, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    async def static_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in static:
            return Response(status_code=404, headers=SECURITY_HEADERS)
        return Response(static[name], media_type=_STATIC[name], headers=SECURITY_HEADERS)

    return Starlette(
        routes=[
            Route("/", index),
            Route("/api/state", state),
            Route("/events", events),
            Route("/static/{name}", static_file),
        ],
        lifespan=lifespan,
    )


def end_streams(app: Starlette) -> None:
    """Called as the server begins to stop, so that open event streams do not hold it up."""
    live = getattr(app.state, "feed", None)
    if live is not None:
        live.end_streams()
