"""PostgreSQL under load and outage: a busy pool, a refusing server and a database that goes
away answer 503 `database_unavailable` with Retry-After, never 500, and the service recovers
without a restart; readiness says whether the database answers; `serve --workers N` serves.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from kiosk.tour import LinkSwitch
from tests.service.conftest import PG_ENV
from tests.service.helpers import Api, problem, serve_process
from turnos.embedded import EmbeddedService, start_embedded

RECOVERY_S = 15.0
AGENCY_ZONE = ZoneInfo("America/Guayaquil")


def logged_as_unavailable(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The warnings of the 503s; nothing was logged as an unexpected error (a 500)."""
    records = caplog.get_records("call")
    assert not [r for r in records if r.levelno >= logging.ERROR], [r.getMessage() for r in records]
    return [r.getMessage() for r in records if r.name == "turnos.errors"]


def unavailable(r: requests.Response) -> None:
    problem(r, 503, "database_unavailable")
    assert int(r.headers["Retry-After"]) >= 1


def free_places(api: Api, slot: dict[str, Any]) -> int:
    day = dt.datetime.fromisoformat(slot["start"]).astimezone(AGENCY_ZONE).date()
    for listed in api.slots(171, "CLAVE_PATRONAL", day):
        if listed["id"] == slot["id"]:
            return int(listed["free_places"])
    raise AssertionError("the slot is no longer listed")


def catalog(api: Api) -> requests.Response:
    return api.call("GET", "/v1/catalog")


def ready(api: Api) -> requests.Response:
    return api.call("GET", "/v1/health/ready", headers={})


def recovered(call: Callable[[], requests.Response]) -> requests.Response:
    """Call until 200 (at most RECOVERY_S); every earlier answer must be the 503."""
    deadline = time.monotonic() + RECOVERY_S
    while True:
        r = call()
        if r.status_code == 200 or time.monotonic() > deadline:
            return r
        unavailable(r)
        time.sleep(0.2)  # PostgreSQL ends a closed backend asynchronously: ask again


@contextmanager
def service_on(tmp_path: Path, url: str, **settings: Any) -> Iterator[tuple[EmbeddedService, Api]]:
    svc = start_embedded(tmp_path / "svc", demo=True, database_url=url, **settings)
    try:
        yield svc, Api(svc.url, svc.credentials, svc.outbox)
    finally:
        svc.stop()


def test_readiness_answers_when_the_database_does(api: Api) -> None:
    r = ready(api)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "ok"


@pytest.mark.postgres
# Each 503 is logged as a warning (checked below too); the outbox worker's round may also
# meet the busy pool.
@pytest.mark.expected_log_warnings(
    r"^WARNING turnos\.errors: database unavailable: TimeoutError$",
    allow=[r"^WARNING turnos\.outbox: outbox round failed: TimeoutError$"],
)
def test_a_busy_pool_answers_503_and_strands_no_hold(
    tmp_path: Path, pg_schema: Callable[[], str], caplog: pytest.LogCaptureFixture
) -> None:
    # One connection, one second of patience; the test takes that connection.
    with service_on(
        tmp_path, pg_schema(), db_pool_size=1, db_max_overflow=0, db_pool_timeout_s=1
    ) as (svc, api):
        citizen = api.verified_citizen()
        slot = api.find_slot()
        before = free_places(api, slot)
        held: Connection = svc.context.db.engine.connect()
        try:
            started = time.monotonic()
            unavailable(api.hold(citizen, slot["id"]))
            assert time.monotonic() - started >= 1.0  # it waited for the pool, then gave up
            unavailable(catalog(api))
            unavailable(ready(api))
            assert api.call("GET", "/v1/health", headers={}).status_code == 200  # still alive
        finally:
            held.close()
        assert recovered(lambda: catalog(api)).status_code == 200
        assert free_places(api, slot) == before  # the refused hold took no place
        r = api.hold(citizen, slot["id"])
        assert r.status_code == 201, r.text
        assert api.book(citizen, r.json()["id"]).status_code == 201
        assert free_places(api, slot) == before - 1
    assert "database unavailable: TimeoutError" in logged_as_unavailable(caplog)


@pytest.fixture
def limited_role(pg_schema: Callable[[], str]) -> Iterator[tuple[str, str]]:
    """A login role owning a schema of its own: (its database URL, its name)."""
    base = make_url(os.environ[PG_ENV])
    role = f"turnos_limited_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, poolclass=NullPool)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'CREATE SCHEMA "{role}" AUTHORIZATION "{role}"'))
    url = base.set(username=role, password=None).update_query_dict(
        {"options": f"-csearch_path={role}"}
    )
    try:
        yield url.render_as_string(hide_password=False), role
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{role}" CASCADE'))
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def occupy(url: str) -> Connection:
    """Take the role's only connection (once the service's closed ones have ended)."""
    engine = create_engine(url, poolclass=NullPool)
    deadline = time.monotonic() + RECOVERY_S
    while True:
        try:
            return engine.connect()
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # a backend the service closed has not ended yet


