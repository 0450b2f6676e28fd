"""Millimetres to pixels on the configured panel, and the ADA reach band."""

from __future__ import annotations

import pytest

from kiosk.domain.screen import ScreenGeometry

PORTRAIT = ScreenGeometry(diagonal_in=21.5, width_px=1080, height_px=1920, bottom_edge_mm=800)


def test_reference_panel_from_the_ui_guide() -> None:
    assert PORTRAIT.mm_per_px == pytest.approx(0.248, abs=0.001)
    assert PORTRAIT.px(15) == pytest.approx(60, abs=1)  # touch target
    assert PORTRAIT.px(15) * PORTRAIT.mm_per_px >= 15  # never smaller than asked
    assert PORTRAIT.px(20) == 81  # keypad key
    assert PORTRAIT.orientation == "portrait"
    assert PORTRAIT.height_mm == pytest.approx(476, abs=1)


def test_font_size_for_cap_height() -> None:
    # UI guide: 5 mm capitals are about a 28 px font on this panel, capitals about 20 px.
    font = PORTRAIT.font_px_for_cap_height_mm(5)
    assert font in (28, 29)
    assert font * 0.7 * PORTRAIT.mm_per_px >= 5
    assert PORTRAIT.font_px_for_cap_height_mm(10) == pytest.approx(2 * font, abs=1)


def test_landscape_and_a_larger_panel() -> None:
    wide = ScreenGeometry(24, 1920, 1080, 900)
    assert wide.orientation == "landscape"
    assert wide.mm_per_px == pytest.approx(0.2767, abs=0.0005)
    assert wide.px(15) == 55


def test_px_of_zero_and_exact_multiples() -> None:
    assert PORTRAIT.px(0) == 0
    assert PORTRAIT.px(PORTRAIT.mm_per_px * 3) == 3


def test_reach_band_on_a_portrait_panel_at_800_mm() -> None:
    top, bottom = PORTRAIT.reach_band_px()
    # The panel spans 800..1276 mm: the top 56 mm (≈226 px) are above 1220 mm.
    assert top == pytest.approx(226, abs=1)
    assert bottom == 1920
    assert (1276 - top * PORTRAIT.mm_per_px) <= 1220


def test_reach_band_cut_at_both_ends() -> None:
    low = ScreenGeometry(21.5, 1080, 1920, 200)  # spans 200..676 mm
    top, bottom = low.reach_band_px()
    assert top == 0
    assert bottom == pytest.approx((200 + low.height_mm - 380) / low.mm_per_px, abs=1)
    narrow_top, narrow_bottom = PORTRAIT.reach_band_px(min_mm=900, max_mm=1000)
    assert narrow_top == pytest.approx(276 / PORTRAIT.mm_per_px, abs=1)
    assert narrow_bottom == pytest.approx(376 / PORTRAIT.mm_per_px, abs=1)


def test_reach_band_outside_the_screen_is_an_error() -> None:
    too_high = ScreenGeometry(21.5, 1080, 1920, 1300)
    with pytest.raises(ValueError, match="reach band"):
        too_high.reach_band_px()
    with pytest.raises(ValueError, match="min_mm"):
        PORTRAIT.reach_band_px(min_mm=1200, max_mm=1000)


@pytest.mark.parametrize(
    "args", [(0, 1080, 1920, 800), (21.5, 0, 1920, 800), (21.5, 1080, -1, 800), (21.5, 1, 1, -5)]
)
def test_nonsense_geometry_is_refused(args: tuple[float, int, int, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        ScreenGeometry(*args)
