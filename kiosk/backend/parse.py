"""Turn the service's JSON into typed kiosk objects, checking the shape on the way.

Everything here is pure: a decoded JSON value in, a frozen dataclass out, or `ParseError`. The
shapes are pydantic models (`kiosk.backend.wire`); this module names the answers and turns
pydantic's errors into ours. The error names the field (`"slots[2].start"`) but never its value,
which may be personal data, and it does not chain pydantic's error, whose text quotes the input.
The small response records that are not part of the domain (health, lookup, verification,
session) live here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kiosk.backend import wire
from kiosk.domain.models import Availability, Booking, Catalog, Confirmation, Hold, Slot

_M = TypeVar("_M", bound=BaseModel)


class ParseError(ValueError):
    """A response does not have the shape of the contract."""

    def __init__(self, where: str, expected: str) -> None:
        self.where = where
        self.expected = expected
        super().__init__(f"{where}: expected {expected}" if where else f"expected {expected}")


@dataclass(frozen=True, slots=True)
class Health:
    api_version: str
    version: str


@dataclass(frozen=True, slots=True)
class Lookup:
    """The result of looking a citizen up by id document."""

    citizen: str  # opaque reference, sent back when starting the verification
    registered: bool
    masked_name: str


@dataclass(frozen=True, slots=True)
class Verification:
    """A one-time code sent to the citizen's email or phone."""

    id: str
    expires_at: dt.datetime
    resend_after: dt.datetime  # the citizen may ask for a new code from this moment on


@dataclass(frozen=True, slots=True)
class Session:
    """A verified citizen session; the token is a bearer secret and never shown in reprs."""

    token: str = field(repr=False)
    expires_at: dt.datetime


# --- pydantic's errors, without the input ------------------------------------------------------

# What pydantic's error types expect, in the words of our messages.
_EXPECTED = {
    "missing": "a value",
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


def _validate(model: type[_M], data: Any, where: str) -> _M:
    """`data` as `model`, or a `ParseError` at the first wrong field below `where`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        error = ParseError(_path(where, first["loc"]), _expected(first))
    # Raised outside the except block: not even the implicit context keeps pydantic's error.
    raise error


def _path(where: str, loc: tuple[int | str, ...]) -> str:
    path = where
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else part
    return path


def _expected(error: ErrorDetails) -> str:
    if error["type"] == wire.CONTRACT_ERROR:
        return str(error.get("ctx", {}).get("expected", "a valid value"))
    # Only the type's name: pydantic's own message may quote a value (a ValueError's text).
    return _EXPECTED.get(error["type"], f"a valid value ({error['type']})")


# --- responses ---------------------------------------------------------------------------------


def parse_health(data: Any) -> Health:
    health = _validate(wire.HealthWire, data, "health")
    version = "" if health.version is None else str(health.version)
    return Health(api_version=health.api_version, version=version)


def parse_catalog(data: Any) -> Catalog:
    return _validate(wire.CatalogWire, data, "").to_domain()


def parse_lookup(data: Any) -> Lookup:
    lookup = _validate(wire.LookupWire, data, "lookup")
    return Lookup(
        citizen=lookup.citizen, registered=lookup.registered, masked_name=lookup.masked_name
    )


def parse_verification(data: Any, *, now: dt.datetime | None = None) -> Verification:
    """`resend_after` may be an instant or, from some services, a number of seconds from now."""
    verification = _validate(wire.VerificationWire, data, "verification")
    resend_after = verification.resend_after
    if isinstance(resend_after, dt.timedelta):
        resend_after = (now or dt.datetime.now(dt.UTC)) + resend_after
    return Verification(
        id=verification.id, expires_at=verification.expires_at, resend_after=resend_after
    )


def parse_session(data: Any) -> Session:
    session = _validate(wire.SessionWire, data, "session")
    return Session(token=session.session_token, expires_at=session.expires_at)


def parse_availability(data: Any) -> Availability:
    """GET /v1/availability. `state`, `reason` and `last_bookable` are optional: an older
    service sends only free places per day (state None: open or full by those)."""
    availability = _validate(wire.AvailabilityWire, data, "")
    return Availability(
        days=tuple(d.to_domain() for d in availability.days),
        last_bookable=availability.last_bookable,
    )


def parse_slots(data: Any) -> list[Slot]:
    return [s.to_domain() for s in _validate(wire.SlotsWire, data, "").slots]


def parse_hold(data: Any, slot: Slot) -> Hold:
    """The service answers only the hold's id and expiry; the slot is the one we asked for."""
    hold = _validate(wire.HoldWire, data, "hold")
    return Hold(id=hold.id, slot=slot, expires_at=hold.expires_at)


def parse_booking(data: Any, where: str = "booking") -> Booking:
    return _validate(wire.BookingWire, data, where).to_domain()


def parse_confirmation(data: Any) -> Confirmation:
    """The answer to POST /v1/bookings: `{booking: {...}, token}`."""
    return _validate(wire.ConfirmationWire, data, "").to_domain()


def parse_current_bookings(data: Any) -> list[Confirmation]:
    """GET /v1/bookings/current: each booking carries its own token.

    Accepts the token beside the booking fields (`{id, code, ..., token}`) or the same
    `{booking, token}` pair that POST /v1/bookings answers.
    """
    result = []
    for i, item in enumerate(_validate(wire.CurrentBookingsWire, data, "").bookings):
        where = f"bookings[{i}]"
        if _is_nested(item):
            result.append(_validate(wire.ConfirmationWire, item, where).to_domain())
        else:
            result.append(_validate(wire.TokenedBookingWire, item, where).to_confirmation())
    return result


def _is_nested(item: Mapping[str, Any]) -> bool:
    return "booking" in item


def parse_jwks(data: Any) -> dict[str, Any]:
    """The raw JWKS, once its keys are known to be objects (the token codec reads them)."""
    _validate(wire.KeysWire, data, "")
    return dict(data)
