"""The answer parsers at the edges of the contract: what a newer service may add, and how a
malformed answer is reported (the field, never its value: it may be a cédula or an e-mail).

The shapes of the happy path are in tests/unit/test_parse.py; the answers here are shaped as
`turnos/schemas.py` sends them, fields the kiosk does not read included.
"""

from __future__ import annotations

import copy
import datetime as dt
import traceback
from collections.abc import Callable
from typing import Any

import pytest

from kiosk.backend.client import BadResponse, Session, TurnosClient
from kiosk.backend.parse import (
    ParseError,
    parse_availability,
    parse_booking,
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
from kiosk.domain.models import Slot
from tests.helpers.scripted_http import Reply, ScriptedServer

CEDULA = "1710034065"
EMAIL = "maria.perez@example.ec"
SESSION = Session("s3cr3t", dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
SLOT = Slot(
    "s1",
    dt.datetime(2030, 6, 3, 13, 30, tzinfo=dt.UTC),
    dt.datetime(2030, 6, 3, 13, 45, tzinfo=dt.UTC),
    1,
)

TEXT = {"es": "Cédula", "en": "Identity card"}
BOOKING = {
    "id": "b1",
    "code": "QN-042",
    "agency": 1701,
    "procedure": "CLAVE_PATRONAL",
    "start": "2030-06-03T08:30:00-05:00",
    "end": "2030-06-03T08:45:00-05:00",
    "masked_name": "M••• P•••",
    "masked_id": "17••••••65",
    "state": "active",
}
ANSWERS: dict[str, tuple[Callable[[Any], object], dict[str, Any]]] = {
    "health": (parse_health, {"status": "ok", "api_version": "1", "version": "0.1.0"}),
    "catalog": (
        parse_catalog,
        {
            "provinces": [{"code": "17", "name": {"es": "Pichincha", "en": "Pichincha"}}],
            "procedures": [
                {
                    "code": "CLAVE_PATRONAL",
                    "name": TEXT,
                    "requirements": [
                        {"title": TEXT, "detail": TEXT, "applies_to": "passport"},
                    ],
                }
            ],
            "agencies": [
                {
                    "id": 1701,
                    "name": TEXT,
                    "province_code": "17",
                    "address": TEXT,
                    "time_zone": "America/Guayaquil",
                    "hours": [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "17:00"}],
                    "procedures": ["CLAVE_PATRONAL"],
                }
            ],
            "privacy": {"retention_days": 30},
        },
    ),
    "lookup": (parse_lookup, {"citizen": "c-81f2", "registered": True, "masked_name": "M•••"}),
    "verification": (
        parse_verification,
        {"id": "v1", "expires_at": "2030-06-02T14:10:00Z", "resend_after": "2030-06-02T14:01Z"},
    ),
    "session": (parse_session, {"session_token": "tok", "expires_at": "2030-06-02T14:30Z"}),
    "availability": (
        parse_availability,
        {
            "days": [
                {"date": "2030-12-24", "free_places": 5, "state": "open", "reason": None},
                {"date": "2030-12-25", "free_places": 0, "state": "closed", "reason": TEXT},
            ],
            "last_bookable": "2031-01-13",
        },
    ),
    "slots": (
        parse_slots,
        {
            "slots": [
                {
                    "id": "913",
                    "start": "2030-06-03T08:00:00-06:00",
                    "end": "2030-06-03T08:15:00-06:00",
                    "free_places": 2,
                }
            ]
        },
    ),
    "hold": (lambda d: parse_hold(d, SLOT), {"id": "h1", "expires_at": "2030-06-03T13:05Z"}),
    "booking": (parse_booking, BOOKING),
    "confirmation": (parse_confirmation, {"booking": BOOKING, "token": "TRN1:abc"}),
    "current bookings": (
        parse_current_bookings,
        {
            "bookings": [
                {**BOOKING, "token": "TRN1:flat"},
                {"booking": {**BOOKING, "id": "b2"}, "token": "TRN1:nested"},
            ]
        },
    ),
    "keys": (parse_jwks, {"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": "k1", "x": "abc"}]}),
}


def _with_unknown_fields(value: Any) -> Any:
    """`value` with a field no kiosk knows yet added to every object, however deep."""
    if isinstance(value, dict):
        known = {key: _with_unknown_fields(item) for key, item in value.items()}
        return {**known, "added_in_v1_9": {"anything": [1, "x", None]}}
    if isinstance(value, list):
        return [_with_unknown_fields(item) for item in value]
    return value


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_unknown_fields_are_ignored_at_every_level(name: str) -> None:
    parse, answer = ANSWERS[name]
    expected = parse(copy.deepcopy(answer))
    newer = _with_unknown_fields(answer)
    assert newer != answer
    if name == "keys":  # the raw JWKS is handed on as it came
        assert parse(newer) == newer
    else:
        assert parse(newer) == expected


