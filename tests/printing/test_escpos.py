"""ESC/POS: the job byte for byte, the raster QR scans, and status over a TCP printer."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from kiosk.domain.models import Language
from kiosk.printing.content import RequirementLine, SlipContent, build_content
from kiosk.printing.escpos_job import QrMode, compose_escpos, head_dots
from kiosk.printing.escpos_printer import EscposPrinter, network_connect, parse_status
from kiosk.printing.paper import Paper
from kiosk.printing.printer import PrinterProblem, PrintError, PrinterStatus
from kiosk.printing.sample import sample_slip
from tests.printing.conftest import FakeEscposPrinter, free_port, wait_for
from tests.printing.raster import read_qr

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
LEFT, CENTER = ESC + b"a\x00", ESC + b"a\x01"
CP437 = ESC + b"t\x00"  # python-escpos picks code page 437 for á é í ó ú ñ
NORMAL_SIZE = ESC + b"!\x00"
DOUBLE_SIZE = ESC + b"!\x30"  # double width and double height
DOUBLE_HEIGHT = ESC + b"!\x10"
RULE_58 = b"-" * 32 + b"\n"  # 384 dots / 12-dot Font A = 32 columns
FEED_AND_CUT = ESC + b"d\x06" + GS + b"V\x00"


def qr_native(data: bytes, module_dots: int) -> bytes:
    """GS ( k: model 2, module size, error level Q ('2'), store data, print."""
    store = len(data) + 3
    return (
        GS + b"(k\x04\x001A2\x00"
        + GS + b"(k\x03\x001C" + bytes([module_dots])
        + GS + b"(k\x03\x001E2"
        + GS + b"(k" + bytes([store & 0xFF, store >> 8]) + b"1P0" + data
        + GS + b"(k\x03\x001Q0"
    )  # fmt: skip


SMALL = SlipContent(
    language=Language.ES,
    institution="",
    title="Confirmación",
    code="A-1",
    day="lunes 1",
    time="09:30",
    zone="",
    agency="Agencia",
    address="Calle 1",
    fields=(("Trámite", "Clave"),),
    arrive="Llegue antes.",
    scan_hint="Escanee",
    requirements_title="Lleve",
    requirements=(RequirementLine("Cédula"),),
    signature="Firma a mano.",
    no_cost="Sin costo.",
    emailed="Enviado a m@x",
    contact_label="Tel",
    contact_phone="593 2",
    issued="Emitido",
    token="TRN1:AB",
)


def test_job_is_exactly_these_bytes() -> None:
    expected = b"".join([
        INIT,
        BOLD_OFF, CENTER, BOLD_ON, CENTER, CP437, b"Confirmaci\xa2n\n",
        NORMAL_SIZE, NORMAL_SIZE, DOUBLE_SIZE, BOLD_ON, CENTER, b"A-1\n",
        NORMAL_SIZE, NORMAL_SIZE, NORMAL_SIZE, BOLD_ON, CENTER, b"lunes 1\n",
        NORMAL_SIZE, NORMAL_SIZE, DOUBLE_HEIGHT, BOLD_ON, CENTER, b"09:30\n",
        NORMAL_SIZE, NORMAL_SIZE, NORMAL_SIZE, BOLD_OFF, CENTER,
        BOLD_OFF, LEFT, RULE_58,
        BOLD_ON, LEFT, b"Agencia\n",
        BOLD_OFF, LEFT, b"Calle 1\n", b"Tr\xa0mite: Clave\n",
        BOLD_ON, LEFT, b"Llegue antes.\n",
        BOLD_OFF, CENTER,
        qr_native(b"TRN1:AB", 8), b"\n",  # a tiny code: capped at 8 dots per module
        b"Escanee\n",
        BOLD_OFF, LEFT, RULE_58,
        BOLD_ON, LEFT, b"Lleve:\n",
        BOLD_OFF, LEFT, b"[ ] C\x82dula\n",
        BOLD_ON, LEFT, b"Firma a mano.\n",
        BOLD_OFF, LEFT, b"Sin costo.\n", b"Enviado a m@x\n",
        RULE_58,
        b"Tel: 593 2\n",
        b"Emitido\n",
        FEED_AND_CUT,
    ])  # fmt: skip
    assert compose_escpos(SMALL, Paper.ROLL_58, qr_mode=QrMode.NATIVE) == expected


def test_real_slip_wraps_to_the_head_and_masks_with_ascii() -> None:
    content = build_content(sample_slip(Language.ES))
    job = compose_escpos(content, Paper.ROLL_80, qr_mode=QrMode.NATIVE, profile="TM-T20II")
    assert head_dots(Paper.ROLL_80, 203) == 576
    text_lines = [re.sub(rb"\x1b[Eta!].", b"", line) for line in job.split(b"\n") if GS not in line]
    assert max(len(line) for line in text_lines) == 48  # wrapped to Font A's 48 columns
    assert b"17******65" in job
    assert b"[ ] Si es artesano calificado:" in job  # the short list, as on the PDF
    assert b"ventanilla universal" not in job  # the details went by email
    assert "•".encode() not in job
    assert qr_native(content.token.encode(), 5)[:-5] in job  # Q level, 5 dots for 256 chars
    assert job.endswith(FEED_AND_CUT)


def _raster_images(job: bytes) -> list[Image.Image]:
    """Decode GS v 0 raster images back into pictures."""
    images = []
    start = 0
    while (i := job.find(GS + b"v0", start)) != -1:
        width_bytes = job[i + 4] | job[i + 5] << 8
        height = job[i + 6] | job[i + 7] << 8
        data = job[i + 8 : i + 8 + width_bytes * height]
        image = Image.frombytes("1", (width_bytes * 8, height), data)
        images.append(Image.eval(image.convert("L"), lambda v: 255 - v))  # 1 = ink in ESC/POS
        start = i + 8 + width_bytes * height
    return images


@pytest.mark.parametrize("paper", [Paper.ROLL_80, Paper.ROLL_58])
def test_raster_qr_in_the_job_scans_back_to_the_token(paper: Paper) -> None:
    content = build_content(sample_slip(Language.EN))
    job = compose_escpos(content, paper, qr_mode=QrMode.IMAGE)
    images = _raster_images(job)
    assert len(images) == 1
    framed = Image.new("L", (images[0].width + 40, images[0].height + 40), 255)
    framed.paste(images[0], (20, 20))
    assert [b.text for b in read_qr(framed)] == [content.token]
    assert images[0].width == min(head_dots(paper, 203), 512)  # TM-T88V: a 512-dot head


def test_sheets_are_refused() -> None:
    with pytest.raises(ValueError, match="roll paper"):
        compose_escpos(SMALL, Paper.A4)


@pytest.mark.parametrize(
    ("printer", "offline", "paper", "expected"),
    [
        (0x12, 0x12, 0x12, PrinterStatus.ok()),
        (0x16, 0x12, 0x1E, PrinterStatus.ok(paper_low=True, detail="paper near end")),
        (0x1A, 0x32, 0x72, PrinterStatus.failed(PrinterProblem.PAPER_OUT, "paper end")),
        (0x1A, 0x16, 0x12, PrinterStatus.failed(PrinterProblem.COVER_OPEN, "cover open")),
        (0x1A, 0x52, 0x12, PrinterStatus.failed(PrinterProblem.ERROR, "printer error")),
        (0x1A, 0x12, 0x12, PrinterStatus.failed(PrinterProblem.OFFLINE, "printer offline")),
    ],
)
def test_parse_status(printer: int, offline: int, paper: int, expected: PrinterStatus) -> None:
    assert parse_status(printer, offline, paper) == expected


def test_parse_status_rejects_noise() -> None:
    status = parse_status(0xFF, 0x12, 0x12)
    assert status.problem is PrinterProblem.ERROR
    assert not status.ready


def _printer(fake: FakeEscposPrinter, qr_mode: QrMode = QrMode.IMAGE) -> EscposPrinter:
    return EscposPrinter(
        network_connect(fake.host, fake.port, "TM-T88V", 1.0),
        qr_mode=qr_mode,
        where=f"{fake.host}:{fake.port}",
    )


def test_status_over_tcp_ready(escpos_printer: FakeEscposPrinter) -> None:
    assert _printer(escpos_printer).status() == PrinterStatus.ok()


@pytest.mark.parametrize(
    ("answers", "problem", "paper_low"),
    [
        ({1: b"\x1a", 2: b"\x32", 4: b"\x7e"}, PrinterProblem.PAPER_OUT, True),
        ({1: b"\x1a", 2: b"\x16", 4: b"\x12"}, PrinterProblem.COVER_OPEN, False),
        ({1: b"\x1a", 2: b"\x12", 4: b"\x12"}, PrinterProblem.OFFLINE, False),
    ],
)
def test_status_over_tcp_problems(
    escpos_printer: FakeEscposPrinter,
    answers: dict[int, bytes],
    problem: PrinterProblem,
    paper_low: bool,
) -> None:
    escpos_printer.status = answers
    status = _printer(escpos_printer).status()
    assert (status.ready, status.problem, status.paper_low) == (False, problem, paper_low)


def test_status_when_the_printer_does_not_answer(escpos_printer: FakeEscposPrinter) -> None:
    escpos_printer.answer = False
    status = _printer(escpos_printer).status()
    assert (status.ready, status.problem) == (False, PrinterProblem.OFFLINE)


def test_status_when_nothing_listens() -> None:
    port = free_port()
    printer = EscposPrinter(network_connect("127.0.0.1", port, "TM-T88V", 1.0))
    status = printer.status()
    assert (status.ready, status.problem) == (False, PrinterProblem.NOT_FOUND)
    with pytest.raises(PrintError) as caught:
        printer.print_content(SMALL, Paper.ROLL_80)
    assert caught.value.reason is PrinterProblem.NOT_FOUND


@pytest.mark.parametrize("qr_mode", list(QrMode))
def test_printed_job_reaches_the_printer_unchanged(
    escpos_printer: FakeEscposPrinter, qr_mode: QrMode
) -> None:
    printer = _printer(escpos_printer, qr_mode)
    content = build_content(sample_slip(Language.ES))
    printer.print_content(content, Paper.ROLL_80)
    expected = printer.job_for(content, Paper.ROLL_80)
    wait_for(lambda: len(escpos_printer.data()) >= len(expected), what="the job")
    assert escpos_printer.data() == expected


def test_pdf_fallback_prints_the_rasterised_slip(escpos_printer: FakeEscposPrinter) -> None:
    from kiosk.printing.slip import render_slip

    data = sample_slip(Language.ES)
    _printer(escpos_printer).print_pdf(render_slip(data, Paper.ROLL_58), Paper.ROLL_58)
    wait_for(lambda: escpos_printer.data().endswith(FEED_AND_CUT), what="the job")
    # python-escpos sends a tall image in fragments of 960 rows: stack them again.
    parts = _raster_images(escpos_printer.data())
    page = Image.new("L", (parts[0].width, sum(p.height for p in parts)), 255)
    y = 0
    for part in parts:
        page.paste(part, (0, y))
        y += part.height
    assert page.width <= head_dots(Paper.ROLL_58, 203)
    assert [b.text for b in read_qr(page)] == [data.token]
