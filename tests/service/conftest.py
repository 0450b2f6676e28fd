"""Service test fixtures: the service on loopback over SQLite and over PostgreSQL.

PostgreSQL tests (marked `postgres`) need TURNOS_TEST_DATABASE_URL; every service they start
works in a fresh schema of its own, dropped at the end of the test session.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.service.helpers import Api, smtp_server
from tests.service.outbox_helpers import SlowInbox
from turnos.clock import MovableClock
from turnos.embedded import EmbeddedService, start_embedded

PG_ENV = "TURNOS_TEST_DATABASE_URL"


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[Callable[[], str]]:
    """A factory of database URLs, each with its search_path on a new schema."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI"):  # CI must test PostgreSQL: a silent skip would hide it
            pytest.fail(f"{PG_ENV} is not set (scripts/test sets it)")
        pytest.skip(f"{PG_ENV} is not set")
    admin = create_engine(base)
    made: list[str] = []

    def fresh() -> str:
        schema = f"turnos_test_{uuid.uuid4().hex[:10]}"
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        made.append(schema)
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    try:
        yield fresh
    finally:
        with admin.begin() as conn:
            for schema in made:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(
    scope="session",
    params=[pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)],
)
def database_url(request: pytest.FixtureRequest) -> str | None:
    """None for SQLite in the data directory, else a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return None
    fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
    return fresh()


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fresh_database(request: pytest.FixtureRequest) -> str | None:
    """Like `database_url`, for one test: None for SQLite, else a new PostgreSQL schema."""
    if request.param == "sqlite":
        return None
    fresh: Callable[[], str] = request.getfixturevalue("pg_schema")
    return fresh()


@pytest.fixture
def slow_inbox() -> Iterator[tuple[SlowInbox, int]]:
    """A real SMTP server (aiosmtpd) on loopback that takes a moment per message: (inbox, port)."""
    handler = SlowInbox()
    with smtp_server(handler) as port:
        yield handler, port


@pytest.fixture(scope="session")
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture(scope="session")
def service(
    database_url: str | None, clock: MovableClock, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedService]:
    """The demo service, with a clock tests may move forward (never back)."""
    svc = start_embedded(
        tmp_path_factory.mktemp("svc"), demo=True, database_url=database_url, clock=clock
    )
    try:
        yield svc
    finally:
        svc.stop()


@pytest.fixture
def api(service: EmbeddedService, clock: MovableClock) -> Api:
    return Api(service.url, service.credentials, service.outbox, clock)
