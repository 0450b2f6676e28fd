"""The on-screen keyboard: Spanish letters, email keys, shift, backspace; tapped by qtbot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.keyboard import SHIFT, SPACE, Keyboard, KeyboardLayout
from kiosk.ui.keypad import BACKSPACE
from kiosk.ui.theme import Theme
from tests.ui.conftest import LANDSCAPE


def _keyboard_with_field(
    qtbot: QtBot, theme: Theme, layout: KeyboardLayout = KeyboardLayout.EMAIL
) -> tuple[Keyboard, QLineEdit, QWidget]:
    host = QWidget()
    host.setStyleSheet(theme.stylesheet())
    column = QVBoxLayout(host)
    edit = QLineEdit()
    keyboard = Keyboard(theme, layout=layout)
    column.addWidget(edit)
    column.addWidget(keyboard)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    keyboard.bind(edit)
    edit.setFocus()
    return keyboard, edit, host


def _tap(qtbot: QtBot, keyboard: Keyboard, *keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(keyboard.key(key), Qt.MouseButton.LeftButton)


def test_an_email_is_typed_with_the_domain_keys(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme)
    _tap(qtbot, keyboard, *"jose_m-2.", "ñ", "@", "gmail.com")
    assert edit.text() == "jose_m-2.ñ@gmail.com"
    edit.clear()
    _tap(qtbot, keyboard, *"ana", "@", *"iess", ".com", ".ec")
    assert edit.text() == "ana@iess.com.ec"
    _tap(qtbot, keyboard, BACKSPACE, BACKSPACE, BACKSPACE)
    assert edit.text() == "ana@iess.com"
    edit.clear()
    _tap(qtbot, keyboard, *"x@", "hotmail.com")
    assert edit.text() == "x@hotmail.com"


def test_spanish_letters_and_accents_are_there(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme)
    _tap(qtbot, keyboard, *"áéíóúüñ")
    assert edit.text() == "áéíóúüñ"


def test_shift_upper_cases_one_letter_then_releases(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme)
    _tap(qtbot, keyboard, SHIFT)
    assert keyboard.key("ñ").text() == "Ñ"
    _tap(qtbot, keyboard, "ñ", "a")
    _tap(qtbot, keyboard, SHIFT, "á")
    assert edit.text() == "ÑaÁ"
    assert keyboard.key("a").text() == "a"
    assert not keyboard.key(SHIFT).isChecked()


def test_code_layout_types_capitals_and_digits_only(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme, KeyboardLayout.CODE)
    _tap(qtbot, keyboard, "A", "B", "1", "2", "-", "Z")
    assert edit.text() == "AB12-Z"
    names = keyboard.key_names()
    assert "@" not in names
    assert "gmail.com" not in names
    assert "ñ" not in names


def test_text_layout_has_a_space_bar(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme, KeyboardLayout.TEXT)
    _tap(qtbot, keyboard, *"los", SPACE, *"ríos")
    assert edit.text() == "los ríos"
    assert "@" not in keyboard.key_names()


@pytest.mark.parametrize("landscape", [False, True])
def test_keys_are_big_and_the_keyboard_fits_the_screen(
    qtbot: QtBot, theme: Theme, landscape: bool
) -> None:
    if landscape:
        theme = Theme(LANDSCAPE)
    keyboard, edit, host = _keyboard_with_field(qtbot, theme)
    twenty_mm = theme.px(20.0)
    screen_width = 1920 if landscape else 1080
    assert keyboard.sizeHint().width() <= screen_width - 2 * theme.margin_px()
    host.resize(screen_width - 2 * theme.margin_px(), host.sizeHint().height())
    qtbot.waitUntil(lambda: keyboard.key("q").width() >= twenty_mm)
    for name in ("q", "ñ", "@", ".com", SHIFT, BACKSPACE):
        key = keyboard.key(name)
        assert key.height() >= twenty_mm, name
        # Tab reaches it (switch access); a tap never takes the focus from the field.
        assert key.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert not keyboard.geometry().intersects(edit.geometry())


def test_unbound_keyboard_reports_what_was_tapped(qtbot: QtBot, theme: Theme) -> None:
    keyboard, edit, _ = _keyboard_with_field(qtbot, theme)
    keyboard.bind(None)
    with qtbot.waitSignal(keyboard.typed) as blocker:
        _tap(qtbot, keyboard, "gmail.com")
    assert blocker.args == ["gmail.com"]
    assert edit.text() == ""


def test_tab_onto_a_field_brings_its_keys_and_enter_types_there(qtbot: QtBot, theme: Theme) -> None:
    """Switch access on the contact form: the e-mail's keyboard follows the e-mail field in the
    Tab order, the phone's keypad the phone field; Enter on a key types into its field."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.domain.flow import Step
    from kiosk.ui.shell import KioskShell
    from kiosk.views.contact import ContactView

    shell = KioskShell(theme, brand_name="Turnos")
    contact = ContactView(theme)
    shell.add_view(contact)
    qtbot.addWidget(shell)
    shell.show()
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell)
    shell.show_step(Step.CONTACT, (3, 9), can_back=True)
    contact.show_form()
    assert QApplication.focusWidget() is contact.email
    stops = shell.switch_access.tab_stops()
    assert stops[stops.index(contact.email) + 1] is contact.keyboard.key("1")
    QTest.keyClick(contact.email, Qt.Key.Key_Tab)
    for _ in range(10):  # 2 ... 0, q
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    q = contact.keyboard.key("q")
    assert QApplication.focusWidget() is q
    QTest.keyClick(q, Qt.Key.Key_Return)
    assert contact.email.text() == "q"
    # On to the phone field: its keypad comes after it, the keyboard goes.
    while QApplication.focusWidget() is not contact.phone:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert contact.keypad.bound_edit() is contact.phone
    assert not contact.keyboard.isVisible()
    QTest.keyClick(contact.phone, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is contact.keypad.key("1")
    QTest.keyClick(contact.keypad.key("1"), Qt.Key.Key_Return)
    assert contact.phone.text() == "1"
    assert contact.email_text() == "q"
