"""Starting the citizen kiosk: QApplication, the qasync loop, one excepthook, the parts wired.

`assemble()` builds every part from the settings and is shared by the kiosk, the demo, the
tour and the end-to-end tests, so all of them run the same wiring.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__, logsafe
from kiosk.backend.client import TurnosClient
from kiosk.config import check_pin
from kiosk.controller import ControllerOptions, KioskController, build_views
from kiosk.domain.idle import IdlePolicy, IdleTracker
from kiosk.domain.models import Language
from kiosk.domain.screen import ScreenGeometry
from kiosk.maintenance_link import wire_maintenance
from kiosk.printing.paper import Paper
from kiosk.printing.printer import Printer
from kiosk.ui.async_call import AsyncCaller
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import TRANSLATIONS_DIR, LanguageSwitcher
from kiosk.ui.idle_watch import IdleWatcher
from kiosk.ui.maintenance import CornerTapDetector, MaintenancePanel
from kiosk.ui.shell import KioskGuard, KioskShell
from kiosk.ui.theme import DEFAULT_PRIMARY, DEFAULT_SECONDARY, Theme
from kiosk.ui.watchdog import EXIT_RESTART, start_watchdog, supervised

log = logging.getLogger(__name__)

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: The fullscreen kiosk window's flags (as KioskShell.show_kiosk sets them).
KIOSK_WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
#: How long after the window is shown the rest loads (ms): after its first paint.
WARM_UP_AFTER_MS = 500


class _SpareTheKiosk(logging.StreamHandler):  # type: ignore[type-arg]
    """A log whose disk fills up or turns read-only (or a stderr on /dev/full): the kiosk goes
    on regardless. The first record that cannot be written says so once on stderr (not a
    traceback per record, nothing for the citizen to see); records are dropped until a write
    succeeds again, and closing at the end does not raise either."""

    _failing = False
    _failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if not self._failed_now:
            self._failing = False

    def handleError(self, record: logging.LogRecord) -> None:
        self._failed_now = True
        if self._failing:
            return
        self._failing = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or type(error).__name__
        where = getattr(self, "baseFilename", None) or getattr(self.stream, "name", "stream")
        with contextlib.suppress(Exception):
            sys.stderr.write(f"kiosk: cannot write the log {where}: {reason}\n")

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            super().close()


class _LogFileHandler(_SpareTheKiosk, logging.FileHandler):
    pass


def stream_log_handler(stream: Any = None) -> logging.Handler:
    """The kiosk's log on stderr (or `stream`), as `configure_logging` sets it up."""
    handler = _SpareTheKiosk(stream)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


def file_log_handler(path: Path) -> logging.Handler:
    """A handler writing to `path` that masks personal data (kiosk.logsafe) itself."""
    handler = _LogFileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(logsafe.PersonalDataFilter())
    return handler


def configure_logging(handler: logging.Handler | None = None) -> None:
    """INFO and up to `handler` (stderr when the root has none), masked by PersonalDataFilter.

    The filter sits on the root logger and on every root handler, so records propagated from
    any module's logger are masked before a handler writes them.
    """
    root = logging.getLogger()
    if handler is None and not root.handlers:
        handler = stream_log_handler()
    if handler is not None:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    logsafe.install()


@dataclass
class Kiosk:
    """Every part of a running kiosk (tests and the tour drive them directly)."""

    app: QApplication
    shell: KioskShell
    controller: KioskController
    caller: AsyncCaller
    idle: IdleWatcher
    switcher: LanguageSwitcher
    guard: KioskGuard
    corner: CornerTapDetector
    maintenance: MaintenancePanel
    client: TurnosClient
    exit_code: int = 0

    def close(self) -> None:
        """Stop timers and tasks, remove the filters, close the window and the client."""
        self.controller.shutdown()
        self.app.removeEventFilter(self.guard)
        self.app.removeEventFilter(self.corner)
        self.caller.shutdown()
        self.switcher.uninstall()
        self.shell.allow_close()
        self.shell.close()
        self.shell.deleteLater()
        self.client.close()

    def leave(self) -> None:
        """End the program (the technician's "Salir", the demo's own ways out)."""
        # The window refuses to close unless told (Alt+F4 does nothing), and Qt 6 will not
        # quit while a window refuses.
        self.shell.allow_close()
        self.app.quit()

    def restart_process(self) -> None:
        """End with EXIT_RESTART: under kiosk.service, Restart=always starts a fresh kiosk."""
        self.exit_code = EXIT_RESTART
        self.leave()


