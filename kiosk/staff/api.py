"""The counter's calls to the turn service: check-in by token or by code, the agency's day.

The same client as the kiosk's (`TurnosClient`: time limits, one retry of a GET whose
connection failed, errors that never quote personal data), signed in with the staff member's
own token. Its answers are parsed into the counter's dataclasses here, strict about shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError

from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import BadResponse
from kiosk.backend.wire import Wire, _identifier, _instant
from kiosk.staff.verdict import Answer

_Id = Annotated[str, BeforeValidator(_identifier)]
_Instant = Annotated[dt.datetime, BeforeValidator(_instant)]


@dataclass(frozen=True)
class StaffBooking:
    """A turn as the counter sees it: masked name and id only."""

    id: str
    code: str
    agency_id: int
    procedure_code: str
    start: dt.datetime
    end: dt.datetime
    masked_name: str
    masked_id: str
    state: str  # active, checked_in, cancelled, missed (a no-show)
    checked_in_at: dt.datetime | None


@dataclass(frozen=True)
class CheckinReply:
    answer: Answer
    booking: StaffBooking | None


class _BookingWire(Wire):
    id: _Id
    code: str
    agency: int
    procedure: str
    start: _Instant
    end: _Instant
    masked_name: str
    masked_id: str
    state: str
    checked_in_at: _Instant | None = None

    def to_domain(self) -> StaffBooking:
        return StaffBooking(
            id=self.id,
            code=self.code,
            agency_id=self.agency,
            procedure_code=self.procedure,
            start=self.start,
            end=self.end,
            masked_name=self.masked_name,
            masked_id=self.masked_id,
            state=self.state,
            checked_in_at=self.checked_in_at,
        )


class _CheckinWire(Wire):
    # Not strict: a JSON string is the enum's value (strict mode wants an Answer instance).
    result: Annotated[Answer, Field(strict=False)]
    booking: _BookingWire | None = None


class _DayWire(Wire):
    bookings: list[_BookingWire]


def _shape(model: type[Wire], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors(include_input=False)[0]["loc"])
        raise BadResponse(f"unexpected response shape at {where or 'top'}") from None


class StaffClient(TurnosClient):
    """Calls of a counter, signed in with a staff token."""

    def check_in(self, token: str, scanned_at: int | None = None) -> CheckinReply:
        """Check a slip in; `scanned_at` for one verified offline and queued."""
        body: dict[str, Any] = {"token": token}
        if scanned_at is not None:
            body["scanned_at"] = scanned_at
        return self._reply(self._json(self._request("POST", "/checkins", json=body)))

    def check_in_by_code(self, code: str, id_number: str) -> CheckinReply:
        """For a slip that will not scan: today's turn code at this agency and the id."""
        body = {"code": code, "id_number": id_number}
        return self._reply(self._json(self._request("POST", "/checkins/by-code", json=body)))

    def agency_day(self, agency_id: int, day: dt.date | None = None) -> list[StaffBooking]:
        params = {"date": day.isoformat()} if day is not None else None
        data = self._json(self._request("GET", f"/agencies/{agency_id}/bookings", params=params))
        return [b.to_domain() for b in _shape(_DayWire, data).bookings]

    def _reply(self, data: Any) -> CheckinReply:
        wire = _shape(_CheckinWire, data)
        booking = wire.booking.to_domain() if wire.booking is not None else None
        return CheckinReply(Answer(wire.result), booking)
