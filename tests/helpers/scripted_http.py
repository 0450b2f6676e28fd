"""Pytest plugin: scripted HTTP servers and `TurnosClient` fixtures for tests over loopback.

Registered in tests/conftest.py (`pytest_plugins`). A `ScriptedServer` is a real HTTP/1.1
server on 127.0.0.1 that answers from a per-route script, for what a healthy `turnos` never
does (another API version, 5xx, garbage, dropped connections, silence), and records every
request it saw:

    scripted.reply("GET", "/v1/keys", Reply(drop=True), Reply(body={"keys": []}))
    assert scripted_client.keys() == {"keys": []}
    assert len(scripted.seen) == 2

Fixtures:
    closed_port      a loopback port that refuses connections
    make_client      factory of `TurnosClient`s, all closed at teardown
    scripted         a started `ScriptedServer`, stopped at teardown
    scripted_client  a client of `scripted` with the kiosk token "kiosk-test-token"
    clocked_service  (service, clock): a demo `turnos` of the test's own on a `MovableClock`
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from requests.structures import CaseInsensitiveDict

from kiosk.backend.client import TurnosClient
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded

__all__ = ["KIOSK_TOKEN", "Reply", "ScriptedServer", "Seen"]

#: The kiosk token `scripted_client` sends.
KIOSK_TOKEN = "kiosk-test-token"

#: An idle keep-alive connection is dropped by the server after this long.
_IDLE_S = 10.0
#: How long `stop()` waits for the request threads.
_JOIN_S = 10.0
# Statuses that never carry a body (RFC 9110 §6.4.1).
_NO_BODY = frozenset({204, 304})


@dataclass
class Reply:
    """One canned answer of a `ScriptedServer`.

    `body` as a dict or list is sent as JSON, with Content-Type application/json unless
    `headers` name a Content-Type. `drop` closes the connection without answering; `hang`
    answers nothing until the server stops (to make the client time out), then drops.
    """

    status: int = 200
    body: bytes | dict[str, Any] | list[Any] = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    hang: bool = False

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        """The body as bytes and the headers to send with it."""
        headers = dict(self.headers)
        if isinstance(self.body, bytes):
            return self.body, headers
        if not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = "application/json"
        return json.dumps(self.body).encode(), headers


@dataclass(frozen=True)
class Seen:
    """One request a `ScriptedServer` received; `path` keeps the raw query string."""

    method: str
    path: str
    headers: Mapping[str, str]  # case-insensitive
    body: bytes


class ScriptedServer:
    """An HTTP/1.1 server on 127.0.0.1:<free port> answering from a script of `Reply`s.

    `reply(method, path, *replies)` queues answers for a route (matched on the path without
    its query string); each request takes the next one and the last one repeats. Unscripted
    routes answer 404. Every request, answered or not, is appended to `seen`.
    """

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        #: Set by `stop()`: wakes `hang` replies.
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._script: dict[tuple[str, str], deque[Reply]] = {}
        self._connections: set[socket.socket] = set()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.scripted = self
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. http://127.0.0.1:40123."""
        return f"http://127.0.0.1:{self.port}"

    def reply(self, method: str, path: str, *replies: Reply) -> None:
        """Queue `replies` for `method path` (after any already queued there)."""
        if not replies:
            raise ValueError("reply() needs at least one Reply")
        with self._lock:
            self._script.setdefault((method.upper(), path), deque()).extend(replies)

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> ScriptedServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"scripted-http-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Wake hanging replies, close every connection, and wait for the request threads."""
        self.stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=_JOIN_S)
            self._thread = None
        with self._lock:
            connections = list(self._connections)
        for conn in connections:  # idle keep-alive connections of clients not yet closed
            with contextlib.suppress(OSError):  # already closed by its handler
                conn.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()  # joins the request threads (block_on_close)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- used by the handler -------------------------------------------------------------------

    def _next_reply(self, method: str, path: str) -> Reply | None:
        with self._lock:
            queue = self._script.get((method, path))
            if not queue:
                return None
            return queue.popleft() if len(queue) > 1 else queue[0]

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def _track(self, conn: socket.socket, *, open_: bool) -> None:
        with self._lock:
            if open_:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)


class _Server(ThreadingHTTPServer):
    # Non-daemon request threads, joined by server_close(): nothing outlives the fixture.
    daemon_threads = False
    block_on_close = True
    scripted: ScriptedServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_S
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.scripted._track(self.connection, open_=True)

    def finish(self) -> None:
        self.server.scripted._track(self.connection, open_=False)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the tests read `seen`, not a log on stderr

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        scripted = self.server.scripted
        received = CaseInsensitiveDict(self.headers.items())
        scripted._record(Seen(self.command, self.path, received, body))
        route = self.path.split("?", 1)[0]
        reply = scripted._next_reply(self.command, route)
        if reply is None:
            problem = {"status": 404, "code": "not_found", "title": "Not scripted"}
            reply = Reply(404, problem, {"Content-Type": "application/problem+json"})
        if reply.hang:
            scripted.stopping.wait()
        if reply.drop or reply.hang:
            self.close_connection = True
            return
        data, headers = reply.encoded()
        self.send_response(reply.status)
        for name, value in headers.items():
            self.send_header(name, value)
        if reply.status in _NO_BODY or reply.status < 200:
            data = b""
        else:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data and self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve  # noqa: N815


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections: bound (so nobody else takes it), not listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])
    finally:
        sock.close()


@pytest.fixture
def make_client() -> Iterator[Callable[..., TurnosClient]]:
    """`make_client(base_url, kiosk_token, **kwargs)`: a `TurnosClient`, closed at teardown."""
    made: list[TurnosClient] = []

    def make(base_url: str, kiosk_token: str | None, **kwargs: Any) -> TurnosClient:
        client = TurnosClient(base_url, kiosk_token, **kwargs)
        made.append(client)
        return client

    try:
        yield make
    finally:
        for client in made:
            client.close()


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture
def scripted_client(
    scripted: ScriptedServer, make_client: Callable[..., TurnosClient]
) -> TurnosClient:
    """A client of `scripted` sending the kiosk token `KIOSK_TOKEN`; short timeouts."""
    return make_client(scripted.url, KIOSK_TOKEN, timeout_s=5)


@pytest.fixture
def clocked_service(tmp_path: Path) -> Iterator[tuple[EmbeddedService, MovableClock]]:
    """A demo `turnos` of this test's own (SQLite in tmp_path) on a clock the test moves
    forward; `turnos_service` is shared by the whole session and keeps the real time."""
    clock = MovableClock()
    service = start_embedded(tmp_path / "turnos", demo=True, clock=clock)
    try:
        yield service, clock
    finally:
        service.stop()
