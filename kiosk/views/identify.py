"""Identify: the document type, then the number on a keypad (cédula) or a keyboard (others).

The cédula is checked digit by digit (kiosk.domain.ids.cedula_problem), so a wrong province or
check digit is said at once, next to the field, in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.flow import Draft, Step
from kiosk.domain.ids import (
    CEDULA_LENGTH,
    FOREIGNER_CODE_MAX,
    FOREIGNER_CODE_MIN,
    PASSPORT_MAX,
    PASSPORT_MIN,
    IdProblem,
    IdType,
    InvalidId,
    cedula_problem,
    parse_id,
)
from kiosk.ui.buttons import touch_button
from kiosk.ui.keyboard import Keyboard, KeyboardLayout
from kiosk.ui.keypad import Keypad
from kiosk.ui.labels import ErrorLabel, MessageLabel, label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.ui.text import MARK_CHOSEN, MARK_OPEN

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class IdentifyView(StepView):
    step = Step.IDENTIFY

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._type = IdType.CEDULA
        self._service_error: str | None = None
        # Made once and switched: a new validator on every wipe piled up one QObject each.
        self._digits = QRegularExpressionValidator(
            QRegularExpression(rf"\d{{0,{CEDULA_LENGTH}}}"), self
        )
        self._codes = {
            kind: QRegularExpressionValidator(
                QRegularExpression(rf"[A-Za-z0-9 -]{{0,{longest}}}"), self
            )
            for kind, longest in (
                (IdType.PASSPORT, PASSPORT_MAX),
                (IdType.FOREIGNER_CODE, FOREIGNER_CODE_MAX),
            )
        }
        split = split_layout(theme, self)
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)

        # Portrait: one under the other, like every list. Landscape, and large text: side by
        # side, the words wrapped if need be, so that the keys below or beside them need no
        # scrolling (large text in the low-reach band leaves a portrait screen ~1,040 px).
        landscape = is_landscape(theme)
        self._types = types = QBoxLayout(self._types_direction(theme))
        types.setSpacing(theme.gap_px())
        self._type_group = QButtonGroup(self)
        self.type_buttons: dict[IdType, QPushButton] = {}
        for id_type in IdType:
            button = touch_button("", theme, "choice", wrap=True)
            button.setObjectName(f"idType-{id_type.value}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, t=id_type: self.set_id_type(t))
            self._type_group.addButton(button)
            self.type_buttons[id_type] = button
            types.addWidget(button, 1)
        column.addLayout(types)

        # The caption shares its line with the digit counter, and the error and the
        # "complete" note share one reserved cell: nothing under them moves while typing.
        self.caption = label("")
        self.counter = label("", "help", wrap=False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption, 1)
        caption_row.addWidget(self.counter)
        column.addLayout(caption_row)
        self.edit = QLineEdit()
        self.edit.setObjectName("idNumber")
        self.edit.textChanged.connect(self._on_text)
        column.addWidget(self.edit)
        self.error = ErrorLabel()
        self.progress = MessageLabel("ok")
        feedback = QGridLayout()
        feedback.setContentsMargins(0, 0, 0, 0)
        feedback.addWidget(self.error, 0, 0)
        feedback.addWidget(self.progress, 0, 0)
        column.addLayout(feedback)

        self.keypad = Keypad(theme, accept_key=True)
        self.keypad.accepted.connect(self._accept)
        self.keyboard = Keyboard(theme, layout=KeyboardLayout.CODE)
        self.inputs = QStackedWidget()
        self.inputs.addWidget(self._centred(self.keypad, theme.key_px() * 3 + theme.gap_px() * 6))
        self.inputs.addWidget(self.keyboard)
        column.addStretch(1)
        # Portrait: the keys right under the field, the free space below them.
        split.addWidget(form, 1 if landscape else 0)
        keys = QWidget()
        keys_column = QVBoxLayout(keys)
        keys_column.setContentsMargins(0, 0, 0, 0)
        keys_column.addWidget(self.inputs)
        keys_column.addStretch(1)
        split.addWidget(keys, 1)
        self.set_id_type(IdType.CEDULA)

    @staticmethod
    def _types_direction(theme: Theme) -> QBoxLayout.Direction:
        if is_landscape(theme) or theme.large_text:
            return QBoxLayout.Direction.LeftToRight
        return QBoxLayout.Direction.TopToBottom

    @staticmethod
    def _centred(widget: QWidget, width: int) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        widget.setMinimumWidth(width)
        row.addWidget(widget, 3)
        row.addStretch(1)
        return box

    # -- the document type ------------------------------------------------------------------

    def set_id_type(self, id_type: IdType) -> None:
        changed = id_type is not self._type
        self._type = id_type
        for kind, button in self.type_buttons.items():
            button.setChecked(kind is id_type)
        if id_type is IdType.CEDULA:
            self.edit.setValidator(self._digits)
            self.edit.setMaxLength(CEDULA_LENGTH)
            self.inputs.setCurrentIndex(0)
            self.keypad.bind(self.edit)
            self.keyboard.bind(None)
        else:
            longest = PASSPORT_MAX if id_type is IdType.PASSPORT else FOREIGNER_CODE_MAX
            self.edit.setValidator(self._codes[id_type])
            self.edit.setMaxLength(longest)
            self.inputs.setCurrentIndex(1)
            self.keyboard.bind(self.edit)
            self.keypad.bind(None)
        if changed:
            self.edit.clear()  # a cédula prefix is no passport: start the number again
        self.edit.setFocus()
        self.retranslate()

    def id_type(self) -> IdType:
        return self._type

    # -- validity ---------------------------------------------------------------------------

    def _problem(self) -> IdProblem | None:
        text = self.edit.text()
        if self._type is IdType.CEDULA:
            return cedula_problem(text)
        if not text.strip():
            return None
        try:
            parse_id(self._type, text)
        except InvalidId as exc:
            # Too short is still "being typed", not an error to shout about.
            return None if exc.problem is IdProblem.TOO_SHORT else exc.problem
        return None

    def is_valid(self) -> bool:
        try:
            parse_id(self._type, self.edit.text())
        except InvalidId:
            return False
        return True

    def value(self) -> tuple[IdType, str]:
        """The document type and the number, normalised; raises InvalidId if not valid."""
        return self._type, parse_id(self._type, self.edit.text()).number

    def _on_text(self, _text: str = "") -> None:
        self._service_error = None
        self._show_feedback()
        self.changed.emit()

    def _accept(self) -> None:
        if self.is_valid():
            self.submitted.emit()
        elif self.edit.text().strip():
            # OK on a number still too short: now it is worth saying.
            self.error.set_text(self.problem_text(IdProblem.TOO_SHORT))
            self.progress.set_text(None)

    def problem_text(self, problem: IdProblem) -> str:
        """What is wrong with the number, for the document type chosen: the one wording of id
        problems, for the live check here and for a refusal after «Consultar»."""
        cedula = self._type is IdType.CEDULA
        texts = {
            IdProblem.EMPTY: self.tr("Escriba el número de su documento."),
            IdProblem.TOO_SHORT: self.tr("Faltan dígitos: la cédula tiene 10. Revise el número.")
            if cedula
            else self.tr("El número parece incompleto. Revise su documento."),
            IdProblem.TOO_LONG: self.tr("La cédula tiene 10 dígitos. Borre los que sobran.")
            if cedula
            else self.tr("El número es muy largo. Revise su documento."),
            IdProblem.NOT_DIGITS: self.tr("Use solo números."),
            IdProblem.BAD_CHARACTERS: self.tr("Use solo letras y números."),
            IdProblem.PROVINCE: self.tr(
                "Los dos primeros dígitos no corresponden a una provincia. Revise el número."
            ),
            IdProblem.THIRD_DIGIT: self.tr(
                "El tercer dígito no es válido para una cédula. Revise el número."
            ),
            IdProblem.CHECK_DIGIT: self.tr(
                "El número de cédula no es válido. Revise los 10 dígitos."
            ),
        }
        return texts[problem]

    def _show_feedback(self) -> None:
        problem = self._problem()
        if self._service_error:
            self.error.set_text(self._service_error)
        else:
            self.error.set_text(self.problem_text(problem) if problem else None)
        self.edit.setProperty("invalid", "true" if self.error.isVisible() else "false")
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        valid = self.is_valid() and not self._service_error
        if valid:
            self.progress.set_text(self.tr("Número completo. Toque «Consultar»."))
        else:
            self.progress.set_text(None)
        if self._type is IdType.CEDULA:
            typed = len(self.edit.text())
            self.counter.setText(self._count_text(typed))
        else:
            typed = len(self.edit.text().replace(" ", "").replace("-", ""))
            self.counter.setText(self._count_text(typed) if typed else "")
        self._hold_counter_room()

    def _count_text(self, typed: int) -> str:
        if self._type is IdType.CEDULA:
            return self.tr("{n} de 10").replace("{n}", str(typed))
        low, high = (
            (PASSPORT_MIN, PASSPORT_MAX)
            if self._type is IdType.PASSPORT
            else (FOREIGNER_CODE_MIN, FOREIGNER_CODE_MAX)
        )
        return (
            self.tr("{n} caracteres (de {low} a {high})")
            .replace("{n}", str(typed))
            .replace("{low}", str(low))
            .replace("{high}", str(high))
        )

    def _hold_counter_room(self) -> None:
        """The counter keeps the room of its longest words from the start: the caption beside
        it wraps once, not at the first letter (which pushed the field and the keys down
        45 px with large text in portrait)."""
        longest = (
            CEDULA_LENGTH if self._type is IdType.CEDULA else max(PASSPORT_MAX, FOREIGNER_CODE_MAX)
        )
        self.counter.ensurePolished()
        metrics = self.counter.fontMetrics()
        room = max(metrics.horizontalAdvance(self._count_text(n)) for n in range(longest + 1))
        margins = self.counter.contentsMargins()
        self.counter.setMinimumWidth(room + margins.left() + margins.right() + 2)

    # -- StepView ---------------------------------------------------------------------------

    def title(self) -> str:
        if self._type is IdType.CEDULA:
            return self.tr("Escriba su número de cédula")
        if self._type is IdType.PASSPORT:
            return self.tr("Escriba su número de pasaporte")
        return self.tr("Escriba su código de extranjero")

    def help_text(self) -> str:
        if self._type is IdType.PASSPORT:
            return self.tr("Escriba las letras y números tal como están en su pasaporte.")
        if self._type is IdType.FOREIGNER_CODE:
            return self.tr("Escriba el código de identificación que le dio el IESS.")
        return self.tr("Si no tiene cédula, elija «Pasaporte» o «Código de extranjero».")

    def next_label(self) -> str:
        return self.tr("Consultar")

    def show_state(self, draft: Draft) -> None:
        # Never put a number back: the citizen types it again (nothing personal pre-filled).
        if draft.document is not None:
            self.set_id_type(draft.document.type)
        self.edit.setFocus()

    def clear(self) -> None:
        self.edit.clear()
        self._service_error = None
        self.set_id_type(IdType.CEDULA)
        self._show_feedback()

    def set_error(self, text: str | None) -> None:
        self._service_error = text or None
        self._show_feedback()
        self.changed.emit()

    def set_theme(self, theme: Theme) -> None:
        self._types.setDirection(self._types_direction(theme))
        apply_theme(self, theme)
        self._hold_counter_room()  # in the new font

    def retranslate(self) -> None:
        names = {
            IdType.CEDULA: self.tr("Cédula"),
            IdType.PASSPORT: self.tr("Pasaporte"),
            IdType.FOREIGNER_CODE: self.tr("Código de extranjero"),
        }
        for kind, button in self.type_buttons.items():
            mark = MARK_CHOSEN if kind is self._type else MARK_OPEN
            button.setText(f"{mark} {names[kind]}")
        self.caption.setText(
            self.tr("Número de cédula (10 dígitos)")
            if self._type is IdType.CEDULA
            else self.tr("Número del documento (letras y números)")
        )
        self._show_feedback()
        self.changed.emit()
