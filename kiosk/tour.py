"""`kiosk tour`: walk a whole booking headless, as a citizen would, and photograph each screen.

Runs offscreen on the embedded demo service. Every step is a tap on a real widget (keys of the
keypad and keyboard included) through QTest, so the tour exercises the same code a finger
does. The idle warning comes from the idle clock moved forward (no real waiting), the
out-of-service screen from cutting the network link to the service (a loopback forwarder) and
the kiosk coming back by itself when the link returns.

Writes DIR/NN-name.png per screen, DIR/slip.pdf, DIR/summary.json and DIR/tour.log (the log
goes there, masked, never to the console); prints where they went; exits 0 only if the booking
completed (the summary is written either way).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.domain.flow import Step
from kiosk.domain.screen import ScreenGeometry
from kiosk.finger import Finger

log = logging.getLogger(__name__)

TOUR_CEDULA = "1710034065"  # passes the check digit; the demo service invents the person
TOUR_EMAIL = "maria.perez@gmail.com"
TOUR_PHONE = "0991234567"
WAIT_S = 30.0

PORTRAIT = ScreenGeometry(diagonal_in=21.5, width_px=1080, height_px=1920, bottom_edge_mm=800)
LANDSCAPE = ScreenGeometry(diagonal_in=21.5, width_px=1920, height_px=1080, bottom_edge_mm=900)


class TourError(RuntimeError):
    """The walk could not go on (a screen did not appear in time)."""


# --- a screen as large as the kiosk's, offscreen ----------------------------------------------

#: Large enough for both orientations of the kiosk window.
OFFSCREEN_SIZE = (1920, 1920)


def offscreen_platform(directory: Path, size: tuple[int, int] = OFFSCREEN_SIZE) -> str:
    """A QT_QPA_PLATFORM value: the offscreen platform with one screen of `size` at (0, 0).

    Qt's offscreen screen is 800×800 by default. A kiosk window is larger, and whatever Qt
    finds by screen position (QApplication.widgetAt, used by QScroller to hand on a delayed
    tap) sees nothing beyond that square: taps on the lower part of a portrait screen were lost.
    """
    width, height = size
    config = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [
            {
                "name": "kiosk",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpiX": 96,
                "logicalDpiY": 96,
                "dpr": 1,
            }
        ],
    }
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"offscreen-{width}x{height}.json"
    path.write_text(json.dumps(config))
    return f"offscreen:configfile={path}"


def use_large_offscreen_screen(directory: Path) -> None:
    """Before the QApplication exists: give plain `offscreen` a screen as large as a kiosk's."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(directory)


# --- where a finger lands --------------------------------------------------------------------


def bring_into_view(window: Any, widget: Any) -> None:
    """Scroll every scroll area between `window` and `widget` so the widget is on screen."""
    Finger(window).scroll_to(widget)


def lands_on(window: Any, widget: Any) -> bool:
    """Whether a finger on the widget's centre reaches it: on a screen and nothing on top."""
    return bool(Finger(window).reachable(widget))


# --- the idle clock and the network link -----------------------------------------------------


class TourClock:
    """Monotonic time that the tour moves forward: the idle warning without real waiting."""

    def __init__(self) -> None:
        self._offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self._offset

    def advance(self, seconds: float) -> None:
        self._offset += seconds


