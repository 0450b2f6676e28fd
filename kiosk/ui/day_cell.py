"""One day of the month calendar: its number over the word of its state, painted in two fonts.

Where a cell's two lines go is measured once for all cells (`CellLayout`), on the glyphs of
the words themselves, so that six weeks fit beside the hours on a landscape screen with large
text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from kiosk.domain.models import DayState

if TYPE_CHECKING:
    from kiosk.ui.theme import Palette, Theme


@dataclass(frozen=True, slots=True)
class CellLayout:
    """Where a cell's two lines go, measured on the glyphs themselves (a line's full height
    would leave room for accents and descenders the words do not have, and six weeks of
    cells would not fit a landscape screen with large text)."""

    width: int
    height: int
    number_cap: int  # height of the day's digits
    gap: int
    word_top: int  # the words' top above their baseline (negative) ...
    word_bottom: int  # ... and their bottom below it

    @classmethod
    def measure(cls, theme: Theme, base: QFont, words: Iterable[str], *, roomy: bool) -> CellLayout:
        """`roomy`: air around the lines where the screen has height to spare; without it,
        six weeks fit beside the hours on a landscape screen with large text."""
        words = [w for w in words if w]
        number, word = QFont(base), QFont(base)
        number.setPixelSize(theme.font_px("body"))  # numbers no smaller than body text
        number.setBold(True)  # the chosen day's, the widest
        word.setPixelSize(theme.font_px("small"))
        numbers, texts = QFontMetrics(number), QFontMetrics(word)
        boxes = [texts.tightBoundingRect(w) for w in words]
        top = min((b.top() for b in boxes), default=-texts.capHeight())
        bottom = max((b.bottom() + 1 for b in boxes), default=0)
        # The words' accents and ✓ rise above their capitals: a small gap looks like more.
        gap = theme.px(1.5 if roomy else 0.5)
        # The chosen day's border, and air inside it (above and below only: seven cells of
        # "Cerrado" with large text just fit across a portrait screen).
        border = theme.px(1.0) + theme.border_px() + 1
        frame = border + (theme.px(1.0) if roomy else 0)
        content = numbers.capHeight() + gap + bottom - top
        widest = max(
            [numbers.horizontalAdvance("30"), *(texts.horizontalAdvance(w) for w in words)]
        )
        return cls(
            width=max(theme.touch_px(), widest + 2 * border),
            height=max(theme.touch_px(), content + 2 * frame),
            number_cap=numbers.capHeight(),
            gap=gap,
            word_top=top,
            word_bottom=bottom,
        )


class DayCell(QPushButton):
    """One day: its number at the body size over the word of its state at the small size.

    A push button has one font, so the two lines are painted here; the stylesheet still draws
    the frame (pressed, chosen, disabled), and `text()` still gives both lines.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._colors = theme.colors
        self._layout: CellLayout | None = None
        self.date: dt.date | None = None
        self.state: DayState | None = None
        self._word = ""
        self.setObjectName("dayCell")
        self.setProperty("role", "choice")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # a five-week month keeps the sixth row's room
        self.setSizePolicy(policy)

    # -- content ------------------------------------------------------------------------------

    def show_day(self, date: dt.date, state: DayState | None, word: str, chosen: bool) -> None:
        self.date, self.state, self._word = date, state, word
        text = f"{date.day}\n{word}" if word else str(date.day)
        if text != self.text():
            self.setText(text)
        self.setEnabled(state is DayState.OPEN)
        self.setChecked(chosen and state is DayState.OPEN)
        self.setVisible(True)
        self.update()

    def show_blank(self) -> None:
        """A place of the grid outside the month: kept, empty."""
        self.date, self.state, self._word = None, None, ""
        self.setChecked(False)
        self.setVisible(False)

    def word(self) -> str:
        return self._word

    def use(self, theme: Theme, layout: CellLayout, colors: Palette) -> None:
        self._theme, self._layout, self._colors = theme, layout, colors
        self.update()

    def number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._theme.font_px("body"))
        font.setBold(self.isChecked())
        return font

    def word_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._theme.font_px("small"))
        font.setBold(False)
        return font

    # -- painting -----------------------------------------------------------------------------

    def _text_color(self) -> QColor:
        colors = self._colors
        if not self.isEnabled():
            return QColor(colors.disabled_fg)
        if self.isChecked() or self.isDown():
            return QColor(colors.on_selected)
        return QColor(colors.fg)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        layout = self._layout
        if self.date is None or layout is None:
            return
        # The frame tells the states apart by shape too: a button for a day with places, a
        # grey block for a full one, a dashed outline for one not open yet, nothing around a
        # closed or past day.
        if self.state in (DayState.OPEN, DayState.FULL):
            option = QStyleOptionButton()
            self.initStyleOption(option)
            option.text = ""  # the frame only; the words come below
            painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        elif self.state is DayState.NOT_OPEN:
            pen = QPen(QColor(self._colors.outline), self._theme.border_px())
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            half = self._theme.border_px() // 2
            radius = self._theme.radius_px()
            painter.drawRoundedRect(
                self.rect().adjusted(half, half, -half - 1, -half - 1), radius, radius
            )
        painter.setPen(self._text_color())
        number_font, word_font = self.number_font(), self.word_font()
        number = str(self.date.day)
        rect = self.rect()
        if self._word:
            block = layout.number_cap + layout.gap + layout.word_bottom - layout.word_top
            number_base = rect.top() + (rect.height() - block) // 2 + layout.number_cap
            word_base = number_base + layout.gap - layout.word_top
        else:
            number_base = rect.top() + (rect.height() + layout.number_cap) // 2
        painter.setFont(number_font)
        x = (rect.width() - QFontMetrics(number_font).horizontalAdvance(number)) // 2
        painter.drawText(QPoint(rect.left() + x, number_base), number)
        if self._word:
            painter.setFont(word_font)
            x = (rect.width() - QFontMetrics(word_font).horizontalAdvance(self._word)) // 2
            painter.drawText(QPoint(rect.left() + x, word_base), self._word)

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
