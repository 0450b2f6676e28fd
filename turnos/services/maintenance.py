"""Operator tasks: closures (with notices to booked citizens) and the purge of personal data."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from turnos import messages, models
from turnos.context import DAY_S, AppContext
from turnos.models import ACTIVE
from turnos.services.booking import cancel, turn_facts
from turnos.services.delivery import DeliveryError

log = logging.getLogger("turnos.maintenance")


@dataclass(frozen=True)
class ClosureOutcome:
    closure_id: int
    cancelled: int
    notified: int
    # Cancelled turns whose citizen could not be told (no contact, or the hand-over failed).
    not_notified: int = 0


@dataclass(frozen=True)
class _Notice:
    email: str | None
    phone: str | None
    language: str
    facts: messages.TurnFacts


def add_closure(
    ctx: AppContext, agency_id: int, first: dt.date, last: dt.date, reason: str
) -> ClosureOutcome:
    """Close an agency for whole days; cancel the turns booked then and tell their citizens.

    Each citizen is told by email when the booking has one, else by SMS, through
    `ctx.delivery` (the outbox in demo mode, SMTP and the SMS gateway otherwise). If a turn
    would need a channel that is not configured, nothing is changed: a citizen is never
    cancelled silently for want of configuration.
    """
    if last < first:
        raise ValueError("--to is before --from")
    reason = reason.strip()
    if not reason:
        raise ValueError("--reason is empty")
    now = ctx.now()
    notices: list[_Notice] = []
    with ctx.db.transaction() as session:
        agency = session.get(models.Agency, agency_id)
        if agency is None:
            raise ValueError(f"no agency {agency_id}")
        booked = session.scalars(
            select(models.Booking)
            .where(
                models.Booking.agency_id == agency_id,
                models.Booking.state == ACTIVE,
                models.Booking.local_date >= first.isoformat(),
                models.Booking.local_date <= last.isoformat(),
            )
            .order_by(models.Booking.start_at)
        ).all()
        if any(b.email for b in booked) and not ctx.delivery.can_email:
            raise ValueError(
                "booked citizens must be emailed but no mail delivery is configured "
                "(TURNOS_SMTP_HOST or TURNOS_OUTBOX_DIR); nothing was changed"
            )
        if any(b.phone and not b.email for b in booked) and not ctx.delivery.can_sms:
            raise ValueError(
                "booked citizens must be sent an SMS but no SMS gateway is configured "
                "(TURNOS_SMS_GATEWAY_URL or TURNOS_OUTBOX_DIR); nothing was changed"
            )
        closure = models.Closure(
            agency_id=agency_id,
            from_date=first.isoformat(),
            to_date=last.isoformat(),
            reason=reason,
            created_at=now,
        )
        session.add(closure)
        session.flush()
        cancelled = 0
        for b in booked:
            if cancel(session, b, now):
                cancelled += 1
                procedure = session.get(models.Procedure, b.procedure_code)
                assert procedure is not None
                facts = turn_facts(agency, procedure, b, b.language)
                notices.append(_Notice(b.email, b.phone, b.language, facts))
        closure_id = closure.id
    # Committed first: the turns are cancelled whatever happens to the messages.
    notified = sum(_notify(ctx, notice, reason) for notice in notices)
    return ClosureOutcome(closure_id, cancelled, notified, len(notices) - notified)


def _notify(ctx: AppContext, notice: _Notice, reason: str) -> bool:
    language = messages.language_of(notice.language)
    try:
        if notice.email:
            mail = messages.cancellation_mail(notice.facts, reason, language)
            msg = ctx.delivery.new_email(notice.email, mail.subject, "cancellation")
            msg.set_content(mail.text)
            msg["Content-Language"] = language  # after set_content, which clears it
            ctx.delivery.send_email(msg)
        elif notice.phone:
            ctx.delivery.send_sms(
                notice.phone, messages.cancellation_sms(notice.facts, language), "cancellation"
            )
        else:
            return False
    except DeliveryError as exc:
        log.warning("cancellation notice of turn %s not sent: %s", notice.facts.code, exc)
        return False
    return True


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
