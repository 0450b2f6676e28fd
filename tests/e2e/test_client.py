"""TurnosClient over real HTTP on loopback.

Part 1 talks to small scripted servers for what a healthy service never does (another API
version, 5xx, garbage, dropped connections, silence) and checks the exact requests sent.
Part 2 runs the whole citizen journey against the real `turnos` service.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import pickle
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from stdnum.ec import ci

from kiosk.backend.client import (
    BadResponse,
    IncompatibleService,
    ServiceError,
    ServiceUnavailable,
    Session,
    TurnosClient,
    Verification,
)
from kiosk.backend.heartbeat import (
    MAX_ERROR_CHARS,
    PaperLevel,
    PrinterState,
    build_payload,
    send_heartbeat,
)
from kiosk.domain.contact import Channel
from kiosk.domain.ids import IdType
from kiosk.domain.models import Availability, DayState, Localized, Slot
from kiosk.domain.token import KeySet
from kiosk.domain.token import verify as verify_token
from tests.helpers.scripted_http import Reply, ScriptedServer
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService
from turnos.outbox import latest_code

SESSION = Session("session-secret", dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
EMPTY_CATALOG: dict[str, list[Any]] = {"provinces": [], "procedures": [], "agencies": []}


# --- part 1: scripted servers ------------------------------------------------------------------


def test_unreachable_service_is_unavailable(
    closed_port: int, make_client: Callable[..., TurnosClient]
) -> None:
    client = make_client(f"http://127.0.0.1:{closed_port}", "k", timeout_s=2)
    with pytest.raises(ServiceUnavailable, match="connection failed") as info:
        client.health()
    assert info.value.status is None
    with pytest.raises(ServiceUnavailable):
        client.lookup("cedula", "1710034065")


def test_unknown_host_is_unavailable(make_client: Callable[..., TurnosClient]) -> None:
    # .invalid never resolves (RFC 6761); the resolver answers locally.
    client = make_client("http://turnos.invalid", "k", timeout_s=2)
    with pytest.raises(ServiceUnavailable):
        client.health()


def test_another_major_api_version_is_incompatible(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/health", Reply(body={"status": "ok", "api_version": "2"}))
    with pytest.raises(IncompatibleService) as info:
        scripted_client.health()
    assert info.value.api_version == "2"
    assert "version 1" in str(info.value)


def test_health_without_a_version_is_a_bad_response(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/health", Reply(body={"status": "ok"}))
    with pytest.raises(BadResponse, match="api_version"):
        scripted_client.health()


def test_health_accepts_a_minor_revision(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply(
        "GET", "/v1/health", Reply(body={"status": "ok", "api_version": "1.3", "version": "9"})
    )
    health = scripted_client.health()
    assert (health.api_version, health.version) == ("1.3", "9")


def test_headers_sent(scripted: ScriptedServer, scripted_client: TurnosClient) -> None:
    scripted.reply(
        "POST",
        "/v1/bookings",
        Reply(
            201,
            {
                "booking": {
                    "id": "b1",
                    "code": "A-001",
                    "agency": 1,
                    "procedure": "P",
                    "start": "2030-01-02T09:00:00-05:00",
                    "end": "2030-01-02T09:15:00-05:00",
                    "masked_name": "A•••",
                    "masked_id": "17••••••65",
                },
                "token": "TRN1:x",
            },
        ),
    )
    confirmation = scripted_client.book(SESSION, "h1", "idem-123")
    assert confirmation.booking.code == "A-001"
    (seen,) = scripted.seen
    assert seen.headers["Authorization"] == "Bearer kiosk-test-token"
    assert seen.headers["X-Citizen-Session"] == "session-secret"
    assert seen.headers["Idempotency-Key"] == "idem-123"
    assert json.loads(seen.body) == {"hold": "h1"}


def test_no_authorization_header_without_a_kiosk_token(
    scripted: ScriptedServer, make_client: Callable[..., TurnosClient]
) -> None:
    scripted.reply("GET", "/v1/keys", Reply(body={"keys": []}))
    assert make_client(scripted.url + "/v1/", None).keys() == {"keys": []}
    assert "Authorization" not in scripted.seen[0].headers
    assert scripted.seen[0].path == "/v1/keys"


def test_query_parameters(scripted: ScriptedServer, scripted_client: TurnosClient) -> None:
    scripted.reply("GET", "/v1/availability", Reply(body={"days": []}))
    scripted.reply("GET", "/v1/slots", Reply(body={"slots": []}))
    start, end = dt.date(2030, 1, 1), dt.date(2030, 1, 31)
    assert scripted_client.availability(17, "CLAVE_PATRONAL", start, end) == Availability(())
    assert scripted_client.slots(17, "CLAVE_PATRONAL", start) == []
    assert [s.path for s in scripted.seen] == [
        "/v1/availability?agency=17&procedure=CLAVE_PATRONAL&from=2030-01-01&to=2030-01-31",
        "/v1/slots?agency=17&procedure=CLAVE_PATRONAL&date=2030-01-01",
    ]


def test_problem_json_maps_to_service_error(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply(
        "POST",
        "/v1/verifications/v9/confirm",
        Reply(
            400,
            {
                "type": "about:blank",
                "title": "Wrong code",
                "status": 400,
                "code": "code_invalid",
                "detail": "code 123456 for maria@example.com is wrong",
                "attempts_left": 2,
            },
            {"Content-Type": "application/problem+json"},
        ),
    )
    with pytest.raises(ServiceError) as info:
        scripted_client.confirm("v9", "123456")
    error = info.value
    assert (error.code, error.status, error.attempts_left, error.retry_after) == (
        "code_invalid",
        400,
        2,
        None,
    )
    # The service's free text may quote personal data: it never reaches the message.
    assert "123456" not in str(error)
    assert "maria" not in str(error)
    assert pickle.loads(pickle.dumps(error)).attempts_left == 2  # noqa: S301 (our own bytes)


def test_retry_after_in_seconds_and_as_a_date(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    problem = {"status": 429, "code": "rate_limited", "title": "Slow down"}
    scripted.reply(
        "POST",
        "/v1/citizens/lookup",
        Reply(429, problem, {"Retry-After": "30"}),
        Reply(429, problem, {"Retry-After": "Wed, 01 Jan 2020 00:00:00 GMT"}),
    )
    with pytest.raises(ServiceError) as first:
        scripted_client.lookup("cedula", "1710034065")
    assert (first.value.code, first.value.retry_after) == ("rate_limited", 30.0)
    with pytest.raises(ServiceError) as second:
        scripted_client.lookup("cedula", "1710034065")
    assert second.value.retry_after == 0.0  # a date in the past: retry now


def test_a_4xx_without_problem_json_still_gets_a_code(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/catalog", Reply(401, b"<html>login</html>"))
    with pytest.raises(ServiceError) as info:
        scripted_client.catalog()
    assert (info.value.code, info.value.status) == ("unauthorized", 401)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_unavailable(
    status: int, scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("POST", "/v1/holds", Reply(status, b"<html>oops</html>", {"Retry-After": "5"}))
    with pytest.raises(ServiceUnavailable) as info:
        scripted_client.hold(SESSION, Slot("s1", dt.datetime.now(dt.UTC), _later(), 1))
    assert (info.value.status, info.value.retry_after) == (status, 5.0)
    assert len(scripted.seen) == 1  # a POST is never repeated


def _problem_reply(status: int, code: str) -> Reply:
    body = {"status": status, "code": code, "title": "Something went wrong"}
    return Reply(status, body, {"Content-Type": "application/problem+json", "Retry-After": "60"})


def test_a_5xx_problem_keeps_its_code(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("POST", "/v1/verifications", _problem_reply(503, "database_unavailable"))
    with pytest.raises(ServiceUnavailable) as info:
        scripted_client.start_verification("c1", "maria@example.com", None, "email")
    assert (info.value.code, info.value.status, info.value.retry_after) == (
        "database_unavailable",
        503,
        60.0,
    )
    assert "maria" not in str(info.value)
    copy = pickle.loads(pickle.dumps(info.value))  # noqa: S301 (our own bytes)
    assert (type(copy), copy.code, copy.status) == (ServiceUnavailable, "database_unavailable", 503)


def test_a_failed_delivery_is_the_contact_steps_refusal_not_an_outage(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("POST", "/v1/verifications", _problem_reply(503, "delivery_failed"))
    with pytest.raises(ServiceError) as info:
        scripted_client.start_verification("c1", "maria@example.com", "+593991234567", "sms")
    assert type(info.value) is ServiceError
    assert (info.value.code, info.value.status, info.value.retry_after) == (
        "delivery_failed",
        503,
        60.0,
    )
    assert "maria" not in str(info.value)
    assert "99123" not in str(info.value)
    assert len(scripted.seen) == 1  # a POST is never repeated


@pytest.mark.parametrize("status", [500, 502])
def test_delivery_failed_on_another_status_is_still_unavailable(
    status: int, scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("POST", "/v1/verifications", _problem_reply(status, "delivery_failed"))
    with pytest.raises(ServiceUnavailable) as info:
        scripted_client.start_verification("c1", "maria@example.com", None, "email")
    assert info.value.status == status


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b"<html>captive portal</html>"),
        Reply(200, {"slots": [{"id": "s1"}]}),
        Reply(302, b"", {"Location": "http://elsewhere.invalid/"}),
    ],
    ids=["not-json", "wrong-shape", "redirect"],
)
def test_garbage_is_a_bad_response(
    reply: Reply, scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/slots", reply)
    with pytest.raises(BadResponse) as info:
        scripted_client.slots(1, "P", dt.date(2030, 1, 1))
    assert isinstance(info.value, ServiceUnavailable)  # the kiosk treats it as out of service


def test_a_get_is_retried_once_after_a_dropped_connection(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/keys", Reply(drop=True), Reply(body={"keys": []}))
    assert scripted_client.keys() == {"keys": []}
    assert len(scripted.seen) == 2


def test_a_get_is_retried_only_once(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/keys", Reply(drop=True))
    with pytest.raises(ServiceUnavailable, match="connection failed"):
        scripted_client.keys()
    assert len(scripted.seen) == 2


def test_a_post_is_never_retried(scripted: ScriptedServer, scripted_client: TurnosClient) -> None:
    scripted.reply("POST", "/v1/bookings", Reply(drop=True), Reply(201, {}))
    with pytest.raises(ServiceUnavailable):
        scripted_client.book(SESSION, "h1", "idem-1")
    assert len(scripted.seen) == 1


def test_a_silent_service_times_out(
    scripted: ScriptedServer, make_client: Callable[..., TurnosClient]
) -> None:
    scripted.reply("GET", "/v1/health", Reply(hang=True))
    client = make_client(scripted.url, "k", timeout_s=0.3)
    with pytest.raises(ServiceUnavailable, match="timed out"):
        client.health()
    assert len(scripted.seen) == 1  # slowness is not retried


def test_catalog_is_revalidated_with_its_etag(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply(
        "GET",
        "/v1/catalog",
        Reply(body=EMPTY_CATALOG, headers={"ETag": '"v1"'}),
        Reply(304, headers={"ETag": '"v1"'}),
    )
    first = scripted_client.catalog()
    second = scripted_client.catalog()
    assert second is first
    assert scripted_client.cached_catalog is first
    assert "If-None-Match" not in scripted.seen[0].headers
    assert scripted.seen[1].headers["If-None-Match"] == '"v1"'


def test_a_304_without_a_cached_catalog_is_a_bad_response(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/catalog", Reply(304))
    with pytest.raises(BadResponse):
        scripted_client.catalog()


def test_release_of_a_hold_that_is_already_gone_is_fine(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    gone = {"status": 404, "code": "not_found", "title": "Not found"}
    scripted.reply("DELETE", "/v1/holds/h%2F1", Reply(404, gone))
    scripted_client.release_hold(SESSION, "h/1")  # quoted as one path segment
    scripted.reply("DELETE", "/v1/holds/h2", Reply(401, {"code": "unauthorized", "status": 401}))
    with pytest.raises(ServiceError, match="unauthorized"):
        scripted_client.release_hold(SESSION, "h2")


def test_one_client_serves_several_threads(
    scripted: ScriptedServer, scripted_client: TurnosClient
) -> None:
    scripted.reply("GET", "/v1/catalog", Reply(body=EMPTY_CATALOG, headers={"ETag": '"v1"'}))
    results: list[Any] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                results.append(scripted_client.catalog())
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(results) == 20
    assert all(r == results[0] for r in results)


def test_client_repr_hides_the_token(scripted_client: TurnosClient) -> None:
    assert "kiosk-test-token" not in repr(scripted_client)


# --- heartbeat ---------------------------------------------------------------------------------


def test_heartbeat_payload_is_short_and_impersonal() -> None:
    error = ValueError(
        "cédula 1710034065 rejected for maria.perez@example.com, phone +593 99 123 4567 "
        + "x" * 400
    )
    payload = build_payload("0.1.0", "ready", "low", error)
    assert payload.printer_state is PrinterState.READY
    assert payload.paper is PaperLevel.LOW
    assert payload.last_error is not None
    assert payload.last_error.startswith("ValueError: cédula [number] rejected for [email]")
    assert "1710034065" not in payload.last_error
    assert "4567" not in payload.last_error
    assert len(payload.last_error) == MAX_ERROR_CHARS
    assert build_payload("0.1.0", "on fire", "???", None).to_json() == {
        "version": "0.1.0",
        "printer_state": "unknown",
        "paper": "unknown",
        "last_error": None,
    }


def test_heartbeat_sent(scripted: ScriptedServer, scripted_client: TurnosClient) -> None:
    scripted.reply("POST", "/v1/kiosks/heartbeat", Reply(204))
    payload = build_payload("0.1.0", PrinterState.ERROR, PaperLevel.OUT, "printer jammed")
    assert send_heartbeat(scripted_client, payload)
    assert json.loads(scripted.seen[0].body) == {
        "version": "0.1.0",
        "printer_state": "error",
        "paper": "out",
        "last_error": "printer jammed",
    }


def test_heartbeat_to_a_dead_service_is_not_an_error(
    closed_port: int, make_client: Callable[..., TurnosClient]
) -> None:
    client = make_client(f"http://127.0.0.1:{closed_port}", "k")
    assert not send_heartbeat(client, build_payload("0.1.0", "ready", "ok", None))


def _later() -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=15)


# --- part 2: the real turnos service -----------------------------------------------------------

_serial = itertools.count(1)


def fresh_cedula() -> str:
    """A valid Pichincha cédula not used before in this run: the service lets a citizen ask for
    one code a minute, so every journey gets its own citizen."""
    base = f"1705{next(_serial):05d}"  # province 17, third digit 0: a natural person
    return next(base + d for d in "0123456789" if ci.is_valid(base + d))


def fresh_email() -> str:
    return f"citizen{os.getpid()}.{next(_serial)}@example.com"


@pytest.fixture
def client(
    turnos_service: EmbeddedService, make_client: Callable[..., TurnosClient]
) -> TurnosClient:
    return make_client(turnos_service.url, turnos_service.credentials["kiosk_token"])


def start(
    client: TurnosClient, cedula: str | None = None, email: str | None = None
) -> tuple[Verification, str]:
    lookup = client.lookup(IdType.CEDULA, cedula or fresh_cedula())
    email = email or fresh_email()
    return client.start_verification(lookup.citizen, email, None, Channel.EMAIL), email


def verify(client: TurnosClient, service: EmbeddedService) -> Session:
    """Look a citizen up, send a code by email, read it from the outbox, confirm it."""
    verification, email = start(client)
    return client.confirm(verification.id, latest_code(service.outbox, email))


def free_slots(client: TurnosClient, procedure: str | None = None) -> tuple[int, str, list[Slot]]:
    """An agency, a procedure and the free slots of its first bookable day after today (so a
    test that moves the service's clock on never finds its slot already begun)."""
    catalog = client.catalog()
    today = dt.date.today() + dt.timedelta(days=1)
    for agency in catalog.agencies:
        for code in sorted(agency.procedure_codes):
            if procedure is not None and code != procedure:
                continue
            window = client.availability(agency.id, code, today, today + dt.timedelta(days=27))
            for day in (d for d in window.days if d.available):
                slots = [s for s in client.slots(agency.id, code, day.date) if s.free_places]
                if len(slots) >= 2:
                    return agency.id, code, slots
    raise AssertionError("the demo service offers no free slots in the next four weeks")


def test_health_of_the_real_service(client: TurnosClient) -> None:
    assert client.health().api_version == "1"


def test_demo_citizen_lookup(client: TurnosClient) -> None:
    lookup = client.lookup(IdType.CEDULA, "1710034065")
    assert lookup.registered
    assert lookup.citizen
    assert "•" in lookup.masked_name  # the name is masked by the service


def test_whole_citizen_journey(client: TurnosClient, turnos_service: EmbeddedService) -> None:
    session = verify(client, turnos_service)
    assert session.expires_at > dt.datetime.now(dt.UTC)

    catalog = client.catalog()
    assert catalog.provinces
    assert catalog.procedures
    assert catalog.agencies
    assert client.catalog() is catalog  # revalidated by ETag: 304, the same object

    agency_id, procedure, slots = free_slots(client)
    hold = client.hold(session, slots[0])
    assert hold.slot == slots[0]
    assert hold.expires_at > dt.datetime.now(dt.UTC)

    key = str(uuid.uuid4())
    first = client.book(session, hold.id, key)
    again = client.book(session, hold.id, key)  # the kiosk retrying after a lost answer
    assert again == first
    booking = first.booking
    assert (booking.agency_id, booking.procedure_code) == (agency_id, procedure)
    assert (booking.start, booking.end) == (slots[0].start, slots[0].end)
    assert booking.code

    # The token in the QR verifies against the service's published keys.
    claims = verify_token(first.token, KeySet.from_jwks(client.keys()), int(time.time()))
    assert (claims.turn_code, claims.agency_id, claims.procedure_code) == (
        booking.code,
        agency_id,
        procedure,
    )

    # One active turn per procedure: another slot of the same procedure is refused.
    with pytest.raises(ServiceError) as info:
        client.hold(session, slots[1])
    assert (info.value.code, info.value.status) == ("already_booked", 409)

    assert client.current_bookings(session) == [first]
    client.cancel_booking(session, booking.id)
    assert client.current_bookings(session) == []

    client.end_session(session)
    with pytest.raises(ServiceError) as ended:
        client.current_bookings(session)
    assert ended.value.code == "unauthorized"


def test_wrong_code_counts_down(client: TurnosClient, turnos_service: EmbeddedService) -> None:
    verification, email = start(client)
    code = latest_code(turnos_service.outbox, email)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    with pytest.raises(ServiceError) as first:
        client.confirm(verification.id, wrong)
    with pytest.raises(ServiceError) as second:
        client.confirm(verification.id, wrong)
    assert first.value.code == "code_invalid"
    assert first.value.attempts_left is not None
    assert second.value.attempts_left == first.value.attempts_left - 1
    assert wrong not in str(first.value)
    assert client.confirm(verification.id, code).token  # the right code still works


def test_invalid_id(client: TurnosClient) -> None:
    with pytest.raises(ServiceError) as info:
        client.lookup(IdType.CEDULA, "1710034060")  # wrong check digit
    assert (info.value.code, info.value.status) == ("invalid_id", 422)
    assert "1710034060" not in str(info.value)


def test_invalid_contact(client: TurnosClient) -> None:
    lookup = client.lookup(IdType.CEDULA, fresh_cedula())
    with pytest.raises(ServiceError) as info:
        client.start_verification(lookup.citizen, "not-an-email", None, Channel.EMAIL)
    assert info.value.code == "invalid_contact"


def test_the_code_says_until_when_it_is_valid(client: TurnosClient) -> None:
    before = dt.datetime.now(dt.UTC)
    verification, _ = start(client)
    assert verification.expires_at.tzinfo is not None  # aware: the kiosk shows it as HH:MM
    lifetime = verification.expires_at - before
    assert dt.timedelta(minutes=9) < lifetime <= dt.timedelta(minutes=10, seconds=2)
    assert verification.resend_after.tzinfo is not None


def test_a_second_code_to_one_address_within_the_minute_is_rate_limited(
    client: TurnosClient,
) -> None:
    cedula = fresh_cedula()
    _, email = start(client, cedula)
    with pytest.raises(ServiceError) as info:
        start(client, cedula, email)  # "Empezar de nuevo" at once, the same address
    assert info.value.code == "rate_limited"
    assert info.value.retry_after is not None
    assert 0 < info.value.retry_after <= 60
    assert start(client, cedula)[0].id  # a corrected address gets its code at once


def test_wrong_kiosk_token(
    turnos_service: EmbeddedService, make_client: Callable[..., TurnosClient]
) -> None:
    with pytest.raises(ServiceError) as info:
        make_client(turnos_service.url, "not-a-kiosk-token").catalog()
    assert (info.value.code, info.value.status) == ("unauthorized", 401)


def test_heartbeat_reaches_the_operators(
    client: TurnosClient, turnos_service: EmbeddedService
) -> None:
    client.heartbeat("0.1.0-test", PrinterState.READY, PaperLevel.LOW, "jam at 1710034065")
    answer = requests.get(
        turnos_service.url + "/v1/kiosks",
        headers={"Authorization": f"Bearer {turnos_service.credentials['operator_token']}"},
        timeout=10,
    )
    answer.raise_for_status()
    mine = [k for k in answer.json()["kiosks"] if k["version"] == "0.1.0-test"]
    assert len(mine) == 1
    assert (mine[0]["printer_state"], mine[0]["paper"]) == ("ready", "low")
    assert mine[0]["last_error"] == "jam at [number]"


# --- the real service on a clock the test moves ------------------------------------------------


@pytest.fixture
def timed(
    clocked_service: tuple[EmbeddedService, MovableClock],
    make_client: Callable[..., TurnosClient],
) -> tuple[TurnosClient, EmbeddedService, MovableClock]:
    service, clock = clocked_service
    return make_client(service.url, service.credentials["kiosk_token"]), service, clock


def test_expired_hold(timed: tuple[TurnosClient, EmbeddedService, MovableClock]) -> None:
    client, service, clock = timed
    session = verify(client, service)
    _agency, _procedure, slots = free_slots(client)
    hold = client.hold(session, slots[0])
    clock.advance(service.settings.hold_ttl_s + 1)
    with pytest.raises(ServiceError) as info:
        client.book(session, hold.id, str(uuid.uuid4()))
    assert (info.value.code, info.value.status) == ("hold_expired", 410)
    client.release_hold(session, hold.id)  # releasing an expired hold is not an error


def test_expired_code_and_resend(timed: tuple[TurnosClient, EmbeddedService, MovableClock]) -> None:
    client, service, clock = timed
    verification, email = start(client)
    with pytest.raises(ServiceError) as too_soon:
        client.resend(verification.id)
    assert too_soon.value.code == "rate_limited"
    old_code = latest_code(service.outbox, email)
    clock.advance(service.settings.code_ttl_s + 1)
    with pytest.raises(ServiceError) as expired:
        client.confirm(verification.id, old_code)
    assert expired.value.code == "code_expired"

    resent = client.resend(verification.id)
    assert resent.id == verification.id
    assert resent.expires_at > verification.expires_at
    assert client.confirm(verification.id, latest_code(service.outbox, email)).token


def test_five_wrong_codes_then_a_new_code_works(
    timed: tuple[TurnosClient, EmbeddedService, MovableClock],
) -> None:
    client, service, clock = timed
    verification, email = start(client)
    code = latest_code(service.outbox, email)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1, 0):
        with pytest.raises(ServiceError) as info:
            client.confirm(verification.id, wrong)
        assert info.value.attempts_left == left
    with pytest.raises(ServiceError) as spent:
        client.confirm(verification.id, code)
    assert (spent.value.code, spent.value.attempts_left) == ("too_many_attempts", 0)
    with pytest.raises(ServiceError) as too_soon:
        client.resend(verification.id)
    assert too_soon.value.code == "rate_limited"
    assert too_soon.value.retry_after is not None
    assert 0 < too_soon.value.retry_after <= 60
    clock.advance(int(too_soon.value.retry_after))
    client.resend(verification.id)
    assert client.confirm(verification.id, latest_code(service.outbox, email)).token


