"""Single-choice widgets: a large list with a search field and its own keyboard (provinces,
procedures, agencies), and a grid of big buttons (the hours of a day).

A chosen item has a mark (✓) besides its colour; the search finds names without caring for
case or accents, and a province by its cities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.buttons import touch_button, wrap_words
from kiosk.ui.keyboard import Keyboard, KeyboardLayout
from kiosk.ui.labels import label
from kiosk.ui.layout import discard, is_landscape, set_min_height, split_layout
from kiosk.ui.text import MARK_CHOSEN, MARK_OPEN, fold

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


# -- choice lists ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChoiceItem:
    key: str
    title: str
    detail: str = ""
    #: other names the search finds the item by (a province's cities); the one found is
    #: shown under the title, so that "quito" shows "Pichincha" with "Quito" beneath.
    keywords: tuple[str, ...] = ()


class ChoiceButton(QPushButton):
    """A list row: a mark (○ / ✓), the title and, on the lines below, a detail; both wrap to
    the row's width (a QPushButton cannot wrap by itself)."""

    def __init__(self, item: ChoiceItem, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.found_by = ""  # the keyword the search found this row by, shown under the title
        self._touch = theme.touch_px()
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, a tap does not focus it
        self.setMinimumHeight(theme.touch_px())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._pad = theme.px(3.0) * 2 + theme.border_px() * 4
        self.toggled.connect(self._render)
        self._render()

    def set_item(self, item: ChoiceItem) -> None:
        self.item = item
        self._render()

    def show_found_by(self, keyword: str) -> None:
        if keyword != self.found_by:
            self.found_by = keyword
            self._render()

    def _render(self) -> None:
        mark = MARK_CHOSEN if self.isChecked() else MARK_OPEN
        # Bold metrics whatever the state: a chosen row is bold and must not overflow.
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = max(self.width() - self._pad - metrics.horizontalAdvance("○  "), 200)
        title = wrap_words(self.item.title, metrics, width).lstrip()
        text = f"{mark}  {title}"
        for detail in (self.found_by, self.item.detail):
            if detail:
                text += "\n" + wrap_words(detail, metrics, width)
        if text != self.text():
            self.setText(text)
            self.updateGeometry()
        # Every line in sight when a long list is squeezed to its rows' minimum heights (the
        # stylesheet's min-height holds one line; a city found by the search adds one).
        lines = QPushButton.sizeHint(self).height()
        if self.minimumHeight() != lines:
            self.setMinimumHeight(lines)

    def minimumSizeHint(self) -> QSize:
        # The text re-wraps to any width, so the row may be as narrow as a touch target.
        return QSize(self._touch, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self._touch * 4), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()


def _starts_a_word(needle: str, text: str) -> bool:
    """Whether a word of `text` (case and accents aside) begins with `needle`."""
    folded = fold(text)
    return folded.startswith(needle) or f" {needle}" in folded


class ChoiceList(QWidget):
    """A large single-choice list; above a few items, a search field with its own keyboard."""

    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll(), as in Qt's API

    chosen = Signal(str)
    #: the search hid the chosen item, so it is no longer chosen (Siguiente must not stay on)
    selection_dropped = Signal()

    SEARCH_FROM = 7  # fewer items fit on one screen and need no search
    #: letters typed before other names (a province's cities) are searched too, and then only
    #: from the start of their words: "sa" would otherwise list half the country's towns.
    KEYWORDS_FROM = 3

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._buttons: list[ChoiceButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)

        # Landscape: the keyboard opens beside the list, not under it, so the five rows of
        # 20 mm keys fit the screen's height with large text too.
        split = split_layout(theme, self)
        split.setSpacing(theme.gap_px() * 2)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px())
        split.addLayout(column, 1)

        search_row = QHBoxLayout()
        search_row.setSpacing(theme.gap_px())
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self._filter)
        # Enter on the field (switch access) opens its keyboard, as a tap does.
        self.search.returnPressed.connect(self.open_keyboard)
        self.hide_keys = touch_button("", theme, "secondary")
        self.hide_keys.clicked.connect(self.close_keyboard)
        self.hide_keys.setVisible(False)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.hide_keys)
        self._search_box = QWidget()
        self._search_box.setLayout(search_row)
        column.addWidget(self._search_box)

        self.empty = label("", "help")
        self.empty.setVisible(False)
        column.addWidget(self.empty)

        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, theme.gap_px(), 0)
        self._rows_layout.setSpacing(theme.gap_px())
        self._rows_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its rows take the focus
        self.scroll.setWidget(self._rows)
        # Drag with a finger scrolls the list as on a phone.
        QScroller.grabGesture(
            self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        column.addWidget(self.scroll, 1)

        self.keyboard = Keyboard(
            theme, self, layout=KeyboardLayout.TEXT, compact=is_landscape(theme)
        )
        self.keyboard.bind(self.search)
        self.keyboard.setVisible(False)
        if is_landscape(theme):
            split.addWidget(self.keyboard, 1, Qt.AlignmentFlag.AlignTop)
        else:
            column.addWidget(self.keyboard)
        self.retranslate()

    # -- items ------------------------------------------------------------------------------

    def set_items(self, items: Sequence[ChoiceItem]) -> None:
        for button in self._buttons:
            self._group.removeButton(button)
            discard(button)
        self._buttons = []
        for item in items:
            button = ChoiceButton(item, self._theme, self._rows)
            button.clicked.connect(lambda _=False, key=item.key: self._on_click(key))
            self._group.addButton(button)
            self._rows_layout.insertWidget(self._rows_layout.count() - 1, button)
            button.show()  # at once, not on the next loop turn as a layout would
            self._buttons.append(button)
        self._search_box.setVisible(len(self._buttons) >= self.SEARCH_FROM)
        self.search.clear()
        self._filter("")

    def _on_click(self, key: str) -> None:
        self.close_keyboard()
        self.chosen.emit(key)

    def value(self) -> str | None:
        checked = self._group.checkedButton()
        return checked.item.key if isinstance(checked, ChoiceButton) else None

    def select(self, key: str | None) -> None:
        """Mark `key` as chosen without emitting `chosen` (restoring a draft)."""
        self._group.setExclusive(False)
        for button in self._buttons:
            button.setChecked(button.item.key == key)
        self._group.setExclusive(True)

    def button(self, key: str) -> ChoiceButton:
        return next(b for b in self._buttons if b.item.key == key)

    def buttons(self) -> list[ChoiceButton]:
        return list(self._buttons)

    def visible_keys(self) -> list[str]:
        return [b.item.key for b in self._buttons if not b.isHidden()]

    def clear(self) -> None:
        self.select(None)
        self.search.clear()
        self.close_keyboard()

    # -- search -----------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        needle = fold(text.strip())
        shown = 0
        for button in self._buttons:
            item = button.item
            match = not needle or needle in fold(f"{item.title} {item.detail}")
            found_by = ""
            if not match and len(needle) >= self.KEYWORDS_FROM:
                found_by = next((k for k in item.keywords if _starts_a_word(needle, k)), "")
                match = bool(found_by)
            button.show_found_by(found_by)
            button.setHidden(not match)
            shown += match
        chosen = self._group.checkedButton()
        if chosen is not None and chosen.isHidden():
            # Never a choice the citizen cannot see: Siguiente would go on with it.
            self.select(None)
            self.selection_dropped.emit()
        if shown == 0 and needle:
            self.empty.setText(
                self.tr("No encontramos «{text}». Borre unas letras o revise lo escrito.").replace(
                    "{text}", text.strip()
                )
            )
        self.empty.setVisible(shown == 0 and bool(needle))

    def open_keyboard(self) -> None:
        self.keyboard.setVisible(True)
        self.hide_keys.setVisible(True)
        self.search.setFocus()

    def close_keyboard(self) -> None:
        self.keyboard.setVisible(False)
        self.hide_keys.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.MouseButtonPress:
            self.open_keyboard()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Buscar por nombre"))
        self.hide_keys.setText(self.tr("Ocultar teclado"))
        self._filter(self.search.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ButtonGrid(QWidget):
    """Big single-choice buttons in a grid (the hours of a day)."""

    chosen = Signal(str)

    def __init__(self, theme: Theme, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.gap_px())
        self._group = QButtonGroup(self)
        self._buttons: dict[str, QPushButton] = {}

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        for button in self._buttons.values():
            self._group.removeButton(button)
            discard(button)
        self._buttons = {}
        for index, (key, text) in enumerate(items):
            button = touch_button(text, self._theme, "choice", self)
            button.setCheckable(True)
            set_min_height(button, self._theme.key_px(), "text-align: center;")
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self._group.addButton(button)
            self._grid.addWidget(button, index // self._columns, index % self._columns)
            button.show()
            self._buttons[key] = button

    def value(self) -> str | None:
        for key, button in self._buttons.items():
            if button.isChecked():
                return key
        return None

    def button(self, key: str) -> QPushButton:
        return self._buttons[key]

    def keys(self) -> list[str]:
        return list(self._buttons)
