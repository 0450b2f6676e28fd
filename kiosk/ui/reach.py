"""The low-reach frame of the kiosk window: what keeps every control between 380 and 1,220 mm
above the floor (ADA 2010 §308), from the configured panel (kiosk.domain.screen).

Two empty rows do it: a spacer above everything, in the low-reach mode, as tall as the part of
the panel above 1,220 mm less the words above the screen's first control (header, question,
help: only controls must be in the band); and a floor below everything, as tall as the part
below 380 mm, in both modes (nobody reaches well down there, and the accessibility strip must be
reachable to switch the mode on). Overlays get the whole band for their card.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


def reach_band_of(geometry: object) -> tuple[int, int] | None:
    """(top, bottom) in panel pixels of the reachable part; None when the panel lies outside
    the band altogether (kiosk doctor says so) or the geometry knows no mounting height."""
    band = getattr(geometry, "reach_band_px", None)
    if not callable(band):
        return None
    try:
        top, bottom = band()
    except ValueError:
        return None
    return int(top), int(bottom)


class ReachFrame:
    """The spacer and the floor, placed in the window's column of rows."""

    def __init__(self) -> None:
        self.spacer = QWidget()
        self.spacer.setObjectName("reachSpacer")
        self.spacer.hide()
        self.floor = QWidget()
        self.floor.setObjectName("reachFloor")
        self.floor.hide()

    def apply(
        self,
        page: QLayout | None,
        geometry: object,
        low_reach: bool,
        overlays: Sequence[QWidget],
        window_height: int,
        words_above: int = 0,
    ) -> None:
        """`words_above`: how tall the rows above the screen's first control are (the header,
        the question, its help: words only). Only controls must be in the band, so the spacer
        is that much shorter: with large text the question alone fills the part above the
        band, and the keys of a portrait screen in low reach fit without scrolling."""
        if isinstance(page, QVBoxLayout) and page.indexOf(self.spacer) != 0:
            # A band inserted above everything (the demo's outbox strip) goes below the spacer:
            # its controls come down with the rest.
            page.removeWidget(self.spacer)
            page.insertWidget(0, self.spacer)
        height = getattr(geometry, "height_px", None)
        panel = height if isinstance(height, int) else window_height
        top, bottom = 0, panel
        band = reach_band_of(geometry)
        if band is None and low_reach:
            log.warning("low reach asked for, but the panel lies outside the reach band")
        if band is not None:
            bottom = band[1]
            if low_reach:  # the top of the band matters to a seated citizen only
                top = band[0]
        floor = max(0, panel - bottom)
        pushed = max(0, top - words_above)
        self.spacer.setFixedHeight(pushed)
        self.spacer.setVisible(pushed > 0)
        self.floor.setFixedHeight(floor)
        self.floor.setVisible(floor > 0)
        confined = (top, bottom) if top > 0 or floor > 0 else None
        for overlay in overlays:
            place = getattr(overlay, "set_reach_band", None)
            if callable(place):
                place(confined)
