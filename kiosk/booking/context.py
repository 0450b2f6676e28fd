"""What every step handler works with, and the ways a step says no to the citizen.

A refusal ends the operation quietly (`AbortError`) after saying it: beside the field it
concerns where there is room, over the screen (keeping all that was typed) where the words
would not fit beside the contact fields without moving the keys. A limit names the clock time
to try again, in the kiosk's zone, never a minute before the limit ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import NoReturn
from zoneinfo import ZoneInfo

from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import ServiceError
from kiosk.booking.citizen_session import CitizenSession
from kiosk.booking.operations import AbortError, Operations
from kiosk.booking.options import ControllerOptions
from kiosk.booking.print_station import PrintStation
from kiosk.booking.screens import Screens
from kiosk.booking.service_monitor import ServiceMonitor
from kiosk.domain.flow import BookingFlow, Step
from kiosk.domain.models import Catalog
from kiosk.ui.messages import Messages
from kiosk.ui.shell import KioskShell

LIMITS = ("rate_limited", "citizen_quota", "kiosk_budget")


@dataclass
class StepContext:
    flow: BookingFlow
    screens: Screens
    shell: KioskShell
    client: TurnosClient
    ops: Operations
    messages: Messages
    session: CitizenSession
    station: PrintStation
    monitor: ServiceMonitor
    options: ControllerOptions
    now: Callable[[], dt.datetime]
    #: fill a step's view (asking the service where needed) and show it
    enter: Callable[[Step, str | None], Awaitable[None]]
    #: show the flow's current step as it is filled now
    show: Callable[[Step], None]

    @property
    def catalog(self) -> Catalog | None:
        return self.monitor.catalog

    def fail(self, step: Step, text: str) -> NoReturn:
        """Say `text` beside the field of `step` and end the operation."""
        self.screens(step).set_error(text)
        self.shell.refresh_actions()
        raise AbortError

    def notice(self, heading: str, text: str) -> NoReturn:
        """Say it over the screen (which keeps all that was typed) and end the operation."""
        self.shell.notice.present_notice(heading, text)
        raise AbortError

    def refuse_contact(
        self, text: str, *, limit: bool = False, heading: str | None = None
    ) -> NoReturn:
        """A refusal of the contact form: over the screen (beside the fields there is no
        room left that would not move the keys)."""
        if heading is None:
            heading = self.messages.limit_heading() if limit else self.messages.contact_heading()
        self.notice(heading, text)

    def service_problem(self, exc: ServiceError, *, at_code_step: bool) -> str:
        """The words for a refusal; a limit names the clock time to try again."""
        if exc.code in LIMITS and exc.retry_after is not None:
            at = self.local(self.now() + dt.timedelta(seconds=max(exc.retry_after, 0)))
            if at.second or at.microsecond:  # never name a minute before the limit ends
                at = at.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
            if exc.code == "citizen_quota":
                return self.messages.citizen_quota(
                    at, self.flow.draft.language, contact_phone=self.options.contact_phone
                )
            if exc.code == "kiosk_budget":
                return self.messages.kiosk_budget(at.strftime("%H:%M"))
            return self.messages.limit_reached(
                at.strftime("%H:%M"),
                at_code_step=at_code_step,
                contact_phone=self.options.contact_phone,
            )
        return self.messages.code_refused(exc.code, exc.attempts_left)

    def local(self, moment: dt.datetime) -> dt.datetime:
        """An instant in the kiosk's own time zone, for the clock times a citizen reads."""
        return moment.astimezone(ZoneInfo(self.options.time_zone))

    def seconds_until(self, moment: dt.datetime) -> int:
        return max(0, int((moment - self.now()).total_seconds() + 0.999))