@pytest.mark.postgres
# Each 503 is logged as a warning (checked below too); the outbox worker's round may also
# meet the outage.
@pytest.mark.expected_log_warnings(
    r"^WARNING turnos\.errors: database unavailable: OperationalError",
    allow=[r"^WARNING turnos\.outbox: outbox round failed: OperationalError$"],
)
def test_too_many_clients_answers_503_and_recovers(
    tmp_path: Path, limited_role: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, role = limited_role
    with service_on(tmp_path, url) as (svc, api):
        assert catalog(api).status_code == 200
        admin = create_engine(os.environ[PG_ENV], poolclass=NullPool)
        with admin.begin() as conn:
            conn.execute(text(f'ALTER ROLE "{role}" CONNECTION LIMIT 1'))
        admin.dispose()
        svc.context.db.engine.dispose()  # the service must ask PostgreSQL for a connection
        other = occupy(url)
        try:
            with pytest.raises(OperationalError, match="too many connections"):
                create_engine(url, poolclass=NullPool).connect()  # what the service meets
            unavailable(catalog(api))
            unavailable(ready(api))
        finally:
            other.close()
        assert recovered(lambda: catalog(api)).status_code == 200
        assert ready(api).status_code == 200
    refusal = "database unavailable: OperationalError (psycopg.OperationalError)"
    assert refusal in logged_as_unavailable(caplog)


@pytest.mark.postgres
# Each 503 is logged as a warning (checked below too); the outbox worker's round may also
# meet the outage.
@pytest.mark.expected_log_warnings(
    r"^WARNING turnos\.errors: database unavailable: OperationalError",
    allow=[r"^WARNING turnos\.outbox: outbox round failed: OperationalError$"],
)
def test_a_database_outage_answers_503_then_recovers_without_restart(
    tmp_path: Path, pg_schema: Callable[[], str], caplog: pytest.LogCaptureFixture
) -> None:
    real = make_url(pg_schema())
    link = LinkSwitch((real.host or "127.0.0.1", real.port or 5432))
    link.connect()
    url = real.set(host="127.0.0.1", port=link.port).render_as_string(hide_password=False)
    try:
        with service_on(tmp_path, url) as (_svc, api):
            citizen = api.verified_citizen()
            slot = api.find_slot()
            before = free_places(api, slot)
            assert ready(api).status_code == 200

            link.cut()  # every pooled connection breaks; new ones are refused
            unavailable(catalog(api))
            unavailable(api.hold(citizen, slot["id"]))
            unavailable(ready(api))
            assert api.call("GET", "/v1/health", headers={}).status_code == 200

            link.connect()  # the database is back: the same service answers again
            assert ready(api).status_code == 200
            assert catalog(api).status_code == 200
            assert free_places(api, slot) == before
            r = api.hold(citizen, slot["id"])
            assert r.status_code == 201, r.text
            assert free_places(api, slot) == before - 1
    finally:
        link.cut()
    assert logged_as_unavailable(caplog)


@pytest.mark.postgres
@pytest.mark.slow
def test_four_workers_on_too_few_connections_answer_200_or_503_only(
    tmp_path: Path, limited_role: tuple[str, str]
) -> None:
    # 4 processes × (5 + 5) connections against a role PostgreSQL allows 4: the finding's
    # "too many clients", on purpose. 200 clients at once get a turn list or a 503, never 500.
    url, role = limited_role
    admin = create_engine(os.environ[PG_ENV], poolclass=NullPool)
    with admin.begin() as conn:
        conn.execute(text(f'ALTER ROLE "{role}" CONNECTION LIMIT 4'))
    admin.dispose()
    argv = ("--demo", "--workers", "4", "--database-url", url, "--no-access-log")
    with serve_process(tmp_path, *argv) as (base, log, _proc):
        token = json.loads((tmp_path / "demo-credentials.json").read_text())["kiosk_token"]
        kiosk = {"Authorization": f"Bearer {token}"}
        answers: list[requests.Response] = []
        start = threading.Barrier(200)

        def client() -> None:
            start.wait()
            answers.append(requests.get(base + "/v1/catalog", headers=kiosk, timeout=60))

        clients = [threading.Thread(target=client) for _ in range(200)]
        for t in clients:
            t.start()
        for t in clients:
            t.join(timeout=90)
        statuses = sorted({r.status_code for r in answers})
        assert len(answers) == 200
        assert statuses == [200, 503], statuses
        for r in answers:
            if r.status_code == 503:
                unavailable(r)
        text_of_log = log.read_text()
        assert "database unavailable: OperationalError" in text_of_log
        assert "unexpected error" not in text_of_log


def _worker_pids(parent: int) -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{parent}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                pids.append(int(child))
    return pids


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.slow
def test_serve_with_two_workers_serves_and_stops(tmp_path: Path) -> None:
    with serve_process(tmp_path, "--demo", "--workers", "2") as (base, _log, proc):
        deadline = time.monotonic() + 30
        while len(workers := _worker_pids(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)  # the second worker may still be starting
        assert len(workers) == 2
        token = json.loads((tmp_path / "demo-credentials.json").read_text())["kiosk_token"]
        kiosk = {"Authorization": f"Bearer {token}"}
        with requests.Session() as http:
            for _ in range(10):
                r = http.get(base + "/v1/catalog", headers=kiosk, timeout=10)
                assert r.status_code == 200, r.text
            assert http.get(base + "/v1/health/ready", timeout=10).status_code == 200
    deadline = time.monotonic() + 15
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)  # the workers end after the parent's signal
    assert not any(_running(pid) for pid in workers)
