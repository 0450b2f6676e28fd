"""The citizen's one running operation, and the work nobody waits on.

One operation runs at a time (a double tap starts nothing new); start over and the idle wipe
cancel it. A service call made for the citizen shows the busy overlay and turns an unreachable
or incompatible service into the out-of-service screen through the callbacks given here.
Background work (releasing a hold, the heartbeat) is fire and forget, but never silent: a
failure is logged with its traceback, masked by the kiosk's log filter.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from kiosk.backend.errors import IncompatibleService, ServiceUnavailable
from kiosk.ui.async_call import AsyncCaller, CallCancelledError

log = logging.getLogger(__name__)

T = TypeVar("T")


class AbortError(Exception):
    """Ends the current operation quietly (already reported on screen)."""


class Operations:
    def __init__(
        self,
        caller: AsyncCaller,
        *,
        on_unavailable: Callable[[ServiceUnavailable], None],
        on_incompatible: Callable[[IncompatibleService], None],
    ) -> None:
        self.caller = caller
        self._on_unavailable = on_unavailable
        self._on_incompatible = on_incompatible
        self._task: asyncio.Future[None] | None = None
        self._background: set[asyncio.Future[Any]] = set()

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def run(self, coro: Coroutine[Any, Any, None]) -> None:
        """Start the citizen's operation, unless one is already running (double taps)."""
        if self.busy:
            coro.close()
            return
        self._task = asyncio.ensure_future(self._guarded(coro))

    async def _guarded(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except (AbortError, CallCancelledError, asyncio.CancelledError):
            pass
        except Exception as exc:
            # The one handler for the unexpected (app.py routes sys.excepthook here too).
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def spawn(self, coro: Coroutine[Any, Any, Any], what: str) -> None:
        """Fire and forget; `what` names the work in the log should it fail."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        task.add_done_callback(lambda done: _log_failure(done, what))

    def cancel_current(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def shutdown(self) -> None:
        for task in (self._task, *self._background):
            if task is not None and not task.done():
                task.cancel()

    async def call(self, fn: Callable[..., T], *args: Any, words: str = "") -> T:
        """A service call with the busy overlay; unavailability switches to out of service."""
        try:
            return await self.caller.run(fn, *args, words=words)
        except ServiceUnavailable as exc:
            self._on_unavailable(exc)
            raise AbortError from exc
        except IncompatibleService as exc:
            self._on_incompatible(exc)
            raise AbortError from exc


def _log_failure(task: asyncio.Future[Any], what: str) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.error("background work failed: %s", what, exc_info=(type(exc), exc, exc.__traceback__))
