"""One QR for a token: the slip, the screen's printer fallback and the email show one symbol."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image

from kiosk.domain.qr_matrix import QUIET_ZONE_MODULES, encode_qr
from kiosk.printing.qr import qr_image
from turnos.services.confirmation import QR_PIXELS_PER_MODULE, qr_png

TOKEN = "TRN1:6BFOXN*TBA4ZI-RS:CA0WW5%7:LU1.3 A $/+"  # every alphanumeric-mode character


def test_the_token_qr_is_level_q_with_a_four_module_quiet_zone() -> None:
    code = encode_qr(TOKEN)
    found = zxingcpp.read_barcodes(qr_image(code, 4))
    assert [(f.text, f.ec_level) for f in found] == [(TOKEN, "Q")]
    side = code.size
    margin = range(QUIET_ZONE_MODULES)
    assert not any(code.modules[y][x] for y in range(side) for x in margin)
    assert not any(code.modules[y][side - 1 - x] for y in range(side) for x in margin)
    assert code.modules[QUIET_ZONE_MODULES][QUIET_ZONE_MODULES]  # the finder starts after it


def test_the_confirmation_email_shows_the_slips_symbol() -> None:
    picture = Image.open(io.BytesIO(qr_png(TOKEN)))
    assert picture.format == "PNG"
    code = encode_qr(TOKEN)
    assert picture.size == (code.size * QR_PIXELS_PER_MODULE,) * 2
    # The centre pixel of every module, dark or light, is the slip's module.
    centre = QR_PIXELS_PER_MODULE // 2
    gray = picture.convert("L")
    seen = tuple(
        tuple(
            gray.getpixel((x * QR_PIXELS_PER_MODULE + centre, y * QR_PIXELS_PER_MODULE + centre))
            == 0
            for x in range(code.size)
        )
        for y in range(code.size)
    )
    assert seen == code.modules
    found = zxingcpp.read_barcodes(gray)
    assert [(f.text, f.ec_level) for f in found] == [(TOKEN, "Q")]
