"""Physical sizes on the configured panel: millimetres in, pixels out.

Touch targets, text and the low-reach band are specified in millimetres (UI-GUIDE); the
panel's diagonal, resolution and mounting height turn them into pixels. Pixels are square.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

MM_PER_INCH = 25.4
# Capital letters of a typical sans face (DejaVu Sans: 0.73) are about 0.7 of the font size.
CAP_HEIGHT_PER_EM = 0.7
# ADA 2010 §308 / Section 508 §407.8: operable parts between these heights above the floor.
REACH_MIN_MM = 380.0
REACH_MAX_MM = 1220.0


@dataclass(frozen=True)
class ScreenGeometry:
    diagonal_in: float
    width_px: int
    height_px: int
    bottom_edge_mm: float  # height of the panel's lower edge (of the picture) above the floor

    def __post_init__(self) -> None:
        if not self.diagonal_in > 0:
            raise ValueError("diagonal_in must be positive")
        if self.width_px <= 0 or self.height_px <= 0:
            raise ValueError("width_px and height_px must be positive")
        if self.bottom_edge_mm < 0:
            raise ValueError("bottom_edge_mm must not be negative")

    @property
    def mm_per_px(self) -> float:
        return self.diagonal_in * MM_PER_INCH / math.hypot(self.width_px, self.height_px)

    @property
    def height_mm(self) -> float:
        return self.height_px * self.mm_per_px

    @property
    def orientation(self) -> Literal["portrait", "landscape"]:
        return "portrait" if self.height_px > self.width_px else "landscape"

    def px(self, mm: float) -> int:
        """Pixels covering at least `mm`: rounded up, as every size in the guide is a minimum."""
        # The small epsilon keeps exact multiples (e.g. 2.0 px computed as 2.0000000001) exact.
        return max(0, math.ceil(mm / self.mm_per_px - 1e-9))

    def font_px_for_cap_height_mm(self, mm: float) -> int:
        """Font pixel size whose capitals are at least `mm` tall."""
        return max(1, math.ceil(mm / self.mm_per_px / CAP_HEIGHT_PER_EM - 1e-9))

    def reach_band_px(
        self, min_mm: float = REACH_MIN_MM, max_mm: float = REACH_MAX_MM
    ) -> tuple[int, int]:
        """(top_px, bottom_px), y from the top, of the screen part within reach of the floor.

        Controls of the low-reach mode go inside it. Raises ValueError when the panel lies
        entirely outside the band (mounted too high or too low for a low-reach mode).
        """
        if min_mm >= max_mm:
            raise ValueError("min_mm must be below max_mm")
        top_edge_mm = self.bottom_edge_mm + self.height_mm
        top = max(0, math.ceil((top_edge_mm - max_mm) / self.mm_per_px - 1e-9))
        bottom = min(self.height_px, math.floor((top_edge_mm - min_mm) / self.mm_per_px + 1e-9))
        if bottom <= top:
            raise ValueError("the screen lies outside the reach band")
        return top, bottom

    def reach_room_mm(self) -> float:
        """Height of the part of the screen inside the reach band, in millimetres. Raises
        ValueError as `reach_band_px` does."""
        top, bottom = self.reach_band_px()
        return (bottom - top) * self.mm_per_px

    def mounting_range_mm(self, room_mm: float) -> tuple[float, float] | None:
        """(lowest, highest) height of the lower edge at which the reach band holds `room_mm`
        of this screen (or all of it, when it is smaller); None when no height does."""
        need = min(room_mm, self.height_mm)
        low = REACH_MIN_MM + need - self.height_mm
        high = REACH_MAX_MM - need
        if low > high:
            return None
        return max(0.0, low), high
