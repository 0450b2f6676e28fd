"""The UI-GUIDE's physical sizes, measured on the real widgets of every screen in every mode.

Each screen is staged in a real shell at the configured screen size (portrait and landscape),
filled with the demo catalogue and a booking, then every visible control and text is measured
in millimetres: touch targets, keys, the gaps between them, capitals, nothing clipped, no
scrolling where the screen is short, and in low-reach mode every control inside the band a
seated citizen reaches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.backend.parse import parse_catalog
from kiosk.controller import build_views
from kiosk.domain.flow import Step
from kiosk.domain.models import Availability, Catalog, Day, DayState, Localized
from kiosk.domain.screen import CAP_HEIGHT_PER_EM, REACH_MAX_MM, REACH_MIN_MM, ScreenGeometry
from kiosk.ui.shell import KioskShell
from kiosk.ui.step_view import StepView
from kiosk.ui.theme import Theme
from tests.ui.conftest import LANDSCAPE, PORTRAIT
from tests.ui.test_views_booking import _confirmation, _draft, _slot
from turnos.demo_catalog import demo_catalog

# Screens whose content is long by nature and may scroll (the review's requirements are
# the service's text, of any length).
MAY_SCROLL = {Step.REVIEW}
TOL_MM = 0.05  # rounding of pixels


@dataclass(frozen=True)
class Mode:
    name: str
    geometry: ScreenGeometry
    high_contrast: bool = False
    large_text: bool = False
    low_reach: bool = False


MODES = [
    Mode(f"{orient}-{name}", geometry, **flags)  # type: ignore[arg-type]
    for orient, geometry in (("portrait", PORTRAIT), ("landscape", LANDSCAPE))
    for name, flags in (
        ("plain", {}),
        ("high-contrast", {"high_contrast": True}),
        ("large-text", {"large_text": True}),
        ("low-reach", {"low_reach": True}),
    )
]


def staged_shell(qtbot: QtBot, mode: Mode, catalog: Catalog) -> KioskShell:
    """A shell the size of the screen with every screen filled as in a booking."""
    base = Theme(mode.geometry)
    shell = KioskShell(base, brand_name="Turnos")
    shell.setFixedSize(mode.geometry.width_px, mode.geometry.height_px)
    for view in build_views(base):
        shell.add_view(view)
    qtbot.addWidget(shell)
    # As the tour and the header toggles do: the variant arrives after the views exist.
    shell.set_theme(base.variant(high_contrast=mode.high_contrast, large_text=mode.large_text))
    shell.set_low_reach(mode.low_reach)
    draft = _draft(catalog)
    conf = _confirmation(catalog, "b-1", "CP-001")
    v = shell.view
    v(Step.VERIFY_CODE).show_state(draft)
    v(Step.PROVINCE).set_provinces(catalog.provinces, "es")  # type: ignore[attr-defined]
    v(Step.PROCEDURE).set_procedures(catalog.procedures_in("17"), "es")  # type: ignore[attr-defined]
    v(Step.AGENCY).set_agencies(  # type: ignore[attr-defined]
        catalog.agencies_for("17", draft.procedure_code or ""), "es"
    )
    v(Step.SCHEDULE).set_availability(november())  # type: ignore[attr-defined]
    v(Step.SCHEDULE).set_slots(  # type: ignore[attr-defined]
        [
            type(_slot(catalog))(
                f"s{i}",
                _slot(catalog).start + dt.timedelta(minutes=20 * i),
                _slot(catalog).end + dt.timedelta(minutes=20 * i),
                1,
            )
            for i in range(16)
        ]
    )
    v(Step.REVIEW).show_review(draft, catalog, "es")  # type: ignore[attr-defined]
    v(Step.REVIEW).set_hold_countdown(300)  # type: ignore[attr-defined]
    v(Step.PRINT).show_failed("TRN1:" + "Q" * 150, True)  # type: ignore[attr-defined]
    v(Step.DONE).show_confirmation(conf, catalog, "es")  # type: ignore[attr-defined]
    v(Step.EXISTING_TURN).set_bookings([conf], catalog, "es")  # type: ignore[attr-defined]
    shell.show()
    qtbot.waitExposed(shell)
    return shell


def november() -> Availability:
    """November 2026 spans six weeks, the tallest month, and holds every state of a day: two
    named holidays in a row (the longest notes), weekends, full days, and days past the window."""
    first, last_bookable = dt.date(2026, 11, 1), dt.date(2026, 11, 26)
    names = {2: Localized("Día de Difuntos"), 3: Localized("Independencia de Cuenca")}
    days = []
    for i in range(45):
        day = first + dt.timedelta(days=i)
        if day.month == 11 and day.day in names:
            days.append(Day(day, 0, DayState.CLOSED, names[day.day]))
        elif day.isoweekday() >= 6:
            days.append(Day(day, 0, DayState.CLOSED))
        elif day > last_bookable:
            days.append(Day(day, 0, DayState.NOT_OPEN))
        else:
            days.append(Day(day, 3 if i % 4 else 0, DayState.OPEN if i % 4 else DayState.FULL))
    return Availability(tuple(days), last_bookable)


def show(qtbot: QtBot, shell: KioskShell, step: Step) -> StepView:
    shell.show_step(step, (3, 9), can_back=step is not Step.WELCOME)
    view = shell.view(step)
    if step is Step.CONTACT:
        view.show_form()  # type: ignore[attr-defined]
    if step is Step.PROVINCE:
        view.list.open_keyboard()  # type: ignore[attr-defined]  # searching, as in the tour
    settle()
    qtbot.waitUntil(lambda: view.isVisible())
    return view


def settle() -> None:
    # Layouts are applied by posted LayoutRequest events: deliver them all, repeatedly, as
    # a layout may ask for another pass.
    for _ in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


# --- what is on the screen -----------------------------------------------------------------


def on_screen(shell: KioskShell, widget: QWidget) -> QRect | None:
    """The part of `widget` a citizen can see (clipped by scroll areas), in shell pixels."""
    if not widget.isVisibleTo(shell) or widget.width() <= 0 or widget.height() <= 0:
        return None
    region = widget.visibleRegion()
    if region.isEmpty():
        return None
    box = region.boundingRect()
    return QRect(widget.mapTo(shell, box.topLeft()), box.size())


def on_top_overlay(shell: KioskShell) -> bool:
    return any(o.isVisible() for o in shell.overlays())


def controls(shell: KioskShell) -> Iterator[tuple[QWidget, QRect]]:
    for widget in shell.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLineEdit)):
            if any(o.isAncestorOf(widget) for o in shell.overlays()):
                continue
            rect = on_screen(shell, widget)
            if rect is not None:
                yield widget, rect


def texts(shell: KioskShell) -> Iterator[tuple[QWidget, QRect]]:
    for widget in shell.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            if any(o.isAncestorOf(widget) for o in shell.overlays()):
                continue
            text = widget.text()
            if not text.strip():
                continue
            rect = on_screen(shell, widget)
            if rect is not None:
                yield widget, rect


def name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""  # type: ignore[attr-defined]
    return f"{type(widget).__name__}({widget.objectName() or text.splitlines()[0][:30]!r})"


def cap_mm(widget: QWidget, geometry: ScreenGeometry) -> float:
    font = widget.font()
    size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    return size * CAP_HEIGHT_PER_EM * geometry.mm_per_px


def clipped(widget: QWidget) -> bool:
    """Whether the widget's words need more room than it has."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QPushButton):
        shown = QPushButton.text(widget)  # a WrapButton's text() gives the unwrapped words
        lines = shown.splitlines() or [""]
        need_w = max(metrics.horizontalAdvance(line) for line in lines)
        need_h = metrics.height() * len(lines)
        # The stylesheet's padding and border sit inside the button.
        return need_w > widget.contentsRect().width() - 4 or need_h > widget.height()
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height() + 1
        return widget.sizeHint().width() > widget.width() + 1
    return False


