"""The code step in a tired citizen's hands, tapped at screen positions, on the real service.

No dead end: five wrong codes, then a new code, then the booking; an email mistyped and
corrected in the same visit; a send limit that says until what clock time, and what to do now.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import ServiceError
from kiosk.domain.contact import Channel
from kiosk.domain.flow import Step
from tests.e2e.test_kiosk_branches import _cedula
from tests.ui.conftest import KioskDriver, kiosk_on
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import messages_to

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

QUICK_COOLDOWN_S = 2  # the kiosk's resend countdown runs in real time: keep the test short


@pytest.fixture(scope="module")
def quick_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    service = start_embedded(
        tmp_path_factory.mktemp("turnos-code"), resend_cooldown_s=QUICK_COOLDOWN_S
    )
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def stock_service(tmp_path: Path) -> Iterator[EmbeddedService]:
    """The service with its shipped limits (a minute between codes, hourly caps)."""
    service = start_embedded(tmp_path / "turnos")
    try:
        yield service
    finally:
        service.stop()


def _wrong(right: str) -> str:
    return "000000" if right != "000000" else "111111"


def _wait_for_new_mail(driver: KioskDriver, outbox: Path, email: str, before: int) -> None:
    driver.qtbot.waitUntil(lambda: len(messages_to(outbox, email)) > before, timeout=5000)


def test_mistyped_email_and_five_wrong_codes_still_book_in_the_same_visit(
    make_kiosk: MakeKiosk, quick_service: EmbeddedService
) -> None:
    kiosk, driver = kiosk_on(make_kiosk, quick_service)
    outbox = quick_service.outbox
    typo, email = "rosa.chivo@gmail.com", "rosa.chico@gmail.com"
    driver.start()
    driver.identify(_cedula(201))
    driver.contact(typo, "0991230201")
    driver.at(Step.VERIFY_CODE)
    code_view = driver.view(Step.VERIFY_CODE)
    assert "r•••@gmail.com" in kiosk.shell.help_label.text()  # where the code went, masked

    # Nothing arrives: the citizen sees the address was wrong, goes back and corrects it.
    driver.tap(kiosk.shell.back_button)
    driver.at(Step.CONTACT)
    driver.contact(email, "0991230201")
    driver.at(Step.VERIFY_CODE)
    assert code_view.value() == ""
    assert "intento" not in code_view.attempts.text()  # fresh attempts with the new code
    assert re.search(r"vale hasta las \d\d:\d\d", code_view.attempts.text())
    right = driver.latest_code(email)

    # Five wrong codes: each one clears the boxes and counts down.
    for left in (4, 3, 2, 1):
        driver.enter_code(_wrong(right))
        assert code_view.value() == "", "a wrong code stays in the boxes"
        assert f"{left} intento" in code_view.attempts.text()
        assert "no es correcto" in code_view.error.text()
    driver.enter_code(_wrong(right))
    assert code_view.exhausted()
    assert "ya no sirve" in code_view.error.text()
    assert "Enviar un código nuevo" in code_view.error.text()  # the way on, in words
    assert not kiosk.shell.next_button.isEnabled()
    assert code_view.resend.property("role") == "primary"
    # Reading it is hard in Spanish: the citizen switches to English, and the reason with it.
    driver.tap(kiosk.shell.language_button)  # "English"
    assert "no longer works" in code_view.error.text()
    assert "Send a new code" in code_view.error.text()
    driver.tap(kiosk.shell.language_button)  # "Español"
    assert "ya no sirve" in code_view.error.text()

    # A new code: fresh attempts, empty boxes, and it works.
    driver.qtbot.waitUntil(code_view.resend.isEnabled, timeout=QUICK_COOLDOWN_S * 1000 + 3000)
    sent = len(messages_to(outbox, email))
    driver.tap(code_view.resend)
    driver.settle()
    _wait_for_new_mail(driver, outbox, email, sent)
    assert not code_view.exhausted()
    assert code_view.error.text() == ""
    assert code_view.value() == ""
    driver.enter_code(driver.latest_code(email))
    driver.at(Step.PROVINCE)
    driver.choose_turn()
    driver.next()  # Confirmar
    driver.at(Step.DONE)


def test_a_corrected_email_gets_its_code_at_once_with_the_shipped_limits(
    make_kiosk: MakeKiosk, stock_service: EmbeddedService
) -> None:
    """The minute between two codes is per address: a corrected address is no resend."""
    _, driver = kiosk_on(make_kiosk, stock_service)
    driver.start()
    driver.identify(_cedula(202))
    driver.contact("pedro.lopez@gmial.com", "0991230202")
    driver.at(Step.VERIFY_CODE)
    driver.tap(driver.shell.back_button)
    driver.at(Step.CONTACT)
    driver.contact("pedro.lopez@gmail.com", "0991230202")
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code("pedro.lopez@gmail.com"))
    driver.at(Step.PROVINCE)


def test_the_hourly_limit_names_the_clock_time_and_what_to_do_now(
    make_kiosk: MakeKiosk, stock_service: EmbeddedService
) -> None:
    cedula = _cedula(203)
    # Codes asked for this citizen elsewhere until the service says no more this hour.
    with TurnosClient(stock_service.url, stock_service.credentials["kiosk_token"]) as other:
        citizen = other.lookup("cedula", cedula).citizen
        first_sent = dt.datetime.now(dt.UTC)
        refused: ServiceError | None = None
        for n in range(20):
            try:
                other.start_verification(citizen, f"otro{n}@gmail.com", None, Channel.EMAIL)
            except ServiceError as exc:
                refused = exc
                break
        assert refused is not None
        assert refused.code == "rate_limited"
        assert refused.retry_after is not None

    kiosk, driver = kiosk_on(make_kiosk, stock_service)
    driver.start()
    driver.identify(cedula)
    driver.contact("maria.s@gmail.com", "0991230203")
    assert kiosk.controller.flow.current is Step.CONTACT  # refused, nothing lost
    notice = kiosk.shell.notice
    assert notice.isVisible()
    assert notice.heading.text() == "Por ahora no podemos enviar otro código"
    words = notice.body.text()
    clock = re.search(r"a las (\d\d):(\d\d)", words)
    assert clock is not None, words
    # The hour is over about an hour after the first code, in the kiosk's own zone.
    local = (first_sent + dt.timedelta(hours=1)).astimezone(ZoneInfo("America/Guayaquil"))
    shown = local.replace(hour=int(clock[1]), minute=int(clock[2]), second=0, microsecond=0)
    assert abs((shown - local).total_seconds()) <= 120
    for what_now in ("ventanilla", "www.iess.gob.ec", "593 23945666"):
        assert what_now in words
    # "Entendido": the screen as it was, with what was typed, to try another way.
    driver.tap(notice.ok_button)
    assert not notice.isVisible()
    assert driver.view(Step.CONTACT).email_text() == "maria.s@gmail.com"
