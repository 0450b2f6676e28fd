"""A kiosk over its budget shows up for operators: in `GET /v1/kiosks` and in its heartbeat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.service.helpers import Api, new_cedula, problem
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded

HEARTBEAT = {"version": "9.9.9", "printer_state": "ok", "paper": "ok", "last_error": None}


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()  # this test's own: it moves an hour on


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tight(
    request: pytest.FixtureRequest, clock: MovableClock, tmp_path: Path
) -> Iterator[EmbeddedService]:
    """Two lookups an hour per kiosk (its own database): the third is refused."""
    database_url = None
    if request.param == "postgres":
        fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
        database_url = fresh()
    service = start_embedded(
        tmp_path / "turnos",
        database_url=database_url,
        clock=clock,
        kiosk_lookups_per_hour=2,
        kiosk_lookups_burst=2,
    )
    try:
        yield service
    finally:
        service.stop()


def _lookup(api: Api) -> int:
    body = {"id_type": "cedula", "id_number": new_cedula()}
    r = api.call("POST", "/v1/citizens/lookup", json=body)
    if r.status_code == 429:
        problem(r, 429, "kiosk_budget")
    return r.status_code


def _kiosk_row(api: Api) -> dict[str, object]:
    r = api.call("GET", "/v1/kiosks", headers=api.operator)
    assert r.status_code == 200, r.text
    [row] = [k for k in r.json()["kiosks"] if k["version"] == HEARTBEAT["version"]]
    assert isinstance(row, dict)
    return row


def test_a_kiosk_over_its_budget_shows_in_the_heartbeat_and_the_kiosk_list(
    tight: EmbeddedService, clock: MovableClock
) -> None:
    api = Api(tight.url, tight.credentials, tight.outbox, clock)
    r = api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT)
    assert r.status_code == 200, r.text
    assert r.json()["over_budget"] == {}  # within budget: nothing to show
    assert _kiosk_row(api)["over_budget"] == {}

    assert [_lookup(api) for _ in range(3)] == [200, 200, 429]
    refused_at = dt.datetime.fromtimestamp(clock.now(), dt.UTC)

    r = api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT)
    assert r.status_code == 200, r.text
    [(budget, when)] = r.json()["over_budget"].items()
    assert budget == "lookups"
    assert abs((dt.datetime.fromisoformat(when) - refused_at).total_seconds()) <= 2
    assert _kiosk_row(api)["over_budget"] == {"lookups": when}

    clock.advance(3601)  # shown for an hour after the last refusal, then gone
    assert api.call("POST", "/v1/kiosks/heartbeat", json=HEARTBEAT).json()["over_budget"] == {}
    assert _kiosk_row(api)["over_budget"] == {}