class LinkSwitch:
    """A loopback TCP forwarder to the service that can be cut and restored (a network outage).

    The kiosk talks to `url`; `cut()` refuses new connections and breaks the open ones,
    `connect()` listens again on the same port.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    @classmethod
    def to_url(cls, url: str) -> LinkSwitch:
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        return cls((host, int(port)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def is_up(self) -> bool:
        return self._server is not None

    def connect(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def cut(self) -> None:
        """Refuse new connections and break the open ones."""
        server, self._server = self._server, None
        if server is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_RDWR)
            server.close()
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(a, b), daemon=True).start()


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


# --- the citizen -----------------------------------------------------------------------------


class Citizen:
    """Taps real widgets and keeps count; photographs the window."""

    def __init__(self, window: Any, out: Path) -> None:
        self.window = window
        self.out = out
        self.taps = 0
        self.key_presses = 0
        self.screens: list[str] = []

    def tap(self, widget: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        name = widget.objectName() or type(widget).__name__
        if not widget.isVisible() or not widget.isEnabled():
            raise TourError(f"cannot tap {name}: hidden or disabled")
        # Pending layouts first, and scroll a long screen, so the finger lands on the widget.
        if self.window.isAncestorOf(widget):
            bring_into_view(self.window, widget)
            if not lands_on(self.window, widget):
                raise TourError(f"a finger on {name} would land elsewhere")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.taps += 1

    def press(self, key: Any) -> None:
        """A key of the on-screen keypad or keyboard."""
        self.tap(key)
        self.key_presses += 1

    def type_on(self, keys: Callable[[str], Any], text: str) -> None:
        """Type `text` key by key; multi-character keys (".com", "gmail.com") when offered."""
        i = 0
        while i < len(text):
            for chunk in ("hotmail.com", "gmail.com", ".com", ".ec"):
                if text.startswith(chunk, i):
                    try:
                        key = keys(chunk)
                    except KeyError:
                        continue
                    self.press(key)
                    i += len(chunk)
                    break
            else:
                self.press(keys(text[i]))
                i += 1

    async def until(
        self, condition: Callable[[], bool], what: str, timeout: float = WAIT_S
    ) -> None:
        """Let the Qt loop turn until `condition` holds."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                # What the screen showed instead helps whoever reads the tour's output.
                self.window.grab().save(str(self.out / "stuck.png"))
                raise TourError(f"timed out waiting for {what}")
            await asyncio.sleep(0.02)

    async def shot(self, name: str) -> None:
        await asyncio.sleep(0.05)  # one more turn of the loop so layouts settle before the grab
        file_name = f"{len(self.screens) + 1:02d}-{name}.png"
        self.window.grab().save(str(self.out / file_name))
        self.screens.append(file_name)


def _masked_booking(confirmation: Any) -> dict[str, Any]:
    b = confirmation.booking
    return {
        "id": b.id,
        "code": b.code,
        "agency": b.agency_id,
        "procedure": b.procedure_code,
        "start": b.start.isoformat(),
        "end": b.end.isoformat(),
        "masked_name": b.masked_name,
        "masked_id": b.masked_id,
    }


