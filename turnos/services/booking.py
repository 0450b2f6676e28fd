"""Holds and bookings.

Capacity: a hold takes a place with `UPDATE slots SET taken = taken + 1 WHERE id = ? AND
taken < capacity`; only the rows it changed count, so under any number of concurrent
requests and processes a slot never holds more than its capacity (and a CHECK constraint
refuses it besides). A booking turns its hold into the booking: the place stays taken.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select, true, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.domain.masking import ascii_masked
from kiosk.domain.token import Claims, expiry_for
from turnos import messages, models
from turnos.context import DAY_S, AppContext
from turnos.errors import ApiError, ErrorCode
from turnos.models import ACTIVE
from turnos.sealing import open_contact, seal_contact
from turnos.security import new_id
from turnos.services import outbox, ratelimit
from turnos.services import slots as slot_rules
from turnos.services.confirmation import confirmation_payload
from turnos.services.holds import end_hold, release_session_holds, rowcount, sweep_expired_holds
from turnos.services.tokens import Principal
from turnos.services.verification import citizen_session

BOOKED = "booked"
CANCELLED = "cancelled"
CHECKED_IN = "checked_in"
MISSED = "missed"


def mark_missed(session: Session, ctx: AppContext, citizen_key: str, now: int) -> None:
    """Turns whose check-in window has closed no longer count as the citizen's active turn."""
    session.execute(
        update(models.Booking)
        .where(
            models.Booking.citizen_key == citizen_key,
            models.Booking.state == ACTIVE,
            models.Booking.start_at < now - ctx.settings.checkin_after_s,
        )
        .values(state=MISSED)
    )


def _has_active_turn(session: Session, citizen_key: str, procedure_code: str) -> bool:
    return (
        session.scalar(
            select(models.Booking.id).where(
                models.Booking.citizen_key == citizen_key,
                models.Booking.procedure_code == procedure_code,
                models.Booking.state == ACTIVE,
            )
        )
        is not None
    )


def _registered_session(citizen: models.Citizen, cs: models.CitizenSession) -> bool:
    """A session opened with the registry's own email or mobile is the citizen's: it sees and
    cancels all their turns, whoever booked them. Any other session (a demo visitor) sees only
    the turns booked with its contact."""
    return cs.contact_hash in {citizen.email_hash, citizen.phone_hash} - {None}


def _same_owner(citizen: models.Citizen, cs: models.CitizenSession) -> ColumnElement[bool]:
    if _registered_session(citizen, cs):
        return true()
    return models.Booking.contact_hash == cs.contact_hash


def _citizen(session: Session, cs: models.CitizenSession) -> models.Citizen:
    citizen = session.get(models.Citizen, cs.citizen_id)
    assert citizen is not None
    return citizen


def _check_citizen_quota(
    session: Session, ctx: AppContext, citizen: models.Citizen, now: int
) -> None:
    """The institution's caps per citizen, any procedure: 2 bookings in 24 h, 4 in 7 days, 10
    in 30 days by default; else 429 `citizen_quota`, Retry-After until one more is allowed.

    Every booking made counts, cancelled, missed or attended alike: otherwise booking and
    cancelling would let a reseller hold turns in a name without end. The citizen's row is
    locked first, so two bookings of one citizen (other procedures, other kiosks, other
    processes) are counted one after the other (PostgreSQL; SQLite already runs them alone).
    """
    session.execute(
        select(models.Citizen.id).where(models.Citizen.id == citizen.id).with_for_update()
    )
    s = ctx.settings
    windows = (
        (DAY_S, s.citizen_bookings_per_day),
        (7 * DAY_S, s.citizen_bookings_per_week),
        (30 * DAY_S, s.citizen_bookings_per_month),
    )
    made = list(
        session.scalars(
            select(models.Booking.created_at)
            .where(
                models.Booking.citizen_key == citizen.citizen_key,
                models.Booking.created_at > now - max(w for w, _ in windows),
            )
            .order_by(models.Booking.created_at)
        )
    )
    wait = 0
    for window, limit in windows:
        counted = [at for at in made if at > now - window]
        if len(counted) >= limit:
            # One more is allowed once all but limit - 1 of them have left the window.
            wait = max(wait, counted[len(counted) - limit] + window - now)
    if wait:
        raise ApiError(
            ErrorCode.CITIZEN_QUOTA, "the citizen booked as often as allowed", retry_after=wait
        )


