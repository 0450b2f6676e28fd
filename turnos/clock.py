"""Time source of the service; tests hand in a clock they can move."""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> int:
        """Seconds since the epoch (UTC)."""
        ...


class SystemClock:
    def now(self) -> int:
        return int(time.time())


class MovableClock:
    """The system time plus an offset that a test moves forward (thread-safe)."""

    def __init__(self, offset_s: int = 0) -> None:
        self._offset = offset_s
        self._lock = threading.Lock()

    def now(self) -> int:
        with self._lock:
            return int(time.time()) + self._offset

    def advance(self, seconds: int) -> None:
        with self._lock:
            self._offset += seconds

    def set(self, epoch_s: int) -> None:
        with self._lock:
            self._offset = epoch_s - int(time.time())
