"""`kiosk staff demo` for real: a process with the embedded service, a seeded day, the slips
as PDFs and the counter window (offscreen), ended by Ctrl+Q or SIGTERM.

The process is `run_staff_demo` under a small driver (DRIVER below) that sets the demo's clock
(a weekday morning, or its evening), prints the window's day list once the counter has loaded
it, and presses Ctrl+Q on the window when the test creates a file. The slips are read while the
demo runs: its temporary folder, made under $TMPDIR (each test's own), goes when it ends.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import base45
import holidays
import pytest
import requests

from kiosk.cli import build_parser
from kiosk.domain.models import Slot
from kiosk.domain.token import PREFIX, KeySet
from kiosk.staff.decode import decode_file, find_token
from kiosk.staff.demo import (
    DATA_PREFIX,
    FORGED_SUFFIX,
    OPEN_NOW,
    Place,
    choose_turns,
    forge,
)
from kiosk.staff.verdict import Answer, Window, judge

REPO = Path(__file__).resolve().parents[2]
ZONE = ZoneInfo("America/Guayaquil")  # the demo agencies' (but Galápagos')
START_S = 60.0  # a cold start imports Qt and migrates a database: slow on a loaded machine
EXIT_S = 15.0

pytestmark = pytest.mark.slow

DRIVER = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from kiosk.app import application
from kiosk.config import KioskSettings
from kiosk.staff.demo import run_staff_demo
from kiosk.staff.window import StaffWindow
from turnos.clock import MovableClock

app = application()
clock = MovableClock()
clock.set(int(os.environ["STAFF_DEMO_AT"]))
press_ctrl_q = Path(os.environ["STAFF_DEMO_CTRL_Q"])
reported = []

def watch():
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, StaffWindow)]
    window = shown[0] if shown and shown[0].isVisible() else None
    desk = window.desk if window is not None else None
    if desk is not None and not reported and desk.day is not None and desk.catalog is not None:
        model = window.day.model
        rows = [
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        print("DRIVER day " + json.dumps(rows), flush=True)
        reported.append(True)
    if reported and press_ctrl_q.exists():
        if QApplication.activeWindow() is window:
            QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
            return
        window.activateWindow()
    QTimer.singleShot(20, watch)

QTimer.singleShot(0, watch)
settings = KioskSettings.model_validate({"staff": {"camera": "off", "sounds": False}})
sys.exit(run_staff_demo(settings, fullscreen=False, clock=clock))
"""


def working_day() -> dt.date:
    """A coming Monday to Thursday that is, with the day after, no national holiday."""
    closed = holidays.country_holidays("EC", years=range(dt.date.today().year, 2100))
    day = dt.datetime.now(ZONE).date() + dt.timedelta(days=2)
    while day.isoweekday() > 4 or day in closed or day + dt.timedelta(days=1) in closed:
        day += dt.timedelta(days=1)
    return day


def moment(day: dt.date, hour: int, minute: int) -> int:
    """`hour`:`minute` of `day` at the demo agencies, in epoch seconds."""
    return int(dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE).timestamp())


@dataclass
class Demo:
    """The demo's process, its output so far (read by a thread as it comes), what it said."""

    process: subprocess.Popen[str]
    tmp: Path  # its $TMPDIR
    day: dt.date  # its today
    at: int  # the demo clock's start
    ctrl_q: Path  # created by the test: the driver presses Ctrl+Q
    started: float = field(default_factory=time.monotonic)
    lines: list[str] = field(default_factory=list)
    _coming: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def __post_init__(self) -> None:
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._coming.put(line.rstrip("\n"))
        self._coming.put(None)  # it ended

    def read_until(self, pattern: str, timeout: float = START_S) -> str:
        """Output lines until one matches `pattern`; that line."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._coming.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r}:\n" + self.output)

    def finish(self, timeout: float = EXIT_S) -> int:
        """Its exit status, once it ended; the rest of its output read."""
        code = self.process.wait(timeout)
        self.close()
        while (line := self._coming.get_nowait() if not self._coming.empty() else None) is not None:
            self.lines.append(line)
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=EXIT_S)
        if self.process.stdout is not None:
            self.process.stdout.close()

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def said(self, pattern: str) -> re.Match[str]:
        for line in self.lines:
            found = re.search(pattern, line)
            if found:
                return found
        raise AssertionError(f"the demo never said {pattern!r}:\n" + self.output)

    def now(self) -> int:
        """The demo's clock now."""
        return self.at + int(time.monotonic() - self.started)

    def day_list(self) -> list[list[str]]:
        rows: list[list[str]] = json.loads(self.read_until(r"^DRIVER day ")[len("DRIVER day ") :])
        return rows

    def slips(self) -> dict[str, str]:
        """Each slip's file name and the answer the demo said the counter gives it."""
        listed = re.findall(r"^  (\S+\.pdf) +(?:\d\d:\d\d  )?(.+)$", self.output, re.MULTILINE)
        return dict(listed)