def test_the_hourly_limit_per_citizen_says_when_to_come_back(
    timed: tuple[TurnosClient, EmbeddedService, MovableClock],
) -> None:
    client, service, _clock = timed
    cedula = fresh_cedula()
    for _ in range(service.settings.citizen_sends_per_hour):
        start(client, cedula)
    with pytest.raises(ServiceError) as info:
        start(client, cedula)
    assert info.value.code == "rate_limited"
    assert info.value.retry_after is not None
    assert 3500 < info.value.retry_after <= 3600


def test_availability_of_the_real_service(
    timed: tuple[TurnosClient, EmbeddedService, MovableClock],
) -> None:
    """Closed weekends and holidays (named), open days with places, days past the window not
    open yet, and the window's last day: on Monday 16 December 2030, 07:00 in Quito."""
    client, _service, clock = timed
    monday = dt.date(2030, 12, 16)
    clock.set(int(dt.datetime(2030, 12, 16, 7, tzinfo=ZoneInfo("America/Guayaquil")).timestamp()))
    window = client.availability(171, "CLAVE_PATRONAL", dt.date(2030, 12, 1), dt.date(2031, 1, 31))
    assert window.last_bookable == dt.date(2031, 1, 13)
    days = {d.date: d for d in window.days}
    assert min(days) == monday  # the days before the service's today are left out
    assert days[monday].state is DayState.OPEN
    assert days[monday].available
    assert days[dt.date(2030, 12, 21)].state is DayState.CLOSED  # a Saturday
    assert days[dt.date(2030, 12, 21)].reason is None
    christmas = days[dt.date(2030, 12, 25)]
    assert (christmas.state, christmas.reason) == (
        DayState.CLOSED,
        Localized("Navidad", "Christmas Day"),
    )
    assert not christmas.available
    assert days[dt.date(2031, 1, 14)].state is DayState.NOT_OPEN
    assert not days[dt.date(2031, 1, 14)].available
