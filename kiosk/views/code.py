"""Code: six big boxes filled from a keypad, attempts left, resend with its countdown, help.

No dead end: a wrong code empties the boxes; after the last wrong try the screen says so and
puts "Enviar un código nuevo" first; every new code (resent, or sent again after Atrás) comes
with empty boxes, fresh attempts and the clock time until which it is good.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.contact import Channel, mask_email, mask_phone
from kiosk.domain.flow import Draft, Step
from kiosk.ui.buttons import touch_button
from kiosk.ui.countdown import Countdown, countdown_text
from kiosk.ui.keypad import Keypad
from kiosk.ui.labels import ErrorLabel, MessageLabel, label
from kiosk.ui.layout import apply_theme, is_landscape, set_role, split_layout
from kiosk.ui.step_view import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

CODE_LENGTH = 6
#: room for the longest message of this screen (a send limit, with what to do meanwhile)
LONGEST_MESSAGE = 175


class CodeBoxes(QWidget):
    """Six boxes, one digit each; the box to fill next has a thicker frame."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._digits = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.gap_px() * 2)
        row.addStretch(1)
        self.boxes: list[QLabel] = []
        for _ in range(CODE_LENGTH):
            box = QLabel()
            box.setProperty("role", "code")
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setFrameShape(QFrame.Shape.Box)
            self.boxes.append(box)
            row.addWidget(box)
        row.addStretch(1)
        self.refresh_theme(theme)

    def refresh_theme(self, theme: Theme) -> None:
        self._theme = theme
        side = theme.key_px()
        for box in self.boxes:
            box.setFixedSize(int(side * 1.1), int(side * 1.4))
        self._render()

    def set_digits(self, digits: str) -> None:
        self._digits = digits[:CODE_LENGTH]
        self._render()

    def _render(self) -> None:
        c = self._theme.colors
        thin, thick = self._theme.border_px(), self._theme.border_px() * 3
        for index, box in enumerate(self.boxes):
            box.setText(self._digits[index] if index < len(self._digits) else "")
            current = index == len(self._digits)
            color = c.primary if current else c.outline
            box.setStyleSheet(
                f"border: {thick if current else thin}px solid {color};"
                f"border-radius: {self._theme.radius_px()}px; background: {c.surface};"
                f"color: {c.fg}; font-size: {self._theme.font_px('title')}px;"
            )


