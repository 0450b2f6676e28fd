"""Touch buttons: at least a touch target on each side, with words that wrap instead of being
clipped (a QPushButton never wraps by itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

if TYPE_CHECKING:
    from kiosk.ui.theme import Theme


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
    # Tab reaches it (switch access, kiosk/ui/switch_access.py); a tap never focuses it.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def words_of(text: str) -> list[str]:
    """The words of a button's text, a lone mark kept with the word after it ("◀ Atrás",
    "◐ Contraste"): a mark alone on a line says nothing."""
    words: list[str] = []
    for word in text.split():
        if words and len(words[-1]) == 1 and not words[-1].isalnum():
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return words


def wrap_words(text: str, metrics: QFontMetrics, width: int, indent: str = "     ") -> str:
    """Greedy word wrap for a button (QPushButton cannot wrap by itself)."""
    lines: list[str] = []
    current = ""
    for word in words_of(text):
        candidate = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return "\n".join(indent + line for line in lines)


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
        longest = max(words_of(self._words), key=self.fontMetrics().horizontalAdvance, default="")
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
        return wrap_words(self._words, self.fontMetrics(), max(1, available), indent="")

    def _rewrap(self) -> None:
        shown = self._wrapped(self.width()) if self.isVisible() else self._words
        if shown != QPushButton.text(self):
            super().setText(shown)

    def sizeHint(self) -> QSize:
        return self._size_for(self._words)

    def minimumSizeHint(self) -> QSize:
        longest = max(words_of(self._words), key=self.fontMetrics().horizontalAdvance, default="")
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
