"""The USB scanner at the window: an application-wide key filter around `ScannerWedge`.

A scanner in keyboard mode types the slip's text into whatever has the focus. This filter
sees every key meant for the counter window before any widget does and asks the wedge
(kiosk/staff/wedge.py) what it is: a key that could begin a slip's text is held back; a burst
that spells the token is taken whole and handed over (`scanned`), so a space in it never
presses the focused button and a focused text field never fills with it; keys that turn out to
be a person typing are given back, in order, to the widget with the focus, marked so that this
filter lets them through the second time. A short timer asks the wedge about the time passing
(a person's "T" held 50 ms goes to its field; a scan cut short is handed over as it is).

The clock is injectable (milliseconds): tests type as fast as a scanner, or as slowly as a
person, without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.staff.wedge import ScannerWedge, Step

#: `nativeModifiers` of the key events this filter gives back: it lets them pass.
GIVEN_BACK = 0x5CA7
POLL_MS = 20

_ENDS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}
_CHORDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str

    @classmethod
    def of(cls, event: QKeyEvent) -> _Key:
        return cls(event.key(), event.modifiers(), event.text())


class ScannerInput(QObject):
    """Install with `QApplication.installEventFilter`; connect `scanned`."""

    scanned = Signal(str)

    def __init__(
        self,
        window: QWidget,
        *,
        clock_ms: Callable[[], float] = monotonic_ms,
        wedge: ScannerWedge | None = None,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._clock = clock_ms
        self._wedge = wedge or ScannerWedge()
        self._held: list[_Key] = []  # the keys the wedge holds, as they came
        self._eaten: dict[int, int] = {}  # key -> releases to swallow (their press was taken)
        self._in_flight: set[int] = set()  # numbers of the presses posted, not yet delivered
        self._number = 0
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def holding(self) -> bool:
        return self._wedge.holding

    @property
    def busy(self) -> bool:
        """Keys held, or given back and not yet delivered."""
        return self._wedge.holding or bool(self._in_flight)

    # --- the filter -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if event.nativeModifiers() == GIVEN_BACK:
            self._in_flight.discard(event.nativeScanCode())  # delivered: let it through
            return False
        if not isinstance(watched, QWidget) or watched is not self._first_receiver():
            return False  # another window, or the same key on its way up to a parent
        if kind == QEvent.Type.KeyRelease:
            return self._release(event)
        return self._press(event)

    def _first_receiver(self) -> QWidget:
        """Where a key for this window goes first: its focus widget, else the window."""
        focus = self._window.focusWidget()
        return focus if focus is not None else self._window

    def _press(self, event: QKeyEvent) -> bool:
        key = _Key.of(event)
        text = _ENDS.get(Qt.Key(event.key()), event.text())
        chord = bool(event.modifiers() & _CHORDS)
        if not text or event.isAutoRepeat() or (chord and not self._wedge.in_scan):
            # Not for the wedge. Keys held before it go first, then this one, in order.
            if self._wedge.holding:
                self._give_back(len(self._held))
                self._wedge = ScannerWedge(self._wedge.gap_ms)
            return self._after_given_back(key)
        return self._apply(self._wedge.key(text, self._clock()), key)

    def _release(self, event: QKeyEvent) -> bool:
        count = self._eaten.get(event.key(), 0)
        if not count:
            return False
        if count == 1:
            del self._eaten[event.key()]
        else:
            self._eaten[event.key()] = count - 1
        return True

    # --- what the wedge says ----------------------------------------------------------------

    def poll(self) -> None:
        """Time passed: ask the wedge (driven by the timer; tests may call it)."""
        self._apply(self._wedge.idle(self._clock()), None)

    def _apply(self, step: Step, key: _Key | None) -> bool:
        if step.give_back:
            self._give_back(len(step.give_back))
        if step.scanned is not None:
            self._held.clear()
            self._timer.stop()
            if key is not None:
                self._eat(key)
            # Handed over on the next turn of the loop, outside the key's delivery.
            text = step.scanned
            QTimer.singleShot(0, self, lambda: self.scanned.emit(text))
            return True
        if key is None:
            self._sync_timer()
            return False
        if step.hold:
            self._held.append(key)
            self._eat(key)
            self._sync_timer()
            return True
        self._sync_timer()
        return self._after_given_back(key)

    def _after_given_back(self, key: _Key) -> bool:
        """Let a key through, after any given back that are still on their way."""
        if not self._in_flight:
            return False
        self._post(key)
        self._eat(key)
        return True

    def _give_back(self, chars: int) -> None:
        """Post the first held keys whose texts make `chars` characters, in order."""
        while chars > 0 and self._held:
            key = self._held.pop(0)
            chars -= max(1, len(key.text))
            self._post(key)

    def _post(self, key: _Key) -> None:
        target = self._first_receiver()
        self._number = self._number % 0xFFFF + 1
        self._in_flight.add(self._number)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key.key, key.modifiers, self._number, 0, GIVEN_BACK, key.text)
            QCoreApplication.postEvent(target, event)

    def _eat(self, key: _Key) -> None:
        self._eaten[key.key] = self._eaten.get(key.key, 0) + 1

    def _sync_timer(self) -> None:
        if self._wedge.holding and not self._timer.isActive():
            self._timer.start()
        elif not self._wedge.holding:
            self._timer.stop()
