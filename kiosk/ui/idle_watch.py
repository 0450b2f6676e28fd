"""Drives the pure IdleTracker with one single-shot Qt timer.

The timer is armed for exactly `tracker.next_change_in()`, so nothing polls. Tests use a fake
clock and call `check()` themselves, as if the timer had fired.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.domain.flow import Step
from kiosk.domain.idle import IdlePhase, IdleTracker


class IdleWatcher(QObject):
    """Emits `warning(seconds_left)` every second of the warning, then `expired` once."""

    warning = Signal(int)
    warning_ended = Signal()
    expired = Signal()

    def __init__(self, tracker: IdleTracker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._phase = IdlePhase.ACTIVE
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    @property
    def tracker(self) -> IdleTracker:
        return self._tracker

    @property
    def phase(self) -> IdlePhase:
        return self._phase

    def step_changed(self, step: Step) -> None:
        self._tracker.step_changed(step)
        self.check()

    def touch(self) -> None:
        self._tracker.touch()
        self.check()

    def extend(self) -> None:
        """The citizen asked for more time."""
        self._tracker.extend()
        self.check()

    def check(self) -> None:
        state = self._tracker.state()
        previous, self._phase = self._phase, state.phase
        if state.phase is IdlePhase.WARNING:
            self.warning.emit(state.seconds_left or 0)
        elif state.phase is IdlePhase.ACTIVE and previous is IdlePhase.WARNING:
            self.warning_ended.emit()
        elif state.phase is IdlePhase.EXPIRED:
            self.timer.stop()
            if previous is not IdlePhase.EXPIRED:
                self.expired.emit()
            return
        wait = self._tracker.next_change_in()
        if wait is None:
            self.timer.stop()
        else:
            self.timer.start(max(1, math.ceil(wait * 1000)))