def _broken(name: str, *path: str | int, value: Any) -> tuple[str, Any]:
    answer = copy.deepcopy(ANSWERS[name][1])
    target = answer
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return name, answer


# (answer broken by a personal value where it does not belong, the field named, the words)
MALFORMED = [
    (_broken("lookup", "masked_name", value=int(CEDULA)), "lookup.masked_name", "a string"),
    (_broken("lookup", "registered", value=CEDULA), "lookup.registered", "true or false"),
    (_broken("lookup", "citizen", value=[CEDULA]), "lookup.citizen", "an identifier"),
    (
        _broken("session", "expires_at", value=EMAIL),
        "session.expires_at",
        "an ISO 8601 date-time",
    ),
    (_broken("booking", "agency", value=CEDULA), "booking.agency", "an integer"),
    (_broken("confirmation", "booking", value=EMAIL), "booking", "an object"),
    (
        _broken("current bookings", "bookings", 1, "booking", "masked_id", value=int(CEDULA)),
        "bookings[1].booking.masked_id",
        "a string",
    ),
    (
        _broken("current bookings", "bookings", 0, "token", value=None),
        "bookings[0].token",
        "a string",
    ),
    (_broken("availability", "days", 1, "date", value=EMAIL), "days[1].date", "an ISO 8601 date"),
    (
        _broken("catalog", "agencies", 0, "hours", 0, "closes", value=EMAIL),
        "agencies[0].hours[0].closes",
        "a time HH:MM",
    ),
    (_broken("catalog", "provinces", 0, value=CEDULA), "provinces[0]", "an object"),
    (_broken("slots", "slots", 0, "free_places", value=1.5), "slots[0].free_places", "an integer"),
    (
        _broken("verification", "expires_at", value=1e300),
        "verification.expires_at",
        "a date-time",
    ),
]


@pytest.mark.parametrize(("broken", "where", "words"), MALFORMED)
def test_a_malformed_answer_names_the_field_and_never_the_value(
    broken: tuple[str, Any], where: str, words: str
) -> None:
    name, answer = broken
    with pytest.raises(ParseError) as info:
        ANSWERS[name][0](answer)
    assert info.value.where == where
    assert str(info.value) == f"{where}: expected {words}"
    # Neither the message nor anything chained to it (pydantic's error quotes the input).
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    shown = "".join(traceback.format_exception(info.value)) + repr(info.value)
    assert CEDULA not in shown
    assert EMAIL not in shown


def test_an_answer_that_is_not_an_object() -> None:
    with pytest.raises(ParseError) as info:
        parse_catalog([CEDULA])
    assert (info.value.where, str(info.value)) == ("", "expected an object")
    with pytest.raises(ParseError, match=r"^lookup: expected an object$"):
        parse_lookup(EMAIL)
    with pytest.raises(ParseError, match=r"^keys: expected a list$"):
        parse_jwks({"keys": EMAIL})


def test_the_client_raises_bad_response_naming_the_field(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    answer = {"citizen": "c1", "registered": True, "masked_name": EMAIL, "citizen_id": CEDULA}
    scripted.reply(
        "POST",
        "/v1/citizens/lookup",
        Reply(body={**answer, "masked_name": 42}),
        Reply(body=answer),
    )
    with pytest.raises(BadResponse) as info:
        scripted_client.lookup("cedula", CEDULA)
    assert str(info.value) == "unexpected response shape: lookup.masked_name: expected a string"
    assert CEDULA not in "".join(traceback.format_exception(info.value))

    # An e-mail where an instant belongs: the date parser's own error would quote it.
    scripted.reply(
        "POST",
        "/v1/verifications/v1/confirm",
        Reply(body={"session_token": "tok", "expires_at": EMAIL}),
    )
    with pytest.raises(BadResponse, match=r"session\.expires_at: expected an ISO 8601") as info:
        scripted_client.confirm("v1", "123456")
    assert EMAIL not in "".join(traceback.format_exception(info.value))

    # The same client reads a well-formed answer that carries fields it does not know.
    assert scripted_client.lookup("cedula", CEDULA).masked_name == EMAIL
