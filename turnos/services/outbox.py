"""The transactional outbox: every message to a citizen is a row first, then a hand-over.

A code, a booking confirmation or a closure notice is written to `outbox` in the transaction
of the change that causes it, so a process killed at any moment after the commit still has it.
A code's row is born claimed by the request that wrote it (`next_attempt_at` a lease ahead):
that request hands it over right after the commit and marks it sent, because the citizen at the
kiosk waits for it. A booking confirmation is born due instead (`enqueue_confirmation`: its
facts, not the mail): the request only wakes this process's worker and answers, and the worker
builds the mail, draws its QR and hands it over (nothing slow inside the request).
`OutboxWorker`, one per service process, hands over whatever is due and not sent: those
confirmations, a request that died between commit and hand-over (once the lease has run out),
or a failed hand-over (exponential back-off).
Claiming pushes `next_attempt_at` a lease ahead in a short transaction (PostgreSQL:
`FOR UPDATE SKIP LOCKED`; SQLite has one writer anyway), so two processes never hand over
one row at the same time. A lease covers one hand-over: a process handing over several rows in
turn (a worker's batch, a closure's notices) renews each lease just before its hand-over, and
leaves a row whose lease ran out and that another process claimed meanwhile to that process.

Once each: the email's Message-ID and the SMS gateway's `Idempotency-Key` come from the row's
id, and the row is marked sent right after the hand-over. A process killed after the server
accepted a message and before that mark hands it over again after the lease, with the same
Message-ID or key, which receivers collapse. A code that fails its immediate hand-over is
given up (`dead`): the citizen at the kiosk is told at once and may use the other channel.
"""

from __future__ import annotations

import email
import email.policy
import json
import logging
import math
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from email.message import EmailMessage

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.domain.contact import mask_email, mask_phone
from turnos import models
from turnos.context import AppContext
from turnos.services.delivery import DeliveryError
from turnos.settings import Settings

log = logging.getLogger("turnos.outbox")

PENDING, SENT, DEAD = "pending", "sent", "dead"
CODE_KIND = "verification"
LEASE_MARGIN_S = 5
POLL_S = 1.0
BATCH = 20
MESSAGE_ID_DOMAIN = "turnos.invalid"
_PAYLOAD = "outbox.payload"  # its column, sealed at rest (turnos.sealing)
# turnos.services.confirmation.PAYLOAD_PREFIX: a confirmation queued as its facts.
_CONFIRMATION = b'{"confirmation":'


@dataclass(frozen=True)
class Queued:
    """An outbox row as its hand-over needs it."""

    id: str
    kind: str
    channel: str
    payload: bytes
    # The row's `next_attempt_at` as this process last set it: its lease, while it holds one.
    leased_until: int


def lease_s(settings: Settings) -> int:
    """Long enough for one hand-over to finish or time out before anyone else may try it."""
    return math.ceil(max(settings.smtp_timeout_s, settings.sms_timeout_s)) * 2 + LEASE_MARGIN_S


def backoff_s(settings: Settings, attempts: int) -> int:
    """The wait after `attempts` failed hand-overs: the base, doubled per failure after the
    first, capped."""
    doubled = settings.outbox_backoff_base_s * 2 ** max(attempts - 1, 0)
    return int(min(doubled, settings.outbox_backoff_cap_s))


def message_id(row_id: str) -> str:
    return f"<{row_id}@{MESSAGE_ID_DOMAIN}>"


def _add(
    session: Session,
    ctx: AppContext,
    row_id: str,
    kind: str,
    channel: str,
    payload: bytes,
    recipient: str,
    claimed: bool = True,
) -> Queued:
    now = ctx.now()
    # Claimed: leased to the writing request, which hands it over. Else due now, for a worker.
    leased_until = now + lease_s(ctx.settings) if claimed else now
    queued = Queued(row_id, kind, channel, payload, leased_until)
    session.add(
        models.Outbox(
            id=row_id,
            kind=kind,
            channel=channel,
            recipient=recipient,
            # Sealed at rest: it holds the address and, for a code, the code itself.
            payload=ctx.sealer.seal_bytes(payload, _PAYLOAD),
            state=PENDING,
            created_at=now,
            attempts=0,
            next_attempt_at=queued.leased_until,
        )
    )
    return queued


