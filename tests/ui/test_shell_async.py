"""Service calls never block the Qt event loop; busy words, cancel and retry work."""

from __future__ import annotations

import asyncio
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.async_call import AsyncCaller, CallCancelledError
from kiosk.ui.overlays import BusyOverlay
from kiosk.ui.theme import Theme


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2.0)  # the slow service under test, not synchronisation
        elif self.path == "/hang":
            _SlowHandler.release.wait(10)
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def slow_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _SlowHandler.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def busy(qtbot: QtBot, theme: Theme) -> Iterator[BusyOverlay]:
    window = QWidget()
    window.resize(540, 960)
    qtbot.addWidget(window)
    window.show()
    yield BusyOverlay(theme, window)
    window.close()


def _get_json(url: str) -> Any:
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.json()


def test_event_loop_keeps_turning_during_a_two_second_call(
    slow_server: str, busy: BusyOverlay, run_async: Callable[..., Any]
) -> None:
    caller = AsyncCaller(busy, busy_after_s=0.3, cancel_after_s=1.0)
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    shown: list[bool] = []
    busy_check = QTimer()
    busy_check.setInterval(50)
    busy_check.timeout.connect(lambda: shown.append(busy.isVisible()))
    busy_check.start()
    try:
        started = clock.elapsed()
        result = run_async(caller.run(_get_json, slow_server + "/slow", words="Buscando…"))
        took = clock.elapsed() - started
    finally:
        timer.stop()
        busy_check.stop()
        caller.shutdown()
    assert result == {"ok": True}
    assert took >= 1900  # the call really took two seconds...
    assert len(gaps) > 50  # ...and the timer kept firing all along
    assert max(gaps) < 500  # a blocking call would leave one 2000 ms gap
    assert any(shown)  # the busy words appeared during the wait
    assert busy.words.text() == "Buscando…"
    assert not busy.isVisible()  # and went away at the end


def test_busy_words_wait_300_ms(busy: BusyOverlay, run_async: Callable[..., Any]) -> None:
    caller = AsyncCaller(busy)
    try:
        assert run_async(caller.run(lambda: 42, words="Rápido")) == 42
    finally:
        caller.shutdown()
    assert not busy.isVisible()
    assert busy.words.text() != "Rápido"  # a quick call never flashed the overlay


def test_cancel_button_ends_the_wait(
    slow_server: str, busy: BusyOverlay, qtbot: QtBot, qloop: Any
) -> None:
    caller = AsyncCaller(busy, busy_after_s=0.05, cancel_after_s=0.1)
    future = asyncio.ensure_future(
        caller.run(_get_json, slow_server + "/hang", words="Esperando…"), loop=qloop
    )
    try:
        qtbot.waitUntil(lambda: busy.cancel_button.isVisible(), timeout=3000)
        qtbot.mouseClick(busy.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(future.done, timeout=3000)
        with pytest.raises(CallCancelledError):
            future.result()
        assert not busy.isVisible()
    finally:
        _SlowHandler.release.set()
        caller.shutdown()
        _SlowHandler.release = threading.Event()


def test_timeout_offers_retry_then_succeeds(busy: BusyOverlay, qtbot: QtBot, qloop: Any) -> None:
    gate = threading.Event()
    calls: list[int] = []

    def call() -> str:
        calls.append(1)
        if len(calls) == 1:
            gate.wait(5)  # the first attempt hangs past the guard timeout
            return "late"
        return "second"

    caller = AsyncCaller(busy, timeout_s=0.2, busy_after_s=0.05)
    future = asyncio.ensure_future(caller.run(call, words="Probando…"), loop=qloop)
    try:
        qtbot.waitUntil(lambda: busy.retry_button.isVisible(), timeout=3000)
        assert busy.words.text() == "El sistema está tardando en responder."
        qtbot.mouseClick(busy.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(future.done, timeout=3000)
        assert future.result() == "second"
        assert len(calls) == 2
    finally:
        gate.set()
        caller.shutdown()
