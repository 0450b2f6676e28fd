"""Fifty citizens race for a one-place slot: exactly one booking, on SQLite (one process) and
on PostgreSQL (two service processes on one database)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from tests.service.helpers import Api, Citizen
from turnos.embedded import start_embedded

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def two_processes(tmp_path: Path, pg_schema: Callable[[], str]) -> Iterator[tuple[list[str], Path]]:
    """Two `turnos serve` processes on one fresh PostgreSQL schema and one data directory."""
    url = pg_schema()
    procs: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    env = {k: v for k, v in os.environ.items() if not k.startswith("TURNOS_")}
    try:
        for n in range(2):
            port = _free_port()
            with (tmp_path / f"serve-{n}.log").open("wb") as log:
                procs.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "turnos",
                            "serve",
                            "--demo",
                            "--port",
                            str(port),
                            "--data-dir",
                            str(tmp_path),
                            "--database-url",
                            url,
                        ],
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        env=env,
                    )
                )
            base = f"http://127.0.0.1:{port}"
            _wait_healthy(base, procs[-1], tmp_path / f"serve-{n}.log")
            urls.append(base)
        yield urls, tmp_path
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=20)


def _wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"turnos serve exited: {log.read_text()[-2000:]}")
        try:
            if requests.get(base + "/v1/health", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.05)  # the process is still starting: poll the condition again
    raise AssertionError("turnos serve did not become healthy")


@pytest.mark.postgres
def test_race_on_postgres_with_two_processes(two_processes: tuple[list[str], Path]) -> None:
    urls, data_dir = two_processes
    creds = json.loads((data_dir / "demo-credentials.json").read_text())
    apis = [Api(u, creds, data_dir / "outbox") for u in urls]
    counts = _race(apis)
    assert counts == Counter({201: 1, 409: RACERS - 1})
