"""Paper sizes the slip is laid out for.

Roll paper has a fixed width and a length that follows the content; the printable width is
narrower than the roll because a thermal head does not reach the edges (72 mm of 80 mm, 48 mm
of 58 mm). Sheets (A4, Letter) have fixed sizes and office-printer margins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
POINTS_PER_MM = POINTS_PER_INCH / MM_PER_INCH


class Paper(StrEnum):
    ROLL_80 = "80mm"
    ROLL_58 = "58mm"
    A4 = "a4"
    LETTER = "letter"

    @property
    def spec(self) -> PaperSpec:
        return _SPECS[self]

    @property
    def is_roll(self) -> bool:
        return self.spec.height_mm is None


@dataclass(frozen=True, slots=True)
class PaperSpec:
    width_mm: float
    printable_width_mm: float
    height_mm: float | None  # None: a roll, as long as the content
    margin_mm: float  # top and bottom margin
    cups_name: str | None  # CUPS PageSize keyword for sheets; rolls use Custom.WxHmm

    @property
    def side_margin_mm(self) -> float:
        return (self.width_mm - self.printable_width_mm) / 2


_SPECS: dict[Paper, PaperSpec] = {
    # Rolls: 3 mm above and below is blank paper enough around the cut.
    Paper.ROLL_80: PaperSpec(80.0, 72.0, None, 3.0, None),
    Paper.ROLL_58: PaperSpec(58.0, 48.0, None, 3.0, None),
    # Sheets: 20 mm at the sides and 12 mm top and bottom keep office printers (typically
    # 4-6 mm unprintable) clear, and the slip still fits one Letter page.
    Paper.A4: PaperSpec(210.0, 170.0, 297.0, 12.0, "A4"),
    Paper.LETTER: PaperSpec(215.9, 175.9, 279.4, 12.0, "Letter"),
}


def parse_paper(value: str) -> Paper:
    """`Paper` from a config or command-line value ("80mm", "A4"...); ValueError names it."""
    try:
        return Paper(value.strip().lower())
    except ValueError:
        choices = ", ".join(p.value for p in Paper)
        raise ValueError(f"unknown paper {value!r}; expected one of {choices}") from None


def mm_to_points(mm: float) -> float:
    return mm * POINTS_PER_MM


def points_to_mm(points: float) -> float:
    return points / POINTS_PER_MM


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def page_height_points(pdf: bytes) -> float:
    """Height of a slip PDF's first page, read from its MediaBox (reportlab writes it plainly);
    ValueError when there is none."""
    match = _MEDIA_BOX.search(pdf)
    if match is None:
        raise ValueError("the slip PDF has no MediaBox")
    return float(match.group(4)) - float(match.group(2))


def slip_length_mm(pdf: bytes) -> float:
    """How much paper a rendered slip takes: on a roll, its page's height."""
    return round(points_to_mm(page_height_points(pdf)), 1)


def cups_page_size(paper: Paper, page_height_pt: float) -> str:
    """The `-o PageSize=` value that matches a rendered slip exactly."""
    spec = paper.spec
    if spec.cups_name is not None:
        return spec.cups_name
    height_mm = points_to_mm(page_height_pt)
    return f"Custom.{spec.width_mm:g}x{height_mm:.1f}mm"
