"""Day and hour on one screen: a month whose days say what they are, then that day's hours.

A day without places says so in words and offers the next day that has them. Room for the
error, the caption and the notes is kept whether they say anything or not, and the hours and
the "no places" words share one place: nothing under the finger moves when a day is chosen
or a message comes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.flow import Draft, Step
from kiosk.domain.models import Availability, Day, Slot
from kiosk.ui.buttons import touch_button
from kiosk.ui.calendar import MonthCalendar
from kiosk.ui.choice import ButtonGrid
from kiosk.ui.date_words import DateWords
from kiosk.ui.labels import ErrorLabel, label
from kiosk.ui.layout import apply_theme, is_landscape, split_layout
from kiosk.ui.step_view import StepView
from kiosk.ui.text import first_upper

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


class ScheduleView(StepView):
    step = Step.SCHEDULE

    day_chosen = Signal(object)  # dt.date

    CAPTION_LINES = 2  # "Horas libres el miércoles 30 de septiembre de 2026:" wraps
    ERROR_LINES = 2  # "La hora que eligió ya no está libre…" and what to do

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._words = DateWords(self)
        self._slots: dict[str, Slot] = {}
        self._next_day: dt.date | None = None
        self._no_places = False
        self._split = split_layout(theme, self)
        self.calendar = MonthCalendar(theme)
        self.calendar.day_chosen.connect(self._on_day)
        # Landscape: the month gets the wider side, so that "Cerrado" fits a seventh of it
        # with large text.
        landscape = is_landscape(theme)
        self._split.addWidget(self.calendar, 4 if landscape else 0)

        hours = QWidget()
        column = QVBoxLayout(hours)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px())
        self.error = ErrorLabel()
        policy = self.error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error.setSizePolicy(policy)
        self.hours_caption = label("")
        self.hours_caption.setStyleSheet("font-weight: bold;")
        self.hours_caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hours = ButtonGrid(theme, columns=3 if landscape else 4)
        self.hours.chosen.connect(lambda _k: self.changed.emit())

        # The day's hours, or (in the same place) why there are none and the next day. It takes
        # the height left, whatever it is (the hours scroll): a full day's grid as its wish
        # would squeeze the month when the wrapping texts make the layout count in heights.
        self._answer = QStackedWidget()
        self._answer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._answer.setMinimumHeight(theme.key_px())
        hours_box = QWidget()
        hours_column = QVBoxLayout(hours_box)
        hours_column.setContentsMargins(0, 0, theme.gap_px(), 0)
        hours_column.addWidget(self.hours)
        hours_column.addStretch(1)
        self._hours_scroll = QScrollArea()  # a day of 20-minute turns does not fit landscape
        self._hours_scroll.setWidgetResizable(True)
        self._hours_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._hours_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._hours_scroll.setWidget(hours_box)
        QScroller.grabGesture(
            self._hours_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self._answer.addWidget(self._hours_scroll)
        none_box = QWidget()
        none_column = QVBoxLayout(none_box)
        none_column.setContentsMargins(0, 0, 0, 0)
        none_column.setSpacing(theme.gap_px() * 2)
        self.no_places = label("")
        self.next_day_button = touch_button("", theme, "secondary", wrap=True)
        self.next_day_button.setObjectName("nextDayButton")
        self.next_day_button.clicked.connect(self._go_next_day)
        none_column.addWidget(self.no_places)
        none_column.addWidget(self.next_day_button, 0, Qt.AlignmentFlag.AlignLeft)
        none_column.addStretch(1)
        self._answer.addWidget(none_box)

        column.addWidget(self.error)
        column.addWidget(self.hours_caption)
        column.addWidget(self._answer, 1)
        if landscape:
            # Under the hours: a month of six weeks then fits beside them with large text.
            column.addWidget(self.calendar.notes)
        self._split.addWidget(hours, 3 if landscape else 1)
        self._reserve_room()
        self.retranslate()

    def _reserve_room(self) -> None:
        """Room for the caption and an error whether they are long, short or not there, so
        that the hours never move under the finger."""
        font = QFont(self.font())
        font.setPixelSize(self._theme.font_px("body"))
        font.setBold(True)
        line = QFontMetrics(font).lineSpacing()
        self.hours_caption.setMinimumHeight(line * self.CAPTION_LINES)
        self.error.setMinimumHeight(line * self.ERROR_LINES)

    # -- days -------------------------------------------------------------------------------

    def set_availability(self, availability: Availability) -> None:
        """The days with their states and the service's booking window."""
        self.set_days(availability.days, availability.last_bookable)

    def set_days(self, days: Sequence[Day], last_bookable: dt.date | None = None) -> None:
        self.calendar.set_days(days, last_bookable)
        self._no_places = False
        self._next_day = None
        self._set_hours([])
        self.retranslate()

    def _on_day(self, day: dt.date) -> None:
        self._no_places = False
        self._next_day = None
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
        self.calendar.set_language(draft.language)
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
        self._theme = theme
        apply_theme(self, theme)
        self._reserve_room()

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
        self._answer.setCurrentIndex(1 if self._no_places else 0)
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
        self.next_day_button.setVisible(self._next_day is not None)
        if self._next_day is not None:
            self.next_day_button.setText(
                self.tr("Ver las horas del {date}").replace(
                    "{date}", self._words.long_date(self._next_day)
                )
            )
        self.changed.emit()
