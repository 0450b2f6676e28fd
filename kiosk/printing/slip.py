"""The "Confirmación del Turno" slip as PDF bytes: a pure function of its data and the paper.

One column at the paper's printable width. On a roll the page is exactly as long as the content;
on a sheet the column starts at the top and continues on a new page if ever needed. The QR is
placed on the page's dot grid so every module is a whole number of printer dots.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kiosk.domain.models import Language
from kiosk.printing.content import SlipContent, SlipData, build_content
from kiosk.printing.fonts import BOLD, REGULAR, register_fonts
from kiosk.printing.paper import POINTS_PER_INCH, Paper, mm_to_points
from kiosk.printing.qr import dots_per_module, encode_qr, mm_to_dots, qr_image

CODE_MIN_PT = 28.0
CODE_MAX_PT = 44.0
CHECKBOX = "☐"


@dataclass(frozen=True, slots=True)
class _Sizes:
    body: float  # never under 9 pt: thermal print is read at arm's length
    title: float
    qr_target_mm: float


_SIZES = {
    Paper.ROLL_58: _Sizes(body=9.0, title=12.0, qr_target_mm=34.0),
    Paper.ROLL_80: _Sizes(body=10.0, title=14.0, qr_target_mm=40.0),
    Paper.A4: _Sizes(body=11.0, title=18.0, qr_target_mm=45.0),
    Paper.LETTER: _Sizes(body=11.0, title=18.0, qr_target_mm=45.0),
}


class _Block(Protocol):
    def height(self, width: float) -> float: ...

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None: ...


class _Para:
    def __init__(self, markup: str, style: Any, *, before: float = 0.0, bullet: str = "") -> None:
        self._para: Any = Paragraph(markup, style, bulletText=bullet or None)
        self._before = before

    def height(self, width: float) -> float:
        _, h = self._para.wrap(width, 10_000)
        return float(h) + self._before

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None:
        h = self.height(width) - self._before
        self._para.drawOn(canvas, x, top - self._before - h)


class _Rule:
    def __init__(self, gap: float) -> None:
        self._gap = gap

    def height(self, width: float) -> float:
        return 2 * self._gap

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None:
        canvas.setLineWidth(0.8)
        canvas.line(x, top - self._gap, x + width, top - self._gap)


class _Qr:
    """The QR image, one pixel per printer dot, snapped to the page's dot grid."""

    def __init__(self, token: str, dpi: int, max_width_mm: float, target_mm: float) -> None:
        code = encode_qr(token)
        module = dots_per_module(code, mm_to_dots(max_width_mm, dpi), mm_to_dots(target_mm, dpi))
        self._image = qr_image(code, module)
        self._dot = POINTS_PER_INCH / dpi
        self._side = self._image.width * self._dot
        self.page_height = 0.0  # set by the layout before drawing

    def height(self, width: float) -> float:
        return self._side + 2 * self._dot  # room for snapping down onto the grid

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None:
        # Rasterisers (pdftoppm, CUPS) start the dot grid at the page's top-left corner, so
        # the image is snapped from the top, not from PDF's bottom-left origin.
        left = round((x + (width - self._side) / 2) / self._dot) * self._dot
        from_top = math.ceil((self.page_height - top) / self._dot + 1) * self._dot
        bottom = self.page_height - from_top - self._side
        # Inset by a quarter dot on every side: rasterisers ink every pixel an image touches,
        # and float error at an exact edge would add a stray column of dots.
        inset = self._dot / 4
        side = self._side - 2 * inset
        canvas.drawImage(ImageReader(self._image), left + inset, bottom + inset, side, side)


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    center: bool = False,
    indent: float = 0.0,
    bullet: bool = False,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size * 1.22,
        alignment=TA_CENTER if center else TA_LEFT,
        leftIndent=indent,
        bulletFontName=REGULAR,
        bulletFontSize=size,
        bulletIndent=0,
    )


def _code_lines(code: str, width: float) -> tuple[list[str], float]:
    """The turn code as large as fits on one line, else at the minimum size over several."""
    unit = stringWidth(code, BOLD, 1.0) or 1.0
    size = min(CODE_MAX_PT, width / unit)
    if size >= CODE_MIN_PT:
        return [code], size
    lines: list[str] = []
    current = ""
    for ch in code:
        if current and stringWidth(current + ch, BOLD, CODE_MIN_PT) > width:
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    return lines, CODE_MIN_PT


