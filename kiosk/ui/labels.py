"""Words on the screen: plain labels, and messages beside a control that keep their room.

A message that appears beside a control must not move the control: a keypad that jumped 60 px
when "7 de 10 dígitos" appeared typed the wrong digits. So a message keeps room for its words
even while hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.text import MARK_CHOSEN


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """Plain words with a stylesheet role, wrapped to the width unless told otherwise."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # service texts are never rich text
    return widget


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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            parent = self.parentWidget()
            if parent is not None:
                parent.installEventFilter(self)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A hidden label gets no resize events, yet the layout keeps the minimum size it
        # measured at the old width (a few pixels before the first layout: 9 lines reserved
        # instead of 3). That stale minimum made a large-text landscape screen scroll until the
        # first key press re-measured it; the scroll bar went and every key moved 25 px under
        # the finger. So a new width of the parent re-measures a hidden message too.
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.parentWidget()
            and self.isHidden()
        ):
            self.updateGeometry()
        return False

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
