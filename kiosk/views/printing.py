"""Printing: a busy page while the slip prints; if printing fails, the QR full screen to
photograph, a word that the confirmation was emailed, and a retry. The booking always stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import qrcode
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.flow import Step
from kiosk.ui.widgets import (
    MessageLabel,
    apply_theme,
    is_landscape,
    label,
    split_layout,
    touch_button,
)
from kiosk.views.base import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

_PRINTING, _FAILED = 0, 1


class QrCode(QWidget):
    """The token as a QR code, drawn module by module: sharp at any size, black on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        if payload:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            code.add_data(payload)
            code.make(fit=True)
            self._matrix = [list(row) for row in code.get_matrix()]
        else:
            self._matrix = []
        self.update()

    def modules(self) -> int:
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(400, 400)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        n = len(self._matrix)
        side = min(self.width(), self.height())
        cell = max(1, side // n)
        size = cell * n
        left, top = (self.width() - size) // 2, (self.height() - size) // 2
        painter = QPainter(self)
        # White quiet zone and black modules in every theme: scanners need dark on light.
        painter.fillRect(QRect(left, top, size, size), QColor("#FFFFFF"))
        black = QColor("#000000")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + x * cell, top + y * cell, cell, cell, black)
        painter.end()


class PrintingView(StepView):
    step = Step.PRINT

    retry_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._emailed = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        column.addWidget(self.pages)

        printing = QWidget()
        busy = QVBoxLayout(printing)
        busy.addStretch(1)
        self.printing_words = label("")
        self.printing_words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar()
        bar.setRange(0, 0)  # moving bar: the printer gives no progress
        bar.setTextVisible(False)
        busy.addWidget(self.printing_words)
        busy.addWidget(bar)
        busy.addStretch(2)
        self.pages.addWidget(printing)

        failed = QWidget()
        split = split_layout(theme, failed)
        words = QWidget()
        page = QVBoxLayout(words)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(theme.gap_px() * 2)
        self.problem = MessageLabel("error")
        self.photo = label("")
        self.qr = QrCode()
        self.qr.setMinimumSize(theme.px(90.0), theme.px(90.0))
        self.emailed = MessageLabel("ok")
        self.retry = touch_button("", theme, "secondary")
        self.retry.setObjectName("retryPrint")
        self.retry.clicked.connect(self.retry_requested)
        page.addWidget(self.problem)
        page.addWidget(self.photo)
        page.addWidget(self.emailed)
        page.addWidget(self.retry)
        page.addStretch(1)
        if is_landscape(theme):
            split.addWidget(self.qr, 1)
            split.addWidget(words, 1)
        else:
            split.addWidget(words)
            split.addWidget(self.qr, 1)
        self.pages.addWidget(failed)
        self.retranslate()

    def show_printing(self) -> None:
        self.pages.setCurrentIndex(_PRINTING)
        self.changed.emit()

    def show_failed(self, token: str, emailed: bool) -> None:
        self._emailed = emailed
        self.qr.set_payload(token)
        self.pages.setCurrentIndex(_FAILED)
        self.retranslate()

    def failed_shown(self) -> bool:
        return self.pages.currentIndex() == _FAILED

    def is_valid(self) -> bool:
        # While printing there is nothing to press; after a failure the citizen may finish.
        return self.failed_shown()

    def title(self) -> str:
        if self.failed_shown():
            return self.tr("No pudimos imprimir su comprobante")
        return self.tr("Imprimiendo su comprobante")

    def help_text(self) -> str:
        if self.failed_shown():
            return self.tr("Su turno está reservado. Guarde este código QR.")
        return ""

    def next_label(self) -> str:
        return self.tr("Terminar") if self.failed_shown() else ""

    def clear(self) -> None:
        self.qr.set_payload("")
        self._emailed = False
        self.pages.setCurrentIndex(_PRINTING)
        self.changed.emit()

    def set_error(self, text: str | None) -> None:
        self.problem.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.printing_words.setText(self.tr("Imprimiendo su comprobante… Espere un momento."))
        self.photo.setText(
            self.tr("Tome una foto de este código con su celular y muéstrela en la ventanilla.")
        )
        self.emailed.set_text(
            self.tr("También le enviamos la confirmación a su correo electrónico.")
            if self._emailed
            else None
        )
        self.retry.setText(self.tr("Intentar imprimir de nuevo"))
        self.changed.emit()
