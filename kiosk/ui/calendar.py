"""The month of the schedule screen.

Every day says in words what it is, never by colour alone: "✓ Libre" (places free), "Lleno"
(open, every place taken), "Cerrado" (a weekend, a holiday or a closure, whose name the notes
under the month give) and "Aún no" (past the service's booking window). The month goes no
earlier than the first day the service sent and no later than the month of its last bookable
day.

The 42 cells of six weeks are made once and re-used: filling a month updates them in place
(their words, state and spoken name, only where they changed) instead of building and throwing
away ~30 styled buttons (19–27 ms each time; 2–5 ms now), and a month of five weeks keeps the
sixth row's room, so nothing below the month moves from one month to the next. The cells take
the focus by Tab (switch access), never by a tap.

A longer language (Kichwa; the 40 % longer pseudo language) can make seven days of "Cerrado"
wider than a portrait screen: there the words that do not fit the width the month got go on
two lines (kiosk/ui/day_cell.py), decided again whenever that width changes. In landscape they
stay on one line: the month takes more of the width beside the hours, which lack height.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.models import Day, DayState, Language
from kiosk.ui.buttons import touch_button
from kiosk.ui.date_words import DateWords
from kiosk.ui.day_cell import CellLayout, DayCell
from kiosk.ui.labels import label
from kiosk.ui.layout import is_landscape

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


def _month_after(month: dt.date) -> dt.date:
    return (month + dt.timedelta(days=32)).replace(day=1)


def _month_before(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


class MonthCalendar(QWidget):
    """A month of days, each with its state in words; only days with places can be chosen."""

    day_chosen = Signal(object)  # dt.date

    WEEKS = 6  # the most a month spans
    NOTES_LINES = 2  # room kept for the notes, so the hours below never move

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._words = DateWords(self)
        self._language = Language.ES
        self._days: dict[dt.date, Day] = {}
        self._last_bookable: dt.date | None = None
        self._first_month = self._last_month = self._month = dt.date.today().replace(day=1)
        self._selected: dt.date | None = None
        self._width: int | None = None  # known once laid out: then words may be split

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # The guide's least gap (2 mm): six weeks fit beside the hours with large text.
        column.setSpacing(theme.px(2.0))
        header = QHBoxLayout()
        self.prev_month = touch_button("◀", theme, "secondary")
        self.next_month = touch_button("▶", theme, "secondary")
        self.prev_month.clicked.connect(lambda: self._shift_month(-1))
        self.next_month.clicked.connect(lambda: self._shift_month(1))
        self.month_label = label("", None, wrap=False)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setStyleSheet("font-weight: bold;")
        header.addWidget(self.prev_month)
        header.addWidget(self.month_label, 1)
        header.addWidget(self.next_month)
        column.addLayout(header)

        # The weekday initials share the grid with the days, so their columns are the days'.
        self._grid_box = QWidget()
        self._grid = QGridLayout(self._grid_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.px(2.0))  # the guide's least gap between targets
        self.initials = [label("", "small", wrap=False) for _ in range(7)]
        for index, initial in enumerate(self.initials):
            initial.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(initial, 0, index)
            self._grid.setColumnStretch(index, 1)
        self._cells: list[DayCell] = []
        for index in range(7 * self.WEEKS):
            cell = DayCell(theme, self._grid_box)
            cell.clicked.connect(lambda _=False, c=cell: self._on_cell(c))
            self._grid.addWidget(cell, 1 + index // 7, index % 7)
            self._cells.append(cell)
        column.addWidget(self._grid_box)

        self.notes = label("", "small")  # named closures, and how far the window goes
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.notes)
        # Spare height goes below the month: the weekday row stays on top of the days.
        column.addStretch(1)
        self.refresh_theme(theme)
        self.retranslate()

    # -- what to show -------------------------------------------------------------------------

    def refresh_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._size_cells()
        small = QFont(self.font())
        small.setPixelSize(theme.font_px("small"))
        self.notes.setMinimumHeight(QFontMetrics(small).lineSpacing() * self.NOTES_LINES)

    def _measure(self) -> CellLayout:
        theme = self._theme
        landscape = is_landscape(theme)
        column = None
        if self._width is not None:
            spacing = self._grid.horizontalSpacing()
            column = (self._width - 6 * spacing) // 7
        return CellLayout.measure(
            theme,
            self.font(),
            self._state_words().values(),
            roomy=not (landscape and theme.large_text),
            # Landscape lacks height, not width: the month takes more of the width (the
            # schedule screen lets it) rather than a line more in each of six weeks.
            may_split=not landscape,
            column=column,
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Split the words that do not fit the width the month got (or join them again)."""
        super().resizeEvent(event)
        width = event.size().width()
        if width != self._width:
            self._width = width
            layout = self._measure()
            if layout != self.cell_layout:
                self._size_cells(layout)

    def _size_cells(self, layout: CellLayout | None = None) -> None:
        """Every cell a touch target with room for its lines, and never narrower than the
        widest word of any state (or its wider half, where words may be split), so that no
        month squeezes a column."""
        theme = self._theme
        if layout is None:
            layout = self._measure()
        colors = theme.colors  # computed on each call: once for the 42 cells
        for cell in self._cells:
            cell.use(theme, layout, colors)
        # The stylesheet's sizes are inside the border: take it off to get the cell's own.
        border = 2 * theme.border_px()
        # One stylesheet for all cells (the calendar's wins over the shell's for them). A month
        # button at the end of the window is greyed whole: the theme's secondary outline would
        # otherwise keep it looking as if it went on.
        sheet = (
            f"QPushButton#dayCell {{ min-height: {layout.height - border}px;"
            f" max-height: {layout.height - border}px; min-width: {layout.width - border}px;"
            f" padding: 0; font-size: {theme.font_px('small')}px; }}"
            f' QPushButton[role="secondary"]:disabled {{ color: {colors.disabled_fg};'
            f" border-color: {colors.disabled_bg}; }}"
        )
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
        self.cell_layout = layout

    def set_language(self, language: Language | str) -> None:
        """The language of the closures' names (the service sends them in both)."""
        if Language(language) is not self._language:
            self._language = Language(language)
            self._render()

    def set_days(self, days: Sequence[Day], last_bookable: dt.date | None = None) -> None:
        """The days the service sent (from its today) and its last bookable day (None from
        an older service: then the month goes as far as the days sent)."""
        self._days = {d.date: d for d in days}
        self._last_bookable = last_bookable
        self._selected = None
        dates = sorted(self._days)
        first = dates[0] if dates else dt.date.today()
        last = dates[-1] if dates else first
        if last_bookable is not None:
            last = max(first, min(last, last_bookable))
        self._first_month = first.replace(day=1)
        self._last_month = last.replace(day=1)
        open_day = next((d for d in dates if self._state(d) is DayState.OPEN), first)
        self._month = self._clamp(open_day.replace(day=1))
        self._render()

    def _clamp(self, month: dt.date) -> dt.date:
        return min(max(month, self._first_month), self._last_month)

    def _shift_month(self, delta: int) -> None:
        month = _month_after(self._month) if delta > 0 else _month_before(self._month)
        self._month = self._clamp(month)
        self._render()

    def _state(self, day: dt.date) -> DayState | None:
        """What the day is; None for a day the service did not speak of (a past one)."""
        info = self._days.get(day)
        if info is not None:
            if info.available:
                return DayState.OPEN
            state = info.effective_state
            return DayState.FULL if state is DayState.OPEN else state  # open, 0 places
        if self._last_bookable is not None and day > self._last_bookable:
            return DayState.NOT_OPEN
        return None

    def state(self, day: dt.date) -> DayState | None:
        return self._state(day)

    def _state_words(self) -> dict[DayState, str]:
        return {
            DayState.OPEN: self.tr("✓ Libre"),
            DayState.FULL: self.tr("Lleno"),
            DayState.CLOSED: self.tr("Cerrado"),
            # Translators: short, it fits a calendar cell; the notes below say until when.
            DayState.NOT_OPEN: self.tr("Aún no"),
        }

    def _render(self) -> None:
        self.month_label.setText(self._words.month_title(self._month.year, self._month.month))
        self.prev_month.setEnabled(self._month > self._first_month)
        self.next_month.setEnabled(self._month < self._last_month)
        words = self._state_words()
        start = self._month - dt.timedelta(days=self._month.weekday())  # the Monday before
        for index, cell in enumerate(self._cells):
            day = start + dt.timedelta(days=index)
            if day.month != self._month.month:
                cell.show_blank()
                continue
            state = self._state(day)
            word = words[state] if state is not None else ""
            cell.show_day(day, state, word, chosen=day == self._selected)
            spoken = self._spoken(day, word)
            if spoken != cell.accessibleName():
                cell.setAccessibleName(spoken)
        self.notes.setText(self._notes())

    def _reason(self, day: dt.date) -> str:
        info = self._days.get(day)
        if info is None or info.reason is None or self._state(day) is not DayState.CLOSED:
            return ""
        return info.reason.get(self._language)

    def _spoken(self, day: dt.date, word: str) -> str:
        parts = [self._words.long_date(day), word.lstrip("✓ "), self._reason(day)]
        return ", ".join(p for p in parts if p)

    def _notes(self) -> str:
        """The closures of the shown month by name ("Cerrado el 25: Navidad."), and until
        when the service books, in the month whose days are not open yet."""
        named: dict[str, list[int]] = {}
        not_open = False
        day = self._month
        while day.month == self._month.month:
            if reason := self._reason(day):
                named.setdefault(reason, []).append(day.day)
            not_open = not_open or self._state(day) is DayState.NOT_OPEN
            day += dt.timedelta(days=1)
        notes = [
            self.tr("Cerrado el {days}: {reason}.")
            .replace("{days}", self._day_list(numbers))
            .replace("{reason}", reason)
            for reason, numbers in named.items()
        ]
        if not_open and self._last_bookable is not None:
            notes.append(
                self.tr("Se puede reservar hasta el {date}.").replace(
                    "{date}", self._words.long_date(self._last_bookable)
                )
            )
        return " ".join(notes)

    def _day_list(self, numbers: list[int]) -> str:
        """ "25", "16 y 17", "2, 3 y 4"."""
        texts = [str(n) for n in numbers]
        if len(texts) == 1:
            return texts[0]
        return (
            self.tr("{list} y {last}")
            .replace("{list}", ", ".join(texts[:-1]))
            .replace("{last}", texts[-1])
        )

    # -- choosing -----------------------------------------------------------------------------

    def _on_cell(self, cell: DayCell) -> None:
        if cell.date is None or cell.state is not DayState.OPEN:
            return
        day = cell.date
        self.select(day)
        self.day_chosen.emit(day)

    def select(self, day: dt.date | None) -> None:
        self._selected = day
        if day is not None and day.replace(day=1) != self._month:
            self._month = day.replace(day=1)
            self._render()
            return
        for cell in self._cells:
            cell.setChecked(cell.date is not None and cell.date == day and cell.isEnabled())
            cell.update()

    def selected(self) -> dt.date | None:
        return self._selected

    def shown_month(self) -> dt.date:
        return self._month

    def cell(self, day: dt.date) -> DayCell:
        """The cell of `day` in the shown month."""
        for cell in self._cells:
            if cell.date == day:
                return cell
        raise KeyError(day)

    def cells(self) -> list[DayCell]:
        """The cells of the shown month's days, in order."""
        return [c for c in self._cells if c.date is not None]

    def clear(self) -> None:
        self._days = {}
        self._last_bookable = None
        self._selected = None
        self._first_month = self._last_month = self._month = dt.date.today().replace(day=1)
        self._render()

    def retranslate(self) -> None:
        for initial, text in zip(self.initials, self._words.weekday_initials(), strict=False):
            initial.setText(text)
        self.prev_month.setAccessibleName(self.tr("Mes anterior"))
        self.next_month.setAccessibleName(self.tr("Mes siguiente"))
        self._size_cells()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
