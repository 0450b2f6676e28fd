"""ESC/POS receipt printers over the network (raw TCP, port 9100) or USB, via python-escpos.

Status is read with the real-time DLE EOT requests, which the printer answers even when it is
offline or out of paper: n=1 printer status, n=2 offline cause, n=4 roll paper sensor.
"""

from __future__ import annotations

import io
import socket
import subprocess
from collections.abc import Callable
from typing import Any

from PIL import Image

from kiosk.printing.content import SlipContent
from kiosk.printing.escpos_job import QrMode, compose_escpos, head_dots, profile_dots
from kiosk.printing.paper import Paper
from kiosk.printing.printer import PrinterProblem, PrintError, PrinterStatus

DLE_EOT = b"\x10\x04"
STATUS_PRINTER = 1
STATUS_OFFLINE_CAUSE = 2
STATUS_PAPER = 4

# Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is noise.
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12
_OFFLINE = 0x08  # n=1
_COVER_OPEN = 0x04  # n=2
_STOPPED_PAPER_END = 0x20  # n=2
_ERROR = 0x40  # n=2
_NEAR_END = 0x0C  # n=4, bits 2-3
_PAPER_END = 0x60  # n=4, bits 5-6

Connect = Callable[[], Any]  # returns an opened python-escpos printer


def parse_status(printer: int, offline_cause: int, paper: int) -> PrinterStatus:
    """The three DLE EOT answers as one status (pure)."""
    for name, byte in (("printer", printer), ("offline", offline_cause), ("paper", paper)):
        if byte & _FIXED_MASK != _FIXED_BITS:
            return PrinterStatus.failed(
                PrinterProblem.ERROR, f"unexpected {name} status {byte:#04x}"
            )
    paper_low = bool(paper & _NEAR_END)
    if paper & _PAPER_END or offline_cause & _STOPPED_PAPER_END:
        return PrinterStatus.failed(PrinterProblem.PAPER_OUT, "paper end", paper_low=paper_low)
    if offline_cause & _COVER_OPEN:
        return PrinterStatus.failed(PrinterProblem.COVER_OPEN, "cover open", paper_low=paper_low)
    if offline_cause & _ERROR:
        return PrinterStatus.failed(PrinterProblem.ERROR, "printer error", paper_low=paper_low)
    if printer & _OFFLINE:
        return PrinterStatus.failed(PrinterProblem.OFFLINE, "printer offline", paper_low=paper_low)
    return PrinterStatus.ok(paper_low=paper_low, detail="paper near end" if paper_low else "")


def _ask(device: Any, n: int) -> int:
    answer = device.query_status(DLE_EOT + bytes([n]))
    if not answer:
        raise TimeoutError(f"no answer to DLE EOT {n}")
    return int(answer[0])


class EscposPrinter:
    """Prints the slip content as ESC/POS (`print_content`), or a PDF as a raster image."""

    def __init__(
        self,
        connect: Connect,
        *,
        profile: str = "TM-T88V",
        qr_mode: QrMode = QrMode.IMAGE,
        dpi: int = 203,
        where: str = "",
    ) -> None:
        self._connect = connect
        self.profile = profile
        self.qr_mode = qr_mode
        self.dpi = dpi
        self._where = where  # host:port or usb id, for technicians' messages

    def _open(self) -> Any:
        try:
            return self._connect()
        except Exception as exc:  # python-escpos raises several unrelated types here
            raise PrintError(PrinterProblem.NOT_FOUND, f"{self._where}: {exc}") from exc

    def _send(self, job: bytes) -> None:
        # A printer out of paper or with its cover open still takes the bytes (into its
        # buffer) and prints nothing: ask first, and again once the job is in, so that a roll
        # that ran out during the slip is not taken for a slip in the citizen's hand.
        self._ready_or_raise()
        device = self._open()
        try:
            device._raw(job)
        except OSError as exc:
            raise PrintError(PrinterProblem.OFFLINE, f"{self._where}: {exc}") from exc
        finally:
            device.close()
        self._ready_or_raise()

    def _ready_or_raise(self) -> None:
        status = self.status()
        if not status.ready:
            raise PrintError(status.problem or PrinterProblem.ERROR, status.detail)

    def job_for(self, content: SlipContent, paper: Paper) -> bytes:
        return compose_escpos(
            content, paper, dpi=self.dpi, profile=self.profile, qr_mode=self.qr_mode
        )

    def print_content(self, content: SlipContent, paper: Paper) -> None:
        self._send(self.job_for(content, paper))

    def print_pdf(self, pdf: bytes, paper: Paper) -> None:
        """Fallback for any PDF: rasterise each page at the head's width and print it."""
        if not paper.is_roll:
            raise PrintError(PrinterProblem.ERROR, "ESC/POS printers take roll paper")
        from escpos.printer import Dummy  # the job is composed in memory, then sent at once

        job: Any = Dummy(profile=self.profile)
        job.hw("INIT")
        width = min(head_dots(paper, self.dpi), profile_dots(job.profile))
        for page in rasterise(pdf, self.dpi, width):
            job.image(page, center=False)
        job.cut()
        self._send(bytes(job.output))

    def status(self) -> PrinterStatus:
        try:
            device = self._connect()
        except Exception as exc:
            return PrinterStatus.failed(PrinterProblem.NOT_FOUND, f"{self._where}: {exc}")
        try:
            return parse_status(
                _ask(device, STATUS_PRINTER),
                _ask(device, STATUS_OFFLINE_CAUSE),
                _ask(device, STATUS_PAPER),
            )
        except TimeoutError as exc:
            return PrinterStatus.failed(PrinterProblem.OFFLINE, f"{self._where}: {exc}")
        except Exception as exc:
            return PrinterStatus.failed(PrinterProblem.ERROR, f"{self._where}: {exc}")
        finally:
            device.close()


def rasterise(pdf: bytes, dpi: int, max_width: int) -> list[Image.Image]:
    """PDF pages as 1-bit images at `dpi` (poppler's pdftoppm), cropped to the head width."""
    try:
        done = subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-mono", "-singlefile", "-"],
            input=pdf,
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise PrintError(PrinterProblem.ERROR, f"cannot rasterise the slip: {exc}") from exc
    page: Image.Image = Image.open(io.BytesIO(done.stdout))
    page.load()
    if page.width > max_width:
        left = (page.width - max_width) // 2
        page = page.crop((left, 0, left + max_width, page.height))
    return [page.convert("1")]


class TcpDevice:
    """Raw TCP to port 9100, with the two calls of a python-escpos printer that we use.

    python-escpos' Network leaks its socket when the connection is refused, so the plain
    socket is kept here; the bytes sent are the same.
    """

    def __init__(self, host: str, port: int, timeout_s: float) -> None:
        self._sock = socket.create_connection((host, port), timeout=timeout_s)

    def _raw(self, data: bytes) -> None:
        self._sock.sendall(data)

    def query_status(self, request: bytes) -> bytes:
        self._sock.sendall(request)
        return self._sock.recv(1)

    def close(self) -> None:
        self._sock.close()


def network_connect(host: str, port: int, profile: str, timeout_s: float) -> Connect:
    """`profile` is unused on the wire (the job is composed beforehand); kept for symmetry."""

    def connect() -> Any:
        return TcpDevice(host, port, timeout_s)

    return connect


def usb_connect(vendor: int, product: int, profile: str) -> Connect:
    def connect() -> Any:
        from escpos.printer import Usb  # needs pyusb (python-escpos[usb]) on the kiosk

        device = Usb(vendor, product, profile=profile)
        device.open()
        return device

    return connect
