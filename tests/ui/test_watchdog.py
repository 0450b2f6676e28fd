"""systemd's watchdog fed from the Qt loop (kiosk/ui/watchdog.py), against a real datagram
socket that plays systemd: READY=1, then WATCHDOG=1 at half of WATCHDOG_USEC, and none while
a slot blocks the loop. And the technician's "Reiniciar" under systemd ends the process."""

from __future__ import annotations

import gc
import itertools
import os
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from pytestqt.qtbot import QtBot

from kiosk.ui.watchdog import (
    EXIT_RESTART,
    Watchdog,
    lineage,
    notify_address,
    start_watchdog,
    supervised,
    watchdog_interval_ms,
)
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService

INTERVAL_S = 0.05  # WATCHDOG_USEC=100000: a ping every 50 ms


@dataclass
class FakeSystemd:
    """A bound AF_UNIX datagram socket and a thread that stamps each message on arrival
    (the thread sleeps in recv, so a blocked Qt loop does not delay the stamps)."""

    sock: socket.socket
    env_address: str
    received: list[tuple[float, str]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        self.sock.settimeout(0.05)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.received.append((time.monotonic(), data.decode()))

    def messages(self) -> list[str]:
        return [m for _, m in self.received]

    def pings(self) -> list[float]:
        return [t for t, m in self.received if m == "WATCHDOG=1"]

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


def _abstract_systemd() -> FakeSystemd:
    name = f"kiosk-test-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    return FakeSystemd(sock, "@" + name)


@pytest.fixture
def systemd() -> Iterator[FakeSystemd]:
    fake = _abstract_systemd()
    fake.start()
    yield fake
    fake.close()


@pytest.fixture
def path_systemd() -> Iterator[FakeSystemd]:
    # A short folder: a socket path must fit in 108 bytes, and pytest's tmp_path may not.
    with tempfile.TemporaryDirectory(prefix="sd-") as folder:
        path = str(Path(folder) / "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        fake = FakeSystemd(sock, path)
        fake.start()
        yield fake
        fake.close()


@pytest.fixture
def owner(qtbot: QtBot) -> Iterator[QObject]:
    parent = QObject()
    yield parent
    for watchdog in parent.findChildren(Watchdog):
        watchdog.stop()
    parent.deleteLater()


def _env(fake: FakeSystemd, usec: int | None = 100_000, pid: int | None = None) -> dict[str, str]:
    env = {"NOTIFY_SOCKET": fake.env_address}
    if usec is not None:
        env["WATCHDOG_USEC"] = str(usec)
    if pid is not None:
        env["WATCHDOG_PID"] = str(pid)
    return env


def test_addresses_and_intervals_from_the_environment() -> None:
    assert notify_address({"NOTIFY_SOCKET": "@abc"}) == b"\0abc"
    assert notify_address({"NOTIFY_SOCKET": "/run/systemd/notify"}) == "/run/systemd/notify"
    assert notify_address({}) is None
    assert notify_address({"NOTIFY_SOCKET": ""}) is None
    assert not supervised({})
    assert supervised({"NOTIFY_SOCKET": "@x"})
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15000
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "0"}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "x"}) is None
    # The main process is cage; the kiosk is its child (or grandchild, through a shell).
    env = {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "100"}
    assert watchdog_interval_ms(env, pids=[100, 1]) == 15000
    assert watchdog_interval_ms(env, pids=[300, 200, 100, 1]) == 15000
    assert watchdog_interval_ms(env, pids=[200, 300, 1]) is None
    # the real lineage: this process, its parent, ... up to init
    chain = lineage()
    assert chain[:2] == [os.getpid(), os.getppid()]
    assert watchdog_interval_ms({**env, "WATCHDOG_PID": str(chain[-1])}) == 15000


def test_ready_then_pings_at_half_the_watchdog_time(
    qtbot: QtBot, owner: QObject, systemd: FakeSystemd
) -> None:
    # After a thousand other tests in this process: their widgets deleted and the collector
    # run now, not in the middle of the pings (a full collection took a second in CI).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    gc.disable()
    try:
        _ready_then_pings(qtbot, owner, systemd)
    finally:
        gc.enable()


