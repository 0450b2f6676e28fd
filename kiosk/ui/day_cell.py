"""One day of the month calendar: its number over the word of its state, painted in two fonts.

Where a cell's lines go is measured once for all cells (`CellLayout`), on the glyphs of the
words themselves, so that six weeks fit beside the hours on a landscape screen with large
text; a word too wide for a seventh of a portrait screen (a longer language) is split on two
lines.
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
    """Where a cell's lines go, measured on the glyphs themselves (a line's full height
    would leave room for accents and descenders the words do not have, and six weeks of
    cells would not fit a landscape screen with large text).

    A state word wider than a seventh of the month (a longer language on a portrait screen)
    goes on two lines, split at a space (within the word, without a hyphen, only if it has
    none): the day's number keeps its size, the word stays a word, and the seven days stay
    within the screen. Every cell then keeps room for two lines, so the weeks stay in line.
    """

    width: int  # the least: the widest line (of a split word, where words may be split)
    height: int
    number_cap: int  # height of the day's digits
    gap: int
    word_top: int  # the words' top above their baseline (negative) ...
    word_bottom: int  # ... and their bottom below it
    line_pitch: int = 0  # baseline to baseline of a split word's two lines
    split: tuple[tuple[str, tuple[str, str]], ...] = ()  # the words shown on two lines

    def lines(self, word: str) -> tuple[str, ...]:
        """The lines `word` is shown on in a cell."""
        for whole, halves in self.split:
            if whole == word:
                return halves
        return (word,) if word else ()

    @classmethod
    def measure(
        cls,
        theme: Theme,
        base: QFont,
        words: Iterable[str],
        *,
        roomy: bool,
        may_split: bool = False,
        column: int | None = None,
    ) -> CellLayout:
        """`roomy`: air around the lines where the screen has height to spare; without it,
        six weeks fit beside the hours on a landscape screen with large text. `may_split`:
        the cells may be as narrow as a split word's wider half (a portrait screen, where
        height is to spare); then a word is split where it is wider than `column`, the width
        a cell has (unknown: none is split)."""
        words = [w for w in words if w]
        number, word = QFont(base), QFont(base)
        number.setPixelSize(theme.font_px("body"))  # numbers no smaller than body text
        number.setBold(True)  # the chosen day's, the widest
        word.setPixelSize(theme.font_px("small"))
        numbers, texts = QFontMetrics(number), QFontMetrics(word)
        # The chosen day's border, and air inside it (above and below only: seven cells of
        # "Cerrado" with large text just fit across a portrait screen).
        border = theme.px(1.0) + theme.border_px() + 1
        room = None if column is None else column - 2 * border
        split = tuple(
            (w, pair)
            for w in words
            if may_split and room is not None and texts.horizontalAdvance(w) > room
            for pair in [split_in_two(w, texts, room)]
            if pair is not None
        )
        shown = [line for w in words for line in dict(split).get(w, (w,))]
        boxes = [texts.tightBoundingRect(line) for line in shown]
        top = min((b.top() for b in boxes), default=-texts.capHeight())
        bottom = max((b.bottom() + 1 for b in boxes), default=0)
        # Air around the lines where the screen has height to spare (not beside the hours
        # with large text, nor where a line more in each of six weeks takes it).
        roomy = roomy and not split
        # The words' accents and ✓ rise above their capitals: a small gap looks like more.
        gap = theme.px(1.5 if roomy else 0.5)
        frame = border + (theme.px(1.0) if roomy else 0)
        pitch = bottom - top + theme.px(0.5)
        content = numbers.capHeight() + gap + bottom - top + (pitch if split else 0)
        # The least width: where words may be split, that of their halves split evenly.
        least = [
            line
            for w in words
            for line in ((split_in_two(w, texts, 0) or (w,)) if may_split else (w,))
        ]
        widest = max(
            [numbers.horizontalAdvance("30"), *(texts.horizontalAdvance(w) for w in least)]
        )
        return cls(
            width=max(theme.touch_px(), widest + 2 * border),
            height=max(theme.touch_px(), content + 2 * frame),
            number_cap=numbers.capHeight(),
            gap=gap,
            word_top=top,
            word_bottom=bottom,
            line_pitch=pitch,
            split=split,
        )


def split_in_two(word: str, metrics: QFontMetrics, room: int) -> tuple[str, str] | None:
    """`word` on two lines as even as can be: at a space if it has one and the halves fit
    `room` ("✓" and "Libre" stay whole), else between two letters (no hyphen: one more
    sign to read). None for a single letter."""

    def widest(pair: tuple[str, str]) -> int:
        return max(metrics.horizontalAdvance(pair[0]), metrics.horizontalAdvance(pair[1]))

    at_spaces = [(word[:i].strip(), word[i + 1 :].strip()) for i, c in enumerate(word) if c == " "]
    at_spaces = [p for p in at_spaces if p[0] and p[1]]
    if at_spaces and widest(best := min(at_spaces, key=widest)) <= room:
        return best
    anywhere = [(word[:i].strip(), word[i:].strip()) for i in range(1, len(word))]
    anywhere = [p for p in anywhere if p[0] and p[1]]
    return min(anywhere, key=widest) if anywhere else None


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
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, a tap does not focus it
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # a five-week month keeps the sixth row's room
        self.setSizePolicy(policy)

    # -- content ------------------------------------------------------------------------------

    def show_day(self, date: dt.date, state: DayState | None, word: str, chosen: bool) -> None:
        """Show `date` in this cell, touching only what differs from what it showed (a fill
        of the month re-uses the cells: nothing is made, nothing re-polished)."""
        changed = (date, state, word) != (self.date, self.state, self._word)
        self.date, self.state, self._word = date, state, word
        self._set_lines()
        open_day = state is DayState.OPEN
        if self.isEnabled() is not open_day:
            self.setEnabled(open_day)
        if self.isChecked() is not (chosen and open_day):
            self.setChecked(chosen and open_day)
        if self.isHidden():
            self.setVisible(True)
        elif changed:
            self.update()  # the frame and the words are painted here, from the state

    def show_blank(self) -> None:
        """A place of the grid outside the month: kept, empty."""
        self.date, self.state, self._word = None, None, ""
        if self.isChecked():
            self.setChecked(False)
        if not self.isHidden():
            self.setVisible(False)

    def word(self) -> str:
        """The state's word, whole (on one line or two)."""
        return self._word

    def lines(self) -> tuple[str, ...]:
        """The lines the state's word is shown on."""
        return self._layout.lines(self._word) if self._layout else (self._word,)

    def _set_lines(self) -> None:
        """`text()` gives the lines as shown: the number, then the word's one or two."""
        if self.date is None:
            return
        text = "\n".join([str(self.date.day), *(line for line in self.lines() if line)])
        if text != self.text():
            self.setText(text)

    def use(self, theme: Theme, layout: CellLayout, colors: Palette) -> None:
        self._theme, self._layout, self._colors = theme, layout, colors
        self._set_lines()
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
        lines = [line for line in self.lines() if line]
        if lines:
            # The block of the cells with the most lines, so that the numbers of a week stay
            # in line when one of its words is split and the others are not.
            block = layout.number_cap + layout.gap + layout.word_bottom - layout.word_top
            block += layout.line_pitch if layout.split else 0
            number_base = rect.top() + (rect.height() - block) // 2 + layout.number_cap
            word_base = number_base + layout.gap - layout.word_top
        else:
            number_base = rect.top() + (rect.height() + layout.number_cap) // 2
        painter.setFont(number_font)
        x = (rect.width() - QFontMetrics(number_font).horizontalAdvance(number)) // 2
        painter.drawText(QPoint(rect.left() + x, number_base), number)
        painter.setFont(word_font)
        metrics = QFontMetrics(word_font)
        for line in lines:
            x = (rect.width() - metrics.horizontalAdvance(line)) // 2
            painter.drawText(QPoint(rect.left() + x, word_base), line)
            word_base += layout.line_pitch

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
