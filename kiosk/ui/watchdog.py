"""systemd's watchdog, fed from the Qt loop: a frozen screen stops feeding it and is restarted.

Under `installer/systemd/kiosk.service` (Type=notify, WatchdogSec=, NotifyAccess=all) systemd
gives the kiosk `NOTIFY_SOCKET` and `WATCHDOG_USEC`. Once the window is shown the kiosk says
`READY=1`, then `WATCHDOG=1` every WATCHDOG_USEC/2 from a QTimer on the UI thread: while a slot
blocks the loop no ping leaves, and after WatchdogSec systemd kills and restarts the session.

The protocol is sd_notify(3): one datagram per message on an AF_UNIX socket whose address is
`NOTIFY_SOCKET` (a leading `@` means Linux's abstract namespace). No library: a few lines of
`socket`. Without `NOTIFY_SOCKET` (a development run, the demo, the tests) nothing is sent.

`WATCHDOG_PID` names the service's main process, which is the `cage` compositor and not the
kiosk (its child): the kiosk feeds the watchdog when that pid is its own or an ancestor's.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

# The exit status of the technician's "Reiniciar" under systemd (EX_TEMPFAIL): the unit's
# Restart=always starts a fresh process.
EXIT_RESTART = 75


def notify_address(env: Mapping[str, str]) -> str | bytes | None:
    """The socket address from NOTIFY_SOCKET: a path, or bytes for the abstract namespace."""
    raw = env.get("NOTIFY_SOCKET", "")
    if raw.startswith("@"):
        return b"\0" + raw[1:].encode()
    if raw.startswith("/"):
        return raw
    return None  # unset, empty, or a kind (vsock:) the kiosk never runs under


def lineage(pid: int | None = None) -> list[int]:
    """This process and its ancestors, nearest first (from /proc; just the pid without it)."""
    chain = [os.getpid() if pid is None else pid]
    while chain[-1] > 1 and len(chain) < 64:
        try:
            status = Path(f"/proc/{chain[-1]}/status").read_text()
        except OSError:
            break
        parent = next(
            (int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid:")), 0
        )
        if parent <= 0:
            break
        chain.append(parent)
    return chain


def watchdog_interval_ms(env: Mapping[str, str], pids: Iterable[int] | None = None) -> int | None:
    """Half of WATCHDOG_USEC in milliseconds, or None when no watchdog is asked of us.

    WATCHDOG_PID, when set, must be this process or an ancestor (`pids`, default `lineage()`):
    cage is the service's main process and may start the kiosk through a shell.
    """
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    owner = env.get("WATCHDOG_PID", "")
    if owner and not (owner.isdigit() and int(owner) in set(lineage() if pids is None else pids)):
        return None
    return max(1, usec // 2000)


def supervised(env: Mapping[str, str] | None = None) -> bool:
    """True when a service manager listens (the kiosk runs under kiosk.service)."""
    return notify_address(os.environ if env is None else env) is not None


class Notifier:
    """Sends sd_notify messages; a failure is logged once, never raised at the citizen."""

    def __init__(self, address: str | bytes) -> None:
        self._address = address
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
        self._warned = False

    def send(self, message: str) -> bool:
        if self._sock.fileno() < 0:
            return False  # closed: the process is leaving
        try:
            self._sock.sendto(message.encode(), self._address)
        except OSError as exc:
            if not self._warned:
                log.warning("systemd notify failed: %s", type(exc).__name__)
                self._warned = True
            return False
        return True

    def close(self) -> None:
        self._sock.close()


class Watchdog(QObject):
    """READY=1 on the first loop turn after `start()`, then WATCHDOG=1 on a QTimer."""

    def __init__(
        self, notifier: Notifier, interval_ms: int | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._notifier = notifier
        self._timer = QTimer(self)
        self._timer.setObjectName("systemdWatchdog")
        if interval_ms is not None:
            self._timer.setInterval(interval_ms)
            self._timer.timeout.connect(self.ping)
        self._interval_ms = interval_ms
        self._ready = False
        self.destroyed.connect(notifier.close)

    @property
    def interval_ms(self) -> int | None:
        return self._interval_ms

    def start(self) -> None:
        """Call once the window is shown: READY=1 leaves when the loop first runs."""
        QTimer.singleShot(0, self, self._send_ready)

    def _send_ready(self) -> None:
        if self._ready:
            return
        self._ready = True
        self._notifier.send("READY=1")
        if self._interval_ms is not None:
            self.ping()
            self._timer.start()

    def ping(self) -> None:
        self._notifier.send("WATCHDOG=1")

    def stop(self) -> None:
        """STOPPING=1 (the process is leaving on purpose: Salir, Reiniciar), then quiet."""
        self._timer.stop()
        self._notifier.send("STOPPING=1")
        self._notifier.close()


def start_watchdog(parent: QObject, env: Mapping[str, str] | None = None) -> Watchdog | None:
    """A started Watchdog when systemd listens (NOTIFY_SOCKET), else None and nothing sent."""
    env = os.environ if env is None else env
    address = notify_address(env)
    if address is None:
        return None
    watchdog = Watchdog(Notifier(address), watchdog_interval_ms(env), parent)
    log.info("systemd notify: watchdog every %s ms", watchdog.interval_ms)
    watchdog.start()
    return watchdog
