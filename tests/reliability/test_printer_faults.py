"""Printer faults at every step of a booking, on real printers of each back end.

An ESC/POS printer on loopback (its DLE EOT status bytes: paper end, cover open; or nothing
listening), a CUPS queue stopped by `cupsdisable`, and the folder printer on a file system
mounted read-only. Out of order before the review, the review says so before the citizen
confirms; out of order at the print (or running out during it), the booking stands and the
screen says what to do (the QR to photograph, the turn reserved) and offers a new try, which
prints once the printer is fixed. Never "take your slip" with no slip.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.printing.cups_printer import CupsPrinter
from kiosk.printing.escpos_job import QrMode
from kiosk.printing.escpos_printer import EscposPrinter, network_connect
from kiosk.printing.file_printer import FilePrinter
from kiosk.printing.printer import PrinterProblem
from tests.helpers.escpos_loopback import FakeEscposPrinter
from tests.helpers.screen_text import seen_text
from tests.printing.conftest import PDF_QUEUE, CupsServer, cups_server  # noqa: F401
from tests.reliability.conftest import bookings_in
from tests.service.helpers import free_port, new_cedula, new_email, new_mobile
from tests.ui.conftest import KioskDriver
from turnos.embedded import EmbeddedService

pytestmark = [
    pytest.mark.slow,
    # Each broken printer is logged for the technician: on purpose here.
    pytest.mark.expected_log_warnings(r"^ERROR \S+: printing failed: ", allow=[r"printer"]),
]

OK = 0x12  # a DLE EOT status byte with nothing to report
PAPER_END = OK | 0x60  # n=4: roll paper end
COVER_OPEN = OK | 0x04  # n=2: cover open

REVIEW_WARNING = "La impresora no funciona ahora"
FAILED_TITLE = "No pudimos imprimir su comprobante"
WHAT_TO_DO = "Su turno está reservado. Tome una foto del código QR"
RETRY = "Intentar imprimir de nuevo"

MakeKiosk = Callable[..., tuple[Any, KioskDriver]]


def _escpos(printer: FakeEscposPrinter | None, port: int | None = None) -> EscposPrinter:
    host, port = ("127.0.0.1", port) if printer is None else (printer.host, printer.port)
    assert port is not None
    return EscposPrinter(
        network_connect(host, port, "TM-T88V", 2.0), qr_mode=QrMode.NATIVE, where=f"{host}:{port}"
    )


class _Switchable(dict[int, bytes]):
    """Status bytes a test changes while the printer runs; `after_job` applies once a job
    has arrived (the roll that runs out in the middle of a slip)."""

    def __init__(self, printer: FakeEscposPrinter, now: dict[int, bytes]) -> None:
        super().__init__(now)
        self.printer = printer
        self.after_job: dict[int, bytes] = {}

    def get(self, key: int, default: Any = None) -> Any:  # what the fake printer reads
        if self.after_job and self.printer.data():
            return self.after_job.get(key, super().get(key, default))
        return super().get(key, default)


def _to_review(
    reliable_kiosk: MakeKiosk, service: EmbeddedService, printer: Any
) -> tuple[Any, KioskDriver]:
    kiosk, driver = reliable_kiosk(
        service.url, service.credentials["kiosk_token"], service.outbox, printer=printer
    )
    driver.to_review(new_cedula(), new_email(), new_mobile())
    return kiosk, driver


def _said(kiosk: Any) -> str:
    return "\n".join(seen_text(kiosk.shell))


def _fails_keeping_the_booking(kiosk: Any, driver: KioskDriver, service: EmbeddedService) -> str:
    """Confirmar: the booking is made, the slip is not; the screen says what to do."""
    driver.next()
    driver.wait_until(lambda: kiosk.controller.print_failed, 20000, "the print to fail")
    driver.settle()
    printing = driver.view(Step.PRINT)
    assert printing.failed_shown()
    assert printing.qr.isVisible()
    said = _said(kiosk)
    for words in (FAILED_TITLE, WHAT_TO_DO, RETRY):
        assert words in said
    draft = kiosk.controller.flow.draft
    assert draft.confirmation is not None
    assert bookings_in(service.database_url, draft.citizen_ref or "") == [
        (draft.confirmation.booking.code, "active")
    ]
    return str(draft.confirmation.booking.code)


def _reprint(kiosk: Any, driver: KioskDriver) -> None:
    driver.tap(driver.view(Step.PRINT).retry)
    driver.at(Step.DONE, 20000)
    assert not kiosk.controller.print_failed


@pytest.mark.parametrize(
    "broken",
    ["paper_out", "unreachable"],
)
def test_an_escpos_printer_out_of_order_before_the_review(
    broken: str,
    reliable_kiosk: MakeKiosk,
    turnos_service: EmbeddedService,
    escpos_printer: FakeEscposPrinter,
) -> None:
    status = _Switchable(escpos_printer, {1: bytes([OK]), 2: bytes([OK]), 4: bytes([OK])})
    escpos_printer.status = status
    if broken == "paper_out":
        status[4] = bytes([PAPER_END])
    elif broken == "cover_open":
        status[2] = bytes([COVER_OPEN])
    if broken == "unreachable":
        printer = _escpos(None, port=free_port())  # nothing listens there
    else:
        printer = _escpos(escpos_printer)
    kiosk, driver = _to_review(reliable_kiosk, turnos_service, printer)
    review = driver.view(Step.REVIEW)
    driver.wait_until(review.printer_problem.isVisible, what="the printer's warning")
    assert REVIEW_WARNING in review.printer_problem.text()
    code = _fails_keeping_the_booking(kiosk, driver, turnos_service)
    assert escpos_printer.data() == b""  # nothing went into a printer that cannot print

    # Fixed: paper in, cover shut, cable back.
    status.update({1: bytes([OK]), 2: bytes([OK]), 4: bytes([OK])})
    kiosk.controller.printer = _escpos(escpos_printer)
    _reprint(kiosk, driver)
    assert code.encode() in escpos_printer.data()


@pytest.mark.parametrize("broken", ["paper_out", "cover_open"])
def test_an_escpos_printer_failing_during_the_slip(
    broken: str,
    reliable_kiosk: MakeKiosk,
    turnos_service: EmbeddedService,
    escpos_printer: FakeEscposPrinter,
) -> None:
    status = _Switchable(escpos_printer, {1: bytes([OK]), 2: bytes([OK]), 4: bytes([OK])})
    # The roll runs out in the middle of the slip, or someone opens the cover.
    status.after_job = (
        {4: bytes([PAPER_END])} if broken == "paper_out" else {2: bytes([COVER_OPEN])}
    )
    escpos_printer.status = status
    kiosk, driver = _to_review(reliable_kiosk, turnos_service, _escpos(escpos_printer))
    assert not driver.view(Step.REVIEW).printer_problem.isVisible()
    code = _fails_keeping_the_booking(kiosk, driver, turnos_service)
    first_job = escpos_printer.data()
    assert code.encode() in first_job  # sent, and lost with the roll

    status.after_job = {}  # a new roll, the cover shut
    _reprint(kiosk, driver)
    assert escpos_printer.data().count(code.encode()) == 2 * first_job.count(code.encode())


@pytest.fixture
def stopped_queue(cups_server: CupsServer) -> Iterator[tuple[CupsServer, str, Path]]:  # noqa: F811
    queue = "RELIABILITY_SLIPS"
    output = cups_server.out_dir / "reliability.pdf"
    cups_server.add_pdf_queue(queue, output)
    done = cups_server.run("cupsdisable", queue)
    assert done.returncode == 0, done.stderr
    try:
        yield cups_server, queue, output
    finally:
        cups_server.run("cancel", "-a", queue)
        cups_server.run("lpadmin", "-x", queue)


@pytest.mark.cups
def test_a_stopped_cups_queue_takes_no_slip_and_prints_once_started(
    reliable_kiosk: MakeKiosk,
    turnos_service: EmbeddedService,
    stopped_queue: tuple[CupsServer, str, Path],
) -> None:
    server, queue, output = stopped_queue
    printer = CupsPrinter(queue, server=server.server)
    assert printer.status().problem is PrinterProblem.QUEUE_STOPPED
    kiosk, driver = _to_review(reliable_kiosk, turnos_service, printer)
    review = driver.view(Step.REVIEW)
    driver.wait_until(review.printer_problem.isVisible, what="the printer's warning")
    _fails_keeping_the_booking(kiosk, driver, turnos_service)
    # Nothing waits in the stopped queue to come out later into someone else's hand.
    assert server.run("lpstat", "-o", queue).stdout.strip() == ""

    assert server.run("cupsenable", queue).returncode == 0
    _reprint(kiosk, driver)

    def printed() -> bool:
        return output.exists() and output.read_bytes().startswith(b"%PDF")

    driver.wait_until(printed, 20000, "the slip in the queue's output")


@pytest.fixture
def read_only_folder(tiny_disk: Path) -> Iterator[Path]:
    slips = tiny_disk / "slips"
    slips.mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    try:
        yield slips
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], check=False)


def test_the_folder_printer_on_a_read_only_disk(
    reliable_kiosk: MakeKiosk, turnos_service: EmbeddedService, read_only_folder: Path
) -> None:
    printer = FilePrinter(read_only_folder)
    assert not printer.status().ready  # even for root: the file system says no
    kiosk, driver = _to_review(reliable_kiosk, turnos_service, printer)
    review = driver.view(Step.REVIEW)
    driver.wait_until(review.printer_problem.isVisible, what="the printer's warning")
    _fails_keeping_the_booking(kiosk, driver, turnos_service)
    assert list(read_only_folder.iterdir()) == []

    subprocess.run(["mount", "-o", "remount,rw", str(read_only_folder.parent)], check=True)
    _reprint(kiosk, driver)
    assert printer.last_path is not None
    assert printer.last_path.read_bytes().startswith(b"%PDF")
