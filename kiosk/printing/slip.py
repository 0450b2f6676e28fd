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
from kiosk.domain.qr_matrix import encode_qr
from kiosk.printing.content import SlipContent, SlipData, build_content
from kiosk.printing.fonts import BOLD, REGULAR, register_fonts
from kiosk.printing.paper import POINTS_PER_INCH, Paper, mm_to_points
from kiosk.printing.qr import dots_per_module, mm_to_dots, qr_image

CODE_MIN_PT = 28.0
CODE_MAX_PT = 44.0
NBSP = "\u00a0"
CHECKBOX = "☐"  # on paper a box is a real affordance: the citizen ticks it with a pen
SMALLEST_PT = 9.0  # thermal print is read at arm's length: no text under 9 pt
CODE_CAP_HEIGHT = 0.73  # DejaVu Sans Bold: capitals and digits stand 0.73 em tall


@dataclass(frozen=True, slots=True)
class _Sizes:
    body: float
    title: float
    day: float  # the date of the appointment, bold
    time: float  # its hour, as large as a citizen reads across a room
    qr_target_mm: float


# QR modules of 4 dots on rolls read from a raster with every reader, and from a photo taken
# at a counter (turned, blurred, unevenly lit) with zxing-cpp, the counter app's reader; other
# readers did better with 5 (OpenCV's: 12 of 12 against 0 of 12). A 58 mm roll takes 5; on
# 80 mm they would push the longest slip past its 200 mm (tests/printing/test_slip_length.py).
_SIZES = {
    Paper.ROLL_58: _Sizes(body=9.0, title=11.0, day=11.0, time=16.0, qr_target_mm=45.0),
    Paper.ROLL_80: _Sizes(body=10.0, title=13.0, day=12.0, time=18.0, qr_target_mm=34.0),
    Paper.A4: _Sizes(body=11.0, title=18.0, day=14.0, time=22.0, qr_target_mm=45.0),
    Paper.LETTER: _Sizes(body=11.0, title=18.0, day=14.0, time=22.0, qr_target_mm=45.0),
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


class _Code:
    """The turn code, boxed by its capitals rather than by the font's line height: at 44 pt
    a paragraph's leading leaves a blank band the height of a line of body text above it."""

    def __init__(self, lines: Sequence[str], size: float, *, above: float, below: float) -> None:
        self._lines = list(lines)
        self._size = size
        self._above = above
        self._below = below

    def height(self, width: float) -> float:
        step = self._size * 1.05  # baseline to baseline when a long code wraps
        caps = self._size * CODE_CAP_HEIGHT
        return self._above + caps + step * (len(self._lines) - 1) + self._below

    def draw(self, canvas: Any, x: float, top: float, width: float) -> None:
        canvas.setFont(BOLD, self._size)
        baseline = top - self._above - self._size * CODE_CAP_HEIGHT
        for line in self._lines:
            canvas.drawCentredString(x + width / 2, baseline, line)
            baseline -= self._size * 1.05


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
    leading: float = 1.15,
) -> ParagraphStyle:
    if size < SMALLEST_PT:
        raise ValueError(f"{name}: {size} pt is under the slip's smallest {SMALLEST_PT} pt")
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size * leading,
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


def _fitted(value: str, preferred: float, floor: float, width: float) -> float:
    """Bold size for one line: `preferred` when it fits, else as large as fits, never under
    `floor` (then it wraps)."""
    unit = stringWidth(value, BOLD, 1.0) or 1.0
    return max(floor, min(preferred, math.floor(width / unit * 2) / 2))  # in half points


def _day(day: str, preferred: float, floor: float, width: float) -> _Para:
    """The date on one line where it fits at `floor` or more, else the weekday on a line of
    its own ("miércoles" / "30 de septiembre de 2026") rather than a break anywhere."""
    if stringWidth(day, BOLD, floor) <= width:
        size, markup = _fitted(day, preferred, floor, width), escape(day)
    else:
        weekday, _, rest = day.partition(" ")
        size = _fitted(rest, preferred, floor, width)
        markup = f"{escape(weekday)}<br/>{escape(rest)}"
    return _Para(markup, _style("day", size, bold=True, center=True))


def _labelled(label: str, value: str) -> str:
    return f"<b>{escape(label)}:</b> {escape(value)}"


def _blocks(content: SlipContent, paper: Paper, dpi: int, width: float) -> list[_Block]:
    """Top to bottom: whose slip and when (code, day, hour), where and for what, the QR the
    clerk scans, then what to bring; the requirements' details are in the email."""
    sizes = _SIZES[paper]
    body = sizes.body
    small = max(SMALLEST_PT, body - 1)
    gap = body * 0.35
    centred_small = _style("small_c", small, center=True)
    blocks: list[_Block] = []
    if content.institution:
        blocks.append(_Para(escape(content.institution), centred_small))
    title_pt = _fitted(content.title, sizes.title, body, width)
    blocks.append(_Para(escape(content.title), _style("title", title_pt, bold=True, center=True)))
    lines, code_pt = _code_lines(content.code, width)
    # Under the title the code needs no label: it is the turn the agency's display calls.
    blocks.append(_Code(lines, code_pt, above=gap * 1.5, below=gap * 2))
    blocks.append(_day(content.day, sizes.day, body, width))
    blocks.append(_Para(escape(content.time), _style("time", sizes.time, bold=True, center=True)))
    if content.zone:
        blocks.append(_Para(escape(content.zone), centred_small))
    blocks.append(_Rule(gap))
    value = _style("value", body)
    blocks.append(_Para(escape(content.agency), _style("agency", body, bold=True)))
    blocks.append(_Para(escape(content.address), value))
    for label, text in content.fields:
        blocks.append(_Para(_labelled(label, text), value, before=gap * 0.4))
    blocks.append(_Para(escape(content.arrive), _style("arrive", body, bold=True), before=gap))
    blocks.append(_Qr(content.token, dpi, paper.spec.printable_width_mm, sizes.qr_target_mm))
    blocks.append(_Para(escape(content.scan_hint), centred_small))
    blocks.append(_Rule(gap))
    if content.requirements:
        blocks.append(
            _Para(escape(content.requirements_title) + ":", _style("rt", body, bold=True))
        )
        item = _style("req", body, indent=body * 1.4)
        detail = _style("reqd", small, indent=body * 1.4)
        for req in content.requirements:
            blocks.append(_Para(escape(req.title), item, before=gap * 0.3, bullet=CHECKBOX))
            if req.detail:
                blocks.append(_Para(escape(req.detail), detail))
    if content.signature:
        blocks.append(_Para(escape(content.signature), _style("sign", body, bold=True), before=gap))
    blocks.append(_Para(escape(content.no_cost), value, before=gap * 0.5))
    if content.emailed:
        blocks.append(_Para(escape(content.emailed), _style("mail", small), before=gap * 0.5))
    blocks.append(_Rule(gap))
    if content.contact_phone:
        # A phone number broken over two lines is misdialled: its spaces do not break.
        phone = escape(content.contact_phone).replace(" ", NBSP)
        blocks.append(_Para(f"{escape(content.contact_label)}: {phone}", _style("tel", small)))
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
