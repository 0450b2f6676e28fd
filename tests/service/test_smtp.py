"""Non-demo mode: codes reach a real SMTP server (aiosmtpd); citizens come from an import."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.helpers import (
    Api,
    Citizen,
    Inbox,
    new_cedula,
    new_email,
    new_mobile,
    problem,
)
from turnos.bootstrap import seed_demo
from turnos.embedded import EmbeddedService, start_embedded
from turnos.services.citizens import import_citizens


@pytest.fixture(scope="module")
def known() -> list[str]:
    """Cédulas of the imported citizen directory."""
    return [new_cedula(), new_cedula()]


@pytest.fixture(scope="module")
def smtp_service(
    inbox: tuple[Inbox, int], known: list[str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedService]:
    data: Path = tmp_path_factory.mktemp("smtp")
    svc = start_embedded(
        data, demo=False, smtp_host="127.0.0.1", smtp_port=inbox[1], mail_from="t@example.com"
    )
    csv = data / "citizens.csv"
    csv.write_text("id_type,id_number,name\n" + "".join(f"cedula,{c},Rosa Vera\n" for c in known))
    with svc.context.db.transaction() as session:
        import_citizens(session, svc.context.hasher, csv, svc.context.now())
    # Catalogue and tokens as in the demo; mail still goes by SMTP and SMS has no gateway.
    svc.credentials = seed_demo(svc.context)
    try:
        yield svc
    finally:
        svc.stop()


def test_code_arrives_by_smtp_and_confirms(
    smtp_service: EmbeddedService, inbox: tuple[Inbox, int], known: list[str]
) -> None:
    api = Api(smtp_service.url, smtp_service.credentials, smtp_service.outbox)
    citizen = Citizen(known[0], new_email(), new_mobile())
    api.lookup(citizen)
    r = api.start_verification(citizen)
    assert r.status_code == 201, r.text
    citizen.verification = r.json()["id"]
    [msg] = inbox[0].wait_for(citizen.email)
    assert msg["Subject"] == "Verificar IESS turno online"
    found = re.search(r"\b(\d{6})\b", msg.get_body(("plain",)).get_content())
    assert found
    assert api.confirm(citizen, found.group(1)).status_code == 200
    assert not smtp_service.outbox.exists()


def test_unknown_citizen_outside_demo(smtp_service: EmbeddedService) -> None:
    api = Api(smtp_service.url, smtp_service.credentials, smtp_service.outbox)
    r = api.call(
        "POST", "/v1/citizens/lookup", json={"id_type": "cedula", "id_number": new_cedula()}
    )
    problem(r, 404, "not_registered")


def test_sms_without_gateway_is_delivery_failed(
    smtp_service: EmbeddedService, known: list[str]
) -> None:
    api = Api(smtp_service.url, smtp_service.credentials, smtp_service.outbox)
    citizen = Citizen(known[1], new_email(), new_mobile())
    api.lookup(citizen)
    problem(api.start_verification(citizen, "sms"), 503, "delivery_failed")
    # Nothing was recorded: the email channel still works at once (no cooldown started).
    assert api.start_verification(citizen).status_code == 201
