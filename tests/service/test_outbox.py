"""The transactional outbox: messages written with their cause, delivered once each.

The main test kills a real `turnos serve` process with SIGKILL in the middle of a burst of
bookings, restarts it on the same database and checks that every booking's confirmation
reached a real SMTP server (aiosmtpd) exactly once by Message-ID; a restarted service does not
send a row already marked sent. Smaller tests show the worker's retry with the configured
back-off and give-up, that a failed code is given up, not retried, and that a process handing
over several rows in turn never hands one over that another process has claimed meanwhile.
(tests/service/test_outbox_kill.py kills processes during codes and closure notices.)
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import requests
from pydantic import ValidationError
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
from tests.service.outbox_helpers import (
    MESSAGE_ID,
    SlowInbox,
    holding_citizens,
    latest_code,
    mail_settings,
    outbox_rows,
    poll_until,
    prepare_database,
    serving,
)
from turnos import models
from turnos.bootstrap import prepare, seed_demo
from turnos.clock import MovableClock
from turnos.context import AppContext, build_context
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services import outbox
from turnos.services.citizens import import_citizens
from turnos.services.delivery import Delivery
from turnos.services.maintenance import add_closure
from turnos.settings import Settings

BOOKINGS = 24
KILLS = 3
CLIENTS = 8


def _confirmations(inbox: Inbox, to: str) -> list[EmailMessage]:
    with inbox.arrived:
        return [m for m in inbox.messages if m["To"] == to and m["X-Turnos-Kind"] == "booking"]


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
    credentials = prepare_database(tmp_path, fresh_database, smtp_port, cedulas)
    with serving(tmp_path, fresh_database, smtp_port, free_port()) as service:
        api = Api(service.url, credentials, outbox=None)
        held = holding_citizens(api, inbox, cedulas)
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
            service.kill_and_restart()
        for t in clients:
            t.join(timeout=180)
        assert sorted(done) == sorted(c.email for c, _ in held)

        # What a killed process left unsent is sent by a later one once its lease runs out.
        url = service.effective_database_url
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            rows = outbox_rows(url, "booking")
            arrived = all(_confirmations(inbox, c.email) for c, _ in held)
            if arrived and len(rows) == BOOKINGS and {r.state for r in rows} == {outbox.SENT}:
                break
            time.sleep(0.2)  # the worker polls every second
        ids = {
            c.email: {str(m["Message-ID"]) for m in _confirmations(inbox, c.email)} for c, _ in held
        }
        assert all(len(found) == 1 for found in ids.values()), ids
        assert all(MESSAGE_ID.match(next(iter(found))) for found in ids.values())
        # Duplicated hand-overs (a kill after the server's 250, before the mark) carry one id.
        delivered = sum(len(_confirmations(inbox, c.email)) for c, _ in held)
        assert len(rows) == BOOKINGS
        assert {r.state for r in rows} == {outbox.SENT}
        assert all(r.payload is None and r.sent_at for r in rows)
        assert {outbox.message_id(r.id) for r in rows} == set().union(*ids.values())

        # A restarted service sends nothing that is marked sent, not even after a lease.
        service.kill_and_restart()
        time.sleep(outbox.lease_s(Settings(**mail_settings(smtp_port))) + 3)
        assert sum(len(_confirmations(inbox, c.email)) for c, _ in held) == delivered
    counts = Counter(len(found) for found in ids.values())
    assert counts == Counter({1: BOOKINGS})


# --- retry with back-off, and codes given up: one embedded service with a movable clock ------

BACKOFF_BASE_S = 30  # not the default (10 s): the test shows the setting is what counts
MAX_ATTEMPTS = 2


def test_back_off_doubles_from_its_base_up_to_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = Settings()
    assert [outbox.backoff_s(defaults, n) for n in (1, 2, 3, 9, 12)] == [10, 20, 40, 2560, 3600]
    assert defaults.outbox_max_attempts == 12
    monkeypatch.setenv("TURNOS_OUTBOX_BACKOFF_BASE_S", "3")
    monkeypatch.setenv("TURNOS_OUTBOX_BACKOFF_CAP_S", "20")
    assert [outbox.backoff_s(Settings(), n) for n in range(1, 6)] == [3, 6, 12, 20, 20]
    with pytest.raises(ValidationError):
        Settings(outbox_backoff_base_s=0)
    with pytest.raises(ValidationError):
        Settings(outbox_max_attempts=0)


@pytest.fixture
def retrying(
    tmp_path: Path, slow_inbox: tuple[SlowInbox, int]
) -> Iterator[tuple[EmbeddedService, MovableClock]]:
    """A service whose SMTP server does not answer at first (a closed port)."""
    clock = MovableClock()
    svc = start_embedded(
        tmp_path,
        demo=False,
        clock=clock,
        outbox_backoff_base_s=BACKOFF_BASE_S,
        outbox_max_attempts=MAX_ATTEMPTS,
        **mail_settings(free_port()),
    )
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


def _verified(api: Api, inbox: Inbox, cedula: str) -> Citizen:
    citizen = Citizen(cedula, new_email(), new_mobile())
    api.lookup(citizen)
    r = api.start_verification(citizen)
    assert r.status_code == 201, r.text
    citizen.verification = r.json()["id"]
    r = api.confirm(citizen, latest_code(inbox, citizen.email))
    assert r.status_code == 200, r.text
    citizen.session = r.json()["session_token"]
    return citizen


@pytest.mark.expected_log_warnings(
    r"^WARNING turnos\.outbox: booking message \w+ not sent, will retry: SMTP: ",
    r"^WARNING turnos\.outbox: booking message \w+ given up: SMTP: ",
)
def test_a_failed_confirmation_is_retried_with_the_configured_back_off_and_a_failed_code_is_not(
    retrying: tuple[EmbeddedService, MovableClock], slow_inbox: tuple[SlowInbox, int]
) -> None:
    svc, clock = retrying
    inbox, smtp_port = slow_inbox
    closed_port = svc.settings.smtp_port
    api = Api(svc.url, svc.credentials, svc.outbox, clock)
    first, second = svc.credentials["cedulas"]
    citizen = Citizen(first, new_email(), new_mobile())
    api.lookup(citizen)
    # A code whose hand-over fails: the citizen is told at once and the code is given up.
    r = api.start_verification(citizen)
    problem(r, 503, "delivery_failed")
    [dead] = _rows(svc, "verification")
    assert (dead.state, dead.payload, dead.attempts) == (outbox.DEAD, None, 1)
    assert dead.last_error == "SMTP: ConnectionRefusedError"

    _use_smtp(svc, smtp_port)
    citizen = _verified(api, inbox, first)

    # The confirmation's hand-over fails: the booking stands, the row waits for its back-off.
    _use_smtp(svc, closed_port)
    slot = api.find_slot()
    booked_at = clock.now()
    api.booked(citizen, slot["id"])
    # The request hands nothing over: the worker it woke tries at once, fails and backs off.
    assert poll_until(lambda: _rows(svc, "booking")[0].attempts == 1, 5)
    booked_by = clock.now()
    [row] = _rows(svc, "booking")
    assert (row.state, row.attempts, row.sent_at) == (outbox.PENDING, 1, None)
    # The clock runs meanwhile: the failed try's second lies between these two readings.
    assert outbox.backoff_s(svc.settings, 1) == BACKOFF_BASE_S
    assert booked_at + BACKOFF_BASE_S <= row.next_attempt_at <= booked_by + BACKOFF_BASE_S
    assert row.last_error == "SMTP: ConnectionRefusedError"
    assert citizen.email not in row.recipient  # masked
    assert "•" in row.recipient

    _use_smtp(svc, smtp_port)
    # The default back-off (10 s) has passed, the configured one has not: nothing is sent yet.
    clock.advance(Settings.model_fields["outbox_backoff_base_s"].default)
    time.sleep(2.5)  # the worker polls every second
    assert _confirmations(inbox, citizen.email) == []
    clock.advance(BACKOFF_BASE_S)
    [mail] = [m for m in inbox.wait_for(citizen.email, 2) if m["X-Turnos-Kind"] == "booking"]
    assert mail["Message-ID"] == outbox.message_id(row.id)
    assert poll_until(lambda: _rows(svc, "booking")[0].state == outbox.SENT, 5)  # the mark follows
    [row] = _rows(svc, "booking")
    assert (row.state, row.attempts, row.payload) == (outbox.SENT, 2, None)

    # A confirmation that fails MAX_ATTEMPTS times is given up.
    other = _verified(api, inbox, second)
    _use_smtp(svc, closed_port)
    api.booked(other, api.find_slot(pick=1)["id"])

    def other_row() -> models.Outbox:
        [found] = [r for r in _rows(svc, "booking") if r.id != row.id]
        return found

    assert poll_until(lambda: other_row().attempts == 1, 5)  # the worker's first try
    clock.advance(BACKOFF_BASE_S)

    def given_up() -> models.Outbox:
        [other_row] = [r for r in _rows(svc, "booking") if r.id != row.id]
        return other_row

    assert poll_until(lambda: given_up().state != outbox.PENDING, 5)  # the worker's retry
    assert (given_up().state, given_up().attempts, given_up().payload) == (outbox.DEAD, 2, None)

    # Later rounds send nothing again: neither the sent confirmation nor the dead code nor the
    # confirmation given up.
    _use_smtp(svc, smtp_port)
    clock.advance(Settings.model_fields["outbox_backoff_cap_s"].default)
    time.sleep(2.5)
    kinds = Counter(str(m["X-Turnos-Kind"]) for m in inbox.messages if m["To"] == citizen.email)
    assert kinds == Counter({"verification": 1, "booking": 1})
    kinds = Counter(str(m["X-Turnos-Kind"]) for m in inbox.messages if m["To"] == other.email)
    assert kinds == Counter({"verification": 1})


# --- one lease covers one hand-over: several in turn renew each, and none is sent twice -------


class _Recording(Delivery):
    """Records the Message-ID of each hand-over; `during` runs inside each (the time it takes,
    and what other processes do meanwhile)."""

    def __init__(
        self, settings: Settings, handed: Counter[str], during: Callable[[], None] | None = None
    ) -> None:
        super().__init__(settings)
        self.handed = handed
        self.during = during

    def send_email(self, message: EmailMessage) -> None:
        if self.during is not None:
            self.during()
        self.handed[str(message["Message-ID"])] += 1


def _slow_beside(clock: MovableClock, other: AppContext) -> Callable[[], None]:
    """A hand-over that takes most of a lease, while `other`'s worker takes what is due."""

    def hand_over() -> None:
        clock.advance(outbox.lease_s(other.settings) * 6 // 10)
        outbox.deliver_due(other)

    return hand_over


def test_a_batch_that_outlasts_its_lease_hands_nothing_over_twice(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    clock = MovableClock()
    # Two service processes on one database.
    first, second = build_context(settings, clock), build_context(settings, clock)
    try:
        prepare(first)
        handed: Counter[str] = Counter()
        first.delivery = _Recording(settings, handed, _slow_beside(clock, second))
        second.delivery = _Recording(settings, handed)
        with first.db.transaction() as session:
            for n in range(3):
                msg = first.delivery.new_email(f"c{n}@example.com", "Turno", "booking")
                msg.set_content("...")
                outbox.enqueue_email(session, first, msg, "booking")
        clock.advance(outbox.lease_s(settings))  # due, as if their request had died

        # The first process claims all three; by the third, that lease has run out and the
        # second process has claimed and sent it.
        assert outbox.deliver_due(first) == 2
        assert sorted(handed.values()) == [1, 1, 1]
        with first.db.transaction() as session:
            states = session.scalars(select(models.Outbox.state)).all()
        assert states == [outbox.SENT] * 3
    finally:
        first.db.dispose()
        second.db.dispose()


def test_a_closure_whose_notices_outlast_their_lease_hands_none_over_twice(
    tmp_path: Path,
) -> None:
    with start_embedded(tmp_path, demo=True) as svc:
        api = Api(svc.url, svc.credentials, svc.outbox)
        days = sorted(
            api.booked(api.verified_citizen(), api.find_slot(pick=n)["id"])["booking"]["start"][:10]
            for n in range(3)
        )
        # `turnos closures add` and a service's outbox worker, each a process of its own.
        clock = MovableClock()
        command, worker = build_context(svc.settings, clock), build_context(svc.settings, clock)
        try:
            handed: Counter[str] = Counter()
            command.delivery = _Recording(svc.settings, handed, _slow_beside(clock, worker))
            worker.delivery = _Recording(svc.settings, handed)
            first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
            outcome = add_closure(command, 171, first, last, "Cierre")
            assert (outcome.cancelled, outcome.notified, outcome.not_notified) == (3, 2, 1)
            assert sorted(handed.values()) == [1, 1, 1]
            with command.db.transaction() as session:
                query = select(models.Outbox).where(models.Outbox.kind == "cancellation")
                rows = session.scalars(query).all()
            assert {outbox.message_id(r.id) for r in rows} == set(handed)
            assert {r.state for r in rows} == {outbox.SENT}
        finally:
            command.db.dispose()
            worker.db.dispose()
