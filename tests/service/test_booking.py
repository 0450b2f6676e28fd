"""Holds, bookings, idempotency, the one-turn rule, current bookings, cancellation, token."""

from __future__ import annotations

import datetime as dt
import uuid

import requests

from kiosk.domain.token import KeySet, verify
from tests.service.helpers import Api, confirmation_in, problem
from turnos.clock import MovableClock


def test_book_a_held_slot_and_verify_the_token_with_the_published_key(api: Api) -> None:
    citizen = api.verified_citizen()
    slot = api.find_slot(pick=3)
    before = slot["free_places"]
    r = api.hold(citizen, slot["id"])
    assert r.status_code == 201
    # Held places count as taken.
    day = dt.date.fromisoformat(slot["start"][:10])
    after = next(s for s in api.slots(171, "CLAVE_PATRONAL", day) if s["id"] == slot["id"])
    assert after["free_places"] == before - 1
    r = api.book(citizen, r.json()["id"])
    assert r.status_code == 201, r.text
    body = r.json()
    booking = body["booking"]
    assert booking["start"] == slot["start"]
    assert booking["agency"] == 171
    assert booking["code"].startswith("CP-")
    assert "•" in booking["masked_id"]
    assert citizen.cedula not in r.text
    keys = KeySet.from_jwks(requests.get(api.url + "/v1/keys", timeout=10).json())
    claims = verify(body["token"], keys, api.clock.now())
    assert claims.booking_id.hex() == booking["id"]
    assert claims.turn_code == booking["code"]
    assert claims.agency_id == 171
    assert claims.turn_start == int(dt.datetime.fromisoformat(booking["start"]).timestamp())
    # The confirmation email has the QR as an inline image, and no token text.
    mail = confirmation_in(api.outbox, citizen.email)
    assert mail["X-Turnos-Kind"] == "booking"
    assert [p.get_content_type() for p in mail.walk() if p.get_content_disposition()] == [
        "image/png"
    ]
    plain = mail.get_body(("plain",))
    assert plain is not None
    assert booking["code"] in plain.get_content()
    assert body["token"] not in mail.as_string()


def test_one_active_turn_per_citizen_and_procedure(api: Api) -> None:
    citizen = api.verified_citizen()
    api.booked(citizen, api.find_slot(pick=5)["id"])
    problem(api.hold(citizen, api.find_slot(pick=6)["id"]), 409, "already_booked")
    # Another procedure is fine.
    other = api.find_slot(procedure="CLAVE_AFILIADO", pick=1)
    assert api.hold(citizen, other["id"]).status_code == 201


def test_a_full_slot_is_unavailable(api: Api) -> None:
    slot = api.find_slot(free=1, pick=2)
    first, second = api.verified_citizen(), api.verified_citizen()
    assert api.hold(first, slot["id"]).status_code == 201
    problem(api.hold(second, slot["id"]), 409, "slot_unavailable")
    problem(api.hold(second, "171.CLAVE_PATRONAL.12345"), 409, "slot_unavailable")
    problem(api.hold(second, "garbage"), 404, "not_found")


def test_a_new_hold_releases_the_old_one(api: Api) -> None:
    slot = api.find_slot(free=1, pick=4)
    citizen, other = api.verified_citizen(), api.verified_citizen()
    first = api.hold(citizen, slot["id"]).json()["id"]
    assert api.hold(citizen, api.find_slot(pick=8)["id"]).status_code == 201
    problem(api.book(citizen, first), 410, "hold_expired")
    assert api.hold(other, slot["id"]).status_code == 201


def test_released_hold_frees_the_place(api: Api) -> None:
    slot = api.find_slot(free=1, pick=6)
    citizen, other = api.verified_citizen(), api.verified_citizen()
    hold = api.hold(citizen, slot["id"]).json()["id"]
    r = api.call("DELETE", f"/v1/holds/{hold}", headers=api.as_citizen(citizen))
    assert r.status_code == 204
    assert api.hold(other, slot["id"]).status_code == 201
    problem(
        api.call("DELETE", f"/v1/holds/{hold}", headers=api.as_citizen(other)), 404, "not_found"
    )


def test_holds_expire_by_themselves(api: Api, clock: MovableClock) -> None:
    slot = api.find_slot(free=1, skip_days=2, pick=1)
    citizen = api.verified_citizen()
    hold = api.hold(citizen, slot["id"]).json()["id"]
    clock.advance(301)
    problem(api.book(citizen, hold), 410, "hold_expired")
    day = dt.date.fromisoformat(slot["start"][:10])
    again = next(s for s in api.slots(171, "CLAVE_PATRONAL", day) if s["id"] == slot["id"])
    assert again["free_places"] == 1
    assert api.hold(api.verified_citizen(), slot["id"]).status_code == 201


def test_idempotency_key_gives_the_same_booking(api: Api) -> None:
    citizen = api.verified_citizen()
    hold = api.hold(citizen, api.find_slot(pick=9)["id"]).json()["id"]
    key = uuid.uuid4().hex
    first = api.book(citizen, hold, key)
    again = api.book(citizen, hold, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    problem(api.book(citizen, "another-hold", key), 400, "invalid_request")
    r = api.call("POST", "/v1/bookings", json={"hold": hold}, headers=api.as_citizen(citizen))
    problem(r, 400, "invalid_request")
    current = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen)).json()
    assert len(current["bookings"]) == 1


def test_current_bookings_only_with_the_contact_verified(api: Api) -> None:
    citizen = api.verified_citizen()
    booked = api.booked(citizen, api.find_slot(pick=10)["id"])
    r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen))
    [mine] = r.json()["bookings"]
    assert mine["id"] == booked["booking"]["id"]
    assert mine["token"] == booked["token"]
    api.clock.advance(61)
    citizen.email = citizen.email.replace("@", "x@")
    api.verified_citizen(citizen)
    r = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen))
    assert r.json()["bookings"] == []
    problem(
        api.call("DELETE", f"/v1/bookings/{mine['id']}", headers=api.as_citizen(citizen)),
        404,
        "not_found",
    )


def test_cancel_frees_the_place_and_the_one_turn_rule(api: Api) -> None:
    slot = api.find_slot(free=1, pick=8)
    citizen = api.verified_citizen()
    booking = api.booked(citizen, slot["id"])["booking"]
    r = api.call("DELETE", f"/v1/bookings/{booking['id']}", headers=api.as_citizen(citizen))
    assert r.status_code == 204
    assert api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen)).json() == {
        "bookings": []
    }
    api.booked(citizen, slot["id"])


def test_turn_codes_are_unique_per_agency_and_day(api: Api) -> None:
    day_slots = [api.find_slot(agency=172, procedure="CLAVE_PATRONAL", pick=i) for i in range(3)]
    codes = [api.booked(api.verified_citizen(), s["id"])["booking"]["code"] for s in day_slots]
    assert len(set(codes)) == 3


def test_holds_and_bookings_need_a_session(api: Api) -> None:
    problem(api.call("POST", "/v1/holds", json={"slot": "x"}), 401, "unauthorized")
    headers = {**api.kiosk, "X-Citizen-Session": "cs_forged", "Idempotency-Key": "k"}
    problem(
        api.call("POST", "/v1/bookings", json={"hold": "x"}, headers=headers), 401, "unauthorized"
    )
