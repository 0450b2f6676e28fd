"""Counter app tests: the real turn service on loopback, the real window, a clerk at it.

One session-scoped qasync loop (one already running is reused); a large offscreen screen. The
service's clock (`staff_clock`, moved forward only) is the counter's too. `Clerk` looks at the
window (a grab), finds a control by its words or the label above it and clicks or types there;
a scanner's burst is keys sent to whatever has the focus, as fast as a scanner sends them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.tour import use_large_offscreen_screen

# Before pytest-qt creates the QApplication (at the first test that asks for it).
use_large_offscreen_screen(Path(tempfile.gettempdir()) / "kiosk-tests-qpa")

from kiosk.config import KioskSettings  # noqa: E402
from kiosk.finger import Finger  # noqa: E402
from kiosk.staff.api import StaffClient  # noqa: E402
from kiosk.staff.app import assemble_staff  # noqa: E402
from kiosk.staff.outcome import Outcome  # noqa: E402
from kiosk.ui.fonts import load_fonts  # noqa: E402
from tests.service.helpers import Api  # noqa: E402
from turnos.clock import MovableClock  # noqa: E402
from turnos.embedded import EmbeddedService, start_embedded  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
AGENCY = 241  # the counter's agency (offers every demo procedure)
ELSEWHERE = 171  # another agency with the same procedure
PROCEDURE = "CLAVE_PATRONAL"


SHOW_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns on every top-level show(); it says nothing about our code.
    for item in items:
        if Path(str(item.fspath)).name.startswith("test_counter_"):
            item.add_marker(SHOW_NOISE)


@pytest.fixture(scope="session")
def qloop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    load_fonts()
    running = asyncio.events._get_running_loop()
    if isinstance(running, qasync.QEventLoop):  # another conftest's: one loop per session
        yield running
    else:
        loop = qasync.QEventLoop(qapp, already_running=True)
        asyncio.set_event_loop(loop)
        yield loop
        asyncio.set_event_loop(None)


@pytest.fixture(scope="session")
def compiled_translations() -> Path:
    """The .qm catalogues, built from the .ts sources as the set-up does."""
    from kiosk.resources import translations_dir

    subprocess.run([str(REPO / "scripts" / "build-translations")], check=True, cwd=REPO)
    return translations_dir()


@pytest.fixture(scope="session")
def staff_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture(scope="session")
def staff_service(
    staff_clock: MovableClock, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedService]:
    svc = start_embedded(tmp_path_factory.mktemp("staff-svc"), demo=True, clock=staff_clock)
    try:
        yield svc
    finally:
        svc.stop()


@pytest.fixture
def staff_api(staff_service: EmbeddedService, staff_clock: MovableClock) -> Api:
    return Api(staff_service.url, staff_service.credentials, staff_service.outbox, staff_clock)


# --- a day of turns ---------------------------------------------------------------------------


def slot_start(slot: dict[str, Any]) -> int:
    return int(dt.datetime.fromisoformat(slot["start"]).timestamp())


@dataclass
class Turn:
    slot: dict[str, Any]
    booking: dict[str, Any]
    token: str
    citizen: Any

    @property
    def code(self) -> str:
        return str(self.booking["code"])

    @property
    def start(self) -> int:
        return slot_start(self.slot)


def free_slots(api: Api, agency: int, day: dt.date) -> list[dict[str, Any]]:
    return [s for s in api.slots(agency, PROCEDURE, day) if s["free_places"]]


def day_with(api: Api, count: int, agency: int = AGENCY) -> tuple[dt.date, list[dict[str, Any]]]:
    """The first day after the service's today with `count` free slots and no turn booked
    yet at the agency (the tests of one session share the service and its days)."""
    day = api.today() + dt.timedelta(days=1)
    for _ in range(30):
        slots = free_slots(api, agency, day)
        path, headers = f"/v1/agencies/{agency}/bookings", api.staff(agency)
        listed = api.call("GET", path, params={"date": str(day)}, headers=headers).json()
        if len(slots) >= count and not listed["bookings"]:
            return day, slots
        day += dt.timedelta(days=1)
    raise AssertionError("no day with enough free slots")


def book(api: Api, slot: dict[str, Any]) -> Turn:
    citizen = api.verified_citizen()
    done = api.booked(citizen, slot["id"])
    return Turn(slot, done["booking"], done["token"], citizen)


class Moment(NamedTuple):
    """A time of a day with `open` places (one entry each) whose check-in window is open,
    and turns whose windows closed before it (`late`) or open after it (`early`)."""

    now: int
    open: list[dict[str, Any]]
    late: list[dict[str, Any]]
    early: list[dict[str, Any]]


def moment_with(slots: list[dict[str, Any]], places: int, *, ends: bool = True) -> Moment:
    """`ends`: with a turn already closed and one not yet open, too."""
    before, after = 1800, 900
    for now in (slot_start(s) - 600 for s in slots):
        open_ = [
            s
            for s in slots
            if slot_start(s) - before + 60 <= now <= slot_start(s) + after - 60
            for _place in range(s["free_places"])
        ]
        late = [s for s in slots if slot_start(s) + after < now - 60]
        early = [s for s in slots if slot_start(s) - before > now + 60]
        if len(open_) >= places and (not ends or (late and early)):
            return Moment(now, open_, late, early)
    raise AssertionError("no moment of the day fits")


def open_turns(api: Api, clock: MovableClock, count: int, agency: int = AGENCY) -> list[Turn]:
    """`count` turns booked on a coming day, and the clock moved to a moment when all their
    check-in windows are open."""
    _day, slots = day_with(api, count, agency)
    moment = moment_with(slots, count, ends=False)
    turns = [book(api, s) for s in moment.open[:count]]
    clock.set(moment.now)
    return turns


# --- the counter ------------------------------------------------------------------------------


class ScanClock:
    """The scanner filter's clock (ms): `step` ms pass at every reading."""

    def __init__(self, step: float = 2.0) -> None:
        self.ms, self.step = 1_000_000.0, step

    def __call__(self) -> float:
        self.ms += self.step
        return self.ms