@dataclass(frozen=True)
class HoldOut:
    id: str
    expires_at: int


def place_hold(ctx: AppContext, kiosk: Principal, token: str | None, sid: str) -> HoldOut:
    now = ctx.now()
    with ctx.db.transaction() as session:
        cs = citizen_session(session, kiosk, token, now)
        parsed = slot_rules.parse_slot_id(sid)
        agency = session.get(models.Agency, parsed[0]) if parsed else None
        # An agency out of the kiosk's scope reads as unknown (docs/security.md).
        if parsed is None or agency is None or not kiosk.may_serve(agency):
            raise ApiError(ErrorCode.NOT_FOUND, "no such slot")
        procedure_code = parsed[1]
        if session.get(models.AgencyProcedure, (agency.id, procedure_code)) is None:
            raise ApiError(ErrorCode.NOT_FOUND, "no such slot")
        citizen = _citizen(session, cs)
        sweep_expired_holds(session, now)
        mark_missed(session, ctx, citizen.citizen_key, now)
        if _has_active_turn(session, citizen.citizen_key, procedure_code):
            raise ApiError(ErrorCode.ALREADY_BOOKED)
        calendar = slot_rules.Calendar(
            session, agency, procedure_code, now, ctx.settings.booking_days
        )
        spec = calendar.find(sid)
        if spec is None:
            raise ApiError(ErrorCode.SLOT_UNAVAILABLE, "the slot is not bookable")
        # One hold per session: a new one releases the old (possibly on this very slot).
        release_session_holds(session, cs.id, "released")
        slot_rules.ensure_slot_row(session, spec)
        taken = rowcount(
            session.execute(
                update(models.Slot)
                .where(models.Slot.id == spec.id, models.Slot.taken < models.Slot.capacity)
                .values(taken=models.Slot.taken + 1)
            )
        )
        if not taken:
            raise ApiError(ErrorCode.SLOT_UNAVAILABLE)
        hold = models.Hold(
            id=new_id(),
            session_id=cs.id,
            slot_id=spec.id,
            expires_at=now + ctx.settings.hold_ttl_s,
            state=ACTIVE,
            created_at=now,
        )
        session.add(hold)
        return HoldOut(hold.id, hold.expires_at)


def release_hold(ctx: AppContext, kiosk: Principal, token: str | None, hold_id: str) -> None:
    now = ctx.now()
    with ctx.db.transaction() as session:
        cs = citizen_session(session, kiosk, token, now)
        hold = session.get(models.Hold, hold_id)
        if hold is None or hold.session_id != cs.id:
            raise ApiError(ErrorCode.NOT_FOUND, "no such hold")
        end_hold(session, hold.id, hold.slot_id, "released")


def iso(epoch: int, zone: str) -> str:
    return dt.datetime.fromtimestamp(epoch, ZoneInfo(zone)).isoformat()


def booking_json(b: models.Booking, zone: str) -> dict[str, Any]:
    return {
        "id": b.id,
        "code": b.code,
        "agency": b.agency_id,
        "procedure": b.procedure_code,
        "start": iso(b.start_at, zone),
        "end": iso(b.end_at, zone),
        "masked_name": b.masked_name,
        "masked_id": b.masked_id,
        "state": b.state,
        "checked_in_at": None if b.checked_in_at is None else iso(b.checked_in_at, zone),
    }


def _next_turn_number(session: Session, agency_id: int, local_date: str) -> int:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(models.DayCounter)
        .values(agency_id=agency_id, local_date=local_date, last=0)
        .on_conflict_do_nothing()
    )
    return int(
        session.execute(
            update(models.DayCounter)
            .where(
                models.DayCounter.agency_id == agency_id,
                models.DayCounter.local_date == local_date,
            )
            .values(last=models.DayCounter.last + 1)
            .returning(models.DayCounter.last)
        ).scalar_one()
    )


