"""Turn the service's JSON into typed kiosk objects, checking the shape on the way.

Everything here is pure: a decoded JSON value in, a frozen dataclass out, or `ParseError`. The
error names the field (`"slots[2].start"`) but never its value, which may be personal data.
The small response records that are not part of the domain (health, lookup, verification,
session) live here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.models import (
    Agency,
    Audience,
    Availability,
    Booking,
    Catalog,
    Confirmation,
    Day,
    DayState,
    Hold,
    Localized,
    OpeningHours,
    Procedure,
    Province,
    Requirement,
    Slot,
)


class ParseError(ValueError):
    """A response does not have the shape of the contract."""

    def __init__(self, where: str, expected: str) -> None:
        self.where = where
        super().__init__(f"{where}: expected {expected}")


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


# --- field readers -----------------------------------------------------------------------------


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ParseError(where, "an object")
    return value


def _list(obj: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    value = obj.get(key)
    if not isinstance(value, list):
        raise ParseError(_at(where, key), "a list")
    return value


def _str(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise ParseError(_at(where, key), "a string")
    return value


def _id(obj: Mapping[str, Any], key: str, where: str) -> str:
    """An opaque identifier: the service may send it as a string or a number."""
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise ParseError(_at(where, key), "an identifier")
    return str(value)


def _int(obj: Mapping[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(_at(where, key), "an integer")
    return value


def _bool(obj: Mapping[str, Any], key: str, where: str) -> bool:
    value = obj.get(key)
    if not isinstance(value, bool):
        raise ParseError(_at(where, key), "true or false")
    return value


def _localized(obj: Mapping[str, Any], key: str, where: str) -> Localized:
    here = _at(where, key)
    texts = _obj(obj.get(key), here)
    es = _str(texts, "es", here)
    en = texts.get("en") or ""
    if not isinstance(en, str):
        raise ParseError(_at(here, "en"), "a string")
    return Localized(es=es, en=en)


def _datetime(obj: Mapping[str, Any], key: str, where: str) -> dt.datetime:
    """An aware instant: ISO 8601 with an offset (or "Z"), or Unix seconds."""
    value = obj.get(key)
    here = _at(where, key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ParseError(here, "an ISO 8601 date-time") from None
        if parsed.tzinfo is None:
            # A naive time is ambiguous between Quito and Galápagos: refuse it.
            raise ParseError(here, "a date-time with a UTC offset")
        return parsed
    raise ParseError(here, "a date-time")


def _date(obj: Mapping[str, Any], key: str, where: str) -> dt.date:
    value = _str(obj, key, where)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParseError(_at(where, key), "an ISO 8601 date") from None


def _time(obj: Mapping[str, Any], key: str, where: str) -> dt.time:
    value = _str(obj, key, where)
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise ParseError(_at(where, key), "a time HH:MM") from None


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _items(obj: Mapping[str, Any], key: str, where: str) -> list[tuple[str, Mapping[str, Any]]]:
    """The objects of a list field, each with its path for error messages."""
    base = _at(where, key)
    return [
        (f"{base}[{i}]", _obj(item, f"{base}[{i}]"))
        for i, item in enumerate(_list(obj, key, where))
    ]


# --- responses ---------------------------------------------------------------------------------


def parse_health(data: Any) -> Health:
    obj = _obj(data, "health")
    version = obj.get("version", "")
    return Health(
        api_version=_str(obj, "api_version", "health"),
        version=version if isinstance(version, str) else str(version),
    )


def parse_catalog(data: Any) -> Catalog:
    obj = _obj(data, "")
    provinces = tuple(
        Province(code=_str(p, "code", w), name=_localized(p, "name", w))
        for w, p in _items(obj, "provinces", "")
    )
    procedures = tuple(_procedure(p, w) for w, p in _items(obj, "procedures", ""))
    agencies = tuple(_agency(a, w) for w, a in _items(obj, "agencies", ""))
    retention: int | None = None
    privacy = obj.get("privacy")
    if privacy is not None:
        retention = _int(_obj(privacy, "privacy"), "retention_days", "privacy")
    return Catalog(
        provinces=provinces,
        procedures=procedures,
        agencies=agencies,
        retention_days=retention,
    )


def _audience(obj: Mapping[str, Any], where: str) -> Audience:
    """`applies_to`, optional (older services) and open to new values (shown to everyone)."""
    value = obj.get("applies_to", Audience.ALL.value)
    if not isinstance(value, str):
        raise ParseError(_at(where, "applies_to"), "a string")
    try:
        return Audience(value)
    except ValueError:
        return Audience.ALL


def _procedure(obj: Mapping[str, Any], where: str) -> Procedure:
    requirements = tuple(
        Requirement(
            title=_localized(r, "title", w),
            detail=_localized(r, "detail", w) if r.get("detail") is not None else Localized(""),
            applies_to=_audience(r, w),
        )
        for w, r in _items(obj, "requirements", where)
    )
    return Procedure(
        code=_str(obj, "code", where),
        name=_localized(obj, "name", where),
        requirements=requirements,
    )


def _agency(obj: Mapping[str, Any], where: str) -> Agency:
    hours = []
    for w, h in _items(obj, "hours", where):
        weekdays = _list(h, "weekdays", w)
        if not all(
            isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in weekdays
        ):
            raise ParseError(_at(w, "weekdays"), "ISO weekdays 1..7")
        hours.append(
            OpeningHours(
                weekdays=tuple(weekdays), opens=_time(h, "opens", w), closes=_time(h, "closes", w)
            )
        )
    codes = _list(obj, "procedures", where)
    if not all(isinstance(c, str) for c in codes):
        raise ParseError(_at(where, "procedures"), "a list of procedure codes")
    return Agency(
        id=_int(obj, "id", where),
        name=_localized(obj, "name", where),
        province_code=_str(obj, "province_code", where),
        address=_localized(obj, "address", where),
        time_zone=_str(obj, "time_zone", where),
        hours=tuple(hours),
        procedure_codes=frozenset(codes),
    )


def parse_lookup(data: Any) -> Lookup:
    obj = _obj(data, "lookup")
    return Lookup(
        citizen=_id(obj, "citizen", "lookup"),
        registered=_bool(obj, "registered", "lookup"),
        masked_name=_str(obj, "masked_name", "lookup"),
    )


def parse_verification(data: Any, *, now: dt.datetime | None = None) -> Verification:
    """`resend_after` may be an instant or, from some services, a number of seconds from now."""
    obj = _obj(data, "verification")
    raw_resend = obj.get("resend_after")
    if isinstance(raw_resend, int | float) and not isinstance(raw_resend, bool):
        if raw_resend < 10**9:  # seconds to wait, not a Unix time
            resend_after = (now or dt.datetime.now(dt.UTC)) + dt.timedelta(seconds=raw_resend)
        else:
            resend_after = _datetime(obj, "resend_after", "verification")
    else:
        resend_after = _datetime(obj, "resend_after", "verification")
    return Verification(
        id=_id(obj, "id", "verification"),
        expires_at=_datetime(obj, "expires_at", "verification"),
        resend_after=resend_after,
    )


def parse_session(data: Any) -> Session:
    obj = _obj(data, "session")
    return Session(
        token=_str(obj, "session_token", "session"),
        expires_at=_datetime(obj, "expires_at", "session"),
    )


def parse_availability(data: Any) -> Availability:
    """GET /v1/availability. `state`, `reason` and `last_bookable` are optional: an older
    service sends only free places per day (state None: open or full by those)."""
    obj = _obj(data, "")
    days = tuple(_day(d, w) for w, d in _items(obj, "days", ""))
    last_bookable = _date(obj, "last_bookable", "") if obj.get("last_bookable") else None
    return Availability(days=days, last_bookable=last_bookable)


def _day(obj: Mapping[str, Any], where: str) -> Day:
    raw_state = obj.get("state")
    if raw_state is not None and not isinstance(raw_state, str):
        raise ParseError(_at(where, "state"), "a string")
    try:
        state = DayState(raw_state) if raw_state else None
    except ValueError:  # a state of a newer service: judge by the free places
        state = None
    reason = _localized(obj, "reason", where) if obj.get("reason") is not None else None
    return Day(
        date=_date(obj, "date", where),
        free_places=max(_int(obj, "free_places", where), 0),
        state=state,
        reason=reason,
    )


def parse_slots(data: Any) -> list[Slot]:
    obj = _obj(data, "")
    return [_slot(s, w) for w, s in _items(obj, "slots", "")]


def _slot(obj: Mapping[str, Any], where: str) -> Slot:
    start = _datetime(obj, "start", where)
    end = _datetime(obj, "end", where)
    if end <= start:
        raise ParseError(_at(where, "end"), "a time after start")
    return Slot(
        id=_id(obj, "id", where),
        start=start,
        end=end,
        free_places=max(_int(obj, "free_places", where), 0),
    )


def parse_hold(data: Any, slot: Slot) -> Hold:
    """The service answers only the hold's id and expiry; the slot is the one we asked for."""
    obj = _obj(data, "hold")
    return Hold(
        id=_id(obj, "id", "hold"), slot=slot, expires_at=_datetime(obj, "expires_at", "hold")
    )