class CodeView(StepView):
    step = Step.VERIFY_CODE

    resend_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self._attempts: int | None = None
        self._expires: dt.datetime | None = None  # local, aware
        self._masked_target = ""
        self._channel = Channel.EMAIL
        self._help_open = False
        split = split_layout(theme, self)
        landscape = is_landscape(theme)
        # Landscape: the words alone on the left, every control on the right, so the words
        # need no room kept. Portrait: the keys under the words, which keep their room.
        reserve = 0 if landscape else 1
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        self.boxes = CodeBoxes(theme)
        column.addWidget(self.boxes)
        # Attempts left and the code's life, right under the boxes: words that change.
        self.attempts = MessageLabel("info", reserve_chars=60 * reserve)
        self.attempts.setObjectName("codeInfo")
        column.addWidget(self.attempts)
        self.error = ErrorLabel(reserve_chars=LONGEST_MESSAGE * reserve)  # a limit's: long
        column.addWidget(self.error)
        self._theme = theme

        self.keypad = Keypad(theme, accept_key=True)
        self.keypad.typed.connect(self._type)
        self.keypad.erased.connect(self._erase)
        self.keypad.accepted.connect(self._accept)
        keys = QWidget()
        keys_column = QVBoxLayout(keys)
        keys_column.setContentsMargins(0, 0, 0, 0)
        pad_row = QHBoxLayout()
        pad_row.addStretch(1)
        pad_row.addWidget(self.keypad, 3)
        pad_row.addStretch(1)
        keys_column.addLayout(pad_row)
        keys_column.addStretch(1)
        if not landscape:
            split.addWidget(form)  # portrait: boxes, keypad, then the links under them

        self.resend = touch_button("", theme, "secondary")
        self.resend.setObjectName("resendButton")
        self.resend.clicked.connect(self.resend_requested)
        self.help_button = touch_button("", theme, "secondary")
        self.help_button.setObjectName("codeHelpButton")
        self.help_button.clicked.connect(self.toggle_help)
        # One under the other: with large text the two would not fit side by side.
        links = QVBoxLayout()
        links.setSpacing(theme.gap_px() * 2)
        links.addWidget(self.resend)
        links.addWidget(self.help_button)
        self.help = label("")
        self.help.setVisible(False)
        if landscape:
            column.addStretch(1)
            keys_column.setSpacing(theme.gap_px() * 2)
            keys_column.insertLayout(1, links)
            keys_column.insertWidget(2, self.help)  # under the links, where there is room
            split.addWidget(form, 1)
            split.addWidget(keys, 1)
        else:
            split.addWidget(keys)
            below = QVBoxLayout()
            below.setSpacing(theme.gap_px() * 2)
            below.addLayout(links)
            below.addWidget(self.help)
            below.addStretch(1)
            split.addLayout(below, 1)

        self._resend_countdown = Countdown(self)
        self._resend_countdown.tick.connect(lambda _s: self.retranslate())
        self.retranslate()

    # -- typing -----------------------------------------------------------------------------

    def _type(self, digit: str) -> None:
        if len(self._code) < CODE_LENGTH:
            self._code += digit
            self._code_changed()

    def _erase(self) -> None:
        if self._code:
            self._code = self._code[:-1]
            self._code_changed()

    def _code_changed(self) -> None:
        self.boxes.set_digits(self._code)
        self.error.set_text(None)
        self.changed.emit()

    def _accept(self) -> None:
        if self.is_valid():
            self.submitted.emit()

    def reset_code(self) -> None:
        """Empty the boxes (after a wrong code) without touching attempts or countdown."""
        self._code = ""
        self.boxes.set_digits("")
        self.changed.emit()

    # -- from the controller ----------------------------------------------------------------

    def value(self) -> str:
        return self._code

    def is_valid(self) -> bool:
        return len(self._code) == CODE_LENGTH and not self.exhausted()

    def exhausted(self) -> bool:
        """The last try of this code was wrong: only a new code helps now."""
        return self._attempts == 0

    def new_code(self, expires: dt.datetime, resend_in: int) -> None:
        """A code was (re)sent: empty boxes, fresh attempts, its life and the resend wait."""
        self._code = ""
        self._attempts = None
        self._expires = expires
        self.boxes.set_digits("")
        self.error.set_text(None)
        self._resend_countdown.start(resend_in)
        self.retranslate()

    def code_refused(self, attempts_left: int | None, text: str) -> None:
        """The service said no: the boxes empty for the next try, the reason shows."""
        if attempts_left is not None:
            self._attempts = attempts_left
        self._code = ""
        self.boxes.set_digits("")
        self.retranslate()
        self.error.set_text(text)

    def set_attempts_left(self, n: int | None) -> None:
        self._attempts = n
        self.retranslate()

    def set_resend_in(self, seconds: int) -> None:
        """Resend is allowed after `seconds`; the button counts down by itself."""
        self._resend_countdown.start(seconds)
        self.retranslate()

    def resend_wait(self) -> int:
        return self._resend_countdown.remaining()

    def toggle_help(self) -> None:
        self._help_open = not self._help_open
        self.help.setVisible(self._help_open)
        self.retranslate()

    # -- StepView ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Escriba el código que le enviamos")

    def help_text(self) -> str:
        if not self._masked_target:
            return self.tr("Tiene 6 dígitos.")
        if self._channel is Channel.SMS:
            return self.tr(
                "Tiene 6 dígitos. Lo enviamos por mensaje de texto al {target}."
            ).replace("{target}", self._masked_target)
        return self.tr("Tiene 6 dígitos. Lo enviamos al correo {target}.").replace(
            "{target}", self._masked_target
        )

    def next_label(self) -> str:
        return self.tr("Verificar")

    def show_state(self, draft: Draft) -> None:
        self._channel = draft.channel
        if draft.channel is Channel.SMS and draft.phone:
            self._masked_target = mask_phone(draft.phone)
        elif draft.email:
            self._masked_target = mask_email(draft.email)
        else:
            self._masked_target = ""
        self.retranslate()

    def clear(self) -> None:
        self._code = ""
        self._attempts = None
        self._expires = None
        self._masked_target = ""
        self._channel = Channel.EMAIL
        self._resend_countdown.stop()
        if self._help_open:
            self.toggle_help()
        self.boxes.set_digits("")
        self.error.set_text(None)
        self.retranslate()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_theme(self, theme)

    def _info_text(self) -> str:
        parts = []
        if self._attempts is not None and self._attempts > 0:
            parts.append(
                self.tr("Le queda %n intento.", "", self._attempts)
                if self._attempts == 1
                else self.tr("Le quedan %n intentos.", "", self._attempts)
            )
        if self._expires is not None:
            parts.append(
                self.tr("El código vale hasta las {time}.").replace(
                    "{time}", self._expires.strftime("%H:%M")
                )
            )
        return " ".join(parts)

    def retranslate(self) -> None:
        self.attempts.set_text(self._info_text())
        wait = self._resend_countdown.remaining()
        # After the last wrong try the new code is the way on: it becomes the big button.
        role = "primary" if self.exhausted() else "secondary"
        if self.resend.property("role") != role:
            set_role(self.resend, role)
        self.resend.setEnabled(wait == 0)
        if wait > 0:
            self.resend.setText(
                self.tr("Pedir otro código en {time}").replace("{time}", countdown_text(wait))
            )
        else:
            self.resend.setText(self.tr("Enviar un código nuevo"))
        self.help_button.setText(self.tr("¿No le llegó el código?"))
        if self._channel is Channel.SMS:
            where = self.tr("Revise los mensajes de texto de su celular.")
        else:
            where = self.tr(
                "Revise también la carpeta de correo no deseado: el asunto es "
                "«Verificar IESS turno online»."
            )
        self.help.setText(
            self.tr("El código puede tardar unos minutos en llegar.")
            + " "
            + where
            + " "
            + self.tr(
                "Si no llega, toque «Enviar un código nuevo» cuando el botón se active, o toque "
                "«Atrás» para corregir su correo o su celular."
            )
        )
        self.changed.emit()