# --- the tests -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(demo_catalog())


STEPS = [
    Step.WELCOME,
    Step.IDENTIFY,
    Step.CONTACT,
    Step.VERIFY_CODE,
    Step.EXISTING_TURN,
    Step.PROVINCE,
    Step.PROCEDURE,
    Step.AGENCY,
    Step.SCHEDULE,
    Step.REVIEW,
    Step.PRINT,
    Step.DONE,
]


def measure(shell: KioskShell, mode: Mode, step: Step) -> list[str]:
    """Every breach of the guide on the current screen, in words."""
    g = mode.geometry
    mm = g.mm_per_px
    problems: list[str] = []
    found = list(controls(shell))
    for widget, rect in found:
        full = widget.size()
        if rect.size() != full:
            continue  # partly scrolled out of view: measured where it is whole
        least = 20.0 if widget.property("role") == "key" else 15.0
        if min(full.width(), full.height()) * mm < least - TOL_MM:
            problems.append(
                f"{name(widget)} is {full.width() * mm:.1f}×{full.height() * mm:.1f} mm"
                f" (< {least:.0f} mm)"
            )
    for i, (a, ra) in enumerate(found):
        for b, rb in found[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            dx = max(rb.left() - ra.right() - 1, ra.left() - rb.right() - 1)
            dy = max(rb.top() - ra.bottom() - 1, ra.top() - rb.bottom() - 1)
            gap = max(dx, dy)
            if gap * mm < 2.0 - TOL_MM:
                problems.append(f"{name(a)} and {name(b)} are {gap * mm:.1f} mm apart")
    for widget, _rect in texts(shell):
        capitals = cap_mm(widget, g)
        if capitals < 4.0 - TOL_MM:
            problems.append(f"{name(widget)} has {capitals:.1f} mm capitals (< 4 mm)")
        role = widget.property("role")
        body = role not in ("small", "header", "help") and not (
            isinstance(widget, QPushButton) and role == "header"
        )
        if body and isinstance(widget, (QLabel, QLineEdit)) and capitals < 5.0 - TOL_MM:
            problems.append(f"{name(widget)} has {capitals:.1f} mm capitals (< 5 mm body)")
        if clipped(widget):
            problems.append(f"{name(widget)} is clipped ({widget.width()}×{widget.height()})")
    if step not in MAY_SCROLL and shell.scroll.verticalScrollBar().maximum() > 0:
        problems.append(f"the screen scrolls by {shell.scroll.verticalScrollBar().maximum()} px")
    if shell.stack.width() > shell.scroll.viewport().width():
        problems.append(f"the screen is {shell.stack.width()} px wide")
    if mode.low_reach:
        for widget, rect in found:
            top = g.bottom_edge_mm + (g.height_px - rect.top()) * mm
            bottom = g.bottom_edge_mm + (g.height_px - rect.bottom() - 1) * mm
            if top > REACH_MAX_MM + TOL_MM or bottom < REACH_MIN_MM - TOL_MM:
                problems.append(f"{name(widget)} spans {bottom:.0f}–{top:.0f} mm above floor")
    return problems


@pytest.mark.parametrize("mode", MODES, ids=[m.name for m in MODES])
def test_every_screen_keeps_the_physical_sizes(
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


PRIMARY_MODES = [m for m in MODES if m.name.endswith(("plain", "large-text"))]


@pytest.mark.parametrize("mode", PRIMARY_MODES, ids=[m.name for m in PRIMARY_MODES])
def test_the_primary_action_is_the_largest_and_stays_in_place(
    qtbot: QtBot, qloop: object, catalog: Catalog, mode: Mode
) -> None:
    shell = staged_shell(qtbot, mode, catalog)
    mm = mode.geometry.mm_per_px
    places = set()
    for step in STEPS[1:]:
        show(qtbot, shell, step)
        nxt = shell.next_button
        if not nxt.isVisible():
            continue
        places.add(nxt.mapTo(shell, nxt.rect().bottomRight()).toTuple())
        assert nxt.height() * mm >= 20.0 - TOL_MM, step
        for other in (shell.back_button, shell.start_over_button):
            if other.isVisible():
                assert other.width() < nxt.width(), step
                assert other.height() <= nxt.height(), step
                assert other.height() * mm >= 20.0 - TOL_MM, step
    assert len(places) == 1  # the same corner on every screen
