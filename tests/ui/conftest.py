"""Qt test set-up shared by the shell and the view tests.

One session-scoped qasync loop on pytest-qt's QApplication (MACHINE-NOTES: a per-test loop
breaks later tests). Run a coroutine with `run_async(coro)`: it schedules the coroutine and
waits with qtbot.waitUntil, never with a blocking wait inside the coroutine.

The offscreen platform gets a screen as large as a kiosk's (its default is 800×800, and taps
below that square were lost: QScroller hands a delayed tap on through QApplication.widgetAt,
which finds nothing outside every screen).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from pytestqt.qtbot import QtBot

from kiosk.tour import LANDSCAPE as LANDSCAPE  # the kiosk's screens, for the tests here
from kiosk.tour import PORTRAIT, Citizen, ManualClock, use_large_offscreen_screen
from kiosk.ui.fonts import load_fonts
from kiosk.ui.theme import Theme

# Before pytest-qt creates the QApplication (at the first test that asks for it).
use_large_offscreen_screen(Path(tempfile.gettempdir()) / "kiosk-tests-qpa")

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def qloop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    load_fonts()
    yield loop
    asyncio.set_event_loop(None)


@pytest.fixture
def theme(qloop: qasync.QEventLoop) -> Theme:
    return Theme(PORTRAIT)


@pytest.fixture
def run_async(qtbot: QtBot, qloop: qasync.QEventLoop) -> Callable[..., Any]:
    """`run_async(coro, timeout=5000)` runs `coro` on the Qt loop and returns its result."""

    def run(coro: Coroutine[Any, Any, T], timeout: int = 5000) -> T:
        future = asyncio.ensure_future(coro, loop=qloop)
        qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    return run


@pytest.fixture(scope="session")
def compiled_translations() -> Path:
    """The .qm catalogues, built from the .ts sources as the set-up does."""
    from kiosk.resources import translations_dir

    subprocess.run([str(REPO / "scripts" / "build-translations")], check=True, cwd=REPO)
    return translations_dir()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns on every top-level show(); it says nothing about our code.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
            )


# --- a whole kiosk on the real turn service ------------------------------------------------


class KioskDriver(Citizen):
    """The citizen driver of `kiosk tour` (kiosk/tour/citizen.py), with the test's qtbot at
    hand for waits of its own."""

    def __init__(self, qtbot: QtBot, kiosk: Any, outbox: Path) -> None:
        super().__init__(kiosk, outbox)
        self.qtbot = qtbot


def kiosk_settings() -> Any:
    from kiosk.config import load_settings

    return load_settings(environ={})


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path
) -> Iterator[Callable[..., tuple[Any, KioskDriver, ManualClock]]]:
    """`make_kiosk(url, token, outbox, printer=None, now=None)` -> (kiosk, driver, idle clock).

    `now` is the kiosk's wall clock (the service's MovableClock, for countdowns that agree).
    """
    from kiosk.app import assemble, client_for, install_excepthook
    from kiosk.printing.file_printer import FilePrinter

    made: list[Any] = []
    previous_hooks: list[Any] = []

    def make(
        url: str,
        token: str | None,
        outbox: Path,
        printer: Any = None,
        now: Callable[[], Any] | None = None,
    ) -> tuple[Any, KioskDriver, ManualClock]:
        settings = kiosk_settings()
        clock = ManualClock()
        kiosk = assemble(
            settings,
            qtbot_app(),
            client_for(settings, url, token),
            printer or FilePrinter(tmp_path / "slips"),
            geometry=PORTRAIT,
            clock=clock,
            now=now,
            health_first_s=0.05,
        )
        made.append(kiosk)
        previous_hooks.append(install_excepthook(kiosk.controller))
        kiosk.shell.show()
        kiosk.controller.start()
        return kiosk, KioskDriver(qtbot, kiosk, outbox), clock

    yield make
    for kiosk in made:
        kiosk.close()
    if previous_hooks:
        sys.excepthook = previous_hooks[0]


def kiosk_on(make_kiosk: Callable[..., Any], service: Any, **kwargs: Any) -> tuple[Any, Any]:
    """(kiosk, driver) of a kiosk on `service` (an EmbeddedService) with its own token."""
    kiosk, driver, _idle = make_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox, **kwargs
    )
    return kiosk, driver


def qtbot_app() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


@pytest.fixture
def switch(turnos_service: Any) -> Iterator[Any]:
    """A TCP forwarder to the service that the test can cut and restore (a network outage)."""
    from kiosk.tour import LinkSwitch

    sw = LinkSwitch.to_url(turnos_service.url)
    sw.connect()
    yield sw
    sw.cut()
