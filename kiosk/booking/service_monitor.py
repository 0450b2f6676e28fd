"""Watching the turn service: the catalogue, out of service and back, and the heartbeat.

When the service cannot be reached the out-of-service screen covers everything and health is
polled with back-off; the citizen's screen is still there when the service answers again. A
service that speaks another API version shows a technician's message instead. Every minute
the heartbeat tells the operators' dashboard the kiosk's version, its printer and its last
error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QTimer

from kiosk import __version__
from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import IncompatibleService, ServiceError, ServiceUnavailable
from kiosk.booking.operations import Operations
from kiosk.domain.models import Catalog
from kiosk.printing.printer import PrinterProblem, PrinterStatus
from kiosk.ui.async_call import AsyncCaller
from kiosk.ui.shell import KioskShell

log = logging.getLogger(__name__)


class ServiceMonitor(QObject):
    def __init__(
        self,
        client: TurnosClient,
        caller: AsyncCaller,
        shell: KioskShell,
        *,
        kiosk_id: str,
        printer_status: Callable[[], Awaitable[PrinterStatus]],
        health_first_s: float,
        health_poll_s: float,
        heartbeat_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._caller = caller
        self._shell = shell
        self._kiosk_id = kiosk_id
        self._printer_status = printer_status
        self._first_s = health_first_s
        self._poll_s = health_poll_s
        self.catalog: Catalog | None = None
        self.out_of_service = False
        #: the last error worth a technician's look, sent with the heartbeat
        self.last_error: str | None = None
        self._poll_task: asyncio.Future[None] | None = None
        self.ops: Operations | None = None  # set by the controller, for fire-and-forget work
        self._heartbeat_timer = QTimer(self)
        self._heartbeat_timer.setInterval(int(heartbeat_s * 1000))
        self._heartbeat_timer.timeout.connect(self.send_heartbeat)

    def note_error(self, text: str) -> None:
        self.last_error = text

    def start(self) -> None:
        self._heartbeat_timer.start()

    def stop(self) -> None:
        self._heartbeat_timer.stop()
        if self._poll_task is not None and not self._poll_task.done():
            self._poll_task.cancel()

    async def check(self) -> None:
        """Health and catalogue at start-up (and after the technician's restart)."""
        try:
            await self._caller.background(self._client.health)
            self.catalog = await self._caller.background(self._client.catalog)
        except IncompatibleService as exc:
            self.incompatible(exc)
        except (ServiceUnavailable, TimeoutError) as exc:
            self.unavailable(exc)

    async def revalidate_catalog(self) -> None:
        """Ask again with the catalogue's ETag: cheap, and keeps a long-running kiosk up to
        date. Nobody waits on it: the catalogue already held serves meanwhile."""
        try:
            self.catalog = await self._caller.background(self._client.catalog)
        except (ServiceUnavailable, TimeoutError) as exc:
            log.info("catalogue not revalidated: %s", type(exc).__name__)

    def unavailable(self, exc: BaseException) -> None:
        """The service cannot be reached: out of service until it answers again."""
        self.last_error = f"{type(exc).__name__}: {exc}"
        if not self.out_of_service:
            # The message names the method and path and how it failed, never what was sent.
            log.info("turn service unreachable (%s): out of service until it answers again", exc)
        self.out_of_service = True
        self._shell.busy.hide()
        self._shell.out_of_service.present()
        self._poll()

    def incompatible(self, exc: IncompatibleService) -> None:
        self.last_error = f"incompatible service API {exc.api_version}"
        log.error("turn service speaks API version %s; kiosk needs 1", exc.api_version)
        self._shell.technician.show_message(
            f"API {exc.api_version} ≠ 1 · {self._client!r} · {self._kiosk_id}"
        )
        self.out_of_service = True
        self._poll()

    def _poll(self) -> None:
        if self._poll_task is None or self._poll_task.done():
            self._poll_task = asyncio.ensure_future(self._poll_health())

    async def _poll_health(self) -> None:
        delay = self._first_s
        while True:
            await asyncio.sleep(delay)
            try:
                await self._caller.background(self._client.health)
                if self.catalog is None:
                    self.catalog = await self._caller.background(self._client.catalog)
            except IncompatibleService as exc:
                self._shell.technician.show_message(f"API {exc.api_version} ≠ 1")
            except (ServiceUnavailable, TimeoutError):
                pass
            else:
                log.info("turn service reachable again")
                self.out_of_service = False
                self._shell.out_of_service.hide()
                self._shell.technician.hide()
                return
            delay = min(delay * 2, self._poll_s)

    # --- heartbeat ------------------------------------------------------------------------

    def send_heartbeat(self) -> None:
        if self.ops is not None:
            self.ops.spawn(self.heartbeat(), "heartbeat")

    async def heartbeat(self) -> None:
        status = await self._printer_status()
        state = "ready" if status.ready else "error"
        if status.problem is PrinterProblem.OFFLINE:
            state = "offline"
        paper = (
            "out"
            if status.problem is PrinterProblem.PAPER_OUT
            else ("low" if status.paper_low else "ok")
        )
        try:
            await self._caller.background(
                self._client.heartbeat, __version__, state, paper, self.last_error
            )
        except (ServiceError, ServiceUnavailable, TimeoutError) as exc:
            log.info("heartbeat not delivered: %s", type(exc).__name__)
