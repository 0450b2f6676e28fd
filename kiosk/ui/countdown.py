"""A countdown in whole seconds, and how it reads (`m:ss`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


def countdown_text(seconds: int) -> str:
    """`m:ss`, never negative."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


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
