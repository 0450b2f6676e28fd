"""A small HTTP client for the service tests: citizens with sessions, slots, bookings."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests

from turnos.outbox import latest_code, messages_to

_seq = itertools.count(random.SystemRandom().randrange(10**5, 9 * 10**5))


def new_cedula() -> str:
    """A fresh cédula with a valid check digit (province 01-24, third digit 0-5)."""
    n = next(_seq)
    body = f"{(n % 24) + 1:02d}{n % 6}{n:06d}"[:9]
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def new_email() -> str:
    return f"c{uuid.uuid4().hex[:12]}@example.com"


def new_mobile() -> str:
    return f"099{random.SystemRandom().randrange(10**6, 10**7)}"


@dataclass
class Citizen:
    cedula: str  # the id number, of `id_type`
    email: str
    phone: str
    id_type: str = "cedula"
    ref: str = ""
    session: str = ""
    verification: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Api:
    """Requests against one running service with its kiosk token."""

    def __init__(self, url: str, credentials: dict[str, Any], outbox: Any, clock: Any = None):
        self.url = url
        self.credentials = credentials
        self.outbox = outbox
        self.clock = clock
        self.http = requests.Session()
        self.kiosk = {"Authorization": f"Bearer {credentials['kiosk_token']}"}

    def staff(self, agency_id: int) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['staff_tokens'][str(agency_id)]}"}

    @property
    def operator(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['operator_token']}"}

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = kwargs.pop("headers", self.kiosk)
        return self.http.request(method, self.url + path, headers=headers, timeout=30, **kwargs)

    def as_citizen(self, citizen: Citizen, **extra: str) -> dict[str, str]:
        return {**self.kiosk, "X-Citizen-Session": citizen.session, **extra}

    # --- flows ---------------------------------------------------------------------------

    def lookup(self, citizen: Citizen) -> None:
        body = {"id_type": citizen.id_type, "id_number": citizen.cedula}
        r = self.call("POST", "/v1/citizens/lookup", json=body)
        assert r.status_code == 200, r.text
        citizen.ref = r.json()["citizen"]

    def start_verification(
        self, citizen: Citizen, channel: str = "email", **extra: Any
    ) -> requests.Response:
        return self.call(
            "POST",
            "/v1/verifications",
            json={
                "citizen": citizen.ref,
                "email": citizen.email,
                "phone": citizen.phone,
                "channel": channel,
                **extra,
            },
        )

    def code_for(self, citizen: Citizen, channel: str = "email") -> str:
        address = citizen.email if channel == "email" else "+593" + citizen.phone[1:]
        return latest_code(self.outbox, address)

    def confirm(self, citizen: Citizen, code: str) -> requests.Response:
        return self.call(
            "POST", f"/v1/verifications/{citizen.verification}/confirm", json={"code": code}
        )

    def verified_citizen(self, citizen: Citizen | None = None, channel: str = "email") -> Citizen:
        citizen = citizen or Citizen(new_cedula(), new_email(), new_mobile())
        self.lookup(citizen)
        r = self.start_verification(citizen, channel)
        assert r.status_code == 201, r.text
        citizen.verification = r.json()["id"]
        r = self.confirm(citizen, self.code_for(citizen, channel))
        assert r.status_code == 200, r.text
        citizen.session = r.json()["session_token"]
        return citizen

    def today(self, agency_zone: str = "America/Guayaquil") -> dt.date:
        from zoneinfo import ZoneInfo

        now = self.clock.now() if self.clock else int(dt.datetime.now(dt.UTC).timestamp())
        return dt.datetime.fromtimestamp(now, ZoneInfo(agency_zone)).date()

    def slots(self, agency: int, procedure: str, day: dt.date) -> list[dict[str, Any]]:
        r = self.call(
            "GET",
            "/v1/slots",
            params={"agency": agency, "procedure": procedure, "date": day.isoformat()},
        )
        assert r.status_code == 200, r.text
        slots: list[dict[str, Any]] = r.json()["slots"]
        return slots

    def find_slot(
        self,
        agency: int = 171,
        procedure: str = "CLAVE_PATRONAL",
        *,
        free: int | None = None,
        skip_days: int = 1,
        pick: int = 0,
    ) -> dict[str, Any]:
        """A slot with free places (exactly `free` if given), from `skip_days` days ahead.

        `pick` chooses among the matches, so tests sharing a service take different slots.
        """
        day = self.today() + dt.timedelta(days=skip_days)
        matches: list[dict[str, Any]] = []
        for _ in range(20):
            for s in self.slots(agency, procedure, day):
                full = s["free_places"] > 0 and (free is None or s["free_places"] == free)
                if full:
                    matches.append(s)
            if len(matches) > pick:
                return matches[pick]
            day += dt.timedelta(days=1)
        raise AssertionError("no matching slot")

    def hold(self, citizen: Citizen, slot_id: str) -> requests.Response:
        return self.call(
            "POST", "/v1/holds", json={"slot": slot_id}, headers=self.as_citizen(citizen)
        )

    def book(self, citizen: Citizen, hold_id: str, key: str | None = None) -> requests.Response:
        headers = self.as_citizen(citizen, **{"Idempotency-Key": key or uuid.uuid4().hex})
        return self.call("POST", "/v1/bookings", json={"hold": hold_id}, headers=headers)

    def booked(self, citizen: Citizen, slot_id: str) -> dict[str, Any]:
        r = self.hold(citizen, slot_id)
        assert r.status_code == 201, r.text
        r = self.book(citizen, r.json()["id"])
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body


def confirmation_in(outbox: Path, address: str, timeout_s: float = 10.0) -> EmailMessage:
    """The newest booking confirmation to `address` in the demo outbox, waiting for it: the
    outbox worker hands it over just after the booking's answer (turnos.services.outbox)."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = [m for m in messages_to(outbox, address) if m["X-Turnos-Kind"] == "booking"]
        if found:
            return found[-1]
        assert time.monotonic() < deadline, "no confirmation in the outbox"
        time.sleep(0.05)  # the worker was woken by the booking; poll its file