async def walk(
    kiosk: Any,
    citizen: Citizen,
    outbox: Path,
    lang: str,
    clock: TourClock | None = None,
    link: LinkSwitch | None = None,
) -> dict[str, Any]:
    """The whole booking; returns what goes into the summary."""
    from turnos.outbox import latest_code

    c = kiosk.controller
    shell = kiosk.shell

    def at(step: Step) -> Callable[[], bool]:
        return lambda: c.flow.current is step and not c.busy

    def view(step: Step) -> Any:
        return shell.view(step)

    await citizen.until(lambda: c.catalog is not None, "the catalogue")
    await citizen.shot("welcome")
    welcome = view(Step.WELCOME)
    citizen.tap(welcome.english if lang == "en" else welcome.spanish)

    await citizen.until(at(Step.IDENTIFY), "the identify screen")
    identify = view(Step.IDENTIFY)
    citizen.type_on(identify.keypad.key, TOUR_CEDULA)
    await citizen.shot("identify")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.CONTACT), "the contact screen")
    contact = view(Step.CONTACT)
    await citizen.shot("privacy")
    citizen.tap(shell.next_button)  # "Entendido, continuar"
    await citizen.until(lambda: not contact.notice_shown(), "the contact form")
    citizen.tap(contact.email)
    citizen.type_on(contact.keyboard.key, TOUR_EMAIL)
    await citizen.shot("contact-email")
    citizen.tap(contact.phone)
    citizen.type_on(contact.keypad.key, TOUR_PHONE)
    await citizen.shot("contact-phone")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.VERIFY_CODE), "the code screen")
    code_view = view(Step.VERIFY_CODE)
    await citizen.until(lambda: _has_code(outbox, TOUR_EMAIL), "the code in the outbox")
    citizen.type_on(code_view.keypad.key, latest_code(outbox, TOUR_EMAIL))
    await citizen.shot("code")
    citizen.tap(shell.next_button)

    await citizen.until(
        lambda: c.flow.current in (Step.PROVINCE, Step.EXISTING_TURN) and not c.busy,
        "the province screen",
    )
    if c.flow.current is Step.EXISTING_TURN:  # a rerun on the same data: book another
        citizen.tap(shell.next_button)
        await citizen.until(at(Step.PROVINCE), "the province screen")
    province = view(Step.PROVINCE)
    province.list.open_keyboard()
    citizen.tap(province.list.search)
    citizen.type_on(province.list.keyboard.key, "pich")
    await citizen.shot("province-search")
    citizen.tap(province.list.button("17"))
    # Lists scroll by finger (QScroller), which hands the tap on a moment later.
    await citizen.until(province.is_valid, "the province to be chosen")
    await citizen.shot("province")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.PROCEDURE), "the procedure screen")
    procedure = view(Step.PROCEDURE)
    citizen.tap(procedure.list.button("CLAVE_PATRONAL"))
    await citizen.until(procedure.is_valid, "the procedure to be chosen")
    await citizen.shot("procedure")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.AGENCY), "the agency screen")
    agency = view(Step.AGENCY)
    citizen.tap(agency.list.buttons()[0])
    await citizen.until(agency.is_valid, "the agency to be chosen")
    await citizen.shot("agency")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.SCHEDULE), "the schedule screen")
    schedule = view(Step.SCHEDULE)
    first = next(d.date for d in c._days if d.available)
    citizen.tap(schedule.calendar.cell(first))
    await citizen.until(lambda: bool(schedule.hours.keys()) and not c.busy, "the hours")
    citizen.tap(schedule.hours.button(schedule.hours.keys()[0]))
    await citizen.until(schedule.is_valid, "the hour to be chosen")
    await citizen.shot("schedule")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.REVIEW), "the review screen")
    await citizen.shot("review")
    citizen.tap(shell.next_button)

    await citizen.until(at(Step.DONE), "the done screen")
    confirmation = c.flow.draft.confirmation
    await citizen.shot("done")
    result: dict[str, Any] = {
        "booking": _masked_booking(confirmation),
        "token": confirmation.token,
        "slip": getattr(c, "last_pdf", None),
    }

    # The citizen stops touching the screen: the idle clock runs on (moved, not waited for)
    # and the watcher's own timer brings the warning; "Sí" gives the time back.
    if clock is not None:
        wait = kiosk.idle.tracker.next_change_in()
        if wait is not None:
            clock.advance(wait)
        kiosk.idle.timer.start(0)
        await citizen.until(shell.idle_warning.isVisible, "the idle warning")
        await citizen.shot("idle-warning")
        citizen.tap(shell.idle_warning.yes_button)
        await citizen.until(lambda: not shell.idle_warning.isVisible(), "the warning to go")

    # The same citizen again: the existing-turn screen, then a reprint on a broken printer.
    citizen.tap(shell.next_button)  # Terminar
    await citizen.until(at(Step.WELCOME), "the welcome screen")
    citizen.tap(welcome.english if lang == "en" else welcome.spanish)
    await citizen.until(at(Step.IDENTIFY), "the identify screen")
    citizen.type_on(identify.keypad.key, TOUR_CEDULA)
    if link is not None:
        # The network to the service fails as the citizen taps Consultar: out of service,
        # then the link comes back and the kiosk returns by itself, the number still typed.
        link.cut()
        citizen.tap(shell.next_button)
        await citizen.until(shell.out_of_service.isVisible, "the out-of-service screen")
        await citizen.until(lambda: not c.busy, "the failed call to end")
        await citizen.shot("out-of-service")
        link.connect()
        await citizen.until(lambda: not shell.out_of_service.isVisible(), "the service back")
        await citizen.until(at(Step.IDENTIFY), "the identify screen again")
    citizen.tap(shell.next_button)
    await citizen.until(at(Step.CONTACT), "the contact screen")
    citizen.tap(shell.next_button)  # "Entendido, continuar"
    await citizen.until(lambda: not contact.notice_shown(), "the contact form")
    citizen.tap(contact.email)
    citizen.type_on(contact.keyboard.key, TOUR_EMAIL)
    citizen.tap(contact.phone)
    citizen.type_on(contact.keypad.key, TOUR_PHONE)
    before = _codes(outbox, TOUR_EMAIL)
    citizen.tap(shell.next_button)
    await citizen.until(at(Step.VERIFY_CODE), "the code screen")
    await citizen.until(lambda: _codes(outbox, TOUR_EMAIL) > before, "a second code")
    citizen.type_on(code_view.keypad.key, latest_code(outbox, TOUR_EMAIL))
    citizen.tap(shell.next_button)
    await citizen.until(at(Step.EXISTING_TURN), "the existing-turn screen")
    await citizen.shot("existing-turn")
    booking_id = result["booking"]["id"]
    working_printer = c.printer
    c.printer = _BrokenPrinter()
    citizen.tap(view(Step.EXISTING_TURN).reprint_button(booking_id))
    await citizen.until(lambda: c.print_failed and not c.busy, "the printer fallback")
    await citizen.shot("printer-fallback")
    c.printer = working_printer
    return result


