"""A TCP ESC/POS "printer" on loopback: answers the status queries, records every job."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest


@dataclass
class FakeEscposPrinter:
    """A TCP "printer" on loopback: answers DLE EOT n from `status`, records everything else."""

    host: str
    port: int
    status: dict[int, bytes]
    received: bytearray = field(default_factory=bytearray)
    answer: bool = True  # False: stay silent, like a printer that hung
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def data(self) -> bytes:
        with self._lock:
            return bytes(self.received)


def _serve(printer: FakeEscposPrinter, listener: socket.socket, stop: threading.Event) -> None:
    listener.settimeout(0.1)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(0.1)
            pending = b""
            job = False  # a connection either asks for status or sends a job, as ours do
            while not stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                if job:
                    with printer._lock:
                        printer.received += chunk
                    continue
                pending += chunk
                while len(pending) >= 3 and pending.startswith(b"\x10\x04"):
                    if printer.answer:
                        conn.sendall(printer.status.get(pending[2], b"\x12"))
                    pending = pending[3:]
                if pending and not b"\x10\x04".startswith(pending[:2]):
                    job = True
                    with printer._lock:
                        printer.received += pending
                    pending = b""


@pytest.fixture
def escpos_printer() -> Iterator[FakeEscposPrinter]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    printer = FakeEscposPrinter(
        "127.0.0.1", listener.getsockname()[1], {1: b"\x12", 2: b"\x12", 4: b"\x12"}
    )
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(printer, listener, stop), daemon=True)
    thread.start()
    try:
        yield printer
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
