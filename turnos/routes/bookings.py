"""Holds and bookings of the citizen in session."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from fastapi.responses import JSONResponse

from turnos.deps import CitizenSession, Ctx, KioskCaller
from turnos.errors import ApiError, ErrorCode
from turnos.routes.common import problems, utc_iso
from turnos.schemas import BookingIn, ConfirmationOut, CurrentBookingsOut, HoldIn, HoldOut
from turnos.services import booking

router = APIRouter()


@router.post("/holds", response_model=HoldOut, status_code=201, responses=problems(404, 409))
def place_hold(
    ctx: Ctx, kiosk: KioskCaller, body: HoldIn, x_citizen_session: CitizenSession = None
) -> dict[str, Any]:
    hold = booking.place_hold(ctx, kiosk, x_citizen_session, body.slot)
    return {"id": hold.id, "expires_at": utc_iso(hold.expires_at)}


@router.delete("/holds/{hold_id}", status_code=204, responses=problems(404))
def release_hold(
    ctx: Ctx, kiosk: KioskCaller, hold_id: str, x_citizen_session: CitizenSession = None
) -> Response:
    booking.release_hold(ctx, kiosk, x_citizen_session, hold_id)
    return Response(status_code=204)


@router.post(
    "/bookings",
    response_model=ConfirmationOut,
    status_code=201,
    responses=problems(404, 409, 410),
)
def create_booking(
    ctx: Ctx,
    kiosk: KioskCaller,
    body: BookingIn,
    # Required in the signature, so the OpenAPI says so; a missing one is 400 invalid_request.
    idempotency_key: Annotated[str, Header(max_length=200)],
    x_citizen_session: CitizenSession = None,
) -> Any:
    if not idempotency_key.strip():
        raise ApiError(ErrorCode.INVALID_REQUEST, "the Idempotency-Key header is required")
    result = booking.create_booking(ctx, kiosk, x_citizen_session, body.hold, idempotency_key)
    return JSONResponse(result.body, status_code=result.status)


@router.get("/bookings/current", response_model=CurrentBookingsOut, responses=problems())
def current_bookings(
    ctx: Ctx, kiosk: KioskCaller, x_citizen_session: CitizenSession = None
) -> dict[str, Any]:
    return {"bookings": booking.current_bookings(ctx, kiosk, x_citizen_session)}


@router.delete("/bookings/{booking_id}", status_code=204, responses=problems(404))
def cancel_booking(
    ctx: Ctx, kiosk: KioskCaller, booking_id: str, x_citizen_session: CitizenSession = None
) -> Response:
    booking.cancel_booking(ctx, kiosk, x_citizen_session, booking_id)
    return Response(status_code=204)
