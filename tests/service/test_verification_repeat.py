"""A request asked again because its answer was lost on the way (a cut connection, a timeout):
the code sent again with the same Idempotency-Key is the same verification, not a second
code nor a refusal for asking twice; the right code checked again soon after opens a new
session in place of the unused one. Neither opens a way round the limits."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from tests.service.helpers import Api, Citizen, new_cedula, new_email, new_mobile, problem
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService
from turnos.outbox import messages_to
from turnos.services import tokens
from turnos.services.tokens import Role


def _citizen(api: Api) -> Citizen:
    citizen = Citizen(new_cedula(), new_email(), new_mobile())
    api.lookup(citizen)
    return citizen


def _send(api: Api, citizen: Citizen, key: str | None, **body: Any) -> requests.Response:
    headers = {**api.kiosk, **({"Idempotency-Key": key} if key is not None else {})}
    payload = {"citizen": citizen.ref, "email": citizen.email, "phone": citizen.phone}
    return api.call(
        "POST",
        "/v1/verifications",
        json={**payload, "channel": "email", **body},
        headers=headers,
    )


def _bookings_current(api: Api, token: str) -> requests.Response:
    headers = {**api.kiosk, "X-Citizen-Session": token}
    return api.call("GET", "/v1/bookings/current", headers=headers)


def test_the_same_send_asked_again_is_the_same_verification(api: Api) -> None:
    citizen, key = _citizen(api), uuid.uuid4().hex
    first = _send(api, citizen, key)
    assert first.status_code == 201, first.text
    again = _send(api, citizen, key)
    assert again.status_code == 201, again.text
    assert again.json() == first.json()
    # one code only, and it is good
    assert len(messages_to(api.outbox, citizen.email)) == 1
    citizen.verification = first.json()["id"]
    assert api.confirm(citizen, api.code_for(citizen)).status_code == 200


def test_without_the_key_a_second_send_waits_its_minute(api: Api) -> None:
    citizen = _citizen(api)
    assert _send(api, citizen, None).status_code == 201
    problem(_send(api, citizen, None), 429, "rate_limited")
    # another key is another request: the cooldown holds as well
    assert _send(api, citizen, uuid.uuid4().hex).status_code == 429


def test_the_same_key_with_another_body_is_refused(api: Api) -> None:
    citizen, key = _citizen(api), uuid.uuid4().hex
    assert _send(api, citizen, key).status_code == 201
    body = problem(_send(api, citizen, key, language="en"), 400, "invalid_request")
    assert citizen.email not in str(body)
    assert len(messages_to(api.outbox, citizen.email)) == 1


def test_a_key_is_the_kiosks_own(api: Api, service: EmbeddedService) -> None:
    """Another kiosk sending the same key makes a request of its own: not answered with the
    first kiosk's verification, so it meets the minute between two codes to one address."""
    citizen, key = _citizen(api), uuid.uuid4().hex
    assert _send(api, citizen, key).status_code == 201
    ctx = service.context
    with ctx.db.transaction() as session:
        _, token = tokens.issue(session, Role.KIOSK, "second kiosk", ctx.now())
    other = Api(api.url, {"kiosk_token": token}, api.outbox)
    problem(_send(other, citizen, key), 429, "rate_limited")


def test_a_used_verification_is_not_answered_again(api: Api, clock: MovableClock) -> None:
    citizen, key = _citizen(api), uuid.uuid4().hex
    first = _send(api, citizen, key)
    citizen.verification = first.json()["id"]
    assert api.confirm(citizen, api.code_for(citizen)).status_code == 200
    clock.advance(61)
    again = _send(api, citizen, key)
    assert again.status_code == 201, again.text
    assert again.json()["id"] != citizen.verification
    assert len(messages_to(api.outbox, citizen.email)) == 2


def test_the_right_code_again_opens_a_new_session_and_ends_the_lost_one(api: Api) -> None:
    citizen = _citizen(api)
    citizen.verification = _send(api, citizen, None).json()["id"]
    code = api.code_for(citizen)
    lost = api.confirm(citizen, code)
    assert lost.status_code == 200
    again = api.confirm(citizen, code)
    assert again.status_code == 200, again.text
    token = again.json()["session_token"]
    assert token != lost.json()["session_token"]
    assert _bookings_current(api, token).status_code == 200
    problem(_bookings_current(api, lost.json()["session_token"]), 401, "unauthorized")


def test_a_session_already_holding_a_slot_is_not_taken_over(api: Api) -> None:
    citizen = _citizen(api)
    citizen.verification = _send(api, citizen, None).json()["id"]
    code = api.code_for(citizen)
    first = api.confirm(citizen, code)
    citizen.session = first.json()["session_token"]
    slot = api.find_slot(pick=7)
    assert api.hold(citizen, slot["id"]).status_code == 201
    problem(api.confirm(citizen, code), 422, "code_invalid")
    assert _bookings_current(api, citizen.session).status_code == 200


def test_wrong_codes_after_the_right_one_spend_the_same_tries(api: Api) -> None:
    citizen = _citizen(api)
    citizen.verification = _send(api, citizen, None).json()["id"]
    code = api.code_for(citizen)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    problem(api.confirm(citizen, wrong), 422, "code_invalid")  # 4 left
    assert api.confirm(citizen, code).status_code == 200
    for _ in range(4):
        problem(api.confirm(citizen, wrong), 422, "code_invalid")
    # five tries in all: the right code no longer opens anything
    problem(api.confirm(citizen, code), 422, "code_invalid")


def test_the_window_closes(api: Api, clock: MovableClock) -> None:
    citizen = _citizen(api)
    citizen.verification = _send(api, citizen, None).json()["id"]
    code = api.code_for(citizen)
    assert api.confirm(citizen, code).status_code == 200
    clock.advance(120)
    problem(api.confirm(citizen, code), 422, "code_invalid")
