"""Every touch target on every screen and overlay: at least 15 mm by 15 mm, and at least
2 mm from its neighbours, at the configured screen in both orientations, in every theme and
in the low-reach mode (ISO 9241-411 and the UI guide; WCAG 2.5.8 asks far less).

Measured in millimetres from the widgets' real geometry on the shell the size of the panel
(kiosk.domain.screen.ScreenGeometry of kiosk.tour.run's PORTRAIT and LANDSCAPE), with the
overlays put up one by one (tests/ui/every_screen.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.domain.models import Catalog
from kiosk.ui.shell import KioskShell
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.every_screen import THEMES, controls, every_screen
from tests.ui.test_views_sizes import TOL_MM, Mode, name, on_screen, staged_shell
from turnos.demo_catalog import demo_catalog

LEAST_MM = 15.0
GAP_MM = 2.0
MODES = THEMES + [
    Mode(f"{orient}-low-reach{extra}", geometry, low_reach=True, **flags)  # type: ignore[arg-type]
    for orient, geometry in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
    for extra, flags in (
        ("", {}),
        ("-high-contrast-large-text", {"high_contrast": True, "large_text": True}),
    )
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


def gap_px(a: QRect, b: QRect) -> int:
    """Pixels between two rects (0 or less: they touch or overlap)."""
    dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1)
    dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
    return max(dx, dy)


def target_problems(shell: KioskShell, mode: Mode, screen: str) -> list[str]:
    mm = mode.geometry.mm_per_px
    problems = []
    whole: list[tuple[QWidget, QRect]] = []
    for widget in controls(shell):
        rect = on_screen(shell, widget)
        if rect is None or rect.size() != widget.size():
            continue  # partly scrolled out of view: measured where it is whole
        whole.append((widget, rect))
        w, h = rect.width() * mm, rect.height() * mm
        if min(w, h) < LEAST_MM - TOL_MM:
            problems.append(f"{screen}: {name(widget)} is {w:.1f}×{h:.1f} mm (< {LEAST_MM:.0f})")
    for i, (a, ra) in enumerate(whole):
        for b, rb in whole[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            gap = gap_px(ra, rb) * mm
            if gap < GAP_MM - TOL_MM:
                problems.append(f"{screen}: {name(a)} and {name(b)} are {gap:.1f} mm apart")
    return problems


@pytest.mark.parametrize("mode", MODES, ids=[m.name for m in MODES])
def test_every_target_on_every_screen_is_large_and_apart(
    qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    problems: list[str] = []
    seen = 0
    for screen in every_screen(qtbot, shell):
        problems += target_problems(shell, mode, screen)
        seen += len(controls(shell))
    assert seen > 200  # every screen's controls were measured, overlays' too
    assert not problems, "\n".join(problems)
