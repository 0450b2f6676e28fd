"""A citizen's slip takes the same path as the technician's test print: an ESC/POS printer
gets its own layout with its native QR, not a rasterised PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiosk.domain.flow import Step
from kiosk.printing.escpos_job import QrMode
from kiosk.printing.escpos_printer import EscposPrinter, network_connect
from tests.helpers.escpos_loopback import FakeEscposPrinter
from turnos.embedded import EmbeddedService

pytestmark = pytest.mark.slow

GS = b"\x1d"
NATIVE_QR_STORE = GS + b"(k"  # GS ( k: the printer draws the symbol itself
RASTER_IMAGE = GS + b"v0"  # GS v 0: a bitmap, what a PDF or an image QR becomes
FEED_AND_CUT = b"\x1bd\x06" + GS + b"V\x00"


def test_a_booked_slip_reaches_an_escpos_printer_as_its_native_job(
    make_kiosk: Callable[..., tuple[Any, Any, Any]],
    turnos_service: EmbeddedService,
    escpos_printer: FakeEscposPrinter,
) -> None:
    printer = EscposPrinter(
        network_connect(escpos_printer.host, escpos_printer.port, "TM-T88V", 2.0),
        qr_mode=QrMode.NATIVE,
        where=f"{escpos_printer.host}:{escpos_printer.port}",
    )
    kiosk, driver, _clock = make_kiosk(
        turnos_service.url,
        turnos_service.credentials["kiosk_token"],
        turnos_service.outbox,
        printer=printer,
    )
    driver.to_review("1713175071", "pablo.impresora@gmail.com", "0991113344")
    assert not kiosk.controller.view(Step.REVIEW).printer_problem.text()  # it answered ready
    driver.next()  # Confirmar
    driver.at(Step.DONE)

    confirmation = kiosk.controller.flow.draft.confirmation
    assert confirmation is not None
    job = escpos_printer.data()
    assert job.endswith(FEED_AND_CUT)
    assert NATIVE_QR_STORE in job
    assert confirmation.token.encode() in job  # the QR's data, as the printer will draw it
    assert RASTER_IMAGE not in job  # no picture of a PDF, no picture of a QR
    assert confirmation.booking.code.encode() in job  # the turn code in the printer's font
