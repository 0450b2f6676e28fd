"""What the kiosk does on its own never keeps a citizen waiting, and never hangs for good."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.printing.printer import PrinterStatus
from turnos.embedded import EmbeddedService

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, Any, Any]]


@pytest.fixture
def hung() -> Iterator[threading.Event]:
    """A service or printer that does not answer until the test ends."""
    release = threading.Event()
    yield release
    release.set()


def test_the_first_tap_does_not_wait_for_the_catalogue_revalidation(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, hung: threading.Event
) -> None:
    kiosk, driver, _idle = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    driver.qtbot.waitUntil(lambda: kiosk.controller.catalog is not None, timeout=10000)
    held = kiosk.controller.catalog
    client = kiosk.client
    real_catalog = client.catalog

    def slow_catalog() -> Any:
        hung.wait(60)  # the service takes its time over the revalidation
        return real_catalog()

    client.catalog = slow_catalog
    welcome = driver.view(Step.WELCOME)
    driver.tap(welcome.spanish)
    driver.at(Step.IDENTIFY, timeout=3000)  # the catalogue held serves meanwhile
    assert kiosk.controller.catalog is held
    assert not kiosk.shell.busy.isVisible()


class _HungPrinter:
    """A printer whose status query never returns (a USB printer that locked up)."""

    def __init__(self, release: threading.Event) -> None:
        self._release = release

    def status(self) -> PrinterStatus:
        self._release.wait(60)
        return PrinterStatus.ok()

    def print_pdf(self, pdf: bytes, paper: Any) -> None:
        self._release.wait(60)


@pytest.mark.expected_log_warnings(r"the printer did not report its status within")
def test_a_printer_that_does_not_answer_is_reported_offline_in_the_heartbeat(
    make_kiosk: MakeKiosk,
    turnos_service: EmbeddedService,
    hung: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("kiosk.booking.print_station.STATUS_TIMEOUT_S", 0.5)
    kiosk, driver, _idle = make_kiosk(
        turnos_service.url,
        turnos_service.credentials["kiosk_token"],
        turnos_service.outbox,
        printer=_HungPrinter(hung),
    )
    sent: list[tuple[Any, ...]] = []
    real_heartbeat = kiosk.client.heartbeat

    def heartbeat(*args: Any) -> Any:
        sent.append(args)
        return real_heartbeat(*args)

    kiosk.client.heartbeat = heartbeat
    kiosk.controller.send_heartbeat()
    driver.qtbot.waitUntil(lambda: bool(sent), timeout=10000)
    _version, state, paper, _error = sent[0]
    assert (state, paper) == ("offline", "ok")
    assert driver.view(Step.WELCOME).printer_notice.text()  # said before anyone starts
