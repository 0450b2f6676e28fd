"""Faults at every step: real processes, a real proxy, real printers, real full disks.

Fixtures (beside the Qt ones of tests/ui, shared as tests/e2e does):

- `killable_service`: `turnos serve --demo` as a process of its own (SQLite in a temp dir) on a
  fixed port, that a test SIGKILLs and starts again on the same port and database;
- `fault_proxy`: a `FaultProxy` (tests/helpers/fault_proxy.py) in front of the session's
  embedded service, which breaks the calls a test names;
- `reliable_kiosk`: a whole kiosk as `make_kiosk` builds it, with a quick health poll (and,
  given `environ`, other settings: a short HTTP timeout), so that the way back fits in a
  test's seconds;
- `tiny_disk`: a small tmpfs mounted for the test (root only), to fill up.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
from pytestqt.qtbot import QtBot

from tests.helpers.escpos_loopback import escpos_printer  # noqa: F401
from tests.helpers.fault_proxy import FaultProxy
from tests.service.helpers import free_port, wait_healthy
from tests.ui.conftest import (  # noqa: F401  (fixtures are found by name)
    KioskDriver,
    compiled_translations,
    qloop,
    qtbot_app,
)
from turnos.bootstrap import CREDENTIALS_FILE
from turnos.embedded import EmbeddedService

#: The kiosk's HTTP timeout where a test makes calls hang: a hung call ends in about this
#: long (a real call on a loaded CI machine must still fit in it). Elsewhere the shipped 10 s.
HTTP_TIMEOUT_S = 3.0

SHOW_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns on every top-level show(); it says nothing about our code.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(SHOW_NOISE)


# --- the service as a process of its own -------------------------------------------------------


@dataclass
class KillableService:
    """`turnos serve --demo` on `port`; `kill()` is SIGKILL, `start()` serves again."""

    data_dir: Path
    port: int
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def credentials(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.data_dir / CREDENTIALS_FILE).read_text())
        return data

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    @property
    def database(self) -> Path:
        return self.data_dir / "turnos.db"

    @property
    def log(self) -> Path:
        return self.data_dir / "serve.log"

    def start(self) -> None:
        generous = ("TURNOS_KIOSK_", "TURNOS_CITIZEN_BOOKINGS_")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("TURNOS_") or k.startswith(generous)
        }
        argv = [sys.executable, "-m", "turnos", "serve", "--demo"]
        argv += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
        with self.log.open("ab") as log:
            proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env)
        self.procs.append(proc)
        wait_healthy(self.url, proc, self.log)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, open connections reset by the kernel."""
        proc = self.procs[-1]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)

    @property
    def alive(self) -> bool:
        return bool(self.procs) and self.procs[-1].poll() is None

    def stop(self) -> None:
        proc = self.procs[-1] if self.procs else None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=20)

    def bookings_of(self, citizen_ref: str) -> list[tuple[str, str]]:
        """(code, state) of every booking of the citizen, read from the database file."""
        with sqlite3.connect(self.database) as db:
            rows = db.execute(
                "SELECT b.code, b.state FROM bookings b JOIN citizens c "
                "ON b.citizen_key = c.citizen_key WHERE c.ref = ?",
                (citizen_ref,),
            ).fetchall()
        return [(str(code), str(state)) for code, state in rows]


@pytest.fixture(scope="module")
def _service_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KillableService]:
    service = KillableService(tmp_path_factory.mktemp("turnos-process"), free_port())
    service.start()
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def killable_service(_service_process: KillableService) -> KillableService:
    """One process per module (starting one costs seconds), serving when each test begins."""
    if not _service_process.alive:
        _service_process.start()
    return _service_process


def bookings_in(database_url: str, citizen_ref: str) -> list[tuple[str, str]]:
    """(code, state) of every booking of the citizen in an SQLite service's database."""
    path = database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT b.code, b.state FROM bookings b JOIN citizens c "
            "ON b.citizen_key = c.citizen_key WHERE c.ref = ?",
            (citizen_ref,),
        ).fetchall()
    return [(str(code), str(state)) for code, state in rows]


# --- the network between kiosk and service -----------------------------------------------------


@pytest.fixture
def fault_proxy(turnos_service: EmbeddedService) -> Iterator[FaultProxy]:
    with FaultProxy.to_url(turnos_service.url) as proxy:
        yield proxy


# --- a kiosk that gives up and comes back quickly ----------------------------------------------


@pytest.fixture
def reliable_kiosk(
    qtbot: QtBot,
    qloop: Any,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> Iterator[Callable[..., tuple[Any, KioskDriver]]]:
    """`reliable_kiosk(url, token, outbox, printer=None, environ=None, now=None)` -> (kiosk,
    driver); `now` is the kiosk's wall clock (the service's MovableClock, for countdowns)."""
    from kiosk.app import assemble, client_for, install_excepthook
    from kiosk.config import load_settings
    from kiosk.printing.file_printer import FilePrinter
    from kiosk.tour import PORTRAIT, ManualClock

    made: list[Any] = []
    previous_hooks: list[Any] = []

    def make(
        url: str,
        token: str | None,
        outbox: Path,
        printer: Any = None,
        environ: dict[str, str] | None = None,
        now: Callable[[], Any] | None = None,
    ) -> tuple[Any, KioskDriver]:
        env = {"KIOSK_SERVICE__HEALTH_POLL_S": "0.3", **(environ or {})}
        settings = load_settings(environ=env)
        kiosk = assemble(
            settings,
            qtbot_app(),
            client_for(settings, url, token),
            printer or FilePrinter(tmp_path / "slips"),
            geometry=PORTRAIT,
            clock=ManualClock(),
            now=now,
            health_first_s=0.05,
        )
        made.append(kiosk)
        previous_hooks.append(install_excepthook(kiosk.controller))
        kiosk.shell.show()
        kiosk.controller.start()
        return kiosk, KioskDriver(qtbot, kiosk, outbox)

    yield make
    for kiosk in made:
        kiosk.close()
    if previous_hooks:
        sys.excepthook = previous_hooks[0]


# --- a small file system to fill ----------------------------------------------------------------


@pytest.fixture
def tiny_disk() -> Iterator[Path]:
    """A 64 KiB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    mount_point = Path(tempfile.mkdtemp(prefix="kiosk-tiny-disk-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        mount_point.rmdir()
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


def fill(disk: Path) -> None:
    """Fill `disk` to the last byte (unbuffered: nothing left to flush on close)."""
    for name, chunk in (("filler", 4096), ("filler-tail", 1)):
        with (disk / name).open("wb", buffering=0) as out, contextlib.suppress(OSError):
            while True:
                out.write(b"\0" * chunk)


def health(url: str) -> bool:
    try:
        return requests.get(url + "/v1/health", timeout=1).ok
    except requests.RequestException:
        return False
