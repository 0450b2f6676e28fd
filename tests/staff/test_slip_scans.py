"""Scans that work on real paper: every slip the kiosk prints, with the longest token the
service signs, reads back from what a printer and a camera make of it.

- the 203 dpi 1-bit raster of every paper (80 mm, 58 mm, A4, Letter), as a thermal head or an
  office printer burns it, with zxing-cpp (the counter app's reader) and OpenCV's
  `QRCodeDetectorAruco` (a second, independent one: counter scanners vary);
- photos of every paper: turned, in perspective, out of focus, lit from one side, as a JPEG,
  all at once, and all at once from further away, through `kiosk.staff.decode.decode_image`;
- the confirmation email's QR PNG shown on a phone and photographed.
"""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import cv2
import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from kiosk.domain.masking import ascii_masked, mask_id
from kiosk.domain.qr_matrix import QUIET_ZONE_MODULES, encode_qr
from kiosk.domain.token import MAX_QR_CHARS, Claims, KeySet, PublicKey, encode, kid_for, verify
from kiosk.printing.paper import Paper
from kiosk.printing.sample import sample_slip
from kiosk.printing.slip import render_slip
from kiosk.staff.decode import decode_image, find_token
from tests.printing.raster import rasterise
from tests.staff.images import on_phone_screen, photographed
from turnos.services.confirmation import qr_png

NOW = 1_900_100_000


@pytest.fixture(scope="module")
def claims() -> Claims:
    """The longest claims the service makes: the long issuer of docs/token.md §5, the longest
    procedure code of the demo catalogue, a ten-character turn code, a five-digit agency and a
    RUC's masked number (13 characters, the longest id the kiosk takes)."""
    return Claims(
        issuer="turnos.iess.gob.ec",
        issued_at=1_900_000_000,
        expires_at=1_900_500_000,
        booking_id=bytes.fromhex("8f0e5ad2c4b61973"),
        turn_code="Q12-CP-047",
        agency_id=65_535,
        procedure_code="ASESORIA_JUBILACION",
        turn_start=1_900_400_000,
        masked_id=ascii_masked(mask_id("1790012345001")),
    )


@pytest.fixture(scope="module")
def token(claims: Claims) -> str:
    """Signed as the service signs (a fresh key each run: a different symbol every run)."""
    key = Ed25519PrivateKey.generate()
    signed = encode(claims, key)
    public = key.public_key()
    assert verify(signed, KeySet([PublicKey(kid_for(public), public)]), NOW) == claims
    return signed


@pytest.fixture(scope="module")
def rasters(token: str) -> dict[Paper, Image.Image]:
    """Each paper's slip as its printer makes it: 203 dots per inch, each burnt or not."""
    slip = dataclasses.replace(
        sample_slip(institution="Instituto Ecuatoriano de Seguridad Social"), token=token
    )
    return {paper: rasterise(render_slip(slip, paper), mono=True) for paper in Paper}


def test_the_token_is_the_largest_symbol_a_slip_carries(token: str) -> None:
    assert 280 <= len(token) <= MAX_QR_CHARS
    code = encode_qr(token)
    version = (code.size - 2 * QUIET_ZONE_MODULES - 17) // 4
    assert version == 12  # the largest docs/token.md allows


@pytest.mark.parametrize("paper", list(Paper))
def test_zxing_reads_every_paper_from_its_1_bit_raster(
    rasters: dict[Paper, Image.Image], token: str, paper: Paper
) -> None:
    raster = rasters[paper]
    assert raster.mode == "1"
    assert decode_image(raster) == [token]


@pytest.mark.parametrize("paper", list(Paper))
def test_opencv_reads_every_paper_from_its_1_bit_raster(
    rasters: dict[Paper, Image.Image], token: str, paper: Paper
) -> None:
    """OpenCV's Aruco-based detector reads every slip. Its classic `cv2.QRCodeDetector` is no
    test of the slip: it misses about one version-12 token in ten even as a perfect symbol
    alone on white (measured with 200 fresh tokens, OpenCV 4.10 and 5.1: 6-14% missed at 4, 5
    and 8 pixels per module, larger modules no better; Aruco and `decode_image` missed none).
    It is the symbol's data more than the text around it that defeats it, so with this test's
    fresh key each run it would fail about one run in ten, on every paper at once."""
    grey = np.asarray(rasters[paper].convert("L"))
    found, texts, corners, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(grey)
    assert found
    assert list(texts) == [token]
    assert corners.shape == (1, 4, 2)


#: What the camera does to the slip (tests/staff/images.py `photographed`): turned 8°, its far
#: edge 20% narrower, a blur of sigma 1.2 dots, the far corner 60% darker, JPEG quality 60.
PHOTOS: dict[str, dict[str, Any]] = {
    "turned": {"angle": 8.0},
    "perspective": {"perspective": 0.2},
    "blurred": {"blur": 1.2},
    "lit-from-one-side": {"light": 0.6},
    "jpeg-60": {"jpeg": 60},
    "all-at-once": {"angle": -8.0, "perspective": 0.2, "blur": 1.2, "light": 0.6, "jpeg": 60},
    # 2.8 pixels per 4-dot module: a 1080p webcam about 70° wide sees a slip so from
    # 25 cm away. At 2 pixels per module the same photo no longer reads.
    "all-at-once-further-away": {
        "scale": 0.7,
        "angle": 8.0,
        "perspective": 0.2,
        "blur": 0.8,
        "light": 0.6,
        "jpeg": 60,
    },
}


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("photo", list(PHOTOS))
def test_photos_of_every_paper_read_back(
    rasters: dict[Paper, Image.Image], token: str, paper: Paper, photo: str
) -> None:
    picture = photographed(rasters[paper], **PHOTOS[photo])
    assert find_token(decode_image(picture)) == token


@pytest.mark.parametrize(
    "camera",
    [
        {"perspective": 0.15, "blur": 1.0},
        {"angle": 10.0, "perspective": 0.2, "blur": 1.2, "light": 0.4, "jpeg": 60},
    ],
    ids=["perspective-and-blur", "all-at-once"],
)
def test_the_emails_qr_on_a_phone_screen_reads_back(token: str, camera: dict[str, Any]) -> None:
    """The PNG the confirmation email carries, on a phone held up to the counter's camera."""
    png = Image.open(io.BytesIO(qr_png(token)))
    phone = on_phone_screen(png)
    assert decode_image(photographed(phone, printed=False, **camera)) == [token]
