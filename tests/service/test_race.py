"""Fifty citizens race for a one-place slot: exactly one booking, on SQLite (one process) and
on PostgreSQL (two service processes on one database)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.service.helpers import Api, Citizen, new_cedula, new_email, new_mobile, serve_process
from turnos.embedded import start_embedded
from turnos.outbox import messages_to

RACERS = 50


def _race(apis: list[Api]) -> Counter[int]:
    """Each racer (its own citizen and session) holds then books the same one-place slot."""
    citizens: list[Citizen] = [apis[i % len(apis)].verified_citizen() for i in range(RACERS)]
    slot = apis[0].find_slot(free=1, skip_days=3)
    barrier = threading.Barrier(RACERS)
    outcomes: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        api = Api(apis[i % len(apis)].url, apis[0].credentials, apis[0].outbox)
        barrier.wait()
        r = api.hold(citizens[i], slot["id"])
        status = r.status_code
        if status == 201:
            status = api.book(citizens[i], r.json()["id"]).status_code
        with lock:
            outcomes.append(status)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(RACERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    counts = Counter(outcomes)
    day_slots = apis[0].slots(
        171, "CLAVE_PATRONAL", __import__("datetime").date.fromisoformat(slot["start"][:10])
    )
    assert next(s for s in day_slots if s["id"] == slot["id"])["free_places"] == 0
    return counts


def test_race_on_sqlite(tmp_path: Path) -> None:
    with start_embedded(tmp_path, demo=True) as svc:
        counts = _race([Api(svc.url, svc.credentials, svc.outbox)])
    assert counts == Counter({201: 1, 409: RACERS - 1})


@pytest.fixture(scope="module")
def two_processes(
    tmp_path_factory: pytest.TempPathFactory, pg_schema: Callable[[], str]
) -> Iterator[tuple[list[str], Path]]:
    """Two `turnos serve` processes on one fresh PostgreSQL schema and one data directory."""
    url = pg_schema()
    data_dir = tmp_path_factory.mktemp("two")
    with ExitStack() as stack:
        urls = [
            stack.enter_context(
                serve_process(data_dir, "--demo", "--database-url", url, log_name=f"serve-{n}.log")
            )[0]
            for n in range(2)
        ]
        yield urls, data_dir


@pytest.mark.postgres
def test_race_on_postgres_with_two_processes(two_processes: tuple[list[str], Path]) -> None:
    urls, data_dir = two_processes
    creds = json.loads((data_dir / "demo-credentials.json").read_text())
    apis = [Api(u, creds, data_dir / "outbox") for u in urls]
    counts = _race(apis)
    assert counts == Counter({201: 1, 409: RACERS - 1})


SEND_RACERS = 12


def _send_race(apis: list[Api], citizens: list[Citizen]) -> Counter[int]:
    """Every racer asks for a code at once, alternating between the two processes."""
    barrier = threading.Barrier(len(citizens))
    outcomes: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        status = apis[i].start_verification(citizens[i]).status_code
        with lock:
            outcomes.append(status)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(citizens))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return Counter(outcomes)


def _racing_apis(two_processes: tuple[list[str], Path]) -> list[Api]:
    urls, data_dir = two_processes
    creds = json.loads((data_dir / "demo-credentials.json").read_text())
    return [Api(urls[i % 2], creds, data_dir / "outbox") for i in range(SEND_RACERS)]


@pytest.mark.postgres
def test_cooldown_per_contact_holds_across_two_processes(
    two_processes: tuple[list[str], Path],
) -> None:
    """Twelve citizens ask at once, through two processes, for a code to one email address:
    exactly one code goes out (the contact's cooldown), the others are rate_limited."""
    apis = _racing_apis(two_processes)
    email = new_email()
    citizens = [Citizen(new_cedula(), email, new_mobile()) for _ in range(SEND_RACERS)]
    for api, citizen in zip(apis, citizens, strict=True):
        api.lookup(citizen)
    assert _send_race(apis, citizens) == Counter({201: 1, 429: SEND_RACERS - 1})
    assert len(messages_to(two_processes[1] / "outbox", email)) == 1


@pytest.mark.postgres
def test_hourly_limit_per_citizen_holds_across_two_processes(
    two_processes: tuple[list[str], Path],
) -> None:
    """One citizen asks at once, through two processes, for codes to twelve addresses: exactly
    `citizen_sends_per_hour` (5) codes go out, the others are rate_limited."""
    apis = _racing_apis(two_processes)
    cedula = new_cedula()
    citizens = [Citizen(cedula, new_email(), new_mobile()) for _ in range(SEND_RACERS)]
    for api, citizen in zip(apis, citizens, strict=True):
        api.lookup(citizen)
    assert _send_race(apis, citizens) == Counter({201: 5, 429: SEND_RACERS - 5})
    outbox = two_processes[1] / "outbox"
    assert sum(len(messages_to(outbox, c.email)) for c in citizens) == 5
