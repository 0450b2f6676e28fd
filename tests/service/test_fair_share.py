"""Fair share over real HTTP: bookings per citizen, budgets per kiosk, one limit per mailbox.

Each test starts a service of its own with small limits (the session's shared service has
generous ones, see tests/conftest.py), on SQLite and on a fresh PostgreSQL schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.service.helpers import Api, Citizen, new_cedula, new_email, new_mobile, problem
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import messages_to

DAY_S = 86400
PROCEDURES = ("CLAVE_PATRONAL", "CLAVE_AFILIADO", "REGISTRO_EMPLEADOR")

Start = Callable[..., tuple[EmbeddedService, Api]]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def start(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Start]:
    """Starts a demo service with the given settings on the parametrised database."""
    started: list[EmbeddedService] = []

    def run(**settings: Any) -> tuple[EmbeddedService, Api]:
        url = request.getfixturevalue("pg_schema")() if request.param == "postgres" else None
        clock = MovableClock()
        svc = start_embedded(
            tmp_path / f"svc{len(started)}", demo=True, database_url=url, clock=clock, **settings
        )
        started.append(svc)
        return svc, Api(svc.url, svc.credentials, svc.outbox, clock)

    try:
        yield run
    finally:
        for svc in started:
            svc.stop()


def _book(api: Api, citizen: Citizen, procedure: str) -> Any:
    slot = api.find_slot(agency=11, procedure=procedure)
    r = api.hold(citizen, slot["id"])
    assert r.status_code == 201, r.text
    return api.book(citizen, r.json()["id"])


INSTITUTION_CAPS = {
    "citizen_bookings_per_day": 2,
    "citizen_bookings_per_week": 4,
    "citizen_bookings_per_month": 10,
}


def test_third_booking_of_a_day_is_refused_until_the_first_leaves_the_window(
    start: Start,
) -> None:
    _svc, api = start(**INSTITUTION_CAPS)
    assert api.clock is not None
    citizen = api.verified_citizen()
    first = _book(api, citizen, PROCEDURES[0])
    assert first.status_code == 201, first.text
    first_at = api.clock.now()
    api.clock.advance(300)
    second = _book(api, citizen, PROCEDURES[1])
    assert second.status_code == 201, second.text
    # Cancelling does not give the place in the quota back (a reseller would cycle names).
    r = api.call(
        "DELETE",
        f"/v1/bookings/{first.json()['booking']['id']}",
        headers=api.as_citizen(citizen),
    )
    assert r.status_code == 204, r.text
    api.clock.advance(300)

    third = _book(api, citizen, PROCEDURES[2])
    problem(third, 429, "citizen_quota")
    # Until the first booking is 24 hours old.
    # The service and the test read the clock a moment apart: a second either way.
    expected = first_at + DAY_S - api.clock.now()
    assert abs(int(third.headers["Retry-After"]) - expected) <= 1
    kept = api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen)).json()
    assert [b["procedure"] for b in kept["bookings"]] == [PROCEDURES[1]]

    # Past the Retry-After one more is allowed (in a new visit: the session has ended).
    api.clock.advance(int(third.headers["Retry-After"]))
    citizen = api.verified_citizen(Citizen(citizen.cedula, citizen.email, citizen.phone))
    assert _book(api, citizen, PROCEDURES[2]).status_code == 201


def test_the_quota_counts_across_kiosk_sessions_and_procedures(start: Start) -> None:
    _svc, api = start(**INSTITUTION_CAPS)
    cedula = new_cedula()
    for procedure in PROCEDURES[:2]:
        # A new visit each time, with another contact: the quota follows the citizen.
        citizen = api.verified_citizen(Citizen(cedula, new_email(), new_mobile()))
        assert _book(api, citizen, procedure).status_code == 201
    citizen = api.verified_citizen(Citizen(cedula, new_email(), new_mobile()))
    problem(_book(api, citizen, PROCEDURES[2]), 429, "citizen_quota")


def _kiosks_listing(svc: EmbeddedService) -> Any:
    """The demo kiosk in `turnos kiosks --json`, run as operators run it."""
    argv = [sys.executable, "-m", "turnos", "kiosks", "--json"]
    argv += ["--data-dir", str(svc.settings.data_dir)]
    if svc.settings.database_url:
        argv += ["--database-url", svc.settings.database_url]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True).stdout
    [row] = [r for r in json.loads(out)["kiosks"] if r["name"] == "demo kiosk"]
    return row


def test_a_kiosk_budget_stops_a_drain(start: Start) -> None:
    svc, api = start(kiosk_bookings_per_hour=60, kiosk_bookings_burst=3)
    assert api.clock is not None
    citizens = [api.verified_citizen() for _ in range(5)]
    for citizen in citizens[:3]:
        assert _book(api, citizen, PROCEDURES[0]).status_code == 201
    assert _kiosks_listing(svc)["over_budget"] == {}

    r = _book(api, citizens[3], PROCEDURES[0])
    problem(r, 429, "kiosk_budget")
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    listed = _kiosks_listing(svc)["over_budget"]
    assert list(listed) == ["bookings"]
    assert api.clock.now() - 5 <= listed["bookings"] <= api.clock.now()

    # One a minute comes back: a kiosk serving people one at a time never notices.
    api.clock.advance(int(r.headers["Retry-After"]))
    assert _book(api, citizens[3], PROCEDURES[0]).status_code == 201
    problem(_book(api, citizens[4], PROCEDURES[0]), 429, "kiosk_budget")


def test_a_kiosk_budget_stops_an_sms_pump(start: Start) -> None:
    _svc, api = start(kiosk_sms_sends_per_hour=30, kiosk_sms_sends_burst=3)
    for _ in range(3):
        citizen = Citizen(new_cedula(), new_email(), new_mobile())
        api.lookup(citizen)
        assert api.start_verification(citizen, "sms").status_code == 201
    citizen = Citizen(new_cedula(), new_email(), new_mobile())
    api.lookup(citizen)
    r = api.start_verification(citizen, "sms")
    problem(r, 429, "kiosk_budget")
    assert 1 <= int(r.headers["Retry-After"]) <= 120
    # No SMS went out for the refused one; email has a budget of its own.
    assert messages_to(api.outbox, "+593" + citizen.phone[1:]) == []
    assert api.start_verification(citizen, "email").status_code == 201


def test_a_kiosk_budget_stops_a_lookup_sweep(start: Start) -> None:
    _svc, api = start(kiosk_lookups_per_hour=120, kiosk_lookups_burst=4)
    body = {"id_type": "cedula", "id_number": new_cedula()}
    for _ in range(4):
        assert api.call("POST", "/v1/citizens/lookup", json=body).status_code == 200
    r = api.call("POST", "/v1/citizens/lookup", json=body)
    problem(r, 429, "kiosk_budget")
    assert 1 <= int(r.headers["Retry-After"]) <= 30


def test_spellings_of_one_mailbox_share_its_send_limit(start: Start) -> None:
    _svc, api = start(sends_per_hour=3, resend_cooldown_s=0)
    name = "ana" + uuid.uuid4().hex[:8]
    dotted = ".".join(name)
    spellings = [f"{name}+1@gmail.com", f"{dotted}@gmail.com", f"{name.upper()}@gmail.com"]
    for address in spellings:
        # Other citizens each time: only the mailbox is common.
        citizen = Citizen(new_cedula(), address, new_mobile())
        api.lookup(citizen)
        assert api.start_verification(citizen).status_code == 201, address
    # The code went where it was typed to.
    assert api.code_for(Citizen("", spellings[1], "")).isdigit()
    citizen = Citizen(new_cedula(), f"{dotted}+kiosk@googlemail.com", new_mobile())
    api.lookup(citizen)
    problem(api.start_verification(citizen), 429, "rate_limited")
    # Another mailbox is not affected.
    citizen = Citizen(new_cedula(), f"{name}x@gmail.com", new_mobile())
    api.lookup(citizen)
    assert api.start_verification(citizen).status_code == 201