def theme_from_settings(settings: Any, geometry: ScreenGeometry | None = None) -> Theme:
    screen = settings.screen
    geometry = geometry or ScreenGeometry(
        screen.diagonal_in, screen.width_px, screen.height_px, screen.bottom_edge_mm
    )
    branding = settings.branding
    return Theme(
        geometry,
        primary=getattr(branding, "primary_color", None) or DEFAULT_PRIMARY,
        secondary=getattr(branding, "secondary_color", None) or DEFAULT_SECONDARY,
    )


def assemble(
    settings: Any,
    app: QApplication,
    client: TurnosClient,
    printer: Printer,
    *,
    geometry: ScreenGeometry | None = None,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] | None = None,
    health_first_s: float = 0.5,
    translations: Path | None = None,
    fullscreen: bool = False,
) -> Kiosk:
    """Build the shell, the views, the controller and the technician's way in.

    `clock` is the monotonic time of the idle policy and the hidden gesture; `now` the wall
    clock that hold and resend countdowns are measured against (the service's, in tests);
    `translations` the folder of compiled catalogues (the installed ones by default);
    `fullscreen` gives the window its kiosk flags before any view is in it (`show()` then).
    """
    load_fonts()
    theme = theme_from_settings(settings, geometry)
    kiosk_cfg, idle_cfg, printer_cfg = settings.kiosk, settings.idle, settings.printer
    shell = KioskShell(
        theme, brand_name=settings.branding.name, contact_phone=kiosk_cfg.contact_phone
    )
    if fullscreen:
        # Changing a window's flags re-parents all it holds: 30 ms on the empty shell here,
        # 450-850 ms once the views are in it.
        shell.setWindowFlags(KIOSK_WINDOW_FLAGS)
    # The window is the screen: content never makes it larger (a view that needs more room
    # scrolls), and views are first laid out at their real size.
    size = (theme.geometry.width_px, theme.geometry.height_px)  # type: ignore[attr-defined]
    shell.setFixedSize(*size)
    for view in build_views(theme):
        shell.add_view(view)
    default_language = Language(str(kiosk_cfg.default_language))
    # The languages offered (kiosk.languages): the header's language button cycles them.
    shell.set_languages([Language(code) for code in kiosk_cfg.languages])
    set_default = getattr(shell.views()[0], "set_default_language", None)
    if callable(set_default):
        set_default(default_language)

    # Every QObject hangs off the shell, so Qt deletes them with it on the UI thread (never
    # Python's garbage collector on a worker thread, which Qt timers do not survive).
    caller = AsyncCaller(
        shell.busy, timeout_s=float(settings.service.timeout_s) + 5.0, parent=shell
    )
    policy = IdlePolicy.standard(idle_cfg.default_s, idle_cfg.code_step_s, idle_cfg.warning_s)
    idle = IdleWatcher(IdleTracker(policy, clock), parent=shell)
    switcher = LanguageSwitcher(app, translations or TRANSLATIONS_DIR, parent=shell)
    options = ControllerOptions(
        kiosk_id=kiosk_cfg.id,
        contact_phone=kiosk_cfg.contact_phone,
        institution=settings.branding.name,
        paper=Paper(str(printer_cfg.paper)),
        dpi=int(printer_cfg.dpi),
        default_language=default_language,
        health_poll_s=float(settings.service.health_poll_s),
        health_first_s=health_first_s,
        time_zone=kiosk_cfg.time_zone,
    )
    controller = KioskController(
        shell,
        client,
        printer,
        caller,
        idle,
        switcher=switcher,
        options=options,
        parent=shell,
        now=now,
    )
    guard = KioskGuard(shell)
    guard.activity.connect(idle.touch)
    app.installEventFilter(guard)

    pin_hash = str(settings.maintenance.pin_hash)
    panel = MaintenancePanel(theme, lambda pin: check_pin(pin, pin_hash))
    shell.add_overlay(panel)
    corner = CornerTapDetector(shell, theme.px(25.0), clock=clock, parent=shell)
    corner.triggered.connect(panel.open_pin)
    app.installEventFilter(corner)
    kiosk = Kiosk(app, shell, controller, caller, idle, switcher, guard, corner, panel, client)
    _wire_maintenance(kiosk, settings)
    # Spoken guidance follows the speaker control; QtTextToSpeech loads only when turned on.
    from kiosk.ui.speech import wire_speech

    wire_speech(kiosk)
    return kiosk


