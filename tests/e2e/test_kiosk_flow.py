"""Whole bookings through the kiosk's real widgets against the real turn service on loopback.

Each test uses its own cédula and email so the service's per-citizen limits never interfere.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.domain.token import KeySet, verify
from kiosk.printing.file_printer import FilePrinter
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService, start_embedded

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


@pytest.fixture(scope="module")
def quick_codes_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    """A service that sends a second code at once (the citizen comes back within a minute)."""
    service = start_embedded(tmp_path_factory.mktemp("turnos-quick"), resend_cooldown_s=0)
    try:
        yield service
    finally:
        service.stop()


def _kiosk(
    make_kiosk: MakeKiosk, service: EmbeddedService, **kwargs: Any
) -> tuple[Any, KioskDriver]:
    kiosk, driver, _clock = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox, **kwargs
    )
    return kiosk, driver


def test_happy_path_books_prints_and_the_token_verifies(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, tmp_path: Path
) -> None:
    printer = FilePrinter(tmp_path / "printed")
    kiosk, driver = _kiosk(make_kiosk, turnos_service, printer=printer)
    driver.to_review("1710034065", "ana.torres@gmail.com", "0991112233")
    assert not kiosk.controller.view(Step.REVIEW).printer_problem.text()  # printer ready
    review_texts = " ".join(
        w.text() for w in kiosk.shell.findChildren(type(kiosk.shell.title_label))
    )
    assert "1710034065" not in review_texts  # masked once entered
    assert "17••••••65" in review_texts
    driver.next()  # Confirmar
    driver.at(Step.DONE)

    confirmation = kiosk.controller.flow.draft.confirmation
    assert confirmation is not None
    assert printer.last_path is not None
    assert printer.last_path.read_bytes().startswith(b"%PDF")
    slip_text = subprocess.run(
        ["pdftotext", str(printer.last_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Solicitud de entrega de clave" in slip_text
    assert "Visa" not in slip_text  # a foreigners' alternative; this citizen has a cédula
    # The QR's token is signed by the service and verifies with its published keys.
    keys = KeySet.from_jwks(kiosk.client.keys())
    claims = verify(confirmation.token, keys, int(time.time()))
    assert claims.turn_code == confirmation.booking.code
    assert claims.masked_id.startswith("17")

    driver.next()  # Terminar
    driver.at(Step.WELCOME)
    assert kiosk.controller.flow.draft.personal_fields_empty()


def test_wrong_code_shows_attempts_left_then_the_right_one_passes(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver = _kiosk(make_kiosk, turnos_service)
    driver.start()
    driver.identify("0926687856")
    driver.at(Step.CONTACT)
    driver.contact("luis.mora@hotmail.com", "0987654321")
    driver.at(Step.VERIFY_CODE)
    right = driver.latest_code("luis.mora@hotmail.com")
    wrong = "000000" if right != "000000" else "111111"
    driver.enter_code(wrong)
    code_view = driver.view(Step.VERIFY_CODE)
    assert kiosk.controller.flow.current is Step.VERIFY_CODE
    assert "no es correcto" in code_view.error.text()
    assert "4" in code_view.attempts.text()
    driver.enter_code(right)
    driver.at(Step.PROVINCE)


def test_existing_turn_can_be_reprinted_and_cancelled(
    make_kiosk: MakeKiosk, quick_codes_service: EmbeddedService, tmp_path: Path
) -> None:
    printer = FilePrinter(tmp_path / "printed")
    kiosk, driver = _kiosk(make_kiosk, quick_codes_service, printer=printer)
    email, cedula, phone = "rosa.vera@gmail.com", "1713175071", "0998887766"
    driver.to_review(cedula, email, phone)
    driver.next()
    driver.at(Step.DONE)
    booking_id = kiosk.controller.flow.draft.confirmation.booking.id
    first_slip = printer.last_path
    driver.next()
    driver.at(Step.WELCOME)

    # The same citizen comes back: the existing turn is shown first.
    driver.start()
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(email))
    driver.at(Step.EXISTING_TURN)
    existing = driver.view(Step.EXISTING_TURN)
    driver.tap(existing.reprint_button(booking_id))
    driver.at(Step.DONE)
    assert printer.last_path != first_slip  # printed again

    driver.next()
    driver.at(Step.WELCOME)
    driver.start()
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(email))
    driver.at(Step.EXISTING_TURN)
    card = existing.card(booking_id)
    driver.tap(card.cancel_button)
    assert card.confirming()  # the card asks before cancelling
    driver.tap(card.cancel_button)
    driver.settle()
    driver.qtbot.waitUntil(lambda: not kiosk.controller.flow.draft.existing, timeout=10000)
    session = kiosk.controller.session.current
    assert session is not None
    assert kiosk.client.current_bookings(session) == []


@pytest.mark.expected_log_warnings(r"^ERROR \S+: printing failed: ")  # on purpose
def test_printer_failure_shows_the_qr_and_a_retry_prints(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer wants a folder")
    broken = FilePrinter(blocker / "slips")
    kiosk, driver = _kiosk(make_kiosk, turnos_service, printer=broken)
    # Said before anyone starts, with what still works: not first at the review.
    welcome = driver.view(Step.WELCOME)
    driver.qtbot.waitUntil(welcome.printer_notice.isVisible, timeout=5000)
    assert "Puede reservar igual" in welcome.printer_notice.text()
    driver.to_review("1104680135", "pablo.leon@gmail.com", "0991231234")
    # The printer's status was asked before the review appeared: the warning is there at once.
    review = driver.view(Step.REVIEW)
    assert "impresora no funciona" in review.printer_problem.text()
    driver.next()
    printing = driver.view(Step.PRINT)
    driver.qtbot.waitUntil(lambda: kiosk.controller.print_failed, timeout=10000)
    assert printing.failed_shown()
    assert printing.qr.isVisible()
    assert kiosk.controller.flow.draft.confirmation is not None  # the booking stands

    fixed = FilePrinter(tmp_path / "fixed")
    kiosk.controller.printer = fixed
    driver.tap(printing.retry)
    driver.at(Step.DONE)
    assert fixed.last_path is not None


def test_hold_lost_before_confirming_returns_to_the_hours(
    make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver = _kiosk(make_kiosk, turnos_service)
    driver.to_review("0605736818", "elena.paz@gmail.com", "0994445566")
    hold = kiosk.controller.flow.draft.hold
    assert hold is not None
    # The service lets the hold go (as when it expires) while the citizen reads.
    kiosk.client.release_hold(kiosk.controller.session.current, hold.id)
    driver.next()  # Confirmar
    driver.at(Step.SCHEDULE)
    schedule = driver.view(Step.SCHEDULE)
    # The service no longer holds the place for this session: it answers hold_expired.
    assert schedule.error.text() == "El tiempo para confirmar terminó. Elija la hora otra vez."
    assert kiosk.controller.flow.draft.hold is None