def enqueue_email(session: Session, ctx: AppContext, message: EmailMessage, kind: str) -> Queued:
    """Add `message` to the outbox in `session`'s transaction; its Message-ID becomes the row's."""
    row_id = secrets.token_hex(16)
    del message["Message-ID"]
    message["Message-ID"] = message_id(row_id)
    payload = message.as_bytes(policy=email.policy.default)
    return _add(session, ctx, row_id, kind, "email", payload, mask_email(str(message["To"])))


def enqueue_confirmation(
    session: Session, ctx: AppContext, to: str, payload: bytes, kind: str
) -> Queued:
    """Add a booking confirmation's facts (`confirmation.confirmation_payload`), due at once for
    a worker, which builds the mail with the row's Message-ID: call `wake` after the commit."""
    row_id = secrets.token_hex(16)
    return _add(session, ctx, row_id, kind, "email", payload, mask_email(to), claimed=False)


def enqueue_sms(session: Session, ctx: AppContext, phone: str, text: str, kind: str) -> Queued:
    payload = json.dumps({"to": phone, "text": text}).encode()
    return _add(session, ctx, secrets.token_hex(16), kind, "sms", payload, mask_phone(phone))


def _hand_over(ctx: AppContext, queued: Queued) -> None:
    if queued.channel == "email":
        if queued.payload.startswith(_CONFIRMATION):
            # A confirmation's mail and QR are made here, off the booking request.
            from turnos.services.confirmation import confirmation_message

            msg = confirmation_message(queued.payload, message_id(queued.id))
        else:
            parsed = email.message_from_bytes(queued.payload, policy=email.policy.default)
            assert isinstance(parsed, EmailMessage)
            msg = parsed
        ctx.delivery.send_email(msg)
    else:
        sms = json.loads(queued.payload)
        ctx.delivery.send_sms(sms["to"], sms["text"], queued.kind, key=queued.id)


def deliver(ctx: AppContext, queued: Queued) -> str | None:
    """Hand the row over now and record the outcome: None when sent, else why not (no address).

    A failed code is given up; anything else waits for the worker's next try."""
    try:
        _hand_over(ctx, queued)
    except DeliveryError as exc:
        _record_failure(ctx, queued, str(exc))
        return str(exc)
    _record(ctx, queued.id, state=SENT, sent_at=ctx.now(), payload=None, last_error=None)
    return None


def _record_failure(ctx: AppContext, queued: Queued, error: str) -> None:
    now = ctx.now()
    with ctx.db.transaction() as session:
        attempts = session.scalar(
            select(models.Outbox.attempts).where(models.Outbox.id == queued.id)
        )
    tries = (attempts or 0) + 1
    if queued.kind == CODE_KIND:
        # The citizen is told at once (503 delivery_failed); nobody waits for a retry.
        _record(ctx, queued.id, state=DEAD, payload=None, last_error=error[:200])
        log.info("code message %s not sent: %s", queued.id, error)
    elif tries >= ctx.settings.outbox_max_attempts:
        _record(ctx, queued.id, state=DEAD, payload=None, last_error=error[:200])
        log.warning("%s message %s given up: %s", queued.kind, queued.id, error)
    else:
        _record(
            ctx,
            queued.id,
            next_attempt_at=now + backoff_s(ctx.settings, tries),
            last_error=error[:200],
        )
        log.warning("%s message %s not sent, will retry: %s", queued.kind, queued.id, error)


