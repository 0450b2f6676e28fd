"""The theme: physical sizes from the configured screen, WCAG contrast in every variant."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.theme import Theme, contrast_ratio, ensure_contrast
from tests.ui.conftest import LANDSCAPE, PORTRAIT

BRANDS = [
    ("#0B5394", "#2E6B4F"),  # the neutral default
    ("#FFCC00", "#AADDFF"),  # light brand colours that would fail as they are
    ("#003366", "#CC0000"),
    ("#FFFFFF", "#000000"),  # extremes
]
VARIANTS = [(False, False), (True, False), (False, True), (True, True)]


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_ensure_contrast_moves_a_colour_just_far_enough() -> None:
    adjusted = ensure_contrast("#FFCC00", "#FFFFFF", 4.5)
    assert contrast_ratio(adjusted, "#FFFFFF") >= 4.5
    assert adjusted != "#000000"  # darkened, not replaced by black
    assert ensure_contrast("#0B5394", "#FFFFFF", 4.5) == "#0B5394"  # already fine: untouched


@pytest.mark.parametrize(("primary", "secondary"), BRANDS)
@pytest.mark.parametrize(("high_contrast", "large_text"), VARIANTS)
def test_every_text_pair_reaches_the_required_contrast(
    primary: str, secondary: str, high_contrast: bool, large_text: bool
) -> None:
    theme = Theme(
        PORTRAIT,
        high_contrast=high_contrast,
        large_text=large_text,
        primary=primary,
        secondary=secondary,
    )
    c = theme.colors
    need = 7.0 if high_contrast else 4.5
    text_pairs = {
        "fg on bg": (c.fg, c.bg),
        "fg on surface": (c.fg, c.surface),
        "muted on bg": (c.muted, c.bg),
        "error on bg": (c.error, c.bg),
        "error on surface": (c.error, c.surface),
        "ok on bg": (c.ok, c.bg),
        "on_primary on primary": (c.on_primary, c.primary),
        "on_secondary on secondary": (c.on_secondary, c.secondary),
        "on_selected on selected": (c.on_selected, c.selected),
        "primary text on surface (secondary buttons)": (c.primary, c.surface),
        "disabled text": (c.disabled_fg, c.disabled_bg),
    }
    too_low = {
        name: round(contrast_ratio(a, b), 2)
        for name, (a, b) in text_pairs.items()
        if contrast_ratio(a, b) < need
    }
    assert not too_low
    # Control outlines and the primary button's shape against the page: 3:1 (WCAG 1.4.11).
    assert contrast_ratio(c.outline, c.bg) >= 3.0
    assert contrast_ratio(c.primary, c.bg) >= 3.0


@pytest.mark.parametrize("geometry", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
def test_sizes_are_physical_minimums(geometry: object) -> None:
    theme = Theme(geometry)  # type: ignore[arg-type]
    mm = geometry.mm_per_px  # type: ignore[attr-defined]
    assert theme.touch_px() * mm >= 15.0
    assert theme.key_px() * mm >= 20.0
    assert theme.gap_px() * mm >= 2.0
    # Body text: capitals of at least 5 mm; on a 21.5" 1080x1920 panel about 28 px.
    body = theme.font_px("body")
    assert body * 0.7 * mm >= 5.0
    assert 26 <= body <= 32
    assert theme.font_px("small") * 0.7 * mm >= 4.0  # nothing below 4 mm capitals
    assert theme.font_px("title") >= int(1.7 * body)
    assert theme.font_px("code") > body
    large = theme.variant(large_text=True)
    assert large.font_px("body") > body
    assert large.touch_px() >= theme.touch_px()


def test_variant_keeps_everything_else() -> None:
    theme = Theme(PORTRAIT, primary="#003366")
    contrast = theme.variant(high_contrast=True)
    assert contrast.high_contrast
    assert not contrast.large_text
    assert contrast.primary == "#003366"
    assert contrast.geometry is PORTRAIT
    assert contrast.variant(large_text=True).high_contrast


def test_stylesheet_sizes_reach_the_widgets(qtbot: QtBot, theme: Theme) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.setStyleSheet(theme.stylesheet())
    layout = QVBoxLayout(page)
    title = QLabel("¿En qué provincia desea ser atendido?")
    title.setProperty("role", "title")
    key = QPushButton("7")
    key.setProperty("role", "key")
    primary = QPushButton("Siguiente")
    primary.setProperty("role", "primary")
    for widget in (title, key, primary):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    assert title.font().pixelSize() == theme.font_px("title")
    assert primary.font().pixelSize() == theme.font_px("body")
    assert primary.font().bold()
    assert key.height() >= theme.key_px()
    assert primary.height() >= theme.touch_px()
    assert primary.palette().button().color().name().upper() == theme.colors.primary.upper()
