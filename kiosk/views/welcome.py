"""The welcome screen: what the kiosk does, and a touch to start in Spanish or English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.flow import Step
from kiosk.domain.models import Language
from kiosk.ui.buttons import touch_button
from kiosk.ui.labels import MessageLabel, label
from kiosk.ui.layout import apply_theme, set_min_height
from kiosk.ui.step_view import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class WelcomeView(StepView):
    step = Step.WELCOME

    #: the citizen touched a language button (or the screen: the default language).
    start_requested = Signal(object)  # Language

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = Language.ES
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 3)
        column.addStretch(2)
        self.heading = label("", "title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lead = label("")
        self.lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bring = label("", "help")
        self.bring.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Said before anyone starts: booking works without the printer, the slip comes by
        # email and on the screen (room kept, so the buttons never move when it shows).
        self.printer_notice = MessageLabel("error", reserve_chars=130)
        self.printer_notice.setObjectName("welcomePrinterNotice")
        self._printer_out = False
        column.addWidget(self.heading)
        column.addWidget(self.lead)
        column.addWidget(self.bring)
        column.addWidget(self.printer_notice)
        column.addStretch(1)
        # Each button names its language in that language: never translated.
        self.spanish = touch_button("Empezar en español", theme, "primary", wrap=True)
        self.spanish.setObjectName("startSpanish")
        self.english = touch_button("Start in English", theme, "secondary", wrap=True)
        self.english.setObjectName("startEnglish")
        for button in (self.spanish, self.english):
            column.addWidget(button)
        self._style_buttons(theme)
        column.addStretch(2)
        self.spanish.clicked.connect(lambda: self.start_requested.emit(Language.ES))
        self.english.clicked.connect(lambda: self.start_requested.emit(Language.EN))
        self.retranslate()

    def set_printer_out(self, out: bool) -> None:
        self._printer_out = out
        self.retranslate()

    def set_default_language(self, language: Language) -> None:
        """The language a touch outside the buttons starts in (config kiosk.default_language)."""
        self._default = language

    def value(self) -> Language:
        return self._default

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # "Toque la pantalla para empezar": anywhere outside the buttons starts too.
        self.start_requested.emit(self._default)
        super().mousePressEvent(event)

    def title(self) -> str:
        return self.tr("Bienvenido")

    def next_label(self) -> str:
        return self.tr("Empezar")

    def _style_buttons(self, theme: Theme) -> None:
        # The two ways in are the largest things on the screen: 30 mm high, number-size words.
        for button in (self.spanish, self.english):
            set_min_height(button, theme.px(30.0), f"font-size: {theme.font_px('code')}px;")

    def set_theme(self, theme: Theme) -> None:
        self._style_buttons(theme)
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reserve su turno de atención"))
        self.lead.setText(
            self.tr("Toque el botón de su idioma para empezar. El trámite no tiene costo.")
        )
        self.printer_notice.set_text(
            self.tr(
                "La impresora no funciona ahora. Puede reservar igual: verá su turno en la "
                "pantalla y le llegará por correo."
            )
            if self._printer_out
            else None
        )
        self.bring.setText(
            self.tr("Tenga a mano su cédula, su correo electrónico y su número de celular.")
        )
