"""Check-in at the counter: checks in the order signature, state, agency, day, time.

A counter that lost the service verifies a slip offline and queues the check-in; when it is
sent later it carries `scanned_at`, and the turn's window is judged at that moment, so a citizen
seen on time is not recorded late because the network was down.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.domain.ids import IdType, InvalidId, parse_id
from kiosk.domain.token import TokenError, verify
from turnos import models
from turnos.context import AppContext
from turnos.errors import ApiError, ErrorCode
from turnos.models import ACTIVE
from turnos.services.booking import CANCELLED, CHECKED_IN, MISSED, booking_json, iso
from turnos.services.holds import rowcount
from turnos.services.slots import local_today
from turnos.services.tokens import Principal, Role

# A counter's clock may run a little ahead of the service's.
_CLOCK_SLACK_S = 120


class Result(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    CANCELLED = "cancelled"
    WRONG_AGENCY = "wrong_agency"
    WRONG_DAY = "wrong_day"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    INVALID = "invalid"


def _zone(session: Session, agency_id: int) -> str:
    agency = session.get(models.Agency, agency_id)
    return agency.time_zone if agency else "America/Guayaquil"


def _decide(
    session: Session, ctx: AppContext, staff: Principal, b: models.Booking, now: int
) -> tuple[Result, dict[str, Any]]:
    zone = _zone(session, b.agency_id)
    out = booking_json(b, zone)
    if b.state == CHECKED_IN:
        return Result.ALREADY_CHECKED_IN, out
    if b.state == CANCELLED:
        return Result.CANCELLED, out
    if staff.agency_id is not None and b.agency_id != staff.agency_id:
        return Result.WRONG_AGENCY, out
    if b.local_date != dt.datetime.fromtimestamp(now, ZoneInfo(zone)).date().isoformat():
        return Result.WRONG_DAY, out
    if now < b.start_at - ctx.settings.checkin_before_s:
        return Result.TOO_EARLY, out
    if now > b.start_at + ctx.settings.checkin_after_s or b.state != ACTIVE:
        return Result.TOO_LATE, out
    changed = rowcount(
        session.execute(
            update(models.Booking)
            .where(models.Booking.id == b.id, models.Booking.state == ACTIVE)
            .values(state=CHECKED_IN, checked_in_at=now)
        )
    )
    # Lost a race with another counter scanning the same slip: that one checked it in.
    if not changed:
        session.refresh(b)
        return Result.ALREADY_CHECKED_IN, booking_json(b, zone)
    out["state"] = CHECKED_IN
    out["checked_in_at"] = iso(now, zone)
    return Result.CHECKED_IN, out


def _scan_time(ctx: AppContext, now: int, scanned_at: int | None) -> int:
    """The moment the turn's window is judged at: now, or when a queued check-in was scanned."""
    if scanned_at is None:
        return now
    if scanned_at > now + _CLOCK_SLACK_S:
        raise ApiError(ErrorCode.INVALID_REQUEST, "scanned_at is in the future")
    if scanned_at < now - ctx.settings.checkin_queue_max_age_s:
        raise ApiError(ErrorCode.INVALID_REQUEST, "scanned_at is too old for a queued check-in")
    return min(scanned_at, now)


def check_in_token(
    ctx: AppContext, staff: Principal, token: str, scanned_at: int | None = None
) -> tuple[Result, dict[str, Any] | None]:
    now = ctx.now()
    at = _scan_time(ctx, now, scanned_at)
    with ctx.db.transaction() as session:
        try:
            claims = verify(token, ctx.signer.keyset(session, now), at)
        except TokenError:
            return Result.INVALID, None
        b = session.get(models.Booking, claims.booking_id.hex(), with_for_update=True)
        if b is None or b.code != claims.turn_code or b.agency_id != claims.agency_id:
            return Result.INVALID, None
        return _decide(session, ctx, staff, b, at)


def check_in_by_code(
    ctx: AppContext, staff: Principal, code: str, id_number: str
) -> tuple[Result, dict[str, Any] | None]:
    """For a slip that will not scan: today's turn code at the staff's agency and the id."""
    now = ctx.now()
    with ctx.db.transaction() as session:
        if staff.agency_id is None:
            raise ApiError(ErrorCode.FORBIDDEN, "only staff of an agency check in by code")
        agency = session.get(models.Agency, staff.agency_id)
        if agency is None:
            return Result.INVALID, None
        today = local_today(agency, now).isoformat()
        b = session.scalar(
            select(models.Booking)
            .where(
                models.Booking.agency_id == agency.id,
                models.Booking.local_date == today,
                models.Booking.code == code.strip().upper(),
            )
            .with_for_update()
        )
        if b is None or b.citizen_key is None:
            return Result.INVALID, None
        keys = set()
        for id_type in IdType:
            try:
                doc = parse_id(id_type, id_number)
            except InvalidId:
                continue
            keys.add(ctx.hasher.citizen_key(doc.type, doc.number))
        if b.citizen_key not in keys:
            return Result.INVALID, None
        return _decide(session, ctx, staff, b, now)


def agency_bookings(
    ctx: AppContext, who: Principal, agency_id: int, day: dt.date | None
) -> list[dict[str, Any]]:
    if who.role is Role.STAFF and who.agency_id != agency_id:
        raise ApiError(ErrorCode.FORBIDDEN, "staff see only their own agency")
    now = ctx.now()
    with ctx.db.transaction() as session:
        agency = session.get(models.Agency, agency_id)
        if agency is None:
            raise ApiError(ErrorCode.NOT_FOUND, "no such agency")
        wanted = day or dt.datetime.fromtimestamp(now, ZoneInfo(agency.time_zone)).date()
        rows = session.scalars(
            select(models.Booking)
            .where(
                models.Booking.agency_id == agency_id,
                models.Booking.local_date == wanted.isoformat(),
            )
            .order_by(models.Booking.start_at, models.Booking.code)
        ).all()
        missed_before = now - ctx.settings.checkin_after_s
        listed = []
        for b in rows:
            out = booking_json(b, agency.time_zone)
            if b.state == ACTIVE and b.start_at < missed_before:
                out["state"] = MISSED  # its check-in window has closed: a no-show
            listed.append(out)
        return listed
