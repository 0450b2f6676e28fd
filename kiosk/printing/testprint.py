"""`kiosk print-test`: a sample slip with a demo token, on the configured printer or to a file.

Exit codes: 0 printed or written, 1 the printer refused the job, 2 bad paper, language or
printer settings, 3 the printer reports it cannot print now (the reason is shown).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol

from kiosk.domain.models import Language
from kiosk.printing.cups_printer import CupsPrinter
from kiosk.printing.delivery import print_slip
from kiosk.printing.factory import PrinterSettings, printer_from_settings
from kiosk.printing.file_printer import FilePrinter
from kiosk.printing.paper import parse_paper
from kiosk.printing.printer import Printer, PrintError
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip

EXIT_OK, EXIT_PRINT_FAILED, EXIT_BAD_SETTINGS, EXIT_NOT_READY = 0, 1, 2, 3


class _PrinterSection(PrinterSettings, Protocol):
    @property
    def paper(self) -> str: ...


class _KioskSection(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def contact_phone(self) -> str: ...


class _BrandingSection(Protocol):
    @property
    def name(self) -> str: ...


class TestPrintSettings(Protocol):
    @property
    def printer(self) -> _PrinterSection: ...
    @property
    def kiosk(self) -> _KioskSection: ...
    @property
    def branding(self) -> _BrandingSection: ...


def run_print_test(
    settings: TestPrintSettings, paper: str | None, lang: str, out: Path | None
) -> int:
    try:
        chosen = parse_paper(paper or str(settings.printer.paper))
        language = Language(lang)
        if language not in list(Language):  # the slip's own words: Spanish and English
            raise ValueError(f"no slip texts in {lang!r}: es or en")
    except ValueError as exc:
        print(f"print-test: {exc}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    data = sample_slip(
        language,
        kiosk_id=settings.kiosk.id,
        contact_phone=settings.kiosk.contact_phone,
        institution=settings.branding.name,
    )
    dpi = settings.printer.dpi
    if out is not None:
        try:
            out.write_bytes(render_slip(data, chosen, dpi))
        except OSError as exc:
            print(f"print-test: cannot write {out}: {exc.strerror}", file=sys.stderr)
            return EXIT_PRINT_FAILED
        print(f"print-test: sample slip ({chosen}, {language}) written to {out.resolve()}")
        return EXIT_OK
    try:
        printer = printer_from_settings(settings.printer)
    except ValueError as exc:
        print(f"print-test: {exc}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    status = printer.status()
    if not status.ready:
        problem = status.problem.value if status.problem else "unknown"
        print(f"print-test: printer not ready: {problem} ({status.detail})", file=sys.stderr)
        return EXIT_NOT_READY
    try:
        print_slip(printer, data, chosen, dpi)
    except PrintError as exc:
        print(f"print-test: printing failed: {exc}", file=sys.stderr)
        return EXIT_PRINT_FAILED
    low = " (paper low)" if status.paper_low else ""
    print(f"print-test: sample slip ({chosen}, {language}) {_destination(printer, settings)}{low}")
    return EXIT_OK


def _destination(printer: Printer, settings: TestPrintSettings) -> str:
    """Where the slip went, as a technician looks for it: the file itself for the file
    printer, the queue for CUPS."""
    if isinstance(printer, FilePrinter) and printer.last_path is not None:
        return f"written to {printer.last_path.resolve()}"
    if isinstance(printer, CupsPrinter):
        return f"sent to CUPS queue {printer.queue}"
    return f"sent to {settings.printer.backend}"
