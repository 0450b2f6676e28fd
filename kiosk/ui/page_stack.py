"""The shell's stack of screens, as tall as the screen shown only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)


class CurrentPageStack(QStackedWidget):
    """A stack as large as its current page only.

    QStackedWidget asks for the room of its largest page, so one long screen (the review with
    its requirements) would make every other screen scroll. Hidden pages get an Ignored size
    policy, and the enclosing scroll area is told to re-measure whenever the page changes or
    grows (a QScrollArea otherwise keeps the widget at the largest size it ever needed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        stacked = self.layout()
        assert stacked is not None
        stacked.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._policies: dict[int, QSizePolicy] = {}
        self.currentChanged.connect(self._on_current_changed)

    def addWidget(self, widget: QWidget) -> int:
        self._policies[id(widget)] = widget.sizePolicy()
        index = super().addWidget(widget)
        self._on_current_changed(self.currentIndex())
        return index

    def _on_current_changed(self, _index: int) -> None:
        current = self.currentWidget()
        for i in range(self.count()):
            page = self.widget(i)
            if page is None:
                continue
            if page is current:
                page.setSizePolicy(self._policies.get(id(page), QSizePolicy()))
            else:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.updateGeometry()
        self._remeasure()

    def _remeasure(self) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent, QEvent(QEvent.Type.LayoutRequest))

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._remeasure()
        return handled

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    # QStackedLayout answers height-for-width with the tallest of all its pages, and the scroll
    # area takes that answer as a minimum. A page at the screen's full width wraps its words
    # onto fewer lines than at its minimum size, so its minimum size hint is the smaller
    # truthful answer; its height-for-width is the room it would like.
    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return -1
        return min(page.heightForWidth(width), self.minimumSizeHint().height())
