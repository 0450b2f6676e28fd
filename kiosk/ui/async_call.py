"""Running a blocking call (the service, the printer) without freezing the screen.

The call runs in a worker thread through qasync's `run_in_executor`; the Qt event loop keeps
turning meanwhile. After 300 ms the busy overlay shows words about what is happening, after a
few seconds a "Cancelar" button; when the guard timeout passes the citizen gets a plain message
and may try again. Widgets are touched only here, on the UI thread.

A cancelled or abandoned call keeps running in its thread until the HTTP timeout of the client
ends it (requests cannot be interrupted); its result is dropped.

Work nobody waits on (health polling, the heartbeat, the printer's status, releasing a hold)
runs through `background()`, always with a time limit, on threads of its own per device: a
hung printer can fill the printer's lane, never the service's nor the citizen's calls.
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
#: The longest a background call may take before its waiter gives up on it.
BACKGROUND_TIMEOUT_S = 20.0


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
        background_workers: int = 2,
        background_timeout_s: float = BACKGROUND_TIMEOUT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self.timeout_s = timeout_s
        self.busy_after_s = busy_after_s
        self.cancel_after_s = cancel_after_s
        self.background_timeout_s = background_timeout_s
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="call")
        self._lane_workers = background_workers
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._choice: asyncio.Future[str] | None = None
        self._depth = 0
        busy.cancel_requested.connect(lambda: self._choose("cancel"))
        busy.retry_requested.connect(lambda: self._choose("retry"))

    @property
    def running(self) -> bool:
        return self._depth > 0

    async def background(
        self,
        fn: Callable[..., T],
        *args: Any,
        timeout_s: float | None = None,
        lane: str = "service",
        **kwargs: Any,
    ) -> T:
        """Run `fn` without any busy display (heartbeat, health polling, the printer).

        Each `lane` (one per device: "service", "printer") has threads of its own, so a
        printer that hangs cannot hold up the heartbeat, nor either of them the citizen's
        calls. Raises TimeoutError after `timeout_s` (the caller's default otherwise); a
        call that has not started by then never starts, one that has finishes on its own
        and its result is dropped.
        """
        loop = asyncio.get_running_loop()
        pool = self._lanes.get(lane)
        if pool is None:
            pool = ThreadPoolExecutor(
                max_workers=self._lane_workers, thread_name_prefix=f"background-{lane}"
            )
            self._lanes[lane] = pool
        call = loop.run_in_executor(pool, functools.partial(fn, *args, **kwargs))
        limit = self.background_timeout_s if timeout_s is None else timeout_s
        try:
            done, _ = await asyncio.wait({call}, timeout=limit)
        except asyncio.CancelledError:
            call.cancel()
            raise
        if call not in done:
            call.cancel()
            raise TimeoutError(f"{getattr(fn, '__name__', 'call')} took over {limit:g} s")
        return call.result()

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
        for pool in self._lanes.values():
            pool.shutdown(wait=False, cancel_futures=True)


def _drop_result(future: asyncio.Future[Any]) -> None:
    # Retrieve the late result so asyncio does not log "exception was never retrieved".
    if not future.cancelled():
        with contextlib.suppress(Exception):
            future.exception()
