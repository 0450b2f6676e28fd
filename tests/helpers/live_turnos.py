"""Pytest plugin: the `turnos_service` fixture, the reference service on loopback, and
`inbox`, a real SMTP server for services that send mail.

Registered in tests/conftest.py (`pytest_plugins`). One service per test session, demo data on
SQLite in a temporary directory; read codes with `turnos.outbox.latest_code(service.outbox,
email)`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.service.helpers import Inbox, smtp_server
from turnos.embedded import EmbeddedService, start_embedded


@pytest.fixture(scope="session")
def turnos_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedService]:
    service = start_embedded(tmp_path_factory.mktemp("turnos"), demo=True)
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture(scope="module")
def inbox() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server (aiosmtpd) on loopback: what it received, and its port."""
    handler = Inbox()
    with smtp_server(handler) as port:
        yield handler, port