def problem(r: requests.Response, status: int, code: str) -> dict[str, Any]:
    """Assert a problem+json answer with that status and code; returns its body."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body: dict[str, Any] = r.json()
    assert body["code"] == code, body
    assert body["status"] == status
    return body


# --- real collaborators on loopback: an SMTP server, an SMS gateway, `turnos serve` ---------


@contextmanager
def smtp_server(handler: Any) -> Iterator[int]:
    """A real SMTP server (aiosmtpd) on loopback with `handler`, while the block runs: its port."""
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        msg = message_from_bytes(envelope.content, policy=email_policy.default)
        assert isinstance(msg, EmailMessage)
        with self.arrived:
            self.messages.append(msg)
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, to: str, count: int = 1) -> list[EmailMessage]:
        def mine() -> list[EmailMessage]:
            return [m for m in self.messages if m["To"] == to]

        with self.arrived:
            assert self.arrived.wait_for(lambda: len(mine()) >= count, timeout=10)
            return mine()


@dataclass
class SmsRequest:
    path: str
    authorization: str | None
    content_type: str | None
    body: Any


class SmsGateway:
    """A small real HTTP SMS gateway on loopback: records every POST, answers `status`."""

    def __init__(self) -> None:
        self.requests: list[SmsRequest] = []
        self.status = 202
        self.arrived = threading.Condition()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body: Any = json.loads(raw)
                except ValueError:
                    body = raw
                with gateway.arrived:
                    gateway.requests.append(
                        SmsRequest(
                            self.path,
                            self.headers.get("Authorization"),
                            self.headers.get("Content-Type"),
                            body,
                        )
                    )
                    status = gateway.status
                    gateway.arrived.notify_all()
                answer = json.dumps({"accepted": status < 300}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the test reads `requests`."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/sms"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def to(self, phone: str) -> list[SmsRequest]:
        with self.arrived:
            return [r for r in self.requests if isinstance(r.body, dict) and r.body["to"] == phone]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def e164(mobile: str) -> str:
    """0991234567 -> +593991234567."""
    return "+593" + mobile[1:]


@contextmanager
def serve_process(
    data_dir: Path, *extra: str, log_name: str = "serve.log"
) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    """`turnos serve` as its own process on a free port: (base URL, log file, process)."""
    port = free_port()
    log_path = data_dir / log_name
    # Only the session's generous fair-share limits (tests/conftest.py) pass through.
    generous = ("TURNOS_KIOSK_", "TURNOS_CITIZEN_BOOKINGS_")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("TURNOS_") or k.startswith(generous)
    }
    argv = [sys.executable, "-m", "turnos", "serve", "--port", str(port)]
    argv += ["--data-dir", str(data_dir), *extra]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc, log_path)
        yield base, log_path, proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"turnos serve exited: {log.read_text()[-2000:]}")
        try:
            if requests.get(base + "/v1/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.05)  # the process is still starting: poll the condition again
    raise AssertionError("turnos serve did not become healthy")
