"""Done: take the slip, the turn code, and come 10 minutes early with the original cédula."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Catalog, Confirmation, Language
from kiosk.ui.widgets import DateWords, apply_theme, first_upper, label
from kiosk.views.base import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class DoneView(StepView):
    step = Step.DONE

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = DateWords(self)
        self._confirmation: Confirmation | None = None
        self._catalog: Catalog | None = None
        self._lang = Language.ES
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 3)
        column.addStretch(1)
        self.code_caption = label("", "help")
        self.code = label("", "code")
        self.when = label("")
        self.where = label("")
        self.arrive = label("")
        self.arrive.setStyleSheet("font-weight: bold;")
        for widget in (self.code_caption, self.code, self.when, self.where, self.arrive):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        self.code.setStyleSheet(f"font-size: {theme.font_px('title') * 2}px;")
        column.addStretch(2)
        self.retranslate()

    def show_confirmation(
        self, confirmation: Confirmation, catalog: Catalog | None, lang: Language | str
    ) -> None:
        self._confirmation, self._catalog, self._lang = confirmation, catalog, Language(lang)
        self.retranslate()

    def show_state(self, draft: Draft) -> None:
        if draft.confirmation is not None:
            self._confirmation = draft.confirmation
            self._lang = draft.language
        self.retranslate()

    def title(self) -> str:
        return self.tr("Retire su comprobante")

    def help_text(self) -> str:
        return self.tr("Su turno está reservado.")

    def next_label(self) -> str:
        return self.tr("Terminar")

    def clear(self) -> None:
        self._confirmation = None
        self._catalog = None
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        self.code.setStyleSheet(f"font-size: {theme.font_px('title') * 2}px;")
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.code_caption.setText(self.tr("Su turno"))
        self.arrive.setText(self.tr("Preséntese 10 minutos antes con su cédula original."))
        conf = self._confirmation
        if conf is None:
            for widget in (self.code, self.when, self.where):
                widget.clear()
            return
        booking = conf.booking
        self.code.setText(booking.code)
        self.when.setText(
            self.tr("{date}, a las {time}")
            .replace("{date}", first_upper(self._words.long_date(booking.start.date())))
            .replace("{time}", booking.start.strftime("%H:%M"))
        )
        agency = self._catalog.agency(booking.agency_id) if self._catalog else None
        self.where.setText(
            f"{agency.name.get(self._lang)}\n{agency.address.get(self._lang)}" if agency else ""
        )
