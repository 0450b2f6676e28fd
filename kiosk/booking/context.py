"""What every step handler works with, and the ways a step says no to the citizen.

A refusal ends the operation quietly (`AbortError`) after saying it: beside the field it
concerns where there is room, over the screen (keeping all that was typed) where the words
would not fit beside the contact fields without moving the keys. A limit names the clock time
to try again, in the kiosk's zone, never a minute before the limit ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import NoReturn
from zoneinfo import ZoneInfo

from kiosk.backend.client import TurnosClient
from kiosk.backend.errors import ServiceError
from kiosk.booking.citizen_session import CitizenSession
from kiosk.booking.live_words import LiveWords, Words, said
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
    enter: Callable[[Step, Words | None], Awaitable[None]]
    #: show the flow's current step as it is filled now
    show: Callable[[Step], None]
    #: the refusals showing, said again after a language switch
    live: LiveWords = field(default_factory=LiveWords)

    @property
    def catalog(self) -> Catalog | None:
        return self.monitor.catalog

    def fail(self, step: Step, text: Words) -> NoReturn:
        """Say `text` beside the field of `step` and end the operation."""
        self.live.show(step, text, self.screens(step).set_error)
        self.shell.refresh_actions()
        raise AbortError

    def notice(self, heading: Words, text: Words) -> NoReturn:
        """Say it over the screen (which keeps all that was typed) and end the operation."""
        self.shell.notice.present_notice(said(heading), said(text))
        raise AbortError

    def refuse_contact(
        self, text: Words, *, limit: bool = False, heading: Words | None = None
    ) -> NoReturn:
        """A refusal of the contact form: over the screen (beside the fields there is no
        room left that would not move the keys)."""
        if heading is None:
            heading = self.messages.limit_heading if limit else self.messages.contact_heading
        self.notice(heading, text)

    def service_problem(self, exc: ServiceError, *, at_code_step: bool) -> Callable[[], str]:
        """The words for a refusal, written in the language showing when they are said (again
        after a switch); a limit names the clock time to try again, fixed now."""
        messages, code, attempts_left = self.messages, exc.code, exc.attempts_left
        phone = self.options.contact_phone
        if code in LIMITS and exc.retry_after is not None:
            at = self.local(self.now() + dt.timedelta(seconds=max(exc.retry_after, 0)))
            if at.second or at.microsecond:  # never name a minute before the limit ends
                at = at.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
            clock = at.strftime("%H:%M")
            if code == "citizen_quota":
                return lambda: messages.citizen_quota(
                    at, self.flow.draft.language, contact_phone=phone
                )
            if code == "kiosk_budget":
                return lambda: messages.kiosk_budget(clock)
            return lambda: messages.limit_reached(
                clock, at_code_step=at_code_step, contact_phone=phone
            )
        return lambda: messages.code_refused(code, attempts_left)

    def local(self, moment: dt.datetime) -> dt.datetime:
        """An instant in the kiosk's own time zone, for the clock times a citizen reads."""
        return moment.astimezone(ZoneInfo(self.options.time_zone))

    def seconds_until(self, moment: dt.datetime) -> int:
        return max(0, int((moment - self.now()).total_seconds() + 0.999))