def _ready_then_pings(qtbot: QtBot, owner: QObject, systemd: FakeSystemd) -> None:
    watchdog = start_watchdog(owner, _env(systemd))
    assert watchdog is not None
    assert watchdog.interval_ms == 50
    # Nothing leaves before the loop turns; READY=1 and the first ping leave on its first
    # turn (one processEvents: no later turn may send them). How long that turn takes after
    # a thousand other tests in this process (their clean-up, the collector) is not ours.
    time.sleep(0.1)
    assert systemd.received == []
    QCoreApplication.processEvents()
    deadline = time.monotonic() + 2.0
    while len(systemd.received) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # the receiving thread stamps them; the loop does not turn here
    assert systemd.messages()[:2] == ["READY=1", "WATCHDOG=1"]
    qtbot.waitUntil(lambda: len(systemd.pings()) >= 8, timeout=5000)
    messages = systemd.messages()
    assert messages.count("READY=1") == 1
    ready = systemd.received[0][0]
    pings = systemd.pings()[:8]
    gaps = [b - a for a, b in itertools.pairwise(pings)]
    # 7 gaps of ~50 ms: on average close to the interval, none far beyond it.
    assert 0.8 * INTERVAL_S <= sum(gaps) / len(gaps) <= 2 * INTERVAL_S, gaps
    assert max(gaps) < 0.3, gaps
    assert pings[0] - ready < 0.1


def test_a_blocked_loop_sends_no_ping(qtbot: QtBot, owner: QObject, systemd: FakeSystemd) -> None:
    watchdog = start_watchdog(owner, _env(systemd))
    assert watchdog is not None
    qtbot.waitUntil(lambda: len(systemd.pings()) >= 3, timeout=5000)
    blocked: list[float] = []

    def freeze() -> None:  # a slot that blocks the UI thread, as a hung call would
        blocked.append(time.monotonic())
        time.sleep(0.6)
        blocked.append(time.monotonic())

    QTimer.singleShot(0, freeze)
    qtbot.waitUntil(lambda: len(blocked) == 2, timeout=5000)
    after = len(systemd.pings())
    qtbot.waitUntil(lambda: len(systemd.pings()) >= after + 3, timeout=5000)
    start, end = blocked
    pings = systemd.pings()
    # Nothing arrived while the slot slept (a ping already sent just as it began may land).
    assert [t for t in pings if start + 0.02 < t < end] == []
    gap = max(b - a for a, b in itertools.pairwise(pings))
    assert gap >= 0.55, f"the longest silence was {gap:.3f} s"
    # and the pings resumed at their pace once the loop ran again
    resumed = [t for t in pings if t > end][:3]
    assert resumed[-1] - end < 0.5


def test_nothing_is_sent_without_notify_socket(
    qtbot: QtBot, owner: QObject, systemd: FakeSystemd
) -> None:
    assert start_watchdog(owner, {"WATCHDOG_USEC": "100000"}) is None
    qtbot.wait(200)
    assert systemd.received == []


def test_a_path_socket_and_no_watchdog_for_someone_else(
    qtbot: QtBot, owner: QObject, path_systemd: FakeSystemd
) -> None:
    # WATCHDOG_PID names another process: READY=1 still goes, pings do not.
    stranger = max(lineage()) + 1
    watchdog = start_watchdog(owner, _env(path_systemd, pid=stranger))
    assert watchdog is not None
    qtbot.waitUntil(lambda: path_systemd.messages() == ["READY=1"], timeout=5000)
    qtbot.wait(200)
    assert path_systemd.messages() == ["READY=1"]
    watchdog.stop()
    qtbot.waitUntil(lambda: path_systemd.messages()[-1:] == ["STOPPING=1"], timeout=5000)


MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


def _unlock(driver: KioskDriver, kiosk: Any) -> None:
    from PySide6.QtCore import QPoint, Qt

    for _ in range(5):
        driver.qtbot.mouseClick(driver.shell, Qt.MouseButton.LeftButton, pos=QPoint(6, 6))
    driver.type_keys(kiosk.maintenance.keypad.key, "2468")
    driver.tap(kiosk.maintenance.keypad.key("accept"))
    assert kiosk.maintenance.info_page.isVisible()


@pytest.mark.parametrize("under_systemd", [True, False])
def test_reiniciar_ends_the_process_under_systemd(
    make_kiosk: MakeKiosk,
    turnos_service: EmbeddedService,
    monkeypatch: pytest.MonkeyPatch,
    under_systemd: bool,
) -> None:
    if under_systemd:
        monkeypatch.setenv("NOTIFY_SOCKET", "@kiosk-test-nobody-listens")
    else:
        monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    kiosk, driver, _clock = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    left: list[bool] = []
    kiosk.leave = lambda: left.append(True)  # the real one quits the tests' QApplication
    _unlock(driver, kiosk)
    driver.tap(kiosk.maintenance.restart_button)
    assert not kiosk.maintenance.isVisible()
    if under_systemd:
        # a non-zero status: kiosk.service's Restart=always starts a fresh process
        assert left == [True]
        assert kiosk.exit_code == EXIT_RESTART != 0
    else:
        assert left == []  # a development run restarts its checks in place
        assert kiosk.exit_code == 0
