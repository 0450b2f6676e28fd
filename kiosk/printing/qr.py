"""The token's QR code drawn in whole printer dots.

A thermal head prints dots on a fixed grid; a module that is 4.4 dots wide comes out as a mix of
4- and 5-dot columns and scanners misread it. So each module is an integer number of dots and
the image has exactly one pixel per dot, placed on the page's dot grid by the layout.
"""

from __future__ import annotations

from PIL import Image

from kiosk.domain.qr_matrix import QrCode
from kiosk.printing.paper import MM_PER_INCH

# The encoding (level Q, the quiet zone) is the domain's, shared with the screen and the email;
# re-exported only while slip.py still imports it from here.
__all__ = ["dots_per_module", "mm_to_dots", "qr_image"]

MIN_DOTS_PER_MODULE = 4
MAX_DOTS_PER_MODULE = 8


def dots_per_module(code: QrCode, max_width_dots: int, target_width_dots: int) -> int:
    """Whole dots per module: as close to the target width as fits, never under 4.

    Raises ValueError when even 4 dots per module does not fit: a smaller code would not scan
    reliably on a thermal print, so the caller must choose wider paper.
    """
    fit = min(max_width_dots // code.size, MAX_DOTS_PER_MODULE)
    if fit < MIN_DOTS_PER_MODULE:
        raise ValueError(
            f"QR of {code.size} modules needs {code.size * MIN_DOTS_PER_MODULE} dots, "
            f"only {max_width_dots} available"
        )
    wanted = max(MIN_DOTS_PER_MODULE, round(target_width_dots / code.size))
    return min(fit, wanted)


def qr_image(code: QrCode, module_dots: int) -> Image.Image:
    """A 1-bit image with one pixel per printer dot."""
    small = Image.new("1", (code.size, code.size), 1)
    small.putdata([0 if dark else 1 for row in code.modules for dark in row])
    side = code.size * module_dots
    return small.resize((side, side), Image.Resampling.NEAREST)


def mm_to_dots(mm: float, dpi: int) -> int:
    return int(mm * dpi / MM_PER_INCH)
