"""The month against the real turn service: its holidays, weekends, full days and window.

The service's clock is set to Monday 21 December 2026 at 18:30 in Quito, after the demo
agencies close: today is full, Christmas (Friday 25) and New Year's Day are holidays, weekends
are closed, and the 28-day window ends on Monday 18 January 2027. The month is read from
the service's answer to the kiosk's own client, then a citizen walks to the schedule through
the kiosk's widgets and taps a day whose turns have all begun since the month was loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.backend.client import TurnosClient
from kiosk.booking.turn_steps import AVAILABILITY_DAYS
from kiosk.domain.flow import Step
from kiosk.ui.theme import Theme
from kiosk.views.schedule import ScheduleView
from tests.ui.conftest import PORTRAIT, KioskDriver
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]
QUITO = ZoneInfo("America/Guayaquil")
MONDAY_EVENING = dt.datetime(2026, 12, 21, 18, 30, tzinfo=QUITO)


@pytest.fixture(scope="module")
def service_clock() -> MovableClock:
    clock = MovableClock()
    clock.set(int(MONDAY_EVENING.timestamp()))
    return clock


@pytest.fixture(scope="module")
def december_service(
    tmp_path_factory: pytest.TempPathFactory, service_clock: MovableClock
) -> Iterator[EmbeddedService]:
    service = start_embedded(tmp_path_factory.mktemp("turnos-december"), clock=service_clock)
    try:
        yield service
    finally:
        service.stop()


def to_schedule(
    make_kiosk: MakeKiosk, service: EmbeddedService, clock: MovableClock, cedula: str, email: str
) -> tuple[Any, KioskDriver]:
    kiosk, driver, _idle = make_kiosk(
        service.url,
        service.credentials["kiosk_token"],
        service.outbox,
        now=lambda: dt.datetime.fromtimestamp(clock.now(), dt.UTC),
    )
    driver.start()
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    contact = driver.view(Step.CONTACT)
    if contact.notice_shown():  # the data-protection notice first, then the form
        driver.next()
        driver.qtbot.waitUntil(lambda: not contact.notice_shown(), timeout=5000)
    driver.contact(email, "0991234567")
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(email))
    driver.choose(Step.PROVINCE, "17")
    driver.choose(Step.PROCEDURE, "CLAVE_PATRONAL")
    driver.choose(Step.AGENCY)
    driver.at(Step.SCHEDULE)
    return kiosk, driver


def test_the_month_tells_holidays_weekends_full_and_not_yet_open_days(
    qtbot: QtBot, qloop: object, december_service: EmbeddedService
) -> None:
    service = december_service
    today = MONDAY_EVENING.date()
    with TurnosClient(service.url, service.credentials["kiosk_token"]) as client:
        catalog = client.catalog()
        agency = catalog.agencies_for("17", "CLAVE_PATRONAL")[0]
        # As the controller asks: AVAILABILITY_DAYS from the agency's today.
        answer = client.availability(
            agency.id,
            "CLAVE_PATRONAL",
            today,
            today + dt.timedelta(days=AVAILABILITY_DAYS - 1),
        )
    assert answer.last_bookable == dt.date(2027, 1, 18)
    view = ScheduleView(Theme(PORTRAIT))
    qtbot.addWidget(view)
    view.show()
    view.set_availability(answer)
    calendar = view.calendar
    assert calendar.month_label.text() == "Diciembre de 2026"
    words = {
        21: "Lleno",  # today, after its last turn began
        22: "✓ Libre",
        25: "Cerrado",  # Christmas, a Friday
        26: "Cerrado",  # Saturday
        27: "Cerrado",  # Sunday
        28: "✓ Libre",
    }
    for day, word in words.items():
        assert calendar.cell(dt.date(2026, 12, day)).word() == word, day
    assert "Cerrado el 25: Navidad." in calendar.notes.text()
    assert not calendar.prev_month.isEnabled()  # nothing before today

    qtbot.mouseClick(calendar.next_month, Qt.MouseButton.LeftButton)
    assert calendar.month_label.text() == "Enero de 2027"
    assert calendar.cell(dt.date(2027, 1, 1)).word() == "Cerrado"
    assert "Cerrado el 1: Año Nuevo." in calendar.notes.text()
    assert calendar.cell(dt.date(2027, 1, 18)).word() == "✓ Libre"
    for day in (19, 20, 29):  # past the window: not full, not closed, not open yet
        assert calendar.cell(dt.date(2027, 1, day)).word() == "Aún no", day
    assert "Se puede reservar hasta el lunes 18 de enero de 2027." in calendar.notes.text()
    assert not calendar.next_month.isEnabled()  # the window ends in January


def test_a_day_whose_turns_are_gone_offers_the_next_open_day(
    make_kiosk: MakeKiosk, december_service: EmbeddedService, service_clock: MovableClock
) -> None:
    kiosk, driver = to_schedule(
        make_kiosk, december_service, service_clock, "1713175071", "luis.calendario@gmail.com"
    )
    assert kiosk.controller.turn.last_bookable == dt.date(2027, 1, 18)  # the window, kept
    schedule = driver.view(Step.SCHEDULE)
    # The citizen reads the month until Thursday evening: the 24th's turns have all begun.
    service_clock.set(int((MONDAY_EVENING + dt.timedelta(days=3)).timestamp()))
    try:
        driver.tap(schedule.calendar.cell(dt.date(2026, 12, 24)))
        driver.settle()
        driver.qtbot.waitUntil(schedule.next_day_button.isVisible, timeout=5000)
        # Not Christmas, not the weekend: the next day that is open.
        assert "lunes 28 de diciembre de 2026" in schedule.no_places.text()
        driver.tap(schedule.next_day_button)
        driver.qtbot.waitUntil(lambda: bool(schedule.hours.keys()) and not kiosk.controller.busy)
        assert schedule.chosen_day() == dt.date(2026, 12, 28)
    finally:
        service_clock.set(int(MONDAY_EVENING.timestamp()))
