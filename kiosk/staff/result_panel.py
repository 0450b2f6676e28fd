"""The answer for the slip just scanned: one large panel, readable at arm's length at once.

Colour and words and an icon say the same thing, so none of them carries the meaning alone:
green with a tick for checked in, amber for "not now" (already checked in, too early, another
day), red for a refusal (cancelled, another agency, too late, forged), blue for a notice. Below,
the turn's facts; the masked id the clerk compares with the document in hand is set large.
Every colour pair passes WCAG AA for text (4.5:1; `tests/staff` measures them).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.staff.outcome import Outcome
from kiosk.staff.style import FACT_TEXT, TONES, Tone
from kiosk.staff.texts import Said, Staff, hhmm
from kiosk.staff.verdict import Answer

_CAUTION = {Answer.ALREADY_CHECKED_IN, Answer.TOO_EARLY, Answer.WRONG_DAY}
_ICONS = {
    Answer.CHECKED_IN: "check",
    Answer.ALREADY_CHECKED_IN: "double",
    Answer.CANCELLED: "cross",
    Answer.WRONG_AGENCY: "pin",
    Answer.WRONG_DAY: "calendar",
    Answer.TOO_EARLY: "clock",
    Answer.TOO_LATE: "clock",
    Answer.FORGED: "warning",
}


def tone_of(outcome: Outcome) -> Tone:
    if outcome.answer is None:
        return Tone.NOTICE
    if outcome.answer is Answer.CHECKED_IN:
        return Tone.ACCEPT
    return Tone.CAUTION if outcome.answer in _CAUTION else Tone.REFUSE


def icon_of(outcome: Outcome) -> str:
    return "info" if outcome.answer is None else _ICONS[outcome.answer]


class AnswerIcon(QWidget):
    """A simple drawn symbol in a circle (no font glyph to go missing)."""

    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(side, side)
        self.kind = "scan"
        self._colour = QColor("#1A1A1A")

    def set_icon(self, kind: str, colour: str) -> None:
        self.kind, self._colour = kind, QColor(colour)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = float(self.width())
        pen = QPen(self._colour, s * 0.08, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        m = s * 0.06
        if self.kind not in ("warning", "scan"):
            p.drawEllipse(QRectF(m, m, s - 2 * m, s - 2 * m))
        draw = getattr(self, "_draw_" + self.kind, None)
        if draw is not None:
            draw(p, s)
        p.end()

    def _line(self, p: QPainter, s: float, *points: tuple[float, float]) -> None:
        path = QPainterPath(QPointF(points[0][0] * s, points[0][1] * s))
        for x, y in points[1:]:
            path.lineTo(x * s, y * s)
        p.drawPath(path)

    def _draw_check(self, p: QPainter, s: float) -> None:
        self._line(p, s, (0.28, 0.52), (0.44, 0.68), (0.73, 0.36))

    def _draw_double(self, p: QPainter, s: float) -> None:
        self._line(p, s, (0.2, 0.52), (0.33, 0.66), (0.56, 0.38))
        self._line(p, s, (0.42, 0.6), (0.48, 0.66), (0.8, 0.38))

    def _draw_cross(self, p: QPainter, s: float) -> None:
        self._line(p, s, (0.33, 0.33), (0.67, 0.67))
        self._line(p, s, (0.67, 0.33), (0.33, 0.67))

    def _draw_clock(self, p: QPainter, s: float) -> None:
        self._line(p, s, (0.5, 0.24), (0.5, 0.5), (0.7, 0.62))

    def _draw_calendar(self, p: QPainter, s: float) -> None:
        p.drawRect(QRectF(0.28 * s, 0.32 * s, 0.44 * s, 0.38 * s))
        self._line(p, s, (0.28, 0.45), (0.72, 0.45))
        self._line(p, s, (0.38, 0.25), (0.38, 0.34))
        self._line(p, s, (0.62, 0.25), (0.62, 0.34))

    def _draw_pin(self, p: QPainter, s: float) -> None:
        p.drawEllipse(QPointF(0.5 * s, 0.42 * s), 0.11 * s, 0.11 * s)
        self._line(p, s, (0.34, 0.5), (0.5, 0.76), (0.66, 0.5))

    def _draw_warning(self, p: QPainter, s: float) -> None:
        h = math.sqrt(3) / 2 * 0.84
        self._line(p, s, (0.5, 0.08), (0.92, 0.08 + h), (0.08, 0.08 + h), (0.5, 0.08))
        self._line(p, s, (0.5, 0.36), (0.5, 0.6))
        self._line(p, s, (0.5, 0.74), (0.5, 0.75))

    def _draw_info(self, p: QPainter, s: float) -> None:
        self._line(p, s, (0.5, 0.45), (0.5, 0.72))
        self._line(p, s, (0.5, 0.29), (0.5, 0.3))

    def _draw_dots(self, p: QPainter, s: float) -> None:
        for x in (0.32, 0.5, 0.68):
            self._line(p, s, (x, 0.5), (x, 0.505))

    def _draw_scan(self, p: QPainter, s: float) -> None:
        for x, y, dx, dy in ((0.1, 0.1, 1, 1), (0.9, 0.1, -1, 1), (0.1, 0.9, 1, -1)):
            self._line(p, s, (x, y + dy * 0.25), (x, y), (x + dx * 0.25, y))
        self._line(p, s, (0.9, 0.65), (0.9, 0.9), (0.65, 0.9))
        self._line(p, s, (0.25, 0.5), (0.75, 0.5))


class ResultPanel(QFrame):
    """Shows waiting, checking or an outcome; re-says it when the language changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self._names: Callable[[Outcome], tuple[str, str]] = lambda _o: ("", "")
        self._state: Outcome | str = "waiting"
        self.tone = Tone.WAITING

        self._band = QFrame(self)
        self._band.setObjectName("resultBand")
        self.icon = AnswerIcon(104, self._band)
        self.headline = QLabel(self._band)
        self.headline.setObjectName("resultHeadline")
        self.headline.setWordWrap(True)
        self.detail = QLabel(self._band)
        self.detail.setObjectName("resultDetail")
        self.detail.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.headline)
        words.addWidget(self.detail)
        band = QHBoxLayout(self._band)
        band.setContentsMargins(20, 18, 20, 18)
        band.setSpacing(20)
        band.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        band.addLayout(words, 1)

        self._facts = QFrame(self)
        self._facts.setObjectName("resultFacts")
        grid = QGridLayout(self._facts)
        grid.setContentsMargins(20, 14, 20, 16)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(2)
        self._labels = [QLabel(self._facts) for _ in range(5)]
        self.values = [QLabel(self._facts) for _ in range(5)]
        names = ("factCode", "factProcedure", "factHour", "factName", "factId")
        for label, value, name in zip(self._labels, self.values, names, strict=True):
            label.setProperty("role", "factLabel")
            value.setObjectName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.values[1].setWordWrap(True)
        # Code | id document; hour | name; the procedure across.
        for col, index in ((0, 0), (1, 4)):
            grid.addWidget(self._labels[index], 0, col)
            grid.addWidget(self.values[index], 1, col)
        for col, index in ((0, 2), (1, 3)):
            grid.addWidget(self._labels[index], 2, col)
            grid.addWidget(self.values[index], 3, col)
        grid.addWidget(self._labels[1], 4, 0, 1, 2)
        grid.addWidget(self.values[1], 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._band)
        layout.addWidget(self._facts)
        layout.addStretch(1)
        self._render()

    def set_names(self, names: Callable[[Outcome], tuple[str, str]]) -> None:
        """Where the procedure's and the agency's names come from (the catalogue)."""
        self._names = names

    @property
    def outcome(self) -> Outcome | None:
        return self._state if isinstance(self._state, Outcome) else None

    def show_waiting(self) -> None:
        self._state = "waiting"
        self._render()

    def show_checking(self) -> None:
        self._state = "checking"
        self._render()

    def show_outcome(self, outcome: Outcome) -> None:
        self._state = outcome
        self._render()

    def refresh(self) -> None:
        """Say it again (the names came, or the language changed)."""
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _render(self) -> None:
        words = Staff()
        state = self._state
        if isinstance(state, Outcome):
            procedure, agency = self._names(state)
            said = words.outcome(state, agency)
            self.tone, kind = tone_of(state), icon_of(state)
            self._fill_facts(words, state, procedure)
        else:
            said = words.checking() if state == "checking" else words.waiting()
            self.tone = Tone.CHECKING if state == "checking" else Tone.WAITING
            kind = "dots" if state == "checking" else "scan"
            self._facts.hide()
        self._say(said, kind)

    def _say(self, said: Said, kind: str) -> None:
        colours = TONES[self.tone]
        self._band.setStyleSheet(
            f"QFrame#resultBand {{ background-color: {colours.band}; "
            f"border: 2px solid {FACT_TEXT if self.tone is Tone.WAITING else colours.band}; }}"
            f"QLabel {{ color: {colours.text}; background: transparent; }}"
        )
        self.icon.set_icon(kind, colours.text)
        self.headline.setText(said.headline)
        self.detail.setText(said.detail)
        self.setProperty("tone", self.tone.value)

    def _fill_facts(self, words: Staff, outcome: Outcome, procedure: str) -> None:
        if not outcome.code:
            self._facts.hide()
            return
        for label, text in zip(self._labels, words.fact_labels(), strict=True):
            label.setText(text)
        values = (
            outcome.code,
            procedure or outcome.procedure_code,
            hhmm(outcome.start),
            outcome.masked_name or "—",
            outcome.masked_id or "—",
        )
        for value, text in zip(self.values, values, strict=True):
            value.setText(text)
        self._facts.show()