def request_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def turn_facts(
    agency: models.Agency,
    procedure: models.Procedure,
    b: models.Booking,
    language: str,
    document_type: str | None = None,
) -> messages.TurnFacts:
    """The turn in the citizen's language: names, not codes; the time written out; what to
    bring by the document the citizen identified with (`IdType` value); the agency's hours."""
    lang = messages.language_of(language)
    en = lang == "en"
    zone = agency.time_zone
    return messages.TurnFacts(
        code=b.code,
        procedure=(procedure.name_en if en and procedure.name_en else procedure.name_es),
        agency=(agency.name_en if en and agency.name_en else agency.name_es),
        address=(agency.address_en if en and agency.address_en else agency.address_es),
        when=messages.written_when(
            messages.local_time(b.start_at, zone), messages.local_time(b.end_at, zone), lang
        ),
        documents=messages.documents_for(procedure.requirements, document_type, lang),
        hours=messages.written_hours(agency.hours, lang),
    )


@dataclass(frozen=True)
class BookingResult:
    status: int
    body: dict[str, Any]
    # Set only when the booking was made now (not on an idempotent replay): its confirmation.
    confirmation: outbox.Queued | None = None


def create_booking(
    ctx: AppContext, kiosk: Principal, token: str | None, hold_id: str, key: str
) -> BookingResult:
    """Book the held slot; the same Idempotency-Key and body give the same answer again."""
    ratelimit.spend(ctx, kiosk, ratelimit.Budget.BOOKINGS)
    try:
        result = _create_booking(ctx, kiosk, token, hold_id, key)
    except IntegrityError:
        # A concurrent request won a unique constraint (same key, or the one-turn rule):
        # the retry sees its committed row and answers accordingly.
        result = _create_booking(ctx, kiosk, token, hold_id, key)
    if result.confirmation:
        # Committed with the booking, due at once: this process's outbox worker draws the QR
        # and hands it over (or any process's, with back-off after a failure); the booking
        # stands and the kiosk prints the slip meanwhile.
        outbox.wake()
    return result


