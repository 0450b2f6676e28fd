"""Rasterise slips as a printer would and read their QR back."""

from __future__ import annotations

import io
import math
import subprocess

import zxingcpp
from PIL import Image
from pypdf import PdfReader


def rasterise(pdf: bytes, dpi: int = 203, *, mono: bool = False) -> Image.Image:
    mode = "-mono" if mono else "-gray"
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), mode, "-singlefile", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    image = Image.open(io.BytesIO(done.stdout))
    image.load()
    return image


def threshold(image: Image.Image, level: int = 128) -> Image.Image:
    """1-bit, as a thermal head prints: every dot either burnt or not."""
    return image.convert("L").point(lambda v: 255 if v >= level else 0).convert("1")


def read_qr(image: Image.Image) -> list[zxingcpp.Barcode]:
    return [
        b
        for b in zxingcpp.read_barcodes(image.convert("L"))
        if b.format == zxingcpp.BarcodeFormat.QRCode
    ]


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def pdf_pages(pdf: bytes) -> int:
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    for line in done.stdout.decode().splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def pdf_page_size(pdf: bytes) -> tuple[float, float]:
    """Width and height in points of the first page, as poppler reads them."""
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    for line in done.stdout.decode().splitlines():
        if line.startswith("Page size:"):
            parts = line.split()
            return float(parts[2]), float(parts[4])
    raise AssertionError("pdfinfo printed no page size")


def pdf_text_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """Every run of text on every page with the size it is drawn at, in points: the `Tf` size
    scaled by the text and graphics matrices (pypdf walks the content streams)."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        # The vertical scale of tm × cm: the length of its second row.
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        runs.append((round(size * math.hypot(c, d), 2), text.strip()))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def pdf_length_mm(pdf: bytes) -> float:
    """The first page's height in millimetres, as pypdf reads its MediaBox."""
    return float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height) / 72 * 25.4
