"""`kiosk print-test` through `run_print_test`, with each back end the settings can name."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.printing.factory import printer_from_settings
from kiosk.printing.file_printer import FilePrinter
from kiosk.printing.testprint import run_print_test
from tests.printing.conftest import CupsServer, FakeEscposPrinter, wait_for
from tests.printing.raster import pdf_page_size, pdf_text, rasterise, read_qr


# Stand-ins for KioskSettings sections (kiosk/config.py) with the contract's fields.
@dataclass(frozen=True)
class PrinterSection:
    backend: str = "file"
    queue: str | None = None
    paper: str = "80mm"
    dpi: int = 203
    output_dir: Path | None = None
    escpos_host: str | None = None
    escpos_port: int = 9100
    escpos_usb_vendor: int | None = None
    escpos_usb_product: int | None = None
    escpos_profile: str = "TM-T88V"
    escpos_qr: str = "image"


@dataclass(frozen=True)
class KioskSection:
    id: str = "KIOSK-TEST-07"
    contact_phone: str = "593 23945666"


@dataclass(frozen=True)
class BrandingSection:
    name: str = "Instituto Ecuatoriano de Seguridad Social"


@dataclass(frozen=True)
class Settings:
    printer: PrinterSection = field(default_factory=PrinterSection)
    kiosk: KioskSection = field(default_factory=KioskSection)
    branding: BrandingSection = field(default_factory=BrandingSection)


def test_out_file_is_a_scannable_slip_in_the_chosen_size_and_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sample.pdf"
    assert run_print_test(Settings(), "a4", "en", out) == 0
    pdf = out.read_bytes()
    assert pdf_page_size(pdf) == pytest.approx((595.3, 841.9), abs=0.5)
    text = " ".join(pdf_text(pdf).split())
    assert "Appointment Confirmation" in text
    assert "KIOSK-TEST-07" in text
    (barcode,) = read_qr(rasterise(pdf, mono=True))
    assert barcode.text.startswith("TRN1:")
    assert capsys.readouterr().out.split() == [
        "print-test:", "sample", "slip", "(a4,", "en)", "written", "to", str(out)
    ]  # fmt: skip


def test_a_relative_out_file_is_named_by_its_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_print_test(Settings(), "80mm", "es", Path("slip.pdf")) == 0
    assert capsys.readouterr().out.split()[-1] == str(tmp_path / "slip.pdf")
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")


def test_file_backend_names_the_file_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative output_dir, as a config file may give
    settings = Settings(PrinterSection(output_dir=Path("slips"), paper="58mm"))
    assert run_print_test(settings, None, "es", None) == 0
    (written,) = (tmp_path / "slips").glob("slip-*-58mm.pdf")
    assert "Confirmación del Turno" in " ".join(pdf_text(written.read_bytes()).split())
    line = capsys.readouterr().out.strip()
    assert line == f"print-test: sample slip (58mm, es) written to {written}"


def test_bad_paper_or_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_print_test(Settings(), "legal", "es", None) == 2
    assert run_print_test(Settings(), None, "fr", None) == 2
    assert "legal" in capsys.readouterr().err


def test_incomplete_printer_settings_name_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_print_test(Settings(PrinterSection(backend="cups")), None, "es", None) == 2
    assert "printer.queue" in capsys.readouterr().err
    assert run_print_test(Settings(PrinterSection(backend="escpos")), None, "es", None) == 2
    assert "printer.escpos_host" in capsys.readouterr().err


def test_escpos_printer_out_of_paper_is_reported_and_nothing_sent(
    escpos_printer: FakeEscposPrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    escpos_printer.status = {1: b"\x1a", 2: b"\x32", 4: b"\x72"}
    section = PrinterSection(
        backend="escpos", escpos_host=escpos_printer.host, escpos_port=escpos_printer.port
    )
    assert run_print_test(Settings(section), None, "es", None) == 3
    assert "paper_out" in capsys.readouterr().err
    assert escpos_printer.data() == b""


def test_escpos_printer_ready_gets_the_job(escpos_printer: FakeEscposPrinter) -> None:
    section = PrinterSection(
        backend="escpos",
        escpos_host=escpos_printer.host,
        escpos_port=escpos_printer.port,
        escpos_qr="native",
    )
    assert run_print_test(Settings(section), None, "es", None) == 0
    wait_for(lambda: escpos_printer.data().endswith(b"\x1dV\x00"), what="the job")
    assert escpos_printer.data().startswith(b"\x1b@")
    assert b"KIOSK-TEST-07" in escpos_printer.data()


@pytest.mark.cups
def test_cups_backend_prints_the_sample(
    cups_server: CupsServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = cups_server.out_dir / "testprint.pdf"
    cups_server.add_pdf_queue("TESTPRINT", output)
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    assert (
        run_print_test(
            Settings(PrinterSection(backend="cups", queue="TESTPRINT")), "58mm", "es", None
        )
        == 0
    )
    wait_for(
        lambda: output.exists() and output.read_bytes().rstrip().endswith(b"%%EOF"), what="job"
    )
    width, _ = pdf_page_size(output.read_bytes())
    assert width == pytest.approx(58 / 25.4 * 72, abs=1.5)
    assert capsys.readouterr().out.strip().endswith("sent to CUPS queue TESTPRINT")


def test_factory_builds_the_file_printer_by_default() -> None:
    assert isinstance(printer_from_settings(PrinterSection()), FilePrinter)
    with pytest.raises(ValueError, match=r"printer\.backend"):
        printer_from_settings(PrinterSection(backend="fax"))
