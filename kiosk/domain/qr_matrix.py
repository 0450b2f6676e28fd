"""The QR code of a confirmation token, as a square of modules: the one encoding that the slip,
the printer fallback on screen and the confirmation email all show, so a clerk's scanner meets
one symbol whichever the citizen brings.

Error level Q: a quarter of the code may be smudged, torn or lost to glare on a phone screen and
it still scans. A four-module quiet zone, as ISO/IEC 18004 asks, is part of the matrix, so every
drawing of it keeps the same white margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import qrcode
import qrcode.constants

#: The error-correction level every token QR uses ("Q"), for printers that encode it themselves.
ERROR_LEVEL: Final = "Q"
QUIET_ZONE_MODULES: Final = 4


@dataclass(frozen=True, slots=True)
class QrCode:
    """A QR code as a square of booleans (True = dark), quiet zone included."""

    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.modules)


def encode_qr(data: str) -> QrCode:
    """The token's QR at level Q with its quiet zone, in the smallest version that holds it."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_Q, border=QUIET_ZONE_MODULES
    )
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return QrCode(tuple(tuple(bool(cell) for cell in row) for row in matrix))
