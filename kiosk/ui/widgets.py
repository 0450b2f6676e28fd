"""Touch widgets shared by the citizen screens.

Everything is sized from the theme (millimetres → pixels) and coloured by the theme's stylesheet
through the dynamic property "role"; meaning never rests on colour alone (an error has an icon
and words, a chosen item has a mark).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import Day
from kiosk.ui.keyboard import Keyboard, KeyboardLayout

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme

MARK_CHOSEN = "✓"
MARK_OPEN = "○"


def is_landscape(theme: Theme) -> bool:
    """From the configured screen, not from a widget's size: a view inside the shell's scroll
    area could otherwise be laid out tall, then never be wide enough to flip."""
    return getattr(theme.geometry, "orientation", "portrait") == "landscape"


def split_layout(theme: Theme, parent: QWidget | None = None) -> QBoxLayout:
    """Panes side by side on a landscape screen, one under the other on a portrait one."""
    direction = (
        QBoxLayout.Direction.LeftToRight
        if is_landscape(theme)
        else QBoxLayout.Direction.TopToBottom
    )
    box = QBoxLayout(direction, parent)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(theme.gap_px() * 3)
    return box


def set_role(widget: QWidget, role: str) -> None:
    """Set the stylesheet role and re-polish so the change shows at once."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # service texts are never rich text
    return widget


def touch_button(
    text: str,
    theme: Theme,
    role: str = "secondary",
    parent: QWidget | None = None,
    *,
    wrap: bool = False,
) -> QPushButton:
    """A button at least 15 mm on each side (more with large text); with `wrap`, its words go
    onto a second line rather than being clipped when it is narrow."""
    button = WrapButton(text, parent) if wrap else QPushButton(text, parent)
    button.setProperty("role", role)
    button.setMinimumHeight(theme.touch_px())
    button.setMinimumWidth(theme.touch_px())
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def set_min_height(widget: QWidget, px: int, extra_style: str = "") -> None:
    """A minimum height that survives the theme's stylesheet (whose min-height would win)."""
    widget.setStyleSheet(f"min-height: {px}px; {extra_style}")


def first_upper(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower "December")."""
    return text[:1].upper() + text[1:]


def countdown_text(seconds: int) -> str:
    """`m:ss`, never negative."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def fold(text: str) -> str:
    """Lower-case without accents, so "cañar" finds "Cañar" and "bolivar" finds "Bolívar"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def apply_theme(root: QWidget, theme: Theme) -> None:
    """Hand a new theme variant (large text, high contrast) to every child that sizes itself."""
    for child in root.findChildren(QWidget):
        if child is not root and hasattr(child, "refresh_theme"):
            child.refresh_theme(theme)


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now; deleteLater alone leaves it painted until the loop
    turns, so a re-filled grid would show old and new buttons on top of each other."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def clear_texts(root: QWidget) -> None:
    """Empty every QLineEdit under `root` (used by views' clear())."""
    for edit in root.findChildren(QLineEdit):
        edit.clear()


class WrapButton(QPushButton):
    """A push button whose words go onto more lines when it is narrower than they need.

    A QPushButton never wraps, and the stylesheet's min-width lets a layout squeeze it below
    its words: with large text "Reservar otro turno" showed as "servar otro tu". This one is
    never narrower than its longest word and grows in height for each extra line. `text()`
    gives the words as set; the button shows them wrapped to its width.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._words = text
        self._keep_longest_word()
        self._rewrap()
        self.updateGeometry()

    def _keep_longest_word(self) -> None:
        # The stylesheet's min-width becomes the widget's minimum size, which a layout obeys
        # over minimumSizeHint(): raise it to the longest word, so no word is ever cut.
        longest = max(self._words.split(), key=self.fontMetrics().horizontalAdvance, default="")
        width = self._horizontal_padding() + self.fontMetrics().horizontalAdvance(longest)
        if self.minimumWidth() < width:
            self.setMinimumWidth(width)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Polish:
            self._keep_longest_word()
        return handled

    def text(self) -> str:
        return self._words

    def shown_text(self) -> str:
        """The words as drawn, with the line breaks of the current width."""
        return QPushButton.text(self)

    def _size_for(self, text: str) -> QSize:
        metrics = self.fontMetrics()
        lines = text.split("\n") if text else [""]
        inner = QSize(
            max(metrics.horizontalAdvance(line) for line in lines),
            metrics.height() * len(lines),
        )
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, inner, self)
        return size.expandedTo(self.minimumSize())

    def _horizontal_padding(self) -> int:
        """What padding and border take across; measured on a wide line, as the stylesheet's
        min-width would otherwise count as padding for a short one."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        wide = 10_000
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton,
            option,
            QSize(wide, self.fontMetrics().height()),
            self,
        )
        return max(0, size.width() - wide)

    def _wrapped(self, width: int) -> str:
        available = width - self._horizontal_padding()
        return _wrap(self._words, self.fontMetrics(), max(1, available), indent="")

    def _rewrap(self) -> None:
        shown = self._wrapped(self.width()) if self.isVisible() else self._words
        if shown != QPushButton.text(self):
            super().setText(shown)

    def sizeHint(self) -> QSize:
        return self._size_for(self._words)

    def minimumSizeHint(self) -> QSize:
        longest = max(self._words.split(), key=self.fontMetrics().horizontalAdvance, default="")
        width = self._size_for(longest).width()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_for(self._wrapped(width)).height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        before = QPushButton.text(self).count("\n")
        self._rewrap()
        if QPushButton.text(self).count("\n") != before:
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._keep_longest_word()
            self._rewrap()
            self.updateGeometry()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rewrap()


