"""Existing turns of a verified citizen: see each, print it again, cancel it, or book another.

Cancelling asks once more inside the card (a second tap), so a slip of the finger never
cancels a turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Catalog, Confirmation, Language
from kiosk.ui.buttons import touch_button
from kiosk.ui.date_words import DateWords
from kiosk.ui.labels import ErrorLabel, label
from kiosk.ui.layout import apply_theme, discard
from kiosk.ui.step_view import StepView
from kiosk.ui.text import first_upper
from kiosk.views._turn import agency_address, agency_name

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class TurnCard(QFrame):
    """One booked turn with its two actions."""

    reprint = Signal(str)
    cancel = Signal(str)

    def __init__(
        self,
        confirmation: Confirmation,
        catalog: Catalog | None,
        lang: Language,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.booking_id = confirmation.booking.id
        self._confirming = False
        self._elsewhere = False
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        words = DateWords(self)
        booking = confirmation.booking
        column = QVBoxLayout(self)
        column.setContentsMargins(
            theme.gap_px() * 2, theme.gap_px() * 2, theme.gap_px() * 2, theme.gap_px() * 2
        )
        column.setSpacing(theme.gap_px())
        procedure = catalog.procedure(booking.procedure_code) if catalog else None
        agency = catalog.agency(booking.agency_id) if catalog else None
        self.code = label(booking.code, "code")
        self.when = label(
            self.tr("{date}, a las {time}")
            .replace("{date}", first_upper(words.long_date(booking.start.date())))
            .replace("{time}", booking.start.strftime("%H:%M"))
        )
        self.when.setStyleSheet("font-weight: bold;")
        self.what = label(procedure.name.get(lang) if procedure else booking.procedure_code)
        # Names and addresses as written: never translated. A turn at an agency this kiosk
        # does not serve (a kiosk token limited to some agencies) is shown, and may be
        # cancelled, but its slip needs the agency's address and time zone: printed there.
        self._elsewhere = agency is None or procedure is None
        self.where = label(f"{agency_name(agency)} · {agency_address(agency)}" if agency else "")
        for widget in (self.code, self.when, self.what, self.where):
            column.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.gap_px() * 2)
        self.reprint_button = touch_button("", theme, "secondary")
        self.reprint_button.setObjectName("reprint")
        self.cancel_button = touch_button("", theme, "secondary")
        self.cancel_button.setObjectName("cancel")
        self.keep_button = touch_button("", theme, "secondary")
        self.keep_button.setObjectName("keep")
        self.keep_button.setVisible(False)
        buttons.addWidget(self.reprint_button, 1)
        buttons.addWidget(self.keep_button, 1)
        buttons.addWidget(self.cancel_button, 1)
        column.addLayout(buttons)
        self.reprint_button.clicked.connect(lambda: self.reprint.emit(self.booking_id))
        self.cancel_button.clicked.connect(self._cancel_tapped)
        self.keep_button.clicked.connect(self._keep)
        self.retranslate()

    def _cancel_tapped(self) -> None:
        if self._confirming:
            self._confirming = False
            self.cancel.emit(self.booking_id)
        else:
            self._confirming = True
        self.retranslate()

    def _keep(self) -> None:
        self._confirming = False
        self.retranslate()

    def confirming(self) -> bool:
        return self._confirming

    def retranslate(self) -> None:
        self.reprint_button.setText(self.tr("Imprimir de nuevo"))
        self.reprint_button.setVisible(not self._confirming and not self._elsewhere)
        if self._elsewhere:
            self.where.setText(self.tr("En otra agencia. Su comprobante se imprime allí."))
        self.keep_button.setVisible(self._confirming)
        self.keep_button.setText(self.tr("No, mantener"))
        self.cancel_button.setText(
            self.tr("Sí, anularlo") if self._confirming else self.tr("Anular turno")
        )


class ExistingView(StepView):
    step = Step.EXISTING_TURN

    reprint_requested = Signal(str)
    cancel_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._cards: list[TurnCard] = []
        self._confirmations: list[Confirmation] = []
        self._catalog: Catalog | None = None
        self._lang = Language.ES
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        self.error = ErrorLabel()
        column.addWidget(self.error)
        self.empty = label("")
        self.empty.setVisible(False)
        column.addWidget(self.empty)
        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, theme.gap_px(), 0)
        self._rows_layout.setSpacing(theme.gap_px() * 2)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._rows)
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        column.addWidget(scroll, 1)
        self.retranslate()

    def set_bookings(
        self, confirmations: Sequence[Confirmation], catalog: Catalog | None, lang: Language | str
    ) -> None:
        self._confirmations = list(confirmations)
        self._catalog = catalog
        self._lang = Language(lang)
        self._rebuild()

    def _rebuild(self) -> None:
        for card in self._cards:
            discard(card)
        self._cards = []
        for conf in sorted(self._confirmations, key=lambda c: c.booking.start):
            card = TurnCard(conf, self._catalog, self._lang, self._theme, self._rows)
            card.reprint.connect(self.reprint_requested)
            card.cancel.connect(self.cancel_requested)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, card)
            card.show()
            self._cards.append(card)
        self.empty.setVisible(not self._cards)
        self.error.set_text(None)
        self.changed.emit()

    def cards(self) -> list[TurnCard]:
        return list(self._cards)

    def card(self, booking_id: str) -> TurnCard:
        return next(c for c in self._cards if c.booking_id == booking_id)

    def reprint_button(self, booking_id: str) -> QPushButton:
        return self.card(booking_id).reprint_button

    # -- StepView ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Usted ya tiene un turno reservado")

    def help_text(self) -> str:
        return self.tr("Puede imprimirlo de nuevo, anularlo o reservar otro turno.")

    def next_label(self) -> str:
        return self.tr("Reservar otro turno")

    def show_state(self, draft: Draft) -> None:
        self._lang = draft.language
        if [c.booking.id for c in draft.existing] != [c.booking.id for c in self._confirmations]:
            self._confirmations = list(draft.existing)
            self._rebuild()

    def clear(self) -> None:
        self._confirmations = []
        self._catalog = None
        self._rebuild()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        apply_theme(self, theme)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Ya no tiene turnos reservados. Puede reservar uno nuevo."))
        self._rebuild()
