"""The slip as an ESC/POS job, composed from the slip content (pure: content -> bytes).

ESC/POS printers do not take PDF, and rasterising a whole slip sends ~100 KB over a slow link;
text in the printer's own font plus the QR is a few KB and prints at full speed. The layout
follows the PDF's order. python-escpos' Dummy printer collects the bytes.
"""

from __future__ import annotations

import textwrap
from enum import StrEnum
from typing import Any

from escpos.constants import QR_ECLEVEL_H, QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q
from escpos.printer import Dummy
from PIL import Image

from kiosk.domain.masking import ASCII_DOT, DOT
from kiosk.domain.qr_matrix import ERROR_LEVEL, encode_qr
from kiosk.printing.content import SlipContent
from kiosk.printing.paper import MM_PER_INCH, Paper
from kiosk.printing.qr import dots_per_module, qr_image

FONT_A_DOTS = 12  # Font A is 12 dots wide on every Epson-compatible head
# Code pages have no bullet or typographic minus; the masked data keeps its shape with these.
_ASCII_FALLBACK = str.maketrans({DOT: ASCII_DOT, "−": "-", "–": "-", "—": "-", "☐": "[ ]"})
# The printer's own encoder, told the level every token QR uses.
_NATIVE_LEVEL = {"L": QR_ECLEVEL_L, "M": QR_ECLEVEL_M, "Q": QR_ECLEVEL_Q, "H": QR_ECLEVEL_H}[
    ERROR_LEVEL
]


class QrMode(StrEnum):
    NATIVE = "native"  # the printer's GS ( k command: smallest job, needs firmware support
    IMAGE = "image"  # a raster image in whole dots: works on every printer


def head_dots(paper: Paper, dpi: int) -> int:
    """Printable dots across the head; heads come in multiples of 8 dots (576 at 72 mm/203)."""
    dots = paper.spec.printable_width_mm * dpi / MM_PER_INCH
    return round(dots / 8) * 8


def profile_dots(profile: Any) -> int:
    """The head width the printer profile declares (512 on a TM-T88V), or no limit."""
    try:
        return int(profile.profile_data["media"]["width"]["pixels"])
    except (KeyError, TypeError, ValueError):
        return 1 << 16


def printable(value: str) -> str:
    return value.translate(_ASCII_FALLBACK)


def _lines(p: Any, value: str, columns: int, indent: int = 0) -> None:
    pad = " " * indent
    wrapped = textwrap.wrap(
        printable(value),
        columns,
        initial_indent=pad,
        subsequent_indent=pad,
        break_on_hyphens=False,
    )
    for line in wrapped or [""]:
        p.textln(line)


def compose_escpos(
    content: SlipContent,
    paper: Paper,
    *,
    dpi: int = 203,
    profile: str = "TM-T88V",
    qr_mode: QrMode = QrMode.IMAGE,
) -> bytes:
    """The whole job: initialise, text, QR, feed and cut."""
    if not paper.is_roll:
        raise ValueError("ESC/POS printers take roll paper (80mm or 58mm)")
    p: Any = Dummy(profile=profile)
    dots = min(head_dots(paper, dpi), profile_dots(p.profile))
    columns = dots // FONT_A_DOTS
    p.hw("INIT")
    p.set(align="center", bold=False)
    if content.institution:
        _lines(p, content.institution, columns)
    p.set(align="center", bold=True)
    _lines(p, content.title, columns)
    # Double width and height: the largest size every printer has, about 30 pt.
    p.set(align="center", bold=True, double_width=True, double_height=True)
    _lines(p, content.code, columns // 2)
    p.set(align="center", bold=True, normal_textsize=True)
    _lines(p, content.day, columns)
    p.set(align="center", bold=True, double_height=True)
    _lines(p, content.time, columns)
    p.set(align="center", bold=False, normal_textsize=True)
    if content.zone:
        _lines(p, content.zone, columns)
    p.set(align="left", bold=False)
    p.textln("-" * columns)
    p.set(align="left", bold=True)
    _lines(p, content.agency, columns)
    p.set(align="left", bold=False)
    _lines(p, content.address, columns)
    for label, value in content.fields:
        _lines(p, f"{label}: {value}", columns)
    p.set(align="left", bold=True)
    _lines(p, content.arrive, columns)
    p.set(align="center", bold=False)
    code = encode_qr(content.token)
    module = dots_per_module(code, dots, dots * 3 // 5)
    if qr_mode == QrMode.NATIVE:
        # The printer adds its own 4-module quiet zone; size is dots per module.
        p.qr(content.token, ec=_NATIVE_LEVEL, size=module, native=True)
        p.ln()  # the symbol does not end the line; the hint goes below it
    else:
        # Centred by padding to the head width ourselves: python-escpos centres on the
        # profile's media width, which is the wrong one for 58 mm paper in an 80 mm profile.
        image = qr_image(code, module)
        row = Image.new("1", (dots, image.height), 1)
        row.paste(image, ((dots - image.width) // 2, 0))
        p.image(row, center=False)
    _lines(p, content.scan_hint, columns)
    p.set(align="left", bold=False)
    p.textln("-" * columns)
    if content.requirements:
        p.set(align="left", bold=True)
        _lines(p, content.requirements_title + ":", columns)
        p.set(align="left", bold=False)
        for req in content.requirements:
            _lines(p, "[ ] " + req.title, columns)
            if req.detail:
                _lines(p, req.detail, columns, indent=4)
    p.set(align="left", bold=True)
    if content.signature:
        _lines(p, content.signature, columns)
    p.set(align="left", bold=False)
    _lines(p, content.no_cost, columns)
    if content.emailed:
        _lines(p, content.emailed, columns)
    p.textln("-" * columns)
    if content.contact_phone:
        _lines(p, f"{content.contact_label}: {content.contact_phone}", columns)
    _lines(p, content.issued, columns)
    p.cut()
    return bytes(p.output)
