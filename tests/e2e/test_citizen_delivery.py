"""A code that cannot be handed over is the contact step's problem, never "out of service".

The real service, outside demo mode, with a real SMTP server and no SMS gateway: choosing SMS
answers 503 `delivery_failed`. The citizen must hear that the code could not be sent and be
offered email, on the same screen, with what was typed kept; and email must then work.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.contact import Channel
from kiosk.domain.flow import Step
from kiosk.printing.file_printer import FilePrinter
from tests.e2e.test_kiosk_branches import _cedula
from tests.service.helpers import Inbox
from tests.ui.conftest import KioskDriver
from turnos.bootstrap import seed_demo
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services.citizens import import_citizens
from turnos.services.delivery import Delivery

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

CEDULA = _cedula(301)
QUICK_COOLDOWN_S = 2  # the kiosk's resend countdown runs in real time: keep the test short
EMAIL = "rosa.vera@gmail.com"


@pytest.fixture(scope="module")
def mail_only_service(
    inbox: tuple[Inbox, int], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedService]:
    """Email by SMTP, no SMS gateway: every SMS is `delivery_failed`."""
    data: Path = tmp_path_factory.mktemp("mail-only")
    service = start_embedded(
        data,
        demo=False,
        smtp_host="127.0.0.1",
        smtp_port=inbox[1],
        mail_from="t@example.com",
        resend_cooldown_s=QUICK_COOLDOWN_S,
    )
    csv = data / "citizens.csv"
    csv.write_text(f"id_type,id_number,name\ncedula,{CEDULA},Rosa Vera\n")
    with service.context.db.transaction() as session:
        import_citizens(session, service.context.hasher, csv, service.context.now())
    service.credentials = seed_demo(service.context)  # catalogue and tokens, as in the demo
    try:
        yield service
    finally:
        service.stop()


def test_sms_without_a_gateway_offers_email_and_the_kiosk_stays_in_service(
    make_kiosk: MakeKiosk,
    mail_only_service: EmbeddedService,
    inbox: tuple[Inbox, int],
    tmp_path: Path,
) -> None:
    kiosk, driver, _idle = make_kiosk(
        mail_only_service.url,
        mail_only_service.credentials["kiosk_token"],
        tmp_path / "outbox",  # nothing goes there: mail leaves by SMTP
        printer=FilePrinter(tmp_path / "slips"),
    )
    driver.start()
    driver.identify(CEDULA)
    driver.at(Step.CONTACT)
    contact = driver.view(Step.CONTACT)
    if contact.notice_shown():  # "Entendido, continuar" on the data-protection notice
        driver.next()
        driver.qtbot.waitUntil(lambda: not contact.notice_shown(), timeout=5000)
    driver.tap(contact.sms)
    assert contact.channel() is Channel.SMS
    driver.contact(EMAIL, "0991230301")

    notice = kiosk.shell.notice
    driver.qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert notice.heading.text() == "No pudimos enviar el código"
    assert notice.body.text() == (
        "No pudimos enviar el código a ese celular. Revise que esté bien escrito, o elija "
        "que se lo enviemos por correo."
    )
    assert not kiosk.controller.out_of_service
    assert not kiosk.shell.out_of_service.isVisible()
    driver.tap(notice.ok_button)
    assert not notice.isVisible()
    driver.at(Step.CONTACT)
    assert contact.email_text() == EMAIL  # nothing typed is lost

    driver.tap(contact.sms)  # back to email, as offered
    assert contact.channel() is Channel.EMAIL
    driver.next()
    driver.settle()
    driver.at(Step.VERIFY_CODE)
    assert inbox[0].wait_for(EMAIL)
    assert not kiosk.controller.out_of_service


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_new_code_that_cannot_be_sent_keeps_the_first_one_usable(
    make_kiosk: MakeKiosk,
    mail_only_service: EmbeddedService,
    inbox: tuple[Inbox, int],
    tmp_path: Path,
) -> None:
    """The mail server goes away after the first code: asking for a new one says so at the code
    step, points to the code already received and to «Atrás» for the other channel, and the
    first code still books."""
    kiosk, driver, _idle = make_kiosk(
        mail_only_service.url,
        mail_only_service.credentials["kiosk_token"],
        tmp_path / "outbox",
        printer=FilePrinter(tmp_path / "slips"),
    )
    driver.start()
    driver.identify(CEDULA)
    driver.at(Step.CONTACT)
    contact = driver.view(Step.CONTACT)
    if contact.notice_shown():
        driver.next()
        driver.qtbot.waitUntil(lambda: not contact.notice_shown(), timeout=5000)
    email = "rosa.vera.2@gmail.com"
    driver.contact(email, "0991230301")
    driver.at(Step.VERIFY_CODE)
    [mail] = inbox[0].wait_for(email)
    found = re.search(r"\b(\d{6})\b", mail.get_body(("plain",)).get_content())
    assert found, "no code in the mail"

    context = mail_only_service.context
    working = context.delivery
    context.delivery = Delivery(
        mail_only_service.settings.model_copy(update={"smtp_port": _closed_port()})
    )
    try:
        code_view = driver.view(Step.VERIFY_CODE)
        driver.qtbot.waitUntil(code_view.resend.isEnabled, timeout=QUICK_COOLDOWN_S * 1000 + 3000)
        driver.tap(code_view.resend)
        driver.qtbot.waitUntil(lambda: bool(code_view.error.text()), timeout=10000)
    finally:
        context.delivery = working
    assert code_view.error.text() == (
        "No pudimos enviar un código nuevo a su correo. Escriba el que ya recibió, o toque "
        "«Atrás» y elija que se lo enviemos por mensaje de texto."
    )
    assert not kiosk.controller.out_of_service
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(found.group(1))
    driver.at(Step.PROVINCE)
