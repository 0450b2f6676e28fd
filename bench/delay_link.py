"""A loopback TCP forwarder that can hold every request for a while: a slow service on demand.

Real HTTP on loopback, nothing changed in the service or the client: with `delay_s` set, the
first bytes of each request on a connection wait that long before they go on, so each call the
kiosk makes is answered `delay_s` later than the service would answer it. A request is what the
client sends after the previous answer began (HTTP/1.1 keep-alive: one at a time).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class DelayLink:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.delay_s = 0.0
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    @classmethod
    def to_url(cls, url: str) -> DelayLink:
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        return cls((host, int(port)))

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def connect(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(32)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def cut(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            answered = threading.Event()
            answered.set()  # nothing asked yet: the first bytes start a request
            threading.Thread(
                target=self._requests, args=(client, upstream, answered), daemon=True
            ).start()
            threading.Thread(
                target=self._answers, args=(upstream, client, answered), daemon=True
            ).start()

    def _requests(
        self, source: socket.socket, sink: socket.socket, answered: threading.Event
    ) -> None:
        try:
            while data := source.recv(65536):
                if answered.is_set() and self.delay_s > 0:
                    # A new request: hold it (the rest of its bytes follow without delay).
                    time.sleep(self.delay_s)
                answered.clear()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _close(source, sink)

    def _answers(
        self, source: socket.socket, sink: socket.socket, answered: threading.Event
    ) -> None:
        try:
            while data := source.recv(65536):
                answered.set()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _close(source, sink)


def _close(*ends: socket.socket) -> None:
    for s in ends:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
