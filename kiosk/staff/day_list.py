"""The agency's turns of today: counts at the top, a filter by text and by state, a table.

The service answers each turn's state: `active` (booked, not yet arrived), `checked_in` (with
the time), `cancelled`, or `missed` (booked, its check-in window closed: a no-show). The list
holds only masked names; the filter matches the turn code or the masked name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff.api import StaffBooking
from kiosk.staff.outcome import Day
from kiosk.staff.texts import Staff, hhmm

# The state filter's choices, in the order of `Staff.state_filters()`; None: every state.
FILTER_STATES: tuple[str | None, ...] = (None, "active", "checked_in", "missed", "cancelled")
STATE_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Counts:
    total: int
    waiting: int
    checked_in: int
    missed: int
    cancelled: int

    @classmethod
    def of(cls, bookings: Sequence[StaffBooking]) -> Counts:
        states = [b.state for b in bookings]
        return cls(
            total=len(states),
            waiting=states.count("active"),
            checked_in=states.count("checked_in"),
            missed=states.count("missed"),
            cancelled=states.count("cancelled"),
        )

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.total, self.waiting, self.checked_in, self.missed, self.cancelled)


class DayModel(QAbstractTableModel):
    """One row per turn: hour, code, state (with the check-in time), masked name, procedure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[StaffBooking, ...] = ()
        self._zone: dt.tzinfo | None = None
        self._procedure: Callable[[str], str] = lambda code: code

    def set_day(self, bookings: Sequence[StaffBooking], zone: dt.tzinfo) -> None:
        self.beginResetModel()
        self._rows, self._zone = tuple(bookings), zone
        self.endResetModel()

    def set_procedure_names(self, names: Callable[[str], str]) -> None:
        self._procedure = names
        self.retranslate()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Staff().columns()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid():
            return None
        b = self._rows[index.row()]
        if role == STATE_ROLE:
            return b.state
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self._procedure(b.procedure_code)  # the whole name, where it is cut short
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return hhmm(b.start.astimezone(self._zone))
        if column == 1:
            return b.code
        if column == 2:
            at = b.checked_in_at.astimezone(self._zone) if b.checked_in_at else None
            return Staff().state(b.state, at)
        if column == 3:
            return b.masked_name
        return self._procedure(b.procedure_code)


class DayFilter(QSortFilterProxyModel):
    """Rows whose code or masked name holds the text, in the chosen state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._state: str | None = None

    def set_text(self, text: str) -> None:
        self._refilter(text.strip().casefold(), self._state)

    def set_state(self, state: str | None) -> None:
        self._refilter(self._text, state)

    def _refilter(self, text: str, state: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated
            self.beginFilterChange()
            self._text, self._state = text, state
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self._text, self._state = text, state
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self._state is not None:
            state = model.data(model.index(source_row, 0, source_parent), STATE_ROLE)
            if state != self._state:
                return False
        if not self._text:
            return True
        code = str(model.data(model.index(source_row, 1, source_parent)))
        name = str(model.data(model.index(source_row, 3, source_parent)))
        return self._text in code.casefold() or self._text in name.casefold()


class DayList(QWidget):
    """Today's turns for the counter: counts, filters, the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setProperty("role", "sectionTitle")
        self.updated = QLabel(self)
        self.updated.setProperty("role", "muted")
        self.count_values = [QLabel("–", self) for _ in range(5)]
        self._count_labels = [QLabel(self) for _ in range(5)]
        counts = QGridLayout()
        counts.setHorizontalSpacing(10)
        counts.setVerticalSpacing(0)
        for col, (value, label) in enumerate(
            zip(self.count_values, self._count_labels, strict=True)
        ):
            value.setProperty("role", "count")
            label.setProperty("role", "countLabel")
            label.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            counts.addWidget(value, 0, col)
            counts.addWidget(label, 1, col)
            counts.setColumnStretch(col, 1)

        self.search = QLineEdit(self)
        self.search.setObjectName("daySearch")
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        self.state.setObjectName("dayState")
        self.state.addItems([""] * len(FILTER_STATES))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.state, 2)

        self.model = DayModel(self)
        self.proxy = DayFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("dayTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.updated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(counts)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.search.textChanged.connect(self.proxy.set_text)
        self.state.currentIndexChanged.connect(
            lambda i: self.proxy.set_state(FILTER_STATES[max(0, i)])
        )
        self._day: Day | None = None
        self._online = True
        self.retranslate()

    def show_day(self, day: Day, zone: dt.tzinfo) -> None:
        self._day = day
        self.model.set_day(day.bookings, zone)
        for label, number in zip(
            self.count_values, Counts.of(day.bookings).as_tuple(), strict=True
        ):
            label.setText(str(number))
        self._say_updated()

    def set_online(self, online: bool) -> None:
        self._online = online
        self._say_updated()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = Staff()
        self.title.setText(self.tr("Turnos de hoy"))
        self.search.setPlaceholderText(self.tr("Buscar por código o nombre"))
        for label, text in zip(self._count_labels, words.count_labels(), strict=True):
            label.setText(text)
        for i, text in enumerate(words.state_filters()):
            self.state.setItemText(i, text)
        self.model.retranslate()
        self._say_updated()

    def _say_updated(self) -> None:
        words = Staff()
        if self._day is not None:
            self.updated.setText(words.day_updated(self._day.fetched_at, self._online))
        else:
            self.updated.setText("" if self._online else words.no_day())
