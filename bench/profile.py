"""The bench profile: the service's limits for a benchmark kiosk, and its many citizens.

A thousand bookings from one kiosk go far past what a kiosk serving one person at a time may do
in an hour, and past what one citizen or one contact may do. Nothing is switched off in code:
the embedded service is started with these values of its ordinary settings (the same fields
`TURNOS_*` variables set, turnos/settings.py), and every booking is made by a different citizen
with a valid cédula and contacts of their own, so the per-citizen and per-contact limits hold
as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Settings of the service for one benchmark kiosk making thousands of bookings in an hour.
#: Only the kiosk's own budgets and request rate are raised; every citizen and contact limit
#: keeps its default, and the citizens below never reach them.
SERVICE_PROFILE: dict[str, Any] = {
    "rate_per_minute": 60_000.0,
    "rate_burst": 10_000,
    "kiosk_bookings_per_hour": 100_000.0,
    "kiosk_bookings_burst": 10_000,
    "kiosk_email_sends_per_hour": 100_000.0,
    "kiosk_email_sends_burst": 10_000,
    "kiosk_sms_sends_per_hour": 100_000.0,
    "kiosk_sms_sends_burst": 10_000,
    "kiosk_lookups_per_hour": 100_000.0,
    "kiosk_lookups_burst": 10_000,
}


@dataclass(frozen=True)
class BenchCitizen:
    cedula: str
    email: str
    phone: str


def cedula(n: int) -> str:
    """The n-th cédula of the profile: province 01–24, third digit 0–5, a valid check digit."""
    from kiosk.domain.ids import is_valid_cedula

    province = 1 + n % 24
    body = f"{province:02d}{(n // 24) % 6}{(n * 7919) % 1_000_000:06d}"
    for last in "0123456789":
        if is_valid_cedula(body + last):
            return body + last
    raise AssertionError(f"no check digit for {body}")  # one of ten always fits


def citizens(start: int = 0) -> Iterator[BenchCitizen]:
    """Distinct citizens, each with an email and a mobile number of their own."""
    n = start
    while True:
        yield BenchCitizen(cedula(n), f"bench{n:05d}@example.com", f"09{80000000 + n:08d}")
        n += 1
