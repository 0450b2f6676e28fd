"""Work nobody waits on is bounded, has its own threads and never fails in silence."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.backend.errors import IncompatibleService, ServiceUnavailable
from kiosk.booking.operations import Operations
from kiosk.ui.async_call import AsyncCaller
from kiosk.ui.overlays import BusyOverlay
from kiosk.ui.theme import Theme


@pytest.fixture
def caller(qtbot: QtBot, theme: Theme) -> Iterator[AsyncCaller]:
    window = QWidget()
    window.resize(540, 960)
    qtbot.addWidget(window)
    caller = AsyncCaller(BusyOverlay(theme, window), background_timeout_s=0.3)
    yield caller
    caller.shutdown()


@pytest.fixture
def hung() -> Iterator[threading.Event]:
    """A service or printer that does not answer until the test ends."""
    release = threading.Event()
    yield release
    release.set()


def test_a_hung_background_call_gives_up_at_its_time_limit(
    caller: AsyncCaller, hung: threading.Event, run_async: Callable[..., Any]
) -> None:
    with pytest.raises(TimeoutError):
        run_async(caller.background(hung.wait, 30))


def test_hung_background_work_does_not_starve_the_citizens_calls(
    caller: AsyncCaller, hung: threading.Event, run_async: Callable[..., Any]
) -> None:
    async def scenario() -> str:
        # More hung background calls than there are threads for citizens' calls.
        stuck = [
            asyncio.ensure_future(caller.background(hung.wait, 30, timeout_s=30)) for _ in range(6)
        ]
        await asyncio.sleep(0.05)
        try:
            return await asyncio.wait_for(caller.run(lambda: "answered", words=""), 2.0)
        finally:
            for task in stuck:
                task.cancel()

    assert run_async(scenario()) == "answered"


@pytest.mark.expected_log_warnings(r"background work failed: heartbeat")
def test_a_failed_background_task_is_logged_with_its_traceback(
    caller: AsyncCaller, run_async: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    ops = Operations(caller, on_unavailable=_never, on_incompatible=_never)

    async def broken() -> None:
        raise ValueError("the heartbeat's payload was wrong")

    async def scenario() -> None:
        ops.spawn(broken(), "heartbeat")
        await asyncio.sleep(0.05)

    with caplog.at_level(logging.ERROR, logger="kiosk.booking.operations"):
        run_async(scenario())
    [record] = [r for r in caplog.records if r.name == "kiosk.booking.operations"]
    assert record.getMessage() == "background work failed: heartbeat"
    assert record.exc_info is not None
    assert record.exc_info[0] is ValueError


def _never(exc: ServiceUnavailable | IncompatibleService) -> None:
    raise AssertionError(f"no service call was made: {exc!r}")
