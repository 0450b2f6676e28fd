"""Contrast read from a grab of the screen, as a contrast checker's eyedropper reads it.

For a widget with words: the background is the colour most of the widget's pixels have (text
covers far less than half of any control), the text is the colour farthest from it in
luminance that at least a few pixels have (the core of a glyph's stroke, which antialiasing
does not touch at these sizes; a lone stray pixel does not count). For a control's boundary:
the ring of pixels just inside its edge against the ring just outside, edge by edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from kiosk.ui.theme import contrast_ratio

#: Pixels a colour needs to count as text (fewer: antialiasing noise or a speck).
MIN_TEXT_PIXELS = 6


def _hex(rgb: int) -> str:
    return f"#{rgb & 0xFFFFFF:06X}"


def as_array(image: QImage) -> np.ndarray:
    """The image's pixels as 0xRRGGBB integers, rows by columns."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    words = np.frombuffer(rgb.constBits(), dtype=np.uint32)
    rows = words.reshape(rgb.height(), rgb.bytesPerLine() // 4)[:, : rgb.width()]
    return rows & 0xFFFFFF


def pixels(image: np.ndarray, rect: QRect) -> Counter[int]:
    """How many pixels of each colour lie in `rect` (clipped to the image)."""
    box = rect.intersected(QRect(0, 0, image.shape[1], image.shape[0]))
    if box.isEmpty():
        return Counter()
    part = image[box.top() : box.bottom() + 1, box.left() : box.right() + 1]
    colours, counts = np.unique(part, return_counts=True)
    return Counter(dict(zip(colours.tolist(), counts.tolist(), strict=True)))


def text_contrast(image: np.ndarray, rect: QRect) -> tuple[float, str, str] | None:
    """(ratio, text colour, background colour) of the words drawn in `rect`; None if the
    rect holds a single colour (no words drawn there)."""
    counts = pixels(image, rect)
    if len(counts) < 2:
        return None
    background = _hex(counts.most_common(1)[0][0])
    inks = [_hex(c) for c, n in counts.items() if n >= MIN_TEXT_PIXELS]
    if len(inks) < 2:
        return None
    ink = max(inks, key=lambda colour: contrast_ratio(colour, background))
    return contrast_ratio(ink, background), ink, background


def _dominant(image: np.ndarray, points: Iterable[tuple[int, int]]) -> str | None:
    height, width = image.shape
    inside = [int(image[y, x]) for x, y in points if 0 <= x < width and 0 <= y < height]
    return _hex(Counter(inside).most_common(1)[0][0]) if inside else None


def boundary_contrast(image: np.ndarray, rect: QRect, radius: int) -> list[float]:
    """For each edge of `rect` with room around it: the contrast between the control's own
    edge (its border, or its background where it has none) and what lies just outside it.
    Sampled along the straight middle of each edge, clear of the rounded corners."""
    ratios = []
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    xs = range(left + radius + 2, right - radius - 1)
    ys = range(top + radius + 2, bottom - radius - 1)
    edges = (
        ([(x, top) for x in xs], [(x, top - 2) for x in xs]),
        ([(x, bottom) for x in xs], [(x, bottom + 2) for x in xs]),
        ([(left, y) for y in ys], [(left - 2, y) for y in ys]),
        ([(right, y) for y in ys], [(right + 2, y) for y in ys]),
    )
    for inner, outer in edges:
        edge, around = _dominant(image, inner), _dominant(image, outer)
        if edge is not None and around is not None:
            ratios.append(contrast_ratio(edge, around))
    return ratios
