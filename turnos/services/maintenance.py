"""Operator tasks: closures (with notices to booked citizens) and the purge of personal data."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from turnos import models
from turnos.context import DAY_S, AppContext
from turnos.models import ACTIVE
from turnos.services.booking import cancel, iso
from turnos.services.delivery import DeliveryError

log = logging.getLogger("turnos.maintenance")


@dataclass(frozen=True)
class ClosureOutcome:
    closure_id: int
    cancelled: int
    notified: int


def add_closure(
    ctx: AppContext, agency_id: int, first: dt.date, last: dt.date, reason: str
) -> ClosureOutcome:
    """Close an agency for whole days; cancels the turns booked then and emails the citizens."""
    if last < first:
        raise ValueError("--to is before --from")
    now = ctx.now()
    notices: list[tuple[str, str, str]] = []
    with ctx.db.transaction() as session:
        agency = session.get(models.Agency, agency_id)
        if agency is None:
            raise ValueError(f"no agency {agency_id}")
        closure = models.Closure(
            agency_id=agency_id,
            from_date=first.isoformat(),
            to_date=last.isoformat(),
            reason=reason,
            created_at=now,
        )
        session.add(closure)
        session.flush()
        booked = session.scalars(
            select(models.Booking).where(
                models.Booking.agency_id == agency_id,
                models.Booking.state == ACTIVE,
                models.Booking.local_date >= first.isoformat(),
                models.Booking.local_date <= last.isoformat(),
            )
        ).all()
        cancelled = 0
        for b in booked:
            if cancel(session, b, now):
                cancelled += 1
                if b.email:
                    notices.append((b.email, b.code, iso(b.start_at, agency.time_zone)))
        closure_id = closure.id
    notified = 0
    for email, code, start in notices:
        msg = ctx.delivery.new_email(email, f"Turno IESS {code} cancelado", "cancellation")
        msg.set_content(
            f"Su turno {code} del {start} fue cancelado porque la agencia estará cerrada "
            f"({reason}). Por favor agende un nuevo turno.\n\n"
            f"Your turn {code} on {start} was cancelled because the agency will be closed "
            f"({reason}). Please book a new turn.\n"
        )
        try:
            ctx.delivery.send_email(msg)
            notified += 1
        except DeliveryError as exc:
            log.warning("cancellation notice not sent: %s", exc)
    return ClosureOutcome(closure_id, cancelled, notified)


@dataclass(frozen=True)
class PurgeOutcome:
    bookings: int
    verifications: int
    sessions: int
    other: int


def purge(ctx: AppContext) -> PurgeOutcome:
    """Remove personal data of finished turns older than the retention period, and stale rows."""
    now = ctx.now()
    cutoff = now - ctx.settings.retention_days * DAY_S
    with ctx.db.transaction() as session:
        bookings = _count(
            session.execute(
                update(models.Booking)
                .where(
                    models.Booking.end_at < cutoff,
                    models.Booking.purged_at.is_(None),
                )
                .values(
                    citizen_key=None,
                    contact_hash=None,
                    email=None,
                    phone=None,
                    masked_name="",
                    masked_id="",
                    token=None,
                    purged_at=now,
                )
            )
        )
        old_sessions = select(models.CitizenSession.id).where(
            models.CitizenSession.expires_at < now - ctx.settings.idempotency_ttl_s
        )
        other = _count(
            session.execute(
                delete(models.IdempotencyKey).where(
                    models.IdempotencyKey.created_at < now - ctx.settings.idempotency_ttl_s
                )
            )
        )
        other += _count(
            session.execute(
                delete(models.Hold).where(
                    models.Hold.state != ACTIVE, models.Hold.session_id.in_(old_sessions)
                )
            )
        )
        other += _count(
            session.execute(delete(models.SendLog).where(models.SendLog.sent_at < now - DAY_S))
        )
        verifications = _count(
            session.execute(
                delete(models.Verification).where(models.Verification.created_at < now - DAY_S)
            )
        )
        # Sessions still referenced by a hold or an idempotency key are kept for now.
        held = select(models.Hold.session_id)
        keyed = select(models.IdempotencyKey.session_id)
        sessions = _count(
            session.execute(
                delete(models.CitizenSession).where(
                    models.CitizenSession.id.in_(old_sessions),
                    models.CitizenSession.id.not_in(held),
                    models.CitizenSession.id.not_in(keyed),
                )
            )
        )
    return PurgeOutcome(bookings, verifications, sessions, other)


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
