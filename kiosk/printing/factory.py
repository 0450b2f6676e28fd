"""The printer named in the kiosk's settings.

python-escpos is imported only for the escpos back end: it parses its printer-capabilities
YAML on import (~95 ms of a kiosk's start, issue 15), which a CUPS or file printer never needs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Protocol

from kiosk.printing.cups_printer import CupsPrinter
from kiosk.printing.file_printer import FilePrinter
from kiosk.printing.printer import Printer

ESCPOS_TIMEOUT_S = 5.0


class PrinterSettings(Protocol):
    """The `printer` section of KioskSettings (kiosk/config.py), as far as printing reads it."""

    @property
    def backend(self) -> str: ...
    @property
    def queue(self) -> str | None: ...
    @property
    def dpi(self) -> int: ...
    @property
    def output_dir(self) -> Path | None: ...
    @property
    def escpos_host(self) -> str | None: ...
    @property
    def escpos_port(self) -> int: ...
    @property
    def escpos_usb_vendor(self) -> int | None: ...
    @property
    def escpos_usb_product(self) -> int | None: ...
    @property
    def escpos_profile(self) -> str: ...
    @property
    def escpos_qr(self) -> str: ...


def default_output_dir() -> Path:
    return Path(tempfile.gettempdir()) / "kiosk-slips"


def printer_from_settings(settings: PrinterSettings) -> Printer:
    """Raises ValueError naming the missing or bad setting."""
    backend = str(settings.backend)
    if backend == "file":
        return FilePrinter(settings.output_dir or default_output_dir())
    if backend == "cups":
        if not settings.queue:
            raise ValueError("printer.queue is required for the cups back end")
        return CupsPrinter(settings.queue)
    if backend == "escpos":
        from kiosk.printing.escpos_job import QrMode
        from kiosk.printing.escpos_printer import EscposPrinter, network_connect, usb_connect

        qr_mode = QrMode(str(settings.escpos_qr))
        profile = settings.escpos_profile
        if settings.escpos_host:
            where = f"{settings.escpos_host}:{settings.escpos_port}"
            connect = network_connect(
                settings.escpos_host, settings.escpos_port, profile, ESCPOS_TIMEOUT_S
            )
        elif settings.escpos_usb_vendor is not None and settings.escpos_usb_product is not None:
            vendor, product = settings.escpos_usb_vendor, settings.escpos_usb_product
            where = f"usb {vendor:04x}:{product:04x}"
            connect = usb_connect(vendor, product, profile)
        else:
            raise ValueError(
                "printer.escpos_host or printer.escpos_usb_vendor/_product is required "
                "for the escpos back end"
            )
        return EscposPrinter(
            connect, profile=profile, qr_mode=qr_mode, dpi=settings.dpi, where=where
        )
    raise ValueError(f"printer.backend must be file, cups or escpos, not {backend!r}")
