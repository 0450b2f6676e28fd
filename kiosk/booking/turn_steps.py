"""Choosing the turn and booking it: place, procedure, agency, day and hour, the hold and its
countdown, the booking, the citizen's existing turns, and the slip."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer

from kiosk.backend.errors import ServiceError
from kiosk.booking.context import LIMITS, StepContext
from kiosk.booking.operations import AbortError
from kiosk.domain.flow import Step
from kiosk.domain.models import Confirmation, Day, Slot
from kiosk.ui.async_call import CallCancelledError

#: How many days the kiosk asks for: the service's window (28 days) to the end of its last
#: month, so that month shows which of its days are not open yet. The window itself comes from
#: the service (`Availability.last_bookable`).
AVAILABILITY_DAYS = 60
#: How long the hold waits for the printer's status before showing the review without it.
PRINTER_STATUS_WAIT_S = 2.0


class TurnSteps(QObject):
    def __init__(self, ctx: StepContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days: list[Day] = []
        self.last_bookable: dt.date | None = None  # the service's booking window
        self.hold_timer = QTimer(self)
        self.hold_timer.setInterval(1000)
        self.hold_timer.timeout.connect(self._tick_hold)
        #: the hold whose booking was asked for without an answer (the service away): the
        #: booking may stand, so the hold's end asks again before giving the hour up
        self._unanswered: str | None = None

    def forget(self) -> None:
        self.hold_timer.stop()
        self._unanswered = None
        self.days = []
        self.last_bookable = None

    # --- place, procedure, agency ---------------------------------------------------------

    async def choose_province(self) -> None:
        self.ctx.flow.choose_province(self.ctx.screens.province.value())
        self.ctx.flow.advance()
        await self.ctx.enter(Step.PROCEDURE, None)

    async def choose_procedure(self) -> None:
        self.ctx.flow.choose_procedure(self.ctx.screens.procedure.value())
        self.ctx.flow.advance()
        await self.ctx.enter(Step.AGENCY, None)

    async def choose_agency(self) -> None:
        flow = self.ctx.flow
        flow.choose_agency(self.ctx.screens.agency.value())
        flow.advance()
        try:
            await self.ctx.enter(Step.SCHEDULE, None)
        except (AbortError, CallCancelledError):
            # The days never came (out of service meanwhile, or the wait cancelled): the
            # agency screen is still the one shown, so the flow goes back to it, the agency
            # kept, and Siguiente there asks for the days again.
            if flow.current is Step.SCHEDULE:
                flow.back()
            raise

    # --- day and hour ---------------------------------------------------------------------

    def _agency_today(self) -> dt.date:
        draft, catalog = self.ctx.flow.draft, self.ctx.catalog
        agency = catalog.agency(draft.agency_id) if catalog and draft.agency_id else None
        zone = ZoneInfo(agency.time_zone if agency else "America/Guayaquil")
        return self.ctx.now().astimezone(zone).date()

    async def load_days(self) -> None:
        ctx, draft = self.ctx, self.ctx.flow.draft
        assert draft.agency_id is not None
        assert draft.procedure_code is not None
        today = self._agency_today()
        availability = await ctx.ops.call(
            ctx.client.availability,
            draft.agency_id,
            draft.procedure_code,
            today,
            today + dt.timedelta(days=AVAILABILITY_DAYS - 1),
            words=ctx.messages.busy_days(),
        )
        self.days = list(availability.days)
        self.last_bookable = availability.last_bookable
        ctx.screens.schedule.set_availability(availability)

    async def load_slots(self, day: dt.date) -> None:
        ctx, draft = self.ctx, self.ctx.flow.draft
        assert draft.agency_id is not None
        assert draft.procedure_code is not None
        slots = await ctx.ops.call(
            ctx.client.slots,
            draft.agency_id,
            draft.procedure_code,
            day,
            words=ctx.messages.busy_slots(),
        )
        view = ctx.screens.schedule
        free = [s for s in slots if s.free_places > 0]
        view.set_slots(free)
        if not free:
            view.set_no_places(self._next_open_day(day))
        ctx.shell.refresh_actions()

    def _next_open_day(self, after: dt.date) -> dt.date | None:
        """Only an open day inside the service's window (closed, full and not-open days have
        no places to offer)."""
        last = self.last_bookable
        return next(
            (
                d.date
                for d in sorted(self.days, key=lambda d: d.date)
                if d.date > after and d.available and (last is None or d.date <= last)
            ),
            None,
        )

    async def choose_day(self, day: dt.date) -> None:
        self.ctx.flow.choose_day(day)
        self.ctx.session.release(self.ctx.flow.released)
        await self.load_slots(day)

    # --- the hold -------------------------------------------------------------------------

    async def hold_slot(self) -> None:
        ctx = self.ctx
        slot: Slot = ctx.screens.schedule.value()
        session = ctx.session.require()
        # The printer is asked while the service holds the hour, so that the review screen
        # already says when the slip cannot be printed.
        ctx.station.forget_status()
        printer = asyncio.ensure_future(ctx.station.ask())
        try:
            hold = await ctx.ops.call(
                ctx.client.hold, session, slot, words=ctx.messages.busy_hold()
            )
        except ServiceError as exc:
            day = ctx.flow.draft.day
            if day is not None and exc.code == "slot_unavailable":
                await self.load_slots(day)
            ctx.fail(Step.SCHEDULE, partial(ctx.messages.service_error, exc.code))
        ctx.flow.held(slot, hold)
        ctx.session.release(ctx.flow.released)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(printer), PRINTER_STATUS_WAIT_S)
        ctx.flow.advance()
        await ctx.enter(Step.REVIEW, None)

    def start_countdown(self) -> None:
        """The review's countdown to the hold's end (the view counts; the timer acts at 0)."""
        hold = self.ctx.flow.draft.hold
        if hold is not None:
            self.ctx.screens.review.set_hold_countdown(self.ctx.seconds_until(hold.expires_at))
        self.hold_timer.start()

    def _tick_hold(self) -> None:
        ctx, hold = self.ctx, self.ctx.flow.draft.hold
        if ctx.flow.current is not Step.REVIEW or hold is None:
            self.hold_timer.stop()
            return
        if ctx.seconds_until(hold.expires_at) <= 0 and not ctx.ops.busy:
            self.hold_timer.stop()
            if self._unanswered == hold.id:
                # Booked, perhaps: the same key again gets the booking the service made, or
                # "hold_expired" if it made none (then back to the hours, as below).
                ctx.ops.run(self.book())
            else:
                ctx.ops.run(self.hold_lost("hold_expired"))

    async def hold_lost(self, code: str) -> None:
        self.ctx.flow.hold_lost()
        await self.ctx.enter(Step.SCHEDULE, partial(self.ctx.messages.service_error, code))

    # --- booking --------------------------------------------------------------------------

    async def book(self) -> None:
        ctx = self.ctx
        hold = ctx.flow.draft.hold
        session = ctx.session.require()
        assert hold is not None
        self._unanswered = hold.id  # until the service answers, the booking may be made
        try:
            confirmation = await ctx.ops.call(
                ctx.client.book,
                session,
                hold.id,
                ctx.session.key_for(hold.id),
                words=ctx.messages.busy_booking(),
            )
        except ServiceError as exc:
            self._unanswered = None
            if exc.code in ("hold_expired", "slot_unavailable", "not_found"):
                await self.hold_lost(exc.code if exc.code != "not_found" else "hold_expired")
                raise AbortError from exc
            if exc.code == "citizen_quota":  # no new try books before a day or more
                self.hold_timer.stop()  # the hold goes back when the citizen leaves
                words = ctx.service_problem(exc, at_code_step=False)
                ctx.live.show(Step.REVIEW, words, ctx.screens.review.refuse)
                ctx.shell.refresh_actions()
                raise AbortError from exc
            if exc.code in LIMITS:  # words with the clock time
                ctx.fail(Step.REVIEW, ctx.service_problem(exc, at_code_step=False))
            ctx.fail(Step.REVIEW, partial(ctx.messages.service_error, exc.code))
        self._unanswered = None
        self.hold_timer.stop()
        ctx.flow.booked(confirmation)
        ctx.session.booked()
        ctx.flow.advance()
        await ctx.enter(Step.PRINT, None)

    # --- the citizen's existing turns -----------------------------------------------------

    async def new_booking(self) -> None:
        self.ctx.flow.new_booking()
        await self.ctx.enter(Step.PROVINCE, None)

    def existing(self, booking_id: str) -> Confirmation | None:
        return next((c for c in self.ctx.flow.draft.existing if c.booking.id == booking_id), None)

    async def reprint(self, confirmation: Confirmation) -> None:
        self.ctx.flow.reprint(confirmation)
        await self.ctx.enter(Step.PRINT, None)

    async def cancel_booking(self, booking_id: str) -> None:
        ctx = self.ctx
        try:
            await ctx.ops.call(
                ctx.client.cancel_booking,
                ctx.session.require(),
                booking_id,
                words=ctx.messages.busy_cancel(),
            )
        except ServiceError as exc:
            if exc.code != "not_found":  # already gone: the list just catches up
                ctx.fail(Step.EXISTING_TURN, partial(ctx.messages.service_error, exc.code))
        ctx.flow.cancelled(booking_id)
        catalog = ctx.catalog
        if catalog is not None:
            ctx.screens.existing.set_bookings(
                list(ctx.flow.draft.existing), catalog, ctx.flow.draft.language
            )
        ctx.shell.refresh_actions()

    # --- the slip -------------------------------------------------------------------------

    async def print_slip(self) -> bool:
        """Print the booked turn; on failure the screen shows the QR to photograph (the
        booking stands whatever the printer does). True when it printed."""
        ctx = self.ctx
        confirmation, catalog = ctx.flow.draft.confirmation, ctx.catalog
        assert confirmation is not None
        assert catalog is not None
        view = ctx.screens.printing
        view.show_printing()
        data = ctx.station.slip_data(confirmation, ctx.flow.draft, catalog)
        if await ctx.station.print(data):
            ctx.flow.printed()
            ctx.flow.advance()
            await ctx.enter(Step.DONE, None)
            return True
        view.show_failed(confirmation.token, ctx.flow.draft.email is not None)
        ctx.shell.refresh_actions()
        return False
