"""Read the QR codes of a picture or a PDF for the counter app: a webcam frame, a file the
clerk opens, or an image dragged out of an email. No Qt: the window converts its frames to
Pillow images and translates a `DecodeError` by its `reason`.

zxing-cpp does the reading (MACHINE-NOTES "Slips and QR": it read every degraded variant of
the slip that was tried); pypdfium2 renders PDF pages. The work is bounded whatever the file
claims: at most `MAX_FILE_BYTES` read, `MAX_PAGES` pages or frames looked at, and no picture or
rendered page over `MAX_PIXELS` (Pillow's decompression-bomb guard is always on here, even if
something else in the process turned it off).

What a QR says identifies a citizen: it is never logged, and no message here quotes it.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageSequence, UnidentifiedImageError

from kiosk.domain.token import PREFIX

MAX_FILE_BYTES = 20 * 1024 * 1024
#: PDF pages, or frames of a multi-page TIFF or an animated GIF, looked at.
MAX_PAGES = 10
#: Pillow's own default limit (`Image.MAX_IMAGE_PIXELS`): a 50-megapixel phone photo opens.
MAX_PIXELS = 89_478_485
#: PDF pages are rendered at this resolution, lowered for a page that would exceed
#: `MAX_PAGE_PIXELS`: 300 dpi puts about 6 pixels on a module of a slip printed with 4 dots
#: at 203 dpi, and a Letter page is then 8.4 megapixels.
PDF_DPI = 300
MAX_PAGE_PIXELS = 36_000_000

#: Picture formats Pillow may open: those a phone, a scanner or a mail client gives. Not
#: EPS (Pillow runs Ghostscript on it) nor the many exotic formats Pillow also knows.
IMAGE_FORMATS = ("PNG", "JPEG", "MPO", "BMP", "DIB", "GIF", "TIFF", "WEBP", "PPM", "AVIF")
_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024  # ISO 32000: the header may follow some bytes of junk

_POINTS_PER_INCH = 72.0
_WHITE = 255
# pdfium is not thread-safe; the window may decode a dropped file off the GUI thread.
_PDFIUM = threading.Lock()


class DecodeProblem(StrEnum):
    UNREADABLE_FILE = "unreadable_file"  # missing, not a file, no permission, damaged
    NOT_AN_IMAGE = "not_an_image"  # neither a picture format we open nor a PDF
    TOO_LARGE = "too_large"  # over MAX_FILE_BYTES or MAX_PIXELS
    NO_QR = "no_qr"  # read fine, but no QR code in it


class DecodeError(Exception):
    """A file or picture the counter app cannot read a QR from, with a message a clerk can
    read (English; the window translates by `reason`). Never quotes a QR's content."""

    def __init__(self, reason: DecodeProblem, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def decode_image(image: Image.Image) -> list[str]:
    """The text of every QR code in `image`, in reading order (top to bottom, then left to
    right); empty when there is none, as in most webcam frames. DecodeError (TOO_LARGE) only
    for a picture over MAX_PIXELS."""
    found = zxingcpp.read_barcodes(
        _grey(image),
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=True,
        try_downscale=True,  # a slip held close to the webcam: modules of 20 pixels and more
        # The local average copes with a lamp on one side and a reflection on a phone: of 216
        # trial photos of slips and phones (lamp, blur, JPEG, distance), the global histogram
        # read none that it missed.
        binarizer=zxingcpp.Binarizer.LocalAverage,
    )
    return [text for _, text in sorted(_in_rows(found))]


def decode_file(path: Path) -> list[str]:
    """The texts of every QR code in a picture (PNG, JPEG, BMP, GIF, TIFF, WebP...) or a PDF,
    page after page. Raises DecodeError, also when the file holds no QR code at all."""
    try:
        if not path.is_file():
            raise DecodeError(DecodeProblem.UNREADABLE_FILE, "This is not a file that can be read.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _too_large_file()
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise DecodeError(DecodeProblem.UNREADABLE_FILE, "The file could not be read.") from None
    return decode_bytes(data, path.name)


def decode_bytes(data: bytes, name: str = "") -> list[str]:
    """`decode_file` for a file in memory (dropped from a mail client). The type comes from
    the content; `name`, if known, only words the error about a `.pdf` that is no PDF."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large_file()
    if _PDF_MAGIC in data[:_PDF_HEADER_WINDOW]:
        texts, pages = _decode_pdf(data)
        where = "PDF" if pages <= MAX_PAGES else f"first {MAX_PAGES} pages of the PDF"
    else:
        try:
            texts = [text for frame in _frames(data) for text in decode_image(frame)]
        except DecodeError as error:
            if error.reason is DecodeProblem.NOT_AN_IMAGE and name.lower().endswith(".pdf"):
                raise _damaged_pdf() from None
            raise
        where = "picture"
    if not texts:
        raise DecodeError(DecodeProblem.NO_QR, f"No QR code was found in the {where}.")
    return texts


def find_token(texts: Iterable[str]) -> str | None:
    """The first text that is a confirmation token (starts with `TRN1:`), else None.

    Only a final CR/LF is dropped (as a keyboard scanner adds): spaces belong to the token
    (docs/token.md §1), and one changed character, a space added too, must get it refused.
    """
    for text in texts:
        candidate = text.removesuffix("\n").removesuffix("\r")
        if candidate.startswith(PREFIX):
            return candidate
    return None


# --- pictures --------------------------------------------------------------------------------


def _damaged_pdf() -> DecodeError:
    return DecodeError(
        DecodeProblem.UNREADABLE_FILE, "The PDF is damaged or protected by a password."
    )


def _too_large_file() -> DecodeError:
    return DecodeError(
        DecodeProblem.TOO_LARGE,
        f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.",
    )


def _too_many_pixels() -> DecodeError:
    return DecodeError(
        DecodeProblem.TOO_LARGE,
        f"The picture is larger than {MAX_PIXELS // 1_000_000} megapixels.",
    )


def _frames(data: bytes) -> Iterator[Image.Image]:
    """The picture's frames (one, but for multi-page TIFFs and animations), at most
    MAX_PAGES, each loaded; DecodeError for what is not a picture or is too large."""
    try:
        # The guard raises DecompressionBombError above twice Pillow's limit and only warns
        # between once and twice: both refuse here. (The filter is process-wide while the
        # header is read: harmless, only this warning is made an error.)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=_open_formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise DecodeError(
            DecodeProblem.NOT_AN_IMAGE,
            "The file is neither a picture (PNG, JPEG, BMP, GIF, TIFF, WebP) nor a PDF.",
        ) from None
    except (OSError, ValueError, SyntaxError):
        raise DecodeError(DecodeProblem.UNREADABLE_FILE, "The picture is damaged.") from None
    with image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index == MAX_PAGES:
                break
            if frame.width * frame.height > MAX_PIXELS:
                raise _too_many_pixels()
            try:
                frame.load()
                copy = frame.copy()
            except (OSError, ValueError, SyntaxError, EOFError):
                raise DecodeError(
                    DecodeProblem.UNREADABLE_FILE, "The picture is damaged."
                ) from None
            yield copy


def _open_formats() -> list[str]:
    Image.init()
    return [name for name in IMAGE_FORMATS if name in Image.OPEN]  # AVIF: Pillow 11.2+


def _grey(image: Image.Image) -> Image.Image:
    """8-bit grey, anything transparent on white paper (a QR PNG with a transparent
    background is otherwise black on black)."""
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    if image.mode == "L":
        return image
    if image.mode.startswith("I;16"):
        image = image.convert("I")
    if image.mode == "I":
        return image.point(lambda v: v / 257).convert("L")  # 16 bits of depth to 8
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (_WHITE, _WHITE, _WHITE, _WHITE))
        paper.alpha_composite(rgba)
        image = paper
    return image.convert("L")


def _in_rows(found: Iterable[zxingcpp.Barcode]) -> Iterator[tuple[tuple[int, float], str]]:
    """(row, left) sort keys and texts: codes whose vertical extents overlap the first code of
    a row share it, so two codes side by side read left to right even if one sits lower."""
    boxes = []
    for barcode in found:
        position = barcode.position
        corners = (
            position.top_left,
            position.top_right,
            position.bottom_right,
            position.bottom_left,
        )
        xs = [float(p.x) for p in corners]
        ys = [float(p.y) for p in corners]
        boxes.append((min(ys), max(ys), min(xs), str(barcode.text)))
    boxes.sort(key=lambda box: (box[0], box[2]))
    row, row_bottom = -1, -math.inf
    for top, bottom, left, text in boxes:
        if top >= row_bottom:  # below every code of the current row: a new row
            row, row_bottom = row + 1, bottom
        yield (row, left), text


# --- PDF ---------------------------------------------------------------------------------------


def _decode_pdf(data: bytes) -> tuple[list[str], int]:
    """The texts of the QR codes of the first MAX_PAGES pages, and the number of pages."""
    texts: list[str] = []
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            raise _damaged_pdf() from None
        try:
            pages = len(document)
            for index in range(min(pages, MAX_PAGES)):
                texts += decode_image(_render(document, index))
        finally:
            document.close()
    return texts, pages


def _render(document: pdfium.PdfDocument, index: int) -> Image.Image:
    try:
        page = document[index]
    except pdfium.PdfiumError:
        raise DecodeError(DecodeProblem.UNREADABLE_FILE, "A page of the PDF is damaged.") from None
    try:
        width, height = page.get_size()
        scale = PDF_DPI / _POINTS_PER_INCH
        area = max(width * height, 1.0)
        # A poster-sized page is rendered smaller rather than into gigabytes.
        scale = min(scale, math.sqrt(MAX_PAGE_PIXELS / area))
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            image: Image.Image = bitmap.to_pil()
            image.load()
            return image.copy()  # to_pil may share the bitmap's buffer
        finally:
            bitmap.close()
    except pdfium.PdfiumError:
        raise DecodeError(DecodeProblem.UNREADABLE_FILE, "A page of the PDF is damaged.") from None
    finally:
        page.close()
