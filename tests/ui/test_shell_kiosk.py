"""The shell around the screens: idle wipe, out of service and back, technician message,
maintenance PIN, language switch. Against the real turn service on loopback."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from kiosk.domain.contact import mask_email, mask_phone
from kiosk.domain.flow import Step
from kiosk.domain.idle import IdlePhase
from kiosk.domain.ids import mask_id
from kiosk.tour import LinkSwitch
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


def _kiosk(
    make_kiosk: MakeKiosk, url: str, service: EmbeddedService
) -> tuple[Any, KioskDriver, Any]:
    return make_kiosk(url, service.credentials["kiosk_token"], service.outbox)


def _all_texts(root: QWidget) -> str:
    texts = [w.text() for w in root.findChildren(QLineEdit)]
    texts += [w.text() for w in root.findChildren(QLabel)]
    texts += [w.text() for w in root.findChildren(QPushButton)]
    return "\n".join(texts)


def test_idle_warning_then_wipe_leaves_nothing_personal(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, clock = _kiosk(make_kiosk, turnos_service.url, turnos_service)
    cedula, email, phone = "1910364262", "julia.rios@gmail.com", "0997771122"
    driver.start()
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)
    code = driver.latest_code(email)
    driver.type_keys(driver.view(Step.VERIFY_CODE).keypad.key, code[:3])

    # 180 s on the code step, the last 20 warned: jump to the warning.
    clock.advance(165)
    kiosk.idle.check()
    assert kiosk.idle.phase is IdlePhase.WARNING
    overlay = kiosk.shell.idle_warning
    assert overlay.isVisible()
    assert overlay.countdown.text() == "15"
    # "Sí, continuar" gives the full time back.
    driver.tap(overlay.yes_button)
    assert not overlay.isVisible()
    assert kiosk.idle.phase is IdlePhase.ACTIVE

    # The screens hold the citizen's data before the wipe, or the checks after it prove nothing.
    masks = (mask_id(cedula), mask_email(email), mask_phone(phone))
    held = _all_texts(kiosk.shell)
    for value in (cedula, phone, mask_email(email)):
        assert value in held
    assert driver.view(Step.VERIFY_CODE).value() == code[:3]

    clock.advance(185)
    kiosk.idle.check()
    driver.qtbot.waitUntil(lambda: kiosk.controller.flow.current is Step.WELCOME)
    assert kiosk.controller.flow.draft.personal_fields_empty()
    shown = _all_texts(kiosk.shell)
    for secret in (cedula, email, phone, code, code[:3], "julia", "7771122", *masks):
        assert secret not in shown
    assert driver.view(Step.VERIFY_CODE).value() == ""
    assert not overlay.isVisible()


def test_start_over_releases_the_session(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, _clock = _kiosk(make_kiosk, turnos_service.url, turnos_service)
    driver.start()
    driver.identify("0602997223")
    driver.at(Step.CONTACT)
    driver.contact("omar.paz@gmail.com", "0991234000")
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code("omar.paz@gmail.com"))
    driver.at(Step.PROVINCE)
    session = kiosk.controller.session.current
    assert session is not None
    driver.tap(kiosk.shell.start_over_button)
    assert kiosk.controller.flow.current is Step.WELCOME
    # The session ends on the service too: it no longer answers for it.
    from kiosk.backend.errors import ServiceError

    def ended() -> bool:
        try:
            kiosk.client.current_bookings(session)
        except ServiceError:
            return True
        return False

    driver.qtbot.waitUntil(ended, timeout=5000)


def test_service_down_in_the_middle_then_back_by_itself(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, switch: LinkSwitch
) -> None:
    kiosk, driver, _clock = _kiosk(make_kiosk, switch.url, turnos_service)
    driver.start()
    switch.cut()
    driver.type_keys(driver.view(Step.IDENTIFY).keypad.key, "0103322459")
    driver.next()
    driver.qtbot.waitUntil(lambda: kiosk.shell.out_of_service.isVisible(), timeout=10000)
    assert kiosk.controller.out_of_service
    switch.connect()
    driver.qtbot.waitUntil(lambda: not kiosk.shell.out_of_service.isVisible(), timeout=15000)
    # The citizen's screen is still there, the number still typed: Consultar again works.
    assert kiosk.controller.flow.current is Step.IDENTIFY
    driver.next()
    driver.at(Step.CONTACT)


class _OtherVersion(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"status": "ok", "api_version": "2", "version": "9.0"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.expected_log_warnings(  # the incompatible service is logged as an error
    r"^ERROR \S+: turn service speaks API version 2; kiosk needs 1$"
)
def test_incompatible_service_shows_a_technician_message(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OtherVersion)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        kiosk, driver, _clock = _kiosk(make_kiosk, url, turnos_service)
        driver.qtbot.waitUntil(lambda: kiosk.shell.technician.isVisible(), timeout=10000)
        assert "API 2" in kiosk.shell.technician.detail.text()
        assert "técnico" in kiosk.shell.technician.body.text()
    finally:
        server.shutdown()
        server.server_close()


def _corner_taps(driver: KioskDriver, n: int = 5) -> None:
    for _ in range(n):
        driver.qtbot.mouseClick(driver.shell, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))


def test_maintenance_pin_wrong_then_right(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, _clock = _kiosk(make_kiosk, turnos_service.url, turnos_service)
    panel = kiosk.maintenance
    _corner_taps(driver, 4)
    assert not panel.isVisible()  # four taps are not the gesture
    _corner_taps(driver)
    assert panel.isVisible()
    driver.type_keys(panel.keypad.key, "1111")
    driver.tap(panel.keypad.key("accept"))
    assert "incorrecto" in panel.pin_error.text()
    assert panel.pin_edit.text() == ""  # the PIN never stays in the field
    assert not panel.info_page.isVisible()
    driver.type_keys(panel.keypad.key, "2468")
    driver.tap(panel.keypad.key("accept"))
    assert panel.info_page.isVisible()
    value = panel.findChild(QLabel, "info_kiosk_id")
    driver.qtbot.waitUntil(lambda: value.text() == "KIOSK-DEMO-01", timeout=10000)
    status = panel.findChild(QLabel, "info_service_status")
    assert status.text().startswith("OK")
    driver.tap(panel.close_button)
    assert not panel.isVisible()


def test_language_switch_on_welcome_and_back(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, compiled_translations: Path
) -> None:
    kiosk, driver, _clock = _kiosk(make_kiosk, turnos_service.url, turnos_service)
    driver.start(english=True)
    shell = kiosk.shell
    assert shell.start_over_button.text() == "Start over"
    assert shell.step_label.text() == "Step 1 of 9"
    assert shell.next_button.text() == "Look up"
    driver.tap(shell.language_button)  # "Español"
    assert shell.start_over_button.text() == "Empezar de nuevo"
    assert shell.next_button.text() == "Consultar"
    driver.tap(shell.start_over_button)
    assert shell.language_button.text() == "English"