# -- messages ----------------------------------------------------------------------------------


class MessageLabel(QWidget):
    """An icon and words on one line, hidden while there is nothing to say.

    kind "error": ⚠ and the error colour; kind "ok": ✓ and the ok colour.
    """

    def __init__(self, kind: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._icon = label("⚠" if kind == "error" else MARK_CHOSEN, kind, wrap=False)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._words = label("", kind)
        self._words.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self._icon)
        row.addWidget(self._words, 1)
        self.setVisible(False)

    def set_text(self, text: str | None) -> None:
        self._words.setText(text or "")
        self.setVisible(bool(text))

    def text(self) -> str:
        return self._words.text()


class ErrorLabel(MessageLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("error", parent)


class MaskedValue(QWidget):
    """A caption over a value that is shown masked (`17••••••90`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.caption = label("", "help")
        self.value = label("", "masked")
        column.addWidget(self.caption)
        column.addWidget(self.value)

    def set(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)

    def clear(self) -> None:
        self.value.clear()


# -- countdown ---------------------------------------------------------------------------------


class Countdown(QObject):
    """Counts whole seconds down to zero on the UI thread; `tick` reports what is left."""

    tick = Signal(int)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.step)

    def start(self, seconds: int) -> None:
        self._left = max(0, int(seconds))
        self.tick.emit(self._left)
        if self._left > 0:
            self._timer.start()
        else:
            self._timer.stop()
            self.finished.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._left = 0

    def remaining(self) -> int:
        return self._left

    def running(self) -> bool:
        return self._timer.isActive()

    def step(self) -> None:
        """One second passed (the timer calls it; tests may too)."""
        if self._left <= 0:
            return
        self._left -= 1
        self.tick.emit(self._left)
        if self._left == 0:
            self._timer.stop()
            self.finished.emit()


# -- choice lists ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChoiceItem:
    key: str
    title: str
    detail: str = ""


class ChoiceButton(QPushButton):
    """A list row: a mark (○ / ✓), the title and, on the lines below, a detail; both wrap to
    the row's width (a QPushButton cannot wrap by itself)."""

    def __init__(self, item: ChoiceItem, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self._touch = theme.touch_px()
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(theme.touch_px())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._pad = theme.px(3.0) * 2 + theme.border_px() * 4
        self.toggled.connect(self._render)
        self._render()

    def set_item(self, item: ChoiceItem) -> None:
        self.item = item
        self._render()

    def _render(self) -> None:
        mark = MARK_CHOSEN if self.isChecked() else MARK_OPEN
        # Bold metrics whatever the state: a chosen row is bold and must not overflow.
        font = self.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = max(self.width() - self._pad - metrics.horizontalAdvance("○  "), 200)
        title = _wrap(self.item.title, metrics, width).lstrip()
        text = f"{mark}  {title}"
        if self.item.detail:
            text += "\n" + _wrap(self.item.detail, metrics, width)
        if text != self.text():
            self.setText(text)
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        # The text re-wraps to any width, so the row may be as narrow as a touch target.
        return QSize(self._touch, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self._touch * 4), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()


def _wrap(text: str, metrics: QFontMetrics, width: int, indent: str = "     ") -> str:
    """Greedy word wrap for a button (QPushButton cannot wrap by itself)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return "\n".join(indent + line for line in lines)


class ChoiceList(QWidget):
    """A large single-choice list; above a few items, a search field with its own keyboard."""

    scroll: QScrollArea  # type: ignore[assignment]  # shadows QWidget.scroll(), as in Qt's API

    chosen = Signal(str)

    SEARCH_FROM = 7  # fewer items fit on one screen and need no search

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
            match = not needle or needle in fold(f"{button.item.title} {button.item.detail}")
            button.setHidden(not match)
            shown += match
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


# -- dates -------------------------------------------------------------------------------------


class DateWords(QObject):
    """Month and weekday names through Qt's translations (same words on screen and slip)."""

    def month(self, number: int) -> str:
        names = (
            self.tr("enero"),
            self.tr("febrero"),
            self.tr("marzo"),
            self.tr("abril"),
            self.tr("mayo"),
            self.tr("junio"),
            self.tr("julio"),
            self.tr("agosto"),
            self.tr("septiembre"),
            self.tr("octubre"),
            self.tr("noviembre"),
            self.tr("diciembre"),
        )
        return names[number - 1]

    def weekday(self, iso: int) -> str:
        names = (
            self.tr("lunes"),
            self.tr("martes"),
            self.tr("miércoles"),
            self.tr("jueves"),
            self.tr("viernes"),
            self.tr("sábado"),
            self.tr("domingo"),
        )
        return names[iso - 1]

    def weekday_initials(self) -> list[str]:
        # Translators: initials of Monday..Sunday, separated by spaces.
        return self.tr("Lu Ma Mi Ju Vi Sá Do").split()

    def long_date(self, day: dt.date) -> str:
        """ "martes 1 de diciembre de 2026" / "Tuesday, 1 December 2026"."""
        return (
            self.tr("{weekday} {day} de {month} de {year}")
            .replace("{weekday}", self.weekday(day.isoweekday()))
            .replace("{day}", str(day.day))
            .replace("{month}", self.month(day.month))
            .replace("{year}", str(day.year))
        )

    def month_title(self, year: int, month: int) -> str:
        return (
            self.tr("{month} de {year}")
            .replace("{month}", first_upper(self.month(month)))
            .replace("{year}", str(year))
        )


class MonthCalendar(QWidget):
    """One month of day buttons. A day with free places carries ✓, a full day says so in words;
    days the service did not offer are disabled."""

    day_chosen = Signal(object)  # dt.date

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._words = DateWords(self)
        self._days: dict[dt.date, Day] = {}
        self._month = dt.date.today().replace(day=1)
        self._selected: dt.date | None = None
        self._cells: dict[dt.date, QPushButton] = {}

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.gap_px())
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

        self._grid = QGridLayout()
        self._grid.setSpacing(theme.px(2.0))  # the guide's least gap between targets
        self._initials = [label("", "small", wrap=False) for _ in range(7)]
        for index, initial in enumerate(self._initials):
            initial.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._grid.addWidget(initial, 0, index)
            self._grid.setColumnStretch(index, 1)
        column.addLayout(self._grid)
        self.legend = label("", "small")
        column.addWidget(self.legend)
        self.retranslate()

    def refresh_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._render()

    def set_days(self, days: Sequence[Day]) -> None:
        self._days = {d.date: d for d in days}
        self._selected = None
        first = next((d.date for d in sorted(days, key=lambda d: d.date) if d.available), None)
        if first is None and days:
            first = min(d.date for d in days)
        if first is not None:
            self._month = first.replace(day=1)
        self._render()

    def _shift_month(self, delta: int) -> None:
        year, month = self._month.year, self._month.month + delta
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
        self._month = dt.date(year, month, 1)
        self._render()

    def _months_with_days(self) -> set[dt.date]:
        return {d.replace(day=1) for d in self._days}

    def _render(self) -> None:
        for cell in self._cells.values():
            self._grid.removeWidget(cell)
            discard(cell)
        self._cells = {}
        self.month_label.setText(self._words.month_title(self._month.year, self._month.month))
        months = self._months_with_days()
        self.prev_month.setEnabled(any(m < self._month for m in months))
        self.next_month.setEnabled(any(m > self._month for m in months))
        day = self._month
        row = 1
        while day.month == self._month.month:
            cell = self._make_cell(day)
            self._grid.addWidget(cell, row, day.isoweekday() - 1)
            cell.show()
            self._cells[day] = cell
            if day.isoweekday() == 7:
                row += 1
            day += dt.timedelta(days=1)

    def _make_cell(self, day: dt.date) -> QPushButton:
        info = self._days.get(day)
        if info is None:
            text = str(day.day)
        elif info.available:
            text = f"{day.day}\n{MARK_CHOSEN}"
        else:
            full = self.tr("Lleno")
            text = f"{day.day}\n{full}"
        cell = touch_button(text, self._theme, "choice", self)
        cell.setCheckable(True)
        cell.setChecked(day == self._selected)
        cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Centred two-line text; the smaller font keeps "Lleno" inside a seventh of the width.
        # At least a touch target, and always room for its two lines of (large) text.
        lines = QFontMetrics(self._small_font()).lineSpacing() * 2 + 2
        height = max(self._theme.touch_px(), lines)
        set_min_height(
            cell,
            height,
            f"min-width: 0; text-align: center; padding: 0;"
            f" font-size: {self._theme.font_px('small')}px;",
        )
        cell.setEnabled(info is not None and info.available)
        if info is not None and not info.available:
            cell.setAccessibleName(self.tr("Día lleno"))
        cell.clicked.connect(lambda _=False, d=day: self._choose(d))
        return cell

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._theme.font_px("small"))
        return font

    def _choose(self, day: dt.date) -> None:
        self.select(day)
        self.day_chosen.emit(day)

    def select(self, day: dt.date | None) -> None:
        self._selected = day
        if day is not None and day.replace(day=1) != self._month:
            self._month = day.replace(day=1)
            self._render()
            return
        for date, cell in self._cells.items():
            cell.setChecked(date == day)

    def selected(self) -> dt.date | None:
        return self._selected

    def shown_month(self) -> dt.date:
        return self._month

    def cell(self, day: dt.date) -> QPushButton:
        return self._cells[day]

    def clear(self) -> None:
        self._days = {}
        self._selected = None
        self._render()

    def retranslate(self) -> None:
        for initial, text in zip(self._initials, self._words.weekday_initials(), strict=False):
            initial.setText(text)
        self.legend.setText(
            # Short: one line beside the hours on a landscape screen, even with large text.
            self.tr("✓ = hay turnos  ·  «Lleno» = no quedan turnos")
        )
        self.prev_month.setAccessibleName(self.tr("Mes anterior"))
        self.next_month.setAccessibleName(self.tr("Mes siguiente"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
