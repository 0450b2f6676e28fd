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

from kiosk.domain.screen import ScreenGeometry
from kiosk.tour import use_large_offscreen_screen
from kiosk.ui.fonts import load_fonts
from kiosk.ui.theme import Theme

# Before pytest-qt creates the QApplication (at the first test that asks for it).
use_large_offscreen_screen(Path(tempfile.gettempdir()) / "kiosk-tests-qpa")

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[2]
PORTRAIT = ScreenGeometry(diagonal_in=21.5, width_px=1080, height_px=1920, bottom_edge_mm=800)
LANDSCAPE = ScreenGeometry(diagonal_in=21.5, width_px=1920, height_px=1080, bottom_edge_mm=900)


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
    directory = REPO / "resources" / "translations"
    subprocess.run([str(REPO / "scripts" / "build-translations")], check=True, cwd=REPO)
    return directory


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns on every top-level show(); it says nothing about our code.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
            )


# --- a whole kiosk on the real turn service ------------------------------------------------


class FakeClock:
    """A monotonic clock the test moves by hand (the idle policy's time source)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class KioskDriver:
    """A citizen's finger on an assembled kiosk: every tap lands on a place of the window,
    read from a grab before the tap (before the typing, for a run of keys), and whatever is
    there now gets it. Waits on state, never on time."""

    def __init__(self, qtbot: QtBot, kiosk: Any, outbox: Path) -> None:
        from kiosk.finger import Finger

        self.qtbot = qtbot
        self.kiosk = kiosk
        self.outbox = outbox
        self.shell = kiosk.shell
        self.controller = kiosk.controller
        self.finger = Finger(self.shell)

    def view(self, step: Any) -> Any:
        return self.shell.view(step)

    def _in_reach(self, widget: Any) -> None:
        name = widget.objectName() or type(widget).__name__
        assert widget.isVisible(), f"{name} is hidden"
        assert widget.isEnabled(), f"{name} is disabled"
        if not self.finger.reachable(widget):
            # Below the fold of a long screen (or of the hours): the citizen scrolls first.
            self.finger.scroll_to(widget)
            self.qtbot.waitUntil(lambda: self.finger.reachable(widget), timeout=5000)

    def tap(self, widget: Any, *, hold_ms: int = 0) -> None:
        """Look, then put the finger where `widget` is seen; it must be what gets the tap."""
        self._in_reach(widget)
        sight = self.finger.look()
        hit = self.finger.tap_at(sight.centre_of(widget), hold_ms=hold_ms)
        assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), (
            f"a finger on {widget.objectName() or widget.text()!r} landed on {hit!r}"
        )

    def reachable(self, widget: Any) -> bool:
        """Whether a finger on the widget's centre lands on it (on screen, nothing on top)."""
        return self.finger.reachable(widget)

    def touch(self, widget: Any) -> None:
        """A finger's tap, press and release apart, as QScroller-driven lists need."""
        self.tap(widget, hold_ms=100)

    def type_keys(self, keys: Callable[[str], Any], text: str, *, moving: Any = None) -> None:
        """Type `text` as a person does: look at the keys once, then tap where each key was
        seen. No control may move meanwhile (a helper line or an error that pushed the keys
        made people type the wrong digits); `moving` is a container whose controls may move
        by design (a list that the search filters)."""
        from PySide6.QtWidgets import QWidget

        ignore = tuple(moving.findChildren(QWidget)) if moving is not None else ()
        sight = None
        for ch in text:
            key = keys(ch)
            if sight is None:
                self._in_reach(key)
                sight = self.finger.look()
            hit = self.finger.tap_at(sight.centre_of(key))
            assert hit is key or (hit is not None and key.isAncestorOf(hit)), (
                f"typing {ch!r}: the finger landed on {hit!r}"
            )
            moved = sight.moved(ignore=ignore)
            assert not moved, f"controls moved while typing {ch!r}: {moved}"

    def erase(self, keys: Callable[[str], Any], count: int) -> None:
        """⌫ `count` times, at the place the key was seen."""
        self.type_keys(lambda _ch: keys("backspace"), "⌫" * count)

    def settle(self, timeout: int = 15000) -> None:
        self.qtbot.waitUntil(lambda: not self.controller.busy, timeout=timeout)

    def at(self, step: Any, timeout: int = 15000) -> None:
        self.qtbot.waitUntil(
            lambda: self.controller.flow.current is step and not self.controller.busy,
            timeout=timeout,
        )

    def next(self) -> None:
        self.tap(self.shell.next_button)

    # the steps of a booking
    def start(self, english: bool = False) -> None:
        from kiosk.domain.flow import Step

        self.qtbot.waitUntil(lambda: self.controller.catalog is not None, timeout=15000)
        welcome = self.view(Step.WELCOME)
        self.tap(welcome.english if english else welcome.spanish)
        self.at(Step.IDENTIFY)

    def identify(self, cedula: str) -> None:
        from kiosk.domain.flow import Step

        self.type_keys(self.view(Step.IDENTIFY).keypad.key, cedula)
        self.next()
        self.settle()

    def contact(self, email: str, phone: str) -> None:
        from kiosk.domain.flow import Step

        contact = self.view(Step.CONTACT)
        if contact.notice_shown():
            self.next()  # "Entendido, continuar", in the action bar
            self.qtbot.waitUntil(lambda: not contact.notice_shown(), timeout=5000)
        self.tap(contact.email)
        self.erase(contact.keyboard.key, len(contact.email.text()))
        self.type_keys(contact.keyboard.key, email)
        self.tap(contact.phone)
        self.erase(contact.keypad.key, len(contact.phone.text()))
        self.type_keys(contact.keypad.key, phone)
        self.next()
        self.settle()

    def latest_code(self, email: str) -> str:
        from turnos.outbox import latest_code

        return latest_code(self.outbox, email)

    def enter_code(self, code: str) -> None:
        from kiosk.domain.flow import Step

        view = self.view(Step.VERIFY_CODE)
        self.erase(view.keypad.key, len(view.value()))
        self.type_keys(view.keypad.key, code)
        self.next()
        self.settle()

    def choose(self, step: Any, key: str | None = None) -> None:
        self.at(step)
        lst = self.view(step).list
        button = lst.button(key) if key is not None else lst.buttons()[0]
        if lst.search.isVisible():
            # A long list: the citizen types the first letters of the name in the search.
            self.tap(lst.search)  # the keyboard opens under the search field
            letters = "".join(ch for ch in button.item.title.lower()[:4] if ch.isalpha())
            self.type_keys(lst.keyboard.key, letters, moving=lst)
            self.qtbot.waitUntil(lambda: lst.visible_keys()[:1] == [button.item.key])
        self.qtbot.waitUntil(lambda: self.reachable(button), timeout=5000)
        self.tap(button)
        # Lists scroll by finger (QScroller), which hands the tap on a moment later.
        self.qtbot.waitUntil(self.view(step).is_valid, timeout=5000)
        self.next()
        self.settle()

    def pick_day(self, day: Any = None) -> Any:
        """Tap a day with places (by default the first one after today, so that a test that
        moves the service's clock on never finds its hour already begun); wait for its hours."""
        import datetime as dt
        from zoneinfo import ZoneInfo

        from kiosk.domain.flow import Step

        self.at(Step.SCHEDULE)
        schedule = self.view(Step.SCHEDULE)
        if day is None:
            today = dt.datetime.now(ZoneInfo("America/Guayaquil")).date()
            open_days = [d.date for d in self.controller._days if d.available]
            day = next((d for d in open_days if d > today), open_days[0])
        self.tap(schedule.calendar.cell(day))
        self.qtbot.waitUntil(
            lambda: bool(schedule.hours.keys()) and not self.controller.busy, timeout=15000
        )
        return day

    def pick_hour(self, key: str | None = None) -> None:
        """Tap an hour (the first by default) as a finger does; the grid scrolls by QScroller,
        which hands the tap on a moment later."""
        from kiosk.domain.flow import Step

        schedule = self.view(Step.SCHEDULE)
        self.tap(schedule.hours.button(key if key is not None else schedule.hours.keys()[0]))
        self.qtbot.waitUntil(schedule.is_valid, timeout=5000)

    def first_slot(self) -> None:
        self.pick_day()
        self.pick_hour()
        self.next()
        self.settle()

    def choose_turn(self, procedure: str = "CLAVE_PATRONAL") -> None:
        """From the province to the review: Pichincha, `procedure`, the first agency and the
        first free hour after today."""
        from kiosk.domain.flow import Step

        self.choose(Step.PROVINCE, "17")
        self.choose(Step.PROCEDURE, procedure)
        self.choose(Step.AGENCY)
        self.first_slot()
        self.at(Step.REVIEW)

    def to_review(self, cedula: str, email: str, phone: str) -> None:
        """From the welcome screen to the review of a new booking."""
        from kiosk.domain.flow import Step

        self.start()
        self.identify(cedula)
        self.at(Step.CONTACT)
        self.contact(email, phone)
        self.at(Step.VERIFY_CODE)
        self.enter_code(self.latest_code(email))
        self.choose_turn()


def kiosk_settings() -> Any:
    from kiosk.config import load_settings

    return load_settings(environ={})


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path
) -> Iterator[Callable[..., tuple[Any, KioskDriver, FakeClock]]]:
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
    ) -> tuple[Any, KioskDriver, FakeClock]:
        settings = kiosk_settings()
        clock = FakeClock()
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
