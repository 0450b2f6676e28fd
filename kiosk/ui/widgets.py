"""Touch widgets shared by the citizen screens.

Everything is sized from the theme (millimetres → pixels) and coloured by the theme's stylesheet
through the dynamic property "role"; meaning never rests on colour alone (an error has an icon
and words, a chosen item has a mark).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
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
        longest = max(_words_of(self._words), key=self.fontMetrics().horizontalAdvance, default="")
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
        if len(lines) > 1:
            # Wrapped words (large text in the header or the action bar) keep clear of the
            # frame: half a line above and below.
            size.setHeight(size.height() + metrics.height())
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
        longest = max(_words_of(self._words), key=self.fontMetrics().horizontalAdvance, default="")
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
    """An icon and words, hidden while there is nothing to say, whose room stays reserved.

    kind "error": ⚠ and the error colour; kind "ok": ✓ and the ok colour; kind "info": plain
    help words, no icon. The label keeps room
    for a message of `reserve_chars` characters at its width and font even while hidden, so
    that nothing below it moves under the citizen's finger when a message appears or goes (a
    keypad that jumped 60 px when "7 de 10 dígitos" appeared typed the wrong digits). The room
    follows the font: large text reserves more lines. `reserve_chars=0` reserves nothing, for
    messages set before anything can be tapped.

    It places its two children itself: a layout inside would answer the parent layout's
    height-for-width questions on its own and ignore the reserved room.
    """

    def __init__(
        self, kind: str = "error", parent: QWidget | None = None, *, reserve_chars: int = 90
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._reserve_chars = reserve_chars
        icons = {"error": "⚠", "ok": MARK_CHOSEN, "info": ""}
        role = "help" if kind == "info" else kind
        self._icon = label(icons[kind], role, wrap=False)
        self._icon.setParent(self)
        self._icon.setVisible(bool(icons[kind]))
        self._words = label("", role)
        self._words.setParent(self)
        self._words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        policy.setRetainSizeWhenHidden(bool(reserve_chars))
        self.setSizePolicy(policy)
        self.setVisible(False)

    def _icon_room(self) -> int:
        if not self._icon.text():
            return 0
        self._icon.ensurePolished()
        return self._icon.sizeHint().width() + self._icon.fontMetrics().averageCharWidth()

    def reserved_px(self, width: int | None = None) -> int:
        """The height of `reserve_chars` characters of the message's font at `width`."""
        if not self._reserve_chars:
            return 0
        self._words.ensurePolished()
        metrics = self._words.fontMetrics()
        if width is None or width <= 0:
            width = self.width()
        room = max(width - self._icon_room(), metrics.averageCharWidth() * 10)
        # Words wrap whole, so a line holds somewhat less than its width in average letters.
        per_line = max(1, int(room / (metrics.averageCharWidth() * 1.1)))
        lines = max(1, -(-self._reserve_chars // per_line))
        return lines * metrics.lineSpacing() + 2  # a wrapped label rounds up a pixel or two

    def _words_height(self, width: int) -> int:
        if not self._words.text():
            return 0
        return self._words.heightForWidth(max(1, width - self._icon_room()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._words_height(width), self.reserved_px(width))

    def sizeHint(self) -> QSize:
        width = max(self.width(), self._icon_room() + self._words.sizeHint().width())
        return QSize(width, self.heightForWidth(self.width() if self.width() > 0 else width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._icon_room() * 2, self.heightForWidth(max(self.width(), 1)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        if self.heightForWidth(self.width()) != self.height():
            self.updateGeometry()  # another width wraps the words otherwise

    def _place(self) -> None:
        room = self._icon_room()
        self._icon.setGeometry(0, 0, self._icon.sizeHint().width(), self._icon.sizeHint().height())
        self._words.setGeometry(room, 0, max(1, self.width() - room), max(self.height(), 1))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def set_text(self, text: str | None) -> None:
        self._words.setText(text or "")
        self.setVisible(bool(text))
        self.updateGeometry()
        self._place()

    def text(self) -> str:
        return self._words.text()


class ErrorLabel(MessageLabel):
    def __init__(self, parent: QWidget | None = None, *, reserve_chars: int = 90) -> None:
        super().__init__("error", parent, reserve_chars=reserve_chars)


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
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        title = _wrap(self.item.title, metrics, width).lstrip()
        text = f"{mark}  {title}"
        for detail in (self.found_by, self.item.detail):
            if detail:
                text += "\n" + _wrap(detail, metrics, width)
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


def _words_of(text: str) -> list[str]:
    """The words of a button's text, a lone mark kept with the word after it ("◀ Atrás",
    "◐ Contraste"): a mark alone on a line says nothing."""
    words: list[str] = []
    for word in text.split():
        if words and len(words[-1]) == 1 and not words[-1].isalnum():
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return words


def _wrap(text: str, metrics: QFontMetrics, width: int, indent: str = "     ") -> str:
    """Greedy word wrap for a button (QPushButton cannot wrap by itself)."""
    lines: list[str] = []
    current = ""
    for word in _words_of(text):
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


# -- dates -------------------------------------------------------------------------------------


def __getattr__(name: str) -> Any:
    """`DateWords` and `MonthCalendar` moved to kiosk.ui.calendar, which imports this module;
    the views that import them from here get them lazily (an import here would be circular)."""
    if name in ("DateWords", "MonthCalendar"):
        from kiosk.ui import calendar

        return getattr(calendar, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
