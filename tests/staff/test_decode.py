"""The counter app's QR reading (kiosk/staff/decode.py): pictures, PDFs, bytes, and what it
refuses: files that are not pictures, damaged ones, too large ones, none with a QR code."""

from __future__ import annotations

import io
import logging
import struct
import warnings
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kiosk.domain.qr_matrix import encode_qr
from kiosk.printing.content import SlipData
from kiosk.printing.paper import Paper, mm_to_points
from kiosk.printing.qr import qr_image
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from kiosk.staff import decode
from kiosk.staff.decode import (
    MAX_FILE_BYTES,
    MAX_PAGES,
    DecodeError,
    DecodeProblem,
    decode_bytes,
    decode_file,
    decode_image,
    find_token,
)
from tests.printing.raster import rasterise
from tests.staff.images import photographed
from turnos.services.confirmation import qr_png


@pytest.fixture(scope="module")
def slip() -> SlipData:
    """A kiosk's slip with a genuine token (signed by a key made for it)."""
    return sample_slip(institution="Instituto Ecuatoriano de Seguridad Social")


@pytest.fixture(scope="module")
def token(slip: SlipData) -> str:
    assert slip.token.startswith("TRN1:")
    return slip.token


def refused(reason: DecodeProblem, call: Callable[..., object], *args: object) -> DecodeError:
    with pytest.raises(DecodeError) as caught:
        call(*args)
    assert caught.value.reason is reason, caught.value
    return caught.value


def qr_picture(text: str, module: int = 6) -> Image.Image:
    """The token's symbol, as the slip and the email draw it (quiet zone included)."""
    return qr_image(encode_qr(text), module).convert("L")