CALLS = {"/checkins": "check_in", "/checkins/by-code": "check_in_by_code", "/keys": "keys"}


class RecordingClient(StaffClient):
    """The real client, noting which calls the counter makes (never what they carry)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        name = CALLS.get(path)
        if name is not None:
            queued = name == "check_in" and "scanned_at" in (kwargs.get("json") or {})
            self.calls.append("check_in_queued" if queued else name)
        return super()._request(method, path, **kwargs)


class RecordingSounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def accept(self) -> None:
        self.played.append("accept")

    def reject(self) -> None:
        self.played.append("reject")


@dataclass
class FileSeam:
    """The file dialog's seam: the next file the clerk picks."""

    chosen: list[Path] = field(default_factory=list)

    def __call__(self, _parent: Any) -> Path | None:
        return self.chosen.pop(0) if self.chosen else None


class Clerk:
    """A person at the counter window: looks, clicks where things are, types, scans."""

    def __init__(self, qtbot: QtBot, counter: Any, sounds: RecordingSounds, clock: ScanClock):
        self.qtbot, self.counter, self.sounds, self.scan_clock = qtbot, counter, sounds, clock
        self.window = counter.window
        self.desk = counter.desk
        self.finger = Finger(self.window)
        self.answers: list[Outcome] = []
        self.calls_then: list[int] = []  # how many service calls were made at each answer
        self.desk.answered.connect(self._answered)

    def _answered(self, outcome: Outcome) -> None:
        self.answered_on_ui_thread = threading.current_thread() is threading.main_thread()
        self.answers.append(outcome)
        self.calls_then.append(len(getattr(self.counter.client, "calls", ())))

    def calls_for(self, action: Callable[[], object]) -> list[str]:
        """The service calls the counter made before it answered what `action` did."""
        before = len(self.counter.client.calls)
        action()
        self.answer()
        return list(self.counter.client.calls[before : self.calls_then[-1]])

    # looking and clicking
    def visible_text(self) -> str:
        """Every word on the window: labels, buttons, empty fields' hints, the list."""
        find = self.window.findChildren
        shown = [w.text() for w in find(QLabel) + find(QAbstractButton) if w.isVisible()]
        shown += [f.text() or f.placeholderText() for f in find(QLineEdit) if f.isVisible()]
        shown += [c.currentText() for c in find(QComboBox) if c.isVisible()]
        model = self.window.day.table.model()
        for column in range(model.columnCount()):
            shown.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
            for row in range(model.rowCount()):
                shown.append(str(model.data(model.index(row, column))))
        return "\n".join(text for text in shown if text)

    def control(self, words: str) -> Any:
        """The button whose words start with `words`, or the field under the label `words`,
        as seen on a grab of the window."""
        sight = self.finger.look()
        for widget, rect in sight.places.values():
            if isinstance(widget, QAbstractButton) and widget.text().startswith(words):
                return widget, rect.center()
        labels = [w for w in self.window.findChildren(QLabel) if w.isVisible()]
        label = next((w for w in labels if w.text() == words), None)
        if label is not None:
            top = label.mapTo(self.window, label.rect().bottomLeft())
            fields = [
                (w, r)
                for w, r in sight.places.values()
                if isinstance(w, QLineEdit) and r.top() >= top.y() and r.left() <= top.x() + 4
            ]
            if fields:
                widget, rect = min(fields, key=lambda f: (f[1].top(), top.x() - f[1].left()))
                return widget, rect.center()
        raise LookupError(f"nothing on the window says {words!r}")

    def click(self, words: str) -> Any:
        widget, point = self.control(words)
        hit = self.finger.tap_at(point)
        assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), (words, hit)
        return widget

    def type(self, words: str, text: str) -> Any:
        """Click the field under the label `words` and type `text` at a person's pace."""
        widget = self.click(words)
        assert widget.hasFocus()
        self.scan_clock.step = 150.0  # a person: far slower than a scanner
        try:
            QTest.keyClicks(widget, text)
            self.qtbot.waitUntil(lambda: not self.counter.scanner.busy, timeout=2000)
        finally:
            self.scan_clock.step = 2.0
        return widget

    def keyboard_target(self) -> Any:
        return self.window.focusWidget() or self.window

    def press(self, key: Any, modifiers: Any = None) -> None:
        """A key (with its modifiers) where the keyboard's keys go: the focus."""
        QTest.keyClick(self.keyboard_target(), key, modifiers or Qt.KeyboardModifier.NoModifier)

    def scan(self, burst: str) -> None:
        """A scanner's burst into whatever has the focus, ended by Enter."""
        target = self.keyboard_target()
        QTest.keyClicks(target, burst)
        QTest.keyClick(target, Qt.Key.Key_Return)

    def answer(self, timeout: int = 10_000) -> Outcome:
        """The next answer the window shows, once the desk is done with it."""
        seen = len(self.answers)
        self.qtbot.waitUntil(lambda: len(self.answers) > seen, timeout=timeout)
        self.settle(timeout)
        return self.answers[seen]

    def settle(self, timeout: int = 10_000) -> None:
        self.qtbot.waitUntil(lambda: not self.desk.busy, timeout=timeout)