class _BrokenPrinter:
    """A printer whose paper ran out: what a citizen meets on a bad day."""

    def print_pdf(self, pdf: bytes, paper: Any) -> None:
        from kiosk.printing.printer import PrinterProblem, PrintError

        raise PrintError(PrinterProblem.PAPER_OUT, "tour: paper out")

    def status(self) -> Any:
        from kiosk.printing.printer import PrinterProblem, PrinterStatus

        return PrinterStatus.failed(PrinterProblem.PAPER_OUT, "tour: paper out")


def _codes(outbox: Path, address: str) -> int:
    from turnos.outbox import messages_to

    return len(messages_to(outbox, address))


def _has_code(outbox: Path, address: str) -> bool:
    from turnos.outbox import latest_code

    try:
        latest_code(outbox, address)
    except LookupError:
        return False
    return True


def report_lines(out: Path, summary: dict[str, Any]) -> list[str]:
    """What the console shows at the end: where everything went, in a few plain lines."""
    shown = f"{summary['orientation']}, {summary['language']}"
    if summary["modes"]:
        shown += ", " + ", ".join(summary["modes"])
    lines = [
        f"kiosk tour: booking completed ({shown})"
        if summary["completed"]
        else f"kiosk tour: stopped before the end ({summary.get('stopped', 'see the log')})",
        f"  pictures: {out}/ ({len(summary['screens'])} screens, NN-name.png)",
    ]
    slip = out / "slip.pdf"
    lines.append(f"  slip:     {slip}" if slip.exists() else "  slip:     (none printed)")
    lines.append(f"  summary:  {out / 'summary.json'}")
    lines.append(f"  log:      {out / 'tour.log'}")
    if (out / "stuck.png").exists():
        lines.append(f"  stuck at: {out / 'stuck.png'}")
    return lines


