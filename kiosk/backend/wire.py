"""The service's /v1 answers as pydantic models: the shape of the contract, checked by pydantic.

Each model mirrors one JSON object of `turnos/schemas.py` (field names as on the wire) and turns
itself into the kiosk's frozen dataclasses with `to_domain()`, so `kiosk.domain` stays free of
pydantic and of the wire's names (`agency` -> `agency_id`, `session_token` -> `token`...).

The models are strict (a "30" is not an integer, 1 is not a string) and ignore fields they do not
know, so a newer service may add some. Where the kiosk is more lenient than pydantic would be
(ids as strings or numbers, instants as ISO 8601 or Unix seconds, values of an enum it does not
know yet), a small validator below says how; its errors say what was expected, never what came.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from kiosk.domain.models import (
    Agency,
    Audience,
    Booking,
    Catalog,
    Confirmation,
    Day,
    DayState,
    Localized,
    OpeningHours,
    Procedure,
    Province,
    Requirement,
    Slot,
)

#: The error type of the validators below; its context holds only the words for "expected".
CONTRACT_ERROR = "contract"

#: Below this, a number in `resend_after` is seconds to wait, not a Unix time (2001-09-09).
_UNIX_TIME_FLOOR = 10**9


def expected(words: str) -> PydanticCustomError:
    return PydanticCustomError(CONTRACT_ERROR, "expected {expected}", {"expected": words})


# --- lenient scalars ---------------------------------------------------------------------------


def _identifier(value: object) -> str:
    """An opaque identifier: the service may send it as a string or a number."""
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise expected("an identifier")
    return str(value)


def _instant(value: object) -> dt.datetime:
    """An aware instant: ISO 8601 with an offset (or "Z"), or Unix seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise expected("a date-time") from None
    if not isinstance(value, str):
        raise expected("a date-time")
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise expected("an ISO 8601 date-time") from None
    if parsed.tzinfo is None:
        # A naive time is ambiguous between Quito and Galápagos: refuse it.
        raise expected("a date-time with a UTC offset")
    return parsed


def _resend_after(value: object) -> dt.datetime | dt.timedelta:
    """An instant or, from some services, a number of seconds from now."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value < _UNIX_TIME_FLOOR:
        try:
            return dt.timedelta(seconds=value)
        except (OverflowError, ValueError):
            raise expected("a date-time or a number of seconds") from None
    return _instant(value)


def _date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise expected("a string")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise expected("an ISO 8601 date") from None


def _optional_date(value: object) -> dt.date | None:
    """An older service leaves the field out (or empty)."""
    return None if value is None or value == "" else _date(value)


def _time(value: object) -> dt.time:
    if not isinstance(value, str):
        raise expected("a string")
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise expected("a time HH:MM") from None


def _weekdays(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise expected("a list")
    if not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in value):
        raise expected("ISO weekdays 1..7")
    return tuple(value)


def _codes(value: object) -> frozenset[str]:
    if not isinstance(value, list):
        raise expected("a list")
    if not all(isinstance(c, str) for c in value):
        raise expected("a list of procedure codes")
    return frozenset(value)


Identifier = Annotated[str, BeforeValidator(_identifier)]
Instant = Annotated[dt.datetime, BeforeValidator(_instant)]
IsoDate = Annotated[dt.date, BeforeValidator(_date)]
IsoTime = Annotated[dt.time, BeforeValidator(_time)]


class Wire(BaseModel):
    """Strict about types, silent about fields it does not know, never quoting its input."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, hide_input_in_errors=True)


# --- catalogue ---------------------------------------------------------------------------------


class Text(Wire):
    es: str
    en: str | None = None  # missing, null or empty: the Spanish text is shown

    def to_domain(self) -> Localized:
        return Localized(es=self.es, en=self.en or "")


class ProvinceWire(Wire):
    code: str
    name: Text

    def to_domain(self) -> Province:
        return Province(code=self.code, name=self.name.to_domain())


class RequirementWire(Wire):
    title: Text
    detail: Text | None = None
    # Optional (older services) and open to new values, which are shown to everyone.
    applies_to: str = Audience.ALL.value

    def to_domain(self) -> Requirement:
        try:
            audience = Audience(self.applies_to)
        except ValueError:
            audience = Audience.ALL
        return Requirement(
            title=self.title.to_domain(),
            detail=self.detail.to_domain() if self.detail is not None else Localized(""),
            applies_to=audience,
        )


class ProcedureWire(Wire):
    code: str
    name: Text
    requirements: list[RequirementWire]

    def to_domain(self) -> Procedure:
        return Procedure(
            code=self.code,
            name=self.name.to_domain(),
            requirements=tuple(r.to_domain() for r in self.requirements),
        )


