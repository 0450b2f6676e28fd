"""The registry at the kiosk, tapped at screen positions, on the real service.

A citizen whose registry entry has another email is told, over the screen and without losing
what was typed, that the address is not the registered one and which one it is (masked); with
the registered address the code comes and the booking goes through. An id that is not in the
employer registry is told that the employer registration comes first.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import ServiceError
from kiosk.domain.contact import Channel
from kiosk.domain.flow import Step
from tests.e2e.test_kiosk_branches import _cedula
from tests.helpers.registry import load_registry
from tests.ui.conftest import KioskDriver, kiosk_on
from turnos.embedded import EmbeddedService, start_embedded
from turnos.outbox import messages_to

pytestmark = pytest.mark.slow

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]

REGISTERED_EMAIL = "maria.sanchez@gmail.com"
REGISTERED_MOBILE = "0991230301"
CITIZEN = _cedula(301)
NOT_EMPLOYER = _cedula(302)


@pytest.fixture(scope="module")
def registry_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    """The demo service with two registry entries: a registered employer with contacts, and
    an id known to the institution but not registered as employer."""
    data = tmp_path_factory.mktemp("turnos-registry")
    service = start_embedded(data)
    load_registry(service, data, (CITIZEN, REGISTERED_EMAIL, REGISTERED_MOBILE), NOT_EMPLOYER)
    try:
        yield service
    finally:
        service.stop()


def test_another_email_is_refused_with_the_registered_one_masked_then_booked(
    make_kiosk: MakeKiosk, registry_service: EmbeddedService
) -> None:
    kiosk, driver = kiosk_on(make_kiosk, registry_service)
    driver.start()
    driver.identify(CITIZEN)
    driver.contact("otra.persona@gmail.com", REGISTERED_MOBILE)
    assert kiosk.controller.flow.current is Step.CONTACT  # refused, nothing lost
    notice = kiosk.shell.notice
    assert notice.isVisible()
    assert notice.heading.text() == "Ese correo no es el registrado"
    words = notice.body.text()
    assert "no es el registrado en el IESS (m•••@gmail.com)" in words, words
    for where in ("www.iess.gob.ec", "ventanilla"):
        assert where in words
    assert not messages_to(registry_service.outbox, "otra.persona@gmail.com")
    driver.tap(notice.ok_button)
    assert not notice.isVisible()
    assert driver.view(Step.CONTACT).email_text() == "otra.persona@gmail.com"

    driver.contact(REGISTERED_EMAIL, REGISTERED_MOBILE)
    driver.at(Step.VERIFY_CODE)
    driver.enter_code(driver.latest_code(REGISTERED_EMAIL))
    driver.at(Step.PROVINCE)
    driver.choose_turn()
    driver.next()  # Confirmar
    driver.at(Step.DONE)


def test_an_id_without_employer_registration_is_told_it_comes_first(
    make_kiosk: MakeKiosk, registry_service: EmbeddedService
) -> None:
    kiosk, driver = kiosk_on(make_kiosk, registry_service)
    driver.start()
    driver.identify(NOT_EMPLOYER)
    assert kiosk.controller.flow.current is Step.IDENTIFY
    notice = kiosk.shell.notice
    assert notice.isVisible()
    assert notice.heading.text() == "No encontramos su registro de empleador"
    assert "deberá haber realizado el trámite de registro de empleador" in notice.body.text()


def test_the_client_carries_the_masked_registered_contacts(
    registry_service: EmbeddedService,
) -> None:
    token = registry_service.credentials["kiosk_token"]
    with TurnosClient(registry_service.url, token) as client:
        citizen = client.lookup("cedula", CITIZEN).citizen
        with pytest.raises(ServiceError) as caught:
            client.start_verification(citizen, "otra.persona@gmail.com", None, Channel.EMAIL)
    refused = caught.value
    assert (refused.code, refused.status) == ("contact_not_registered", 403)
    assert refused.registered == {"email": "m•••@gmail.com", "phone": "09•••••301"}
    copy = pickle.loads(pickle.dumps(refused))  # noqa: S301 - our own bytes
    assert copy.registered == refused.registered
