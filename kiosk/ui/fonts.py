"""The bundled font: with no system font installed Qt draws every glyph as an empty box."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from kiosk.resources import fonts_dir
from kiosk.ui.theme import FONT_FAMILY

log = logging.getLogger(__name__)

FONTS_DIR = fonts_dir()

_loaded: list[str] = []


def load_fonts(directory: Path = FONTS_DIR) -> list[str]:
    """Register the bundled DejaVuSans*.ttf once; return the families Qt now knows.

    Needs a QGuiApplication. Raises FileNotFoundError when no font file is there, since a
    kiosk without its font would show boxes instead of words.
    """
    if _loaded:
        return list(_loaded)
    files = sorted(directory.glob("DejaVuSans*.ttf"))
    if not files:
        raise FileNotFoundError(f"no DejaVuSans*.ttf in {directory}")
    families: set[str] = set()
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("Qt could not load the font file %s", path.name)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY not in families:
        raise FileNotFoundError(f"{FONT_FAMILY} not among the fonts in {directory}")
    _loaded.extend(sorted(families))
    return list(_loaded)
