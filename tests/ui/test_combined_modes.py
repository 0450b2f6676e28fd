"""Modes combined (issue 14): large text in the low-reach band, with high contrast too, in both
orientations. Every screen keeps the guide's sizes, shows its keys without scrolling (the
review's requirements excepted), and keeps every control inside the band a seated citizen
reaches; the question and its help, words only, may stay above it.

And the cause of a screen that scrolled until the first key press: a hidden message measured
before the first layout kept that narrow measure as its minimum.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.flow import Step
from kiosk.domain.models import Catalog
from kiosk.ui.labels import ErrorLabel
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.test_views_sizes import STEPS, Mode, measure, settle, show, staged_shell

COMBINED = [
    Mode(f"{orient}-{name}", geometry, **flags)  # type: ignore[arg-type]
    for orient, geometry in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
    for name, flags in (
        ("large-text-low-reach", {"large_text": True, "low_reach": True}),
        (
            "large-text-high-contrast-low-reach",
            {"large_text": True, "high_contrast": True, "low_reach": True},
        ),
    )
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    from kiosk.backend.parse import parse_catalog
    from turnos.demo_catalog import demo_catalog

    return parse_catalog(demo_catalog())


@pytest.mark.parametrize("mode", COMBINED, ids=[m.name for m in COMBINED])
def test_every_screen_fits_in_the_band_with_large_text(
    qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    report: dict[str, list[str]] = {}
    for step in STEPS:
        show(qtbot, shell, step)
        problems = measure(shell, mode, step)
        if problems:
            report[step.name] = problems
    assert not report, "\n".join(f"{s}: {p}" for s, ps in report.items() for p in ps)


def test_the_identify_keypad_is_whole_on_screen_in_portrait_low_reach_with_large_text(
    qtbot: QtBot, qloop: object, catalog: Catalog
) -> None:
    """The finger on "7" landed on the page: the third row was below the fold."""
    shell = staged_shell(qtbot, COMBINED[0], catalog)
    view = show(qtbot, shell, Step.IDENTIFY)
    viewport = shell.scroll.viewport()
    for name in "1234567890":
        key = view.keypad.key(name)  # type: ignore[attr-defined]
        top = key.mapTo(viewport, key.rect().topLeft())
        bottom = key.mapTo(viewport, key.rect().bottomRight())
        where = f"key {name} at {top.toTuple()}, viewport {viewport.rect().getRect()}"
        assert viewport.rect().contains(top), where
        assert viewport.rect().contains(bottom), where
    assert shell.scroll.verticalScrollBar().maximum() == 0


def test_a_hidden_message_keeps_the_room_of_its_current_width(qtbot: QtBot) -> None:
    """Its minimum follows the width the layout gives it even while it is hidden (a hidden
    widget gets no resize events): 3 lines reserved at 900 px, not the 9 of a few pixels."""
    parent = QWidget()
    qtbot.addWidget(parent)
    column = QVBoxLayout(parent)
    column.setContentsMargins(0, 0, 0, 0)
    message = ErrorLabel()
    column.addWidget(message)
    column.addStretch(1)
    parent.resize(40, 2000)
    parent.show()
    qtbot.waitExposed(parent)
    settle()
    narrow = column.minimumSize().height()
    parent.resize(900, 2000)
    settle()
    assert message.isHidden()
    assert message.width() == 900
    assert column.minimumSize().height() == message.reserved_px(900) < narrow