class HoursWire(Wire):
    weekdays: Annotated[tuple[int, ...], BeforeValidator(_weekdays)]
    opens: IsoTime
    closes: IsoTime

    def to_domain(self) -> OpeningHours:
        return OpeningHours(weekdays=self.weekdays, opens=self.opens, closes=self.closes)


class AgencyWire(Wire):
    id: int
    name: Text
    province_code: str
    address: Text
    time_zone: str
    hours: list[HoursWire]
    procedures: Annotated[frozenset[str], BeforeValidator(_codes)]

    def to_domain(self) -> Agency:
        return Agency(
            id=self.id,
            name=self.name.to_domain(),
            province_code=self.province_code,
            address=self.address.to_domain(),
            time_zone=self.time_zone,
            hours=tuple(h.to_domain() for h in self.hours),
            procedure_codes=self.procedures,
        )


class PrivacyWire(Wire):
    retention_days: int


class CatalogWire(Wire):
    provinces: list[ProvinceWire]
    procedures: list[ProcedureWire]
    agencies: list[AgencyWire]
    privacy: PrivacyWire | None = None  # an older service does not say

    def to_domain(self) -> Catalog:
        return Catalog(
            provinces=tuple(p.to_domain() for p in self.provinces),
            procedures=tuple(p.to_domain() for p in self.procedures),
            agencies=tuple(a.to_domain() for a in self.agencies),
            retention_days=self.privacy.retention_days if self.privacy is not None else None,
        )


# --- citizen -----------------------------------------------------------------------------------


class HealthWire(Wire):
    api_version: str
    version: object = ""  # informative only: whatever the service sends is shown as text


class LookupWire(Wire):
    citizen: Identifier
    registered: bool
    masked_name: str


class VerificationWire(Wire):
    id: Identifier
    expires_at: Instant
    resend_after: Annotated[dt.datetime | dt.timedelta, BeforeValidator(_resend_after)]


class SessionWire(Wire):
    session_token: str
    expires_at: Instant


# --- booking -----------------------------------------------------------------------------------


class DayWire(Wire):
    date: IsoDate
    free_places: int
    # Optional (older services: open or full by the free places) and open to new values.
    state: str | None = None
    reason: Text | None = None

    def to_domain(self) -> Day:
        try:
            state = DayState(self.state) if self.state else None
        except ValueError:  # a state of a newer service: judge by the free places
            state = None
        return Day(
            date=self.date,
            free_places=max(self.free_places, 0),
            state=state,
            reason=self.reason.to_domain() if self.reason is not None else None,
        )


class AvailabilityWire(Wire):
    days: list[DayWire]
    last_bookable: Annotated[dt.date | None, BeforeValidator(_optional_date)] = None


class SlotWire(Wire):
    id: Identifier
    start: Instant
    end: Instant
    free_places: int

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: dt.datetime, info: ValidationInfo) -> dt.datetime:
        start = info.data.get("start")
        if isinstance(start, dt.datetime) and end <= start:
            raise expected("a time after start")
        return end

    def to_domain(self) -> Slot:
        return Slot(
            id=self.id, start=self.start, end=self.end, free_places=max(self.free_places, 0)
        )


class SlotsWire(Wire):
    slots: list[SlotWire]


class HoldWire(Wire):
    id: Identifier
    expires_at: Instant


class BookingWire(Wire):
    id: Identifier
    code: str
    agency: int
    procedure: str
    start: Instant
    end: Instant
    masked_name: str
    masked_id: str

    def to_domain(self) -> Booking:
        return Booking(
            id=self.id,
            code=self.code,
            agency_id=self.agency,
            procedure_code=self.procedure,
            start=self.start,
            end=self.end,
            masked_name=self.masked_name,
            masked_id=self.masked_id,
        )


class ConfirmationWire(Wire):
    """POST /v1/bookings, and one of GET /v1/bookings/current's two shapes."""

    booking: BookingWire
    token: str

    def to_domain(self) -> Confirmation:
        return Confirmation(booking=self.booking.to_domain(), token=self.token)


class TokenedBookingWire(BookingWire):
    """The other shape of a current booking: the token beside the booking's fields."""

    token: str

    def to_confirmation(self) -> Confirmation:
        return Confirmation(booking=self.to_domain(), token=self.token)


class CurrentBookingsWire(Wire):
    bookings: list[dict[str, Any]]  # each of one of the two shapes, read by the caller


class KeysWire(Wire):
    keys: list[dict[str, Any]]
