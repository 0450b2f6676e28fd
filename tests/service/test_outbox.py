"""The transactional outbox: messages written with their cause, delivered once each.

The main test kills a real `turnos serve` process with SIGKILL in the middle of a burst of
bookings, restarts it on the same database and checks that every booking's confirmation
reached a real SMTP server (aiosmtpd) exactly once by Message-ID; a restarted service does not
send a row already marked sent. Smaller tests show the worker's retry with back-off and that a
failed code is given up, not retried.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import requests
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tests.service.helpers import (
    Api,
    Citizen,
    Inbox,
    free_port,
    new_cedula,
    new_email,
    new_mobile,
    problem,
)
from turnos import models
from turnos.bootstrap import prepare, seed_demo
from turnos.clock import MovableClock
from turnos.context import build_context
from turnos.db import Database
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services import outbox
from turnos.services.citizens import import_citizens
from turnos.services.delivery import Delivery
from turnos.settings import Settings

BOOKINGS = 24
KILLS = 3
CLIENTS = 8
HAND_OVER_TIMEOUT_S = 2  # short SMTP/SMS timeouts give a short lease: 2 * 2 + 5 = 9 s
_CODE = re.compile(r"\b(\d{6})\b")
_MESSAGE_ID = re.compile(r"^<[0-9a-f]{32}@turnos\.invalid>$")


class SlowInbox(Inbox):
    """An SMTP inbox that takes a moment per message, so a kill often lands mid-hand-over."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0.05)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_inbox() -> Iterator[tuple[SlowInbox, int]]:
    handler = SlowInbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fresh_database(request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
    return fresh()


def _mail_settings(smtp_port: int) -> dict[str, Any]:
    return {
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp_port,
        "mail_from": "turnos@example.com",
        "smtp_timeout_s": HAND_OVER_TIMEOUT_S,
        "sms_timeout_s": HAND_OVER_TIMEOUT_S,
    }


def _prepare(data_dir: Path, database_url: str | None, smtp_port: int, cedulas: list[str]) -> Any:
    """Schema, a citizen registry, the demo catalogue and tokens; delivery stays real SMTP."""
    settings = Settings(data_dir=data_dir, database_url=database_url, **_mail_settings(smtp_port))
    ctx = build_context(settings)
    try:
        prepare(ctx)
        csv = data_dir / "citizens.csv"
        csv.write_text(
            "id_type,id_number,name\n" + "".join(f"cedula,{c},Rosa Vera\n" for c in cedulas)
        )
        with ctx.db.transaction() as session:
            import_citizens(session, ctx.hasher, csv, ctx.now())
        return seed_demo(ctx)
    finally:
        ctx.db.dispose()


@contextmanager
def _serving(data_dir: Path, database_url: str | None, smtp_port: int, port: int) -> Iterator[Any]:
    """Start `turnos serve` (not demo: mail by SMTP) on `port`; yields a function that kills it
    with SIGKILL and starts it again on the same database and port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    env.update(
        {
            k: v
            for k, v in os.environ.items()
            if k.startswith(("TURNOS_KIOSK_", "TURNOS_CITIZEN_BOOKINGS_"))
        }
    )
    env.update({f"TURNOS_{k.upper()}": str(v) for k, v in _mail_settings(smtp_port).items()})
    argv = [
        sys.executable,
        "-m",
        "turnos",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
    ]
    if database_url:
        argv += ["--database-url", database_url]
    log = (data_dir / "serve.log").open("ab")
    procs: list[subprocess.Popen[bytes]] = []

    def start() -> None:
        procs.append(subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env))
        _wait_healthy(f"http://127.0.0.1:{port}", procs[-1], data_dir / "serve.log")

    def kill_and_restart() -> None:
        procs[-1].send_signal(signal.SIGKILL)
        procs[-1].wait(timeout=20)
        start()

    start()
    try:
        yield kill_and_restart
    finally:
        procs[-1].terminate()
        procs[-1].wait(timeout=20)
        log.close()


def _wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"turnos serve exited: {log.read_text()[-2000:]}")
        try:
            if requests.get(base + "/v1/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.05)  # still starting: poll again
    raise AssertionError("turnos serve did not become healthy")


def _latest_code(inbox: Inbox, to: str) -> str:
    [*_, msg] = inbox.wait_for(to)
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    found = _CODE.search(str(body.get_content()))
    assert found
    return found.group(1)


def _confirmations(inbox: Inbox, to: str) -> list[EmailMessage]:
    with inbox.arrived:
        return [m for m in inbox.messages if m["To"] == to and m["X-Turnos-Kind"] == "booking"]


def _holding_citizens(api: Api, inbox: Inbox, cedulas: list[str]) -> list[tuple[Citizen, str]]:
    """Each citizen verified (code by SMTP) and holding a place: (citizen, hold id)."""
    day = api.today() + dt.timedelta(days=1)
    places: list[str] = []
    while len(places) < len(cedulas):
        for slot in api.slots(171, "CLAVE_PATRONAL", day):
            places += [slot["id"]] * slot["free_places"]
        day += dt.timedelta(days=1)
    held: list[tuple[Citizen, str]] = []
    for cedula, slot_id in zip(cedulas, places, strict=False):
        citizen = Citizen(cedula, new_email(), new_mobile())
        api.lookup(citizen)
        r = api.start_verification(citizen)
        assert r.status_code == 201, r.text
        citizen.verification = r.json()["id"]
        r = api.confirm(citizen, _latest_code(inbox, citizen.email))
        assert r.status_code == 200, r.text
        citizen.session = r.json()["session_token"]
        r = api.hold(citizen, slot_id)
        assert r.status_code == 201, r.text
        held.append((citizen, r.json()["id"]))
    return held


def _booking_rows(url: str) -> list[models.Outbox]:
    db = Database(url)
    try:
        with db.transaction() as session:
            query = select(models.Outbox).where(models.Outbox.kind == "booking")
            return list(session.scalars(query))
    finally:
        db.dispose()


def _book_until_done(api: Api, citizen: Citizen, hold_id: str, done: list[str]) -> None:
    """Book, retrying with the same Idempotency-Key while the service is down or restarting;
    `done` gets the email on 201, else the last answer."""
    key = uuid.uuid4().hex
    deadline = time.monotonic() + 120
    answer = "no answer"
    while time.monotonic() < deadline:
        try:
            r = api.book(citizen, hold_id, key)
        except requests.RequestException as exc:  # killed mid-request: the next one starts
            answer = type(exc).__name__
            time.sleep(0.1)
            continue
        if r.status_code == 201:
            done.append(citizen.email)
            return
        answer = f"{r.status_code} {r.text}"
        if r.status_code != 503:  # only a database still starting is worth a retry
            break
        time.sleep(0.1)
    done.append(answer)


def test_sigkill_during_a_booking_burst_loses_no_confirmation_and_sends_none_twice(
    tmp_path: Path, slow_inbox: tuple[SlowInbox, int], fresh_database: str | None
) -> None:
    inbox, smtp_port = slow_inbox
    cedulas = [new_cedula() for _ in range(BOOKINGS)]
    credentials = _prepare(tmp_path, fresh_database, smtp_port, cedulas)
    port = free_port()
    with _serving(tmp_path, fresh_database, smtp_port, port) as kill_and_restart:
        api = Api(f"http://127.0.0.1:{port}", credentials, outbox=None)
        held = _holding_citizens(api, inbox, cedulas)
        done: list[str] = []
        work = iter(held)
        lock = threading.Lock()

        def client() -> None:
            while True:
                with lock:
                    item = next(work, None)
                if item is None:
                    return
                _book_until_done(Api(api.url, credentials, None), *item, done)

        clients = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for t in clients:
            t.start()
        rng = random.Random()
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.05, 0.5))
            kill_and_restart()
        for t in clients:
            t.join(timeout=180)
        assert sorted(done) == sorted(c.email for c, _ in held)

        # What a killed process left unsent is sent by a later one once its lease runs out.
        url = Settings(data_dir=tmp_path, database_url=fresh_database).effective_database_url
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            rows = _booking_rows(url)
            arrived = all(_confirmations(inbox, c.email) for c, _ in held)
            if arrived and len(rows) == BOOKINGS and {r.state for r in rows} == {outbox.SENT}:
                break
            time.sleep(0.2)  # the worker polls every second
        ids = {
            c.email: {str(m["Message-ID"]) for m in _confirmations(inbox, c.email)} for c, _ in held
        }
        assert all(len(found) == 1 for found in ids.values()), ids
        assert all(_MESSAGE_ID.match(next(iter(found))) for found in ids.values())
        # Duplicated hand-overs (a kill after the server's 250, before the mark) carry one id.
        delivered = sum(len(_confirmations(inbox, c.email)) for c, _ in held)
        assert len(rows) == BOOKINGS
        assert {r.state for r in rows} == {outbox.SENT}
        assert all(r.payload is None and r.sent_at for r in rows)
        assert {outbox.message_id(r.id) for r in rows} == set().union(*ids.values())

        # A restarted service sends nothing that is marked sent, not even after a lease.
        kill_and_restart()
        time.sleep(outbox.lease_s(Settings(**_mail_settings(smtp_port))) + 3)
        assert sum(len(_confirmations(inbox, c.email)) for c, _ in held) == delivered
    counts = Counter(len(found) for found in ids.values())
    assert counts == Counter({1: BOOKINGS})


# --- retry with back-off, and codes given up: one embedded service with a movable clock ------


@pytest.fixture
def retrying(
    tmp_path: Path, slow_inbox: tuple[SlowInbox, int]
) -> Iterator[tuple[EmbeddedService, MovableClock]]:
    """A service whose SMTP server does not answer at first (a closed port)."""
    clock = MovableClock()
    svc = start_embedded(tmp_path, demo=False, clock=clock, **_mail_settings(free_port()))
    cedulas = [new_cedula() for _ in range(2)]
    csv = tmp_path / "citizens.csv"
    csv.write_text("id_type,id_number,name\n" + "".join(f"cedula,{c},Rosa Vera\n" for c in cedulas))
    with svc.context.db.transaction() as session:
        import_citizens(session, svc.context.hasher, csv, svc.context.now())
    svc.credentials = {**seed_demo(svc.context), "cedulas": cedulas}
    try:
        yield svc, clock
    finally:
        svc.stop()


def _rows(svc: EmbeddedService, kind: str) -> list[models.Outbox]:
    with svc.context.db.transaction() as session:
        return list(session.scalars(select(models.Outbox).where(models.Outbox.kind == kind)))


def _use_smtp(svc: EmbeddedService, port: int) -> None:
    svc.context.delivery = Delivery(svc.settings.model_copy(update={"smtp_port": port}))


@pytest.mark.expected_log_warnings(
    r"^WARNING turnos\.outbox: booking message \w+ not sent, will retry: SMTP: "
)
def test_a_failed_confirmation_is_retried_with_back_off_and_a_failed_code_is_not(
    retrying: tuple[EmbeddedService, MovableClock], slow_inbox: tuple[SlowInbox, int]
) -> None:
    svc, clock = retrying
    inbox, smtp_port = slow_inbox
    closed_port = svc.settings.smtp_port
    api = Api(svc.url, svc.credentials, svc.outbox, clock)
    citizen = Citizen(svc.credentials["cedulas"][0], new_email(), new_mobile())
    api.lookup(citizen)
    # A code whose hand-over fails: the citizen is told at once and the code is given up.
    r = api.start_verification(citizen)
    problem(r, 503, "delivery_failed")
    [dead] = _rows(svc, "verification")
    assert (dead.state, dead.payload, dead.attempts) == (outbox.DEAD, None, 1)
    assert dead.last_error == "SMTP: ConnectionRefusedError"

    _use_smtp(svc, smtp_port)
    r = api.start_verification(citizen)
    assert r.status_code == 201, r.text
    citizen.verification = r.json()["id"]
    r = api.confirm(citizen, _latest_code(inbox, citizen.email))
    assert r.status_code == 200, r.text
    citizen.session = r.json()["session_token"]

    # The confirmation's hand-over fails: the booking stands, the row waits for its back-off.
    _use_smtp(svc, closed_port)
    slot = api.find_slot()
    booked_at = clock.now()
    api.booked(citizen, slot["id"])
    booked_by = clock.now()
    [row] = _rows(svc, "booking")
    assert (row.state, row.attempts, row.sent_at) == (outbox.PENDING, 1, None)
    # The clock runs while the booking is made: its second lies between these two readings.
    due = row.next_attempt_at
    assert booked_at + outbox.backoff_s(1) <= due <= booked_by + outbox.backoff_s(1)
    assert row.last_error == "SMTP: ConnectionRefusedError"
    assert citizen.email not in row.recipient  # masked
    assert "•" in row.recipient

    _use_smtp(svc, smtp_port)
    time.sleep(2.5)  # the worker polls every second: not due yet, so nothing is sent
    assert _confirmations(inbox, citizen.email) == []
    clock.advance(outbox.backoff_s(1))
    [mail] = [m for m in inbox.wait_for(citizen.email, 2) if m["X-Turnos-Kind"] == "booking"]
    assert mail["Message-ID"] == outbox.message_id(row.id)
    deadline = time.monotonic() + 5  # the mark follows the hand-over
    while _rows(svc, "booking")[0].state != outbox.SENT and time.monotonic() < deadline:
        time.sleep(0.05)
    [row] = _rows(svc, "booking")
    assert (row.state, row.attempts, row.payload) == (outbox.SENT, 2, None)

    # Later rounds send nothing again: neither the sent confirmation nor the dead code.
    clock.advance(outbox.BACKOFF_CAP_S)
    time.sleep(2.5)
    kinds = Counter(str(m["X-Turnos-Kind"]) for m in inbox.messages if m["To"] == citizen.email)
    assert kinds == Counter({"verification": 1, "booking": 1})
