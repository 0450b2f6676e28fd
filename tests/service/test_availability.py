"""GET /v1/availability tells the truth (issue 9, finding 5): open, full, closed (weekends,
national holidays with their names, closures with their reason) and not yet open (past the
booking window), with the window's last day; over real HTTP, on a service whose clock stands
on Monday 16 December 2030, 07:00 in Quito."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from tests.service.helpers import Api, problem
from turnos.clock import MovableClock
from turnos.demo_catalog import demo_catalog
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services.catalog import import_catalog
from turnos.services.maintenance import add_closure

QUITO = ZoneInfo("America/Guayaquil")
MONDAY = dt.date(2030, 12, 16)
#: An agency of one slot a day with one place: one hold fills a day.
TINY = 901


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedService, Api]]:
    clock = MovableClock()
    clock.set(int(dt.datetime.combine(MONDAY, dt.time(7), tzinfo=QUITO).timestamp()))
    data: Path = tmp_path_factory.mktemp("availability")
    svc = start_embedded(data, demo=True, clock=clock)
    demo = demo_catalog()
    tiny = {
        "id": TINY,
        "name": {"es": "Agencia mínima", "en": "Agencia mínima"},
        "province_code": "17",
        "address": {"es": "Calle Ficticia 1, Quito", "en": "Calle Ficticia 1, Quito"},
        "time_zone": "America/Guayaquil",
        "hours": [{"weekdays": [1, 2, 3, 4, 5], "opens": "08:00", "closes": "08:20"}],
        "slot_minutes": 20,
        "places": 1,
        "procedures": ["CLAVE_PATRONAL"],
    }
    with svc.context.db.transaction() as session:
        import_catalog(
            session,
            {"provinces": demo["provinces"], "procedures": demo["procedures"], "agencies": [tiny]},
        )
    try:
        yield svc, Api(svc.url, svc.credentials, svc.outbox, clock)
    finally:
        svc.stop()


def _availability(api: Api, agency: int, first: dt.date, last: dt.date) -> dict[str, Any]:
    params = {
        "agency": agency,
        "procedure": "CLAVE_PATRONAL",
        "from": first.isoformat(),
        "to": last.isoformat(),
    }
    r = api.call("GET", "/v1/availability", params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _by_date(body: dict[str, Any]) -> dict[dt.date, dict[str, Any]]:
    return {dt.date.fromisoformat(d["date"]): d for d in body["days"]}


def test_weekends_holidays_and_the_window(fixed: tuple[EmbeddedService, Api]) -> None:
    _, api = fixed
    body = _availability(api, 171, dt.date(2030, 12, 10), dt.date(2031, 1, 31))
    assert body["last_bookable"] == "2031-01-13"  # today + 28 days, in the agency's zone
    days = _by_date(body)
    # Days before today are left out; every later day is there, in order.
    assert min(days) == MONDAY
    assert list(days) == [MONDAY + dt.timedelta(days=n) for n in range(len(days))]
    assert max(days) == dt.date(2031, 1, 31)
    for date, day in days.items():
        assert set(day) == {"date", "free_places", "state", "reason"}
        if date.isoweekday() in (6, 7):
            assert (day["state"], day["reason"], day["free_places"]) == ("closed", None, 0)
    assert days[dt.date(2030, 12, 25)] == {
        "date": "2030-12-25",
        "free_places": 0,
        "state": "closed",
        "reason": {"es": "Navidad", "en": "Christmas Day"},
    }
    assert days[dt.date(2031, 1, 1)]["reason"] == {"es": "Año Nuevo", "en": "New Year's Day"}
    # Open weekdays inside the window have places; the window's last day is still bookable.
    for date in (MONDAY, dt.date(2030, 12, 27), dt.date(2031, 1, 13)):
        assert days[date]["state"] == "open", days[date]
        assert days[date]["free_places"] > 0
        assert days[date]["reason"] is None
    # Past the window: a weekday is not open yet, a weekend day is still closed.
    assert days[dt.date(2031, 1, 14)] == {
        "date": "2031-01-14",
        "free_places": 0,
        "state": "not_open",
        "reason": None,
    }
    assert days[dt.date(2031, 1, 18)]["state"] == "closed"
    assert {d["state"] for date, d in days.items() if date > dt.date(2031, 1, 13)} == {
        "not_open",
        "closed",
    }


def test_a_range_wholly_before_today_is_empty_and_limits_hold(
    fixed: tuple[EmbeddedService, Api],
) -> None:
    _, api = fixed
    body = _availability(api, 171, dt.date(2030, 11, 1), dt.date(2030, 11, 30))
    assert body == {"days": [], "last_bookable": "2031-01-13"}
    r = api.call(
        "GET",
        "/v1/availability",
        params={
            "agency": 171,
            "procedure": "CLAVE_PATRONAL",
            "from": "2031-01-01",
            "to": "2031-03-31",
        },
    )
    problem(r, 400, "invalid_request")


def test_a_closure_is_closed_with_its_reason(fixed: tuple[EmbeddedService, Api]) -> None:
    svc, api = fixed
    closed = dt.date(2030, 12, 18)
    add_closure(svc.context, 172, closed, closed, "Inventario anual")
    days = _by_date(_availability(api, 172, MONDAY, dt.date(2030, 12, 20)))
    assert days[closed] == {
        "date": "2030-12-18",
        "free_places": 0,
        "state": "closed",
        "reason": {"es": "Inventario anual", "en": "Inventario anual"},
    }
    assert days[dt.date(2030, 12, 19)]["state"] == "open"
    # Another agency is not closed by it.
    assert _by_date(_availability(api, 171, closed, closed))[closed]["state"] == "open"


def test_a_day_without_places_is_full(fixed: tuple[EmbeddedService, Api]) -> None:
    _, api = fixed
    tuesday = MONDAY + dt.timedelta(days=1)
    before = _by_date(_availability(api, TINY, MONDAY, tuesday + dt.timedelta(days=1)))
    assert [(d["state"], d["free_places"]) for d in before.values()] == [("open", 1)] * 3
    [slot] = api.slots(TINY, "CLAVE_PATRONAL", tuesday)
    assert api.hold(api.verified_citizen(), slot["id"]).status_code == 201
    after = _by_date(_availability(api, TINY, MONDAY, tuesday + dt.timedelta(days=1)))
    assert after[tuesday] == {
        "date": tuesday.isoformat(),
        "free_places": 0,
        "state": "full",
        "reason": None,
    }
    assert after[tuesday + dt.timedelta(days=1)]["state"] == "open"


def test_today_after_its_last_slot_has_begun_is_full(fixed: tuple[EmbeddedService, Api]) -> None:
    _, api = fixed
    assert api.clock is not None
    api.clock.set(int(dt.datetime.combine(MONDAY, dt.time(8, 5), tzinfo=QUITO).timestamp()))
    [today] = _availability(api, TINY, MONDAY, MONDAY)["days"]
    assert (today["state"], today["free_places"]) == ("full", 0)


def test_a_long_range_costs_no_query_per_day(fixed: tuple[EmbeddedService, Api]) -> None:
    svc, api = fixed
    statements: list[str] = []

    def count(*args: Any) -> None:
        # The outbox worker polls in its own thread meanwhile (and what it sends is not always
        # an outbox row): only the statements of the answers count.
        if threading.current_thread().name != "turnos-outbox":
            statements.append(str(args[2]))

    engine = svc.context.db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        _availability(api, 171, MONDAY, MONDAY)
        one_day = len(statements)
        statements.clear()
        _availability(api, 171, MONDAY, MONDAY + dt.timedelta(days=61))
        in_and_past_window = len(statements)
        statements.clear()
        _availability(api, 171, dt.date(2031, 2, 1), dt.date(2031, 4, 3))
        past_window = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert one_day == in_and_past_window
    assert past_window <= one_day


def test_the_holidays_are_read_at_start_not_in_a_citizens_request(tmp_path: Path) -> None:
    """Reading them first imports every country of `holidays`: with PySide6 loaded (the demo,
    the tour) and the files out of the page cache, that kept the first GET /v1/availability
    waiting past the kiosk's timeout. The service reads them as it starts."""
    from turnos.services import slots

    slots._national_holidays.cache_clear()
    service = start_embedded(tmp_path / "turnos")
    try:
        today = dt.datetime.now(dt.UTC).date()
        assert slots._national_holidays.cache_info().currsize == 3
        before = slots._national_holidays.cache_info().misses
        assert slots.is_holiday(dt.date(today.year, 12, 25))
        assert slots.is_holiday(dt.date(today.year + 1, 1, 1))
        assert slots._national_holidays.cache_info().misses == before
    finally:
        service.stop()
