"""The accessibility strip: language, contrast, large text, spoken guidance and low reach, on the
lowest row of every screen of the kiosk.

The lowest part of the panel is the part a seated citizen reaches (ADA 2010 §308: 380 to
1,220 mm above the floor); in the header, on the shipped 21.5" portrait panel, these buttons sat
at 1,257–1,276 mm and the low-reach mode could not be switched on by the people who need it.
The shell sets the words (they keep the shell's translation context) and owns the states; the
strip only holds and lays out the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.domain.models import Language
from kiosk.ui.buttons import WrapButton
from kiosk.ui.theme import Theme

#: Each language named in itself, so that a citizen who does not read the current one finds
#: their own. Never translated.
ENDONYMS = {"es": "Español", "en": "English", "qu": "Kichwa", "qug": "Kichwa"}


def endonym(language: Language | str) -> str:
    """The language's own name; an unknown code shows as itself, upper-cased."""
    code = str(language)
    return ENDONYMS.get(code, code.upper())


def next_language(current: Language, offered: Sequence[Language]) -> Language:
    """The language the button offers: the one after `current` in `offered`, round the end
    (with two, simply the other); the first when `current` is not offered."""
    if current not in offered:
        return offered[0]
    return offered[(list(offered).index(current) + 1) % len(offered)]


def set_checked(button: QAbstractButton, on: bool) -> None:
    """Show a state without reporting it as the citizen's tap."""
    button.blockSignals(True)
    button.setChecked(on)
    button.blockSignals(False)


def speaker_icon(size: int, color: str) -> QPixmap:
    """A loudspeaker with two sound waves, drawn: the bundled font has no speaker glyph."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(color)
    s = float(size)
    body = QPainterPath(QPointF(0.08 * s, 0.36 * s))
    for x, y in ((0.28, 0.36), (0.52, 0.14), (0.52, 0.86), (0.28, 0.64), (0.08, 0.64)):
        body.lineTo(QPointF(x * s, y * s))
    body.closeSubpath()
    painter.fillPath(body, ink)
    pen = QPen(ink, max(1.5, 0.08 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for radius in (0.2 * s, 0.36 * s):
        side = int(2 * radius)
        corner = int(0.5 * s - radius)
        painter.drawArc(corner, corner, side, side, -45 * 16, 90 * 16)
    painter.end()
    return pixmap


def _strip_button(name: str, button: QPushButton | None = None) -> QPushButton:
    # Words wrap instead of being clipped when large text makes them wider than the strip.
    made = button if button is not None else WrapButton()
    made.setProperty("role", "header")  # the header's small words, and its checked look
    made.setObjectName(name)
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return made


class AccessStrip(QWidget):
    """The strip's five buttons; on a landscape panel also the brand and "Paso N de M"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "accessbar")
        self.setObjectName("accessBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.language_button = _strip_button("languageButton")
        self.contrast_button = _strip_button("contrastButton")
        self.large_text_button = _strip_button("largeTextButton")
        # A plain button: its pictogram is an icon, which a WrapButton does not measure.
        self.speech_button = _strip_button("speechButton", QPushButton())
        # As tall as its neighbours when their words wrap onto two lines.
        self.speech_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.low_reach_button = _strip_button("lowReachButton")
        for toggle in self.controls()[1:]:
            toggle.setCheckable(True)
        self.row = QHBoxLayout(self)
        self.wide: bool | None = None  # the arrangement in place (see `arrange`)
        self.languages: list[Language] = [Language.ES, Language.EN]

    def set_languages(self, codes: Sequence[Language]) -> None:
        """Those the language button offers, in order (config kiosk.languages)."""
        offered = [Language(code) for code in dict.fromkeys(codes)]
        if not offered:
            raise ValueError("at least one language")
        self.languages = offered

    def controls(self) -> list[QPushButton]:
        """Left to right."""
        return [
            self.language_button,
            self.contrast_button,
            self.large_text_button,
            self.speech_button,
            self.low_reach_button,
        ]

    def arrange(self, wide: bool, header: QWidget, labels: Sequence[QWidget]) -> None:
        """Portrait: `labels` (brand, step) on the `header` row, the buttons centred here.
        Landscape, where every millimetre of height goes to the answer: the labels on this row,
        left of the buttons, and no header."""
        if wide == self.wide:
            return
        self.wide = wide
        header_row = header.layout()
        assert isinstance(header_row, QHBoxLayout)
        for row in (header_row, self.row):
            while row.count():
                row.takeAt(0)
        labels_row = self.row if wide else header_row
        brand, *rest = labels
        labels_row.addWidget(brand)
        for label in rest:
            labels_row.addWidget(label, 1, Qt.AlignmentFlag.AlignCenter)
        if not wide:
            self.row.addStretch(1)
        for control in self.controls():
            self.row.addWidget(control)
        if not wide:
            self.row.addStretch(1)
        header.setVisible(not wide)

    def set_theme(self, theme: Theme) -> None:
        gap = theme.gap_px()
        # Five buttons on one line of a portrait panel, even with large text: the guide's
        # spacing (gap_px is 3 mm, the guide asks 2) but not the page's wide margins, which a
        # landscape panel has room for (in line with the action bar above).
        side = theme.margin_px() if self.wide else gap
        self.row.setContentsMargins(side, gap, side, gap)
        self.row.setSpacing(gap)
        colors = theme.colors
        size = theme.font_px("body")
        icon = QIcon()
        icon.addPixmap(speaker_icon(size, colors.fg), QIcon.Mode.Normal, QIcon.State.Off)
        icon.addPixmap(speaker_icon(size, colors.on_selected), QIcon.Mode.Normal, QIcon.State.On)
        icon.addPixmap(speaker_icon(size, colors.disabled_fg), QIcon.Mode.Disabled)
        self.speech_button.setIcon(icon)
        self.speech_button.setIconSize(QSize(size, size))
        self.keep_words_whole()

    def keep_words_whole(self) -> None:
        # A plain QPushButton lets a crowded row squeeze it below its words.
        button = self.speech_button
        button.ensurePolished()
        button.setMinimumWidth(0)
        button.setMinimumWidth(button.sizeHint().width())
