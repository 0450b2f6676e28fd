"""Check-in at the counter (order: signature, state, agency, time), by code, the day's list,
kiosk heartbeats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.service.helpers import Api, Citizen, problem
from turnos.clock import MovableClock

AGENCY, OTHER = 241, 242


def _day_with_slots(api: Api) -> tuple[dt.date, list[dict[str, Any]]]:
    day = api.today() + dt.timedelta(days=1)
    while True:
        slots = [s for s in api.slots(AGENCY, "CLAVE_PATRONAL", day) if s["free_places"]]
        if len(slots) >= 8:
            return day, slots
        day += dt.timedelta(days=1)


def _at(slot: dict[str, Any], minutes: int) -> int:
    return int(dt.datetime.fromisoformat(slot["start"]).timestamp()) + minutes * 60


def _checkin(api: Api, token: str, agency: int = AGENCY) -> dict[str, Any]:
    r = api.call("POST", "/v1/checkins", json={"token": token}, headers=api.staff(agency))
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_checkin_results_in_order(api: Api, clock: MovableClock) -> None:
    day, slots = _day_with_slots(api)
    first, late, by_code, cancelled = slots[0], slots[3], slots[5], slots[6]
    people = [api.verified_citizen() for _ in range(4)]
    a = api.booked(people[0], first["id"])
    c = api.booked(people[1], late["id"])
    e = api.booked(people[2], by_code["id"])
    x = api.booked(people[3], cancelled["id"])
    r = api.call("DELETE", f"/v1/bookings/{x['booking']['id']}", headers=api.as_citizen(people[3]))
    assert r.status_code == 204

    assert _checkin(api, "TRN1:garbage")["result"] == "invalid"
    tampered = a["token"][:-2] + ("00" if not a["token"].endswith("00") else "11")
    assert _checkin(api, tampered)["result"] == "invalid"
    assert _checkin(api, x["token"], OTHER)["result"] == "cancelled"  # state before agency
    assert _checkin(api, a["token"], OTHER)["result"] == "wrong_agency"
    assert _checkin(api, a["token"])["result"] == "wrong_day"  # booked for a later day

    clock.set(_at(first, -31))
    assert _checkin(api, a["token"])["result"] == "too_early"
    clock.set(_at(first, -29))
    done = _checkin(api, a["token"])
    assert done["result"] == "checked_in"
    assert done["booking"]["code"] == a["booking"]["code"]
    # The movable clock keeps running after `set`: within a few seconds of it.
    checked_at = dt.datetime.fromisoformat(done["booking"]["checked_in_at"])
    assert checked_at.utcoffset() == dt.datetime.fromisoformat(first["start"]).utcoffset()
    assert 0 <= checked_at.timestamp() - _at(first, -29) <= 5
    again = _checkin(api, a["token"])
    assert again["result"] == "already_checked_in"
    assert again["booking"]["checked_in_at"] == done["booking"]["checked_in_at"]
    assert _checkin(api, c["token"])["result"] == "too_early"

    clock.set(_at(late, 16))
    assert _checkin(api, c["token"])["result"] == "too_late"

    # By code, for a slip that does not scan: the turn code of today and the citizen's id.
    clock.set(_at(by_code, -5))
    wrong = api.call(
        "POST",
        "/v1/checkins/by-code",
        headers=api.staff(AGENCY),
        json={"code": e["booking"]["code"], "id_number": people[0].cedula},
    )
    assert wrong.json()["result"] == "invalid"
    right = api.call(
        "POST",
        "/v1/checkins/by-code",
        headers=api.staff(AGENCY),
        json={"code": e["booking"]["code"], "id_number": people[2].cedula},
    )
    assert right.json()["result"] == "checked_in"

    listed = api.call(
        "GET",
        f"/v1/agencies/{AGENCY}/bookings",
        params={"date": day.isoformat()},
        headers=api.staff(AGENCY),
    )
    assert listed.status_code == 200
    states = {b["code"]: b["state"] for b in listed.json()["bookings"]}
    assert states[a["booking"]["code"]] == "checked_in"
    assert states[x["booking"]["code"]] == "cancelled"
    assert states[c["booking"]["code"]] == "missed"  # booked, its window closed: a no-show
    assert all(p.cedula not in listed.text for p in people)
    problem(
        api.call("GET", f"/v1/agencies/{OTHER}/bookings", headers=api.staff(AGENCY)),
        403,
        "forbidden",
    )
    assert api.call("GET", f"/v1/agencies/{OTHER}/bookings", headers=api.operator).ok


def test_missed_turn_no_longer_blocks_a_new_one(api: Api, clock: MovableClock) -> None:
    _day, slots = _day_with_slots(api)
    citizen: Citizen = api.verified_citizen()
    api.booked(citizen, slots[-1]["id"])
    clock.set(_at(slots[-1], 16))
    api.clock = clock
    again = api.verified_citizen(Citizen(citizen.cedula, citizen.email, citizen.phone))
    assert api.hold(again, api.find_slot(agency=AGENCY, pick=0)["id"]).status_code == 201


def test_heartbeat_and_kiosk_list(api: Api) -> None:
    r = api.call(
        "POST",
        "/v1/kiosks/heartbeat",
        json={"version": "0.1.0", "printer_state": "ok", "paper": "low", "last_error": None},
    )
    assert r.status_code == 200
    kiosks = api.call("GET", "/v1/kiosks", headers=api.operator).json()["kiosks"]
    mine = [k for k in kiosks if k["version"] == "0.1.0"]
    assert mine
    assert mine[0]["paper"] == "low"
    assert mine[0]["last_seen"]
    problem(api.call("POST", "/v1/kiosks/heartbeat", json={"paper": 3}), 400, "invalid_request")


def _queued(api: Api, token: str, scanned_at: int) -> Any:
    return api.call(
        "POST",
        "/v1/checkins",
        json={"token": token, "scanned_at": scanned_at},
        headers=api.staff(AGENCY),
    )


def test_a_queued_checkin_is_judged_when_it_was_scanned(api: Api, clock: MovableClock) -> None:
    """A counter that lost the service verified the slip offline on time and sends the
    check-in an hour later: checked in at the scan's time, not refused as too late; sent again
    (a lost answer), it says already checked in and changes nothing."""
    _day, slots = _day_with_slots(api)
    booked = api.booked(api.verified_citizen(), slots[1]["id"])
    late = api.booked(api.verified_citizen(), slots[-1]["id"])
    scanned = _at(slots[1], -10)
    clock.set(scanned + 3600)
    sent = _queued(api, booked["token"], scanned)
    assert sent.status_code == 200, sent.text
    assert sent.json()["result"] == "checked_in"
    at = dt.datetime.fromisoformat(sent.json()["booking"]["checked_in_at"])
    assert int(at.timestamp()) == scanned
    again = _queued(api, booked["token"], scanned + 30).json()
    assert again["result"] == "already_checked_in"
    assert again["booking"]["checked_in_at"] == sent.json()["booking"]["checked_in_at"]

    clock.set(_at(slots[-1], 60))  # a counter's clock far ahead of the service's
    problem(_queued(api, late["token"], _at(slots[-1], 61) + 600), 400, "invalid_request")
    week_ago = _at(slots[-1], -5)  # queued on a counter left offline for a week
    clock.set(week_ago + 8 * 86400)
    problem(_queued(api, late["token"], week_ago), 400, "invalid_request")
