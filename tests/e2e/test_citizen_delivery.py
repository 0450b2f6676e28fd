"""A code that cannot be handed over is the contact step's problem, never "out of service".

The real service, outside demo mode, with a real SMTP server and no SMS gateway: choosing SMS
answers 503 `delivery_failed`. The citizen must hear that the code could not be sent and be
offered email, on the same screen, with what was typed kept; and email must then work.
"""

from __future__ import annotations

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

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

CEDULA = _cedula(301)
EMAIL = "rosa.vera@gmail.com"


@pytest.fixture(scope="module")
def mail_only_service(
    inbox: tuple[Inbox, int], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedService]:
    """Email by SMTP, no SMS gateway: every SMS is `delivery_failed`."""
    data: Path = tmp_path_factory.mktemp("mail-only")
    service = start_embedded(
        data, demo=False, smtp_host="127.0.0.1", smtp_port=inbox[1], mail_from="t@example.com"
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
