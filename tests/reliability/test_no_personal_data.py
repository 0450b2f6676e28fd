"""No personal data where it must not be, after a whole run of the three programs.

A citizen with a known cédula, e-mail and mobile books at the kiosk (a mistyped cédula and a
wrong code on the way), then shows the slip at the counter: once online, once with the service
killed (the counter checks the slip in offline and queues it on disk), and the queue is sent
when the service is back. Every file the kiosk, the counter app and the service wrote is read
byte by byte (their logs, the kiosk's slips, the counter's key store, names and offline queue,
the service's data folder with its SQLite database, whose contacts are sealed); none holds any
of those values in full, nor their usual spellings (the cédula with a dash, the e-mail lower
case, the mobile in international form). The demo outbox is left out: it is the demo's
stand-in for the citizen's own mailbox.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import file_log_handler
from kiosk.config import KioskSettings
from kiosk.domain.contact import normalize_email
from kiosk.domain.flow import Step
from kiosk.printing.file_printer import FilePrinter
from kiosk.staff.app import assemble_staff
from kiosk.staff.outcome import Outcome
from kiosk.staff.verdict import Answer
from tests.reliability.conftest import KillableService
from tests.service.helpers import new_cedula
from tests.staff.conftest import RecordingSounds
from tests.ui.conftest import KioskDriver

pytestmark = [
    pytest.mark.slow,
    # The counter's clock is put at the turn, hours ahead of the service's: the service turns
    # the queued check-in down when it is sent, which the counter logs.
    pytest.mark.expected_log_warnings(r"refused a check-in made without connection"),
]


def _spellings(cedula: str, email: str, phone: str) -> dict[str, str]:
    """Each value and the forms it is commonly written in."""
    local = email.split("@")[0]
    national = phone[1:]
    return {
        "cédula": cedula,
        "cédula with a dash": f"{cedula[:9]}-{cedula[9]}",
        "cédula in groups": f"{cedula[:2]}-{cedula[2:]}",
        "e-mail": email,
        "e-mail lower case": email.lower(),
        "e-mail's name": local,
        "e-mail's name lower case": local.lower(),
        "mobile": phone,
        "mobile international": "+593" + national,
        "mobile without +": "593" + national,
        "mobile national digits": national,
    }


def _files(*roots: Path, leave_out: tuple[Path, ...]) -> Iterator[Path]:
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not any(path.is_relative_to(out) for out in leave_out):
                yield path


def _leaks(spellings: dict[str, str], files: list[Path]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for name, value in spellings.items():
            for encoded in {value.encode(), value.encode("utf-16-le")}:
                if encoded in data:
                    found.append(f"{name} in {path}")
    return found


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The kiosk's and the counter's log file, as `file_log_handler` writes it."""
    path = tmp_path / "logs" / "apps.log"
    path.parent.mkdir()
    handler = file_log_handler(path)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()


def test_no_file_of_kiosk_counter_or_service_holds_personal_data(
    reliable_kiosk: Callable[..., tuple[Any, KioskDriver]],
    killable_service: KillableService,
    compiled_translations: Path,
    qtbot: QtBot,
    tmp_path: Path,
    app_log: Path,
) -> None:
    service = killable_service
    cedula = new_cedula()
    email = f"rosa.vera.{uuid.uuid4().hex[:8]}@example.com"  # the kiosk's keys type lower case
    phone = f"0987{uuid.uuid4().int % 10**6:06d}"
    kiosk_dir, counter_dir = tmp_path / "kiosk", tmp_path / "counter"

    # --- the kiosk: a booking with a mistyped cédula and a wrong code on the way ---------------
    kiosk, driver = reliable_kiosk(
        service.url,
        service.credentials["kiosk_token"],
        service.outbox,
        printer=FilePrinter(kiosk_dir / "slips"),
    )
    driver.start()
    identify = driver.view(Step.IDENTIFY)
    wrong_cedula = cedula[:9] + str((int(cedula[9]) + 1) % 10)
    driver.type_keys(identify.keypad.key, wrong_cedula)  # told at once: Consultar stays off
    driver.wait_until(lambda: bool(identify.error.text()), what="the cédula refused")
    driver.erase(identify.keypad.key, len(wrong_cedula))
    driver.identify(cedula)
    driver.at(Step.CONTACT)
    driver.contact(email, phone)
    driver.at(Step.VERIFY_CODE)
    code = driver.latest_code(normalize_email(email))
    driver.enter_code(code[:5] + str((int(code[5]) + 1) % 10))
    driver.wait_until(lambda: bool(driver.view(Step.VERIFY_CODE).error.text()), what="refused")
    driver.enter_code(code)
    driver.choose_turn()
    driver.next()  # Confirmar
    driver.at(Step.DONE)
    confirmation = kiosk.controller.flow.draft.confirmation
    assert confirmation is not None
    booking = confirmation.booking

    # --- the counter: the slip online, then offline (queued on disk), then sent ----------------
    settings = KioskSettings.model_validate(
        {
            "service": {"url": service.url, "timeout_s": 3},
            "staff": {
                "token": service.credentials["staff_tokens"][str(booking.agency_id)],
                "agency_id": booking.agency_id,
                "keys_file": counter_dir / "keys.json",
                "queue_dir": counter_dir / "queue",
            },
        }
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    at_the_turn = booking.start.timestamp() - 300  # the counter's clock: the turn is due
    counter = assemble_staff(
        settings,
        app,
        now=lambda: at_the_turn,
        sounds=RecordingSounds(),
        camera=(None, None),
        translations=compiled_translations,
    )
    answers: list[Outcome] = []
    counter.desk.answered.connect(answers.append)
    try:
        counter.desk.start()
        qtbot.waitUntil(lambda: not counter.desk.busy, timeout=10000)
        counter.desk.feed_token_text(confirmation.token, "scanner")
        qtbot.waitUntil(lambda: len(answers) == 1 and not counter.desk.busy, timeout=10000)
        service.kill()
        counter.desk.feed_token_text(confirmation.token, "scanner")
        qtbot.waitUntil(lambda: len(answers) == 2 and not counter.desk.busy, timeout=10000)
        queued = list((counter_dir / "queue").glob("*.json"))
        assert answers[1].answer is Answer.CHECKED_IN
        assert answers[1].queued
        assert queued  # the offline check-in, on disk while the service is away
        spellings = _spellings(cedula, email, phone)
        assert _leaks(spellings, queued) == []
        service.start()
        counter.desk.request_sync()
        qtbot.waitUntil(lambda: not counter.desk.busy, timeout=15000)
    finally:
        counter.close()

    # --- every file written --------------------------------------------------------------------
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = list(_files(kiosk_dir, counter_dir, service.data_dir, app_log.parent,
                        leave_out=(service.outbox,)))  # fmt: skip
    names = {p.name for p in files}
    assert {"apps.log", "serve.log", "turnos.db", "keys.json"} <= names, names
    assert any(p.suffix == ".pdf" for p in files)  # the slip
    # The run did touch the values: the log has the masked forms, the service the booking.
    log_text = app_log.read_text(encoding="utf-8")
    assert "check-in" in log_text or "slip answered" in log_text
    assert _leaks(_spellings(cedula, email, phone), files) == []
    # The search itself finds what is there: the outbox (the citizen's mailbox) has the address.
    assert _leaks({"e-mail": email}, list(_files(service.outbox, leave_out=())))
    # The codes typed (the wrong one and the right one) are in no log either.
    logs = [p for p in files if p.suffix == ".log"]
    assert _leaks({"code": code}, logs) == []
