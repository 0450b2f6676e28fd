"""The institution's cap per citizen, met on the real kiosk: words with the day and clock time.

A citizen who booked twice today (elsewhere) comes to the kiosk for a third procedure: the
review step says when the next booking is possible and what to do meanwhile.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.flow import Step
from tests.e2e.test_kiosk_branches import _cedula
from tests.service.helpers import Api, Citizen
from tests.ui.conftest import KioskDriver, kiosk_on
from turnos.embedded import EmbeddedService, start_embedded

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


@pytest.fixture
def capped_service(tmp_path: Path) -> Iterator[EmbeddedService]:
    """The institution's caps (the test session's environment raises them for other tests)."""
    service = start_embedded(
        tmp_path / "turnos",
        citizen_bookings_per_day=2,
        citizen_bookings_per_week=4,
        citizen_bookings_per_month=10,
    )
    try:
        yield service
    finally:
        service.stop()


def test_the_third_booking_of_a_day_says_from_when_and_what_to_do_now(
    make_kiosk: MakeKiosk, capped_service: EmbeddedService, tmp_path: Path
) -> None:
    cedula = _cedula(301)
    api = Api(capped_service.url, capped_service.credentials, capped_service.outbox)
    earlier = api.verified_citizen(Citizen(cedula, "lucia.andrade@gmail.com", "0991230301"))
    first_booked = dt.datetime.now(dt.UTC)
    for procedure in ("CLAVE_PATRONAL", "CLAVE_AFILIADO"):
        api.booked(earlier, api.find_slot(agency=171, procedure=procedure)["id"])

    kiosk, driver = kiosk_on(make_kiosk, capped_service)
    driver.start()
    driver.identify(cedula)
    # Another address than before: a minute between two codes to one address.
    driver.contact("lucia.andrade.v@hotmail.com", "0991230301")
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code("lucia.andrade.v@hotmail.com"))
    driver.choose_turn("REGISTRO_EMPLEADOR")
    driver.next()  # Confirmar
    driver.settle()

    assert kiosk.controller.flow.current is Step.REVIEW  # refused, nothing printed
    words = driver.view(Step.REVIEW).error.text()
    assert "Ya tiene el máximo de turnos" in words, words
    when = re.search(r"a partir del (\w+) (\d+) de (\w+) de (\d{4}) a las (\d\d):(\d\d)", words)
    assert when is not None, words
    # 24 hours after the first booking, in the kiosk's own zone, to the next minute.
    local = (first_booked + dt.timedelta(days=1)).astimezone(ZoneInfo("America/Guayaquil"))
    assert int(when[2]) == local.day
    shown = local.replace(hour=int(when[5]), minute=int(when[6]), second=0, microsecond=0)
    assert abs((shown - local).total_seconds()) <= 120
    for what_now in ("ventanilla", "www.iess.gob.ec", "593 23945666"):
        assert what_now in words
    assert not list((tmp_path / "slips").glob("*"))
