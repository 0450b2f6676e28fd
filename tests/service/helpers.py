"""A small HTTP client for the service tests: citizens with sessions, slots, bookings."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from turnos.outbox import latest_code

_seq = itertools.count(random.SystemRandom().randrange(10**5, 9 * 10**5))


def new_cedula() -> str:
    """A fresh cédula with a valid check digit (province 01-24, third digit 0-5)."""
    n = next(_seq)
    body = f"{(n % 24) + 1:02d}{n % 6}{n:06d}"[:9]
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def new_email() -> str:
    return f"c{uuid.uuid4().hex[:12]}@example.com"


def new_mobile() -> str:
    return f"099{random.SystemRandom().randrange(10**6, 10**7)}"


@dataclass
class Citizen:
    cedula: str
    email: str
    phone: str
    ref: str = ""
    session: str = ""
    verification: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class Api:
    """Requests against one running service with its kiosk token."""

    def __init__(self, url: str, credentials: dict[str, Any], outbox: Any, clock: Any = None):
        self.url = url
        self.credentials = credentials
        self.outbox = outbox
        self.clock = clock
        self.http = requests.Session()
        self.kiosk = {"Authorization": f"Bearer {credentials['kiosk_token']}"}

    def staff(self, agency_id: int) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['staff_tokens'][str(agency_id)]}"}

    @property
    def operator(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials['operator_token']}"}

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = kwargs.pop("headers", self.kiosk)
        return self.http.request(method, self.url + path, headers=headers, timeout=30, **kwargs)

    def as_citizen(self, citizen: Citizen, **extra: str) -> dict[str, str]:
        return {**self.kiosk, "X-Citizen-Session": citizen.session, **extra}

    # --- flows ---------------------------------------------------------------------------

    def lookup(self, citizen: Citizen) -> None:
        r = self.call(
            "POST", "/v1/citizens/lookup", json={"id_type": "cedula", "id_number": citizen.cedula}
        )
        assert r.status_code == 200, r.text
        citizen.ref = r.json()["citizen"]

    def start_verification(self, citizen: Citizen, channel: str = "email") -> requests.Response:
        return self.call(
            "POST",
            "/v1/verifications",
            json={
                "citizen": citizen.ref,
                "email": citizen.email,
                "phone": citizen.phone,
                "channel": channel,
            },
        )

    def code_for(self, citizen: Citizen, channel: str = "email") -> str:
        address = citizen.email if channel == "email" else "+593" + citizen.phone[1:]
        return latest_code(self.outbox, address)

    def confirm(self, citizen: Citizen, code: str) -> requests.Response:
        return self.call(
            "POST", f"/v1/verifications/{citizen.verification}/confirm", json={"code": code}
        )

    def verified_citizen(self, citizen: Citizen | None = None, channel: str = "email") -> Citizen:
        citizen = citizen or Citizen(new_cedula(), new_email(), new_mobile())
        self.lookup(citizen)
        r = self.start_verification(citizen, channel)
        assert r.status_code == 201, r.text
        citizen.verification = r.json()["id"]
        r = self.confirm(citizen, self.code_for(citizen, channel))
        assert r.status_code == 200, r.text
        citizen.session = r.json()["session_token"]
        return citizen

    def today(self, agency_zone: str = "America/Guayaquil") -> dt.date:
        from zoneinfo import ZoneInfo

        now = self.clock.now() if self.clock else int(dt.datetime.now(dt.UTC).timestamp())
        return dt.datetime.fromtimestamp(now, ZoneInfo(agency_zone)).date()

    def slots(self, agency: int, procedure: str, day: dt.date) -> list[dict[str, Any]]:
        r = self.call(
            "GET",
            "/v1/slots",
            params={"agency": agency, "procedure": procedure, "date": day.isoformat()},
        )
        assert r.status_code == 200, r.text
        slots: list[dict[str, Any]] = r.json()["slots"]
        return slots

    def find_slot(
        self,
        agency: int = 171,
        procedure: str = "CLAVE_PATRONAL",
        *,
        free: int | None = None,
        skip_days: int = 1,
        pick: int = 0,
    ) -> dict[str, Any]:
        """A slot with free places (exactly `free` if given), from `skip_days` days ahead.

        `pick` chooses among the matches, so tests sharing a service take different slots.
        """
        day = self.today() + dt.timedelta(days=skip_days)
        matches: list[dict[str, Any]] = []
        for _ in range(20):
            for s in self.slots(agency, procedure, day):
                full = s["free_places"] > 0 and (free is None or s["free_places"] == free)
                if full:
                    matches.append(s)
            if len(matches) > pick:
                return matches[pick]
            day += dt.timedelta(days=1)
        raise AssertionError("no matching slot")

    def hold(self, citizen: Citizen, slot_id: str) -> requests.Response:
        return self.call(
            "POST", "/v1/holds", json={"slot": slot_id}, headers=self.as_citizen(citizen)
        )

    def book(self, citizen: Citizen, hold_id: str, key: str | None = None) -> requests.Response:
        headers = self.as_citizen(citizen, **{"Idempotency-Key": key or uuid.uuid4().hex})
        return self.call("POST", "/v1/bookings", json={"hold": hold_id}, headers=headers)

    def booked(self, citizen: Citizen, slot_id: str) -> dict[str, Any]:
        r = self.hold(citizen, slot_id)
        assert r.status_code == 201, r.text
        r = self.book(citizen, r.json()["id"])
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body


def problem(r: requests.Response, status: int, code: str) -> dict[str, Any]:
    """Assert a problem+json answer with that status and code; returns its body."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body: dict[str, Any] = r.json()
    assert body["code"] == code, body
    assert body["status"] == status
    return body