def _record(ctx: AppContext, row_id: str, **values: object) -> None:
    """One attempt's outcome; a database that fails here leaves the row to the worker."""
    try:
        with ctx.db.transaction() as session:
            session.execute(
                update(models.Outbox)
                .where(models.Outbox.id == row_id, models.Outbox.state == PENDING)
                .values(attempts=models.Outbox.attempts + 1, **values)
            )
    except SQLAlchemyError as exc:
        log.warning("outbox row %s not updated: %s", row_id, type(exc).__name__)


def claim_due(ctx: AppContext, limit: int = BATCH) -> list[Queued]:
    """Claim rows that are due (lease ahead); codes older than their validity are given up."""
    now = ctx.now()
    lease = lease_s(ctx.settings)
    claimed: list[Queued] = []
    with ctx.db.transaction() as session:
        rows = session.scalars(
            select(models.Outbox)
            .where(models.Outbox.state == PENDING, models.Outbox.next_attempt_at <= now)
            .order_by(models.Outbox.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        for row in rows:
            if row.kind == CODE_KIND and now - row.created_at >= ctx.settings.code_ttl_s:
                row.state, row.payload, row.last_error = DEAD, None, "expired before delivery"
                continue
            row.next_attempt_at = now + lease
            assert row.payload is not None
            payload = ctx.sealer.open_bytes(row.payload, _PAYLOAD)
            claimed.append(Queued(row.id, row.kind, row.channel, payload, now + lease))
    return claimed


def renew_lease(ctx: AppContext, queued: Queued) -> Queued | None:
    """A fresh lease on a row this process wrote or claimed; None if the row is no longer its
    to hand over: sent, given up, or its lease ran out and another process claimed it."""
    leased_until = ctx.now() + lease_s(ctx.settings)
    with ctx.db.transaction() as session:
        renewed = session.scalar(
            update(models.Outbox)
            .where(
                models.Outbox.id == queued.id,
                models.Outbox.state == PENDING,
                # Unchanged since this process set it: nobody else has claimed the row since.
                models.Outbox.next_attempt_at == queued.leased_until,
            )
            .values(next_attempt_at=leased_until)
            .returning(models.Outbox.id)
        )
    return None if renewed is None else replace(queued, leased_until=leased_until)


def deliver_all(ctx: AppContext, rows: Iterable[Queued]) -> int:
    """Hand rows over one after another; the number sent.

    One lease covers one hand-over, and the rows before may take longer than that: each lease is
    renewed just before its hand-over, and a row another process has claimed meanwhile is left
    to it rather than handed over twice."""
    sent = 0
    for queued in rows:
        held = renew_lease(ctx, queued)
        if held is not None and deliver(ctx, held) is None:
            sent += 1
    return sent


def deliver_due(ctx: AppContext) -> int:
    """Claim and hand over what is due; the number sent."""
    return deliver_all(ctx, claim_due(ctx))


# Each running worker's wake-up call (`wake`): a request that queued a row for the workers.
_wakers: set[threading.Event] = set()
_wakers_lock = threading.Lock()


def wake() -> None:
    """Make this process's workers look for due rows now instead of at their next poll."""
    with _wakers_lock:
        for event in _wakers:
            event.set()


class OutboxWorker:
    """A daemon thread of one service process that delivers what is due, every `poll_s` or
    at once when woken (`wake`)."""

    def __init__(self, ctx: AppContext, poll_s: float = POLL_S) -> None:
        self.ctx = ctx
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._woken = threading.Event()
        self._thread = threading.Thread(target=self._run, name="turnos-outbox", daemon=True)

    def start(self) -> OutboxWorker:
        with _wakers_lock:
            _wakers.add(self._woken)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._woken.set()
        with _wakers_lock:
            _wakers.discard(self._woken)
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            self._woken.wait(self.poll_s)
            self._woken.clear()
            if self._stop.is_set():
                return
            try:
                while not self._stop.is_set() and deliver_due(self.ctx):
                    pass  # a full batch may have more behind it
            except Exception as exc:  # a database outage: try again next round
                log.warning("outbox round failed: %s", type(exc).__name__)


def start_worker(ctx: AppContext) -> OutboxWorker:
    return OutboxWorker(ctx).start()
