"""The idle clock of a kiosk that is driven rather than used: it moves only when told."""

from __future__ import annotations


class ManualClock:
    """A monotonic time source moved by hand (the idle policy's and the corner gesture's).

    The tour and the tests bring the idle warning by moving it on, never by waiting."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
