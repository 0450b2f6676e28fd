"""The slip's fonts, embedded in every PDF so no glyph depends on the printer or the OS."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.resources import fonts_dir

REGULAR = "SlipSans"
BOLD = "SlipSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
# The copy shipped inside the package (kiosk/resources/fonts); Debian's fonts-dejavu-core as a
# fallback should a repackaging leave the fonts out.
_SEARCH = (
    fonts_dir(),
    Path("/usr/share/fonts/truetype/dejavu"),
)


class FontMissingError(RuntimeError):
    pass


def font_path(file_name: str) -> Path:
    for folder in _SEARCH:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    raise FontMissingError(f"{file_name} not found in {', '.join(str(p) for p in _SEARCH)}")


@cache
def register_fonts() -> None:
    """Register once per process; reportlab keeps fonts in a global registry."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