def start_demo(tmp: Path, day: dt.date, hour: int) -> Demo:
    """The demo, its clock at `hour` of `day`, its temporary folders under `tmp`."""
    at = moment(day, hour, 5)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_", "TURNOS_"))}
    ctrl_q = tmp / "press-ctrl-q"
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp),
        XDG_DATA_HOME=str(tmp / "xdg"),  # the counter keeps nothing in the user's
        PYTHONUNBUFFERED="1",
        STAFF_DEMO_AT=str(at),
        STAFF_DEMO_CTRL_Q=str(ctrl_q),
    )
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return Demo(process, tmp, day, at, ctrl_q)


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Demo]]:
    """A morning demo and an evening one of the same day, started together (they take
    seconds each, mostly waiting)."""
    day = working_day()
    started = {
        "morning": start_demo(tmp_path_factory.mktemp("morning"), day, 10),
        "evening": start_demo(tmp_path_factory.mktemp("evening"), day, 19),
    }
    yield started
    for demo in started.values():
        demo.close()


def data_dir(demo: Demo) -> Path:
    return Path(demo.said(r"kiosk staff demo: temporary data in (\S+)").group(1))


def assert_clean_exit(demo: Demo, code: int, folder: Path, tmp_path: Path) -> None:
    assert code == 0, demo.output
    assert "Traceback" not in demo.output, demo.output
    logged = re.findall(r"^.* (?:WARNING|ERROR|CRITICAL) .*$", demo.output, re.MULTILINE)
    assert not logged, logged
    assert not folder.exists()
    assert not list(tmp_path.glob(f"{DATA_PREFIX}*"))
    assert not (tmp_path / "xdg").exists()


def test_the_demo_seeds_today_shows_it_and_ctrl_q_removes_everything(
    demos: dict[str, Demo],
) -> None:
    demo = demos["morning"]
    day, tmp_path = demo.day, demo.tmp
    rows = demo.day_list()
    folder = data_dir(demo)
    assert folder.parent == tmp_path
    url = demo.said(r"service at (http://\S+)").group(1)
    agency = int(demo.said(r"kiosk staff demo: agency (\d+)").group(1))
    assert requests.get(url + "/v1/health", timeout=5).ok  # the service started

    # Five turns today, each with its slip, and the forged copy of the first.
    assert demo.said(r"Turnos de hoy, (.+), reservados")
    slips = demo.slips()
    answers = list(slips.values())
    assert answers[:OPEN_NOW] == ["llegada registrada"] * OPEN_NOW, demo.output
    assert answers.count("turno cancelado") == 1, demo.output
    assert "F3 abre un archivo; o arrástrelo a la ventana." in demo.lines
    pdfs = sorted(p.name for p in (folder / "slips").glob("*.pdf"))
    assert pdfs == sorted(slips), (pdfs, demo.output)
    assert len(pdfs) == 6, pdfs
    forged_name = next(name for name in pdfs if FORGED_SUFFIX in name)
    first_name = forged_name.replace(FORGED_SUFFIX, "")
    assert slips[first_name] == "llegada registrada"

    # The first slip's QR is a token the service signed, for now and here.
    keys = KeySet.from_jwks(requests.get(url + "/v1/keys", timeout=5).json())
    window = Window()

    def verdict(token: str) -> Answer:
        return judge(
            token, keys, demo.now(), ZONE, agency_id=agency, today=day, window=window
        ).answer

    genuine = find_token(decode_file(folder / "slips" / first_name))
    assert genuine is not None
    assert genuine.startswith(PREFIX)
    assert verdict(genuine) is Answer.CHECKED_IN
    assert judge(genuine, keys, demo.now(), ZONE).genuine
    early = next(name for name, said in slips.items() if said.startswith("todavía es temprano"))
    early_token = find_token(decode_file(folder / "slips" / early))
    assert early_token is not None
    assert verdict(early_token) is Answer.TOO_EARLY

    # Its forged copy differs in one character, and is refused.
    forged = find_token(decode_file(folder / "slips" / forged_name))
    assert forged is not None
    assert len(forged) == len(genuine)
    assert sum(a != b for a, b in zip(forged, genuine, strict=True)) == 1
    refused = judge(forged, keys, demo.now(), ZONE, agency_id=agency, today=day, window=window)
    assert refused.answer is Answer.FORGED
    assert not refused.genuine

    # The command line printed for it: one quoted argument, the same token, keys that verify.
    line = demo.said(r"^  (kiosk staff verify '.+)$").group(1)
    args = build_parser().parse_args(shlex.split(line)[1:])
    assert (args.command, args.staff_command, args.source) == ("staff", "verify", genuine)
    printed_keys = KeySet.from_jwks(json.loads(args.keys.read_text()))
    assert judge(args.source, printed_keys, demo.now(), ZONE).genuine

    # The window's day list: the seeded turns, the cancelled one as such.
    codes = {name.removesuffix(".pdf") for name in slips if FORGED_SUFFIX not in name}
    assert {row[1] for row in rows} == codes, rows
    states = {row[1]: row[2] for row in rows}
    cancelled = next(n for n, said in slips.items() if said == "turno cancelado")
    assert states.pop(cancelled.removesuffix(".pdf")) == "Cancelado"
    assert set(states.values()) == {"Por llegar"}, rows

    demo.ctrl_q.touch()
    assert_clean_exit(demo, demo.finish(), folder, tmp_path)


