"""A passport holder books through the whole kiosk on the real turn service, the printer
broken, then fixed: the review, the printer fallback, the done screen and the slip name this
person's documents, the agency and where the confirmation was emailed.

Before, the controller never gave the done screen the catalogue (no agency, no address), the
fallback showed only a QR, and all three told a passport holder to bring a cédula.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.domain.ids import IdType
from kiosk.printing.file_printer import FilePrinter
from tests.ui.conftest import KioskDriver
from tests.ui.test_views_review_documents import EXPECTED
from turnos.embedded import EmbeddedService

pytestmark = pytest.mark.slow

PASSPORT = "C7654321"
EMAIL = "sofia.ramos@gmail.com"
MASKED = "s•••@gmail.com"


def passport_to_review(driver: KioskDriver, passport: str, email: str, phone: str) -> None:
    driver.start()
    identify = driver.view(Step.IDENTIFY)
    driver.tap(identify.type_buttons[IdType.PASSPORT])
    driver.type_keys(identify.keyboard.key, passport)
    driver.next()
    driver.settle()
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(email))
    driver.choose(Step.PROVINCE, "17")
    driver.choose(Step.PROCEDURE, "CLAVE_PATRONAL")
    driver.choose(Step.AGENCY)
    driver.first_slot()
    driver.at(Step.REVIEW)


@pytest.mark.expected_log_warnings(r"^ERROR \S+: printing failed: ")  # on purpose
def test_a_passport_holder_sees_their_own_documents_and_the_whole_turn(
    make_kiosk: Callable[..., tuple[Any, KioskDriver, Any]],
    turnos_service: EmbeddedService,
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer wants a folder")
    kiosk, driver, _clock = make_kiosk(
        turnos_service.url,
        turnos_service.credentials["kiosk_token"],
        turnos_service.outbox,
        printer=FilePrinter(blocker / "slips"),
    )
    controller, shell = kiosk.controller, kiosk.shell
    passport_to_review(driver, PASSPORT, EMAIL, "0991472583")

    review = driver.view(Step.REVIEW)
    assert review.requirements.titles() == EXPECTED[IdType.PASSPORT]
    assert shell.step_label.text() == "Paso 9 de 9"

    driver.next()  # Confirmar; the printer fails
    driver.qtbot.waitUntil(lambda: controller.print_failed, timeout=10000)
    confirmation = controller.flow.draft.confirmation
    assert confirmation is not None
    agency = controller.catalog.agency(confirmation.booking.agency_id)
    assert agency is not None
    printing = driver.view(Step.PRINT)
    assert printing.failed_shown()
    assert shell.step_label.text() == ""  # printing is no step of the citizen's
    assert printing.turn.code.text() == confirmation.booking.code
    assert confirmation.booking.start.strftime("%H:%M") in printing.turn.when.text()
    assert printing.turn.agency.text() == agency.name.es
    assert printing.turn.address.text() == agency.address.es
    assert printing.bring.documents.titles() == EXPECTED[IdType.PASSPORT]
    assert MASKED in printing.emailed.text()

    fixed = FilePrinter(tmp_path / "fixed")
    controller.printer = fixed
    driver.tap(printing.retry)
    driver.at(Step.DONE)
    done = driver.view(Step.DONE)
    assert done.turn.code.text() == confirmation.booking.code
    assert done.turn.agency.text() == agency.name.es
    assert done.turn.address.text() == agency.address.es
    assert done.bring.documents.titles() == EXPECTED[IdType.PASSPORT]
    assert done.emailed.text() == f"También le enviamos la confirmación al correo {MASKED}."
    assert done.slip.isVisible()

    assert fixed.last_path is not None
    printed = subprocess.run(
        ["pdftotext", str(fixed.last_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    slip = " ".join(printed.split())
    assert "Pasaporte" in slip
    assert "con su cédula original" not in slip
    assert "Código de identificación" not in slip