def _blocks(content: SlipContent, paper: Paper, dpi: int, width: float) -> list[_Block]:
    sizes = _SIZES[paper]
    body = sizes.body
    small = max(9.0, body - 1)
    gap = body * 0.5
    blocks: list[_Block] = []
    if content.institution:
        blocks.append(_Para(escape(content.institution), _style("inst", small, center=True)))
    blocks.append(
        _Para(escape(content.title), _style("title", sizes.title, bold=True, center=True))
    )
    blocks.append(
        _Para(escape(content.code_label), _style("clabel", body, center=True), before=gap)
    )
    lines, code_pt = _code_lines(content.code, width)
    blocks.append(
        _Para(
            "<br/>".join(escape(s) for s in lines), _style("code", code_pt, bold=True, center=True)
        )
    )
    blocks.append(_Rule(gap))
    label_style = _style("label", small, bold=True)
    value_style = _style("value", body + 1)
    for label, value in content.fields:
        blocks.append(_Para(escape(label), label_style, before=gap * 0.6))
        blocks.append(_Para(escape(value), value_style))
    blocks.append(
        _Para(escape(content.arrive), _style("arrive", body + 1, bold=True), before=gap * 1.5)
    )
    printable_mm = paper.spec.printable_width_mm
    blocks.append(_Rule(gap))
    blocks.append(_Qr(content.token, dpi, printable_mm, sizes.qr_target_mm))
    blocks.append(_Para(escape(content.scan_hint), _style("scan", small, center=True)))
    blocks.append(_Rule(gap))
    if content.requirements:
        blocks.append(_Para(escape(content.requirements_title), _style("rt", body, bold=True)))
        item = _style("req", body, indent=body * 1.6)
        detail = _style("reqd", small, indent=body * 1.6)
        for req in content.requirements:
            blocks.append(_Para(escape(req.title), item, before=gap * 0.5, bullet=CHECKBOX))
            if req.detail:
                blocks.append(_Para(escape(req.detail), detail))
    blocks.append(_Para(escape(content.no_cost), _style("free", body, bold=True), before=gap))
    blocks.append(_Para(escape(content.hours_title), _style("ht", small, bold=True), before=gap))
    for line in content.hours:
        blocks.append(_Para(escape(line), _style("h", small)))
    blocks.append(_Para(escape(content.contact_label), _style("cl", small, bold=True), before=gap))
    blocks.append(_Para(escape(content.contact_phone), _style("contact", small)))
    blocks.append(_Rule(gap))
    blocks.append(_Para(escape(content.issued), _style("issued", small)))
    return blocks


def _pages(blocks: Sequence[_Block], width: float, usable: float) -> list[list[_Block]]:
    pages: list[list[_Block]] = [[]]
    used = 0.0
    for block in blocks:
        h = block.height(width)
        if pages[-1] and used + h > usable:
            pages.append([])
            used = 0.0
        pages[-1].append(block)
        used += h
    return pages


def render_content(content: SlipContent, paper: Paper, dpi: int = 203) -> bytes:
    if dpi < 100:
        raise ValueError("dpi must be at least 100")
    register_fonts()
    spec = paper.spec
    width = mm_to_points(spec.printable_width_mm)
    margin = mm_to_points(spec.margin_mm)
    left = mm_to_points(spec.side_margin_mm)
    blocks = _blocks(content, paper, dpi, width)
    if spec.height_mm is None:
        dot = POINTS_PER_INCH / dpi
        page_h = math.ceil((sum(b.height(width) for b in blocks) + 2 * margin) / dot) * dot
        pages = [list(blocks)]
    else:
        page_h = mm_to_points(spec.height_mm)
        pages = _pages(blocks, width, page_h - 2 * margin)
    out = io.BytesIO()
    # invariant: no timestamps or random ids, so the same slip gives the same bytes.
    canvas = Canvas(
        out,
        pagesize=(mm_to_points(spec.width_mm), page_h),
        invariant=1,
        initialFontName=REGULAR,  # else an unembedded Helvetica is referenced
        lang="es" if content.language == Language.ES else "en",
    )
    canvas.setTitle(content.title)
    canvas.setCreator("turnero-kiosk")
    canvas.setAuthor(content.institution or "turnero-kiosk")
    for block in blocks:
        if isinstance(block, _Qr):
            block.page_height = page_h
    for page in pages:
        top = page_h - margin
        for block in page:
            block.draw(canvas, left, top, width)
            top -= block.height(width)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def render_slip(data: SlipData, paper: Paper, dpi: int = 203) -> bytes:
    """The slip as a PDF for `paper`, with the QR in whole dots of a `dpi` printer."""
    return render_content(build_content(data), paper, dpi)
