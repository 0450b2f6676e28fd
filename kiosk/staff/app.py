"""Starting the counter app (`kiosk staff`): settings checked, parts wired, the loop run.

`assemble_staff()` builds every part from the settings and is shared by `run_staff` and the
tests, so both run the same wiring; collaborators the tests replace (the clocks, the sounds,
the file dialog, the camera) are arguments.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from kiosk.config import KioskSettings
from kiosk.domain.models import Language
from kiosk.staff import paths
from kiosk.staff.api import StaffClient
from kiosk.staff.checkin_queue import CheckinQueue
from kiosk.staff.desk import CounterDesk
from kiosk.staff.keystore import KeyStore
from kiosk.staff.scanner_input import ScannerInput, monotonic_ms
from kiosk.staff.sounds import Sounds, make_sounds
from kiosk.staff.verdict import Window
from kiosk.staff.window import (
    CameraScanner,
    FileChooser,
    NoCamera,
    StaffWindow,
    choose_with_dialog,
)
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import TRANSLATIONS_DIR, LanguageSwitcher, MissingTranslationError

log = logging.getLogger(__name__)

#: A counter PC's window when not fullscreen.
WINDOW_SIZE = (1280, 800)


def missing_settings(settings: KioskSettings) -> list[str]:
    """The settings the counter cannot start without."""
    wanted = {
        "staff.token": settings.staff.token,
        "staff.agency_id": settings.staff.agency_id,
        "service.url": settings.service.url,
    }
    return [key for key, value in wanted.items() if not value]


def camera_for(setting: str) -> tuple[CameraScanner | None, NoCamera | None]:
    """The webcam scanner if this installation and PC have one, else why not."""
    if setting == "off":
        return None, NoCamera.OFF
    try:
        module = importlib.import_module("kiosk.staff.camera")
    except ImportError as exc:
        log.info("no camera support installed (%s)", exc)
        return None, NoCamera.NO_SUPPORT
    try:
        scanner: CameraScanner = module.CameraScanner(setting)
        if not scanner.available():
            return None, NoCamera.NOT_FOUND
    except Exception:
        log.exception("the camera could not be prepared")
        return None, NoCamera.NO_SUPPORT
    return scanner, None


@dataclass
class Counter:
    """Every part of a running counter window (tests drive them directly)."""

    app: QApplication
    window: StaffWindow
    desk: CounterDesk
    scanner: ScannerInput
    switcher: LanguageSwitcher
    client: StaffClient

    def close(self) -> None:
        self.desk.stop()
        self.app.removeEventFilter(self.scanner)
        self.switcher.uninstall()
        self.window.close()
        self.window.deleteLater()
        self.client.close()


def assemble_staff(
    settings: KioskSettings,
    app: QApplication,
    *,
    client: StaffClient | None = None,
    now: Callable[[], float] = time.time,
    sounds: Sounds | None = None,
    choose_file: FileChooser = choose_with_dialog,
    camera: tuple[CameraScanner | None, NoCamera | None] | None = None,
    scanner_clock: Callable[[], float] = monotonic_ms,
    translations: Path | None = None,
    refresh_s: float | None = None,
    retry_s: float | None = None,
) -> Counter:
    """Build the desk, the window and the scanner filter from the settings (checked first
    with `missing_settings`). `now` is the counter's wall clock (epoch seconds)."""
    staff, service = settings.staff, settings.service
    if not (staff.token and staff.agency_id and service.url):
        raise ValueError("missing settings: " + ", ".join(missing_settings(settings)))
    load_fonts()
    client = client or StaffClient(service.url, staff.token, timeout_s=float(service.timeout_s))
    desk = CounterDesk(
        client,
        KeyStore(paths.keys_file(staff), now),
        CheckinQueue(paths.queue_dir(staff)),
        agency_id=staff.agency_id,
        window=Window(staff.checkin_before_s, staff.checkin_after_s),
        now=now,
        refresh_s=float(refresh_s if refresh_s is not None else staff.refresh_s),
        retry_s=retry_s,
        names_file=paths.keys_file(staff).with_name("catalog-names.json"),
    )
    switcher = LanguageSwitcher(app, translations or TRANSLATIONS_DIR)
    try:
        switcher.set_language(Language(staff.language))
    except MissingTranslationError as exc:
        log.error("%s: the counter shows its source language", exc)
    scan_camera, no_camera = camera if camera is not None else camera_for(staff.camera)
    window = StaffWindow(
        desk,
        sounds if sounds is not None else make_sounds(staff.sounds),
        switcher=switcher,
        choose_file=choose_file,
        camera=scan_camera,
        no_camera=no_camera,
    )
    desk.setParent(window)
    switcher.setParent(window)
    scanner = ScannerInput(window, clock_ms=scanner_clock, parent=window)
    scanner.scanned.connect(lambda text: window.feed_token_text(text, "scanner"))
    app.installEventFilter(scanner)
    window.resize(*WINDOW_SIZE)
    return Counter(app, window, desk, scanner, switcher, client)


def run_staff(settings: KioskSettings, *, fullscreen: bool | None = None) -> int:
    """The counter window until it is closed; 2 when the settings lack what it needs."""
    missing = missing_settings(settings)
    if missing:
        print(
            "kiosk staff: cannot start without "
            + ", ".join(missing)
            + " (set them in the [staff] and [service] sections of the settings file, "
            "or as KIOSK_STAFF__TOKEN, KIOSK_STAFF__AGENCY_ID, KIOSK_SERVICE__URL)",
            file=sys.stderr,
        )
        return 2
    from kiosk.app import application, configure_logging

    configure_logging()
    app = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    counter = assemble_staff(settings, app)
    full = settings.staff.fullscreen if fullscreen is None else fullscreen
    if full:
        counter.window.showFullScreen()
    else:
        counter.window.show()
    counter.desk.start()
    app.lastWindowClosed.connect(app.quit)
    with loop:
        loop.run_forever()
    counter.close()
    return 0
