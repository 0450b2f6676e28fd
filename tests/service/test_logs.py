"""`turnos serve` writes no personal data to its log, its access log included."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.service.helpers import Api, Citizen, e164, new_cedula, new_email, serve_process


def test_a_whole_booking_leaves_no_personal_data_in_the_log(tmp_path: Path) -> None:
    with serve_process(tmp_path, "--demo") as (url, log_path, _proc):
        creds = json.loads((tmp_path / "demo-credentials.json").read_text())
        api = Api(url, creds, tmp_path / "outbox")
        # A mobile whose digits also look like a cédula and a code to a careless log line.
        citizen = Citizen(new_cedula(), new_email(), "0991234567")
        api.lookup(citizen)
        r = api.start_verification(citizen, "sms")
        assert r.status_code == 201, r.text
        citizen.verification = r.json()["id"]
        code = api.code_for(citizen, "sms")
        # A wrong code first (an error answer), then the right one.
        assert api.confirm(citizen, f"{(int(code) + 1) % 10**6:06d}").status_code == 422
        r = api.confirm(citizen, code)
        assert r.status_code == 200, r.text
        citizen.session = r.json()["session_token"]
        slot = api.find_slot(pick=2)
        booking = api.booked(citizen, slot["id"])
        assert api.call("GET", "/v1/bookings/current", headers=api.as_citizen(citizen)).ok
        # Personal data where a request line would carry it: the query string.
        api.call("GET", "/v1/slots", params={"agency": 171, "procedure": citizen.cedula})
        api.call("GET", f"/v1/verifications/{citizen.email}/x")
        assert api.call("DELETE", "/v1/sessions/current", headers=api.as_citizen(citizen)).ok
        assert requests.get(url + "/v1/health", timeout=10).ok
    log = log_path.read_text(encoding="utf-8")
    # The access log is on and went through the filter.
    assert '"POST /v1/bookings HTTP/1.1" 201' in log
    # Personal data in a request line is masked too, percent-encoded or not.
    assert f"procedure={citizen.cedula[:2]}••••••{citizen.cedula[-2:]} " in log
    assert "/v1/verifications/c•••@example.com/x" in log
    assert "sms sent to 09•••••567" in log
    assert "email sent to" in log  # the confirmation, to a masked address
    personal = {
        "cédula": citizen.cedula,
        "email": citizen.email,
        "email local part": citizen.email.split("@")[0],
        "phone": citizen.phone,
        "phone E.164": e164(citizen.phone),
        "phone digits": citizen.phone[1:],
        "code": code,
        "session token": citizen.session,
        "token": booking["token"],
    }
    leaked = {what: value for what, value in personal.items() if value in log}
    assert not leaked, leaked
