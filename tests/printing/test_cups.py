"""The CUPS back end against a private cupsd: the job arrives as the slip at its page size."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.models import Language
from kiosk.printing.cups_printer import CupsPrinter, lp_command, parse_lpstat
from kiosk.printing.paper import Paper, mm_to_points
from kiosk.printing.printer import PrinterProblem, PrintError
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from tests.printing.conftest import CupsServer, free_port, wait_for
from tests.printing.raster import pdf_page_size, pdf_text, rasterise, read_qr

pytestmark = pytest.mark.cups


def test_lp_command_names_queue_and_exact_page_size() -> None:
    assert lp_command("THERMAL", Paper.ROLL_80, mm_to_points(150)) == [
        "lp", "-d", "THERMAL", "-o", "PageSize=Custom.80x150.0mm", "-t", "Turno", "--",
    ]  # fmt: skip
    assert lp_command("OFFICE", Paper.A4, 842)[4] == "PageSize=A4"
    assert lp_command("OFFICE", Paper.LETTER, 792)[4] == "PageSize=Letter"


@pytest.mark.parametrize(
    ("output", "problem", "paper_low"),
    [
        ("printer P is idle.  enabled since Fri\n\tAlerts: none\n", None, False),
        ("printer P is idle.  enabled since Fri\n\tAlerts: media-low-warning\n", None, True),
        ("printer P disabled since Fri -\n\treason unknown\n", PrinterProblem.QUEUE_STOPPED, False),
        ("printer P is idle.  enabled since\n\tAlerts: media-empty-error\n",
         PrinterProblem.PAPER_OUT, False),
        ("printer P is idle.  enabled since\n\tAlerts: door-open-warning media-low\n",
         PrinterProblem.COVER_OPEN, True),
        ("printer P now printing P-3.\n\tAlerts: offline-report\n", None, False),
        ("printer P is idle.\n\tAlerts: offline-error\n", PrinterProblem.OFFLINE, False),
    ],
)  # fmt: skip
def test_parse_lpstat(output: str, problem: PrinterProblem | None, paper_low: bool) -> None:
    status = parse_lpstat("P", 0, output)
    assert (status.ready, status.problem, status.paper_low) == (problem is None, problem, paper_low)


def _wait_for_pdf(path: Path) -> bytes:
    wait_for(
        lambda: path.exists() and path.read_bytes().rstrip().endswith(b"%%EOF"), what=str(path)
    )
    return path.read_bytes()


@pytest.mark.parametrize(
    ("paper", "lang"), [(Paper.ROLL_80, Language.ES), (Paper.ROLL_58, Language.EN),
                        (Paper.A4, Language.ES), (Paper.LETTER, Language.EN)],
)  # fmt: skip
def test_job_reaches_the_queue_as_the_slip_at_its_page_size(
    cups_server: CupsServer, paper: Paper, lang: Language
) -> None:
    queue = f"SLIP_{paper.name}_{lang.name}"
    output = cups_server.out_dir / f"{queue}.pdf"
    cups_server.add_pdf_queue(queue, output)
    printer = CupsPrinter(queue, server=cups_server.server)
    assert printer.status().ready
    data = sample_slip(lang)
    slip = render_slip(data, paper)
    printer.print_pdf(slip, paper)
    printed = _wait_for_pdf(output)
    width, height = pdf_page_size(printed)
    expected_w, expected_h = pdf_page_size(slip)
    assert width == pytest.approx(expected_w, abs=1.5)  # CUPS rounds custom sizes to 0.1 mm
    assert height == pytest.approx(expected_h, abs=1.5)
    title = "Confirmación del Turno" if lang == Language.ES else "Appointment Confirmation"
    assert title in " ".join(pdf_text(printed).split())
    assert [b.text for b in read_qr(rasterise(printed, mono=True))] == [data.token]


def test_status_of_a_disabled_queue_and_a_missing_one(cups_server: CupsServer) -> None:
    cups_server.add_pdf_queue("STOPPED", cups_server.out_dir / "stopped.pdf")
    done = cups_server.run("cupsdisable", "-r", "paper jam", "STOPPED")
    assert done.returncode == 0, done.stderr
    status = CupsPrinter("STOPPED", server=cups_server.server).status()
    assert (status.ready, status.problem) == (False, PrinterProblem.QUEUE_STOPPED)
    missing = CupsPrinter("NO_SUCH_QUEUE", server=cups_server.server).status()
    assert (missing.ready, missing.problem) == (False, PrinterProblem.NOT_FOUND)
    with pytest.raises(PrintError) as caught:
        CupsPrinter("NO_SUCH_QUEUE", server=cups_server.server).print_pdf(
            render_slip(sample_slip(), Paper.ROLL_80), Paper.ROLL_80
        )
    assert caught.value.reason is PrinterProblem.NOT_FOUND


def test_status_when_no_server_answers() -> None:
    status = CupsPrinter("ANY", server=f"127.0.0.1:{free_port()}").status()
    assert not status.ready
    assert status.problem in (PrinterProblem.OFFLINE, PrinterProblem.NOT_FOUND)