def pdf_of_pages(pages: list[Image.Image | None], size_mm: tuple[float, float]) -> bytes:
    """A PDF with one page per entry: a picture drawn 50 mm wide, or a line of text."""
    out = io.BytesIO()
    width, height = (mm_to_points(v) for v in size_mm)
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    for number, picture in enumerate(pages, start=1):
        canvas.drawString(20, height - 30, f"Página {number}: su turno fue reservado.")
        if picture is not None:
            side = mm_to_points(50)
            canvas.drawImage(ImageReader(picture), (width - side) / 2, 20, side, side)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be `width` × `height` (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


# --- what reads ------------------------------------------------------------------------------


def test_the_emails_png_from_a_file_and_from_memory(tmp_path: Path, token: str) -> None:
    png = qr_png(token)  # the picture the confirmation email carries
    path = tmp_path / "turno-qr.png"
    path.write_bytes(png)
    assert decode_file(path) == [token]
    assert decode_bytes(png, "turno-qr.png") == [token]
    assert decode_bytes(png) == [token]  # dropped with no name
    assert find_token(decode_bytes(png)) == token


def test_a_jpeg_photo_of_a_printed_slip(tmp_path: Path, slip: SlipData, token: str) -> None:
    raster = rasterise(render_slip(slip, Paper.ROLL_80), mono=True)
    path = tmp_path / "IMG_2041.jpg"
    photographed(raster, angle=-5, perspective=0.1, blur=0.8).save(path, "JPEG", quality=80)
    with Image.open(path) as check:
        assert check.format == "JPEG"
    assert decode_file(path) == [token]


@pytest.mark.parametrize("paper", list(Paper))
def test_the_kiosks_slip_pdf_on_every_paper(
    tmp_path: Path, slip: SlipData, token: str, paper: Paper
) -> None:
    pdf = render_slip(slip, paper)
    path = tmp_path / f"slip-{paper.value}.pdf"
    path.write_bytes(pdf)
    assert decode_file(path) == [token]
    assert decode_bytes(pdf) == [token]  # recognised by its content, not by a name


def test_a_pdf_whose_qr_is_on_page_two(tmp_path: Path, token: str) -> None:
    """A confirmation email printed to PDF: the text first, the QR on the next page."""
    path = tmp_path / "correo.pdf"
    path.write_bytes(pdf_of_pages([None, qr_picture(token)], (210, 297)))
    assert decode_file(path) == [token]


def test_only_the_first_pages_of_a_long_pdf_are_looked_at(token: str) -> None:
    qr = qr_picture(token)
    on_last = [None] * (MAX_PAGES - 1) + [qr]
    assert decode_bytes(pdf_of_pages(on_last, (80, 80))) == [token]
    beyond = [None] * MAX_PAGES + [qr]
    error = refused(DecodeProblem.NO_QR, decode_bytes, pdf_of_pages(beyond, (80, 80)))
    assert f"first {MAX_PAGES} pages" in str(error)


def test_a_huge_pdf_page_is_rendered_smaller(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    """A poster-sized page is not rendered at 300 dpi into gigabytes."""
    sizes: list[tuple[int, int]] = []
    real = decode.decode_image

    def spy(image: Image.Image) -> list[str]:
        sizes.append(image.size)
        return real(image)

    monkeypatch.setattr(decode, "decode_image", spy)
    monkeypatch.setattr(decode, "MAX_PAGE_PIXELS", 1_500_000)
    # 297 × 297 mm at 300 dpi would be 12 megapixels.
    assert decode_bytes(pdf_of_pages([qr_picture(token)], (297, 297))) == [token]
    ((width, height),) = sizes
    assert width == height == pytest.approx(1225, abs=2)  # about 105 dpi: 1.5 megapixels


def test_pictures_with_transparency_16_bit_depth_or_several_frames(token: str) -> None:
    qr = qr_picture(token)
    # Dark modules on a transparent background: flattened on white, not on black.
    clear = Image.new("RGBA", qr.size, (0, 0, 0, 0))
    clear.putalpha(qr.point(lambda v: 255 - v))
    out = io.BytesIO()
    clear.save(out, "PNG")
    assert decode_bytes(out.getvalue(), "qr.png") == [token]
    # 16-bit grey, as some scanners save.
    deep = qr.convert("I").point(lambda v: v * 257).convert("I;16")
    out = io.BytesIO()
    deep.save(out, "PNG")
    assert Image.open(io.BytesIO(out.getvalue())).mode.startswith("I")
    assert decode_bytes(out.getvalue()) == [token]
    # A scanner's multi-page TIFF with the slip on its second page.
    blank = Image.new("L", qr.size, 255)
    out = io.BytesIO()
    blank.save(out, "TIFF", save_all=True, append_images=[qr])
    assert decode_bytes(out.getvalue(), "scan.tif") == [token]


def test_several_codes_come_in_reading_order() -> None:
    """Rows top to bottom, each left to right, even when a code sits a little lower than
    its neighbour in the same row."""
    texts = ["ROW1-LEFT", "ROW1-RIGHT", "ROW2-LEFT", "ROW2-RIGHT"]
    codes = [qr_picture(text, 5) for text in texts]
    side = codes[0].width
    sheet = Image.new("L", (3 * side, 3 * side), 255)
    sheet.paste(codes[1], (2 * side, 0))  # the right one a little higher than the left one
    sheet.paste(codes[0], (0, side // 5))
    sheet.paste(codes[3], (int(1.6 * side), int(1.6 * side)))
    sheet.paste(codes[2], (0, int(1.8 * side)))
    assert decode_image(sheet) == texts
    assert decode_image(sheet.convert("RGB")) == texts
    assert decode_image(sheet.convert("1")) == texts


# --- what is refused -------------------------------------------------------------------------


def test_files_that_are_not_pictures(tmp_path: Path) -> None:
    text = tmp_path / "turno.txt"
    text.write_text("Su turno: CP-042\n")
    for path in (text, tmp_path / "empty.png"):
        path.touch()
        error = refused(DecodeProblem.NOT_AN_IMAGE, decode_file, path)
        assert "PDF" in str(error)
    # Pillow would run Ghostscript on an EPS file: it is not opened at all.
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    refused(DecodeProblem.NOT_AN_IMAGE, decode_bytes, eps, "qr.eps")


def test_files_that_cannot_be_read(tmp_path: Path, token: str) -> None:
    refused(DecodeProblem.UNREADABLE_FILE, decode_file, tmp_path / "missing.png")
    refused(DecodeProblem.UNREADABLE_FILE, decode_file, tmp_path)  # a folder
    png = qr_png(token)
    refused(DecodeProblem.UNREADABLE_FILE, decode_bytes, png[: len(png) // 2], "cut.png")
    pdf = render_slip(sample_slip(), Paper.ROLL_58)
    refused(DecodeProblem.UNREADABLE_FILE, decode_bytes, b"%PDF-1.7\nnot a PDF at all\n")
    refused(DecodeProblem.UNREADABLE_FILE, decode_bytes, pdf[:200], "cut.pdf")
    # Named a PDF, but neither a PDF nor a picture: a damaged PDF, for the clerk.
    error = refused(DecodeProblem.UNREADABLE_FILE, decode_bytes, b"\0" * 64, "turno.pdf")
    assert "PDF" in str(error)


def test_pictures_and_pdfs_without_a_qr(tmp_path: Path) -> None:
    picture = Image.new("RGB", (640, 480), "white")
    ImageDraw.Draw(picture).text((40, 200), "Confirmación del Turno CP-042", fill="black")
    assert decode_image(picture) == []  # a webcam frame with nothing in it
    path = tmp_path / "foto.png"
    picture.save(path)
    error = refused(DecodeProblem.NO_QR, decode_file, path)
    assert str(error) == "No QR code was found in the picture."
    refused(DecodeProblem.NO_QR, decode_bytes, pdf_of_pages([None, None], (210, 297)))


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written
    error = refused(DecodeProblem.TOO_LARGE, decode_file, path)
    assert str(error) == "The file is larger than 20 MB."
    refused(DecodeProblem.TOO_LARGE, decode_bytes, bytes(MAX_FILE_BYTES + 1))


def test_decompression_bombs_are_refused_whatever_the_warning_filters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the app may run with warnings silenced
        # Over twice Pillow's limit it raises; between once and twice it only warns.
        for side in (30_000, 10_000):
            refused(DecodeProblem.TOO_LARGE, decode_bytes, png_header(side, side), "qr.png")
        # Still refused when something in the process turned Pillow's guard off.
        monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
        refused(DecodeProblem.TOO_LARGE, decode_bytes, png_header(10_000, 10_000))
    monkeypatch.setattr(decode, "MAX_PIXELS", 100)
    refused(DecodeProblem.TOO_LARGE, decode_image, Image.new("L", (11, 10)))


def test_nothing_of_the_qr_reaches_the_log(
    caplog: pytest.LogCaptureFixture, tmp_path: Path, slip: SlipData, token: str
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "slip.pdf"
    path.write_bytes(render_slip(slip, Paper.A4))
    assert decode_file(path) == [token]
    assert token[5:25] not in caplog.text


# --- finding the token -----------------------------------------------------------------------


def test_find_token_takes_the_first_token_among_other_codes(token: str) -> None:
    assert find_token(["https://www.iess.gob.ec", token, "TRN1:OTHER"]) == token

    def scanned() -> Iterator[str]:
        yield "WIFI:S:Agencia;;"
        yield token

    assert find_token(scanned()) == token
    assert find_token(["https://www.iess.gob.ec", "trn1:lowercase"]) is None
    assert find_token([]) is None


def test_find_token_drops_a_final_line_break_and_keeps_every_space() -> None:
    """docs/token.md: spaces belong to the token; a reader may only drop a final CR/LF. A
    token with a space added is a changed token, which the verifier must get to refuse."""
    assert find_token(["TRN1:AB C\r\n"]) == "TRN1:AB C"
    assert find_token(["TRN1:AB C\n"]) == "TRN1:AB C"
    assert find_token(["TRN1:AB C "]) == "TRN1:AB C "
    assert find_token([" TRN1:AB C"]) is None
