"""Contact: first the data-protection notice, then email and mobile on the on-screen keys.

Nothing is pre-filled. The keyboard (email) or keypad (mobile) sits in the layout beside or
below the fields, never over them. The code goes by email unless the citizen asks for SMS.
Each field's error sits under it in room kept for it; a refusal of the whole form by the
service comes over the screen (the controller's notice), since there is no room left here
that would not move the keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.contact import (
    Channel,
    ContactProblem,
    InvalidContact,
    mask_email,
    normalize_email,
    normalize_mobile,
)
from kiosk.domain.flow import Draft, Step
from kiosk.ui.choice import ChoiceButton, ChoiceItem
from kiosk.ui.keyboard import Keyboard, KeyboardLayout
from kiosk.ui.keypad import Keypad
from kiosk.ui.labels import ErrorLabel, label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.views.privacy import PrivacyView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

_NOTICE, _FORM = 0, 1
#: room kept under each field for its error: the errors are short, so that the screen fits
#: with large text and the keys never move when one shows
FIELD_ERROR_CHARS = 36


class ContactView(StepView):
    step = Step.CONTACT

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._channel = Channel.EMAIL
        self._left: set[str] = set()  # fields the citizen moved away from: errors may show
        # While the mobile number is typed, the email field shows the address masked; the
        # address itself waits here until the citizen taps the field again.
        self._hidden_email: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        self.privacy = PrivacyView(theme)
        self.privacy.accepted.connect(self.show_form)
        self.pages.addWidget(self.privacy)

        form_page = QWidget()
        self._split = split_layout(theme, form_page)
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        # The guide's least gap (2 mm): a caption, its field and its error belong together,
        # and large text with high contrast on a landscape panel leaves this column 651 px.
        column.setSpacing(theme.px(2.0))
        self.email_caption = label("")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setMaxLength(254)
        self.email_error = ErrorLabel(reserve_chars=FIELD_ERROR_CHARS)
        self.phone_caption = label("")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setMaxLength(16)
        self.phone_error = ErrorLabel(reserve_chars=FIELD_ERROR_CHARS)
        self.sms = ChoiceButton(ChoiceItem("sms", ""), theme)
        self.sms.setObjectName("smsChoice")
        self.sms.toggled.connect(self._on_sms)
        for widget in (
            self.email_caption,
            self.email,
            self.email_error,
            self.phone_caption,
            self.phone,
            self.phone_error,
        ):
            column.addWidget(widget)
        column.addWidget(self.sms)
        column.addStretch(1)
        self._split.addWidget(fields, 1)

        self.keyboard = Keyboard(theme, layout=KeyboardLayout.EMAIL, compact=is_landscape(theme))
        self.keypad = Keypad(theme)
        keypad_box = QWidget()
        keypad_column = QVBoxLayout(keypad_box)
        keypad_column.setContentsMargins(0, 0, 0, 0)
        keypad_row = QHBoxLayout()
        keypad_row.addStretch(1)
        keypad_row.addWidget(self.keypad, 3)
        keypad_row.addStretch(1)
        keypad_column.addLayout(keypad_row)
        keypad_column.addStretch(1)
        self.inputs = QStackedWidget()
        self.inputs.addWidget(self.keyboard)
        self.inputs.addWidget(keypad_box)
        self._split.addWidget(self.inputs)
        self.pages.addWidget(form_page)

        for edit in (self.email, self.phone):
            edit.installEventFilter(self)
            edit.textChanged.connect(self._on_text)
        self.pages.setCurrentIndex(_NOTICE)
        self.retranslate()

    # -- pages ------------------------------------------------------------------------------

    def notice_shown(self) -> bool:
        return self.pages.currentIndex() == _NOTICE

    def show_form(self) -> None:
        self.pages.setCurrentIndex(_FORM)
        # A new title and help: the shell lays the question out afresh for the form.
        self.focus_field(self.email)
        self.changed.emit()

    def accept_notice(self) -> None:
        """The shell's primary button on the notice: on to the form."""
        if self.notice_shown():
            self.privacy.accepted.emit()

    def focus_field(self, edit: QLineEdit) -> None:
        """Type into `edit`: the keyboard for the email, the keypad for the mobile number."""
        other = self.phone if edit is self.email else self.email
        if other.text():
            self._left.add(other.objectName())
        # The field being typed again shows no error until it is left (none while erasing).
        self._left.discard(edit.objectName())
        if edit is self.email:
            self._unmask_email()
        elif self._email_problem() is None:
            self._mask_email()
        if edit is self.email:
            self.keyboard.bind(self.email)
            self.keypad.bind(None)
            self.inputs.setCurrentIndex(0)
        else:
            self.keypad.bind(self.phone)
            self.keyboard.bind(None)
            self.inputs.setCurrentIndex(1)
        edit.setFocus()
        self._show_errors()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched in (self.email, self.phone):
            self.focus_field(watched)
        elif (
            event.type() == QEvent.Type.FocusIn
            and watched in (self.email, self.phone)
            and isinstance(event, QFocusEvent)
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        ):
            # Switch access: Tab onto a field makes the keys beside it type into it.
            self.focus_field(watched)
        return super().eventFilter(watched, event)

    def _mask_email(self) -> None:
        if self._hidden_email is not None:
            return
        self._hidden_email = self.email.text()
        self.email.blockSignals(True)
        self.email.setText(mask_email(normalize_email(self._hidden_email)))
        self.email.blockSignals(False)
        self.email.setReadOnly(True)

    def _unmask_email(self) -> None:
        if self._hidden_email is None:
            return
        self.email.blockSignals(True)
        self.email.setText(self._hidden_email)
        self.email.blockSignals(False)
        self.email.setReadOnly(False)
        self._hidden_email = None

    def email_text(self) -> str:
        """The address as typed, whether shown in full or masked."""
        return self._hidden_email if self._hidden_email is not None else self.email.text()

    # -- values -----------------------------------------------------------------------------

    def _email_problem(self) -> ContactProblem | None:
        try:
            normalize_email(self.email_text())
        except InvalidContact as exc:
            return exc.problem
        return None

    def _phone_problem(self) -> ContactProblem | None:
        try:
            normalize_mobile(self.phone.text())
        except InvalidContact as exc:
            return exc.problem
        return None

    def is_valid(self) -> bool:
        if self.notice_shown():
            return True  # "Entendido, continuar"
        return self._email_problem() is None and self._phone_problem() is None

    def value(self) -> tuple[str, str, Channel]:
        """(email, mobile in E.164, channel), normalised; raises InvalidContact if not valid."""
        return (
            normalize_email(self.email_text()),
            normalize_mobile(self.phone.text()),
            self._channel,
        )

    def channel(self) -> Channel:
        return self._channel

    def _on_sms(self, on: bool) -> None:
        self._channel = Channel.SMS if on else Channel.EMAIL
        self.retranslate()

    def _on_text(self, _text: str = "") -> None:
        if len(self.phone.text()) >= 10:
            self._left.add("phone")  # ten digits typed: say now if it is not a mobile
        self._show_errors()
        self.changed.emit()

    def _show_errors(self) -> None:
        email_problem = self._email_problem() if "email" in self._left else None
        phone_problem = self._phone_problem() if "phone" in self._left else None
        if email_problem is ContactProblem.EMPTY:
            email_problem = None
        if phone_problem is ContactProblem.EMPTY:
            phone_problem = None
        self.email_error.set_text(self._email_text(email_problem) if email_problem else None)
        self.phone_error.set_text(self._phone_text(phone_problem) if phone_problem else None)
        for edit, bad in ((self.email, email_problem), (self.phone, phone_problem)):
            edit.setProperty("invalid", "true" if bad else "false")
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _email_text(self, problem: ContactProblem) -> str:
        if problem is ContactProblem.EMAIL_DOMAIN:
            return self.tr("Revise lo que va después de la @.")
        return self.tr("Falta la @ o el dominio (gmail.com).")

    def _phone_text(self, problem: ContactProblem) -> str:
        if problem is ContactProblem.PHONE_NOT_MOBILE:
            return self.tr("El celular empieza con 09. Revíselo.")
        return self.tr("Escriba los 10 dígitos, desde el 09.")

    # -- StepView ---------------------------------------------------------------------------

    def title(self) -> str:
        if self.notice_shown():
            return self.tr("Antes de pedir sus datos de contacto")
        # Short enough for one line with large text; the fields below give the full terms.
        return self.tr("Escriba su correo y su celular")

    def help_text(self) -> str:
        if self.notice_shown():
            return self.tr("Lea cómo cuidamos sus datos y toque «Entendido, continuar».")
        return self.tr("Le enviaremos un código para comprobar que son suyos.")

    def next_label(self) -> str:
        return self.privacy.accept_label() if self.notice_shown() else self.tr("Siguiente")

    def show_state(self, draft: Draft) -> None:
        # Nothing pre-filled before the code is verified: the fields stay as the citizen left
        # them on this screen, and are empty on arrival.
        self._set_channel(draft.channel)

    def _set_channel(self, channel: Channel) -> None:
        self.sms.setChecked(channel is Channel.SMS)

    def clear(self) -> None:
        self._hidden_email = None
        self.email.setReadOnly(False)
        self.email.clear()
        self.phone.clear()
        self._left.clear()
        self._set_channel(Channel.EMAIL)
        self._show_errors()
        self.privacy.reset()
        self.pages.setCurrentIndex(_NOTICE)
        self.keyboard.bind(None)
        self.keypad.bind(None)
        self.changed.emit()

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.email_caption.setText(self.tr("Correo electrónico"))
        self.email.setPlaceholderText(self.tr("nombre@gmail.com"))
        self.phone_caption.setText(self.tr("Número de celular"))
        self.phone.setPlaceholderText("09")
        self.sms.set_item(ChoiceItem("sms", self.tr("Enviar el código por mensaje de texto")))
        self._show_errors()
        self.changed.emit()
