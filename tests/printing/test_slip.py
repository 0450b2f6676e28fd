"""The PDF slip: page sizes, wording, fonts, text sizes and a QR that scans back to the token."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.domain.models import Language
from kiosk.domain.qr_matrix import encode_qr
from kiosk.printing.content import SlipData
from kiosk.printing.paper import Paper, mm_to_points
from kiosk.printing.sample import DEMO_GALAPAGOS_AGENCY, sample_slip
from kiosk.printing.slip import render_slip
from tests.printing.raster import (
    pdf_page_size,
    pdf_pages,
    pdf_text,
    pdf_text_sizes,
    rasterise,
    read_qr,
    threshold,
)

CASES = [(paper, lang) for paper in Paper for lang in Language]


@pytest.fixture(scope="module")
def slips() -> dict[Language, SlipData]:
    return {
        lang: sample_slip(lang, institution="Instituto Ecuatoriano de Seguridad Social")
        for lang in Language
    }


def _words(pdf: bytes) -> str:
    """The slip's text in reading order, every run of white space (no-break too) one space."""
    return " ".join(pdf_text(pdf).split())


@pytest.fixture(scope="module")
def slip_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every size and language as PDF and PNG, kept for people to look at (pytest keeps the
    last few runs' temporary folders; the path is in the test's output on failure)."""
    return tmp_path_factory.mktemp("slips")


@pytest.mark.parametrize(("paper", "lang"), CASES)
def test_qr_scans_back_to_the_token_at_203_dpi_also_as_1_bit(
    slips: dict[Language, SlipData], slip_dir: Path, paper: Paper, lang: Language
) -> None:
    pdf = render_slip(slips[lang], paper)
    (slip_dir / f"{paper.value}-{lang.value}.pdf").write_bytes(pdf)
    gray = rasterise(pdf)
    gray.save(slip_dir / f"{paper.value}-{lang.value}.png")
    for image in (gray, threshold(gray), rasterise(pdf, mono=True)):
        found = read_qr(image)
        assert [b.text for b in found] == [slips[lang].token]
        assert found[0].ec_level == "Q"


@pytest.mark.parametrize("paper", list(Paper))
def test_qr_modules_are_whole_dots_of_at_least_four(
    slips: dict[Language, SlipData], paper: Paper
) -> None:
    image = rasterise(render_slip(slips[Language.ES], paper), mono=True)
    (barcode,) = read_qr(image)
    modules = encode_qr(barcode.text).size - 8  # the symbol without its quiet zone
    # A row a little below the top edge of the finder patterns: every run of ink or paper
    # along it must be a whole number of modules, each module a whole number of dots.
    y = barcode.position.top_left.y + 2
    x = barcode.position.top_left.x + 2
    while not image.getpixel((x - 1, y)):  # back to the symbol's left edge
        x -= 1
    left = x
    runs: list[int] = []
    colour, length = image.getpixel((x, y)), 0
    for x in range(left, image.width):
        pixel = image.getpixel((x, y))
        if pixel != colour:
            runs.append(length)
            colour, length = pixel, 0
        length += 1
    finder = runs[0]
    assert finder % 7 == 0, "the finder is not 7 whole modules"
    dots = finder // 7
    assert dots >= 4
    symbol_runs = []
    for run in runs:
        symbol_runs.append(run)
        if sum(symbol_runs) >= modules * dots:
            break
    assert sum(symbol_runs) == modules * dots
    assert all(run % dots == 0 for run in symbol_runs), symbol_runs
    # The quiet zone, 4 modules wide, is blank paper.
    assert all(image.getpixel((x, y)) for x in range(left - 4 * dots, left))


@pytest.mark.parametrize(("paper", "lang"), CASES)
def test_page_size_matches_the_paper(
    slips: dict[Language, SlipData], paper: Paper, lang: Language
) -> None:
    pdf = render_slip(slips[lang], paper)
    assert pdf_pages(pdf) == 1  # the whole slip on one page, the issue stamp included
    assert "KIOSK-DEMO-01" in pdf_text(pdf)
    width, height = pdf_page_size(pdf)
    assert width == pytest.approx(mm_to_points(paper.spec.width_mm), abs=0.5)
    if paper.spec.height_mm is not None:
        assert height == pytest.approx(mm_to_points(paper.spec.height_mm), abs=0.5)
    else:
        assert mm_to_points(120) < height < mm_to_points(600)  # a slip, not a sheet


def test_spanish_slip_says_everything_in_spanish(slips: dict[Language, SlipData]) -> None:
    text = _words(render_slip(slips[Language.ES], Paper.ROLL_80))
    for expected in (
        "Confirmación del Turno",
        "Confirmación del Turno CP-042",
        "lunes 30 de noviembre de 2026 09:30",
        "Centro de Atención DEMO Quito Norte",
        "Av. de los Shyris y Naciones Unidas (DEMO), Quito",
        "Trámite: Generación de clave patronal de acceso al portal IESS",
        "Nombre: M•••• P•••• (DEMO)",
        "Cédula: 17••••••65",
        "Preséntese 10 minutos antes con su cédula original.",
        "Lleve a su cita:",
        "☐ Solicitud de entrega de clave",
        "☐ Acuerdo de Responsabilidad y Uso de la información",
        "☐ Si es artesano calificado: Calificación Artesanal",
        "Firma a mano, no electrónica.",
        "El trámite no tiene costo.",
        "Detalles enviados a m•••@example.com",
        "Atención ciudadana: 593 23945666",
        "en el quiosco KIOSK-DEMO-01",
    ):
        assert expected in text
    assert "hora de" not in text  # mainland agencies do not name the zone
    # The details are in the email: none of them on paper, nor the foreigners' documents.
    for absent in ("Contraseña", "ventanilla universal", "Pasaporte", "Visa", "extranjeros"):
        assert absent not in text


def test_english_slip_says_everything_in_english(slips: dict[Language, SlipData]) -> None:
    text = _words(render_slip(slips[Language.EN], Paper.A4))
    for expected in (
        "Appointment Confirmation",
        "Appointment Confirmation CP-042",
        "Monday 30 November 2026 09:30",
        # Addresses are proper names: never translated.
        "Av. de los Shyris y Naciones Unidas (DEMO), Quito",
        "Please arrive 10 minutes early with your original identity card (cédula).",
        "Bring to your appointment:",
        "☐ If you are a qualified artisan: Artisan qualification",
        "Sign by hand, not electronically.",
        "This procedure is free of charge.",
        "Details sent to m•••@example.com",
        "Procedure: Employer password for the IESS portal",
        "at kiosk KIOSK-DEMO-01",
    ):
        assert expected in text
    assert "Confirmación" not in text


def test_galapagos_slip_names_the_time_zone() -> None:
    data = sample_slip(Language.ES, agency=DEMO_GALAPAGOS_AGENCY)
    text = _words(render_slip(data, Paper.ROLL_58))
    assert "lunes 30 de noviembre de 2026 09:30 hora de Galápagos, UTC−6" in text


def test_fonts_are_embedded_and_nothing_else_is_referenced(
    slips: dict[Language, SlipData],
) -> None:
    done = subprocess.run(
        ["pdffonts", "-"], input=render_slip(slips[Language.ES], Paper.ROLL_58),
        capture_output=True, check=True,
    )  # fmt: skip
    rows = done.stdout.decode().splitlines()[2:]
    assert len(rows) == 2
    for row in rows:
        assert "DejaVuSans" in row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, unicode map


@pytest.mark.parametrize("paper", list(Paper))
def test_text_is_large_enough_to_read(slips: dict[Language, SlipData], paper: Paper) -> None:
    # The size each run is drawn at, from the PDF's content streams (a word's box from
    # pdftotext is the font's ascent plus descent, 1.16 em in DejaVu: 7.8 pt text would pass).
    runs = pdf_text_sizes(render_slip(slips[Language.ES], paper))
    sizes = {text: size for size, text in runs}
    assert min(sizes.values()) >= 9.0
    assert sizes["CP-042"] >= 28.0


@pytest.mark.parametrize("paper", [Paper.ROLL_80, Paper.ROLL_58])
def test_nothing_is_drawn_outside_the_printable_width(
    slips: dict[Language, SlipData], paper: Paper
) -> None:
    image = rasterise(render_slip(slips[Language.ES], paper), mono=True)
    margin = round(paper.spec.side_margin_mm / 25.4 * 203) - 1
    for x in (*range(margin), *range(image.width - margin, image.width)):
        column = image.crop((x, 0, x + 1, image.height))
        assert column.getextrema() == (255, 255), f"ink in the unprintable margin at x={x}"


def test_a_long_turn_code_wraps_on_narrow_paper_at_28_pt() -> None:
    data = sample_slip(Language.ES)
    long_code = replace(data, booking=replace(data.booking, code="ABCDEFGHJK"))
    pdf = render_slip(long_code, Paper.ROLL_58)
    assert "ABCDEFGHJK" in "".join(pdf_text(pdf).split())
    assert [b.text for b in read_qr(rasterise(pdf))] == [data.token]


def test_same_slip_gives_the_same_bytes(slips: dict[Language, SlipData]) -> None:
    one = render_slip(slips[Language.ES], Paper.ROLL_80)
    assert render_slip(slips[Language.ES], Paper.ROLL_80) == one


def test_the_largest_token_fits_58mm_and_scans_as_1_bit() -> None:
    data = sample_slip(Language.ES)
    largest = replace(data, token="TRN1:" + "A1B2C3" * 47)  # 287 chars, the format's limit
    pdf = render_slip(largest, Paper.ROLL_58)
    assert [b.text for b in read_qr(rasterise(pdf, mono=True))] == [largest.token]
