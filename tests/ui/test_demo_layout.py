"""The demo's outbox band never covers a kiosk control, and tapping it never costs a letter.

The band lives in the kiosk window's own layout (kiosk/demo_panel.py). These tests walk every
screen of a real assembled kiosk, in both orientations, with large text, folded and unfolded,
and check the band against every control a finger could press; then they type on the kiosk's
own keyboard by tapping places of the window, tap the band in between, and count the letters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.demo_panel import DemoPanel
from kiosk.domain.flow import Step
from kiosk.domain.screen import ScreenGeometry
from tests.ui.conftest import LANDSCAPE, PORTRAIT, KioskDriver, kiosk_settings, qtbot_app
from turnos.embedded import EmbeddedService

MakeKiosk = Callable[..., tuple[Any, KioskDriver, Any]]


@pytest.fixture
def demo_kiosk(
    qtbot: QtBot, qloop: qasync.QEventLoop, turnos_service: EmbeddedService, tmp_path: Any
) -> Iterator[Callable[[ScreenGeometry], tuple[Any, DemoPanel]]]:
    """`demo_kiosk(geometry)`: an assembled kiosk (not started) with the demo band attached."""
    from kiosk.app import assemble, client_for
    from kiosk.printing.file_printer import FilePrinter

    made: list[Any] = []

    def make(geometry: ScreenGeometry) -> tuple[Any, DemoPanel]:
        settings = kiosk_settings()
        kiosk = assemble(
            settings,
            qtbot_app(),
            client_for(settings, turnos_service.url, turnos_service.credentials["kiosk_token"]),
            FilePrinter(tmp_path / "slips"),
            geometry=geometry,
        )
        made.append(kiosk)
        panel = DemoPanel(turnos_service.outbox, kiosk.shell.theme)
        panel.attach(kiosk.shell)
        kiosk.shell.show()
        qtbot.waitExposed(kiosk.shell)
        return kiosk, panel

    yield make
    for kiosk in made:
        kiosk.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _controls(shell: QWidget, panel: DemoPanel) -> list[QWidget]:
    """What a finger could press or drag in the kiosk itself (the band's own buttons aside)."""
    kinds = (QAbstractButton, QLineEdit, QAbstractScrollArea)
    found: list[QWidget] = []
    for kind in kinds:
        found += [w for w in shell.findChildren(kind) if w.isVisible()]
    return [w for w in found if not (w is panel or panel.isAncestorOf(w))]


def _seen_rect(widget: QWidget, shell: QWidget) -> QRect:
    """The part of `widget` drawn on the window (a scrolled-away part is not on the screen)."""
    shown = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(shell, shown.topLeft()), shown.size())


def _variants(view: Any) -> Iterator[str]:
    """Each state of a screen that shows other controls: forms, keyboards, document types."""
    yield "as shown"
    if callable(getattr(view, "show_form", None)):
        view.show_form()  # the contact screen after its privacy notice
        yield "form"
    if callable(getattr(view, "set_id_type", None)):
        from kiosk.domain.ids import IdType

        view.set_id_type(IdType.PASSPORT)  # the letter keyboard instead of the keypad
        yield "passport"
        view.set_id_type(IdType.CEDULA)
    listing = getattr(view, "list", None)
    if listing is not None and callable(getattr(listing, "open_keyboard", None)):
        listing.open_keyboard()  # a long list's search keyboard
        yield "search keyboard"


