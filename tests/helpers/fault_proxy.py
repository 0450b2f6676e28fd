"""An HTTP proxy on loopback between the kiosk and the turn service that breaks chosen calls.

The kiosk talks to `proxy.url`; every request goes on to the real service unchanged, except
those a test has put a `Fault` on, matched by method and path (a regular expression over the
path without its query string, so `/v1/verifications/[^/]+/confirm` names every code check):

    proxy.inject("POST", "/v1/bookings", Fault("reset", forward=True))

Kinds of fault, each as a real network shows it to a client:

- `reset`: the connection is reset (RST) instead of an answer;
- `hang`: no answer until `delay_s` has passed or the proxy stops, then the connection drops
  (the client's read timeout ends it first);
- `slow`: the answer, whole and right, after `delay_s`;
- `truncate`: the status and headers with the full Content-Length, half the body, then the
  connection closes;
- `cut_json`: a well-formed HTTP answer whose body is only the first half of the JSON (an
  answer without a body, a 204, comes whole: there is nothing to cut).

A `truncate` of an answer without a body breaks off inside its status line.

`forward` says whether the service gets the request before the fault (True: the service acted
on it and only its answer is lost, the hard case for anything that is not a read), and `then`
runs between the two (e.g. SIGKILL the service while its answer is on its way). A fault
applies `times` times, then the route is healthy again. When the service itself cannot be
reached the proxy resets the kiosk's connection, as the service's dead port would.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

__all__ = ["Fault", "FaultProxy", "Passed"]

Kind = Literal["reset", "hang", "slow", "truncate", "cut_json"]

# Not passed on between the two connections (RFC 9110 §7.6.1).
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
     "proxy-connection", "content-length"}
)  # fmt: skip
_UPSTREAM_TIMEOUT_S = 30.0


@dataclass
class Fault:
    kind: Kind
    forward: bool = False
    delay_s: float = 0.0
    times: int = 1
    then: Callable[[], None] | None = None


@dataclass(frozen=True)
class Passed:
    """One request the proxy saw, and what it did with it."""

    method: str
    path: str
    fault: Kind | None
    forwarded: bool


@dataclass
class _Rule:
    method: str
    pattern: re.Pattern[str]
    fault: Fault
    left: int


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    seen: list[Passed] = field(default_factory=list)
    _rules: list[_Rule] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _httpd: Any = None
    _thread: threading.Thread | None = None

    @classmethod
    def to_url(cls, url: str) -> FaultProxy:
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        return cls((host, int(port)))

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def inject(self, method: str, path: str, fault: Fault) -> None:
        """Break the next `fault.times` requests of `method` whose path matches `path`."""
        with self._lock:
            self._rules.append(_Rule(method.upper(), re.compile(path + r"\Z"), fault, fault.times))

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def pending(self) -> int:
        """How many injected faults have not happened yet."""
        with self._lock:
            return sum(rule.left for rule in self._rules)

    def faults_done(self) -> list[Passed]:
        with self._lock:
            return [p for p in self.seen if p.fault is not None]

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.proxy = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fault-proxy-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- used by the handler ----------------------------------------------------------------

    def _take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for rule in self._rules:
                if rule.left > 0 and rule.method == method and rule.pattern.match(path):
                    rule.left -= 1
                    return rule.fault
        return None

    def _record(self, passed: Passed) -> None:
        with self._lock:
            self.seen.append(passed)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    proxy: FaultProxy

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (its timeout) leaves a broken pipe behind: that is the point.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _UpstreamDownError(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10.0
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the tests read `seen`

    def _serve(self) -> None:
        proxy = self.server.proxy
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path = self.path.split("?", 1)[0]
        fault = proxy._take(self.command, path)
        forwarded = fault is None or fault.forward
        proxy._record(Passed(self.command, path, fault.kind if fault else None, forwarded))
        answer = None
        if forwarded:
            try:
                answer = self._forward(body)
            except _UpstreamDownError:
                self._reset()
                return
        if fault is not None and fault.then is not None:
            fault.then()
        if fault is None:
            assert answer is not None
            self._send(*answer)
            return
        kind = fault.kind
        if kind == "reset":
            self._reset()
        elif kind == "hang":
            proxy._stopping.wait(fault.delay_s or None)
            self._reset()
        elif kind == "slow":
            proxy._stopping.wait(fault.delay_s)
            if answer is None:
                answer = self._forward(body)
            self._send(*answer)
        else:
            if answer is None:
                answer = self._forward(body)
            status, headers, data = answer
            half = data[: max(1, len(data) // 2)]
            if kind == "truncate" and not data:  # nothing to cut: the head breaks off
                self.wfile.write(f"HTTP/1.1 {status} ".encode())
                self._reset()
            elif kind == "truncate":
                self._send(status, headers, half, length=len(data))
                self._reset()
            else:  # cut_json: a correct HTTP answer whose JSON stops halfway
                self._send(status, headers, half)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve  # noqa: N815

    def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        host, port = self.server.proxy.upstream
        conn = http.client.HTTPConnection(host, port, timeout=_UPSTREAM_TIMEOUT_S)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        if body:
            headers["Content-Length"] = str(len(body))
        try:
            conn.request(self.command, self.path, body=body or None, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise _UpstreamDownError from exc
        finally:
            conn.close()
        kept = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP]
        return response.status, kept, data

    def _send(
        self, status: int, headers: list[tuple[str, str]], data: bytes, length: int | None = None
    ) -> None:
        self.send_response_only(status)
        for name, value in headers:
            self.send_header(name, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        if data and status not in (204, 304):
            self.wfile.write(data)
        self.wfile.flush()

    def _reset(self) -> None:
        """Close with RST, as a dead peer or a middlebox does."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
        sock = self.connection
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()


def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Poll `condition` (for threads outside Qt); True once it holds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
