"""Operator tasks: closures (with notices to booked citizens) and the purge of personal data."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from turnos import messages, models
from turnos.context import DAY_S, AppContext
from turnos.models import ACTIVE
from turnos.sealing import open_contact
from turnos.services import outbox
from turnos.services.booking import cancel, turn_facts

log = logging.getLogger("turnos.maintenance")


@dataclass(frozen=True)
class ClosureOutcome:
    closure_id: int
    cancelled: int
    notified: int
    # Cancelled turns whose citizen could not be told now (no contact, or the hand-over
    # failed: the service's outbox worker tries those again with back-off), or whose notice
    # that worker took over (turnos.services.outbox.deliver_all).
    not_notified: int = 0


def add_closure(
    ctx: AppContext, agency_id: int, first: dt.date, last: dt.date, reason: str
) -> ClosureOutcome:
    """Close an agency for whole days; cancel the turns booked then and tell their citizens.

    Each citizen is told by email when the booking has one, else by SMS, through
    `ctx.delivery` (the outbox in demo mode, SMTP and the SMS gateway otherwise). The notices
    are written to the outbox with the cancellations and handed over after the commit; one
    that fails is retried by the service's outbox worker (turnos.services.outbox). If a turn
    would need a channel that is not configured, nothing is changed: a citizen is never
    cancelled silently for want of configuration.
    """
    if last < first:
        raise ValueError("--to is before --from")
    reason = reason.strip()
    if not reason:
        raise ValueError("--reason is empty")
    now = ctx.now()
    notices: list[outbox.Queued] = []
    uncontactable = 0
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
                notice = _notice(session, ctx, b, facts, reason)
                if notice is None:
                    uncontactable += 1
                else:
                    notices.append(notice)
        closure_id = closure.id
    # Committed with the notices: the turns are cancelled and their citizens will be told. A long
    # list may outlast the notices' first lease: one a service's outbox worker has claimed by
    # then is left to it (not notified by this command, and not handed over twice).
    notified = outbox.deliver_all(ctx, notices)
    return ClosureOutcome(closure_id, cancelled, notified, uncontactable + len(notices) - notified)


def _notice(
    session: Session,
    ctx: AppContext,
    b: models.Booking,
    facts: messages.TurnFacts,
    reason: str,
) -> outbox.Queued | None:
    language = messages.language_of(b.language)
    contact = open_contact(ctx.sealer, models.Booking.__tablename__, b.email, b.phone)
    if contact.email:
        mail = messages.cancellation_mail(facts, reason, language)
        msg = ctx.delivery.new_email(contact.email, mail.subject, "cancellation")
        msg.set_content(mail.text)
        msg["Content-Language"] = language  # after set_content, which clears it
        return outbox.enqueue_email(session, ctx, msg, "cancellation")
    if contact.phone:
        text = messages.cancellation_sms(facts, language)
        return outbox.enqueue_sms(session, ctx, contact.phone, text, "cancellation")
    return None


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
        # Messages sent or given up: their payload is empty already; the row goes after a day.
        other += _count(
            session.execute(
                delete(models.Outbox).where(
                    models.Outbox.state != outbox.PENDING, models.Outbox.created_at < now - DAY_S
                )
            )
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
