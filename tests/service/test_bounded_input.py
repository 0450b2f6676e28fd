"""The request body limit: refused with 413 before authentication and before the body is read.

Raw sockets, so the test controls how much of a body is sent and sees the answer arrive while
most of it is still unsent.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.service.helpers import Api

LIMIT = 65536  # the default TURNOS_MAX_BODY_BYTES
TEN_MB = 10 * 1024 * 1024
CHUNK = 16 * 1024


def _connect(api: Api) -> socket.socket:
    url = urlsplit(api.url)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _head(path: str, *lines: str) -> bytes:
    head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json", *lines]
    return ("\r\n".join(head) + "\r\n\r\n").encode()


def _read_answer(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one HTTP/1.1 answer with a Content-Length."""
    data = b""
    while b"\r\n\r\n" not in data:
        part = sock.recv(65536)
        assert part, f"connection closed before an answer: {data!r}"
        data += part
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in header_lines)}
    while len(body) < int(headers["content-length"]):
        part = sock.recv(65536)
        assert part, "connection closed in the middle of the answer"
        body += part
    return int(status_line.split()[1]), headers, body


def _assert_too_large(status: int, headers: dict[str, str], body: bytes) -> None:
    assert status == 413, body
    assert headers["content-type"].startswith("application/problem+json")
    problem = json.loads(body)
    assert problem["code"] == "payload_too_large"
    assert problem["status"] == 413


def _send_until_answered(sock: socket.socket, total: int, *, chunked: bool) -> int:
    """Send up to `total` body bytes in chunks, stopping as soon as an answer is readable.

    Returns how many body bytes went out before the answer arrived (or the server hung up).
    """
    sent = 0
    piece = b"x" * CHUNK
    while sent < total:
        if select.select([sock], [], [], 0)[0]:
            return sent
        frame = f"{CHUNK:x}\r\n".encode() + piece + b"\r\n" if chunked else piece
        try:
            sock.sendall(frame)
        except (BrokenPipeError, ConnectionResetError):
            return sent
        sent += CHUNK
        # Let the server read and answer; a flood faster than it reads proves nothing.
        select.select([sock], [], [], 0.002)
    return sent


def test_ten_megabytes_without_a_token_are_refused_413_before_they_are_sent(api: Api) -> None:
    with _connect(api) as sock:
        started = time.monotonic()
        sock.sendall(_head("/v1/citizens/lookup", f"Content-Length: {TEN_MB}"))
        # Not one byte of the body: the answer must come from the declared length alone,
        # and before authentication (no token here would otherwise be 401).
        status, headers, body = _read_answer(sock)
        assert time.monotonic() - started < 2
    _assert_too_large(status, headers, body)
    assert "Authorization" not in headers


def test_a_chunked_body_is_cut_off_once_past_the_limit(api: Api) -> None:
    with _connect(api) as sock:
        sock.sendall(_head("/v1/citizens/lookup", "Transfer-Encoding: chunked"))
        sent = _send_until_answered(sock, TEN_MB, chunked=True)
        status, headers, body = _read_answer(sock)
    _assert_too_large(status, headers, body)
    # Answered a little past the limit, long before the ten megabytes were sent.
    assert LIMIT < sent < 1024 * 1024, sent


def test_the_limit_is_exact_and_applies_with_a_token_too(api: Api) -> None:
    at_limit = api.call("POST", "/v1/citizens/lookup", data=b" " * LIMIT)
    assert at_limit.status_code == 400, at_limit.text  # read, then refused as malformed JSON
    past = api.call("POST", "/v1/citizens/lookup", data=b" " * (LIMIT + 1))
    assert past.status_code == 413
    assert past.json()["code"] == "payload_too_large"


def _rss_bytes() -> int:
    """Resident memory of this process, where the embedded service runs."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_concurrent_large_bodies_leave_memory_bounded(api: Api) -> None:
    """Eight clients push 40 MB each, half declared and half chunked: the service keeps at most
    about the limit of each, so its resident memory grows by far less than one body."""
    body_size = 40 * 1024 * 1024
    answers: list[int] = []
    sent_before_answer: list[int] = []

    def push(chunked: bool) -> None:
        with _connect(api) as sock:
            length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {body_size}"
            sock.sendall(_head("/v1/bookings", length))
            sent_before_answer.append(_send_until_answered(sock, body_size, chunked=chunked))
            answers.append(_read_answer(sock)[0])

    before = _rss_bytes()
    threads = [threading.Thread(target=push, args=(i % 2 == 0,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    grown = _rss_bytes() - before
    assert answers == [413] * 8
    assert max(sent_before_answer) < 2 * 1024 * 1024, sent_before_answer
    assert grown < 32 * 1024 * 1024, f"RSS grew by {grown // 1024} KiB"
