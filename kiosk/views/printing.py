"""Printing: a busy page while the slip prints; if printing fails, what the slip would have told
(turn code, day and hour, agency and address, what to bring) in words, the QR large to
photograph, a word that the confirmation was emailed (to which address, masked), and a retry.
The booking always stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Language
from kiosk.ui.buttons import touch_button
from kiosk.ui.labels import label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.views._turn import (
    BringList,
    TurnBlock,
    TurnFacts,
    TurnWords,
    message,
)

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

_PRINTING, _FAILED = 0, 1
#: The QR's least side: a phone camera at arm's length reads it, as measured in the tests.
QR_MM = 90.0


class QrCode(QWidget):
    """The token as a QR code, drawn module by module: sharp at any size, black on white.

    The same symbol as the slip's and the email's (`kiosk.domain.qr_matrix`), quiet zone
    included, so the counter's scanner reads a photo of it as it reads the slip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        # The QR encoder loads with the first turn shown, not before the welcome screen.
        from kiosk.domain.qr_matrix import encode_qr

        self._matrix = encode_qr(payload).modules if payload else ()
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
        self._words = TurnWords(self)
        self._emailed = False
        self._facts: TurnFacts | None = None
        self._lang = Language.ES
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

        # The fallback: everything the slip would have said that the counter needs (code, day,
        # hour, agency), what to bring, and the QR to photograph. Every message is set before
        # the page shows, so none moves the retry button under a finger: no room reserved.
        failed = QWidget()
        split = split_layout(theme, failed)
        self.problem = message("error")
        self.turn = TurnBlock(theme)
        self.bring = BringList(theme)
        self.emailed = message("ok")
        self.retry = touch_button("", theme, "secondary", wrap=True)
        self.retry.setObjectName("retryPrint")
        self.retry.clicked.connect(self.retry_requested)
        self.qr = QrCode()
        self.qr.setMinimumSize(theme.px(QR_MM), theme.px(QR_MM))
        gap = theme.gap_px() * 2
        if is_landscape(theme):
            # Three columns: the QR with the retry under it; the turn; what to bring.
            under = QVBoxLayout()
            under.setSpacing(gap)
            under.addWidget(self.qr, 1)
            under.addWidget(self.retry)
            turn = QVBoxLayout()
            turn.setSpacing(gap)
            turn.addWidget(self.problem)
            turn.addWidget(self.turn, 1)
            turn.addWidget(self.emailed)
            split.addLayout(under, 5)
            split.addLayout(turn, 6)
            split.addWidget(self.bring, 5)
        else:
            # The words first, at their height; then the QR, as large as the rest allows,
            # with the email line and the retry beside it (under it there was no room left
            # for the documents with large text).
            for widget in (self.problem, self.turn, self.bring):
                split.addWidget(widget)
            beside = QHBoxLayout()
            beside.setSpacing(gap)
            beside.addWidget(self.qr, 1)
            aside = QVBoxLayout()
            aside.setSpacing(gap)
            aside.addStretch(1)
            aside.addWidget(self.emailed)
            aside.addWidget(self.retry)
            beside.addLayout(aside, 1)
            split.addLayout(beside, 1)
        self.pages.addWidget(failed)
        self.retranslate()

    def show_printing(self) -> None:
        self.pages.setCurrentIndex(_PRINTING)
        self.changed.emit()

    def show_turn(self, facts: TurnFacts, lang: Language | str) -> None:
        """The turn the fallback tells of, should printing fail."""
        self._facts, self._lang = facts, Language(lang)
        self.retranslate()

    def show_failed(self, token: str, emailed: bool) -> None:
        """Printing failed: the QR of `token` to photograph; `emailed` when the confirmation
        also went by email (to `show_turn`'s masked address, when it was given)."""
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
            return self.tr(
                "Su turno está reservado. Tome una foto del código QR con su celular y "
                "muéstrela en la ventanilla."
            )
        return ""

    def next_label(self) -> str:
        return self.tr("Terminar") if self.failed_shown() else ""

    def show_state(self, draft: Draft) -> None:
        self._lang = draft.language
        self.retranslate()

    def clear(self) -> None:
        self.qr.set_payload("")
        self._emailed = False
        self._facts = None
        self.pages.setCurrentIndex(_PRINTING)
        self.retranslate()

    def set_error(self, text: str | None) -> None:
        self.problem.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        facts = self._facts
        self.printing_words.setText(self.tr("Imprimiendo su comprobante… Espere un momento."))
        self.turn.show_facts(facts)
        self.bring.show_documents(facts, self._lang)
        email = facts.masked_email if facts else None
        if not self._emailed:
            self.emailed.set_text(None)
        elif email:
            self.emailed.set_text(self._words.emailed(email))
        else:
            self.emailed.set_text(
                self.tr("También le enviamos la confirmación a su correo electrónico.")
            )
        self.retry.setText(self.tr("Intentar imprimir de nuevo"))
        self.changed.emit()