@pytest.fixture
def make_counter(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    compiled_translations: Path,
    staff_clock: MovableClock,
    tmp_path: Path,
) -> Iterator[Callable[..., Clerk]]:
    """`make_counter(url, token, agency=241, **staff_settings)` -> a Clerk at a shown counter
    window whose clock is the service's; started, its first background round awaited."""
    made: list[Any] = []

    def make(
        url: str,
        token: str,
        agency: int = AGENCY,
        *,
        files: FileSeam | None = None,
        camera: Any = (None, None),
        start: bool = True,
        retry_s: float | None = None,
        **staff: Any,
    ) -> Clerk:
        staff.setdefault("keys_file", tmp_path / "staff" / "keys.json")
        staff.setdefault("queue_dir", tmp_path / "staff" / "queue")
        settings = KioskSettings.model_validate(
            {
                "service": {"url": url, "timeout_s": 3},
                "staff": {"token": token, "agency_id": agency, **staff},
            }
        )
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        sounds, clock = RecordingSounds(), ScanClock()
        counter = assemble_staff(
            settings,
            app,
            client=RecordingClient(url, token, timeout_s=3.0),
            now=lambda: float(staff_clock.now()),
            sounds=sounds,
            choose_file=files or FileSeam(),
            camera=camera,
            scanner_clock=clock,
            translations=compiled_translations,
            retry_s=retry_s,
        )
        made.append(counter)
        counter.window.show()
        qtbot.waitExposed(counter.window)
        clerk = Clerk(qtbot, counter, sounds, clock)
        if start:
            counter.desk.start()
            clerk.settle()
        return clerk

    yield make
    for counter in made:
        counter.close()
    qtbot.waitUntil(lambda: all(not c.desk.busy for c in made), timeout=10_000)
