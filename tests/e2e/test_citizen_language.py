"""What the service sends follows the citizen: the language chosen on the welcome screen, and
the data-protection notice quoting the service's own retention period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.domain.flow import Step
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import messages_to, text_of

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


@pytest.fixture(scope="module")
def service_45_days(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    service = start_embedded(tmp_path_factory.mktemp("turnos-45"), retention_days=45)
    try:
        yield service
    finally:
        service.stop()


def _notice_text(driver: KioskDriver) -> str:
    privacy = driver.view(Step.CONTACT).privacy
    return " ".join(label.text() for label in privacy.findChildren(QLabel))


def test_english_citizen_gets_the_code_in_english_and_the_real_retention(
    make_kiosk: MakeKiosk, service_45_days: EmbeddedService, compiled_translations: Path
) -> None:
    service = service_45_days
    _kiosk, driver, _clock = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox
    )
    driver.start(english=True)
    driver.identify("0926687856")
    driver.at(Step.CONTACT)
    notice = _notice_text(driver)
    assert "45" in notice  # the service's retention period, not a default of the kiosk
    assert "90" not in notice

    driver.contact("lucia.english@example.com", "0987001122")
    driver.at(Step.VERIFY_CODE)
    (message,) = messages_to(service.outbox, "lucia.english@example.com")
    body = text_of(message)
    assert "code" in body.lower()
    assert "código" not in body.lower()  # written in the citizen's language
    assert driver.latest_code("lucia.english@example.com").isdigit()
