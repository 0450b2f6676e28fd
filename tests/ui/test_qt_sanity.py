"""Guards against Qt binding bugs that would bring a kiosk down after hours of use."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()
    value = Signal(object)


def test_emitting_signals_keeps_the_reference_count_of_true_and_false() -> None:
    # PySide6 6.12.0 returned a borrowed True from emit(): each call dropped one reference
    # to True until the interpreter aborted ("Fatal Python error: bool_dealloc").
    emitter = _Emitter()
    received: list[str] = []
    emitter.ping.connect(lambda: received.append("ping"))
    emitter.value.connect(lambda value: received.append(type(value).__name__))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.ping.emit()
        emitter.value.emit(False)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert received == ["ping", "bool"] * 50
    assert after == before
