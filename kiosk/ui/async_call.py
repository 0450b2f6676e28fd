"""Running a blocking call (the service, the printer) without freezing the screen.

The call runs in a worker thread through qasync's `run_in_executor`; the Qt event loop keeps
turning meanwhile. After 300 ms the busy overlay shows words about what is happening, after a
few seconds a "Cancelar" button; when the guard timeout passes the citizen gets a plain message
and may try again. Widgets are touched only here, on the UI thread.

A cancelled or abandoned call keeps running in its thread until the HTTP timeout of the client
ends it (requests cannot be interrupted); its result is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from kiosk.ui.overlays import BusyOverlay

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_AFTER_S = 0.3
CANCEL_AFTER_S = 4.0


class CallCancelledError(Exception):
    """The citizen cancelled the wait (or declined to try again after a timeout)."""


class AsyncCaller(QObject):
    """Runs blocking calls in worker threads and shows the busy overlay while they run."""

    def __init__(
        self,
        busy: BusyOverlay,
        *,
        timeout_s: float = 15.0,
        busy_after_s: float = BUSY_AFTER_S,
        cancel_after_s: float = CANCEL_AFTER_S,
        max_workers: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self.timeout_s = timeout_s
        self.busy_after_s = busy_after_s
        self.cancel_after_s = cancel_after_s
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="call")
        self._choice: asyncio.Future[str] | None = None
        self._depth = 0
        busy.cancel_requested.connect(lambda: self._choose("cancel"))
        busy.retry_requested.connect(lambda: self._choose("retry"))

    @property
    def running(self) -> bool:
        return self._depth > 0

    async def background(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn` in a worker thread without any busy display (heartbeat, health polling)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    async def run(
        self,
        fn: Callable[..., T],
        *args: Any,
        words: str = "",
        timeout_s: float | None = None,
        **kwargs: Any,
    ) -> T:
        """Run `fn(*args, **kwargs)` in a worker thread, with the busy overlay and a retry.

        Raises CallCancelledError if the citizen cancels; whatever `fn` raises otherwise.
        """
        loop = asyncio.get_running_loop()
        timeout = self.timeout_s if timeout_s is None else timeout_s
        self._depth += 1
        show_busy = loop.call_later(self.busy_after_s, self._busy.show_busy, words)
        show_cancel = loop.call_later(self.cancel_after_s, self._busy.show_cancel)
        try:
            while True:
                call = loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))
                self._choice = loop.create_future()
                waiting: set[asyncio.Future[Any]] = {call, self._choice}
                done, _ = await asyncio.wait(
                    waiting, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                if call in done:
                    return call.result()
                call.add_done_callback(_drop_result)
                if self._choice in done and self._choice.result() == "cancel":
                    raise CallCancelledError
                # Timed out: say so plainly and let the citizen choose.
                show_busy.cancel()
                show_cancel.cancel()
                self._choice = loop.create_future()
                self._busy.show_timeout()
                if await self._choice == "cancel":
                    raise CallCancelledError
                self._busy.show_busy(words)
                show_cancel = loop.call_later(self.cancel_after_s, self._busy.show_cancel)
        finally:
            show_busy.cancel()
            show_cancel.cancel()
            self._choice = None
            self._depth -= 1
            if self._depth == 0:
                self._busy.hide()

    def _choose(self, choice: str) -> None:
        if self._choice is not None and not self._choice.done():
            self._choice.set_result(choice)

    def shutdown(self) -> None:
        """Stop accepting calls; threads still running finish on their own."""
        self._executor.shutdown(wait=False, cancel_futures=True)


def _drop_result(future: asyncio.Future[Any]) -> None:
    # Retrieve the late result so asyncio does not log "exception was never retrieved".
    if not future.cancelled():
        with contextlib.suppress(Exception):
            future.exception()
