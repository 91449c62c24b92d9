"""`meetingtui serve`: the meeting's public live page, served from the same database, read-only."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from pathlib import Path
from typing import NoReturn

import click

from meetingtui.i18n import get_language, t


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    raise SystemExit(2)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that port 0 can say which port it got."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        _fail(t("live.cli.port_busy", host=host, port=port, problem=exc.strerror or exc))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@click.command(name="serve")
@click.argument("meeting_id", metavar="MEETING", type=int)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve_command(ctx: click.Context, meeting_id: int, host: str, port: int) -> None:
    """Serve meeting MEETING's public page, updated live, reading the database only."""
    try:
        import uvicorn

        from meetingtui.livepage.app import build_app, end_streams
    except ImportError as exc:
        _fail(t("live.cli.missing_extra", problem=exc.name or exc))
    from meetingtui.queries import meeting_exists
    from meetingtui.storage.db import connect

    db_path: Path = ctx.obj["db_path"]
    if not db_path.exists():
        _fail(t("live.cli.no_db", db=db_path))
    conn = connect(db_path, readonly=True)
    try:
        if not meeting_exists(conn, meeting_id):
            _fail(t("storage.no_meeting", meeting_id=meeting_id))
    finally:
        conn.close()
    if not _is_loopback(host):
        click.echo(t("live.cli.public_warning", host=host), err=True)
    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(t("live.cli.serving", url=f"http://{shown_host}:{bound_port}/"), err=False)
    app = build_app(db_path, meeting_id, lang=get_language())
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5)

    class Server(uvicorn.Server):
        async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
            end_streams(app)  # the pages' streams never end by themselves
            await super().shutdown(sockets=sockets)

    # uvicorn stops cleanly on Ctrl+C, then raises it again: that is the normal way out.
    with contextlib.suppress(KeyboardInterrupt):
        Server(config).run(sockets=[sock])


def register(group: click.Group) -> None:
    group.add_command(serve_command)
