"""Day and hour on one screen: a month of days with free places, then that day's hours.

A day without places says so in words and offers the next day that has them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Day, Slot
from kiosk.ui.widgets import (
    ButtonGrid,
    DateWords,
    ErrorLabel,
    MonthCalendar,
    apply_theme,
    first_upper,
    is_landscape,
    label,
    split_layout,
    touch_button,
)
from kiosk.views.base import StepView

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class ScheduleView(StepView):
    step = Step.SCHEDULE

    day_chosen = Signal(object)  # dt.date

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = DateWords(self)
        self._slots: dict[str, Slot] = {}
        self._next_day: dt.date | None = None
        self._no_places = False
        self._split = split_layout(theme, self)
        self.calendar = MonthCalendar(theme)
        self.calendar.day_chosen.connect(self._on_day)
        self._split.addWidget(self.calendar, 1 if is_landscape(theme) else 0)

        hours = QWidget()
        column = QVBoxLayout(hours)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px() * 2)
        self.error = ErrorLabel()
        self.hours_caption = label("")
        self.hours_caption.setStyleSheet("font-weight: bold;")
        self.hours = ButtonGrid(theme, columns=3 if is_landscape(theme) else 4)
        self.hours.chosen.connect(lambda _k: self.changed.emit())
        self.no_places = label("")
        self.no_places.setVisible(False)
        self.next_day_button = touch_button("", theme, "secondary")
        self.next_day_button.setObjectName("nextDayButton")
        self.next_day_button.setVisible(False)
        self.next_day_button.clicked.connect(self._go_next_day)
        column.addWidget(self.error)
        column.addWidget(self.hours_caption)
        column.addWidget(self.no_places)
        column.addWidget(self.next_day_button)
        hours_box = QWidget()
        hours_column = QVBoxLayout(hours_box)
        hours_column.setContentsMargins(0, 0, theme.gap_px(), 0)
        hours_column.addWidget(self.hours)
        hours_column.addStretch(1)
        scroll = QScrollArea()  # a day of 20-minute turns does not fit a landscape screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(hours_box)
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        column.addWidget(scroll, 1)
        if is_landscape(theme):
            # Under the hours: a month of six weeks then fits beside them with large text.
            column.addWidget(self.calendar.legend)
        self._split.addWidget(hours, 1)
        self.retranslate()

    # -- days -------------------------------------------------------------------------------

    def set_days(self, days: Sequence[Day]) -> None:
        self.calendar.set_days(days)
        self._set_hours([])
        self.changed.emit()

    def _on_day(self, day: dt.date) -> None:
        self._set_hours([])
        self.retranslate()
        self.day_chosen.emit(day)

    def _go_next_day(self) -> None:
        if self._next_day is not None:
            day = self._next_day
            self.calendar.select(day)
            self._on_day(day)

    def chosen_day(self) -> dt.date | None:
        return self.calendar.selected()

    # -- hours ------------------------------------------------------------------------------

    def set_slots(self, slots: Sequence[Slot]) -> None:
        free = [s for s in slots if s.free_places > 0]
        if not free:
            self.set_no_places(None)
            return
        self._no_places = False
        self._next_day = None
        self._set_hours(free)
        self.retranslate()

    def _set_hours(self, slots: Sequence[Slot]) -> None:
        self._slots = {s.id: s for s in slots}
        ordered = sorted(slots, key=lambda s: s.start)
        self.hours.set_items([(s.id, s.start.strftime("%H:%M")) for s in ordered])
        self.changed.emit()

    def set_no_places(self, next_day: dt.date | None) -> None:
        """The chosen day has no free places; offer `next_day` if there is one."""
        self._no_places = True
        self._next_day = next_day
        self._set_hours([])
        self.retranslate()

    def value(self) -> Slot:
        key = self.hours.value()
        if key is None:
            raise LookupError("no hour chosen")
        return self._slots[key]

    def is_valid(self) -> bool:
        return self.hours.value() is not None

    # -- StepView ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Elija el día y la hora")

    def help_text(self) -> str:
        return self.tr("Primero toque un día con ✓; luego, la hora que prefiera.")

    def show_state(self, draft: Draft) -> None:
        if draft.day is not None:
            self.calendar.select(draft.day)
        self.retranslate()

    def clear(self) -> None:
        self.calendar.clear()
        self._no_places = False
        self._next_day = None
        self._set_hours([])
        self.error.set_text(None)
        self.retranslate()

    def set_error(self, text: str | None) -> None:
        self.error.set_text(text)

    def set_theme(self, theme: Theme) -> None:
        apply_theme(self, theme)

    def retranslate(self) -> None:
        day = self.calendar.selected()
        if day is None:
            self.hours_caption.setText(self.tr("Elija un día en el calendario."))
        elif self._no_places:
            self.hours_caption.setText(first_upper(self._words.long_date(day)))
        else:
            self.hours_caption.setText(
                self.tr("Horas libres el {date}:").replace("{date}", self._words.long_date(day))
            )
        self.no_places.setVisible(self._no_places)
        if self._no_places:
            self.no_places.setText(
                self.tr("No hay turnos este día.")
                + " "
                + (
                    self.tr("Elija otro día en el calendario.")
                    if self._next_day is None
                    else self.tr("El próximo día con turnos es el {date}.").replace(
                        "{date}", self._words.long_date(self._next_day)
                    )
                )
            )
        self.next_day_button.setVisible(self._no_places and self._next_day is not None)
        if self._next_day is not None:
            self.next_day_button.setText(
                self.tr("Ver las horas del {date}").replace(
                    "{date}", self._words.long_date(self._next_day)
                )
            )
        self.changed.emit()