@pytest.mark.parametrize("geometry", [PORTRAIT, LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large-text"])
def test_the_band_covers_no_control_on_any_screen(
    demo_kiosk: Callable[[ScreenGeometry], tuple[Any, DemoPanel]],
    geometry: ScreenGeometry,
    large_text: bool,
) -> None:
    kiosk, panel = demo_kiosk(geometry)
    shell = kiosk.shell
    if large_text:
        shell.set_theme(shell.theme.variant(large_text=True))
    checked = 0
    for unfolded in (False, True):
        panel.fold_button.setChecked(unfolded)
        for view in shell.views():
            shell.show_step(view.step, (1, 9), can_back=True)
            for state in _variants(view):
                _settle()
                band = panel.geometry()
                assert band.top() == 0
                assert band.width() == shell.width()
                # The code is whole, whatever the orientation and the text size.
                assert panel.code_label.width() >= panel.code_label.sizeHint().width()
                for control in _controls(shell, panel):
                    seen = _seen_rect(control, shell)
                    where = f"{view.step.name} ({state}, unfolded={unfolded})"
                    name = control.objectName() or type(control).__name__
                    assert not seen.intersects(band), f"{where}: the band covers {name}"
                    checked += 1
    assert checked > 500  # the walk saw the screens' controls, not an empty window


def test_the_kiosk_overlays_cover_the_band(
    demo_kiosk: Callable[[ScreenGeometry], tuple[Any, DemoPanel]],
) -> None:
    """Busy, errors, the technician's panel: they lie over the band as over the whole window."""
    kiosk, panel = demo_kiosk(PORTRAIT)
    shell = kiosk.shell
    inside_band = QPoint(panel.width() // 2, panel.height() // 2)
    for overlay in shell.overlays():
        overlay.show()
        overlay.raise_()
        _settle()
        hit = shell.childAt(inside_band)
        assert hit is overlay or overlay.isAncestorOf(hit), type(overlay).__name__
        overlay.hide()
    hit = shell.childAt(inside_band)
    assert hit is panel or panel.isAncestorOf(hit)


def _screen_tap(point: QPoint) -> QWidget | None:
    """A finger on the screen at `point` (global): whatever window and widget lie there get
    the press and the release, as on a touchscreen (a window floating over the kiosk too)."""
    hit = QApplication.widgetAt(point)
    if hit is not None:
        local = hit.mapFromGlobal(point)
        QTest.mousePress(hit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        QTest.mouseRelease(hit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
    return hit


def _centre(widget: QWidget) -> QPoint:
    _settle()
    return widget.mapToGlobal(widget.rect().center())


def test_tapping_the_band_drops_no_letter_and_keeps_the_focus(
    qtbot: QtBot, make_kiosk: MakeKiosk, turnos_service: EmbeddedService
) -> None:
    kiosk, driver, _clock = make_kiosk(
        turnos_service.url, turnos_service.credentials["kiosk_token"], turnos_service.outbox
    )
    shell = kiosk.shell
    panel = DemoPanel(turnos_service.outbox, shell.theme)
    panel.attach(shell)
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)

    def tap(widget: QWidget) -> None:
        hit = _screen_tap(_centre(widget))
        assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), hit

    driver.start()
    keypad = driver.view(Step.IDENTIFY).keypad
    for digit in "1710034065":
        tap(keypad.key(digit))
    driver.next()
    driver.at(Step.CONTACT)
    contact = driver.view(Step.CONTACT)
    if contact.notice_shown():
        driver.next()  # "Entendido, continuar"

    def type_by_place(text: str) -> None:
        # Where the keys are is seen once, before typing, as a person looks.
        places = {ch: _centre(contact.keyboard.key(ch)) for ch in set(text)}
        for ch in text:
            _screen_tap(places[ch])

    tap(contact.email)
    type_by_place("ana")
    focus = QApplication.focusWidget()  # whatever the kiosk's own taps left it on
    tap(panel.code_label)
    tap(panel.badge)
    type_by_place("lo")
    tap(panel.fold_button)  # unfolds: the screen below gets less room, and may scroll
    tap(panel.messages)
    tap(panel.help_label)
    assert QApplication.focusWidget() is focus
    assert QApplication.activeWindow() is shell
    tap(panel.fold_button)
    # Keys at the right edge, where the floating panel lay, and the domain keys at the bottom.
    type_by_place("pezñm")
    assert contact.email.text() == "analopezñm"
    assert QApplication.focusWidget() is focus
    assert QApplication.activeWindow() is shell
    for widget in panel.findChildren(QWidget):
        assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus, f"{widget!r} takes the focus"
