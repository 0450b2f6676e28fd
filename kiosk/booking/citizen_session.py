"""The service session of the citizen at the screen, and what it holds on the service.

The session comes with a verified code and ends with the citizen (done, start over, walking
away). A booking is asked for with one idempotency key per hold, so a retried "Confirmar" after
a lost answer never books twice. Whatever the flow drops that the service still holds (a hold,
the session itself) is given back in the background: nobody waits on it, and the service lets
both expire anyway.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable

from kiosk.backend.client import Session, TurnosClient
from kiosk.backend.errors import ServiceError, ServiceUnavailable
from kiosk.booking.operations import Operations
from kiosk.domain.flow import Released
from kiosk.ui.async_call import AsyncCaller

log = logging.getLogger(__name__)


class CitizenSession:
    def __init__(
        self,
        client: TurnosClient,
        caller: AsyncCaller,
        ops: Operations,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._client = client
        self._caller = caller
        self._ops = ops
        self._now = now
        self.current: Session | None = None
        self._idempotency: dict[str, str] = {}  # hold id -> Idempotency-Key

    def require(self) -> Session:
        """The session; the flow reaches the steps that need one only after the code."""
        assert self.current is not None, "no service session before the code is verified"
        return self.current

    def key_for(self, hold_id: str) -> str:
        """The same key for every try at booking this hold."""
        return self._idempotency.setdefault(hold_id, uuid.uuid4().hex)

    def booked(self) -> None:
        self._idempotency.clear()

    def forget(self) -> None:
        self.current = None
        self._idempotency.clear()

    def release(self, released: Released) -> None:
        """Give back what the flow dropped."""
        if not released:
            return
        session = self.current
        if session is None and released.session_token:
            session = Session(released.session_token, self._now())
        if session is None:
            return
        if self.current is not None and self.current.token == released.session_token:
            self.current = None
        self._ops.spawn(self._release_now(session, released), "release on the service")

    async def _release_now(self, session: Session, released: Released) -> None:
        try:
            if released.hold is not None:
                await self._caller.background(self._client.release_hold, session, released.hold.id)
            if released.session_token:
                await self._caller.background(self._client.end_session, session)
        except (ServiceError, ServiceUnavailable, TimeoutError) as exc:
            # The service drops holds and sessions on expiry anyway.
            log.info("could not release on the service: %s", type(exc).__name__)
