"""Pictures of a slip or a phone as a counter's camera takes them, from clean renderings.

`photographed` puts a picture on a desk and photographs it: tilted, in perspective, out of focus,
lit from one side and saved as a JPEG. `on_phone_screen` shows the confirmation email's QR PNG
on a phone: a dark body, a screen that is neither black nor white, a reflection across it.
Everything is deterministic (no randomness), so a failure is reproducible.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFilter

Grey = npt.NDArray[np.uint8]
Floats = npt.NDArray[np.float64]

DESK = 96  # the grey of a desk around the paper
PAPER = 236  # thermal paper under office light is not pure white...
INK = 38  # ...nor its print black


def _array(image: Image.Image) -> Grey:
    return np.asarray(image.convert("L"), dtype=np.uint8).copy()


def _floats(array: npt.ArrayLike) -> Floats:
    return np.asarray(array, dtype=np.float64)


def _image(array: Floats | Grey) -> Image.Image:
    return Image.fromarray(np.clip(np.rint(array), 0, 255).astype(np.uint8), mode="L")


def photographed(
    image: Image.Image,
    *,
    angle: float = 0.0,
    perspective: float = 0.0,
    blur: float = 0.0,
    light: float = 0.0,
    jpeg: int | None = None,
    scale: float = 1.0,
    printed: bool = True,
) -> Image.Image:
    """`image` (a slip's raster, a phone) as a photo of it lying on a desk, in grey.

    angle: degrees the paper is turned (counter-clockwise). perspective: how much narrower
    its far (top) edge looks, as a fraction of its width (0.2: the top edge is 80% of the
    bottom one, as when the camera looks at the desk obliquely). blur: sigma in pixels of the
    Gaussian blur of a lens a little out of focus. light: how much darker the far corner is
    than the lit one (0.5: half as bright). jpeg: the quality it is saved at, or None.
    scale: the camera's pixels per pixel of `image` (0.7 turns the 4-dot modules of a 203 dpi
    slip into 2.8 pixels, as a 1080p webcam about 70° wide sees them from 25 cm). printed:
    paper and ink are not white and black (False for a picture with its own levels, a phone).
    """
    if scale != 1.0:
        size = (round(image.width * scale), round(image.height * scale))
        image = image.convert("L").resize(size, Image.Resampling.BOX)
    grey = _array(image).astype(np.float64)
    if printed:
        grey = INK + grey * ((PAPER - INK) / 255.0)
    height, width = grey.shape
    margin = max(width, height) // 8
    canvas_w, canvas_h = width + 2 * margin, height + 2 * margin
    # Where the paper's corners land: shrink the far edge, then turn about the centre.
    inset = perspective * width / 2
    corners = np.array(
        [
            [margin + inset, margin],
            [margin + width - inset, margin],
            [margin + width, margin + height],
            [margin, margin + height],
        ]
    )
    centre = np.array([canvas_w / 2, canvas_h / 2])
    theta = np.deg2rad(angle)
    turn = np.array([[np.cos(theta), np.sin(theta)], [-np.sin(theta), np.cos(theta)]])
    corners = (corners - centre) @ turn.T + centre
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    photo = _floats(
        cv2.warpPerspective(
            grey,
            matrix,
            (canvas_w, canvas_h),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=float(DESK),
        )
    )
    if light:
        # Bright at the top-left, darker towards the bottom-right: a lamp on one side.
        across = np.arange(canvas_w)[np.newaxis, :] / canvas_w
        down = np.arange(canvas_h)[:, np.newaxis] / canvas_h
        photo = photo * (1.0 - light * (across + down) / 2)
    if blur:
        photo = _floats(cv2.GaussianBlur(photo, (0, 0), sigmaX=blur))
    result = _image(photo)
    if jpeg is not None:
        out = io.BytesIO()
        result.save(out, format="JPEG", quality=jpeg)
        result = Image.open(io.BytesIO(out.getvalue()))
        result.load()
    return result


def on_phone_screen(
    png_image: Image.Image, *, screen_width: int = 540, glare: float = 0.45, gamma: float = 1.8
) -> Image.Image:
    """The email's QR image as a phone shows it: scaled into the mail app's page (white,
    with lines of text above and below), on a screen whose black is grey, under a gamma curve
    and a diagonal reflection, inside a dark body with rounded corners. Grey, upright; pass it
    to `photographed(..., printed=False)` for the camera's view.

    screen_width: the screen's width in pixels (the QR takes 72% of it, as the email's 260 px
    image does on a 360 px wide phone). glare: how far the reflection lifts the darkest pixels
    towards white at its brightest (0..1). gamma: the display's gamma.
    """
    screen_height = screen_width * 2
    screen = Image.new("L", (screen_width, screen_height), 255)
    draw = ImageDraw.Draw(screen)
    # The mail app: a header bar, lines of text, the picture, more text.
    draw.rectangle((0, 0, screen_width, screen_height // 14), fill=60)
    side = int(screen_width * 0.72)
    qr = png_image.convert("L").resize((side, side), Image.Resampling.BILINEAR)
    top = screen_height // 3
    line_h = max(screen_width // 60, 3)
    for y in range(screen_height // 10, top - 2 * line_h, 3 * line_h):
        draw.rectangle((screen_width // 12, y, screen_width * (5 + y % 4) // 10, y + line_h), 30)
    screen.paste(qr, ((screen_width - side) // 2, top))
    for y in range(top + side + 3 * line_h, screen_height - 3 * line_h, 3 * line_h):
        draw.rectangle((screen_width // 12, y, screen_width * (6 + y % 3) // 10, y + line_h), 30)
    # The panel: its black glows (an LCD's backlight), its curve is not linear.
    shown = _array(screen).astype(np.float64) / 255.0
    shown = 0.12 + 0.84 * shown ** (1.0 / gamma)
    # A reflection of the room's window: a soft diagonal band of light across the code.
    across = np.arange(screen_width)[np.newaxis, :] / screen_width
    down = np.arange(screen_height)[:, np.newaxis] / screen_height
    band = across - 0.6 * down - 0.05
    reflection = glare * np.exp(-((band / 0.16) ** 2))
    shown = shown + (1.0 - shown) * reflection
    lit = _image(shown * 255.0)
    # The body: dark, rounded, a little wider than the screen, with a bezel.
    bezel = screen_width // 18
    body = Image.new("L", (screen_width + 2 * bezel, screen_height + 4 * bezel), DESK)
    ImageDraw.Draw(body).rounded_rectangle(
        (0, 0, body.width - 1, body.height - 1), radius=5 * bezel, fill=18
    )
    body.paste(lit, (bezel, 2 * bezel))
    # A phone's glass edge is not a sharp line.
    return body.filter(ImageFilter.GaussianBlur(0.6))
