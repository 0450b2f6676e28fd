"""The catalogue, availability by day and the slots of one day."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response

from turnos import models
from turnos.deps import AnyCaller, Ctx
from turnos.errors import ApiError, ErrorCode
from turnos.routes.common import parse_day, problems
from turnos.schemas import AvailabilityOut, CatalogOut, SlotsOut
from turnos.services import catalog as catalog_service
from turnos.services.booking import iso
from turnos.services.holds import sweep_expired_holds_if_any
from turnos.services.slots import Calendar, DayInfo
from turnos.services.tokens import Principal

router = APIRouter()


@router.get(
    "/catalog",
    response_model=CatalogOut,
    responses={304: {"description": "Not modified (If-None-Match)"}, **problems()},
)
def get_catalog(
    ctx: Ctx,
    caller: AnyCaller,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Any:
    with ctx.db.read() as session:
        # A scoped kiosk gets its part only; the ETag follows the body, so it differs too.
        body = catalog_service.build_catalog(session, caller.scope)
    body["privacy"] = {"retention_days": ctx.settings.retention_days}
    etag = catalog_service.etag_for(body)
    if if_none_match and etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = "no-cache"
    return body


def _calendar(
    ctx: Ctx, session: Any, caller: Principal, agency_id: int, procedure: str
) -> Calendar:
    agency = session.get(models.Agency, agency_id)
    # Out of the kiosk's scope reads as unknown: the same answer, so it is no oracle.
    if (
        agency is None
        or not caller.may_serve(agency)
        or session.get(models.AgencyProcedure, (agency_id, procedure)) is None
    ):
        raise ApiError(ErrorCode.NOT_FOUND, "no such agency or procedure there")
    return Calendar(session, agency, procedure, ctx.now(), ctx.settings.booking_days)


AgencyQ = Annotated[int, Query(alias="agency", ge=1, lt=2**31)]
ProcedureQ = Annotated[str, Query(alias="procedure", min_length=1, max_length=32)]
DateQ = Annotated[str, Query(min_length=10, max_length=10)]


@router.get("/availability", response_model=AvailabilityOut, responses=problems(404))
def availability(
    ctx: Ctx,
    caller: AnyCaller,
    agency: AgencyQ,
    procedure: ProcedureQ,
    from_: Annotated[str, Query(alias="from", min_length=10, max_length=10)],
    to: DateQ,
) -> dict[str, Any]:
    first, last = parse_day(from_, "from"), parse_day(to, "to")
    if last < first or (last - first).days >= ctx.settings.max_range_days:
        raise ApiError(
            ErrorCode.INVALID_REQUEST, f"from..to must be 1..{ctx.settings.max_range_days} days"
        )
    sweep_expired_holds_if_any(ctx.db, ctx.now())
    with ctx.db.read() as session:
        calendar = _calendar(ctx, session, caller, agency, procedure)
        days = calendar.days(first, last)
        last_bookable = calendar.last_day
    return {"days": [_day_json(d) for d in days], "last_bookable": last_bookable.isoformat()}


def _day_json(day: DayInfo) -> dict[str, Any]:
    reason = {"es": day.reason[0], "en": day.reason[1]} if day.reason else None
    return {
        "date": day.date.isoformat(),
        "free_places": day.free_places,
        "state": day.state,
        "reason": reason,
    }


@router.get("/slots", response_model=SlotsOut, responses=problems(404))
def slots(
    ctx: Ctx, caller: AnyCaller, agency: AgencyQ, procedure: ProcedureQ, date: DateQ
) -> dict[str, Any]:
    day = parse_day(date, "date")
    sweep_expired_holds_if_any(ctx.db, ctx.now())
    with ctx.db.read() as session:
        calendar = _calendar(ctx, session, caller, agency, procedure)
        specs = calendar.slots(day, day)
        taken = calendar.taken(specs)
        zone = calendar.agency.time_zone
    return {
        "slots": [
            {
                "id": s.id,
                "start": iso(s.start, zone),
                "end": iso(s.end, zone),
                "free_places": max(0, s.capacity - taken.get(s.id, 0)),
            }
            for s in specs
        ]
    }
