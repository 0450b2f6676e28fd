"""The token's grace period comes from the service's settings (`TURNOS_TOKEN_GRACE_S`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from kiosk.domain.token import KeySet, verify
from tests.service.helpers import Api
from turnos.embedded import EmbeddedService, start_embedded
from turnos.settings import Settings

TWO_HOURS_S = 7200
DAY_S = 86400


@pytest.fixture
def short_grace(tmp_path: Path) -> Iterator[EmbeddedService]:
    service = start_embedded(tmp_path / "turnos", token_grace_s=TWO_HOURS_S)
    try:
        yield service
    finally:
        service.stop()


def test_the_grace_setting_is_read_from_the_environment() -> None:
    settings = Settings()
    assert settings.token_grace_s == DAY_S  # the documented default
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TURNOS_TOKEN_GRACE_S", str(TWO_HOURS_S))
        assert Settings().token_grace_s == TWO_HOURS_S


def test_a_token_expires_the_grace_setting_after_its_turns_day(
    short_grace: EmbeddedService,
) -> None:
    api = Api(short_grace.url, short_grace.credentials, short_grace.outbox)
    citizen = api.verified_citizen()
    body = api.booked(citizen, api.find_slot()["id"])
    keys = KeySet.from_jwks(requests.get(short_grace.url + "/v1/keys", timeout=10).json())
    claims = verify(body["token"], keys, int(dt.datetime.now(dt.UTC).timestamp()))

    zone = ZoneInfo("America/Guayaquil")  # agency 171, Quito
    start = dt.datetime.fromtimestamp(claims.turn_start, zone)
    next_midnight = dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time(), zone)
    assert claims.expires_at == int(next_midnight.timestamp()) + TWO_HOURS_S
    # Retired keys stay published for the longest a token can now live, and no longer.
    booking_days = short_grace.context.settings.booking_days
    assert short_grace.context.signer.max_token_lifetime_s == (
        (booking_days + 2) * DAY_S + TWO_HOURS_S
    )
