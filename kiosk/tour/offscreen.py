"""A screen as large as the kiosk's on Qt's offscreen platform (the tour and the tests).

Qt's offscreen screen is 800×800 by default. A kiosk window is larger, and whatever Qt finds by
screen position (QApplication.widgetAt, used by QScroller to hand on a delayed tap) sees nothing
beyond that square: taps on the lower part of a portrait screen were lost.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

#: Large enough for both orientations of the kiosk window.
OFFSCREEN_SIZE = (1920, 1920)


def offscreen_platform(directory: Path, size: tuple[int, int] = OFFSCREEN_SIZE) -> str:
    """A QT_QPA_PLATFORM value: the offscreen platform with one screen of `size` at (0, 0)."""
    width, height = size
    config = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [
            {
                "name": "kiosk",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpiX": 96,
                "logicalDpiY": 96,
                "dpr": 1,
            }
        ],
    }
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"offscreen-{width}x{height}.json"
    path.write_text(json.dumps(config))
    return f"offscreen:configfile={path}"


def use_large_offscreen_screen(directory: Path) -> None:
    """Before the QApplication exists: give plain `offscreen` a screen as large as a kiosk's."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(directory)