def test_in_the_evening_it_seeds_the_next_day_and_sigterm_removes_everything(
    demos: dict[str, Demo],
) -> None:
    demo = demos["evening"]
    day, tmp_path = demo.day, demo.tmp
    rows = demo.day_list()
    folder = data_dir(demo)
    url = demo.said(r"service at (http://\S+)").group(1)

    assert demo.said(r"Hoy la agencia ya no tiene turnos")
    assert rows == []  # today's list: nothing booked today
    slips = demo.slips()
    assert set(slips.values()) == {
        "turno de otro día",
        "turno cancelado",
        "copia alterada: «falso o dañado»",
    }, demo.output
    first = next(name for name, said in slips.items() if said == "turno de otro día")
    token = find_token(decode_file(folder / "slips" / first))
    keys = KeySet.from_jwks(requests.get(url + "/v1/keys", timeout=5).json())
    assert token is not None
    assert judge(token, keys, demo.now(), ZONE, today=day).answer is Answer.WRONG_DAY
    assert "Sin QR (F2)" not in demo.output  # by code finds only today's turns

    demo.process.send_signal(signal.SIGTERM)
    assert_clean_exit(demo, demo.finish(), folder, tmp_path)


# --- the pieces, without a process ------------------------------------------------------------


def places(*starts: tuple[str, int, int]) -> list[Place]:
    """(procedure, hour, minute) of one free place each, on a fixed day."""
    out = []
    for procedure, hour, minute in starts:
        start = dt.datetime(2026, 12, 9, hour, minute, tzinfo=ZONE)
        slot = Slot(f"11.{procedure}.{int(start.timestamp())}", start, start, 1)
        out.append(Place(slot, procedure))
    return out


def test_the_turns_open_now_come_first_and_differ_in_procedure() -> None:
    day = places(
        ("AJ", 10, 20), ("AJ", 10, 20), ("CA", 10, 20), ("CP", 10, 20),
        ("AJ", 10, 40), ("RE", 10, 40), ("CA", 11, 0),
    )  # fmt: skip
    now = moment(dt.date(2026, 12, 9), 10, 5)
    active, cancelled = choose_turns(day, now, before_s=1800)
    assert [(p.procedure, p.slot.start.strftime("%H:%M")) for p in active] == [
        ("AJ", "10:20"),
        ("CA", "10:20"),
        ("CP", "10:20"),
        ("RE", "10:40"),
    ]
    assert cancelled is not None
    assert cancelled.slot.start.hour == 10
    assert cancelled.procedure == "AJ"
    assert cancelled.slot.start.minute == 40


def test_a_day_with_few_places_books_what_there_is() -> None:
    active, cancelled = choose_turns(places(("AJ", 16, 40)), 0, before_s=1800)
    assert len(active) == 1
    assert cancelled is None


def test_a_forged_token_differs_in_one_character_and_still_decodes() -> None:
    token = PREFIX + base45.b45encode(bytes(range(120))).decode()
    forged = forge(token)
    assert len(forged) == len(token)
    assert sum(a != b for a, b in zip(forged, token, strict=True)) == 1
    assert base45.b45decode(forged[len(PREFIX) :]) != bytes(range(120))
    assert " " not in set(forged) - set(token)
