"""Layers the shell puts over the current screen: busy, idle warning, out of service, technician
message and unexpected error.

An overlay covers the whole window, so a tap never reaches the screen beneath it. Each one is a
small widget with its own words and signals; the shell decides when to show which.

In the low-reach mode the shell gives every overlay the band a seated citizen reaches
(`set_reach_band`): the card is centred inside it, and a card taller than the band scrolls
there rather than leaving it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.theme import Theme


def _label(role: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _button(role: str) -> QPushButton:
    button = QPushButton()
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class Overlay(QWidget):
    """A layer over the whole window with a centred card for its content."""

    #: alpha of the layer's background: opaque hides the screen, lower dims it.
    opacity = 255

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setProperty("role", "overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.card = QWidget(self)
        self.card.setProperty("role", "card")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.content = QVBoxLayout(self.card)
        self._band: tuple[int, int] | None = None
        # The card, centred in a column that scrolls when the card is taller than the room.
        column = QWidget()
        column.setObjectName("overlayColumn")
        centred = QVBoxLayout(column)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(self.card)
        centred.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("overlayScroll")
        self.scroller.viewport().setObjectName("overlayViewport")
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(column)
        # The layer's own paint (dimmed or opaque) shows through the scroll area.
        self.setStyleSheet(
            "#overlayScroll, #overlayViewport, #overlayColumn { background: transparent; }"
        )
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroller)
        self.set_theme(theme)
        self.hide()

    def set_reach_band(self, band: tuple[int, int] | None) -> None:
        """Keep the card between `band`'s top and bottom (y in this layer's pixels, which
        are the window's); None: the whole layer."""
        self._band = band
        self._place()

    @property
    def reach_band(self) -> tuple[int, int] | None:
        return self._band

    def _place(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        margin = self._theme.margin_px()
        top, bottom = margin, margin
        if self._band is not None:
            height = self.height() if self.height() > 1 else self._band[1]
            top = max(margin, self._band[0])
            bottom = max(margin, height - self._band[1])
        layout.setContentsMargins(margin, top, margin, bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._place()
        pad = theme.px(8.0)
        self.content.setContentsMargins(pad, pad, pad, pad)
        self.content.setSpacing(theme.px(5.0))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        color = QColor(self._theme.colors.bg)
        color.setAlpha(self.opacity)
        painter = QPainter(self)
        painter.fillRect(self.rect(), color)
        painter.end()

    def present(self) -> None:
        """Show over everything else in the window."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def retranslate(self) -> None:
        """Re-set every visible string (after a language switch)."""


class BusyOverlay(Overlay):
    """ "Un momento, por favor…" with words about what is happening; later a way to cancel,
    and after a timeout a plain message with "Intentar de nuevo"."""

    opacity = 235
    cancel_requested = Signal()
    retry_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.words = _label("title")
        self.detail = _label("help")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: moves while the loop turns
        self.progress.setTextVisible(False)
        self.retry_button = _button("primary")
        self.cancel_button = _button("secondary")
        self.retry_button.clicked.connect(self.retry_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        self.content.addWidget(self.words)
        self.content.addWidget(self.detail)
        self.content.addWidget(self.progress)
        self.content.addLayout(buttons)
        self._words_text = ""
        self._timed_out = False
        self.retranslate()

    def show_busy(self, words: str) -> None:
        self._words_text = words
        self._timed_out = False
        self.progress.show()
        self.cancel_button.hide()
        self.retry_button.hide()
        self.retranslate()
        self.present()

    def show_cancel(self) -> None:
        self.cancel_button.show()

    def show_timeout(self) -> None:
        self._timed_out = True
        self.progress.hide()
        self.cancel_button.show()
        self.retry_button.show()
        self.retranslate()
        self.present()

    def retranslate(self) -> None:
        if self._timed_out:
            self.words.setText(self.tr("El sistema está tardando en responder."))
            self.detail.setText(self.tr("Toque «Intentar de nuevo» o cancele para volver."))
        else:
            self.words.setText(self._words_text or self.tr("Un momento, por favor…"))
            self.detail.setText(self.tr("Estamos consultando el sistema de turnos."))
        self.retry_button.setText(self.tr("Intentar de nuevo"))
        self.cancel_button.setText(self.tr("Cancelar"))


class IdleWarningOverlay(Overlay):
    """ "¿Necesita más tiempo?" with a visible countdown and a large "Sí"."""

    more_time = Signal()
    finish = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.question = _label("title")
        self.countdown = _label("code")
        self.explanation = _label("help")
        self.yes_button = _button("primary")
        self.finish_button = _button("secondary")
        self.yes_button.clicked.connect(self.more_time)
        self.finish_button.clicked.connect(self.finish)
        self.content.addWidget(self.question)
        self.content.addWidget(self.countdown)
        self.content.addWidget(self.explanation)
        self.content.addWidget(self.yes_button)
        self.content.addWidget(self.finish_button)
        self._seconds = 0
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        if hasattr(self, "yes_button"):
            self.yes_button.setMinimumHeight(theme.px(25.0))

    def set_seconds(self, seconds: int) -> None:
        self._seconds = max(0, seconds)
        self.countdown.setText(str(self._seconds))
        self.explanation.setText(
            self.tr("Si no responde en %n segundos, borraremos sus datos.", "", self._seconds)
        )

    def retranslate(self) -> None:
        self.question.setText(self.tr("¿Necesita más tiempo?"))
        self.yes_button.setText(self.tr("Sí, continuar"))
        self.finish_button.setText(self.tr("No, terminar"))
        self.set_seconds(self._seconds)


class OutOfServiceOverlay(Overlay):
    """Shown while the turn service does not answer; the kiosk comes back by itself."""

    def __init__(self, theme: Theme, contact_phone: str, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self._phone = contact_phone
        self.heading = _label("title")
        self.body = _label("")
        self.status = _label("help")
        self.content.addWidget(self.heading)
        self.content.addWidget(self.body)
        self.content.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Kiosco fuera de servicio"))
        self.body.setText(
            self.tr(
                "No podemos conectarnos con el sistema de turnos. Puede pedir su turno en "
                "www.iess.gob.ec o llamar al {phone}."
            ).replace("{phone}", self._phone)
        )
        self.status.setText(self.tr("El kiosco volverá a funcionar solo, en cuanto sea posible."))


class TechnicianOverlay(Overlay):
    """A problem only a technician can fix (e.g. an incompatible service): no crash, a note."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.heading = _label("title")
        self.body = _label("")
        self.detail = _label("small")
        self.content.addWidget(self.heading)
        self.content.addWidget(self.body)
        self.content.addWidget(self.detail)
        self.retranslate()

    def show_message(self, technical_detail: str) -> None:
        """`technical_detail` is for the technician; it must carry nothing personal."""
        self.detail.setText(technical_detail)
        self.present()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Kiosco fuera de servicio"))
        self.body.setText(
            self.tr(
                "Este kiosco necesita la visita de un técnico. "
                "Por favor, acérquese a una ventanilla."
            )
        )


class ErrorOverlay(Overlay):
    """Something unexpected happened: say so plainly and start again."""

    restart_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.heading = _label("title")
        self.body = _label("")
        self.restart_button = _button("primary")
        self.restart_button.clicked.connect(self.restart_requested)
        self.content.addWidget(self.heading)
        self.content.addWidget(self.body)
        self.content.addWidget(self.restart_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Algo salió mal"))
        self.body.setText(
            self.tr(
                "No pudimos completar la operación. Sus datos fueron borrados. Empiece de nuevo."
            )
        )
        self.restart_button.setText(self.tr("Empezar de nuevo"))


class NoticeOverlay(Overlay):
    """A refusal that takes more words than fit beside a field (a send limit: until when, and
    what to do meanwhile), over the screen, which stays as it was under it."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.heading = _label("title")
        self.body = _label("")
        self.ok_button = _button("primary")
        self.ok_button.setObjectName("noticeOk")
        self.ok_button.clicked.connect(self.hide)
        self.content.addWidget(self.heading)
        self.content.addWidget(self.body)
        self.content.addWidget(self.ok_button)
        self.retranslate()

    def present_notice(self, heading: str, body: str) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        self.present()

    def retranslate(self) -> None:
        self.ok_button.setText(self.tr("Entendido"))
