"""Counter staff: check-in by token or by code, the day's turns of an agency."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from turnos.deps import Ctx, StaffCaller
from turnos.routes.common import parse_day, problems
from turnos.schemas import AgencyBookingsOut, CheckinByCodeIn, CheckinIn, CheckinOut
from turnos.services import checkin

router = APIRouter()


@router.post("/checkins", response_model=CheckinOut, responses=problems())
def check_in(ctx: Ctx, staff: StaffCaller, body: CheckinIn) -> dict[str, Any]:
    result, found = checkin.check_in_token(ctx, staff, body.token, body.scanned_at)
    return {"result": str(result), "booking": found}


@router.post("/checkins/by-code", response_model=CheckinOut, responses=problems())
def check_in_by_code(ctx: Ctx, staff: StaffCaller, body: CheckinByCodeIn) -> dict[str, Any]:
    result, found = checkin.check_in_by_code(ctx, staff, body.code, body.id_number)
    return {"result": str(result), "booking": found}


@router.get(
    "/agencies/{agency_id}/bookings", response_model=AgencyBookingsOut, responses=problems(404)
)
def agency_bookings(
    ctx: Ctx,
    who: StaffCaller,
    agency_id: Annotated[int, Path(ge=1, lt=2**31)],
    date: Annotated[str | None, Query(min_length=10, max_length=10)] = None,
) -> dict[str, Any]:
    day = parse_day(date, "date") if date is not None else None
    return {"bookings": checkin.agency_bookings(ctx, who, agency_id, day)}