def _create_booking(
    ctx: AppContext, kiosk: Principal, token: str | None, hold_id: str, key: str
) -> BookingResult:
    now = ctx.now()
    digest = request_hash({"hold": hold_id})
    with ctx.db.transaction() as session:
        cs = citizen_session(session, kiosk, token, now)
        seen = session.scalar(
            select(models.IdempotencyKey).where(
                models.IdempotencyKey.session_id == cs.id, models.IdempotencyKey.key == key
            )
        )
        if seen is not None:
            if seen.request_hash != digest:
                raise ApiError(
                    ErrorCode.INVALID_REQUEST, "Idempotency-Key reused with another request"
                )
            return BookingResult(seen.status, seen.response)
        hold = session.get(models.Hold, hold_id, with_for_update=True)
        if hold is None or hold.session_id != cs.id:
            raise ApiError(ErrorCode.NOT_FOUND, "no such hold")
        if hold.state != ACTIVE or hold.expires_at <= now:
            raise ApiError(ErrorCode.HOLD_EXPIRED)
        citizen = _citizen(session, cs)
        slot = session.get(models.Slot, hold.slot_id)
        assert slot is not None
        mark_missed(session, ctx, citizen.citizen_key, now)
        if _has_active_turn(session, citizen.citizen_key, slot.procedure_code):
            raise ApiError(ErrorCode.ALREADY_BOOKED)
        _check_citizen_quota(session, ctx, citizen, now)
        if not rowcount(
            session.execute(
                update(models.Hold)
                .where(models.Hold.id == hold.id, models.Hold.state == ACTIVE)
                .values(state=BOOKED)
            )
        ):
            raise ApiError(ErrorCode.HOLD_EXPIRED)
        agency = session.get(models.Agency, slot.agency_id)
        procedure = session.get(models.Procedure, slot.procedure_code)
        assert agency is not None
        assert procedure is not None
        zone = ZoneInfo(agency.time_zone)
        start_local = dt.datetime.fromtimestamp(slot.start_at, zone)
        local_date = start_local.date().isoformat()
        number = _next_turn_number(session, agency.id, local_date)
        code = f"{procedure.prefix}-{number:03d}"
        booking_id = secrets.token_bytes(8)
        masked_ascii = ascii_masked(citizen.masked_id)
        claims = Claims(
            issuer=ctx.settings.issuer,
            issued_at=now,
            expires_at=expiry_for(start_local, agency.time_zone, ctx.settings.token_grace_s),
            booking_id=booking_id,
            turn_code=code,
            agency_id=agency.id,
            procedure_code=procedure.code,
            turn_start=slot.start_at,
            masked_id=masked_ascii,
        )
        signed = ctx.signer.sign(session, claims)
        contact = open_contact(ctx.sealer, models.CitizenSession.__tablename__, cs.email, cs.phone)
        booking = models.Booking(
            id=booking_id.hex(),
            slot_id=slot.id,
            agency_id=agency.id,
            procedure_code=procedure.code,
            local_date=local_date,
            code=code,
            start_at=slot.start_at,
            end_at=slot.end_at,
            citizen_key=citizen.citizen_key,
            contact_hash=cs.contact_hash,
            **seal_contact(ctx.sealer, models.Booking.__tablename__, contact),
            language=cs.language,
            masked_name=citizen.masked_name,
            masked_id=citizen.masked_id,
            token=signed,
            state=ACTIVE,
            created_at=now,
        )
        session.add(booking)
        body = {"booking": booking_json(booking, agency.time_zone), "token": signed}
        session.add(
            models.IdempotencyKey(
                session_id=cs.id,
                key=key,
                request_hash=digest,
                status=201,
                response=body,
                created_at=now,
            )
        )
        session.flush()
        facts = turn_facts(agency, procedure, booking, cs.language, citizen.id_type)
        confirmation = None
        if contact.email:
            payload = confirmation_payload(ctx, contact.email, facts, signed, cs.language)
            confirmation = outbox.enqueue_confirmation(
                session, ctx, contact.email, payload, "booking"
            )
        return BookingResult(201, body, confirmation)


def current_bookings(ctx: AppContext, kiosk: Principal, token: str | None) -> list[dict[str, Any]]:
    now = ctx.now()
    with ctx.db.transaction() as session:
        cs = citizen_session(session, kiosk, token, now)
        citizen = _citizen(session, cs)
        mark_missed(session, ctx, citizen.citizen_key, now)
        rows = session.execute(
            select(models.Booking, models.Agency.time_zone)
            .join(models.Agency, models.Agency.id == models.Booking.agency_id)
            .where(
                models.Booking.citizen_key == citizen.citizen_key,
                _same_owner(citizen, cs),
                models.Booking.state == ACTIVE,
            )
            .order_by(models.Booking.start_at)
        ).all()
        return [{**booking_json(b, zone), "token": b.token} for b, zone in rows]


def cancel_booking(ctx: AppContext, kiosk: Principal, token: str | None, booking_id: str) -> None:
    now = ctx.now()
    with ctx.db.transaction() as session:
        cs = citizen_session(session, kiosk, token, now)
        citizen = _citizen(session, cs)
        b = session.get(models.Booking, booking_id)
        if (
            b is None
            or b.citizen_key != citizen.citizen_key
            or not (_registered_session(citizen, cs) or b.contact_hash == cs.contact_hash)
            or b.state != ACTIVE
        ):
            raise ApiError(ErrorCode.NOT_FOUND, "no such active booking")
        cancel(session, b, now)


def cancel(session: Session, b: models.Booking, now: int) -> bool:
    changed = rowcount(
        session.execute(
            update(models.Booking)
            .where(models.Booking.id == b.id, models.Booking.state == ACTIVE)
            .values(state=CANCELLED, cancelled_at=now)
        )
    )
    if changed:
        session.execute(
            update(models.Slot)
            .where(models.Slot.id == b.slot_id)
            .values(taken=models.Slot.taken - 1)
        )
    return bool(changed)
