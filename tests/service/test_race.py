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


CONTACT_RACERS = 12


@pytest.mark.postgres
def test_hourly_limit_per_contact_holds_across_two_processes(
    two_processes: tuple[list[str], Path],
) -> None:
    """Twelve citizens ask at once, through two processes, for a code to one email address:
    exactly `sends_per_hour` (3) codes go out, the others are rate_limited."""
    urls, data_dir = two_processes
    creds = json.loads((data_dir / "demo-credentials.json").read_text())
    email = new_email()
    apis = [Api(urls[i % 2], creds, data_dir / "outbox") for i in range(CONTACT_RACERS)]
    citizens = [Citizen(new_cedula(), email, new_mobile()) for _ in range(CONTACT_RACERS)]
    for api, citizen in zip(apis, citizens, strict=True):
        api.lookup(citizen)
    barrier = threading.Barrier(CONTACT_RACERS)
    outcomes: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        status = apis[i].start_verification(citizens[i]).status_code
        with lock:
            outcomes.append(status)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(CONTACT_RACERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert Counter(outcomes) == Counter({201: 3, 429: CONTACT_RACERS - 3})
    assert len(messages_to(data_dir / "outbox", email)) == 3
