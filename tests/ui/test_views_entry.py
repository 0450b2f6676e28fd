"""The first screens: welcome, identify, the privacy notice with the contact form, the code.

Every test drives the real widgets with qtbot clicks (keypad and keyboard included) and reads
what the controller would read: the typed getters, is_valid(), next_label().
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.contact import Channel
from kiosk.domain.flow import Draft
from kiosk.domain.ids import IdType, parse_id
from kiosk.domain.models import Language
from kiosk.ui.keyboard import Keyboard
from kiosk.ui.keypad import ACCEPT, BACKSPACE, Keypad
from kiosk.ui.theme import Theme
from kiosk.views.code import CodeView
from kiosk.views.contact import ContactView
from kiosk.views.identify import IdentifyView
from kiosk.views.welcome import WelcomeView
from tests.ui.conftest import LANDSCAPE, PORTRAIT

CEDULA = "1710034065"  # passes the check digit; fictitious
EMAIL = "maria.perez@gmail.com"
MOBILE = "0991234678"
MOBILE_E164 = "+593991234678"


def shown(qtbot: QtBot, view: QWidget, theme: Theme, size: tuple[int, int]) -> QWidget:
    """`view` styled by the theme at the size the shell gives it on that screen."""
    view.setStyleSheet(theme.stylesheet())
    view.resize(*size)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


PORTRAIT_BODY = (1016, 1500)  # 1080×1920 less margins, header, title and action bar
LANDSCAPE_BODY = (1856, 700)


def texts(root: QWidget) -> Iterator[str]:
    for edit in root.findChildren(QLineEdit):
        yield edit.text()
    for widget in root.findChildren(QLabel):
        yield widget.text()
    for button in root.findChildren(QAbstractButton):
        yield button.text()


def assert_nothing_personal(root: QWidget, *values: str) -> None:
    for text in texts(root):
        for value in values:
            assert value not in text, "a personal value is still shown"


def tap(qtbot: QtBot, keys: Keypad | Keyboard, *names: str) -> None:
    for name in names:
        qtbot.mouseClick(keys.key(name), Qt.MouseButton.LeftButton)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- welcome ---------------------------------------------------------------------------------


def test_welcome_starts_in_the_language_touched(qtbot: QtBot, theme: Theme) -> None:
    view = WelcomeView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    with qtbot.waitSignal(view.start_requested) as spanish:
        click(qtbot, view.spanish)
    with qtbot.waitSignal(view.start_requested) as english:
        click(qtbot, view.english)
    assert spanish.args == [Language.ES]
    assert english.args == [Language.EN]
    view.set_default_language(Language.EN)
    with qtbot.waitSignal(view.start_requested) as anywhere:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert anywhere.args == [Language.EN]
    assert view.spanish.height() >= theme.px(20.0)


# -- identify --------------------------------------------------------------------------------


def test_a_valid_cedula_typed_on_the_keypad(qtbot: QtBot, theme: Theme) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    assert view.keypad.isVisible()
    assert not view.keyboard.isVisible()
    assert not view.is_valid()
    with qtbot.waitSignal(view.changed):
        tap(qtbot, view.keypad, *CEDULA)
    assert view.is_valid()
    assert view.value() == (IdType.CEDULA, CEDULA)
    assert view.next_label() == "Consultar"
    assert view.title() == "Escriba su número de cédula"
    assert not view.error.isVisible()
    assert "Consultar" in view.progress.text()
    with qtbot.waitSignal(view.submitted):
        tap(qtbot, view.keypad, ACCEPT)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("99", "provincia"),
        ("179", "tercer dígito"),
        ("1710034066", "Revise los 10 dígitos"),
    ],
)
def test_a_wrong_cedula_is_explained_while_typing(
    qtbot: QtBot, theme: Theme, typed: str, words: str
) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    tap(qtbot, view.keypad, *typed)
    assert view.error.isVisible()
    assert words in view.error.text()
    assert typed not in view.error.text()
    assert not view.is_valid()
    # Erasing the wrong digit takes the error away at once.
    tap(qtbot, view.keypad, BACKSPACE)
    assert not view.error.isVisible()


def test_accepting_too_few_digits_says_what_is_missing(qtbot: QtBot, theme: Theme) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    tap(qtbot, view.keypad, *"17100")
    with qtbot.assertNotEmitted(view.submitted):
        tap(qtbot, view.keypad, ACCEPT)
    assert "Faltan dígitos" in view.error.text()


def test_a_passport_is_typed_on_the_keyboard(qtbot: QtBot, theme: Theme) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    tap(qtbot, view.keypad, *"171")
    click(qtbot, view.type_buttons[IdType.PASSPORT])
    assert view.edit.text() == ""  # a cédula prefix is no passport number
    assert view.keyboard.isVisible()
    assert not view.keypad.isVisible()
    assert view.title() == "Escriba su número de pasaporte"
    assert view.type_buttons[IdType.PASSPORT].text().startswith("✓")
    assert "pasaporte" in view.help_text()  # no longer "Si no tiene cédula, elija…"
    tap(qtbot, view.keyboard, *"AB123")
    assert not view.is_valid()  # 5 characters: no passport number is that short
    assert not view.error.isVisible()  # still being typed: no alarm yet
    assert not view.progress.isVisible()  # and never "Número completo"
    assert view.counter.text() == "5 caracteres (de 6 a 9)"  # why Consultar stays off
    tap(qtbot, view.keyboard, "4")
    assert view.value() == (IdType.PASSPORT, "AB1234")
    assert view.progress.isVisible()
    tap(qtbot, view.keyboard, *"5678")
    assert view.value() == (IdType.PASSPORT, "AB1234567")  # ICAO 9303: at most 9
    click(qtbot, view.type_buttons[IdType.FOREIGNER_CODE])
    tap(qtbot, view.keyboard, *"X12345")
    assert view.value() == (IdType.FOREIGNER_CODE, "X12345")


def test_a_service_error_shows_next_to_the_field_until_the_number_changes(
    qtbot: QtBot, theme: Theme
) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    tap(qtbot, view.keypad, *CEDULA)
    view.set_error("No encontramos esa cédula. Revise el número.")
    assert view.error.text() == "No encontramos esa cédula. Revise el número."
    tap(qtbot, view.keypad, BACKSPACE)
    assert "No encontramos" not in view.error.text()


def test_identify_clear_and_show_state_leave_no_number(qtbot: QtBot, theme: Theme) -> None:
    view = IdentifyView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    click(qtbot, view.type_buttons[IdType.PASSPORT])
    tap(qtbot, view.keyboard, *"ZX98765")
    assert view.edit.text() == "ZX98765"  # typed, so the wipe below has something to wipe
    view.clear()
    assert view.id_type() is IdType.CEDULA
    assert_nothing_personal(view, "ZX98765")
    draft = Draft(document=parse_id(IdType.CEDULA, CEDULA))
    view.show_state(draft)
    assert_nothing_personal(view, CEDULA)


# -- privacy notice and contact ----------------------------------------------------------------


def test_the_privacy_notice_comes_before_any_contact_field(qtbot: QtBot, theme: Theme) -> None:
    view = ContactView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    assert view.notice_shown()
    assert not view.email.isVisible()
    assert not view.phone.isVisible()
    # The primary action stays in the action bar, where it is on every screen.
    assert view.next_label() == "Entendido, continuar"
    assert view.is_valid()
    summary = view.privacy.summary.text()
    for needed in ("Para qué", "Base legal", "Cuánto tiempo", "593 23945666"):
        assert needed in summary
    assert not view.privacy.full.isVisible()
    click(qtbot, view.privacy.read_all)
    assert view.privacy.full.isVisible()
    assert "Sus derechos" in view.privacy.full.text()
    assert view.privacy.read_all.text() == "Leer menos"
    with qtbot.waitSignal(view.changed):
        view.accept_notice()
    assert not view.notice_shown()
    assert view.email.isVisible()
    assert view.next_label() == "Siguiente"


def _fill_contact(qtbot: QtBot, view: ContactView, email: str, phone: str) -> None:
    view.accept_notice()
    assert view.keyboard.isVisible()
    tap(qtbot, view.keyboard, *email.split("@")[0], "@", "gmail.com")
    click(qtbot, view.phone)  # the mobile number is typed on the keypad
    assert view.keypad.isVisible()
    assert not view.keyboard.isVisible()
    tap(qtbot, view.keypad, *phone)


def test_email_and_mobile_typed_on_the_keys(qtbot: QtBot, theme: Theme) -> None:
    view = ContactView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    assert view.email.text() == ""
    assert view.phone.text() == ""
    _fill_contact(qtbot, view, EMAIL, MOBILE)
    # Typing the mobile number, the address is shown masked, as personal data once entered.
    assert view.email.text() == "m•••@gmail.com"
    assert view.is_valid()
    assert view.value() == (EMAIL, MOBILE_E164, Channel.EMAIL)
    click(qtbot, view.sms)
    assert view.value()[2] is Channel.SMS
    assert view.sms.text().startswith("✓")
    click(qtbot, view.email)  # back to correct it: the address as typed
    assert view.keyboard.isVisible()
    assert view.email.text() == EMAIL
    assert not view.email.isReadOnly()


def test_contact_errors_say_what_to_do(qtbot: QtBot, theme: Theme) -> None:
    view = ContactView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    view.accept_notice()
    tap(qtbot, view.keyboard, *"maria", "@")
    assert not view.email_error.isVisible()  # not while the citizen is still typing it
    click(qtbot, view.phone)
    assert "Falta la @" in view.email_error.text()
    tap(qtbot, view.keypad, *"022345678")  # a Quito landline: no SMS possible
    click(qtbot, view.email)
    assert "empieza con 09" in view.phone_error.text()
    assert "022345678" not in view.phone_error.text()
    assert not view.is_valid()


@pytest.mark.parametrize("landscape", [False, True])
def test_the_keys_never_cover_the_fields(qtbot: QtBot, landscape: bool) -> None:
    theme = Theme(LANDSCAPE if landscape else PORTRAIT)
    view = ContactView(theme)
    shown(qtbot, view, theme, LANDSCAPE_BODY if landscape else PORTRAIT_BODY)
    view.accept_notice()
    for edit in (view.email, view.phone):
        click(qtbot, edit)
        keys = view.inputs.currentWidget()
        keys_rect = keys.rect().translated(keys.mapTo(view, QPoint(0, 0)))
        for field in (view.email, view.phone, view.email_error, view.phone_error):
            field_rect = field.rect().translated(field.mapTo(view, QPoint(0, 0)))
            assert not keys_rect.intersects(field_rect)
        assert view.rect().contains(keys_rect)


def test_contact_clear_wipes_everything_and_shows_the_notice_again(
    qtbot: QtBot, theme: Theme
) -> None:
    view = ContactView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    _fill_contact(qtbot, view, EMAIL, MOBILE)
    click(qtbot, view.sms)
    # Held and shown before the wipe: the mobile as typed, the address masked.
    assert view.phone.text() == MOBILE
    assert view.email.text() == "m•••@gmail.com"
    assert view.value() == (EMAIL, MOBILE_E164, Channel.SMS)
    view.clear()
    assert view.notice_shown()
    assert view.channel() is Channel.EMAIL
    assert view.email_text() == ""
    assert_nothing_personal(view, "maria", "m•••", MOBILE, "0991")
    # Coming back to the step never puts the data back.
    view.show_state(Draft(email=EMAIL, phone=MOBILE_E164))
    view.accept_notice()
    assert_nothing_personal(view, "maria", "0991", MOBILE_E164)


# -- code ------------------------------------------------------------------------------------


def test_the_code_is_typed_into_six_boxes(qtbot: QtBot, theme: Theme) -> None:
    view = CodeView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    tap(qtbot, view.keypad, *"48213")
    assert not view.is_valid()
    assert [b.text() for b in view.boxes.boxes] == ["4", "8", "2", "1", "3", ""]
    tap(qtbot, view.keypad, "9", "7")  # a seventh digit has no box
    assert view.value() == "482139"
    assert view.is_valid()
    with qtbot.waitSignal(view.submitted):
        tap(qtbot, view.keypad, ACCEPT)
    tap(qtbot, view.keypad, BACKSPACE)
    assert view.value() == "48213"
    assert view.next_label() == "Verificar"


def test_a_wrong_code_empties_the_boxes_and_a_new_code_starts_afresh(
    qtbot: QtBot, theme: Theme
) -> None:
    view = CodeView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    expires = dt.datetime(2026, 12, 1, 10, 42, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    view.new_code(expires, 0)
    assert view.attempts.text() == "El código vale hasta las 10:42."
    tap(qtbot, view.keypad, *"111111")
    assert [b.text() for b in view.boxes.boxes] == ["1"] * 6
    view.code_refused(2, "El código no es correcto. Revíselo y escríbalo de nuevo.")
    assert view.value() == ""  # no six ⌫ to clear a wrong code
    assert all(b.text() == "" for b in view.boxes.boxes)
    assert view.error.isVisible()
    assert view.attempts.text() == "Le quedan 2 intentos. El código vale hasta las 10:42."
    view.code_refused(1, "El código no es correcto.")
    assert view.attempts.text().startswith("Le queda 1 intento.")
    tap(qtbot, view.keypad, *"22")
    assert not view.error.isVisible()  # typing again takes the old error away
    view.code_refused(0, "El código se escribió mal varias veces y ya no sirve.")
    assert view.exhausted()
    assert view.resend.property("role") == "primary"  # the way on is the big button
    tap(qtbot, view.keypad, *"222222")
    assert not view.is_valid()
    # A new code: empty boxes, fresh attempts, no old error, a right code is accepted.
    view.new_code(expires + dt.timedelta(minutes=3), 60)
    assert not view.exhausted()
    assert view.resend.property("role") == "secondary"
    assert view.value() == ""
    assert not view.error.isVisible()
    assert view.attempts.text() == "El código vale hasta las 10:45."
    tap(qtbot, view.keypad, *"123456")
    assert view.is_valid()


def test_resend_waits_for_its_countdown(qtbot: QtBot, theme: Theme) -> None:
    view = CodeView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    view.set_resend_in(65)
    assert not view.resend.isEnabled()
    assert "1:05" in view.resend.text()
    view.set_resend_in(1)
    qtbot.waitUntil(view.resend.isEnabled, timeout=3000)
    assert view.resend.text() == "Enviar un código nuevo"
    with qtbot.waitSignal(view.resend_requested):
        click(qtbot, view.resend)


def test_code_help_and_masked_destination(qtbot: QtBot, theme: Theme) -> None:
    view = CodeView(theme)
    shown(qtbot, view, theme, PORTRAIT_BODY)
    view.show_state(Draft(email=EMAIL, phone=MOBILE_E164, channel=Channel.EMAIL))
    assert "m•••@gmail.com" in view.help_text()
    assert EMAIL not in view.help_text()
    view.show_state(Draft(email=EMAIL, phone=MOBILE_E164, channel=Channel.SMS))
    assert "09•••••678" in view.help_text()
    assert not view.help.isVisible()
    click(qtbot, view.help_button)
    assert view.help.isVisible()
    assert "mensajes de texto" in view.help.text()
    tap(qtbot, view.keypad, *"123456")
    view.set_attempts_left(2)
    # All of it on the screen before the wipe.
    assert [b.text() for b in view.boxes.boxes] == list("123456")
    assert view.attempts.text().startswith("Le quedan 2 intentos")
    assert view.help.isVisible()
    view.clear()
    assert view.value() == ""
    assert view.attempts.text() == ""
    assert not view.help.isVisible()
    assert all(b.text() == "" for b in view.boxes.boxes)
    assert_nothing_personal(view, "gmail", "678", "123456")


def _validators() -> int:
    """Live validators anywhere in the process, parented or not."""
    return sum(isinstance(o, QValidator) for o in gc.get_objects())


def test_switching_the_document_type_again_and_again_makes_no_new_objects(
    qtbot: QtBot, theme: Theme
) -> None:
    """A kiosk runs for weeks: every wipe sets the document type again, and each time used to
    leave one more validator behind (issue 15's soak: +1 QObject per booking)."""
    view = IdentifyView(theme)
    qtbot.addWidget(view)
    kinds = [IdType.CEDULA, IdType.PASSPORT, IdType.FOREIGNER_CODE]
    for kind in kinds:
        view.set_id_type(kind)
    gc.collect()
    before = len(view.findChildren(QObject)), _validators()
    for _ in range(50):
        for kind in kinds:
            view.set_id_type(kind)
    gc.collect()
    assert (len(view.findChildren(QObject)), _validators()) == before
    view.set_id_type(IdType.CEDULA)
    view.edit.setText("17100340651")  # one digit too many: the validator still holds
    assert len(view.edit.text()) <= 10