def _wire_maintenance(kiosk: Kiosk, settings: Any) -> None:
    wire_maintenance(
        kiosk.maintenance,
        kiosk.controller,
        service_url=settings.service.url or "embedded demo service",
        leave=kiosk.leave,
        # Under systemd "Reiniciar" is a new process (a clean slate, the watchdog re-armed);
        # a development run or the demo has nothing to bring it back, so it restarts in place.
        restart_process=kiosk.restart_process if supervised() else None,
    )


def install_excepthook(controller: KioskController) -> Callable[..., Any]:
    """One handler for the unexpected: log it (masked by logsafe) and reset the kiosk.

    Returns the previous hook, for whoever wants to put it back.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            controller.handle_unexpected(value)
        except Exception:
            log.exception("the error screen itself failed")

    previous = sys.excepthook
    sys.excepthook = hook
    return previous


def client_for(settings: Any, url: str, token: str | None) -> TurnosClient:
    return TurnosClient(url, token, timeout_s=float(settings.service.timeout_s))


def run_assembled(
    app: QApplication, make: Callable[[QApplication], Kiosk], *, windowed: bool
) -> int:
    """Run the qasync loop until the technician exits; close it before returning."""
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    kiosk = make(app)
    install_excepthook(kiosk.controller)
    show(kiosk.shell, windowed=windowed)
    # What the welcome screen does not need loads once it has been painted (the citizen's
    # first tap would otherwise wait for it): the QR encoder, reportlab for the slip.
    # Owned and stopped here, so a kiosk closed sooner (tests) leaves no import pending.
    warm_up = QTimer(kiosk.shell)
    warm_up.setSingleShot(True)
    warm_up.timeout.connect(_warm_up)
    warm_up.start(WARM_UP_AFTER_MS)
    # READY=1 once the window is shown, then WATCHDOG=1 from this loop (only under systemd).
    watchdog = start_watchdog(kiosk.shell)
    kiosk.controller.start()
    app.aboutToQuit.connect(kiosk.controller.shutdown)
    with loop:
        # Until app.quit(): Qt emits aboutToQuit only once its loop has stopped, too late
        # for a coroutine waiting on it to finish (qasync then raises).
        loop.run_forever()
    warm_up.stop()
    if watchdog is not None:
        watchdog.stop()
    kiosk.close()
    return kiosk.exit_code


def show(shell: KioskShell, *, windowed: bool) -> None:
    """Show the kiosk window; fullscreen without setting its flags again if `assemble` did."""
    flags = shell.windowFlags()
    if windowed or (flags & KIOSK_WINDOW_FLAGS) != KIOSK_WINDOW_FLAGS:
        shell.show_kiosk(windowed=windowed)
        return
    screen = shell.screen() or QApplication.primaryScreen()
    if screen is not None:
        shell.setGeometry(screen.geometry())
    shell.showFullScreen()


def _warm_up() -> None:
    import kiosk.domain.qr_matrix
    import kiosk.printing.slip  # noqa: F401  (reportlab and the slip's fonts)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setApplicationVersion(__version__)
    return app


def run_kiosk(settings: Any, windowed: bool) -> int:
    """The citizen kiosk on the configured service (kiosk.cli runs the demo when none is)."""
    configure_logging()
    from kiosk.printing.factory import printer_from_settings

    app = application()
    printer = printer_from_settings(settings.printer)

    def make(app: QApplication) -> Kiosk:
        client = client_for(settings, settings.service.url, settings.service.kiosk_token)
        return assemble(settings, app, client, printer, fullscreen=not windowed)

    return run_assembled(app, make, windowed=windowed)
