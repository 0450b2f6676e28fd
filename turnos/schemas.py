"""Request and response bodies of API v1 (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kiosk.domain.contact import Channel
from kiosk.domain.ids import IdType


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    attempts_left: int | None = None
    # `contact_not_registered`: the registry's contacts, masked ("email", "phone").
    registered: dict[str, str] | None = None


class Health(BaseModel):
    status: Literal["ok"]
    api_version: str
    version: str


class Text(BaseModel):
    es: str
    en: str


# Who must bring a requirement (`kiosk.domain.models.Audience`): everyone; only who identified
# with a cédula, a passport or a foreigner code; any foreigner without a cédula; or, under a
# condition only the citizen knows, qualified artisans (shown to everyone, as a condition).
AppliesTo = Literal[
    "all", "cedula", "passport", "foreigner_code", "foreigners", "qualified_artisans"
]


class RequirementOut(BaseModel):
    title: Text
    detail: Text
    applies_to: AppliesTo = "all"


class ProvinceOut(BaseModel):
    code: str
    name: Text


class ProcedureOut(BaseModel):
    code: str
    name: Text
    requirements: list[RequirementOut]


class HoursOut(BaseModel):
    weekdays: list[int]
    opens: str
    closes: str


class AgencyOut(BaseModel):
    id: int
    name: Text
    province_code: str
    address: Text
    time_zone: str
    hours: list[HoursOut]
    procedures: list[str]


class PrivacyOut(BaseModel):
    """What the kiosk's data-protection notice must say about this service."""

    retention_days: int


class CatalogOut(BaseModel):
    provinces: list[ProvinceOut]
    procedures: list[ProcedureOut]
    agencies: list[AgencyOut]
    privacy: PrivacyOut


class LookupIn(Strict):
    id_type: IdType
    id_number: str = Field(min_length=1, max_length=64)


class LookupOut(BaseModel):
    citizen: str
    registered: bool
    masked_name: str


class VerificationIn(Strict):
    citizen: str = Field(min_length=1, max_length=64)
    email: str | None = Field(None, max_length=320)
    phone: str | None = Field(None, max_length=32)
    channel: Channel
    # Language of the code message, and later of the confirmation email.
    language: Literal["es", "en"] = "es"


class VerificationOut(BaseModel):
    id: str
    expires_at: str
    resend_after: str


class ConfirmIn(Strict):
    code: str = Field(min_length=1, max_length=12)


class SessionOut(BaseModel):
    session_token: str
    expires_at: str


DayState = Literal["open", "full", "closed", "not_open"]


class DayOut(BaseModel):
    date: str
    free_places: int
    # open: places free; full: open, none free; closed: weekday outside the hours, national
    # holiday or closure; not_open: after `last_bookable`.
    state: DayState
    # A holiday's name or a closure's reason, when there is one.
    reason: Text | None


class AvailabilityOut(BaseModel):
    days: list[DayOut]
    # The last day bookable today (today + TURNOS_BOOKING_DAYS, in the agency's zone).
    last_bookable: str


class SlotOut(BaseModel):
    id: str
    start: str
    end: str
    free_places: int


class SlotsOut(BaseModel):
    slots: list[SlotOut]


class HoldIn(Strict):
    slot: str = Field(min_length=1, max_length=64)


class HoldOut(BaseModel):
    id: str
    expires_at: str


class BookingIn(Strict):
    hold: str = Field(min_length=1, max_length=64)


class BookingOut(BaseModel):
    id: str
    code: str
    agency: int
    procedure: str
    start: str
    end: str
    masked_name: str
    masked_id: str
    state: str
    checked_in_at: str | None = Field(
        None, description="when the citizen was checked in at the counter (local time)"
    )


class ConfirmationOut(BaseModel):
    booking: BookingOut
    token: str


class CurrentBookingOut(BookingOut):
    token: str | None


class CurrentBookingsOut(BaseModel):
    bookings: list[CurrentBookingOut]


class Jwk(BaseModel):
    model_config = ConfigDict(extra="allow")
    kty: str
    crv: str
    x: str
    kid: str
    nbf: int | None = None
    exp: int | None = None


class KeysOut(BaseModel):
    keys: list[Jwk]


class CheckinIn(Strict):
    token: str = Field(min_length=1, max_length=4296)
    scanned_at: int | None = Field(
        None,
        ge=0,
        lt=2**53,
        description=(
            "for a check-in the counter verified offline and queued: when it scanned the slip "
            "(Unix seconds); the turn's window is judged at that time. At most "
            "TURNOS_CHECKIN_QUEUE_MAX_AGE_S old and not in the future."
        ),
    )


class CheckinByCodeIn(Strict):
    code: str = Field(min_length=1, max_length=10)
    id_number: str = Field(min_length=1, max_length=64)


CheckinResult = Literal[
    "checked_in",
    "already_checked_in",
    "cancelled",
    "wrong_agency",
    "wrong_day",
    "too_early",
    "too_late",
    "invalid",
]


class CheckinOut(BaseModel):
    result: CheckinResult
    booking: BookingOut | None


class AgencyBookingsOut(BaseModel):
    bookings: list[BookingOut]


class HeartbeatIn(Strict):
    version: str = Field("", max_length=64)
    printer_state: str = Field("", max_length=64)
    paper: str = Field("", max_length=64)
    last_error: str | None = Field(None, max_length=500)


class HeartbeatOut(BaseModel):
    status: Literal["ok"]
    server_time: str
    # This kiosk's budgets refused in the last hour -> UTC time of the last refusal.
    over_budget: dict[str, str]


class KioskScopeOut(BaseModel):
    """A kiosk token limited to these agencies, and to every agency of these provinces."""

    agencies: list[int]
    provinces: list[str]


class KioskOut(BaseModel):
    id: int
    name: str
    revoked: bool
    # None: the token may serve every agency.
    scope: KioskScopeOut | None = None
    last_seen: str | None
    version: str | None
    printer_state: str | None
    paper: str | None
    last_error: str | None
    # Budgets refused in the last hour -> UTC time of the last refusal; {} when none.
    over_budget: dict[str, str]
    silent: bool = Field(
        description=(
            "not revoked, and no heartbeat for more than TURNOS_KIOSK_SILENT_AFTER_S (300 s) "
            "or never one"
        )
    )


class KiosksOut(BaseModel):
    kiosks: list[KioskOut]