def parse_booking(data: Any, where: str = "booking") -> Booking:
    obj = _obj(data, where)
    return Booking(
        id=_id(obj, "id", where),
        code=_str(obj, "code", where),
        agency_id=_int(obj, "agency", where),
        procedure_code=_str(obj, "procedure", where),
        start=_datetime(obj, "start", where),
        end=_datetime(obj, "end", where),
        masked_name=_str(obj, "masked_name", where),
        masked_id=_str(obj, "masked_id", where),
    )


def parse_confirmation(data: Any) -> Confirmation:
    """The answer to POST /v1/bookings: `{booking: {...}, token}`."""
    obj = _obj(data, "")
    return Confirmation(booking=parse_booking(obj.get("booking")), token=_str(obj, "token", ""))


def parse_current_bookings(data: Any) -> list[Confirmation]:
    """GET /v1/bookings/current: each booking carries its own token.

    Accepts the token beside the booking fields (`{id, code, ..., token}`) or the same
    `{booking, token}` pair that POST /v1/bookings answers.
    """
    obj = _obj(data, "")
    result = []
    for w, item in _items(obj, "bookings", ""):
        if "booking" in item:
            booking = parse_booking(item.get("booking"), _at(w, "booking"))
        else:
            booking = parse_booking(item, w)
        result.append(Confirmation(booking=booking, token=_str(item, "token", w)))
    return result


def parse_jwks(data: Any) -> dict[str, Any]:
    obj = _obj(data, "")
    keys = _list(obj, "keys", "")
    for i, key in enumerate(keys):
        _obj(key, f"keys[{i}]")
    return dict(obj)
