"""The numeric keypad: taps type into the bound field, keys are at least 20 mm, no focus theft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.keypad import ACCEPT, BACKSPACE, Keypad
from kiosk.ui.theme import Theme


def _tap(qtbot: QtBot, pad: Keypad, keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(pad.key(key), Qt.MouseButton.LeftButton)


def _pad_with_field(
    qtbot: QtBot, theme: Theme, **kwargs: bool
) -> tuple[Keypad, QLineEdit, QWidget]:
    """The keypad under a field in a styled window (return the host: it owns both)."""
    host = QWidget()
    host.setStyleSheet(theme.stylesheet())
    column = QVBoxLayout(host)
    edit = QLineEdit()
    pad = Keypad(theme, **kwargs)
    column.addWidget(edit)
    column.addWidget(pad)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    edit.setFocus()
    pad.bind(edit)
    return pad, edit, host


def test_taps_type_digits_into_the_bound_field(qtbot: QtBot, theme: Theme) -> None:
    pad, edit, _host = _pad_with_field(qtbot, theme)
    with qtbot.waitSignals([pad.typed] * 3):
        _tap(qtbot, pad, "170")
    assert edit.text() == "170"
    _tap(qtbot, pad, "9876543210")
    assert edit.text() == "1709876543210"


def test_backspace_erases_the_last_digit(qtbot: QtBot, theme: Theme) -> None:
    pad, edit, _host = _pad_with_field(qtbot, theme)
    _tap(qtbot, pad, "123")
    with qtbot.waitSignal(pad.erased):
        qtbot.mouseClick(pad.key(BACKSPACE), Qt.MouseButton.LeftButton)
    assert edit.text() == "12"


def test_keys_always_work_at_the_end_wherever_the_field_was_tapped(
    qtbot: QtBot, theme: Theme
) -> None:
    pad, edit, _host = _pad_with_field(qtbot, theme)
    _tap(qtbot, pad, "1710034065")
    # A finger on the middle of the number puts Qt's cursor there; the keys have no arrows.
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=edit.cursorRect().center() / 2)
    assert edit.cursorPosition() < len(edit.text())
    qtbot.mouseClick(pad.key(BACKSPACE), Qt.MouseButton.LeftButton)
    assert edit.text() == "171003406"  # the last digit, not one in the middle
    _tap(qtbot, pad, "9")
    assert edit.text() == "1710034069"


def test_accept_key_only_when_asked_for(qtbot: QtBot, theme: Theme) -> None:
    pad, _, _host = _pad_with_field(qtbot, theme, accept_key=True)
    with qtbot.waitSignal(pad.accepted):
        qtbot.mouseClick(pad.key(ACCEPT), Qt.MouseButton.LeftButton)
    plain = Keypad(theme)
    qtbot.addWidget(plain)
    assert _has_no_accept(plain)


def _has_no_accept(pad: Keypad) -> bool:
    try:
        pad.key(ACCEPT)
    except KeyError:
        return True
    return False


def test_keys_are_at_least_20_mm_and_never_take_the_focus(qtbot: QtBot, theme: Theme) -> None:
    pad, edit, host = _pad_with_field(qtbot, theme)
    twenty_mm = theme.px(20.0)
    for name in [*"0123456789", BACKSPACE]:
        key = pad.key(name)
        assert key.width() >= twenty_mm
        assert key.height() >= twenty_mm
        # Tab reaches it (switch access); a tap never takes the focus from the field.
        assert key.focusPolicy() == Qt.FocusPolicy.TabFocus
    _tap(qtbot, pad, "5")
    assert host.focusWidget() is edit  # the field keeps the cursor


def test_unbound_keypad_only_reports_the_keys(qtbot: QtBot, theme: Theme) -> None:
    pad, edit, _host = _pad_with_field(qtbot, theme)
    pad.bind(None)
    with qtbot.waitSignal(pad.typed) as blocker:
        _tap(qtbot, pad, "7")
    assert blocker.args == ["7"]
    assert edit.text() == ""


def test_enter_or_space_on_a_focused_key_types_into_the_field(qtbot: QtBot, theme: Theme) -> None:
    """Switch access: Tab brings the focus onto a key; Enter (or Space) presses it, and the
    digit goes into the field the keypad serves, never into the key; ⌫ erases there too."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.domain.flow import Step
    from kiosk.ui.shell import KioskShell
    from kiosk.views.identify import IdentifyView

    shell = KioskShell(theme, brand_name="Turnos")
    view = IdentifyView(theme)
    shell.add_view(view)
    qtbot.addWidget(shell)
    shell.show()
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    shell.show_step(Step.IDENTIFY, (2, 9), can_back=True)
    view.edit.setFocus()
    QTest.keyClick(view.edit, Qt.Key.Key_Tab)  # the keys come right after the field
    one = view.keypad.key("1")
    assert QApplication.focusWidget() is one
    QTest.keyClick(one, Qt.Key.Key_Return)
    QTest.keyClick(one, Qt.Key.Key_Enter)
    QTest.keyClick(one, Qt.Key.Key_Space)
    assert view.edit.text() == "111"
    assert one.text() == "1"
    for _ in range(9):  # 2 ... 9, ⌫
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.keypad.key(BACKSPACE)
    QTest.keyClick(view.keypad.key(BACKSPACE), Qt.Key.Key_Return)
    assert view.edit.text() == "11"
    assert QApplication.focusWidget() is view.keypad.key(BACKSPACE)  # the focus stays put
