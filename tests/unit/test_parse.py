"""JSON shaped exactly like the turnos /v1 contract -> kiosk models, and the shape checks."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.backend.parse import (
    Health,
    Lookup,
    ParseError,
    Session,
    parse_availability,
    parse_catalog,
    parse_confirmation,
    parse_current_bookings,
    parse_health,
    parse_hold,
    parse_jwks,
    parse_lookup,
    parse_session,
    parse_slots,
    parse_verification,
)
from kiosk.domain.models import (
    Audience,
    Availability,
    Booking,
    Day,
    DayState,
    Language,
    Localized,
    Slot,
)

QUITO = ZoneInfo("America/Guayaquil")

CATALOG: dict[str, Any] = {
    "provinces": [
        {"code": "17", "name": {"es": "Pichincha", "en": "Pichincha"}},
        {"code": "20", "name": {"es": "Galápagos", "en": "Galapagos"}},
    ],
    "procedures": [
        {
            "code": "CLAVE_PATRONAL",
            "name": {
                "es": "Generación de clave patronal de acceso al portal IESS",
                "en": "Employer password for the IESS portal",
            },
            "requirements": [
                {
                    "title": {"es": "Cédula", "en": "Identity card"},
                    "detail": {
                        "es": "El representante legal deberá presentar el documento en "
                        "ventanilla universal.",
                        "en": "The legal representative shows the original at the counter.",
                    },
                },
                {"title": {"es": "Solicitud de entrega de clave", "en": ""}, "detail": None},
            ],
        }
    ],
    "agencies": [
        {
            "id": 1701,
            "name": {"es": "Centro de Atención Quito Norte", "en": "Quito North"},
            "province_code": "17",
            "address": {"es": "Av. 10 de Agosto y Bogotá", "en": "Av. 10 de Agosto y Bogotá"},
            "time_zone": "America/Guayaquil",
            "hours": [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}],
            "procedures": ["CLAVE_PATRONAL"],
        },
        {
            "id": 2001,
            "name": {"es": "Centro de Atención Puerto Ayora", "en": "Puerto Ayora"},
            "province_code": "20",
            "address": {"es": "Av. Charles Darwin", "en": "Av. Charles Darwin"},
            "time_zone": "Pacific/Galapagos",
            "hours": [
                {"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "16:30"},
                {"weekdays": [6], "opens": "09:00", "closes": "12:00"},
            ],
            "procedures": [],
        },
    ],
}

BOOKING: dict[str, Any] = {
    "id": "b7f3c2a1",
    "code": "QN-042",
    "agency": 1701,
    "procedure": "CLAVE_PATRONAL",
    "start": "2025-06-02T09:30:00-05:00",
    "end": "2025-06-02T09:45:00-05:00",
    "masked_name": "M••• P•••",
    "masked_id": "17••••••65",
}


def test_catalog_has_every_field_of_the_contract() -> None:
    catalog = parse_catalog(CATALOG)

    assert [p.code for p in catalog.provinces] == ["17", "20"]
    assert catalog.provinces[1].name.get(Language.EN) == "Galapagos"
    procedure = catalog.procedure("CLAVE_PATRONAL")
    assert procedure is not None
    assert procedure.name.get("es").startswith("Generación de clave patronal")
    assert procedure.requirements[0].title == Localized("Cédula", "Identity card")
    assert "ventanilla universal" in procedure.requirements[0].detail.get("es")
    # A null detail and an empty English text fall back to empty / Spanish.
    assert procedure.requirements[1].detail == Localized("")
    assert procedure.requirements[1].title.get(Language.EN) == "Solicitud de entrega de clave"

    quito = catalog.agency(1701)
    assert quito is not None
    assert quito.time_zone == "America/Guayaquil"
    assert quito.hours[0].weekdays == (1, 2, 3, 4, 5)
    assert quito.hours[0].opens == dt.time(8, 0)
    assert quito.hours[0].closes == dt.time(17, 0)
    assert quito.offers("CLAVE_PATRONAL")
    galapagos = catalog.agency(2001)
    assert galapagos is not None
    assert galapagos.hours[1].weekdays == (6,)
    assert galapagos.procedure_codes == frozenset()
    assert catalog.agencies_for("17", "CLAVE_PATRONAL") == (quito,)
    assert catalog.retention_days is None  # an older service that does not say


def test_requirement_audience_is_optional_and_open() -> None:
    catalog = copy.deepcopy(CATALOG)
    requirements = catalog["procedures"][0]["requirements"]
    requirements[0]["applies_to"] = "foreigners"
    requirements[1]["applies_to"] = "someone_new"  # a newer service: shown to everyone
    procedure = parse_catalog(catalog).procedures[0]
    assert procedure.requirements[0].applies_to is Audience.FOREIGNERS
    assert procedure.requirements[1].applies_to is Audience.ALL
    assert parse_catalog(CATALOG).procedures[0].requirements[0].applies_to is Audience.ALL


def test_catalog_privacy_details() -> None:
    catalog = parse_catalog({**CATALOG, "privacy": {"retention_days": 30}})
    assert catalog.retention_days == 30
    with pytest.raises(ParseError, match=r"privacy\.retention_days"):
        parse_catalog({**CATALOG, "privacy": {"retention_days": "30"}})


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda c: c.pop("provinces"), "provinces"),
        (lambda c: c["provinces"][0].update(code=17), "provinces[0].code"),
        (lambda c: c["procedures"][0]["name"].pop("es"), "procedures[0].name.es"),
        (lambda c: c["agencies"][1].update(id="2001"), "agencies[1].id"),
        (lambda c: c["agencies"][0]["hours"][0].update(opens="8h"), "agencies[0].hours[0].opens"),
        (
            lambda c: c["agencies"][0]["hours"][0].update(weekdays=[0, 1]),
            "agencies[0].hours[0].weekdays",
        ),
        (lambda c: c["agencies"][0].update(procedures=[1]), "agencies[0].procedures"),
        (lambda c: c["agencies"].append("x"), "agencies[2]"),
    ],
)
def test_catalog_shape_errors_name_the_field(mutate: Any, where: str) -> None:
    broken = copy.deepcopy(CATALOG)
    mutate(broken)
    with pytest.raises(ParseError) as info:
        parse_catalog(broken)
    assert info.value.where == where
    assert str(info.value).startswith(where + ":")


def test_health() -> None:
    assert parse_health({"status": "ok", "api_version": "1", "version": "0.1.0"}) == Health(
        "1", "0.1.0"
    )
    with pytest.raises(ParseError, match="api_version"):
        parse_health({"status": "ok", "version": "0.1.0"})


def test_lookup_accepts_a_string_or_numeric_citizen_reference() -> None:
    data = {"citizen": "c-81f2", "registered": True, "masked_name": "M••• P•••"}
    assert parse_lookup(data) == Lookup("c-81f2", True, "M••• P•••")
    assert parse_lookup({**data, "citizen": 42}).citizen == "42"
    with pytest.raises(ParseError, match=r"lookup\.registered"):
        parse_lookup({**data, "registered": "yes"})
    with pytest.raises(ParseError, match=r"lookup\.citizen"):
        parse_lookup({**data, "citizen": True})


def test_verification_times_are_aware() -> None:
    v = parse_verification(
        {
            "id": "v1",
            "expires_at": "2025-06-02T14:10:00Z",
            "resend_after": "2025-06-02T14:01:00+00:00",
        }
    )
    assert v.id == "v1"
    assert v.expires_at == dt.datetime(2025, 6, 2, 14, 10, tzinfo=dt.UTC)
    assert v.resend_after == dt.datetime(2025, 6, 2, 14, 1, tzinfo=dt.UTC)


def test_verification_resend_after_in_seconds_or_unix_time() -> None:
    now = dt.datetime(2025, 6, 2, 14, 0, tzinfo=dt.UTC)
    seconds = parse_verification({"id": 7, "expires_at": 1748873400, "resend_after": 60}, now=now)
    assert seconds.id == "7"
    assert seconds.expires_at == dt.datetime(2025, 6, 2, 14, 10, tzinfo=dt.UTC)
    assert seconds.resend_after == now + dt.timedelta(seconds=60)
    unix = parse_verification({"id": 7, "expires_at": 1748873400, "resend_after": 1748872860})
    assert unix.resend_after == dt.datetime(2025, 6, 2, 14, 1, tzinfo=dt.UTC)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ParseError, match=r"verification\.expires_at: expected a date-time with"):
        parse_verification({"id": "v1", "expires_at": "2025-06-02T14:10:00", "resend_after": 60})


def test_session_token_never_shows_in_repr() -> None:
    session = parse_session({"session_token": "s3cr3t-token", "expires_at": "2025-06-02T14:30Z"})
    assert session == Session("s3cr3t-token", dt.datetime(2025, 6, 2, 14, 30, tzinfo=dt.UTC))
    assert "s3cr3t" not in repr(session)


def test_availability_of_an_older_service_without_states() -> None:
    availability = parse_availability(
        {
            "days": [
                {"date": "2025-06-02", "free_places": 3},
                {"date": "2025-06-03", "free_places": 0},
            ]
        }
    )
    assert availability.last_bookable is None
    assert [(d.date, d.state, d.effective_state, d.available) for d in availability.days] == [
        (dt.date(2025, 6, 2), None, DayState.OPEN, True),
        (dt.date(2025, 6, 3), None, DayState.FULL, False),
    ]
    with pytest.raises(ParseError, match=r"days\[0\]\.date"):
        parse_availability({"days": [{"date": "02/06/2025", "free_places": 1}]})


def test_availability_with_states_reasons_and_the_window() -> None:
    availability = parse_availability(
        {
            "days": [
                {"date": "2030-12-24", "free_places": 5, "state": "open", "reason": None},
                {"date": "2030-12-25", "free_places": 0, "state": "closed",
                 "reason": {"es": "Navidad", "en": "Christmas Day"}},
                {"date": "2030-12-26", "free_places": 0, "state": "full", "reason": None},
                {"date": "2031-01-14", "free_places": 0, "state": "not_open", "reason": None},
                {"date": "2031-01-15", "free_places": 0, "state": "a_state_of_tomorrow"},
            ],
            "last_bookable": "2031-01-13",
        }
    )  # fmt: skip
    assert availability == Availability(
        days=(
            Day(dt.date(2030, 12, 24), 5, DayState.OPEN),
            Day(dt.date(2030, 12, 25), 0, DayState.CLOSED, Localized("Navidad", "Christmas Day")),
            Day(dt.date(2030, 12, 26), 0, DayState.FULL),
            Day(dt.date(2031, 1, 14), 0, DayState.NOT_OPEN),
            Day(dt.date(2031, 1, 15), 0, None),  # unknown: judged by its free places
        ),
        last_bookable=dt.date(2031, 1, 13),
    )
    assert [d.available for d in availability.days] == [True, False, False, False, False]
    # A closed day is never available, whatever places it claims.
    odd = parse_availability(
        {"days": [{"date": "2030-12-25", "free_places": 9, "state": "closed"}]}
    )
    assert not odd.days[0].available


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"days": [], "last_bookable": "13/01/2031"}, "last_bookable"),
        ({"days": [{"date": "2030-12-25", "free_places": 0, "state": 3}]}, r"days\[0\]\.state"),
        (
            {"days": [{"date": "2030-12-25", "free_places": 0, "reason": "Navidad"}]},
            r"days\[0\]\.reason",
        ),
    ],
)
def test_availability_shape_errors(body: dict[str, Any], where: str) -> None:
    with pytest.raises(ParseError, match=where):
        parse_availability(body)


def test_slots_keep_the_agency_offset() -> None:
    slots = parse_slots(
        {
            "slots": [
                {
                    "id": 913,
                    "start": "2025-06-02T08:00:00-06:00",
                    "end": "2025-06-02T08:15:00-06:00",
                    "free_places": 2,
                }
            ]
        }
    )
    assert slots == [
        Slot(
            id="913",
            start=dt.datetime(2025, 6, 2, 14, 0, tzinfo=dt.UTC),
            end=dt.datetime(2025, 6, 2, 14, 15, tzinfo=dt.UTC),
            free_places=2,
        )
    ]
    assert slots[0].start.utcoffset() == dt.timedelta(hours=-6)  # Galápagos, shown as is


def test_a_slot_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ParseError, match=r"slots\[0\]\.end"):
        parse_slots(
            {
                "slots": [
                    {
                        "id": "s",
                        "start": "2025-06-02T08:15:00-05:00",
                        "end": "2025-06-02T08:00:00-05:00",
                        "free_places": 1,
                    }
                ]
            }
        )


def test_hold_carries_the_slot_it_was_asked_for() -> None:
    slot = Slot(
        "s1",
        dt.datetime(2025, 6, 2, 9, 30, tzinfo=QUITO),
        dt.datetime(2025, 6, 2, 9, 45, tzinfo=QUITO),
        1,
    )
    hold = parse_hold({"id": "h1", "expires_at": "2025-06-02T14:05:00Z"}, slot)
    assert hold.slot is slot
    assert hold.id == "h1"
    assert hold.expires_at == dt.datetime(2025, 6, 2, 14, 5, tzinfo=dt.UTC)


def test_confirmation_from_post_bookings() -> None:
    confirmation = parse_confirmation({"booking": BOOKING, "token": "TRN1:abc"})
    assert confirmation.token == "TRN1:abc"
    assert confirmation.booking == Booking(
        id="b7f3c2a1",
        code="QN-042",
        agency_id=1701,
        procedure_code="CLAVE_PATRONAL",
        start=dt.datetime(2025, 6, 2, 9, 30, tzinfo=QUITO),
        end=dt.datetime(2025, 6, 2, 9, 45, tzinfo=QUITO),
        masked_name="M••• P•••",
        masked_id="17••••••65",
    )
    with pytest.raises(ParseError, match=r"^booking\.agency:"):
        parse_confirmation({"booking": {**BOOKING, "agency": "1701"}, "token": "TRN1:abc"})
    with pytest.raises(ParseError, match=r"^token:"):
        parse_confirmation({"booking": BOOKING})


def test_current_bookings_in_both_shapes() -> None:
    flat = {**BOOKING, "token": "TRN1:flat"}
    nested = {"booking": {**BOOKING, "id": "b2"}, "token": "TRN1:nested"}
    result = parse_current_bookings({"bookings": [flat, nested]})
    assert [(c.booking.id, c.token) for c in result] == [
        ("b7f3c2a1", "TRN1:flat"),
        ("b2", "TRN1:nested"),
    ]
    assert parse_current_bookings({"bookings": []}) == []
    with pytest.raises(ParseError, match=r"bookings\[0\]\.token"):
        parse_current_bookings({"bookings": [BOOKING]})


def test_jwks() -> None:
    jwks = {"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": "AAECAwQFBgc", "x": "abc"}]}
    assert parse_jwks(jwks) == jwks
    with pytest.raises(ParseError, match=r"keys\[0\]"):
        parse_jwks({"keys": ["not a key"]})


def test_errors_never_quote_the_value() -> None:
    with pytest.raises(ParseError) as info:
        parse_lookup({"citizen": "x", "registered": True, "masked_name": 1710034065})
    assert "1710034065" not in str(info.value)
