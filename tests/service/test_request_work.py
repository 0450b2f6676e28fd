"""What a request does itself, and what it leaves to others (docs/architecture.md, "Requests").

- A booking request draws no QR and builds no mail: it queues the confirmation's facts, and the
  outbox worker builds the same mail, QR included, off the request.
- A kiosk's token check and its rate-limit spend are one transaction; a granted spend is one
  statement, on SQLite and on PostgreSQL.
- On SQLite, work that only reads never waits for the writer lock: a GET answers while another
  connection holds it, where a writing request waits.
"""

from __future__ import annotations

import io
import sqlite3
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import requests
import zxingcpp
from PIL import Image
from sqlalchemy import event, select

from tests.service.helpers import Api, confirmation_in
from turnos import messages, models
from turnos.clock import MovableClock
from turnos.db import Database
from turnos.embedded import EmbeddedService, start_embedded
from turnos.migrate import upgrade
from turnos.services import confirmation, outbox, ratelimit

FACTS = messages.TurnFacts(
    code="CP-007",
    procedure="Clave patronal",
    agency="Agencia Quito Norte",
    address="Av. Amazonas N35-17",
    when="jueves 3 de diciembre de 2026, de 09:00 a 09:20",
    documents=(messages.Document("Cédula", "original", None),),
    hours="lunes a viernes, de 08:00 a 17:00",
)
TOKEN = "TRN1:" + "6BFOXN%TS3DH" * 20


def _qr_text(png: bytes) -> str:
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return str(found.text)


def _shape(msg: EmailMessage) -> list[tuple[str, list[tuple[str, str]], bytes]]:
    """Every part: its type, its headers (the random Content-ID left out) and its content."""
    cid = next(str(p["Content-ID"]) for p in msg.walk() if p["Content-ID"])
    out = []
    for part in msg.walk():
        headers = [
            (k, str(v).replace(cid[1:-1], "CID")) for k, v in part.items() if k != "Content-ID"
        ]
        body = b"" if part.is_multipart() else part.get_payload(decode=True)
        assert isinstance(body, bytes)
        out.append((part.get_content_type(), headers, body.replace(cid[1:-1].encode(), b"CID")))
    return out


def test_the_worker_builds_the_same_mail_the_booking_used_to_build(
    service: EmbeddedService,
) -> None:
    ctx = service.context
    at_once = confirmation.confirmation_email(ctx, "ana@example.com", FACTS, TOKEN, "es")
    payload = confirmation.confirmation_payload(ctx, "ana@example.com", FACTS, TOKEN, "es")
    assert confirmation.is_confirmation_payload(payload)
    assert b"PNG" not in payload  # facts, not a mail
    assert b"Content-Type" not in payload
    del at_once["Message-ID"]
    at_once["Message-ID"] = outbox.message_id("ab12")  # as the outbox's enqueue set it
    built = confirmation.confirmation_message(payload, outbox.message_id("ab12"))
    # The Date is the booking's (set when the facts were queued); the rest byte for byte.
    assert built["Date"].datetime.timestamp() - at_once["Date"].datetime.timestamp() < 2
    del built["Date"], at_once["Date"]
    assert _shape(built) == _shape(at_once)
    [png] = [p.get_content() for p in built.walk() if p.get_content_type() == "image/png"]
    assert _qr_text(png) == TOKEN


@pytest.fixture
def qr_drawn_on() -> Iterator[list[str]]:
    """The name of the thread each QR of a confirmation is drawn on, while the test runs."""
    threads: list[str] = []
    real = confirmation.qr_png

    def recording(token: str) -> bytes:
        threads.append(threading.current_thread().name)
        return real(token)

    confirmation.qr_png = recording
    try:
        yield threads
    finally:
        confirmation.qr_png = real


