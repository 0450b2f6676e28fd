"""Simple hostile input is a 4xx problem, never a 500: ids and dates out of range, a wrong
method; and what the service publishes about itself (OpenAPI, no docs UI from a CDN)."""

from __future__ import annotations

import datetime as dt
import re

from tests.service.helpers import Api, problem

TOO_BIG_ID = 2**31  # one past PostgreSQL's INTEGER


def test_a_hold_on_a_slot_out_of_range_is_4xx(api: Api) -> None:
    citizen = api.verified_citizen()
    # A known agency and procedure at an impossible time: a slot that is not bookable.
    for start in ("999999999999", "0", "4102444800"):  # the year 33658, 1970, 2100
        problem(api.hold(citizen, f"171.CLAVE_PATRONAL.{start}"), 409, "slot_unavailable")
    # An agency id no database column can hold: no such slot.
    for agency in (TOO_BIG_ID, 9999999999, 0):
        problem(api.hold(citizen, f"{agency}.CLAVE_PATRONAL.1900000000"), 404, "not_found")
    # The session still works for a real slot afterwards.
    assert api.hold(citizen, api.find_slot(pick=7)["id"]).status_code == 201


def test_agency_ids_past_a_database_integer_are_400(api: Api) -> None:
    day = (api.today() + dt.timedelta(days=1)).isoformat()
    for agency in (TOO_BIG_ID, 10**12, 0, -1):
        r = api.call(
            "GET",
            "/v1/slots",
            params={"agency": agency, "procedure": "CLAVE_PATRONAL", "date": day},
        )
        problem(r, 400, "invalid_request")
        r = api.call("GET", f"/v1/agencies/{agency}/bookings", headers=api.staff(171))
        problem(r, 400, "invalid_request")


def test_dates_out_of_range_are_400(api: Api) -> None:
    def availability(first: str, last: str) -> None:
        params = {"agency": 171, "procedure": "CLAVE_PATRONAL", "from": first, "to": last}
        body = problem(api.call("GET", "/v1/availability", params=params), 400, "invalid_request")
        assert "between" in body["detail"]

    availability("9999-12-01", "9999-12-31")
    availability("9999-12-31", "9999-12-31")
    availability("0001-01-01", "0001-01-02")
    availability("1999-12-31", "2000-01-01")
    availability("2099-12-31", "2100-01-01")
    for date in ("9999-12-31", "0001-01-01"):
        params = {"agency": 171, "procedure": "CLAVE_PATRONAL", "date": date}
        problem(api.call("GET", "/v1/slots", params=params), 400, "invalid_request")
        r = api.call(
            "GET", "/v1/agencies/171/bookings", params={"date": date}, headers=api.staff(171)
        )
        problem(r, 400, "invalid_request")
    # The edges of the range themselves are fine (nothing to book there, but no error).
    params = {
        "agency": 171,
        "procedure": "CLAVE_PATRONAL",
        "from": "2099-12-01",
        "to": "2099-12-31",
    }
    assert api.call("GET", "/v1/availability", params=params).status_code == 200


def test_a_wrong_method_is_405_with_allow(api: Api) -> None:
    r = api.call("DELETE", "/v1/catalog")
    body = problem(r, 405, "method_not_allowed")
    assert body["title"] == "Method not allowed"
    assert r.headers["Allow"] == "GET"
    r = api.call("PUT", "/v1/bookings/abc")
    problem(r, 405, "method_not_allowed")
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"DELETE"}


def test_idempotency_key_is_required_in_the_openapi_and_in_fact(api: Api) -> None:
    schema = api.call("GET", "/openapi.json", headers={}).json()
    params = schema["paths"]["/v1/bookings"]["post"]["parameters"]
    key = next(p for p in params if p["name"].lower() == "idempotency-key")
    assert key["in"] == "header"
    assert key["required"] is True
    citizen = api.verified_citizen()
    hold = api.hold(citizen, api.find_slot(pick=8)["id"]).json()["id"]
    for headers in ({}, {"Idempotency-Key": ""}):
        r = api.call(
            "POST", "/v1/bookings", json={"hold": hold}, headers=api.as_citizen(citizen, **headers)
        )
        problem(r, 400, "invalid_request")


_EXTERNAL_SCRIPT = re.compile(r"<script[^>]+src\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)


def test_no_docs_ui_and_no_script_from_elsewhere(api: Api) -> None:
    """Swagger UI and ReDoc load their JavaScript from a CDN: neither is served, in demo mode
    (this service) as outside it (tests/service/test_hardening.py)."""
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        problem(api.call("GET", path, headers={}), 404, "not_found")
    for path in ("/", "/openapi.json", "/v1/health", "/docs", "/redoc"):
        r = api.call("GET", path, headers={})
        assert not _EXTERNAL_SCRIPT.search(r.text), path
        assert "cdn.jsdelivr.net" not in r.text, path