class _LogToFile:
    """The tour's log (Python and Qt) goes to one file, masked; the console stays quiet."""

    def __init__(self, path: Path) -> None:
        from kiosk.app import file_log_handler

        self.handler = file_log_handler(path)
        self._root = logging.getLogger()
        self._level = self._root.level
        self._previous_qt: Any = None

    def __enter__(self) -> _LogToFile:
        from PySide6.QtCore import qInstallMessageHandler

        from kiosk import logsafe

        self._root.addHandler(self.handler)
        self._root.setLevel(logging.INFO)
        logsafe.install()
        self._previous_qt = qInstallMessageHandler(_qt_to_log)
        logging.captureWarnings(True)
        return self

    def __exit__(self, *_exc: object) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        logging.captureWarnings(False)
        qInstallMessageHandler(self._previous_qt)
        self._root.removeHandler(self.handler)
        self._root.setLevel(self._level)
        self.handler.close()


def _qt_to_log(mode: Any, context: Any, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def run_tour(out: Path, orientation: str, lang: str, modes: list[str]) -> int:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in (*out.glob("*.png"), out / "slip.pdf", out / "tour.log"):
        old.unlink(missing_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-tour-"))
    use_large_offscreen_screen(data_dir)
    with _LogToFile(out / "tour.log"):
        try:
            summary = _tour(out, data_dir, orientation, lang, modes)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    print("\n".join(report_lines(out, summary)))
    return 0 if summary["completed"] else 1


def _tour(
    out: Path, data_dir: Path, orientation: str, lang: str, modes: list[str]
) -> dict[str, Any]:
    import qasync
    from PySide6.QtWidgets import QApplication

    from kiosk.app import application, assemble, client_for
    from kiosk.config import load_settings
    from kiosk.printing.file_printer import FilePrinter
    from turnos.embedded import start_embedded

    geometry = LANDSCAPE if orientation == "landscape" else PORTRAIT
    settings = load_settings(environ={})
    # The walk asks for a second code (existing-turn screen) well within a minute.
    service = start_embedded(data_dir, demo=True, resend_cooldown_s=0)
    link = LinkSwitch.to_url(service.url)
    link.connect()
    summary: dict[str, Any] = {
        "completed": False,
        "orientation": geometry.orientation,
        "language": lang,
        "modes": sorted(set(modes)),
        "screens": [],
        "taps": 0,
        "key_presses": 0,
        "booking": None,
        "token": None,
        "keys": None,
        "slip_mm": None,  # length of the printed slip, read from its PDF
    }
    app: QApplication = application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    kiosk = None
    citizen: Citizen | None = None
    clock = TourClock()
    try:
        client = client_for(settings, link.url, service.credentials["kiosk_token"])
        kiosk = assemble(
            settings,
            app,
            client,
            FilePrinter(data_dir / "slips"),
            geometry=geometry,
            clock=clock,
            health_first_s=0.2,
        )
        theme = kiosk.shell.theme.variant(
            high_contrast="high-contrast" in modes, large_text="large-text" in modes
        )
        kiosk.shell.set_theme(theme)
        kiosk.shell.set_low_reach("low-reach" in modes)
        kiosk.shell.resize(geometry.width_px, geometry.height_px)
        kiosk.shell.show()
        kiosk.controller.start()
        citizen = Citizen(kiosk.shell, out)
        with loop:
            result = loop.run_until_complete(
                walk(kiosk, citizen, service.outbox, lang, clock=clock, link=link)
            )
            summary["keys"] = loop.run_until_complete(kiosk.caller.background(client.keys))
        if result.get("slip"):
            from kiosk.printing.paper import slip_length_mm

            (out / "slip.pdf").write_bytes(result["slip"])
            summary["slip_mm"] = slip_length_mm(result["slip"])
        summary["booking"] = result["booking"]
        summary["token"] = result["token"]
        summary["completed"] = True
        log.info("tour completed")
    except Exception as exc:
        from kiosk.logsafe import mask_personal_data

        log.error("tour stopped: %s", exc)
        summary["stopped"] = mask_personal_data(str(exc))
    finally:
        if citizen is not None:
            summary["screens"] = citizen.screens
            summary["taps"] = citizen.taps
            summary["key_presses"] = citizen.key_presses
        summary["finished_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
        if kiosk is not None:
            kiosk.close()
        link.cut()
        service.stop()
    return summary