def test_a_booking_request_leaves_the_mail_and_its_qr_to_the_outbox_worker(
    api: Api, service: EmbeddedService, qr_drawn_on: list[str]
) -> None:
    citizen = api.verified_citizen()
    body = api.booked(citizen, api.find_slot(pick=40)["id"])
    mail = confirmation_in(api.outbox, citizen.email)
    # Drawn once, by the outbox worker: never on a thread serving a request.
    assert qr_drawn_on == ["turnos-outbox"]
    [png] = [p.get_content() for p in mail.walk() if p.get_content_type() == "image/png"]
    assert _qr_text(png) == body["token"]
    assert body["booking"]["code"] in str(mail["Subject"])
    with service.context.db.transaction() as session:
        row = session.scalar(
            select(models.Outbox).where(models.Outbox.id == mail["Message-ID"][1:33])
        )
    assert row is not None
    assert (row.kind, row.state, row.attempts) == ("booking", "sent", 1)


# --- the rate limit: one statement when granted ----------------------------------------------


@pytest.fixture
def database(fresh_database: str | None, tmp_path: Path) -> Iterator[Database]:
    db = Database(fresh_database or f"sqlite:///{tmp_path / 'limits.db'}")
    upgrade(db)
    try:
        yield db
    finally:
        db.dispose()


def test_a_granted_spend_is_one_statement_and_a_refusal_says_how_long_to_wait(
    database: Database,
) -> None:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if not sql.startswith(("BEGIN", "SELECT 1")):  # the begin and the pool's ping
            statements.append(sql)

    key = f"kiosk:test-{id(statements)}"
    event.listen(database.engine, "before_cursor_execute", count)
    try:
        granted = [ratelimit.take(database, key, 1000.0, 60, 3) for _ in range(3)]
        assert granted == [None, None, None]
        assert len(statements) == 3  # one INSERT ... ON CONFLICT DO UPDATE ... RETURNING each
        assert ratelimit.take(database, key, 1000.0, 60, 3) == 1  # a token a second
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    # The bucket refills with time, up to the burst, and never backwards.
    assert ratelimit.take(database, key, 1001.0, 60, 3) is None
    assert ratelimit.take(database, key, 990.0, 60, 3) == 1
    assert [ratelimit.take(database, key, 2000.0, 60, 3) for _ in range(4)] == [None] * 3 + [1]


def test_a_kiosk_request_checks_its_token_and_spends_in_one_transaction(
    api: Api, service: EmbeddedService
) -> None:
    begun: list[str] = []

    def on_begin(_conn: Any) -> None:
        begun.append(threading.current_thread().name)

    engine = service.context.db.engine
    event.listen(engine, "begin", on_begin)
    try:
        r = requests.get(api.url + "/v1/catalog", headers=api.kiosk, timeout=10)
    finally:
        event.remove(engine, "begin", on_begin)
    assert r.status_code == 200
    worker = [t for t in begun if t == "turnos-outbox"]
    assert len(begun) - len(worker) == 2  # the token and its spend; the catalogue's read


# --- SQLite: reads do not queue behind the writer ------------------------------------------------


@pytest.fixture
def sqlite_service(tmp_path: Path) -> Iterator[EmbeddedService]:
    svc = start_embedded(tmp_path, demo=True, clock=MovableClock())
    try:
        yield svc
    finally:
        svc.stop()


def test_on_sqlite_a_get_answers_while_another_connection_holds_the_writer_lock(
    sqlite_service: EmbeddedService,
) -> None:
    svc = sqlite_service
    operator = {"Authorization": f"Bearer {svc.credentials['operator_token']}"}
    kiosk = {"Authorization": f"Bearer {svc.credentials['kiosk_token']}"}
    holder = sqlite3.connect(svc.settings.data_dir / "turnos.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # an operator command writing, say
    try:
        for path in ("/v1/kiosks", "/v1/keys", "/v1/health/ready"):
            r = requests.get(svc.url + path, headers=operator, timeout=5)
            assert r.status_code == 200, (path, r.text)
        # A request that writes (a kiosk spends its rate limit) does wait for the lock.
        with pytest.raises(requests.Timeout):
            requests.get(svc.url + "/v1/catalog", headers=kiosk, timeout=1.5)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert requests.get(svc.url + "/v1/catalog", headers=kiosk, timeout=10).status_code == 200
