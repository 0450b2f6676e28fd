"""`kiosk demo`: the whole system on one machine, for a visitor.

Starts the reference turn service in this process (SQLite in a fresh temporary folder, the
clearly fake demo catalogue, a free loopback port), a file printer that writes PDFs, and the
kiosk against them. A yellow band at the top of the kiosk window (kiosk/demo_panel.py) shows
the outbox, so the visitor can read the verification code a citizen would get by email or SMS.

The demo ends with Ctrl+Q (demo only), the technician's "Salir", Ctrl+C or SIGTERM; each way,
and an error too, removes the temporary folder (the service's keys, database and messages).
"""

from __future__ import annotations

import logging
import shutil
import signal
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Kiosk, application, assemble, client_for, configure_logging, run_assembled
from kiosk.config import DEMO_PIN_HASH
from kiosk.demo_panel import DemoPanel
from kiosk.printing.file_printer import FilePrinter

log = logging.getLogger(__name__)

QUIT_KEYS = "Ctrl+Q"
DATA_PREFIX = "kiosk-demo-"


class QuitOnSignals:
    """SIGINT (Ctrl+C) and SIGTERM end the demo as its own exit does, so clean-up runs.

    Python runs a signal handler only when it next runs Python code, and the Qt loop can sit in
    C++ indefinitely: the C-level handler writes to a socket (signal.set_wakeup_fd) that a
    QSocketNotifier watches, whose slot gives Python that turn. A signal that comes before the
    loop runs is kept and acted on at the loop's first turn; one during clean-up is ignored.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.received: int | None = None
        self._quit: Callable[[], None] | None = None
        self._closing = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}
        self._notifier: QSocketNotifier | None = None

    def start(self, app: QApplication, quit_: Callable[[], None]) -> None:
        """Watch the wakeup socket from the Qt loop; `quit_` once it runs and a signal came."""
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        QTimer.singleShot(0, lambda: self._running(quit_))

    def _running(self, quit_: Callable[[], None]) -> None:
        self._quit = quit_
        print(f"kiosk demo: running; {QUIT_KEYS} or Ctrl+C ends it", flush=True)
        if self.received is not None:
            self._handle(self.received, None)

    def _drain(self) -> None:
        # Reading is enough: the pending Python handler has run before this line.
        try:
            while self._reader.recv(512):
                pass
        except BlockingIOError:
            pass

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        self.received = signum
        if self._quit is not None and not self._closing:
            log.info("demo: %s received, leaving", signal.Signals(signum).name)
            self._quit()

    def close(self) -> None:
        """From now on signals change nothing (clean-up is under way)."""
        self._closing = True

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
        self._reader.close()
        self._writer.close()


def run_demo(settings: Any, windowed: bool) -> int:
    """Embedded service + file printer + kiosk + outbox band; removes its data however it ends."""
    configure_logging()  # masked by kiosk.logsafe's PersonalDataFilter
    signals = QuitOnSignals()
    data_dir = Path(tempfile.mkdtemp(prefix=DATA_PREFIX))
    print(f"kiosk demo: temporary data in {data_dir} (removed on exit)", flush=True)
    try:
        return _run(settings, windowed, data_dir, signals)
    finally:
        signals.close()
        shutil.rmtree(data_dir, ignore_errors=True)
        signals.restore()


def _run(settings: Any, windowed: bool, data_dir: Path, signals: QuitOnSignals) -> int:
    from turnos.embedded import start_embedded

    service = start_embedded(data_dir, demo=True)
    try:
        app = application()
        configured = settings.printer.output_dir
        output = Path(configured) if configured else data_dir / "slips"
        printer = FilePrinter(output)

        def make(app: QApplication) -> Kiosk:
            client = client_for(settings, service.url, service.credentials["kiosk_token"])
            kiosk = assemble(settings, app, client, printer, fullscreen=not windowed)
            panel = DemoPanel(
                service.outbox,
                kiosk.shell.theme,
                demo_pin=settings.maintenance.pin_hash == DEMO_PIN_HASH,
            )
            panel.attach(kiosk.shell)
            add_quit_keys(kiosk.shell, kiosk.leave)
            signals.start(app, kiosk.leave)
            print(f"kiosk demo: service at {service.url}; slips in {output}", flush=True)
            return kiosk

        return run_assembled(app, make, windowed=windowed)
    finally:
        service.stop()


def add_quit_keys(window: QWidget, leave: Callable[[], None]) -> QShortcut:
    """Ctrl+Q leaves the demo (a real kiosk has no keyboard, and no such way out)."""
    keys = QShortcut(QKeySequence(QUIT_KEYS), window)
    keys.setContext(Qt.ShortcutContext.ApplicationShortcut)
    keys.activated.connect(leave)
    return keys
